//! The server's input: the client's byte stream cut into messages here, before
//! tower-lsp sees it.
//!
//! Why not let tower-lsp read the input itself: its reader (a `FramedRead`) ends the
//! stream at the first message it cannot decode, and the server takes the end of the
//! stream for the client leaving. One body that is not JSON, or a header it does not
//! accept, and the editor silently loses every diagnostic. A declared length is also
//! trusted: `Content-Length: 2000000000` makes it buffer everything that follows.
//!
//! So [`read_messages`] parses the headers itself, refuses a declared length above a cap
//! without buffering it, checks that each body is UTF-8 and a JSON-RPC message, answers
//! anything else with a JSON-RPC error (id `null`, as JSON-RPC asks when the id cannot be
//! read) plus a `window/logMessage` and a line on stderr, and hands only well-formed
//! messages on, decoded once, to [`dispatch`](super::dispatch), which gives them to
//! tower-lsp's service.
//!
//! # Finding the next message after a bad one
//!
//! After a header that cannot be used (no or unreadable `Content-Length`, too long, a
//! declared length above the cap), the reader drops bytes until the next
//! `Content-Length` and starts again there, holding at most one read's worth of bytes
//! while it looks. A body that is valid JSON cannot be mistaken for a header: a header
//! ends at a raw `\r\n\r\n`, and JSON strings cannot hold a raw CR or LF. A message whose
//! header was readable but whose body is JSON of the wrong shape, or in a foreign charset,
//! is skipped by its length, so what follows it is read as usual.
//!
//! A declared length can lie under the cap too. Too long, it swallows the start of the
//! next message: a body that is not JSON (or not UTF-8) is therefore not trusted to end
//! where its header says, and the next `Content-Length` is looked for from the body's
//! start. And while a body is awaited, a complete header inside what has arrived, after
//! bytes that are already a whole JSON value, shows the length lied: the value is
//! refused and the message after it read at once, rather than held back until the bytes
//! it was owed arrive (which may be never, if the client waits for an answer).
//!
//! Over the cap, the alternatives were worse: draining the declared length would swallow
//! every later message when the length lies (2 GB announced, 100 bytes sent), and closing
//! the connection is what this module exists to avoid.

use std::fmt;

use serde::Deserialize;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::{Request, Response};

use super::transport::{self, Outbox};

/// The largest body accepted by default: a message carrying a whole document is the
/// largest a client sends, and proposals are at most a few MiB.
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 64 << 20;

/// The longest header block accepted (the usual one is about 25 bytes).
const MAX_HEADER_BYTES: usize = 8 * 1024;

/// How much is read from the input at a time.
const READ_CHUNK: usize = 64 * 1024;

const HEADER_END: &[u8] = b"\r\n\r\n";
const CONTENT_LENGTH: &[u8] = b"Content-Length";

/// JSON-RPC's error codes for what this module refuses.
const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

/// What was wrong with a message. Its `Display` is the sentence the client and stderr get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// The header block ended without a `Content-Length`.
    MissingLength,
    /// `Content-Length` is not a number.
    BadLength(String),
    /// More than [`MAX_HEADER_BYTES`] of header, or bytes that are not a header at all.
    BadHeader,
    /// The declared length is above the cap.
    TooLong { declared: u64, limit: usize },
    /// `Content-Type` names a charset other than UTF-8.
    Charset(String),
    /// The body is not UTF-8.
    NotUtf8 { at: usize },
    /// The body is not JSON.
    NotJson(String),
    /// JSON, but not a JSON-RPC 2.0 request, notification or response.
    NotMessage,
    /// The body ended, and the next message's header began, before the declared length.
    LengthPastBody { declared: usize, body: usize },
}

impl Malformed {
    fn code(&self) -> i64 {
        match self {
            Malformed::NotMessage => INVALID_REQUEST,
            _ => PARSE_ERROR,
        }
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Malformed::MissingLength => {
                f.write_str("a message header without Content-Length was skipped")
            }
            Malformed::BadLength(value) => write!(
                f,
                "a message with an unreadable Content-Length ({value:?}) was skipped"
            ),
            Malformed::BadHeader => f.write_str(
                "bytes that are not a message header (or a header longer than 8 KiB) were skipped",
            ),
            Malformed::TooLong { declared, limit } => write!(
                f,
                "a message declaring {declared} bytes was refused: the limit is {limit} bytes \
                 (proplint lsp --max-message-bytes)"
            ),
            Malformed::Charset(charset) => write!(
                f,
                "a message in charset {charset:?} was skipped: only UTF-8 is supported"
            ),
            Malformed::NotUtf8 { at } => write!(
                f,
                "a message whose body is not UTF-8 (at byte {at}) was skipped"
            ),
            Malformed::NotJson(e) => write!(f, "a message whose body is not JSON was skipped: {e}"),
            Malformed::NotMessage => {
                f.write_str("a message that is not a JSON-RPC 2.0 request or response was skipped")
            }
            Malformed::LengthPastBody { declared, body } => write!(
                f,
                "a message declaring {declared} bytes was skipped: its body ended after {body} \
                 bytes, where the next message began"
            ),
        }
    }
}

/// One header block, parsed.
enum Header {
    /// Complete and usable: the body's length.
    Length(usize),
    /// Readable up to its length, but the body is to be skipped for this reason.
    SkipBody(usize, Malformed),
    /// Unusable: look for the next header.
    Resync(Malformed),
}

/// Parses the header block `bytes` (without its final blank line).
fn parse_header(bytes: &[u8], limit: usize) -> Header {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Header::Resync(Malformed::BadHeader);
    };
    let mut length = None;
    let mut charset_problem = None;
    for line in text.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Header::Resync(Malformed::BadHeader);
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            match value.parse::<u64>() {
                Ok(n) => length = Some(n),
                Err(_) => {
                    return Header::Resync(Malformed::BadLength(value.chars().take(40).collect()))
                }
            }
        } else if name.eq_ignore_ascii_case("content-type") {
            let charset = value
                .split(';')
                .skip(1)
                .filter_map(|p| p.trim().split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
                .map(|(_, v)| v.trim().trim_matches('"').to_string());
            if let Some(charset) = charset {
                // `utf8` is what early clients sent; the specification accepts it.
                if !charset.eq_ignore_ascii_case("utf-8") && !charset.eq_ignore_ascii_case("utf8") {
                    charset_problem = Some(Malformed::Charset(charset.chars().take(40).collect()));
                }
            }
        }
        // Other headers are allowed and ignored, as the specification says.
    }
    match length {
        None => Header::Resync(Malformed::MissingLength),
        Some(n) if n > limit as u64 => Header::Resync(Malformed::TooLong { declared: n, limit }),
        // Under the cap, so it fits a usize.
        Some(n) => match charset_problem {
            Some(problem) => Header::SkipBody(n as usize, problem),
            None => Header::Length(n as usize),
        },
    }
}

/// A well-formed message from the client.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// A request or a notification.
    Request(Request),
    /// The answer to a request of the server's.
    Response(Response),
}

/// Decodes a body into what tower-lsp's service takes, or says what is wrong with it.
/// The JSON is parsed once and its strings moved, not copied, into the message: a
/// `didOpen` carries the whole document.
fn decode_body(body: &[u8]) -> Result<Incoming, (Malformed, Value)> {
    let text = std::str::from_utf8(body).map_err(|e| {
        (
            Malformed::NotUtf8 {
                at: e.valid_up_to(),
            },
            Value::Null,
        )
    })?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| (Malformed::NotJson(e.to_string()), Value::Null))?;
    // An invalid request whose id can be read is answered with that id.
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    // A response has no method (JSON-RPC 2.0, section 5).
    let decoded = if value.get("method").is_some() {
        Request::deserialize(value).map(Incoming::Request)
    } else {
        Response::deserialize(value).map(Incoming::Response)
    };
    decoded.map_err(|_| (Malformed::NotMessage, id))
}

/// Where, in the part of a body that has arrived, the next message begins, if the body
/// already holds a whole JSON value followed (after white space) by a complete header:
/// the declared length lied. `from` is how much of `partial` was searched before; the
/// value is parsed only when a `Content-Length` appears in what is new (or close enough
/// before it to have been cut by the last read), so a large body arriving in many reads is
/// not parsed again at each. A well-formed body cannot be cut so: a header needs a raw
/// line break, which no JSON string holds, and a value followed by anything but white
/// space is not a body.
fn next_message_inside(partial: &[u8], from: usize) -> Option<usize> {
    let recheck = from.saturating_sub(MAX_HEADER_BYTES + CONTENT_LENGTH.len());
    memchr::memmem::find(&partial[recheck..], CONTENT_LENGTH)?;
    let mut values =
        serde_json::Deserializer::from_slice(partial).into_iter::<serde::de::IgnoredAny>();
    values.next()?.ok()?;
    let end = values.byte_offset();
    let next = end
        + partial[end..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let header = partial.get(next..)?;
    let complete = header.starts_with(CONTENT_LENGTH)
        && memchr::memmem::find(&header[..header.len().min(MAX_HEADER_BYTES)], HEADER_END)
            .is_some();
    complete.then_some(next)
}

/// Reports a malformed message: an error response to the client (JSON-RPC asks for one
/// when a request cannot be parsed; a client ignores a response with id `null` that it
/// did not expect), a `window/logMessage`, and a line on stderr.
fn report(outbox: &Outbox, problem: &Malformed, id: Value) {
    let message = format!("proplint: {problem}");
    eprintln!("{message}");
    let error = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": problem.code(), "message": message},
    });
    if let Ok(framed) = transport::framed_json(&error) {
        outbox.send(framed);
    }
    // MessageType 1 = Error.
    if let Ok(log) = transport::notification(
        "window/logMessage",
        &serde_json::json!({"type": 1, "message": message}),
    ) {
        outbox.send(log);
    }
}

/// Reads framed messages from `input` until it ends, sends the well-formed ones to
/// `output`, decoded, and reports the others through `outbox`. Returns when the input
/// ends or fails, or when `output` is closed.
pub async fn read_messages(
    mut input: impl AsyncRead + Unpin,
    output: mpsc::Sender<Incoming>,
    outbox: Outbox,
    limit: usize,
) {
    let mut buf: Vec<u8> = Vec::with_capacity(READ_CHUNK);
    let mut chunk = vec![0u8; READ_CHUNK];
    // Bytes of a skipped body still to drop.
    let mut skip: usize = 0;
    // Looking for the next `Content-Length` after an unusable header.
    let mut resync = false;
    // A bad header was reported and no message has been read since: the garbage that
    // follows (which may hold `Content-Length` many times) is skipped without a report
    // for each false start.
    let mut quiet = false;
    // How far the awaited body has been searched for a message inside it.
    let mut scanned: usize = 0;
    loop {
        // Act on what is buffered; `need_more` when it takes more input.
        let need_more = if skip > 0 {
            let n = skip.min(buf.len());
            buf.drain(..n);
            skip -= n;
            skip > 0
        } else if resync {
            // From 1: the bytes at 0 are where the unusable header began.
            match memchr::memmem::find(buf.get(1..).unwrap_or_default(), CONTENT_LENGTH) {
                Some(i) => {
                    buf.drain(..i + 1);
                    resync = false;
                    false
                }
                None => {
                    // Keep only what could be the start of a split `Content-Length`.
                    let keep = CONTENT_LENGTH.len() - 1;
                    let drop = buf.len().saturating_sub(keep);
                    buf.drain(..drop);
                    true
                }
            }
        } else {
            // Blank lines between messages are tolerated.
            let blank = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            buf.drain(..blank);
            let window = &buf[..buf.len().min(MAX_HEADER_BYTES + HEADER_END.len())];
            match memchr::memmem::find(window, HEADER_END) {
                None if buf.len() > MAX_HEADER_BYTES => {
                    if !std::mem::replace(&mut quiet, true) {
                        report(&outbox, &Malformed::BadHeader, Value::Null);
                    }
                    resync = true;
                    false
                }
                None => true,
                Some(end) => match parse_header(&buf[..end], limit) {
                    Header::Resync(problem) => {
                        if !std::mem::replace(&mut quiet, true) {
                            report(&outbox, &problem, Value::Null);
                        }
                        resync = true;
                        false
                    }
                    Header::SkipBody(length, problem) => {
                        quiet = false;
                        report(&outbox, &problem, Value::Null);
                        buf.drain(..end + HEADER_END.len());
                        skip = length;
                        false
                    }
                    Header::Length(length) => {
                        let start = end + HEADER_END.len();
                        if buf.len() < start + length {
                            // Grown as the body arrives, not reserved from the header: a
                            // length under the cap can lie too.
                            let from = scanned.max(start);
                            scanned = buf.len();
                            match next_message_inside(&buf[start..], from - start) {
                                Some(at) => {
                                    quiet = false;
                                    let problem = Malformed::LengthPastBody {
                                        declared: length,
                                        body: at,
                                    };
                                    report(&outbox, &problem, Value::Null);
                                    buf.drain(..start + at);
                                    scanned = 0;
                                    false
                                }
                                None => true,
                            }
                        } else {
                            scanned = 0;
                            quiet = false;
                            let body = &buf[start..start + length];
                            match decode_body(body) {
                                Ok(message) => {
                                    if output.send(message).await.is_err() {
                                        return; // the server stopped reading
                                    }
                                }
                                Err((
                                    problem @ (Malformed::NotJson(_) | Malformed::NotUtf8 { .. }),
                                    id,
                                )) => {
                                    // Perhaps a length that lied: the next message is looked
                                    // for from the body's start, not from its declared end.
                                    report(&outbox, &problem, id);
                                    quiet = true;
                                    resync = true;
                                    // Resynchronising looks from the buffer's second byte:
                                    // keep the header's last, so that an empty body's
                                    // successor is found.
                                    buf.drain(..start - 1);
                                    continue;
                                }
                                Err((problem, id)) => report(&outbox, &problem, id),
                            }
                            buf.drain(..start + length);
                            // A large body's room is given back.
                            if buf.capacity() > 4 * READ_CHUNK && buf.len() < READ_CHUNK {
                                buf.shrink_to(READ_CHUNK);
                            }
                            false
                        }
                    }
                },
            }
        };
        if need_more {
            match input.read(&mut chunk).await {
                // What is left can only be an incomplete message: nothing to do.
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    /// Room for every message a test sends, so that a reader run to its end never waits.
    const ROOM: usize = 64;

    /// What a well-formed body reaches the service as.
    fn decoded(body: &str) -> Vec<Incoming> {
        vec![decode_body(body.as_bytes()).expect("well-formed")]
    }

    fn received(mut receiver: mpsc::Receiver<Incoming>) -> Vec<Incoming> {
        let mut messages = Vec::new();
        while let Ok(message) = receiver.try_recv() {
            messages.push(message);
        }
        messages
    }

    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// Runs the reader over `input`; returns what reached tower-lsp and what the client got.
    async fn run(input: Vec<u8>, limit: usize) -> (Vec<Incoming>, Vec<Value>) {
        let (outbox, receiver) = transport::outbox();
        let (sender, forwarded) = mpsc::channel(ROOM);
        read_messages(&input[..], sender, outbox, limit).await;
        let forwarded = received(forwarded);
        let mut out = Vec::new();
        transport::write_messages(receiver, &mut out).await.unwrap();
        let mut replies = Vec::new();
        let mut rest = &out[..];
        while let Some(end) = memchr::memmem::find(rest, HEADER_END) {
            let header = std::str::from_utf8(&rest[..end]).unwrap();
            let length: usize = header
                .trim_start_matches("Content-Length: ")
                .parse()
                .unwrap();
            let body = &rest[end + 4..end + 4 + length];
            replies.push(serde_json::from_slice(body).unwrap());
            rest = &rest[end + 4 + length..];
        }
        (forwarded, replies)
    }

    const GOOD: &str = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;

    /// Each kind of malformed message is answered with an error and a log line, and the
    /// well-formed message after it reaches tower-lsp unchanged.
    #[tokio::test]
    async fn a_malformed_message_is_answered_and_the_next_one_goes_through() {
        let cases: Vec<(&str, Vec<u8>, i64)> = vec![
            ("not JSON", framed("{not json"), PARSE_ERROR),
            (
                "not UTF-8",
                [b"Content-Length: 3\r\n\r\n".as_slice(), &[0xFF, 0xFE, b'{']].concat(),
                PARSE_ERROR,
            ),
            ("no length", b"Content-Type: x\r\n\r\n{}".to_vec(), PARSE_ERROR),
            (
                "unreadable length",
                b"Content-Length: ten\r\n\r\n{}".to_vec(),
                PARSE_ERROR,
            ),
            (
                "a length too short",
                b"Content-Length: 4\r\n\r\n{\"jsonrpc\":\"2.0\"}".to_vec(),
                PARSE_ERROR,
            ),
            (
                "latin-1",
                b"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n{}"
                    .to_vec(),
                PARSE_ERROR,
            ),
            (
                "a huge length",
                b"Content-Length: 2000000000\r\n\r\n{\"short\": 1}".to_vec(),
                PARSE_ERROR,
            ),
            ("JSON, not a message", framed("[1,2]"), INVALID_REQUEST),
            ("garbage", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(), PARSE_ERROR),
        ];
        for (name, bad, code) in cases {
            let input = [bad, framed(GOOD)].concat();
            let (forwarded, replies) = run(input, 1 << 20).await;
            assert_eq!(forwarded, decoded(GOOD), "{name}");
            assert!(
                replies
                    .iter()
                    .any(|r| r["error"]["code"] == code && r["id"].is_null()),
                "{name}: {replies:?}"
            );
            assert!(
                replies.iter().any(|r| r["method"] == "window/logMessage"),
                "{name}: {replies:?}"
            );
        }
    }

    /// A declared length over the cap is not buffered: the reader holds at most a read's
    /// worth while it looks for the next header.
    #[tokio::test]
    async fn a_length_over_the_cap_is_refused_and_reading_goes_on() {
        let filler = vec![b'x'; 300_000];
        let input = [
            b"Content-Length: 300000\r\n\r\n".to_vec(),
            filler,
            framed(GOOD),
        ]
        .concat();
        let (forwarded, replies) = run(input, 1000).await;
        assert_eq!(forwarded, decoded(GOOD));
        assert!(replies[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("the limit is 1000 bytes"));
    }

    /// Garbage full of false starts is reported once, not once per false start.
    #[tokio::test]
    async fn garbage_is_reported_once() {
        let garbage = "Content-Length: nope ".repeat(1000);
        let input = [garbage.into_bytes(), b"\r\n\r\n".to_vec(), framed(GOOD)].concat();
        let (forwarded, replies) = run(input, 1 << 20).await;
        assert_eq!(forwarded, decoded(GOOD));
        let errors = replies.iter().filter(|r| r.get("error").is_some()).count();
        assert_eq!(errors, 1, "{replies:?}");
    }

    /// A length that lies under the cap, too long, loses nothing after it: whether its body
    /// ran into the next message's header or the bytes it announced never come.
    #[tokio::test]
    async fn a_length_longer_than_its_body_loses_nothing_after_it() {
        let cases: Vec<(&str, Vec<u8>)> = vec![
            (
                "three bytes too long",
                b"Content-Length: 5\r\n\r\n{}".to_vec(),
            ),
            ("far too long", b"Content-Length: 900\r\n\r\n{}".to_vec()),
            (
                "a whole message, far too long",
                format!("Content-Length: 900\r\n\r\n{GOOD}\r\n").into_bytes(),
            ),
            ("empty", b"Content-Length: 0\r\n\r\n".to_vec()),
            (
                "two lengths",
                b"Content-Length: 2\r\nContent-Length: 5\r\n\r\n{}".to_vec(),
            ),
        ];
        for (name, bad) in cases {
            let input = [bad, framed(GOOD)].concat();
            let (forwarded, replies) = run(input, 1 << 20).await;
            assert_eq!(forwarded, decoded(GOOD), "{name}: {replies:?}");
            assert!(
                replies.iter().any(|r| r["error"]["code"] == PARSE_ERROR),
                "{name}: {replies:?}"
            );
        }
    }

    /// A body that holds the words of a header and blank lines between its tokens (JSON
    /// allows them) is still one message, whatever the cuts between reads.
    #[tokio::test]
    async fn a_body_that_looks_like_it_holds_a_header_is_not_cut() {
        let body = "{\"jsonrpc\":\"2.0\",\"method\":\"x/Content-Length: 5\"\r\n\r\n,\"params\":\r\n\r\nContent-Length}";
        // Not JSON after all (a bare word): reported, and the message after it arrives.
        let input = [framed(body), framed(GOOD)].concat();
        let (forwarded, _) = run(input, 1 << 20).await;
        assert_eq!(forwarded, decoded(GOOD));
        let body = "{\"jsonrpc\":\"2.0\",\"method\":\"x/Content-Length: 5\"\r\n\r\n}";
        let input = [framed(body), framed(GOOD)].concat();
        let expected = [decoded(body), decoded(GOOD)].concat();
        for cut in 1..input.len() {
            let (outbox, _receiver) = transport::outbox();
            let (client, server) = tokio::io::duplex(7);
            let (mut server_read, _) = tokio::io::split(server);
            let (_, mut client_write) = tokio::io::split(client);
            let (head, tail) = (input[..cut].to_vec(), input[cut..].to_vec());
            let feed = async move {
                client_write.write_all(&head).await.unwrap();
                client_write.write_all(&tail).await.unwrap();
                client_write.shutdown().await.unwrap();
            };
            let (sender, forwarded) = mpsc::channel(ROOM);
            tokio::join!(
                feed,
                read_messages(&mut server_read, sender, outbox, 1 << 20)
            );
            assert_eq!(received(forwarded), expected, "cut at {cut}");
        }
    }

    /// The client's answer to a request of the server's reaches the service as a
    /// response, a request as a request, and a message with a method that is not a
    /// request is refused, not taken for a response.
    #[tokio::test]
    async fn requests_and_responses_are_told_apart() {
        let answer = r#"{"jsonrpc":"2.0","id":4,"result":{"applied":true}}"#;
        let input = [framed(answer), framed(GOOD)].concat();
        let (forwarded, replies) = run(input, 1 << 20).await;
        assert!(matches!(
            forwarded[..],
            [Incoming::Response(_), Incoming::Request(_)]
        ));
        assert!(replies.is_empty(), "{replies:?}");
        let odd = r#"{"jsonrpc":"2.0","id":5,"method":5,"result":1}"#;
        let (forwarded, replies) = run(framed(odd), 1 << 20).await;
        assert!(forwarded.is_empty());
        assert_eq!(replies[0]["id"], 5);
        assert_eq!(replies[0]["error"]["code"], INVALID_REQUEST);
    }

    #[tokio::test]
    async fn an_invalid_request_keeps_its_id() {
        let input = [framed(r#"{"id":3,"method":5}"#), framed(GOOD)].concat();
        let (forwarded, replies) = run(input, 1 << 20).await;
        assert_eq!(forwarded, decoded(GOOD));
        assert_eq!(replies[0]["id"], 3);
        assert_eq!(replies[0]["error"]["code"], INVALID_REQUEST);
    }

    /// Messages split anywhere between reads still arrive whole.
    #[tokio::test]
    async fn well_formed_messages_pass_whatever_the_cuts() {
        let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input = [framed(GOOD), framed(exit)].concat();
        let expected = [decoded(GOOD), decoded(exit)].concat();
        for cut in 1..input.len() {
            let (outbox, _receiver) = transport::outbox();
            let (client, server) = tokio::io::duplex(1);
            let (mut server_read, _) = tokio::io::split(server);
            let (_, mut client_write) = tokio::io::split(client);
            let (head, tail) = (input[..cut].to_vec(), input[cut..].to_vec());
            let feed = async move {
                client_write.write_all(&head).await.unwrap();
                client_write.write_all(&tail).await.unwrap();
                client_write.shutdown().await.unwrap();
            };
            let (sender, forwarded) = mpsc::channel(ROOM);
            tokio::join!(
                feed,
                read_messages(&mut server_read, sender, outbox, 1 << 20)
            );
            assert_eq!(received(forwarded), expected, "cut at {cut}");
        }
    }
}
