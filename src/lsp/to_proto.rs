//! Conversions of the server's values into LSP types (as rust-analyzer's and texlab's
//! `to_proto`): severities, rule codes with their documentation links, diagnostics,
//! workspace edits, hovers, diagnostic reports and the `proplint/target` notification.
//! What the server offers at `initialize` is in [`super::capabilities`].
//!
//! Positions are not converted here: [`super::position`] is the one place where byte
//! offsets become LSP positions and back, with the encoding negotiated with the
//! client; the functions here take ranges already placed. Nothing here reads the
//! server's state, and the only module of the server used here is [`super::protocol`]
//! (types, no code): every other module may use these conversions without a circle
//! (the publication and the analyzer both take the diagnostic's LSP shape from here).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use tower_lsp::lsp_types::{
    self as lsp, DocumentChanges, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, Hover, HoverContents, MarkupContent, MarkupKind, NumberOrString,
    OneOf, OptionalVersionedTextDocumentIdentifier, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, TextDocumentEdit, TextEdit,
    UnchangedDocumentDiagnosticReport, Url, WorkspaceEdit,
};

use super::protocol::{TargetParams, NOT_A_PROPOSAL};

#[cfg(test)]
use crate::base::diagnostic::Diagnostic;
use crate::base::diagnostic::Severity;
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::engine::analysis::Analysis;
use crate::engine::findings::Placed;
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

/// A severity as LSP numbers it.
pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Each rule's documentation link in each language, parsed once (a 1 MB document can
/// carry hundreds of diagnostics, converted again at every edit).
pub(crate) fn rule_link(rule: Rule, lang: Lang) -> Option<&'static lsp::CodeDescription> {
    static LINKS: OnceLock<HashMap<(Rule, Lang), lsp::CodeDescription>> = OnceLock::new();
    LINKS
        .get_or_init(|| {
            Rule::ALL
                .iter()
                .flat_map(|&rule| Lang::ALL.iter().map(move |&lang| (rule, lang)))
                .filter_map(|(rule, lang)| {
                    let href = Url::parse(&rule.doc_url_in(lang)).ok()?;
                    Some(((rule, lang), lsp::CodeDescription { href }))
                })
                .collect()
        })
        .get(&(rule, lang))
}

/// A core diagnostic as the client sees it: rule code linked to its documentation,
/// `source: "proplint"`. Serialises as `lsp::Diagnostic` does (a test checks it).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticView<'a> {
    range: lsp::Range,
    severity: lsp::DiagnosticSeverity,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_description: Option<&'static lsp::CodeDescription>,
    source: &'static str,
    message: &'a str,
}

impl<'a> DiagnosticView<'a> {
    /// From an ordinary diagnostic (the server itself places them, see [`Self::placed`]);
    /// the tests compare both with the standard types.
    #[cfg(test)]
    pub fn new(d: &'a Diagnostic, range: lsp::Range, lang: Lang) -> Self {
        Self::of(d.rule, d.severity, &d.message, range, lang)
    }

    /// A placed finding, its rule linked to its page in `lang`, the messages' language.
    pub fn placed(p: Placed<'a>, range: lsp::Range, lang: Lang) -> Self {
        Self::of(p.rule(), p.severity, p.message(), range, lang)
    }

    fn of(rule: Rule, severity: Severity, message: &'a str, range: lsp::Range, lang: Lang) -> Self {
        DiagnosticView {
            range,
            severity: self::severity(severity),
            code: rule.code(),
            code_description: rule_link(rule, lang),
            source: "proplint",
            message,
        }
    }

    pub fn to_lsp(&self) -> lsp::Diagnostic {
        lsp::Diagnostic {
            range: self.range,
            severity: Some(self.severity),
            code: Some(NumberOrString::String(self.code.to_string())),
            code_description: self.code_description.cloned(),
            source: Some(self.source.to_string()),
            message: self.message.to_string(),
            related_information: None,
            tags: None,
            data: None,
        }
    }
}

/// The edits of one fix (or of fix-all) to a document, in the form the client takes:
/// with the document's version when it takes `documentChanges`, else as plain changes.
pub fn workspace_edit(
    uri: &Url,
    version: i32,
    text_edits: Vec<TextEdit>,
    document_changes: bool,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(version),
                },
                edits: text_edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), text_edits)])),
            ..Default::default()
        }
    }
}

/// A hover showing `markdown` over `range`.
pub fn hover(markdown: String, range: lsp::Range) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(range),
    }
}

/// The answer to `textDocument/diagnostic` when tower-lsp answers it (the service answers
/// the open documents' pulls itself, see [`super::service`](mod@super::service)): the
/// `current` version's result id (its generation) and diagnostics, or an empty report
/// when there is no analysis to give; unchanged when the client already has that result.
pub fn diagnostic_report(
    current: Option<(u64, &[lsp::Diagnostic])>,
    previous_result_id: Option<&str>,
) -> DocumentDiagnosticReportResult {
    let report = match current {
        None => DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default()),
        Some((generation, diagnostics)) => {
            let result_id = format!("{}", generation);
            if previous_result_id == Some(result_id.as_str()) {
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                })
            } else {
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: Some(result_id),
                        items: diagnostics.to_vec(),
                    },
                })
            }
        }
    };
    DocumentDiagnosticReportResult::Report(report)
}

/// The `proplint/target` notification of a version of `uri`: the target its analysis
/// found, or "not a proposal" when it has none (said in `words`), and the sentence of
/// the outcomes the catalogue lacks for it.
pub fn target_params(
    uri: &Url,
    analysis: Option<&Analysis>,
    catalog: &Catalog,
    words: Lang,
) -> TargetParams {
    let label = |lang: Lang, id: Option<&str>, source: &str| {
        let args = Args::new()
            .s("id", id.unwrap_or("none"))
            .s("source", source);
        tr(lang, "target-label", &args)
    };
    match analysis {
        Some(a) => {
            let key = a.target.source.describe().replace(' ', "-");
            let key = match key.as_str() {
                "document-header" => "header",
                "catalogue-state" => "catalogue",
                other => other,
            };
            TargetParams {
                uri: uri.clone(),
                target: a.target.id.clone(),
                source: a.target.source.describe().to_string(),
                label: label(a.messages, a.target.id.as_deref(), key),
                uncatalogued: uncatalogued_sentence(a, catalog),
            }
        }
        None => TargetParams {
            uri: uri.clone(),
            target: None,
            source: NOT_A_PROPOSAL.to_string(),
            label: label(words, None, "not-a-proposal"),
            uncatalogued: None,
        },
    }
}

/// The once-per-document sentence of the missing outcomes, if any are.
fn uncatalogued_sentence(analysis: &Analysis, catalog: &Catalog) -> Option<String> {
    let missing = crate::engine::outcomes::missing(analysis.chunks(), &analysis.target, catalog);
    if missing.is_empty() {
        return None;
    }
    let named = missing.named(catalog, analysis.messages);
    Some(
        crate::lang::messages::Message::UncataloguedOutcomes {
            conferences: &named,
        }
        .render(analysis.messages),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::Span;

    /// What a publication sends is what the standard type would send.
    #[test]
    fn a_view_serialises_as_the_lsp_diagnostic() {
        for rule in Rule::ALL {
            let d = Diagnostic::new(*rule, Span::new(0, 1), "message «é»\n\"quoted\"");
            let range = lsp::Range::new(lsp::Position::new(1, 2), lsp::Position::new(3, 4));
            let view = DiagnosticView::new(&d, range, Lang::Fr);
            assert_eq!(
                serde_json::to_value(&view).unwrap(),
                serde_json::to_value(view.to_lsp()).unwrap()
            );
            assert!(
                view.code_description.is_some(),
                "{rule:?} has no documentation link"
            );
        }
    }
}
