//! Every fixture under `tests/fixtures/` against its `.expected` file: each required
//! finding must be reported (recall), and every reported finding must be expected,
//! required or optional (precision). Also the detected target and language.
//!
//! `.expected` format, one finding a line: `LINE:COLUMN CODE [PHRASE]` — 1-based,
//! column in Unicode characters, PHRASE a text the message must contain; a leading `?`
//! makes the finding optional. Header lines: `# target: ID`, `# target: --target ID`
//! (passed as the option), `# target: none`, `# language: xx`.

use std::path::{Path, PathBuf};

use proplint::analysis::{analyze, Options};
use proplint::report::FileResult;
use proplint::source::SourceFile;
use proplint::Catalog;

#[derive(Debug)]
struct Expected {
    line: usize,
    column: usize,
    code: String,
    phrase: String,
    optional: bool,
}

struct Spec {
    target: Option<String>,
    target_option: bool,
    language: Option<String>,
    findings: Vec<Expected>,
}

fn parse_spec(text: &str) -> Spec {
    let mut spec = Spec {
        target: None,
        target_option: false,
        language: None,
        findings: Vec::new(),
    };
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("# target:") {
            let rest = rest.trim();
            if let Some(id) = rest.strip_prefix("--target") {
                spec.target = Some(id.trim().to_string());
                spec.target_option = true;
            } else if rest != "none" {
                spec.target = Some(rest.to_string());
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("# language:") {
            spec.language = Some(rest.trim().to_string());
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (optional, line) = match line.strip_prefix('?') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let mut parts = line.splitn(3, ' ');
        let pos = parts.next().unwrap_or_default();
        let code = parts.next().unwrap_or_default().to_string();
        let phrase = parts.next().unwrap_or_default().trim().to_string();
        let (l, c) = pos.split_once(':').expect("LINE:COLUMN");
        spec.findings.push(Expected {
            line: l.parse().expect("line"),
            column: c.parse().expect("column"),
            code,
            phrase,
            optional,
        });
    }
    spec
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .filter(|p| p.with_extension("expected").exists())
        .collect();
    files.sort();
    files
}

#[test]
fn fixtures_report_exactly_what_they_expect() {
    let files = fixtures();
    assert!(files.len() >= 12, "fixtures missing: {}", files.len());
    let mut failures = Vec::new();
    let mut required = 0;
    let mut found_required = 0;
    let mut reported = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let spec = parse_spec(&std::fs::read_to_string(path.with_extension("expected")).unwrap());
        let source = SourceFile::read(path).unwrap();
        let options = Options {
            target: spec.target.clone().filter(|_| spec.target_option),
            ..Options::default()
        };
        let analysis = analyze(&source.text, Catalog::embedded(), &options);
        if !spec.target_option && analysis.target.id != spec.target {
            failures.push(format!(
                "{name}: target {:?}, expected {:?}",
                analysis.target.id, spec.target
            ));
        }
        if let Some(lang) = &spec.language {
            let got = analysis.language.code();
            if got != lang {
                failures.push(format!("{name}: language {got}, expected {lang}"));
            }
        }
        let result = FileResult::new(name.clone(), source.text.clone(), analysis);
        let got: Vec<(usize, usize, &str, &str)> = result
            .analysis
            .diagnostics()
            .iter()
            .map(|d| {
                let (l, c) = result.line_col(d.span.start);
                (l, c, d.rule.code(), d.message.as_str())
            })
            .collect();
        reported += got.len();
        for e in &spec.findings {
            let hit = got.iter().any(|(l, c, code, msg)| {
                *l == e.line && *c == e.column && *code == e.code && msg.contains(&e.phrase)
            });
            if !e.optional {
                required += 1;
                if hit {
                    found_required += 1;
                } else {
                    let near: Vec<String> = got
                        .iter()
                        .filter(|(l, _, _, _)| *l == e.line)
                        .map(|(l, c, code, msg)| format!("{l}:{c} {code} {msg}"))
                        .collect();
                    failures.push(format!(
                        "{name}: missing {}:{} {} {:?}; on that line: {near:?}",
                        e.line, e.column, e.code, e.phrase
                    ));
                }
            }
        }
        for (l, c, code, msg) in &got {
            let expected = spec
                .findings
                .iter()
                .any(|e| e.line == *l && e.column == *c && e.code == *code);
            if !expected {
                failures.push(format!("{name}: unexpected {l}:{c} {code} {msg}"));
            }
        }
    }
    eprintln!(
        "fixtures: {} files, {found_required}/{required} required findings, {reported} reported",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
