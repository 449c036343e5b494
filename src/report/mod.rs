//! Reporters: they present checked files and never parse. Every position they print
//! comes from [`LineIndex`](crate::text::LineIndex).

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rule;
use crate::text::{Encoding, LineIndex, Span};

/// Most findings reported per file (the exit code still counts them all).
pub const MAX_REPORTED_FINDINGS: usize = 10_000;

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
    /// A Word file: `text` has one line per paragraph, so line n is paragraph n.
    pub word: bool,
    /// Remarks for the reader about this file.
    pub notes: Vec<String>,
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
            word: false,
            notes: Vec::new(),
        }
    }

    /// The findings reports show: the first [`MAX_REPORTED_FINDINGS`]. A file that
    /// makes more (a flooded Word file) would otherwise make a report of gigabytes.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        let all = self.analysis.diagnostics();
        &all[..all.len().min(MAX_REPORTED_FINDINGS)]
    }

    /// How many findings reports leave out (see [`FileResult::diagnostics`]).
    pub fn unreported(&self) -> usize {
        self.analysis
            .diagnostics()
            .len()
            .saturating_sub(MAX_REPORTED_FINDINGS)
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
        for d in results.iter().flat_map(FileResult::diagnostics) {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
            if d.fixes
                .iter()
                .any(|f| f.applicability == crate::Applicability::Safe)
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
