//! Clause labels: `a)`, `1`, `i)`, bullets; their values, their nesting levels, the
//! lookalike letters from other scripts typed in them, and the glued labels of
//! flattened revisions (`ac)` = `a` replaced by `c`, `23` between 2 and 4).

use serde::Serialize;

use super::shift::Shift;
use crate::base::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelKind {
    Letter,
    Number,
    Roman,
    Bullet,
}

/// A character typed in a label that is a lookalike of a Latin letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Homoglyph {
    pub span: Span,
    pub found: char,
    pub latin: char,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The label's characters, without the `)` or `.` after them.
    pub span: Span,
    /// The label as it reads (Latin letters, new reading of a glued label).
    pub text: String,
    pub kind: LabelKind,
    /// a = 1, b = 2 ...; 1, 2 ...; i = 1, ii = 2 ...
    pub value: u32,
    /// 0 for the section's first kind of label, deeper for sub-clauses.
    pub level: u8,
    /// The new label's span within a glued label (`c` of `ac)`), else `span`.
    pub new_span: Span,
    /// A label whose clause was deleted in Word but survived a flattening export.
    pub deleted: bool,
    /// The punctuation after the label, as written (`)`, `.`, or empty).
    pub closer: &'static str,
    /// What few labels have, boxed: every clause of a document holds a label.
    extra: Option<Box<LabelExtra>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
struct LabelExtra {
    homoglyphs: Vec<Homoglyph>,
    flattened_old: Option<(Span, String)>,
    old_text: Option<String>,
}

impl Label {
    pub fn new(
        span: Span,
        text: String,
        kind: LabelKind,
        value: u32,
        closer: &'static str,
    ) -> Label {
        Label {
            span,
            text,
            kind,
            value,
            level: 0,
            new_span: span,
            deleted: false,
            closer,
            extra: None,
        }
    }

    /// Letters of other scripts that look like the Latin ones the label reads as.
    pub fn homoglyphs(&self) -> &[Homoglyph] {
        self.extra.as_ref().map_or(&[], |e| &e.homoglyphs)
    }

    /// For a glued label: the old label's span and text (`a` of `ac)`).
    pub fn flattened_old(&self) -> Option<(Span, &str)> {
        let (span, text) = self.extra.as_ref()?.flattened_old.as_ref()?;
        Some((*span, text))
    }

    /// The label of the old reading when it differs: the glued old text, or the old
    /// side of a substitution mark (`{~~a~>c~~})`).
    pub fn old_text(&self) -> Option<&str> {
        self.extra.as_ref()?.old_text.as_deref()
    }

    pub fn set_homoglyphs(&mut self, homoglyphs: Vec<Homoglyph>) {
        if !homoglyphs.is_empty() || self.extra.is_some() {
            self.extra_mut().homoglyphs = homoglyphs;
        }
    }

    pub fn set_old_text(&mut self, old: Option<String>) {
        if old.is_some() || self.extra.is_some() {
            self.extra_mut().old_text = old;
        }
    }

    /// Makes this a glued label: `old` (span and text) then the new label at
    /// `new_span`, which the caller gives the label's text and value.
    pub fn set_flattened_old(&mut self, old_span: Span, old: &str, new_span: Span) {
        let extra = self.extra_mut();
        extra.flattened_old = Some((old_span, old.to_string()));
        extra.old_text = Some(old.to_string());
        self.new_span = new_span;
    }

    fn extra_mut(&mut self) -> &mut LabelExtra {
        self.extra.get_or_insert_with(Default::default)
    }
}

// Here rather than with the other parts in `shift.rs`: the rare fields it moves are
// private to this module.
impl Shift for Label {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        self.new_span.shift(by);
        if let Some(extra) = &mut self.extra {
            if let Some((span, _)) = &mut extra.flattened_old {
                span.shift(by);
            }
            for h in &mut extra.homoglyphs {
                h.span.shift(by);
            }
        }
    }
}

/// A label at the start of a clause line, before levels are known.
#[derive(Debug, Clone)]
pub struct RawLabel {
    pub span: Span,
    pub chars: String,
    pub kind: RawKind,
    pub closer: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    /// One to four letters: a letter label, a roman numeral, or a glued pair.
    Letters,
    Number,
    Bullet,
}

/// The Latin letter a lookalike from another script stands for.
pub fn latin_lookalike(ch: char) -> Option<char> {
    Some(match ch {
        // Cyrillic
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'ԁ' => 'd',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'о' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' => 't',
        'у' => 'y',
        'ԝ' => 'w',
        'х' => 'x',
        'ѵ' => 'v',
        // Greek
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'γ' => 'y',
        // Fullwidth Latin
        c @ 'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32)?,
        _ => return None,
    })
}

/// Reads a label at the start of `line` (after list markers and spaces have been
/// skipped by the caller: `at` is where the label may begin).
pub fn read_label(line: &str, at: usize) -> Option<RawLabel> {
    let rest = &line[at..];
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if matches!(
        first,
        '•' | '·' | '▪' | '–' | '—' | '-' | '*' | '\u{f0b7}' | 'o'
    ) && rest[first.len_utf8()..].starts_with([' ', '\t', '\u{a0}'])
    {
        return Some(RawLabel {
            span: Span::new(at, at + first.len_utf8()),
            chars: first.to_string(),
            kind: RawKind::Bullet,
            closer: "",
        });
    }
    // "(a)" and "a)" both occur.
    let (open, body) = match rest.strip_prefix('(') {
        Some(b) => (1, b),
        None => (0, rest),
    };
    if body.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 {
            return None;
        }
        let after = &body[digits..];
        let closer = if after.starts_with(')') {
            ")"
        } else if after.starts_with(". ") || after.starts_with(".\t") {
            "."
        } else if after.starts_with('\t')
            || after.starts_with("  ")
            || after.starts_with(" \t")
            || (open == 0
                && after.starts_with(' ')
                && after[1..].starts_with(|c: char| c.is_lowercase()))
            // The first paragraph's "1" left in its text by a conversion, one space
            // before a name ("1 RAG, TSAG and TDAG to continue ..."): only 1, the start
            // of a run, so that "20 November" or "3 Member States" stay text.
            || (open == 0
                && &body[..digits] == "1"
                && after.starts_with(' ')
                && after[1..].starts_with(|c: char| c.is_uppercase()))
        {
            ""
        } else {
            return None;
        };
        if open == 1 && closer != ")" {
            return None;
        }
        return Some(RawLabel {
            span: Span::new(at + open, at + open + digits),
            chars: body[..digits].to_string(),
            kind: RawKind::Number,
            closer,
        });
    }
    let letters: String = body
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(9)
        .collect();
    let n = letters.chars().count();
    // Up to four letters (a glued pair of double letters); two glued roman numerals
    // (`iiiii)` = `ii` then `iii`) take up to eight.
    let roman_digits = letters.bytes().all(|b| b"ivxl".contains(&b));
    if n == 0 || (n > 4 && !(roman_digits && n <= 8)) {
        return None;
    }
    let after = &body[letters.len()..];
    if !after.starts_with(')') {
        return None;
    }
    // A label is followed by its text, never by more of a word.
    let tail = &after[1..];
    if !(tail.is_empty() || tail.starts_with([' ', '\t', '\u{a0}'])) {
        return None;
    }
    // Every letter must be Latin or a known lookalike, in one case.
    if !letters
        .chars()
        .all(|c| c.is_ascii_lowercase() || latin_lookalike(c).is_some())
    {
        return None;
    }
    Some(RawLabel {
        span: Span::new(at + open, at + open + letters.len()),
        chars: letters,
        kind: RawKind::Letters,
        closer: ")",
    })
}

/// Whether label `next` comes right after label `prev` as letters (b after a), roman
/// numerals (iv after iii) or numbers (10 after 9), before kinds are settled.
pub fn follows(prev: &str, next: &str) -> bool {
    let step = |f: fn(&str) -> Option<u32>| match (f(prev), f(next)) {
        (Some(p), Some(n)) => p + 1 == n,
        _ => false,
    };
    step(letter_value)
        || step(roman_value)
        || step(|s| {
            s.parse::<u32>()
                .ok()
                .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Value of a roman numeral in lower case, if it is one (up to 39).
pub fn roman_value(s: &str) -> Option<u32> {
    const ROMANS: [&str; 39] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
        "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi",
        "xxxvii", "xxxviii", "xxxix",
    ];
    ROMANS.iter().position(|r| *r == s).map(|i| i as u32 + 1)
}

pub fn roman(value: u32) -> String {
    let mut n = value;
    let mut out = String::new();
    for (v, s) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

pub fn letter(value: u32) -> String {
    if (1..=26).contains(&value) {
        char::from(b'a' + (value - 1) as u8).to_string()
    } else if value > 26 {
        // aa), bb) ... as drafters continue after z).
        let c = char::from(b'a' + ((value - 27) % 26) as u8);
        format!("{c}{c}")
    } else {
        "?".to_string()
    }
}

pub fn letter_value(s: &str) -> Option<u32> {
    let mut chars = s.chars();
    let a = chars.next()?;
    if !a.is_ascii_lowercase() {
        return None;
    }
    match (chars.next(), chars.next()) {
        (None, _) => Some(a as u32 - 'a' as u32 + 1),
        (Some(b), None) if b == a => Some(a as u32 - 'a' as u32 + 27),
        _ => None,
    }
}

/// The text of a label of `kind` with `value`.
pub fn render(kind: LabelKind, value: u32) -> String {
    match kind {
        LabelKind::Letter => letter(value),
        LabelKind::Number => value.to_string(),
        LabelKind::Roman => roman(value),
        LabelKind::Bullet => "•".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_of_every_kind() {
        let l = read_label("a)\tla Résolution", 0).unwrap();
        assert_eq!((l.chars.as_str(), l.kind), ("a", RawKind::Letters));
        let l = read_label("12\tde continuer", 0).unwrap();
        assert_eq!((l.chars.as_str(), l.kind), ("12", RawKind::Number));
        let l = read_label("(iv) to", 0).unwrap();
        assert_eq!(l.chars, "iv");
        assert_eq!(
            read_label("•\tà collaborer", 0).unwrap().kind,
            RawKind::Bullet
        );
        let l = read_label("ас)\tглued", 0).unwrap();
        assert_eq!(l.chars, "ас");
        assert!(read_label("la)suite", 0).is_none());
        assert!(read_label("2014 was", 0).is_none());
        assert_eq!(read_label("1 RAG, TSAG and TDAG to", 0).unwrap().chars, "1");
        assert!(read_label("20 November 1989", 0).is_none());
        assert!(read_label("3 Member States", 0).is_none());
        assert!(read_label("words here", 0).is_none());
        assert!(read_label("1.1\tSection", 0).is_none());
    }

    #[test]
    fn values_round_trip() {
        for v in 1..=39 {
            assert_eq!(roman_value(&roman(v)), Some(v));
        }
        for v in 1..=52 {
            assert_eq!(letter_value(&letter(v)), Some(v));
        }
        assert_eq!(latin_lookalike('с'), Some('c'));
        assert_eq!(latin_lookalike('c'), None);
    }
}
