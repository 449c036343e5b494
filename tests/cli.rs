//! The `proplint` binary as users and CI run it: exit codes, the JSON contract, the
//! human report, `--fix`, `--diff`, standard input, configuration and errors that name
//! the file.

use std::process::Command;

mod cli_support;
use cli_support::*;

const CLEAN_FR: &str = "MOD\tECP/1/1\nRÉSOLUTION 45 (RÉV. DUBAÏ, 2014)\nLa Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),\nrappelant\na)\tla Résolution 140 (Rév. Busan, 2014) de la Conférence de plénipotentiaires;\nb)\tla Résolution 70/125 de l'AGNU,\nMotifs:\tMise à jour.\n";

#[test]
fn exit_codes_follow_the_fail_level() {
    let dir = work_dir(&[("stale.txt", STALE_EN), ("clean.txt", CLEAN_FR)]);
    assert_eq!(
        proplint(&["check", "clean.txt"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        proplint(&["check", "stale.txt"], dir.path()).status.code(),
        Some(1)
    );
    assert_eq!(
        proplint(&["check", "stale.txt", "--fail-on", "error"], dir.path())
            .status
            .code(),
        Some(0),
        "a warning does not fail at --fail-on error"
    );
    assert_eq!(proplint(&["check", "."], dir.path()).status.code(), Some(1));
}

#[test]
fn usage_and_io_errors_exit_2_and_name_the_file() {
    let dir = work_dir(&[("bad.txt", "")]);
    std::fs::write(dir.path().join("bad.txt"), b"RESOLUTION 45\n\xff\xfe oops").unwrap();
    let o = proplint(&["check", "bad.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.txt: not valid UTF-8 (byte 14, line 2)"),
        "{}",
        stderr(&o)
    );

    let o = proplint(&["check", "missing.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt: no such file or folder"));

    let o = proplint(&["check", "--target", "WTDC-99", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown target conference `WTDC-99`"));

    let o = proplint(&["check", "--bogus"], dir.path());
    assert_eq!(o.status.code(), Some(2));

    std::fs::write(dir.path().join("cat.json"), "{ \"resolutions\": [ }").unwrap();
    let o = proplint(&["check", "--catalog", "cat.json", "."], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cat.json:1:"), "{}", stderr(&o));
}

#[test]
fn json_contract() {
    let dir = work_dir(&[("stale.txt", STALE_EN)]);
    let o = proplint(&["check", "stale.txt", "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], "stale.txt");
    assert_eq!(file["language"], "en");
    assert_eq!(file["target"]["id"], "WTDC-17");
    assert_eq!(file["target"]["source"], "conference line");
    let d = &file["diagnostics"][0];
    assert_eq!(d["code"], "stale-revision");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["range"]["start"],
        serde_json::json!({"line": 5, "column": 4})
    );
    assert_eq!(
        d["range"]["end"],
        serde_json::json!({"line": 5, "column": 43})
    );
    let fix = &d["fixes"][0];
    assert_eq!(fix["applicability"], "safe");
    assert_eq!(fix["edits"][0]["new_text"], "Busan, 2014");
    assert_eq!(
        file["diagnostics"].as_array().unwrap().len(),
        1,
        "70/125 stays silent"
    );
}

#[test]
fn json_columns_count_characters() {
    let text = "MOD\tECP/1/1\nLa Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),\nrappelant\na)\tla Résolution 140 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires;\nMotifs:\tx\n";
    let dir = work_dir(&[("fr.txt", text)]);
    let o = proplint(&["check", "fr.txt", "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    // "a)\tla " is 6 characters: the citation starts in column 7 on line 4.
    assert_eq!(
        d["range"]["start"],
        serde_json::json!({"line": 4, "column": 7})
    );
    assert_eq!(
        d["range"]["end"]["column"],
        7 + "Résolution 140 (Rév. Guadalajara, 2010)".chars().count()
    );
}

#[test]
fn human_report_shows_the_line_a_caret_and_the_target() {
    let dir = work_dir(&[("stale.txt", STALE_EN)]);
    let o = proplint(&["check", "stale.txt", "--no-color"], dir.path());
    insta::assert_snapshot!("human_report", stdout(&o));
}

/// A paragraph exported as one line (Word, PDF): the report shows the part around each
/// finding, its cut ends marked, and still gives the finding's column in the whole line.
#[test]
fn human_report_shows_a_long_line_around_the_finding() {
    let paragraph = |conference: &str, call: &str, before: &str, citation: &str, after: &str| {
        let reasons = if call == "rappelant" {
            "Motifs"
        } else {
            "Reasons"
        };
        format!(
            "MOD\tECP/1/1\n{conference} (Buenos Aires, 2017),\n{call}\na)\t{}{citation}{};\n{reasons}:\tx\n",
            before.repeat(3),
            after.repeat(2)
        )
    };
    let en = paragraph(
        "The World Telecommunication Development Conference",
        "recalling",
        "the objectives of the World Summit on the Information Society and its review, ",
        "Resolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference,",
        " which calls on the Union to play its part in the building of the information society",
    );
    let fr = paragraph(
        "La Conférence mondiale de développement des télécommunications",
        "rappelant",
        "les objectifs du Sommet mondial sur la société de l'information et de son examen, ",
        "la Résolution 140 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires,",
        " qui invite l'Union à jouer son rôle dans l'édification de la société de l'information",
    );
    let dir = work_dir(&[("en.txt", en.as_str()), ("fr.txt", fr.as_str())]);
    for (name, citation) in [
        ("en", "Resolution 140 (Rev. Guadalajara, 2010)"),
        ("fr", "Résolution 140 (Rév. Guadalajara, 2010)"),
    ] {
        let file = format!("{name}.txt");
        let o = proplint(&["check", &file, "--no-color"], dir.path());
        let report = stdout(&o);
        let text = if name == "en" { &en } else { &fr };
        let line = text.lines().nth(3).unwrap();
        let column = line[..line.find(citation).unwrap()].chars().count() + 1;
        assert!(report.contains(&format!("{file}:4:{column}")), "{report}");
        let shown = report
            .lines()
            .find(|l| l.starts_with("4 │ "))
            .unwrap_or_else(|| panic!("{report}"));
        assert!(
            shown.starts_with("4 │ …") && shown.ends_with('…'),
            "{shown}"
        );
        assert!(shown.chars().count() < line.chars().count(), "{shown}");
        // The caret is under the citation.
        let carets = report.lines().skip_while(|l| *l != shown).nth(1).unwrap();
        let first = carets.find('^').unwrap();
        let under: String = shown
            .chars()
            .skip(carets[..first].chars().count())
            .take(citation.chars().count())
            .collect();
        assert_eq!(under, citation, "{report}");
        insta::assert_snapshot!(format!("human_report_long_line_{name}"), report);
    }
}

#[test]
fn fix_writes_atomically_and_reports_what_it_did() {
    let dir = work_dir(&[("stale.txt", STALE_EN)]);
    let o = proplint(&["check", "stale.txt", "--fix"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("stale.txt: fixed 1 problem(s)"));
    let fixed = std::fs::read_to_string(dir.path().join("stale.txt")).unwrap();
    assert_eq!(fixed, STALE_EN.replace("Guadalajara, 2010", "Busan, 2014"));
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // Twice is once.
    proplint(&["check", "stale.txt", "--fix"], dir.path());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("stale.txt")).unwrap(),
        fixed
    );
}

#[test]
fn diff_prints_and_does_not_write() {
    let dir = work_dir(&[("stale.txt", STALE_EN)]);
    let o = proplint(&["check", "stale.txt", "--diff"], dir.path());
    let out = stdout(&o);
    assert!(
        out.contains("-a)\tResolution 140 (Rev. Guadalajara, 2010)"),
        "{out}"
    );
    assert!(out.contains("+a)\tResolution 140 (Rev. Busan, 2014)"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("stale.txt")).unwrap(),
        STALE_EN
    );
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let text = "ADD\tUSA/1/1\nDRAFT NEW RESOLUTION [USA-1]\nThe World Telecommunication Development Conference (Buenos Aires, 2017),\nresolves\nto act.\n";
    let dir = work_dir(&[("p.txt", text)]);
    proplint(&["check", "p.txt", "--fix"], dir.path());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.txt")).unwrap(),
        text
    );
    proplint(&["check", "p.txt", "--fix", "--unsafe-fixes"], dir.path());
    let fixed = std::fs::read_to_string(dir.path().join("p.txt")).unwrap();
    assert_eq!(fixed, format!("{text}Reasons:\t\n"));
}

#[test]
fn standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["check", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(STALE_EN.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["path"], "-");
}

#[test]
fn folders_are_walked_and_gitignore_is_honoured() {
    let dir = work_dir(&[
        ("a/one.txt", STALE_EN),
        ("a/b/two.md", STALE_EN),
        ("a/skip.docx.bak", STALE_EN),
        ("a/ignored/three.txt", STALE_EN),
        ("a/.gitignore", "ignored/\n"),
    ]);
    Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .ok();
    let o = proplint(&["check", "a", "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(paths, ["a/b/two.md", "a/one.txt"]);
}

#[test]
fn configuration_file_sets_target_and_rules() {
    let dir = work_dir(&[
        (
            "proplint.toml",
            "target = \"PP-22\"\n[rules]\nstale-revision = \"off\"\n",
        ),
        ("p.txt", STALE_EN),
    ]);
    let o = proplint(&["check", "p.txt", "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["target"]["id"], "PP-22");
    assert_eq!(v["files"][0]["target"]["source"], "option");
    assert!(v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "stale-revision"));

    let dir = work_dir(&[
        ("proplint.toml", "[rules]\nstale-revison = \"off\"\n"),
        ("p.txt", STALE_EN),
    ]);
    let o = proplint(&["check", "p.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("proplint.toml:2: unknown rule `stale-revison`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn rules_and_explain() {
    let o = proplint(&["rules"], &repo());
    let out = stdout(&o);
    for rule in proplint::Rule::ALL {
        assert!(out.contains(rule.code()));
    }
    let o = proplint(&["explain", "stale-revision"], &repo());
    assert!(stdout(&o).starts_with("# stale-revision"));
    assert_eq!(
        proplint(&["explain", "nope"], &repo()).status.code(),
        Some(2)
    );
}

#[test]
fn the_readme_example_runs() {
    let o = proplint(&["check", "examples/proposal-en.txt"], &repo());
    assert_eq!(o.status.code(), Some(1), "the example has real defects");
    let out = stdout(&o);
    for code in [
        "stale-revision",
        "unknown-revision",
        "clause-sequence",
        "label-homoglyph",
        "missing-reasons",
    ] {
        assert!(
            out.contains(code),
            "{code} missing from the example's report:\n{out}"
        );
    }
}

#[test]
fn every_rule_has_a_complete_doc_page() {
    for rule in proplint::Rule::ALL {
        let doc = rule.doc();
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(doc.contains(section), "{} lacks {section}", rule.code());
        }
        assert!(doc.starts_with(&format!("# {}", rule.code())));
    }
}
