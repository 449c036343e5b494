//! The on-disk catalogue format (`catalog/itu-resolutions.json`), read with serde.
//!
//! Only the fields proplint uses are declared; everything else in the file (sources,
//! notes, analyses) is kept in the file for people and ignored here. Every field has a
//! default so that a user's catalogue file can hold just the entries it adds.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct CatalogFile {
    pub as_of: Option<String>,
    pub bodies: BTreeMap<String, BodyRecord>,
    pub conferences: Vec<ConferenceRecord>,
    pub citation_index: BTreeMap<String, Vec<String>>,
    pub ambiguities: Vec<AmbiguityRecord>,
    pub coverage: BTreeMap<String, CoverageRecord>,
    pub resolutions: Vec<ResolutionRecord>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
#[serde(transparent)]
pub struct Localized(pub std::collections::BTreeMap<String, Option<String>>);

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct BodyRecord {
    pub name: Localized,
    pub abbrev: Localized,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ConferenceRecord {
    pub id: String,
    pub body: String,
    pub place: Localized,
    pub year: u16,
    pub start: Option<String>,
    pub end: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct AmbiguityRecord {
    pub citation: String,
    pub candidates: Vec<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct CoverageRecord {
    pub complete_lists: BTreeMap<String, CompleteListRecord>,
    pub max_number_upper_bound: BTreeMap<String, u32>,
    pub max_number_meta: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct CompleteListRecord {
    pub complete: bool,
    pub sources: Vec<String>,
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
    pub body: String,
    pub number: u32,
    pub title: Localized,
    pub subject_as_cited: Option<String>,
    pub history: Vec<EventRecord>,
    pub history_complete_through: Option<String>,
    pub suppressed_at: Option<String>,
    pub suppressed_before: Option<String>,
    pub not_revised_at: Vec<String>,
    pub not_revised_at_basis: BTreeMap<String, BasisRecord>,
    pub in_force_after: Vec<String>,
    pub sources: Vec<String>,
    pub confidence: Option<String>,
    #[serde(rename = "state_at_PP-18")]
    pub state_at_pp18: Option<StateRecord>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct EventRecord {
    pub conference: String,
    pub action: String,
    pub status: Option<String>,
    pub evidence: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct BasisRecord {
    pub confidence: Option<String>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct StateRecord {
    pub status: Option<String>,
    pub citation: Option<String>,
    pub conference: Option<String>,
    pub conflict: bool,
    pub strength: Option<String>,
    pub conflict_kind: Option<String>,
    pub candidates: Vec<String>,
    pub minority: BTreeMap<String, u32>,
}

/// The conferences of which these records tell some outcome: a revision or adoption, a
/// suppression, a list that showed a text in force after it, or a statement that it did
/// not revise one. build.rs stores them with the embedded catalogue, so that a start
/// knows them without reading every record; a test holds them equal to what the
/// catalogue finds by walking its resolutions.
pub fn outcome_conferences(records: &[ResolutionRecord]) -> Vec<String> {
    let mut known: Vec<String> = records
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
