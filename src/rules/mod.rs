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

use serde::{Serialize, Serializer};

use crate::analysis::Target;
use crate::catalog::{Catalog, Lang, When};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;

macro_rules! rules {
    ($( $variant:ident => $code:literal, $severity:ident, $summary:literal; )*) => {
        /// Every rule proplint knows, in the order `proplint rules` lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable code used in output, configuration and suppressions.
            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$severity, )* }
            }

            /// One line for `proplint rules`.
            pub fn summary(self) -> &'static str {
                match self { $( Rule::$variant => $summary, )* }
            }

            /// The rule's documentation page (Markdown).
            pub fn doc(self) -> &'static str {
                match self { $( Rule::$variant => include_str!(concat!("../../docs/rules/", $code, ".md")), )* }
            }
        }
    };
}

rules! {
    UnknownResolution => "unknown-resolution", Error,
        "cites a resolution that the body it resolves to never had";
    UnknownRevision => "unknown-revision", Error,
        "cites a revision (place and year) at which the resolution was never adopted or revised";
    SuppressedResolution => "suppressed-resolution", Warning,
        "cites a resolution abrogated before the target conference";
    StaleRevision => "stale-revision", Warning,
        "cites a revision superseded before the target conference";
    UncataloguedCitation => "uncatalogued-citation", Info,
        "the catalogue cannot confirm or refute this citation";
    ClauseSequence => "clause-sequence", Warning,
        "clause labels of a section skip, repeat or run out of order";
    LabelHomoglyph => "label-homoglyph", Error,
        "a clause label typed with a lookalike letter from another script";
    FlattenedRevision => "flattened-revision", Warning,
        "old and new text glued together by an export that lost the revision marks";
    ProposalSequence => "proposal-sequence", Warning,
        "proposal references of a document skip, repeat or change prefix";
    MissingReasons => "missing-reasons", Warning,
        "a MOD, ADD or SUP proposal without its Reasons";
    UnusedSuppression => "unused-suppression", Warning,
        "a proplint-ignore comment that silences nothing, or names no rule";
}

impl Rule {
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The rule's documentation on the web, for editors that link diagnostic codes.
    pub fn doc_url(self) -> String {
        format!(
            "https://github.com/proplint/proplint/blob/main/docs/rules/{}.md",
            self.code()
        )
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

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
}

impl Context<'_> {
    /// Whether the text shows its changes as revision marks: fixes then show their
    /// changes as marks too, as Word would track them.
    pub fn tracks_changes(&self) -> bool {
        !self.document.marks.is_empty()
    }

    /// Whether a source span touches a revision mark.
    pub fn in_mark(&self, span: crate::text::Span) -> bool {
        crate::document::markup::overlaps_any(&self.document.marks, span)
    }

    pub fn text(&self, span: crate::text::Span) -> &str {
        self.source.get(span.start..span.end).unwrap_or("")
    }
}

/// The rules that look at one chunk of a document (units, sections, citations): all
/// but those that compare units across the document. Spans are the chunk's.
pub fn run_chunk(
    chunk: &Document,
    source: &str,
    catalog: &Catalog,
    target: &Target,
    language: Lang,
) -> Vec<Diagnostic> {
    let ctx = Context {
        document: chunk,
        source,
        catalog,
        target,
        when: target.when(catalog),
        language,
    };
    let mut out = Vec::new();
    citations::check(&ctx, &mut out);
    clause_sequence::check(&ctx, &mut out);
    label_homoglyph::check(&ctx, &mut out);
    flattened_revision::check(&ctx, &mut out);
    missing_reasons::check(&ctx, &mut out);
    agree::agree(&mut out);
    out
}

/// The rules that compare units across the whole document: proposal references, in
/// document order, with document spans.
pub fn check_proposal_refs(refs: &[(usize, &crate::document::ProposalRef)]) -> Vec<Diagnostic> {
    proposal_sequence::check(refs)
}
