//! The diagnostics of one analysis as an incremental session holds them: each chunk's
//! findings (shared with the session and with the analyses of other versions, spans
//! relative to the chunk), the findings over the whole text, and what decides which are
//! shown (suppressions, rule severities).
//!
//! Why not one vector of diagnostics per analysis: after a keystroke in a large document
//! almost every finding is the same as before, only placed elsewhere. Copying hundreds of
//! them into each new analysis (messages, fixes) was most of the core's time per
//! keystroke. [`Findings::iter`] places them in the text as it goes; [`Findings::as_slice`]
//! makes ordinary diagnostics, once, for front-ends that want a slice.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::iter::Peekable;
use std::sync::{Arc, OnceLock};

use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::text::Span;
use crate::base::Rule;
use crate::engine::suppress::{Silencer, Suppression};

/// A diagnostic of an analysis, placed in the whole text, with the severity it is shown
/// with.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    /// Its spans are relative to `offset`.
    diagnostic: &'a Diagnostic,
    offset: usize,
    origin: Origin<'a>,
    pub severity: Severity,
}

/// Where a diagnostic of an analysis comes from.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// The findings of one chunk, at `index`. The same list (the same allocation) is
    /// shared by the analyses of every version in which the chunk's text is unchanged,
    /// wherever the chunk has moved: what a front-end derives from a finding and the
    /// chunk's text can be kept for as long as it holds the list.
    Chunk {
        findings: &'a Arc<Vec<Diagnostic>>,
        index: usize,
    },
    /// A finding over the whole text, made for this analysis.
    Whole,
}

impl<'a> Placed<'a> {
    fn new(diagnostic: &'a Diagnostic, offset: usize) -> Self {
        Placed {
            diagnostic,
            offset,
            origin: Origin::Whole,
            severity: diagnostic.severity,
        }
    }

    fn in_chunk(findings: &'a Arc<Vec<Diagnostic>>, index: usize, offset: usize) -> Self {
        let diagnostic = &findings[index];
        Placed {
            diagnostic,
            offset,
            origin: Origin::Chunk { findings, index },
            severity: diagnostic.severity,
        }
    }

    pub fn origin(&self) -> Origin<'a> {
        self.origin
    }

    /// Where the diagnostic's chunk starts (0 for a finding over the whole text).
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn rule(&self) -> Rule {
        self.diagnostic.rule
    }

    pub fn span(&self) -> Span {
        self.diagnostic.span.shifted(self.offset)
    }

    pub fn message(&self) -> &'a str {
        &self.diagnostic.message
    }

    /// The diagnostic itself, with spans in the whole text.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut d = self.diagnostic.clone().shifted(self.offset);
        d.severity = self.severity;
        d
    }

    /// The order of an analysis's diagnostics: by position, then rule.
    fn key(&self) -> (usize, usize, Rule) {
        let span = self.span();
        (span.start, span.end, self.rule())
    }
}

/// Sorts diagnostics (all placed at the same offset) in the order [`Findings`] keeps.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
}

#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Each chunk's findings at the chunk's offset, chunks in text order, each sorted.
    chunks: Vec<(usize, Arc<Vec<Diagnostic>>)>,
    /// Findings that compare chunks (whole-text spans), sorted.
    whole: Vec<Diagnostic>,
    suppressions: Vec<Suppression>,
    /// Findings on suppressions that silence nothing (never silenced themselves), sorted.
    unused: Vec<Diagnostic>,
    severities: BTreeMap<Rule, Option<Severity>>,
    slice: OnceLock<Vec<Diagnostic>>,
    /// The language the messages are written in.
    messages: crate::lang::Lang,
}

impl Findings {
    /// The language the messages are written in (links to the rule pages follow it).
    pub fn messages(&self) -> crate::lang::Lang {
        self.messages
    }

    /// `chunks` and `whole` must each be sorted (see [`sort`]); `severities` overrides
    /// rules' severities (`None`: the rule is off).
    pub fn new(
        chunks: Vec<(usize, Arc<Vec<Diagnostic>>)>,
        mut whole: Vec<Diagnostic>,
        suppressions: Vec<Suppression>,
        severities: BTreeMap<Rule, Option<Severity>>,
        messages: crate::lang::Lang,
    ) -> Findings {
        sort(&mut whole);
        let mut findings = Findings {
            chunks,
            whole,
            suppressions: Vec::new(),
            unused: Vec::new(),
            severities,
            slice: OnceLock::new(),
            messages,
        };
        if !suppressions.is_empty() {
            // A suppression is used when it covers a finding, shown or not.
            let mut used = vec![false; suppressions.len()];
            let mut silencer = Silencer::new(&suppressions);
            for p in findings.all() {
                for i in silencer.silencing(p.span().start, p.rule()) {
                    used[i] = true;
                }
            }
            findings.unused = suppressions
                .iter()
                .zip(used)
                .filter_map(|(s, used)| s.finding(used, messages))
                .collect();
            sort(&mut findings.unused);
            findings.suppressions = suppressions;
        }
        findings
    }

    /// Every finding of the rules, silenced or not, in order.
    fn all(&self) -> impl Iterator<Item = Placed<'_>> {
        let chunked = self.chunks.iter().flat_map(|(offset, found)| {
            (0..found.len()).map(move |i| Placed::in_chunk(found, i, *offset))
        });
        merge(chunked, self.whole.iter().map(|d| Placed::new(d, 0)))
    }

    /// The diagnostics shown, in order: by position, then rule.
    pub fn iter(&self) -> impl Iterator<Item = Placed<'_>> {
        let mut silencer = Silencer::new(&self.suppressions);
        let kept = self
            .all()
            .filter(move |p| !silencer.silences(p.span().start, p.rule()));
        merge(kept, self.unused.iter().map(|d| Placed::new(d, 0))).filter_map(|mut p| {
            p.severity = self.shown_severity(p.rule(), p.severity)?;
            Some(p)
        })
    }

    /// The severity a finding of `rule` found with `severity` is shown with, as the
    /// configuration sets it; `None` when the configuration hides the rule.
    pub fn shown_severity(&self, rule: Rule, severity: Severity) -> Option<Severity> {
        match self.severities.get(&rule) {
            Some(set) => *set,
            None => Some(severity),
        }
    }

    /// The chunks that have findings, with their offsets, in text order.
    pub fn chunks(&self) -> &[(usize, Arc<Vec<Diagnostic>>)] {
        &self.chunks
    }

    /// The diagnostics shown, made once.
    pub fn as_slice(&self) -> &[Diagnostic] {
        self.slice
            .get_or_init(|| self.iter().map(|p| p.to_diagnostic()).collect())
    }

    pub fn into_vec(mut self) -> Vec<Diagnostic> {
        match self.slice.take() {
            Some(v) => v,
            None => self.iter().map(|p| p.to_diagnostic()).collect(),
        }
    }
}

/// Two runs in [`Placed::key`] order merged into one; on equal keys the first run's item
/// comes first, as a stable sort of the two runs end to end would have it.
fn merge<'a>(
    a: impl Iterator<Item = Placed<'a>>,
    b: impl Iterator<Item = Placed<'a>>,
) -> impl Iterator<Item = Placed<'a>> {
    Merge {
        a: a.peekable(),
        b: b.peekable(),
    }
}

struct Merge<A: Iterator, B: Iterator> {
    a: Peekable<A>,
    b: Peekable<B>,
}

impl<'a, A, B> Iterator for Merge<A, B>
where
    A: Iterator<Item = Placed<'a>>,
    B: Iterator<Item = Placed<'a>>,
{
    type Item = Placed<'a>;

    fn next(&mut self) -> Option<Placed<'a>> {
        let order = match (self.a.peek(), self.b.peek()) {
            (Some(a), Some(b)) => a.key().cmp(&b.key()),
            (Some(_), None) => Ordering::Less,
            (None, _) => Ordering::Greater,
        };
        if order == Ordering::Greater {
            self.b.next()
        } else {
            self.a.next()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(rule: Rule, start: usize, end: usize) -> Diagnostic {
        Diagnostic::new(rule, Span::new(start, end), format!("{start}"))
    }

    fn shown(f: &Findings) -> Vec<(Rule, usize, usize, Severity)> {
        f.iter()
            .map(|p| (p.rule(), p.span().start, p.span().end, p.severity))
            .collect()
    }

    /// Chunk findings are placed at their chunk's offset and merged with whole-text
    /// findings in position order; the slice holds the same diagnostics.
    #[test]
    fn findings_are_placed_and_merged_in_order() {
        let first = Arc::new(vec![
            d(Rule::StaleRevision, 2, 5),
            d(Rule::ClauseSequence, 8, 9),
        ]);
        let second = Arc::new(vec![d(Rule::StaleRevision, 0, 3)]);
        let whole = vec![
            d(Rule::ProposalSequence, 100, 104),
            d(Rule::ProposalSequence, 3, 4),
        ];
        let f = Findings::new(
            vec![(10, first), (100, second)],
            whole,
            Vec::new(),
            BTreeMap::new(),
            crate::lang::Lang::En,
        );
        let w = Rule::StaleRevision.default_severity();
        let c = Rule::ClauseSequence.default_severity();
        let p = Rule::ProposalSequence.default_severity();
        assert_eq!(
            shown(&f),
            [
                (Rule::ProposalSequence, 3, 4, p),
                (Rule::StaleRevision, 12, 15, w),
                (Rule::ClauseSequence, 18, 19, c),
                (Rule::StaleRevision, 100, 103, w),
                (Rule::ProposalSequence, 100, 104, p),
            ]
        );
        let slice = f.as_slice();
        assert_eq!(slice.len(), 5);
        assert_eq!(slice[1].span, Span::new(12, 15));
        assert_eq!(slice[1].message, "2");
        assert_eq!(f.clone().into_vec(), slice);
    }

    /// A suppression silences what it covers, whatever the chunk; one that silences
    /// nothing is reported; a rule turned off is not shown but still uses a
    /// suppression; overridden severities are shown.
    #[test]
    fn suppressions_and_severities_apply_to_every_finding() {
        let suppression = |from: usize, to: usize, rules: Vec<Rule>| Suppression {
            comment: Span::new(from, from + 1),
            rules,
            unknown: Vec::new(),
            scope: Span::new(from, to),
        };
        let chunk = Arc::new(vec![
            d(Rule::StaleRevision, 0, 3),
            d(Rule::ClauseSequence, 5, 6),
        ]);
        let f = Findings::new(
            vec![(50, chunk)],
            vec![d(Rule::ProposalSequence, 80, 81)],
            vec![
                suppression(49, 54, vec![Rule::StaleRevision]),
                suppression(79, 90, vec![]),
                suppression(200, 210, vec![Rule::ClauseSequence]),
            ],
            BTreeMap::from([
                (Rule::ClauseSequence, Some(Severity::Info)),
                (Rule::UnknownRevision, None),
            ]),
            crate::lang::Lang::En,
        );
        assert_eq!(
            shown(&f),
            [
                (Rule::ClauseSequence, 55, 56, Severity::Info),
                (
                    Rule::UnusedSuppression,
                    200,
                    201,
                    Rule::UnusedSuppression.default_severity()
                ),
            ]
        );
        let off = Findings::new(
            vec![(0, Arc::new(vec![d(Rule::StaleRevision, 0, 3)]))],
            Vec::new(),
            vec![suppression(0, 5, vec![])],
            BTreeMap::from([(Rule::StaleRevision, None)]),
            crate::lang::Lang::En,
        );
        assert!(shown(&off).is_empty(), "{:?}", shown(&off));
    }
}
