//! One call from text to diagnostics: parse the document, settle the target
//! conference, run the enabled rules. Front-ends call [`analyze`] and present.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::text::Span;
pub use crate::base::text::TextChange;
use crate::base::Rule;
use crate::base::{Date, Target, TargetSource};
use crate::catalog::{Catalog, Conference};
use crate::document::{
    join_split_units, join_units, Cuts, Document, Entry, ProposalRef, Unit, MIN_CHUNK_INSIDE_UNIT,
    NO_CUT_INSIDE_UNITS,
};
use crate::engine::findings::{self, Findings};
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;
use crate::rules;

/// What a front-end may choose about an analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A conference id (`PP-22`, `WTDC-17`) that overrides what the document says.
    pub target: Option<String>,
    /// Per-rule severity; `None` turns the rule off. Rules not listed keep their default.
    pub severities: BTreeMap<Rule, Option<Severity>>,
    /// The language of the messages; `None` writes them in the document's language.
    pub messages: Option<Lang>,
    /// The user named this text (a file argument, standard input): its citations are
    /// checked whatever its shape (prose, lists, tables of contents). Texts found by a
    /// folder walk are checked only when they look like proposals.
    pub named: bool,
    /// Add one `uncatalogued-citation` note, at the first citation concerned, naming the
    /// conferences whose outcomes are missing for the bodies the text cites: what an
    /// editor shows instead of a report's header line (see [`crate::engine::outcomes`]).
    pub note_missing_outcomes: bool,
}

/// The rules that judge citations: what a named text that is not shaped like a
/// proposal is checked for (its lists and lettering are not clauses).
fn judges_citations(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::UnknownResolution
            | Rule::UnknownRevision
            | Rule::SuppressedResolution
            | Rule::StaleRevision
            | Rule::UncataloguedCitation
    )
}

/// The result of checking one text.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub target: Target,
    pub language: Lang,
    /// The language the findings' messages and fix titles are written in.
    pub messages: Lang,
    /// Empty for a text that is not a proposal.
    findings: Findings,
    /// The chunks the text was parsed in, at their offsets (see [`chunk_spans`](crate::document::chunk_spans)).
    chunks: Vec<(usize, Arc<Document>)>,
    document: OnceLock<Document>,
}

impl Analysis {
    /// The diagnostics, sorted by position, then rule.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.findings.as_slice()
    }

    /// The same diagnostics, placed in the text without being copied: what a front-end
    /// that presents every version of a changing text should read.
    pub fn findings(&self) -> &Findings {
        &self.findings
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.findings.into_vec()
    }

    /// The parsed chunks, in text order, each with its offset (its spans are relative
    /// to it).
    pub fn chunks(&self) -> impl Iterator<Item = (usize, &Document)> {
        self.chunks.iter().map(|(offset, d)| (*offset, &**d))
    }

    /// The parsed chunks whose text holds `offset`, in text order: one, or two where
    /// `offset` is the end of one and the start of the next.
    pub fn chunks_at(&self, offset: usize) -> impl Iterator<Item = (usize, &Document)> {
        let after = self.chunks.partition_point(|(start, _)| *start <= offset);
        let mut first = after.saturating_sub(1);
        if first > 0 && self.chunks[first].0 == offset {
            first -= 1;
        }
        self.chunks[first..after]
            .iter()
            .map(|(offset, d)| (*offset, &**d))
    }

    /// Every unit of the text, whole, in order, with the offset its spans are relative
    /// to (see [`join_units`]).
    pub fn units(&self) -> Vec<(usize, Cow<'_, Unit>)> {
        join_units(self.chunks(), true)
    }

    /// The whole unit holding `offset`, with the offset its spans are relative to: read
    /// from the chunks around it, put together when cuts at its sections split it.
    pub fn unit_at(&self, offset: usize) -> Option<(usize, Cow<'_, Unit>)> {
        let after = self.chunks.partition_point(|(start, _)| *start <= offset);
        let at = after.checked_sub(1)?;
        // The unit's parts: back while a chunk continues the one before, on while one
        // is continued.
        let mut first = at;
        while first > 0 && self.chunks[first].1.continues {
            first -= 1;
        }
        let mut last = at;
        while last + 1 < self.chunks.len() && self.chunks[last].1.continued {
            last += 1;
        }
        let around = self.chunks[first..=last].iter().map(|(o, d)| (*o, &**d));
        // As `Document::unit_at`: a unit holds its start, not its end.
        join_units(around, true)
            .into_iter()
            .find(|(o, u)| u.span.start + o <= offset && offset < u.span.end + o)
    }

    /// The whole document model, assembled from its chunks on first use. A front-end
    /// that answers questions about one place (an editor's hover) should read
    /// [`chunks_at`](Self::chunks_at) instead: assembling copies the whole model.
    pub fn document(&self) -> &Document {
        self.document.get_or_init(|| {
            Document::assemble(self.language, self.chunks.iter().map(|(o, d)| (*o, &**d)))
        })
    }

    pub fn is_proposal(&self) -> bool {
        self.chunks.iter().any(|(_, d)| d.is_proposal())
    }
}

/// The once-per-document note of [`Options::note_missing_outcomes`], if outcomes are
/// missing.
fn missing_outcomes_note<'d>(
    chunks: impl Iterator<Item = (usize, &'d Document)>,
    target: &Target,
    catalog: &Catalog,
    messages: Lang,
) -> Option<Diagnostic> {
    let missing = crate::engine::outcomes::missing(chunks, target, catalog);
    let at = missing.at?;
    let named = missing.named(catalog, messages);
    let message = crate::lang::messages::Message::UncataloguedOutcomes {
        conferences: &named,
    };
    Some(Diagnostic::new(
        Rule::UncataloguedCitation,
        at,
        message.render(messages),
    ))
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

/// [`validate_target`]'s error in `lang`'s words.
pub fn target_error_in(catalog: &Catalog, id: &str, lang: Lang) -> String {
    let known: Vec<&str> = catalog.conferences().iter().map(|c| &*c.id).collect();
    let args = Args::new().s("id", id).s("known", known.join(", "));
    tr(lang, "target-unknown", &args)
}

/// Checks that a `--target` names a catalogued conference.
pub fn validate_target(catalog: &Catalog, id: &str) -> Result<(), OptionError> {
    if catalog.conference(id).is_some() {
        return Ok(());
    }
    Err(OptionError(target_error_in(catalog, id, Lang::En)))
}

/// Checks one text from scratch. Editors keep a [`Session`] instead, which re-parses
/// only the chunks an edit touched; both give the same result by construction (a full
/// analysis is a session with nothing to reuse, and with no edit to come it cuts no
/// unit: [`NO_CUT_INSIDE_UNITS`]).
pub fn analyze(text: &str, catalog: &Catalog, options: &Options) -> Analysis {
    Session::cutting_inside_units_from(NO_CUT_INSIDE_UNITS).analyze(text, catalog, options)
}

/// Analyses successive versions of one text, reusing the parse and the rule results of
/// every chunk (a stretch between separator lines, see [`chunk_spans`](crate::document::chunk_spans)) that a change
/// did not touch. Chunks before the change keep their offsets, chunks after it move by
/// the change's length; only the chunks between are cut again and parsed.
pub struct Session {
    chunks: Vec<Chunk>,
    text_len: usize,
    language: Option<Lang>,
    /// What the cached rule results were computed under.
    checked: Option<CheckContext>,
    /// The last findings on the sequence of proposal references (whole text).
    refs_found: Option<Vec<Diagnostic>>,
    /// The last findings of the rules on whole units, for each unit that cuts split.
    joined_found: Vec<JoinedFound>,
    catalog: usize,
    /// How long a chunk is at least before it is cut inside a unit (see
    /// [`chunk_spans`](crate::document::chunk_spans)).
    min_inside_unit: usize,
    /// Chunks parsed and chunks reused by the last analysis, for tests and benchmarks.
    pub last_parsed: usize,
    pub last_reused: usize,
}

#[derive(Clone)]
struct Chunk {
    span: Span,
    /// Where the chunk's first line ends (the cut before the chunk depends on it).
    first_line_end: usize,
    /// What the parser knew at the chunk's start: the chunk is parsed again when what
    /// an edit before it leaves there differs.
    entry: Entry,
    document: Arc<Document>,
    /// The rules' findings, relative to the chunk's start, once computed.
    found: Option<Arc<Vec<Diagnostic>>>,
}

/// What a chunk's rule results depend on besides its text and place.
#[derive(Clone, PartialEq, Eq)]
struct CheckContext {
    target: Option<String>,
    date: Date,
    language: Lang,
    citations_only: bool,
    messages: Lang,
    /// Whether the text holds revision marks (fixes are then written as marks).
    marked: bool,
}

impl Default for Session {
    fn default() -> Session {
        Session::cutting_inside_units_from(MIN_CHUNK_INSIDE_UNIT)
    }
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// A session that cuts chunks inside units once they hold `bytes`: the results are
    /// those of any other size (tests cut short texts at every section this way).
    pub fn cutting_inside_units_from(bytes: usize) -> Session {
        Session {
            chunks: Vec::new(),
            text_len: 0,
            language: None,
            checked: None,
            refs_found: None,
            joined_found: Vec::new(),
            catalog: 0,
            min_inside_unit: bytes,
            last_parsed: 0,
            last_reused: 0,
        }
    }

    /// Forgets every cached result.
    pub fn invalidate(&mut self) {
        self.chunks.clear();
        self.language = None;
        self.checked = None;
        self.refs_found = None;
        self.joined_found.clear();
    }

    /// Analyses a text with no knowledge of how it differs from the last one: nothing is
    /// reused.
    pub fn analyze(&mut self, text: &str, catalog: &Catalog, options: &Options) -> Analysis {
        self.invalidate();
        self.analyze_change(
            text,
            TextChange::whole(self.text_len, text.len()),
            catalog,
            options,
        )
    }

    /// Analyses `text`, which is the last analysed text with `change` applied. A change
    /// that does not fit the two lengths is taken as a change of the whole text.
    pub fn analyze_change(
        &mut self,
        text: &str,
        change: TextChange,
        catalog: &Catalog,
        options: &Options,
    ) -> Analysis {
        let catalog_id = catalog as *const Catalog as usize;
        let fits = change.start <= change.old_end.min(change.new_end)
            && change.old_end <= self.text_len
            && change.new_end <= text.len()
            && self.text_len - change.old_end == text.len() - change.new_end;
        let change = if catalog_id != self.catalog || !fits {
            self.invalidate();
            self.catalog = catalog_id;
            TextChange::whole(self.text_len, text.len())
        } else {
            change
        };
        let rechunked = self.rechunk(text, change, catalog);
        self.text_len = text.len();

        let language = match self.language {
            // Guessed from the text's beginning: later edits cannot change it.
            Some(language) if change.start > crate::document::LANGUAGE_SAMPLE_BYTES => language,
            _ => crate::document::detect_language(text),
        };
        self.language = Some(language);
        let messages = options.messages.unwrap_or(language);
        let target = settle_target(
            stated_target(self.chunks.iter().map(|c| &*c.document)),
            catalog,
            options,
        );
        let is_proposal = self.chunks.iter().any(|c| c.document.is_proposal());
        let citations_only = !is_proposal && options.named;
        let findings = if is_proposal || citations_only {
            let context = CheckContext {
                target: target.id.clone(),
                date: target.date,
                language,
                citations_only,
                messages,
                marked: self.chunks.iter().any(|c| !c.document.marks.is_empty()),
            };
            let under = rules::Under {
                catalog,
                target: &target,
                language,
                messages,
                marked: context.marked,
            };
            if self.checked.as_ref() != Some(&context) {
                self.chunks.iter_mut().for_each(|c| c.found = None);
                // The proposal-sequence findings are worded in the messages' language.
                self.refs_found = None;
                self.joined_found.clear();
                self.checked = Some(context);
            }
            let mut chunk_findings = Vec::new();
            for chunk in &mut self.chunks {
                let found = chunk.found.get_or_insert_with(|| {
                    let mut found = rules::run_chunk(
                        &chunk.document,
                        &text[chunk.span.start..chunk.span.end],
                        under,
                    );
                    if citations_only {
                        found.retain(|d| judges_citations(d.rule));
                    }
                    findings::sort(&mut found);
                    Arc::new(found)
                });
                if !found.is_empty() {
                    chunk_findings.push((chunk.span.start, found.clone()));
                }
            }
            // The sequence of proposal numbers is the same unless the chunks parsed again
            // hold other references, or the same ones elsewhere: then the last findings
            // still hold, moved with the text. A keystroke in a unit's text is that case.
            let unchanged = self.refs_found.is_some()
                && same_refs(
                    placed_refs(&rechunked.removed),
                    placed_refs(&self.chunks[rechunked.new.clone()]),
                );
            let found = match self.refs_found.take() {
                _ if citations_only => Vec::new(),
                Some(found) if unchanged => found.iter().map(|d| moved(d, change)).collect(),
                _ => {
                    let refs: Vec<(usize, &ProposalRef)> = placed_refs(&self.chunks).collect();
                    rules::check_proposal_refs(&refs, messages)
                }
            };
            self.refs_found = Some(found.clone());
            let mut found = found;
            if !citations_only {
                let previous = std::mem::take(&mut self.joined_found);
                self.joined_found = joined_found(&self.chunks, previous, change, |unit| {
                    rules::check_joined_units([unit], text, under)
                });
                found.extend(
                    self.joined_found
                        .iter()
                        .flat_map(|j| j.found.iter().cloned()),
                );
            }
            if options.note_missing_outcomes {
                found.extend(missing_outcomes_note(
                    self.chunks.iter().map(|c| (c.span.start, &*c.document)),
                    &target,
                    catalog,
                    messages,
                ));
            }
            let comments = self.chunks.iter().flat_map(|c| {
                let offset = c.span.start;
                c.document
                    .marks
                    .iter()
                    .filter(|m| m.kind == crate::document::MarkKind::Comment)
                    .map(move |m| m.span.shifted(offset))
            });
            let suppressions = crate::engine::suppress::find(text, comments);
            Findings::new(
                chunk_findings,
                found,
                suppressions,
                options.severities.clone(),
                messages,
            )
        } else {
            self.refs_found = None;
            Findings::default()
        };
        Analysis {
            target,
            language,
            messages,
            findings,
            chunks: self
                .chunks
                .iter()
                .map(|c| (c.span.start, c.document.clone()))
                .collect(),
            document: OnceLock::new(),
        }
    }

    /// Cuts the changed part of the text into chunks again, as [`chunk_spans`] would cut
    /// the whole text, and parses them; the chunks before and after are kept.
    ///
    /// [`chunk_spans`]: crate::document::chunk_spans
    fn rechunk(&mut self, text: &str, change: TextChange, catalog: &Catalog) -> Rechunked {
        // A chunk is kept if the text it depends on — up to the end of the next chunk's
        // first line, which decides whether the cut between them is one — is before the
        // change. The last chunk is always cut again (the change may extend its line).
        let keep = self.chunks.len().saturating_sub(1).min(
            self.chunks
                .partition_point(|c| c.first_line_end <= change.start)
                .saturating_sub(1),
        );
        let rescan_from = self.chunks.get(keep).map_or(0, |c| c.span.start);
        // What came before the chunk at `keep`, and the cut before it, are unchanged.
        let mut entry = self.chunks.get(keep).map_or(Entry::FIRST, |c| c.entry);
        let old_rest = &self.chunks[keep.min(self.chunks.len())..];

        let mut parsed: Vec<Chunk> = Vec::new();
        let mut resume: Option<usize> = None;
        let mut chunk_start = rescan_from;
        let mut cuts = Cuts::new(text, rescan_from, self.min_inside_unit);
        loop {
            let cut = cuts.next();
            if cut.is_none() && chunk_start >= text.len() && keep + parsed.len() > 0 {
                break;
            }
            let span = Span::new(chunk_start, cut.map_or(text.len(), |c| c.at));
            let source = &text[span.start..span.end];
            let continued = cut.is_some_and(|c| c.inside_unit);
            let document = Document::parse_chunk(source, catalog, entry, continued);
            let next_entry = cut.map(|c| document.entry_after(c));
            parsed.push(Chunk {
                span,
                first_line_end: span.start
                    + memchr::memchr(b'\n', source.as_bytes()).map_or(source.len(), |i| i + 1),
                entry,
                document: Arc::new(document),
                found: None,
            });
            let (Some(cut), Some(next_entry)) = (cut, next_entry) else {
                break;
            };
            entry = next_entry;
            chunk_start = cut.at;
            if cut.at < change.new_end {
                continue;
            }
            // The rest of the text is the old rest: if an old chunk started at the same
            // place from the same state, it and those after it are as before. The first
            // chunk is parsed apart (it holds the header), so an old first chunk never
            // moves down.
            let old_start = cut.at.wrapping_add_signed(-change.delta());
            if let Ok(j) = old_rest.binary_search_by_key(&old_start, |c| c.span.start) {
                if keep + j > 0 && old_rest[j].entry == entry {
                    resume = Some(keep + j);
                    break;
                }
            }
        }
        let replaced = keep..resume.unwrap_or(self.chunks.len());
        let new = keep..keep + parsed.len();
        let removed: Vec<Chunk> = self.chunks.splice(replaced, parsed).collect();
        let delta = change.delta();
        let shift = |at: usize| at.wrapping_add_signed(delta);
        for chunk in &mut self.chunks[new.end..] {
            chunk.span = Span::new(shift(chunk.span.start), shift(chunk.span.end));
            chunk.first_line_end = shift(chunk.first_line_end);
        }
        self.last_parsed = new.len();
        self.last_reused = self.chunks.len() - new.len();
        Rechunked { new, removed }
    }
}

/// What [`Session::rechunk`] replaced: the old chunks it removed, and where the chunks
/// parsed in their place now are.
struct Rechunked {
    new: std::ops::Range<usize>,
    removed: Vec<Chunk>,
}

/// The findings of the rules on whole units for one unit that cuts split.
struct JoinedFound {
    /// The unit's chunks: held, so that no other chunk takes one's address while the
    /// findings are kept.
    chunks: Vec<Arc<Document>>,
    found: Vec<Diagnostic>,
}

/// The findings on each unit that cuts split, in text order: those of the last analysis
/// (`previous`, before `change`) for a unit whose chunks are all the same chunks, moved
/// with the text; `check` run on the others, put together without their sections. A
/// keystroke re-checks one unit, not every unit of a long document.
fn joined_found(
    chunks: &[Chunk],
    previous: Vec<JoinedFound>,
    change: TextChange,
    mut check: impl FnMut(&Unit) -> Vec<Diagnostic>,
) -> Vec<JoinedFound> {
    let mut by_first: FxHashMap<usize, JoinedFound> = previous
        .into_iter()
        .filter_map(|j| Some((Arc::as_ptr(j.chunks.first()?) as usize, j)))
        .collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chunks.len() {
        // A split unit begins with the last unit of a continued chunk (unless that is
        // its only unit and it continues the chunk before: the middle of one), and
        // ends in the first chunk after it where it does not go on.
        let first = &chunks[at].document;
        if !first.continued || first.continues && first.units.len() == 1 {
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < chunks.len() {
            let part = &chunks[end].document;
            end += 1;
            if !(part.continues && part.continued && part.units.len() == 1) {
                break;
            }
        }
        let group = &chunks[at..end];
        let same = |j: &JoinedFound| {
            j.chunks.len() == group.len()
                && j.chunks
                    .iter()
                    .zip(group)
                    .all(|(a, c)| Arc::ptr_eq(a, &c.document))
        };
        let kept = by_first
            .remove(&(Arc::as_ptr(&group[0].document) as usize))
            .filter(same);
        let found = match kept {
            Some(kept) => kept.found.iter().map(|d| moved(d, change)).collect(),
            // The group's last chunk may begin the next split unit: only the first is
            // this one.
            None => join_split_units(group.iter().map(|c| (c.span.start, &*c.document)))
                .first()
                .map(&mut check)
                .unwrap_or_default(),
        };
        out.push(JoinedFound {
            chunks: group.iter().map(|c| c.document.clone()).collect(),
            found,
        });
        // Its last chunk may begin another.
        at = (end - 1).max(at + 1);
    }
    out
}

/// The proposal references of some chunks, placed in the whole text.
fn placed_refs(chunks: &[Chunk]) -> impl Iterator<Item = (usize, &ProposalRef)> {
    chunks.iter().flat_map(|c| {
        let offset = c.span.start;
        c.document
            .units
            .iter()
            .filter_map(move |u| Some((offset, u.reference.as_ref()?)))
    })
}

/// Whether two runs of placed references are the same references at the same places.
fn same_refs<'a>(
    a: impl Iterator<Item = (usize, &'a ProposalRef)>,
    b: impl Iterator<Item = (usize, &'a ProposalRef)>,
) -> bool {
    a.map(|(o, r)| (r.span.shifted(o), r.seq, &r.text, &r.prefix))
        .eq(b.map(|(o, r)| (r.span.shifted(o), r.seq, &r.text, &r.prefix)))
}

/// A diagnostic of the old text in the new one, for a change that none of its spans
/// overlaps: spans after the change move with the text.
fn moved(d: &Diagnostic, change: TextChange) -> Diagnostic {
    let delta = change.delta();
    let map = |s: Span| {
        if s.start >= change.old_end {
            Span::new(
                s.start.wrapping_add_signed(delta),
                s.end.wrapping_add_signed(delta),
            )
        } else {
            s
        }
    };
    let mut d = d.clone();
    d.span = map(d.span);
    for edit in d.fixes.iter_mut().flat_map(|f| f.edits.iter_mut()) {
        edit.span = map(edit.span);
    }
    d
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
        id: Some(conf.id.to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flattened_conference_line_names_the_new_conference_as_target() {
        let text = "\
MOD\tECP/24A6/1
RÉSOLUTION 45 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)
La Conférence mondiale de développement des télécommunications (Dubaï, 2014Buenos Aires, 2017),
rappelant
a)\tla Résolution 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires;
";
        let a = analyze(text, Catalog::embedded(), &Options::default());
        assert_eq!(a.target.id.as_deref(), Some("WTDC-17"));
        assert_eq!(a.target.source, TargetSource::ConferenceLine);
    }
}
