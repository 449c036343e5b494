//! Conversions of what the client sends into the server's terms (as rust-analyzer's and
//! texlab's `from_proto`): the workspace roots, the `proplint` section of the client's
//! settings, and whether a file the client names is a `proplint.toml`.
//!
//! Positions are not converted here: [`super::position`] is the one place where LSP
//! positions become byte offsets and back. What the client can do is read by
//! [`super::capabilities`].

use std::path::PathBuf;

use serde_json::Value;
use tower_lsp::lsp_types::{InitializeParams, Url};

use super::config;

/// The folders of the workspace, each of which may have its `proplint.toml`.
pub fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect();
    #[allow(deprecated)] // rootUri and rootPath are what older clients send.
    if roots.is_empty() {
        if let Some(path) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
            roots.push(path);
        } else if let Some(path) = params.root_path.as_ref() {
            roots.push(PathBuf::from(path));
        }
    }
    roots
}

/// The settings the client sent with `initialize`: its `proplint` section, or the whole
/// object when it has none (clients that send only ours).
pub fn initialization_settings(params: &InitializeParams) -> Option<Value> {
    params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("proplint").or(Some(o)))
        .cloned()
}

/// The `proplint` section of the settings of `workspace/didChangeConfiguration`.
pub fn settings_section(settings: &Value) -> Option<&Value> {
    settings.get("proplint")
}

/// Whether the file at `uri` is a `proplint.toml`, whose change changes the
/// configuration.
pub fn is_config_file(uri: &Url) -> bool {
    uri.path().ends_with(&format!("/{}", config::FILE_NAME))
}
