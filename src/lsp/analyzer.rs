//! One document's analysis as the server keeps it: the [`Analyzer`] that turns each new
//! text into an [`Analysis`] (the one place that calls the core), and the immutable
//! [`Snapshot`] of a version that every request reads.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use tower_lsp::lsp_types::{self as lsp, Url};

use super::buffer::{client_line_of, Buffer};
use super::config::Config;
use super::position::Mapper;
use super::publication::{Publisher, Wanted};
use super::to_proto::DiagnosticView;
use super::transport::Message;
use crate::base::diagnostic::Diagnostic;
use crate::base::text::{Encoding, LineIndex, Span};
use crate::catalog::Catalog;
use crate::engine::analysis::{Analysis, Session, TextChange};
use crate::engine::findings::Findings;

/// Produces analyses of successive versions of one document with one configuration:
/// the core's incremental [`Session`], which re-parses and re-checks only the chunks of
/// the text an edit touched (its results equal a full analysis by construction; the
/// random-edit tests check it through the protocol). A configuration change makes a new
/// analyzer, so nothing cached under the old one is reused.
pub struct Analyzer {
    config: Arc<Config>,
    session: Session,
    publisher: Publisher,
    /// Whether the last analysed buffer began with a byte-order mark.
    had_bom: Option<bool>,
}

impl Analyzer {
    pub fn new(config: Arc<Config>) -> Self {
        Analyzer {
            config,
            session: Session::new(),
            publisher: Publisher::default(),
            had_bom: None,
        }
    }

    pub fn config(&self) -> &Arc<Config> {
        &self.config
    }

    /// Analyses the next version of the buffer, which differs from the last one by
    /// `change` (offsets in the buffer). A byte-order mark is not analysed, as the CLI
    /// does not analyse it.
    pub fn update(&mut self, buffer: &str, change: TextChange) -> Analysis {
        let (text, had_bom) = crate::base::text::strip_bom(buffer);
        let base = buffer.len() - text.len();
        let (catalog, options) = (self.config.catalog.get(), &self.config.options);
        let same_start = self.had_bom == Some(had_bom);
        self.had_bom = Some(had_bom);
        match change.start.checked_sub(base) {
            Some(start) if same_start => {
                let change = TextChange {
                    start,
                    old_end: change.old_end - base,
                    new_end: change.new_end - base,
                };
                self.session.analyze_change(text, change, catalog, options)
            }
            _ => self.session.analyze(text, catalog, options),
        }
    }
}

/// A version of a document to analyse, as the server knows it.
pub struct Version {
    pub uri: Url,
    /// See [`Snapshot::generation`].
    pub generation: u64,
    pub version: i32,
    pub encoding: Encoding,
}

/// Where the time of one snapshot went (logged with `PROPLINT_LSP_TRACE=1`).
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildTimes {
    /// The core's analysis (incremental session).
    pub analysis: Duration,
    /// The diagnostics' LSP ranges, and the publication when one is sent.
    pub positions: Duration,
}

/// A version of a document with everything computed from it. Immutable and shared:
/// requests read it while the next version is being analysed.
pub struct Snapshot {
    pub uri: Url,
    /// Increases with every change of the text or the configuration of the document.
    pub generation: u64,
    pub version: i32,
    /// The whole buffer, as the client has it: the worker's text, shared until the worker
    /// edits it for the next version (see [`super::buffer`]).
    buffer: Arc<String>,
    pub mapper: Mapper,
    pub config: Arc<Config>,
    /// `None` when the file is excluded by `proplint.toml` (or holds a lone CR): it gets
    /// no diagnostics and no features. Any other document is checked, whatever its
    /// shape: one that is not shaped like a proposal for its citations only.
    pub analysis: Option<Analysis>,
    /// How long building this snapshot took.
    pub times: BuildTimes,
    /// The buffer offset of its first lone carriage return: such a text is not analysed
    /// (`analysis` is `None`), see [`crate::base::text::lone_cr`].
    pub lone_cr: Option<usize>,
    /// The number of lines of a text over the caps of a text file (16 MiB, 200,000 lines,
    /// [`too_large`]): such a text is not analysed either, as `check` would not read it.
    pub too_large: Option<usize>,
    /// The LSP ranges of the analysis's diagnostics, in the same order.
    ranges: Vec<lsp::Range>,
    /// The diagnostics in LSP form, made when a request first needs them (publications
    /// and pulls send JSON made by the [`Publisher`] instead).
    diagnostics: OnceLock<Vec<lsp::Diagnostic>>,
    /// The diagnostics as a JSON array, made with the version when the client pulls
    /// diagnostics.
    items: Option<Vec<u8>>,
}

impl Snapshot {
    /// Builds the snapshot of a version: analyses the text (`text`, which differs from
    /// the analyzer's last text by `change`), keeps the analysis unless the file is not
    /// to be checked, and places the diagnostics in LSP terms, with the JSON `wanted`: a
    /// framed notification is returned, an array of items is kept for pulls.
    pub fn build(
        version: Version,
        text: &Buffer,
        change: TextChange,
        analyzer: &mut Analyzer,
        wanted: Wanted,
    ) -> (Snapshot, Option<Message>) {
        let started = Instant::now();
        let (shared, index) = (text.text().clone(), text.lines().clone());
        let buffer = shared.as_str();
        let base = buffer.len() - crate::base::text::strip_bom(buffer).0.len();
        // A text with a lone CR is not analysed: see `text::lone_cr`.
        let lone_cr = text.lone_cr();
        let too_large = too_large(buffer, &index);
        let analysis =
            if lone_cr.is_none() && too_large.is_none() && analyzer.config().checks(&version.uri) {
                Some(analyzer.update(buffer, change))
            } else {
                None
            };
        let analysed = Instant::now();
        let mapper = Mapper::with_index(index, base, version.encoding);
        let empty = Findings::default();
        let findings = analysis.as_ref().map_or(&empty, Analysis::findings);
        let published = analyzer.publisher.publish(
            &version.uri,
            version.version,
            findings,
            &mapper,
            buffer,
            wanted,
        );
        let (notification, items) = match wanted {
            Wanted::Notification => (Some(published.json), None),
            Wanted::Items => (None, Some(published.json.into_vec())),
        };
        let times = BuildTimes {
            analysis: analysed - started,
            positions: analysed.elapsed(),
        };
        let snapshot = Snapshot {
            lone_cr,
            too_large,
            times,
            uri: version.uri,
            generation: version.generation,
            version: version.version,
            mapper,
            config: analyzer.config().clone(),
            analysis,
            ranges: published.ranges,
            diagnostics: OnceLock::new(),
            items,
            buffer: shared,
        };
        (snapshot, notification)
    }

    /// Takes apart a version no request reads any more: its text and line index are let
    /// go at once, so that the worker edits them in place for the next version; the
    /// rest is returned, to be freed where it delays nothing.
    pub fn retire(self) -> impl Send {
        let Snapshot {
            buffer,
            mapper,
            analysis,
            ranges,
            diagnostics,
            items,
            ..
        } = self;
        drop((buffer, mapper));
        (analysis, ranges, diagnostics, items)
    }

    /// The zero-based line, as the client counts lines (LF, CRLF, CR), of a byte offset
    /// of the whole buffer.
    pub fn line_of_buffer_offset(&self, offset: usize) -> usize {
        client_line_of(&self.buffer, offset)
    }

    pub fn catalog(&self) -> &Catalog {
        self.config.catalog.get()
    }

    /// The whole buffer.
    pub fn buffer(&self) -> &str {
        &self.buffer
    }

    /// The analysed text (the buffer without a byte-order mark).
    pub fn text(&self) -> &str {
        &self.buffer()[self.mapper.base()..]
    }

    pub fn range(&self, span: Span) -> lsp::Range {
        self.mapper.range(self.buffer(), span)
    }

    pub fn offset(&self, position: lsp::Position) -> usize {
        self.mapper.offset(self.buffer(), position)
    }

    pub fn span(&self, range: lsp::Range) -> Span {
        self.mapper.span(self.buffer(), range)
    }

    fn core_diagnostics(&self) -> &[Diagnostic] {
        self.analysis.as_ref().map_or(&[], |a| a.diagnostics())
    }

    /// The diagnostics in LSP form.
    pub fn diagnostics(&self) -> &[lsp::Diagnostic] {
        self.diagnostics.get_or_init(|| {
            let Some(analysis) = &self.analysis else {
                return Vec::new();
            };
            let lang = analysis.findings().messages();
            analysis
                .findings()
                .iter()
                .zip(&self.ranges)
                .map(|(p, range)| DiagnosticView::placed(p, *range, lang).to_lsp())
                .collect()
        })
    }

    /// The diagnostics as a JSON array, if made with the version (see
    /// [`Snapshot::build`]).
    pub fn items_json(&self) -> Option<&[u8]> {
        self.items.as_deref()
    }

    /// How many diagnostics the version has.
    pub fn diagnostic_count(&self) -> usize {
        self.ranges.len()
    }

    /// Core diagnostics paired with their LSP form.
    pub fn diagnostic_pairs(&self) -> impl Iterator<Item = (&Diagnostic, &lsp::Diagnostic)> {
        self.core_diagnostics().iter().zip(self.diagnostics())
    }
}

/// The number of lines of a text that is over a text file's caps, if it is: a document an
/// editor sends is held to what `check` reads (a flooded text costs a few hundred bytes
/// of model a line, and the server keeps the model while the document is open).
pub fn too_large(buffer: &str, index: &LineIndex) -> Option<usize> {
    // The index counts a line after the last line break, which a file's count does not.
    let lines = index.line_count() - usize::from(buffer.is_empty() || buffer.ends_with('\n'));
    let bytes = crate::input::Format::Text.max_file_bytes();
    (lines > crate::input::source::MAX_LINES || buffer.len() as u64 > bytes).then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Looking only around an edit finds the lone CR a whole reading finds, when the
        /// text before had none; and the line count read from the index is a file's.
        #[test]
        fn what_a_keystroke_reads_agrees_with_a_whole_reading(
            text in "[a\r\né]{0,40}",
            at in 0usize..41,
            removed in 0usize..4,
            inserted in "[a\r\n]{0,3}",
        ) {
            let at = crate::base::text::floor_char_boundary(&text, at.min(text.len()));
            let end = crate::base::text::floor_char_boundary(&text, (at + removed).min(text.len()));
            let mut new = text.clone();
            new.replace_range(at..end, &inserted);
            let change = TextChange { start: at, old_end: end, new_end: at + inserted.len() };
            let previous = crate::base::text::lone_cr(&text);
            prop_assert_eq!(
                super::super::buffer::lone_cr_after(previous, &new, change),
                crate::base::text::lone_cr(&new)
            );
            let lines = memchr::memchr_iter(b'\n', new.as_bytes()).count()
                + usize::from(!new.is_empty() && !new.ends_with('\n'));
            let index = LineIndex::new(&new);
            let counted = index.line_count() - usize::from(new.is_empty() || new.ends_with('\n'));
            prop_assert_eq!(counted, lines);
        }
    }
}
