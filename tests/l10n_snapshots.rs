//! The same findings in English, French and Spanish (tests/l10n/{en,fr,es}.txt: one
//! proposal written three times), through the report for people and the HTML report.
//! Each document gets its own language by default; `--lang` overrides it.

use std::path::Path;
use std::process::{Command, Output};

fn proplint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run proplint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn human(file: &str, extra: &[&str]) -> String {
    let mut args = vec!["check", "--no-config", "--no-color", file];
    args.extend_from_slice(extra);
    let o = proplint(&args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

/// The page without its style sheet, which is the same in every language.
fn html(file: &str, extra: &[&str]) -> String {
    let mut args = vec!["check", "--no-config", "--format", "html", file];
    args.extend_from_slice(extra);
    let page = stdout(&proplint(&args));
    match (page.find("<style>"), page.find("</style>")) {
        (Some(a), Some(b)) => format!("{}<style>…</style>{}", &page[..a], &page[b + 8..]),
        _ => page,
    }
}

#[test]
fn human_report_in_each_documents_language() {
    insta::assert_snapshot!("human_en", human("tests/l10n/en.txt", &[]));
    insta::assert_snapshot!("human_fr", human("tests/l10n/fr.txt", &[]));
    insta::assert_snapshot!("human_es", human("tests/l10n/es.txt", &[]));
}

#[test]
fn lang_overrides_the_documents_language() {
    let fr_in_english = human("tests/l10n/fr.txt", &["--lang", "en"]);
    assert!(fr_in_english.contains("Resolution 37 (Rev. Dubaï, 2014) of the World Telecommunication Development Conference is not the version in force at PP-18"), "{fr_in_english}");
    let en_in_spanish = human("tests/l10n/en.txt", &["--lang", "es"]);
    assert!(
        en_in_spanish.contains("La Resolución 37 (Rev. Dubai, 2014) de la Conferencia Mundial de Desarrollo de las Telecomunicaciones no es la versión vigente"),
        "{en_in_spanish}"
    );
    let o = proplint(&["check", "--no-config", "tests/l10n/fr.txt", "--lang", "de"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown language `de`"));
}

#[test]
fn html_report_in_each_documents_language() {
    insta::assert_snapshot!("html_en", html("tests/l10n/en.txt", &[]));
    insta::assert_snapshot!("html_fr", html("tests/l10n/fr.txt", &[]));
    insta::assert_snapshot!("html_es", html("tests/l10n/es.txt", &[]));
}

#[test]
fn json_keeps_codes_and_carries_the_chosen_language() {
    let o = proplint(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "tests/l10n/fr.txt",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("\"stale-revision\""), "{text}");
    assert!(
        text.contains("n'est pas la version en vigueur à la PP-18"),
        "{text}"
    );
    assert!(!text.contains("is not the version in force"), "{text}");
}
