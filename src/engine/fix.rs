//! Applying fixes: one edit set, or every compatible fix of a file in one step.
//!
//! The guarantees, each tested: text outside the chosen edits is never touched; fixes
//! whose edits overlap are never both applied (the earlier one in the file wins, then
//! the rule listed first); applying to a fixed point is idempotent.

use crate::base::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::base::text::Span;
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::engine::analysis::{analyze, Options};

/// Applies sorted, non-overlapping edits. Edits out of range or off a character
/// boundary are skipped rather than allowed to corrupt the text.
pub fn apply_edits(source: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len() + 64);
    let mut at = 0;
    for edit in sorted {
        let Span { start, end } = edit.span;
        if start < at
            || end > source.len()
            || start > end
            || !source.is_char_boundary(start)
            || !source.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&source[at..start]);
        out.push_str(&edit.new_text);
        at = end;
    }
    out.push_str(&source[at..]);
    out
}

fn conflicts(a: &Edit, b: &Edit) -> bool {
    a.span.overlaps(b.span)
        || a.span == b.span
        // Two insertions at one point: their order would be a guess.
        || (a.span.is_empty() && b.span.is_empty() && a.span.start == b.span.start)
        // An insertion inside a replaced range.
        || (a.span.is_empty() && b.span.start < a.span.start && a.span.start < b.span.end)
        || (b.span.is_empty() && a.span.start < b.span.start && b.span.start < a.span.end)
}

/// Chooses, from the diagnostics' first fixes, a set that can be applied together:
/// in file order, skipping any fix that conflicts with one already chosen.
pub fn compatible_fixes(diagnostics: &[Diagnostic], allow_unsafe: bool) -> Vec<(Rule, &Fix)> {
    let mut candidates: Vec<(Rule, &Fix)> = diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fixes.first()?;
            (fix.applicability == Applicability::Safe || allow_unsafe).then_some((d.rule, fix))
        })
        .collect();
    candidates.sort_by_key(|(rule, fix)| (fix.span().map(|s| (s.start, s.end)), *rule));
    let mut chosen: Vec<(Rule, &Fix)> = Vec::new();
    let mut taken: Vec<&Edit> = Vec::new();
    for (rule, fix) in candidates {
        if fix.edits.is_empty() {
            continue;
        }
        if chosen.iter().any(|(_, f)| f.edits == fix.edits) {
            continue;
        }
        if fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| conflicts(e, t)))
        {
            continue;
        }
        taken.extend(&fix.edits);
        chosen.push((rule, fix));
    }
    chosen
}

/// The edits of every compatible fix of one analysis, merged into one edit set.
pub fn fix_all_edits(diagnostics: &[Diagnostic], allow_unsafe: bool) -> Vec<Edit> {
    let mut edits: Vec<Edit> = compatible_fixes(diagnostics, allow_unsafe)
        .into_iter()
        .flat_map(|(_, f)| f.edits.iter().cloned())
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// What `--fix` did to one text.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    pub text: String,
    /// Every fix applied, in order: (rule, fix title).
    pub applied: Vec<(Rule, String)>,
    /// Diagnostics left after fixing.
    pub remaining: Vec<Diagnostic>,
}

/// Applies compatible fixes and re-analyses until nothing more applies (fixes that
/// overlapped one applied in a round get their turn in the next), at most ten rounds.
pub fn fix_until_stable(
    source: &str,
    catalog: &Catalog,
    options: &Options,
    allow_unsafe: bool,
) -> FixOutcome {
    let mut text = source.to_string();
    let mut applied = Vec::new();
    for _ in 0..10 {
        let analysis = analyze(&text, catalog, options);
        let chosen = compatible_fixes(analysis.diagnostics(), allow_unsafe);
        if chosen.is_empty() {
            return FixOutcome {
                text,
                applied,
                remaining: analysis.into_diagnostics(),
            };
        }
        let edits: Vec<Edit> = chosen
            .iter()
            .flat_map(|(_, f)| f.edits.iter().cloned())
            .collect();
        applied.extend(chosen.iter().map(|(r, f)| (*r, f.title.clone())));
        let next = apply_edits(&text, &edits);
        if next == text {
            break;
        }
        text = next;
    }
    let remaining = analyze(&text, catalog, options).into_diagnostics();
    FixOutcome {
        text,
        applied,
        remaining,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_in_order_and_skips_bad_ones() {
        let src = "abcdef";
        let edits = vec![
            Edit::replace(Span::new(4, 5), "E"),
            Edit::replace(Span::new(0, 1), "A"),
            Edit::replace(Span::new(3, 99), "bad"),
        ];
        assert_eq!(apply_edits(src, &edits), "AbcdEf");
        let src = "é";
        assert_eq!(
            apply_edits(src, &[Edit::replace(Span::new(1, 2), "x")]),
            "é"
        );
    }

    #[test]
    fn insertions_at_one_point_conflict() {
        let a = Edit::insert(3, "x");
        let b = Edit::insert(3, "y");
        assert!(conflicts(&a, &b));
        let c = Edit::replace(Span::new(3, 5), "z");
        assert!(!conflicts(&a, &c));
        let d = Edit::insert(4, "w");
        assert!(conflicts(&d, &c));
    }
}
