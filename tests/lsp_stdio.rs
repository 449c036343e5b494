//! The language server as a client starts it: a separate process speaking LSP on its
//! standard input and output: `proplint lsp`.

mod lsp_support;

use std::process::Stdio;
use std::time::Duration;

use lsp_support::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_binary_speaks_lsp_on_stdio_and_exits_cleanly() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_proplint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start the server");
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut client = TestClient::new(stdout, stdin);

    let result = client.initialize(capabilities(true), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let encoding = client.encoding;

    let uri = "file:///tmp/proplint-stdio/proposal.txt";
    let mut text = FIXTURE_FR.to_string();
    client.open(uri, &text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    assert_eq!(
        comparable(&published["diagnostics"]),
        expected_diagnostics(&text, &Default::default(), encoding)
    );
    assert!(published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "stale-revision"));

    // An incremental change: fix the label c) by hand.
    let at = text.find("d)\tla Résolution 69").unwrap();
    client
        .notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"range": range(&text, at, at + 1, encoding), "text": "c"}]
            }),
        )
        .await;
    text.replace_range(at..at + 1, "c");
    let published = client.diagnostics(uri, 2).await;
    assert_eq!(
        comparable(&published["diagnostics"]),
        expected_diagnostics(&text, &Default::default(), encoding)
    );
    assert!(published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "clause-sequence"));

    // Code action round trip on the first diagnostic.
    let first = published["diagnostics"][0].clone();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": first["range"], "context": {"diagnostics": [first]}}),
        )
        .await;
    let action = &actions[0];
    let edits = action["edit"]["documentChanges"][0]["edits"]
        .as_array()
        .unwrap();
    let fixed = apply_edits(&text, edits, encoding);
    assert!(
        fixed.contains("Résolution 140 (Rév. Busan, 2014)"),
        "{action}"
    );

    // Hover and completion answer.
    let cite = text.find("Résolution 140").unwrap();
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(&text, cite + 3, encoding)}),
        )
        .await;
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Busan, 2014"));
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert_eq!(symbols.as_array().unwrap().len(), 2);

    client.shutdown_and_exit().await;
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("the server exits after `exit`")
        .unwrap();
    assert!(status.success(), "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_fails_and_a_closed_stream_ends_the_server() {
    let spawn = || {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_proplint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start the server")
    };
    let mut child = spawn();
    let mut client = TestClient::new(child.stdout.take().unwrap(), child.stdin.take().unwrap());
    client.initialize(capabilities(false), None).await;
    client.notify("exit", serde_json::Value::Null).await;
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("exits")
        .unwrap();
    // LSP asks for exit code 1 here; `proplint lsp` fails with its error code (2).
    assert!(
        status.code() == Some(1),
        "exit without shutdown must exit with code 1, as LSP asks: {status}"
    );

    // An editor that dies closes the pipe: the server must not linger.
    let mut child = spawn();
    drop(child.stdin.take());
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("exits when stdin closes")
        .unwrap();
    assert!(status.success(), "{status}");
}
