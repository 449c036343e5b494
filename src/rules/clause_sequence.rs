//! `clause-sequence`: the labels of a section run a), b), c) / 1, 2, 3 / i), ii), iii)
//! without gaps, repeats or disorder, on the new reading. Each run is checked on its
//! own: a section's top-level clauses, and the sub-clauses under each clause.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::Rule;
use crate::document::{labels, Label, LabelKind, Section};
use crate::lang::messages::{Break, FixTitle, Message};
use crate::rules::render;
use crate::rules::Context;

pub fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for unit in &ctx.document.units {
        for section in &unit.sections {
            for run in runs(section) {
                check_run(ctx, &run, out);
            }
        }
    }
}

/// The runs of labels that must count up together: same level, same parent, same kind.
fn runs(section: &Section) -> Vec<Vec<&Label>> {
    let mut finished: Vec<Vec<&Label>> = Vec::new();
    // Open runs by level; a shallower label closes the deeper ones.
    let mut open: Vec<Vec<&Label>> = Vec::new();
    for label in section.clauses.iter().filter_map(|c| c.label.as_ref()) {
        if label.deleted || label.kind == LabelKind::Bullet {
            continue;
        }
        let level = label.level as usize;
        while open.len() > level + 1 {
            finished.extend(open.pop());
        }
        while open.len() < level + 1 {
            open.push(Vec::new());
        }
        if open[level]
            .first()
            .is_some_and(|first| first.kind != label.kind)
        {
            finished.push(std::mem::take(&mut open[level]));
        }
        open[level].push(label);
    }
    finished.extend(open);
    finished.retain(|r| !r.is_empty());
    finished
}

/// Findings of one run that carry a fix. Each fix relabels from its label to the end of
/// the run, so with a fix on every finding a run of n wrong labels made n²/2 edits: a
/// flooded file with 10,000 clauses labelled `a)` made 50 million edits and gigabytes of
/// report. The first fix already relabels everything after it (and `--fix` runs to a
/// fixed point), so findings past these get none.
const FIXES_PER_RUN: usize = 20;

/// No fix relabels more labels than this: no real list comes near it (a resolution's
/// longest run to about 40), and it keeps a flooded file's fixes (and their report)
/// small. A lookalike or glued label that a relabelling covers shares its fix
/// (`agree`): with 1,000 here, a list of 1,000 glued labels carried a million edits
/// (half a gigabyte, ten seconds of JSON).
const MAX_RELABELLED: usize = 100;

fn check_run(ctx: &Context<'_>, run: &[&Label], out: &mut Vec<Diagnostic>) {
    let mut previous: Option<&Label> = None;
    let mut fixes = 0;
    for (i, label) in run.iter().enumerate() {
        let expected = previous.map_or(1, |p| p.value + 1);
        if label.value != expected {
            let shown = |l: &Label| {
                format!(
                    "{}{}",
                    l.text,
                    if l.kind == LabelKind::Number { "" } else { ")" }
                )
            };
            let expected_text = shown_value(label.kind, expected);
            let previous_text = previous.map(shown);
            let how = match (previous, previous_text.as_deref()) {
                (Some(p), _) if label.value == p.value => Break::Repeat,
                (Some(p), Some(text)) if label.value < p.value => {
                    Break::Backwards { previous: text }
                }
                (Some(_), Some(text)) => Break::Skip { previous: text },
                _ => Break::First,
            };
            let message = Message::ClauseSequence {
                label: &shown(label),
                expected: &expected_text,
                how,
            }
            .render(ctx.messages);
            let mut edits = Vec::new();
            let fixable = if fixes < FIXES_PER_RUN && run.len() - i <= MAX_RELABELLED {
                fixes += 1;
                &run[i..]
            } else {
                &[]
            };
            for (value, l) in (expected..).zip(fixable) {
                let text = labels::render(l.kind, value);
                if text != l.text {
                    edits.push(relabel(ctx, l, &text));
                }
            }
            let mut d = Diagnostic::new(Rule::ClauseSequence, label.span, message);
            if !edits.is_empty() {
                let title = if edits.len() == 1 {
                    FixTitle::RelabelOne {
                        label: &expected_text,
                    }
                } else {
                    FixTitle::RelabelToEnd {
                        from: &expected_text,
                        count: edits.len(),
                    }
                }
                .render(ctx.messages);
                d = d.with_fix(Fix::safe(title, edits));
            }
            out.push(d);
        }
        previous = Some(label);
    }
}

fn shown_value(kind: LabelKind, value: u32) -> String {
    let text = labels::render(kind, value);
    if kind == LabelKind::Number {
        text
    } else {
        format!("{text})")
    }
}

/// The edit that gives a label a new text. A glued label (`ac)`) is rewritten whole,
/// its lost mark restored with the new label (`{~~a~>b~~})`), so no new glue appears.
fn relabel(ctx: &Context<'_>, label: &Label, text: &str) -> Edit {
    match label.flattened_old() {
        Some((_, old)) if !ctx.in_mark(label.span) => {
            Edit::replace(label.span, format!("{{~~{old}~>{text}~~}}"))
        }
        Some(_) => Edit::replace(label.span, text),
        None => render::change(ctx, label.new_span, text),
    }
}
