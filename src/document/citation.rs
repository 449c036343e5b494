//! Recognising citations of resolutions in a line of text: "Resolution 45 (Rev. Dubai,
//! 2014)", lists ("Résolutions 130 et 140 (Rév. Busan, 2014)"), body phrases after them
//! ("de la Conférence de plénipotentiaires", "of this Conference"), WRC style
//! ("Rev.WRC-19"), and the non-ITU kinds that must be recognised and left alone (UN
//! General Assembly "70/125", Council "Resolution 1305", "Resolution ITU-R 1-8").

use serde::Serialize;

use super::place_year;
use super::scanners::{self, skip_white};

use crate::base::fold::fold;
use crate::base::text::Span;
use crate::base::BodyRef;
use crate::lang::lexicon::{
    BODY_ABBREVIATIONS, BODY_PHRASES, LIST_CONJUNCTIONS_PATTERN, PHRASE_CONNECTORS,
    THIS_CONFERENCE, UNION_PREFIXES,
};

/// What kind of text a citation cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    /// A resolution of an ITU conference or assembly: checked against the catalogue.
    Conference,
    /// A UN General Assembly resolution (`70/125`, `A/RES/70/125`).
    GeneralAssembly,
    /// A Council resolution (four-digit numbers).
    Council,
    /// `Resolution ITU-R 1-8`: a Radiocommunication Assembly designation.
    ItuR,
}

/// How the citation's body was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodySource {
    /// A phrase after it ("of the Plenipotentiary Conference", "de l'AMNT").
    Phrase,
    /// An abbreviation before it ("WTDC Resolution 45").
    Prefix,
    /// "of this Conference": the body of the resolution being amended.
    ThisConference,
    /// The place and year of its tag.
    Tag,
    /// The document's context (a heading's own body).
    Context,
    /// Its form alone (WRC style, UNGA numbers, Council numbers, ITU-R).
    Form,
}

/// A place-and-year revision tag as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceYear {
    /// "Rev." / "Rév." as written, when present.
    pub rev: Option<Span>,
    pub place: String,
    pub place_span: Span,
    pub year: u16,
    pub year_span: Span,
}

impl PlaceYear {
    pub fn revised(&self) -> bool {
        self.rev.is_some()
    }

    pub fn span(&self) -> Span {
        let start = self.rev.map_or(self.place_span.start, |r| r.start);
        Span::new(start, self.year_span.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "kebab-case")]
pub enum TagForm {
    /// "(Rev. Dubai, 2014)", "(Minneapolis, 1998)".
    PlaceYear {
        /// What the tag says in the new reading.
        new: PlaceYear,
        /// The glued old text of a flattened revision, when there is one (boxed: few
        /// tags have one, and every citation holds a tag).
        flattened_old: Option<Box<PlaceYear>>,
        /// A "Rev." written before glued old and new text, shared by both.
        shared_rev: bool,
    },
    /// "(Rev.WRC-19)", "(Rév.CMR-19)".
    Wrc { revised: bool, year: u16 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    /// The parentheses and what is inside them.
    pub span: Span,
    pub form: TagForm,
}

impl Tag {
    /// The place-year the tag says in its new reading, and whether a "Rev." written
    /// before glued old and new text applies to it.
    pub fn new_place_year(&self) -> Option<(&PlaceYear, bool)> {
        match &self.form {
            TagForm::PlaceYear {
                new, shared_rev, ..
            } => Some((new, *shared_rev)),
            TagForm::Wrc { .. } => None,
        }
    }

    /// The tag's new reading as (revised, place, year), if it is a place-year tag.
    pub fn place_year(&self) -> Option<(bool, &str, u16)> {
        let (new, shared_rev) = self.new_place_year()?;
        Some((new.revised() || shared_rev, new.place.as_str(), new.year))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// What a diagnostic on this citation covers: from the resolution word (or, for a
    /// later member of a list, the number) to the end of the tag that dates it.
    pub span: Span,
    /// "Resolution", "Résolutions"... as written (shared by a list's members).
    pub keyword: Span,
    pub kind: CitationKind,
    pub number: u32,
    pub number_span: Span,
    /// The tag that dates this number: its own, or the one the list shares.
    pub tag: Option<Tag>,
    /// Whether `tag` is shared with other members of a list.
    pub tag_shared: bool,
    /// Position of this member in its list, and the list's size.
    pub list_index: usize,
    pub list_len: usize,
    pub body: Option<BodyRef>,
    pub body_source: Option<BodySource>,
    /// Whether the citation is a unit's heading.
    pub in_heading: bool,
}

/// What joins two numbers of a list ("50, 52 et 58"): where the match of this expression
/// at the start of `s` ends (just after the next number's first digit). Found by hand: the
/// expression was the costliest to build of those a one-citation file still needed (about
/// a third of their build time, measured standalone); the tests compare both:
/// `^(?:[\s\u{a0}]*,[\s\u{a0}]*(?:(?:and|et|...)[\s\u{a0}]+)?|[\s\u{a0}]+(?:and|et|...)[\s\u{a0}]+)(?:A/RES/)?[0-9]`.
fn list_separator_end(s: &str) -> Option<usize> {
    let spaced = skip_white(s, 0);
    // ", " and an optional conjunction, else spaces and a conjunction.
    let after = if s[spaced..].starts_with(',') {
        let at = skip_white(s, spaced + 1);
        conjunction_end(s, at).unwrap_or(at)
    } else if spaced > 0 {
        conjunction_end(s, spaced)?
    } else {
        return None;
    };
    // "A/RES/" is taken when present: without it a digit could not follow either.
    let digit_at = if s[after..].starts_with("A/RES/") {
        after + 6
    } else {
        after
    };
    s.as_bytes()
        .get(digit_at)
        .is_some_and(u8::is_ascii_digit)
        .then_some(digit_at + 1)
}

/// A list conjunction at `at` followed by at least one space: where the spaces end. At most
/// one can be ("e" and "et" are not both followed by a space).
fn conjunction_end(s: &str, at: usize) -> Option<usize> {
    LIST_CONJUNCTIONS_PATTERN
        .split('|')
        .find_map(|conjunction| {
            let end = at + conjunction.len();
            let spaced = s[at..]
                .starts_with(conjunction)
                .then(|| skip_white(s, end))?;
            (spaced > end).then_some(spaced)
        })
}

/// Finds the citations in one line. `offset` is the line's position in the text the
/// spans are given in. `is_place` tells whether a string is a known place name (used to
/// pull apart glued places such as "DubaïBuenos Aires").
pub fn scan_line(line: &str, offset: usize, is_place: &dyn Fn(&str) -> bool) -> Vec<Citation> {
    let mut found = Vec::new();
    // Every resolution word holds "solu" in some case: a cheap test before the regex.
    if !has_solu(line) {
        return found;
    }
    let mut search_from = 0;
    while let Some(m) = scanners::find_keyword(line, search_from) {
        search_from = m.end;
        let keyword_end = keyword_end(&line[m.start..]) + m.start;
        let keyword = Span::new(m.start, keyword_end);
        let mut at = m.end - 1; // the first digit (or "A/RES/")
                                // "A/RES/" is part of the number match.
        if line[..m.end].ends_with("A/RES/1") || line[m.clone()].contains("A/RES/") {
            at = line[m.start..].find("A/RES/").map_or(at, |p| p + m.start);
        }
        let itu_r = {
            let between = &line[keyword_end..at];
            between.contains("ITU-R") || between.contains("UIT-R")
        };
        let mut members: Vec<Member> = Vec::new();
        while let Some(len) = scanners::number_len(&line[at..]) {
            let raw = &line[at..at + len];
            let number_span = Span::new(at, at + len);
            at = number_span.end;
            let tag = parse_tag_at(line, at, is_place);
            if let Some(tag) = &tag {
                at = tag.span.end;
            }
            members.push(Member {
                raw: raw.to_string(),
                number_span,
                tag,
            });
            match list_separator_end(&line[at..]) {
                Some(end) => at += end - 1,
                None => break,
            }
        }
        if members.is_empty() {
            continue;
        }
        search_from = search_from.max(at);
        let prefix_body = prefix_body(&line[..keyword.start]);
        let phrase = body_phrase(&line[at..]);
        let list_len = members.len();
        // A tag dates the members before it that have none of their own:
        // "Resolutions 50 and 52 (Rev. Hammamet, 2016) and 58 (Rev. Dubai, 2012)".
        let mut dated: Vec<(Option<Tag>, bool)> = vec![(None, false); list_len];
        let mut owner: Option<usize> = None;
        for i in (0..list_len).rev() {
            match &members[i].tag {
                Some(t) => {
                    dated[i] = (Some(t.clone()), false);
                    owner = Some(i);
                }
                None => {
                    if let Some(o) = owner {
                        dated[i] = (members[o].tag.clone(), true);
                        dated[o].1 = true;
                    }
                }
            }
        }
        for (i, (member, (tag, tag_shared))) in members.into_iter().zip(dated).enumerate() {
            let (kind, number) = classify_number(&member.raw, itu_r);
            let Some(number) = number else {
                continue;
            };
            let (body, body_source) = match kind {
                CitationKind::GeneralAssembly => (Some(BodyRef::Unga), Some(BodySource::Form)),
                CitationKind::Council => (Some(BodyRef::Council), Some(BodySource::Form)),
                CitationKind::ItuR => (Some(BodyRef::Ra), Some(BodySource::Form)),
                CitationKind::Conference => match (&phrase, prefix_body, &tag) {
                    (Some(Phrase::Body(b)), _, _) => (Some(*b), Some(BodySource::Phrase)),
                    // Resolved from the unit's context by the structure pass.
                    (Some(Phrase::ThisConference), _, _) => {
                        (None, Some(BodySource::ThisConference))
                    }
                    (None, Some(b), _) => (Some(b), Some(BodySource::Prefix)),
                    (
                        None,
                        None,
                        Some(Tag {
                            form: TagForm::Wrc { .. },
                            ..
                        }),
                    ) => (Some(BodyRef::Wrc), Some(BodySource::Form)),
                    _ => (None, None),
                },
            };
            let start = if i == 0 {
                keyword.start
            } else {
                member.number_span.start
            };
            let end = match &member.tag {
                Some(own) => own.span.end,
                None => member.number_span.end,
            };
            found.push(Citation {
                span: Span::new(start, end).shifted(offset),
                keyword: keyword.shifted(offset),
                kind,
                number,
                number_span: member.number_span.shifted(offset),
                tag: tag.map(|t| shift_tag(t, offset)),
                tag_shared,
                list_index: i,
                list_len,
                body,
                body_source,
                in_heading: false,
            });
        }
    }
    found
}

/// A body phrase found after a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phrase {
    Body(BodyRef),
    ThisConference,
}

struct Member {
    raw: String,
    number_span: Span,
    tag: Option<Tag>,
}

fn keyword_end(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i)
}

fn classify_number(raw: &str, itu_r: bool) -> (CitationKind, Option<u32>) {
    if raw.starts_with("A/RES/") || raw.contains('/') {
        let n = raw.rsplit('/').next().and_then(|n| n.parse().ok());
        return (CitationKind::GeneralAssembly, n);
    }
    let base = raw.split('-').next().unwrap_or(raw);
    let number: Option<u32> = base.parse().ok();
    if itu_r {
        return (CitationKind::ItuR, number);
    }
    if raw.contains('-') {
        // "Resolution 1-8" without "ITU-R" is still an ITU-R designation.
        return (CitationKind::ItuR, number);
    }
    match number {
        Some(n) if n >= 1000 => (CitationKind::Council, Some(n)),
        n => (CitationKind::Conference, n),
    }
}

fn shift_tag(mut tag: Tag, by: usize) -> Tag {
    tag.span = tag.span.shifted(by);
    if let TagForm::PlaceYear {
        new, flattened_old, ..
    } = &mut tag.form
    {
        shift_place_year(new, by);
        if let Some(old) = flattened_old {
            shift_place_year(old, by);
        }
    }
    tag
}

fn shift_place_year(py: &mut PlaceYear, by: usize) {
    py.rev = py.rev.map(|r| r.shifted(by));
    py.place_span = py.place_span.shifted(by);
    py.year_span = py.year_span.shifted(by);
}

/// Parses a parenthesised tag starting at `at` (after optional spaces), if there is one.
pub fn parse_tag_at(line: &str, at: usize, is_place: &dyn Fn(&str) -> bool) -> Option<Tag> {
    let rest = &line[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\t']);
    if !trimmed.starts_with('(') {
        return None;
    }
    let open = at + (rest.len() - trimmed.len());
    let close = matching_paren(line, open)?;
    let content_span = Span::new(open + 1, close);
    let form = parse_tag_content(line, content_span, is_place)?;
    Some(Tag {
        span: Span::new(open, close + 1),
        form,
    })
}

/// The closing parenthesis for the one at `open`, on the same line, not too far.
fn matching_paren(line: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in line.as_bytes()[open..].iter().enumerate().take(200) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_tag_content(
    line: &str,
    content: Span,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<TagForm> {
    let text = &line[content.start..content.end];
    if let Some(wrc) = scanners::wrc_tag(text) {
        let year: u16 = wrc.year.parse().ok()?;
        let year = if year < 100 { 2000 + year } else { year };
        return Some(TagForm::Wrc {
            revised: wrc.revised,
            year,
        });
    }
    let mut parts: Vec<PlaceYear> = Vec::new();
    let mut covered = 0;
    for c in place_year::find_iter(text) {
        // Only separators may stand between the parts of a tag.
        if !text[covered..c.whole.start]
            .chars()
            .all(|ch| ch.is_whitespace() || matches!(ch, '[' | ']' | ',' | ';'))
        {
            return None;
        }
        covered = c.whole.end;
        let place = c.place;
        let place_str = text[place.clone()].trim_end_matches(['.', ' ', '\u{a0}', '-']);
        let year = c.year;
        parts.push(PlaceYear {
            rev: c.rev.map(|r| {
                let trimmed = text[r.clone()].trim_end();
                Span::new(
                    content.start + r.start,
                    content.start + r.start + trimmed.len(),
                )
            }),
            place: place_str.to_string(),
            place_span: Span::new(
                content.start + place.start,
                content.start + place.start + place_str.len(),
            ),
            year: text[year.clone()].parse().ok()?,
            year_span: Span::new(content.start + year.start, content.start + year.end),
        });
    }
    if !text[covered..]
        .chars()
        .all(|ch| ch.is_whitespace() || matches!(ch, ']' | '(' | '#' | ')'))
    {
        return None;
    }
    match parts.len() {
        0 => None,
        1 => {
            let mut only = parts.pop()?;
            // "DubaïBuenos Aires, 2017": two places glued, one year.
            if let Some((old_place, new_start)) = split_glued_place(&only.place, is_place) {
                let old = PlaceYear {
                    rev: only.rev,
                    place: old_place.to_string(),
                    place_span: Span::new(
                        only.place_span.start,
                        only.place_span.start + old_place.len(),
                    ),
                    year: only.year,
                    year_span: Span::new(
                        only.place_span.start + old_place.len(),
                        only.place_span.start + old_place.len(),
                    ),
                };
                let shared_rev = only.rev.is_some();
                only.place = only.place[new_start..].to_string();
                only.place_span.start += new_start;
                only.rev = None;
                return Some(TagForm::PlaceYear {
                    new: only,
                    flattened_old: Some(Box::new(old)),
                    shared_rev,
                });
            }
            Some(TagForm::PlaceYear {
                new: only,
                flattened_old: None,
                shared_rev: false,
            })
        }
        _ => {
            let new = parts.pop()?;
            let mut old = parts.swap_remove(0);
            // A "Rev." before the glued pair belongs to both readings.
            let shared_rev = old.rev.is_some() && new.rev.is_none();
            if shared_rev {
                old.rev = None;
            }
            // Keep the shared "Rev." visible through `shared_rev` only.
            Some(TagForm::PlaceYear {
                new,
                flattened_old: Some(Box::new(old)),
                shared_rev,
            })
        }
    }
}

/// "DubaïBuenos Aires" → ("Dubaï", start of "Buenos Aires"), when both halves are
/// known places and the whole is not.
fn split_glued_place<'a>(
    place: &'a str,
    is_place: &dyn Fn(&str) -> bool,
) -> Option<(&'a str, usize)> {
    if is_place(place) {
        return None;
    }
    let mut prev: Option<char> = None;
    for (i, ch) in place.char_indices() {
        if let Some(p) = prev {
            if p.is_lowercase() && ch.is_uppercase() {
                let (a, b) = place.split_at(i);
                if is_place(a) && is_place(b) {
                    return Some((a, i));
                }
            }
        }
        prev = Some(ch);
    }
    None
}

/// An abbreviation right before the resolution word: "WTDC Resolution 45".
fn prefix_body(before: &str) -> Option<BodyRef> {
    let word = before
        .trim_end_matches([' ', '\u{a0}'])
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()?;
    let folded = fold(word);
    let folded = folded.split('-').next().unwrap_or(&folded);
    BODY_ABBREVIATIONS
        .iter()
        .find(|(abbr, _)| *abbr == folded)
        .map(|(_, b)| *b)
}

/// A body phrase right after a citation: "de la Conférence de plénipotentiaires",
/// "of this Conference", "(CMDT)", "de l'AMNT", "adopted by the Council".
fn body_phrase(after: &str) -> Option<Phrase> {
    // The first 90 characters, folded straight from the text.
    let window = after
        .char_indices()
        .nth(90)
        .map_or(after, |(end, _)| &after[..end]);
    let folded = fold(window);
    let mut rest = folded.trim_start_matches([' ', ',']);
    if let Some(inner) = rest.strip_prefix('(') {
        let word: String = inner.chars().take_while(|c| c.is_alphanumeric()).collect();
        if let Some((_, b)) = BODY_ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
            return Some(Phrase::Body(*b));
        }
    }
    let mut connected = false;
    for connector in PHRASE_CONNECTORS {
        if let Some(r) = rest.strip_prefix(connector) {
            rest = r;
            connected = true;
            break;
        }
    }
    if !connected {
        return None;
    }
    rest = rest.trim_start_matches("l'").trim_start_matches("la ");
    if THIS_CONFERENCE.iter().any(|p| rest.starts_with(p)) {
        return Some(Phrase::ThisConference);
    }
    for (phrase, body) in BODY_PHRASES {
        if rest.starts_with(phrase) {
            return Some(Phrase::Body(*body));
        }
        // "de la Conférence mondiale ... (CMDT)" and "ITU Council" forms.
        if let Some(r) = UNION_PREFIXES.iter().find_map(|p| rest.strip_prefix(p)) {
            if r.starts_with(phrase) {
                return Some(Phrase::Body(*body));
            }
        }
    }
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    BODY_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == word)
        .map(|(_, b)| Phrase::Body(*b))
}

fn has_solu(line: &str) -> bool {
    // From each "u", the rarest of the four letters, rather than at every byte.
    let b = line.as_bytes();
    memchr::memchr2_iter(b'u', b'U', b).any(|i| i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"sol"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    fn separator_by_expression(s: &str) -> Option<usize> {
        static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| {
            Regex::new(&format!(
                r"^(?:[\s\u{{a0}}]*,[\s\u{{a0}}]*(?:(?:{LIST_CONJUNCTIONS_PATTERN})[\s\u{{a0}}]+)?|[\s\u{{a0}}]+(?:{LIST_CONJUNCTIONS_PATTERN})[\s\u{{a0}}]+)(?:A/RES/)?[0-9]"
            ))
            .unwrap()
        })
        .find(s)
        .map(|m| m.end())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn list_separators_are_what_the_expression_found(
            tokens in prop::collection::vec(
                prop::sample::select(vec![
                    " ", "\u{a0}", "\t", ",", ", ", "and", "et", "e", "y", "or", "ou", "o",
                    "A/RES/", "A/RES", "5", "70", "x", "é", "(",
                ]),
                0..8,
            ),
        ) {
            let text: String = tokens.concat();
            prop_assert_eq!(list_separator_end(&text), separator_by_expression(&text), "{:?}", text);
        }
    }

    fn places(p: &str) -> bool {
        matches!(
            fold(p).as_str(),
            "dubai"
                | "buenos aires"
                | "busan"
                | "guadalajara"
                | "hyderabad"
                | "hammamet"
                | "minneapolis"
        )
    }

    fn scan(line: &str) -> Vec<Citation> {
        scan_line(line, 0, &places)
    }

    type Cited = (u32, Option<(bool, String, u16)>, Option<BodyRef>);

    fn cited(line: &str) -> Vec<Cited> {
        scan(line)
            .into_iter()
            .map(|c| {
                (
                    c.number,
                    c.tag
                        .as_ref()
                        .and_then(|t| t.place_year())
                        .map(|(r, p, y)| (r, p.to_string(), y)),
                    c.body,
                )
            })
            .collect()
    }

    #[test]
    fn single_citations_in_three_languages() {
        assert_eq!(
            cited("see Resolution 45 (Rev. Dubai, 2014) of the World Telecommunication Development Conference;"),
            vec![(45, Some((true, "Dubai".into(), 2014)), Some(BodyRef::Wtdc))]
        );
        assert_eq!(
            cited(
                "la Résolution 140 (Rév.\u{a0}Busan, 2014) de la Conférence de plénipotentiaires"
            ),
            vec![(140, Some((true, "Busan".into(), 2014)), Some(BodyRef::Pp))]
        );
        assert_eq!(
            cited("la Resolución 45 (Rev. Dubái, 2014) de la CMDT"),
            vec![(45, Some((true, "Dubái".into(), 2014)), Some(BodyRef::Wtdc))]
        );
        assert_eq!(
            cited("Resolution 100 (Minneapolis, 1998)"),
            vec![(100, Some((false, "Minneapolis".into(), 1998)), None)]
        );
    }

    #[test]
    fn lists_share_the_last_tag() {
        let c = scan("les Résolutions 101, 102 et 130 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires");
        assert_eq!(c.len(), 3);
        assert!(c
            .iter()
            .all(|c| c.tag.is_some() && c.body == Some(BodyRef::Pp)));
        assert!(c.iter().all(|c| c.tag_shared));
        assert_eq!(c[0].span.start, 4);
        let line = "Resolutions 50 and 52 (Rev. Hammamet, 2016) and 58 (Rev. Dubai, 2012)";
        let c = scan(line);
        let years: Vec<_> = c
            .iter()
            .map(|c| c.tag.as_ref().unwrap().place_year().unwrap().2)
            .collect();
        assert_eq!(years, [2016, 2016, 2012]);
        assert_eq!(
            &line[c[1].span.start..c[1].span.end],
            "52 (Rev. Hammamet, 2016)"
        );
        let line = "Resolutions 102 (Rev. Dubai, 2018) and 140 (Rev. Busan, 2014)";
        let c = scan(line);
        assert_eq!(c.len(), 2);
        assert!(!c[0].tag_shared && !c[1].tag_shared);
        assert_eq!(
            &line[c[1].span.start..c[1].span.end],
            "140 (Rev. Busan, 2014)"
        );
    }

    #[test]
    fn flattened_tags_keep_both_readings() {
        let line = "la Résolution 45 (Rév.Hyderabad, 2010Dubaï, 2014) de la CMDT";
        let c = scan(line);
        let tag = c[0].tag.as_ref().unwrap();
        assert_eq!(tag.place_year(), Some((true, "Dubaï", 2014)));
        let TagForm::PlaceYear {
            flattened_old: Some(old),
            shared_rev,
            ..
        } = &tag.form
        else {
            panic!("not flattened: {tag:?}");
        };
        assert!(shared_rev);
        assert_eq!(&line[old.span().start..old.span().end], "Hyderabad, 2010");

        let c = scan("RÉSOLUTION 45 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)");
        assert_eq!(
            c[0].tag.as_ref().unwrap().place_year(),
            Some((true, "BUENOS AIRES", 2017))
        );

        let c = scan("Résolution 174 (Guadalajara, 2010Busan, 2014)");
        assert_eq!(
            c[0].tag.as_ref().unwrap().place_year(),
            Some((false, "Busan", 2014))
        );

        let c = scan("Résolution 69 (Dubaï, 2014Rév. Buenos Aires, 2017)");
        assert_eq!(
            c[0].tag.as_ref().unwrap().place_year(),
            Some((true, "Buenos Aires", 2017))
        );

        let c = scan("Resolution 69 (Rev. DubaiBuenos Aires, 2017)");
        assert_eq!(
            c[0].tag.as_ref().unwrap().place_year(),
            Some((true, "Buenos Aires", 2017))
        );
    }

    #[test]
    fn non_itu_kinds_are_recognised() {
        let c = scan("la Résolution 70/125 de l'AGNU et la Résolution A/RES/64/211");
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.kind == CitationKind::GeneralAssembly));
        let c = scan("Resolution 1305 adopted by the Council at its 2009 session");
        assert_eq!(c[0].kind, CitationKind::Council);
        let c = scan("Resolution ITU-R 1-8");
        assert_eq!(c[0].kind, CitationKind::ItuR);
        let c = scan("Résolution 155 (Rév.CMR-19)");
        assert_eq!(c[0].body, Some(BodyRef::Wrc));
        assert!(scan("la présente Résolution, en tenant compte").is_empty());
    }

    #[test]
    fn this_conference_and_prefixes() {
        let c = scan("la Résolution 69 (Rév.Dubaï, 2014) de la présente Conférence sur");
        assert_eq!(c[0].body_source, Some(BodySource::ThisConference));
        let c = scan("WTDC Resolution 45 (Rev. Dubai, 2014)");
        assert_eq!(c[0].body, Some(BodyRef::Wtdc));
        let c = scan("Resolution 50 (Rev. Hammamet, 2016) of WTSA");
        assert_eq!(c[0].body, Some(BodyRef::Wtsa));
        let c = scan("la Résolution 58 (Rév.Dubaï, 2012) de l’Assemblée mondiale de normalisation des télécommunications");
        assert_eq!(c[0].body, Some(BodyRef::Wtsa));
    }

    #[test]
    fn markdown_link_artefacts() {
        let c = scan("Resolution 45 (Rev. [Dubai, 2014](#))");
        assert_eq!(
            c[0].tag.as_ref().unwrap().place_year(),
            Some((true, "Dubai", 2014))
        );
        let c = scan("la Résolution 45 ([Rév. Hyderabad, 2010](#)) de la CMDT");
        assert_eq!(
            c[0].tag.as_ref().unwrap().place_year(),
            Some((true, "Hyderabad", 2010))
        );
    }
}
