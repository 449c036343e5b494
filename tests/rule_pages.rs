//! Every rule explains itself in every language: `docs/rules/CODE.md` in English,
//! `docs/rules/fr/CODE.md` and `docs/rules/es/CODE.md` translated, each with what the
//! rule checks, why it matters and its fix under its own language's headings. A rule
//! whose page is missing, or whose translation lacks a section, fails here.

use proplint::base::Rule;
use proplint::lang::messages::PageSection;
use proplint::lang::Lang;
use proplint::report::html::{doc_paragraph, doc_section};

#[test]
fn every_rule_page_has_its_sections_in_every_language() {
    for &lang in Lang::ALL {
        for &rule in Rule::ALL {
            let page = rule.doc_in(lang);
            assert!(
                page.starts_with(&format!("# {}\n", rule.code())),
                "{} {rule}: the page starts with its code",
                lang.code()
            );
            for section in PageSection::ALL {
                let heading = section.heading(lang);
                assert!(
                    doc_paragraph(page, &heading).is_some_and(|p| p.len() > 10),
                    "{} {rule}: no paragraph under \"## {heading}\"",
                    lang.code()
                );
                assert!(doc_section(page, &heading).is_some());
            }
        }
    }
}

/// A translated page is a translation: not the English page, and none of the English
/// headings left in it.
#[test]
fn translated_pages_are_not_english() {
    for &lang in &Lang::ALL[1..] {
        for &rule in Rule::ALL {
            let page = rule.doc_in(lang);
            assert_ne!(page, rule.doc(), "{} {rule}", lang.code());
            for section in PageSection::ALL {
                let english = format!("## {}\n", section.heading(Lang::En));
                assert!(
                    !page.contains(&english),
                    "{} {rule}: English heading {english:?}",
                    lang.code()
                );
            }
            for word in [
                "**Severity:**",
                "**Fix:**",
                "Why it matters",
                "What it checks",
            ] {
                assert!(!page.contains(word), "{} {rule}: {word:?}", lang.code());
            }
        }
    }
}

/// French pages set their punctuation as French does: a no-break space before the
/// colon, semicolon, question and exclamation marks, and inside « » (code aside).
#[test]
fn french_pages_keep_french_typography() {
    let code = regex::Regex::new(r"`[^`]*`").unwrap_or_else(|e| panic!("{e}"));
    for &rule in Rule::ALL {
        let mut fenced = false;
        for line in rule.doc_in(Lang::Fr).lines() {
            if line.starts_with("```") {
                fenced = !fenced;
                continue;
            }
            if fenced || line.starts_with('#') {
                continue;
            }
            let prose = code.replace_all(line, "");
            for bad in [" :", " ;", " ?", " !", "« ", " »"] {
                assert!(!prose.contains(bad), "fr {rule}: {bad:?} in {line:?}");
            }
        }
    }
}

#[test]
fn explain_prints_the_page_in_the_chosen_language() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_proplint"))
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let fr = run(&["explain", "stale-revision", "--lang", "fr"]);
    assert!(fr.contains("## Pourquoi c'est important"), "{fr}");
    assert!(!fr.contains("Why it matters"), "{fr}");
    let es = run(&["explain", "missing-reasons", "--lang", "es"]);
    assert!(es.contains("## Por qué es importante"), "{es}");
    let en = run(&["explain", "missing-reasons"]);
    assert!(en.contains("## Why it matters"), "{en}");
}
