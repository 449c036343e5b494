//! The client's messages, as [`framing`](super::framing) decoded them, handed to the tower
//! service, and what comes back queued for the client: what `tower_lsp::Server::serve`
//! does, without its reader.
//!
//! Why not tower-lsp's `Server`: it reads a byte stream, so every message that
//! [`framing`](super::framing) had already cut, checked and parsed was framed again,
//! piped through memory, and read and parsed a second time. Its reader's buffer also
//! keeps the size of the largest message for the rest of the session: the `didOpen` of a
//! 4 MB document left 8 MiB allocated, the largest single item of the server's memory
//! (docs/performance.md).
//!
//! tower-lsp's order is kept, as [`super::server`] relies on it ("Ordering of edits"):
//! each request's future is made in arrival order and queued, and the queue is run at
//! most [`MAX_CONCURRENCY`] at a time, each future polled first in queue order.

use futures::channel::mpsc as queue;
use futures::{SinkExt, StreamExt};
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::Response;
use tower_lsp::ClientSocket;
use tower_service::Service;

use super::framing::Incoming;
use super::service::ProplintService;
use super::transport::{self, Outbox};

/// How many requests run at once: tower-lsp's default.
const MAX_CONCURRENCY: usize = 4;

/// How many requests may wait for their turn before reading waits: tower-lsp's.
const QUEUE_LENGTH: usize = 100;

/// Serves `incoming` until it ends or the service has exited, then stops asking the
/// client anything; answers already running still go out.
pub async fn dispatch(
    mut service: ProplintService,
    socket: ClientSocket,
    mut incoming: mpsc::Receiver<Incoming>,
    outbox: Outbox,
) {
    let (requests_to_client, mut responses_from_client) = socket.split();
    let (requests_to_client, stop_asking) = futures::stream::abortable(requests_to_client);
    let (mut tasks, waiting) = queue::channel(QUEUE_LENGTH);

    let answer =
        waiting
            .buffer_unordered(MAX_CONCURRENCY)
            .for_each(|response: Option<Response>| {
                if let Some(response) = response {
                    send(&outbox, &response);
                }
                std::future::ready(())
            });
    let ask = requests_to_client.for_each(|request| {
        send(&outbox, &request);
        std::future::ready(())
    });
    let read = async {
        while let Some(message) = incoming.recv().await {
            match message {
                Incoming::Request(request) => {
                    // Not ready only once the client has sent `exit`.
                    if std::future::poll_fn(|cx| service.poll_ready(cx))
                        .await
                        .is_err()
                    {
                        break;
                    }
                    let call = service.call(request);
                    let task = async move { call.await.ok().flatten() };
                    if tasks.send(task).await.is_err() {
                        break;
                    }
                }
                Incoming::Response(response) => {
                    if responses_from_client.send(response).await.is_err() {
                        break;
                    }
                }
            }
        }
        tasks.disconnect();
        stop_asking.abort();
    };
    futures::join!(read, answer, ask);
}

/// Queues a message of the server's for the client.
fn send(outbox: &Outbox, message: &impl serde::Serialize) {
    match transport::framed_json(message) {
        Ok(framed) => {
            outbox.send(framed);
        }
        // Only a map with non-string keys fails, which no LSP type has.
        Err(e) => eprintln!("proplint lsp: a message could not be written: {e}"),
    }
}
