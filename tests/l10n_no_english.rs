//! French and Spanish proposals read in French and Spanish: their findings through the
//! report for people, JSON, SARIF and the HTML report carry no English sentence. The
//! document's own text (code lines, quoted citations, struck and inserted words) is
//! left out of the check: only what proplint writes is read.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use std::path::Path;
use std::process::Command;

/// Words and pieces of English sentences proplint writes, none of them French or
/// Spanish ("problema" and "paragraphe" are, so neither "problem" nor "paragraph" is
/// here; "error" is Spanish, so `error[` is checked in French only).
const ENGLISH: &[&str] = &[
    "Resolution ",
    "Resolutions ",
    "revised",
    "Rev. Dubai",
    "Why it matters",
    "What it checks",
    "What to do",
    "warning[",
    "note[",
    "Fix",
    "fix:",
    "fix (",
    "not found",
    "Found ",
    "problems",
    "problem(s)",
    "does not exist",
    "not the version",
    "in force",
    "target",
    "Cite ",
    "Relabel",
    "Replace ",
    "Restore",
    "cannot",
    "Conference",
    "Plenipotentiary",
    "Assembly",
    "Development",
    "Standardization",
    "Language",
    "Summary",
    "Line ",
    "column ",
    "Word file",
    "paragraph number",
    "skipped",
    "expected",
    "outcome",
    "Suggested",
    "Automatic",
    "The rules",
    " the ",
    " and ",
    " of ",
    " is ",
    " was ",
    " has ",
    " with ",
    "embedded",
    "unknown:",
    "partial",
    "abrogated",
    "attested",
    "teach it",
    "from:",
];

fn proplint(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run proplint");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// proplint run with no locale but `env`'s.
fn proplint_in(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_proplint"));
    cmd.args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// The French and Spanish documents: two written to make every rule speak, and the
/// shipped fixtures.
fn documents(prefix: &str) -> Vec<String> {
    let mut out = vec![format!("tests/l10n/{prefix}.txt")];
    for dir in ["tests/l10n/held", "tests/fixtures"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut names: Vec<String> = std::fs::read_dir(&root)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(&format!("{prefix}_")) && !n.ends_with(".expected"))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    out
}

/// `text` without what it quotes: «…», "…", “…”, `…`, and command options.
fn without_quotes(text: &str) -> String {
    let quoted = regex::Regex::new(r#"«[^»]*»|"[^"\n]*"|“[^”]*”|`[^`\n]*`|--[a-z-]+"#).unwrap();
    quoted.replace_all(text, " ").into_owned()
}

fn english_in(text: &str, lang: &str) -> Vec<&'static str> {
    let text = without_quotes(text);
    ENGLISH
        .iter()
        .copied()
        .chain((lang == "fr").then_some("error["))
        .filter(|w| text.contains(w))
        .collect()
}

fn assert_no_english(what: &str, text: &str, lang: &str) {
    for line in text.lines() {
        let found = english_in(line, lang);
        assert!(found.is_empty(), "{what}: English {found:?} in:\n{line}");
    }
}

/// The report for people without the lines codespan quotes from the document.
fn human_words(report: &str) -> String {
    report
        .lines()
        .filter(|l| !l.contains('│') && !l.contains("┌─"))
        .map(|l| l.split_once(".txt").map_or(l, |(_, rest)| rest))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The HTML page's words: its text and tooltips, without its style, its script and the
/// document's own lines and words.
fn html_words(page: &str) -> String {
    let title = regex::Regex::new(r#"title="([^"]*)""#).unwrap();
    let mut words: Vec<String> = title
        .captures_iter(page)
        .map(|c| c[1].to_string())
        .collect();
    let document = regex::Regex::new(
        r#"(?s)<style>.*?</style>|<script>.*?</script>|<span class="t">.*?</span></div>|<span class="change"[^>]*>.*?</span>(<br>|</p>)|<code>.*?</code>|<del>.*?</del>|<ins>.*?</ins>|<title>.*?</title>|<h2 id="doc-[^>]*>.*?</h2>"#,
    )
    .unwrap();
    let page = document.replace_all(page, "\n");
    let tag = regex::Regex::new(r"<[^>]*>").unwrap();
    words.push(tag.replace_all(&page, " ").into_owned());
    words
        .join("\n")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn french_and_spanish_reports_carry_no_english() {
    let mut fired = std::collections::BTreeSet::new();
    for lang in ["fr", "es"] {
        for doc in documents(lang) {
            let human = proplint(&["check", "--no-config", "--no-color", &doc]);
            assert_no_english(&format!("{doc} (human)"), &human_words(&human), lang);

            let json: serde_json::Value = serde_json::from_str(&proplint(&[
                "check",
                "--no-config",
                "--format",
                "json",
                &doc,
            ]))
            .unwrap();
            assert_eq!(json["language"], lang, "{doc}");
            for file in json["files"].as_array().unwrap() {
                assert_eq!(file["message_language"], lang, "{doc}");
                for d in file["diagnostics"].as_array().unwrap() {
                    fired.insert(d["code"].as_str().unwrap().to_string());
                    let message = d["message"].as_str().unwrap();
                    assert_no_english(&format!("{doc} (JSON)"), message, lang);
                    for fix in d["fixes"].as_array().unwrap() {
                        let title = fix["title"].as_str().unwrap();
                        assert_no_english(&format!("{doc} (JSON fix)"), title, lang);
                    }
                }
            }

            let sarif: serde_json::Value = serde_json::from_str(&proplint(&[
                "check",
                "--no-config",
                "--format",
                "sarif",
                &doc,
            ]))
            .unwrap();
            let run = &sarif["runs"][0];
            assert_eq!(run["language"], lang, "{doc}");
            for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
                for field in ["shortDescription", "fullDescription"] {
                    let text = rule[field]["text"].as_str().unwrap();
                    assert_no_english(&format!("{doc} (SARIF {field})"), text, lang);
                }
            }

            let page = proplint(&["check", "--no-config", "--format", "html", &doc]);
            assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{doc}");
            assert_no_english(&format!("{doc} (HTML)"), &html_words(&page), lang);
        }
    }
    // Every rule spoke, so every rule's sentences were read.
    assert_eq!(fired.len(), proplint::base::Rule::ALL.len(), "{fired:?}");
}

/// The check reads what it should: the English report of the same French document
/// fails it, in each output.
#[test]
fn the_check_finds_english_where_there_is_some() {
    let doc = "tests/l10n/held/fr_regles.txt";
    let human = proplint(&["check", "--no-config", "--no-color", doc, "--lang", "en"]);
    assert!(!english_in(&human_words(&human), "fr").is_empty());
    let page = proplint(&[
        "check",
        "--no-config",
        "--format",
        "html",
        doc,
        "--lang",
        "en",
    ]);
    let found = english_in(&html_words(&page), "fr");
    assert!(found.contains(&"Why it matters"), "{found:?}");
    let json = proplint(&[
        "check",
        "--no-config",
        "--format",
        "json",
        doc,
        "--lang",
        "en",
    ]);
    assert!(json.contains("\"language\": \"en\""));
    // Quoted document text is not proplint's sentence.
    assert!(english_in("citer « Resolution 37 of the Conference »", "fr").is_empty());
}

/// What the command line says about its own run — a configuration or catalogue file
/// that is wrong, a file that is not there, an unknown target — is in the chosen
/// language too, and a run with no `--lang` follows the user's locale.
#[test]
fn the_command_lines_own_errors_are_localised() {
    let dir = std::env::temp_dir().join(format!("proplint-l10n-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("proplint.toml");
    std::fs::write(&config, "[rules]\nstale-revision = \"fort\"\n").unwrap();
    let catalogue = dir.join("broken.json");
    std::fs::write(&catalogue, "{\"as_of\": ").unwrap();
    let not_text = dir.join("latin1.txt");
    std::fs::write(&not_text, b"R\xc9SOLUTION 45\n").unwrap();
    let not_text = not_text.to_str().unwrap();
    let config = config.to_str().unwrap();
    let catalogue = catalogue.to_str().unwrap();
    let doc = "tests/l10n/fr.txt";
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let out = proplint_in(args, env);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    /// Arguments, environment, the language expected and words it must say.
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec!["check", "--config", config, "--lang", "fr", doc],
            vec![],
            "fr",
            "niveau inconnu `fort`",
        ),
        (
            vec!["check", "--config", config, doc],
            vec![("LANG", "es_ES.UTF-8")],
            "es",
            "nivel desconocido `fort`",
        ),
        (
            vec![
                "check",
                "--no-config",
                "--catalog",
                catalogue,
                "--lang",
                "fr",
                doc,
            ],
            vec![],
            "fr",
            "ce n'est pas un fichier de catalogue valide",
        ),
        (
            vec!["check", "--no-config", "--lang", "es", "nothere.txt"],
            vec![],
            "es",
            "nothere.txt: no existe el archivo o la carpeta",
        ),
        (
            vec!["check", "--no-config", "nothere.txt"],
            vec![("LC_ALL", "fr_CH.UTF-8"), ("LANG", "en_US.UTF-8")],
            "fr",
            "nothere.txt\u{a0}: fichier ou dossier introuvable",
        ),
        (
            vec![
                "check",
                "--no-config",
                "--lang",
                "fr",
                "--target",
                "XX-1",
                doc,
            ],
            vec![],
            "fr",
            "conférence visée inconnue `XX-1`",
        ),
    ];
    let mut cases = cases;
    cases.push((
        vec!["check", "--no-config", "--lang", "es", not_text],
        vec![],
        "es",
        "no es UTF-8 válido (byte 1, línea 1)",
    ));
    for (args, env, lang, expected) in cases {
        let stderr = run(&args, &env);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        // The parser's own words, after "selon le lecteur JSON", are quoted detail.
        let ours = stderr.split("selon le lecteur").next().unwrap_or_default();
        assert_no_english(&format!("{args:?}"), ours, lang);
    }
    // Without --lang, a locale, or a configuration, English.
    let stderr = run(
        &["check", "--no-config", "nothere.txt"],
        &[("LANG", "C.UTF-8")],
    );
    assert!(
        stderr.contains("error: nothere.txt: no such file or folder"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `catalog status` and `catalog show`, which French and Spanish findings tell the reader
/// to run, answer in the reader's language: with `--lang`, or from the locale. The
/// catalogue's own data is left out of the check: a resolution's English title, its
/// sources' addresses.
#[test]
fn catalog_status_and_show_speak_the_readers_language() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let out = proplint_in(args, env);
        let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
        (out.status.code(), text)
    };
    let data = |line: &&str| !line.starts_with("  en: ") && !line.contains("http");
    for (lang, locale, header, abrogated) in [
        ("fr", "fr_FR.UTF-8", "Ce que proplint sait", "abrogée"),
        ("es", "es_ES.UTF-8", "Lo que proplint sabe", "derogada"),
    ] {
        let by_option: &[&str] = &["--no-config", "--lang", lang];
        let by_locale: &[(&str, &str)] = &[("LANG", locale)];
        /// Arguments, and the environment added.
        type Case<'a> = (Vec<&'a str>, &'a [(&'a str, &'a str)]);
        let cases: Vec<Case> = vec![
            ([&["catalog", "status"][..], by_option].concat(), &[]),
            (vec!["catalog", "status", "--no-config"], by_locale),
            (
                [&["catalog", "show", "PP", "140"][..], by_option].concat(),
                &[],
            ),
            (
                [&["catalog", "show", "PP", "13"][..], by_option].concat(),
                &[],
            ),
            (
                vec!["catalog", "show", "XYZ", "1", "--no-config"],
                by_locale,
            ),
            (
                [&["catalog", "show", "PP", "9999"][..], by_option].concat(),
                &[],
            ),
        ];
        let mut said = String::new();
        for (args, env) in cases {
            let (_, text) = run(&args, env);
            let words: Vec<&str> = text.lines().filter(data).collect();
            assert_no_english(&format!("{args:?}"), &words.join("\n"), lang);
            said.push_str(&text);
        }
        // Not vacuous: each command spoke, in the language asked for.
        assert!(said.contains(header), "{said}");
        assert!(said.contains(abrogated), "{said}");
        assert!(said.contains("PP-18"), "{said}");
    }
    // English stays the default.
    let (code, text) = run(&["catalog", "status", "--no-config"], &[]);
    assert_eq!(code, Some(0));
    assert!(text.starts_with("What proplint knows"), "{text}");
}
