//! Catalogue files merge fact by fact. A user's file (one `catalog build` wrote, or one
//! kept by hand) adds events, titles, sources and in-force lists to the record the
//! embedded catalogue already has; it never wipes a history. Where two files disagree,
//! both are kept in a [`Conflict`] naming both sources, and the record keeps the
//! cautious reading (an action both ways is `adopted_or_revised`; an abrogation or a
//! "not revised" already known is not undone by a later file).

use std::collections::{HashMap, HashSet};

use super::{Action, CompleteList, Conference, Resolution};

/// Two catalogue files that disagree on one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// "PP 130" or "PP-22" (a conference's list).
    pub subject: String,
    /// What they disagree on, in a few words.
    pub what: String,
    /// What the first file says, and where from.
    pub kept: String,
    /// What the other file says, and where from.
    pub other: String,
}

fn action_word(a: Action) -> &'static str {
    match a {
        Action::Adopted => "adopted",
        Action::Revised => "revised",
        Action::AdoptedOrRevised => "adopted or revised",
    }
}

/// The sources shown in a conflict: the first few, then how many more (a record may
/// have thousands).
const SOURCES_SHOWN: usize = 3;

fn where_from(origin: &str, sources: &[String]) -> String {
    match sources.len() {
        0 => origin.to_string(),
        n if n <= SOURCES_SHOWN => format!("{origin} ({})", sources.join("; ")),
        n => format!(
            "{origin} ({}; and {} more)",
            sources[..SOURCES_SHOWN].join("; "),
            n - SOURCES_SHOWN
        ),
    }
}

/// Appends the items of `from` that `into` lacks. `seen` is `into` as a set, made on
/// first use: checking each item against the list cost the square of its length (a file
/// repeating one event 50,000 times took 25 s).
fn push_all(into: &mut Vec<String>, seen: &mut Option<HashSet<String>>, from: Vec<String>) {
    let seen = seen.get_or_insert_with(|| into.iter().cloned().collect());
    for s in from {
        if seen.insert(s.clone()) {
            into.push(s);
        }
    }
}

/// Adds what `incoming` knows to `existing`.
pub(super) fn merge_resolution(
    existing: &mut Resolution,
    incoming: Resolution,
    conflicts: &mut Vec<Conflict>,
) {
    let subject = format!("{} {}", existing.body, existing.number);
    // The history by conference, and each event's evidence and sources as sets, made as
    // needed: a record may come with thousands of events and sources.
    let mut at: HashMap<String, usize> = existing
        .history
        .iter()
        .enumerate()
        .map(|(i, e)| (e.conference.clone(), i))
        .collect();
    let mut seen: HashMap<usize, [Option<HashSet<String>>; 2]> = HashMap::new();
    // One conflict per question: a file repeating a disagreeing event says it once.
    let mut said: HashSet<String> = HashSet::new();
    for event in incoming.history {
        match at
            .get(&event.conference)
            .and_then(|&i| existing.history.get_mut(i).map(|e| (i, e)))
        {
            Some((i, known)) if known.action == event.action => {
                let [evidence, sources] = seen.entry(i).or_default();
                push_all(&mut known.evidence, evidence, event.evidence);
                push_all(&mut known.sources, sources, event.sources);
                if !known.origin.split("; ").any(|o| o == event.origin) {
                    known.origin = format!("{}; {}", known.origin, event.origin);
                }
            }
            Some((i, known)) => {
                let [_, sources] = seen.entry(i).or_default();
                let what = format!("what {} did", event.conference);
                if !said.insert(what.clone()) {
                    known.action = Action::AdoptedOrRevised;
                    push_all(&mut known.sources, sources, event.sources);
                    continue;
                }
                conflicts.push(Conflict {
                    subject: subject.clone(),
                    what,
                    kept: format!(
                        "{}: {}",
                        action_word(known.action),
                        where_from(&known.origin, &known.sources)
                    ),
                    other: format!(
                        "{}: {}",
                        action_word(event.action),
                        where_from(&event.origin, &event.sources)
                    ),
                });
                // Either form may be cited until the sources are reconciled.
                known.action = Action::AdoptedOrRevised;
                push_all(&mut known.sources, sources, event.sources);
            }
            None => {
                if let Some(not_revised) = existing
                    .not_revised_at
                    .iter()
                    .position(|(c, _)| *c == event.conference)
                {
                    conflicts.push(Conflict {
                        subject: subject.clone(),
                        what: format!("whether {} revised it", event.conference),
                        kept: format!(
                            "{}: {}",
                            action_word(event.action),
                            where_from(&event.origin, &event.sources)
                        ),
                        other: format!("not revised there: {}", existing.origins.join("; ")),
                    });
                    // An attested event outweighs an inference from silence.
                    existing.not_revised_at.remove(not_revised);
                }
                at.insert(event.conference.clone(), existing.history.len());
                existing.history.push(event);
            }
        }
    }
    let mut not_revised: HashSet<String> = existing
        .not_revised_at
        .iter()
        .map(|(c, _)| c.clone())
        .collect();
    for (conference, confidence) in incoming.not_revised_at {
        if at.contains_key(&conference) {
            let what = format!("whether {conference} revised it");
            if said.insert(what.clone()) {
                conflicts.push(Conflict {
                    subject: subject.clone(),
                    what,
                    kept: format!("an event at {conference}: {}", existing.origins.join("; ")),
                    other: format!("not revised there: {}", incoming.origins.join("; ")),
                });
            }
        } else if not_revised.insert(conference.clone()) {
            existing.not_revised_at.push((conference, confidence));
        }
    }
    match (&existing.suppressed_at, incoming.suppressed_at) {
        (None, Some(at)) => existing.suppressed_at = Some(at),
        (Some(known), Some(at)) if *known != at => conflicts.push(Conflict {
            subject: subject.clone(),
            what: "which conference abrogated it".into(),
            kept: format!("{known}: {}", existing.origins.join("; ")),
            other: format!("{at}: {}", incoming.origins.join("; ")),
        }),
        _ => {}
    }
    if existing.suppressed_before.is_none() {
        existing.suppressed_before = incoming.suppressed_before;
    }
    existing.title.fill_from(incoming.title);
    if existing.subject.is_none() {
        existing.subject = incoming.subject;
    }
    push_all(&mut existing.sources, &mut None, incoming.sources);
    push_all(
        &mut existing.in_force_after,
        &mut None,
        incoming.in_force_after,
    );
    push_all(&mut existing.origins, &mut None, incoming.origins);
    if existing.in_force_at_pp18.is_none() {
        existing.in_force_at_pp18 = incoming.in_force_at_pp18;
    }
    existing.confidence = existing.confidence.max(incoming.confidence);
}

/// A conference already known gets the fields it lacked; its dates, when both files have
/// them, stay those of the first.
pub(super) fn merge_conference(existing: &mut Conference, incoming: Conference) {
    if existing.start.is_none() {
        existing.start = incoming.start;
    }
    if existing.end.is_none() {
        existing.end = incoming.end;
    }
    existing.place.fill_from(incoming.place);
    // A file that says the conference was held is newer news than "scheduled".
    if !incoming.scheduled {
        existing.scheduled = false;
    }
}

/// Two complete lists of one conference that differ.
pub(super) fn compare_lists(
    conference: &str,
    known: &CompleteList,
    other: &CompleteList,
) -> Option<Conflict> {
    let sorted = |v: &[u32]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    let same = sorted(&known.adopted) == sorted(&other.adopted)
        && sorted(&known.revised) == sorted(&other.revised)
        && sorted(&known.abrogated) == sorted(&other.abrogated);
    if same {
        return None;
    }
    let describe = |l: &CompleteList| {
        format!(
            "adopted {}, revised {}, abrogated {}: {}",
            l.adopted.len(),
            l.revised.len(),
            l.abrogated.len(),
            where_from(&l.origin, &l.sources)
        )
    };
    Some(Conflict {
        subject: conference.to_string(),
        what: "its complete list".into(),
        kept: describe(known),
        other: describe(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_shows_a_few_sources_and_counts_the_rest() {
        let few: Vec<String> = (1..=3).map(|i| format!("line {i}")).collect();
        assert_eq!(
            where_from("a.json", &few),
            "a.json (line 1; line 2; line 3)"
        );
        let many: Vec<String> = (1..=1000).map(|i| format!("line {i}")).collect();
        assert_eq!(
            where_from("a.json", &many),
            "a.json (line 1; line 2; line 3; and 997 more)"
        );
        assert_eq!(where_from("a.json", &[]), "a.json");
    }
}
