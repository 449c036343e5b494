//! The server's state: the client's capabilities and settings, the configuration of
//! each workspace root, and each open document with the channels to its worker.
//!
//! Everything here sits behind one `std::sync::Mutex` ([`Shared::state`]), never held
//! across an `.await` (see "Ordering of edits" in [`super::server`]). The worker of a
//! document ([`super::worker`]) reads none of it: it receives [`Job`]s.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{watch, Notify};
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

use super::analyzer::Snapshot;
use super::capabilities::ClientFlags;
use super::config::{self, Config, ConfigError, Settings};
use crate::base::text::Encoding;
use crate::lang::l10n::{tr, Args};

/// The client's changes to a document's text that its worker has not applied yet, as
/// the client sent them (the text of `didOpen` is one, without a range): the worker holds
/// the only copy of the text (see [`super::buffer`]). Locked while changes are recorded
/// and their job sent, and while the worker takes both, so the worker always gets the
/// newest job with every change that leads to it.
pub(super) type Pending = Arc<Mutex<Vec<TextDocumentContentChangeEvent>>>;

/// Locks a mutex of the server's. A panic while holding one leaves plain data behind:
/// keep serving.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One version of a document for the worker to analyse.
#[derive(Clone)]
pub(super) struct Job {
    pub(super) generation: u64,
    pub(super) version: i32,
    pub(super) config: Arc<Config>,
    pub(super) encoding: Encoding,
    /// When the edit (or the event) that made this job arrived, for the trace.
    pub(super) made: std::time::Instant,
}

/// An open document: its version, and the channels to its worker, which holds its text.
pub(super) struct Doc {
    pub(super) version: i32,
    pub(super) generation: u64,
    pub(super) jobs: watch::Sender<Option<Job>>,
    /// The changes the worker has not taken yet; see [`Pending`].
    pub(super) pending: Pending,
    pub(super) results: watch::Receiver<Option<Arc<Snapshot>>>,
    pub(super) urgent: Arc<Notify>,
    /// Held while publishing; `false` once the document is closed.
    pub(super) open: Arc<tokio::sync::Mutex<bool>>,
}

/// Everything the handlers share, behind [`Shared::state`].
#[derive(Default)]
pub(super) struct State {
    pub(super) encoding: Option<Encoding>,
    pub(super) flags: ClientFlags,
    pub(super) roots: Vec<PathBuf>,
    /// `proplint.toml` of each root that has one.
    pub(super) files: HashMap<PathBuf, Settings>,
    pub(super) client: Settings,
    /// The language of the editor's interface, from `initialize` (for `lang = "editor"`).
    pub(super) locale: Option<crate::lang::Lang>,
    /// Per root, deepest first.
    pub(super) configs: Vec<(PathBuf, Arc<Config>)>,
    pub(super) fallback: Arc<Config>,
    pub(super) docs: HashMap<Url, Doc>,
    pub(super) generation: u64,
    /// Configuration problems found during `initialize`, shown once `initialized`.
    pub(super) pending_errors: Vec<ConfigError>,
}

impl State {
    pub(super) fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    pub(super) fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    pub(super) fn config_for(&self, uri: &Url) -> Arc<Config> {
        if let Ok(path) = uri.to_file_path() {
            for (root, config) in &self.configs {
                if path.starts_with(root) {
                    return config.clone();
                }
            }
        }
        self.fallback.clone()
    }

    pub(super) fn job(&self, uri: &Url, doc: &Doc) -> Job {
        Job {
            generation: doc.generation,
            version: doc.version,
            config: self.config_for(uri),
            encoding: self.encoding(),
            made: std::time::Instant::now(),
        }
    }

    /// Re-reads every root's `proplint.toml`; returns the problems found.
    pub(super) fn load_files(&mut self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        self.files.clear();
        // The file's own `lang` is not known before it is read.
        let words = config::notice_lang(None, &self.client, self.locale);
        for root in &self.roots {
            let path = root.join(config::FILE_NAME);
            match std::fs::read_to_string(&path) {
                Ok(text) => match config::parse_file(&text, &path, words) {
                    Ok(settings) => {
                        self.files.insert(root.clone(), settings);
                    }
                    Err(e) => {
                        let args = Args::new().s("error", e.0);
                        errors.push(ConfigError(tr(words, "lsp-file-ignored", &args)))
                    }
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    let args = Args::new()
                        .s("path", path.display().to_string())
                        .s("error", crate::lang::errors::io_error(words, &e));
                    errors.push(ConfigError(tr(words, "cli-cannot-read", &args)))
                }
            }
        }
        errors
    }

    /// Rebuilds the configuration of every root from the files and the client settings.
    pub(super) fn rebuild_configs(&mut self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        let mut configs = Vec::new();
        for root in &self.roots {
            let (config, errs) = config::resolve(self.files.get(root), &self.client, self.locale);
            errors.extend(errs);
            configs.push((root.clone(), Arc::new(config)));
        }
        configs.sort_by_key(|(root, _)| std::cmp::Reverse(root.components().count()));
        self.configs = configs;
        let (fallback, errs) = config::resolve(None, &self.client, self.locale);
        if self.roots.is_empty() {
            errors.extend(errs);
        }
        self.fallback = Arc::new(fallback);
        errors.dedup();
        errors
    }

    /// Sends every open document to its worker again (after a configuration change).
    pub(super) fn reanalyse_all(&mut self) {
        let uris: Vec<Url> = self.docs.keys().cloned().collect();
        for uri in uris {
            let generation = self.next_generation();
            let doc = self.docs.get_mut(&uri).expect("listed above");
            doc.generation = generation;
            let doc = &self.docs[&uri];
            let job = self.job(&uri, doc);
            doc.jobs.send_replace(Some(job));
        }
    }
}

/// The state and what the workers wait on before their first analysis.
pub(super) struct Shared {
    pub(super) state: Mutex<State>,
    /// True once the client's settings are known (or the client has none to give).
    pub(super) settings_ready: watch::Sender<bool>,
}

/// Read access to the server's documents from outside the protocol, for tests that
/// compare the server's buffers with what the client holds.
#[derive(Clone)]
pub struct Inspector(pub(super) Arc<Shared>);

impl Inspector {
    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.0.state)
    }

    /// The text and version of an open document as the server last analysed it (call it
    /// once the version's diagnostics have arrived).
    pub fn document(&self, uri: &Url) -> Option<(String, i32)> {
        let state = self.state();
        let doc = state.docs.get(uri)?;
        let snapshot = doc.results.borrow();
        let snapshot = snapshot.as_ref()?;
        Some((snapshot.buffer().to_string(), snapshot.version))
    }

    /// The negotiated position encoding.
    pub fn encoding(&self) -> Encoding {
        self.state().encoding()
    }
}
