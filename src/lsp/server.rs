//! The language server's core: the [`Backend`] that the handlers ([`super::handlers`])
//! call to open, change and close documents, to follow the configuration, and to wait
//! for the analysis of a document's current version. Its state is in [`super::state`],
//! the analysis worker of each document in [`super::worker`], and the tower service
//! that carries it in [`super::service`](mod@super::service).
//!
//! # Ordering of edits
//!
//! Handlers run concurrently (up to four at a time, as tower-lsp 0.20 runs them: see
//! [`super::dispatch`]), so two `didChange` notifications could interleave if their
//! handlers awaited before recording their changes. Ours never do: `did_open`,
//! `did_change` and `did_close` call [`Backend::open`], [`Backend::change`] and
//! [`Backend::close`], which take the state lock (a `std::sync::Mutex`, never held
//! across an `.await`), queue the changes and hand the new version to the document's
//! worker, all before their first `.await`. The dispatcher creates the handler futures
//! in the order the messages arrive and polls each new future for the first time in that
//! order (its `buffer_unordered` queue is FIFO), so that synchronous prefix runs in
//! message order. Versions are checked too: a change whose version does not increase is
//! applied but logged.
//!
//! # Analysis
//!
//! Each open document has a worker task ([`super::worker`]) that owns its
//! [`Analyzer`](super::analyzer::Analyzer) (the core's incremental session). Handlers
//! send it the newest version through a `watch` channel, which keeps only the latest
//! value: versions the worker has not started are skipped, never queued. Each
//! `didChange` also queues the client's changes behind those the worker has not taken
//! yet ([`Pending`](super::state::Pending)); the worker takes the newest job and every
//! change together, applies them to the text it alone holds ([`super::buffer`]), and
//! tells the session which bytes changed, so a keystroke re-parses one section. After a
//! debounce (configurable, 0 = none) the worker analyses the newest version (a keystroke
//! on its own thread; a whole text on the blocking pool, so that requests are answered
//! while it runs) and publishes only if no newer version arrived meanwhile (a
//! per-document generation counter), through the output queue of [`super::transport`];
//! requests that need the current version's analysis wait for it (and cut the debounce
//! short).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::{watch, Notify};
use tower_lsp::lsp_types::*;
use tower_lsp::Client;

use super::analyzer::Snapshot;
use super::capabilities::ClientFlags;
use super::config::{self, ConfigError};
use super::from_proto;
use super::protocol::PublishDiagnosticsRef;
use super::state::{lock, Doc, Inspector, Shared, State};
use super::transport::{self, Outbox};
use super::worker::{worker, WorkerContext};
use crate::base::text::Encoding;

/// How long a request waits for the analysis of the current version.
const REQUEST_WAIT: Duration = Duration::from_secs(10);

/// The proplint language server.
#[derive(Clone)]
pub struct Backend {
    pub(super) client: Client,
    pub(super) shared: Arc<Shared>,
    /// Where publications of diagnostics go (see [`transport`]).
    pub(super) outbox: Outbox,
}

impl Backend {
    pub fn new(client: Client, outbox: Outbox) -> Self {
        let (settings_ready, _) = watch::channel(false);
        Backend {
            client,
            outbox,
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                settings_ready,
            }),
        }
    }

    pub fn inspector(&self) -> Inspector {
        Inspector(self.shared.clone())
    }

    pub(super) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.shared.state)
    }

    pub(super) async fn show_errors(&self, errors: Vec<ConfigError>) {
        for e in errors {
            self.client
                .show_message(MessageType::ERROR, format!("proplint: {e}"))
                .await;
        }
    }

    /// Applies a configuration change: rebuild, re-analyse every open document, and
    /// tell the user what is wrong with the configuration.
    pub(super) async fn configuration_changed(&self, reload_files: bool) {
        let (errors, refresh) = {
            let mut state = self.state();
            let mut errors = if reload_files {
                state.load_files()
            } else {
                Vec::new()
            };
            errors.extend(state.rebuild_configs());
            state.reanalyse_all();
            let refresh = state.flags.pull_diagnostics && state.flags.diagnostic_refresh;
            (errors, refresh)
        };
        self.show_errors(errors).await;
        if refresh {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    /// Asks the client for its `proplint` settings (when it can answer).
    pub(super) async fn pull_settings(&self) {
        let (can, root) = {
            let state = self.state();
            (state.flags.configuration, state.roots.first().cloned())
        };
        if can {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("proplint".to_string()),
            };
            match self.client.configuration(vec![item]).await {
                Ok(values) => {
                    let value = values.into_iter().next().unwrap_or(Value::Null);
                    self.set_client_settings(&value, root.as_deref()).await;
                }
                Err(e) => {
                    self.client
                        .log_message(
                            MessageType::WARNING,
                            format!("proplint: workspace/configuration failed: {e}"),
                        )
                        .await;
                }
            }
        }
        self.shared.settings_ready.send_replace(true);
    }

    pub(super) async fn set_client_settings(&self, value: &Value, root: Option<&Path>) {
        let locale = self.state().locale;
        let (settings, errors) = config::parse_client(value, root, locale);
        let changed = {
            let mut state = self.state();
            let changed = state.client != settings;
            state.client = settings;
            changed
        };
        self.show_errors(errors).await;
        if changed {
            self.configuration_changed(false).await;
        }
    }

    /// Takes what the client said in `initialize`: its position encoding, its
    /// capabilities, the workspace roots and the settings it sent. The configuration's
    /// problems are shown once the client is `initialized`.
    pub(super) fn begin(
        &self,
        encoding: Encoding,
        flags: ClientFlags,
        roots: Vec<PathBuf>,
        initial_settings: Option<Value>,
        locale: Option<crate::lang::Lang>,
    ) {
        {
            let mut state = self.state();
            state.encoding = Some(encoding);
            state.locale = locale;
            state.flags = flags;
            state.roots = roots;
            if let Some(value) = &initial_settings {
                let root = state.roots.first().map(PathBuf::as_path);
                let (settings, errors) = config::parse_client(value, root, locale);
                state.client = settings;
                state.pending_errors.extend(errors);
            }
            let mut errors = state.load_files();
            errors.extend(state.rebuild_configs());
            state.pending_errors.extend(errors);
        }
        if !flags.configuration {
            self.shared.settings_ready.send_replace(true);
        }
    }

    /// Once the client is `initialized`: shows the configuration's problems found so
    /// far, watches `proplint.toml` files, and asks for the client's settings.
    pub(super) async fn start(&self) {
        let (errors, watch_files) = {
            let mut state = self.state();
            (
                std::mem::take(&mut state.pending_errors),
                state.flags.watch_files,
            )
        };
        self.show_errors(errors).await;
        if watch_files {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{}", config::FILE_NAME)),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "proplint-config-watcher".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                self.client
                    .log_message(
                        MessageType::WARNING,
                        format!("proplint: cannot watch proplint.toml: {e}"),
                    )
                    .await;
            }
        }
        self.pull_settings().await;
    }

    /// `textDocument/didOpen`: a new buffer and a worker of its own, which analyses it.
    pub(super) fn open(&self, doc: TextDocumentItem) {
        // Synchronous up to the end of the block: see "Ordering of edits".
        {
            let mut state = self.state();
            let generation = state.next_generation();
            let (jobs, jobs_rx) = watch::channel(None);
            let (results_tx, results) = watch::channel(None);
            let urgent = Arc::new(Notify::new());
            let open = Arc::new(tokio::sync::Mutex::new(true));
            // The worker starts from an empty text, which the text opened replaces.
            let opened = TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: doc.text,
            };
            let pending = Arc::new(Mutex::new(vec![opened]));
            let entry = Doc {
                version: doc.version,
                generation,
                jobs,
                pending: pending.clone(),
                results,
                urgent: urgent.clone(),
                open: open.clone(),
            };
            let job = state.job(&doc.uri, &entry);
            entry.jobs.send_replace(Some(job));
            tokio::spawn(worker(WorkerContext {
                uri: doc.uri.clone(),
                client: self.client.clone(),
                push: (!state.flags.pull_diagnostics).then(|| self.outbox.clone()),
                jobs: jobs_rx,
                pending,
                results: results_tx,
                urgent,
                open,
                settings_ready: self.shared.settings_ready.subscribe(),
            }));
            // Reopening without a close replaces the document; the old worker stops.
            state.docs.insert(doc.uri, entry);
        }
    }

    /// `textDocument/didChange`: the edits applied to the buffer and the new version
    /// handed to the worker, before the first `.await` (see "Ordering of edits").
    pub(super) async fn change(
        &self,
        uri: Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        // Synchronous up to the end of the block: see "Ordering of edits".
        let problem = {
            let mut state = self.state();
            let generation = state.next_generation();
            match state.docs.get_mut(&uri) {
                None => Some(format!(
                    "proplint: change to {uri}, which is not open; ignored"
                )),
                Some(doc) => {
                    let previous = doc.version;
                    doc.version = version;
                    doc.generation = generation;
                    let doc = &state.docs[&uri];
                    let job = state.job(&uri, doc);
                    let mut pending = lock(&doc.pending);
                    pending.extend(changes);
                    doc.jobs.send_replace(Some(job));
                    drop(pending);
                    (version <= previous).then(|| {
                        format!("proplint: version {version} of {uri} follows version {previous}")
                    })
                }
            }
        };
        if let Some(message) = problem {
            self.client.log_message(MessageType::WARNING, message).await;
        }
    }

    /// `textDocument/didClose`: the document forgotten, its worker stopped, and (when
    /// the server pushes) its diagnostics cleared after any publication under way.
    pub(super) async fn close(&self, uri: &Url) {
        let (doc, push) = {
            let mut state = self.state();
            (state.docs.remove(uri), !state.flags.pull_diagnostics)
        };
        if let Some(doc) = doc {
            let mut open = doc.open.lock().await;
            *open = false;
            if push {
                // Through the same queue as the worker's publications, so it comes last.
                let params = PublishDiagnosticsRef::<Diagnostic> {
                    uri,
                    diagnostics: &[],
                    version: None,
                };
                if let Ok(message) =
                    transport::notification("textDocument/publishDiagnostics", &params)
                {
                    self.outbox.send(message);
                }
            }
        }
    }

    /// `workspace/didChangeConfiguration`: the settings sent, or asked for when the
    /// notification does not carry them.
    pub(super) async fn settings_changed(&self, settings: &Value) {
        let (pull, root) = {
            let state = self.state();
            (state.flags.configuration, state.roots.first().cloned())
        };
        match from_proto::settings_section(settings) {
            Some(section) => self.set_client_settings(section, root.as_deref()).await,
            None if pull => self.pull_settings().await,
            None => {}
        }
    }

    /// The analysis of the current version of a document, waiting for it if needed.
    pub(super) async fn snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let (mut results, generation, urgent) = {
            let state = self.state();
            let doc = state.docs.get(uri)?;
            (doc.results.clone(), doc.generation, doc.urgent.clone())
        };
        urgent.notify_one();
        let wait = async {
            loop {
                if let Some(s) = results.borrow_and_update().as_ref() {
                    if s.generation >= generation {
                        return Some(s.clone());
                    }
                }
                if results.changed().await.is_err() {
                    return None;
                }
            }
        };
        tokio::time::timeout(REQUEST_WAIT, wait)
            .await
            .ok()
            .flatten()
    }
}
