//! Hand-written matchers for the expressions the parser met at every start: the resolution
//! word that begins a citation, its number, a WRC tag ("Rev.WRC-19"), a heading line
//! ("PROJET DE NOUVELLE RÉSOLUTION [IAP-1]"), a header's conference code ("CMDT-17"),
//! glued place-years ("Dubaï, 2012Busan, 2014"), action and reference lines, and the margin
//! notes of Word's PDF exports. Building those expressions (case-insensitive, with Unicode
//! classes) was most of the instructions of checking a one-line file and a third of a 60 KB
//! document (docs/performance.md, "start-up"). Each matcher finds exactly what its
//! expression found, which the property tests (`scanners/tests.rs`) check on random texts
//! shaped like its matches; the words stay in the lexicon, several in the pattern strings
//! the expressions were built from.

use std::ops::Range;
use std::sync::OnceLock;

use crate::lang::lexicon::{
    DRAFT_NEW_PATTERN, RESOLUTION_WORDS_PATTERN, REVISION_WORD_PATTERN, TEXT_KIND_PATTERN,
    WORD_COMMENT_LABEL, WORD_NOTE_LABELS,
};

/// One literal alternative of a lexicon pattern, in lower case.
type Word = Vec<char>;

/// The literal words of a lexicon pattern written with `|`, classes of single characters
/// (`[ée]`) and `?` after a character or class, in the order a leftmost-first expression
/// tries them (an optional character taken before left out).
fn expand(pattern: &str) -> Vec<Word> {
    let mut words = Vec::new();
    for alternative in pattern.split('|') {
        let mut partial: Vec<Word> = vec![Vec::new()];
        let mut chars = alternative.chars().peekable();
        while let Some(c) = chars.next() {
            let choices: Vec<char> = if c == '[' {
                chars.by_ref().take_while(|&d| d != ']').collect()
            } else {
                vec![c]
            };
            let optional = chars.next_if_eq(&'?').is_some();
            if let ([only], false) = (choices.as_slice(), optional) {
                partial.iter_mut().for_each(|word| word.push(*only));
                continue;
            }
            let mut longer = Vec::with_capacity(partial.len() * (choices.len() + 1));
            for word in &partial {
                for &choice in &choices {
                    let mut w = word.clone();
                    w.push(choice);
                    longer.push(w);
                }
                if optional {
                    longer.push(word.clone());
                }
            }
            partial = longer;
        }
        words.extend(partial);
    }
    words
}

macro_rules! words {
    ($pattern:expr) => {{
        static WORDS: OnceLock<Vec<Word>> = OnceLock::new();
        WORDS.get_or_init(|| expand($pattern)).as_slice()
    }};
}

/// Whether `c` matches the lower-case pattern character `p` as `(?i)` does, by Unicode's
/// simple case folding: `S` and `ſ` for `s`, `K` and the Kelvin sign for `k`, `É` for `é`.
fn folds_to(c: char, p: char) -> bool {
    if c == p || (p == 's' && c == 'ſ') {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(p) && lower.next().is_none()
}

/// The lengths in bytes of the words that `s` starts with, ignoring case, in the order of
/// `words`.
fn word_lengths<'a>(s: &'a str, words: &'a [Word]) -> impl Iterator<Item = usize> + 'a {
    words.iter().filter_map(move |word| {
        let mut chars = s.char_indices();
        for &p in word {
            let (_, c) = chars.next()?;
            if !folds_to(c, p) {
                return None;
            }
        }
        Some(chars.next().map_or(s.len(), |(i, _)| i))
    })
}

/// Where `s[at..]` stops being white space (`[\s\u{a0}]*`: Unicode's White_Space, as `\s`).
/// How many ASCII digits `bytes` holds. Asked of every line (`free_text_flattened`), a
/// byte-by-byte count was 5 % of checking a long document; counted in runs of at most
/// 255 bytes into a byte-sized sum, the comparisons vectorise.
pub fn count_ascii_digits(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|run| {
            let digits = run
                .iter()
                .fold(0u8, |n, &b| n + u8::from(b.wrapping_sub(b'0') < 10));
            usize::from(digits)
        })
        .sum()
}

/// The positions of any of four bytes in `haystack`, in order: memchr's searches for
/// three and for one, merged. Punctuation is a byte in twenty of a clause: a vectorised
/// search steps over the rest instead of testing every byte.
pub fn memchr4_iter(
    a: u8,
    b: u8,
    c: u8,
    d: u8,
    haystack: &[u8],
) -> impl Iterator<Item = usize> + '_ {
    let mut three = memchr::memchr3_iter(a, b, c, haystack).peekable();
    let mut one = memchr::memchr_iter(d, haystack).peekable();
    std::iter::from_fn(move || match (three.peek(), one.peek()) {
        (Some(x), Some(y)) if y < x => one.next(),
        (Some(_), _) => three.next(),
        (None, _) => one.next(),
    })
}

pub fn skip_white(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    at + rest.len() - rest.trim_start_matches(char::is_whitespace).len()
}

/// Past `word` at `at`, ignoring case, if it is there.
fn folded_literal(s: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = s[at..].char_indices();
    for p in word.chars() {
        let (_, c) = chars.next()?;
        if !folds_to(c, p) {
            return None;
        }
    }
    Some(chars.next().map_or(s.len(), |(i, _)| at + i))
}

fn is_digit_at(s: &str, at: usize) -> bool {
    s.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}

fn digit_run(s: &str, at: usize) -> usize {
    s.as_bytes()
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// The first citation keyword at or after `from`: a resolution word of any language and
/// case at a word boundary, white space, an optional "ITU-R"/"UIT-R", an optional
/// "A/RES/", and the first digit of the number, which the match ends after. Stands for
/// `(?i)\b(?:RESOLUTION_WORDS)[\s\u{a0}]+(?:(?:ITU|UIT)-R[\s\u{a0}]+)?(?:A/RES/)?[0-9]`
/// searched from `from`.
pub fn find_keyword(line: &str, from: usize) -> Option<Range<usize>> {
    let words = words!(RESOLUTION_WORDS_PATTERN);
    // Every word begins with an ASCII letter that folds with no other character (a test
    // holds the lexicon to it), so only those bytes can begin a match: looking at every
    // character made a megabyte of real text 10 % slower to check than the expression.
    let first = words.first().and_then(|w| w.first()).copied()?;
    let (lower, upper) = (first as u8, first.to_ascii_uppercase() as u8);
    for i in memchr::memchr2_iter(lower, upper, &line.as_bytes()[from..]) {
        let at = from + i;
        let before = line[..at].chars().next_back();
        if before.is_some_and(regex_syntax::is_word_character) {
            continue;
        }
        for len in word_lengths(&line[at..], words) {
            if let Some(end) = after_keyword(line, at + len) {
                return Some(at..end);
            }
        }
    }
    None
}

/// The end of a citation keyword's match after its word, at `at`.
fn after_keyword(line: &str, at: usize) -> Option<usize> {
    let white = skip_white(line, at);
    if white == at {
        return None;
    }
    let first_digit = |at: usize| {
        if let Some(after) = folded_literal(line, at, "a/res/") {
            if is_digit_at(line, after) {
                return Some(after + 1);
            }
        }
        is_digit_at(line, at).then_some(at + 1)
    };
    let itu_r =
        folded_literal(line, white, "itu-r").or_else(|| folded_literal(line, white, "uit-r"));
    if let Some(after) = itu_r {
        let spaced = skip_white(line, after);
        if spaced > after {
            if let Some(end) = first_digit(spaced) {
                return Some(end);
            }
        }
    }
    first_digit(white)
}

/// The length of the number that `s` starts with: "45", "70/125", "1-8", "A/RES/70/1".
/// Stands for `^(?:A/RES/)?[0-9]+(?:[/-][0-9]+)*`.
pub fn number_len(s: &str) -> Option<usize> {
    let mut at = if s.starts_with("A/RES/") && is_digit_at(s, 6) {
        6
    } else {
        0
    };
    let digits = digit_run(s, at);
    if digits == 0 {
        return None;
    }
    at += digits;
    while matches!(s.as_bytes().get(at), Some(b'/' | b'-')) {
        let digits = digit_run(s, at + 1);
        if digits == 0 {
            break;
        }
        at += 1 + digits;
    }
    Some(at)
}

/// A WRC tag's content: "Rev.WRC-19", "CMR-2000", "rév. cmr-07".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrcTag<'a> {
    /// Whether a revision word comes first.
    pub revised: bool,
    /// Two or four digits.
    pub year: &'a str,
}

/// The whole of `text` as a WRC tag. Stands for
/// `^[\s\u{a0}]*(?P<rev>(?i:REVISION_WORD)\.?[\s\u{a0}]*)?(?i:wrc|cmr)-(?P<year>[0-9]{2}|[0-9]{4})[\s\u{a0}]*$`.
pub fn wrc_tag(text: &str) -> Option<WrcTag<'_>> {
    let rest = |at: usize| -> Option<&str> {
        let at = folded_literal(text, at, "wrc").or_else(|| folded_literal(text, at, "cmr"))?;
        let at = text[at..].starts_with('-').then_some(at + 1)?;
        let digits = digit_run(text, at);
        let end = at + digits;
        ((digits == 2 || digits == 4) && skip_white(text, end) == text.len())
            .then(|| &text[at..end])
    };
    let start = skip_white(text, 0);
    for len in word_lengths(&text[start..], words!(REVISION_WORD_PATTERN)) {
        let word_end = start + len;
        let dotted = text[word_end..].starts_with('.').then_some(word_end + 1);
        for end in dotted.into_iter().chain([word_end]) {
            if let Some(year) = rest(skip_white(text, end)) {
                return Some(WrcTag {
                    revised: true,
                    year,
                });
            }
        }
    }
    rest(start).map(|year| WrcTag {
        revised: false,
        year,
    })
}

/// A conference code in a document's header: "CMDT-17", "PP-2018".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCode {
    /// The body's abbreviation, as written.
    pub body: Range<usize>,
    /// The first two digits of the year.
    pub yy: Range<usize>,
    /// Its last two digits, when the year is written whole.
    pub yy2: Option<Range<usize>>,
}

/// The conference codes of `content`, for abbreviations in upper case. Stands for the
/// matches of `\b(?P<body>ABBREVIATIONS)-(?P<yy>[0-9]{2})(?P<yy2>[0-9]{2})?\b`.
pub fn header_codes(content: &str, abbreviations: &[String]) -> Vec<HeaderCode> {
    let mut found = Vec::new();
    // A code is found from its dash, which few lines hold, rather than at every character.
    // At most one abbreviation can end at a dash after a word boundary (none is the end
    // of another), and matches cannot overlap: an abbreviation's letters are followed by a
    // dash and digits, where no other begins at a word boundary.
    for dash in memchr::memchr_iter(b'-', content.as_bytes()) {
        let code = abbreviations.iter().find_map(|abbreviation| {
            let at = dash.checked_sub(abbreviation.len())?;
            let digits = dash + 1;
            let before = content.get(..at)?.chars().next_back();
            (content[..dash].ends_with(abbreviation.as_str())
                && !before.is_some_and(regex_syntax::is_word_character)
                && digit_run(content, digits) >= 2)
                .then_some(())?;
            let whole = digit_run(content, digits) >= 4;
            let end = digits + if whole { 4 } else { 2 };
            // The word boundary after the year: its digits are word characters.
            let after = content[end..].chars().next();
            (!after.is_some_and(regex_syntax::is_word_character)).then(|| HeaderCode {
                body: at..dash,
                yy: digits..digits + 2,
                yy2: whole.then_some(digits + 2..digits + 4),
            })
        });
        found.extend(code);
    }
    found
}

/// The ranges of a Unicode class, read from regex-syntax's tables without compiling an
/// expression (an expression with `\p{L}` or `\p{Lu}` was the costliest to build).
fn class_ranges(class: &str) -> Vec<(char, char)> {
    use regex_syntax::hir::{Class, HirKind};
    match regex_syntax::parse(class).map(|hir| hir.into_kind()) {
        Ok(HirKind::Class(Class::Unicode(ranges))) => ranges
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect(),
        _ => Vec::new(),
    }
}

fn in_ranges(c: char, ranges: &[(char, char)]) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` is a letter (general category L, as `\p{L}` is), from the table.
fn is_unicode_letter(c: char) -> bool {
    static LETTERS: OnceLock<Vec<(char, char)>> = OnceLock::new();
    in_ranges(c, LETTERS.get_or_init(|| class_ranges(r"\p{L}")))
}

/// Whether `c` is a letter in Unicode's sense (general category L, as `\p{L}` is), which
/// `char::is_alphabetic` is not (it also takes marks and letter-like numbers). The
/// letters of Latin scripts are told here; any other character by Unicode's table.
pub fn is_letter(c: char) -> bool {
    match c {
        'A'..='Z' | 'a'..='z' | 'ª' | 'µ' | 'º' => true,
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        _ if (c as u32) < 0x250 => false,
        _ => is_unicode_letter(c),
    }
}

/// Whether `c` is an upper-case letter (general category Lu, as `\p{Lu}` is).
fn is_upper_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    static UPPER: OnceLock<Vec<(char, char)>> = OnceLock::new();
    in_ranges(c, UPPER.get_or_init(|| class_ranges(r"\p{Lu}")))
}

fn is_place_letter(c: char) -> bool {
    c == '-' || is_letter(c)
}

/// A place glued to the next one, and each one's year: "Dubaï, 2012Busan, 2014".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GluedPlaceYears {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// The glued place-years of `s`, left to right. Stands for the matches of
/// `(?P<old>PLACE,[ \u{a0}]?YEAR)(?P<new>(?:R[ée]v\.[ \u{a0}]?)?PLACE,[ \u{a0}]?YEAR)`,
/// where PLACE is `\p{Lu}[\p{L}\-]*(?:[ \u{a0}][\p{Lu}][\p{L}\-]*)?` and YEAR
/// `(?:19|20)[0-9][0-9]`. Its parts leave no choice to try: a word's letters run as far
/// as they go, as only a space, a comma or a digit can follow them, so each start either
/// matches one way or not at all.
pub fn glued_place_years(s: &str) -> Vec<GluedPlaceYears> {
    let mut found = Vec::new();
    let mut from = 0;
    'search: while from < s.len() {
        for (i, c) in s[from..].char_indices() {
            let start = from + i;
            if !is_upper_letter(c) {
                continue;
            }
            let Some(old_end) = place_year_end(s, start) else {
                continue;
            };
            let revision = ["Rev.", "Rév."]
                .iter()
                .find(|r| s[old_end..].starts_with(*r))
                .map(|r| {
                    let after = old_end + r.len();
                    match s[after..].chars().next() {
                        Some(space @ (' ' | '\u{a0}')) => after + space.len_utf8(),
                        _ => after,
                    }
                });
            if let Some(new_end) = place_year_end(s, revision.unwrap_or(old_end)) {
                found.push(GluedPlaceYears {
                    old: start..old_end,
                    new: old_end..new_end,
                });
                from = new_end;
                continue 'search;
            }
        }
        break;
    }
    found
}

/// The end of a place and its year from `at`: `PLACE,[ \u{a0}]?YEAR`.
fn place_year_end(s: &str, at: usize) -> Option<usize> {
    let word_end = |from: usize| -> Option<usize> {
        let first = s[from..].chars().next().filter(|&c| is_upper_letter(c))?;
        let rest = from + first.len_utf8();
        Some(rest + s[rest..].len() - s[rest..].trim_start_matches(is_place_letter).len())
    };
    let first = word_end(at)?;
    let second = match s[first..].chars().next() {
        Some(space @ (' ' | '\u{a0}')) => word_end(first + space.len_utf8()),
        _ => None,
    };
    // Without the second word, the comma would have to follow the first one, where the
    // space is: the second word is the only way on.
    let place_end = second.unwrap_or(first);
    let comma = place_end + s[place_end..].starts_with(',').then_some(1)?;
    let year = match s[comma..].chars().next() {
        Some(space @ (' ' | '\u{a0}')) => comma + space.len_utf8(),
        _ => comma,
    };
    let digits = s.as_bytes().get(year..year + 4)?;
    (matches!(&digits[..2], b"19" | b"20") && digits[2..].iter().all(u8::is_ascii_digit))
        .then_some(year + 4)
}

/// An action line's parts ("MOD\tECP/24A6/1", "(ADD)**").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionLine {
    pub action: Range<usize>,
    pub reference: Option<Range<usize>>,
}

/// The whole of `content` as an action line. Stands for
/// `^\(?(?P<action>MOD|ADD|SUP|NOC)\)?(?:\*\*)?(?:[\t \u{a0}]+(?P<ref>[A-Z][A-Z0-9]{0,7}(?:/[A-Za-z0-9]+)+))?[\t \u{a0}*]*$`.
pub fn action_line(content: &str) -> Option<ActionLine> {
    let start = usize::from(content.starts_with('('));
    let action = start..start + 3;
    if !["MOD", "ADD", "SUP", "NOC"].contains(&content.get(action.clone())?) {
        return None;
    }
    let mut at = action.end;
    at += usize::from(content[at..].starts_with(')'));
    at += if content[at..].starts_with("**") {
        2
    } else {
        0
    };
    let blank = |c: char| matches!(c, '\t' | ' ' | '\u{a0}');
    let spaced = at + content[at..].len() - content[at..].trim_start_matches(blank).len();
    if spaced > at {
        if let Some(end) = proposal_reference_end(content, spaced) {
            if trailing_blank(&content[end..]) {
                return Some(ActionLine {
                    action,
                    reference: Some(spaced..end),
                });
            }
        }
    }
    trailing_blank(&content[at..]).then_some(ActionLine {
        action,
        reference: None,
    })
}

/// Whether `s` is only tabs, spaces, no-break spaces and asterisks (`[\t \u{a0}*]*$`).
fn trailing_blank(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '\t' | ' ' | '\u{a0}' | '*'))
}

/// The end of an action line's reference from `at`: a capital, at most seven capitals or
/// digits, then segments of a slash and letters or digits (`[A-Z][A-Z0-9]{0,7}(?:/[A-Za-z0-9]+)+`).
fn proposal_reference_end(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    if !b.get(at)?.is_ascii_uppercase() {
        return None;
    }
    let head = b[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .count();
    // A longer run could not be followed by the slash that must come next.
    if head > 7 {
        return None;
    }
    let mut end = at + 1 + head;
    while b.get(end) == Some(&b'/') {
        let run = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if run == 0 {
            break;
        }
        end += 1 + run;
    }
    (end > at + 1 + head).then_some(end)
}

/// The reference of a line that holds only a proposal's reference ("ECP/24A6/1"). Stands
/// for `^(?P<ref>[A-Z][A-Z0-9]{0,7}/[0-9]+[A-Z0-9]*/[0-9]+)[\t \u{a0}*]*$`.
pub fn reference_line(content: &str) -> Option<Range<usize>> {
    let b = content.as_bytes();
    if !b.first()?.is_ascii_uppercase() {
        return None;
    }
    let run = |from: usize, ok: fn(&u8) -> bool| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| ok(c)).count())
    };
    let head = run(1, |c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if head > 7 || b.get(1 + head) != Some(&b'/') {
        return None;
    }
    // The middle part: digits, then capitals or digits ("24A6"); its digits are taken
    // greedily but may be given back to the capitals-or-digits run, which changes nothing
    // of where the part ends.
    let middle = 2 + head;
    let digits = run(middle, u8::is_ascii_digit);
    if digits == 0 {
        return None;
    }
    let rest = run(middle + digits, |c| {
        c.is_ascii_uppercase() || c.is_ascii_digit()
    });
    let slash = middle + digits + rest;
    if b.get(slash) != Some(&b'/') {
        return None;
    }
    let last = run(slash + 1, u8::is_ascii_digit);
    let end = slash + 1 + last;
    (last > 0 && trailing_blank(&content[end..])).then_some(0..end)
}

/// Whether `content` starts with a Word margin note's label ("Deleted:", "Comment [AB1]:",
/// "Formatted ... "). Stands for
/// `^(?:LABELS|Comment \[[^\]]*\])(?::|\*\*|\s*\.\.\.|\s*\[[0-9]+\]|\s*$)`.
pub fn is_inline_note(content: &str) -> bool {
    let label_end = WORD_NOTE_LABELS
        .iter()
        .find(|label| content.starts_with(*label))
        .map(|label| label.len())
        .or_else(|| {
            let inside = content.strip_prefix(WORD_COMMENT_LABEL)?;
            let close = inside.find(']')?;
            Some(WORD_COMMENT_LABEL.len() + close + 1)
        });
    let Some(end) = label_end else {
        return false;
    };
    let rest = &content[end..];
    if rest.starts_with(':') || rest.starts_with("**") {
        return true;
    }
    let rest = rest.trim_start_matches(char::is_whitespace);
    if rest.is_empty() || rest.starts_with("...") {
        return true;
    }
    rest.strip_prefix('[').is_some_and(|r| {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && r[digits..].starts_with(']')
    })
}

/// The parts of a heading line ("DRAFT NEW RESOLUTION [IND-1] (Rev. Dubai, 2018)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingParts<'a> {
    /// "Draft new", "projet de nouvelle"...: the heading proposes a new text.
    pub draft_new: bool,
    /// "RÉSOLUTION", "Decision", "avis"... as written.
    pub kind: &'a str,
    pub number: Option<&'a str>,
    /// The text between square brackets, without them.
    pub bracket: Option<&'a str>,
    /// The tag with its parentheses.
    pub tag: Option<&'a str>,
}

/// The whole of `content` as a heading line. Stands for
/// `(?i)^(?P<new>DRAFT_NEW)?(?P<kind>TEXT_KIND)(?:[\s\u{a0}]+(?P<num>[0-9]{1,4})|[\s\u{a0}]*\[(?P<bracket>[^\]]+)\])?[\s\u{a0}]*(?P<tag>\(.*\))?[\s\u{a0}]*$`.
pub fn heading(content: &str) -> Option<HeadingParts<'_>> {
    let draft_new = word_lengths(content, words!(DRAFT_NEW_PATTERN)).map(Some);
    for new in draft_new.chain([None]) {
        let start = new.unwrap_or(0);
        for len in word_lengths(&content[start..], words!(TEXT_KIND_PATTERN)) {
            if let Some(mut parts) = after_kind(content, start + len) {
                parts.draft_new = new.is_some();
                parts.kind = &content[start..start + len];
                return Some(parts);
            }
        }
    }
    None
}

/// The rest of a heading after its kind word, at `at`: a number or a bracket, then a tag.
fn after_kind(content: &str, at: usize) -> Option<HeadingParts<'_>> {
    let parts = |number, bracket, tag| HeadingParts {
        draft_new: false,
        kind: "",
        number,
        bracket,
        tag,
    };
    let white = skip_white(content, at);
    if white > at {
        // Only the longest run of at most four digits can end the number: after a shorter
        // one a digit would follow, where the tail admits none.
        let end = white + digit_run(content, white).min(4);
        if end > white {
            if let Some(tag) = heading_tail(content, end) {
                return Some(parts(Some(&content[white..end]), None, tag));
            }
        }
    }
    if content[white..].starts_with('[') {
        let inside = white + 1;
        if let Some(close) = content[inside..].find(']').filter(|&len| len > 0) {
            if let Some(tag) = heading_tail(content, inside + close + 1) {
                return Some(parts(None, Some(&content[inside..inside + close]), tag));
            }
        }
    }
    heading_tail(content, at).map(|tag| parts(None, None, tag))
}

/// The end of a heading from `at`: white space, an optional tag, white space to the end.
/// `Some(tag)` when it matches. The tag runs from a `(` to the last `)` before the
/// trailing white space, on one line.
fn heading_tail(content: &str, at: usize) -> Option<Option<&str>> {
    let white = skip_white(content, at);
    let rest = content[white..].trim_end_matches(char::is_whitespace);
    if rest.is_empty() {
        return Some(None);
    }
    (rest.len() >= 2 && rest.starts_with('(') && rest.ends_with(')') && !rest.contains('\n'))
        .then_some(Some(rest))
}

#[cfg(test)]
mod tests;
