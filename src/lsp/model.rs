//! What the editor features read from the core's document model, in one adapter: the
//! features (hover, symbols, folding, completion context) work on these small views, so
//! a change of the core's `Document` touches only this file.

use crate::analysis::Analysis;
use crate::catalog::Lang;
use crate::document::{Citation, CitationKind, Unit};
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
    /// The call word (with its addressee) as written.
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
    /// The body whose text the unit amends (`WTDC`), by catalogue id.
    pub heading_body: Option<String>,
    pub sections: Vec<SectionView>,
}

/// The views of one analysis of `text` (the analysed text, spans index into it).
pub struct ModelView<'a> {
    analysis: &'a Analysis,
    text: &'a str,
}

impl<'a> ModelView<'a> {
    pub fn of(analysis: &'a Analysis, text: &'a str) -> ModelView<'a> {
        ModelView { analysis, text }
    }

    pub fn language(&self) -> Lang {
        self.analysis.language
    }

    fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    fn citation(&self, c: &Citation) -> CitationView {
        CitationView {
            span: c.span,
            body: c.body.and_then(|b| b.catalog_id()).map(str::to_string),
            number: c.number,
            revision: c
                .tag
                .as_ref()
                .and_then(|t| t.place_year())
                .map(|(revised, place, year)| (revised, place.to_string(), year)),
        }
    }

    fn unit(&self, u: &Unit) -> UnitView {
        UnitView {
            span: u.span,
            action: u
                .action
                .as_ref()
                .map(|a| (a.kind.as_str().to_string(), a.span)),
            reference: u.reference.as_ref().map(|r| (r.text.clone(), r.span)),
            heading: u.heading.as_ref().map(|h| {
                let text = self.slice(h.span);
                let first_line = text.lines().next().unwrap_or("").trim();
                (first_line.to_string(), h.span)
            }),
            heading_body: u.body.and_then(|b| b.catalog_id()).map(str::to_string),
            sections: u
                .sections
                .iter()
                .map(|s| SectionView {
                    span: s.span,
                    call_word: {
                        let written = self.slice(s.call).trim();
                        if written.is_empty() {
                            s.call_word.clone()
                        } else {
                            written.to_string()
                        }
                    },
                    call_span: s.call,
                    clauses: s.clauses.len(),
                })
                .collect(),
        }
    }

    /// The citation of an ITU conference resolution at an offset of the analysed text.
    pub fn citation_at(&self, offset: usize) -> Option<CitationView> {
        self.analysis
            .document()
            .citations
            .iter()
            .filter(|c| c.kind == CitationKind::Conference)
            .find(|c| c.span.start <= offset && offset <= c.span.end)
            .map(|c| self.citation(c))
    }

    pub fn unit_at(&self, offset: usize) -> Option<UnitView> {
        self.analysis
            .document()
            .unit_at(offset)
            .map(|u| self.unit(u))
    }

    pub fn units(&self) -> Vec<UnitView> {
        self.analysis
            .document()
            .units
            .iter()
            .map(|u| self.unit(u))
            .collect()
    }
}
