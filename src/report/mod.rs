//! Reporters: they present checked files and never parse. Every position they print
//! comes from [`LineIndex`](crate::base::text::LineIndex).

mod excerpt;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::text::{Encoding, LineIndex, Span};
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::engine::analysis::Analysis;
use crate::input::docx::{paragraph_at, DocxText, Paragraph};
use crate::input::Format;

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
    /// For a Word file, its paragraphs, each with its line of `text`: positions are
    /// then given as paragraph numbers. `None` for a text file.
    pub paragraphs: Option<Vec<Paragraph>>,
    /// Remarks for the reader about this file.
    pub notes: Vec<String>,
    /// Conferences of the bodies this file cites that met before its target and of whose
    /// outcome nothing is catalogued ("WTDC-25 (Baku, 2025)"): said once per document.
    pub uncatalogued: Vec<String>,
    /// The same conferences named in the language of the file's messages ("CMDT-25
    /// (Bakou, 2025)"), for the reports people read.
    pub uncatalogued_words: Vec<String>,
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
            paragraphs: None,
            notes: Vec::new(),
            uncatalogued: Vec::new(),
            uncatalogued_words: Vec::new(),
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

    /// A checked Word file: `text` is its paragraphs, one per line.
    pub fn word(path: String, document: DocxText, analysis: Analysis) -> FileResult {
        let mut result = FileResult::new(path, document.text, analysis);
        result.paragraphs = Some(document.paragraphs);
        result
    }

    pub fn format(&self) -> Format {
        match self.paragraphs {
            Some(_) => Format::Word,
            None => Format::Text,
        }
    }

    /// 1-based line (for a Word file, its paragraph number) and 1-based column in
    /// Unicode characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let pos = self.index.position(&self.text, offset, Encoding::Chars);
        let line = self
            .paragraphs
            .as_deref()
            .and_then(|paragraphs| paragraph_at(paragraphs, offset))
            .map_or(pos.line as usize + 1, |p| p.number);
        (line, pos.col as usize + 1)
    }

    pub fn range(&self, span: Span) -> ((usize, usize), (usize, usize)) {
        (self.line_col(span.start), self.line_col(span.end))
    }
}

/// The language of a report on several files: the one their messages share, else
/// English (a summary cannot be in two languages).
pub fn language_of(files: &[FileResult]) -> crate::lang::Lang {
    let mut langs = files.iter().map(|f| f.analysis.messages);
    match langs.next() {
        Some(first) if langs.all(|l| l == first) => first,
        _ => crate::lang::Lang::En,
    }
}

/// The language every file's messages are in, if they share one (`None` for no file or
/// files in several): what JSON and SARIF record as the report's language.
pub fn shared_language(files: &[FileResult]) -> Option<crate::lang::Lang> {
    let first = files.first()?.analysis.messages;
    files
        .iter()
        .all(|f| f.analysis.messages == first)
        .then_some(first)
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
    uncatalogued_outcomes_in(result, catalog, crate::lang::Lang::En)
}

/// [`uncatalogued_outcomes`] named in `lang`: "CMDT-25 (Bakou, 2025)".
pub fn uncatalogued_outcomes_in(
    result: &FileResult,
    catalog: &Catalog,
    lang: crate::lang::Lang,
) -> Vec<String> {
    crate::engine::outcomes::missing(result.analysis.chunks(), &result.analysis.target, catalog)
        .named(catalog, lang)
}
