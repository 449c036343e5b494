//! The real French proposals of `../shared/corpus/` (not shipped with proplint): the
//! findings its README lists, and none where it says there are none.
//!
//! Ignored by a plain `cargo test` because the corpus lives outside the repository;
//! CI runs it with `cargo test --test corpus -- --include-ignored`, and there a missing
//! corpus is a failure, not a skip.

use std::path::PathBuf;

use proplint::analysis::{analyze, Analysis, Options};
use proplint::document::FlattenedKind;
use proplint::fix::fix_until_stable;
use proplint::{Catalog, Rule, Severity};

fn corpus_dir() -> PathBuf {
    std::env::var_os("PROPLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

fn read(prefix: &str) -> String {
    let dir = corpus_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {} is missing: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no corpus file {prefix}* in {}", dir.display()));
    std::fs::read_to_string(entry.path()).expect("corpus file is UTF-8")
}

/// The corpus's French proposals, with English messages (the assertions below read
/// them); by default a French document gets French messages.
fn check(text: &str, target: Option<&str>) -> Analysis {
    let options = Options {
        target: target.map(str::to_string),
        messages: Some(proplint::lang::Lang::En),
        ..Options::default()
    };
    analyze(text, Catalog::embedded(), &options)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn diagnostics_on(a: &Analysis, text: &str, needle: &str) -> Vec<Rule> {
    let mut rules = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        rules.extend(
            a.diagnostics()
                .iter()
                .filter(|d| d.span.start < end && start < d.span.end)
                .map(|d| d.rule),
        );
        from = end;
    }
    rules
}

#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn ecp_24a6_1_stale_plenipotentiary_citations() {
    let text = read("001_");
    let a = check(&text, Some("WTDC-17"));
    let stale: Vec<(usize, u32)> = a
        .diagnostics()
        .iter()
        .filter(|d| d.rule == Rule::StaleRevision)
        .map(|d| {
            let number = a
                .document()
                .citations
                .iter()
                .find(|c| c.span == d.span)
                .map(|c| c.number)
                .unwrap_or(0);
            (line_of(&text, d.span.start), number)
        })
        .collect();
    // Every citation of Resolutions 71 and 140 (Rév. Guadalajara, 2010), and only those.
    let cited: Vec<(usize, u32)> = a
        .document()
        .citations
        .iter()
        .filter(|c| matches!(c.number, 71 | 140))
        .filter(|c| text[c.span.start..c.span.end].contains("Guadalajara, 2010)"))
        .map(|c| (line_of(&text, c.span.start), c.number))
        .collect();
    assert_eq!(cited.len(), 3, "{cited:?}");
    assert_eq!(stale, cited);
    for d in a
        .diagnostics()
        .iter()
        .filter(|d| d.rule == Rule::StaleRevision)
    {
        assert!(
            d.message.contains("Résolution") && d.message.contains("(Rév. Busan, 2014)"),
            "{}",
            d.message
        );
    }
    for silent in [
        "70/1 ",
        "70/125",
        "64/211",
        "68/167",
        "Question 22",
        "Résolution 1305",
    ] {
        assert_eq!(diagnostics_on(&a, &text, silent), [], "{silent}");
    }
}

#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn flattened_labels_and_the_surviving_deleted_clause() {
    let text = read("001_");
    let a = check(&text, Some("WTDC-17"));
    let label = |s: &str| {
        a.document()
            .flattened
            .iter()
            .any(|f| f.kind == FlattenedKind::Label && &text[f.span.start..f.span.end] == s)
    };
    for glued in ["ac", "bd", "ce", "mo", "op", "qr", "ji", "kj"] {
        assert!(label(glued), "{glued}) not reported");
    }
    let deleted: Vec<&str> = a
        .document()
        .flattened
        .iter()
        .filter(|f| f.kind == FlattenedKind::DeletedClause)
        .map(|f| &text[f.span.start..f.span.start + 2])
        .collect();
    assert!(deleted.contains(&"n)"), "{deleted:?}");
    // Glued labels are reported, not also misread as a broken sequence.
    assert!(a
        .diagnostics()
        .iter()
        .all(|d| d.rule != Rule::ClauseSequence));

    let text = read("000_");
    let a = check(&text, Some("WTDC-17"));
    let labels: Vec<&str> = a
        .document()
        .flattened
        .iter()
        .filter(|f| f.kind == FlattenedKind::Label)
        .map(|f| &text[f.span.start..f.span.end])
        .collect();
    assert!(
        labels.contains(&"cd") && labels.contains(&"de"),
        "{labels:?}"
    );
}

#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn hand_corrections_are_checked_too() {
    // "Résolution 58 (Rév.Dubaï, 2012Hammamet, 2016)" of WTSA: the catalogue records
    // that WTSA-16 did not revise Resolution 58, so the "corrected" reference is wrong.
    let text = read("000_");
    let a = check(&text, Some("WTDC-17"));
    let on_58: Vec<_> = a
        .diagnostics()
        .iter()
        .filter(|d| {
            d.rule == Rule::UnknownRevision && text[d.span.start..d.span.end].contains("58")
        })
        .collect();
    assert_eq!(on_58.len(), 1);
    assert!(on_58[0].message.contains("WTSA-16"), "{}", on_58[0].message);
    // In the document's own language, with ITU's French abbreviation and its article.
    let options = Options {
        target: Some("WTDC-17".to_string()),
        ..Options::default()
    };
    let fr = analyze(&text, Catalog::embedded(), &options);
    assert!(
        fr.diagnostics().iter().any(|d| d
            .message
            .contains("que l'AMNT-16 (Hammamet, 2016) n'a pas révisé la Résolution 58")),
        "{:#?}",
        fr.diagnostics()
    );
    // Medium confidence in the catalogue: said, but softer than an error.
    assert_eq!(on_58[0].severity, Severity::Warning);
}

#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn targets_come_from_the_documents() {
    assert_eq!(
        check(&read("001_"), None).target.id.as_deref(),
        Some("WTDC-17")
    );
    assert_eq!(
        check(&read("000_"), None).target.id.as_deref(),
        Some("WTDC-14")
    );
    assert_eq!(
        check(&read("002_"), None).target.id.as_deref(),
        Some("WTDC-14")
    );
}

#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn margin_notes_and_reports_stay_quiet() {
    // 002's PDF margin notes carry deleted text ("h) ... (Antalya, 2006)"): not the
    // document's text, so no finding comes from them.
    let text = read("002_");
    let a = check(&text, None);
    assert!(
        a.diagnostics().iter().all(|d| d.severity == Severity::Info),
        "{:?}",
        a.diagnostics()
    );
    // 004 is a report, not a proposal: decimal paragraphs and "Section 2" are no
    // clause labels to sequence.
    let a = check(&read("004_"), Some("PP-22"));
    assert!(a
        .diagnostics()
        .iter()
        .all(|d| d.rule != Rule::ClauseSequence));
}

#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn fixing_the_corpus_is_idempotent_and_leaves_no_fixable_finding() {
    for prefix in ["000_", "001_", "002_", "004_"] {
        let text = read(prefix);
        for target in [None, Some("WTDC-17")] {
            let options = Options {
                target: target.map(str::to_string),
                ..Options::default()
            };
            let before = check(&text, target);
            let once = fix_until_stable(&text, Catalog::embedded(), &options, false);
            // No rule reports more after fixing than before.
            for rule in Rule::ALL {
                let count =
                    |ds: &[proplint::Diagnostic]| ds.iter().filter(|d| d.rule == *rule).count();
                assert!(
                    count(&once.remaining) <= count(before.diagnostics()),
                    "{prefix} {target:?}: --fix created {rule} findings"
                );
            }
            let twice = fix_until_stable(&once.text, Catalog::embedded(), &options, false);
            assert_eq!(once.text, twice.text, "{prefix} {target:?}");
            assert!(twice.applied.is_empty());
            let left_fixable: Vec<_> = once
                .remaining
                .iter()
                .filter(|d| {
                    d.fixes
                        .iter()
                        .any(|f| f.applicability == proplint::Applicability::Safe)
                })
                .collect();
            assert!(left_fixable.is_empty(), "{prefix}: {left_fixable:?}");
        }
    }
}

mod lsp_support;

/// Real documents through the language server: at opening and after edits that break
/// and restore their lines, the published diagnostics are what `proplint check` finds
/// (a fresh analysis of the same text), in both position encodings.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
async fn the_language_server_publishes_what_check_finds_on_real_documents() {
    use lsp_support::*;
    use serde_json::json;

    let mut findings = 0;
    for utf8 in [false, true] {
        for prefix in ["000", "001", "002", "004"] {
            let mut text = read(prefix);
            let mut client = TestClient::in_process();
            client.initialize(capabilities(utf8), None).await;
            let encoding = client.encoding;
            let uri = format!("file:///tmp/proplint-corpus/{prefix}.txt");
            client.open(&uri, &text, 1).await;
            let published = client.diagnostics(&uri, 1).await;
            let expected = expected_diagnostics(&text, &Options::default(), encoding);
            findings += expected.len();
            assert_eq!(comparable(&published["diagnostics"]), expected, "{prefix}");
            // Edits spread over the document: a line break, a letter, then both removed.
            let mut version = 1;
            for step in 0..6 {
                let at = proplint::text::floor_char_boundary(&text, text.len() * (step + 1) / 7);
                let (start, end, new) = match step % 3 {
                    0 => (at, at, "\n"),
                    1 => (at, at, "é"),
                    _ => (
                        at,
                        at + text[at..].chars().next().map_or(0, char::len_utf8),
                        "",
                    ),
                };
                version += 1;
                client
                    .notify(
                        "textDocument/didChange",
                        json!({
                            "textDocument": {"uri": uri, "version": version},
                            "contentChanges": [{"range": range(&text, start, end, encoding), "text": new}],
                        }),
                    )
                    .await;
                text.replace_range(start..end, new);
            }
            let published = client.diagnostics(&uri, version).await;
            let expected = expected_diagnostics(&text, &Options::default(), encoding);
            assert_eq!(
                comparable(&published["diagnostics"]),
                expected,
                "{prefix} after edits"
            );
            client.shutdown_and_exit().await;
        }
    }
    assert!(findings > 0, "the corpus gave nothing to compare");
}

/// Cuts at sections split each real export into chunks of a few kilobytes; the model put
/// together from them is the one read between units only (separators and action lines),
/// for every document of the corpus and for all of them in one text, as the
/// benchmarks repeat them.
#[test]
#[ignore = "needs ../shared/corpus; CI runs it with --include-ignored"]
fn cuts_inside_units_keep_the_model_of_real_exports() {
    let catalog = Catalog::embedded();
    let texts: Vec<String> = ["000_", "001_", "002_", "004_"].map(read).to_vec();
    let all = texts.join("\n");
    let mut cut = 0;
    for text in texts.iter().chain([&all]) {
        // At the sizes of `check` and of the editor, and at every section.
        let at_every_section =
            serde_json::to_value(proplint::document::parse_cut_from(text, catalog, 0))
                .expect("a model serialises");
        let chunked = serde_json::to_value(proplint::document::Document::parse(text, catalog))
            .expect("a model serialises");
        let between = serde_json::to_value(proplint::document::parse_between_units(text, catalog))
            .expect("a model serialises");
        assert!(chunked == between, "models differ");
        assert!(at_every_section == between, "models differ");
        cut += proplint::document::chunk_spans(text).len();
    }
    assert!(cut > 25, "only {cut} chunks: the corpus was barely cut");
}
