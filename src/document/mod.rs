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
mod structure;

use serde::Serialize;

use crate::base::text::Span;
use crate::catalog::Catalog;
use crate::lang::Lang;

pub use crate::base::BodyRef;
pub use citation::{BodySource, Citation, CitationKind, PlaceYear, Tag, TagForm};
pub use labels::{Homoglyph, Label, LabelKind};
pub use markup::{Mark, MarkKind};
pub use structure::{detect_language, is_action_line, LANGUAGE_SAMPLE_BYTES};

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
        let chunks: Vec<Document> = chunk_spans(source)
            .iter()
            .enumerate()
            .map(|(i, span)| Document::parse_chunk(&source[span.start..span.end], catalog, i == 0))
            .collect();
        Document::assemble(
            structure::detect_language(source),
            chunk_spans(source)
                .iter()
                .map(|s| s.start)
                .zip(chunks.iter()),
        )
    }

    /// Parses one chunk of a document as a text of its own (spans from the chunk's
    /// start). Only the first chunk can hold the document's header.
    pub fn parse_chunk(chunk: &str, catalog: &Catalog, first: bool) -> Document {
        structure::parse_chunk(chunk, catalog, first)
    }

    /// A whole document from its chunks, each placed at its offset.
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
///   came before it: documents exported without separators are cut at their units too.
///
/// Whether a place is a cut depends only on the text from the start of its chunk to the
/// end of the line after the cut, which is what lets a session cut again only around an
/// edit.
pub fn chunk_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for cut in Cuts::new(text, 0) {
        spans.push(Span::new(start, cut));
        start = cut;
    }
    if start < text.len() || spans.is_empty() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// The cuts of [`chunk_spans`] from a chunk's start on: the offsets where chunks end.
pub struct Cuts<'a> {
    text: &'a str,
    chunk_start: usize,
    line_start: usize,
    /// Whether the chunk so far is blank: an action line after blank lines stays with
    /// them.
    blank: bool,
    marks: markup::Marks<'a>,
}

impl<'a> Cuts<'a> {
    /// `from` must be the start of a chunk (0, or a cut).
    pub fn new(text: &'a str, from: usize) -> Cuts<'a> {
        Cuts {
            text,
            chunk_start: from,
            line_start: from,
            blank: true,
            marks: markup::Marks::new(text, from),
        }
    }

    fn cut(&mut self, at: usize) -> usize {
        self.chunk_start = at;
        self.line_start = at;
        self.blank = true;
        self.marks = markup::Marks::new(self.text, at);
        at
    }
}

impl Iterator for Cuts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.line_start < self.text.len() {
            let start = self.line_start;
            let rest = &self.text.as_bytes()[start..];
            let len = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
            let line = &self.text[start..start + len];
            if line.starts_with(['*', ' ', '\t']) && is_separator_line(line) {
                return Some(self.cut(start + len));
            }
            if !self.blank
                && len < 160
                && memchr::memchr(b'{', line.as_bytes()).is_none()
                && structure::is_action_line(line)
                && self.marks.closed_before(start)
            {
                return Some(self.cut(start));
            }
            self.blank = self.blank && line.trim().is_empty();
            self.line_start = start + len;
        }
        None
    }
}
