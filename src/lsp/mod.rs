//! `proplint lsp`: a language server on standard input and output.
//!
//! Diagnostics (pushed, or pulled by clients that pull), quick fixes and a fix-all
//! action, hovers on citations, proposal references and call words, completion of
//! citations, document symbols and folding ranges, configured by `proplint.toml` and the
//! client's `proplint` settings. [`server`] explains how edits stay ordered and how
//! analyses of new versions supersede older ones; [`position`] is the one place where
//! LSP positions are converted; [`protocol`] documents the custom messages.

pub mod actions;
pub mod analyzer;
pub mod buffer;
pub mod completion;
pub mod config;
pub mod hover;
pub mod model;
pub mod position;
pub mod protocol;
pub mod server;
pub mod symbols;

pub use server::{service, Backend, Inspector, Lifecycle, ProplintService};

/// Runs the language server on stdin/stdout until the client sends `exit` or closes
/// the stream. Blocking: builds its own tokio runtime. An `exit` without a `shutdown`
/// before it is an error (the process should then exit with code 1, as LSP asks).
pub fn run_stdio() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("proplint-lsp")
        .enable_all()
        .build()?;
    let clean = runtime.block_on(async {
        let (service, socket) = service();
        let lifecycle = service.lifecycle();
        let serve =
            tower_lsp::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service);
        tokio::select! {
            // The client closed the stream.
            () = serve => true,
            clean = lifecycle.exited() => clean,
        }
    });
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
