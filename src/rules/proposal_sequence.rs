//! `proposal-sequence`: within a document, proposal references share one prefix
//! (`ECP/24A6/`) and their numbers run 1, 2, 3 without gaps or repeats.

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::ProposalRef;
use crate::rules::Rule;

pub fn check(refs: &[ProposalRef]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(first) = refs.first() else {
        return out;
    };
    let mut previous: &ProposalRef = first;
    for (i, r) in refs.iter().enumerate().skip(1) {
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
            // Renumber up to the next reference that already follows on: later
            // breaks get fixes of their own, so a long document stays linear.
            let mut edits = Vec::new();
            for (seq, later) in (expected..).zip(&refs[i..]) {
                let want = format!("{}/{seq}", first.prefix);
                if later.text == want {
                    break;
                }
                edits.push(Edit::replace(later.span, want));
            }
            let mut d = Diagnostic::new(Rule::ProposalSequence, r.span, message);
            if !edits.is_empty() {
                d = d.with_fix(Fix::unsafe_(
                    format!("Renumber from {}/{expected}", first.prefix),
                    edits,
                ));
            }
            out.push(d);
        }
        previous = r;
    }
    out
}
