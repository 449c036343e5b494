//! Conversions of the server's values into LSP types (as rust-analyzer's and texlab's
//! `to_proto`): severities, rule codes with their documentation links, diagnostics,
//! workspace edits, hovers, diagnostic reports and the `proplint/target` notification.
//!
//! Positions are not converted here: [`super::position`] is the one place where byte
//! offsets become LSP positions and back, with the encoding negotiated with the
//! client; the functions here take ranges already placed. Nothing here reads the
//! server's state, so every module of the server may use these conversions and none
//! of them is used back (the publication and the analyzer both take the diagnostic's
//! LSP shape from here).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use tower_lsp::lsp_types::{
    self as lsp, DocumentChanges, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

#[cfg(test)]
use crate::base::diagnostic::Diagnostic;
use crate::base::diagnostic::Severity;
use crate::base::Rule;
use crate::engine::findings::Placed;

/// A severity as LSP numbers it.
pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Each rule's documentation link, parsed once (a 1 MB document can carry hundreds of
/// diagnostics, converted again at every edit).
pub(crate) fn rule_links() -> &'static HashMap<Rule, lsp::CodeDescription> {
    static LINKS: OnceLock<HashMap<Rule, lsp::CodeDescription>> = OnceLock::new();
    LINKS.get_or_init(|| {
        Rule::ALL
            .iter()
            .filter_map(|&rule| {
                let href = Url::parse(&rule.doc_url()).ok()?;
                Some((rule, lsp::CodeDescription { href }))
            })
            .collect()
    })
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
    pub fn new(d: &'a Diagnostic, range: lsp::Range) -> Self {
        Self::of(d.rule, d.severity, &d.message, range)
    }

    pub fn placed(p: Placed<'a>, range: lsp::Range) -> Self {
        Self::of(p.rule(), p.severity, p.message(), range)
    }

    fn of(rule: Rule, severity: Severity, message: &'a str, range: lsp::Range) -> Self {
        DiagnosticView {
            range,
            severity: self::severity(severity),
            code: rule.code(),
            code_description: rule_links().get(&rule),
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
            let view = DiagnosticView::new(&d, range);
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
