//! Reporters: they present checked files and never parse. Every position they print
//! comes from [`LineIndex`](crate::base::text::LineIndex).

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::base::diagnostic::Severity;
use crate::base::text::{Encoding, LineIndex, Span};
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::engine::analysis::Analysis;
use crate::input::Format;

/// One checked file, as reporters see it.
pub struct FileResult {
    /// The path as the user gave or the walk found it; `-` for standard input.
    pub path: String,
    /// The analysed text (BOM removed).
    pub text: String,
    pub index: LineIndex,
    pub analysis: Analysis,
    /// What `--fix` applied, when it ran: (rule, fix title).
    pub fixed: Vec<(Rule, String)>,
    /// What was read: for a Word file, `text` has one line per paragraph, so line n is
    /// paragraph n.
    pub format: Format,
    /// Remarks for the reader about this file.
    pub notes: Vec<String>,
    /// Conferences of the bodies this file cites that met before its target and of whose
    /// outcome nothing is catalogued ("WTDC-25 (Baku, 2025)"): said once per document.
    pub uncatalogued: Vec<String>,
}

impl FileResult {
    pub fn new(path: String, text: String, analysis: Analysis) -> FileResult {
        let index = LineIndex::new(&text);
        FileResult {
            path,
            text,
            index,
            analysis,
            fixed: Vec::new(),
            format: Format::Text,
            notes: Vec::new(),
            uncatalogued: Vec::new(),
        }
    }

    /// 1-based line and 1-based column in Unicode characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let pos = self.index.position(&self.text, offset, Encoding::Chars);
        (pos.line as usize + 1, pos.col as usize + 1)
    }

    pub fn range(&self, span: Span) -> ((usize, usize), (usize, usize)) {
        (self.line_col(span.start), self.line_col(span.end))
    }
}

/// Counts by severity, for summaries.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
}

impl Counts {
    pub fn of(results: &[FileResult]) -> Counts {
        let mut c = Counts::default();
        for d in results.iter().flat_map(|r| r.analysis.diagnostics()) {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
            if d.fixes
                .iter()
                .any(|f| f.applicability == crate::base::Applicability::Safe)
            {
                c.fixable += 1;
            }
        }
        c
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// The conferences whose outcome the catalogue lacks for the bodies `result` cites,
/// before its target (see [`FileResult::uncatalogued`]).
pub fn uncatalogued_outcomes(result: &FileResult, catalog: &Catalog) -> Vec<String> {
    let mut bodies: Vec<&str> = result
        .analysis
        .document()
        .citations
        .iter()
        .filter_map(|c| c.body.and_then(|b| b.catalog_id()))
        .collect();
    bodies.sort();
    bodies.dedup();
    let today = crate::catalog::status::today();
    let before = match result.analysis.target.id {
        Some(_) => result.analysis.target.date,
        None => today,
    };
    catalog
        .uncatalogued_for(&bodies, before, today)
        .into_iter()
        .map(|c| format!("{} ({})", c.id, c.place_year(crate::base::Lang::En)))
        .collect()
}
