//! The report formats other than human and JSON: SARIF 2.1.0 (validated against the
//! official schema, vendored in `tests/schemas/`), GitHub workflow annotations (exact
//! lines) and the self-contained HTML page (escaping, no external resources, long
//! documents, and — with `--include-ignored` — a real headless Chromium that loads it).
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use proplint::report::{html, FileResult};
use proplint::{analyze, Catalog, Options, Rule};

mod cli_support;
use cli_support::*;

/// A stale citation in French: accented letters inside the finding, so character and
/// byte columns differ at its end.
const STALE_FR: &str = "MOD\tECP/1/1\nRÉSOLUTION 45 (RÉV. DUBAÏ, 2014)\nLa Conférence mondiale de développement des télécommunications (Buenos Aires, 2017),\nrappelant\na)\tla Résolution 140 (Rév. Guadalajara, 2010) de la Conférence de plénipotentiaires;\nMotifs:\tMise à jour.\n";

fn example() -> String {
    std::fs::read_to_string(repo().join("examples/proposal-en.txt")).unwrap()
}

fn file_result(path: &str, text: &str) -> FileResult {
    let analysis = analyze(text, Catalog::embedded(), &Options::default());
    FileResult::new(path.to_string(), text.to_string(), analysis)
}

// ---------------------------------------------------------------------------------------
// SARIF

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("tests/schemas/sarif-schema-2.1.0.json"))
        .expect("the vendored SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_report_is_valid_against_the_official_schema() {
    let dir = work_dir(&[
        ("proposals/stale.txt", STALE_EN),
        ("proposals/propuesta año, v2.txt", STALE_FR),
        ("proposals/example.txt", &example()),
    ]);
    let o = proplint(&["check", "proposals", "--format", "sarif"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("SARIF is JSON");

    let validator = sarif_validator();
    let errors = schema_errors(&validator, &log);
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );

    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "proplint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Rule::ALL.len(), "every rule is described");
    for (rule, descriptor) in Rule::ALL.iter().zip(rules) {
        assert_eq!(descriptor["id"], rule.code());
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary());
        assert_eq!(descriptor["helpUri"], rule.doc_url());
        assert!(descriptor["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why it matters"));
    }

    // The same findings at the same places as the JSON contract, one artifact per file.
    let o = proplint(&["check", "proposals", "--format", "json"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let artifacts = run["artifacts"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let mut expected = Vec::new();
    for (i, file) in json["files"].as_array().unwrap().iter().enumerate() {
        assert_eq!(
            artifacts[i]["properties"]["target"]["id"],
            file["target"]["id"]
        );
        for d in file["diagnostics"].as_array().unwrap() {
            expected.push((i, d.clone()));
        }
    }
    assert_eq!(results.len(), expected.len());
    let mut fixes = 0;
    for (result, (i, d)) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], d["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], d["code"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["index"], *i);
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &location["region"];
        assert_eq!(region["startLine"], d["range"]["start"]["line"]);
        assert_eq!(region["startColumn"], d["range"]["start"]["column"]);
        assert_eq!(region["endLine"], d["range"]["end"]["line"]);
        assert_eq!(region["endColumn"], d["range"]["end"]["column"]);
        let level = match d["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
        let safe = d["fixes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["applicability"] == "safe")
            .count();
        let sarif_fixes = result["fixes"].as_array().map_or(0, Vec::len);
        assert_eq!(sarif_fixes, safe, "only safe fixes are in the SARIF log");
        fixes += sarif_fixes;
    }
    assert!(fixes >= 3, "the run has fixes to validate");

    // The French file: its name is percent-encoded, its columns count characters.
    let fr = artifacts
        .iter()
        .position(|a| a["location"]["uri"] == "proposals/propuesta%20a%C3%B1o%2C%20v2.txt")
        .expect("the French file's URI");
    let fr_result = results
        .iter()
        .find(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == fr)
        .unwrap();
    let region = &fr_result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 7);
    assert_eq!(
        region["endColumn"],
        7 + "Résolution 140 (Rév. Guadalajara, 2010)".chars().count()
    );
    let replacement = &fr_result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "Busan, 2014");
    assert!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap()
        .starts_with("file:///"));
    assert_eq!(run["properties"]["catalogAsOf"], "2026-02-03");
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let dir = work_dir(&[("stale.txt", STALE_EN)]);
    let o = proplint(&["check", "stale.txt", "--format", "sarif"], dir.path());
    let mut log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let validator = sarif_validator();
    assert!(schema_errors(&validator, &log).is_empty());
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    log["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    let errors = schema_errors(&validator, &log);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn sarif_reports_unreadable_files_as_notifications() {
    let dir = work_dir(&[("ok.txt", STALE_EN)]);
    std::fs::write(dir.path().join("bad.txt"), b"RESOLUTION 45\n\xff\xfe").unwrap();
    let o = proplint(
        &["check", "ok.txt", "bad.txt", "--format", "sarif"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(schema_errors(&sarif_validator(), &log).is_empty());
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(note["message"]["text"]
        .as_str()
        .unwrap()
        .contains("bad.txt"));
}

// ---------------------------------------------------------------------------------------
// GitHub annotations

#[test]
fn github_annotations_are_exact() {
    let dir = work_dir(&[("ecp,1:fr.txt", STALE_FR), ("gbr.txt", STALE_EN)]);
    let o = proplint(
        // English messages for both, the French document's too (its own language is
        // the default; tests/l10n_snapshots.rs covers it).
        &[
            "check",
            "./gbr.txt",
            "ecp,1:fr.txt",
            "--format",
            "github",
            "--lang",
            "en",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "::warning file=gbr.txt,line=5,col=4,endLine=5,endColumn=43,title=proplint (stale-revision)::\
         Resolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference is not the version \
         in force at WTDC-17: it was revised at Busan, 2014 (PP-14); cite \"Resolution 140 (Rev. Busan, 2014)\"\n\
         ::warning file=ecp%2C1%3Afr.txt,line=5,col=7,endLine=5,endColumn=46,title=proplint (stale-revision)::\
         Resolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference is not the version \
         in force at WTDC-17: it was revised at Busan, 2014 (PP-14); cite \"Résolution 140 (Rév. Busan, 2014)\"\n"
    );
}

#[test]
fn github_severities_and_a_clean_run() {
    let dir = work_dir(&[("example.txt", &example())]);
    let o = proplint(&["check", "example.txt", "--format", "github"], dir.path());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines
        .iter()
        .all(|l| l.starts_with("::error file=example.txt,")
            || l.starts_with("::warning file=example.txt,")
            || l.starts_with("::notice file=example.txt,")));
    // The Cyrillic с of "с)" is one character: the finding is columns 1 to 2.
    assert!(lines.contains(
        &"::error file=example.txt,line=10,col=1,endLine=10,endColumn=2,title=proplint (label-homoglyph)::\
          label c) is typed with the Cyrillic letter с (U+0441), a lookalike of the Latin letter c"
    ));

    let dir = work_dir(&[("clean.txt", "Minutes of the meeting.\n")]);
    let o = proplint(&["check", "clean.txt", "--format", "github"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

// ---------------------------------------------------------------------------------------
// HTML

/// The start tags of a page (`<name ...>`), attributes and all.
fn tags(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let end = rest.find('>').expect("a closed tag");
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// Nothing is loaded from anywhere, no script runs, and the only links that leave the
/// page are the rules' documentation.
fn assert_self_contained(page: &str) {
    let docs: Vec<String> = Rule::ALL
        .iter()
        .flat_map(|r| proplint::lang::Lang::ALL.iter().map(|l| r.doc_url_in(*l)))
        .collect();
    for tag in tags(page) {
        let name = tag.split_whitespace().next().unwrap().to_ascii_lowercase();
        assert!(
            !matches!(
                name.as_str(),
                "script"
                    | "img"
                    | "link"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "video"
                    | "audio"
                    | "source"
                    | "base"
                    | "form"
            ),
            "unexpected <{tag}>"
        );
        assert!(!tag.contains(" src="), "<{tag}> loads something");
        for (i, _) in tag.match_indices(" on") {
            let name: String = tag[i + 3..]
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            let after = tag[i + 3 + name.len()..].chars().next();
            assert!(
                name.is_empty() || after != Some('='),
                "<{tag}> has an event handler"
            );
        }
        if let Some(i) = tag.find(" href=\"") {
            let target = &tag[i + 7..];
            let target = &target[..target.find('"').unwrap()];
            assert!(
                target.starts_with('#') || docs.iter().any(|d| d == target),
                "unexpected link {target}"
            );
        }
    }
    assert!(!page.contains("@import") && !page.contains("url("));
}

#[test]
fn html_marks_every_finding_and_explains_it() {
    let text = example();
    let file = file_result("examples/proposal-en.txt", &text);
    assert!(file.analysis.diagnostics().len() >= 5);
    let page = html::render(std::slice::from_ref(&file), Catalog::embedded(), &[]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<div class=\"doc\" lang=\"en\">"));
    assert!(page.contains("WTDC-22 — World Telecommunication Development Conference, Kigali, 2022"));
    assert!(page.contains("stated in the document&#39;s conference line"));
    assert!(page.contains("2026-02-03"), "the catalogue date");
    assert!(page.contains("@media print"));
    for (i, d) in file.analysis.diagnostics().iter().enumerate() {
        let id = format!("doc-1-problem-{}", i + 1);
        assert!(page.contains(&format!("id=\"{id}\"")), "note {id}");
        assert!(
            page.contains(&format!("<a href=\"#{id}\">")),
            "a mark links to {id}"
        );
        let message = d
            .message
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(page.contains(&message), "message of {id}");
        assert!(page.contains(&format!("<mark class=\"{}", d.severity.as_str())));
        let why = html::doc_paragraph(d.rule.doc(), "Why it matters").unwrap();
        let plain = why.split(['`', '*']).next().unwrap();
        assert!(
            page.contains(&plain.replace('"', "&quot;")),
            "why {}",
            d.rule
        );
    }
    assert!(page.contains("<strong>Automatic fix</strong>"));
    assert!(page.contains("<strong>Suggested fix</strong>"));
    assert!(page.contains("<del>Busan, 2014</del> → <ins>Dubai, 2018</ins>"));
    // The summary table counts by rule and severity.
    assert!(page.contains(
        "<a href=\"#rule-stale-revision\">stale-revision</a></th><td>cites a revision superseded \
         before the target conference</td><td class=\"n\">0</td><td class=\"n\">2</td>"
    ));
    assert_self_contained(&page);
}

#[test]
fn html_escapes_document_text() {
    let text = format!(
        "{STALE_FR}<script>alert(\"x\")</script> & <b>bold</b> 'quoted'\n<img src=x onerror=alert(1)>\n"
    );
    let file = file_result("evil <name>.txt", &text);
    let page = html::render(
        &[file],
        Catalog::embedded(),
        &["bad.txt: <oops>".to_string()],
    );
    assert!(!page.contains("<script"));
    assert!(!page.contains("<img"));
    assert!(!page.contains("<b>bold"));
    assert!(page.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &#39;quoted&#39;"
    ));
    assert!(page.contains("evil &lt;name&gt;.txt"));
    assert!(page.contains("bad.txt: &lt;oops&gt;"));
    assert!(page.contains("<div class=\"doc\" lang=\"fr\">"));
    assert_self_contained(&page);
}

#[test]
fn html_of_a_long_document_stays_proportionate() {
    // About 1 MB: the example proposal over and over, each copy a chunk of its own.
    let one = example();
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(&one);
        text.push_str("*****************\n");
    }
    let file = file_result("long.txt", &text);
    let findings = file.analysis.diagnostics().len();
    assert!(findings > 1000);
    let started = Instant::now();
    let page = html::render(&[file], Catalog::embedded(), &[]);
    let took = started.elapsed();
    // Per line a few dozen bytes of markup; per finding a note of about a kilobyte.
    let budget = 3 * text.len() + 1500 * findings;
    assert!(
        page.len() < budget,
        "{} bytes of HTML for {} bytes of text and {findings} findings",
        page.len(),
        text.len()
    );
    assert!(took < Duration::from_secs(20), "rendering took {took:?}");
    eprintln!(
        "{} bytes of HTML for {} bytes of text and {findings} findings, in {took:?}",
        page.len(),
        text.len()
    );
}

#[test]
fn output_option_writes_any_format_to_a_file() {
    let dir = work_dir(&[("p.txt", STALE_FR)]);
    for (format, start) in [
        ("html", "<!DOCTYPE html>"),
        ("json", "{"),
        ("sarif", "{"),
        ("github", "::warning "),
        ("human", "p.txt: target WTDC-17"),
    ] {
        let name = format!("report.{format}");
        let o = proplint(
            &[
                "check", "p.txt", "--format", format, "-o", &name, "--lang", "en",
            ],
            dir.path(),
        );
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{format}: nothing on standard output");
        let written = std::fs::read_to_string(dir.path().join(&name)).unwrap();
        assert!(written.starts_with(start), "{format}: {written}");
        assert!(
            !written.contains('\u{1b}'),
            "{format}: no colour codes in a file"
        );
    }
    // Without -o, to standard output.
    let o = proplint(&["check", "p.txt", "--format", "html"], dir.path());
    assert!(stdout(&o).starts_with("<!DOCTYPE html>"));
}

#[test]
fn output_to_a_missing_folder_is_a_clear_error() {
    let dir = work_dir(&[("p.txt", STALE_FR)]);
    let o = proplint(
        &[
            "check",
            "p.txt",
            "--format",
            "html",
            "-o",
            "out/report.html",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("out/report.html: cannot write the report: the folder out does not exist"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("out").exists(), "no folder is created");
}

// ---------------------------------------------------------------------------------------
// A real browser

/// Runs a command, killing it after `limit`.
fn run_with_limit(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run {cmd:?}: {e}; install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM")
        });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().unwrap();
            panic!("{cmd:?} did not finish in {limit:?}: {}", stderr(&o));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn chromium(profile: &Path) -> Command {
    let program = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".to_string());
    let mut cmd = Command::new(program);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
#[ignore = "needs chromium; CI runs it with --include-ignored"]
fn chromium_loads_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let example = repo().join("examples/proposal-en.txt");
    let o = proplint(
        &[
            "check",
            "examples/proposal-en.txt",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
        &repo(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let findings = file_result(
        "examples/proposal-en.txt",
        &std::fs::read_to_string(&example).unwrap(),
    )
    .analysis
    .into_diagnostics();

    let profile = tempfile::tempdir().unwrap();
    let o = run_with_limit(
        chromium(profile.path())
            .arg("--dump-dom")
            .arg(file_url(&page)),
        Duration::from_secs(120),
    );
    assert!(o.status.success(), "chromium failed: {}", stderr(&o));
    let dom = stdout(&o);
    assert!(dom.contains("Proposal check report"), "{dom}");
    for (i, d) in findings.iter().enumerate() {
        let id = format!("id=\"doc-1-problem-{}\"", i + 1);
        assert!(dom.contains(&id), "finding {} is in the DOM", i + 1);
        assert!(dom.contains(d.rule.code()));
    }
    assert!(dom.matches("<mark class=").count() >= findings.len());
    assert!(dom.contains("<div class=\"doc\" lang=\"en\">"));

    let shot = dir.path().join("report.png");
    let o = run_with_limit(
        chromium(profile.path())
            .arg(format!("--screenshot={}", shot.display()))
            .arg("--window-size=1280,900")
            .arg("--hide-scrollbars")
            .arg(file_url(&page)),
        Duration::from_secs(120),
    );
    assert!(o.status.success(), "chromium failed: {}", stderr(&o));
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(
        png.len() > 20_000,
        "the screenshot shows a page, not a blank"
    );

    // `PROPLINT_UPDATE_SCREENSHOT=1` refreshes the picture of docs/for-delegations.md.
    if std::env::var_os("PROPLINT_UPDATE_SCREENSHOT").is_some() {
        let docs = repo().join("docs/images/report.png");
        let o = run_with_limit(
            chromium(profile.path())
                .arg(format!("--screenshot={}", docs.display()))
                .arg("--window-size=1280,2000")
                .arg("--hide-scrollbars")
                .arg(file_url(&page)),
            Duration::from_secs(120),
        );
        assert!(o.status.success(), "chromium failed: {}", stderr(&o));
    }
}
