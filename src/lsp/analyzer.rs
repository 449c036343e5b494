//! One document's analysis as the server keeps it: the [`Analyzer`] that turns each new
//! text into an [`Analysis`] (the one place that calls the core), and the immutable
//! [`Snapshot`] of a version that every request reads.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use tower_lsp::lsp_types::{self as lsp, NumberOrString, Url};

use super::config::Config;
use super::position::Mapper;
use crate::analysis::{Analysis, Session};
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
}

impl Analyzer {
    pub fn new(config: Arc<Config>) -> Self {
        Analyzer {
            config,
            session: Session::new(),
        }
    }

    pub fn config(&self) -> &Arc<Config> {
        &self.config
    }

    /// Analyses the text (without its byte-order mark) of the next version.
    pub fn update(&mut self, text: &str) -> Analysis {
        self.session
            .analyze(text, self.config.catalog.get(), &self.config.options)
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
    /// The whole buffer, as the client has it.
    pub buffer: Arc<String>,
    pub mapper: Mapper,
    pub config: Arc<Config>,
    /// `None` when the file is not a proposal (or is excluded by `proplint.toml`): it
    /// gets no diagnostics and no features.
    pub analysis: Option<Analysis>,
    /// How long building this snapshot took.
    pub times: BuildTimes,
    /// The analysis's diagnostics in LSP form, in the same order (shared with the
    /// publication).
    pub diagnostics: Arc<Vec<lsp::Diagnostic>>,
}

impl Snapshot {
    /// Builds the snapshot of a version: strips a byte-order mark as the CLI does,
    /// analyses the text, keeps the analysis if the text is a proposal, and converts the
    /// diagnostics.
    pub fn build(
        uri: Url,
        generation: u64,
        version: i32,
        buffer: Arc<String>,
        encoding: Encoding,
        analyzer: &mut Analyzer,
    ) -> Snapshot {
        let started = Instant::now();
        let (text, had_bom) = crate::text::strip_bom(&buffer);
        let base = if had_bom { crate::text::BOM.len() } else { 0 };
        let analysis = if analyzer.config().checks(&uri) {
            Some(analyzer.update(text)).filter(Analysis::is_proposal)
        } else {
            None
        };
        let analysed = Instant::now();
        let mapper = Mapper::new(&buffer, base, encoding);
        let diagnostics = analysis
            .as_ref()
            .map(|a| {
                a.diagnostics
                    .iter()
                    .map(|d| to_lsp_diagnostic(d, &buffer, &mapper))
                    .collect()
            })
            .unwrap_or_default();
        let diagnostics = Arc::new(diagnostics);
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
            buffer,
        }
    }

    pub fn catalog(&self) -> &Catalog {
        self.config.catalog.get()
    }

    /// The analysed text (the buffer without a byte-order mark).
    pub fn text(&self) -> &str {
        &self.buffer[self.mapper.base()..]
    }

    pub fn range(&self, span: Span) -> lsp::Range {
        self.mapper.range(&self.buffer, span)
    }

    pub fn offset(&self, position: lsp::Position) -> usize {
        self.mapper.offset(&self.buffer, position)
    }

    pub fn span(&self, range: lsp::Range) -> Span {
        self.mapper.span(&self.buffer, range)
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
