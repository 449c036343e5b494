//! One defect, one set of fixes: where two rules see one place, their fixes must not
//! contradict. A label typed with a lookalike letter that is also out of sequence
//! (Greek `ο)` after `b)`) would otherwise get "Replace with Latin o" from
//! `label-homoglyph` and "Relabel as c)" from `clause-sequence`, both safe, applied in
//! turn by `--fix` and offered side by side in an editor. The relabelling replaces the
//! lookalike too, so both findings carry it; likewise a glued label (`ad)` after `b)`)
//! whose "restore a → d" would keep the wrong letter. The CLI, the editor's quick fixes
//! and the reports all read these same [`Fix`](crate::base::diagnostic::Fix) values.

use crate::base::diagnostic::{Diagnostic, Fix};
use crate::base::Rule;
use crate::lang::messages::Message;
use crate::lang::Lang;

/// Gives a lookalike or glued label that `clause-sequence` relabels the same fix, and
/// says so in `messages`.
pub fn agree(out: &mut [Diagnostic], messages: Lang) {
    let relabels: Vec<Fix> = out
        .iter()
        .filter(|d| d.rule == Rule::ClauseSequence)
        .filter_map(|d| d.fixes.first().cloned())
        .collect();
    let covering = Covering::new(&relabels);
    for d in out.iter_mut() {
        let lookalike = match d.rule {
            Rule::LabelHomoglyph => true,
            // The relabelling restores the mark with the right label (`{~~a~>c~~})`).
            Rule::FlattenedRevision => false,
            _ => continue,
        };
        if let Some(fix) = covering.first(d.span) {
            if d.fixes.first() != Some(fix) {
                d.message
                    .push_str(&Message::RelabellingCovers { lookalike }.render(messages));
                d.fixes = vec![fix.clone()];
            }
        }
    }
}

/// The relabelling fixes' edits by position. A flooded list has thousands of findings and
/// its fixes thousands of edits: comparing each finding with every edit cost the square.
struct Covering<'f> {
    fixes: &'f [Fix],
    /// (start, end, fix) of every edit, by start.
    edits: Vec<(usize, usize, usize)>,
    longest: usize,
}

impl<'f> Covering<'f> {
    fn new(fixes: &'f [Fix]) -> Covering<'f> {
        let mut edits: Vec<(usize, usize, usize)> = fixes
            .iter()
            .enumerate()
            .flat_map(|(i, fix)| fix.edits.iter().map(move |e| (e.span.start, e.span.end, i)))
            .collect();
        edits.sort_unstable();
        let longest = edits.iter().map(|(s, e, _)| e - s).max().unwrap_or(0);
        Covering {
            fixes,
            edits,
            longest,
        }
    }

    /// The first fix (in the findings' order) with an edit that covers `span`. Such an
    /// edit starts no earlier than `longest` bytes before the span's end.
    fn first(&self, span: crate::base::text::Span) -> Option<&'f Fix> {
        let from = self
            .edits
            .partition_point(|(s, _, _)| *s < span.end.saturating_sub(self.longest));
        self.edits[from..]
            .iter()
            .take_while(|(s, _, _)| *s <= span.start)
            .filter(|(_, e, _)| span.end <= *e)
            .map(|(_, _, i)| *i)
            .min()
            .and_then(|i| self.fixes.get(i))
    }
}
