//! One defect, one set of fixes: where two rules see one place, their fixes must not
//! contradict. A label typed with a lookalike letter that is also out of sequence
//! (Greek `ο)` after `b)`) would otherwise get "Replace with Latin o" from
//! `label-homoglyph` and "Relabel as c)" from `clause-sequence`, both safe, applied in
//! turn by `--fix` and offered side by side in an editor. The relabelling replaces the
//! lookalike too, so both findings carry it; likewise a glued label (`ad)` after `b)`)
//! whose "restore a → d" would keep the wrong letter. The CLI, the editor's quick fixes
//! and the reports all read these same [`Fix`](crate::base::diagnostic::Fix) values.

use crate::base::diagnostic::Diagnostic;
use crate::base::Rule;

/// Gives a lookalike or glued label that `clause-sequence` relabels the same fix.
pub fn agree(out: &mut [Diagnostic]) {
    let relabels: Vec<_> = out
        .iter()
        .filter(|d| d.rule == Rule::ClauseSequence)
        .filter_map(|d| d.fixes.first().cloned())
        .collect();
    for d in out.iter_mut() {
        let note = match d.rule {
            Rule::LabelHomoglyph => {
                "; the label is also out of sequence, and relabelling it replaces the lookalike"
            }
            // The relabelling restores the mark with the right label (`{~~a~>c~~})`).
            Rule::FlattenedRevision => {
                "; the new label is also out of sequence, and relabelling it restores the mark"
            }
            _ => continue,
        };
        let covering = relabels.iter().find(|fix| {
            fix.edits
                .iter()
                .any(|e| e.span.start <= d.span.start && d.span.end <= e.span.end)
        });
        if let Some(fix) = covering {
            if d.fixes.first() != Some(fix) {
                d.message.push_str(note);
                d.fixes = vec![fix.clone()];
            }
        }
    }
}
