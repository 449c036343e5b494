//! One document's analysis as the server keeps it: the [`Analyzer`] that turns each new
//! text into an [`Analysis`] (the one place that calls the core), and the immutable
//! [`Snapshot`] of a version that every request reads.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use ropey::Rope;
use tower_lsp::lsp_types::{self as lsp, NumberOrString, Url};

use super::config::Config;
use super::position::Mapper;
use crate::analysis::{Analysis, Session, TextChange};
use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rule;
use crate::text::{Encoding, Span};

/// Produces analyses of successive versions of one document with one configuration:
/// the core's incremental [`Session`], which re-parses and re-checks only the chunks of
/// the text an edit touched (its results equal a full analysis by construction; the
/// random-edit tests check it through the protocol). A configuration change makes a new
/// analyzer, so nothing cached under the old one is reused.
pub struct Analyzer {
    config: Arc<Config>,
    session: Session,
    /// Whether the last analysed buffer began with a byte-order mark.
    had_bom: Option<bool>,
}

impl Analyzer {
    pub fn new(config: Arc<Config>) -> Self {
        Analyzer {
            config,
            session: Session::new(),
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
        let (text, had_bom) = crate::text::strip_bom(buffer);
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

/// Where the time of one snapshot went (logged with `PROPLINT_LSP_TRACE=1`).
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildTimes {
    /// The core's analysis (incremental session).
    pub analysis: Duration,
    /// The line index and the diagnostics' LSP ranges.
    pub positions: Duration,
}

/// A version of a document with everything computed from it. Immutable and shared:
/// requests read it while the next version is being analysed.
pub struct Snapshot {
    pub uri: Url,
    /// Increases with every change of the text or the configuration of the document.
    pub generation: u64,
    pub version: i32,
    /// The whole buffer, as the client has it (a rope shares its unchanged parts with
    /// the versions before and after).
    rope: Rope,
    /// The buffer as one string, made when a request first needs it: most versions are
    /// only published, and a copy per keystroke was most of the server's memory.
    buffer: OnceLock<String>,
    pub mapper: Mapper,
    pub config: Arc<Config>,
    /// `None` when the file is not a proposal (or is excluded by `proplint.toml`): it
    /// gets no diagnostics and no features.
    pub analysis: Option<Analysis>,
    /// How long building this snapshot took.
    pub times: BuildTimes,
    /// The analysis's diagnostics in LSP form, in the same order.
    pub diagnostics: Vec<lsp::Diagnostic>,
}

impl Snapshot {
    /// Builds the snapshot of a version: analyses the text (`buffer`, equal to `rope`,
    /// which differs from the analyzer's last text by `change`), keeps the analysis if
    /// the text is a proposal, and converts the diagnostics.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        uri: Url,
        generation: u64,
        version: i32,
        rope: Rope,
        buffer: &str,
        change: TextChange,
        encoding: Encoding,
        analyzer: &mut Analyzer,
    ) -> Snapshot {
        let started = Instant::now();
        let base = buffer.len() - crate::text::strip_bom(buffer).0.len();
        let analysis = if analyzer.config().checks(&uri) {
            Some(analyzer.update(buffer, change)).filter(Analysis::is_proposal)
        } else {
            None
        };
        let analysed = Instant::now();
        let mapper = Mapper::new(buffer, base, encoding);
        let diagnostics = analysis
            .as_ref()
            .map(|a| {
                a.diagnostics
                    .iter()
                    .map(|d| to_lsp_diagnostic(d, buffer, &mapper))
                    .collect()
            })
            .unwrap_or_default();
        let times = BuildTimes {
            analysis: analysed - started,
            positions: analysed.elapsed(),
        };
        Snapshot {
            times,
            uri,
            generation,
            version,
            mapper,
            config: analyzer.config().clone(),
            analysis,
            diagnostics,
            rope,
            buffer: OnceLock::new(),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        self.config.catalog.get()
    }

    /// The whole buffer.
    fn buffer(&self) -> &str {
        self.buffer.get_or_init(|| self.rope.to_string())
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

    /// Core diagnostics paired with their LSP form.
    pub fn diagnostic_pairs(&self) -> impl Iterator<Item = (&Diagnostic, &lsp::Diagnostic)> {
        self.analysis
            .iter()
            .flat_map(|a| a.diagnostics.iter())
            .zip(self.diagnostics.iter())
    }
}

pub fn to_lsp_severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Each rule's code and documentation link, parsed once (a 1 MB document can carry
/// hundreds of diagnostics, converted again at every edit).
fn rule_links() -> &'static HashMap<Rule, (NumberOrString, Option<lsp::CodeDescription>)> {
    static LINKS: OnceLock<HashMap<Rule, (NumberOrString, Option<lsp::CodeDescription>)>> =
        OnceLock::new();
    LINKS.get_or_init(|| {
        Rule::ALL
            .iter()
            .map(|&rule| {
                let href = Url::parse(&rule.doc_url()).ok();
                (
                    rule,
                    (
                        NumberOrString::String(rule.code().to_string()),
                        href.map(|href| lsp::CodeDescription { href }),
                    ),
                )
            })
            .collect()
    })
}

/// A core diagnostic as the client sees it: rule code linked to its documentation,
/// `source: "proplint"`.
pub fn to_lsp_diagnostic(d: &Diagnostic, buffer: &str, mapper: &Mapper) -> lsp::Diagnostic {
    let (code, code_description) = rule_links()
        .get(&d.rule)
        .cloned()
        .unwrap_or_else(|| (NumberOrString::String(d.rule.code().to_string()), None));
    lsp::Diagnostic {
        range: mapper.range(buffer, d.span),
        severity: Some(to_lsp_severity(d.severity)),
        code: Some(code),
        code_description,
        source: Some("proplint".to_string()),
        message: d.message.clone(),
        related_information: None,
        tags: None,
        data: None,
    }
}
