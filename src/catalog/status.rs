//! What the catalogue knows of each conference's outcome: a complete list, some facts,
//! or nothing; and whether the conference has met (its dates have passed, whatever a
//! file still says). `catalog status` prints it, and the judgement uses it to say which
//! outcomes a citation cannot be checked against.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet;

use super::{Catalog, Conference, Resolution, Str, Verdict, When};
use crate::base::Date;
use crate::lang::messages::Reason;
use crate::lang::Lang;

/// How much of one conference's outcome is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Knowledge {
    /// Its complete list of adoptions, revisions and abrogations, from this file.
    Complete {
        adopted: usize,
        revised: usize,
        abrogated: usize,
        origin: String,
    },
    /// Some facts: the number of resolutions with a known outcome there, and the files.
    Partial {
        resolutions: usize,
        origins: Vec<String>,
    },
    /// Nothing.
    Unknown,
}

/// One conference's line of the status.
#[derive(Debug, Clone)]
pub struct ConferenceStatus<'c> {
    pub conference: &'c Conference,
    pub knowledge: Knowledge,
    /// Its dates have passed (or the file says held).
    pub met: bool,
}

/// Today, from the system clock, as the catalogue dates conferences.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar day (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

impl Conference {
    /// Whether the conference has met by `today`: its last day has passed, whatever the
    /// file still says ("scheduled"); without dates, what the file says.
    pub fn has_met(&self, today: Date) -> bool {
        match self.end.or(self.start) {
            Some(end) => end < today,
            None => !self.scheduled,
        }
    }
}

impl Catalog {
    /// What is known of a conference's outcome.
    pub fn knowledge(&self, conference: &str) -> Knowledge {
        if let Some(list) = self.complete_list(conference) {
            return Knowledge::Complete {
                adopted: list.adopted.len(),
                revised: list.revised.len(),
                abrogated: list.abrogated.len(),
                origin: list.origin.clone(),
            };
        }
        let mut resolutions = 0;
        let mut origins = BTreeSet::new();
        for r in self.resolutions() {
            let mut known = false;
            for e in r.history.iter().filter(|e| e.conference == conference) {
                known = true;
                for o in e.origin.split("; ") {
                    origins.insert(o.to_string());
                }
            }
            if r.suppressed_at.as_deref() == Some(conference)
                || r.in_force_after.iter().any(|c| c == conference)
                || r.not_revised_at.iter().any(|(c, _)| c == conference)
            {
                known = true;
                origins.extend(r.origins.iter().cloned());
            }
            if known {
                resolutions += 1;
            }
        }
        if resolutions == 0 {
            Knowledge::Unknown
        } else {
            Knowledge::Partial {
                resolutions,
                origins: origins.into_iter().collect(),
            }
        }
    }

    /// Whether anything of the conference's outcome is catalogued: the same answer as
    /// `knowledge(conference) != Knowledge::Unknown`, without walking the resolutions.
    pub fn knows_outcome_of(&self, conference: &str) -> bool {
        self.complete_list(conference).is_some()
            || self
                .conferences_with_outcomes
                .get_or_init(|| {
                    let mut known: FxHashSet<Str> = FxHashSet::default();
                    for r in self.resolutions() {
                        let named = r.history.iter().map(|e| &e.conference);
                        let named = named
                            .chain(&r.suppressed_at)
                            .chain(&r.in_force_after)
                            .chain(r.not_revised_at.iter().map(|(c, _)| c));
                        known.extend(named.map(|c| Str::from(c.clone())));
                    }
                    known
                })
                .contains(conference)
    }

    /// Every conference of `body`, in time order, with what is known of it.
    pub fn status_of(&self, body: &str, today: Date) -> Vec<ConferenceStatus<'_>> {
        let mut v: Vec<ConferenceStatus<'_>> = self
            .conferences
            .iter()
            .filter(|c| c.body == body)
            .map(|c| ConferenceStatus {
                conference: c,
                knowledge: self.knowledge(&c.id),
                met: c.has_met(today),
            })
            .collect();
        v.sort_by_key(|s| s.conference.began());
        v
    }

    /// The bodies that have conferences, in the catalogue's order of first appearance.
    pub fn bodies_with_conferences(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for c in &self.conferences {
            if !seen.contains(&&*c.body) {
                seen.push(&c.body);
            }
        }
        seen
    }

    /// Conferences of `body` that met after `after` began and before `before` (a date),
    /// whose outcome is not catalogued at all, oldest first: what a citation of `body`
    /// cannot be checked against.
    pub fn uncatalogued_between(
        &self,
        body: &str,
        after: &Conference,
        before: Date,
        today: Date,
    ) -> Vec<&Conference> {
        let mut v: Vec<&Conference> = self
            .conferences
            .iter()
            .filter(|c| c.body == body && c.began() > after.began())
            .filter(|c| c.began() < before && c.has_met(today))
            // Only conferences of which nothing is catalogued: where some of the outcome is
            // known (PP-14, WTDC-22), `catalog status` says "partial", and a note on every
            // citation since would drown the document's real findings.
            .filter(|c| !self.knows_outcome_of(&c.id))
            .collect();
        v.sort_by_key(|c| c.began());
        v
    }
}

impl Catalog {
    /// Conferences of the resolution's body that met after `cited` and before `before`
    /// (the target), whose outcome for this resolution is not catalogued: no complete
    /// list, no event, not known unrevised there. A citation of the latest known revision
    /// cannot be called current past them.
    pub fn missing_outcomes(
        &self,
        r: &Resolution,
        cited: &Conference,
        before: Date,
        today: Date,
    ) -> Vec<&Conference> {
        let pp18_end = self.conference("PP-18").map(|c| c.ended());
        let state_since = r
            .in_force_at_pp18
            .as_deref()
            .and_then(|id| self.conference(id))
            .map(|c| c.began());
        self.uncatalogued_between(&r.body, cited, before, today)
            .into_iter()
            .filter(|c| !r.history.iter().any(|e| e.conference == c.id))
            .filter(|c| !r.not_revised_at.iter().any(|(n, _)| *n == c.id))
            .filter(|c| !r.in_force_after.iter().any(|a| *a == c.id))
            .filter(|c| r.suppressed_at.as_deref() != Some(&*c.id))
            .filter(|c| {
                // The version in force at PP-18 was not revised by the conferences
                // between its own and PP-18.
                !matches!((state_since, pp18_end), (Some(since), Some(end))
                    if c.began() > since && c.ended() <= end)
            })
            .collect()
    }
}

impl Catalog {
    /// For a document citing resolutions of `bodies`, checked against `before` (the
    /// target's start, or the catalogue's state): the conferences of those bodies that
    /// met before then and of whose outcome nothing is catalogued, after the last one
    /// whose outcome is partly known (older gaps matter to no current citation).
    pub fn uncatalogued_for(&self, bodies: &[&str], before: Date, today: Date) -> Vec<&Conference> {
        let mut out = Vec::new();
        for body in bodies {
            let mut held: Vec<&Conference> = self
                .conferences
                .iter()
                .filter(|c| c.body == *body)
                .collect();
            held.sort_by_key(|c| c.began());
            let last_known = held.iter().rposition(|c| self.knows_outcome_of(&c.id));
            for c in held.into_iter().skip(last_known.map_or(0, |i| i + 1)) {
                if c.has_met(today) && c.began() < before {
                    out.push(c);
                }
            }
        }
        out
    }

    /// A citation of the latest known revision: current, unless conferences of its body
    /// met since (before the target) whose outcome is not catalogued.
    pub(super) fn current_or_unknown_since<'c>(
        &'c self,
        r: &Resolution,
        cited: &Conference,
        when: When<'c>,
    ) -> Verdict<'c> {
        // Without a target the document stands for now: conferences that met since the
        // catalogue's last fact (PP-26 in Doha, still "scheduled" in the file) count.
        let today = today();
        let before = match when.conference {
            Some(_) => when.date,
            None => today,
        };
        let missing = self.missing_outcomes(r, cited, before, today);
        if missing.is_empty() {
            return Verdict::Current;
        }
        let named: Vec<(String, String)> = missing
            .iter()
            .map(|c| (c.id.to_string(), c.place_year(Lang::En)))
            .collect();
        Verdict::Uncatalogued {
            reason: Reason::OutcomeNotCatalogued {
                conferences: named,
                number: r.number,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_days() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(20_429).to_string(), "2025-12-07");
        assert_eq!(civil_from_days(11_016).to_string(), "2000-02-29");
    }

    #[test]
    fn a_conference_whose_dates_passed_has_met_whatever_the_file_says() {
        let catalog = Catalog::embedded();
        let pp26 = catalog.conference("PP-26").unwrap();
        assert!(pp26.scheduled, "the embedded file still says scheduled");
        let after = Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        let during = Date {
            year: 2026,
            month: 11,
            day: 20,
        };
        assert!(pp26.has_met(after));
        assert!(!pp26.has_met(during));
    }

    #[test]
    fn status_tells_complete_partial_and_unknown() {
        let catalog = Catalog::embedded();
        assert!(matches!(
            catalog.knowledge("PP-18"),
            Knowledge::Complete {
                adopted: 10,
                revised: 51,
                abrogated: 10,
                ..
            }
        ));
        assert!(matches!(
            catalog.knowledge("PP-22"),
            Knowledge::Partial { .. }
        ));
        assert_eq!(catalog.knowledge("WTDC-25"), Knowledge::Unknown);
    }

    #[test]
    fn the_quick_answer_of_what_is_known_agrees_with_the_full_one_after_a_merge() {
        let agree = |catalog: &Catalog| {
            for c in catalog.conferences() {
                assert_eq!(
                    catalog.knows_outcome_of(&c.id),
                    catalog.knowledge(&c.id) != Knowledge::Unknown,
                    "{}",
                    c.id
                );
            }
        };
        // The embedded catalogue answers first, so a clone of it carries a filled set.
        let embedded = Catalog::embedded();
        assert!(!embedded.knows_outcome_of("WTDC-25"));
        agree(embedded);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wtdc25.json");
        std::fs::write(
            &path,
            r#"{"resolutions":[{"body":"WTDC","number":45,"history":[{"conference":"WTDC-25","action":"revised","sources":["report.txt, line 12"]}]}]}"#,
        )
        .unwrap();
        let taught = Catalog::with_files(&[&path]).unwrap();
        assert!(taught.knows_outcome_of("WTDC-25"), "the merge must be seen");
        agree(&taught);
    }

    fn judge_at(catalog: &Catalog, target: &str, number: u32, place: &str, year: u16) -> String {
        let conference = catalog.conference(target).unwrap();
        let when = When {
            conference: Some(conference),
            date: conference.began(),
        };
        let cite = super::super::CitedRevision {
            body: "WTDC",
            number,
            revised: true,
            place,
            year,
        };
        match catalog.judge(&cite, when) {
            Verdict::Current => "current".into(),
            Verdict::Uncatalogued { reason } => reason.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn the_latest_known_revision_is_not_current_past_an_uncatalogued_conference() {
        let catalog = Catalog::embedded();
        let note = judge_at(catalog, "PP-26", 45, "Kigali", 2022);
        assert!(
            note.starts_with("WTDC-25 (Baku, 2025) met since and its outcome is not catalogued"),
            "{note}"
        );
        assert!(
            note.contains("`proplint catalog build <WTDC-25 final texts>`"),
            "{note}"
        );
        // Before WTDC-25 met, the same citation is current.
        assert_eq!(judge_at(catalog, "PP-22", 45, "Kigali", 2022), "current");

        // Once WTDC-25 is taught (here: it did not revise 45), the note goes.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wtdc25.json");
        std::fs::write(
            &path,
            r#"{"resolutions":[{"body":"WTDC","number":45,"not_revised_at":["WTDC-25"],"in_force_after":["WTDC-25"]}]}"#,
        )
        .unwrap();
        let taught = Catalog::with_files(&[&path]).unwrap();
        assert_eq!(judge_at(&taught, "PP-26", 45, "Kigali", 2022), "current");
    }

    #[test]
    fn without_a_target_a_conference_held_since_the_last_fact_counts() {
        let catalog = Catalog::embedded();
        let cite = super::super::CitedRevision {
            body: "PP",
            number: 130,
            revised: true,
            place: "Bucharest",
            year: 2022,
        };
        let when = When {
            conference: None,
            date: catalog.state_date(),
        };
        // PP-26 (Doha, 9-27 November 2026) is still "scheduled" in the file, which is
        // older than the conference; its dates have passed.
        match catalog.judge(&cite, when) {
            Verdict::Uncatalogued { reason } => {
                assert!(
                    reason
                        .to_string()
                        .starts_with("PP-26 (Doha, 2026) met since"),
                    "{reason}"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}
