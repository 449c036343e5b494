//! `proposal-sequence`: within a document, proposal references share one prefix
//! (`ECP/24A6/`) and their numbers run 1, 2, 3 without gaps or repeats.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::Rule;
use crate::document::ProposalRef;
use crate::lang::messages::{FixTitle, Message};
use crate::lang::Lang;

/// `refs`: every proposal reference in document order, each with the offset of the chunk
/// it was parsed in (its span is relative to that chunk).
pub fn check(refs: &[(usize, &ProposalRef)], lang: Lang) -> Vec<Diagnostic> {
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
        let wanted = format!("{}/{expected}", first.prefix);
        let message = if r.prefix != first.prefix {
            Some(Message::ProposalPrefixChanged {
                proposal: &r.text,
                prefix: &first.prefix,
                other: &r.prefix,
            })
        } else if r.seq == previous.seq {
            Some(Message::ProposalRepeated {
                proposal: &r.text,
                expected: &wanted,
            })
        } else if r.seq != expected {
            Some(Message::ProposalNumbersJump {
                forward: r.seq > expected,
                previous: &previous.text,
                proposal: &r.text,
                expected: &wanted,
            })
        } else {
            None
        }
        .map(|m| m.render(lang));
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
            let first = format!("{}/{expected}", first.prefix);
            d = d.with_fix(Fix::unsafe_(
                FixTitle::RenumberFrom { first: &first }.render(lang),
                edits,
            ));
        }
        out.push(d);
    }
    out
}
