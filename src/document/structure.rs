//! From a source text to a [`Document`]: resolve revision marks, read the new reading
//! line by line (units, headings, conference lines, sections, clauses, reasons,
//! citations), settle clause levels and glued labels, then map every span back to the
//! source.

use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use super::citation::{scan_line, BodySource, Citation, CitationKind, TagForm};
use super::labels::{self, Label, LabelKind, RawKind, RawLabel};
use super::markup::Reading;
use super::scanners::{self, HeadingParts};
use super::{
    Action, ActionKind, Clause, ConferenceLine, Document, Entry, Flattened, FlattenedKind, Heading,
    HeadingKind, ProposalRef, Section, Unit, UnitSoFar,
};
use crate::base::fold::{fold, fold_char};
use crate::base::text::Span;
use crate::base::BodyRef;
use crate::catalog::Catalog;
use crate::lang::lexicon::{
    ADDRESSEE_STARTS, BODY_ABBREVIATIONS, BODY_PHRASES, CALL_MODIFIERS_AFTER,
    CALL_MODIFIERS_BEFORE, CALL_WORDS, CONFERENCE_LINE_ARTICLES, LANGUAGE_MARKERS, REASONS_WORDS,
    UNION_PREFIXES, WORD_NOTE_HEADER_PATTERN,
};
use crate::lang::Lang;

/// Parses one chunk of a document (see [`super::chunk_spans`]) as a text of its own,
/// from what the parser knew where the chunk begins (`entry`). `continued`: the chunk
/// ends at a cut inside a unit, which the next chunk goes on with.
pub fn parse_chunk(source: &str, catalog: &Catalog, entry: Entry, continued: bool) -> Document {
    let reading = Reading::new(source);
    let text: &str = &reading.text;
    let is_place = |p: &str| catalog.is_place(p);
    let mut current = new_unit(0);
    current.body = entry.unit.and_then(|u| u.body);
    let mut p = Parser {
        text,
        reading: &reading,
        catalog,
        is_place: &is_place,
        units: Vec::new(),
        citations: Vec::new(),
        flattened: Vec::new(),
        header_conference: None,
        current,
        inherited: entry.unit,
        section: None,
        header_open: entry.header_open,
        note: Note::None,
        quoted: false,
    };
    // The lines as `split_inclusive('\n')` gives them, found with memchr's vectorised
    // search rather than core's (3.4 M of the 94 M instructions of checking the 1 MB
    // corpus document).
    let mut line_start = 0;
    while line_start < text.len() {
        let rest = &text[line_start..];
        let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let content = rest[..len].trim_end_matches(['\n', '\r']);
        p.line(line_start, content);
        line_start += len;
    }
    let exit = Entry {
        header_open: p.header_open,
        unit: Some(p.unit_so_far()),
    };
    p.finish(text.len());
    let Parser {
        mut units,
        citations,
        mut flattened,
        header_conference,
        ..
    } = p;
    for unit in &mut units {
        for section in &mut unit.sections {
            settle_labels(section, &mut flattened);
        }
    }
    flattened.sort_by_key(|f| (f.span.start, f.span.end));
    flattened.dedup_by_key(|f| f.span);
    // An editor keeps the model of every chunk for as long as the document is open:
    // no spare capacity (it was a quarter of the model's memory).
    for unit in &mut units {
        for section in &mut unit.sections {
            section.clauses.shrink_to_fit();
        }
        unit.sections.shrink_to_fit();
    }
    units.shrink_to_fit();
    flattened.shrink_to_fit();
    let mut citations = citations;
    citations.shrink_to_fit();
    let mut marks = reading.marks.clone();
    marks.shrink_to_fit();
    Document {
        language: Lang::En,
        marks,
        units,
        citations,
        flattened,
        header_conference,
        continues: entry.unit.is_some(),
        continued,
        exit,
    }
}

fn new_unit(start: usize) -> Unit {
    Unit {
        span: Span::new(start, start),
        action: None,
        reference: None,
        heading: None,
        conference_line: None,
        sections: Vec::new(),
        reasons: None,
        body: None,
    }
}

struct Parser<'a> {
    /// The new reading.
    text: &'a str,
    reading: &'a Reading<'a>,
    catalog: &'a Catalog,
    is_place: &'a dyn Fn(&str) -> bool,
    units: Vec<Unit>,
    citations: Vec<Citation>,
    flattened: Vec<Flattened>,
    header_conference: Option<String>,
    current: Unit,
    /// What the chunks before this one knew of `current`, when this chunk continues it.
    inherited: Option<UnitSoFar>,
    section: Option<Section>,
    /// Whether a header's conference code may still be read: no action line and no
    /// code met yet.
    header_open: bool,
    note: Note,
    /// Inside a quotation that spans lines (a quoted list: `"a) ...`, `b) ...`,
    /// `c) ..."`): its labels are the quoted text's, not the section's.
    quoted: bool,
}

/// Where the parser is relative to a PDF export's margin notes ("Page 3: [13] Deleted
/// Author Date" followed by the deleted text): their text is not the document's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    None,
    /// After a note's header line, before its text.
    Header,
    /// In the note's text, until a blank line.
    Body,
}

// Digits are written `[0-9]`, not `\d`: `\d` takes every decimal digit of Unicode, which
// no number parsed from a match could use, and made the compiled expressions and their
// caches 0.7 MiB larger in all.
fn note_header_regex() -> &'static Regex {
    regex!(&format!(
        r"^(?:<b>)?Page [0-9]+: \[[0-9]+\] (?:{WORD_NOTE_HEADER_PATTERN})"
    ))
}

fn is_note_header(content: &str) -> bool {
    (content.starts_with("Page ") || content.starts_with("<b>Page "))
        && note_header_regex().is_match(content)
}

/// The margin-note state after a line's content, and whether the note takes the line
/// (a blank line is taken too: it only ends a note's text).
fn note_step(note: Note, content: &str) -> (Note, bool) {
    if content.is_empty() {
        let after = if note == Note::Body { Note::None } else { note };
        return (after, true);
    }
    if is_note_header(content) {
        return (Note::Header, true);
    }
    if note == Note::None {
        return (note, false);
    }
    let decoration = content
        .chars()
        .all(|c| matches!(c, '-' | '|' | ' ' | '\t' | '=' | '+'));
    (if decoration { note } else { Note::Body }, true)
}

/// The margin-note states the parser may be in, as told by a scanner of the source that
/// does not resolve revision marks (the chunk cutter): exact after lines the marks leave
/// as they are, every state the marks could lead to after the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoteStates(u8);

impl NoteStates {
    pub const NONE: NoteStates = NoteStates(1);
    const STATES: [Note; 3] = [Note::None, Note::Header, Note::Body];

    pub fn certainly_none(self) -> bool {
        self == NoteStates::NONE
    }

    /// The states after `line` (without its line break). `clean`: no revision mark is
    /// on the line or open across it, so the parser reads it as written.
    pub fn after(self, line: &str, clean: bool) -> NoteStates {
        if !clean {
            // Outside a note, only a note's header leads into one, and a header begins
            // with "Page": marks that could make one leave a `P` on the line.
            if self.certainly_none() && memchr::memchr(b'P', line.as_bytes()).is_none() {
                return self;
            }
            return NoteStates(0b111);
        }
        let content = trim_decoration(&line[content_start(line)..]);
        let mut after = 0;
        for (i, note) in NoteStates::STATES.into_iter().enumerate() {
            if self.0 & (1 << i) != 0 {
                let (next, _) = note_step(note, content);
                let j = NoteStates::STATES
                    .iter()
                    .position(|n| *n == next)
                    .unwrap_or(0);
                after |= 1 << j;
            }
        }
        NoteStates(after)
    }
}

/// Whether the parser, outside a margin note, reads `line` (without its line break)
/// as the call word that opens a section, and as nothing it tests before: where a
/// chunk may be cut inside a unit (see [`super::chunk_spans`]).
pub fn opens_section(line: &str) -> bool {
    let cs = content_start(line);
    let content = trim_decoration(&line[cs..]);
    let Some(&first) = content.as_bytes().first() else {
        return false;
    };
    // Most lines have no call word: rejected before anything else is read.
    if call_word(content).is_none() {
        return false;
    }
    let note = super::is_separator_line(line)
        || is_note_header(content)
        || b"DFIMC".contains(&first) && scanners::is_inline_note(content);
    !note && matches!(opening(line, cs, content), Some(Opening::Call(..)))
}

/// What a line opens or names, once separators and margin notes are set aside.
enum Opening<'c> {
    Action(scanners::ActionLine),
    /// The range of a proposal reference standing on its own.
    Reference(std::ops::Range<usize>),
    /// A standalone heading, and whether it is in upper case.
    Heading(HeadingParts<'c>, bool),
    Reasons,
    /// A call word, and whether it is an operative one.
    Call(&'static str, bool),
}

/// The first of the kinds of [`Opening`] that `content` (the decoration-free part of
/// `line`, from `cs`) is, tested in the order the parser reads them: one function for
/// [`Parser::line`] and for the cutter's [`opens_section`], so that the two cannot
/// disagree on what a line is.
fn opening<'c>(line: &str, cs: usize, content: &'c str) -> Option<Opening<'c>> {
    let first = *content.as_bytes().first()?;
    if let Some(action) = action_captures(content) {
        return Some(Opening::Action(action));
    }
    if let Some(range) = reference_line(content) {
        return Some(Opening::Reference(range));
    }
    if let Some((parts, upper)) = standalone_heading(line, cs, content) {
        return Some(Opening::Heading(parts, upper));
    }
    if b"RrMm".contains(&first) && reasons_word(content).is_some() {
        return Some(Opening::Reasons);
    }
    call_word(content).map(|(call, operative)| Opening::Call(call, operative))
}

/// The proposal reference a line consists of (`ECP/24A6/1` on its own).
fn reference_line(content: &str) -> Option<std::ops::Range<usize>> {
    (content.len() < 60 && content.contains('/'))
        .then(|| scanners::reference_line(content))
        .flatten()
}

/// A heading line that stands on its own (in upper case, a Markdown heading, or with
/// a revision tag), and whether it is in upper case.
fn standalone_heading<'c>(
    line: &str,
    cs: usize,
    content: &'c str,
) -> Option<(HeadingParts<'c>, bool)> {
    let first = *content.as_bytes().first()?;
    let parts = (b"RrDdPpOoAa".contains(&first) && content.len() < 250)
        .then(|| heading_parts(content))
        .flatten()?;
    let upper = content
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !c.is_lowercase());
    (upper || line[..cs].contains('#') || parts.tag.is_some()).then_some((parts, upper))
}

/// Where a line's content starts once decoration is skipped: indentation, a BOM,
/// `[bookmark: _Toc…]` anchors, Markdown heading hashes, quote markers, list markers
/// and emphasis.
fn content_start(line: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{feff}', '>']);
        at += rest.len() - trimmed.len();
        let rest = &line[at..];
        if rest.starts_with("[bookmark:") {
            match rest.find(']') {
                Some(end) => {
                    at += end + 1;
                    continue;
                }
                None => return at,
            }
        }
        if rest.starts_with('#') {
            let hashes = rest.bytes().take_while(|b| *b == b'#').count();
            if rest[hashes..].starts_with(' ') {
                at += hashes + 1;
                continue;
            }
        }
        if let Some(r) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
            at += rest.len() - r.len();
            continue;
        }
        if (rest.starts_with("- ") || rest.starts_with("+ ") || rest.starts_with("* "))
            && !rest[2..].trim_start().is_empty()
        {
            at += 2;
            continue;
        }
        if (rest.starts_with('*') || rest.starts_with('_')) && rest.len() > 1 {
            let next = rest[1..].chars().next();
            if next.is_some_and(|c| c.is_alphanumeric() || c == '(') {
                at += 1;
                continue;
            }
        }
        return at;
    }
}

/// The line's content without trailing decoration (emphasis markers, spaces, a Markdown
/// hard break).
fn trim_decoration(s: &str) -> &str {
    s.trim_end_matches([' ', '\t', '\u{a0}', '*', '_', '\\'])
}

/// The action and reference of an action line's content (`MOD\tECP/24A6/1`).
fn action_captures(content: &str) -> Option<scanners::ActionLine> {
    let first = *content.as_bytes().first()?;
    (b"(MASN".contains(&first) && content.len() < 120)
        .then(|| scanners::action_line(content))
        .flatten()
}

/// Whether a line is an action line (`MOD\tECP/24A6/1`), which begins a proposal unit.
pub fn is_action_line(line: &str) -> bool {
    let line = line.trim_end_matches(['\n', '\r']);
    action_captures(trim_decoration(&line[content_start(line)..])).is_some()
}

/// A heading line's parts: a bracket of at most 30 characters, a tag of at most 120
/// between its parentheses. The bounds are checked here rather than in the matcher, which
/// stands for an expression where a bounded repetition of any character (`.{0,120}`) is
/// compiled as that many copies.
fn heading_parts(content: &str) -> Option<HeadingParts<'_>> {
    let parts = scanners::heading(content)?;
    let within = |part: Option<&str>, most: usize| part.is_none_or(|p| p.chars().count() <= most);
    (within(parts.bracket, 30) && within(parts.tag, 122)).then_some(parts)
}

/// "WTDC", "CMDT", "WTSA", "AMNT", "PP", "RA", "AR": the abbreviations of the catalogued
/// bodies in every language, as a document header writes them ("CMDT-17").
fn catalogued_body_abbreviations() -> &'static [String] {
    static UPPER: OnceLock<Vec<String>> = OnceLock::new();
    UPPER.get_or_init(|| {
        BODY_ABBREVIATIONS
            .iter()
            .filter(|(_, body)| body.catalog_id().is_some())
            .map(|(abbreviation, _)| abbreviation.to_uppercase())
            .collect()
    })
}

fn period_regex() -> &'static Regex {
    regex!(
        r"\b(?P<old>(?:19|20)[0-9][0-9]-(?:19|20)[0-9][0-9])(?P<new>(?:19|20)[0-9][0-9]-(?:19|20)[0-9][0-9])\b"
    )
}

/// Whether `s` holds `n` ASCII digits in a row.
fn digit_run(s: &str, n: usize) -> bool {
    let mut run = 0;
    s.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= n
    })
}

/// Whether `s` holds a year of 19xx or 20xx directly followed by an upper-case letter,
/// as every match of [`scanners::glued_place_years`] does.
fn year_then_capital(s: &str) -> bool {
    let b = s.as_bytes();
    let candidates = &b[..b.len().saturating_sub(4)];
    memchr::memchr2_iter(b'1', b'2', candidates).any(|i| {
        matches!(&b[i..i + 2], b"19" | b"20")
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && s[i + 4..].chars().next().is_some_and(char::is_uppercase)
    })
}

impl<'a> Parser<'a> {
    fn map(&self, span: Span) -> Span {
        self.reading.span_to_source(span)
    }

    fn line(&mut self, start: usize, line: &'a str) {
        let cs = content_start(line);
        let content = trim_decoration(&line[cs..]);
        let content_span = Span::new(start + cs, start + cs + content.len());
        if super::is_separator_line(line) {
            self.note = Note::None;
            self.close_unit(start);
            self.current = new_unit(start + line.len());
            return;
        }
        let (note, taken) = note_step(self.note, content);
        self.note = note;
        if taken {
            return;
        }
        let first = content.as_bytes()[0];
        if b"DFIMC".contains(&first) && scanners::is_inline_note(content) {
            return;
        }
        match opening(line, cs, content) {
            Some(Opening::Action(c)) => {
                self.start_unit_for_action(start);
                let m = &content[c.action.clone()];
                let kind = match m {
                    "ADD" => ActionKind::Add,
                    "SUP" => ActionKind::Sup,
                    "NOC" => ActionKind::Noc,
                    _ => ActionKind::Mod,
                };
                let action_start = content_span.start + content.find(m).unwrap_or(0);
                self.current.action = Some(Action {
                    kind,
                    span: self.map(Span::new(action_start, action_start + m.len())),
                });
                if let Some(r) = c.reference {
                    self.current.reference =
                        self.proposal_ref(content_span.start + r.start, &content[r]);
                }
                self.header_open = false;
                return;
            }
            Some(Opening::Reference(r)) => {
                if self.current.reference.is_some() || self.inherited.is_some_and(|u| u.reference) {
                    self.close_unit(start);
                    self.current = new_unit(start);
                }
                self.current.reference =
                    self.proposal_ref(content_span.start + r.start, &content[r]);
                return;
            }
            Some(Opening::Heading(c, upper)) => {
                let citations = scan_line(content, content_span.start, self.is_place);
                self.heading(&c, content_span, upper, citations);
                return;
            }
            Some(Opening::Reasons) => {
                let citations = scan_line(content, content_span.start, self.is_place);
                self.end_section();
                self.current.reasons = Some(self.map(content_span));
                self.add_citations(citations, false);
                return;
            }
            Some(Opening::Call(call, operative)) => {
                self.open_section(content_span, call, operative);
                return;
            }
            None => {}
        }
        let citations = scan_line(content, content_span.start, self.is_place);
        let has_conference_line = self.current.conference_line.is_some()
            || self.inherited.is_some_and(|u| u.conference_line);
        if !has_conference_line && self.section.is_none() {
            if let Some(line) = self.conference_line(content, content_span) {
                self.current.conference_line = Some(line);
                if self.current.body.is_none() {
                    self.current.body = self.current.conference_line.as_ref().map(|l| l.body);
                }
                self.add_citations(citations, false);
                return;
            }
        }
        if self.header_open {
            self.header_code(content);
        }
        self.free_text_flattened(content, content_span.start, &citations);
        // Annexes, appendices and the declarations and reservations are not clauses of
        // the section before them: their numbered items and tables count on their own.
        let part = if self.section.is_some() {
            part_heading(content)
        } else {
            Part::None
        };
        if part == Part::Line {
            self.end_section();
            self.add_citations(citations, false);
            return;
        }
        if self.section.is_some() {
            let was_quoted = self.quoted;
            self.quoted = quotation_continues(content, was_quoted);
            if was_quoted {
                if let Some(section) = &mut self.section {
                    section.span = section
                        .span
                        .cover(self.reading.span_to_source(content_span));
                }
                self.add_citations(citations, false);
                return;
            }
        }
        let glued = self
            .section
            .is_some()
            .then(|| glued_call_word(content))
            .flatten();
        let clause_end = glued.map_or(content.len(), |at| content[..at].trim_end().len());
        let clause_span = Span::new(content_span.start, content_span.start + clause_end);
        if let Some(section) = &mut self.section {
            let label = labels::read_label(&content[..clause_end], 0).map(|mut l| {
                l.span = l.span.shifted(content_span.start);
                l
            });
            let span = self.reading.span_to_source(clause_span);
            let merged = merged_labels(&content[..clause_end], label.as_ref(), content_span.start);
            match label {
                Some(raw) => section.clauses.push(Clause {
                    span,
                    label: Some(raw_to_label(raw, self.reading)),
                }),
                None if section.clauses.is_empty() => {
                    section.clauses.push(Clause { span, label: None })
                }
                None => {}
            }
            for raw in merged {
                let span = self
                    .reading
                    .span_to_source(Span::new(raw.span.start, clause_span.end));
                section.clauses.push(Clause {
                    span,
                    label: Some(raw_to_label(raw, self.reading)),
                });
            }
            section.span = section.span.cover(span);
        }
        if part == Part::Glued {
            self.end_section();
        }
        if let Some(at) = glued {
            let tail = &content[at..];
            if let Some((call, operative)) = call_word(tail) {
                let span = Span::new(content_span.start + at, content_span.end);
                self.open_section(span, call, operative);
            }
        }
        self.add_citations(citations, false);
    }

    fn start_unit_for_action(&mut self, start: usize) {
        let substantive = self.current.action.is_some()
            || self.current.heading.is_some()
            || !self.current.sections.is_empty()
            || self.section.is_some()
            || self.current.reasons.is_some()
            || self.inherited.is_some();
        if substantive || self.units.is_empty() && start > 0 && self.current.span.start < start {
            // Text before the first action line is the document's header: its own unit.
            if substantive || self.has_content_before(start) {
                self.close_unit(start);
                self.current = new_unit(start);
            }
        }
        if self.current.span.start > start {
            self.current.span.start = start;
        }
    }

    fn has_content_before(&self, start: usize) -> bool {
        !self.text[self.current.span.start.min(start)..start]
            .trim()
            .is_empty()
    }

    fn proposal_ref(&self, at: usize, text: &str) -> Option<ProposalRef> {
        let (prefix, seq) = text.rsplit_once('/')?;
        let seq_num: u32 = seq.parse().ok()?;
        let span = Span::new(at, at + text.len());
        Some(ProposalRef {
            span: self.map(span),
            text: text.to_string(),
            prefix: prefix.to_string(),
            seq: seq_num,
            seq_span: self.map(Span::new(span.end - seq.len(), span.end)),
        })
    }

    fn heading(
        &mut self,
        c: &HeadingParts<'_>,
        content_span: Span,
        upper_case: bool,
        citations: Vec<Citation>,
    ) {
        self.end_section();
        if self.current.heading.is_some() || self.inherited.is_some_and(|u| u.heading) {
            // A second heading in one unit without an action line: a new unit.
            self.close_unit(content_span.start);
            self.current = new_unit(content_span.start);
        }
        let kind_word = fold(c.kind);
        let kind = if kind_word.starts_with("res") {
            HeadingKind::Resolution
        } else if kind_word.starts_with("dec") {
            HeadingKind::Decision
        } else if kind_word.starts_with("rec") {
            HeadingKind::Recommendation
        } else {
            HeadingKind::Opinion
        };
        let number = c.number.and_then(|n| n.parse().ok());
        let mut heading = Heading {
            span: self.map(content_span),
            kind,
            number,
            draft_new: c.draft_new,
            upper_case,
            citation: None,
            conference: None,
            tag_changed: false,
        };
        if kind == HeadingKind::Resolution {
            if let Some(mut cite) = citations.into_iter().next() {
                cite.in_heading = true;
                let (conference, body) = self.tag_conference(&cite, None);
                if cite.body.is_none() {
                    cite.body = body;
                    cite.body_source = body.map(|_| BodySource::Tag);
                }
                if let Some(tag) = &cite.tag {
                    heading.tag_changed = matches!(
                        &tag.form,
                        TagForm::PlaceYear {
                            flattened_old: Some(_),
                            ..
                        }
                    ) || super::markup::overlaps_any(
                        &self.reading.marks,
                        self.reading.span_to_source(tag.span),
                    );
                }
                heading.conference = conference;
                self.current.body = cite.body.or(self.current.body);
                heading.citation = Some(self.citations.len());
                self.add_citations(vec![cite], true);
            }
        }
        self.current.heading = Some(heading);
    }

    /// The conference a citation's tag names (for its body, or any body when it has
    /// none), and the body that implies.
    fn tag_conference(
        &self,
        cite: &Citation,
        body: Option<BodyRef>,
    ) -> (Option<String>, Option<BodyRef>) {
        let Some((revised, place, year)) = cite.tag.as_ref().and_then(|t| t.place_year()) else {
            return (None, None);
        };
        if !revised
            && body.or(cite.body).is_none()
            && self.catalog.tag_may_be_uncatalogued(place, year)
        {
            return (None, None);
        }
        let at = self.catalog.conferences_at(place, year);
        let wanted = body.or(cite.body).and_then(BodyRef::catalog_id);
        let found = match wanted {
            Some(id) => at.iter().find(|c| c.body == id),
            None if at.len() == 1 => at.first(),
            None => None,
        };
        match found {
            Some(c) => (Some(c.id.to_string()), BodyRef::from_catalog_id(&c.body)),
            // A place that only one body met at, with a year that matches none of its
            // meetings ("Rev. Hyderabad, 2011", "Rév. Busan, 2015"): the place names
            // the body, and the catalogue can say the revision is unknown and which
            // one was meant.
            None if wanted.is_none() && at.is_empty() => (
                None,
                self.catalog
                    .only_body_at(place)
                    .and_then(BodyRef::from_catalog_id),
            ),
            None => (None, None),
        }
    }

    fn conference_line(&mut self, content: &str, content_span: Span) -> Option<ConferenceLine> {
        // "The", "La", "El", "Le", "L'": a cheap test on the first letters before folding
        // the whole line.
        let head: String = content
            .chars()
            .take(3)
            .flat_map(char::to_lowercase)
            .map(fold_char)
            .collect();
        let article = CONFERENCE_LINE_ARTICLES
            .iter()
            .any(|a| head.starts_with(a) || a.starts_with(head.as_str()));
        if !article || !content.contains('(') {
            return None;
        }
        let folded = fold(content);
        let rest = CONFERENCE_LINE_ARTICLES
            .iter()
            .find_map(|a| folded.strip_prefix(a))?;
        // "The ITU Radiocommunication Assembly", "l'UIT ...".
        let rest = UNION_PREFIXES
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        let (_, body) = BODY_PHRASES.iter().find(|(phrase, body)| {
            rest.starts_with(phrase) && BodyRef::catalog_id(*body).is_some()
        })?;
        let open = content.rfind('(')?;
        let tag = super::citation::parse_tag_at(content, open, self.is_place)?;
        let after = content[tag.span.end..].trim();
        if !(after.is_empty() || after == "," || after == ":" || after == ".") {
            return None;
        }
        let (_, place, year) = tag.place_year()?;
        let conference = self
            .catalog
            .conferences_at(place, year)
            .into_iter()
            .find(|c| Some(&*c.body) == body.catalog_id())
            .map(|c| c.id.to_string());
        if let TagForm::PlaceYear {
            new,
            flattened_old: Some(old),
            ..
        } = &tag.form
        {
            self.push_flattened(
                FlattenedKind::Tag,
                old.span().shifted(content_span.start),
                new.span().shifted(content_span.start),
            );
        }
        Some(ConferenceLine {
            span: self.map(content_span),
            body: *body,
            conference,
        })
    }

    fn header_code(&mut self, content: &str) {
        for c in scanners::header_codes(content, catalogued_body_abbreviations()) {
            let abbreviation = content[c.body.clone()].to_lowercase();
            let Some(body) = BODY_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == abbreviation)
                .and_then(|(_, body)| body.catalog_id())
            else {
                continue;
            };
            let Some(yy) = content[c.yy2.unwrap_or(c.yy)].parse::<u16>().ok() else {
                continue;
            };
            let found = self
                .catalog
                .conferences()
                .iter()
                .find(|conf| conf.body == body && conf.year % 100 == yy);
            if let Some(conf) = found {
                self.header_conference = Some(conf.id.to_string());
                self.header_open = false;
                return;
            }
        }
    }

    /// Glued periods, conference codes and place-years in running text.
    fn free_text_flattened(&mut self, content: &str, at: usize, citations: &[Citation]) {
        // Every glued form holds two years, or digits around a dash.
        let digits = scanners::count_ascii_digits(content.as_bytes());
        if digits < 4 || (digits < 8 && !content.contains('-')) {
            return;
        }
        let in_tag = |s: usize| {
            citations
                .iter()
                .filter_map(|c| c.tag.as_ref())
                .any(|t| t.span.contains(at + s))
        };
        // Each expression below is built the first time a line may hold its glued
        // form, and only then run: the two most costly to build (a third of a small
        // file's start-up) are never built for most documents. Glued periods hold eight
        // digits in a row ("1990-20002000-2010"); glued places a year followed by a
        // capital ("Dubaï, 2012Busan").
        let periods = (digits >= 8 && digit_run(content, 8)).then(period_regex);
        for c in periods.into_iter().flat_map(|re| re.captures_iter(content)) {
            let (Some(old), Some(new)) = (c.name("old"), c.name("new")) else {
                continue;
            };
            let (o1, n1) = (&old.as_str()[..4], &new.as_str()[..4]);
            if n1 >= o1 {
                self.push_flattened(
                    FlattenedKind::Period,
                    Span::new(at + old.start(), at + old.end()),
                    Span::new(at + new.start(), at + new.end()),
                );
            }
        }
        for c in scanners::header_codes(content, catalogued_body_abbreviations()) {
            let Some(yy2) = c.yy2 else {
                continue;
            };
            if content[yy2.clone()] > content[c.yy.clone()] {
                self.push_flattened(
                    FlattenedKind::Code,
                    Span::new(at + c.yy.start, at + c.yy.end),
                    Span::new(at + yy2.start, at + yy2.end),
                );
            }
        }
        let places = if year_then_capital(content) {
            scanners::glued_place_years(content)
        } else {
            Vec::new()
        };
        for glued in places {
            let (old, new) = (&content[glued.old.clone()], &content[glued.new.clone()]);
            if in_tag(glued.old.start) {
                continue;
            }
            let place = |s: &str| {
                let p = s.rsplit_once(',').map_or(s, |(p, _)| p);
                let p = p
                    .trim_start_matches("Rev.")
                    .trim_start_matches("Rév.")
                    .trim();
                (self.is_place)(p)
            };
            if place(old) && place(new) {
                self.push_flattened(
                    FlattenedKind::PlaceYear,
                    Span::new(at + glued.old.start, at + glued.old.end),
                    Span::new(at + glued.new.start, at + glued.new.end),
                );
            }
        }
    }

    fn push_flattened(&mut self, kind: FlattenedKind, old: Span, new: Span) {
        let old = self.map(old);
        let new = self.map(new);
        self.flattened.push(Flattened {
            kind,
            span: old.cover(new),
            old,
            new,
        });
    }

    fn add_citations(&mut self, citations: Vec<Citation>, in_heading: bool) {
        for mut c in citations {
            c.in_heading |= in_heading;
            if c.kind == CitationKind::Conference {
                match c.body_source {
                    Some(BodySource::ThisConference) => c.body = self.current.body,
                    None => {
                        let (_, body) = self.tag_conference(&c, None);
                        if body.is_some() {
                            c.body = body;
                            c.body_source = Some(BodySource::Tag);
                        }
                    }
                    _ => {}
                }
                if let Some(tag) = &c.tag {
                    if let TagForm::PlaceYear {
                        new,
                        flattened_old: Some(old),
                        ..
                    } = &tag.form
                    {
                        // A list's shared tag is one glued text: report it once.
                        if c.list_index + 1 == c.list_len || !c.tag_shared {
                            self.push_flattened(FlattenedKind::Tag, old.span(), new.span());
                        }
                    }
                }
            }
            c.span = self.map(c.span);
            c.keyword = self.map(c.keyword);
            c.number_span = self.map(c.number_span);
            if let Some(tag) = &mut c.tag {
                map_tag(tag, self.reading);
            }
            self.citations.push(c);
        }
    }

    /// Ends the section before and opens one at `span` (of the reading) with its call
    /// word.
    fn open_section(&mut self, span: Span, call: &str, operative: bool) {
        self.end_section();
        let span = self.map(span);
        self.section = Some(Section {
            span,
            call: span,
            call_word: call.to_string(),
            operative,
            clauses: Vec::new(),
        });
    }

    fn end_section(&mut self) {
        self.quoted = false;
        if let Some(section) = self.section.take() {
            self.current.sections.push(section);
        }
    }

    fn close_unit(&mut self, end: usize) {
        self.end_section();
        let mut unit = std::mem::replace(&mut self.current, new_unit(end));
        self.inherited = None;
        // Units are built in reading offsets; only a closed unit is mapped to the source.
        let reading_start = unit.span.start.min(end);
        unit.span = self.map(Span::new(reading_start, end));
        let empty = unit.action.is_none()
            && unit.reference.is_none()
            && unit.heading.is_none()
            && unit.sections.is_empty()
            && unit.reasons.is_none()
            && unit.conference_line.is_none()
            && self
                .text
                .get(reading_start..end)
                .is_none_or(|t| t.trim().is_empty());
        if !empty {
            self.units.push(unit);
        }
    }

    /// What the next chunk must know of the unit open at the end of this one.
    fn unit_so_far(&self) -> UnitSoFar {
        let inherited = self.inherited.unwrap_or_default();
        UnitSoFar {
            heading: self.current.heading.is_some() || inherited.heading,
            reference: self.current.reference.is_some() || inherited.reference,
            conference_line: self.current.conference_line.is_some() || inherited.conference_line,
            body: self.current.body,
        }
    }

    fn finish(&mut self, end: usize) {
        self.close_unit(end);
        if self.units.is_empty() {
            self.units.push(new_unit(0));
            if let Some(u) = self.units.first_mut() {
                u.span = self.reading.span_to_source(Span::new(0, end));
            }
        }
    }
}

fn map_tag(tag: &mut super::Tag, reading: &Reading<'_>) {
    tag.span = reading.span_to_source(tag.span);
    if let TagForm::PlaceYear {
        new, flattened_old, ..
    } = &mut tag.form
    {
        map_place_year(new, reading);
        if let Some(old) = flattened_old {
            map_place_year(old, reading);
        }
    }
}

fn map_place_year(py: &mut super::PlaceYear, reading: &Reading<'_>) {
    py.rev = py.rev.map(|r| reading.span_to_source(r));
    py.place_span = reading.span_to_source(py.place_span);
    py.year_span = reading.span_to_source(py.year_span);
}

fn reasons_word(content: &str) -> Option<Lang> {
    let head: String = content.chars().take(12).collect();
    let folded = fold(&head);
    REASONS_WORDS.iter().find_map(|(w, lang)| {
        let rest = folded.strip_prefix(w)?;
        rest.trim_start().starts_with(':').then_some(*lang)
    })
}

/// The call word a line consists of (plus an addressee for operative ones).
fn call_word(content: &str) -> Option<(&'static str, bool)> {
    if content.len() > 600 || !may_open_call(content) {
        return None;
    }
    // An addressee is a name, not a sentence.
    let trimmed = content.trim_end_matches([',', ':', ' ']);
    if trimmed.contains(';') || trimmed.ends_with('.') || trimmed.contains(". ") {
        return None;
    }
    // Call words are short: folding a prefix is enough to tell one and its addressee.
    let prefix_end = trimmed
        .char_indices()
        .nth(64)
        .map_or(trimmed.len(), |(i, _)| i);
    let folded = fold(&trimmed[..prefix_end]);
    let folded = folded.trim_end_matches([',', ':', ' ']);
    // "further instructs the Secretary-General", "also resolves".
    let (folded, modified) = match CALL_MODIFIERS_BEFORE
        .iter()
        .find_map(|m| folded.strip_prefix(m))
    {
        Some(rest) => (rest, true),
        None => (folded, false),
    };
    for cw in CALL_WORDS {
        let Some(rest) = folded.strip_prefix(cw.folded) else {
            continue;
        };
        if rest.is_empty() {
            return Some((cw.folded, cw.operative));
        }
        if !rest.starts_with([' ', ',']) {
            continue;
        }
        let rest = rest.trim_start_matches([' ', ',']);
        // "noting also", "charge en outre le Conseil", "noting with appreciation".
        let (rest, further) = match after_modifier(rest) {
            Some(after) => (after, true),
            None => (rest, modified),
        };
        if rest.is_empty() {
            return Some((cw.folded, cw.operative));
        }
        let addressed = ADDRESSEE_STARTS.iter().any(|a| rest.starts_with(a));
        if addressed && (cw.operative || further) {
            return Some((cw.folded, cw.operative));
        }
    }
    None
}

/// Whether a line's first word may begin a call word, or a modifier written before one:
/// the test every line meets (the chunk cutter asks each line), cheaper than
/// [`call_word`], which it lets through only lines that can be one.
fn may_open_call(content: &str) -> bool {
    static FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let first_word = |s: &'static str| s.split([' ', ',']).next().unwrap_or(s);
        CALL_WORDS
            .iter()
            .map(|cw| first_word(cw.folded))
            .chain(CALL_MODIFIERS_BEFORE.iter().map(|m| first_word(m)))
            .collect()
    });
    let end = content.find([' ', ',', ':', '\t']).unwrap_or(content.len());
    let word = &content[..end];
    !word.is_empty()
        && word.len() <= 32
        && word.chars().all(char::is_alphabetic)
        && first.contains(fold(word).as_str())
}

/// What follows a "further" word after a call word ("also", "en outre", "with
/// appreciation", "avec préoccupation", "con satisfacción"), if one is there.
fn after_modifier(rest: &str) -> Option<&str> {
    for m in CALL_MODIFIERS_AFTER {
        if let Some(after) = rest.strip_prefix(m) {
            if after.is_empty() || after.starts_with([' ', ',']) {
                return Some(after.trim_start_matches([' ', ',']));
            }
        }
    }
    for with in ["with ", "avec ", "con "] {
        if let Some(after) = rest.strip_prefix(with) {
            let word_end = after.find(' ').unwrap_or(after.len());
            if word_end > 0 && after[word_end..].trim().is_empty() {
                return Some("");
            }
        }
    }
    None
}

/// Whether a quotation is still open after this line: one opened at the start of the
/// line and not closed on it, or one already open that the line does not close.
fn quotation_continues(content: &str, open: bool) -> bool {
    const OPENING: &[char] = &['"', '“', '«', '„'];
    const CLOSING: &[char] = &['"', '”', '»'];
    if open {
        return !content.contains(CLOSING);
    }
    match content.strip_prefix(OPENING) {
        Some(rest) => !rest.contains(CLOSING),
        None => false,
    }
}

/// The first word of every call word and every modifier written before one, folded:
/// what a word after a clause's punctuation may begin. Made once, as the test runs after
/// each punctuation mark of every clause line (comparing with each call word there was a
/// fifth of the time of checking a real proposal).
/// The folded first letters of [`call_first_words`].
fn call_first_letters() -> &'static FxHashSet<char> {
    static LETTERS: OnceLock<FxHashSet<char>> = OnceLock::new();
    LETTERS.get_or_init(|| {
        call_first_words()
            .iter()
            .filter_map(|w| w.chars().next())
            .collect()
    })
}

fn call_first_words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        CALL_WORDS
            .iter()
            .filter_map(|cw| cw.folded.split(' ').next())
            .chain(
                CALL_MODIFIERS_BEFORE
                    .iter()
                    .map(|m| m.trim_end_matches([' ', ','])),
            )
            .collect()
    })
}

/// The first place at or after `from` where [`merged_labels`] may find a label: a
/// semicolon or a colon, or a space before "a)", "i)", "(a)" or "(i)" (after a space,
/// only a list's first label can open one). Found from the ")", which is rare, rather
/// than at every space of the clause.
fn label_stop(bytes: &[u8], from: usize) -> Option<usize> {
    let mut search = from;
    loop {
        let found = search + memchr::memchr3(b';', b':', b')', bytes.get(search..)?)?;
        search = found + 1;
        if bytes[found] != b')' {
            return Some(found);
        }
        let before = |back: usize| found.checked_sub(back).map(|i| bytes[i]);
        let space = match (before(1), before(2), before(3)) {
            (Some(b'a' | b'i'), Some(b' '), _) => found - 2,
            (Some(b'a' | b'i'), Some(b'('), Some(b' ')) => found - 3,
            _ => continue,
        };
        if space >= from {
            return Some(space);
        }
    }
}

/// The labels of paragraphs a conversion merged into this clause's line ("i) to
/// strengthen ...; ii) to strive ...; iii) ...", "...; 10 that, ...; 11 that, ..."), with
/// spans shifted by `offset`. Only a label after a semicolon that continues the one
/// before it in the line, or one that opens a list after a colon ("inter alia: i)"),
/// is read: "see c) above" in running text is not a label.
fn merged_labels(content: &str, first: Option<&RawLabel>, offset: usize) -> Vec<RawLabel> {
    let mut out = Vec::new();
    let mut prev: Option<(RawKind, String)> = first
        .filter(|l| l.kind != RawKind::Bullet)
        .map(|l| (l.kind, l.chars.clone()));
    let mut from = first.map_or(0, |l| l.span.end.saturating_sub(offset));
    let bytes = content.as_bytes();
    while let Some(sep_at) = label_stop(bytes, from) {
        from = sep_at + 1;
        let sep = bytes[sep_at];
        let rest = &content[from..];
        if sep != b' ' && !rest.starts_with([' ', '\u{a0}']) {
            continue;
        }
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        let at = content.len() - trimmed.len();
        let Some(raw) = labels::read_label(content, at) else {
            continue;
        };
        if raw.kind == RawKind::Bullet {
            continue;
        }
        let first_of_list = matches!(raw.chars.as_str(), "a" | "i" | "1");
        // A list opens after a colon, or after a call word that lost its line break
        // ("taking into consideration a) the outcome ...").
        let opens = first_of_list
            && (sep == b':'
                || (sep == b' '
                    && raw.kind == RawKind::Letters
                    && ends_with_call_word(&content[..sep_at])));
        if sep == b' ' && !opens {
            continue;
        }
        let continues = prev
            .as_ref()
            .is_some_and(|(kind, text)| *kind == raw.kind && labels::follows(text, &raw.chars));
        if !(opens || continues) {
            // A list of its own inside the clause ("to prevent a) ...; b) ...; c) ..."):
            // its labels are the clause's text, not merged paragraphs.
            if content.as_bytes()[sep_at] == b';' {
                break;
            }
            continue;
        }
        prev = Some((raw.kind, raw.chars.clone()));
        from = raw.span.end;
        let mut raw = raw;
        raw.span = raw.span.shifted(offset);
        out.push(raw);
    }
    out
}

/// Whether the text ends with a call word ("..., taking into consideration").
fn ends_with_call_word(text: &str) -> bool {
    let text = text.trim_end();
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| *i > 0 && text[..*i].ends_with(' ') && c.is_alphabetic())
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .rev()
        .take(5)
        .any(|&i| call_word(&text[i..]).is_some_and(|(_, operative)| !operative))
}

/// A line that opens a part of a text that is not a section's clauses: an annex, an
/// appendix or attachment, a part of Final Acts ("PART VI - SIGNATORIES"), the
/// declarations and reservations — or such a heading glued to the end of a clause by a
/// conversion, possibly after a page number left inline ("... calendar year 2021. ANNEX
/// 1 TO DECISION 5 (REV. DUBAI, 2018) TABLE 1 ...", "... in this regard. 489 PART VI -
/// SIGNATORIES"). Glued headings are recognised in capitals only.
fn part_heading(content: &str) -> Part {
    // A label before the heading is the conversion's, not a clause's ("18\tPART II - ...").
    let unlabelled = labels::read_label(content, 0).map_or(content, |l| {
        content[l.span.end..].trim_start_matches([')', '.', '\t', ' '])
    });
    // After a label, only a heading in capitals: "3\tAnnex 2 is updated." is a clause.
    if unlabelled.len() == content.len() && content.len() < 160 && starts_part(content, false) {
        let rest = unlabelled.trim_end_matches(['.', ':', ' ']);
        // A heading, not a clause that begins "Annex 2 lists ...": short, no sentence
        // after it, not ended like a clause (unless written in capitals).
        let ends_like_clause = content.trim_end().ends_with(['.', ';', ',']);
        if !rest.contains("; ")
            && rest.split_whitespace().count() <= 12
            && (!ends_like_clause || starts_part(content, true))
        {
            return Part::Line;
        }
    }
    if unlabelled.len() != content.len() && starts_part(unlabelled, true) {
        return Part::Line;
    }
    // After each ". ", ": " and "; ", found in one pass over the line.
    let bytes = content.as_bytes();
    for i in memchr::memchr3_iter(b'.', b':', b';', bytes) {
        if bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let rest = &content[i + 2..];
        // A page number left inline.
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let rest = if (1..=4).contains(&digits) && rest[digits..].starts_with(' ') {
            &rest[digits + 1..]
        } else {
            rest
        };
        if starts_part(rest, true) {
            return Part::Glued;
        }
    }
    Part::None
}

/// Whether `s` starts with the heading of a part (see [`part_heading`]); in capitals
/// only when `upper_only`.
fn starts_part(s: &str, upper_only: bool) -> bool {
    const WORDS: &[&str] = &[
        "ANNEX",
        "ANNEXE",
        "ANEXO",
        "APPENDIX",
        "APPENDICE",
        "APÉNDICE",
        "ATTACHMENT",
        "PIÈCE JOINTE",
        "ADJUNTO",
        "DECLARATIONS AND RESERVATIONS",
        "DÉCLARATIONS ET RÉSERVES",
        "DECLARACIONES Y RESERVAS",
    ];
    const NUMBERED: &[&str] = &["PART", "PARTIE", "PARTE"];
    // Every word starts with an ASCII capital: a line starting with another ASCII byte
    // is told apart without upper-casing a copy of its start for each word.
    let first = s.bytes().next();
    // Most lines are told apart by their first byte, before any word is compared.
    if first.is_some_and(|b| {
        b.is_ascii()
            && !WORDS
                .iter()
                .chain(NUMBERED)
                .any(|w| w.as_bytes()[0] == b.to_ascii_uppercase())
    }) {
        return false;
    }
    let head_is = |w: &str| match s.get(..w.len()) {
        _ if first.is_some_and(|b| b.is_ascii() && b.to_ascii_uppercase() != w.as_bytes()[0]) => {
            false
        }
        Some(h) if upper_only => h == w,
        // Upper-cased character by character, as `to_uppercase` would, without a copy.
        Some(h) => h.chars().flat_map(char::to_uppercase).eq(w.chars()),
        None => false,
    };
    // A whole word: "ANNEX 1", "Annex to Resolution 2", "ANNEXE", not "annexed".
    let word_ends = |w: &str| {
        s[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic())
    };
    if WORDS.iter().any(|w| head_is(w) && word_ends(w)) {
        return true;
    }
    // "PART VI", "PARTIE 2": a part of Final Acts has a number.
    NUMBERED.iter().any(|w| {
        head_is(w)
            && s[w.len()..].starts_with(' ')
            && s[w.len() + 1..]
                .split([' ', '-', '.', ':'])
                .next()
                .is_some_and(|n| {
                    !n.is_empty()
                        && (n.bytes().all(|b| b.is_ascii_digit())
                            || n.bytes().all(|b| b"IVXL".contains(&b)))
                })
    })
}

/// Where [`part_heading`] found a part's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    None,
    /// The line is the heading.
    Line,
    /// The heading is glued to the end of the line's clause.
    Glued,
}

/// A call word glued to the end of a clause by a conversion that lost the line break
/// ("... if the related budget allows, further resolves", "..., instructs the Director
/// of the Telecommunication Development Bureau"): where the call word starts. Only
/// after a clause's punctuation, in lower case (call words are italic, never the start
/// of a sentence), and only as a whole call word or a call word and its addressee —
/// never a call word with the words of a clause after it ("..., invites the Council to
/// consider").
fn glued_call_word(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    for at in scanners::memchr4_iter(b',', b';', b':', b'.', bytes) {
        if at < 12 || bytes.get(at + 1).is_none_or(|b| *b != b' ') {
            continue;
        }
        let tail = content[at + 1..].trim_start();
        let start = content.len() - tail.len();
        // Most clauses go on after a comma: tell them from a call word by its first
        // letter before folding the word.
        if !tail
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() && call_first_letters().contains(&fold_char(c)))
        {
            continue;
        }
        let first_word = tail.split(' ').next().unwrap_or("");
        let first_word = fold(first_word);
        if !call_first_words().contains(first_word.as_str()) {
            continue;
        }
        let has_clause_words = [" to ", " that ", " que ", " pour ", " para ", " à "]
            .iter()
            .any(|w| tail.contains(w));
        if has_clause_words {
            continue;
        }
        if call_word(tail).is_some() {
            return Some(start);
        }
    }
    None
}

fn raw_to_label(raw: RawLabel, reading: &Reading<'_>) -> Label {
    let mut homoglyphs = Vec::new();
    let mut latin = String::new();
    let mut at = raw.span.start;
    for ch in raw.chars.chars() {
        let len = ch.len_utf8();
        match labels::latin_lookalike(ch) {
            Some(l) => {
                homoglyphs.push(labels::Homoglyph {
                    span: reading.span_to_source(Span::new(at, at + len)),
                    found: ch,
                    latin: l,
                });
                latin.push(l);
            }
            None => latin.push(ch),
        }
        at += len;
    }
    let kind = match raw.kind {
        RawKind::Number => LabelKind::Number,
        RawKind::Bullet => LabelKind::Bullet,
        RawKind::Letters => LabelKind::Letter,
    };
    let value = match kind {
        LabelKind::Number => latin.parse().unwrap_or(0),
        _ => 0,
    };
    let span = reading.span_to_source(raw.span);
    let mut label = Label::new(span, latin, kind, value, raw.closer);
    label.set_homoglyphs(homoglyphs);
    label.set_old_text(marked_old_label(reading, span));
    label
}

/// The old side of a substitution mark whose new side is exactly this label.
fn marked_old_label(reading: &Reading<'_>, span: Span) -> Option<String> {
    let mark = reading.mark_at(span.start)?;
    if mark.kind != super::MarkKind::Substitution || mark.new != Some(span) {
        return None;
    }
    let old = mark.old?;
    let text = reading.source().get(old.start..old.end)?;
    (!text.is_empty() && text.len() <= 8 && text.chars().all(char::is_alphanumeric))
        .then(|| text.to_lowercase())
}

/// Decides what each label of a section is — letter or roman, glued or not — assigns
/// levels, and records glued labels as flattened revisions.
fn settle_labels(section: &mut Section, flattened: &mut Vec<Flattened>) {
    // Kinds in the order they first appear: the first is level 0.
    let mut stack: Vec<LabelKind> = Vec::new();
    let mut last_value: Vec<u32> = Vec::new();
    let n = section.clauses.len();
    for i in 0..n {
        let Some(label) = section.clauses[i].label.clone() else {
            continue;
        };
        let mut label = label;
        if label.kind == LabelKind::Letter {
            let glued = glued_roman(&label.text, &stack, &last_value)
                .map(|(old, new)| (old.to_string(), new.to_string()));
            if let Some((old, new)) = glued {
                // "iiiii)": "ii" replaced by "iii", as "ac)" is "a" replaced by "c".
                let old_span = Span::new(label.span.start, label.span.start + old.len());
                let new_span = Span::new(old_span.end, label.span.end);
                label.set_flattened_old(old_span, &old, new_span);
                label.value = labels::roman_value(&new).unwrap_or(0);
                label.text = new;
                label.kind = LabelKind::Roman;
                flattened.push(Flattened {
                    kind: FlattenedKind::Label,
                    span: label.span,
                    old: old_span,
                    new: new_span,
                });
            }
        }
        if label.kind == LabelKind::Letter {
            let kind = letter_or_roman(&label.text, &stack, &last_value);
            label.kind = kind;
            match kind {
                LabelKind::Roman => label.value = labels::roman_value(&label.text).unwrap_or(0),
                _ => match labels::letter_value(&label.text) {
                    Some(v) => label.value = v,
                    None => {
                        // Two different letters: old and new glued ("ac)").
                        let chars: Vec<char> = label.text.chars().collect();
                        if chars.len() == 2 {
                            let old_len = label.span.len() - new_char_len(&label);
                            let old_span = Span::new(label.span.start, label.span.start + old_len);
                            let new_span = Span::new(label.span.start + old_len, label.span.end);
                            label.set_flattened_old(old_span, &chars[0].to_string(), new_span);
                            label.value = labels::letter_value(&chars[1].to_string()).unwrap_or(0);
                            label.text = chars[1].to_string();
                            flattened.push(Flattened {
                                kind: FlattenedKind::Label,
                                span: label.span,
                                old: old_span,
                                new: new_span,
                            });
                        }
                    }
                },
            }
        }
        let level = match stack.iter().position(|k| *k == label.kind) {
            Some(p) => {
                stack.truncate(p + 1);
                last_value.truncate(p + 1);
                p
            }
            None => {
                stack.push(label.kind);
                last_value.push(0);
                stack.len() - 1
            }
        };
        label.level = level as u8;
        if label.kind == LabelKind::Number {
            // "23" between 2 and 4: "2" replaced by "3".
            let expected = last_value[level] + 1;
            if label.value != expected && last_value[level] > 0 {
                let digits = label.text.clone();
                let exp = expected.to_string();
                if digits.len() > exp.len() && digits.ends_with(&exp) {
                    let old = &digits[..digits.len() - exp.len()];
                    if let Ok(old_value) = old.parse::<u32>() {
                        if old_value + 3 >= expected
                            && old_value < expected + 3
                            && old_value != expected
                        {
                            let old_span =
                                Span::new(label.span.start, label.span.start + old.len());
                            let new_span = Span::new(old_span.end, label.span.end);
                            label.set_flattened_old(old_span, old, new_span);
                            label.value = expected;
                            label.text = exp;
                            flattened.push(Flattened {
                                kind: FlattenedKind::Number,
                                span: label.span,
                                old: old_span,
                                new: new_span,
                            });
                        }
                    }
                }
            }
        }
        if label.kind != LabelKind::Bullet {
            last_value[level] = label.value;
        }
        section.clauses[i].label = Some(label);
    }
    mark_deleted_clauses(section, flattened);
}

/// Bytes of a glued label's last (new) character.
fn new_char_len(label: &Label) -> usize {
    label
        .text
        .chars()
        .last()
        .map_or(0, |c| c.len_utf8())
        .min(label.span.len())
}

/// A single-letter label followed by a glued one whose old letter comes right after it
/// (`h)`, `i)`, `ji)` or `mo)`, `n)`, `op)`): the old letters run through it but the
/// new ones skip it, so it is a clause deleted in Word whose text survived the export.
fn mark_deleted_clauses(section: &mut Section, flattened: &mut Vec<Flattened>) {
    let n = section.clauses.len();
    let old_value = |l: &Label| -> Option<u32> {
        match l.old_text() {
            Some(old) => labels::letter_value(old),
            None => Some(l.value),
        }
    };
    for i in 0..n {
        let Some(label) = &section.clauses[i].label else {
            continue;
        };
        if label.kind != LabelKind::Letter || label.old_text().is_some() {
            continue;
        }
        let prev = (0..i).rev().find_map(|j| section.clauses[j].label.as_ref());
        let next = (i + 1..n).find_map(|j| section.clauses[j].label.as_ref());
        let Some(next) = next else {
            continue;
        };
        if next.kind != LabelKind::Letter || next.old_text().is_none() {
            continue;
        }
        let follows_prev = match prev {
            Some(p) => old_value(p).is_some_and(|v| v + 1 == label.value),
            None => label.value == 1,
        };
        // The new reading must need the deletion: without it the label is out of
        // order after the one before, or repeats the one after.
        let breaks_new =
            prev.is_some_and(|p| p.value + 1 != label.value) || next.value == label.value;
        if follows_prev && old_value(next) == Some(label.value + 1) && breaks_new {
            let span = section.clauses[i].span;
            if let Some(l) = section.clauses[i].label.as_mut() {
                l.deleted = true;
            }
            flattened.push(Flattened {
                kind: FlattenedKind::DeletedClause,
                span,
                old: span,
                new: Span::new(span.start, span.start),
            });
        }
    }
}

/// A label of roman digits that is no numeral but two glued ones (`iiiii)` = `ii`
/// then `iii`, `iiiv)` = `iii` then `iv`): the old and the new numeral. The split whose
/// new numeral continues the roman run (or starts one) wins; otherwise one where the
/// new numeral comes after the old. Labels only, as written (no lookalikes: those are
/// reported as such).
fn glued_roman<'t>(
    text: &'t str,
    stack: &[LabelKind],
    last_value: &[u32],
) -> Option<(&'t str, &'t str)> {
    if text.len() < 3
        || !text.bytes().all(|b| b"ivxl".contains(&b))
        || labels::roman_value(text).is_some()
        || labels::letter_value(text).is_some()
    {
        return None;
    }
    let expected = stack
        .iter()
        .position(|k| *k == LabelKind::Roman)
        .map_or(1, |p| last_value[p] + 1);
    let splits: Vec<(&str, &str, u32, u32)> = (1..text.len())
        .filter_map(|i| {
            let (old, new) = text.split_at(i);
            Some((
                old,
                new,
                labels::roman_value(old)?,
                labels::roman_value(new)?,
            ))
        })
        .filter(|(_, _, o, n)| o != n)
        .collect();
    splits
        .iter()
        .find(|(_, _, _, n)| *n == expected)
        .or_else(|| splits.iter().find(|(_, _, o, n)| n > o))
        .map(|(old, new, _, _)| (*old, *new))
}

/// `i)`, `v)`, `x)` and the like are letters in a lettered run that reaches them
/// (h → i), roman numerals otherwise when they are valid numerals.
fn letter_or_roman(text: &str, stack: &[LabelKind], last_value: &[u32]) -> LabelKind {
    let Some(roman) = labels::roman_value(text) else {
        return LabelKind::Letter;
    };
    let letter = labels::letter_value(text);
    let letter_pos = stack.iter().position(|k| *k == LabelKind::Letter);
    let roman_pos = stack.iter().position(|k| *k == LabelKind::Roman);
    if let (Some(letter), Some(p)) = (letter, letter_pos) {
        if last_value[p] + 1 == letter {
            return LabelKind::Letter;
        }
    }
    if let Some(p) = roman_pos {
        if last_value[p] + 1 == roman || roman == 1 {
            return LabelKind::Roman;
        }
    }
    if roman == 1 {
        // "i)" after anything but "h)" opens roman sub-clauses: a letter run that
        // skipped to "i)" is far rarer.
        return LabelKind::Roman;
    }
    if letter.is_some() && letter_pos.is_some() {
        return LabelKind::Letter;
    }
    if roman_pos.is_some() {
        return LabelKind::Roman;
    }
    if letter.is_some() {
        LabelKind::Letter
    } else {
        LabelKind::Roman
    }
}

/// How much of a text's beginning [`detect_language`] reads.
pub const LANGUAGE_SAMPLE_BYTES: usize = 20_000;

/// The language of a text, from the marker words of its first [`LANGUAGE_SAMPLE_BYTES`].
pub fn detect_language(text: &str) -> Lang {
    // An edit in the first 20 KB runs this again at each keystroke: one hash lookup per
    // word, and no allocation for the words of ASCII text.
    static MARKERS: OnceLock<rustc_hash::FxHashMap<&'static str, Lang>> = OnceLock::new();
    let markers = MARKERS.get_or_init(|| LANGUAGE_MARKERS.iter().copied().collect());
    // The ASCII bytes a marker starts with, in either case: most words are told apart
    // by their first byte, and only the others are lower-cased (a table lookup per
    // character outside ASCII, which was most of a 60 KB check's detection).
    static FIRST_BYTES: OnceLock<[bool; 128]> = OnceLock::new();
    let first_bytes = FIRST_BYTES.get_or_init(|| {
        let mut table = [false; 128];
        for (word, _) in LANGUAGE_MARKERS {
            if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii()) {
                table[usize::from(b.to_ascii_lowercase())] = true;
                table[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        table
    });
    let longest = LANGUAGE_MARKERS
        .iter()
        .map(|(w, _)| w.len())
        .max()
        .unwrap_or(0);
    let sample_end = crate::base::text::floor_char_boundary(text, LANGUAGE_SAMPLE_BYTES);
    let sample = &text[..sample_end];
    let mut counts = [0u32; 3];
    let mut lower = String::new();
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > longest + 2 {
            continue;
        }
        // A word starting with another ASCII byte lower-cases to a word no marker is
        // (markers starting outside ASCII are looked up whatever their first byte).
        let first = word.as_bytes()[0];
        if first.is_ascii() && !first_bytes[usize::from(first)] {
            continue;
        }
        let word = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            word
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            &lower
        };
        if let Some(&lang) = markers.get(word) {
            counts[lang as usize] += 1;
        }
    }
    language_of_counts(counts)
}

/// The language whose marker words were counted most (`counts` by `Lang` as index),
/// the first of the tied ones.
fn language_of_counts(counts: [u32; 3]) -> Lang {
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, c)| (**c, std::cmp::Reverse(*i)))
        .map_or(0, |(i, _)| i);
    [Lang::En, Lang::Fr, Lang::Es][best]
}

#[cfg(test)]
mod tests;
