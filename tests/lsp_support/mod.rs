//! A minimal LSP client for the protocol tests: speaks JSON-RPC over any byte stream
//! (an in-process duplex pipe to `proplint::lsp::service()`, or a spawned server's
//! stdio), answers the server's requests, and keeps the notifications it receives.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use proplint::text::{Encoding, LineCol, LineIndex};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{mpsc, oneshot};

pub const TIMEOUT: Duration = Duration::from_secs(20);

type Pending = Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>;

pub struct TestClient {
    /// Everything we send goes through the one writer task, in order.
    out: mpsc::UnboundedSender<Value>,
    next_id: i64,
    pending: Pending,
    notifications: mpsc::UnboundedReceiver<Value>,
    /// Notifications read but not yet asked for.
    backlog: Vec<Value>,
    /// Every request the server sent us.
    pub server_requests: Arc<Mutex<Vec<Value>>>,
    /// What `workspace/configuration` answers for the `proplint` section.
    pub settings: Arc<Mutex<Value>>,
    pub encoding: Encoding,
}

/// One framed message from the stream, or `None` when it ends or a frame is not JSON.
pub async fn read_message<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

async fn write_message<W: AsyncWrite + Unpin>(writer: &mut W, value: &Value) {
    let body = serde_json::to_vec(value).unwrap();
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    // The server may be gone (after `exit`): then there is nobody to write to.
    let _ = writer.write_all(header.as_bytes()).await;
    let _ = writer.write_all(&body).await;
    let _ = writer.flush().await;
}

impl TestClient {
    /// A client talking to the server over the given streams.
    pub fn new<R, W>(reader: R, writer: W) -> TestClient
    where
        R: AsyncRead + Unpin + Send + 'static,
        W: AsyncWrite + Unpin + Send + 'static,
    {
        let pending: Pending = Arc::default();
        let server_requests: Arc<Mutex<Vec<Value>>> = Arc::default();
        let settings = Arc::new(Mutex::new(Value::Null));
        let (tx, notifications) = mpsc::unbounded_channel();
        let (out, mut out_rx) = mpsc::unbounded_channel::<Value>();
        let mut writer = writer;
        tokio::spawn(async move {
            while let Some(message) = out_rx.recv().await {
                write_message(&mut writer, &message).await;
            }
        });
        {
            let reply_tx = out.clone();
            let pending = pending.clone();
            let server_requests = server_requests.clone();
            let settings = settings.clone();
            tokio::spawn(async move {
                let mut reader = BufReader::new(reader);
                while let Some(msg) = read_message(&mut reader).await {
                    let id = msg.get("id").cloned();
                    let method = msg
                        .get("method")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    match (id, method) {
                        (Some(id), None) => {
                            if let Some(tx) =
                                pending.lock().unwrap().remove(&id.as_i64().unwrap_or(-1))
                            {
                                let _ = tx.send(msg);
                            }
                        }
                        (Some(id), Some(method)) => {
                            server_requests.lock().unwrap().push(msg.clone());
                            let result = match method.as_str() {
                                "workspace/configuration" => {
                                    let items =
                                        msg["params"]["items"].as_array().map_or(0, Vec::len);
                                    let s = settings.lock().unwrap().clone();
                                    Value::Array(vec![s; items])
                                }
                                _ => Value::Null,
                            };
                            let _ = reply_tx
                                .send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
                        }
                        (None, Some(_)) => {
                            let _ = tx.send(msg);
                        }
                        (None, None) => {}
                    }
                }
            });
        }
        TestClient {
            out,
            next_id: 1,
            pending,
            notifications,
            backlog: Vec::new(),
            server_requests,
            settings,
            encoding: Encoding::Utf16,
        }
    }

    /// A client connected to an in-process server.
    pub fn in_process() -> TestClient {
        TestClient::in_process_inspected().0
    }

    /// A client connected to an in-process server, and a view of the server's buffers.
    pub fn in_process_inspected() -> (TestClient, proplint::lsp::Inspector) {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        let (client_read, client_write) = tokio::io::split(client_end);
        let connection = proplint::lsp::Connection::new();
        let inspector = connection.inspector();
        tokio::spawn(connection.serve(server_read, server_write));
        (TestClient::new(client_read, client_write), inspector)
    }

    pub async fn send(&mut self, value: &Value) {
        self.out.send(value.clone()).expect("writer task");
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub async fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        tokio::time::timeout(TIMEOUT, rx)
            .await
            .unwrap_or_else(|_| panic!("no response to {method} within {TIMEOUT:?}"))
            .expect("response channel")
    }

    /// Sends a request without waiting for its response (which is then dropped): the
    /// server handles it concurrently with what follows.
    pub async fn request_no_wait(&mut self, method: &str, params: Value) {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
    }

    /// Sends a request and returns its result; panics on an error response.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params).await;
        if let Some(error) = response.get("error") {
            panic!("{method} failed: {error}");
        }
        response["result"].clone()
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// The next notification for which `pred` holds (others are kept for later).
    pub async fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.notifications.recv())
                .await
                .unwrap_or_else(|_| panic!("no {what} within {TIMEOUT:?}; got {:#?}", self.backlog))
                .expect("server closed the connection");
            if pred(&msg) {
                return msg;
            }
            self.backlog.push(msg);
        }
    }

    /// Waits until the server has sent a request for `method`; returns it.
    pub async fn server_request(&self, method: &str) -> Value {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            if let Some(r) = self
                .server_requests
                .lock()
                .unwrap()
                .iter()
                .find(|r| r["method"] == method)
            {
                return r.clone();
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no {method} request"
            );
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }

    /// Notifications received so far (and not yet taken), without waiting.
    pub fn drain(&mut self) -> Vec<Value> {
        while let Ok(msg) = self.notifications.try_recv() {
            self.backlog.push(msg);
        }
        std::mem::take(&mut self.backlog)
    }

    /// The `publishDiagnostics` params for `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        let uri = uri.to_string();
        let msg = self
            .wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri.as_str()
                    && m["params"]["version"] == version
            })
            .await;
        msg["params"].clone()
    }

    /// `initialize` + `initialized` with the given client capabilities.
    pub async fn initialize(&mut self, capabilities: Value, root: Option<&Path>) -> Value {
        let root_uri = root.map(|r| format!("file://{}", r.display()));
        let result = self
            .request(
                "initialize",
                json!({"processId": null, "rootUri": root_uri, "capabilities": capabilities}),
            )
            .await;
        self.encoding = match result["capabilities"]["positionEncoding"].as_str() {
            Some("utf-8") => Encoding::Utf8,
            Some("utf-32") => Encoding::Chars,
            _ => Encoding::Utf16,
        };
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&mut self, uri: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}}),
        )
        .await;
    }

    /// `shutdown` (without params, as the specification has it), then `exit`.
    pub async fn shutdown_and_exit(&mut self) {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": "shutdown"}))
            .await;
        let response = tokio::time::timeout(TIMEOUT, rx)
            .await
            .expect("shutdown answered")
            .unwrap();
        assert_eq!(response.get("result"), Some(&Value::Null), "{response}");
        self.send(&json!({"jsonrpc": "2.0", "method": "exit"}))
            .await;
    }
}

/// An LSP position of a byte offset of `text`.
pub fn position(text: &str, offset: usize, encoding: Encoding) -> Value {
    let LineCol { line, col } = LineIndex::new(text).position(text, offset, encoding);
    json!({"line": line, "character": col})
}

pub fn range(text: &str, start: usize, end: usize, encoding: Encoding) -> Value {
    json!({"start": position(text, start, encoding), "end": position(text, end, encoding)})
}

/// The byte offset of an LSP position of `text`.
pub fn offset(text: &str, position: &Value, encoding: Encoding) -> usize {
    let pos = LineCol {
        line: position["line"].as_u64().unwrap() as u32,
        col: position["character"].as_u64().unwrap() as u32,
    };
    LineIndex::new(text).offset(text, pos, encoding)
}

/// Applies LSP text edits (non-overlapping, as a server sends them) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: Encoding) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], encoding),
                offset(text, &e["range"]["end"], encoding),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|(s, e, _)| (*s, *e));
    let mut out = text.to_string();
    for (start, end, new_text) in spans.into_iter().rev() {
        out.replace_range(start..end, &new_text);
    }
    out
}

/// The diagnostics `proplint check` finds in `text` named on its command line (BOM
/// stripped as the CLI does), with the editor's note of missing outcomes, in the LSP
/// form the server should publish, ranges in `encoding` over the whole text.
pub fn expected_diagnostics(
    text: &str,
    options: &proplint::Options,
    encoding: Encoding,
) -> Vec<Value> {
    let (body, had_bom) = proplint::text::strip_bom(text);
    let base = if had_bom {
        proplint::text::BOM.len()
    } else {
        0
    };
    // The server checks every document the client sends, whatever its shape, and says
    // once which outcomes are missing (see `lsp/config.rs`).
    let options = proplint::Options {
        named: true,
        note_missing_outcomes: true,
        ..options.clone()
    };
    let analysis = proplint::analyze(body, proplint::Catalog::embedded(), &options);
    analysis
        .diagnostics()
        .iter()
        .map(|d| {
            json!({
                "range": range(text, d.span.start + base, d.span.end + base, encoding),
                "severity": match d.severity {
                    proplint::Severity::Error => 1,
                    proplint::Severity::Warning => 2,
                    proplint::Severity::Info => 3,
                },
                "code": d.rule.code(),
                // The rule's page in the language of the messages.
                "codeDescription": {"href": d.rule.doc_url_in(analysis.messages)},
                "source": "proplint",
                "message": d.message,
            })
        })
        .collect()
}

/// The published diagnostics reduced to the fields [`expected_diagnostics`] has.
pub fn comparable(diagnostics: &Value) -> Vec<Value> {
    diagnostics
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            json!({
                "range": d["range"],
                "severity": d["severity"],
                "code": d["code"],
                "codeDescription": d["codeDescription"],
                "source": d["source"],
                "message": d["message"],
            })
        })
        .collect()
}

pub const FIXTURE_FR: &str = include_str!("../nvim/proposal-fr.txt");
pub const FIXTURE_EN: &str = include_str!("../nvim/proposal-en.txt");

/// The encoding a server must choose for a client that offers UTF-8 or not.
pub fn negotiated(utf8: bool) -> Encoding {
    if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

/// Capabilities of a typical client, with or without UTF-8 positions.
pub fn capabilities(utf8: bool) -> Value {
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    json!({
        "general": {"positionEncodings": encodings},
        "workspace": {
            "configuration": true,
            "workspaceEdit": {"documentChanges": true},
            "didChangeWatchedFiles": {"dynamicRegistration": true}
        },
        "textDocument": {
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}}
        }
    })
}
