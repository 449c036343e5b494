//! Long random edit sequences (seeded): insertions, deletions, pastes, line breaks
//! (LF and CRLF), accents, Cyrillic and emoji, sometimes several changes in one
//! `didChange`, with hover and code-action requests in flight between changes. At
//! checkpoints and at the end, the server's buffer must equal the
//! client's text and its published diagnostics must equal a fresh `proplint::analyze`
//! of that text — whatever the server reuses between versions.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod lsp_support;

use lsp_support::*;
use serde_json::json;

#[path = "../benches/support/rng.rs"]
mod rng;
use rng::Rng;

const SNIPPETS: &[&str] = &[
    "a",
    "é",
    "Ж",
    "😀",
    "\n",
    "\r\n",
    " ",
    "1",
    ")",
    "\t",
    "Résolution 140 (Rév. Busan, 2014)",
    "Resolution 71 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\n",
    "b)\tla Résolution 69 (Rév. Dubaï, 2014),\r\n",
    "décide\n1\tde continuer;\n",
    "MOD\tECP/24A6/3\n",
    "Motifs:\tx\n",
    "{++inserted++}",
    "{~~Guadalajara, 2010~>Busan, 2014~~}",
];

/// A valid cursor position: on a character boundary, never between CR and LF.
fn snap(text: &str, offset: usize) -> usize {
    let mut at = proplint::text::floor_char_boundary(text, offset.min(text.len()));
    if at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n') {
        at -= 1;
    }
    at
}

/// One random change of `text`: (start, end, new text).
fn random_change(rng: &mut Rng, text: &str) -> (usize, usize, String) {
    let start = snap(text, rng.below(text.len() + 1));
    match rng.below(10) {
        // Typing: one character or a line break.
        0..=4 => (start, start, SNIPPETS[rng.below(10)].to_string()),
        // Deleting a few characters or a whole stretch across lines.
        5..=6 => {
            let len = if rng.below(4) == 0 {
                rng.below(400)
            } else {
                1 + rng.below(6)
            };
            let end = snap(text, start + len).max(start);
            (start, end, String::new())
        }
        // Pasting a citation, a clause, a unit line, a revision mark.
        7..=8 => (
            start,
            start,
            SNIPPETS[10 + rng.below(SNIPPETS.len() - 10)].to_string(),
        ),
        // Replacing a stretch with a paste of the document itself.
        _ => {
            let end = snap(text, start + rng.below(80)).max(start);
            let from = snap(text, rng.below(text.len() + 1));
            let to = snap(text, from + rng.below(200)).max(from);
            (start, end, text[from..to].to_string())
        }
    }
}

async fn run(seed: u64, utf8: bool, edits: usize, debounce_ms: u64) {
    let (mut client, inspector) = TestClient::in_process_inspected();
    *client.settings.lock().unwrap() = json!({"debounceMs": debounce_ms});
    client.initialize(capabilities(utf8), None).await;
    let encoding = client.encoding;
    assert_eq!(encoding, negotiated(utf8));
    let uri = format!("file:///tmp/proplint-random/{seed}.txt");
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut text = format!(
        "{FIXTURE_FR}\n*****\n\n{}",
        FIXTURE_EN.replace('\n', "\r\n")
    );
    client.open(&uri, &text, 1).await;
    let mut version = 1i64;
    let mut sent = 0;
    let mut checked = 0;
    while sent < edits {
        // One to three changes per notification, each on the text the previous left.
        let batch = if rng.below(5) == 0 {
            1 + rng.below(3)
        } else {
            1
        };
        let mut changes = Vec::new();
        for _ in 0..batch {
            let (start, end, new_text) = random_change(&mut rng, &text);
            changes.push(json!({"range": range(&text, start, end, encoding), "text": new_text}));
            text.replace_range(start..end, &new_text);
            sent += 1;
        }
        version += 1;
        client
            .notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
            )
            .await;
        // Requests in flight between changes: tower-lsp runs handlers concurrently, and
        // these wait for the analysis of the version they came after, while the next
        // changes must still apply in order.
        if rng.below(8) == 0 {
            let at = snap(&text, rng.below(text.len() + 1));
            let pos = position(&text, at, encoding);
            client
                .request_no_wait(
                    "textDocument/hover",
                    json!({"textDocument": {"uri": uri}, "position": pos}),
                )
                .await;
            client
                .request_no_wait(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": uri}, "range": {"start": pos, "end": pos}, "context": {"diagnostics": []}}),
                )
                .await;
        }
        if rng.below(40) == 0 {
            check(&mut client, &inspector, &uri, &text, version, seed).await;
            checked = version;
        }
    }
    // Each version's publication is taken once: no second wait if the last edit was
    // a checkpoint.
    if checked != version {
        check(&mut client, &inspector, &uri, &text, version, seed).await;
    }
    client.shutdown_and_exit().await;
}

async fn check(
    client: &mut TestClient,
    inspector: &proplint::lsp::Inspector,
    uri: &str,
    text: &str,
    version: i64,
    seed: u64,
) {
    let published = client.diagnostics(uri, version).await;
    let (held, held_version) = inspector.document(&uri.parse().unwrap()).unwrap();
    assert_eq!(held_version as i64, version);
    assert!(
        held == text,
        "seed {seed}: the server's buffer differs at version {version}"
    );
    let expected = expected_diagnostics(text, &proplint::Options::default(), client.encoding);
    assert_eq!(
        comparable(&published["diagnostics"]),
        expected,
        "seed {seed}, version {version}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_edits_utf16_debounced() {
    for seed in [1, 2, 3, 4, 5] {
        run(seed, false, 1000, 5).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_edits_utf8_without_debounce() {
    for seed in [11, 12, 13, 14, 15] {
        run(seed, true, 1000, 0).await;
    }
}
