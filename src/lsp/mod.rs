//! `proplint lsp`: a language server on standard input and output.
//!
//! Diagnostics (pushed, or pulled by clients that pull), quick fixes and a fix-all
//! action, hovers on citations, proposal references and call words, completion of
//! citations, document symbols and folding ranges, configured by `proplint.toml` and the
//! client's `proplint` settings.
//!
//! A client's bytes are read by [`framing`], which answers malformed messages itself and
//! hands well-formed ones on. A message goes through [`service`](mod@service) (the tower
//! service) to [`handlers`], which read it with [`from_proto`], call the [`Backend`] of
//! [`server`] (whose [`state`] is behind one lock; [`server`] explains how edits stay
//! ordered) or a feature module, and answer with [`to_proto`]. Each open document has a
//! [`worker`] that analyses its newest version with its [`analyzer`] and publishes
//! through [`publication`] and [`transport`]. [`position`] is the one place where LSP
//! positions are converted; [`capabilities`] says what each side can do; [`protocol`]
//! documents the custom messages.

pub mod actions;
pub mod analyzer;
pub mod buffer;
pub mod capabilities;
pub mod completion;
pub mod config;
pub mod dispatch;
pub mod framing;
pub mod from_proto;
pub mod handlers;
pub mod hover;
pub mod memory;
pub mod model;
pub mod position;
pub mod protocol;
pub mod publication;
pub mod server;
pub mod service;
pub mod state;
pub mod symbols;
pub mod to_proto;
pub mod transport;
pub mod worker;

pub use server::Backend;
pub use service::{service, Lifecycle, ProplintService};
pub use state::Inspector;

use std::os::fd::AsFd;

use tokio::io::{AsyncRead, AsyncWrite};

/// A server ready to serve one client over a pair of byte streams.
pub struct Connection {
    service: ProplintService,
    socket: tower_lsp::ClientSocket,
    outbox: transport::Outbox,
    queue: transport::OutboxReceiver,
    max_message_bytes: usize,
}

impl Default for Connection {
    fn default() -> Self {
        Connection::new()
    }
}

impl Connection {
    pub fn new() -> Connection {
        let (outbox, queue) = transport::outbox();
        let (service, socket) = service(outbox.clone());
        Connection {
            service,
            socket,
            outbox,
            queue,
            max_message_bytes: framing::DEFAULT_MAX_MESSAGE_BYTES,
        }
    }

    /// Refuses messages whose declared length is above `bytes` (see [`framing`]).
    pub fn with_max_message_bytes(mut self, bytes: usize) -> Connection {
        self.max_message_bytes = bytes;
        self
    }

    /// A view of the server's buffers, for tests.
    pub fn inspector(&self) -> Inspector {
        self.service.inspector()
    }

    /// Serves until the client closes `input` or sends `exit`. Returns whether the
    /// session ended cleanly: the stream closed, or `shutdown` before `exit`.
    pub async fn serve(
        self,
        input: impl AsyncRead + Unpin,
        output: impl AsyncWrite + Unpin + Send + 'static,
    ) -> bool {
        let (queue, server) = self.into_server();
        tokio::spawn(transport::write_messages(queue, output));
        server.serve(input).await
    }

    /// [`serve`](Self::serve), with the output written by a thread of its own with
    /// blocking writes: for standard output, where tokio would copy each message and
    /// hand it to its blocking pool, a hop and a copy per message (a publication of a
    /// large document is hundreds of kilobytes).
    pub async fn serve_with_blocking_output(
        self,
        input: impl AsyncRead + Unpin,
        output: impl std::io::Write + Send + 'static,
    ) -> bool {
        let (queue, server) = self.into_server();
        let writer = std::thread::Builder::new()
            .name("proplint-lsp-out".to_string())
            .spawn(move || transport::write_messages_blocking(queue, output));
        if let Err(e) = writer {
            eprintln!("proplint lsp: cannot start the output thread: {e}");
            return false;
        }
        server.serve(input).await
    }

    /// The queue of outgoing messages, for a writer, and the rest, to serve the input.
    fn into_server(self) -> (transport::OutboxReceiver, Server) {
        let server = Server {
            service: self.service,
            socket: self.socket,
            outbox: self.outbox,
            max_message_bytes: self.max_message_bytes,
        };
        (self.queue, server)
    }
}

/// A connection whose output has its writer.
struct Server {
    service: ProplintService,
    socket: tower_lsp::ClientSocket,
    outbox: transport::Outbox,
    max_message_bytes: usize,
}

/// How many decoded messages may wait for [`dispatch`] before reading waits.
const DECODED_QUEUE: usize = 16;

impl Server {
    async fn serve(self, input: impl AsyncRead + Unpin) -> bool {
        let lifecycle = self.service.lifecycle();
        let (to_server, from_reader) = tokio::sync::mpsc::channel(DECODED_QUEUE);
        let (outbox, limit) = (self.outbox.clone(), self.max_message_bytes);
        let read = async move {
            framing::read_messages(input, to_server, outbox, limit).await;
            // `to_server` is dropped here: the dispatcher sees the end of its input.
        };
        let serve = dispatch::dispatch(self.service, self.socket, from_reader, self.outbox);
        tokio::select! {
            // The client closed the stream.
            _ = async { tokio::join!(read, serve) } => true,
            clean = lifecycle.exited() => clean,
        }
    }
}

/// Runs the language server on stdin/stdout until the client sends `exit` or closes
/// the stream. Blocking: builds its own tokio runtime. An `exit` without a `shutdown`
/// before it is an error (the process should then exit with code 1, as LSP asks).
pub fn run_stdio() -> std::io::Result<()> {
    run_stdio_with(framing::DEFAULT_MAX_MESSAGE_BYTES)
}

/// [`run_stdio`], refusing messages longer than `max_message_bytes`.
pub fn run_stdio_with(max_message_bytes: usize) -> std::io::Result<()> {
    tune_malloc();
    widen_output_pipe();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Whole-text analyses run on the blocking pool (see `server`). Unbounded, a
        // burst of opened documents made it grow to 150 threads; beyond these, analyses
        // wait their turn (standard input's reader uses the pool too, hence the margin).
        .max_blocking_threads(6)
        .thread_name("proplint-lsp")
        .enable_all()
        .build()?;
    let stdout = std::io::stdout().as_fd().try_clone_to_owned()?;
    let clean = runtime.block_on(
        Connection::new()
            .with_max_message_bytes(max_message_bytes)
            .serve_with_blocking_output(tokio::io::stdin(), std::fs::File::from(stdout)),
    );
    // The stdin reader may still be blocked in a read; do not wait for it.
    runtime.shutdown_background();
    if clean {
        Ok(())
    } else {
        Err(std::io::Error::other(
            "the client sent `exit` without `shutdown`",
        ))
    }
}

/// Two settings of glibc's malloc keep the server's memory near what it holds (measured:
/// docs/performance.md).
///
/// - One arena. glibc gives each thread that allocates its own, and memory freed in one
///   is not reused by another: the runtime's threads and the blocking pool's thread that
///   analyses each version would each keep their own high-water mark. The server's
///   threads allocate little at the same time, so the shared lock costs nothing visible.
/// - Blocks of 1 MiB and more mapped on their own, always. By default the threshold
///   rises to the size of the largest such block freed, so after a large document's
///   message and its text were freed, later blocks of that size came from the heap and
///   stayed there once freed (2 MiB of a 4 MB document). A keystroke's blocks (a
///   publication is a few hundred kilobytes on a 1 MB document) stay under it.
/// - Up to 4 MiB kept free at the top of the heap. Fixing the threshold above also fixes
///   this one at its default, 128 KiB, and the heap was then given back and faulted in
///   again at every keystroke: 15% on the keystroke's latency on a 1 MB document.
#[allow(unsafe_code)]
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 4 << 20);
    }
}

/// A publication on a large document is a few hundred kilobytes; through a pipe of the
/// default 64 KiB the writer waits for the client to read each part. A pipe of 1 MiB
/// takes it in one write (measured: docs/performance.md). Not a pipe, or not allowed:
/// nothing changes.
#[allow(unsafe_code)]
fn widen_output_pipe() {
    #[cfg(target_os = "linux")]
    // SAFETY: F_SETPIPE_SZ on standard output only resizes the pipe's buffer; it fails
    // harmlessly when standard output is not a pipe.
    unsafe {
        libc::fcntl(1, libc::F_SETPIPE_SZ, 1 << 20);
    }
}
