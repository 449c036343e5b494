//! The rules: pure functions of a [`Document`](crate::document::Document) and the
//! [`Catalog`](crate::catalog::Catalog) that produce diagnostics with fixes.
//!
//! Each rule has a stable kebab-case code (never renumbered, never reused), a default
//! severity, and a documentation page under `docs/rules/<code>.md` that `proplint
//! explain` prints.

mod agree;
mod citations;
mod clause_sequence;
mod flattened_revision;
mod label_homoglyph;
mod missing_reasons;
mod proposal_sequence;
pub mod render;

use crate::base::diagnostic::Diagnostic;
use crate::base::Target;
use crate::catalog::{Catalog, When};
use crate::document::Document;
use crate::lang::Lang;

/// What every rule sees: the parsed document (or one chunk of it), the source it was
/// parsed from, the catalogue, the point in time it is checked against and the
/// document's language (a chunk cannot tell it alone).
pub struct Context<'a> {
    pub document: &'a Document,
    pub source: &'a str,
    pub catalog: &'a Catalog,
    pub target: &'a Target,
    pub when: When<'a>,
    pub language: Lang,
    /// The language the rules write their messages and fix titles in.
    pub messages: Lang,
    /// Whether the text shows its changes as revision marks, anywhere in it.
    pub marked: bool,
}

impl Context<'_> {
    /// Whether the text shows its changes as revision marks: fixes then show their
    /// changes as marks too, as Word would track them. Asked of the whole text, not of
    /// the chunk the rule reads: where chunks are cut must not change a fix.
    pub fn tracks_changes(&self) -> bool {
        self.marked
    }

    /// Whether a source span touches a revision mark.
    pub fn in_mark(&self, span: crate::base::text::Span) -> bool {
        crate::document::markup::overlaps_any(&self.document.marks, span)
    }

    pub fn text(&self, span: crate::base::text::Span) -> &str {
        self.source.get(span.start..span.end).unwrap_or("")
    }
}

/// What the rules run under, besides the text they read: the catalogue, the point in
/// time, the languages, and whether the text holds revision marks (anywhere in it).
#[derive(Clone, Copy)]
pub struct Under<'a> {
    pub catalog: &'a Catalog,
    pub target: &'a Target,
    pub language: Lang,
    pub messages: Lang,
    pub marked: bool,
}

impl<'a> Context<'a> {
    fn new(document: &'a Document, source: &'a str, under: Under<'a>) -> Context<'a> {
        Context {
            document,
            source,
            catalog: under.catalog,
            target: under.target,
            when: under.catalog.when(under.target),
            language: under.language,
            messages: under.messages,
            marked: under.marked,
        }
    }
}

/// The rules that look at one chunk of a document (units, sections, citations): all
/// but those that compare units across the document. Spans are the chunk's.
pub fn run_chunk(chunk: &Document, source: &str, under: Under<'_>) -> Vec<Diagnostic> {
    let ctx = Context::new(chunk, source, under);
    let mut out = Vec::new();
    citations::check(&ctx, &mut out);
    clause_sequence::check(&ctx, &mut out);
    label_homoglyph::check(&ctx, &mut out);
    flattened_revision::check(&ctx, &mut out);
    missing_reasons::check(&ctx, &mut out);
    agree::agree(&mut out, under.messages);
    out
}

/// The rules that read a unit whole, for the units that chunks cut at their sections
/// (put together, without their sections: see [`crate::document::join_units`]), with
/// spans of `source`, the whole text.
pub fn check_joined_units<'u>(
    units: impl IntoIterator<Item = &'u crate::document::Unit>,
    source: &str,
    under: Under<'_>,
) -> Vec<Diagnostic> {
    let document = Document::assemble(under.language, []);
    let ctx = Context::new(&document, source, under);
    let mut out = Vec::new();
    missing_reasons::check_units(&ctx, units, &mut out);
    out
}

/// The rules that compare units across the whole document: proposal references, in
/// document order, with document spans.
pub fn check_proposal_refs(
    refs: &[(usize, &crate::document::ProposalRef)],
    messages: Lang,
) -> Vec<Diagnostic> {
    proposal_sequence::check(refs, messages)
}
