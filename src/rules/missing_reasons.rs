//! `missing-reasons`: every MOD, ADD or SUP proposal ends with its Reasons (Motifs,
//! Motivos). The secretariat returns proposals without them.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};

use crate::base::Rule;
use crate::document::ActionKind;
use crate::lang::lexicon::reasons_line_word;
use crate::lang::messages::{FixTitle, Message};
use crate::rules::Context;

pub fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for unit in &ctx.document.units {
        let Some(action) = &unit.action else {
            continue;
        };
        if action.kind == ActionKind::Noc || unit.reasons.is_some() {
            continue;
        }
        let word = reasons_line_word(ctx.language);
        let message = Message::MissingReasons {
            action: action.kind.as_str(),
            reference: unit.reference.as_ref().map(|r| r.text.as_str()),
            word,
        }
        .render(ctx.messages);
        let fix = insertion_point(ctx, unit.span.end).map(|(at, newline)| {
            let text = if at == 0 || ctx.source[..at].ends_with('\n') {
                format!("{word}\t{newline}")
            } else {
                format!("{newline}{word}\t")
            };
            Fix::unsafe_(
                FixTitle::AddReasonsLine { word }.render(ctx.messages),
                vec![Edit::insert(at, text)],
            )
        });
        let mut d = Diagnostic::new(Rule::MissingReasons, action.span, message);
        if let Some(fix) = fix {
            d = d.with_fix(fix);
        }
        out.push(d);
    }
}

/// After the unit's last non-blank line, with the document's line ending.
fn insertion_point(ctx: &Context<'_>, unit_end: usize) -> Option<(usize, &'static str)> {
    let newline = if ctx.source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let text = ctx.source.get(..unit_end)?;
    let trimmed = text.trim_end();
    let at = match text[trimmed.len()..].find('\n') {
        Some(i) => trimmed.len() + i + 1,
        None => trimmed.len(),
    };
    Some((at, newline))
}
