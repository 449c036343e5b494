//! The language server, in process, under a random session: opens, incremental and whole
//! changes, closes and requests in any order, with positions in and out of range, and
//! malformed messages in between (bodies that are not JSON, not UTF-8, not JSON-RPC, a
//! foreign charset, a length over the cap). Checked at the end of every session:
//!
//! - every request got its answer (the server still answers);
//! - the server's buffer of each open document is the client's text (while every edit's
//!   positions were valid; after an out-of-range one the server's clamping is taken);
//! - the diagnostics it gives for that text are those of a full analysis of it
//!   (incremental equals full).
#![no_main]

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use proplint::lsp::Connection;
use proplint::text::{Encoding, LineCol, LineIndex};
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
});

/// Long enough for any analysis of a fuzz input; a server that stops answering is
/// reported as a crash.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

/// The cap on declared lengths in these sessions, so that "too long" is cheap to say.
const MAX_MESSAGE: usize = 1 << 20;

const URIS: [&str; 2] = ["file:///fuzz/a.txt", "file:///fuzz/b.md"];

const SNIPPETS: &[&str] = &[
    "",
    "a",
    "é",
    "😀",
    "\n",
    "\r\n",
    "\t",
    ")",
    "b)\tla Résolution 69 (Rév. Dubaï, 2014),\n",
    "Resolution 71 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\n",
    "MOD\tECP/24A6/3\n",
    "décide\n1\tde continuer;\n",
    "Motifs:\tx\n",
    "*****\n",
    "{++inserted++}",
    "{--deleted--}",
    "{~~Guadalajara, 2010~>Busan, 2014~~}",
    "{>>proplint-ignore stale-revision<<}",
    "\u{feff}",
];

const PROPOSAL: &str = "ADD\tIAP/7A1/1\nPROJET DE NOUVELLE RÉSOLUTION [IAP-1]\n\
considérant\na)\tla Résolution 140 (Rév. Guadalajara, 2010);\nc)\tla Résolution 71;\n\
décide\n1\tde continuer;\nMotifs:\tx\n";

/// The fuzzer's bytes, read as choices.
struct Choices<'a>(&'a [u8]);

impl Choices<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }

    fn below(&mut self, n: usize) -> usize {
        let a = self.byte().unwrap_or(0) as usize;
        let b = self.byte().unwrap_or(0) as usize;
        (a << 8 | b) % n.max(1)
    }

    /// A position value: usually small, sometimes past any end.
    fn coordinate(&mut self) -> u32 {
        match self.byte().unwrap_or(0) % 8 {
            0 => u32::MAX,
            1 => 1 << 20,
            n => self.below(n as usize * 20) as u32,
        }
    }

    fn text(&mut self) -> String {
        match self.byte().unwrap_or(0) % 4 {
            0 => {
                let len = self.below(40);
                let take = len.min(self.0.len());
                let (bytes, rest) = self.0.split_at(take);
                self.0 = rest;
                String::from_utf8_lossy(bytes).into_owned()
            }
            1 => PROPOSAL.to_string(),
            _ => SNIPPETS[self.below(SNIPPETS.len())].to_string(),
        }
    }
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// What the client believes of a document.
struct Doc {
    text: String,
    version: i32,
    /// False once an edit's positions were out of range: the server's clamping decides.
    known: bool,
}

struct Client<W> {
    writer: W,
    next_id: i64,
    asked: HashSet<i64>,
    answers: Arc<Mutex<HashMap<i64, Value>>>,
    arrived: mpsc::UnboundedReceiver<()>,
}

impl<W: AsyncWrite + Unpin> Client<W> {
    async fn raw(&mut self, bytes: &[u8]) {
        let _ = self.writer.write_all(bytes).await;
        let _ = self.writer.flush().await;
    }

    async fn send(&mut self, value: Value) {
        let body = serde_json::to_vec(&value).expect("JSON");
        self.raw(&framed(&body)).await;
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    async fn request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.asked.insert(id);
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        id
    }

    /// Waits for the answer to `id`.
    async fn answer(&mut self, id: i64) -> Value {
        let wait = async {
            loop {
                if let Some(answer) = self.answers.lock().expect("answers").remove(&id) {
                    self.asked.remove(&id);
                    return answer;
                }
                if self.arrived.recv().await.is_none() {
                    panic!("the server closed its output before answering request {id}");
                }
            }
        };
        match tokio::time::timeout(ANSWER_WITHIN, wait).await {
            Ok(answer) => answer,
            Err(_) => panic!("no answer to request {id} within {ANSWER_WITHIN:?}"),
        }
    }
}

/// Reads the server's messages: answers go to `answers`; the server's own requests are
/// answered with `null` through `replies`.
async fn read_server(
    mut reader: impl AsyncRead + Unpin,
    answers: Arc<Mutex<HashMap<i64, Value>>>,
    arrived: mpsc::UnboundedSender<()>,
    replies: mpsc::UnboundedSender<Value>,
) {
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let header = String::from_utf8_lossy(&buf[..end]).into_owned();
            let length: usize = header
                .trim_start_matches("Content-Length: ")
                .parse()
                .expect("the server frames its messages");
            if buf.len() < end + 4 + length {
                break;
            }
            let message: Value =
                serde_json::from_slice(&buf[end + 4..end + 4 + length]).expect("server JSON");
            buf.drain(..end + 4 + length);
            match (message.get("id"), message.get("method")) {
                (Some(id), None) => {
                    if let Some(id) = id.as_i64() {
                        answers.lock().expect("answers").insert(id, message.clone());
                    }
                    let _ = arrived.send(());
                }
                (Some(id), Some(_)) => {
                    let _ = replies.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
                }
                _ => {}
            }
        }
        match reader.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The codes a full analysis of `buffer` reports, sorted, as the server would publish them.
fn full_analysis_codes(buffer: &str) -> Vec<String> {
    // Texts the server does not analyse: a lone CR, or over a text file's caps (which
    // these short sessions never reach).
    if proplint::text::lone_cr(buffer).is_some()
        || proplint::lsp::analyzer::too_large(buffer, &proplint::LineIndex::new(buffer)).is_some()
    {
        return Vec::new();
    }
    let (text, _) = proplint::text::strip_bom(buffer);
    // The server checks every document it is sent, with the editor's options (citations
    // in any shape of text, the once-per-document note of missing outcomes).
    let options = proplint::lsp::config::Config::default().options;
    let analysis = proplint::analyze(text, proplint::Catalog::embedded(), &options);
    let mut codes: Vec<String> = analysis
        .diagnostics()
        .iter()
        .map(|d| d.rule.code().to_string())
        .collect();
    codes.sort();
    codes
}

async fn session(data: &[u8]) {
    let mut choices = Choices(data);
    let utf8 = choices.byte().unwrap_or(0) % 2 == 0;
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };

    let connection = Connection::new().with_max_message_bytes(MAX_MESSAGE);
    let inspector = connection.inspector();
    let (client_end, server_end) = tokio::io::duplex(1 << 16);
    let (server_read, server_write) = tokio::io::split(server_end);
    let (client_read, client_write) = tokio::io::split(client_end);
    let served = tokio::spawn(connection.serve(server_read, server_write));

    let answers = Arc::new(Mutex::new(HashMap::new()));
    let (arrived_tx, arrived) = mpsc::unbounded_channel();
    let (replies_tx, mut replies) = mpsc::unbounded_channel();
    let reading = tokio::spawn(read_server(
        client_read,
        answers.clone(),
        arrived_tx,
        replies_tx,
    ));
    let mut client = Client {
        writer: client_write,
        next_id: 1,
        asked: HashSet::new(),
        answers,
        arrived,
    };

    let encodings = if utf8 {
        vec!["utf-8", "utf-16"]
    } else {
        vec!["utf-16"]
    };
    let init = client
        .request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "textDocument": {"diagnostic": {"dynamicRegistration": false}},
                },
                "initializationOptions": {"debounceMs": 0},
            }),
        )
        .await;
    client.answer(init).await;
    client.notify("initialized", json!({})).await;

    let mut docs: HashMap<&str, Doc> = HashMap::new();
    for _ in 0..48 {
        let Some(op) = choices.byte() else { break };
        // The server's own requests are answered as they come.
        while let Ok(reply) = replies.try_recv() {
            client.send(reply).await;
        }
        let uri = URIS[(op as usize / 16) % URIS.len()];
        match op % 10 {
            0 => {
                let text = choices.text();
                client
                    .notify(
                        "textDocument/didOpen",
                        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
                    )
                    .await;
                docs.insert(
                    uri,
                    Doc {
                        text,
                        version: 1,
                        known: true,
                    },
                );
            }
            1 | 2 => {
                // An edit between two valid positions of the client's text.
                let Some(doc) = docs.get_mut(uri) else {
                    continue;
                };
                let insert = choices.text();
                let (start, end, range) = if doc.known
                    && proplint::text::lone_cr(&doc.text).is_none()
                {
                    let index = LineIndex::new(&doc.text);
                    let a = proplint::text::floor_char_boundary(
                        &doc.text,
                        choices.below(doc.text.len() + 1),
                    );
                    let b = proplint::text::floor_char_boundary(
                        &doc.text,
                        choices.below(doc.text.len() + 1),
                    );
                    let (a, b) = (a.min(b), a.max(b));
                    let p = |o| {
                        let LineCol { line, col } = index.position(&doc.text, o, encoding);
                        json!({"line": line, "character": col})
                    };
                    let range = json!({"start": p(a), "end": p(b)});
                    // Offsets inside a CRLF come back as the line's end.
                    let back = |o| {
                        index.offset(&doc.text, index.position(&doc.text, o, encoding), encoding)
                    };
                    (back(a), back(b).max(back(a)), range)
                } else {
                    doc.known = false;
                    (
                        0,
                        0,
                        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}),
                    )
                };
                doc.version += 1;
                if doc.known {
                    doc.text.replace_range(start..end, &insert);
                }
                client
                    .notify(
                        "textDocument/didChange",
                        json!({"textDocument": {"uri": uri, "version": doc.version},
                               "contentChanges": [{"range": range, "text": insert}]}),
                    )
                    .await;
            }
            3 => {
                // An edit at any positions, in range or not.
                let Some(doc) = docs.get_mut(uri) else {
                    continue;
                };
                let range = json!({
                    "start": {"line": choices.coordinate(), "character": choices.coordinate()},
                    "end": {"line": choices.coordinate(), "character": choices.coordinate()},
                });
                doc.known = false;
                doc.version += 1;
                let text = choices.text();
                client
                    .notify(
                        "textDocument/didChange",
                        json!({"textDocument": {"uri": uri, "version": doc.version},
                               "contentChanges": [{"range": range, "text": text}]}),
                    )
                    .await;
            }
            4 => {
                let Some(doc) = docs.get_mut(uri) else {
                    continue;
                };
                doc.text = choices.text();
                doc.known = true;
                doc.version += 1;
                client
                    .notify(
                        "textDocument/didChange",
                        json!({"textDocument": {"uri": uri, "version": doc.version},
                               "contentChanges": [{"text": doc.text}]}),
                    )
                    .await;
            }
            5 => {
                docs.remove(uri);
                client
                    .notify(
                        "textDocument/didClose",
                        json!({"textDocument": {"uri": uri}}),
                    )
                    .await;
            }
            6 | 7 => {
                let position =
                    json!({"line": choices.coordinate(), "character": choices.coordinate()});
                let range = json!({"start": position, "end": {"line": choices.coordinate(), "character": choices.coordinate()}});
                let document = json!({"uri": uri});
                let (method, params) = match choices.byte().unwrap_or(0) % 9 {
                    0 => (
                        "textDocument/hover",
                        json!({"textDocument": document, "position": position}),
                    ),
                    1 => (
                        "textDocument/completion",
                        json!({"textDocument": document, "position": position}),
                    ),
                    2 => (
                        "textDocument/codeAction",
                        json!({"textDocument": document, "range": range, "context": {"diagnostics": []}}),
                    ),
                    3 => (
                        "textDocument/documentSymbol",
                        json!({"textDocument": document}),
                    ),
                    4 => (
                        "textDocument/foldingRange",
                        json!({"textDocument": document}),
                    ),
                    5 => ("textDocument/diagnostic", json!({"textDocument": document})),
                    6 => ("$/proplint/unknown", json!({})),
                    7 => ("proplint/unknown", json!(null)),
                    _ => (
                        "textDocument/hover",
                        json!({"textDocument": document, "position": "nowhere"}),
                    ),
                };
                client.request(method, params).await;
            }
            _ => {
                // A malformed message that says where it ends, so nothing after it is lost.
                let bytes: Vec<u8> = match choices.byte().unwrap_or(0) % 6 {
                    0 => framed(b"{not json"),
                    1 => framed(&[0xFF, 0xFE, b'{', b'}']),
                    2 => framed(b"[1, 2, 3]"),
                    3 => b"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n{}".to_vec(),
                    4 => b"X-Nothing: 1\r\n\r\n".to_vec(),
                    _ => format!("Content-Length: {}\r\n\r\n", u64::MAX / 2).into_bytes(),
                };
                client.raw(&bytes).await;
            }
        }
    }
    while let Ok(reply) = replies.try_recv() {
        client.send(reply).await;
    }

    // Every open document: the server's text, and a full analysis's findings.
    for (uri, doc) in &docs {
        let id = client
            .request(
                "textDocument/diagnostic",
                json!({"textDocument": {"uri": uri}}),
            )
            .await;
        let answer = client.answer(id).await;
        let url = tower_lsp::lsp_types::Url::parse(uri).expect("URI");
        let (buffer, _) = inspector
            .document(&url)
            .expect("an open document has a buffer");
        if doc.known {
            assert_eq!(
                buffer, doc.text,
                "{uri}: the server's text is not the client's"
            );
        }
        let mut codes: Vec<String> = answer["result"]["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|d| d["code"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default();
        codes.sort();
        assert_eq!(
            codes,
            full_analysis_codes(&buffer),
            "{uri}: incremental analysis differs from a full one"
        );
    }
    // Every request asked got its answer, and the server still answers.
    let pending: Vec<i64> = client.asked.iter().copied().collect();
    for id in pending {
        client.answer(id).await;
    }
    let shutdown = client.request("shutdown", json!(null)).await;
    client.answer(shutdown).await;
    client.notify("exit", json!(null)).await;
    let _ = tokio::time::timeout(ANSWER_WITHIN, served).await;
    reading.abort();
}

fuzz_target!(|data: &[u8]| {
    RUNTIME.block_on(session(data));
});
