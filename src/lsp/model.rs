//! What the editor features read from the core's document model, in one adapter: the
//! features (hover, symbols, folding, completion context) work on these small views, so
//! a change of the core's `Document` touches only this file.

use crate::analysis::Analysis;
use crate::catalog::Lang;
use crate::text::Span;

/// A citation of a resolution, as hover needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationView {
    pub span: Span,
    /// Catalogue body id (`PP`, `WTDC`...), when the citation resolves to one.
    pub body: Option<String>,
    pub number: u32,
    /// The cited revision: whether "Rev."/"Rév." is there, the place as written, the year.
    pub revision: Option<(bool, String, u16)>,
}

/// A section of a unit: a call word and the clauses under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionView {
    pub span: Span,
    pub call_word: String,
    pub call_span: Span,
    pub clauses: usize,
}

/// A proposal unit (`MOD ECP/24A6/1` ... `Reasons:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitView {
    pub span: Span,
    /// `MOD`, `ADD`, `SUP`, `NOC`, and its span.
    pub action: Option<(String, Span)>,
    /// `ECP/24A6/1` and its span.
    pub reference: Option<(String, Span)>,
    /// The heading line (`RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)`) and its span.
    pub heading: Option<(String, Span)>,
    /// The body of the resolution the heading names (`WTDC`).
    pub heading_body: Option<String>,
    pub sections: Vec<SectionView>,
}

/// The views of one analysis.
#[derive(Debug, Clone, Default)]
pub struct ModelView {
    pub language: Option<Lang>,
    pub units: Vec<UnitView>,
    pub citations: Vec<CitationView>,
}

impl ModelView {
    pub fn of(analysis: &Analysis, text: &str) -> ModelView {
        let _ = text;
        let document = &analysis.document;
        ModelView {
            language: Some(document.language),
            units: document
                .units
                .iter()
                .map(|u| UnitView {
                    span: u.span,
                    action: None,
                    reference: None,
                    heading: None,
                    heading_body: None,
                    sections: Vec::new(),
                })
                .collect(),
            citations: Vec::new(),
        }
    }

    pub fn citation_at(&self, offset: usize) -> Option<&CitationView> {
        self.citations
            .iter()
            .find(|c| c.span.contains(offset) || c.span.end == offset)
    }

    pub fn unit_at(&self, offset: usize) -> Option<&UnitView> {
        self.units
            .iter()
            .find(|u| u.span.contains(offset) || u.span.end == offset)
    }
}
