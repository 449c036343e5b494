//! `label-homoglyph`: a clause label typed with a lookalike letter from another script
//! (Cyrillic `с`, Greek `ο` ...). It reads right and sorts wrong, and search, numbering
//! and cross-references all miss it.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::Rule;
use crate::rules::Context;

pub fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let labels = ctx
        .document
        .units
        .iter()
        .flat_map(|u| &u.sections)
        .flat_map(|s| &s.clauses)
        .filter_map(|c| c.label.as_ref());
    for label in labels {
        for h in label.homoglyphs() {
            let message = format!(
                "label {}) is typed with {} {} (U+{:04X}), a lookalike of the Latin letter {}",
                label.text,
                script_of(h.found),
                h.found,
                h.found as u32,
                h.latin
            );
            out.push(
                Diagnostic::new(Rule::LabelHomoglyph, h.span, message).with_fix(Fix::safe(
                    format!("Replace with Latin {}", h.latin),
                    vec![Edit::replace(h.span, h.latin.to_string())],
                )),
            );
        }
    }
}

fn script_of(c: char) -> &'static str {
    match c as u32 {
        0x0370..=0x03FF => "the Greek letter",
        0x0400..=0x052F => "the Cyrillic letter",
        0xFF00..=0xFFEF => "the fullwidth letter",
        _ => "the letter",
    }
}
