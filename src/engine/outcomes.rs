//! Which conferences' outcomes a document's citations cannot be checked against, said
//! once per document: a report's header line (`report::uncatalogued_outcomes`), and in
//! the editor, which has no header, one note at the first citation concerned
//! ([`Options::note_missing_outcomes`](crate::engine::analysis::Options)).

use crate::base::text::Span;
use crate::base::{BodyRef, Target};
use crate::catalog::Catalog;
use crate::document::{Document, TagForm};
use crate::lang::Lang;

/// The conferences whose outcomes are missing for the bodies a document cites.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissingOutcomes {
    /// Conference ids, body by body, each body's oldest first ("WTDC-25", "WRC-23").
    pub conferences: Vec<String>,
    /// The first citation (document offsets) of a body they concern.
    pub at: Option<Span>,
}

impl MissingOutcomes {
    pub fn is_empty(&self) -> bool {
        self.conferences.is_empty()
    }

    /// Each conference as a reader is told of it, in `lang`: "WTDC-25 (Baku, 2025)",
    /// "CMR-23" (a WRC no file holds is known by its id alone).
    pub fn named(&self, catalog: &Catalog, lang: Lang) -> Vec<String> {
        self.conferences
            .iter()
            .map(|id| {
                let name = catalog.conference_id_in(id, lang);
                match catalog.conference(id) {
                    Some(c) => format!("{name} ({})", c.place_year(lang)),
                    None => name,
                }
            })
            .collect()
    }
}

/// The catalogue's id of a cited body, WRC included: `catalog build` learns WRC
/// outcomes from their Final Acts, and until it has, that is what is missing.
fn body_id(body: BodyRef) -> Option<&'static str> {
    match body {
        BodyRef::Wrc => Some("WRC"),
        other => other.catalog_id(),
    }
}

/// The outcomes missing for the citations of `chunks` (each at its offset), checked
/// against `target`: conferences of the cited bodies that met before the target (or
/// today, without one) and of whose outcome nothing is catalogued, and the WRCs cited
/// ("Rev.WRC-23") that no catalogue file holds.
pub fn missing<'d>(
    chunks: impl Iterator<Item = (usize, &'d Document)>,
    target: &Target,
    catalog: &Catalog,
) -> MissingOutcomes {
    let today = crate::catalog::status::today();
    let before = match target.id {
        Some(_) => target.date,
        None => today,
    };
    // (body, span of its first citation), and the WRCs cited by year.
    let mut bodies: Vec<(&str, Span)> = Vec::new();
    let mut wrcs: Vec<(String, Span)> = Vec::new();
    for (offset, document) in chunks {
        for c in &document.citations {
            let Some(body) = c.body.and_then(body_id) else {
                continue;
            };
            let span = c.span.shifted(offset);
            if !bodies.iter().any(|(b, _)| *b == body) {
                bodies.push((body, span));
            }
            if body != "WRC" {
                continue;
            }
            let year = match c.tag.as_ref().map(|t| &t.form) {
                Some(TagForm::Wrc { year, .. }) => *year,
                Some(TagForm::PlaceYear { new, .. }) => new.year,
                None => continue,
            };
            let id = format!("WRC-{:02}", year % 100);
            let unknown = catalog
                .conference(&id)
                .is_none_or(|_| !catalog.knows_outcome_of(&id));
            if unknown && year < before.year && !wrcs.iter().any(|(w, _)| *w == id) {
                wrcs.push((id, span));
            }
        }
    }
    bodies.sort_by_key(|(b, _)| *b);
    let names: Vec<&str> = bodies.iter().map(|(b, _)| *b).collect();
    let mut out = MissingOutcomes::default();
    for c in catalog.uncatalogued_for(&names, before, today) {
        let first = bodies.iter().find(|(b, _)| *b == c.body).map(|(_, s)| *s);
        out.note(c.id.to_string(), first);
    }
    wrcs.sort();
    for (id, span) in wrcs {
        out.note(id, Some(span));
    }
    out
}

impl MissingOutcomes {
    fn note(&mut self, id: String, at: Option<Span>) {
        if self.conferences.contains(&id) {
            return;
        }
        self.conferences.push(id);
        self.at = match (self.at, at) {
            (Some(a), Some(b)) if b.start < a.start => Some(b),
            (None, b) => b,
            (a, _) => a,
        };
    }
}
