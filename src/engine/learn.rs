//! `proplint catalog learn DIR`: evidence from ordinary documents. A citation
//! "Resolution 130 (Rev. Bucharest, 2022)" in an ITU document is evidence that PP-22
//! revised Resolution 130; "Resolution 89 (Kigali, 2022)" that WTDC-22 adopted it. Over a
//! folder of documents, the evidence is counted with its sources, given a confidence that
//! reflects how many documents agree, and its conflicts (both actions claimed for one
//! conference, a revision older than the adoption, a claim against what the catalogue
//! knows for certain) are reported, never settled.
//!
//! Text a proposal inserts (`{++…++}`, Word insertions) is its proposed change, not
//! evidence of what a conference did, and is left out.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::catalog::Catalog;
use crate::document::MarkKind;
use crate::engine::analysis::{analyze, Options};

/// One claim: (body, number, conference, revised).
type Claim = (String, u32, String, bool);

/// The evidence gathered over documents.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Per claim: the sources ("file, line n") and the distinct files.
    claims: BTreeMap<Claim, (Vec<String>, BTreeSet<String>)>,
    pub files_read: usize,
    pub citations_used: usize,
    /// Citations whose place and year name no conference of their body.
    pub unresolved: usize,
}

/// A disagreement found in the evidence.
#[derive(Debug, Clone)]
pub struct LearnConflict {
    pub subject: String,
    pub what: String,
    pub sources: Vec<String>,
}

/// How many sources a fact keeps in the file (the counts keep the rest).
const KEPT_SOURCES: usize = 10;

impl Evidence {
    /// Adds the citations of one document. `unit` names places ("line", "paragraph").
    pub fn add(&mut self, name: &str, text: &str, unit: &str, catalog: &Catalog) {
        self.files_read += 1;
        let options = Options {
            named: true,
            ..Options::default()
        };
        let analysis = analyze(text, catalog, &options);
        let document = analysis.document();
        let mut inserted: Vec<_> = document
            .marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::Insertion | MarkKind::Substitution))
            .map(|m| m.span)
            .collect();
        inserted.sort_by_key(|s| (s.start, s.end));
        // The furthest end among the marks up to each one: a citation is inside inserted
        // text if a mark starting before it ends reaches past its start.
        let reach: Vec<usize> = inserted
            .iter()
            .scan(0, |furthest, s| {
                *furthest = s.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        let lines = crate::base::text::LineIndex::new(text);
        for c in &document.citations {
            let Some(body) = c.body.and_then(|b| b.catalog_id()) else {
                continue;
            };
            let Some((revised, place, year)) = c.tag.as_ref().and_then(|t| t.place_year()) else {
                continue;
            };
            let before = inserted.partition_point(|s| s.start < c.span.end);
            if before > 0 && reach[before - 1] > c.span.start {
                continue;
            }
            let Some(conference) = catalog
                .conferences_at(place, year)
                .into_iter()
                .find(|k| k.body == body)
            else {
                self.unresolved += 1;
                continue;
            };
            let line = lines.line_of(c.span.start) + 1;
            let entry = self
                .claims
                .entry((
                    body.to_string(),
                    c.number,
                    conference.id.to_string(),
                    revised,
                ))
                .or_default();
            if entry.0.len() < KEPT_SOURCES {
                entry.0.push(format!("{name}, {unit} {line}"));
            }
            entry.1.insert(name.to_string());
            self.citations_used += 1;
        }
    }

    /// The conflicts in the evidence and against what the catalogue knows for certain.
    pub fn conflicts(&self, catalog: &Catalog) -> Vec<LearnConflict> {
        let mut out = Vec::new();
        for ((body, number, conference, revised), (sources, _)) in &self.claims {
            let subject = format!("{body} {number}");
            if *revised {
                // Both actions claimed for one conference.
                let other = (body.clone(), *number, conference.clone(), false);
                if let Some((other_sources, _)) = self.claims.get(&other) {
                    out.push(LearnConflict {
                        subject: subject.clone(),
                        what: format!("{conference}: cited both as revised and as adopted"),
                        sources: sources.iter().chain(other_sources).cloned().collect(),
                    });
                }
                // A revision older than an adoption.
                let began = catalog.conference(conference).map(|c| c.began());
                for ((b, n, adopted_at, rev), (adopted_sources, _)) in &self.claims {
                    if b != body || n != number || *rev {
                        continue;
                    }
                    let adopted = catalog.conference(adopted_at).map(|c| c.began());
                    if began.is_some() && adopted.is_some() && began < adopted {
                        out.push(LearnConflict {
                            subject: subject.clone(),
                            what: format!(
                                "revised at {conference}, before its adoption at {adopted_at}"
                            ),
                            sources: sources.iter().chain(adopted_sources).cloned().collect(),
                        });
                    }
                }
            }
            // Against certain knowledge: a complete list, or "not revised there".
            let record = catalog.resolution(body, *number);
            let listed = catalog.complete_list(conference).map(|l| {
                if *revised {
                    l.revised.contains(number)
                } else {
                    l.adopted.contains(number)
                }
            });
            let not_revised = record.is_some_and(|r| {
                r.not_revised_at
                    .iter()
                    .any(|(c, _)| c == conference && *revised)
            });
            if listed == Some(false) || not_revised {
                out.push(LearnConflict {
                    subject,
                    what: format!(
                        "cited as {} at {conference}, which the catalogue knows it was not ({})",
                        if *revised { "revised" } else { "adopted" },
                        if not_revised {
                            "not revised there"
                        } else {
                            "not in its complete list"
                        }
                    ),
                    sources: sources.clone(),
                });
            }
        }
        out
    }

    /// Facts the documents attest that the catalogue did not hold.
    pub fn new_facts(&self, catalog: &Catalog) -> usize {
        self.claims
            .keys()
            .filter(|(body, number, conference, _)| {
                !catalog
                    .resolution(body, *number)
                    .is_some_and(|r| r.history.iter().any(|e| e.conference == *conference))
            })
            .count()
    }

    /// The catalogue file of the evidence.
    pub fn to_catalog_file(&self, catalog: &Catalog) -> Value {
        let conflicts = self.conflicts(catalog);
        let disputed: BTreeSet<(String, u32, String)> = self
            .claims
            .keys()
            .filter(|(b, n, c, rev)| {
                *rev && self.claims.contains_key(&(b.clone(), *n, c.clone(), false))
            })
            .map(|(b, n, c, _)| (b.clone(), *n, c.clone()))
            .collect();
        let mut records: BTreeMap<(String, u32), Value> = BTreeMap::new();
        for ((body, number, conference, revised), (sources, files)) in &self.claims {
            let record = records.entry((body.clone(), *number)).or_insert_with(|| {
                json!({"body": body, "number": number, "history": [], "sources": [], "confidence": "low"})
            });
            let confidence = match files.len() {
                0 | 1 => "low",
                2 => "medium",
                _ => "high",
            };
            let key = (body.clone(), *number, conference.clone());
            let mut event = json!({
                "conference": conference,
                "action": if *revised { "revised" } else { "adopted" },
                "evidence": ["citation"],
                "sources": sources,
                "citations": sources.len().max(files.len()),
                "documents": files.len(),
                "confidence": confidence,
            });
            if disputed.contains(&key) {
                // Both forms cited: accepted when cited, never used to flag.
                event["status"] = json!("disputed");
            }
            if let Some(history) = record["history"].as_array_mut() {
                history.push(event);
            }
            if let Some(list) = record["sources"].as_array_mut() {
                for f in files {
                    if !list.contains(&json!(f)) {
                        list.push(json!(f));
                    }
                }
            }
            let rank = |c: &str| match c {
                "high" => 2,
                "medium" => 1,
                _ => 0,
            };
            if rank(confidence) > rank(record["confidence"].as_str().unwrap_or("low")) {
                record["confidence"] = json!(confidence);
            }
        }
        json!({
            "schema_version": 1,
            "description": "Evidence collected by `proplint catalog learn` from citations in ordinary documents: each event says how many citations and documents attest it. A citation proves that the cited version existed, not that it is the latest.",
            "conventions": {
                "built_by": "proplint catalog learn",
                "confidence": "high: cited in 3 or more documents; medium: 2; low: 1",
            },
            "learn_summary": {
                "files_read": self.files_read,
                "citations_used": self.citations_used,
                "citations_naming_no_conference": self.unresolved,
            },
            "learn_conflicts": conflicts.iter().map(|c| json!({
                "subject": c.subject, "what": c.what, "sources": c.sources,
            })).collect::<Vec<_>>(),
            "resolutions": records.into_values().collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_citations_inside_inserted_text_are_left_out_and_lines_are_counted() {
        let catalog = Catalog::embedded();
        let mut e = Evidence::default();
        e.add(
            "d.txt",
            "{++A new first paragraph that runs long.++}\n\
             {++Resolution 89 (Kigali, 2022) of the World Telecommunication Development Conference++}\n\
             \n\
             Resolution 130 (Rev. Bucharest, 2022) of the Plenipotentiary Conference {++and more++}\n",
            "line",
            catalog,
        );
        assert_eq!(e.citations_used, 1, "the inserted citation is not evidence");
        let file = e.to_catalog_file(catalog);
        let resolutions = file["resolutions"].as_array().unwrap();
        assert_eq!(resolutions.len(), 1);
        assert_eq!(resolutions[0]["number"], 130);
        assert_eq!(resolutions[0]["history"][0]["sources"][0], "d.txt, line 4");
    }

    #[test]
    fn citations_become_counted_evidence_and_conflicts_are_kept() {
        let catalog = Catalog::embedded();
        let mut e = Evidence::default();
        e.add(
            "a.txt",
            "In line with Resolution 130 (Rev. Bucharest, 2022) of the Plenipotentiary Conference\nand Resolution 89 (Kigali, 2022) of the World Telecommunication Development Conference.\n",
            "line",
            catalog,
        );
        e.add(
            "b.md",
            "See Resolution 130 (Rev. Bucharest, 2022) of the Plenipotentiary Conference and Resolution 89 (Rev. Kigali, 2022) of the World Telecommunication Development Conference.\n",
            "line",
            catalog,
        );
        e.add(
            "c.txt",
            "Resolution 130 (Rev. {--Dubai, 2018--}{++Bucharest, 2022++}) of the Plenipotentiary Conference\n",
            "line",
            catalog,
        );
        assert_eq!(e.files_read, 3);
        let file = e.to_catalog_file(catalog);
        let r130 = file["resolutions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["number"] == 130)
            .unwrap();
        let pp22 = &r130["history"][0];
        assert_eq!(pp22["conference"], "PP-22");
        assert_eq!(
            pp22["documents"], 2,
            "the proposed change in c.txt is not evidence"
        );
        assert_eq!(pp22["confidence"], "medium");
        assert_eq!(pp22["sources"][0], "a.txt, line 1");
        let conflicts = e.conflicts(catalog);
        assert!(
            conflicts.iter().any(
                |c| c.subject == "WTDC 89" && c.what.contains("both as revised and as adopted")
            ),
            "{conflicts:?}"
        );
    }
}
