//! Word's automatic list numbering: the definitions in `word/numbering.xml`, the
//! numbering carried by paragraph styles in `word/styles.xml`, and the running counters
//! that turn a paragraph's `w:numPr` into the label a reader sees (`a)`, `2`, `iii)`).
//!
//! Counting follows Word rather than a literal reading of the part:
//!
//! - Counters belong to the *abstract* definition (`w:abstractNum`). Several `w:num`
//!   instances that share one abstract definition continue one sequence, which is how
//!   Word continues a list after an interruption.
//! - A `w:num` whose `w:lvlOverride` carries a `w:startOverride` restarts the overridden
//!   levels the first time a paragraph uses that `w:num`; this is how Word records
//!   "Restart numbering", so each list of clauses gets its own `a)`, `b)`, ...
//! - Numbering a paragraph at one level restarts the deeper levels, unless a level's
//!   `w:lvlRestart` says otherwise (`0`: never; `n`: only when level `n` or a shallower
//!   one is used).

use std::collections::{HashMap, HashSet};

use super::xml::{is_on, Ev, Xml};
use super::DocxError;

/// Word supports nine list levels, `w:ilvl` 0 to 8.
const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Fmt {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Fmt {
    fn parse(val: &str) -> Fmt {
        match val {
            "decimalZero" => Fmt::DecimalZero,
            "lowerLetter" => Fmt::LowerLetter,
            "upperLetter" => Fmt::UpperLetter,
            "lowerRoman" => Fmt::LowerRoman,
            "upperRoman" => Fmt::UpperRoman,
            "bullet" => Fmt::Bullet,
            "none" => Fmt::None,
            // decimal, and every format proplint does not model (ordinal, cardinalText,
            // chicago, East Asian counting systems ...): digits are the best guess.
            _ => Fmt::Decimal,
        }
    }
}

/// What follows a label: `w:suff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

impl Suffix {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Suffix::Tab => "\t",
            Suffix::Space => " ",
            Suffix::Nothing => "",
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    fmt: Fmt,
    text: Option<String>,
    restart: Option<i64>,
    is_lgl: bool,
    suffix: Suffix,
    pstyle: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    num_style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Override {
    start: Option<i64>,
    level: Option<Level>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: Option<String>,
    overrides: [Option<Override>; LEVELS],
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// Numbering set by a paragraph style (`w:style/w:pPr/w:numPr`), with inheritance.
#[derive(Debug, Clone, Default)]
struct StyleNum {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

/// The paragraph and numbering styles of a document, as far as numbering is concerned.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, StyleNum>,
    default_paragraph: Option<String>,
}

/// A label ready to print: its text (`b)`) and what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    pub text: String,
    pub suffix: Suffix,
}

fn parse_level_index(val: Option<String>) -> Option<usize> {
    let i: usize = val?.trim().parse().ok()?;
    (i < LEVELS).then_some(i)
}

fn parse_int(val: Option<&str>) -> Option<i64> {
    let v: i64 = val?.trim().parse().ok()?;
    Some(v.clamp(0, i64::from(i32::MAX)))
}

fn trimmed(val: Option<String>) -> Option<String> {
    val.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

impl Numbering {
    /// Parses `word/numbering.xml`.
    pub(crate) fn parse(part: &str, text: &str) -> Result<Numbering, DocxError> {
        #[derive(PartialEq)]
        enum Open {
            AbstractNum,
            Num,
            Lvl,
            LvlOverride,
            Other,
        }
        let mut xml = Xml::new(part, text);
        let mut out = Numbering::default();
        let mut open: Vec<Open> = Vec::new();
        let mut cur_abs: Option<(String, Abstract)> = None;
        let mut cur_num: Option<(String, Num)> = None;
        let mut cur_override: Option<(usize, Override)> = None;
        let mut cur_lvl: Option<(usize, Level)> = None;
        loop {
            match xml.next()? {
                Ev::Eof => break,
                Ev::Text(_) => {}
                Ev::End => match open.pop() {
                    Some(Open::AbstractNum) => {
                        if let Some((id, abs)) = cur_abs.take() {
                            out.abstracts.entry(id).or_insert(abs);
                        }
                    }
                    Some(Open::Num) => {
                        if let Some((id, num)) = cur_num.take() {
                            out.nums.entry(id).or_insert(num);
                        }
                    }
                    Some(Open::LvlOverride) => {
                        if let (Some((i, ov)), Some((_, num))) =
                            (cur_override.take(), cur_num.as_mut())
                        {
                            num.overrides[i] = Some(ov);
                        }
                    }
                    Some(Open::Lvl) => {
                        if let Some((i, lvl)) = cur_lvl.take() {
                            if let Some((_, ov)) = cur_override.as_mut() {
                                ov.level = Some(lvl);
                            } else if let Some((_, abs)) = cur_abs.as_mut() {
                                if abs.levels[i].is_none() {
                                    abs.levels[i] = Some(lvl);
                                }
                            }
                        }
                    }
                    Some(Open::Other) | None => {}
                },
                Ev::Start(el) => {
                    if !el.w {
                        // mc:AlternateContent and friends: look inside (a w14 custom
                        // numFmt sits in a Choice, its plain fallback after it).
                        open.push(Open::Other);
                        continue;
                    }
                    match el.local.as_slice() {
                        b"abstractNum" if cur_abs.is_none() && cur_num.is_none() => {
                            let id = trimmed(xml.attr(&el, b"abstractNumId")?).unwrap_or_default();
                            cur_abs = Some((id, Abstract::default()));
                            open.push(Open::AbstractNum);
                        }
                        b"num" if cur_abs.is_none() && cur_num.is_none() => {
                            let id = trimmed(xml.attr(&el, b"numId")?).unwrap_or_default();
                            cur_num = Some((id, Num::default()));
                            open.push(Open::Num);
                        }
                        b"lvlOverride" if cur_num.is_some() && cur_override.is_none() => {
                            match parse_level_index(xml.attr(&el, b"ilvl")?) {
                                Some(i) => {
                                    cur_override = Some((i, Override::default()));
                                    open.push(Open::LvlOverride);
                                }
                                None => xml.skip()?,
                            }
                        }
                        b"lvl"
                            if cur_lvl.is_none()
                                && (cur_abs.is_some() || cur_override.is_some()) =>
                        {
                            let index = parse_level_index(xml.attr(&el, b"ilvl")?)
                                .or(cur_override.as_ref().map(|(i, _)| *i));
                            match index {
                                Some(i) => {
                                    cur_lvl = Some((i, Level::default()));
                                    open.push(Open::Lvl);
                                }
                                None => xml.skip()?,
                            }
                        }
                        b"abstractNumId" if cur_override.is_none() => {
                            let v = trimmed(xml.attr(&el, b"val")?);
                            if let Some((_, num)) = cur_num.as_mut() {
                                num.abstract_id = v;
                            }
                            xml.skip()?;
                        }
                        b"startOverride" => {
                            let v = parse_int(xml.attr(&el, b"val")?.as_deref());
                            if let Some((_, ov)) = cur_override.as_mut() {
                                ov.start = v;
                            }
                            xml.skip()?;
                        }
                        b"numStyleLink" if cur_lvl.is_none() => {
                            let v = trimmed(xml.attr(&el, b"val")?);
                            if let Some((_, abs)) = cur_abs.as_mut() {
                                abs.num_style_link = v;
                            }
                            xml.skip()?;
                        }
                        b"start" | b"numFmt" | b"lvlText" | b"lvlRestart" | b"isLgl" | b"suff"
                        | b"pStyle"
                            if cur_lvl.is_some() =>
                        {
                            let v = xml.attr(&el, b"val")?;
                            if let Some((_, lvl)) = cur_lvl.as_mut() {
                                match el.local.as_slice() {
                                    b"start" => lvl.start = parse_int(v.as_deref()).unwrap_or(0),
                                    b"numFmt" => lvl.fmt = Fmt::parse(v.as_deref().unwrap_or("")),
                                    b"lvlText" => lvl.text = v.map(cap_label_text),
                                    b"lvlRestart" => lvl.restart = parse_int(v.as_deref()),
                                    b"isLgl" => lvl.is_lgl = is_on(v.as_deref()),
                                    b"suff" => {
                                        lvl.suffix = match v.as_deref() {
                                            Some("space") => Suffix::Space,
                                            Some("nothing") => Suffix::Nothing,
                                            _ => Suffix::Tab,
                                        }
                                    }
                                    _ => lvl.pstyle = trimmed(v),
                                }
                            }
                            xml.skip()?;
                        }
                        // Formatting of the label: nothing to read, possibly much to skip.
                        b"rPr" | b"pPr" | b"lvlPicBulletId" | b"numPicBullet" => xml.skip()?,
                        _ => open.push(Open::Other),
                    }
                }
            }
        }
        Ok(out)
    }

    /// The abstract definition behind `num_id`, following a `w:numStyleLink` to the
    /// numbering style's own definition, and the key its counters are kept under.
    fn resolve<'a>(&'a self, styles: &Styles, num_id: &str) -> Option<(&'a str, &'a Abstract)> {
        let num = self.nums.get(num_id)?;
        let mut key = num.abstract_id.as_deref()?;
        let mut abs = self.abstracts.get(key)?;
        // A numbering style links two definitions; a chain longer than a few is a loop.
        for _ in 0..4 {
            let Some(link) = abs.num_style_link.as_deref() else {
                break;
            };
            let Some((Some(linked_num), _)) = styles.numbering_of(link) else {
                break;
            };
            let Some(next_key) = self
                .nums
                .get(linked_num)
                .and_then(|n| n.abstract_id.as_deref())
            else {
                break;
            };
            let Some(next) = self.abstracts.get(next_key) else {
                break;
            };
            key = next_key;
            abs = next;
        }
        Some((key, abs))
    }

    /// The level of `abs` linked to paragraph style `style` (`w:lvl/w:pStyle`).
    fn level_for_style(&self, styles: &Styles, num_id: &str, style: &str) -> Option<usize> {
        let (_, abs) = self.resolve(styles, num_id)?;
        abs.levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.pstyle.as_deref()) == Some(style))
    }
}

impl Styles {
    /// Parses `word/styles.xml`, keeping what numbering needs.
    pub(crate) fn parse(part: &str, text: &str) -> Result<Styles, DocxError> {
        #[derive(Clone, Copy, PartialEq)]
        enum Open {
            Style,
            PPr,
            NumPr,
            Other,
        }
        let mut xml = Xml::new(part, text);
        let mut out = Styles::default();
        let mut open: Vec<Open> = Vec::new();
        let mut cur: Option<(String, StyleNum)> = None;
        loop {
            match xml.next()? {
                Ev::Eof => break,
                Ev::Text(_) => {}
                Ev::End => {
                    if open.pop() == Some(Open::Style) {
                        if let Some((id, style)) = cur.take() {
                            out.styles.entry(id).or_insert(style);
                        }
                    }
                }
                Ev::Start(el) => {
                    let top = open.last().copied();
                    if !el.w {
                        open.push(Open::Other);
                        continue;
                    }
                    match el.local.as_slice() {
                        b"style" if cur.is_none() => {
                            let id = trimmed(xml.attr(&el, b"styleId")?).unwrap_or_default();
                            let paragraph = xml.attr(&el, b"type")?.as_deref() == Some("paragraph");
                            let default = xml.attr(&el, b"default")?;
                            if paragraph
                                && default.is_some()
                                && is_on(default.as_deref())
                                && out.default_paragraph.is_none()
                            {
                                out.default_paragraph = Some(id.clone());
                            }
                            cur = Some((id, StyleNum::default()));
                            open.push(Open::Style);
                        }
                        b"basedOn" if top == Some(Open::Style) => {
                            let v = trimmed(xml.attr(&el, b"val")?);
                            if let Some((_, s)) = cur.as_mut() {
                                s.based_on = v;
                            }
                            xml.skip()?;
                        }
                        b"pPr" if top == Some(Open::Style) => open.push(Open::PPr),
                        b"numPr" if top == Some(Open::PPr) => open.push(Open::NumPr),
                        b"numId" | b"ilvl" if top == Some(Open::NumPr) => {
                            let v = trimmed(xml.attr(&el, b"val")?);
                            if let Some((_, s)) = cur.as_mut() {
                                if el.local.as_slice() == b"numId" {
                                    s.num_id = v;
                                } else {
                                    s.ilvl =
                                        parse_level_index(v).and_then(|i| u8::try_from(i).ok());
                                }
                            }
                            xml.skip()?;
                        }
                        // Everything else in a style (run formatting, table formatting,
                        // the old properties of a tracked change) says nothing about
                        // numbering.
                        _ if cur.is_some() => xml.skip()?,
                        _ => open.push(Open::Other),
                    }
                }
            }
        }
        Ok(out)
    }

    /// The numbering a style sets, directly or through `w:basedOn`: `(numId, ilvl)`,
    /// each the nearest one found; `None` if the style is unknown.
    fn numbering_of(&self, style: &str) -> Option<(Option<&str>, Option<u8>)> {
        let mut s = self.styles.get(style)?;
        let (mut num_id, mut ilvl) = (s.num_id.as_deref(), s.ilvl);
        // Inheritance chains are short; a long one is a cycle.
        for _ in 0..32 {
            if num_id.is_some() && ilvl.is_some() {
                break;
            }
            let Some(parent) = s.based_on.as_deref().and_then(|b| self.styles.get(b)) else {
                break;
            };
            s = parent;
            num_id = num_id.or(s.num_id.as_deref());
            ilvl = ilvl.or(s.ilvl);
        }
        Some((num_id, ilvl))
    }
}

/// A paragraph's own numbering properties (`w:pPr/w:pStyle` and `w:pPr/w:numPr`).
#[derive(Debug, Clone, Default)]
pub(crate) struct ParaNumbering {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
}

/// The running counters of one reading of the document (the old text or the new).
#[derive(Debug, Default)]
pub(crate) struct Counters {
    lists: HashMap<String, [Option<i64>; LEVELS]>,
    seen_nums: HashSet<String>,
}

impl Counters {
    /// Counts one paragraph and returns its label, or `None` when it is not numbered (or
    /// its numbering shows no label).
    pub(crate) fn next(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        para: &ParaNumbering,
    ) -> Option<Label> {
        let style = para
            .style
            .as_deref()
            .or(styles.default_paragraph.as_deref());
        let from_style = style.and_then(|s| styles.numbering_of(s));
        let num_id = para.num_id.as_deref().or(from_style.and_then(|(n, _)| n))?;
        // numId 0 is Word's way of saying "no numbering" (it cancels a style's numbering).
        if num_id == "0" {
            return None;
        }
        let ilvl = para
            .ilvl
            .or(from_style.and_then(|(_, i)| i))
            .map(usize::from)
            .or_else(|| style.and_then(|s| numbering.level_for_style(styles, num_id, s)))
            .unwrap_or(0);
        let num = numbering.nums.get(num_id)?;
        let (key, abs) = numbering.resolve(styles, num_id)?;

        // The effective definition of every level for this w:num.
        let levels: Vec<Option<Level>> = (0..LEVELS)
            .map(|i| {
                let ov = num.overrides[i].as_ref();
                let mut lvl = ov
                    .and_then(|o| o.level.clone())
                    .or_else(|| abs.levels[i].clone())?;
                if let Some(start) = ov.and_then(|o| o.start) {
                    lvl.start = start;
                }
                Some(lvl)
            })
            .collect();
        let level = levels.get(ilvl)?.as_ref()?;

        let values = self.lists.entry(key.to_owned()).or_insert([None; LEVELS]);
        if self.seen_nums.insert(num_id.to_owned()) {
            for (i, ov) in num.overrides.iter().enumerate() {
                if ov.as_ref().is_some_and(|o| o.start.is_some()) {
                    values[i] = None;
                }
            }
        }
        let value = match values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => level.start,
        };
        values[ilvl] = Some(value);
        for (deeper, slot) in values.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels[deeper].as_ref().and_then(|l| l.restart);
            let resets = match restart {
                None => true,
                Some(0) => false,
                Some(r) => (ilvl as i64) < r,
            };
            if resets {
                *slot = None;
            }
        }

        let text = match level.fmt {
            Fmt::Bullet => level.text.as_deref().map(bullet_text).unwrap_or_default(),
            _ => {
                let template = level.text.as_deref().unwrap_or("");
                let mut out = String::new();
                let mut chars = template.chars().peekable();
                while let Some(c) = chars.next() {
                    let digit = chars.peek().and_then(|d| d.to_digit(10));
                    match digit {
                        Some(d @ 1..=9) if c == '%' => {
                            chars.next();
                            let i = (d - 1) as usize;
                            let lvl = levels[i].as_ref();
                            let n = values[i].unwrap_or_else(|| lvl.map_or(0, |l| l.start));
                            let fmt = if level.is_lgl {
                                Fmt::Decimal
                            } else {
                                lvl.map_or(Fmt::Decimal, |l| l.fmt)
                            };
                            out.push_str(&format_number(n, fmt));
                        }
                        _ => out.push(c),
                    }
                }
                out
            }
        };
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(Label {
            text,
            suffix: level.suffix,
        })
    }
}

/// Word's level texts are short (`%1.%2.%3)`); a longer one is cut, so that no level
/// text can multiply the size of the output by being repeated on every paragraph.
fn cap_label_text(text: String) -> String {
    const MAX_CHARS: usize = 64;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => text[..cut].to_owned(),
        None => text,
    }
}

/// Bullets are often characters of the Symbol or Wingdings fonts, stored in the Unicode
/// private use area; map the common ones to what a reader sees.
fn bullet_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{F0B7}' | '\u{F06C}' | '\u{F09F}' => '•',
            '\u{F0A7}' | '\u{F06E}' => '▪',
            '\u{F0D8}' => '➢',
            '\u{F0FC}' => '✓',
            '\u{F076}' => '❖',
            '\u{F02D}' => '–',
            c if ('\u{F000}'..='\u{F0FF}').contains(&c) => '•',
            c => c,
        })
        .collect()
}

/// `n` in the format `fmt`. Values a format cannot show (zero letters, huge romans)
/// fall back to digits, and nothing here allocates more than a few bytes.
fn format_number(n: i64, fmt: Fmt) -> String {
    match fmt {
        Fmt::Decimal => n.to_string(),
        Fmt::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
        Fmt::DecimalZero => n.to_string(),
        Fmt::LowerLetter | Fmt::UpperLetter => {
            // Word goes a..z, then aa..zz, then aaa..zzz.
            if n < 1 || (n - 1) / 26 >= 8 {
                return n.to_string();
            }
            let base = if fmt == Fmt::LowerLetter { b'a' } else { b'A' };
            let letter = char::from(base + ((n - 1) % 26) as u8);
            std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
        }
        Fmt::LowerRoman => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        Fmt::UpperRoman => roman(n).unwrap_or_else(|| n.to_string()),
        Fmt::Bullet | Fmt::None => String::new(),
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_number(1, Fmt::LowerLetter), "a");
        assert_eq!(format_number(26, Fmt::LowerLetter), "z");
        assert_eq!(format_number(27, Fmt::LowerLetter), "aa");
        assert_eq!(format_number(53, Fmt::UpperLetter), "AAA");
        assert_eq!(format_number(0, Fmt::LowerLetter), "0");
        assert_eq!(format_number(1_000_000, Fmt::LowerLetter), "1000000");
        assert_eq!(format_number(4, Fmt::LowerRoman), "iv");
        assert_eq!(format_number(1994, Fmt::UpperRoman), "MCMXCIV");
        assert_eq!(format_number(4000, Fmt::UpperRoman), "4000");
        assert_eq!(format_number(7, Fmt::DecimalZero), "07");
    }
}
