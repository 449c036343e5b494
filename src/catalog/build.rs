//! `proplint catalog build`: official texts (Final Acts, final reports, tables of
//! contents, lists of ITU-R resolutions) read into catalogue facts, each with its source
//! (file and line or paragraph) and a confidence.
//!
//! What a text says depends on what it is, and the reader keeps the difference:
//! - a heading or an entry whose tag names the text's own conference ("RESOLUTION 130
//!   (REV. DUBAI, 2018)" in the PP-18 Final Acts) is that conference's adoption or revision;
//! - an entry with an older tag (a table of contents listing "Resolution 10 (Rev.
//!   Hyderabad, 2010)" after WTDC-22) says what was *in force* after the conference, not
//!   what it changed: `in_force_after` and `not_revised_at`, never an event of it;
//! - an entry of the list of abrogated resolutions is an abrogation (`suppressed_at`),
//!   its tag the last version;
//! - everything else (citations in the preambles) is not an outcome and is ignored.
//!
//! The conference a text is the outcome of comes from the text itself (title page,
//! heading, conference formula) and is reported, with where it was read.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::{json, Value};

use super::Catalog;
use crate::base::fold::fold;
use crate::base::BodyRef;
use crate::input::blocks::{Block, Blocks, Place};
use crate::lang::lexicon::{BODY_ABBREVIATIONS, BODY_PHRASES};
use crate::lang::official::{
    report, ABROGATION_LISTS, FINAL_ACTS, ITU_R_PREFIXES, PART_WORDS, RESOLUTION_WORDS,
    REVISED_WORDS,
};
use crate::lang::Lang;

/// What a fact says about a resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    /// Adopted (new) at the conference.
    Adopted,
    /// Revised at the conference.
    Revised,
    /// Abrogated at the conference; `last` is the conference of its last version.
    Abrogated { last: Option<String> },
    /// Listed in force after the conference, in a version of an earlier one.
    InForce { version: String },
    /// An ITU-R designation listed in force after the assembly ("ITU-R 1-9").
    Designation { designation: String },
}

/// One fact drawn from a text.
#[derive(Debug, Clone)]
pub struct Fact {
    pub body: String,
    pub number: u32,
    /// The conference the fact is about (the text's own conference).
    pub conference: String,
    pub kind: FactKind,
    /// The tag as printed ("REV. DUBAI, 2018"), when there was one.
    pub tag: Option<String>,
    /// The conference the tag names, when it names one.
    pub tag_conference: Option<String>,
    pub tag_revised: bool,
    pub title: Option<(Lang, String)>,
    /// "pp18-final-acts-akn.xml, line 6639".
    pub source: String,
    pub high: bool,
}

/// How the text's conference was found.
#[derive(Debug, Clone)]
pub enum Found {
    Text { at: usize, quote: String },
    Headings { count: usize },
    Option,
}

/// An entry that was read but left out, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub at: usize,
    pub text: String,
    pub why: String,
}

/// What one file yielded.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    pub file: String,
    pub kind: &'static str,
    pub place: Place,
    pub conference: Option<String>,
    pub found: Option<Found>,
    pub final_acts: bool,
    pub abrogation_list: bool,
    pub facts: Vec<Fact>,
    pub skipped: Vec<Skipped>,
}

impl FileOutcome {
    pub fn count(&self, pred: impl Fn(&FactKind) -> bool) -> usize {
        let mut seen: Vec<(&str, u32)> = self
            .facts
            .iter()
            .filter(|f| pred(&f.kind))
            .map(|f| (f.body.as_str(), f.number))
            .collect();
        seen.sort();
        seen.dedup();
        seen.len()
    }

    /// Whether the facts make the complete list of what the conference did: Final Acts
    /// with their list of abrogated resolutions (a table of contents read from a PDF may
    /// have lost lines, so it stays partial).
    pub fn complete(&self) -> bool {
        self.final_acts && self.abrogation_list && self.conference.is_some()
    }

    /// The report's lines for this file.
    pub fn describe(&self, catalog: &Catalog) -> Vec<String> {
        let mut lines = Vec::new();
        let place = self.place.word();
        let head = match (&self.conference, &self.found) {
            (Some(id), Some(found)) => {
                let how = match found {
                    Found::Text { at, quote } => report::from_text(place, *at, quote),
                    Found::Headings { count } => report::from_headings(*count),
                    Found::Option => report::FROM_OPTION.to_string(),
                };
                let place_year = catalog.conference(id).map(|c| c.place_year(Lang::En));
                report::outcome_of(id, place_year.as_deref(), &how)
            }
            _ => report::NO_CONFERENCE.to_string(),
        };
        lines.push(format!("{} ({}): {head}", self.file, self.kind));
        if self.facts.is_empty() {
            lines.push(format!("  {}", report::nothing_found(self.kind)));
        } else {
            let adopted = self.count(|k| *k == FactKind::Adopted);
            let revised = self.count(|k| *k == FactKind::Revised);
            let abrogated = self.count(|k| matches!(k, FactKind::Abrogated { .. }));
            let in_force = self
                .count(|k| matches!(k, FactKind::InForce { .. } | FactKind::Designation { .. }));
            let list = if self.complete() {
                report::COMPLETE
            } else if in_force > 0 {
                report::TABLE_OF_CONTENTS
            } else {
                report::PARTIAL
            };
            lines.push(format!(
                "  {}; {list}",
                report::counts(adopted, revised, abrogated, in_force)
            ));
        }
        for s in &self.skipped {
            lines.push(format!("  {place} {}: \"{}\": {}", s.at, s.text, s.why));
        }
        lines
    }
}

/// A heading or list entry as printed.
#[derive(Debug, Clone)]
struct Entry {
    lang: Option<Lang>,
    itu_r: bool,
    number: u32,
    revision_index: Option<u32>,
    tag: Option<String>,
    title: Option<String>,
    at: usize,
    text: String,
}

fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// `RESOLUTION [ITU-R] n[-r] [(tag)]`, at the start of a block (`anchored`) or anywhere.
fn entry_regex(anchored: bool) -> &'static Regex {
    static ANCHORED: OnceLock<Regex> = OnceLock::new();
    static ANYWHERE: OnceLock<Regex> = OnceLock::new();
    let cell = if anchored { &ANCHORED } else { &ANYWHERE };
    cell.get_or_init(|| {
        let words: Vec<&str> = RESOLUTION_WORDS.iter().map(|(w, _)| *w).collect();
        let pattern = format!(
            r"(?i){}(?P<word>{})\s+(?:(?P<itur>{})\s*)?(?P<number>\d{{1,4}})(?:\s*-\s*(?P<rev>\d{{1,2}}))?\b(?:\s*\((?P<tag>[^()]{{2,60}})\))?",
            if anchored { r"^(?:\d{1,3}\s+)?" } else { r"\b" },
            alternation(&words),
            alternation(ITU_R_PREFIXES),
        );
        Regex::new(&pattern).unwrap_or_else(|e| panic!("entry pattern: {e}"))
    })
}

/// The tag inside the parentheses: "Rev. Dubai, 2018", "REV.WRC-23", "WRC-19".
fn tag_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?i)^\s*(?P<rev>(?:{})\.?\s*)?(?:(?P<abbr>[A-Z]{{2,5}})\s*-\s*(?P<yy>\d{{2}})|(?P<place>[^,0-9]+?)\s*,?\s*(?P<year>(?:19|20)\d\d))\s*$",
            alternation(REVISED_WORDS)
        );
        Regex::new(&pattern).unwrap_or_else(|e| panic!("tag pattern: {e}"))
    })
}

/// `PART IV` and its translations.
fn part_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(r"\b(?i:{})\s+[IVX]{{1,5}}\b", alternation(PART_WORDS));
        Regex::new(&pattern).unwrap_or_else(|e| panic!("part pattern: {e}"))
    })
}

/// A page number (with or without dot leaders) at the end of a line.
fn page_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:\s*(?:\.\s*){2,}|\s+)\d{1,4}\s*$").unwrap_or_else(|e| panic!("{e}"))
    })
}

/// "(Dubai, 2018)" after a body phrase in folded text; "wtdc 22" abbreviations.
fn formula_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\(([^()]{2,50}?),? ((?:19|20)\d\d)\)").unwrap_or_else(|e| panic!("{e}"))
    })
}

fn abbreviation_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words: Vec<&str> = BODY_ABBREVIATIONS.iter().map(|(w, _)| *w).collect();
        let pattern = format!(r"\b({}) (\d\d)\b", alternation(&words));
        Regex::new(&pattern).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The catalogue's id for a body, WRC included (its conferences are named "WRC-23").
pub fn body_id(body: BodyRef) -> Option<&'static str> {
    match body {
        BodyRef::Wrc => Some("WRC"),
        other => other.catalog_id(),
    }
}

fn full_year(yy: u16) -> u16 {
    if yy < 60 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// The conference id of a body and year: the catalogue's when it holds one, else the
/// ITU's usual `BODY-yy`.
fn conference_id(catalog: &Catalog, body: &str, year: u16) -> String {
    match catalog.conferences_in(body, year).first() {
        Some(c) => c.id.to_string(),
        None => format!("{body}-{:02}", year % 100),
    }
}

/// What a tag names: (conference, revised).
fn resolve_tag(catalog: &Catalog, tag: &str, body: Option<&str>) -> Option<(String, bool)> {
    let caps = tag_regex().captures(tag)?;
    let revised = caps.name("rev").is_some();
    if let (Some(abbr), Some(yy)) = (caps.name("abbr"), caps.name("yy")) {
        let folded = fold(abbr.as_str());
        let body_ref = BODY_ABBREVIATIONS
            .iter()
            .find(|(w, _)| *w == folded)
            .map(|(_, b)| *b)?;
        let id = body_id(body_ref)?;
        let year = full_year(yy.as_str().parse().ok()?);
        return Some((conference_id(catalog, id, year), revised));
    }
    let place = caps.name("place")?.as_str().trim();
    let year: u16 = caps.name("year")?.as_str().parse().ok()?;
    let found = catalog.conferences_at(place, year);
    let conference = match body {
        Some(body) => found.into_iter().find(|c| c.body == body)?,
        None if found.len() == 1 => found[0],
        None => return None,
    };
    Some((conference.id.to_string(), revised))
}

/// Reads one file's blocks. `conference`, when given, overrides what the text says.
pub fn read(
    file: &str,
    blocks: &Blocks,
    catalog: &Catalog,
    conference: Option<&str>,
) -> FileOutcome {
    let place = blocks.place;
    let source = |at: usize| format!("{file}, {} {at}", place.word());
    let final_acts = blocks
        .blocks
        .iter()
        .take(80)
        .any(|b| FINAL_ACTS.iter().any(|w| fold(&b.text).contains(w)));
    let (entries, abrogated) = entries(blocks);
    let lang = text_language(blocks);

    let (conference, found) = match conference {
        Some(id) => (Some(id.to_string()), Some(Found::Option)),
        None => match conference_of_text(&blocks.blocks, catalog) {
            Some((id, at, quote)) => (Some(id), Some(Found::Text { at, quote })),
            None => match conference_of_headings(&entries, catalog) {
                Some((id, count)) => (Some(id), Some(Found::Headings { count })),
                None => (None, None),
            },
        },
    };
    let mut outcome = FileOutcome {
        file: file.to_string(),
        kind: blocks.kind,
        place,
        conference: conference.clone(),
        found: found.clone(),
        final_acts,
        abrogation_list: !abrogated.is_empty(),
        facts: Vec::new(),
        skipped: Vec::new(),
    };
    let Some(conference) = conference else {
        return outcome;
    };
    let own = catalog.conference(&conference);
    let body = own
        .map(|c| c.body.to_string())
        .or_else(|| conference.split('-').next().map(str::to_string))
        .unwrap_or_default();
    let own_began = own.map(|c| c.began());
    let high = matches!(found, Some(Found::Text { .. } | Found::Option));

    let all = entries
        .iter()
        .map(|e| (e, false))
        .chain(abrogated.iter().map(|e| (e, true)));
    for (entry, is_abrogation) in all {
        let entry_body = if entry.itu_r { "RA" } else { body.as_str() };
        let title = entry.title.clone().map(|t| (entry.lang.unwrap_or(lang), t));
        let mut fact = Fact {
            body: entry_body.to_string(),
            number: entry.number,
            conference: conference.clone(),
            kind: FactKind::Adopted,
            tag: entry.tag.clone(),
            tag_conference: None,
            tag_revised: false,
            title,
            source: source(entry.at),
            high,
        };
        let Some(tag) = &entry.tag else {
            if entry.itu_r {
                let designation = match entry.revision_index {
                    Some(r) => format!("ITU-R {}-{r}", entry.number),
                    None => format!("ITU-R {}", entry.number),
                };
                fact.kind = FactKind::Designation { designation };
                outcome.facts.push(fact);
            }
            continue;
        };
        let Some((tag_conference, revised)) = resolve_tag(catalog, tag, Some(entry_body)) else {
            outcome.skipped.push(Skipped {
                at: entry.at,
                text: entry.text.clone(),
                why: report::unknown_tag(tag),
            });
            continue;
        };
        let tag_began = catalog.conference(&tag_conference).map(|c| c.began());
        let later = match (tag_began, own_began) {
            (Some(t), Some(o)) => t > o,
            _ => false,
        };
        if later {
            outcome.skipped.push(Skipped {
                at: entry.at,
                text: entry.text.clone(),
                why: report::later_than_outcome(tag, &conference),
            });
            continue;
        }
        fact.tag_conference = Some(tag_conference.clone());
        fact.tag_revised = revised;
        fact.kind = if is_abrogation {
            FactKind::Abrogated {
                last: Some(tag_conference.clone()),
            }
        } else if tag_conference == conference {
            if revised {
                FactKind::Revised
            } else {
                FactKind::Adopted
            }
        } else {
            FactKind::InForce {
                version: tag_conference.clone(),
            }
        };
        outcome.facts.push(fact);
    }
    outcome
}

/// The language of the text: the accents of its headings, else its common words.
fn text_language(blocks: &Blocks) -> Lang {
    use crate::lang::lexicon::LANGUAGE_MARKERS;
    let mut score = [0usize; 3];
    for b in blocks.blocks.iter().take(400) {
        for word in b.text.split(|c: char| !c.is_alphabetic()) {
            let lower = word.to_lowercase();
            if let Some((_, lang)) = LANGUAGE_MARKERS.iter().find(|(w, _)| *w == lower) {
                score[*lang as usize] += 1;
            }
        }
    }
    match score.iter().enumerate().max_by_key(|(_, s)| **s) {
        Some((1, s)) if *s > 0 => Lang::Fr,
        Some((2, s)) if *s > 0 => Lang::Es,
        _ => Lang::En,
    }
}

/// The conference the text names as its own: the first body phrase followed by
/// "(Place, Year)", or a "WTDC-25"-style name, on the title page (first blocks); else the
/// conference formula most often met in the text.
fn conference_of_text(blocks: &[Block], catalog: &Catalog) -> Option<(String, usize, String)> {
    let named = |b: &Block, abbreviations: bool| -> Option<String> {
        let folded = fold(&b.text);
        for (phrase, body) in BODY_PHRASES {
            let Some(at) = folded.find(phrase) else {
                continue;
            };
            let Some(id) = body_id(*body) else {
                continue;
            };
            let after = &folded[at + phrase.len()..];
            let mut end = after.len().min(160);
            while !after.is_char_boundary(end) {
                end -= 1;
            }
            let window = &after[..end];
            if let Some(caps) = formula_regex().captures(window) {
                let place = caps.get(1).map_or("", |m| m.as_str());
                let year: u16 = caps.get(2).and_then(|m| m.as_str().parse().ok())?;
                // "(Kigali, Rwanda, 2022)": the place is the first part.
                let candidates = [place, place.split(',').next().unwrap_or(place)];
                for p in candidates {
                    if let Some(c) = catalog
                        .conferences_at(p.trim(), year)
                        .into_iter()
                        .find(|c| c.body == id)
                    {
                        return Some(c.id.to_string());
                    }
                }
                if id == "WRC" {
                    return Some(conference_id(catalog, id, year));
                }
            }
        }
        if abbreviations {
            for caps in abbreviation_regex().captures_iter(&folded) {
                let word = caps.get(1).map_or("", |m| m.as_str());
                // Two-letter abbreviations ("ra", "ar", "pp") are common words in prose;
                // on a title page only capitals count.
                if word.len() <= 2 && !b.text.contains(&word.to_uppercase()) {
                    continue;
                }
                let body = BODY_ABBREVIATIONS
                    .iter()
                    .find(|(w, _)| *w == word)
                    .and_then(|(_, b)| body_id(*b))?;
                let yy: u16 = caps.get(2).and_then(|m| m.as_str().parse().ok())?;
                let year = full_year(yy);
                if body == "WRC" || !catalog.conferences_in(body, year).is_empty() {
                    return Some(conference_id(catalog, body, year));
                }
            }
        }
        None
    };
    // A title page may spread its name over lines ("FINAL ACTS / of the Plenipotentiary
    // Conference / (Dubai, 2018)"): single blocks first, then two and three together, so
    // that the quote is the shortest that names the conference.
    let head = &blocks[..blocks.len().min(40)];
    for k in 1..=3 {
        for (i, b) in head.iter().enumerate() {
            if i + k > head.len() {
                break;
            }
            let joined = head[i..i + k]
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let page = Block {
                text: joined,
                at: b.at,
            };
            if let Some(id) = named(&page, true) {
                return Some((id, b.at, quote(&page.text)));
            }
        }
    }
    let mut counts: BTreeMap<String, (usize, usize, String)> = BTreeMap::new();
    for b in blocks {
        if let Some(id) = named(b, false) {
            let e = counts
                .entry(id)
                .or_insert_with(|| (0, b.at, quote(&b.text)));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, _, _))| *n)
        .map(|(id, (_, at, q))| (id, at, q))
}

fn quote(text: &str) -> String {
    let mut q: String = text.chars().take(90).collect();
    if q.len() < text.len() {
        q.push('…');
    }
    q
}

/// When the text names no conference: the one most of its headings are tagged with
/// (the newest on a tie). Only tags that name one conference unambiguously count.
fn conference_of_headings(entries: &[Entry], catalog: &Catalog) -> Option<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in entries {
        if let Some((id, _)) = e.tag.as_deref().and_then(|t| resolve_tag(catalog, t, None)) {
            *counts.entry(id).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|(id, n)| {
        (
            *n,
            catalog.conference(id).map(|c| c.began()),
            id.to_string(),
        )
    })
}

/// The headings and table-of-contents entries of a text, and the entries of its list of
/// abrogated resolutions (glued into one paragraph or not).
fn entries(blocks: &Blocks) -> (Vec<Entry>, Vec<Entry>) {
    let list = &blocks.blocks;
    let lines = blocks.place == Place::Line && blocks.kind == "text";
    let mut entries = Vec::new();
    let mut abrogated = Vec::new();
    let mut in_abrogation = false;
    let mut i = 0;
    while i < list.len() {
        let b = &list[i];
        let folded = fold(&b.text);
        if let Some(marker) = ABROGATION_LISTS.iter().find_map(|m| folded.find(m)) {
            in_abrogation = true;
            // The list may be glued into this block: read it up to the next part. The
            // marker's offset in folded text only approximates the raw one, so search
            // from the raw text's matching word instead.
            let start = raw_offset(&b.text, marker);
            let rest = &b.text[start..];
            let (rest, ends) = match part_regex().find_at(rest, 1.min(rest.len())) {
                Some(m) if m.start() > 0 => (&rest[..m.start()], true),
                _ => (rest, false),
            };
            abrogated.extend(glued_entries(rest, b.at));
            if ends {
                in_abrogation = false;
            }
            i += 1;
            continue;
        }
        if in_abrogation && part_regex().find(&b.text).is_some_and(|m| m.start() == 0) {
            in_abrogation = false;
        }
        let Some(mut entry) = entry_at(b) else {
            i += 1;
            continue;
        };
        let mut next = i + 1;
        if entry.title.is_none() && entry.tag.is_some() {
            // A heading alone on its line: the title follows (one block in structured
            // formats; wrapped lines up to a blank line in text).
            let mut title = String::new();
            while let Some(n) = list.get(next) {
                let contiguous = !lines || n.at == list[next - 1].at + 1 || title.is_empty();
                if !contiguous
                    || entry_at(n).is_some()
                    || is_formula(&n.text)
                    || part_regex().find(&n.text).is_some_and(|m| m.start() == 0)
                    || n.text.chars().count() > 400
                {
                    break;
                }
                join_line(&mut title, &n.text);
                next += 1;
                if !lines || page_regex().is_match(&n.text) || next - i > 3 {
                    break;
                }
            }
            let title = clean_title(&title);
            if !title.is_empty() {
                entry.title = Some(title);
            }
        } else if lines {
            // A table-of-contents title wrapped over lines ends at its page number.
            if let Some(title) = entry.title.clone() {
                let mut title = title;
                let mut done = page_regex().is_match(&b.text);
                while !done {
                    let Some(n) = list.get(next) else { break };
                    if n.at != list[next - 1].at + 1 || entry_at(n).is_some() || next - i > 4 {
                        break;
                    }
                    join_line(&mut title, &n.text);
                    done = page_regex().is_match(&n.text);
                    next += 1;
                }
                entry.title = Some(clean_title(&title));
            }
        }
        if in_abrogation {
            abrogated.push(entry);
        } else {
            entries.push(entry);
        }
        i = next;
    }
    (entries, abrogated)
}

/// The raw byte offset of a folded offset (folding keeps one char per char, except
/// runs of spaces and dropped leading spaces, which blocks never have).
fn raw_offset(raw: &str, folded_offset: usize) -> usize {
    let folded = fold(raw);
    let chars_before = folded[..folded_offset.min(folded.len())].chars().count();
    raw.char_indices()
        .nth(chars_before)
        .map_or(raw.len(), |(i, _)| i)
}

/// Appends a wrapped line, mending a word a hyphen broke at the line's end.
fn join_line(title: &mut String, line: &str) {
    if title.is_empty() {
        title.push_str(line);
        return;
    }
    let broken = title.ends_with('-')
        && title
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_alphabetic())
        && line.chars().next().is_some_and(|c| c.is_lowercase());
    if broken {
        title.pop();
    } else {
        title.push(' ');
    }
    title.push_str(line);
}

/// A title without its page number, dot leaders, footnote marks and leading dash.
fn clean_title(title: &str) -> String {
    let t = page_regex().replace(title, "");
    t.trim()
        .trim_start_matches(['–', '—', '-', ':'])
        .trim()
        .trim_end_matches(['*', '.', ' ', '–', '—'])
        .trim()
        .to_string()
}

/// Whether a block opens with a conference formula ("The Plenipotentiary Conference of
/// the International Telecommunication Union (Dubai, 2018),").
fn is_formula(text: &str) -> bool {
    let folded = fold(text);
    let head: String = folded.chars().take(80).collect();
    // A formula wrapped over lines ("… Union (Bucharest," / "2022),") has no closing
    // parenthesis on its first line: opening with the body's name is enough.
    let opens = BODY_PHRASES.iter().any(|(p, _)| {
        ["", "the ", "la ", "el ", "l'"]
            .iter()
            .any(|article| head.starts_with(&format!("{article}{p}")))
    });
    opens
        || (BODY_PHRASES.iter().any(|(p, _)| head.contains(p)) && formula_regex().is_match(&folded))
}

/// The entry a block opens with, if it is one: a heading alone (in capitals), or an
/// entry followed by a dash and its title, or by a page number. Anything else (a
/// citation in a sentence) is not an entry.
fn entry_at(b: &Block) -> Option<Entry> {
    let caps = entry_regex(true).captures(&b.text)?;
    let whole = caps.get(0)?;
    let word = caps.name("word")?.as_str();
    let rest = b.text[whole.end()..].trim();
    let itu_r = caps.name("itur").is_some();
    let capitals = word.chars().all(|c| !c.is_lowercase());
    let title = if rest.is_empty() {
        if !capitals && !itu_r {
            return None;
        }
        None
    } else if rest.starts_with(['–', '—', '-']) {
        Some(clean_title(rest))
    } else if page_regex().is_match(rest) && rest.trim_start_matches(['.', ' ']).len() <= 6 {
        None
    } else if capitals && caps.name("tag").is_some() && rest.chars().all(|c| !c.is_lowercase()) {
        // "RESOLUTION 5 (REV. KIGALI, 2022) ENHANCED PARTICIPATION..." in capitals.
        Some(clean_title(rest))
    } else {
        return None;
    };
    entry_from(&caps, b.at, &b.text, title)
}

fn entry_from(
    caps: &regex::Captures,
    at: usize,
    text: &str,
    title: Option<String>,
) -> Option<Entry> {
    let word = caps.name("word")?.as_str();
    let lang = RESOLUTION_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word) || w.to_uppercase() == word)
        .map(|(_, l)| *l)
        .filter(|l| *l != Lang::En);
    Some(Entry {
        lang,
        itu_r: caps.name("itur").is_some(),
        number: caps.name("number")?.as_str().parse().ok()?,
        revision_index: caps.name("rev").and_then(|r| r.as_str().parse().ok()),
        tag: caps.name("tag").map(|t| t.as_str().trim().to_string()),
        title: title.filter(|t| !t.is_empty()),
        at,
        text: quote(text),
    })
}

/// Entries glued one after another into a block ("RESOLUTION 36 (REV. GUADALAJARA,
/// 2010) Telecommunications... RESOLUTION 72 (REV. BUSAN, 2014) Linking..."): each title
/// runs to the next entry, page numbers dropped.
fn glued_entries(text: &str, at: usize) -> Vec<Entry> {
    let found: Vec<regex::Captures> = entry_regex(false)
        .captures_iter(text)
        .filter(|c| c.name("tag").is_some())
        .collect();
    let mut out = Vec::new();
    for (k, caps) in found.iter().enumerate() {
        let Some(whole) = caps.get(0) else { continue };
        let end = found
            .get(k + 1)
            .and_then(|n| n.get(0))
            .map_or(text.len(), |m| m.start());
        let title = clean_title(&text[whole.end()..end]);
        if let Some(e) = entry_from(caps, at, whole.as_str(), Some(title)) {
            out.push(e);
        }
    }
    out
}

/// The catalogue file (format of `catalog/itu-resolutions.json`) that holds the facts of
/// every file read.
pub fn to_catalog_file(outcomes: &[FileOutcome], catalog: &Catalog) -> Value {
    // (body, number) → record being built.
    let mut records: BTreeMap<(String, u32), Value> = BTreeMap::new();
    let mut complete: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    let mut partial: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    let mut conferences: BTreeMap<String, Value> = BTreeMap::new();
    let mut inputs = Vec::new();

    for o in outcomes {
        let conference_found = o.found.as_ref().map(|f| match f {
            Found::Text { at, quote } => json!({"by": "text", o.place.word(): at, "quote": quote}),
            Found::Headings { count } => json!({"by": "headings", "headings": count}),
            Found::Option => json!({"by": "option"}),
        });
        inputs.push(json!({
            "file": o.file,
            "read_as": o.kind,
            "conference": o.conference,
            "conference_found": conference_found,
            "final_acts": o.final_acts,
            "list_of_abrogated_resolutions": o.abrogation_list,
            "complete": o.complete(),
            "facts": o.facts.len(),
            "left_out": o.skipped.iter().map(|s| json!({o.place.word(): s.at, "text": s.text, "why": s.why})).collect::<Vec<_>>(),
        }));
        let Some(conf) = &o.conference else { continue };
        if catalog.conference(conf).is_none() && !conferences.contains_key(conf) {
            let (body, yy) = conf.split_once('-').unwrap_or((conf.as_str(), ""));
            let year = yy.parse::<u16>().map(full_year).unwrap_or(0);
            conferences.insert(
                conf.clone(),
                json!({"id": conf, "body": body, "year": year, "status": "held",
                       "sources": [o.file], "confidence": "medium",
                       "notes": "added by proplint catalog build: named by the text it read; dates and place not read"}),
            );
        }
        for f in &o.facts {
            let confidence = if f.high { "high" } else { "medium" };
            let record = records
                .entry((f.body.clone(), f.number))
                .or_insert_with(|| {
                    json!({"body": f.body, "number": f.number, "title": {}, "history": [],
                           "sources": [], "confidence": confidence})
                });
            push_item(&mut record["sources"], json!(o.file));
            if let Some((lang, title)) = &f.title {
                let code = lang.code();
                if record["title"].get(code).is_none() {
                    record["title"][code] = json!(title);
                    record["title_meta"][code] =
                        json!({"source": f.source, "as_of": f.conference, "truncated": false});
                }
            }
            let evidence = if o.final_acts { "final_acts" } else { "toc" };
            match &f.kind {
                FactKind::Adopted | FactKind::Revised => {
                    let action = if f.kind == FactKind::Adopted {
                        "adopted"
                    } else {
                        "revised"
                    };
                    add_event(
                        record,
                        &f.conference,
                        action,
                        evidence,
                        &f.source,
                        confidence,
                    );
                }
                FactKind::Abrogated { last } => {
                    record["suppressed_at"] = json!(f.conference);
                    record["suppressed_source"] = json!(f.source);
                    record["suppressed_meta"] = json!({
                        "evidence": evidence_of_abrogation(o),
                        "as_printed": f.tag.as_deref().map(|t| format!("{} {} ({t})", resolution_word(f).to_uppercase(), f.number)),
                        "last_version": f.tag.as_deref().map(normalise_tag),
                        "last_version_conference": last,
                        "confidence": confidence,
                    });
                    if let Some(last) = last {
                        let action = if f.tag_revised { "revised" } else { "adopted" };
                        add_event(
                            record,
                            last,
                            action,
                            "abrogation_list",
                            &f.source,
                            confidence,
                        );
                    }
                }
                FactKind::InForce { version } => {
                    let action = if f.tag_revised { "revised" } else { "adopted" };
                    add_event(record, version, action, evidence, &f.source, confidence);
                    push_item(&mut record["in_force_after"], json!(f.conference));
                    push_item(&mut record["not_revised_at"], json!(f.conference));
                    record["not_revised_at_basis"][&f.conference] = json!({
                        "basis": evidence, "sources": [f.source], "confidence": "medium",
                    });
                }
                FactKind::Designation { designation } => {
                    push_item(&mut record["in_force_after"], json!(f.conference));
                    push_item(
                        &mut record["itu_r_revisions_seen"],
                        json!({"designation": designation, "in_volume_of": f.conference, "source": f.source}),
                    );
                }
            }
        }
        let numbers = |pred: &dyn Fn(&FactKind) -> bool| {
            let mut v: Vec<u32> = o
                .facts
                .iter()
                .filter(|f| pred(&f.kind) && f.body == body_of(conf))
                .map(|f| f.number)
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let adopted = numbers(&|k| *k == FactKind::Adopted);
        let revised = numbers(&|k| *k == FactKind::Revised);
        let mut abrogated: Vec<Value> = o
            .facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::Abrogated { .. } => Some(json!({
                    "number": f.number,
                    "last_version": f.tag.as_deref().map(normalise_tag),
                })),
                _ => None,
            })
            .collect();
        abrogated.sort_by_key(|v| v["number"].as_u64());
        abrogated.dedup();
        let in_force = numbers(&|k| matches!(k, FactKind::InForce { .. }));
        let body = body_of(conf).to_string();
        let list = json!({
            "complete": o.complete(),
            "adopted": adopted,
            "revised": revised,
            "abrogated": abrogated,
            "in_force_unchanged": in_force,
            "counts": {"adopted": adopted.len(), "revised": revised.len(), "abrogated": abrogated.len()},
            "basis": if o.complete() { "Final Acts headings and list of abrogated resolutions" }
                     else if !in_force.is_empty() { "table of contents: what is in force after the conference" }
                     else { "headings and entries read" },
            "sources": [o.file],
        });
        let target = if o.complete() {
            &mut complete
        } else {
            &mut partial
        };
        target.entry(body).or_default().insert(conf.clone(), list);
    }

    let mut coverage = serde_json::Map::new();
    let bodies: std::collections::BTreeSet<&String> =
        complete.keys().chain(partial.keys()).collect();
    for body in bodies {
        let mut c = serde_json::Map::new();
        if let Some(lists) = complete.get(body) {
            c.insert("complete_lists".into(), json!(lists));
        }
        if let Some(lists) = partial.get(body) {
            c.insert("partial_lists".into(), json!(lists));
        }
        coverage.insert(body.clone(), Value::Object(c));
    }
    let mut resolutions: Vec<Value> = records.into_values().collect();
    for r in &mut resolutions {
        dedup_lists(r);
        if r["title"].as_object().is_some_and(|t| t.is_empty()) {
            r.as_object_mut().map(|o| o.remove("title"));
        }
    }
    json!({
        "schema_version": 1,
        "description": "Facts read from official texts by `proplint catalog build`; every fact names its source (file and line or paragraph). Load with --catalog or `catalog = [...]` in proplint.toml: it adds to the embedded catalogue fact by fact.",
        "conventions": {
            "built_by": "proplint catalog build",
            "evidence": "final_acts = a heading of the conference's Final Acts; toc = an entry of a table of contents or list of resolutions in force after the conference (an entry tagged with an earlier conference was in force unchanged: in_force_after and not_revised_at, never an event of the conference); abrogation_list = the Final Acts' list of abrogated resolutions (gives the last version)",
        },
        "build_inputs": inputs,
        "conferences": conferences.into_values().collect::<Vec<_>>(),
        "coverage": coverage,
        "resolutions": resolutions,
    })
}

fn evidence_of_abrogation(o: &FileOutcome) -> String {
    format!("list of resolutions abrogated, read from {}", o.file)
}

/// The heading word in the fact's language, for `as_printed`.
fn resolution_word(f: &Fact) -> &'static str {
    let lang = f.title.as_ref().map_or(Lang::En, |t| t.0);
    RESOLUTION_WORDS
        .iter()
        .find(|(_, l)| *l == lang)
        .map_or("resolution", |(w, _)| w)
}

fn body_of(conference: &str) -> &str {
    match conference.rsplit_once('-') {
        Some(("APP", _)) => "PP",
        Some((body, _)) => body,
        None => conference,
    }
}

/// "REV. GUADALAJARA, 2010" → "Rev. Guadalajara, 2010".
fn normalise_tag(tag: &str) -> String {
    let Some(caps) = tag_regex().captures(tag) else {
        return tag.to_string();
    };
    let rev = if caps.name("rev").is_some() {
        "Rev. "
    } else {
        ""
    };
    if let (Some(abbr), Some(yy)) = (caps.name("abbr"), caps.name("yy")) {
        return format!("{rev}{}-{}", abbr.as_str().to_uppercase(), yy.as_str());
    }
    let place = caps.name("place").map_or("", |m| m.as_str()).trim();
    let year = caps.name("year").map_or("", |m| m.as_str());
    let place: String = place
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!("{rev}{place}, {year}")
}

/// Appends to a list of the record; [`dedup_lists`] removes the repeats once all is read
/// (checking each time cost the square of the list: a text repeating a heading 300,000
/// times took minutes).
fn push_item(list: &mut Value, item: Value) {
    if !list.is_array() {
        *list = json!([]);
    }
    if let Some(a) = list.as_array_mut() {
        a.push(item);
    }
}

/// Removes repeated items from a record's lists, keeping the first of each in its place.
fn dedup_lists(record: &mut Value) {
    fn dedup(list: &mut Value) {
        if let Some(items) = list.as_array_mut() {
            let mut seen = std::collections::HashSet::new();
            items.retain(|item| seen.insert(item.to_string()));
        }
    }
    for key in [
        "sources",
        "in_force_after",
        "not_revised_at",
        "itu_r_revisions_seen",
    ] {
        if let Some(list) = record.get_mut(key) {
            dedup(list);
        }
    }
    if let Some(history) = record.get_mut("history").and_then(Value::as_array_mut) {
        for event in history {
            for key in ["evidence", "sources"] {
                if let Some(list) = event.get_mut(key) {
                    dedup(list);
                }
            }
        }
    }
}

fn add_event(
    record: &mut Value,
    conference: &str,
    action: &str,
    evidence: &str,
    source: &str,
    confidence: &str,
) {
    if !record["history"].is_array() {
        record["history"] = json!([]);
    }
    let Some(history) = record["history"].as_array_mut() else {
        return;
    };
    let existing = history
        .iter_mut()
        .find(|e| e["conference"] == conference && e["action"] == action);
    match existing {
        Some(e) => {
            push_item(&mut e["evidence"], json!(evidence));
            push_item(&mut e["sources"], json!(source));
        }
        None => history.push(json!({
            "conference": conference,
            "action": action,
            "evidence": [evidence],
            "sources": [source],
            "confidence": confidence,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_facts_are_listed_once_in_the_order_first_read() {
        let mut record = json!({"history": []});
        for source in ["a.txt:3", "a.txt:9", "a.txt:3"] {
            push_item(&mut record["sources"], json!("a.txt"));
            add_event(&mut record, "PP-14", "revised", "toc", source, "medium");
        }
        add_event(
            &mut record,
            "PP-14",
            "revised",
            "final_acts",
            "b.txt:1",
            "high",
        );
        dedup_lists(&mut record);
        assert_eq!(record["sources"], json!(["a.txt"]));
        let event = &record["history"][0];
        assert_eq!(event["sources"], json!(["a.txt:3", "a.txt:9", "b.txt:1"]));
        assert_eq!(event["evidence"], json!(["toc", "final_acts"]));
        assert_eq!(record["history"].as_array().map(Vec::len), Some(1));
    }
    use std::path::Path;

    fn read_text(name: &str, text: &str) -> FileOutcome {
        let blocks =
            crate::input::blocks::blocks_from_bytes(Path::new(name), text.as_bytes().to_vec())
                .unwrap();
        read(name, &blocks, Catalog::embedded(), None)
    }

    #[test]
    fn tags_name_conferences_in_every_form() {
        let c = Catalog::embedded();
        assert_eq!(
            resolve_tag(c, "REV. DUBAI, 2018", Some("PP")),
            Some(("PP-18".into(), true))
        );
        assert_eq!(
            resolve_tag(c, "Rév. Bucarest, 2022", Some("PP")),
            Some(("PP-22".into(), true))
        );
        assert_eq!(
            resolve_tag(c, "REV.WRC-23", None),
            Some(("WRC-23".into(), true))
        );
        assert_eq!(
            resolve_tag(c, "Kigali, 2022", Some("WTDC")),
            Some(("WTDC-22".into(), false))
        );
        assert_eq!(resolve_tag(c, "Rev. Dubai, 2018", Some("WTDC")), None);
    }

    #[test]
    fn a_citation_in_a_sentence_is_not_an_entry() {
        let o = read_text(
            "x.txt",
            "FINAL ACTS OF THE PLENIPOTENTIARY CONFERENCE (DUBAI, 2018)\n\nRESOLUTION 130 (REV. DUBAI, 2018)\nStrengthening the role of ITU\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\nResolution 71 (Rev. Busan, 2014) of this conference, on the strategic plan;\n",
        );
        assert_eq!(o.conference.as_deref(), Some("PP-18"));
        assert_eq!(o.facts.len(), 1, "{:?}", o.facts);
        assert_eq!(o.facts[0].number, 130);
        assert_eq!(o.facts[0].kind, FactKind::Revised);
        assert_eq!(
            o.facts[0].title.as_ref().map(|t| t.1.as_str()),
            Some("Strengthening the role of ITU")
        );
        assert_eq!(o.facts[0].source, "x.txt, line 3");
    }

    #[test]
    fn a_title_stops_at_a_formula_wrapped_over_lines() {
        let o = read_text(
            "y.txt",
            "FINAL ACTS OF THE PLENIPOTENTIARY CONFERENCE (BUCHAREST, 2022)\n\nRESOLUTION 130 (REV. BUCHAREST, 2022)\nStrengthening the role of ITU in building confidence\nand security\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest,\n2022),\n",
        );
        assert_eq!(
            o.facts[0].title.as_ref().map(|t| t.1.as_str()),
            Some("Strengthening the role of ITU in building confidence and security")
        );
    }

    #[test]
    fn glued_abrogation_lists_are_read_up_to_the_next_part() {
        let entries = glued_entries(
            "RESOLUTION 89 (MINNEAPOLIS, 1998) Coping with telex 482 RESOLUTION 166 (REV. BUSAN, 2014) Number of vice-chairmen",
            9,
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title.as_deref(), Some("Coping with telex"));
        assert_eq!(entries[1].tag.as_deref(), Some("REV. BUSAN, 2014"));
        assert_eq!(normalise_tag("REV. BUSAN, 2014"), "Rev. Busan, 2014");
    }
}
