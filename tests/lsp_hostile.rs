//! The server binary against a careless or hostile client: each malformed message is
//! answered with an error and logged, and the well-formed request after it still gets
//! its answer; unknown requests, `$/` ones included, get MethodNotFound.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod lsp_support;

use lsp_support::read_message;

use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};

const TIMEOUT: Duration = Duration::from_secs(20);

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn request(id: i64, method: &str, params: Value) -> Vec<u8> {
    framed(
        &serde_json::to_vec(
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        )
        .unwrap(),
    )
}

/// Reads messages until the response to `id`; returns it and what came before it.
async fn response_to<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
    id: i64,
) -> (Value, Vec<Value>) {
    let mut before = Vec::new();
    let wait = async {
        loop {
            let message = read_message(reader)
                .await
                .expect("the server closed its output");
            if message["id"] == id && message.get("method").is_none() {
                return message;
            }
            before.push(message);
        }
    };
    let answer = tokio::time::timeout(TIMEOUT, wait)
        .await
        .unwrap_or_else(|_| panic!("no answer to request {id}"));
    (answer, before)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_messages_are_answered_and_the_server_reads_on() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["lsp", "--max-message-bytes", "1000000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start the server");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut stderr = child.stderr.take().unwrap();

    stdin
        .write_all(&request(
            1,
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {}}),
        ))
        .await
        .unwrap();
    let (init, _) = response_to(&mut stdout, 1).await;
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    stdin
        .write_all(&framed(
            br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        ))
        .await
        .unwrap();

    let cases: Vec<(&str, Vec<u8>, i64)> = vec![
        ("a body that is not JSON", framed(b"{\"jsonrpc\": 2.0, oops"), -32700),
        (
            "a body that is not UTF-8",
            framed(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\xff\xfe\"}"),
            -32700,
        ),
        (
            "no Content-Length",
            b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".to_vec(),
            -32700,
        ),
        (
            "an unreadable Content-Length",
            b"Content-Length: twelve\r\n\r\n{}".to_vec(),
            -32700,
        ),
        (
            "a Content-Length shorter than the body",
            b"Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}".to_vec(),
            -32700,
        ),
        (
            "a charset other than UTF-8",
            b"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-16\r\n\r\n{}"
                .to_vec(),
            -32700,
        ),
        (
            "a length of 2 GB with a short body",
            b"Content-Length: 2000000000\r\n\r\n{\"jsonrpc\":\"2.0\"}".to_vec(),
            -32700,
        ),
        (
            "a length over the configured cap",
            format!("Content-Length: 1000001\r\n\r\n{}", "x".repeat(2000)).into_bytes(),
            -32700,
        ),
        ("JSON that is not JSON-RPC", framed(b"[1, 2, 3]"), -32600),
    ];
    let mut id = 10;
    for (name, bad, code) in cases {
        id += 1;
        let mut bytes = bad;
        bytes.extend(request(
            id,
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///tmp/none.txt"}, "position": {"line": 0, "character": 0}}),
        ));
        stdin.write_all(&bytes).await.unwrap();
        let (answer, before) = response_to(&mut stdout, id).await;
        assert!(answer.get("error").is_none(), "{name}: {answer}");
        assert!(
            before
                .iter()
                .any(|m| m["error"]["code"] == code && m["id"].is_null()),
            "{name}: no error response {code} in {before:?}"
        );
        assert!(
            before
                .iter()
                .any(|m| m["method"] == "window/logMessage" && m["params"]["type"] == 1),
            "{name}: no log message in {before:?}"
        );
    }

    // Unknown requests, `$/` ones included, get MethodNotFound; unknown `$/`
    // notifications are ignored, as LSP says.
    stdin
        .write_all(&framed(
            br#"{"jsonrpc":"2.0","method":"$/unknownNotification","params":{}}"#,
        ))
        .await
        .unwrap();
    for (id, method) in [(50, "$/unknownRequest"), (51, "proplint/unknown")] {
        stdin
            .write_all(&request(id, method, json!({})))
            .await
            .unwrap();
        let (answer, _) = response_to(&mut stdout, id).await;
        assert_eq!(answer["error"]["code"], -32601, "{method}: {answer}");
    }

    stdin
        .write_all(&request(99, "shutdown", Value::Null))
        .await
        .unwrap();
    let (answer, _) = response_to(&mut stdout, 99).await;
    assert!(answer.get("error").is_none(), "{answer}");
    stdin
        .write_all(&framed(br#"{"jsonrpc":"2.0","method":"exit"}"#))
        .await
        .unwrap();
    let status = tokio::time::timeout(TIMEOUT, child.wait())
        .await
        .expect("the server exits")
        .unwrap();
    assert!(status.success(), "{status}");
    let mut log = String::new();
    stderr.read_to_string(&mut log).await.unwrap();
    assert!(
        log.contains("proplint: a message whose body is not JSON was skipped"),
        "{log}"
    );
    assert!(
        log.contains("proplint: a message declaring 2000000000 bytes was refused"),
        "{log}"
    );
}

/// A document with lone CR line endings: the buffer follows the client's edits at lines
/// counted as the client counts them (CR included), the document is not analysed (no
/// diagnostics rather than wrong ones) and the client is told why; once converted to
/// CRLF it is analysed as usual.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lone_cr_document_is_followed_but_not_analysed() {
    let (mut client, inspector) = lsp_support::TestClient::in_process_inspected();
    client
        .initialize(lsp_support::capabilities(false), None)
        .await;
    let uri = "file:///tmp/proplint-hostile/mac.txt";
    let text = lsp_support::FIXTURE_FR.replace('\n', "\r");
    client.open(uri, &text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    assert_eq!(published["diagnostics"], json!([]));
    let shown = client
        .wait_for("the lone CR message", |m| {
            m["method"] == "window/showMessage"
        })
        .await;
    assert!(
        shown["params"]["message"].as_str().unwrap().contains(
            "line 1 of file:///tmp/proplint-hostile/mac.txt ends with a lone carriage return"
        ),
        "{shown}"
    );
    // An insertion at the start of the third line, as the client counts lines.
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2},
                   "contentChanges": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "X"}]}),
        )
        .await;
    client.diagnostics(uri, 2).await;
    let url = tower_lsp::lsp_types::Url::parse(uri).unwrap();
    let (buffer, _) = inspector.document(&url).unwrap();
    let third = buffer.split('\r').nth(2).unwrap();
    assert!(third.starts_with('X'), "{third:?}");
    // Converted to CRLF: analysed.
    let crlf = buffer.replace('\r', "\r\n");
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": crlf}]}),
        )
        .await;
    let published = client.diagnostics(uri, 3).await;
    assert!(
        !published["diagnostics"].as_array().unwrap().is_empty(),
        "{published}"
    );
}

/// A document over a text file's caps (more than 200,000 lines) is held to what `check`
/// reads: not analysed, the client told once why, and the server still answers; cut
/// back under the cap, it is analysed again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_over_the_caps_is_not_analysed_and_the_client_is_told() {
    let mut client = lsp_support::TestClient::in_process();
    client
        .initialize(lsp_support::capabilities(false), None)
        .await;
    let uri = "file:///tmp/proplint-hostile/flood.txt";
    let stale = "Resolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\n";
    let text = format!("{}{}", lsp_support::FIXTURE_FR, stale.repeat(200_001));
    client.open(uri, &text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    assert_eq!(published["diagnostics"], json!([]));
    let shown = client
        .wait_for("the too-large message", |m| {
            m["method"] == "window/showMessage"
        })
        .await;
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("flood.txt is too large to check") && message.contains("200000 lines"),
        "{shown}"
    );
    let hover = client
        .request_raw(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert!(
        hover.get("result").is_some() && hover.get("error").is_none(),
        "{hover}"
    );
    // The whole text replaced by a short one: analysed again.
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2},
                   "contentChanges": [{"text": format!("{}{stale}", lsp_support::FIXTURE_FR)}]}),
        )
        .await;
    let published = client.diagnostics(uri, 2).await;
    assert!(
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "stale-revision"),
        "{published}"
    );
}
