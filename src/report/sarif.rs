//! The SARIF 2.1.0 report (`--format sarif`), for code-scanning services such as GitHub's
//! and for SARIF viewers. One run; the tool's driver lists every rule with its
//! documentation; each finding is a result with its location and, for safe fixes, the
//! fix as SARIF replacements.
//!
//! Columns: the run says `"columnKind": "unicodeCodePoints"`, and every line and column
//! comes from [`FileResult::line_col`] — 1-based, counted in Unicode characters (code
//! points), like the JSON output. A region's `endColumn` is exclusive, as SARIF defines it.
//!
//! Paths: a relative path (as given on the command line or found by the walk) becomes a
//! relative URI with `"uriBaseId": "%SRCROOT%"`, and the run maps `%SRCROOT%` to the
//! current folder; an absolute path becomes a `file://` URI. Checked against the official
//! schema by `tests/report_formats.rs`.

use std::path::Path;

use serde::Serialize;

use super::FileResult;
use crate::base::diagnostic::{Applicability, Severity};
use crate::base::text::Span;
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::lang::messages::PageSection;
use crate::lang::Lang;

pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/proplint/proplint";
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: Vec<Invocation<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<serde_json::Value>,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
    /// The language of the messages and rule descriptions (SARIF's `run.language`);
    /// absent when the files' messages are in several languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
    properties: RunProperties,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help_uri: String,
    help: Text,
    default_configuration: Configuration,
}

/// A SARIF `multiformatMessageString`: plain text, and Markdown when there is any.
#[derive(Serialize)]
struct Text {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Message<'a>,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactLocation,
    roles: [&'static str; 1],
    properties: ArtifactProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactProperties {
    language: &'static str,
    target: TargetOut,
    #[serde(rename = "uncataloguedOutcomes", skip_serializing_if = "Vec::is_empty")]
    uncatalogued_outcomes: Vec<String>,
}

#[derive(Serialize, Clone, PartialEq, Eq)]
struct TargetOut {
    /// The conference id, or `null` for the catalogue's newest state.
    id: Option<String>,
    source: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunProperties {
    /// The target conference when every file has the same one (each artifact has its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<TargetOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    catalog_as_of: Option<String>,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<FixOut<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FixOut<'a> {
    description: Message<'a>,
    artifact_changes: Vec<ArtifactChange<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    /// Absent for a pure deletion, as SARIF says.
    #[serde(skip_serializing_if = "Option::is_none")]
    inserted_content: Option<Content<'a>>,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

/// SARIF's name for a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(file: &FileResult, span: Span) -> Region {
    let ((start_line, start_column), (end_line, end_column)) = file.range(span);
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
    }
}

fn rule_index(rule: Rule) -> usize {
    Rule::ALL.iter().position(|r| *r == rule).unwrap_or(0)
}

/// "stale-revision" → "StaleRevision": SARIF's readable rule name.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

/// A rule as SARIF describes it, in `lang`; its id and name stay the same in every
/// language.
fn descriptor(rule: Rule, lang: Lang) -> RuleDescriptor {
    let doc = rule.doc_in(lang);
    let summary = rule.summary_in(lang);
    let what = super::html::doc_section(doc, &PageSection::WhatItChecks.heading(lang))
        .unwrap_or_else(|| summary.clone());
    RuleDescriptor {
        id: rule.code(),
        name: pascal_case(rule.code()),
        short_description: Text {
            text: summary,
            markdown: None,
        },
        full_description: Text {
            text: what.replace('`', "").replace("**", ""),
            markdown: Some(what),
        },
        help_uri: rule.doc_url_in(lang),
        help: Text {
            text: doc.to_string(),
            markdown: Some(doc.to_string()),
        },
        default_configuration: Configuration {
            level: level(rule.default_severity()),
        },
    }
}

/// Bytes a URI path keeps as they are: RFC 3986 unreserved characters and `/`.
fn keeps(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if keeps(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn slashed(path: &str) -> String {
    if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    }
}

/// A file URI for an absolute path (`file:///C:/x` on Windows).
fn file_uri(path: &Path) -> String {
    let p = slashed(&path.to_string_lossy());
    let p = percent_encode(&p).replacen("%3A", ":", usize::from(cfg!(windows)));
    if p.starts_with('/') {
        format!("file://{p}")
    } else {
        format!("file:///{p}")
    }
}

/// The artifact location of a checked file's path.
fn artifact_location(path: &str) -> ArtifactLocation {
    if Path::new(path).is_absolute() {
        return ArtifactLocation {
            uri: file_uri(Path::new(path)),
            uri_base_id: None,
            index: None,
        };
    }
    let mut rel = slashed(path);
    while let Some(rest) = rel.strip_prefix("./") {
        rel = rest.to_string();
    }
    ArtifactLocation {
        uri: percent_encode(&rel),
        uri_base_id: Some(SRCROOT),
        index: None,
    }
}

/// The SARIF log of one `proplint check`: `files` as checked, the catalogue they were
/// checked against, and the errors of files that could not be read (reported as tool
/// notifications; the invocation is then not successful).
pub fn render(files: &[FileResult], catalog: &Catalog, errors: &[String]) -> String {
    let language = super::shared_language(files);
    let words = language.unwrap_or(Lang::En);
    let rules: Vec<RuleDescriptor> = Rule::ALL.iter().map(|r| descriptor(*r, words)).collect();
    let mut artifacts = Vec::with_capacity(files.len());
    let mut results = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let mut location = artifact_location(&file.path);
        let target = TargetOut {
            id: file.analysis.target.id.clone(),
            source: file.analysis.target.source.describe(),
        };
        artifacts.push(Artifact {
            location: location.clone(),
            roles: ["analysisTarget"],
            properties: ArtifactProperties {
                language: file.analysis.language.code(),
                target,
                uncatalogued_outcomes: file.uncatalogued.clone(),
            },
        });
        location.index = Some(index);
        for d in file.diagnostics() {
            let fixes = d
                .fixes
                .iter()
                .filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
                .map(|f| FixOut {
                    description: Message { text: &f.title },
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: location.clone(),
                        replacements: f
                            .edits
                            .iter()
                            .map(|e| Replacement {
                                deleted_region: region(file, e.span),
                                inserted_content: (!e.new_text.is_empty())
                                    .then_some(Content { text: &e.new_text }),
                            })
                            .collect(),
                    }],
                })
                .collect();
            results.push(SarifResult {
                rule_id: d.rule.code(),
                rule_index: rule_index(d.rule),
                level: level(d.severity),
                message: Message { text: &d.message },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: location.clone(),
                        region: region(file, d.span),
                    },
                }],
                fixes,
            });
        }
    }
    let first_target = artifacts.first().map(|a| a.properties.target.clone());
    let common_target =
        first_target.filter(|t| artifacts.iter().all(|a| &a.properties.target == t));
    let uses_srcroot = artifacts.iter().any(|a| a.location.uri_base_id.is_some());
    let original_uri_base_ids = if uses_srcroot {
        std::env::current_dir().ok().map(|dir| {
            let mut uri = file_uri(&dir);
            if !uri.ends_with('/') {
                uri.push('/');
            }
            serde_json::json!({ SRCROOT: { "uri": uri } })
        })
    } else {
        None
    };
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "proplint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: errors.is_empty(),
                tool_execution_notifications: errors
                    .iter()
                    .map(|e| Notification {
                        level: "error",
                        message: Message { text: e },
                    })
                    .collect(),
            }],
            original_uri_base_ids,
            artifacts,
            results,
            column_kind: "unicodeCodePoints",
            language: language.map(Lang::code),
            properties: RunProperties {
                target: common_target,
                catalog_as_of: catalog.as_of.map(|d| d.to_string()),
            },
        }],
    };
    serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_encoded_under_srcroot() {
        let loc = artifact_location("./propuestas/año 2025/doc#1.txt");
        assert_eq!(loc.uri, "propuestas/a%C3%B1o%202025/doc%231.txt");
        assert_eq!(loc.uri_base_id, Some(SRCROOT));
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_are_file_uris() {
        let loc = artifact_location("/srv/docs/ecp 1.txt");
        assert_eq!(loc.uri, "file:///srv/docs/ecp%201.txt");
        assert_eq!(loc.uri_base_id, None);
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("stale-revision"), "StaleRevision");
        assert_eq!(pascal_case("label-homoglyph"), "LabelHomoglyph");
    }

    #[test]
    fn levels_follow_severities() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
    }
}
