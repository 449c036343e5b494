//! Code actions: each diagnostic's fixes as quick fixes, and `source.fixAll.proplint`.

use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit,
};

use super::analyzer::Snapshot;
use super::to_proto;
use crate::base::diagnostic::{Applicability, Diagnostic, Edit};

/// The kind of the fix-all action, which editors run on save with
/// `"editor.codeActionsOnSave": {"source.fixAll.proplint": "explicit"}`.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.proplint")
}

/// The edits of `source.fixAll.proplint`: every safe fix that does not clash with
/// another, as `proplint check --fix` chooses them (the core's [`crate::engine::fix`]).
pub fn fix_all_edits(diagnostics: &[Diagnostic]) -> Vec<Edit> {
    crate::engine::fix::fix_all_edits(diagnostics, false)
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
    to_proto::workspace_edit(
        &snapshot.uri,
        snapshot.version,
        text_edits,
        support.document_changes,
    )
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
        // One defect, one fix: two rules that see one place carry the same fix (see
        // `rules::agree`); the editor offers it once, for both diagnostics.
        let mut offered: Vec<(&crate::base::diagnostic::Fix, CodeAction)> = Vec::new();
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
                if let Some((_, action)) = offered.iter_mut().find(|(f, _)| *f == fix) {
                    action
                        .diagnostics
                        .get_or_insert_with(Vec::new)
                        .push(lsp_diagnostic.clone());
                    continue;
                }
                offered.push((
                    fix,
                    CodeAction {
                        title: fix.title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![lsp_diagnostic.clone()]),
                        edit: Some(workspace_edit(snapshot, &fix.edits, support)),
                        is_preferred: Some(fix.applicability == Applicability::Safe),
                        ..Default::default()
                    },
                ));
            }
        }
        actions.extend(
            offered
                .into_iter()
                .map(|(_, action)| CodeActionOrCommand::CodeAction(action)),
        );
    }
    // Offered wherever the document has a safe fix, so that "Fix all" shows in the
    // source-action menu and runs on save.
    let kind = fix_all_kind();
    if wanted(only, &kind) {
        let edits = fix_all_edits(analysis.diagnostics());
        if !edits.is_empty() {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: crate::lang::l10n::tr0(analysis.messages, "action-fix-all"),
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
