//! Zed extension for proplint: finds the `proplint` binary and starts `proplint lsp`.
//!
//! Binary: `lsp.proplint.binary.path` in Zed's settings, else `proplint` on the worktree's
//! PATH. Server settings: `lsp.proplint.settings` is answered to `workspace/configuration`
//! (section `proplint`) and `lsp.proplint.initialization_options` is passed through.
use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "proplint";

struct ProplintExtension;

impl zed::Extension for ProplintExtension {
    fn new() -> Self {
        ProplintExtension
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which(SERVER))
            .ok_or_else(|| {
                "proplint: no `proplint` on PATH and no \"lsp.proplint.binary.path\" setting; \
                 install it with `cargo install --path .` in a proplint checkout"
                    .to_string()
            })?;
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        let env = binary
            .and_then(|b| b.env)
            .map(|e| e.into_iter().collect())
            .unwrap_or_default();
        Ok(zed::Command {
            command: path,
            args,
            env,
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        let settings = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|s| s.settings)
            .unwrap_or_else(|| zed::serde_json::json!({}));
        Ok(Some(zed::serde_json::json!({ SERVER: settings })))
    }
}

zed::register_extension!(ProplintExtension);
