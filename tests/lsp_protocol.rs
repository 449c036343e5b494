//! Protocol tests of the language server, in process (tower-lsp service over a duplex
//! pipe): what a client sends, what the server answers and publishes. Diagnostics are
//! always compared with what `proplint::analyze` (= `proplint check`) finds in the text
//! the client holds.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod lsp_support;

use std::time::Duration;

use lsp_support::*;
use proplint::text::Encoding;
use serde_json::{json, Value};

const URI_FR: &str = "file:///tmp/proplint-test/proposal-fr.txt";
const URI_EN: &str = "file:///tmp/proplint-test/proposal-en.txt";

async fn started(utf8: bool) -> TestClient {
    let mut client = TestClient::in_process();
    client.initialize(capabilities(utf8), None).await;
    client
}

fn target_of(text: &str, options: &proplint::Options) -> (Value, String) {
    let analysis = proplint::analyze(text, proplint::Catalog::embedded(), options);
    (
        analysis.target.id.map_or(Value::Null, Value::from),
        analysis.target.source.describe().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_negotiates_utf8_only_when_offered() {
    let mut client = TestClient::in_process();
    let result = client.initialize(capabilities(true), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(result["serverInfo"]["name"], "proplint");
    let caps = &result["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["foldingRangeProvider"], true);
    assert_eq!(
        caps["completionProvider"]["triggerCharacters"],
        json!([" "])
    );
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.proplint"])
    );
    assert_eq!(caps["diagnosticProvider"]["identifier"], "proplint");
    client.shutdown_and_exit().await;

    let mut client = TestClient::in_process();
    let result = client.initialize(capabilities(false), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    let mut client = TestClient::in_process();
    let result = client.initialize(json!({}), None).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opened_documents_get_what_check_finds_in_both_encodings() {
    for utf8 in [false, true] {
        let mut client = started(utf8).await;
        let encoding = client.encoding;
        assert_eq!(encoding, negotiated(utf8));
        for (uri, text) in [(URI_FR, FIXTURE_FR), (URI_EN, FIXTURE_EN)] {
            client.open(uri, text, 1).await;
            let published = client.diagnostics(uri, 1).await;
            let expected = expected_diagnostics(text, &proplint::Options::default(), encoding);
            assert_eq!(
                comparable(&published["diagnostics"]),
                expected,
                "{uri} utf8={utf8}"
            );
            let target = client
                .wait_for("proplint/target", |m| {
                    m["method"] == "proplint/target" && m["params"]["uri"] == uri
                })
                .await;
            let (id, source) = target_of(text, &proplint::Options::default());
            assert_eq!(target["params"]["target"], id);
            assert_eq!(target["params"]["source"], source.as_str());
        }
        client.shutdown_and_exit().await;
    }
}

/// Applies an edit on the client side and sends it; returns the new text.
async fn edit(
    client: &mut TestClient,
    uri: &str,
    text: &str,
    start: usize,
    end: usize,
    new_text: &str,
    version: i64,
) -> String {
    let change = json!({"range": range(text, start, end, client.encoding), "text": new_text});
    client
        .notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        )
        .await;
    let mut out = text.to_string();
    out.replace_range(start..end, new_text);
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_are_applied_incrementally_and_diagnostics_follow() {
    for utf8 in [false, true] {
        let (mut client, inspector) = TestClient::in_process_inspected();
        client.initialize(capabilities(utf8), None).await;
        let encoding = client.encoding;
        let mut text = FIXTURE_FR.replace('\n', "\r\n");
        client.open(URI_FR, &text, 1).await;
        client.diagnostics(URI_FR, 1).await;
        let mut version = 1;
        // An emoji before a citation, a new clause with a CRLF, a deletion across lines.
        let cite = text.find("la Résolution 130").unwrap();
        version += 1;
        text = edit(&mut client, URI_FR, &text, cite, cite, "😀 ", version).await;
        let clause = text.find("d)\tla Résolution 69").unwrap();
        version += 1;
        text = edit(
            &mut client,
            URI_FR,
            &text,
            clause,
            clause,
            "c)\tla Résolution 71 (Rév. Busan, 2014) de la Conférence de plénipotentiaires;\r\n",
            version,
        )
        .await;
        let from = text.find("reconnaissant").unwrap();
        let to = text.find("décide").unwrap();
        version += 1;
        text = edit(&mut client, URI_FR, &text, from, to, "", version).await;
        let published = client.diagnostics(URI_FR, version).await;
        let expected = expected_diagnostics(&text, &proplint::Options::default(), encoding);
        assert_eq!(
            comparable(&published["diagnostics"]),
            expected,
            "utf8={utf8}"
        );
        let uri = URI_FR.parse().unwrap();
        assert_eq!(
            inspector.document(&uri),
            Some((text.clone(), version as i32))
        );
        client.shutdown_and_exit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newer_versions_supersede_older_ones() {
    let (mut client, inspector) = TestClient::in_process_inspected();
    client.initialize(capabilities(false), None).await;
    let mut text = FIXTURE_EN.to_string();
    client.open(URI_EN, &text, 1).await;
    client.diagnostics(URI_EN, 1).await;
    // A burst of 60 edits without waiting: only the last must be published for sure,
    // and nothing older may come after something newer.
    let mut version = 1;
    for i in 0..60 {
        version += 1;
        let at = text.find("Resolution 130").unwrap();
        let ch = if i % 2 == 0 { "é" } else { "x" };
        text = edit(&mut client, URI_EN, &text, at, at, ch, version).await;
    }
    let last = client.diagnostics(URI_EN, version).await;
    assert_eq!(
        comparable(&last["diagnostics"]),
        expected_diagnostics(&text, &proplint::Options::default(), client.encoding)
    );
    let published: Vec<i64> = client
        .drain()
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    // Everything published before the last version is older, in order; nothing after.
    assert!(
        published.windows(2).all(|w| w[0] < w[1]) && published.iter().all(|v| *v < version),
        "versions published besides the last: {published:?}"
    );
    let uri = URI_EN.parse().unwrap();
    assert_eq!(inspector.document(&uri).unwrap().0, text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pulling_clients_get_diagnostics_by_request_and_no_pushes() {
    let mut client = TestClient::in_process();
    let mut caps = capabilities(false);
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    client.initialize(caps, None).await;
    client.open(URI_EN, FIXTURE_EN, 1).await;
    let report = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI_EN}}),
        )
        .await;
    assert_eq!(report["kind"], "full");
    assert_eq!(
        comparable(&report["items"]),
        expected_diagnostics(FIXTURE_EN, &proplint::Options::default(), client.encoding)
    );
    let result_id = report["resultId"].as_str().unwrap().to_string();
    let again = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI_EN}, "previousResultId": result_id}),
        )
        .await;
    assert_eq!(again["kind"], "unchanged");
    assert_eq!(again["resultId"], result_id.as_str());
    // A new version: a new report, of the new text.
    let edited = format!("Résolution 140 (Rév. Guadalajara, 2010)\n{FIXTURE_EN}");
    client
        .notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": URI_EN, "version": 2},
                "contentChanges": [{
                    "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                    "text": "Résolution 140 (Rév. Guadalajara, 2010)\n",
                }],
            }),
        )
        .await;
    let changed = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI_EN}, "previousResultId": result_id}),
        )
        .await;
    assert_eq!(changed["kind"], "full");
    assert_ne!(changed["resultId"], result_id.as_str());
    let expected = expected_diagnostics(&edited, &proplint::Options::default(), client.encoding);
    assert_eq!(comparable(&changed["items"]), expected);
    assert!(expected.len() > comparable(&report["items"]).len());
    // A document that is not open has no diagnostics.
    let closed = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": "file:///nowhere/closed.txt"}}),
        )
        .await;
    assert_eq!(closed, json!({"kind": "full", "items": []}));
    // The target notification comes after the analysis; no push may precede it.
    client
        .wait_for("proplint/target", |m| m["method"] == "proplint/target")
        .await;
    let pushes = client
        .drain()
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .count();
    assert_eq!(pushes, 0);
}

/// A client that did not announce pulls may still pull: the report is the one pushed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pull_from_a_pushed_client_reports_the_same_diagnostics() {
    let mut client = TestClient::in_process();
    client.initialize(capabilities(true), None).await;
    client.open(URI_FR, FIXTURE_FR, 1).await;
    let pushed = client.diagnostics(URI_FR, 1).await;
    let report = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI_FR}}),
        )
        .await;
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"], pushed["diagnostics"]);
    assert!(!comparable(&report["items"]).is_empty());
}

/// The text after applying a workspace edit (either form) to the document `uri`.
fn apply_workspace_edit(text: &str, edit: &Value, uri: &str, encoding: Encoding) -> String {
    let edits: Vec<Value> = if let Some(changes) = edit["documentChanges"].as_array() {
        changes
            .iter()
            .filter(|c| c["textDocument"]["uri"] == uri)
            .flat_map(|c| c["edits"].as_array().unwrap().clone())
            .collect()
    } else {
        edit["changes"][uri].as_array().cloned().unwrap_or_default()
    };
    apply_edits(text, &edits, encoding)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_defect_seen_by_two_rules_gets_one_quick_fix() {
    // A Greek omicron after b): a lookalike (label-homoglyph) and out of sequence
    // (clause-sequence). The editor offers the relabelling once, for both findings,
    // never "Replace with Latin o" beside it.
    let mut client = started(false).await;
    let encoding = client.encoding;
    let text = "MOD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\nrecalling\na)\tthe first;\nb)\tthe second;\n\u{3bf})\tthe third,\nReasons:\tx\n";
    client.open(URI_EN, text, 1).await;
    client.diagnostics(URI_EN, 1).await;
    let at = text.find('\u{3bf}').unwrap();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": URI_EN},
                "range": range(text, at, at + 2, encoding),
                "context": {"diagnostics": [], "only": ["quickfix"]}
            }),
        )
        .await;
    let actions = actions.as_array().cloned().unwrap_or_default();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(titles, ["Relabel as c)"], "{actions:#?}");
    let mut codes: Vec<&str> = actions[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    codes.sort();
    assert_eq!(codes, ["clause-sequence", "label-homoglyph"]);
    let fixed = apply_workspace_edit(text, &actions[0]["edit"], URI_EN, encoding);
    assert!(fixed.contains("\nc)\tthe third,"), "{fixed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_carry_each_fix_and_a_fix_all() {
    let mut client = started(false).await;
    let encoding = client.encoding;
    let text = FIXTURE_FR;
    client.open(URI_FR, text, 1).await;
    client.diagnostics(URI_FR, 1).await;
    let analysis = proplint::analyze(text, proplint::Catalog::embedded(), &Default::default());
    for d in analysis.diagnostics() {
        let actions = client
            .request(
                "textDocument/codeAction",
                json!({
                    "textDocument": {"uri": URI_FR},
                    "range": range(text, d.span.start, d.span.end, encoding),
                    "context": {"diagnostics": [], "only": ["quickfix"]}
                }),
            )
            .await;
        let actions = actions.as_array().cloned().unwrap_or_default();
        for fix in &d.fixes {
            let action = actions
                .iter()
                .find(|a| a["title"] == fix.title.as_str())
                .unwrap_or_else(|| panic!("no action `{}` in {actions:#?}", fix.title));
            assert_eq!(action["kind"], "quickfix");
            assert_eq!(
                action["isPreferred"],
                fix.applicability == proplint::Applicability::Safe
            );
            assert_eq!(action["diagnostics"][0]["code"], d.rule.code());
            let mut expected = text.to_string();
            for e in fix.edits.iter().rev() {
                expected.replace_range(e.span.start..e.span.end, &e.new_text);
            }
            assert_eq!(
                apply_workspace_edit(text, &action["edit"], URI_FR, encoding),
                expected
            );
        }
    }
    // Fix-all: every safe fix that does not clash, in one edit.
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": URI_FR},
                "range": range(text, 0, 0, encoding),
                "context": {"diagnostics": [], "only": ["source.fixAll"]}
            }),
        )
        .await;
    let edits = proplint::lsp::actions::fix_all_edits(analysis.diagnostics());
    if edits.is_empty() {
        assert_eq!(actions, Value::Null);
    } else {
        let action = &actions[0];
        assert_eq!(action["kind"], "source.fixAll.proplint");
        let mut expected = text.to_string();
        for e in edits.iter().rev() {
            expected.replace_range(e.span.start..e.span.end, &e.new_text);
        }
        assert_eq!(
            apply_workspace_edit(text, &action["edit"], URI_FR, encoding),
            expected
        );
    }
}

async fn complete_at_end_of(client: &mut TestClient, uri: &str, text: &str) -> Value {
    client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": position(text, text.len(), client.encoding)}),
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_inserts_the_current_citation_in_the_document_language() {
    let mut client = TestClient::in_process();
    *client.settings.lock().unwrap() = json!({"target": "PP-22"});
    client.initialize(capabilities(false), None).await;
    let encoding = client.encoding;
    // The target (from the settings) is PP-22: the body in context is PP, and what is
    // in force there is the revision of PP-18 (Dubai, 2018).
    let text = format!("{FIXTURE_FR}\nvu la Résolution ");
    client.open(URI_FR, &text, 1).await;
    client
        .wait_for("target PP-22", |m| {
            m["method"] == "proplint/target" && m["params"]["target"] == "PP-22"
        })
        .await;
    let items = complete_at_end_of(&mut client, URI_FR, &text).await;
    let items = items.as_array().expect("completion items");
    let item = items
        .iter()
        .find(|i| i["label"] == "140")
        .expect("Resolution 140");
    assert_eq!(item["textEdit"]["newText"], "140 (Rév. Dubaï, 2018)");
    assert_eq!(
        item["textEdit"]["range"],
        range(&text, text.len(), text.len(), encoding)
    );
    assert!(
        item["detail"].as_str().unwrap().starts_with("ITU's role"),
        "{item}"
    );
    assert!(items
        .iter()
        .all(|i| i["labelDetails"]["description"] == "PP"));

    // English, plural, with digits typed: the digits are replaced.
    let text2 = format!("{FIXTURE_EN}\nsee Resolutions 14");
    client.open(URI_EN, &text2, 1).await;
    let items = complete_at_end_of(&mut client, URI_EN, &text2).await;
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "140")
        .expect("Resolution 140");
    assert_eq!(item["textEdit"]["newText"], "140 (Rev. Dubai, 2018)");
    assert_eq!(
        item["textEdit"]["range"],
        range(&text2, text2.len() - 2, text2.len(), encoding)
    );

    // Spanish, and nothing after other words.
    let text3 = format!("{FIXTURE_EN}\nla Resolución ");
    client
        .open("file:///tmp/proplint-test/es.txt", &text3, 1)
        .await;
    let items = complete_at_end_of(&mut client, "file:///tmp/proplint-test/es.txt", &text3).await;
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "140")
        .unwrap();
    assert_eq!(item["textEdit"]["newText"], "140 (Rev. Dubái, 2018)");
    let text4 = format!("{FIXTURE_EN}\nsee Recommendation ");
    client
        .open("file:///tmp/proplint-test/none.txt", &text4, 1)
        .await;
    let none = complete_at_end_of(&mut client, "file:///tmp/proplint-test/none.txt", &text4).await;
    assert_eq!(none, Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_readme_with_no_itu_citation_gets_no_noise() {
    // Some clients attach the server to every Markdown file (Helix, Zed): a README with
    // lettered lists, a UN and a Council resolution is checked and has nothing to say.
    let mut client = started(false).await;
    let uri = "file:///tmp/proplint-test/README.md";
    let text = "# Drafting notes\n\nInstall the template, then run `make`.\nBackground: UNGA resolution 70/125 and Council Resolution 1305 (2009).\n\na) first step\nc) third step\n";
    client.open(uri, text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    assert_eq!(published["diagnostics"], json!([]));
    let (id, source) = target_of(text, &proplint::Options::default());
    let target = client
        .wait_for("proplint/target", |m| m["method"] == "proplint/target")
        .await;
    assert_eq!(target["params"]["uri"], json!(uri));
    assert_eq!(target["params"]["target"], json!(id));
    assert_eq!(target["params"]["source"], json!(source));
    assert!(
        target["params"]["label"]
            .as_str()
            .is_some_and(|l| !l.is_empty()),
        "{target}"
    );
    assert_ne!(source, "not a proposal", "the README is checked");
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, 4, client.encoding)}),
        )
        .await;
    assert_eq!(hover, Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contribution_in_prose_opened_in_the_editor_gets_verdicts() {
    // The example of issue 13: not shaped like a proposal, so `proplint check` on a
    // folder would skip it; opened in the editor, it is a document the user named.
    let mut client = TestClient::in_process();
    *client.settings.lock().unwrap() = json!({"target": "PP-18"});
    client.initialize(capabilities(false), None).await;
    let uri = "file:///tmp/proplint-test/council-contribution.md";
    let text = "# Contribution to the Council Working Group\n\nIn line with Resolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference, the secretariat reports on:\n\na) the first item;\nc) the third item.\n";
    client.open(uri, text, 1).await;
    let published = client.diagnostics(uri, 1).await;
    let options = proplint::Options {
        target: Some("PP-18".into()),
        ..proplint::Options::default()
    };
    let expected = expected_diagnostics(text, &options, client.encoding);
    assert_eq!(comparable(&published["diagnostics"]), expected);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    // A verdict on the citation; the lettered list in prose is no clause list.
    assert_eq!(codes, ["stale-revision"], "{published}");
    let at = text.find("Resolution 140").unwrap() + 3;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(text, at, client.encoding)}),
        )
        .await;
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("140")),
        "{hover}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symbols_folding_and_hover_answer_on_a_proposal() {
    let mut client = started(false).await;
    let text = FIXTURE_FR;
    client.open(URI_FR, text, 1).await;
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI_FR}}),
        )
        .await;
    assert!(symbols.is_array(), "{symbols}");
    let folding = client
        .request(
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": URI_FR}}),
        )
        .await;
    assert!(folding.is_array(), "{folding}");
    // A hover on plain text (the title) shows nothing.
    let at = text.find("Mécanismes").unwrap() + 3;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI_FR}, "position": position(text, at, client.encoding)}),
        )
        .await;
    assert_eq!(hover, Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_keys_in_proplint_toml_are_shown_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("proplint.toml"),
        "target = \"WTDC-17\"\n\ncolour = \"blue\"\n",
    )
    .unwrap();
    let mut client = TestClient::in_process();
    client
        .initialize(capabilities(false), Some(dir.path()))
        .await;
    let message = client
        .wait_for("window/showMessage", |m| {
            m["method"] == "window/showMessage"
        })
        .await;
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("proplint.toml:3"), "{text}");
    assert!(text.contains("unknown field `colour`"), "{text}");
    assert_eq!(message["params"]["type"], 1, "an error");
    // The server asked to watch proplint.toml.
    let registration = client.server_request("client/registerCapability").await;
    assert_eq!(
        registration["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    assert_eq!(
        registration["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
        "**/proplint.toml"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configuration_applies_live_from_file_and_client() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("proplint.toml");
    std::fs::write(&toml, "target = \"WTDC-17\"\ndebounce-ms = 0\n").unwrap();
    let mut client = TestClient::in_process();
    client
        .initialize(capabilities(true), Some(dir.path()))
        .await;
    let uri = format!("file://{}/doc.txt", dir.path().display());
    client.open(&uri, FIXTURE_EN, 1).await;
    let on = |id: &'static str, source: &'static str| {
        let uri = uri.clone();
        move |m: &Value| {
            m["method"] == "proplint/target"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["target"] == id
                && m["params"]["source"] == source
        }
    };
    client
        .wait_for("target from the file", on("WTDC-17", "option"))
        .await;

    // The file changes on disk: re-read, documents re-analysed.
    std::fs::write(&toml, "target = \"PP-22\"\n").unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}", toml.display()), "type": 2}]}),
        )
        .await;
    client
        .wait_for("target after the file changed", on("PP-22", "option"))
        .await;

    // The file goes: the client's settings (pushed with didChangeConfiguration) apply.
    std::fs::remove_file(&toml).unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}", toml.display()), "type": 3}]}),
        )
        .await;
    let (id, source) = target_of(FIXTURE_EN, &proplint::Options::default());
    let uri2 = uri.clone();
    client
        .wait_for("target without configuration", move |m| {
            m["method"] == "proplint/target"
                && m["params"]["uri"] == uri2.as_str()
                && m["params"]["target"] == id
                && m["params"]["source"] == source.as_str()
        })
        .await;
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"proplint": {"target": "WTSA-20", "rules": {"stale-revision": "off"}}}}),
        )
        .await;
    client
        .wait_for("target from the client", on("WTSA-20", "option"))
        .await;

    // A client that only says "something changed" is asked again.
    *client.settings.lock().unwrap() = json!({"target": "RA-19"});
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": null}),
        )
        .await;
    client
        .wait_for("target pulled from the client", on("RA-19", "option"))
        .await;

    // A bad target is reported, not applied.
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"proplint": {"target": "XYZ-99"}}}),
        )
        .await;
    let message = client
        .wait_for("window/showMessage", |m| {
            m["method"] == "window/showMessage"
        })
        .await;
    assert!(message["params"]["message"]
        .as_str()
        .unwrap()
        .contains("XYZ-99"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_byte_order_mark_shifts_nothing() {
    let mut client = started(false).await;
    let text = format!("\u{feff}{}", FIXTURE_FR.replace('\n', "\r\n"));
    client.open(URI_FR, &text, 1).await;
    let published = client.diagnostics(URI_FR, 1).await;
    assert_eq!(
        comparable(&published["diagnostics"]),
        expected_diagnostics(&text, &proplint::Options::default(), client.encoding)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_clears_diagnostics_and_shutdown_answers() {
    let mut client = started(false).await;
    client.open(URI_EN, FIXTURE_EN, 1).await;
    client.diagnostics(URI_EN, 1).await;
    client
        .notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": URI_EN}}),
        )
        .await;
    let cleared = client
        .wait_for("cleared diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"].is_null()
        })
        .await;
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    // Emacs Eglot and LSP4IJ send `"params": null`; tower-lsp alone would refuse it.
    let result = client.request("shutdown", Value::Null).await;
    assert_eq!(result, Value::Null);
    client.notify("exit", Value::Null).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_citation_is_reported_explained_and_fixed() {
    for utf8 in [false, true] {
        let mut client = started(utf8).await;
        let encoding = client.encoding;
        let text = FIXTURE_FR;
        client.open(URI_FR, text, 1).await;
        let published = client.diagnostics(URI_FR, 1).await;
        let cite = "Résolution 140 (Rév. Guadalajara, 2010)";
        let start = text.find(cite).unwrap();
        let stale = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "stale-revision")
            .expect("stale-revision published")
            .clone();
        assert_eq!(
            stale["range"],
            range(text, start, start + cite.len(), encoding)
        );
        assert_eq!(stale["severity"], 2);
        assert_eq!(stale["source"], "proplint");
        assert!(stale["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("docs/rules/fr/stale-revision.md"));
        let target = client
            .wait_for("proplint/target", |m| m["method"] == "proplint/target")
            .await;
        assert_eq!(
            target["params"],
            json!({
                "uri": URI_FR,
                "target": "WTDC-17",
                "source": "conference line",
                // For people, in the document's language: the French document's own.
                "label": "WTDC-17 (d'après la ligne de la conférence)"
            })
        );

        // The quick fix, through the protocol, cites the revision in force.
        let actions = client
            .request(
                "textDocument/codeAction",
                json!({
                    "textDocument": {"uri": URI_FR},
                    "range": stale["range"],
                    "context": {"diagnostics": [stale.clone()]}
                }),
            )
            .await;
        let fix = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
            .expect("a preferred quick fix");
        assert_eq!(fix["diagnostics"][0]["code"], "stale-revision");
        assert_eq!(
            fix["edit"]["documentChanges"][0]["textDocument"]["version"], 1,
            "edits carry the version they apply to"
        );
        let fixed = apply_workspace_edit(text, &fix["edit"], URI_FR, encoding);
        assert!(fixed.contains("la Résolution 140 (Rév. Busan, 2014) de la Conférence"));
        assert_eq!(
            fixed.len(),
            text.len() - "Guadalajara, 2010".len() + "Busan, 2014".len()
        );

        // Fix-all mends the three problems of the fixture at once.
        let all = client
            .request(
                "textDocument/codeAction",
                json!({
                    "textDocument": {"uri": URI_FR},
                    "range": range(text, 0, 0, encoding),
                    "context": {"diagnostics": [], "only": ["source.fixAll.proplint"]}
                }),
            )
            .await;
        assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
        let fixed = apply_workspace_edit(text, &all[0]["edit"], URI_FR, encoding);
        assert!(fixed.contains("Résolution 140 (Rév. Busan, 2014)"));
        assert!(fixed.contains("Résolution 71 (Rév. Busan, 2014)"));
        assert!(fixed.contains("\nc)\tla Résolution 69"));
        let after = proplint::analyze(&fixed, proplint::Catalog::embedded(), &Default::default());
        assert!(after.diagnostics().is_empty(), "{:#?}", after.diagnostics());

        // Hover (and the extension's catalogEntry) on the citation.
        let at = position(text, start + 5, encoding);
        let hover = client
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": URI_FR}, "position": at}),
            )
            .await;
        let md = hover["contents"]["value"].as_str().unwrap();
        assert_eq!(hover["contents"]["kind"], "markdown");
        assert!(
            md.contains("Résolution 140 — Conférence de plénipotentiaires"),
            "{md}"
        );
        // A French document's hover is in French (the English words are checked in
        // src/lsp/hover.rs).
        assert!(md.contains("révisée à la PP-14 (Busan, 2014)"), "{md}");
        assert!(
            md.contains("En vigueur à la CMDT-17 (ligne de la conférence)\u{a0}: Résolution 140 (Rév. Busan, 2014)"),
            "{md}"
        );
        assert!(md.contains("**Périmée**"), "{md}");
        assert_eq!(hover["range"], stale["range"]);
        let entry = client
            .request(
                "proplint/catalogEntry",
                json!({"textDocument": {"uri": URI_FR}, "position": at}),
            )
            .await;
        assert_eq!(entry["markdown"], md);
        client.shutdown_and_exit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symbols_and_folding_follow_units_headings_and_sections() {
    let mut client = started(false).await;
    let text = FIXTURE_FR;
    client.open(URI_FR, text, 1).await;
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI_FR}}),
        )
        .await;
    let units = symbols.as_array().unwrap();
    let names: Vec<&str> = units.iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["MOD ECP/24A6/1", "ADD ECP/24A6/2"]);
    let heading = &units[0]["children"][0];
    assert_eq!(heading["name"], "RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)");
    let sections: Vec<&str> = heading["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "rappelant",
            "reconnaissant",
            "décide",
            "charge le Directeur du Bureau de développement des télécommunications"
        ]
    );
    // The outline speaks the document's language.
    assert_eq!(heading["children"][0]["detail"], "3 alinéas");
    // The unit's selection is its reference.
    let reference = text.find("ECP/24A6/1").unwrap();
    assert_eq!(
        units[0]["selectionRange"],
        range(
            text,
            reference,
            reference + "ECP/24A6/1".len(),
            client.encoding
        )
    );

    let folding = client
        .request(
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": URI_FR}}),
        )
        .await;
    let folds: Vec<(u64, u64)> = folding
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    let line = |needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() as u64;
    // The "rappelant" section runs from its call word to its last clause.
    assert!(
        folds.contains(&(line("rappelant"), line("d)\tla Résolution 69"))),
        "{folds:?}"
    );
    // Each unit folds from its first line.
    assert!(folds.iter().any(|f| f.0 == 0), "{folds:?}");
    let add = line("ADD\tECP");
    let reasons = line("Motifs:\tLes pays");
    assert!(
        folds
            .iter()
            .any(|f| f.0 <= add && add - f.0 <= 2 && f.1 >= reasons),
        "{folds:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_explains_references_and_call_words() {
    let mut client = started(false).await;
    let text = FIXTURE_FR;
    client.open(URI_FR, text, 1).await;
    let hover_at = |offset: usize| json!({"textDocument": {"uri": URI_FR}, "position": position(text, offset, Encoding::Utf16)});
    let reference = client
        .request("textDocument/hover", hover_at(text.find("24A6/1").unwrap()))
        .await;
    let md = reference["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**MOD ECP/24A6/1**"), "{md}");
    assert!(
        md.contains("Proposition 1 du document 24, addendum 6"),
        "{md}"
    );
    let call = client
        .request(
            "textDocument/hover",
            hover_at(text.find("décide").unwrap() + 2),
        )
        .await;
    let md = call["contents"]["value"].as_str().unwrap();
    assert!(md.contains("en *resolves*"), "{md}");
    assert!(md.contains("Section du dispositif"), "{md}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_core_fixture_gets_what_check_finds() {
    // The core's fixtures (EN/FR/ES, CRLF, BOM, Markdown, CriticMarkup): the server must
    // publish exactly what `proplint check` finds, in both encodings.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("no {}", dir.display());
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    for utf8 in [false, true] {
        let mut client = started(utf8).await;
        let mut total = 0;
        for (i, path) in files.iter().enumerate() {
            let source = proplint::source::SourceFile::read(path).unwrap();
            // What an editor sends: the decoded text, BOM included when the file has one.
            let text = match source.encoding {
                proplint::source::Encoding::Utf8 => source.text.clone(),
                _ => format!("\u{feff}{}", source.text),
            };
            let uri = format!(
                "file:///tmp/proplint-fixtures/{i}-{}",
                path.file_name().unwrap().to_string_lossy()
            );
            client.open(&uri, &text, 1).await;
            let published = client.diagnostics(&uri, 1).await;
            let expected =
                expected_diagnostics(&text, &proplint::Options::default(), client.encoding);
            total += expected.len();
            assert_eq!(
                comparable(&published["diagnostics"]),
                expected,
                "{}",
                path.display()
            );
        }
        assert!(total > 10, "the fixtures have findings: {total}");
        client.shutdown_and_exit().await;
    }
}
