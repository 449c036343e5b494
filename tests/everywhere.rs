//! Citations everywhere (issue 13): a document the user names is checked whatever its
//! shape (prose, lists); a folder walk may skip files that are not ITU proposals but
//! says how many and why; a run that checks no file fails with a message.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod cli_support;
use cli_support::run as proplint;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/named")
        .join(name)
}

#[test]
fn a_named_contribution_in_prose_gets_its_citations_checked() {
    let doc = fixture("en_council_contribution_prose.txt");
    let (code, out, _) = proplint(&[
        "check",
        "--no-config",
        "--target",
        "PP-18",
        doc.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("warning[stale-revision]: Resolution 140 (Rev. Guadalajara, 2010)"),
        "{out}"
    );
    assert!(
        out.contains("error[unknown-revision]: Resolution 130 (Rev. Bucharest, 2022)"),
        "{out}"
    );
    // A list in prose is not a clause list: no structural findings.
    assert!(
        !out.contains("clause-sequence") && !out.contains("missing-reasons"),
        "{out}"
    );
}

#[test]
fn a_named_french_list_is_checked_too() {
    let doc = fixture("fr_liste_resolutions.md");
    let (code, out, _) = proplint(&[
        "check",
        "--no-config",
        "--target",
        "PP-26",
        doc.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("stale-revision") && out.contains("Résolution 130 (Rév. Dubaï, 2018)"),
        "{out}"
    );
    assert_eq!(
        out.matches("stale-revision").count(),
        1,
        "Res. 179 (Rév. Bucarest, 2022) is current: {out}"
    );
}

#[test]
fn a_folder_walk_says_what_it_skipped_and_an_empty_run_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("en_council_contribution_prose.txt"),
        dir.path().join("notes.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("final-acts.pdf"), b"%PDF-1.7").unwrap();
    let (code, out, err) = proplint(&[
        "check",
        "--no-config",
        "--target",
        "PP-18",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("skipped 1 file in formats proplint does not check (.pdf: 1"),
        "{err}"
    );
    assert!(
        err.contains("1 file not shaped like an ITU proposal"),
        "{err}"
    );

    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = proplint(&["check", "--no-config", empty.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no file to check"), "{err}");
}
