//! Code actions: each diagnostic's fixes as quick fixes, and `source.fixAll.proplint`.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

use super::analyzer::Snapshot;
use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// The kind of the fix-all action, which editors run on save with
/// `"editor.codeActionsOnSave": {"source.fixAll.proplint": "explicit"}`.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.proplint")
}

/// The edits of every safe fix of `diagnostics`, in the order of the diagnostics, each
/// fix taken whole or not at all, skipping a fix that overlaps one already taken (or
/// inserts at the same place). Sorted by position; applying them in one go gives the
/// same text every time.
///
/// When the core's `fix::fix_all` lands, this becomes a call to it.
pub fn fix_all_edits(diagnostics: &[Diagnostic]) -> Vec<Edit> {
    let mut taken: Vec<Edit> = Vec::new();
    for fix in diagnostics
        .iter()
        .flat_map(|d| d.fixes.iter())
        .filter(|f| f.applicability == Applicability::Safe)
    {
        let clashes = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.span.overlaps(t.span)
                    || e.span.start == t.span.start
                    || (e.span.is_empty() && t.span.contains(e.span.start))
                    || (t.span.is_empty() && e.span.contains(t.span.start))
            })
        });
        if !clashes {
            taken.extend(fix.edits.iter().cloned());
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    taken
}

/// What the client can take in a workspace edit.
#[derive(Debug, Clone, Copy, Default)]
pub struct EditSupport {
    /// `workspace.workspaceEdit.documentChanges`: edits carry the document version.
    pub document_changes: bool,
}

fn workspace_edit(snapshot: &Snapshot, edits: &[Edit], support: EditSupport) -> WorkspaceEdit {
    let text_edits: Vec<TextEdit> = edits
        .iter()
        .map(|e| TextEdit {
            range: snapshot.range(e.span),
            new_text: e.new_text.clone(),
        })
        .collect();
    if support.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: snapshot.uri.clone(),
                    version: Some(snapshot.version),
                },
                edits: text_edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(snapshot.uri.clone(), text_edits)])),
            ..Default::default()
        }
    }
}

/// Whether an action of `kind` is wanted by a request that asked `only` these kinds
/// (kinds are hierarchical: asking `source` gets `source.fixAll.proplint`).
fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    match only {
        None => true,
        Some(only) => only.iter().any(|o| {
            let o = o.as_str();
            kind.as_str() == o
                || kind
                    .as_str()
                    .strip_prefix(o)
                    .is_some_and(|rest| rest.starts_with('.'))
        }),
    }
}

/// The code actions for `range` of a snapshot.
pub fn code_actions(
    snapshot: &Snapshot,
    range: lsp::Range,
    only: Option<&[CodeActionKind]>,
    support: EditSupport,
) -> Vec<CodeActionOrCommand> {
    let Some(analysis) = &snapshot.analysis else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    let wanted_span = snapshot.span(range);
    if wanted(only, &CodeActionKind::QUICKFIX) {
        for (diagnostic, lsp_diagnostic) in snapshot.diagnostic_pairs() {
            let d = diagnostic.span;
            let touches = d.overlaps(wanted_span)
                || d.contains(wanted_span.start)
                || wanted_span.contains(d.start)
                || d.start == wanted_span.start
                || d.end == wanted_span.start;
            if !touches {
                continue;
            }
            for fix in &diagnostic.fixes {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diagnostic.clone()]),
                    edit: Some(workspace_edit(snapshot, &fix.edits, support)),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..Default::default()
                }));
            }
        }
    }
    // Offered wherever the document has a safe fix, so that "Fix all" shows in the
    // source-action menu and runs on save.
    let kind = fix_all_kind();
    if wanted(only, &kind) {
        let edits = fix_all_edits(&analysis.diagnostics);
        if !edits.is_empty() {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Fix all proplint problems that have a safe fix".to_string(),
                kind: Some(kind),
                edit: Some(workspace_edit(snapshot, &edits, support)),
                ..Default::default()
            }));
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Edit, Fix};
    use crate::rules::Rule;
    use crate::text::Span;

    fn diag(start: usize, fixes: Vec<Fix>) -> Diagnostic {
        let mut d = Diagnostic::new(Rule::StaleRevision, Span::new(start, start + 1), "x");
        d.fixes = fixes;
        d
    }

    #[test]
    fn fix_all_takes_safe_fixes_whole_and_skips_clashes() {
        let diagnostics = vec![
            diag(
                10,
                vec![Fix::safe("a", vec![Edit::replace(Span::new(10, 14), "A")])],
            ),
            // Overlaps the first: skipped whole, although its second edit is free.
            diag(
                12,
                vec![Fix::safe(
                    "b",
                    vec![
                        Edit::replace(Span::new(12, 13), "B"),
                        Edit::replace(Span::new(30, 31), "B"),
                    ],
                )],
            ),
            // Unsafe: never in fix-all.
            diag(
                40,
                vec![Fix::unsafe_(
                    "c",
                    vec![Edit::replace(Span::new(40, 41), "C")],
                )],
            ),
            // Two inserts at one place would depend on order: the second is skipped.
            diag(50, vec![Fix::safe("d", vec![Edit::insert(50, "D")])]),
            diag(50, vec![Fix::safe("e", vec![Edit::insert(50, "E")])]),
            diag(
                2,
                vec![Fix::safe("f", vec![Edit::replace(Span::new(2, 3), "F")])],
            ),
        ];
        let edits = fix_all_edits(&diagnostics);
        let got: Vec<(usize, &str)> = edits
            .iter()
            .map(|e| (e.span.start, e.new_text.as_str()))
            .collect();
        assert_eq!(got, vec![(2, "F"), (10, "A"), (50, "D")]);
    }

    #[test]
    fn kinds_are_hierarchical() {
        let source = [CodeActionKind::SOURCE];
        assert!(wanted(Some(&source), &fix_all_kind()));
        assert!(!wanted(Some(&source), &CodeActionKind::QUICKFIX));
        let fix_all = [CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&fix_all), &fix_all_kind()));
        let other = [CodeActionKind::new("source.fix")];
        assert!(!wanted(Some(&other), &fix_all_kind()));
        assert!(wanted(None, &CodeActionKind::QUICKFIX));
    }
}
