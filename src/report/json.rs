//! The JSON report: a stable contract (documented in `docs/json-output.md`).
//! Lines and columns are 1-based; columns count Unicode characters; a range's end is
//! exclusive (the position just after its last character).

use serde::Serialize;

use super::FileResult;
use crate::base::diagnostic::Applicability;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    /// "text" or "word"; for Word files, lines are paragraph numbers.
    kind: &'static str,
    language: &'static str,
    target: Target<'a>,
    diagnostics: Vec<Diag<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixed: Vec<Fixed<'a>>,
    /// Conferences of the bodies cited that met before the target and whose outcome is
    /// not catalogued (issue 13): citations of those bodies cannot be called current.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    uncatalogued_outcomes: &'a [String],
}

#[derive(Serialize)]
struct Target<'a> {
    id: Option<&'a str>,
    source: &'static str,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Diag<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    range: Range,
    fixes: Vec<FixOut<'a>>,
}

#[derive(Serialize)]
struct FixOut<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    range: Range,
    new_text: &'a str,
}

#[derive(Serialize)]
struct Fixed<'a> {
    code: &'static str,
    title: &'a str,
}

fn range(file: &FileResult, span: crate::base::text::Span) -> Range {
    let ((l1, c1), (l2, c2)) = file.range(span);
    Range {
        start: Pos {
            line: l1,
            column: c1,
        },
        end: Pos {
            line: l2,
            column: c2,
        },
    }
}

pub fn render(files: &[FileResult]) -> String {
    let report = Report {
        version: VERSION,
        files: files
            .iter()
            .map(|f| File {
                path: &f.path,
                kind: f.format.kind(),
                language: f.analysis.language.code(),
                target: Target {
                    id: f.analysis.target.id.as_deref(),
                    source: f.analysis.target.source.describe(),
                },
                diagnostics: f
                    .analysis
                    .diagnostics()
                    .iter()
                    .map(|d| Diag {
                        code: d.rule.code(),
                        severity: d.severity.as_str(),
                        message: &d.message,
                        range: range(f, d.span),
                        fixes: d
                            .fixes
                            .iter()
                            .map(|fix| FixOut {
                                title: &fix.title,
                                applicability: match fix.applicability {
                                    Applicability::Safe => "safe",
                                    Applicability::Unsafe => "unsafe",
                                },
                                edits: fix
                                    .edits
                                    .iter()
                                    .map(|e| EditOut {
                                        range: range(f, e.span),
                                        new_text: &e.new_text,
                                    })
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect(),
                fixed: f
                    .fixed
                    .iter()
                    .map(|(rule, title)| Fixed {
                        code: rule.code(),
                        title,
                    })
                    .collect(),
                uncatalogued_outcomes: &f.uncatalogued,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
