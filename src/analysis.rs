//! One call from text to diagnostics: parse the document, settle the target
//! conference, run the enabled rules. Front-ends call [`analyze`] and present.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, Conference, Date, When};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
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

#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    pub target: Target,
    /// Sorted by position, then rule.
    pub diagnostics: Vec<Diagnostic>,
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

pub fn analyze(text: &str, catalog: &Catalog, options: &Options) -> Analysis {
    let document = Document::parse(text, catalog);
    let target = settle_target(&document, catalog, options);
    let mut diagnostics = rules::run(&document, catalog, &target, text);
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
        document,
        target,
        diagnostics,
    }
}

fn settle_target(document: &Document, catalog: &Catalog, options: &Options) -> Target {
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
    if let Some((id, source)) = document.stated_target() {
        if let Some(conf) = catalog.conference(id) {
            return from(conf, source);
        }
    }
    Target {
        id: None,
        source: TargetSource::Catalogue,
        date: catalog.state_date(),
    }
}
