//! The server's output: one queue of whole messages to the client, fed by tower-lsp
//! (responses, requests, small notifications) and by the server itself for
//! `textDocument/publishDiagnostics` and the answers to `textDocument/diagnostic`.
//!
//! Why not let tower-lsp send the diagnostics too: it turns a notification's parameters
//! into a `serde_json::Value` tree and then into text, on the one path every message
//! takes. For a large document with hundreds of findings that was a third of the time
//! from a keystroke to its diagnostics. The worker that analysed the version writes
//! its publication straight to bytes (see [`publication`](super::publication)), off the
//! async runtime, and queues the framed message here. tower-lsp's own output is cut at message boundaries so the two never
//! interleave inside a message.

use std::pin::Pin;
use std::task::{Context, Poll};

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

    /// A writer for tower-lsp's output that queues each of its messages whole.
    pub fn framer(&self) -> Framer {
        Framer {
            outbox: self.clone(),
            pending: Vec::new(),
        }
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
    let mut message = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    message.extend_from_slice(&body);
    Ok(message)
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

/// tower-lsp's output stream, cut into whole messages (tower-lsp frames each as
/// `Content-Length: N\r\n\r\n` and N bytes of body) and queued in the [`Outbox`].
pub struct Framer {
    outbox: Outbox,
    pending: Vec<u8>,
}

impl Framer {
    /// The length of the first whole message in `pending`, if it is all there.
    fn first_message_len(&self) -> Option<usize> {
        let header_end = memchr::memmem::find(&self.pending, b"\r\n\r\n")? + 4;
        let header = std::str::from_utf8(&self.pending[..header_end]).ok()?;
        let length = header.lines().find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        });
        match length {
            Some(length) => {
                let total = header_end + length;
                (self.pending.len() >= total).then_some(total)
            }
            // Not a header this module knows: pass the bytes on as they are rather than
            // hold them forever.
            None => Some(header_end),
        }
    }
}

impl AsyncWrite for Framer {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.pending.extend_from_slice(bytes);
        while let Some(len) = self.first_message_len() {
            let rest = self.pending.split_off(len);
            let message = std::mem::replace(&mut self.pending, rest);
            if !self.outbox.send(message) {
                return Poll::Ready(Err(std::io::ErrorKind::BrokenPipe.into()));
            }
        }
        Poll::Ready(Ok(bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// tower-lsp's bytes arrive in any cuts; whole messages come out, in order, and our
    /// own messages queued between them never land inside one.
    #[tokio::test]
    async fn messages_stay_whole_whatever_the_cuts() {
        let first = framed(r#"{"jsonrpc":"2.0","id":1,"result":"é"}"#);
        let second = framed(r#"{"jsonrpc":"2.0","method":"window/logMessage","params":{}}"#);
        let stream: Vec<u8> = [first.clone(), second.clone()].concat();
        for cut in 1..stream.len() {
            let (outbox, receiver) = outbox();
            let mut framer = outbox.framer();
            framer.write_all(&stream[..cut]).await.unwrap();
            let ours = notification("textDocument/publishDiagnostics", &[1, 2]).unwrap();
            outbox.send(ours.clone());
            framer.write_all(&stream[cut..]).await.unwrap();
            drop((framer, outbox));
            let mut out = Vec::new();
            write_messages(receiver, &mut out).await.unwrap();
            let expected = if cut < first.len() {
                [ours, first.clone(), second.clone()].concat()
            } else {
                [first.clone(), ours, second.clone()].concat()
            };
            assert_eq!(out, expected, "cut at {cut}");
        }
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
