//! The sentences proplint writes: rule summaries and pages, the target it used, and
//! what the rules and the catalogue found. The floors above say what they found as
//! data ([`Message`], [`Reason`], [`FixTitle`]); the words are written here, once.

use std::fmt;

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

/// A citation as the messages quote it: "Resolution 140 (Rev. Guadalajara, 2010)".
#[derive(Debug, Clone)]
pub struct Cited<'a> {
    pub number: u32,
    pub revised: bool,
    pub place: &'a str,
    pub year: u16,
}

impl fmt::Display for Cited<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rev = if self.revised { "Rev. " } else { "" };
        write!(
            f,
            "Resolution {} ({rev}{}, {})",
            self.number, self.place, self.year
        )
    }
}

/// A conference as the messages name it: its id and where and when it met.
#[derive(Debug, Clone, Copy)]
pub struct Meeting<'a> {
    pub id: &'a str,
    /// "Busan, 2014".
    pub place_year: &'a str,
}

/// Why the catalogue judged a citation as it did, as data; `Display` writes the clause
/// that follows "does not exist: ", "is not a real revision: " or "cannot check ...: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The cited conference met after the target.
    HeldAfterTarget {
        conference: String,
        place_year: String,
        target: String,
    },
    /// The cited conference had not met when the catalogue was last updated.
    HeldAfterCatalogue {
        conference: String,
        place_year: String,
        state_date: String,
    },
    /// The body had no resolution with so high a number after a conference.
    NoNumberAbove {
        body: String,
        bound: u32,
        after: String,
    },
    /// The number did not exist yet at the cited conference.
    NumberAboveCeiling {
        number: u32,
        conference: String,
        bound: u32,
    },
    /// The number did not exist yet at the cited conference: a later conference's
    /// ceiling is below it.
    NumberAboveLaterCeiling {
        number: u32,
        conference: String,
        bound: u32,
        until: String,
    },
    /// The cited conference's complete list lacks the number.
    NotInCompleteList { conference: String, number: u32 },
    /// The catalogue has no record of the resolution at all.
    NotCatalogued { number: u32, body: String },
    /// No record that the cited conference touched the resolution.
    NoRecordOfEvent {
        conference: String,
        place_year: String,
        number: u32,
        body: String,
        /// The conferences the catalogue has events of, in history order.
        attested: Vec<String>,
    },
    /// The body did not meet at the cited place and year; another body did.
    OtherBodyMetThere {
        body: String,
        place: String,
        year: u16,
        other: String,
        /// Where the body did meet that year: (place and year, conference id).
        met: Vec<(String, String)>,
    },
    /// No conference of the body met at the cited place and year.
    NoMeetingThere {
        body: String,
        place: String,
        year: u16,
        met: Vec<(String, String)>,
    },
    /// No conference of the body met in the cited year.
    NoMeetingThatYear { body: String, year: u16 },
    /// The catalogue knows no such conference, and cannot say there was none.
    UnknownConference {
        body: String,
        place: String,
        year: u16,
    },
    /// "Rev." on the version of a first adoption.
    FirstAdoptionIsNoRevision {
        number: u32,
        conference: String,
        place_year: String,
    },
    /// No "Rev." on the version of a revision.
    RevisionNeedsRev {
        number: u32,
        conference: String,
        place_year: String,
    },
    /// The catalogue records that the conference did not revise the resolution.
    RecordedAsNotRevised {
        conference: String,
        place_year: String,
        number: u32,
    },
    /// The resolution's history is complete through a later conference.
    HistoryCompleteWithout {
        number: u32,
        through: String,
        conference: String,
    },
    /// A reason, and that the nearest real revision was superseded by the one suggested.
    NearestSuperseded {
        reason: Box<Reason>,
        superseded: Superseded,
    },
    /// Conferences of the body met since the cited version, before the target, and their
    /// outcome is not catalogued: (id, place and year) of each.
    OutcomeNotCatalogued {
        conferences: Vec<(String, String)>,
        number: u32,
    },
    /// The cited conference met before the resolution was first adopted.
    BeforeFirstAdoption {
        number: u32,
        conference: String,
        first: String,
        first_place_year: String,
    },
}

/// The nearest real revision to an unknown one, superseded before the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superseded {
    pub nearest_revised: bool,
    pub nearest_place_year: String,
    pub at_place_year: String,
    pub at: String,
}

fn met_that_year(met: &[(String, String)]) -> String {
    if met.is_empty() {
        return String::new();
    }
    let places: Vec<String> = met
        .iter()
        .map(|(place_year, id)| format!("in {place_year} ({id})"))
        .collect();
    format!("; it met {}", places.join(" and "))
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::HeldAfterTarget { conference, place_year, target } => write!(
                f,
                "{conference} ({place_year}) had not been held before the target conference {target}"
            ),
            Reason::HeldAfterCatalogue { conference, place_year, state_date } => write!(
                f,
                "{conference} ({place_year}) had not been held when the catalogue was last updated ({state_date})"
            ),
            Reason::NearestSuperseded { reason, superseded } => write!(
                f,
                "{reason}; the nearest real revision, {}{}, was superseded at {} ({})",
                if superseded.nearest_revised { "Rev. " } else { "" },
                superseded.nearest_place_year,
                superseded.at_place_year,
                superseded.at
            ),
            Reason::OutcomeNotCatalogued {
                conferences,
                number,
            } => f.write_str(&super::official::report::missing_outcome(conferences, *number)),
            Reason::NoNumberAbove { body, bound, after } => write!(
                f,
                "the {body} had no resolution numbered above {bound} after {after}"
            ),
            Reason::NumberAboveCeiling { number, conference, bound } => write!(
                f,
                "Resolution {number} did not exist yet at {conference}: the highest number then was {bound}"
            ),
            Reason::NumberAboveLaterCeiling { number, conference, bound, until } => write!(
                f,
                "Resolution {number} did not exist yet at {conference}: no resolution was numbered above {bound} until after {until}"
            ),
            Reason::NotInCompleteList { conference, number } => write!(
                f,
                "{conference} neither adopted nor revised Resolution {number} (its list of resolutions is complete)"
            ),
            Reason::NotCatalogued { number, body } => {
                write!(f, "Resolution {number} of the {body} is not in the catalogue")
            }
            Reason::NoRecordOfEvent { conference, place_year, number, body, attested } => {
                write!(
                    f,
                    "the catalogue has no record that {conference} ({place_year}) adopted or revised Resolution {number} of the {body}"
                )?;
                if !attested.is_empty() {
                    write!(f, " (attested: {})", attested.join(", "))?;
                }
                Ok(())
            }
            Reason::OtherBodyMetThere { body, place, year, other, met } => write!(
                f,
                "the {body} did not meet in {place}, {year}: that was {other}{}",
                met_that_year(met)
            ),
            Reason::NoMeetingThere { body, place, year, met } => write!(
                f,
                "no conference of the {body} met in {place}, {year}{}",
                met_that_year(met)
            ),
            Reason::NoMeetingThatYear { body, year } => {
                write!(f, "no conference of the {body} met in {year}")
            }
            Reason::UnknownConference { body, place, year } => write!(
                f,
                "the catalogue knows no conference of the {body} in {place}, {year}"
            ),
            Reason::FirstAdoptionIsNoRevision { number, conference, place_year } => write!(
                f,
                "Resolution {number} was first adopted at {conference} ({place_year}), so that version is not a revision: it is cited without \"Rev.\""
            ),
            Reason::RevisionNeedsRev { number, conference, place_year } => write!(
                f,
                "Resolution {number} existed before {conference} ({place_year}), which revised it: that version is cited with \"Rev.\""
            ),
            Reason::RecordedAsNotRevised { conference, place_year, number } => write!(
                f,
                "the catalogue records that {conference} ({place_year}) did not revise Resolution {number}"
            ),
            Reason::HistoryCompleteWithout { number, through, conference } => write!(
                f,
                "the history of Resolution {number} is complete through {through} and does not include {conference}"
            ),
            Reason::BeforeFirstAdoption { number, conference, first, first_place_year } => write!(
                f,
                "Resolution {number} did not exist yet at {conference}: it was first adopted at {first} ({first_place_year})"
            ),
        }
    }
}

/// The script of a lookalike letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Greek,
    Cyrillic,
    Fullwidth,
    Other,
}

/// What an export glued together, old and new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glued {
    Revision,
    Label,
    Number,
    Period,
    ConferenceCode,
    Clause,
}

/// How a run of labels breaks its sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break<'a> {
    /// The first label of a section is not the first value.
    First,
    /// The label repeats the one before it.
    Repeat,
    /// The label comes after a greater one.
    Backwards { previous: &'a str },
    /// The labels skip values.
    Skip { previous: &'a str },
}

/// What a rule found, as data; `Display` writes the finding's message.
#[derive(Debug, Clone)]
pub enum Message<'a> {
    UnknownResolution {
        cited: Cited<'a>,
        body: &'a str,
        reason: &'a Reason,
    },
    UnknownRevision {
        cited: Cited<'a>,
        body: &'a str,
        reason: &'a Reason,
        /// The citation most probably meant, as the document would write it.
        suggestion: Option<&'a str>,
    },
    Suppressed {
        cited: Cited<'a>,
        body: &'a str,
        by: Meeting<'a>,
        target: Option<&'a str>,
    },
    Stale {
        cited: Cited<'a>,
        body: &'a str,
        target: Option<&'a str>,
        /// Whether the version in force is a revision (else a first adoption).
        revised: bool,
        current: Meeting<'a>,
        /// The citation to write, as the document would write it.
        cite: &'a str,
    },
    Uncatalogued {
        cited: Cited<'a>,
        body: &'a str,
        reason: &'a Reason,
    },
    ClauseSequence {
        /// The label as written, and the label expected there.
        label: &'a str,
        expected: &'a str,
        how: Break<'a>,
    },
    LabelHomoglyph {
        label: &'a str,
        script: Script,
        found: char,
        latin: char,
    },
    /// A clause whose label stands among glued labels: deleted in Word, kept by the export.
    DeletedClauseSurvived {
        label: &'a str,
    },
    Flattened {
        what: Glued,
        old: &'a str,
        new: &'a str,
    },
    ProposalPrefixChanged {
        proposal: &'a str,
        prefix: &'a str,
        other: &'a str,
    },
    ProposalRepeated {
        proposal: &'a str,
        expected: &'a str,
    },
    ProposalNumbersJump {
        forward: bool,
        previous: &'a str,
        proposal: &'a str,
        expected: &'a str,
    },
    MissingReasons {
        /// "MOD ECP/24A6/1": the action and its reference, if any.
        action: &'a str,
        reference: Option<&'a str>,
        /// "Reasons:" in the document's language.
        word: &'a str,
    },
    /// A "Reasons:" line with nothing, or only a placeholder, after it.
    EmptyReasons {
        action: &'a str,
        reference: Option<&'a str>,
        /// "Reasons" as the line writes it.
        word: &'a str,
        placeholder: bool,
    },
    SuppressionNamesNoRule {
        unknown: &'a [String],
    },
    SuppressionSilencesNothing {
        rules: &'a [&'a str],
    },
}

/// "at PP-18" or "in the catalogue's newest state".
fn at_target(target: Option<&str>) -> String {
    match target {
        Some(id) => format!("at {id}"),
        None => "in the catalogue's newest state".to_string(),
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::UnknownResolution { cited, body, reason } => {
                write!(f, "{cited} of the {body} does not exist: {reason}")
            }
            Message::UnknownRevision { cited, body, reason, suggestion } => {
                write!(f, "{cited} of the {body} is not a real revision: {reason}")?;
                if let Some(text) = suggestion {
                    write!(f, "; did you mean \"{text}\"?")?;
                }
                Ok(())
            }
            Message::Suppressed { cited, body, by, target } => write!(
                f,
                "{cited} of the {body} was abrogated by {} ({}), before the target: it is no longer in force {}",
                by.id,
                by.place_year,
                at_target(*target)
            ),
            Message::Stale { cited, body, target, revised, current, cite } => write!(
                f,
                "{cited} of the {body} is not the version in force {}: it was {} at {} ({}); cite \"{cite}\"",
                at_target(*target),
                if *revised { "revised" } else { "adopted" },
                current.place_year,
                current.id
            ),
            Message::Uncatalogued { cited, body, reason } => {
                write!(f, "cannot check {cited} of the {body}: {reason}")
            }
            Message::ClauseSequence { label, expected, how } => match how {
                Break::First => write!(
                    f,
                    "the first clause of this section is labelled {label}; expected {expected}"
                ),
                Break::Repeat => write!(
                    f,
                    "label {label} repeats the label before it; expected {expected}"
                ),
                Break::Backwards { previous } => write!(
                    f,
                    "label {label} comes after {previous}: out of order; expected {expected}"
                ),
                Break::Skip { previous } => write!(
                    f,
                    "labels skip from {previous} to {label}; expected {expected}"
                ),
            },
            Message::LabelHomoglyph { label, script, found, latin } => {
                let script = match script {
                    Script::Greek => "the Greek letter",
                    Script::Cyrillic => "the Cyrillic letter",
                    Script::Fullwidth => "the fullwidth letter",
                    Script::Other => "the letter",
                };
                write!(
                    f,
                    "label {label}) is typed with {script} {found} (U+{:04X}), a lookalike of the Latin letter {latin}",
                    *found as u32
                )
            }
            Message::DeletedClauseSurvived { label } => write!(
                f,
                "clause {label}) sits among glued labels whose old letters run through it: it looks like a clause deleted in Word whose text survived the export"
            ),
            Message::Flattened { what, old, new } => {
                let what = match what {
                    Glued::Revision => "revision",
                    Glued::Label => "label",
                    Glued::Number => "number",
                    Glued::Period => "period",
                    Glued::ConferenceCode => "conference code",
                    Glued::Clause => "clause",
                };
                write!(
                    f,
                    "old and new {what} glued together by an export: \"{old}\" was replaced by \"{new}\"; the revision marks were lost"
                )
            }
            Message::ProposalPrefixChanged { proposal, prefix, other } => write!(
                f,
                "proposal {proposal} changes the prefix of this document's proposals from {prefix}/ to {other}/"
            ),
            Message::ProposalRepeated { proposal, expected } => write!(
                f,
                "proposal {proposal} repeats the number of the proposal before it; expected {expected}"
            ),
            Message::ProposalNumbersJump { forward, previous, proposal, expected } => write!(
                f,
                "proposal numbers {} from {previous} to {proposal}; expected {expected}",
                if *forward { "skip" } else { "go back" }
            ),
            Message::MissingReasons { action, reference, word } => {
                write!(f, "{action}")?;
                if let Some(reference) = reference {
                    write!(f, " {reference}")?;
                }
                write!(
                    f,
                    " has no \"{word}\" line: every MOD, ADD and SUP proposal states its reasons"
                )
            }
            Message::EmptyReasons {
                action,
                reference,
                word,
                placeholder,
            } => {
                write!(f, "{action}")?;
                if let Some(reference) = reference {
                    write!(f, " {reference}")?;
                }
                if *placeholder {
                    write!(f, " has only a placeholder after \"{word}:\"")?;
                } else {
                    write!(f, " has an empty \"{word}:\" line")?;
                }
                f.write_str(": every MOD, ADD and SUP proposal states its reasons")
            }
            Message::SuppressionNamesNoRule { unknown } => write!(
                f,
                "this suppression names no rule: {} (see `proplint rules`)",
                unknown.join(", ")
            ),
            Message::SuppressionSilencesNothing { rules } => {
                let what = match rules {
                    [] => "any rule".to_string(),
                    _ => rules.join(", "),
                };
                write!(
                    f,
                    "this suppression silences nothing: no finding of {what} where it applies"
                )
            }
        }
    }
}

/// The title of a fix, as data; `Display` writes it.
#[derive(Debug, Clone)]
pub enum FixTitle<'a> {
    /// "Cite Resolution 140 (Rev. Busan, 2014)": the tag as the document writes it.
    Cite {
        number: u32,
        tag: &'a str,
    },
    SplitListByRevision,
    RelabelOne {
        label: &'a str,
    },
    RelabelToEnd {
        from: &'a str,
        count: usize,
    },
    ReplaceWithLatin {
        latin: char,
    },
    MarkClauseDeleted,
    RestoreRevisionMark {
        old: &'a str,
        new: &'a str,
    },
    RenumberFrom {
        first: &'a str,
    },
    AddReasonsLine {
        word: &'a str,
    },
    RemoveSuppression,
}

impl fmt::Display for FixTitle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FixTitle::Cite { number, tag } => write!(f, "Cite Resolution {number} ({tag})"),
            FixTitle::SplitListByRevision => f.write_str("Split the list by the revision in force"),
            FixTitle::RelabelOne { label } => write!(f, "Relabel as {label}"),
            FixTitle::RelabelToEnd { from, count } => write!(
                f,
                "Relabel from {from} to the end of the section ({count} labels)"
            ),
            FixTitle::ReplaceWithLatin { latin } => write!(f, "Replace with Latin {latin}"),
            FixTitle::MarkClauseDeleted => f.write_str("Mark the clause as deleted"),
            FixTitle::RestoreRevisionMark { old, new } => {
                write!(f, "Restore the revision mark: {old} → {new}")
            }
            FixTitle::RenumberFrom { first } => write!(f, "Renumber from {first}"),
            FixTitle::AddReasonsLine { word } => write!(f, "Add a \"{word}\" line"),
            FixTitle::RemoveSuppression => f.write_str("Remove the suppression"),
        }
    }
}

/// The editor's warning about a text with a lone carriage return, which proplint does
/// not analyse.
pub fn lone_cr(line: usize, uri: &str) -> String {
    format!(
        "proplint: line {line} of {uri} ends with a lone carriage return (classic Mac OS line \
         endings); proplint checks only texts whose lines end with LF or CRLF: convert the line \
         endings to check this file"
    )
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
