//! The analysis worker of each open document: a task that takes the newest job and the
//! client's changes since the last, applies them to the document's text (which it
//! alone holds, see [`super::buffer`]), has the document's [`Analyzer`] analyse it, and
//! publishes the result unless a newer version arrived meanwhile.
//!
//! The handlers never wait for it: they hand it [`Job`]s through a `watch` channel,
//! which keeps only the latest value, and requests wait on its results channel (see
//! "Analysis" in [`super::server`]). It owns everything it mutates (the analyzer, the
//! text and its line index), so it shares no lock with the handlers but the
//! [`Pending`] changes, taken together with the job.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{watch, Notify};
use tower_lsp::lsp_types::{MessageType, Url};
use tower_lsp::Client;

use super::analyzer::{Analyzer, Snapshot, Version};
use super::buffer::Buffer;
use super::protocol::TargetNotification;
use super::publication::Wanted;
use super::state::{lock, Job, Pending};
use super::to_proto;
use super::transport::Outbox;
use crate::engine::analysis::TextChange;

/// `PROPLINT_LSP_TRACE=1` logs where each analysis's time went, on stderr.
static TRACE: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("PROPLINT_LSP_TRACE").is_some_and(|v| v != "0"));

/// How long the first analyses wait for the client's settings.
const SETTINGS_WAIT: Duration = Duration::from_secs(2);

/// What the worker of a document needs besides its channels.
pub(super) struct WorkerContext {
    pub(super) uri: Url,
    pub(super) client: Client,
    /// Where publications go; `None` when the client pulls diagnostics.
    pub(super) push: Option<Outbox>,
    pub(super) jobs: watch::Receiver<Option<Job>>,
    pub(super) pending: Pending,
    pub(super) results: watch::Sender<Option<Arc<Snapshot>>>,
    pub(super) urgent: Arc<Notify>,
    pub(super) open: Arc<tokio::sync::Mutex<bool>>,
    pub(super) settings_ready: watch::Receiver<bool>,
}

pub(super) async fn worker(mut cx: WorkerContext) {
    let mut analyzer: Option<Analyzer> = None;
    // The document's text, with every change taken so far applied.
    let mut buffer = Buffer::default();
    let mut settings_known = false;
    // The client was told that the text has a lone CR (once, until it has none).
    let mut told_lone_cr = false;
    let mut told_too_large = false;
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
        let (job, changes) = {
            let mut pending = lock(&cx.pending);
            (
                cx.jobs.borrow_and_update().clone(),
                std::mem::take(&mut *pending),
            )
        };
        let Some(job) = job else {
            continue;
        };
        let taken = std::time::Instant::now();
        // The published version is no longer the current one: no request waits for it
        // any more. Taken back, it lets go of the text, which is then edited in place
        // (a request still reading it keeps its copy).
        let retired = cx
            .results
            .send_replace(None)
            .and_then(|old| Arc::try_unwrap(old).ok())
            .map(Snapshot::retire);
        let change = buffer.apply(changes, job.encoding);
        let applied = std::time::Instant::now();
        let text_time = applied - taken;
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
        let waited = taken - job.made;
        let keystroke = reused && is_small(change);
        let this = Version {
            uri,
            generation: job.generation,
            version: job.version,
            encoding: job.encoding,
        };
        // The analysis reads a copy of the buffer's handles: the text stays here if it
        // fails.
        let text = buffer.clone();
        let work = move || {
            let hop = applied.elapsed();
            let (snapshot, publication) =
                Snapshot::build(this, &text, change, &mut session, wanted);
            (session, snapshot, hop, publication)
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
            Ok((session, snapshot, hop, publication)) => {
                analyzer = Some(session);
                (Arc::new(snapshot), (hop, text_time), publication)
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
                        crate::lang::messages::lone_cr(line, cx.uri.as_str(), job.config.words),
                    )
                    .await;
            }
            Some(_) => {}
            None => told_lone_cr = false,
        }
        match snapshot.too_large {
            Some(lines) if !told_too_large => {
                told_too_large = true;
                cx.client
                    .show_message(
                        MessageType::WARNING,
                        crate::lang::messages::too_large(
                            lines,
                            crate::input::source::MAX_LINES,
                            cx.uri.as_str(),
                            job.config.words,
                        ),
                    )
                    .await;
            }
            Some(_) => {}
            None => told_too_large = false,
        }
        cx.results.send_replace(Some(snapshot.clone()));
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
        let params = to_proto::target_params(
            &cx.uri,
            snapshot.analysis.as_ref(),
            snapshot.catalog(),
            job.config.words,
        );
        cx.client
            .send_notification::<TargetNotification>(params)
            .await;
        drop(open);
        // What is left of the previous version is freed after the publication and off
        // this task: freeing a large analysis touches memory all over the heap, and the
        // next edit may already be waiting.
        if let Some(retired) = retired {
            tokio::task::spawn_blocking(move || drop(retired));
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
    drop((analyzer, buffer, cx));
    let _ = tokio::task::spawn_blocking(super::memory::release_freed_memory).await;
}

/// Whether a change is small enough to be analysed on the runtime's thread: it re-parses
/// the unit or two it touches (a keystroke, a pasted paragraph).
fn is_small(change: TextChange) -> bool {
    const SMALL: usize = 4096;
    change.old_end.saturating_sub(change.start) <= SMALL
        && change.new_end.saturating_sub(change.start) <= SMALL
}
