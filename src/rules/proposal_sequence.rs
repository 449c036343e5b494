//! `proposal-sequence`: within a document, proposal references share one prefix
//! (`ECP/24A6/`) and their numbers run 1, 2, 3 without gaps or repeats.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::Rule;
use crate::document::ProposalRef;

/// `refs`: every proposal reference in document order, each with the offset of the chunk
/// it was parsed in (its span is relative to that chunk).
pub fn check(refs: &[(usize, &ProposalRef)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(&(_, first)) = refs.first() else {
        return out;
    };
    // First the breaks, then each break's fix: it renumbers up to the next break,
    // which gets a fix of its own, so the work stays linear in the number of proposals.
    let mut breaks: Vec<(usize, String)> = Vec::new();
    let mut previous: &ProposalRef = first;
    for (i, &(_, r)) in refs.iter().enumerate().skip(1) {
        let expected = previous.seq + 1;
        let message = if r.prefix != first.prefix {
            Some(format!(
                "proposal {} changes the prefix of this document's proposals from {}/ to {}/",
                r.text, first.prefix, r.prefix
            ))
        } else if r.seq == previous.seq {
            Some(format!(
                "proposal {} repeats the number of the proposal before it; expected {}/{expected}",
                r.text, first.prefix
            ))
        } else if r.seq != expected {
            Some(format!(
                "proposal numbers {} from {} to {}; expected {}/{expected}",
                if r.seq > expected { "skip" } else { "go back" },
                previous.text,
                r.text,
                first.prefix
            ))
        } else {
            None
        };
        if let Some(message) = message {
            breaks.push((i, message));
        }
        previous = r;
    }
    for (k, (i, message)) in breaks.iter().enumerate() {
        let i = *i;
        let end = breaks.get(k + 1).map_or(refs.len(), |(next, _)| *next);
        let expected = refs[i - 1].1.seq + 1;
        let edits: Vec<Edit> = (expected..)
            .zip(&refs[i..end])
            .filter_map(|(seq, &(offset, r))| {
                let want = format!("{}/{seq}", first.prefix);
                (r.text != want).then(|| Edit::replace(r.span.shifted(offset), want))
            })
            .collect();
        let (offset, r) = refs[i];
        let mut d = Diagnostic::new(
            Rule::ProposalSequence,
            r.span.shifted(offset),
            message.clone(),
        );
        if !edits.is_empty() {
            d = d.with_fix(Fix::unsafe_(
                format!("Renumber from {}/{expected}", first.prefix),
                edits,
            ));
        }
        out.push(d);
    }
    out
}
