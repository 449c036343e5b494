//! proplint's own protocol extensions, used by the VS Code extension.
//!
//! - notification `proplint/target` (server → client), after each analysis of a
//!   document: `{uri, target: string | null, source: string}`. `target` is the
//!   conference id the document is checked against (`"WTDC-17"`), or null for the
//!   catalogue's newest state; `source` says where it came from: `"option"`,
//!   `"conference line"`, `"heading"`, `"document header"`, `"catalogue state"`, or
//!   `"not a proposal"` (then `target` is null and the file gets no diagnostics; also
//!   for a file that the `include`/`exclude` globs of `proplint.toml` leave out).
//! - request `proplint/catalogEntry` (client → server):
//!   `{textDocument: {uri}, position}` → `{markdown}` (what a hover on the citation at
//!   that position shows) or null when no citation is there.

use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types::{notification::Notification, Position, TextDocumentIdentifier, Url};

/// Parameters of `proplint/target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetParams {
    pub uri: Url,
    pub target: Option<String>,
    pub source: String,
}

/// The `proplint/target` notification.
pub enum TargetNotification {}

impl Notification for TargetNotification {
    type Params = TargetParams;
    const METHOD: &'static str = "proplint/target";
}

/// The `source` of a [`TargetParams`] for a file that is not a proposal.
pub const NOT_A_PROPOSAL: &str = "not a proposal";

/// Parameters of `proplint/catalogEntry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogEntryParams {
    pub text_document: TextDocumentIdentifier,
    pub position: Position,
}

/// Result of `proplint/catalogEntry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub markdown: String,
}

pub const CATALOG_ENTRY_METHOD: &str = "proplint/catalogEntry";
