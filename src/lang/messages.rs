//! The sentences proplint writes about its rules and its target.

use crate::base::{Rule, Target, TargetSource};

impl Rule {
    /// One line for `proplint rules`.
    pub fn summary(self) -> &'static str {
        rule_summary(self)
    }

    /// The rule's documentation page (Markdown), as `proplint explain` prints it.
    pub fn doc(self) -> &'static str {
        rule_doc(self)
    }
}

fn rule_summary(rule: Rule) -> &'static str {
    match rule {
        Rule::UnknownResolution => "cites a resolution that the body it resolves to never had",
        Rule::UnknownRevision => {
            "cites a revision (place and year) at which the resolution was never adopted or revised"
        }
        Rule::SuppressedResolution => "cites a resolution abrogated before the target conference",
        Rule::StaleRevision => "cites a revision superseded before the target conference",
        Rule::UncataloguedCitation => "the catalogue cannot confirm or refute this citation",
        Rule::ClauseSequence => "clause labels of a section skip, repeat or run out of order",
        Rule::LabelHomoglyph => "a clause label typed with a lookalike letter from another script",
        Rule::FlattenedRevision => {
            "old and new text glued together by an export that lost the revision marks"
        }
        Rule::ProposalSequence => "proposal references of a document skip, repeat or change prefix",
        Rule::MissingReasons => "a MOD, ADD or SUP proposal without its Reasons",
        Rule::UnusedSuppression => {
            "a proplint-ignore comment that silences nothing, or names no rule"
        }
    }
}

macro_rules! rule_docs {
    ($( $variant:ident => $code:literal, )*) => {
        fn rule_doc(rule: Rule) -> &'static str {
            match rule {
                $( Rule::$variant => include_str!(concat!("../../docs/rules/", $code, ".md")), )*
            }
        }
    };
}

rule_docs! {
    UnknownResolution => "unknown-resolution",
    UnknownRevision => "unknown-revision",
    SuppressedResolution => "suppressed-resolution",
    StaleRevision => "stale-revision",
    UncataloguedCitation => "uncatalogued-citation",
    ClauseSequence => "clause-sequence",
    LabelHomoglyph => "label-homoglyph",
    FlattenedRevision => "flattened-revision",
    ProposalSequence => "proposal-sequence",
    MissingReasons => "missing-reasons",
    UnusedSuppression => "unused-suppression",
}

impl TargetSource {
    /// Where the target came from, in a few words ("conference line").
    pub fn describe(self) -> &'static str {
        match self {
            TargetSource::Option => "option",
            TargetSource::ConferenceLine => "conference line",
            TargetSource::Heading => "heading",
            TargetSource::Header => "document header",
            TargetSource::Catalogue => "catalogue state",
        }
    }
}

impl Target {
    /// "WTDC-17 (from the conference line)" or "the catalogue's newest state (2026-02-03)".
    pub fn describe(&self) -> String {
        match &self.id {
            Some(id) => format!("{id} (from the {})", self.source.describe()),
            None => format!("the catalogue's newest state ({})", self.date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_page_that_names_its_code() {
        for &rule in Rule::ALL {
            assert!(
                rule.doc().contains(rule.code()),
                "{} page does not name its code",
                rule.code()
            );
            assert!(!rule.summary().is_empty());
        }
    }
}
