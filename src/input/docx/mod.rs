//! The `.docx` reader: a Word document, tracked changes included, as plain text with
//! CriticMarkup revision marks, so that every rule that works on text works on Word files.
//!
//! [`read_docx`] opens the zip package (bounded, see [`Limits`]), finds the main document
//! part, and reads its body paragraph by paragraph into **one line per paragraph**
//! (paragraphs in table cells included, in document order). [`DocxText::paragraphs`]
//! maps every line back to its paragraph number, for diagnostics such as "paragraph 12".
//!
//! # What a line holds
//!
//! - Text of runs (`w:t`, honouring `xml:space`; without `preserve`, leading and trailing
//!   whitespace of the element is dropped, as Word does), `w:tab` as a tab,
//!   `w:noBreakHyphen` as `-`, `w:sym` mapped to Unicode where the font is known.
//! - Fields show their displayed result: `w:fldSimple` content and the part of a complex
//!   field after `separate`; instructions (`w:instrText`) are dropped.
//! - Dropped: comments and their anchors, footnote and endnote references, bookmarks,
//!   hidden text (`w:vanish` on the run), drawings and text boxes, soft hyphens, and
//!   formatting changes (`w:rPrChange`, `w:pPrChange`): only the text counts.
//! - Automatic list numbering is spelled out as the label a reader sees, then the
//!   level's suffix (a tab unless `w:suff` says space or nothing): `a)\t`, `1\t`,
//!   `iii)\t`. Paragraph styles that carry numbering count too. `numbering.rs` says how
//!   counters follow Word.
//!
//! # Decisions
//!
//! **Line breaks within a paragraph.** A text-wrapping break (`w:br`, `w:cr`) becomes a
//! space, never a new line: the output keeps exactly one line per paragraph, so line `n`
//! of [`DocxText::text`] is always paragraph `n` and a position can never be reported
//! against the wrong paragraph number. A manual break is a layout choice inside one
//! logical unit (a clause stays one clause), which is what the checks work on. Page and
//! column breaks are pure layout and produce nothing (they often start a heading
//! paragraph, which must still start at its line's first character).
//!
//! **Tracked changes.** Inserted runs (`w:ins`, `w:moveTo`) become `{++…++}`, deleted ones
//! (`w:del`, `w:moveFrom`, text in `w:delText`) `{--…--}`, and a deletion directly
//! followed by an insertion one substitution `{~~old~>new~~}`. Adjacent pieces of the
//! same kind are merged, whatever run or revision element they came from. Text inserted
//! and then deleted by a later revision is in neither reading and is dropped.
//!
//! **Escaping.** Text that itself contains a CriticMarkup delimiter gets an invisible
//! WORD JOINER inside the delimiter; see `markup.rs`.
//!
//! **Inserted and deleted paragraphs.** A paragraph mark changed under tracking
//! (`w:pPr/w:rPr/w:ins` or `w:del`) cannot be shown as a mark without breaking the one
//! line per paragraph rule, so every paragraph keeps its own line and the change shows
//! through its text: a deleted paragraph is a line `{--…--}`, an inserted one a line
//! `{++…++}`. For list numbering, a paragraph belongs to the old reading when it has
//! unchanged or deleted text, and to the new reading when it has unchanged or inserted
//! text (an empty paragraph: unless its mark was inserted, resp. deleted). Each reading
//! keeps its own counters, so the label of a deleted clause is deleted with it
//! (`{--b)\t…--}`), an inserted clause's label is inserted, and a clause whose letter
//! shifted shows it as a substitution: `{~~b~>c~~})\t`. A deleted paragraph mark that
//! joins two paragraphs with surviving text is not shown.

mod body;
mod markup;
mod numbering;
mod package;
mod xml;

#[cfg(test)]
mod tests;

use std::fmt;

use crate::base::text::Span;

use package::Package;

/// A Word document as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxText {
    /// One line per paragraph, '\n'-separated, with tracked changes as CriticMarkup.
    pub text: String,
    /// For each paragraph, in order: its 1-based paragraph number in the document body and
    /// the byte span of its line in `text` (without the '\n').
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of the document body and its line in [`DocxText::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based, counting every `w:p` of the body in document order (table cells included).
    pub number: usize,
    pub span: Span,
}

impl DocxText {
    /// The paragraph containing a byte offset of `text` (for diagnostics: "paragraph 12").
    /// The offset of a line's end (where its '\n' is) belongs to that line's paragraph;
    /// offsets past the end of the text have none.
    pub fn paragraph_at(&self, offset: usize) -> Option<&Paragraph> {
        paragraph_at(&self.paragraphs, offset)
    }
}

/// The paragraph of `paragraphs` (in text order) containing a byte offset of their text.
pub fn paragraph_at(paragraphs: &[Paragraph], offset: usize) -> Option<&Paragraph> {
    let after = paragraphs.partition_point(|p| p.span.start <= offset);
    let p = paragraphs.get(after.checked_sub(1)?)?;
    (offset <= p.span.end).then_some(p)
}

/// Why a file could not be read. The message is one clear sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError {
    pub message: String,
}

impl DocxError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        DocxError {
            message: message.into(),
        }
    }
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DocxError {}

/// Bounds on what reading a package may cost. All are checked while reading: header
/// sizes are never trusted alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest uncompressed size of one entry read.
    pub max_entry_bytes: u64,
    /// Largest uncompressed size of all entries read together.
    pub max_total_bytes: u64,
    /// Largest ratio of uncompressed to compressed size of an entry (checked beyond its
    /// first MiB; 0 disables the check).
    pub max_ratio: u64,
    /// Most entries the package may list.
    pub max_entries: usize,
    /// Most XML elements in one part.
    pub max_elements: usize,
    /// Most XML namespace declarations in scope at once.
    pub max_namespaces: usize,
    /// Most paragraphs in the document body.
    pub max_paragraphs: usize,
    /// Most bytes of text in the document body.
    pub max_text_bytes: usize,
}

impl Default for Limits {
    /// 64 MiB per part and 256 MiB in all: a long proposal's `document.xml` is a few MiB.
    /// A ratio of 500: Word's XML typically compresses 5 to 20 times, and even a document
    /// of one paragraph repeated thousands of times stays near 200; a deflate bomb
    /// reaches about 1000. (The entry limit is the main defence; the ratio stops a bomb
    /// earlier.)
    /// 10 000 entries: a document with many images has a few hundred.
    /// 4 million elements, 256 namespaces, 200 000 paragraphs and 16 MiB of text: a long
    /// proposal has a few hundred thousand elements, about forty namespaces, a few
    /// thousand paragraphs and well under a MiB of text; the limits keep the cost of the
    /// analysis and of its report to seconds.
    fn default() -> Self {
        Limits {
            max_entry_bytes: 64 << 20,
            max_total_bytes: 256 << 20,
            max_ratio: 500,
            max_entries: 10_000,
            max_elements: xml::MAX_ELEMENTS,
            max_namespaces: xml::MAX_NAMESPACES,
            max_paragraphs: 200_000,
            max_text_bytes: 16 << 20,
        }
    }
}

/// Reads a `.docx` file with the default [`Limits`].
pub fn read_docx(bytes: &[u8]) -> Result<DocxText, DocxError> {
    read_docx_with(bytes, &Limits::default())
}

const MAIN_PART: &str = "word/document.xml";
const REL_OFFICE_DOCUMENT: &str = "/officeDocument";
const REL_NUMBERING: &str = "/numbering";
const REL_STYLES: &str = "/styles";

/// Reads a `.docx` file within `limits`.
pub fn read_docx_with(bytes: &[u8], limits: &Limits) -> Result<DocxText, DocxError> {
    let mut pkg = Package::open(bytes, limits)?;

    pkg.refuse_duplicates(MAIN_PART)?;
    let main = match pkg.find(MAIN_PART) {
        Some(name) => name,
        None => {
            // Not where Word puts it: the package relationships say where it is.
            let target = match pkg.read("_rels/.rels")? {
                Some(rels) => relationship(
                    "_rels/.rels",
                    &xml::decode("_rels/.rels", rels)?,
                    "",
                    REL_OFFICE_DOCUMENT,
                )?,
                None => None,
            };
            target
                .and_then(|t| pkg.find(&t))
                .ok_or_else(|| DocxError::new(format!("not a Word document: no {MAIN_PART}")))?
        }
    };
    let document = match pkg.read(&main)? {
        Some(bytes) => xml::decode(&main, bytes)?,
        None => {
            return Err(DocxError::new(format!(
                "not a Word document: no {MAIN_PART}"
            )))
        }
    };

    // The main part's relationships name its numbering and styles parts.
    let (dir, file) = match main.rfind('/') {
        Some(i) => (&main[..=i], &main[i + 1..]),
        None => ("", main.as_str()),
    };
    let rels_name = format!("{dir}_rels/{file}.rels");
    let rels = match pkg.read(&rels_name)? {
        Some(bytes) => Some(xml::decode(&rels_name, bytes)?),
        None => None,
    };
    let part_of = |kind: &str, default: &str| -> Result<String, DocxError> {
        let found = match &rels {
            Some(r) => relationship(&rels_name, r, dir, kind)?,
            None => None,
        };
        Ok(found.unwrap_or_else(|| format!("{dir}{default}")))
    };
    let numbering_name = part_of(REL_NUMBERING, "numbering.xml")?;
    let styles_name = part_of(REL_STYLES, "styles.xml")?;

    let numbering = match pkg.read(&numbering_name)? {
        Some(bytes) => {
            numbering::Numbering::parse(&numbering_name, &xml::decode(&numbering_name, bytes)?)?
        }
        None => numbering::Numbering::default(),
    };
    let styles = match pkg.read(&styles_name)? {
        Some(bytes) => numbering::Styles::parse(&styles_name, &xml::decode(&styles_name, bytes)?)?,
        None => numbering::Styles::default(),
    };
    body::read_body(&main, &document, &numbering, &styles, limits)
}

/// The target part of the first internal relationship in `rels` whose type ends with
/// `kind`, resolved against `dir` (the source part's folder, with its trailing '/').
fn relationship(
    part: &str,
    rels: &str,
    dir: &str,
    kind: &str,
) -> Result<Option<String>, DocxError> {
    let mut reader = xml::Xml::new(part, rels);
    loop {
        match reader.next()? {
            xml::Ev::Eof => return Ok(None),
            xml::Ev::Start(el) if el.local.as_slice() == b"Relationship" => {
                let ty = reader.raw_attr(&el, b"Type")?.unwrap_or_default();
                let target = reader.raw_attr(&el, b"Target")?;
                let external = reader.raw_attr(&el, b"TargetMode")?.as_deref() == Some("External");
                if ty.ends_with(kind) && !external {
                    if let Some(target) = target {
                        return Ok(Some(resolve_target(dir, &target)));
                    }
                }
            }
            _ => {}
        }
    }
}

/// `dir` + `target`, with `.` and `..` resolved; a target starting with '/' is absolute.
fn resolve_target(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}
