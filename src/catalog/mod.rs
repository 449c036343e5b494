//! The catalogue of ITU conferences and resolutions: what proplint knows, and how sure
//! it is. Built from `catalog/itu-resolutions.json` (compiled into the binary by
//! `build.rs` in the form of `compact.rs`; sources kept in the file) plus any catalogue
//! files the user adds with `--catalog`.

pub mod build;
mod compact;
mod judge;
pub mod merge;
mod names;
mod schema;
pub mod status;

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;
use std::sync::OnceLock;

pub use judge::{CitedRevision, Revision, Verdict, When};

use crate::base::fold::fold;
use crate::base::Date;
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;
use schema::CatalogFile;
pub use schema::Str;

/// Strings of a record the catalogue keeps as its own (records are read once each).
fn owned(strings: Vec<Str>) -> Vec<String> {
    strings.into_iter().map(Str::into_owned).collect()
}

/// How the embedded catalogue is named as the origin of its facts.
pub const EMBEDDED_ORIGIN: &str = "embedded catalogue";

/// The catalogue that ships with proplint.
pub const EMBEDDED_JSON: &str = include_str!("../../catalog/itu-resolutions.json");

/// The same catalogue compiled by `build.rs` into the form of [`compact`], which a start
/// reads without parsing JSON.
const EMBEDDED_COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/itu-resolutions.bin"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    fn parse(s: Option<&str>) -> Confidence {
        match s {
            Some("high") => Confidence::High,
            Some("low") => Confidence::Low,
            _ => Confidence::Medium,
        }
    }
}

/// A name in the languages the catalogue gives it in.
#[derive(Debug, Clone, Default)]
pub struct Names(Vec<(Lang, Str)>);

impl Names {
    fn from(l: schema::Localized) -> Names {
        Names(
            Lang::ALL
                .iter()
                .filter_map(|&lang| Some((lang, l.0.get(lang.code())?.clone()?)))
                .collect(),
        )
    }

    /// The name in exactly `lang`.
    pub fn own(&self, lang: Lang) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, name)| &**name)
    }

    /// The name in `lang`, else in English, else in any language.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.own(lang)
            .or_else(|| self.own(Lang::En))
            .or_else(|| self.0.first().map(|(_, name)| &**name))
    }

    /// Whether the name exists in exactly this language.
    pub fn has(&self, lang: Lang) -> bool {
        self.own(lang).is_some()
    }

    /// Takes the names `other` has in languages this one lacks.
    pub fn fill_from(&mut self, other: Names) {
        for (lang, name) in other.0 {
            if !self.has(lang) {
                self.0.push((lang, name));
            }
        }
        self.0.sort_by_key(|(lang, _)| *lang);
    }

    /// Each language's name, in the order of [`Lang::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(lang, name)| (*lang, &**name))
    }

    /// Every name, in the order of [`Lang::ALL`].
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, name)| &**name)
    }
}

#[derive(Debug, Clone)]
pub struct Conference {
    pub id: Str,
    pub body: Str,
    pub place: Names,
    pub year: u16,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub scheduled: bool,
}

impl Conference {
    /// When the conference began, or mid-year when the catalogue has no dates.
    pub fn began(&self) -> Date {
        self.start.unwrap_or(Date {
            year: self.year,
            month: 7,
            day: 1,
        })
    }

    /// When it ended, or mid-year when the catalogue has no dates.
    pub fn ended(&self) -> Date {
        self.end.or(self.start).unwrap_or(Date {
            year: self.year,
            month: 7,
            day: 1,
        })
    }

    /// Whether `text` is [`Conference::place_year`] in `lang`, without writing it (the
    /// names of each message are looked up among every conference).
    pub fn is_place_year(&self, text: &str, lang: Lang) -> bool {
        let mut year = itoa::Buffer::new();
        let year = year.format(self.year);
        match self.place.get(lang) {
            Some(place) => text
                .strip_prefix(place)
                .and_then(|rest| rest.strip_prefix(", "))
                .is_some_and(|rest| rest == year),
            None => text == year,
        }
    }

    /// "Busan, 2014" in the given language.
    pub fn place_year(&self, lang: Lang) -> String {
        match self.place.get(lang) {
            Some(place) => format!("{place}, {}", self.year),
            // A WRC that `catalog build` added is known by its year alone.
            None => self.year.to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Adopted,
    Revised,
    AdoptedOrRevised,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub conference: String,
    pub action: Action,
    /// Sources disagree: accepted when cited, never used to flag a citation.
    pub disputed: bool,
    /// What the fact rests on ("final_acts", "toc", "citation"...) and where it was read.
    pub evidence: Vec<String>,
    pub sources: Vec<String>,
    /// The catalogue file the fact came from ("embedded catalogue" or a path).
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct Resolution {
    pub body: String,
    pub number: u32,
    pub title: Names,
    pub subject: Option<String>,
    pub history: Vec<Event>,
    pub history_complete_through: Option<String>,
    pub suppressed_at: Option<String>,
    pub suppressed_before: Option<String>,
    pub not_revised_at: Vec<(String, Confidence)>,
    /// Revision tags ("Rev. Buenos Aires, 2017") that official texts disagree on.
    pub conflicting_tags: Vec<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// Conferences after which a list showed it in force.
    pub in_force_after: Vec<String>,
    /// The catalogue files its facts came from, first the one that created the record.
    pub origins: Vec<String>,
    /// The conference of the version in force when PP-18 ended, when the Final Acts'
    /// citations show it (not from a single citation): the body's conferences between
    /// that one and PP-18 did not revise it.
    pub in_force_at_pp18: Option<String>,
}

impl Resolution {
    /// A resolution as one catalogue file records it.
    fn from_record(r: schema::ResolutionRecord, origin: &str) -> Resolution {
        let conflicting_tags = match &r.state_at_pp18 {
            Some(s) if s.conflict && s.conflict_kind.as_deref() == Some("unresolved") => s
                .candidates
                .iter()
                .chain(&s.citation)
                .chain(s.minority.keys())
                .map(|tag| tag.to_string())
                .collect(),
            _ => Vec::new(),
        };
        let in_force_at_pp18 = r.state_at_pp18.as_ref().and_then(|s| {
            let strong = s.strength.as_deref().is_some_and(|st| st != "weak");
            (s.status.as_deref() == Some("in_force") && strong && !s.conflict)
                .then(|| s.conference.as_deref().map(str::to_string))
                .flatten()
        });
        Resolution {
            in_force_at_pp18,
            history: r
                .history
                .into_iter()
                .map(|e| Event {
                    action: match &*e.action {
                        "adopted" => Action::Adopted,
                        "revised" => Action::Revised,
                        _ => Action::AdoptedOrRevised,
                    },
                    disputed: e.status.as_deref() == Some("disputed"),
                    conference: e.conference.into_owned(),
                    evidence: owned(e.evidence),
                    sources: owned(e.sources),
                    origin: origin.to_string(),
                })
                .collect(),
            not_revised_at: r
                .not_revised_at
                .iter()
                .map(|c| {
                    let confidence = r
                        .not_revised_at_basis
                        .get(c)
                        .and_then(|b| b.confidence.as_deref());
                    (c.to_string(), Confidence::parse(confidence))
                })
                .collect(),
            body: r.body.into_owned(),
            number: r.number,
            title: Names::from(r.title),
            subject: r.subject_as_cited.map(Str::into_owned),
            history_complete_through: r.history_complete_through.map(Str::into_owned),
            suppressed_at: r.suppressed_at.map(Str::into_owned),
            suppressed_before: r.suppressed_before.map(Str::into_owned),
            conflicting_tags,
            sources: owned(r.sources),
            confidence: Confidence::parse(r.confidence.as_deref()),
            in_force_after: owned(r.in_force_after),
            origins: vec![origin.to_string()],
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CompleteList {
    pub adopted: Vec<u32>,
    pub revised: Vec<u32>,
    pub abrogated: Vec<u32>,
    /// The catalogue file that holds the list, and the texts it was read from.
    pub origin: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Body {
    pub name: Names,
    pub abbrev: Names,
}

#[derive(Debug)]
pub struct CatalogError {
    pub origin: String,
    /// The problem in English (see [`CatalogError::describe_in`]).
    pub message: String,
    pub problem: CatalogProblem,
}

/// What is wrong with a catalogue file, as data; the words are `lang`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogProblem {
    /// The file could not be read: the system's error, its kind and words.
    CannotRead(std::io::ErrorKind, String),
    /// Not a catalogue: the JSON reader's own words, and whether the JSON itself is
    /// broken (`syntax`), cut short (`eof`) or well formed but not of the catalogue's
    /// shape (`data`).
    Invalid { kind: &'static str, detail: String },
}

impl CatalogProblem {
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            CatalogProblem::CannotRead(kind, detail) => tr(
                lang,
                "catalog-cannot-read",
                &Args::new().s(
                    "error",
                    crate::lang::errors::io_error_of(lang, *kind, detail),
                ),
            ),
            CatalogProblem::Invalid { kind, detail } => tr(
                lang,
                "catalog-invalid",
                &Args::new().s("kind", *kind).s("detail", detail.as_str()),
            ),
        }
    }
}

impl CatalogError {
    fn new(origin: String, problem: CatalogProblem) -> CatalogError {
        CatalogError {
            origin,
            message: problem.message_in(Lang::En),
            problem,
        }
    }

    /// "ours.json:3:7: not a valid catalogue file: …", in `lang`.
    pub fn describe_in(&self, lang: Lang) -> String {
        let args = Args::new()
            .s("origin", self.origin.as_str())
            .s("problem", self.problem.message_in(lang));
        tr(lang, "catalog-error", &args)
    }
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe_in(Lang::En))
    }
}

impl std::error::Error for CatalogError {}

/// A record of the embedded catalogue, still in its compiled form until first asked for.
#[derive(Debug, Clone)]
struct CompiledSlot {
    body: &'static str,
    number: u32,
    bytes: &'static [u8],
    read: OnceLock<Option<Box<Resolution>>>,
}

impl CompiledSlot {
    /// The resolution; `None` only for a record that does not read, which the test of
    /// the compiled catalogue rules out.
    fn get(&self) -> Option<&Resolution> {
        self.read
            .get_or_init(|| {
                compact::CompiledRecord::read(self.bytes)
                    .map(|r| Box::new(Resolution::from_record(r, EMBEDDED_ORIGIN)))
            })
            .as_deref()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub as_of: Option<Date>,
    bodies: FxHashMap<Str, Body>,
    conferences: Vec<Conference>,
    conference_by_id: FxHashMap<Str, usize>,
    /// Folded place name → conferences held there (any year).
    places: FxHashMap<String, Vec<usize>>,
    /// Folded "place, year" tags that may also name a conference the catalogue does
    /// not hold (Dubai, 2012: WTSA-12 or WCIT-12): without "Rev." and without a body
    /// phrase, such a citation cannot be attributed.
    uncatalogued_alternatives: Vec<String>,
    /// Resolutions read from catalogue files, and the embedded records files added
    /// facts to (these hide their compiled form).
    resolutions: FxHashMap<(String, u32), Box<Resolution>>,
    /// The embedded catalogue's records, sorted by body and number by build.rs: a start
    /// files them without reading, hashing or sorting any (218 inserts were a twentieth
    /// of checking a one-line file).
    compiled: Vec<CompiledSlot>,
    complete_lists: FxHashMap<Str, CompleteList>,
    /// Certain ceilings: no resolution numbered higher existed after this conference
    /// until the next one of its body (only bounds the catalogue rates high).
    upper_bounds: FxHashMap<Str, u32>,
    /// Every ceiling, with the confidence the catalogue gives it.
    ceilings: FxHashMap<Str, (u32, Confidence)>,
    /// Where catalogue files disagree (kept, never settled silently).
    conflicts: Vec<merge::Conflict>,
    /// The conferences of which some outcome is catalogued, gathered at the first
    /// question: the judgement asks it for every citation and the editor at every
    /// keystroke, and each answer otherwise walks every resolution's history.
    conferences_with_outcomes: OnceLock<FxHashSet<Str>>,
}

impl Catalog {
    /// The embedded catalogue, read once from its compiled form.
    pub fn embedded() -> &'static Catalog {
        static EMBEDDED: OnceLock<Catalog> = OnceLock::new();
        EMBEDDED.get_or_init(|| Catalog::compiled(EMBEDDED_COMPACT))
    }

    /// A catalogue in the compiled form of build.rs: everything but the resolutions read
    /// now, each resolution when first asked for.
    fn compiled(bytes: &'static [u8]) -> Catalog {
        let mut catalog = Catalog::default();
        // build.rs wrote these bytes from the JSON, which it checked, and a test reads
        // them back; failing here would be a build defect, not a user error, so an empty
        // catalogue is the safe fallback.
        if let Some(embedded) = compact::decode_embedded(bytes) {
            catalog.merge(embedded.file, EMBEDDED_ORIGIN);
            catalog.compiled = embedded
                .records
                .into_iter()
                .map(|record| CompiledSlot {
                    body: record.body,
                    number: record.number,
                    bytes: record.bytes,
                    read: OnceLock::new(),
                })
                .collect();
            let known: FxHashSet<Str> = embedded.outcome_conferences.into_iter().collect();
            catalog.conferences_with_outcomes = OnceLock::from(known);
        }
        catalog
    }

    /// The embedded catalogue extended by user files, fact by fact: events, titles and
    /// sources join the embedded record; disagreements are kept in [`Catalog::conflicts`].
    pub fn with_files(paths: &[impl AsRef<Path>]) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::embedded().clone();
        for path in paths {
            let path = path.as_ref();
            let origin = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                let problem = CatalogProblem::CannotRead(e.kind(), e.to_string());
                CatalogError::new(origin.clone(), problem)
            })?;
            let file = parse_file(&text, &origin)?;
            catalog.merge(file, &origin);
        }
        Ok(catalog)
    }

    /// Parses one catalogue JSON text on top of an empty catalogue (for tests and tools).
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::default();
        catalog.merge(parse_file(text, "catalogue")?, "catalogue");
        Ok(catalog)
    }

    fn merge(&mut self, file: CatalogFile, origin: &str) {
        // New facts may teach the outcome of a conference the set says nothing of.
        self.conferences_with_outcomes = OnceLock::new();
        if let Some(date) = file.as_of.as_deref().and_then(Date::parse) {
            self.as_of = Some(self.as_of.map_or(date, |d| d.max(date)));
        }
        for (id, body) in file.bodies {
            self.bodies.insert(
                id,
                Body {
                    name: Names::from(body.name),
                    abbrev: Names::from(body.abbrev),
                },
            );
        }
        for c in file.conferences {
            if c.id.is_empty() {
                continue;
            }
            let conference = Conference {
                scheduled: c.status.as_deref() == Some("scheduled"),
                start: c.start.as_deref().and_then(Date::parse),
                end: c.end.as_deref().and_then(Date::parse),
                id: c.id,
                body: c.body,
                place: Names::from(c.place),
                year: c.year,
            };
            match self.conference_by_id.get(&conference.id) {
                Some(&i) => merge::merge_conference(&mut self.conferences[i], conference),
                None => {
                    self.conference_by_id
                        .insert(conference.id.clone(), self.conferences.len());
                    self.conferences.push(conference);
                }
            }
        }
        self.places.clear();
        for (i, c) in self.conferences.iter().enumerate() {
            for name in c.place.all() {
                let list = self.places.entry(fold(name)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        for (key, ids) in file.citation_index {
            let Some((place, _year)) = key.rsplit_once(',') else {
                continue;
            };
            for id in ids {
                if let Some(&i) = self.conference_by_id.get(&id) {
                    let list = self.places.entry(fold(place)).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        for a in file.ambiguities {
            if a.candidates.iter().any(|c| c.contains("not catalogued")) {
                self.uncatalogued_alternatives.push(fold(&a.citation));
            }
        }
        for (_body, coverage) in file.coverage {
            for (conf, list) in coverage.complete_lists {
                if list.complete {
                    let list = CompleteList {
                        adopted: list.adopted,
                        revised: list.revised,
                        abrogated: list.abrogated.iter().map(|a| a.number).collect(),
                        origin: origin.to_string(),
                        sources: owned(list.sources),
                    };
                    match self.complete_lists.get(&conf) {
                        Some(existing) => {
                            if let Some(c) = merge::compare_lists(&conf, existing, &list) {
                                self.conflicts.push(c);
                            }
                        }
                        None => {
                            self.complete_lists.insert(conf, list);
                        }
                    }
                }
            }
            for (conf, bound) in coverage.max_number_upper_bound {
                let confidence = coverage
                    .max_number_meta
                    .get(&conf)
                    .and_then(|m| m.confidence.as_deref());
                if confidence == Some("high") {
                    self.upper_bounds.insert(conf.clone(), bound);
                }
                self.ceilings
                    .insert(conf, (bound, Confidence::parse(confidence)));
            }
        }
        for r in file.resolutions {
            let resolution = Resolution::from_record(r, origin);
            let key = (resolution.body.clone(), resolution.number);
            if let Some(existing) = self.resolutions.get_mut(&key) {
                merge::merge_resolution(existing, resolution, &mut self.conflicts);
                continue;
            }
            let embedded = self
                .compiled_slot(&key.0, key.1)
                .and_then(CompiledSlot::get)
                .cloned();
            let merged = match embedded {
                Some(mut existing) => {
                    merge::merge_resolution(&mut existing, resolution, &mut self.conflicts);
                    existing
                }
                None => resolution,
            };
            self.resolutions.insert(key, Box::new(merged));
        }
    }

    pub fn conference(&self, id: &str) -> Option<&Conference> {
        self.conference_by_id.get(id).map(|&i| &self.conferences[i])
    }

    pub fn conferences(&self) -> &[Conference] {
        &self.conferences
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.get(id)
    }

    /// Whether the catalogue holds resolutions of this body at all.
    pub fn catalogues_body(&self, body: &str) -> bool {
        self.bodies.contains_key(body) || self.conferences.iter().any(|c| c.body == body)
    }

    /// Whether `place` (any spelling, any case) is where some conference met.
    pub fn is_place(&self, place: &str) -> bool {
        self.places.contains_key(&fold(place))
    }

    /// Folded names of every place, longest first (for recognising glued places).
    pub fn folded_places(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.places.keys().map(String::as_str).collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        v
    }

    /// Whether an unrevised tag at `place, year` may belong to a conference the catalogue
    /// does not hold, so that only the words around it can attribute it.
    pub fn tag_may_be_uncatalogued(&self, place: &str, year: u16) -> bool {
        let key = fold(&format!("{place}, {year}"));
        self.uncatalogued_alternatives.contains(&key)
    }

    /// Conferences held at `place` in `year`.
    pub fn conferences_at(&self, place: &str, year: u16) -> Vec<&Conference> {
        self.places
            .get(&fold(place))
            .map(|list| {
                list.iter()
                    .map(|&i| &self.conferences[i])
                    .filter(|c| c.year == year)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The body whose conferences are the only ones the catalogue holds at `place`,
    /// whatever the year (Hyderabad: WTDC; Busan: PP; Dubai: several bodies, none).
    pub fn only_body_at(&self, place: &str) -> Option<&str> {
        let list = self.places.get(&fold(place))?;
        let mut bodies = list.iter().map(|&i| &*self.conferences[i].body);
        let first = bodies.next()?;
        bodies.all(|b| b == first).then_some(first)
    }

    /// Conferences of `body` held in `year`, wherever.
    pub fn conferences_in(&self, body: &str, year: u16) -> Vec<&Conference> {
        self.conferences
            .iter()
            .filter(|c| c.body == body && c.year == year)
            .collect()
    }

    /// The body's earliest catalogued conference.
    pub fn first_conference_of(&self, body: &str) -> Option<&Conference> {
        self.conferences
            .iter()
            .filter(|c| c.body == body)
            .min_by_key(|c| c.began())
    }

    pub fn resolution(&self, body: &str, number: u32) -> Option<&Resolution> {
        if !self.resolutions.is_empty() {
            if let Some(r) = self.resolutions.get(&(body.to_string(), number)) {
                return Some(r);
            }
        }
        self.compiled_slot(body, number)?.get()
    }

    fn compiled_slot(&self, body: &str, number: u32) -> Option<&CompiledSlot> {
        let i = self
            .compiled
            .binary_search_by(|s| (s.body, s.number).cmp(&(body, number)))
            .ok()?;
        self.compiled.get(i)
    }

    /// Every resolution, in no order: those read from files, then the embedded records
    /// no file added to.
    fn all_resolutions(&self) -> impl Iterator<Item = &Resolution> {
        let hidden = |s: &&CompiledSlot| {
            !self.resolutions.is_empty()
                && self
                    .resolutions
                    .contains_key(&(s.body.to_string(), s.number))
        };
        let compiled = self.compiled.iter().filter(move |s| !hidden(s));
        let read = self.resolutions.values().map(|r| &**r);
        read.chain(compiled.filter_map(CompiledSlot::get))
    }

    /// Resolutions of a body, by number.
    pub fn resolutions_of(&self, body: &str) -> Vec<&Resolution> {
        let mut v: Vec<&Resolution> = self.all_resolutions().filter(|r| r.body == body).collect();
        v.sort_by_key(|r| r.number);
        v
    }

    pub fn complete_list(&self, conference: &str) -> Option<&CompleteList> {
        self.complete_lists.get(conference)
    }

    /// Where the catalogue files disagree.
    pub fn conflicts(&self) -> &[merge::Conflict] {
        &self.conflicts
    }

    /// Every resolution record, by body and number.
    pub fn resolutions(&self) -> Vec<&Resolution> {
        let mut v: Vec<&Resolution> = self.all_resolutions().collect();
        v.sort_by(|a, b| (&a.body, a.number).cmp(&(&b.body, b.number)));
        v
    }

    pub fn upper_bound(&self, conference: &str) -> Option<u32> {
        self.upper_bounds.get(conference).copied()
    }

    /// The ceiling on resolution numbers after `conference`, at any confidence.
    pub fn ceiling(&self, conference: &str) -> Option<(u32, Confidence)> {
        self.ceilings.get(conference).copied()
    }

    /// The catalogue's newest state: the date of its newest fact.
    pub fn state_date(&self) -> Date {
        self.as_of.unwrap_or(Date {
            year: 9999,
            month: 12,
            day: 31,
        })
    }
}

fn parse_file(text: &str, origin: &str) -> Result<CatalogFile, CatalogError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let kind = match e.classify() {
            serde_json::error::Category::Syntax => "syntax",
            serde_json::error::Category::Eof => "eof",
            serde_json::error::Category::Data | serde_json::error::Category::Io => "data",
        };
        let problem = CatalogProblem::Invalid {
            kind,
            detail: e.to_string(),
        };
        CatalogError::new(format!("{origin}:{}:{}", e.line(), e.column()), problem)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_parses_with_its_facts() {
        let json: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        let catalog = Catalog::embedded();
        assert_eq!(
            catalog.conferences().len(),
            json["conferences"].as_array().unwrap().len()
        );
        let r = catalog.resolution("PP", 140).unwrap();
        assert!(r.history.iter().any(|e| e.conference == "PP-14"));
        assert_eq!(catalog.conferences_at("DUBAÏ", 2014)[0].id, "WTDC-14");
        assert_eq!(catalog.conferences_at("Ginebra", 2022)[0].id, "WTSA-20");
        assert_eq!(catalog.upper_bound("PP-18"), Some(213));
        assert_eq!(
            catalog.upper_bound("WTDC-14"),
            None,
            "medium bounds are not certain"
        );
        assert!(catalog.complete_list("PP-18").is_some());
        assert!(catalog.conflicts().is_empty(), "{:?}", catalog.conflicts());
    }

    #[test]
    fn the_compiled_catalogue_equals_its_json() {
        let mut from_json = parse_file(EMBEDDED_JSON, EMBEDDED_ORIGIN).unwrap();
        // build.rs files the records by body and number, the JSON in its own order.
        from_json
            .resolutions
            .sort_by(|a, b| (&a.body, a.number).cmp(&(&b.body, b.number)));
        let embedded = compact::decode_embedded(EMBEDDED_COMPACT).unwrap();
        let mut compiled = embedded.file;
        compiled.resolutions = embedded
            .records
            .iter()
            .map(|r| compact::CompiledRecord::read(r.bytes).unwrap())
            .collect();
        assert!(compiled == from_json, "build.rs compiled another catalogue");
        assert_eq!(
            embedded.outcome_conferences,
            schema::outcome_conferences(&from_json.resolutions)
        );
        assert_eq!(compact::encode_embedded(from_json), EMBEDDED_COMPACT);
        // Every record is filed under its own body and number.
        for (record, resolution) in embedded.records.iter().zip(&compiled.resolutions) {
            assert_eq!(
                (record.body, record.number),
                (&*resolution.body, resolution.number)
            );
        }
        // Each body and number is filed once: the compiled catalogue keeps one record
        // of each, where a file's records would be merged.
        let mut keys: Vec<_> = embedded
            .records
            .iter()
            .map(|r| (r.body, r.number))
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), embedded.records.len());
        // Not vacuous: the catalogue has its records, and a damaged form is refused.
        assert!(compiled.resolutions.len() > 200);
        assert!(compiled
            .coverage
            .values()
            .any(|c| c.max_number_meta.values().any(|m| m.confidence.is_some())));
        let cut = &EMBEDDED_COMPACT[..EMBEDDED_COMPACT.len() - 1];
        assert!(compact::decode_embedded(cut).is_none());
        let longer: &'static [u8] = Vec::leak([EMBEDDED_COMPACT, &[0]].concat());
        assert!(compact::decode_embedded(longer).is_none());
        let record = embedded.records[0].bytes;
        assert!(compact::CompiledRecord::read(&record[..record.len() - 1]).is_none());
    }

    #[test]
    fn compiled_records_are_read_when_asked_for_and_read_as_the_json_reads() {
        let from_json = Catalog::from_json(EMBEDDED_JSON).unwrap();
        let compiled = Catalog::compiled(EMBEDDED_COMPACT);
        let read = |c: &Catalog| c.compiled.iter().filter(|s| s.read.get().is_some()).count();
        assert_eq!(read(&compiled), 0);
        assert!(compiled.knows_outcome_of("PP-22"));
        assert!(compiled.resolution("PP", 130).is_some());
        assert!(compiled.resolution("PP", 9999).is_none());
        assert_eq!(read(&compiled), 1);
        let all = compiled.resolutions();
        assert_eq!(read(&compiled), all.len());
        assert_eq!(all.len(), from_json.resolutions().len());
        for (a, b) in all.iter().zip(from_json.resolutions()) {
            // The same facts, but for the name of the file they came from.
            let b = format!("{b:?}").replace("\"catalogue\"", "\"embedded catalogue\"");
            assert_eq!(format!("{a:?}"), b);
        }
        // The conferences the compiled catalogue knows outcomes of without reading its
        // records are those a walk over every record finds.
        let mut walked = compiled.clone();
        walked.conferences_with_outcomes = OnceLock::new();
        assert!(!walked.knows_outcome_of("no such conference"));
        assert_eq!(
            walked.conferences_with_outcomes.get(),
            compiled.conferences_with_outcomes.get()
        );
    }

    #[test]
    fn user_files_add_to_records_fact_by_fact_and_keep_conflicts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("extra.json");
        std::fs::write(
            &path,
            r#"{"resolutions":[
              {"body":"WTDC","number":45,"title":{"fr":"Mécanismes"},"history":[{"conference":"WTDC-25","action":"revised","sources":["final-report.txt, line 12"]}]},
              {"body":"PP","number":130,"history":[{"conference":"PP-18","action":"adopted","sources":["x.txt, line 3"]}]}
            ]}"#,
        )
        .unwrap();
        let catalog = Catalog::with_files(&[&path]).unwrap();
        let embedded = Catalog::embedded().resolution("WTDC", 45).unwrap();
        let r = catalog.resolution("WTDC", 45).unwrap();
        assert_eq!(r.history.len(), embedded.history.len() + 1, "history kept");
        let new = r
            .history
            .iter()
            .find(|e| e.conference == "WTDC-25")
            .unwrap();
        assert_eq!(new.sources, ["final-report.txt, line 12"]);
        assert!(new.origin.ends_with("extra.json"));
        assert_eq!(r.title.own(Lang::Fr), Some("Mécanismes"));
        assert_eq!(r.title.own(Lang::En), embedded.title.own(Lang::En));
        // PP-18 revised 130 (embedded, from the Final Acts); the file says adopted.
        let conflicts = catalog.conflicts();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0].subject, "PP 130");
        assert!(conflicts[0].kept.starts_with("revised: embedded catalogue"));
        assert!(conflicts[0].other.contains("x.txt, line 3"));
        let pp18 = catalog
            .resolution("PP", 130)
            .unwrap()
            .history
            .iter()
            .find(|e| e.conference == "PP-18")
            .unwrap();
        assert_eq!(pp18.action, Action::AdoptedOrRevised);
        // Each resolution is listed once, merged: the file added facts, not records.
        let all = catalog.resolutions();
        assert_eq!(all.len(), Catalog::embedded().resolutions().len());
        let wtdc45: Vec<_> = all
            .iter()
            .filter(|r| (r.body.as_str(), r.number) == ("WTDC", 45))
            .collect();
        assert_eq!(wtdc45.len(), 1);
        assert_eq!(wtdc45[0].history.len(), embedded.history.len() + 1);
        assert_eq!(
            catalog.resolutions_of("WTDC").len(),
            Catalog::embedded().resolutions_of("WTDC").len()
        );
    }

    /// A ceiling is certain only where its note's confidence is high; a note may be any
    /// JSON value (the embedded file explains its semantics in a string).
    #[test]
    fn a_ceiling_takes_the_confidence_of_its_note() {
        let catalog = Catalog::from_json(
            r#"{"coverage":{"PP":{
                "max_number_upper_bound":{"PP-30":300,"PP-34":320,"PP-38":330},
                "max_number_meta":{
                    "semantics":"a note for people",
                    "PP-30":{"confidence":"high","basis":"Final Acts","sources":["x"]},
                    "PP-34":{"confidence":"medium"},
                    "PP-38":["not", "an", "object"]}}}}"#,
        )
        .unwrap();
        assert_eq!(catalog.upper_bound("PP-30"), Some(300));
        assert_eq!(catalog.ceiling("PP-30"), Some((300, Confidence::High)));
        assert_eq!(catalog.upper_bound("PP-34"), None);
        assert_eq!(catalog.ceiling("PP-34"), Some((320, Confidence::Medium)));
        assert_eq!(catalog.upper_bound("PP-38"), None);
        assert_eq!(catalog.ceiling("PP-38"), Some((330, Confidence::Medium)));
    }

    /// A file that repeats one event thousands of times, half of them disagreeing with
    /// the embedded record: its sources are listed once each, and the disagreement is one
    /// conflict showing a few sources, not one conflict per repetition listing them all.
    #[test]
    fn a_file_repeating_an_event_merges_once_and_conflicts_once() {
        let history: Vec<String> = (0..2000)
            .map(|i| {
                let action = if i % 2 == 0 { "revised" } else { "adopted" };
                format!(
                    r#"{{"conference":"PP-18","action":"{action}","sources":["s{}"]}}"#,
                    i % 500
                )
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("repeated.json");
        std::fs::write(
            &path,
            format!(
                r#"{{"resolutions":[{{"body":"PP","number":130,"history":[{}]}}]}}"#,
                history.join(",")
            ),
        )
        .unwrap();
        let catalog = Catalog::with_files(&[&path]).unwrap();
        let pp18 = catalog
            .resolution("PP", 130)
            .unwrap()
            .history
            .iter()
            .find(|e| e.conference == "PP-18")
            .unwrap();
        let from_file = pp18.sources.iter().filter(|s| s.starts_with('s')).count();
        assert_eq!(from_file, 500, "each source once");
        assert_eq!(pp18.action, Action::AdoptedOrRevised);
        let conflicts = catalog.conflicts();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert!(
            conflicts[0].other.contains("(s1)"),
            "{}",
            conflicts[0].other
        );
    }

    #[test]
    fn a_broken_file_names_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, "{\n  \"resolutions\": [}\n").unwrap();
        let err = Catalog::with_files(&[&path]).unwrap_err();
        assert!(err.origin.ends_with("bad.json:2:19"), "{}", err.origin);
    }
}
