//! Catalogue files merge fact by fact. A user's file (one `catalog build` wrote, or one
//! kept by hand) adds events, titles, sources and in-force lists to the record the
//! embedded catalogue already has; it never wipes a history. Where two files disagree,
//! both are kept in a [`Conflict`] naming both sources, and the record keeps the
//! cautious reading (an action both ways is `adopted_or_revised`; an abrogation or a
//! "not revised" already known is not undone by a later file).

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

fn where_from(origin: &str, sources: &[String]) -> String {
    if sources.is_empty() {
        origin.to_string()
    } else {
        format!("{origin} ({})", sources.join("; "))
    }
}

fn push_all(into: &mut Vec<String>, from: Vec<String>) {
    for s in from {
        if !into.contains(&s) {
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
    for event in incoming.history {
        match existing
            .history
            .iter_mut()
            .find(|e| e.conference == event.conference)
        {
            Some(known) if known.action == event.action => {
                push_all(&mut known.evidence, event.evidence);
                push_all(&mut known.sources, event.sources);
                if !known.origin.contains(&event.origin) {
                    known.origin = format!("{}; {}", known.origin, event.origin);
                }
            }
            Some(known) => {
                conflicts.push(Conflict {
                    subject: subject.clone(),
                    what: format!("what {} did", event.conference),
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
                push_all(&mut known.sources, event.sources);
            }
            None => {
                if let Some(at) = existing
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
                    existing.not_revised_at.remove(at);
                }
                existing.history.push(event);
            }
        }
    }
    for (conference, confidence) in incoming.not_revised_at {
        let revised_there = existing.history.iter().any(|e| e.conference == conference);
        if revised_there {
            conflicts.push(Conflict {
                subject: subject.clone(),
                what: format!("whether {conference} revised it"),
                kept: format!("an event at {conference}: {}", existing.origins.join("; ")),
                other: format!("not revised there: {}", incoming.origins.join("; ")),
            });
        } else if !existing
            .not_revised_at
            .iter()
            .any(|(c, _)| *c == conference)
        {
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
    push_all(&mut existing.sources, incoming.sources);
    push_all(&mut existing.in_force_after, incoming.in_force_after);
    push_all(&mut existing.origins, incoming.origins);
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
