//! The editor's once-per-document note (issue 13, point 4): which conferences' outcomes
//! are missing for the bodies a document cites. A report says it in its header; the
//! editor has none, so the server publishes one `uncatalogued-citation` note at the first
//! citation concerned, in the language of the messages.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod lsp_support;

use lsp_support::*;
use serde_json::{json, Value};

async fn started(settings: Value) -> TestClient {
    let mut client = TestClient::in_process();
    *client.settings.lock().unwrap() = settings;
    client.initialize(capabilities(false), None).await;
    client
}

/// The published diagnostics whose message starts like the note in `lang`.
fn notes<'a>(published: &'a Value, starts: &str) -> Vec<&'a Value> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap_or("").starts_with(starts))
        .collect()
}

const EN: &str = "Contribution to the Council Working Group\n\nThe work under WTDC Resolution 45 (Rev. Kigali, 2022) continues, as does that under Resolution 37 (Rev. Kigali, 2022) of the World Telecommunication Development Conference.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_says_once_which_outcomes_are_missing() {
    let mut client = started(json!({"target": "PP-26"})).await;
    let uri = "file:///tmp/proplint-test/outcomes-en.md";
    client.open(uri, EN, 1).await;
    let published = client.diagnostics(uri, 1).await;
    let options = proplint::Options {
        target: Some("PP-26".into()),
        ..proplint::Options::default()
    };
    assert_eq!(
        comparable(&published["diagnostics"]),
        expected_diagnostics(EN, &options, client.encoding)
    );
    let found = notes(
        &published,
        "the outcome of WTDC-25 (Baku, 2025) is not catalogued",
    );
    assert_eq!(found.len(), 1, "{published}");
    let note = found[0];
    assert_eq!(note["severity"], 3, "information, never a warning");
    assert_eq!(note["code"], "uncatalogued-citation");
    let first = EN.find("Resolution 45").unwrap();
    assert_eq!(
        note["range"]["start"],
        position(EN, first, client.encoding),
        "at the first citation of the body"
    );
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("`proplint catalog build`"),
        "{note}"
    );

    // The status notification carries the same sentence, for a status bar.
    let target = client
        .wait_for("proplint/target", |m| {
            m["method"] == "proplint/target" && m["params"]["uri"] == uri
        })
        .await;
    assert_eq!(target["params"]["uncatalogued"], note["message"]);

    // Another citation of the same body: still one note.
    let text = format!("{EN}See also WTDC Resolution 1 (Rev. Kigali, 2022).\n");
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
        )
        .await;
    let published = client.diagnostics(uri, 2).await;
    assert_eq!(
        notes(&published, "the outcome of WTDC-25").len(),
        1,
        "{published}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_note_is_in_the_language_of_the_messages() {
    for (lang, starts) in [
        ("fr", "la conférence CMDT-25 (Bakou, 2025) s'est tenue, mais ses résultats ne figurent pas au catalogue"),
        ("es", "la conferencia CMDT-25 (Bakú, 2025) ya se celebró, pero sus resultados no figuran en el catálogo"),
    ] {
        let mut client = started(json!({"target": "PP-26", "lang": lang})).await;
        let uri = format!("file:///tmp/proplint-test/outcomes-{lang}.md");
        client.open(&uri, EN, 1).await;
        let published = client.diagnostics(&uri, 1).await;
        assert_eq!(notes(&published, starts).len(), 1, "{lang}: {published}");
        client.shutdown_and_exit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_note_where_every_outcome_is_known() {
    // At PP-18 the catalogue holds every PP outcome: nothing is missing.
    let mut client = started(json!({"target": "PP-18"})).await;
    let uri = "file:///tmp/proplint-test/outcomes-none.md";
    let text = "Contribution\n\nIn line with Resolution 140 (Rev. Dubai, 2018) of the Plenipotentiary Conference, the secretariat reports.\n";
    client.open(uri, text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    assert_eq!(published["diagnostics"], json!([]), "{published}");
    let target = client
        .wait_for("proplint/target", |m| m["method"] == "proplint/target")
        .await;
    assert_eq!(
        target["params"],
        json!({"uri": uri, "target": "PP-18", "source": "option", "label": "PP-18 (chosen in the settings)"})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrc_citations_get_the_note_and_radio_regulations_provisions_nothing() {
    // The embedded catalogue holds no WRC outcome: each WRC citation is noted, the
    // document says once that WRC-19 and WRC-23 are missing, and the provisions of the
    // Radio Regulations are left alone.
    let mut client = started(json!({"target": "PP-26"})).await;
    let uri = "file:///tmp/proplint-test/outcomes-wrc.md";
    let text = "Contribution\n\nThe studies of Resolution 155 (Rev.WRC-23) and Resolution 750 (WRC-19) concern No. 5.441B, Appendix 30B and Article 5 of the Radio Regulations.\n";
    client.open(uri, text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    let all = published["diagnostics"].as_array().unwrap();
    assert!(
        all.iter()
            .all(|d| d["code"] == "uncatalogued-citation" && d["severity"] == 3),
        "{published}"
    );
    assert_eq!(
        notes(
            &published,
            "the outcomes of WRC-19, WRC-23 are not catalogued"
        )
        .len(),
        1,
        "{published}"
    );
    for provision in ["5.441B", "Appendix 30B", "Article 5"] {
        let at = text.find(provision).unwrap();
        let at = position(text, at, client.encoding);
        assert!(
            all.iter().all(|d| d["range"]["start"] != at),
            "{provision}: {published}"
        );
    }
    assert_eq!(all.len(), 3, "two citations and the note: {published}");
    // A hover on a WRC citation names the body and says the catalogue lacks it.
    let at = text.find("Resolution 155").unwrap() + 3;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, at, client.encoding)}),
        )
        .await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        shown.starts_with("**Resolution 155 — World Radiocommunication Conference**"),
        "{hover}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_wrc_final_acts_learnt_the_editor_judges_wrc_citations() {
    let dir = tempfile::tempdir().unwrap();
    let acts = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official/en_wrc23_final_acts.txt");
    let built = dir.path().join("wrc23.json");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["catalog", "build", "-o"])
        .arg(&built)
        .arg(&acts)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let mut client = started(json!({"target": "PP-26", "catalog": [built]})).await;
    let uri = "file:///tmp/proplint-test/outcomes-wrc-built.md";
    let text = "Contribution\n\nThe studies of Resolution 155 (Rev.WRC-19) should continue.\n";
    client.open(uri, text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    let stale: Vec<&Value> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "stale-revision")
        .collect();
    assert_eq!(stale.len(), 1, "{published}");
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("cite \"Resolution 155 (Rev.WRC-23)\""),
        "{published}"
    );
    let at = text.find("Resolution 155").unwrap() + 3;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, at, client.encoding)}),
        )
        .await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        shown.contains("**Stale**") && shown.contains("(Rev.WRC-23)"),
        "{hover}"
    );
}
