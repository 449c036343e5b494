//! What rules produce: diagnostics with fixes. Independent of every front-end.

use serde::{Deserialize, Serialize};

use crate::base::text::Span;
use crate::base::Rule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info)"
            )),
        }
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Probably right: offered in editors, applied by `--fix` only with `--unsafe-fixes`.
    Unsafe,
    /// Certainly right: applied by `--fix`.
    Safe,
}

/// Replace the text of `span` with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    pub span: Span,
    pub new_text: String,
}

impl Edit {
    pub fn replace(span: Span, new_text: impl Into<String>) -> Self {
        Edit {
            span,
            new_text: new_text.into(),
        }
    }

    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Edit::replace(Span::new(at, at), new_text)
    }
}

/// A titled set of non-overlapping edits that is applied whole or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    /// Sorted by position, never overlapping.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(
        title: impl Into<String>,
        applicability: Applicability,
        mut edits: Vec<Edit>,
    ) -> Self {
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix {
            title: title.into(),
            applicability,
            edits,
        }
    }

    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(title, Applicability::Safe, edits)
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(title, Applicability::Unsafe, edits)
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Option<Span> {
        let first = self.edits.first()?;
        Some(
            self.edits
                .iter()
                .fold(first.span, |acc, e| acc.cover(e.span)),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            span,
            fixes: Vec::new(),
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
}

impl Diagnostic {
    /// The same diagnostic for text placed `by` bytes further on.
    pub fn shifted(mut self, by: usize) -> Diagnostic {
        self.span = self.span.shifted(by);
        for fix in &mut self.fixes {
            for edit in &mut fix.edits {
                edit.span = edit.span.shifted(by);
            }
        }
        self
    }
}
