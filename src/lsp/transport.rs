//! The server's output: one queue of whole messages to the client, fed by
//! [`dispatch`](super::dispatch) (tower-lsp's responses, requests and small
//! notifications) and by the server itself for
//! `textDocument/publishDiagnostics` and the answers to `textDocument/diagnostic`.
//! Each message is queued whole, so none lands inside another.
//!
//! Why not let tower-lsp send the diagnostics too: it turns a notification's parameters
//! into a `serde_json::Value` tree and then into text, on the one path every message
//! takes. For a large document with hundreds of findings that was a third of the time
//! from a keystroke to its diagnostics. The worker that analysed the version writes
//! its publication straight to bytes (see [`publication`](super::publication)), off the
//! async runtime, and queues the framed message here.

use serde::Serialize;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// Where complete, framed messages for the client go.
#[derive(Clone, Debug)]
pub struct Outbox(mpsc::UnboundedSender<Vec<u8>>);

/// What the writer task drains.
pub struct OutboxReceiver(mpsc::UnboundedReceiver<Vec<u8>>);

pub fn outbox() -> (Outbox, OutboxReceiver) {
    let (tx, rx) = mpsc::unbounded_channel();
    (Outbox(tx), OutboxReceiver(rx))
}

impl Outbox {
    /// Queues a notification. Returns `false` once the output is closed.
    pub fn send(&self, message: Vec<u8>) -> bool {
        self.0.send(message).is_ok()
    }
}

/// A JSON-RPC notification framed for the wire: `Content-Length` header, then the body.
pub fn notification<P: Serialize>(method: &str, params: &P) -> serde_json::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    let body = serde_json::to_vec(&Notification {
        jsonrpc: "2.0",
        method,
        params,
    })?;
    Ok(frame(&body))
}

/// A message body framed for the wire: its `Content-Length` header, then the body.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(body.len() + 32);
    message.extend_from_slice(b"Content-Length: ");
    message.extend_from_slice(itoa::Buffer::new().format(body.len()).as_bytes());
    message.extend_from_slice(b"\r\n\r\n");
    message.extend_from_slice(body);
    message
}

/// Writes queued messages to the client until every sender is gone or the output fails.
pub async fn write_messages(
    mut receiver: OutboxReceiver,
    mut output: impl AsyncWrite + Unpin,
) -> std::io::Result<()> {
    while let Some(message) = receiver.0.recv().await {
        output.write_all(&message).await?;
        // Everything already queued goes out before the flush.
        while let Ok(message) = receiver.0.try_recv() {
            output.write_all(&message).await?;
        }
        output.flush().await?;
    }
    Ok(())
}

/// [`write_messages`] for a thread of its own, with blocking writes.
pub fn write_messages_blocking(
    mut receiver: OutboxReceiver,
    mut output: impl std::io::Write,
) -> std::io::Result<()> {
    while let Some(message) = receiver.0.blocking_recv() {
        output.write_all(&message)?;
        while let Ok(message) = receiver.0.try_recv() {
            output.write_all(&message)?;
        }
        output.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Messages queued from several places go out whole and in the order queued.
    #[tokio::test]
    async fn queued_messages_go_out_whole_and_in_order() {
        let (outbox, receiver) = outbox();
        let body = r#"{"jsonrpc":"2.0","id":1,"result":"é"}"#;
        // The length counts bytes, not characters.
        let first = frame(body.as_bytes());
        assert_eq!(first, framed(body));
        let second = notification("textDocument/publishDiagnostics", &[1, 2]).unwrap();
        let other = outbox.clone();
        assert!(outbox.send(first.clone()) && other.send(second.clone()));
        drop((outbox, other));
        let mut out = Vec::new();
        write_messages(receiver, &mut out).await.unwrap();
        assert_eq!(out, [first, second].concat());
    }

    #[test]
    fn a_notification_is_framed_json_rpc() {
        let message = notification("m", &serde_json::json!({"a": "é"})).unwrap();
        let text = String::from_utf8(message).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"jsonrpc": "2.0", "method": "m", "params": {"a": "é"}})
        );
    }
}
