//! `missing-reasons`: every MOD, ADD or SUP proposal ends with its Reasons (Motifs,
//! Motivos). The secretariat returns proposals without them — and with an empty or
//! placeholder "Reasons:" line, which is reported too, so that the fix that adds the
//! line (with nothing written after it) does not silence the rule.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::text::Span;
use crate::base::Rule;
use crate::document::{ActionKind, Unit};
use crate::lang::lexicon::{reasons_line_word, REASONS_PLACEHOLDERS};
use crate::lang::messages::{FixTitle, Message};
use crate::rules::Context;

pub fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let units = &ctx.document.units;
    let last = units.len().saturating_sub(1);
    for (i, unit) in units.iter().enumerate() {
        // A part of a unit that chunks cut at its sections: the unit is checked whole,
        // by `check_units`.
        if i == 0 && ctx.document.continues || i == last && ctx.document.continued {
            continue;
        }
        check_unit(ctx, unit, out);
    }
}

/// Checks units given apart from the context's document (spans of its source).
pub fn check_units<'u>(
    ctx: &Context<'_>,
    units: impl IntoIterator<Item = &'u Unit>,
    out: &mut Vec<Diagnostic>,
) {
    for unit in units {
        check_unit(ctx, unit, out);
    }
}

fn check_unit(ctx: &Context<'_>, unit: &Unit, out: &mut Vec<Diagnostic>) {
    let Some(action) = &unit.action else {
        return;
    };
    if action.kind == ActionKind::Noc {
        return;
    }
    if let Some(reasons) = unit.reasons {
        if let Some(d) = empty_reasons(ctx, unit, reasons) {
            out.push(d);
        }
        return;
    }
    let word = reasons_line_word(ctx.language);
    let message = Message::MissingReasons {
        action: action.kind.as_str(),
        reference: unit.reference.as_ref().map(|r| r.text.as_str()),
        word,
    }
    .render(ctx.messages);
    let fix = insertion_point(ctx, unit.span).map(|(at, newline)| {
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

/// After the unit's last non-blank line, with the unit's line ending.
fn insertion_point(ctx: &Context<'_>, unit: Span) -> Option<(usize, &'static str)> {
    let unit_end = unit.end;
    let newline = if ctx.text(unit).contains("\r\n") {
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

/// A "Reasons:" line with nothing after it — on its line or on the lines before the
/// unit ends — or only a placeholder ("TBD", "[...]", "à compléter").
fn empty_reasons(ctx: &Context<'_>, unit: &Unit, reasons: Span) -> Option<Diagnostic> {
    let line = ctx.text(reasons);
    let after_colon = line.split_once(':').map_or("", |(_, rest)| rest);
    let rest_of_unit = ctx.text(Span::new(reasons.end, unit.span.end.max(reasons.end)));
    // A unit cut from a longer export can hold pages after its Reasons: once more
    // letters are written than any placeholder holds, the Reasons are not empty.
    let longest = REASONS_PLACEHOLDERS
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0);
    let letters = after_colon
        .chars()
        .chain(rest_of_unit.chars())
        .filter(|c| c.is_alphanumeric())
        .take(longest + 1)
        .count();
    if letters > longest {
        return None;
    }
    let written: String = after_colon
        .chars()
        .chain(['\n'])
        .chain(
            rest_of_unit
                .lines()
                .filter(|l| !crate::document::is_separator_line(l))
                .flat_map(|l| l.chars().chain(['\n'])),
        )
        .collect();
    let folded = crate::base::fold::fold(&written);
    let bare = folded.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | '…' | '[' | ']' | '(' | ')' | '_' | '*' | '-' | '?' | '<' | '>' | '"'
            )
    });
    let placeholder = REASONS_PLACEHOLDERS.contains(&bare);
    if !bare.is_empty() && !placeholder {
        return None;
    }
    let word = line
        .split(':')
        .next()
        .unwrap_or(line)
        .trim_matches(['*', '_', ' ']);
    let message = Message::EmptyReasons {
        action: unit.action.as_ref().map_or("MOD", |a| a.kind.as_str()),
        reference: unit.reference.as_ref().map(|r| r.text.as_str()),
        word,
        placeholder,
    }
    .to_string();
    Some(Diagnostic::new(Rule::MissingReasons, reasons, message))
}
