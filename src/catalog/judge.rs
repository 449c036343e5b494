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
        reason: String,
    },
    UnknownRevision {
        reason: String,
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
        reason: String,
    },
}

/// A revision as it would be cited: the conference and whether "Rev." belongs to it.
#[derive(Debug, Clone, Copy)]
pub struct Revision<'c> {
    pub conference: &'c Conference,
    pub revised: bool,
}

impl Catalog {
    pub fn judge<'c>(&'c self, cite: &CitedRevision<'_>, when: When<'c>) -> Verdict<'c> {
        if !self.catalogues_body(cite.body) {
            return Verdict::NotChecked;
        }
        let body_name = self.body_label(cite.body);
        let conf = match self.resolve_tag(cite) {
            Ok(conf) => conf,
            Err(verdict) => return verdict,
        };

        let is_target = when.conference.is_some_and(|t| t.id == conf.id);
        if !is_target && conf.began() >= when.date {
            return match when.conference {
                Some(target) => Verdict::UnknownRevision {
                    reason: format!(
                        "{} ({}) had not been held before the target conference {}",
                        conf.id,
                        conf.place_year(super::Lang::En),
                        target.id
                    ),
                    confidence: Confidence::High,
                    suggestion: self
                        .resolution(cite.body, cite.number)
                        .and_then(|r| self.current_at(r, when)),
                },
                None => Verdict::Uncatalogued {
                    reason: format!(
                        "{} ({}) had not been held when the catalogue was last updated ({})",
                        conf.id,
                        conf.place_year(super::Lang::En),
                        self.state_date()
                    ),
                },
            };
        }

        let record = self.resolution(cite.body, cite.number);
        if let Some(bound) = self.upper_bound(&conf.id) {
            if cite.number > bound {
                return match record {
                    None => Verdict::UnknownResolution {
                        reason: format!(
                            "the {body_name} had no resolution numbered above {bound} after {}",
                            conf.id
                        ),
                    },
                    Some(r) => Verdict::UnknownRevision {
                        reason: format!(
                            "Resolution {} did not exist yet at {}: the highest number then was {bound}",
                            cite.number, conf.id
                        ),
                        confidence: Confidence::High,
                        suggestion: self.current_at(r, when),
                    },
                };
            }
        }
        let Some(r) = record else {
            if let Some(bound) = self.ceiling_at(cite.body, when) {
                if cite.number > bound.1 {
                    return Verdict::UnknownResolution {
                        reason: format!(
                            "the {body_name} had no resolution numbered above {} after {}",
                            bound.1, bound.0
                        ),
                    };
                }
            }
            if let Some(list) = self.complete_list(&conf.id) {
                if !list.adopted.contains(&cite.number) && !list.revised.contains(&cite.number) {
                    return Verdict::UnknownRevision {
                        reason: format!(
                            "{} neither adopted nor revised Resolution {} (its list of resolutions is complete)",
                            conf.id, cite.number
                        ),
                        confidence: Confidence::High,
                        suggestion: None,
                    };
                }
            }
            return Verdict::Uncatalogued {
                reason: format!(
                    "Resolution {} of the {body_name} is not in the catalogue",
                    cite.number
                ),
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
                unverified = Some(format!(
                    "the catalogue has no record that {} ({}) adopted or revised Resolution {} of the {body_name}{}",
                    conf.id,
                    conf.place_year(super::Lang::En),
                    cite.number,
                    self.attested_summary(r)
                ));
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

    /// The version of a resolution in force at `when`: its latest undisputed attested
    /// adoption or revision at a conference that began before then.
    pub fn current_at<'c>(&'c self, r: &Resolution, when: When<'c>) -> Option<Revision<'c>> {
        r.history
            .iter()
            .filter(|e| !e.disputed)
            .filter_map(|e| Some((e, self.conference(&e.conference)?)))
            .filter(|(_, c)| c.began() < when.date)
            .filter(|(_, c)| when.conference.is_none_or(|t| t.id != c.id))
            .max_by_key(|(_, c)| c.began())
            .map(|(e, c)| Revision {
                conference: c,
                revised: match e.action {
                    Action::Adopted => false,
                    Action::Revised => true,
                    Action::AdoptedOrRevised => self.has_earlier_event(r, c),
                },
            })
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
            .and_then(|b| b.name.get(super::Lang::En))
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
        let met_that_year = if same_year.is_empty() {
            String::new()
        } else {
            let places: Vec<String> = same_year
                .iter()
                .map(|c| format!("in {} ({})", c.place_year(super::Lang::En), c.id))
                .collect();
            format!("; it met {}", places.join(" and "))
        };
        if let Some(other) = at_place.first() {
            return Err(Verdict::UnknownRevision {
                reason: format!(
                    "the {body_name} did not meet in {}, {}: that was {}{met_that_year}",
                    cite.place, cite.year, other.id
                ),
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
                reason: format!(
                    "no conference of the {body_name} met in {}, {}{met_that_year}",
                    cite.place, cite.year
                ),
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
                reason: format!("no conference of the {body_name} met in {}", cite.year),
                confidence: Confidence::High,
                suggestion: None,
            });
        }
        Err(Verdict::Uncatalogued {
            reason: format!(
                "the catalogue knows no conference of the {body_name} in {}, {}",
                cite.place, cite.year
            ),
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
                reason: format!(
                    "Resolution {} was first adopted at {} ({}), so that version is not a revision: it is cited without \"Rev.\"",
                    cite.number,
                    conf.id,
                    conf.place_year(super::Lang::En)
                ),
                confidence: Confidence::High,
                suggestion: Some(Revision {
                    conference: conf,
                    revised: false,
                }),
            }),
            (Action::Revised, false) if self.has_earlier_event(r, conf) => {
                Some(Verdict::UnknownRevision {
                    reason: format!(
                        "Resolution {} existed before {} ({}), which revised it: that version is cited with \"Rev.\"",
                        cite.number,
                        conf.id,
                        conf.place_year(super::Lang::En)
                    ),
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
        let place_year = format!("{}, {}", conf.place.en.as_deref().unwrap_or(""), conf.year);
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
        let unknown = |reason: String, confidence| Verdict::UnknownRevision {
            reason,
            confidence,
            suggestion: self
                .current_at(r, when)
                .or_else(|| self.latest_before(r, conf)),
        };
        if let Some((_, confidence)) = r.not_revised_at.iter().find(|(c, _)| c == &conf.id) {
            return Some(unknown(
                format!(
                    "the catalogue records that {} ({}) did not revise Resolution {}",
                    conf.id,
                    conf.place_year(super::Lang::En),
                    cite.number
                ),
                *confidence,
            ));
        }
        if let Some(list) = self.complete_list(&conf.id) {
            if !list.adopted.contains(&cite.number) && !list.revised.contains(&cite.number) {
                return Some(unknown(
                    format!(
                        "{} neither adopted nor revised Resolution {} (its list of resolutions is complete)",
                        conf.id, cite.number
                    ),
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
                    format!(
                        "the history of Resolution {} is complete through {} and does not include {}",
                        cite.number, through.id, conf.id
                    ),
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
                    format!(
                        "Resolution {} did not exist yet at {}: it was first adopted at {} ({})",
                        cite.number,
                        conf.id,
                        first.id,
                        first.place_year(super::Lang::En)
                    ),
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

    /// The certain ceiling on resolution numbers of `body` at `when`: the bound of the
    /// body's latest conference before then, if the catalogue rates it high.
    fn ceiling_at(&self, body: &str, when: When<'_>) -> Option<(String, u32)> {
        let latest = self
            .conferences
            .iter()
            .filter(|c| c.body == body && c.began() < when.date)
            .filter(|c| when.conference.is_none_or(|t| t.id != c.id))
            .max_by_key(|c| c.began())?;
        self.upper_bound(&latest.id).map(|b| (latest.id.clone(), b))
    }

    fn attested_summary(&self, r: &Resolution) -> String {
        let events: Vec<String> = r
            .history
            .iter()
            .filter_map(|e| self.conference(&e.conference))
            .map(|c| c.id.clone())
            .collect();
        if events.is_empty() {
            String::new()
        } else {
            format!(" (attested: {})", events.join(", "))
        }
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
