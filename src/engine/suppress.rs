//! Silencing a finding on purpose, inside the document, in a form that survives in
//! plain text and Markdown: a CriticMarkup comment.
//!
//! - `{>>proplint-ignore stale-revision<<}` on a line with text: that line;
//! - the same comment alone on its line: the next line that is not blank;
//! - `{>>proplint-ignore-start clause-sequence<<}` … `{>>proplint-ignore-end<<}`: a block
//!   (to the end of the document when the end is missing).
//!
//! Several codes may follow, separated by spaces or commas; none means every rule. A
//! suppression that silences nothing is itself reported (`unused-suppression`), with a
//! fix that removes it, so stale suppressions do not pile up.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::text::Span;
use crate::base::Rule;
use crate::lang::messages::{FixTitle, Message};

#[derive(Debug, Clone)]
pub struct Suppression {
    /// The comment mark, delimiters included.
    pub comment: Span,
    /// The rules it silences; empty for all.
    pub rules: Vec<Rule>,
    /// Codes it names that are no rule.
    pub unknown: Vec<String>,
    /// The text it covers.
    pub scope: Span,
}

enum Kind {
    Line,
    Start,
    End,
}

/// The suppressions among a text's comment marks (given as their spans, in order).
pub fn find(text: &str, comments: impl IntoIterator<Item = Span>) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut open: Vec<Suppression> = Vec::new();
    for comment in comments {
        let Some(inner) = text.get(comment.start + 3..comment.end.saturating_sub(3)) else {
            continue;
        };
        let inner = inner.trim();
        let (kind, rest) = if let Some(r) = inner.strip_prefix("proplint-ignore-start") {
            (Kind::Start, r)
        } else if let Some(r) = inner.strip_prefix("proplint-ignore-end") {
            (Kind::End, r)
        } else if let Some(r) = inner.strip_prefix("proplint-ignore") {
            (Kind::Line, r)
        } else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with([' ', ',', ':', '\t']) {
            continue;
        }
        let mut rules = Vec::new();
        let mut unknown = Vec::new();
        for code in rest
            .split([' ', ',', ':', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            match Rule::from_code(code) {
                Some(rule) => rules.push(rule),
                None => unknown.push(code.to_string()),
            }
        }
        match kind {
            Kind::Line => found.push(Suppression {
                comment,
                rules,
                unknown,
                scope: line_scope(text, comment),
            }),
            Kind::Start => open.push(Suppression {
                comment,
                rules,
                unknown,
                scope: Span::new(comment.end, text.len()),
            }),
            Kind::End => {
                if let Some(mut s) = open.pop() {
                    s.scope.end = comment.start;
                    found.push(s);
                }
            }
        }
    }
    found.extend(open);
    found.sort_by_key(|s| s.comment.start);
    found
}

/// The line holding the comment, or the next non-blank line when the comment is alone.
fn line_scope(text: &str, comment: Span) -> Span {
    let start = text[..comment.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[comment.end..]
        .find('\n')
        .map_or(text.len(), |i| comment.end + i);
    let others = text[start..comment.start].trim().len() + text[comment.end..end].trim().len();
    if others > 0 {
        return Span::new(start, end);
    }
    let mut at = (end + 1).min(text.len());
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if !text[at..line_end].trim().is_empty() {
            return Span::new(at, line_end);
        }
        at = line_end + 1;
    }
    Span::new(end, end)
}

impl Suppression {
    /// Whether this suppression silences a finding of `rule` that starts at `start`.
    pub fn silences(&self, start: usize, rule: Rule) -> bool {
        self.scope.start <= start
            && start <= self.scope.end
            && (self.rules.is_empty() || self.rules.contains(&rule))
    }

    /// The finding on this suppression when it silenced nothing or names unknown codes.
    pub fn finding(&self, used: bool, lang: crate::lang::Lang) -> Option<Diagnostic> {
        if used && self.unknown.is_empty() {
            return None;
        }
        let codes: Vec<&str> = self.rules.iter().map(|r| r.code()).collect();
        let message = if !self.unknown.is_empty() {
            Message::SuppressionNamesNoRule {
                unknown: &self.unknown,
            }
        } else {
            Message::SuppressionSilencesNothing { rules: &codes }
        }
        .render(lang);
        Some(
            Diagnostic::new(Rule::UnusedSuppression, self.comment, message).with_fix(Fix::safe(
                FixTitle::RemoveSuppression.render(lang),
                vec![Edit::replace(self.comment, "")],
            )),
        )
    }
}

/// Which suppressions cover the findings of an analysis, met in order of their starts.
///
/// Why not ask every suppression about every finding: a long compilation with many
/// suppressions and many findings would pay their product on every keystroke. Here a
/// suppression becomes active when the position reaches its scope and is dropped once the
/// position has passed it, so each finding meets the few whose scope covers it.
pub struct Silencer<'a> {
    suppressions: &'a [Suppression],
    /// Indices of `suppressions` by the start of their scopes.
    by_start: Vec<usize>,
    /// The first of `by_start` not yet active.
    next: usize,
    /// The suppressions whose scope covers `at`.
    active: Vec<usize>,
    at: usize,
}

impl<'a> Silencer<'a> {
    pub fn new(suppressions: &'a [Suppression]) -> Self {
        let mut by_start: Vec<usize> = (0..suppressions.len()).collect();
        by_start.sort_by_key(|&i| suppressions[i].scope.start);
        Silencer {
            suppressions,
            by_start,
            next: 0,
            active: Vec::new(),
            at: 0,
        }
    }

    /// The suppressions (indices into the slice given to [`Silencer::new`]) that silence a
    /// finding of `rule` starting at `start`. Cheapest when starts never decrease from
    /// one call to the next; an earlier start is answered too, by starting over.
    pub fn silencing(&mut self, start: usize, rule: Rule) -> impl Iterator<Item = usize> + '_ {
        if start < self.at {
            self.next = 0;
            self.active.clear();
        }
        self.at = start;
        while let Some(&i) = self.by_start.get(self.next) {
            if self.suppressions[i].scope.start > start {
                break;
            }
            self.active.push(i);
            self.next += 1;
        }
        let suppressions = self.suppressions;
        self.active.retain(|&i| suppressions[i].scope.end >= start);
        self.active
            .iter()
            .copied()
            .filter(move |&i| suppressions[i].silences(start, rule))
    }

    /// Whether any suppression silences a finding of `rule` starting at `start`.
    pub fn silences(&mut self, start: usize, rule: Rule) -> bool {
        self.silencing(start, rule).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markup::{find_marks, MarkKind};

    fn sups(text: &str) -> Vec<Suppression> {
        let comments = find_marks(text)
            .into_iter()
            .filter(|m| m.kind == MarkKind::Comment)
            .map(|m| m.span);
        find(text, comments)
    }

    #[test]
    fn scopes() {
        let text = "a)\tx {>>proplint-ignore stale-revision<<}\n{>>proplint-ignore<<}\n\nb)\ty\n{>>proplint-ignore-start clause-sequence, label-homoglyph<<}\nc\nd\n{>>proplint-ignore-end<<}\ne\n";
        let s = sups(text);
        assert_eq!(s.len(), 3);
        assert_eq!(
            &text[s[0].scope.start..s[0].scope.end],
            "a)\tx {>>proplint-ignore stale-revision<<}"
        );
        assert_eq!(s[0].rules, [Rule::StaleRevision]);
        assert_eq!(&text[s[1].scope.start..s[1].scope.end], "b)\ty");
        assert!(s[1].rules.is_empty());
        assert_eq!(&text[s[2].scope.start..s[2].scope.end], "\nc\nd\n");
        assert_eq!(s[2].rules, [Rule::ClauseSequence, Rule::LabelHomoglyph]);
    }

    /// The silencer gives what asking every suppression gives, whatever the order of the
    /// positions asked about.
    #[test]
    fn silencer_agrees_with_every_suppression() {
        let text = "{>>proplint-ignore-start<<}\na)\tx {>>proplint-ignore stale-revision<<}\n{>>proplint-ignore<<}\n\nb)\ty\n{>>proplint-ignore-end<<}\n{>>proplint-ignore-start clause-sequence, label-homoglyph<<}\nc\nd {>>proplint-ignore unknown-revision<<}\n{>>proplint-ignore-end<<}\ne\n";
        let s = sups(text);
        assert_eq!(s.len(), 5);
        let rules = [
            Rule::StaleRevision,
            Rule::ClauseSequence,
            Rule::UnknownRevision,
        ];
        let expected = |start: usize, rule: Rule| -> Vec<usize> {
            (0..s.len())
                .filter(|&i| s[i].silences(start, rule))
                .collect()
        };
        let forward: Vec<usize> = (0..=text.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let zigzag: Vec<usize> = forward
            .iter()
            .map(|&i| (i * 7919) % (text.len() + 1))
            .collect();
        for order in [forward, backward, zigzag] {
            let mut silencer = Silencer::new(&s);
            for &start in &order {
                for rule in rules {
                    let mut got: Vec<usize> = silencer.silencing(start, rule).collect();
                    got.sort_unstable();
                    assert_eq!(got, expected(start, rule), "at {start}, {rule:?}");
                }
            }
        }
        // Each kind of scope silences something somewhere, so the comparison has teeth.
        for suppression in &s {
            assert!((0..=text.len()).any(|at| rules.iter().any(|&r| suppression.silences(at, r))));
        }
    }

    #[test]
    fn unknown_codes_and_other_comments() {
        let s = sups("{>>proplint-ignore stale-revisions<<} x {>>a note<<} {>>proplint-ignored<<}");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].unknown, ["stale-revisions"]);
    }
}
