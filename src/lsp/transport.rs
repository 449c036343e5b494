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
pub struct Outbox(mpsc::UnboundedSender<Message>);

/// What the writer task drains.
pub struct OutboxReceiver(mpsc::UnboundedReceiver<Message>);

/// A framed message, which may begin after unused bytes: a body written after room left
/// for its header ([`Message::framed_in_place`]) is framed without being copied (a
/// publication on a large document is hundreds of kilobytes, written at every keystroke).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    bytes: Vec<u8>,
    start: usize,
}

/// The room [`Message::framed_in_place`] needs before a body: the longest header.
pub const HEADER_ROOM: usize = "Content-Length: ".len() + 20 + "\r\n\r\n".len();

/// An empty message with room for its header: write the body, then
/// [`Message::framed_in_place`]. `capacity` is the body's expected length.
pub fn with_room(capacity: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER_ROOM + capacity);
    bytes.resize(HEADER_ROOM, b' ');
    bytes
}

impl Message {
    /// Frames the body written in `bytes` after [`HEADER_ROOM`] bytes left for its
    /// header (their content does not matter).
    pub fn framed_in_place(mut bytes: Vec<u8>) -> Message {
        const PREFIX: &[u8] = b"Content-Length: ";
        const END: &[u8] = b"\r\n\r\n";
        if bytes.len() < HEADER_ROOM {
            bytes.resize(HEADER_ROOM, b' ');
        }
        let mut length = itoa::Buffer::new();
        let digits = length.format(bytes.len() - HEADER_ROOM).as_bytes();
        let start = HEADER_ROOM - PREFIX.len() - digits.len() - END.len();
        let mut at = start;
        for part in [PREFIX, digits, END] {
            bytes[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        Message { bytes, start }
    }

    /// The bytes, without what comes before the message.
    pub fn into_vec(mut self) -> Vec<u8> {
        self.bytes.drain(..self.start);
        self.bytes
    }
}

impl From<Vec<u8>> for Message {
    fn from(bytes: Vec<u8>) -> Message {
        Message { bytes, start: 0 }
    }
}

impl std::ops::Deref for Message {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

pub fn outbox() -> (Outbox, OutboxReceiver) {
    let (tx, rx) = mpsc::unbounded_channel();
    (Outbox(tx), OutboxReceiver(rx))
}

impl Outbox {
    /// Queues a message. Returns `false` once the output is closed.
    pub fn send(&self, message: impl Into<Message>) -> bool {
        self.0.send(message.into()).is_ok()
    }
}

/// A JSON-RPC notification framed for the wire: `Content-Length` header, then the body.
pub fn notification<P: Serialize>(method: &str, params: &P) -> serde_json::Result<Message> {
    #[derive(Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    framed_json(&Notification {
        jsonrpc: "2.0",
        method,
        params,
    })
}

/// A message serialised straight after the room for its header, and framed there.
pub fn framed_json(message: &impl Serialize) -> serde_json::Result<Message> {
    let mut bytes = with_room(0);
    serde_json::to_writer(&mut bytes, message)?;
    Ok(Message::framed_in_place(bytes))
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

    /// The message framed the plain way: the reference for framing in place.
    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Messages queued from several places go out whole and in the order queued.
    #[tokio::test]
    async fn queued_messages_go_out_whole_and_in_order() {
        let (outbox, receiver) = outbox();
        let value = serde_json::json!({"jsonrpc": "2.0", "id": 1, "result": "é"});
        // The length counts bytes, not characters.
        let first = framed_json(&value).unwrap();
        assert_eq!(&first[..], &framed(&value.to_string())[..]);
        let second = notification("textDocument/publishDiagnostics", &[1, 2]).unwrap();
        let other = outbox.clone();
        assert!(outbox.send(first.clone()) && other.send(second.clone()));
        drop((outbox, other));
        let mut out = Vec::new();
        write_messages(receiver, &mut out).await.unwrap();
        assert_eq!(out, [&first[..], &second[..]].concat());
    }

    /// A body framed in place is the same message as one framed by a copy, whatever the
    /// number of digits of its length.
    #[test]
    fn framing_in_place_is_framing() {
        for length in [0, 7, 10, 99_999, 123_456] {
            let body = "é".repeat(length / 2) + &"x".repeat(length % 2);
            let mut bytes = vec![b'?'; HEADER_ROOM];
            bytes.extend_from_slice(body.as_bytes());
            let message = Message::framed_in_place(bytes);
            assert_eq!(&message[..], &framed(&body)[..], "{length}");
            assert_eq!(message.clone().into_vec(), framed(&body));
        }
    }

    #[test]
    fn a_notification_is_framed_json_rpc() {
        let message = notification("m", &serde_json::json!({"a": "é"})).unwrap();
        let text = String::from_utf8(message.into_vec()).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"jsonrpc": "2.0", "method": "m", "params": {"a": "é"}})
        );
    }
}
