//! What the editor features read from the core's document model, in one adapter: the
//! features (hover, symbols, folding, completion context) work on these small views, so
//! a change of the core's `Document` touches only this file.

use crate::base::text::Span;
use crate::document::{Citation, CitationKind, Unit};
use crate::engine::analysis::Analysis;
use crate::lang::Lang;

/// A citation of a resolution, as hover needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationView {
    pub span: Span,
    /// Catalogue body id (`PP`, `WTDC`...), when the citation resolves to one.
    pub body: Option<String>,
    pub number: u32,
    /// The cited revision: whether "Rev."/"Rév." is there, the place as written (empty
    /// for a WRC-style tag, "Rev.WRC-19"), the year.
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

    /// The view of a citation of the chunk at `offset`.
    fn citation(&self, c: &Citation, offset: usize) -> CitationView {
        CitationView {
            span: c.span.shifted(offset),
            body: c
                .body
                .and_then(|b| match b {
                    // Judged too, against what WRC Final Acts taught (see `catalog::judge`).
                    crate::base::BodyRef::Wrc => Some("WRC"),
                    other => other.catalog_id(),
                })
                .map(str::to_string),
            number: c.number,
            revision: c.tag.as_ref().and_then(|t| match t.form {
                // "(Rev.WRC-19)": no place, the year names the conference.
                crate::document::TagForm::Wrc { revised, year } => {
                    Some((revised, String::new(), year))
                }
                _ => t
                    .place_year()
                    .map(|(revised, place, year)| (revised, place.to_string(), year)),
            }),
        }
    }

    /// The view of a unit of the chunk at `offset`.
    fn unit(&self, u: &Unit, offset: usize) -> UnitView {
        UnitView {
            span: u.span.shifted(offset),
            action: u
                .action
                .as_ref()
                .map(|a| (a.kind.as_str().to_string(), a.span.shifted(offset))),
            reference: u
                .reference
                .as_ref()
                .map(|r| (r.text.clone(), r.span.shifted(offset))),
            heading: u.heading.as_ref().map(|h| {
                let span = h.span.shifted(offset);
                let first_line = self.slice(span).lines().next().unwrap_or("").trim();
                (first_line.to_string(), span)
            }),
            heading_body: u.body.and_then(|b| b.catalog_id()).map(str::to_string),
            sections: u
                .sections
                .iter()
                .map(|s| {
                    let call_span = s.call.shifted(offset);
                    let written = self.slice(call_span).trim();
                    SectionView {
                        span: s.span.shifted(offset),
                        call_word: if written.is_empty() {
                            s.call_word.clone()
                        } else {
                            written.to_string()
                        },
                        call_span,
                        clauses: s.clauses.len(),
                    }
                })
                .collect(),
        }
    }

    // Queries read the chunks at the offset, not the assembled document: assembling
    // copies the whole model (2.5 ms and megabytes for 1 MB), on every version a
    // request arrives for.

    /// The citation of an ITU conference resolution at an offset of the analysed text.
    pub fn citation_at(&self, offset: usize) -> Option<CitationView> {
        self.analysis.chunks_at(offset).find_map(|(start, d)| {
            let at = offset - start;
            d.citations
                .iter()
                .filter(|c| c.kind == CitationKind::Conference)
                .find(|c| c.span.start <= at && at <= c.span.end)
                .map(|c| self.citation(c, start))
        })
    }

    pub fn unit_at(&self, offset: usize) -> Option<UnitView> {
        let (start, unit) = self.analysis.unit_at(offset)?;
        Some(self.unit(&unit, start))
    }

    pub fn units(&self) -> Vec<UnitView> {
        self.analysis
            .units()
            .iter()
            .map(|(start, u)| self.unit(u, *start))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::engine::analysis::{analyze, Options};

    /// Read from the chunks at an offset, the views are what the assembled document
    /// gives, at every offset of texts cut in several chunks (their boundaries too).
    #[test]
    fn chunk_queries_agree_with_the_assembled_document() {
        let texts = [
            include_str!("../../tests/fixtures/en_pp18_acp_multi.txt"),
            include_str!("../../tests/fixtures/fr_pp22_ecp_res130_critic.txt"),
            include_str!("../../tests/fixtures/es_pp22_brasil_multi.md"),
            include_str!("../../tests/fixtures/fr_cmdt22_afcp_crlf_bom.txt"),
        ];
        let (mut cited, mut in_units, mut boundaries) = (0, 0, 0);
        for text in texts {
            let analysis = analyze(text, Catalog::embedded(), &Options::default());
            let view = ModelView::of(&analysis, text);
            let doc = analysis.document();
            let starts: Vec<usize> = analysis.chunks().map(|(start, _)| start).collect();
            assert!(starts.len() > 1, "one chunk: the test would prove nothing");
            // A chunk's first offset is also the end of the one before.
            for pair in starts.windows(2) {
                let at = |offset| -> Vec<usize> {
                    analysis.chunks_at(offset).map(|(start, _)| start).collect()
                };
                assert_eq!(at(pair[1]), pair);
                assert_eq!(at(pair[1] - 1), [pair[0]]);
            }
            for offset in 0..=text.len() {
                let expected = doc
                    .citations
                    .iter()
                    .filter(|c| c.kind == CitationKind::Conference)
                    .find(|c| c.span.start <= offset && offset <= c.span.end)
                    .map(|c| view.citation(c, 0));
                let got = view.citation_at(offset);
                assert_eq!(got, expected, "citation at {offset}");
                let expected = doc.unit_at(offset).map(|u| view.unit(u, 0));
                assert_eq!(view.unit_at(offset), expected, "unit at {offset}");
                cited += usize::from(got.is_some());
                in_units += usize::from(expected.is_some());
                boundaries += usize::from(starts.contains(&offset) && expected.is_some());
            }
            let all: Vec<UnitView> = doc.units.iter().map(|u| view.unit(u, 0)).collect();
            assert_eq!(view.units(), all);
        }
        assert!(cited > 0 && in_units > 0 && boundaries > 0);
    }
}
