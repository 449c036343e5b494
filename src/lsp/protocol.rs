//! proplint's own protocol extensions, used by the VS Code extension.
//!
//! - notification `proplint/target` (server → client), after each analysis of a
//!   document: `{uri, target: string | null, source: string}`. `target` is the
//!   conference id the document is checked against (`"WTDC-17"`), or null for the
//!   catalogue's newest state; `source` says where it came from: `"option"`,
//!   `"conference line"`, `"heading"`, `"document header"`, `"catalogue state"`, or
//!   `"not a proposal"` (then `target` is null and the file gets no diagnostics: a file
//!   that the `include`/`exclude` globs of `proplint.toml` leave out, or that is not
//!   analysed; any other document is checked whatever its shape). `uncatalogued`, when
//!   present, is the sentence that says which conferences' outcomes are missing for
//!   the bodies the document cites, for a status bar to show.
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
    /// A stable key ("conference line", "not a proposal"), for programs.
    pub source: String,
    /// The same for people, in the language of the document's messages
    /// ("CMDT-17 (d'après la ligne de la conférence)").
    pub label: String,
    /// The sentence that says which conferences' outcomes are missing for the bodies the
    /// document cites, in the language of the messages (the same as the document's one
    /// note); absent when none is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncatalogued: Option<String>,
}

/// The `proplint/target` notification.
pub enum TargetNotification {}

impl Notification for TargetNotification {
    type Params = TargetParams;
    const METHOD: &'static str = "proplint/target";
}

/// The `source` of a [`TargetParams`] for a file that is not checked (the wire value
/// predates the editor checking every document it is sent).
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

/// The parameters of `textDocument/publishDiagnostics`, borrowed from the snapshot they
/// belong to instead of copied (hundreds of diagnostics on a large document, at every
/// edit). Serialised as the standard `PublishDiagnosticsParams`.
#[derive(Debug, Serialize)]
pub struct PublishDiagnosticsRef<'a, D> {
    pub uri: &'a Url,
    pub diagnostics: &'a [D],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Diagnostic, PublishDiagnosticsParams, Range};

    #[test]
    fn borrowed_publication_is_the_standard_message() {
        let diagnostic = Diagnostic::new_simple(Range::default(), "m".into());
        let uri: Url = "file:///a.txt".parse().unwrap();
        for version in [Some(3), None] {
            let standard =
                PublishDiagnosticsParams::new(uri.clone(), vec![diagnostic.clone()], version);
            let borrowed = PublishDiagnosticsRef {
                uri: &uri,
                diagnostics: std::slice::from_ref(&diagnostic),
                version,
            };
            assert_eq!(
                serde_json::to_value(&standard).unwrap(),
                serde_json::to_value(&borrowed).unwrap()
            );
        }
    }
}
