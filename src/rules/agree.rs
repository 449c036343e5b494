//! One defect, one set of fixes: where two rules see one place, their fixes must not
//! contradict. A label typed with a lookalike letter that is also out of sequence
//! (Greek `ο)` after `b)`) would otherwise get "Replace with Latin o" from
//! `label-homoglyph` and "Relabel as c)" from `clause-sequence`, both safe, applied in
//! turn by `--fix` and offered side by side in an editor. The relabelling replaces the
//! lookalike too, so both findings carry it. The CLI, the editor's quick fixes and the
//! reports all read these same [`Fix`](crate::base::diagnostic::Fix) values.

use crate::base::diagnostic::Diagnostic;
use crate::base::Rule;

/// Gives a lookalike label that `clause-sequence` relabels the same fix.
pub fn agree(out: &mut [Diagnostic]) {
    let relabels: Vec<_> = out
        .iter()
        .filter(|d| d.rule == Rule::ClauseSequence)
        .filter_map(|d| d.fixes.first().cloned())
        .collect();
    for d in out.iter_mut().filter(|d| d.rule == Rule::LabelHomoglyph) {
        let covering = relabels.iter().find(|fix| {
            fix.edits
                .iter()
                .any(|e| e.span.start <= d.span.start && d.span.end <= e.span.end)
        });
        if let Some(fix) = covering {
            d.message.push_str(
                "; the label is also out of sequence, and relabelling it replaces the lookalike",
            );
            d.fixes = vec![fix.clone()];
        }
    }
}
