//! The sentences proplint writes: rule summaries and pages, the target it used, and
//! what the rules and the catalogue found. The floors above say what they found as
//! data ([`Message`], [`Reason`], [`FixTitle`]); the words are written here, once.

use std::fmt;

use crate::base::{Rule, Target, TargetSource};
use crate::lang::l10n::{tr, tr0, Args};
use crate::lang::Lang;

impl Rule {
    /// One line for `proplint rules`, in English.
    pub fn summary(self) -> String {
        self.summary_in(Lang::En)
    }

    /// One line for `proplint rules`, in `lang`.
    pub fn summary_in(self, lang: Lang) -> String {
        tr0(lang, &format!("summary-{}", self.code()))
    }

    /// The rule's documentation page (Markdown) in English.
    pub fn doc(self) -> &'static str {
        rule_doc(self, Lang::En)
    }

    /// The rule's documentation page in `lang`, as `proplint explain` prints it: what it
    /// checks, why it matters and its fix under the headings of [`PageSection`].
    pub fn doc_in(self, lang: Lang) -> &'static str {
        rule_doc(self, lang)
    }

    /// The rule's page on the web in `lang`, for editors and reports that link it.
    pub fn doc_url_in(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.doc_url(),
            _ => format!(
                "https://github.com/proplint/proplint/blob/main/docs/rules/{}/{}.md",
                lang.code(),
                self.code()
            ),
        }
    }
}

/// The sections every rule page has, in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSection {
    WhatItChecks,
    WhyItMatters,
    Fix,
}

impl PageSection {
    pub const ALL: [PageSection; 3] = [
        PageSection::WhatItChecks,
        PageSection::WhyItMatters,
        PageSection::Fix,
    ];

    /// The section's `## heading` on a page in `lang` ("Why it matters", "Pourquoi
    /// c'est important").
    pub fn heading(self, lang: Lang) -> String {
        let id = match self {
            PageSection::WhatItChecks => "page-what-checks",
            PageSection::WhyItMatters => "page-why",
            PageSection::Fix => "page-fix",
        };
        tr0(lang, id)
    }
}

// A page per rule and language: docs/rules/CODE.md in English, docs/rules/fr/CODE.md
// and docs/rules/es/CODE.md translated. A missing translation does not compile, and
// tests/rule_pages.rs checks that each page has its sections in its own language.
macro_rules! rule_docs {
    ($( $variant:ident => $code:literal, )*) => {
        fn rule_doc(rule: Rule, lang: Lang) -> &'static str {
            match (rule, lang) {
                $(
                    (Rule::$variant, Lang::En) => include_str!(concat!("../../docs/rules/", $code, ".md")),
                    (Rule::$variant, Lang::Fr) => include_str!(concat!("../../docs/rules/fr/", $code, ".md")),
                    (Rule::$variant, Lang::Es) => include_str!(concat!("../../docs/rules/es/", $code, ".md")),
                )*
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
    /// Where the target came from, in a few words ("conference line"): a stable English
    /// name, as JSON and SARIF carry it.
    pub fn describe(self) -> &'static str {
        match self {
            TargetSource::Option => "option",
            TargetSource::ConferenceLine => "conference line",
            TargetSource::Heading => "heading",
            TargetSource::Header => "document header",
            TargetSource::Catalogue => "catalogue state",
        }
    }

    /// The selector key the messages choose their words by.
    fn key(self) -> &'static str {
        match self {
            TargetSource::Option => "option",
            TargetSource::ConferenceLine => "conference-line",
            TargetSource::Heading => "heading",
            TargetSource::Header => "header",
            TargetSource::Catalogue => "catalogue",
        }
    }

    /// Where the target came from, in `lang`.
    pub fn describe_in(self, lang: Lang) -> String {
        tr(lang, "target-source", &Args::new().s("source", self.key()))
    }
}

impl Target {
    /// "WTDC-17 (from the conference line)" or "the catalogue's newest state (2026-02-03)".
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    pub fn describe_in(&self, lang: Lang) -> String {
        match &self.id {
            Some(id) => tr(
                lang,
                "target-from",
                &Args::new()
                    .s("id", id.as_str())
                    .s("source", self.source.key()),
            ),
            None => tr(
                lang,
                "target-newest",
                &Args::new().s("date", self.date.to_string()),
            ),
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
    /// Tagged in the WRC style, by conference and year ("Rev.WRC-19"): `place` is empty.
    pub wrc: bool,
}

impl Cited<'_> {
    pub fn render(&self, lang: Lang) -> String {
        if self.wrc {
            return tr(
                lang,
                "cited-wrc",
                &Args::new()
                    .s("number", self.number.to_string())
                    .b("revised", self.revised)
                    .s("yy", format!("{:02}", self.year % 100)),
            );
        }
        tr(
            lang,
            "cited",
            &Args::new()
                .s("number", self.number.to_string())
                .b("revised", self.revised)
                .s("place", self.place)
                .s("year", self.year.to_string()),
        )
    }
}

impl fmt::Display for Cited<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
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
    /// The cited conference's outcome is not catalogued at all (a WRC, whose outcomes
    /// only `catalog build` on its Final Acts teaches).
    OutcomeUnknown { conference: String },
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

/// "A and B", "A, B and C" in `lang`.
pub fn join_and(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr(
            lang,
            "list-and",
            &Args::new()
                .s("first", rest.join(", "))
                .s("last", last.as_str()),
        ),
    }
}

/// "in Busan, 2014 (PP-14) and in Dubai, 2018 (PP-18)".
fn met_at(lang: Lang, met: &[(String, String)]) -> String {
    let places: Vec<String> = met
        .iter()
        .map(|(place_year, id)| {
            tr(
                lang,
                "met-at",
                &Args::new()
                    .s("place_year", place_year.as_str())
                    .s("id", id.as_str()),
            )
        })
        .collect();
    join_and(lang, &places)
}

impl Reason {
    /// The clause that follows "does not exist: " and the like, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let a = Args::new();
        let (id, a) = match self {
            Reason::HeldAfterTarget {
                conference,
                place_year,
                target,
            } => (
                "reason-held-after-target",
                a.s("conference", conference.as_str())
                    .s("place_year", place_year.as_str())
                    .s("target", target.as_str()),
            ),
            Reason::HeldAfterCatalogue {
                conference,
                place_year,
                state_date,
            } => (
                "reason-held-after-catalogue",
                a.s("conference", conference.as_str())
                    .s("place_year", place_year.as_str())
                    .s("state_date", state_date.as_str()),
            ),
            Reason::NoNumberAbove { body, bound, after } => (
                "reason-no-number-above",
                a.s("body", body.as_str())
                    .s("bound", bound.to_string())
                    .s("after", after.as_str()),
            ),
            Reason::NumberAboveCeiling {
                number,
                conference,
                bound,
            } => (
                "reason-number-above-ceiling",
                a.s("number", number.to_string())
                    .s("conference", conference.as_str())
                    .s("bound", bound.to_string()),
            ),
            Reason::NotInCompleteList { conference, number } => (
                "reason-not-in-complete-list",
                a.s("conference", conference.as_str())
                    .s("number", number.to_string()),
            ),
            Reason::NotCatalogued { number, body } => (
                "reason-not-catalogued",
                a.s("number", number.to_string()).s("body", body.as_str()),
            ),
            Reason::NoRecordOfEvent {
                conference,
                place_year,
                number,
                body,
                attested,
            } => (
                if attested.is_empty() {
                    "reason-no-record"
                } else {
                    "reason-no-record-attested"
                },
                a.s("conference", conference.as_str())
                    .s("place_year", place_year.as_str())
                    .s("number", number.to_string())
                    .s("body", body.as_str())
                    .s("attested", attested.join(", ")),
            ),
            Reason::OtherBodyMetThere {
                body,
                place,
                year,
                other,
                met,
            } => (
                if met.is_empty() {
                    "reason-other-body"
                } else {
                    "reason-other-body-met"
                },
                a.s("body", body.as_str())
                    .s("place", place.as_str())
                    .s("year", year.to_string())
                    .s("other", other.as_str())
                    .s("met", met_at(lang, met)),
            ),
            Reason::NoMeetingThere {
                body,
                place,
                year,
                met,
            } => (
                if met.is_empty() {
                    "reason-no-meeting-there"
                } else {
                    "reason-no-meeting-there-met"
                },
                a.s("body", body.as_str())
                    .s("place", place.as_str())
                    .s("year", year.to_string())
                    .s("met", met_at(lang, met)),
            ),
            Reason::NoMeetingThatYear { body, year } => (
                "reason-no-meeting-that-year",
                a.s("body", body.as_str()).s("year", year.to_string()),
            ),
            Reason::UnknownConference { body, place, year } => (
                "reason-unknown-conference",
                a.s("body", body.as_str())
                    .s("place", place.as_str())
                    .s("year", year.to_string()),
            ),
            Reason::FirstAdoptionIsNoRevision {
                number,
                conference,
                place_year,
            } => (
                "reason-first-adoption",
                a.s("number", number.to_string())
                    .s("conference", conference.as_str())
                    .s("place_year", place_year.as_str()),
            ),
            Reason::RevisionNeedsRev {
                number,
                conference,
                place_year,
            } => (
                "reason-revision-needs-rev",
                a.s("number", number.to_string())
                    .s("conference", conference.as_str())
                    .s("place_year", place_year.as_str()),
            ),
            Reason::RecordedAsNotRevised {
                conference,
                place_year,
                number,
            } => (
                "reason-recorded-not-revised",
                a.s("conference", conference.as_str())
                    .s("place_year", place_year.as_str())
                    .s("number", number.to_string()),
            ),
            Reason::HistoryCompleteWithout {
                number,
                through,
                conference,
            } => (
                "reason-history-complete",
                a.s("number", number.to_string())
                    .s("through", through.as_str())
                    .s("conference", conference.as_str()),
            ),
            Reason::NumberAboveLaterCeiling {
                number,
                conference,
                bound,
                until,
            } => (
                "reason-number-above-later-ceiling",
                a.s("number", number.to_string())
                    .s("conference", conference.as_str())
                    .s("bound", bound.to_string())
                    .s("until", until.as_str()),
            ),
            Reason::NearestSuperseded { reason, superseded } => (
                "reason-nearest-superseded",
                a.s("reason", reason.render(lang))
                    .b("revised", superseded.nearest_revised)
                    .s("nearest", superseded.nearest_place_year.as_str())
                    .s("at_place_year", superseded.at_place_year.as_str())
                    .s("at", superseded.at.as_str()),
            ),
            Reason::OutcomeNotCatalogued {
                conferences,
                number,
            } => {
                let named: Vec<String> = conferences
                    .iter()
                    .map(|(id, place_year)| format!("{id} ({place_year})"))
                    .collect();
                let teach: Vec<String> = conferences
                    .iter()
                    .map(|(id, _)| {
                        tr(
                            lang,
                            "teach-catalog-build",
                            &Args::new().s("id", id.as_str()),
                        )
                    })
                    .collect();
                (
                    "reason-outcome-not-catalogued",
                    a.n("count", conferences.len())
                        .s("conferences", named.join(", "))
                        .s("number", number.to_string())
                        .s("teach", teach.join(", ")),
                )
            }
            Reason::OutcomeUnknown { conference } => (
                "reason-outcome-unknown",
                a.s("conference", conference.as_str()).s(
                    "teach",
                    tr(
                        lang,
                        "teach-catalog-build",
                        &Args::new().s("id", conference.as_str()),
                    ),
                ),
            ),
            Reason::BeforeFirstAdoption {
                number,
                conference,
                first,
                first_place_year,
            } => (
                "reason-before-first-adoption",
                a.s("number", number.to_string())
                    .s("conference", conference.as_str())
                    .s("first", first.as_str())
                    .s("first_place_year", first_place_year.as_str()),
            ),
        };
        tr(lang, id, &a)
    }

    /// The same reason with its names (bodies, places, conferences) passed through
    /// `name`, which gives them in the language of the message.
    pub fn map_names(&self, name: impl Fn(&str) -> String) -> Reason {
        let mut r = self.clone();
        match &mut r {
            Reason::HeldAfterTarget {
                conference,
                place_year,
                target,
            } => {
                *conference = name(conference);
                *place_year = name(place_year);
                *target = name(target);
            }
            Reason::HeldAfterCatalogue {
                conference,
                place_year,
                ..
            } => {
                *conference = name(conference);
                *place_year = name(place_year);
            }
            Reason::NoNumberAbove { body, after, .. } => {
                *body = name(body);
                *after = name(after);
            }
            Reason::NumberAboveCeiling { conference, .. }
            | Reason::NotInCompleteList { conference, .. } => *conference = name(conference),
            Reason::NotCatalogued { body, .. } => *body = name(body),
            Reason::NoRecordOfEvent {
                conference,
                place_year,
                body,
                attested,
                ..
            } => {
                *conference = name(conference);
                *place_year = name(place_year);
                *body = name(body);
                for a in attested.iter_mut() {
                    *a = name(a);
                }
            }
            Reason::OtherBodyMetThere {
                body,
                place,
                other,
                met,
                ..
            } => {
                *body = name(body);
                *place = name(place);
                *other = name(other);
                for (py, id) in met.iter_mut() {
                    *py = name(py);
                    *id = name(id);
                }
            }
            Reason::NoMeetingThere {
                body, place, met, ..
            } => {
                *body = name(body);
                *place = name(place);
                for (py, id) in met.iter_mut() {
                    *py = name(py);
                    *id = name(id);
                }
            }
            Reason::NoMeetingThatYear { body, .. } => *body = name(body),
            Reason::UnknownConference { body, place, .. } => {
                *body = name(body);
                *place = name(place);
            }
            Reason::FirstAdoptionIsNoRevision {
                conference,
                place_year,
                ..
            }
            | Reason::RevisionNeedsRev {
                conference,
                place_year,
                ..
            }
            | Reason::RecordedAsNotRevised {
                conference,
                place_year,
                ..
            } => {
                *conference = name(conference);
                *place_year = name(place_year);
            }
            Reason::HistoryCompleteWithout {
                through,
                conference,
                ..
            } => {
                *through = name(through);
                *conference = name(conference);
            }
            Reason::BeforeFirstAdoption {
                conference,
                first,
                first_place_year,
                ..
            } => {
                *conference = name(conference);
                *first = name(first);
                *first_place_year = name(first_place_year);
            }
            Reason::NumberAboveLaterCeiling {
                conference, until, ..
            } => {
                *conference = name(conference);
                *until = name(until);
            }
            Reason::NearestSuperseded { reason, superseded } => {
                let name: &dyn Fn(&str) -> String = &name;
                **reason = reason.map_names(name);
                superseded.nearest_place_year = name(&superseded.nearest_place_year);
                superseded.at_place_year = name(&superseded.at_place_year);
                superseded.at = name(&superseded.at);
            }
            Reason::OutcomeUnknown { conference } => *conference = name(conference),
            Reason::OutcomeNotCatalogued { conferences, .. } => {
                for (id, place_year) in conferences.iter_mut() {
                    *id = name(id);
                    *place_year = name(place_year);
                }
            }
        }
        r
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
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
    /// Said once per document where no report header can say it (the editor): the
    /// conferences of the bodies it cites that have met and whose outcomes are missing.
    UncataloguedOutcomes {
        conferences: &'a [String],
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
    /// Appended to a lookalike (`lookalike`) or glued label's message when the label is
    /// also out of sequence and the relabelling fixes both.
    RelabellingCovers {
        lookalike: bool,
    },
}

impl Message<'_> {
    /// The finding's message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let a = Args::new();
        let target_of = |t: &Option<&str>| t.unwrap_or("none").to_string();
        let (id, a) = match self {
            Message::UnknownResolution {
                cited,
                body,
                reason,
            } => (
                "msg-unknown-resolution",
                a.s("cited", cited.render(lang))
                    .s("body", *body)
                    .s("reason", reason.render(lang)),
            ),
            Message::UnknownRevision {
                cited,
                body,
                reason,
                suggestion,
            } => (
                if suggestion.is_some() {
                    "msg-unknown-revision-suggest"
                } else {
                    "msg-unknown-revision"
                },
                a.s("cited", cited.render(lang))
                    .s("body", *body)
                    .s("reason", reason.render(lang))
                    .s("suggestion", suggestion.unwrap_or("")),
            ),
            Message::Suppressed {
                cited,
                body,
                by,
                target,
            } => (
                "msg-suppressed",
                a.s("cited", cited.render(lang))
                    .s("body", *body)
                    .s("by", by.id)
                    .s("by_place_year", by.place_year)
                    .s("target", target_of(target)),
            ),
            Message::Stale {
                cited,
                body,
                target,
                revised,
                current,
                cite,
            } => (
                "msg-stale",
                a.s("cited", cited.render(lang))
                    .s("body", *body)
                    .s("target", target_of(target))
                    .b("revised", *revised)
                    .s("place_year", current.place_year)
                    .s("id", current.id)
                    .s("cite", *cite),
            ),
            Message::Uncatalogued {
                cited,
                body,
                reason,
            } => (
                "msg-uncatalogued",
                a.s("cited", cited.render(lang))
                    .s("body", *body)
                    .s("reason", reason.render(lang)),
            ),
            Message::UncataloguedOutcomes { conferences } => (
                "msg-uncatalogued-outcomes",
                a.n("count", conferences.len())
                    .s("conferences", conferences.join(", ")),
            ),
            Message::ClauseSequence {
                label,
                expected,
                how,
            } => {
                let a = a.s("label", *label).s("expected", *expected);
                match how {
                    Break::First => ("msg-clause-first", a),
                    Break::Repeat => ("msg-clause-repeat", a),
                    Break::Backwards { previous } => {
                        ("msg-clause-backwards", a.s("previous", *previous))
                    }
                    Break::Skip { previous } => ("msg-clause-skip", a.s("previous", *previous)),
                }
            }
            Message::LabelHomoglyph {
                label,
                script,
                found,
                latin,
            } => (
                "msg-label-homoglyph",
                a.s("label", *label)
                    .s(
                        "script",
                        match script {
                            Script::Greek => "greek",
                            Script::Cyrillic => "cyrillic",
                            Script::Fullwidth => "fullwidth",
                            Script::Other => "other",
                        },
                    )
                    .s("found", found.to_string())
                    .s("codepoint", format!("U+{:04X}", *found as u32))
                    .s("latin", latin.to_string()),
            ),
            Message::DeletedClauseSurvived { label } => {
                ("msg-deleted-clause-survived", a.s("label", *label))
            }
            Message::Flattened { what, old, new } => (
                "msg-flattened",
                a.s(
                    "what",
                    match what {
                        Glued::Revision => "revision",
                        Glued::Label => "label",
                        Glued::Number => "number",
                        Glued::Period => "period",
                        Glued::ConferenceCode => "conference-code",
                        Glued::Clause => "clause",
                    },
                )
                .s("old", *old)
                .s("new", *new),
            ),
            Message::ProposalPrefixChanged {
                proposal,
                prefix,
                other,
            } => (
                "msg-proposal-prefix",
                a.s("proposal", *proposal)
                    .s("prefix", *prefix)
                    .s("other", *other),
            ),
            Message::ProposalRepeated { proposal, expected } => (
                "msg-proposal-repeated",
                a.s("proposal", *proposal).s("expected", *expected),
            ),
            Message::ProposalNumbersJump {
                forward,
                previous,
                proposal,
                expected,
            } => (
                "msg-proposal-jump",
                a.b("forward", *forward)
                    .s("previous", *previous)
                    .s("proposal", *proposal)
                    .s("expected", *expected),
            ),
            Message::MissingReasons {
                action,
                reference,
                word,
            } => (
                "msg-missing-reasons",
                a.s(
                    "action",
                    match reference {
                        Some(reference) => format!("{action} {reference}"),
                        None => action.to_string(),
                    },
                )
                .s("word", *word),
            ),
            Message::EmptyReasons {
                action,
                reference,
                word,
                placeholder,
            } => (
                if *placeholder {
                    "msg-reasons-placeholder"
                } else {
                    "msg-reasons-empty"
                },
                a.s(
                    "action",
                    match reference {
                        Some(reference) => format!("{action} {reference}"),
                        None => action.to_string(),
                    },
                )
                .s("word", *word),
            ),
            Message::SuppressionNamesNoRule { unknown } => (
                "msg-suppression-no-rule",
                a.s("unknown", unknown.join(", ")),
            ),
            Message::RelabellingCovers { lookalike } => (
                "msg-relabelling-covers",
                a.s("defect", if *lookalike { "lookalike" } else { "glued" }),
            ),
            Message::SuppressionSilencesNothing { rules } => (
                "msg-suppression-nothing",
                a.s(
                    "rules",
                    match rules {
                        [] => "any".to_string(),
                        _ => rules.join(", "),
                    },
                ),
            ),
        };
        tr(lang, id, &a)
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
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

impl FixTitle<'_> {
    /// The fix's title in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let a = Args::new();
        let (id, a) = match self {
            FixTitle::Cite { number, tag } => {
                ("fix-cite", a.s("number", number.to_string()).s("tag", *tag))
            }
            FixTitle::SplitListByRevision => ("fix-split-list", a),
            FixTitle::RelabelOne { label } => ("fix-relabel-one", a.s("label", *label)),
            FixTitle::RelabelToEnd { from, count } => {
                ("fix-relabel-to-end", a.s("from", *from).n("count", *count))
            }
            FixTitle::ReplaceWithLatin { latin } => {
                ("fix-replace-latin", a.s("latin", latin.to_string()))
            }
            FixTitle::MarkClauseDeleted => ("fix-mark-deleted", a),
            FixTitle::RestoreRevisionMark { old, new } => {
                ("fix-restore-mark", a.s("old", *old).s("new", *new))
            }
            FixTitle::RenumberFrom { first } => ("fix-renumber-from", a.s("first", *first)),
            FixTitle::AddReasonsLine { word } => ("fix-add-reasons", a.s("word", *word)),
            FixTitle::RemoveSuppression => ("fix-remove-suppression", a),
        };
        tr(lang, id, &a)
    }
}

impl fmt::Display for FixTitle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The editor's warning about a text with a lone carriage return, which proplint does
/// not analyse.
pub fn lone_cr(line: usize, uri: &str, lang: Lang) -> String {
    let args = Args::new().n("line", line).s("uri", uri);
    tr(lang, "lsp-lone-cr", &args)
}

/// What the server says, once, of a document of `lines` lines over a text file's caps
/// (`limit` lines).
pub fn too_large(lines: usize, limit: usize, uri: &str, lang: Lang) -> String {
    let args = Args::new()
        .n("lines", lines)
        .s("uri", uri)
        .n("limit", limit);
    tr(lang, "lsp-too-large", &args)
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
