//! The language server: document state, the analysis worker of each document, and the
//! LSP handlers.
//!
//! # Ordering of edits
//!
//! tower-lsp 0.20 runs handlers concurrently (up to four at a time), so two `didChange`
//! notifications could interleave if their handlers awaited before touching the buffer.
//! Ours never do: `did_open`, `did_change` and `did_close` take the state lock (a
//! `std::sync::Mutex`, never held across an `.await`), apply the change and hand the new
//! version to the document's worker, all before their first `.await`. tower-lsp creates
//! the handler futures in the order the messages arrive and polls each new future for the
//! first time in that order (its `buffer_unordered` queue is FIFO), so that synchronous
//! prefix — the buffer mutation — runs in message order. Versions are checked too: a
//! change whose version does not increase is applied but logged.
//!
//! # Analysis
//!
//! Each open document has a worker task that owns its [`Analyzer`] (the core's
//! incremental session). Handlers send it the newest version through a `watch` channel,
//! which keeps only the latest value: versions the worker has not started are skipped,
//! never queued. Each `didChange` also records which bytes it changed, composed with the
//! changes the worker has not taken yet ([`Pending`]); the worker takes the newest rope
//! and that change together, patches its own copy of the text and its line index, and
//! tells the session what changed, so a keystroke re-parses one unit. After a debounce
//! (configurable, 0 = none) the worker analyses the newest version (a keystroke on its
//! own thread; a whole text on the blocking pool, so that requests are answered while
//! it runs) and publishes only if no newer version arrived meanwhile (a per-document
//! generation counter), through the output queue of [`super::transport`]; requests that
//! need the current version's analysis wait for it (and cut the debounce short).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use ropey::Rope;
use serde_json::Value;
use tokio::sync::{watch, Notify};
use tower_lsp::jsonrpc::{Request, Result as RpcResult};
use tower_lsp::lsp_types::request::{DocumentDiagnosticRequest, Request as _};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService};

use super::actions::{code_actions, fix_all_kind, EditSupport};
use super::analyzer::{Analyzer, Snapshot, Version};
use super::buffer::{apply_change, Buffer};
use super::config::{self, Config, ConfigError, Settings};
use super::model::ModelView;
use super::protocol::{
    CatalogEntry, CatalogEntryParams, PublishDiagnosticsRef, TargetNotification, TargetParams,
    CATALOG_ENTRY_METHOD, NOT_A_PROPOSAL,
};
use super::publication::{self, Wanted};
use super::transport::{self, Outbox};
use super::{completion, hover, position, symbols};
use crate::analysis::TextChange;
use crate::text::{Encoding, LineIndex};

/// `PROPLINT_LSP_TRACE=1` logs where each analysis's time went, on stderr.
static TRACE: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("PROPLINT_LSP_TRACE").is_some_and(|v| v != "0"));

/// How long a request waits for the analysis of the current version.
const REQUEST_WAIT: Duration = Duration::from_secs(10);
/// How long the first analyses wait for the client's settings.
const SETTINGS_WAIT: Duration = Duration::from_secs(2);

/// What the client said it can do, as far as the server cares.
#[derive(Debug, Clone, Copy, Default)]
struct ClientFlags {
    /// The client pulls diagnostics (`textDocument/diagnostic`): the server does not push.
    pull_diagnostics: bool,
    /// The client answers `workspace/configuration`.
    configuration: bool,
    /// `workspace/diagnostic/refresh`.
    diagnostic_refresh: bool,
    /// File watchers can be registered dynamically.
    watch_files: bool,
    edits: EditSupport,
}

/// What changed in a document's text since its worker last took a job. Locked while a
/// change is recorded and its job sent, and while the worker takes both, so the worker
/// always gets a rope and the change that leads to it from the text it has.
type Pending = Arc<Mutex<Option<TextChange>>>;

/// Locks a mutex of the server's. A panic while holding one leaves plain data behind:
/// keep serving.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One version of a document for the worker to analyse.
#[derive(Clone)]
struct Job {
    generation: u64,
    version: i32,
    rope: Rope,
    config: Arc<Config>,
    encoding: Encoding,
    /// When the edit (or the event) that made this job arrived, for the trace.
    made: std::time::Instant,
}

struct Doc {
    buffer: Buffer,
    generation: u64,
    jobs: watch::Sender<Option<Job>>,
    /// The bytes changed since the worker last took a job; see [`Pending`].
    pending: Pending,
    results: watch::Receiver<Option<Arc<Snapshot>>>,
    urgent: Arc<Notify>,
    /// Held while publishing; `false` once the document is closed.
    open: Arc<tokio::sync::Mutex<bool>>,
}

#[derive(Default)]
struct State {
    encoding: Option<Encoding>,
    flags: ClientFlags,
    roots: Vec<PathBuf>,
    /// `proplint.toml` of each root that has one.
    files: HashMap<PathBuf, Settings>,
    client: Settings,
    /// Per root, deepest first.
    configs: Vec<(PathBuf, Arc<Config>)>,
    fallback: Arc<Config>,
    docs: HashMap<Url, Doc>,
    generation: u64,
    /// Configuration problems found during `initialize`, shown once `initialized`.
    pending_errors: Vec<ConfigError>,
}

impl State {
    fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    fn config_for(&self, uri: &Url) -> Arc<Config> {
        if let Ok(path) = uri.to_file_path() {
            for (root, config) in &self.configs {
                if path.starts_with(root) {
                    return config.clone();
                }
            }
        }
        self.fallback.clone()
    }

    fn job(&self, uri: &Url, doc: &Doc) -> Job {
        Job {
            generation: doc.generation,
            version: doc.buffer.version(),
            rope: doc.buffer.rope().clone(),
            config: self.config_for(uri),
            encoding: self.encoding(),
            made: std::time::Instant::now(),
        }
    }

    /// Re-reads every root's `proplint.toml`; returns the problems found.
    fn load_files(&mut self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        self.files.clear();
        for root in &self.roots {
            let path = root.join(config::FILE_NAME);
            match std::fs::read_to_string(&path) {
                Ok(text) => match config::parse_file(&text, &path) {
                    Ok(settings) => {
                        self.files.insert(root.clone(), settings);
                    }
                    Err(e) => errors.push(ConfigError(format!(
                        "{e} (the file is ignored until this is fixed)"
                    ))),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => errors.push(ConfigError(format!("{}: {e}", path.display()))),
            }
        }
        errors
    }

    /// Rebuilds the configuration of every root from the files and the client settings.
    fn rebuild_configs(&mut self) -> Vec<ConfigError> {
        let mut errors = Vec::new();
        let mut configs = Vec::new();
        for root in &self.roots {
            let (config, errs) = config::resolve(self.files.get(root), &self.client);
            errors.extend(errs);
            configs.push((root.clone(), Arc::new(config)));
        }
        configs.sort_by_key(|(root, _)| std::cmp::Reverse(root.components().count()));
        self.configs = configs;
        let (fallback, errs) = config::resolve(None, &self.client);
        if self.roots.is_empty() {
            errors.extend(errs);
        }
        self.fallback = Arc::new(fallback);
        errors.dedup();
        errors
    }

    /// Sends every open document to its worker again (after a configuration change).
    fn reanalyse_all(&mut self) {
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

struct Shared {
    state: Mutex<State>,
    /// True once the client's settings are known (or the client has none to give).
    settings_ready: watch::Sender<bool>,
}

/// The proplint language server.
#[derive(Clone)]
pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
    /// Where publications of diagnostics go (see [`transport`]).
    outbox: Outbox,
}

/// Read access to the server's documents from outside the protocol, for tests that
/// compare the server's buffers with what the client holds.
#[derive(Clone)]
pub struct Inspector(Arc<Shared>);

impl Inspector {
    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.0.state)
    }

    /// The text and version of an open document as the server holds it.
    pub fn document(&self, uri: &Url) -> Option<(String, i32)> {
        let state = self.state();
        let doc = state.docs.get(uri)?;
        Some((doc.buffer.text(), doc.buffer.version()))
    }

    /// The negotiated position encoding.
    pub fn encoding(&self) -> Encoding {
        self.state().encoding()
    }
}

/// The server's tower service: tower-lsp's, made to accept `"params": null` on
/// methods without parameters (`shutdown`, `exit`), which tower-lsp 0.20 rejects with
/// "Unexpected params" although Emacs Eglot and IntelliJ's LSP4IJ send it, and to answer
/// unknown `$/` requests with MethodNotFound.
pub struct ProplintService {
    inner: LspService<Backend>,
    lifecycle: Arc<Lifecycle>,
}

/// What the transport needs to know of the session's end: tower-lsp stops reading only
/// at the next message after `exit`, so the stdio loop waits for this instead.
#[derive(Default)]
pub struct Lifecycle {
    shutdown: std::sync::atomic::AtomicBool,
    exited: Notify,
}

impl Lifecycle {
    /// Resolves once the client has sent `exit`; returns whether `shutdown` came first.
    pub async fn exited(&self) -> bool {
        self.exited.notified().await;
        self.shutdown.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl ProplintService {
    pub fn inspector(&self) -> Inspector {
        self.inner.inner().inspector()
    }

    pub fn lifecycle(&self) -> Arc<Lifecycle> {
        self.lifecycle.clone()
    }
}

type ServiceResult = Result<Option<tower_lsp::jsonrpc::Response>, tower_lsp::ExitedError>;

impl tower_service::Service<Request> for ProplintService {
    type Response = Option<tower_lsp::jsonrpc::Response>;
    type Error = tower_lsp::ExitedError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = ServiceResult> + Send>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        match request.method() {
            "shutdown" => self
                .lifecycle
                .shutdown
                .store(true, std::sync::atomic::Ordering::SeqCst),
            // Stored as a permit: the transport may not be waiting yet.
            "exit" => self.lifecycle.exited.notify_one(),
            DocumentDiagnosticRequest::METHOD => {
                if let Some(answer) = self.inner.inner().answer_pull(&request) {
                    return Box::pin(async move {
                        answer.await;
                        Ok(None)
                    });
                }
            }
            _ => {}
        }
        let request = if request.params() == Some(&Value::Null) {
            let (method, id, _) = request.into_parts();
            let builder = Request::build(method);
            match id {
                Some(id) => builder.id(id).finish(),
                None => builder.finish(),
            }
        } else {
            request
        };
        // tower-lsp answers nothing to an unknown `$/` method, request or not; JSON-RPC
        // asks for an answer to every request, and a client waiting for one hangs.
        let unknown_dollar = match request.id() {
            Some(id) if request.method().starts_with("$/") => Some(id.clone()),
            _ => None,
        };
        let call = self.inner.call(request);
        match unknown_dollar {
            None => Box::pin(call),
            Some(id) => Box::pin(async move {
                match call.await? {
                    Some(response) => Ok(Some(response)),
                    None => Ok(Some(tower_lsp::jsonrpc::Response::from_error(
                        id,
                        tower_lsp::jsonrpc::Error::method_not_found(),
                    ))),
                }
            }),
        }
    }
}

/// The service for a transport; it publishes diagnostics through `outbox`, which the
/// transport writes out with tower-lsp's messages (see [`super::Connection`]).
pub fn service(outbox: Outbox) -> (ProplintService, tower_lsp::ClientSocket) {
    let (inner, socket) = LspService::build(move |client| Backend::new(client, outbox))
        .custom_method(CATALOG_ENTRY_METHOD, Backend::catalog_entry)
        .finish();
    (
        ProplintService {
            inner,
            lifecycle: Arc::default(),
        },
        socket,
    )
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

    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.shared.state)
    }

    async fn show_errors(&self, errors: Vec<ConfigError>) {
        for e in errors {
            self.client
                .show_message(MessageType::ERROR, format!("proplint: {e}"))
                .await;
        }
    }

    /// Applies a configuration change: rebuild, re-analyse every open document, and
    /// tell the user what is wrong with the configuration.
    async fn configuration_changed(&self, reload_files: bool) {
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
    async fn pull_settings(&self) {
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

    async fn set_client_settings(&self, value: &Value, root: Option<&Path>) {
        let (settings, errors) = config::parse_client(value, root);
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

    /// Answers a `textDocument/diagnostic` request for an open document with the JSON
    /// the worker made with the version, written to the client directly: tower-lsp would
    /// turn hundreds of diagnostics into a `serde_json::Value` tree and then into text
    /// (see [`transport`]). `None` leaves the request to tower-lsp (a document that is
    /// not open, parameters it must reject).
    fn answer_pull(&self, request: &Request) -> Option<impl std::future::Future<Output = ()>> {
        let id = serde_json::to_vec(request.id()?).ok()?;
        let params: DocumentDiagnosticParams =
            serde_json::from_value(request.params()?.clone()).ok()?;
        if !self.state().docs.contains_key(&params.text_document.uri) {
            return None;
        }
        let backend = self.clone();
        Some(async move {
            let snapshot = backend.snapshot(&params.text_document.uri).await;
            let response = match snapshot {
                Some(s) => {
                    let result_id = s.generation.to_string();
                    if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
                        publication::pull_response(&id, Some(&result_id), None)
                    } else {
                        // Made with the version when the client announced pulls; a client
                        // that pulls without announcing it gets the same from the
                        // diagnostics in LSP form.
                        let made;
                        let items = match s.items_json() {
                            Some(items) => items,
                            None => {
                                made = serde_json::to_vec(s.diagnostics())
                                    .unwrap_or_else(|_| b"[]".to_vec());
                                &made
                            }
                        };
                        publication::pull_response(&id, Some(&result_id), Some(items))
                    }
                }
                // Not analysed in time: an empty report, as tower-lsp would send it.
                None => publication::pull_response(&id, None, Some(b"[]")),
            };
            backend.outbox.send(response);
        })
    }

    /// The analysis of the current version of a document, waiting for it if needed.
    async fn snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
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

    async fn catalog_entry(&self, params: CatalogEntryParams) -> RpcResult<Option<CatalogEntry>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        Ok(citation_hover(&snapshot, params.position).map(|markdown| CatalogEntry { markdown }))
    }
}

fn citation_hover(snapshot: &Snapshot, position: Position) -> Option<String> {
    let analysis = snapshot.analysis.as_ref()?;
    let offset = snapshot.offset(position);
    let view = ModelView::of(analysis, snapshot.text());
    let cite = view.citation_at(offset)?;
    hover::citation_markdown(snapshot.catalog(), &analysis.target, view.language(), &cite)
}

/// What the worker of a document needs besides its channels.
struct WorkerContext {
    uri: Url,
    client: Client,
    /// Where publications go; `None` when the client pulls diagnostics.
    push: Option<Outbox>,
    jobs: watch::Receiver<Option<Job>>,
    pending: Pending,
    results: watch::Sender<Option<Arc<Snapshot>>>,
    urgent: Arc<Notify>,
    open: Arc<tokio::sync::Mutex<bool>>,
    settings_ready: watch::Receiver<bool>,
}

async fn worker(mut cx: WorkerContext) {
    let mut analyzer: Option<Analyzer> = None;
    // The buffer as the analyzer last saw it, with its line index; `None` when it must
    // be copied whole (before the first version, after a failed analysis).
    let mut copy: Option<(String, Arc<LineIndex>)> = None;
    let mut settings_known = false;
    // The client was told that the text has a lone CR (once, until it has none).
    let mut told_lone_cr = false;
    loop {
        if cx.jobs.changed().await.is_err() {
            break; // closed
        }
        if !settings_known {
            let _ = tokio::time::timeout(SETTINGS_WAIT, cx.settings_ready.wait_for(|ready| *ready))
                .await;
            settings_known = true;
        }
        let debounce = cx
            .jobs
            .borrow()
            .as_ref()
            .map_or(Duration::ZERO, |j| j.config.debounce);
        if !debounce.is_zero() {
            tokio::select! {
                _ = tokio::time::sleep(debounce) => {}
                _ = cx.urgent.notified() => {}
            }
        }
        // Closed meanwhile (its sender is gone): no analysis for nobody.
        if cx.jobs.has_changed().is_err() {
            break;
        }
        // The newest version: anything sent during the debounce supersedes older jobs.
        let (job, change) = {
            let mut pending = lock(&cx.pending);
            (cx.jobs.borrow_and_update().clone(), pending.take())
        };
        let Some(job) = job else {
            continue;
        };
        let (mut session, reused) = match analyzer.take() {
            Some(a) if Arc::ptr_eq(a.config(), &job.config) => (a, true),
            _ => (Analyzer::new(job.config.clone()), false),
        };
        let uri = cx.uri.clone();
        let version = job.version;
        let wanted = if cx.push.is_some() {
            Wanted::Notification
        } else {
            Wanted::Items
        };
        let previous = copy.take();
        let taken = std::time::Instant::now();
        let waited = taken - job.made;
        let keystroke = reused && previous.is_some() && change.is_some_and(is_small);
        let work = move || {
            let hop = taken.elapsed();
            let (buffer, lines, change) = bring_up_to_date(previous, &job.rope, change);
            let text_time = (hop, taken.elapsed() - hop);
            let this = Version {
                uri,
                generation: job.generation,
                version: job.version,
                rope: job.rope,
                encoding: job.encoding,
            };
            let (snapshot, publication) =
                Snapshot::build(this, &buffer, change, lines.clone(), &mut session, wanted);
            (session, snapshot, buffer, lines, text_time, publication)
        };
        // A keystroke's analysis re-parses a unit, a fraction of a millisecond: run here,
        // it saves two hand-offs between threads, each a chance for the scheduler to
        // stall the chain from the edit to its diagnostics (docs/performance.md). Whole
        // texts (opening, new settings) take tens of milliseconds and go to the blocking
        // pool, so that the runtime keeps answering requests meanwhile. (A small edit
        // can change where the text is cut: an opened and not yet closed revision mark,
        // in a document without separator lines, joins every unit after it into one
        // chunk to parse. That costs as much as a whole text and holds one of the
        // runtime's two threads; requests are read and answered on another.)
        let built = if keystroke {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                .map_err(|_| "the analysis panicked".to_string())
        } else {
            tokio::task::spawn_blocking(work)
                .await
                .map_err(|e| e.to_string())
        };
        let (snapshot, text_time, publication) = match built {
            Ok((session, snapshot, buffer, lines, text_time, publication)) => {
                analyzer = Some(session);
                copy = Some((buffer, lines));
                (Arc::new(snapshot), text_time, publication)
            }
            Err(e) => {
                cx.client
                    .log_message(
                        MessageType::ERROR,
                        format!(
                            "proplint: analysis of {} (version {version}) failed: {e}",
                            cx.uri
                        ),
                    )
                    .await;
                continue;
            }
        };
        match snapshot.lone_cr {
            Some(at) if !told_lone_cr => {
                told_lone_cr = true;
                let line = snapshot.line_of_buffer_offset(at) + 1;
                cx.client
                    .show_message(
                        MessageType::WARNING,
                        format!(
                            "proplint: line {line} of {} ends with a lone carriage return (classic \
                             Mac OS line endings); proplint checks only texts whose lines end with \
                             LF or CRLF: convert the line endings to check this file",
                            cx.uri
                        ),
                    )
                    .await;
            }
            Some(_) => {}
            None => told_lone_cr = false,
        }
        // The previous version is freed after the publication and off this task:
        // freeing a large analysis touches memory all over the heap, and the next edit
        // may already be waiting.
        let previous = cx.results.send_replace(Some(snapshot.clone()));
        match cx.jobs.has_changed() {
            Ok(false) => {}
            Ok(true) => continue, // superseded: do not publish a stale version
            Err(_) => break,
        }
        let open = cx.open.lock().await;
        if !*open {
            break;
        }
        if let (Some(outbox), Some(message)) = (&cx.push, publication) {
            outbox.send(message);
        }
        let queued = taken.elapsed();
        let params = match &snapshot.analysis {
            Some(a) => TargetParams {
                uri: cx.uri.clone(),
                target: a.target.id.clone(),
                source: a.target.source.describe().to_string(),
            },
            None => TargetParams {
                uri: cx.uri.clone(),
                target: None,
                source: NOT_A_PROPOSAL.to_string(),
            },
        };
        cx.client
            .send_notification::<TargetNotification>(params)
            .await;
        drop(open);
        if previous.is_some() {
            tokio::task::spawn_blocking(move || drop(previous));
        }
        if *TRACE {
            let t = snapshot.times;
            eprintln!(
                "proplint-lsp: {} v{version}: waited {waited:?}, hop {:?}, text {:?}, analysis {:?}, positions and publication {:?}, queued at {queued:?} ({} diagnostics)",
                cx.uri,
                text_time.0,
                text_time.1,
                t.analysis,
                t.positions,
                snapshot.diagnostic_count()
            );
        }
    }
    // The document is closed: what it held goes back to the system (see `memory`).
    drop((analyzer, copy, cx));
    let _ = tokio::task::spawn_blocking(super::memory::release_freed_memory).await;
}

/// Whether a change is small enough to be analysed on the runtime's thread: it re-parses
/// the unit or two it touches (a keystroke, a pasted paragraph).
fn is_small(change: TextChange) -> bool {
    const SMALL: usize = 4096;
    change.old_end.saturating_sub(change.start) <= SMALL
        && change.new_end.saturating_sub(change.start) <= SMALL
}

/// The worker's copy of the buffer and its line index brought up to `rope` by `change`
/// (what changed since the copy; `None`: nothing), and the change the analysis is to be
/// told. Without a copy, or with a change that does not fit it, the rope is copied whole.
fn bring_up_to_date(
    previous: Option<(String, Arc<LineIndex>)>,
    rope: &Rope,
    change: Option<TextChange>,
) -> (String, Arc<LineIndex>, TextChange) {
    let end = rope.len_bytes();
    let change = change.unwrap_or(TextChange {
        start: end,
        old_end: end,
        new_end: end,
    });
    let old_len = previous.as_ref().map_or(0, |(text, _)| text.len());
    if let Some((mut text, mut lines)) = previous {
        if apply_change(&mut text, rope, change) {
            if !change.is_empty() {
                Arc::make_mut(&mut lines).update(&text, change);
            }
            return (text, lines, change);
        }
    }
    let text = rope.to_string();
    let lines = Arc::new(LineIndex::new(&text));
    (text, lines, TextChange::whole(old_len, end))
}

fn roots_of(params: &InitializeParams) -> Vec<PathBuf> {
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

fn is_config_file(uri: &Url) -> bool {
    uri.path().ends_with(&format!("/{}", config::FILE_NAME))
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let caps = &params.capabilities;
        let encoding = position::negotiate(caps);
        let flags = ClientFlags {
            pull_diagnostics: caps
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            configuration: caps
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false),
            diagnostic_refresh: caps
                .workspace
                .as_ref()
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            watch_files: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            edits: EditSupport {
                document_changes: caps
                    .workspace
                    .as_ref()
                    .and_then(|w| w.workspace_edit.as_ref())
                    .and_then(|e| e.document_changes)
                    .unwrap_or(false),
            },
        };
        let initial_settings = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("proplint").or(Some(o)))
            .cloned();
        {
            let mut state = self.state();
            state.encoding = Some(encoding);
            state.flags = flags;
            state.roots = roots_of(&params);
            if let Some(value) = &initial_settings {
                let (settings, errors) =
                    config::parse_client(value, state.roots.first().map(PathBuf::as_path));
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
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "proplint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(position::encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".to_string()]),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, fix_all_kind()]),
                        resolve_provider: Some(false),
                        ..Default::default()
                    },
                )),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("proplint".to_string()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
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

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        // Synchronous up to the end of the block: see "Ordering of edits".
        {
            let mut state = self.state();
            let generation = state.next_generation();
            let (jobs, jobs_rx) = watch::channel(None);
            let (results_tx, results) = watch::channel(None);
            let urgent = Arc::new(Notify::new());
            let open = Arc::new(tokio::sync::Mutex::new(true));
            // The worker starts from an empty text.
            let pending = Arc::new(Mutex::new(Some(TextChange::whole(0, doc.text.len()))));
            let entry = Doc {
                buffer: Buffer::new(&doc.text, doc.version),
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

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        // Synchronous up to the end of the block: see "Ordering of edits".
        let problem = {
            let mut state = self.state();
            let encoding = state.encoding();
            let generation = state.next_generation();
            match state.docs.get_mut(&uri) {
                None => Some(format!(
                    "proplint: change to {uri}, which is not open; ignored"
                )),
                Some(doc) => {
                    let previous = doc.buffer.version();
                    let change = doc.buffer.apply(&params.content_changes, version, encoding);
                    doc.generation = generation;
                    let doc = &state.docs[&uri];
                    let job = state.job(&uri, doc);
                    let mut pending = lock(&doc.pending);
                    *pending = Some(pending.map_or(change, |p| p.then(change)));
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

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if is_config_file(&params.text_document.uri) {
            self.configuration_changed(true).await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let (doc, push) = {
            let mut state = self.state();
            (
                state.docs.remove(&params.text_document.uri),
                !state.flags.pull_diagnostics,
            )
        };
        if let Some(doc) = doc {
            let mut open = doc.open.lock().await;
            *open = false;
            if push {
                // Through the same queue as the worker's publications, so it comes last.
                let params = PublishDiagnosticsRef::<Diagnostic> {
                    uri: &params.text_document.uri,
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

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let (pull, root) = {
            let state = self.state();
            (state.flags.configuration, state.roots.first().cloned())
        };
        match params.settings.get("proplint") {
            Some(section) => self.set_client_settings(section, root.as_deref()).await,
            None if pull => self.pull_settings().await,
            None => {}
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params.changes.iter().any(|c| is_config_file(&c.uri)) {
            self.configuration_changed(true).await;
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> RpcResult<DocumentDiagnosticReportResult> {
        let snapshot = self.snapshot(&params.text_document.uri).await;
        let report = match snapshot {
            None => DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default()),
            Some(s) => {
                let result_id = format!("{}", s.generation);
                if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
                    DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                        related_documents: None,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                            result_id,
                        },
                    })
                } else {
                    DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                        related_documents: None,
                        full_document_diagnostic_report: FullDocumentDiagnosticReport {
                            result_id: Some(result_id),
                            items: s.diagnostics().to_vec(),
                        },
                    })
                }
            }
        };
        Ok(DocumentDiagnosticReportResult::Report(report))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let support = self.state().flags.edits;
        let actions = code_actions(
            &snapshot,
            params.range,
            params.context.only.as_deref(),
            support,
        );
        Ok((!actions.is_empty()).then_some(actions))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let position = params.text_document_position_params.position;
        let Some(snapshot) = self
            .snapshot(&params.text_document_position_params.text_document.uri)
            .await
        else {
            return Ok(None);
        };
        let Some(analysis) = &snapshot.analysis else {
            return Ok(None);
        };
        let offset = snapshot.offset(position);
        let view = ModelView::of(analysis, snapshot.text());
        let found = if let Some(cite) = view.citation_at(offset) {
            hover::citation_markdown(snapshot.catalog(), &analysis.target, view.language(), &cite)
                .map(|md| (md, cite.span))
        } else if let Some(unit) = view.unit_at(offset) {
            let on = |span: &crate::text::Span| span.contains(offset) || span.end == offset;
            if let Some((_, span)) = unit
                .reference
                .as_ref()
                .filter(|(_, s)| on(s))
                .or(unit.action.as_ref().filter(|(_, s)| on(s)))
            {
                hover::reference_markdown(&unit).map(|md| (md, *span))
            } else {
                unit.sections
                    .iter()
                    .find(|s| on(&s.call_span))
                    .map(|s| (hover::call_word_markdown(s), s.call_span))
            }
        } else {
            None
        };
        Ok(found.map(|(value, span)| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(snapshot.range(span)),
        }))
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let position = params.text_document_position.position;
        let Some(snapshot) = self
            .snapshot(&params.text_document_position.text_document.uri)
            .await
        else {
            return Ok(None);
        };
        let offset = snapshot.offset(position);
        Ok(completion::complete(&snapshot, offset).map(CompletionResponse::Array))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let Some(analysis) = &snapshot.analysis else {
            return Ok(None);
        };
        let view = ModelView::of(analysis, snapshot.text());
        Ok(Some(DocumentSymbolResponse::Nested(
            symbols::document_symbols(&snapshot, &view),
        )))
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> RpcResult<Option<Vec<FoldingRange>>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let Some(analysis) = &snapshot.analysis else {
            return Ok(None);
        };
        let view = ModelView::of(analysis, snapshot.text());
        Ok(Some(symbols::folding_ranges(&snapshot, &view)))
    }
}
