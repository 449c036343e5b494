//! What proplint proposes where it finds something wrong: a likely citation for every
//! unknown revision, glued roman labels restored, one set of fixes where two rules see
//! one defect, and a Reasons line that is present but empty — in English, French and
//! Spanish.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use proplint::analysis::{analyze, Analysis, Options};
use proplint::diagnostic::Diagnostic;
use proplint::fix::{apply_edits, fix_until_stable};
use proplint::{Applicability, Catalog, Rule, Severity};

fn check(text: &str, target: &str) -> Analysis {
    // The assertions read English messages and titles, whatever the fixture's language.
    let options = Options {
        target: Some(target.to_string()),
        messages: Some(proplint::lang::Lang::En),
        ..Options::default()
    };
    analyze(text, Catalog::embedded(), &options)
}

fn of_rule(a: &Analysis, rule: Rule) -> Vec<&Diagnostic> {
    a.diagnostics().iter().filter(|d| d.rule == rule).collect()
}

/// The text after applying a diagnostic's first fix.
fn fixed_by(text: &str, d: &Diagnostic) -> String {
    let fix = d.fixes.first().expect("a fix");
    apply_edits(text, &fix.edits)
}

fn unit(lang: &str, conference: &str, clauses: &str) -> String {
    let (call, reasons) = match lang {
        "fr" => ("rappelant", "Motifs:\tMettre à jour les références."),
        "es" => ("recordando", "Motivos:\tActualizar las referencias."),
        _ => ("recalling", "Reasons:\tTo update the references."),
    };
    format!("ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{conference}\n{call}\n{clauses}\n{reasons}\n")
}

const PP22_EN: &str =
    "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),";
const PP18_FR: &str = "La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),";
const PP18_ES: &str = "La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Dubái, 2018),";
const WTDC17_EN: &str = "The World Telecommunication Development Conference (Buenos Aires, 2017),";

#[test]
fn every_unknown_revision_gets_its_likely_citation() {
    // A place that met, the year wrong: the nearest real revision (Hyderabad, 2010) was
    // superseded before the target, so the version in force is proposed.
    let text = unit(
        "en",
        WTDC17_EN,
        "a)\tResolution 45 (Rev. Hyderabad, 2011) of the World Telecommunication Development Conference;\nb)\tResolution 45 (Rev. Dubai, 2014) of the World Telecommunication Development Conference.",
    );
    let a = check(&text, "WTDC-17");
    let unknown = of_rule(&a, Rule::UnknownRevision);
    assert_eq!(unknown.len(), 1, "{:#?}", a.diagnostics());
    let d = unknown[0];
    assert!(d.message.contains("Hyderabad, 2010"), "{}", d.message);
    assert_eq!(d.fixes[0].applicability, Applicability::Unsafe);
    assert!(fixed_by(&text, d).contains("a)\tResolution 45 (Rev. Dubai, 2014) of the World"));

    // The nearest real revision is the version in force: it is proposed.
    let text = unit(
        "fr",
        PP18_FR,
        "a)\tla Résolution 130 (Rév. Busan, 2015) de la Conférence de plénipotentiaires;\nb)\tla Résolution 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires.",
    );
    let a = check(&text, "PP-18");
    let unknown = of_rule(&a, Rule::UnknownRevision);
    assert_eq!(unknown.len(), 1, "{:#?}", a.diagnostics());
    assert!(fixed_by(&text, unknown[0]).contains("a)\tla Résolution 130 (Rév. Busan, 2014)"));

    let text = unit(
        "es",
        PP18_ES,
        "a)\tla Resolución 130 (Rev. Busan, 2015) de la Conferencia de Plenipotenciarios.",
    );
    let a = check(&text, "PP-18");
    let unknown = of_rule(&a, Rule::UnknownRevision);
    assert_eq!(unknown.len(), 1, "{:#?}", a.diagnostics());
    assert!(fixed_by(&text, unknown[0]).contains("Resolución 130 (Rev. Busan, 2014)"));
}

#[test]
fn a_place_that_one_body_met_at_names_the_body() {
    // No body phrase, a year that matches no meeting: Hyderabad only hosted WTDC-10,
    // Busan only PP-14. Dubai hosted several bodies: the citation stays unattributed.
    let text = unit(
        "en",
        WTDC17_EN,
        "a)\tResolution 45 (Rev. Hyderabad, 2011);\nb)\tRésolution 130 (Rév. Busan, 2015);\nc)\tResolution 45 (Rev. Dubai, 2015).",
    );
    let a = check(&text, "WTDC-17");
    let unknown: Vec<String> = of_rule(&a, Rule::UnknownRevision)
        .iter()
        .map(|d| fixed_by(&text, d))
        .collect();
    assert_eq!(unknown.len(), 2, "{:#?}", a.diagnostics());
    assert!(unknown[0].contains("a)\tResolution 45 (Rev. Dubai, 2014);"));
    assert!(unknown[1].contains("b)\tRésolution 130 (Rév. Busan, 2014);"));
    let on_dubai = a
        .diagnostics()
        .iter()
        .filter(|d| text[d.span.start..d.span.end].contains("Dubai, 2015"))
        .count();
    assert_eq!(on_dubai, 0);
}

#[test]
fn a_revision_before_the_resolution_existed_is_unknown_not_stale() {
    // Resolution 130 is numbered above every resolution that existed until after
    // Minneapolis, 1998 (a ceiling of medium confidence: a warning, not an error).
    let text = unit(
        "en",
        PP22_EN,
        "a)\tResolution 130 (Rev. Kyoto, 1994) of the Plenipotentiary Conference;\nb)\tResolution 100 (Minneapolis, 1998) of the Plenipotentiary Conference.",
    );
    let a = check(&text, "PP-22");
    assert!(of_rule(&a, Rule::StaleRevision)
        .iter()
        .all(|d| !text[d.span.start..d.span.end].contains("130")));
    let unknown = of_rule(&a, Rule::UnknownRevision);
    assert_eq!(unknown.len(), 1, "{:#?}", a.diagnostics());
    let d = unknown[0];
    assert!(text[d.span.start..d.span.end].contains("Kyoto"));
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("did not exist yet"), "{}", d.message);
    assert!(fixed_by(&text, d).contains("Resolution 130 (Rev. Dubai, 2018)"));
}

#[test]
fn a_number_above_a_less_certain_ceiling_is_unknown_softly() {
    let text = unit(
        "en",
        WTDC17_EN,
        "a)\tResolution 82 (Dubai, 2014) of the World Telecommunication Development Conference;\nb)\tResolution 78 (Dubai, 2014) of the World Telecommunication Development Conference.",
    );
    let a = check(&text, "WTDC-17");
    let unknown = of_rule(&a, Rule::UnknownResolution);
    assert_eq!(unknown.len(), 1, "{:#?}", a.diagnostics());
    assert!(text[unknown[0].span.start..unknown[0].span.end].contains("82"));
    assert_eq!(unknown[0].severity, Severity::Warning);
}

#[test]
fn glued_roman_labels_are_flattened_revisions() {
    for (lang, call) in [("en", "resolves"), ("fr", "décide")] {
        let text = format!(
            "ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{}\n{call}\n1\tto continue:\ni)\tto help;\nii)\tto train;\niiiii)\tto assist;\niiiiv)\tto report;\nv)\tto review;\nviii)\tto close,\n{}\n",
            if lang == "fr" { PP18_FR } else { PP22_EN },
            if lang == "fr" { "Motifs:\tx" } else { "Reasons:\tx" }
        );
        let a = check(&text, "PP-22");
        let flattened = of_rule(&a, Rule::FlattenedRevision);
        let glued: Vec<&str> = flattened
            .iter()
            .map(|d| &text[d.span.start..d.span.end])
            .collect();
        assert_eq!(glued, ["iiiii", "iiiiv"], "{lang}");
        assert!(fixed_by(&text, flattened[0]).contains("{~~ii~>iii~~})\tto assist"));
        // v) follows the new iv); viii) skips, and is a roman numeral, not glued.
        let sequence = of_rule(&a, Rule::ClauseSequence);
        assert_eq!(sequence.len(), 1, "{lang}: {sequence:#?}");
        assert_eq!(&text[sequence[0].span.start..sequence[0].span.end], "viii");
    }
}

#[test]
fn a_lookalike_label_out_of_sequence_is_relabelled_once() {
    for (call, reasons) in [("recalling", "Reasons:\tx"), ("rappelant", "Motifs:\tx")] {
        let text = format!(
            "ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{PP18_FR}\n{call}\na)\tla première;\nb)\tla deuxième;\nο)\tla troisième,\n{reasons}\n"
        );
        let a = check(&text, "PP-22");
        let homoglyph = of_rule(&a, Rule::LabelHomoglyph);
        let sequence = of_rule(&a, Rule::ClauseSequence);
        assert_eq!((homoglyph.len(), sequence.len()), (1, 1));
        // The same fix, from both rules: what the CLI applies, the editor offers and
        // the reports show.
        assert_eq!(homoglyph[0].fixes, sequence[0].fixes);
        assert_eq!(homoglyph[0].fixes[0].title, "Relabel as c)");
        let out = fix_until_stable(
            &text,
            Catalog::embedded(),
            &Options {
                target: Some("PP-22".into()),
                ..Options::default()
            },
            false,
        );
        assert!(out.text.contains("\nc)\tla troisième"), "{}", out.text);
        assert!(out.remaining.is_empty(), "{:#?}", out.remaining);
    }
    // The finding says why its fix relabels, in the language of the messages.
    let text = format!(
        "ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{PP18_FR}\nrappelant\na)\tla première;\nb)\tla deuxième;\nο)\tla troisième,\nMotifs:\tx\n"
    );
    for (lang, note) in [
        (
            proplint::lang::Lang::En,
            "; the label is also out of sequence, and relabelling it replaces the lookalike",
        ),
        (
            proplint::lang::Lang::Fr,
            "\u{a0}; le numéro est aussi hors séquence, et le renuméroter remplace la lettre sosie",
        ),
        (
            proplint::lang::Lang::Es,
            "; el número también está fuera de secuencia, y renumerarlo sustituye la letra parecida",
        ),
    ] {
        let options = Options {
            target: Some("PP-22".into()),
            messages: Some(lang),
            ..Options::default()
        };
        let a = analyze(&text, Catalog::embedded(), &options);
        let homoglyph = of_rule(&a, Rule::LabelHomoglyph);
        assert!(homoglyph[0].message.ends_with(note), "{}", homoglyph[0].message);
    }
    // A lookalike in its right place keeps its own fix.
    let text = format!(
        "ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{PP22_EN}\nrecalling\na)\tthe first;\nb)\tthe second;\nс)\tthe third,\nReasons:\tx\n"
    );
    let a = check(&text, "PP-22");
    assert!(of_rule(&a, Rule::ClauseSequence).is_empty());
    let homoglyph = of_rule(&a, Rule::LabelHomoglyph);
    assert_eq!(homoglyph[0].fixes[0].title, "Replace with Latin c");
}

#[test]
fn a_glued_label_out_of_sequence_is_relabelled_once() {
    for (call, reasons) in [("recalling", "Reasons:\tx"), ("rappelant", "Motifs:\tx")] {
        let text = format!(
            "ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{PP22_EN}\n{call}\na)\tthe first;\nb)\tthe second;\nad)\tthe third,\n{reasons}\n"
        );
        let a = check(&text, "PP-22");
        let flattened = of_rule(&a, Rule::FlattenedRevision);
        let sequence = of_rule(&a, Rule::ClauseSequence);
        assert_eq!((flattened.len(), sequence.len()), (1, 1));
        assert_eq!(flattened[0].fixes, sequence[0].fixes);
        assert!(fixed_by(&text, flattened[0]).contains("\n{~~a~>c~~})\tthe third"));
    }
    // In sequence, a glued label keeps its own fix: restore "a → c".
    let text = format!(
        "ADD\tB/7/1\nDRAFT NEW RESOLUTION [B-1]\n{PP22_EN}\nrecalling\na)\tthe first;\nb)\tthe second;\nac)\tthe third,\nReasons:\tx\n"
    );
    let a = check(&text, "PP-22");
    assert!(of_rule(&a, Rule::ClauseSequence).is_empty());
    let flattened = of_rule(&a, Rule::FlattenedRevision);
    assert!(flattened[0].fixes[0]
        .title
        .starts_with("Restore the revision mark"));
}

#[test]
fn an_empty_or_placeholder_reasons_line_is_a_finding() {
    let body = "DRAFT NEW RESOLUTION [B-1]\nresolves\nto continue,\n";
    for (reasons, expect) in [
        ("Reasons:", Some("empty")),
        ("Reasons:\tTBD", Some("placeholder")),
        ("Motifs:\t[...]", Some("empty")),
        ("Motifs: à compléter", Some("placeholder")),
        ("Motivos:\tpor completar", Some("placeholder")),
        ("Reasons:\tTo align the text with the Constitution.", None),
        ("Motifs:\nMettre à jour le texte.", None),
        ("Motivos:\tActualizar el texto.", None),
    ] {
        let text = format!("ADD\tB/7/1\n{body}{reasons}\n");
        let a = check(&text, "PP-22");
        let found = of_rule(&a, Rule::MissingReasons);
        match expect {
            Some(word) => {
                assert_eq!(found.len(), 1, "{reasons}");
                assert!(found[0].message.contains(word), "{}", found[0].message);
                assert!(found[0].fixes.is_empty());
                assert_eq!(found[0].span.start, text.find(reasons).unwrap());
            }
            None => assert!(found.is_empty(), "{reasons}: {found:#?}"),
        }
    }
    // The unsafe fix adds the line; the rule still asks for the reasons.
    for lang in ["en", "fr"] {
        let text = if lang == "fr" {
            "ADD\tB/7/1\nPROJET DE NOUVELLE RÉSOLUTION [B-1]\ndécide\nde continuer,\n".to_string()
        } else {
            format!("ADD\tB/7/1\n{body}")
        };
        let out = fix_until_stable(
            &text,
            Catalog::embedded(),
            &Options {
                target: Some("PP-22".into()),
                ..Options::default()
            },
            true,
        );
        let word = if lang == "fr" { "Motifs:" } else { "Reasons:" };
        assert!(out.text.contains(word), "{}", out.text);
        let left: Vec<_> = out
            .remaining
            .iter()
            .filter(|d| d.rule == Rule::MissingReasons)
            .collect();
        assert_eq!(left.len(), 1, "{lang}: {:#?}", out.remaining);
        assert!(left[0].message.contains("empty"));
    }
}
