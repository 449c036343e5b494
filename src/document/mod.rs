//! The document model: a proposal text with its revision marks resolved into an old and
//! a new reading, cut into proposal units, headings, sections and clauses, with every
//! citation recognised. Parsing reads the new reading; every span stored here is a
//! byte span of the source text.

pub mod citation;
pub mod labels;
pub mod markup;
pub mod place_year;
mod scanners;
mod shift;
use shift::Shift;
mod structure;

use std::borrow::Cow;

use serde::Serialize;

use crate::base::text::Span;
use crate::catalog::Catalog;
use crate::lang::Lang;

pub use crate::base::BodyRef;
pub use citation::{BodySource, Citation, CitationKind, PlaceYear, Tag, TagForm};
pub use labels::{Homoglyph, Label, LabelKind};
pub use markup::{Mark, MarkKind};
pub use structure::{detect_language, is_action_line, LANGUAGE_SAMPLE_BYTES};

/// What the parser knew where a chunk begins: the state the chunk is parsed from.
/// A chunk after a separator or an action line begins from nothing; one after a cut at
/// a section goes on with the unit before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    /// Whether a conference code of the document's header may still be read: in the
    /// first chunk, and those continuing it, until an action line or a code.
    pub header_open: bool,
    /// The unit the chunk continues, when it begins at a section inside one.
    pub unit: Option<UnitSoFar>,
}

impl Entry {
    /// The first chunk's.
    pub const FIRST: Entry = Entry {
        header_open: true,
        unit: None,
    };
}

/// What the parser keeps of a unit that goes on past a cut at one of its sections:
/// what decides how the lines after the cut are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitSoFar {
    pub heading: bool,
    pub reference: bool,
    pub conference_line: bool,
    /// The body the unit amends so far, for "of this Conference".
    pub body: Option<BodyRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub language: Lang,
    /// CriticMarkup marks, in source order.
    pub marks: Vec<Mark>,
    pub units: Vec<Unit>,
    /// Every citation, in source order.
    pub citations: Vec<Citation>,
    /// Old and new text glued by an export, in source order.
    pub flattened: Vec<Flattened>,
    /// A conference named in the document's header ("CMDT-17"), by catalogue id.
    pub header_conference: Option<String>,
    /// A chunk's first unit began in the chunk before (the chunk begins at a section).
    #[serde(skip)]
    pub continues: bool,
    /// A chunk's last unit goes on in the next chunk.
    #[serde(skip)]
    pub continued: bool,
    /// Where the parser stood at the chunk's end.
    #[serde(skip)]
    pub exit: Entry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ActionKind {
    #[serde(rename = "MOD")]
    Mod,
    #[serde(rename = "ADD")]
    Add,
    #[serde(rename = "SUP")]
    Sup,
    #[serde(rename = "NOC")]
    Noc,
}

impl ActionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Mod => "MOD",
            ActionKind::Add => "ADD",
            ActionKind::Sup => "SUP",
            ActionKind::Noc => "NOC",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub kind: ActionKind,
    pub span: Span,
}

/// `ECP/24A6/1`: origin, document (with addendum), sequence number.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalRef {
    pub span: Span,
    pub text: String,
    /// Everything before the last `/`: "ECP/24A6".
    pub prefix: String,
    pub seq: u32,
    pub seq_span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingKind {
    Resolution,
    Decision,
    Recommendation,
    Opinion,
}

#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub span: Span,
    pub kind: HeadingKind,
    pub number: Option<u32>,
    /// "DRAFT NEW RESOLUTION [ACP-1]".
    pub draft_new: bool,
    /// Whether the heading is in upper case, as most headings are.
    pub upper_case: bool,
    /// Index into [`Document::citations`] of the heading's own citation.
    pub citation: Option<usize>,
    /// The conference its revision tag names in the new reading, by catalogue id.
    pub conference: Option<String>,
    /// Whether that tag was changed by revision marks or a flattened export: the new
    /// tag then names the conference the proposal is for.
    pub tag_changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConferenceLine {
    pub span: Span,
    pub body: BodyRef,
    /// The catalogue id of the conference its place and year name, if any.
    pub conference: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub span: Span,
    /// The call word (with its addressee) as written.
    pub call: Span,
    pub call_word: String,
    pub operative: bool,
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Clause {
    /// The clause's first line (labels and text).
    pub span: Span,
    pub label: Option<Label>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub span: Span,
    pub action: Option<Action>,
    pub reference: Option<ProposalRef>,
    pub heading: Option<Heading>,
    pub conference_line: Option<ConferenceLine>,
    pub sections: Vec<Section>,
    /// The Reasons / Motifs / Motivos line.
    pub reasons: Option<Span>,
    /// The body whose text the unit amends, for "of this Conference".
    pub body: Option<BodyRef>,
}

impl Unit {
    /// Takes in the rest of this unit, parsed in the next chunk (see [`chunk_spans`]):
    /// spans of the same text. What a unit has once (its action, reference, heading and
    /// conference line) is in one part; its body and Reasons are the last part's.
    pub fn absorb(&mut self, rest: Unit) {
        self.span = self.span.cover(rest.span);
        self.action = self.action.take().or(rest.action);
        self.reference = self.reference.take().or(rest.reference);
        self.heading = self.heading.take().or(rest.heading);
        self.conference_line = self.conference_line.take().or(rest.conference_line);
        self.sections.extend(rest.sections);
        self.reasons = rest.reasons.or(self.reasons);
        self.body = rest.body;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlattenedKind {
    /// "(Rév.Hyderabad, 2010Dubaï, 2014)".
    Tag,
    /// "ac)": label a replaced by c.
    Label,
    /// "23" between 2 and 4.
    Number,
    /// "2016-20192020-2023".
    Period,
    /// "CMDT-1417".
    Code,
    /// "Busan, 2014Dubaï, 2018" in running text.
    PlaceYear,
    /// A clause deleted in Word whose label and text survived among glued labels.
    DeletedClause,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flattened {
    pub kind: FlattenedKind,
    /// The glued text, old and new.
    pub span: Span,
    pub old: Span,
    pub new: Span,
}

impl Document {
    pub fn parse(source: &str, catalog: &Catalog) -> Document {
        parse_with(source, catalog, Cuts::new(source, 0, MIN_CHUNK_INSIDE_UNIT))
    }

    /// Parses one chunk of a document as a text of its own (spans from the chunk's
    /// start), from what the parser knew at its start; `continued`: the cut that ends
    /// it is inside a unit.
    pub fn parse_chunk(chunk: &str, catalog: &Catalog, entry: Entry, continued: bool) -> Document {
        structure::parse_chunk(chunk, catalog, entry, continued)
    }

    /// What the chunk after this one is parsed from, when the cut between them is `cut`.
    pub fn entry_after(&self, cut: Cut) -> Entry {
        if cut.inside_unit {
            self.exit
        } else {
            Entry::default()
        }
    }

    /// A whole document from its chunks, each placed at its offset; a unit that chunks
    /// cut at its sections is one unit again.
    pub fn assemble<'d>(
        language: Lang,
        chunks: impl IntoIterator<Item = (usize, &'d Document)>,
    ) -> Document {
        let mut doc = Document {
            language,
            marks: Vec::new(),
            units: Vec::new(),
            citations: Vec::new(),
            flattened: Vec::new(),
            header_conference: None,
            continues: false,
            continued: false,
            exit: Entry::default(),
        };
        for (offset, chunk) in chunks {
            doc.append_chunk(chunk, offset);
        }
        doc
    }

    /// Whether the text looks like a proposal at all. Other text files get no
    /// diagnostics: a linter must not be noise on a README that mentions a resolution.
    pub fn is_proposal(&self) -> bool {
        self.units.iter().any(|u| {
            u.action.is_some()
                || u.reference.is_some()
                || u.heading.is_some()
                || u.conference_line.is_some()
                || u.sections
                    .iter()
                    .any(|s| s.clauses.iter().any(|c| c.label.is_some()))
        })
    }

    /// The unit containing a source offset.
    pub fn unit_at(&self, offset: usize) -> Option<&Unit> {
        let i = self.units.partition_point(|u| u.span.end <= offset);
        self.units.get(i).filter(|u| u.span.start <= offset)
    }

    /// The citation whose span holds a source offset.
    pub fn citation_at(&self, offset: usize) -> Option<&Citation> {
        self.citations
            .iter()
            .find(|c| c.span.start <= offset && offset <= c.span.end)
    }
}

/// Every unit of placed chunks, in order, with the offset its spans are relative to: a
/// unit within one chunk as it is, one that cuts inside units split put together again
/// (spans of the text, offset 0). `sections`: whether a joined unit takes its parts'
/// sections (copied) or none.
pub fn join_units<'d>(
    chunks: impl IntoIterator<Item = (usize, &'d Document)>,
    sections: bool,
) -> Vec<(usize, Cow<'d, Unit>)> {
    let mut out: Vec<(usize, Cow<'d, Unit>)> = Vec::new();
    let mut open: Option<Unit> = None;
    for (offset, chunk) in chunks {
        let last = chunk.units.len().saturating_sub(1);
        for (i, unit) in chunk.units.iter().enumerate() {
            let part = || {
                let mut part = if sections {
                    unit.clone()
                } else {
                    unit_without_sections(unit)
                };
                part.shift(offset);
                part
            };
            if i == 0 && chunk.continues {
                if let Some(whole) = &mut open {
                    whole.absorb(part());
                } else {
                    open = Some(part());
                }
            } else if i == last && chunk.continued {
                open = Some(part());
            } else {
                out.push((offset, Cow::Borrowed(unit)));
                continue;
            }
            if !(i == last && chunk.continued) {
                out.extend(open.take().map(|u| (0, Cow::Owned(u))));
            }
        }
    }
    out.extend(open.map(|u| (0, Cow::Owned(u))));
    out
}

/// Only the units that cuts inside units split, put together without their sections
/// (spans of the text): what the rules on whole units read, at each keystroke, so only
/// the chunks' first and last units are looked at. A unit that begins before the first
/// chunk given is left out.
pub fn join_split_units<'d>(chunks: impl IntoIterator<Item = (usize, &'d Document)>) -> Vec<Unit> {
    let part = |unit: &Unit, offset: usize| {
        let mut part = unit_without_sections(unit);
        part.shift(offset);
        part
    };
    let mut out = Vec::new();
    let mut open: Option<Unit> = None;
    for (offset, chunk) in chunks {
        let goes_on = chunk.continued && chunk.units.len() == 1;
        if chunk.continues {
            // A unit whose beginning is not among these chunks is left out.
            if let (Some(whole), Some(first)) = (&mut open, chunk.units.first()) {
                whole.absorb(part(first, offset));
            }
            if !goes_on {
                out.extend(open.take());
            }
        }
        if chunk.continued && !(chunk.continues && goes_on) {
            open = chunk.units.last().map(|last| part(last, offset));
        }
    }
    out.extend(open);
    out
}

fn unit_without_sections(unit: &Unit) -> Unit {
    Unit {
        span: unit.span,
        action: unit.action.clone(),
        reference: unit.reference.clone(),
        heading: unit.heading.clone(),
        conference_line: unit.conference_line.clone(),
        sections: Vec::new(),
        reasons: unit.reasons,
        body: unit.body,
    }
}

/// A line of asterisks: the separator between proposal units.
pub fn is_separator_line(line: &str) -> bool {
    let t = line.trim_matches([' ', '\t', '\r', '\n', '\u{a0}']);
    t.len() >= 3 && t.bytes().all(|b| b == b'*')
}

/// Where a document is cut into chunks that parse independently, so that an edit
/// re-parses only the chunk it touches:
///
/// - after every separator line (a line of asterisks). A unit never spans a separator,
///   and neither does a revision mark: an opening mark closed only after a separator is
///   plain text;
/// - before every action line (`MOD\tECP/24A6/1`) that follows text in its chunk, holds
///   no `{` and follows only closed revision marks. A unit begins there, whatever
///   came before it: documents exported without separators are cut at their units too;
/// - before every line that opens a section (a call word: "recalling", "décide") on
///   the same conditions, outside a margin note, after a line no revision mark changes
///   (an insertion can make a separator the cutter cannot see), once the chunk holds two kilobytes
///   ([`MIN_CHUNK_INSIDE_UNIT`]): the unit goes on in the next chunk,
///   which is parsed from what the parser knew of it ([`Entry`]). Exports of Word or
///   PDF have neither separators nor action lines at a line's start: these cuts keep an
///   edit's re-parse to one section of them.
///
/// Whether a place is a cut depends only on the text from the start of its chunk to the
/// end of the line after the cut, which is what lets a session cut again only around an
/// edit.
pub fn chunk_spans(text: &str) -> Vec<Span> {
    chunk_spans_with(text, MIN_CHUNK_INSIDE_UNIT)
}

/// [`chunk_spans`], cutting inside a unit once a chunk holds `min_inside_unit` bytes.
pub fn chunk_spans_with(text: &str, min_inside_unit: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for cut in Cuts::new(text, 0, min_inside_unit) {
        spans.push(Span::new(start, cut.at));
        start = cut.at;
    }
    if start < text.len() || spans.is_empty() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// The model of a text cut inside its units once a chunk holds `min_inside_unit`
/// bytes: [`Document::parse`]'s, whatever the size. For tests, which cut short texts at
/// every section.
pub fn parse_cut_from(text: &str, catalog: &Catalog, min_inside_unit: usize) -> Document {
    parse_with(text, catalog, Cuts::new(text, 0, min_inside_unit))
}

/// The model of a text cut only between units (at separators and action lines): what
/// [`Document::parse`] must give, cuts inside units notwithstanding. For tests, which
/// compare the two on every document they have.
pub fn parse_between_units(text: &str, catalog: &Catalog) -> Document {
    parse_with(text, catalog, Cuts::new(text, 0, NO_CUT_INSIDE_UNITS))
}

/// A whole text cut where `cuts` says, each chunk parsed from the state the one before
/// left, and put together.
fn parse_with(text: &str, catalog: &Catalog, cuts: Cuts<'_>) -> Document {
    let chunks = parse_chunks_from(text, catalog, cuts);
    Document::assemble(
        structure::detect_language(text),
        chunks.iter().map(|(offset, d)| (*offset, d)),
    )
}

fn parse_chunks_from(text: &str, catalog: &Catalog, mut cuts: Cuts<'_>) -> Vec<(usize, Document)> {
    let mut chunks = Vec::new();
    let mut entry = Entry::FIRST;
    let mut start = 0;
    loop {
        let cut = cuts.next();
        let end = cut.map_or(text.len(), |c| c.at);
        let continued = cut.is_some_and(|c| c.inside_unit);
        let chunk = Document::parse_chunk(&text[start..end], catalog, entry, continued);
        let Some(cut) = cut else {
            chunks.push((start, chunk));
            return chunks;
        };
        entry = chunk.entry_after(cut);
        chunks.push((start, chunk));
        start = cut.at;
        if start >= text.len() {
            return chunks;
        }
    }
}

/// How long a chunk is at least before it is cut inside a unit: every chunk costs each
/// analysis a little (its findings are assembled, its units' parts joined), and parsing
/// two kilobytes again costs less than that for short sections.
pub const MIN_CHUNK_INSIDE_UNIT: usize = 2048;

/// The `min_inside_unit` of a text no edit will follow (`proplint check`): no cut inside
/// a unit, which only spares a later edit a re-parse, and so no test at each line of
/// whether it opens a section or where margin notes stand (a tenth of checking the 1 MB
/// corpus document). The model is the same ([`parse_between_units`] is the reference
/// the tests hold every cut to).
pub const NO_CUT_INSIDE_UNITS: usize = usize::MAX;

/// A place where a chunk ends, and whether the unit there goes on in the next chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    pub at: usize,
    pub inside_unit: bool,
}

/// The cuts of [`chunk_spans`] from a chunk's start on: the offsets where chunks end.
pub struct Cuts<'a> {
    text: &'a str,
    chunk_start: usize,
    line_start: usize,
    /// Whether the chunk so far is blank: an action line after blank lines stays with
    /// them.
    blank: bool,
    /// Whether the line before `line_start` was read as written (no revision mark on it
    /// or open across it). After a line that marks change, the parser may be where the
    /// cutter cannot see: a separator made by an insertion ("{++\n++}*****") has ended
    /// the unit, and a cut inside a unit there would join the next chunk to the unit
    /// before it.
    after_clean_line: bool,
    marks: markup::Marks<'a>,
    /// The margin-note states the parser may be in at `line_start`.
    notes: structure::NoteStates,
    /// [`NO_CUT_INSIDE_UNITS`] for a text no edit will follow (and the tests' model
    /// cut between units only).
    min_inside_unit: usize,
}

impl<'a> Cuts<'a> {
    /// `from` must be the start of a chunk (0, or a cut); a chunk is cut inside a unit
    /// once it holds `min_inside_unit` bytes ([`MIN_CHUNK_INSIDE_UNIT`] but in tests),
    /// never with [`NO_CUT_INSIDE_UNITS`].
    pub fn new(text: &'a str, from: usize, min_inside_unit: usize) -> Cuts<'a> {
        Cuts {
            text,
            min_inside_unit,
            chunk_start: from,
            line_start: from,
            blank: true,
            after_clean_line: true,
            marks: markup::Marks::new(text, from),
            notes: structure::NoteStates::NONE,
        }
    }

    fn inside_units(&self) -> bool {
        self.min_inside_unit != NO_CUT_INSIDE_UNITS
    }

    fn cut(&mut self, at: usize, inside_unit: bool) -> Cut {
        self.chunk_start = at;
        self.line_start = at;
        self.blank = true;
        self.after_clean_line = true;
        self.marks = markup::Marks::new(self.text, at);
        self.notes = structure::NoteStates::NONE;
        Cut { at, inside_unit }
    }
}

impl Iterator for Cuts<'_> {
    type Item = Cut;

    fn next(&mut self) -> Option<Cut> {
        while self.line_start < self.text.len() {
            let start = self.line_start;
            let rest = &self.text.as_bytes()[start..];
            let len = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
            let line = &self.text[start..start + len];
            if line.starts_with(['*', ' ', '\t']) && is_separator_line(line) {
                return Some(self.cut(start + len, false));
            }
            // The line is read as written: no mark on it or open across it.
            let clean =
                memchr::memchr(b'{', line.as_bytes()).is_none() && self.marks.closed_before(start);
            let content = line.trim_end_matches(['\n', '\r']);
            if !self.blank && clean && len < 600 {
                if len < 160 && structure::is_action_line(line) {
                    return Some(self.cut(start, false));
                }
                if self.inside_units()
                    && self.after_clean_line
                    && start - self.chunk_start >= self.min_inside_unit
                    && self.notes.certainly_none()
                    && structure::opens_section(content)
                {
                    return Some(self.cut(start, true));
                }
            }
            if self.inside_units() {
                self.notes = self.notes.after(content, clean);
            }
            self.after_clean_line = clean;
            self.blank = self.blank && line.trim().is_empty();
            self.line_start = start + len;
        }
        None
    }
}
