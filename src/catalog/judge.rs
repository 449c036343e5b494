//! What the catalogue can say about one cited revision, and how sure it is.
//!
//! Precision first: a verdict that a citation is wrong ([`Verdict::UnknownResolution`],
//! [`Verdict::UnknownRevision`] with high confidence) is given only where the catalogue
//! can know — a place and year that match no conference, a revision before the
//! resolution existed, a number above a certain ceiling, a version listed as not
//! revised, a history or list marked complete. Otherwise the verdict says what is known
//! ([`Verdict::Uncatalogued`]). Disputed events are accepted when cited and never used
//! to flag a citation.

use super::{Action, Catalog, Conference, Confidence, Event, Resolution};
use crate::base::{Date, Target};
pub use crate::lang::messages::{Reason, Superseded};
use crate::lang::Lang;

/// A citation as the rules hand it to the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedRevision<'a> {
    pub body: &'a str,
    pub number: u32,
    /// Whether the citation says "Rev." / "Rév.".
    pub revised: bool,
    pub place: &'a str,
    pub year: u16,
}

/// The point in time a document is checked against.
#[derive(Debug, Clone, Copy)]
pub struct When<'c> {
    /// The target conference, when there is one.
    pub conference: Option<&'c Conference>,
    /// Events that began before this date count as in the past.
    pub date: Date,
}

#[derive(Debug, Clone)]
pub enum Verdict<'c> {
    /// Not a catalogued body, or nothing to check.
    NotChecked,
    /// The citation names the version in force at the target.
    Current,
    UnknownResolution {
        reason: Reason,
        /// How sure the fact it rests on is: a less certain number ceiling gives a
        /// softer severity, not another verdict.
        confidence: Confidence,
    },
    UnknownRevision {
        reason: Reason,
        confidence: Confidence,
        /// The real revision most probably meant.
        suggestion: Option<Revision<'c>>,
    },
    Suppressed {
        at: &'c Conference,
    },
    Stale {
        current: Revision<'c>,
    },
    Uncatalogued {
        reason: Reason,
    },
}

/// A revision as it would be cited: the conference and whether "Rev." belongs to it.
#[derive(Debug, Clone, Copy)]
pub struct Revision<'c> {
    pub conference: &'c Conference,
    pub revised: bool,
}

impl Catalog {
    /// The verdict on a cited revision. Every `UnknownRevision` of a catalogued
    /// resolution carries the revision most likely meant (see [`Catalog::likely_revision`]).
    pub fn judge<'c>(&'c self, cite: &CitedRevision<'_>, when: When<'c>) -> Verdict<'c> {
        match self.judge_cited(cite, when) {
            Verdict::UnknownRevision {
                reason,
                confidence,
                suggestion: None,
            } => {
                let likely = self
                    .resolution(cite.body, cite.number)
                    .and_then(|r| self.likely_revision(r, cite, when));
                let (reason, suggestion) = match likely {
                    Some((revision, Some(superseded))) => (
                        Reason::NearestSuperseded {
                            reason: Box::new(reason),
                            superseded,
                        },
                        Some(revision),
                    ),
                    Some((revision, None)) => (reason, Some(revision)),
                    None => (reason, None),
                };
                Verdict::UnknownRevision {
                    reason,
                    confidence,
                    suggestion,
                }
            }
            verdict => verdict,
        }
    }

    /// The real revision a citation of an unknown one most likely meant: the nearest
    /// attested version (same place first, then the closest year), or the version in
    /// force at `when` when the nearest was superseded before it — citing a superseded
    /// version would only trade one finding for another. With the revision, the words
    /// that say why ("; the nearest real revision, Rev. Busan, 2014, was revised at
    /// ..."), none when the version in force is the nearest.
    pub fn likely_revision<'c>(
        &'c self,
        r: &Resolution,
        cite: &CitedRevision<'_>,
        when: When<'c>,
    ) -> Option<(Revision<'c>, Option<Superseded>)> {
        let current = self.current_at(r, when);
        let nearest = self
            .attested_before(r, when)
            .min_by_key(|(_, c)| {
                let same_place = self
                    .conferences_at(cite.place, c.year)
                    .iter()
                    .any(|at| at.id == c.id);
                (
                    !same_place,
                    c.year.abs_diff(cite.year),
                    std::cmp::Reverse(c.year),
                )
            })
            .map(|(e, c)| self.revision_of(r, e, c));
        match (nearest, current) {
            (Some(n), Some(cur)) if cur.conference.began() > n.conference.began() => {
                let superseded = Superseded {
                    nearest_revised: n.revised,
                    nearest_place_year: n.conference.place_year(Lang::En),
                    at_place_year: cur.conference.place_year(Lang::En),
                    at: cur.conference.id.to_string(),
                };
                Some((cur, Some(superseded)))
            }
            (Some(n), _) => Some((n, None)),
            (None, Some(cur)) => Some((cur, None)),
            (None, None) => None,
        }
    }

    fn judge_cited<'c>(&'c self, cite: &CitedRevision<'_>, when: When<'c>) -> Verdict<'c> {
        if !self.catalogues_body(cite.body) {
            // The embedded catalogue holds no WRC outcome: a WRC citation is a real
            // citation it cannot check, and silence would read as approval.
            if cite.body == WRC {
                return Verdict::Uncatalogued {
                    reason: Reason::OutcomeUnknown {
                        conference: wrc_id(cite.year),
                    },
                };
            }
            return Verdict::NotChecked;
        }
        let body_name = self.body_label(cite.body);
        let resolved = if cite.body == WRC {
            self.resolve_wrc(cite, when)
        } else {
            self.resolve_tag(cite)
        };
        let conf = match resolved {
            Ok(conf) => conf,
            Err(verdict) => return verdict,
        };

        let is_target = when.conference.is_some_and(|t| t.id == conf.id);
        if !is_target && conf.began() >= when.date {
            return match when.conference {
                Some(target) => Verdict::UnknownRevision {
                    reason: Reason::HeldAfterTarget {
                        conference: conf.id.to_string(),
                        place_year: conf.place_year(Lang::En),
                        target: target.id.to_string(),
                    },
                    confidence: Confidence::High,
                    suggestion: self
                        .resolution(cite.body, cite.number)
                        .and_then(|r| self.current_at(r, when)),
                },
                None => Verdict::Uncatalogued {
                    reason: Reason::HeldAfterCatalogue {
                        conference: conf.id.to_string(),
                        place_year: conf.place_year(Lang::En),
                        state_date: self.state_date().to_string(),
                    },
                },
            };
        }

        let record = self.resolution(cite.body, cite.number);
        if let Some((bound, at, confidence)) = self.ceiling_for(cite.body, conf) {
            if cite.number > bound {
                // Numbers are given in order: above the ceiling, the resolution did not
                // exist yet. A less certain ceiling lowers the severity, not the verdict.
                match record {
                    None => {
                        return Verdict::UnknownResolution {
                            reason: Reason::NoNumberAbove {
                                body: body_name,
                                bound,
                                after: at.id.to_string(),
                            },
                            confidence,
                        }
                    }
                    Some(_) => {
                        let reason = if at.id == conf.id {
                            Reason::NumberAboveCeiling {
                                number: cite.number,
                                conference: conf.id.to_string(),
                                bound,
                            }
                        } else {
                            Reason::NumberAboveLaterCeiling {
                                number: cite.number,
                                conference: conf.id.to_string(),
                                bound,
                                until: at.id.to_string(),
                            }
                        };
                        return Verdict::UnknownRevision {
                            reason,
                            confidence,
                            suggestion: None,
                        };
                    }
                }
            }
        }
        let Some(r) = record else {
            if let Some(bound) = self.ceiling_at(cite.body, when) {
                if cite.number > bound.1 {
                    return Verdict::UnknownResolution {
                        reason: Reason::NoNumberAbove {
                            body: body_name,
                            bound: bound.1,
                            after: bound.0,
                        },
                        confidence: Confidence::High,
                    };
                }
            }
            if let Some(list) = self.complete_list(&conf.id) {
                if !list.adopted.contains(&cite.number) && !list.revised.contains(&cite.number) {
                    return Verdict::UnknownRevision {
                        reason: Reason::NotInCompleteList {
                            conference: conf.id.to_string(),
                            number: cite.number,
                        },
                        confidence: Confidence::High,
                        suggestion: None,
                    };
                }
            }
            return Verdict::Uncatalogued {
                reason: Reason::NotCatalogued {
                    number: cite.number,
                    body: body_name,
                },
            };
        };

        let mut unverified = None;
        match r.history.iter().find(|e| e.conference == conf.id) {
            Some(event) => {
                if let Some(v) = self.check_rev_form(r, event, conf, cite) {
                    return v;
                }
            }
            None if self.accepts_conflicting_tag(r, conf, cite) => {}
            None => {
                if let Some(v) = self.check_absent_event(r, conf, cite, when) {
                    return v;
                }
                unverified = Some(Reason::NoRecordOfEvent {
                    conference: conf.id.to_string(),
                    place_year: conf.place_year(Lang::En),
                    number: cite.number,
                    body: body_name,
                    attested: self.attested(r),
                });
            }
        }

        if let Some(at) = self.suppressed_by(r, when) {
            if conf.began() < at.began() {
                return Verdict::Suppressed { at };
            }
        }
        if let Some(current) = self.current_at(r, when) {
            if current.conference.began() > conf.began() {
                return Verdict::Stale { current };
            }
        }
        match unverified {
            Some(reason) => Verdict::Uncatalogued { reason },
            None => self.current_or_unknown_since(r, conf, when),
        }
    }

    /// The resolution's undisputed attested events at conferences that began before
    /// `when` (the target itself excluded), each with its conference.
    fn attested_before<'c, 'r>(
        &'c self,
        r: &'r Resolution,
        when: When<'c>,
    ) -> impl Iterator<Item = (&'r Event, &'c Conference)> {
        r.history
            .iter()
            .filter(|e| !e.disputed)
            .filter_map(|e| Some((e, self.conference(&e.conference)?)))
            .filter(move |(_, c)| c.began() < when.date)
            .filter(move |(_, c)| when.conference.is_none_or(|t| t.id != c.id))
    }

    /// The revision an event stands for, as it would be cited.
    fn revision_of<'c>(&self, r: &Resolution, e: &Event, c: &'c Conference) -> Revision<'c> {
        Revision {
            conference: c,
            revised: match e.action {
                Action::Adopted => false,
                Action::Revised => true,
                Action::AdoptedOrRevised => self.has_earlier_event(r, c),
            },
        }
    }

    /// The version of a resolution in force at `when`: its latest undisputed attested
    /// adoption or revision at a conference that began before then.
    pub fn current_at<'c>(&'c self, r: &Resolution, when: When<'c>) -> Option<Revision<'c>> {
        self.attested_before(r, when)
            .max_by_key(|(_, c)| c.began())
            .map(|(e, c)| self.revision_of(r, e, c))
    }

    /// The conference that abrogated the resolution, if that happened before `when`.
    pub fn suppressed_by<'c>(&'c self, r: &Resolution, when: When<'c>) -> Option<&'c Conference> {
        let at = r
            .suppressed_at
            .as_deref()
            .or(r.suppressed_before.as_deref())?;
        let conf = self.conference(at)?;
        (conf.began() < when.date && when.conference.is_none_or(|t| t.id != conf.id))
            .then_some(conf)
    }

    /// "PP", "Plenipotentiary Conference"...
    pub fn body_label(&self, body: &str) -> String {
        self.body(body)
            .and_then(|b| b.name.get(Lang::En))
            .map(str::to_string)
            .unwrap_or_else(|| body.to_string())
    }

    fn resolve_tag<'c>(&'c self, cite: &CitedRevision<'_>) -> Result<&'c Conference, Verdict<'c>> {
        let body_name = self.body_label(cite.body);
        let at_place = self.conferences_at(cite.place, cite.year);
        if let Some(conf) = at_place.iter().find(|c| c.body == cite.body) {
            return Ok(conf);
        }
        let same_year = self.conferences_in(cite.body, cite.year);
        let suggestion = match same_year.as_slice() {
            [only] => self.resolution(cite.body, cite.number).and_then(|r| {
                r.history
                    .iter()
                    .find(|e| e.conference == only.id)
                    .map(|e| Revision {
                        conference: only,
                        revised: e.action != Action::Adopted,
                    })
            }),
            _ => None,
        };
        let met: Vec<(String, String)> = same_year
            .iter()
            .map(|c| (c.place_year(Lang::En), c.id.to_string()))
            .collect();
        if let Some(other) = at_place.first() {
            return Err(Verdict::UnknownRevision {
                reason: Reason::OtherBodyMetThere {
                    body: body_name,
                    place: cite.place.to_string(),
                    year: cite.year,
                    other: other.id.to_string(),
                    met,
                },
                confidence: Confidence::High,
                suggestion,
            });
        }
        // No conference of any catalogued body met there that year. Certain only for
        // bodies whose whole series is catalogued from its first meeting on.
        let series_complete = matches!(cite.body, "PP" | "WTDC" | "WTSA")
            && self
                .first_conference_of(cite.body)
                .is_some_and(|first| cite.year >= first.year);
        let place_known = self.is_place(cite.place);
        if series_complete && (place_known || !same_year.is_empty()) {
            return Err(Verdict::UnknownRevision {
                reason: Reason::NoMeetingThere {
                    body: body_name,
                    place: cite.place.to_string(),
                    year: cite.year,
                    met,
                },
                confidence: if place_known {
                    Confidence::High
                } else {
                    Confidence::Medium
                },
                suggestion,
            });
        }
        if series_complete && same_year.is_empty() {
            return Err(Verdict::UnknownRevision {
                reason: Reason::NoMeetingThatYear {
                    body: body_name,
                    year: cite.year,
                },
                confidence: Confidence::High,
                suggestion: None,
            });
        }
        Err(Verdict::Uncatalogued {
            reason: Reason::UnknownConference {
                body: body_name,
                place: cite.place.to_string(),
                year: cite.year,
            },
        })
    }

    fn has_earlier_event(&self, r: &Resolution, conf: &Conference) -> bool {
        r.history.iter().any(|e| {
            !e.disputed
                && self
                    .conference(&e.conference)
                    .is_some_and(|c| c.began() < conf.began())
        })
    }

    /// "Rev." on a first adoption, or none on a revision of an older text.
    fn check_rev_form<'c>(
        &'c self,
        r: &Resolution,
        event: &Event,
        conf: &'c Conference,
        cite: &CitedRevision<'_>,
    ) -> Option<Verdict<'c>> {
        if event.disputed {
            return None;
        }
        match (event.action, cite.revised) {
            (Action::Adopted, true) => Some(Verdict::UnknownRevision {
                reason: Reason::FirstAdoptionIsNoRevision {
                    number: cite.number,
                    conference: conf.id.to_string(),
                    place_year: conf.place_year(Lang::En),
                },
                confidence: Confidence::High,
                suggestion: Some(Revision {
                    conference: conf,
                    revised: false,
                }),
            }),
            (Action::Revised, false) if self.has_earlier_event(r, conf) => {
                Some(Verdict::UnknownRevision {
                    reason: Reason::RevisionNeedsRev {
                        number: cite.number,
                        conference: conf.id.to_string(),
                        place_year: conf.place_year(Lang::En),
                    },
                    confidence: Confidence::High,
                    suggestion: Some(Revision {
                        conference: conf,
                        revised: true,
                    }),
                })
            }
            _ => None,
        }
    }

    fn accepts_conflicting_tag(
        &self,
        r: &Resolution,
        conf: &Conference,
        cite: &CitedRevision<'_>,
    ) -> bool {
        let place_year = format!("{}, {}", conf.place.own(Lang::En).unwrap_or(""), conf.year);
        let tag = if cite.revised {
            format!("Rev. {place_year}")
        } else {
            place_year
        };
        r.conflicting_tags.iter().any(|t| t == &tag)
    }

    /// Certain knowledge that `conf` did not touch the resolution.
    fn check_absent_event<'c>(
        &'c self,
        r: &Resolution,
        conf: &'c Conference,
        cite: &CitedRevision<'_>,
        when: When<'c>,
    ) -> Option<Verdict<'c>> {
        let unknown = |reason: Reason, confidence| Verdict::UnknownRevision {
            reason,
            confidence,
            suggestion: self
                .current_at(r, when)
                .or_else(|| self.latest_before(r, conf)),
        };
        if let Some((_, confidence)) = r.not_revised_at.iter().find(|(c, _)| c == &conf.id) {
            return Some(unknown(
                Reason::RecordedAsNotRevised {
                    conference: conf.id.to_string(),
                    place_year: conf.place_year(Lang::En),
                    number: cite.number,
                },
                *confidence,
            ));
        }
        if let Some(list) = self.complete_list(&conf.id) {
            if !list.adopted.contains(&cite.number) && !list.revised.contains(&cite.number) {
                return Some(unknown(
                    Reason::NotInCompleteList {
                        conference: conf.id.to_string(),
                        number: cite.number,
                    },
                    Confidence::High,
                ));
            }
        }
        if let Some(through) = r
            .history_complete_through
            .as_deref()
            .and_then(|id| self.conference(id))
        {
            if conf.began() <= through.began() {
                return Some(unknown(
                    Reason::HistoryCompleteWithout {
                        number: cite.number,
                        through: through.id.to_string(),
                        conference: conf.id.to_string(),
                    },
                    Confidence::High,
                ));
            }
        }
        let first_adoption = r
            .history
            .iter()
            .filter(|e| !e.disputed && e.action == Action::Adopted)
            .filter_map(|e| self.conference(&e.conference))
            .min_by_key(|c| c.began());
        if let Some(first) = first_adoption {
            if conf.began() < first.began() {
                return Some(unknown(
                    Reason::BeforeFirstAdoption {
                        number: cite.number,
                        conference: conf.id.to_string(),
                        first: first.id.to_string(),
                        first_place_year: first.place_year(Lang::En),
                    },
                    Confidence::High,
                ));
            }
        }
        None
    }

    fn latest_before<'c>(&'c self, r: &Resolution, conf: &Conference) -> Option<Revision<'c>> {
        self.current_at(
            r,
            When {
                conference: None,
                date: conf.began(),
            },
        )
    }

    /// The ceiling on the numbers of `body` that existed at `conf`: the bound of `conf`
    /// or, numbers being given in order, of the first later conference of the body that
    /// has one. With the conference it belongs to and its confidence.
    fn ceiling_for<'c>(
        &'c self,
        body: &str,
        conf: &Conference,
    ) -> Option<(u32, &'c Conference, Confidence)> {
        self.conferences
            .iter()
            .filter(|c| c.body == body && c.began() >= conf.began())
            .filter_map(|c| self.ceiling(&c.id).map(|(b, conf)| (b, c, conf)))
            .min_by_key(|(_, c, _)| c.began())
    }

    /// The certain ceiling on resolution numbers of `body` at `when`: the bound of the
    /// body's latest conference before then, if the catalogue rates it high.
    fn ceiling_at(&self, body: &str, when: When<'_>) -> Option<(String, u32)> {
        let latest = self
            .conferences
            .iter()
            .filter(|c| c.body == body && c.began() < when.date)
            .filter(|c| when.conference.is_none_or(|t| t.id != c.id))
            .max_by_key(|c| c.began())?;
        self.upper_bound(&latest.id)
            .map(|b| (latest.id.to_string(), b))
    }

    /// The conferences the resolution's history has events of, in history order.
    fn attested(&self, r: &Resolution) -> Vec<String> {
        r.history
            .iter()
            .filter_map(|e| self.conference(&e.conference))
            .map(|c| c.id.to_string())
            .collect()
    }
}

impl Catalog {
    /// The point in time `target` stands for in this catalogue.
    pub fn when(&self, target: &Target) -> When<'_> {
        When {
            conference: target.id.as_deref().and_then(|id| self.conference(id)),
            date: target.date,
        }
    }
}

/// The catalogue's id of the World Radiocommunication Conferences.
const WRC: &str = "WRC";

/// A WRC's id from the year its tag names: "Rev.WRC-19" → "WRC-19".
fn wrc_id(year: u16) -> String {
    format!("{WRC}-{:02}", year % 100)
}

impl Catalog {
    /// A WRC tag names its conference by year ("Rev.WRC-23"), and `catalog build` adds
    /// WRCs without a place: the conference is the body's of that year. One the
    /// catalogue does not hold is an outcome it lacks, unless a later revision or
    /// abrogation it knows, before `when`, shows the cited version superseded.
    fn resolve_wrc<'c>(
        &'c self,
        cite: &CitedRevision<'_>,
        when: When<'c>,
    ) -> Result<&'c Conference, Verdict<'c>> {
        if let Some(conf) = self.conferences_in(WRC, cite.year).into_iter().next() {
            return Ok(conf);
        }
        if let Some(r) = self.resolution(WRC, cite.number) {
            if let Some(at) = self.suppressed_by(r, when) {
                if at.year > cite.year {
                    return Err(Verdict::Suppressed { at });
                }
            }
            if let Some(current) = self.current_at(r, when) {
                if current.conference.year > cite.year {
                    return Err(Verdict::Stale { current });
                }
            }
        }
        Err(Verdict::Uncatalogued {
            reason: Reason::OutcomeUnknown {
                conference: wrc_id(cite.year),
            },
        })
    }
}
