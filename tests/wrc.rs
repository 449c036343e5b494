//! WRC as a body (issue 13, point 6): "(Rev.WRC-23)", "(CMR-19)" are citations of the
//! World Radiocommunication Conference. The embedded catalogue holds no WRC outcome, so
//! they get an honest note (never silence, never an alarm); a catalogue built from WRC
//! Final Acts judges them. Radio Regulations provisions ("No. 5.441B", "Appendix 30B")
//! are recognised and left alone.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

mod cli_support;
use cli_support::run as proplint;

use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `proplint check --no-config --target PP-26 [--catalog FILE] PATH`, as JSON findings
/// (rule, message) and the file's `uncatalogued_outcomes`.
fn check(path: &Path, catalog: Option<&Path>) -> (Vec<(String, String)>, Vec<String>) {
    let mut args = vec![
        "check",
        "--no-config",
        "--target",
        "PP-26",
        "--format",
        "json",
    ];
    if let Some(c) = catalog {
        args.extend(["--catalog", c.to_str().unwrap()]);
    }
    args.push(path.to_str().unwrap());
    let (code, out, err) = proplint(&args);
    assert!(code == 0 || code == 1, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = &json["files"][0];
    let findings = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let missing = file["uncatalogued_outcomes"]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    (findings, missing)
}

const EN: &str = "Contribution from the Administration of Examplia\n\nExamplia supports Resolution 155 (Rev.WRC-23) and Resolution 125 (WRC-23).\nThe studies of Resolution 155 (Rev.WRC-19) should continue.\nThe Conference should note Resolution 125 (Rev.WRC-23) and Resolution 750 (Rev.WRC-19), No. 5.441B, Appendix 30B and Article 5 of the Radio Regulations.\n";

const FR: &str = "Contribution de l'Administration d'Exemplie\n\nL'Exemplie appuie la Résolution 155 (Rév.CMR-23) et la Résolution 125 (CMR-23).\nLes études de la Résolution 155 (Rév.CMR-19) doivent se poursuivre.\nLa Conférence devrait prendre note de la Résolution 125 (Rév.CMR-23) et de la Résolution 750 (Rév.CMR-19), du numéro 5.441B, de l'appendice 30B et de l'Article 5 du Règlement des radiocommunications.\n";

const ES: &str = "Contribución de la Administración de Ejemplia\n\nEjemplia apoya la Resolución 233 (CMR-23), el número 5.441B y el Apéndice 30B del Reglamento de Radiocomunicaciones.\n";

#[test]
fn without_wrc_outcomes_every_wrc_citation_gets_a_note_and_provisions_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, count, start) in [
        ("en.txt", EN, 5, "cannot check Resolution 155 (Rev.WRC-23) of the World Radiocommunication Conference: the catalogue holds no outcome of WRC-23; teach it with `proplint catalog build <WRC-23 final texts>`"),
        ("fr.txt", FR, 5, "impossible de vérifier la Résolution 155 (Rév.CMR-23) de la Conférence mondiale des radiocommunications\u{a0}: le catalogue ne connaît pas les résultats de la CMR-23"),
        ("es.txt", ES, 1, "no se puede verificar la Resolución 233 (CMR-23) de la Conferencia Mundial de Radiocomunicaciones: el catálogo no conoce los resultados de la CMR-23"),
    ] {
        let path = write(dir.path(), name, text);
        let (findings, missing) = check(&path, None);
        assert_eq!(findings.len(), count, "{name}: {findings:?}");
        assert!(
            findings.iter().all(|(rule, _)| rule == "uncatalogued-citation"),
            "{name}: information only: {findings:?}"
        );
        assert!(findings[0].1.starts_with(start), "{name}: {findings:?}");
        assert!(missing.contains(&"WRC-23".to_string()), "{name}: {missing:?}");
        // No. 5.441B, Appendix 30B, Article 5: no finding names them.
        assert!(
            findings
                .iter()
                .all(|(_, m)| !m.contains("5.441") && !m.contains("30B")),
            "{name}: {findings:?}"
        );
    }
}

#[test]
fn a_catalogue_built_from_wrc_final_acts_judges_wrc_citations() {
    let dir = tempfile::tempdir().unwrap();
    let acts = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/official/en_wrc23_final_acts.txt");
    let built = dir.path().join("wrc23.json");
    let (code, out, err) = proplint(&[
        "catalog",
        "build",
        "-o",
        built.to_str().unwrap(),
        acts.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");

    // `catalog status` says what is known of the WRCs, before and after.
    let (_, status, _) = proplint(&["catalog", "status", "--no-config"]);
    assert!(
        status.contains(
            "WRC  World Radiocommunication Conference\n  unknown: no WRC outcome is catalogued"
        ),
        "{status}"
    );
    let (_, status, _) = proplint(&[
        "catalog",
        "status",
        "--no-config",
        "--catalog",
        built.to_str().unwrap(),
    ]);
    let wrc23 = status
        .lines()
        .find(|l| l.trim_start().starts_with("WRC-23"))
        .unwrap_or("");
    assert!(wrc23.contains("partial"), "{status}");

    for (name, text, lang_cite) in [
        ("en.txt", EN, "Resolution 155 (Rev.WRC-23)"),
        ("fr.txt", FR, "Résolution 155 (Rév.CMR-23)"),
    ] {
        let path = write(dir.path(), name, text);
        let (findings, missing) = check(&path, Some(&built));
        let rules: Vec<&str> = findings.iter().map(|(r, _)| r.as_str()).collect();
        // Rev.WRC-23 of 155 and WRC-23 of 125 are current: nothing on line 3.
        // Rev.WRC-19 of 155 was revised at WRC-23: stale, with the WRC-style citation.
        // Rev.WRC-23 of 125, first adopted at WRC-23: not a real revision.
        // 750 (Rev.WRC-19): WRC-19's outcome is not catalogued, a note.
        assert_eq!(
            rules,
            [
                "stale-revision",
                "unknown-revision",
                "uncatalogued-citation"
            ],
            "{name}: {findings:?}"
        );
        assert!(findings[0].1.contains(lang_cite), "{name}: {findings:?}");
        assert_eq!(missing, ["WRC-19"], "{name}");
    }

    // --fix writes the current revision in the document's own WRC style.
    let path = write(dir.path(), "fix.txt", FR);
    let (code, out, err) = proplint(&[
        "check",
        "--no-config",
        "--target",
        "PP-26",
        "--catalog",
        built.to_str().unwrap(),
        "--fix",
        path.to_str().unwrap(),
    ]);
    assert!(code == 0 || code == 1, "{out}{err}");
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("Les études de la Résolution 155 (Rév.CMR-23) doivent"),
        "{fixed}"
    );
}
