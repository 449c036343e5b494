//! One call from text to diagnostics: parse the document, settle the target
//! conference, run the enabled rules. Front-ends call [`analyze`] and present.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;

use crate::catalog::{Catalog, Conference, Date, Lang, When};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{chunk_spans, Document, ProposalRef};
use crate::rules::{self, Rule};

/// What a front-end may choose about an analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A conference id (`PP-22`, `WTDC-17`) that overrides what the document says.
    pub target: Option<String>,
    /// Per-rule severity; `None` turns the rule off. Rules not listed keep their default.
    pub severities: BTreeMap<Rule, Option<Severity>>,
}

/// Where the target conference came from, for the output to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSource {
    /// `--target`, a configuration file or an editor setting.
    Option,
    /// The conference line ("The World Telecommunication Development Conference (Buenos Aires, 2017),").
    ConferenceLine,
    /// A resolution heading's own revision tag.
    Heading,
    /// A conference abbreviation in the document header ("CMDT-17").
    Header,
    /// Nothing said: the newest state of the catalogue.
    Catalogue,
}

impl TargetSource {
    pub fn describe(self) -> &'static str {
        match self {
            TargetSource::Option => "option",
            TargetSource::ConferenceLine => "conference line",
            TargetSource::Heading => "heading",
            TargetSource::Header => "document header",
            TargetSource::Catalogue => "catalogue state",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// The conference id, or `None` for the catalogue's newest state.
    pub id: Option<String>,
    pub source: TargetSource,
    /// Citations of conferences that began before this date are in the past.
    #[serde(skip)]
    pub date: Date,
}

impl Target {
    pub fn when<'c>(&self, catalog: &'c Catalog) -> When<'c> {
        When {
            conference: self.id.as_deref().and_then(|id| catalog.conference(id)),
            date: self.date,
        }
    }

    /// "WTDC-17 (conference line)" or "catalogue state of 2026-02-03".
    pub fn describe(&self) -> String {
        match &self.id {
            Some(id) => format!("{id} (from the {})", self.source.describe()),
            None => format!("the catalogue's newest state ({})", self.date),
        }
    }
}

/// The result of checking one text.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub target: Target,
    pub language: Lang,
    /// Sorted by position, then rule. Empty for a text that is not a proposal.
    pub diagnostics: Vec<Diagnostic>,
    /// The chunks the text was parsed in, at their offsets (see [`chunk_spans`]).
    chunks: Vec<(usize, Arc<Document>)>,
    document: OnceLock<Document>,
}

impl Analysis {
    /// The whole document model, assembled from its chunks on first use.
    pub fn document(&self) -> &Document {
        self.document.get_or_init(|| {
            Document::assemble(self.language, self.chunks.iter().map(|(o, d)| (*o, &**d)))
        })
    }

    pub fn is_proposal(&self) -> bool {
        self.chunks.iter().any(|(_, d)| d.is_proposal())
    }
}

/// An invalid option, reported before any file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError(pub String);

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionError {}

/// Checks that a `--target` names a catalogued conference.
pub fn validate_target(catalog: &Catalog, id: &str) -> Result<(), OptionError> {
    if catalog.conference(id).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = catalog
        .conferences()
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    Err(OptionError(format!(
        "unknown target conference `{id}`; the catalogue knows {}",
        known.join(", ")
    )))
}

/// Checks one text from scratch. Editors keep a [`Session`] instead, which re-parses
/// only the chunks an edit touched; both give the same result by construction (a full
/// analysis is a session with an empty cache).
pub fn analyze(text: &str, catalog: &Catalog, options: &Options) -> Analysis {
    Session::new().analyze(text, catalog, options)
}

/// Analyses successive versions of one text, reusing the parse and the rule results of
/// every chunk whose text did not change (a chunk is a stretch between separator lines,
/// see [`chunk_spans`]). Call [`Session::invalidate`] when the catalogue changes.
#[derive(Default)]
pub struct Session {
    parses: FxHashMap<(u64, bool), (Arc<str>, Arc<Document>)>,
    checks: FxHashMap<CheckKey, (Arc<str>, Arc<Vec<Diagnostic>>)>,
    catalog: usize,
    /// Chunks parsed and chunks reused by the last analysis, for tests and benchmarks.
    pub last_parsed: usize,
    pub last_reused: usize,
}

/// What a chunk's rule results depend on besides its text.
#[derive(Clone, PartialEq, Eq, Hash)]
struct CheckKey {
    text: u64,
    first: bool,
    target: Option<String>,
    date: Date,
    language: Lang,
}

fn hash_text(text: &str) -> u64 {
    let mut h = FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Forgets every cached result (the catalogue or the options changed).
    pub fn invalidate(&mut self) {
        self.parses.clear();
        self.checks.clear();
    }

    pub fn analyze(&mut self, text: &str, catalog: &Catalog, options: &Options) -> Analysis {
        let catalog_id = catalog as *const Catalog as usize;
        if catalog_id != self.catalog {
            self.invalidate();
            self.catalog = catalog_id;
        }
        let spans = chunk_spans(text);
        let mut parses = FxHashMap::default();
        let (mut parsed, mut reused) = (0, 0);
        let mut chunks: Vec<(usize, Arc<str>, u64, Arc<Document>)> =
            Vec::with_capacity(spans.len());
        for (i, span) in spans.iter().enumerate() {
            let chunk = &text[span.start..span.end];
            let key = (hash_text(chunk), i == 0);
            let entry = match self.parses.get(&key) {
                Some((t, d)) if &**t == chunk => {
                    reused += 1;
                    (t.clone(), d.clone())
                }
                _ => {
                    parsed += 1;
                    let doc = Document::parse_chunk(chunk, catalog, i == 0);
                    (Arc::<str>::from(chunk), Arc::new(doc))
                }
            };
            parses.insert(key, entry.clone());
            chunks.push((span.start, entry.0, key.0, entry.1));
        }
        self.parses = parses;
        self.last_parsed = parsed;
        self.last_reused = reused;

        let language = crate::document::detect_language(text);
        let target = settle_target(
            stated_target(chunks.iter().map(|(_, _, _, d)| &**d)),
            catalog,
            options,
        );
        let is_proposal = chunks.iter().any(|(_, _, _, d)| d.is_proposal());
        let mut diagnostics = Vec::new();
        let mut checks = FxHashMap::default();
        if is_proposal {
            for (i, (offset, chunk_text, hash, doc)) in chunks.iter().enumerate() {
                let key = CheckKey {
                    text: *hash,
                    first: i == 0,
                    target: target.id.clone(),
                    date: target.date,
                    language,
                };
                let found = match self.checks.get(&key) {
                    Some((t, d)) if t == chunk_text => d.clone(),
                    _ => Arc::new(rules::run_chunk(
                        doc, chunk_text, catalog, &target, language,
                    )),
                };
                diagnostics.extend(found.iter().cloned().map(|d| d.shifted(*offset)));
                checks.insert(key, (chunk_text.clone(), found));
            }
            let refs: Vec<ProposalRef> = chunks
                .iter()
                .flat_map(|(offset, _, _, doc)| {
                    doc.units.iter().filter_map(move |u| {
                        let mut r = u.reference.clone()?;
                        r.span = r.span.shifted(*offset);
                        r.seq_span = r.seq_span.shifted(*offset);
                        Some(r)
                    })
                })
                .collect();
            diagnostics.extend(rules::check_proposal_refs(&refs));
            let comments = chunks.iter().flat_map(|(offset, _, _, doc)| {
                doc.marks
                    .iter()
                    .filter(|m| m.kind == crate::document::MarkKind::Comment)
                    .map(move |m| m.span.shifted(*offset))
            });
            let suppressions = crate::suppress::find(text, comments);
            crate::suppress::apply(&suppressions, &mut diagnostics);
        }
        self.checks = checks;
        diagnostics.retain_mut(|d| match options.severities.get(&d.rule) {
            Some(None) => false,
            Some(Some(severity)) => {
                d.severity = *severity;
                true
            }
            None => true,
        });
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        Analysis {
            target,
            language,
            diagnostics,
            chunks: chunks.into_iter().map(|(o, _, _, d)| (o, d)).collect(),
            document: OnceLock::new(),
        }
    }
}

/// The target conference a document states, and where: the first conference line, else
/// a heading whose revision tag was changed, else a code in the header.
fn stated_target<'d>(
    chunks: impl Iterator<Item = &'d Document> + Clone,
) -> Option<(String, TargetSource)> {
    let units = || chunks.clone().flat_map(|d| d.units.iter());
    if let Some(id) = units().find_map(|u| u.conference_line.as_ref()?.conference.clone()) {
        return Some((id, TargetSource::ConferenceLine));
    }
    if let Some(id) = units()
        .filter_map(|u| u.heading.as_ref())
        .filter(|h| h.tag_changed)
        .find_map(|h| h.conference.clone())
    {
        return Some((id, TargetSource::Heading));
    }
    chunks
        .clone()
        .find_map(|d| d.header_conference.clone())
        .map(|id| (id, TargetSource::Header))
}

fn settle_target(
    stated: Option<(String, TargetSource)>,
    catalog: &Catalog,
    options: &Options,
) -> Target {
    let from = |conf: &Conference, source| Target {
        id: Some(conf.id.clone()),
        source,
        date: conf.began(),
    };
    if let Some(conf) = options
        .target
        .as_deref()
        .and_then(|id| catalog.conference(id))
    {
        return from(conf, TargetSource::Option);
    }
    if let Some((id, source)) = stated {
        if let Some(conf) = catalog.conference(&id) {
            return from(conf, source);
        }
    }
    Target {
        id: None,
        source: TargetSource::Catalogue,
        date: catalog.state_date(),
    }
}
