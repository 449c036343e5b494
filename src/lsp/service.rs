//! The server's tower service: tower-lsp's [`LspService`] around the [`Backend`], with
//! three things tower-lsp 0.20 does not do as we need: `"params": null` accepted on
//! methods without parameters, the session's end ([`Lifecycle`]) made visible to the
//! transport, and `textDocument/diagnostic` for open documents answered with the JSON
//! the worker already made, written straight to the output queue.

use std::sync::Arc;

use serde_json::Value;
use tokio::sync::Notify;
use tower_lsp::jsonrpc::Request;
use tower_lsp::lsp_types::request::{DocumentDiagnosticRequest, Request as _};
use tower_lsp::lsp_types::DocumentDiagnosticParams;
use tower_lsp::LspService;

use super::protocol::CATALOG_ENTRY_METHOD;
use super::publication;
use super::server::Backend;
use super::state::Inspector;
use super::transport::Outbox;

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
    /// Answers a `textDocument/diagnostic` request for an open document with the JSON
    /// the worker made with the version, written to the client directly: tower-lsp would
    /// turn hundreds of diagnostics into a `serde_json::Value` tree and then into text
    /// (see [`super::transport`]). `None` leaves the request to tower-lsp (a document that is
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
}
