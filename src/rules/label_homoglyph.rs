//! `label-homoglyph`: a clause label typed with a lookalike letter from another script
//! (Cyrillic `с`, Greek `ο` ...). It reads right and sorts wrong, and search, numbering
//! and cross-references all miss it.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::Rule;
use crate::lang::messages::{FixTitle, Message, Script};
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
            let message = Message::LabelHomoglyph {
                label: &label.text,
                script: script_of(h.found),
                found: h.found,
                latin: h.latin,
            }
            .render(ctx.messages);
            out.push(
                Diagnostic::new(Rule::LabelHomoglyph, h.span, message).with_fix(Fix::safe(
                    FixTitle::ReplaceWithLatin { latin: h.latin }.render(ctx.messages),
                    vec![Edit::replace(h.span, h.latin.to_string())],
                )),
            );
        }
    }
}

fn script_of(c: char) -> Script {
    match c as u32 {
        0x0370..=0x03FF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0xFF00..=0xFFEF => Script::Fullwidth,
        _ => Script::Other,
    }
}
