//! `proplint catalog build` on official texts: the PP-18 Final Acts (Akoma Ntoso, from
//! `../shared/official/`, ignored by a plain `cargo test` when that folder is missing;
//! CI runs it with `--include-ignored`) must give exactly the PP-18 facts the embedded
//! catalogue holds from the same text; the fixtures of `tests/fixtures/official/` cover the
//! other forms (text from PDF, HTML, Word) and languages.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod cli_support;
use cli_support::run as proplint;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official")
        .join(name)
}

/// Runs `catalog build` and returns (exit code, catalogue file, report on stderr).
fn build(files: &[&Path], extra: &[&str]) -> (i32, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("built.json");
    let output = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["catalog", "build"])
        .args(files)
        .args(extra)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let json = std::fs::read_to_string(&out)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json, stderr)
}

fn record<'a>(file: &'a Value, body: &str, number: u64) -> &'a Value {
    file["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["body"] == body && r["number"] == number)
        .unwrap_or_else(|| panic!("no record {body} {number}"))
}

fn events(r: &Value) -> Vec<(String, String)> {
    r["history"]
        .as_array()
        .map(|h| {
            h.iter()
                .map(|e| {
                    (
                        e["conference"].as_str().unwrap().to_string(),
                        e["action"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn numbers(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().or_else(|| n["number"].as_u64()).unwrap())
        .collect()
}

#[test]
#[ignore = "needs ../shared/official (CI runs it with --include-ignored)"]
fn pp18_final_acts_give_exactly_the_pp18_facts_of_the_embedded_catalogue() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/official/pp18-final-acts-akn.xml");
    assert!(path.exists(), "missing {}", path.display());
    let (code, built, report) = build(&[&path], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of PP-18 (Dubai, 2018), named by the text (line 36: \"FINAL ACTS of the Plenipotentiary Conference (Dubai, 2018)\")"),
        "{report}"
    );
    assert!(
        report.contains("adopted 10, revised 51, abrogated 10; complete list"),
        "{report}"
    );

    let list = &built["coverage"]["PP"]["complete_lists"]["PP-18"];
    assert_eq!(list["complete"], true);
    let embedded: Value = serde_json::from_str(proplint::catalog::EMBEDDED_JSON).unwrap();
    let expected = &embedded["coverage"]["PP"]["complete_lists"]["PP-18"];
    assert_eq!(numbers(&list["adopted"]), (204..=213).collect::<Vec<_>>());
    assert_eq!(numbers(&list["adopted"]), numbers(&expected["adopted"]));
    assert_eq!(numbers(&list["revised"]).len(), 51);
    assert_eq!(numbers(&list["revised"]), numbers(&expected["revised"]));
    assert_eq!(
        list["abrogated"], expected["abrogated"],
        "numbers and last versions"
    );

    // Every PP-18 event of the built file is one of those, and nothing the Final Acts
    // merely cite (Resolution 71 (Rev. Busan, 2014) in a preamble) became a PP-18 event.
    let mut pp18_events = BTreeSet::new();
    for r in built["resolutions"].as_array().unwrap() {
        for (conference, action) in events(r) {
            if conference == "PP-18" {
                pp18_events.insert((r["number"].as_u64().unwrap(), action));
            }
        }
        if r["suppressed_at"] == "PP-18" {
            pp18_events.insert((r["number"].as_u64().unwrap(), "abrogated".into()));
        }
        assert_eq!(r["body"], "PP");
        assert!(r["history"][0]["sources"][0]
            .as_str()
            .unwrap()
            .contains("pp18-final-acts-akn.xml, line "));
    }
    assert_eq!(pp18_events.len(), 71, "{pp18_events:?}");
    let r71 = record(&built, "PP", 71);
    assert_eq!(events(r71), [("PP-18".to_string(), "revised".to_string())]);
    // Titles in the text's language; the abrogated ones with their last version.
    assert_eq!(
        record(&built, "PP", 11)["title"]["en"],
        "ITU Telecom events"
    );
    let r89 = record(&built, "PP", 89);
    assert_eq!(r89["suppressed_meta"]["last_version"], "Minneapolis, 1998");
    assert_eq!(
        r89["title"]["en"],
        "Coping with the decreased use of international telex service"
    );
    let r128 = record(&built, "PP", 128);
    assert_eq!(
        r128["title"]["en"],
        "Support for the Agenda for Connectivity in the Americas and Quito Action Plan",
        "page number 482 glued after the title is dropped"
    );
}

#[test]
fn a_final_report_table_of_contents_says_what_is_in_force_not_only_what_changed() {
    let (code, built, report) = build(&[&fixture("en_wtdc22_final_report_toc.txt")], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of WTDC-22 (Kigali, 2022), named by the text (line 3"),
        "{report}"
    );
    assert!(
        report.contains("adopted 1, revised 3, abrogated 0, listed in force without change 1"),
        "{report}"
    );
    let r5 = record(&built, "WTDC", 5);
    assert_eq!(events(r5), [("WTDC-22".into(), "revised".into())]);
    assert_eq!(
        r5["title"]["en"],
        "Enhanced participation by developing countries in the activities of the Union",
        "wrapped title mended, page number and dot leaders dropped"
    );
    assert_eq!(
        r5["history"][0]["sources"][0]
            .as_str()
            .unwrap()
            .rsplit(", ")
            .next(),
        Some("line 16")
    );
    // An older tag in a table of contents: in force unchanged, not a WTDC-22 event.
    let r10 = record(&built, "WTDC", 10);
    assert_eq!(events(r10), [("WTDC-10".into(), "revised".into())]);
    assert_eq!(r10["in_force_after"][0], "WTDC-22");
    assert_eq!(r10["not_revised_at"][0], "WTDC-22");
    assert_eq!(
        record(&built, "WTDC", 89)["title"]["en"],
        "Mobilizing resources to connect the unconnected",
        "the running footer between entries is not part of a title"
    );
    // The citation in the closing sentence is not an entry.
    assert!(built["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["body"] == "WTDC"));
    let list = &built["coverage"]["WTDC"]["partial_lists"]["WTDC-22"];
    assert_eq!(list["complete"], false);
    assert_eq!(numbers(&list["in_force_unchanged"]), [10]);
}

#[test]
fn french_final_acts_saved_as_text_give_headings_and_the_list_of_abrogations() {
    let (code, built, report) = build(&[&fixture("fr_pp22_actes_finals.txt")], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of PP-22 (Bucharest, 2022)"),
        "{report}"
    );
    let r130 = record(&built, "PP", 130);
    assert_eq!(events(r130), [("PP-22".into(), "revised".into())]);
    assert!(r130["title"]["fr"]
        .as_str()
        .unwrap()
        .starts_with("Renforcement du rôle de l'UIT"));
    assert!(r130["title"]["fr"]
        .as_str()
        .unwrap()
        .ends_with("de la communication"));
    assert_eq!(
        events(record(&built, "PP", 219)),
        [("PP-22".into(), "adopted".into())]
    );
    let r11 = record(&built, "PP", 11);
    assert_eq!(r11["suppressed_at"], "PP-22");
    assert_eq!(r11["suppressed_meta"]["last_version_conference"], "PP-18");
    assert_eq!(r11["title"]["fr"], "Manifestations ITU Telecom");
    // Citations in the preamble (Résolution 71 (Rév. Dubaï, 2018)) are not outcomes.
    assert_eq!(built["resolutions"].as_array().unwrap().len(), 3);
}

#[test]
fn a_spanish_html_list_reads_like_a_table_of_contents() {
    let (code, built, report) = build(&[&fixture("es_amnt20_resoluciones.html")], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of WTSA-20 (Geneva, 2022)"),
        "{report}"
    );
    let r1 = record(&built, "WTSA", 1);
    assert_eq!(events(r1), [("WTSA-20".into(), "revised".into())]);
    assert_eq!(
        r1["title"]["es"],
        "Reglamento interno del Sector de Normalización de las Telecomunicaciones de la UIT"
    );
    assert_eq!(record(&built, "WTSA", 52)["not_revised_at"][0], "WTSA-20");
    assert_eq!(built["resolutions"].as_array().unwrap().len(), 3);
}

#[test]
fn itu_r_lists_and_wrc_final_acts_are_read() {
    let (code, built, report) = build(&[&fixture("en_ra23_resolutions_volume.txt")], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of RA-23 (Dubai, 2023)"),
        "{report}"
    );
    assert_eq!(
        record(&built, "RA", 1)["itu_r_revisions_seen"][0]["designation"],
        "ITU-R 1-9"
    );
    assert_eq!(record(&built, "RA", 1)["in_force_after"][0], "RA-23");

    let (code, built, report) = build(&[&fixture("en_wrc23_final_acts.txt")], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of WRC-23, named by the text"),
        "{report}"
    );
    assert_eq!(
        events(record(&built, "WRC", 155)),
        [("WRC-23".into(), "revised".into())]
    );
    assert_eq!(
        events(record(&built, "WRC", 125)),
        [("WRC-23".into(), "adopted".into())]
    );
    assert_eq!(built["conferences"][0]["id"], "WRC-23");
    assert_eq!(
        built["resolutions"].as_array().unwrap().len(),
        2,
        "Resolution 750 (Rev.WRC-19) is a citation"
    );
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string()),
        ("word/document.xml", document),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

#[test]
fn spanish_final_acts_in_word_name_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("actas-finales.docx");
    std::fs::write(
        &path,
        docx(&[
            "ACTAS FINALES",
            "de la Conferencia de Plenipotenciarios (Bucarest, 2022)",
            "RESOLUCIÓN 130 (REV. BUCAREST, 2022)",
            "Fortalecimiento del papel de la UIT en la creación de confianza y seguridad en la utilización de las tecnologías de la información y la comunicación",
            "La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Bucarest, 2022),",
            "recordando la Resolución 71 (Rev. Dubái, 2018) de la presente Conferencia,",
        ]),
    )
    .unwrap();
    let (code, built, report) = build(&[&path], &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("outcome of PP-22 (Bucharest, 2022), named by the text (paragraph 2: \"de la Conferencia de Plenipotenciarios (Bucarest, 2022)\")"),
        "{report}"
    );
    let r = record(&built, "PP", 130);
    assert_eq!(events(r), [("PP-22".into(), "revised".into())]);
    assert!(r["title"]["es"]
        .as_str()
        .unwrap()
        .starts_with("Fortalecimiento"));
    assert!(r["history"][0]["sources"][0]
        .as_str()
        .unwrap()
        .ends_with("actas-finales.docx, paragraph 3"));
    assert_eq!(built["resolutions"].as_array().unwrap().len(), 1);
}

#[test]
fn a_text_that_names_no_conference_is_refused_with_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.txt");
    std::fs::write(
        &path,
        "Resolution 45 – Mechanisms for enhancing cooperation on cybersecurity .... 12\n",
    )
    .unwrap();
    let (code, _, report) = build(&[&path], &[]);
    assert_eq!(code, 2, "{report}");
    assert!(report.contains("cannot tell which conference"), "{report}");
    assert!(report.contains("--conference"), "{report}");

    let missing = dir.path().join("missing.xml");
    let (code, _, report) = build(&[&missing], &[]);
    assert_eq!(code, 2);
    assert!(report.contains("missing.xml"), "{report}");
}

#[test]
fn a_built_file_merges_into_the_embedded_records_and_status_and_show_say_from_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wtdc22.json");
    let toc = fixture("en_wtdc22_final_report_toc.txt");
    let (code, _, err) = proplint(&[
        "catalog",
        "build",
        toc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let out = out.to_str().unwrap();

    let (code, show, err) = proplint(&[
        "catalog",
        "show",
        "CMDT",
        "10",
        "--no-config",
        "--catalog",
        out,
    ]);
    assert_eq!(code, 0, "{err}");
    // The embedded history is kept, the new source joins it, and the file is named.
    assert!(
        show.starts_with("WTDC Resolution 10 (confidence high)"),
        "{show}"
    );
    assert!(
        show.contains("WTDC-10 (Hyderabad, 2010): revised [citation, toc]"),
        "{show}"
    );
    assert!(
        show.contains("en_wtdc22_final_report_toc.txt, line 18"),
        "{show}"
    );
    assert!(show.contains("listed in force after: WTDC-22"), "{show}");
    assert!(
        show.contains(&format!("catalogue files: embedded catalogue, {out}")),
        "{show}"
    );

    let (code, status, _) = proplint(&["catalog", "status", "--no-config", "--catalog", out]);
    assert_eq!(code, 0);
    let line = status
        .lines()
        .find(|l| l.trim_start().starts_with("WTDC-22"))
        .unwrap();
    assert!(line.contains("partial") && line.contains(out), "{line}");
    let line = status
        .lines()
        .find(|l| l.trim_start().starts_with("PP-18"))
        .unwrap();
    assert!(
        line.contains("complete list: adopted 10, revised 51, abrogated 10"),
        "{line}"
    );
    let line = status
        .lines()
        .find(|l| l.trim_start().starts_with("WTDC-25"))
        .unwrap();
    assert!(
        line.contains("unknown") && line.contains("proplint catalog build"),
        "{line}"
    );
}

#[test]
fn conflicting_files_are_reported_with_both_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    std::fs::write(
        &path,
        r#"{"resolutions":[{"body":"PP","number":130,"history":[{"conference":"PP-22","action":"adopted","sources":["notes.txt, line 4"]}]}]}"#,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let (code, status, _) = proplint(&["catalog", "status", "--no-config", "--catalog", path]);
    assert_eq!(code, 0);
    assert!(status.contains("Catalogue files disagree"), "{status}");
    let line = status.lines().find(|l| l.contains("PP 130")).unwrap();
    assert!(line.contains("revised: embedded catalogue"), "{line}");
    assert!(
        line.contains("adopted: ") && line.contains("notes.txt, line 4"),
        "{line}"
    );

    let doc = fixture("en_pp26_proposal_uncatalogued.txt");
    let (_, _, err) = proplint(&[
        "check",
        "--no-config",
        "--catalog",
        path,
        doc.to_str().unwrap(),
    ]);
    assert!(
        err.contains("note: the catalogue files disagree on 1 fact"),
        "{err}"
    );

    let (code, _, err) = proplint(&["catalog", "show", "XYZ", "1", "--no-config"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown body `XYZ`"), "{err}");
}

#[test]
fn each_report_says_once_which_outcomes_are_missing_for_the_bodies_cited() {
    let doc = fixture("en_pp26_proposal_uncatalogued.txt");
    let doc = doc.to_str().unwrap();
    let (code, human, _) = proplint(&["check", "--no-config", doc]);
    assert_eq!(code, 0, "notes only: {human}");
    let header =
        "note: the outcomes of WTDC-25 (Baku, 2025) and WTSA-24 (New Delhi, 2024) are not catalogued";
    assert_eq!(human.matches(header).count(), 1, "{human}");
    assert!(human.contains("WTDC-25 (Baku, 2025) met since and its outcome is not catalogued: whether it revised Resolution 45 is unknown; teach it with `proplint catalog build <WTDC-25 final texts>`"), "{human}");
    // PP-22 is known in part, so Resolution 130 (Rev. Bucharest, 2022) is not noted.
    assert_eq!(
        human.matches("note[uncatalogued-citation]").count(),
        2,
        "{human}"
    );

    let (_, json, _) = proplint(&["check", "--no-config", "--format", "json", doc]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["files"][0]["uncatalogued_outcomes"],
        serde_json::json!(["WTDC-25 (Baku, 2025)", "WTSA-24 (New Delhi, 2024)"])
    );
    let (_, sarif, _) = proplint(&["check", "--no-config", "--format", "sarif", doc]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(
        sarif["runs"][0]["artifacts"][0]["properties"]["uncataloguedOutcomes"][0],
        "WTDC-25 (Baku, 2025)"
    );
    let (_, html, _) = proplint(&["check", "--no-config", "--format", "html", doc]);
    assert_eq!(html.matches("class=\"meta uncatalogued\"").count(), 1);
    // The page names no command: it is for delegates.
    assert!(html.contains(
        "The outcomes of WTDC-25 (Baku, 2025) and WTSA-24 (New Delhi, 2024) are not in proplint&#39;s catalogue"
    ));

    // Checked against PP-22, WTDC-25 had not met: nothing to say.
    let (_, human, _) = proplint(&["check", "--no-config", "--target", "PP-22", doc]);
    assert!(!human.contains("not catalogued"), "{human}");
}

#[test]
fn learn_counts_the_evidence_of_citations_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("contribution.txt"),
        "In line with Resolution 130 (Rev. Bucharest, 2022) of the Plenipotentiary Conference and\nResolution 89 (Kigali, 2022) of the World Telecommunication Development Conference.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("informe.md"),
        "- Resolución 130 (Rev. Bucarest, 2022) de la Conferencia de Plenipotenciarios\n- Resolución 89 (Rev. Kigali, 2022) de la Conferencia Mundial de Desarrollo de las Telecomunicaciones\n",
    )
    .unwrap();
    std::fs::write(docs.join("slides.pdf"), b"%PDF").unwrap();
    let out = dir.path().join("learnt.json");
    let (code, _, err) = proplint(&[
        "catalog",
        "learn",
        docs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-config",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("read 2 documents: 4 citations with a revision tag used"),
        "{err}"
    );
    assert!(
        err.contains("WTDC 89: WTDC-22: cited both as revised and as adopted"),
        "{err}"
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let r = record(&file, "PP", 130);
    assert_eq!(r["history"][0]["conference"], "PP-22");
    assert_eq!(r["history"][0]["documents"], 2);
    assert_eq!(r["history"][0]["confidence"], "medium");
    let r89 = record(&file, "WTDC", 89);
    assert!(
        r89["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["status"] == "disputed"),
        "{r89}"
    );
    assert_eq!(file["learn_conflicts"][0]["subject"], "WTDC 89");

    // The learnt file loads as a catalogue file.
    let (code, show, err) = proplint(&[
        "catalog",
        "show",
        "PP",
        "130",
        "--no-config",
        "--catalog",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(show.contains("contribution.txt, line 1"), "{show}");
}

#[test]
fn teaching_an_outcome_turns_the_note_into_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wtdc25.json");
    let toc = fixture("en_wtdc25_final_report_toc_illustrative.txt");
    let (code, _, err) = proplint(&[
        "catalog",
        "build",
        toc.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let doc = fixture("en_pp26_proposal_uncatalogued.txt");
    let (code, human, _) = proplint(&[
        "check",
        "--no-config",
        "--catalog",
        out.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{human}");
    assert!(
        human.contains("warning[stale-revision]: Resolution 45 (Rev. Kigali, 2022)"),
        "{human}"
    );
    assert!(human.contains("Baku, 2025"), "{human}");
    // WTDC-25 is known in part now; WTSA-24 still is not.
    assert!(
        human.contains("note: the outcome of WTSA-24 (New Delhi, 2024) is not catalogued"),
        "{human}"
    );
    assert!(!human.contains("WTDC-25 (Baku, 2025) met since"), "{human}");
}
