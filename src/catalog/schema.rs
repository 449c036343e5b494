//! The on-disk catalogue format (`catalog/itu-resolutions.json`), read with serde.
//!
//! Only the fields proplint uses are declared; everything else in the file (sources,
//! notes, analyses) is kept in the file for people and ignored here. Every field has a
//! default so that a user's catalogue file can hold just the entries it adds.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

/// A string of a catalogue: owned when read from a user's file, borrowed from the
/// binary when read from the compiled embedded catalogue (a start allocates none).
pub type Str = Cow<'static, str>;

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct CatalogFile {
    pub as_of: Option<Str>,
    pub bodies: BTreeMap<Str, BodyRecord>,
    pub conferences: Vec<ConferenceRecord>,
    pub citation_index: BTreeMap<Str, Vec<Str>>,
    pub ambiguities: Vec<AmbiguityRecord>,
    pub coverage: BTreeMap<Str, CoverageRecord>,
    pub resolutions: Vec<ResolutionRecord>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<Str, Option<Str>>);

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct BodyRecord {
    pub name: Localized,
    pub abbrev: Localized,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ConferenceRecord {
    pub id: Str,
    pub body: Str,
    pub place: Localized,
    pub year: u16,
    pub start: Option<Str>,
    pub end: Option<Str>,
    pub status: Option<Str>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct AmbiguityRecord {
    pub citation: Str,
    pub candidates: Vec<Str>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct CoverageRecord {
    pub complete_lists: BTreeMap<Str, CompleteListRecord>,
    pub max_number_upper_bound: BTreeMap<Str, u32>,
    pub max_number_meta: BTreeMap<Str, MetaRecord>,
}

/// An entry of `max_number_meta`: proplint reads its confidence; what else the file says
/// there (the basis, sources, a note on the semantics) is for people. Any JSON value is
/// accepted, as the file's notes are plain strings; one without a textual `confidence`
/// has none.
#[derive(Debug, Default, PartialEq)]
pub struct MetaRecord {
    pub confidence: Option<Str>,
}

impl<'de> Deserialize<'de> for MetaRecord {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let confidence = value.get("confidence").and_then(|c| c.as_str());
        Ok(MetaRecord {
            confidence: confidence.map(|c| Str::Owned(c.to_string())),
        })
    }
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct CompleteListRecord {
    pub complete: bool,
    pub sources: Vec<Str>,
    pub adopted: Vec<u32>,
    pub revised: Vec<u32>,
    pub abrogated: Vec<AbrogatedRecord>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct AbrogatedRecord {
    pub number: u32,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ResolutionRecord {
    pub body: Str,
    pub number: u32,
    pub title: Localized,
    pub subject_as_cited: Option<Str>,
    pub history: Vec<EventRecord>,
    pub history_complete_through: Option<Str>,
    pub suppressed_at: Option<Str>,
    pub suppressed_before: Option<Str>,
    pub not_revised_at: Vec<Str>,
    pub not_revised_at_basis: BTreeMap<Str, BasisRecord>,
    pub in_force_after: Vec<Str>,
    pub sources: Vec<Str>,
    pub confidence: Option<Str>,
    #[serde(rename = "state_at_PP-18")]
    pub state_at_pp18: Option<StateRecord>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct EventRecord {
    pub conference: Str,
    pub action: Str,
    pub status: Option<Str>,
    pub evidence: Vec<Str>,
    pub sources: Vec<Str>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct BasisRecord {
    pub confidence: Option<Str>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct StateRecord {
    pub status: Option<Str>,
    pub citation: Option<Str>,
    pub conference: Option<Str>,
    pub conflict: bool,
    pub strength: Option<Str>,
    pub conflict_kind: Option<Str>,
    pub candidates: Vec<Str>,
    pub minority: BTreeMap<Str, u32>,
}

/// The conferences of which these records tell some outcome: a revision or adoption, a
/// suppression, a list that showed a text in force after it, or a statement that it did
/// not revise one. build.rs stores them with the embedded catalogue, so that a start
/// knows them without reading every record; a test holds them equal to what the
/// catalogue finds by walking its resolutions.
pub fn outcome_conferences(records: &[ResolutionRecord]) -> Vec<Str> {
    let mut known: Vec<Str> = records
        .iter()
        .flat_map(|r| {
            r.history
                .iter()
                .map(|e| &e.conference)
                .chain(&r.suppressed_at)
                .chain(&r.in_force_after)
                .chain(&r.not_revised_at)
        })
        .cloned()
        .collect();
    known.sort();
    known.dedup();
    known
}
