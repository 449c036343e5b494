//! A real client: Neovim's built-in LSP client runs the server on a French proposal,
//! headless (`nvim --headless --clean -u tests/nvim/init.lua`). The diagnostics Neovim
//! holds must be those `proplint check` finds (at the same byte columns), and a quick
//! fix applied through Neovim must change the buffer as the core's fix says, after
//! which Neovim's diagnostics must follow the edit.
//!
//! Ignored by a plain `cargo test` (it needs Neovim); CI installs Debian's neovim and runs
//! it with `--include-ignored`, where a missing `nvim` fails it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use proplint::text::{Encoding, LineIndex};
use serde_json::{json, Value};

const FIXTURE: &str = "proposal-fr.txt";

fn nvim_available() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The diagnostics of `text` as Neovim holds them: 0-based lines, byte columns.
fn as_neovim_holds(text: &str) -> Vec<Value> {
    let analysis = proplint::analyze(text, proplint::Catalog::embedded(), &Default::default());
    let index = LineIndex::new(text);
    let mut out: Vec<Value> = analysis
        .diagnostics()
        .iter()
        .map(|d| {
            let start = index.position(text, d.span.start, Encoding::Utf8);
            let end = index.position(text, d.span.end, Encoding::Utf8);
            json!({
                "lnum": start.line, "col": start.col,
                "end_lnum": end.line, "end_col": end.col,
                "severity": match d.severity {
                    proplint::Severity::Error => 1,
                    proplint::Severity::Warning => 2,
                    proplint::Severity::Info => 3,
                },
                "message": d.message,
                "source": "proplint",
                "code": d.rule.code(),
            })
        })
        .collect();
    out.sort_by_key(|d| {
        (
            d["lnum"].as_u64(),
            d["col"].as_u64(),
            d["code"].as_str().map(str::to_string),
        )
    });
    out
}

#[test]
#[ignore = "needs Neovim; CI installs it and runs this with --include-ignored"]
fn neovim_shows_the_diagnostics_and_applies_a_quick_fix() {
    assert!(
        nvim_available(),
        "`nvim` is not installed (apt-get install -y neovim): this test must not pass without it"
    );
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim");
    let dir = tempfile::tempdir().unwrap();
    let fixture = dir.path().join(FIXTURE);
    std::fs::copy(assets.join(FIXTURE), &fixture).unwrap();
    let text = std::fs::read_to_string(&fixture).unwrap();
    let out = dir.path().join("result.json");

    let expected = as_neovim_holds(&text);
    assert!(
        expected.iter().any(|d| d["code"] == "stale-revision"),
        "the fixture must have a stale citation: {expected:#?}"
    );

    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-u"])
        .arg(assets.join("init.lua"))
        // Should the script die before it quits, quit rather than wait for a key.
        .args(["-c", "qall!"])
        .env("PROPLINT_LSP", env!("CARGO_BIN_EXE_proplint"))
        .env("PROPLINT_LSP_ARG", "lsp")
        .env("PROPLINT_FIXTURE", &fixture)
        .env("PROPLINT_EXPECT", expected.len().to_string())
        .env("PROPLINT_OUT", &out)
        // Neovim's own state (LSP log, shada) stays in the temporary folder.
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nvim did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    assert!(status.success(), "nvim failed: {status}\n{stderr}");
    let result: Value = serde_json::from_str(
        &std::fs::read_to_string(&out)
            .unwrap_or_else(|e| panic!("no result from nvim ({e}); stderr:\n{stderr}")),
    )
    .unwrap();
    assert!(result.get("error").is_none(), "{result:#}");

    // What Neovim holds is what `proplint check` finds.
    assert_eq!(result["diagnostics"], json!(expected), "{result:#}");
    assert_eq!(result["offset_encoding"], "utf-16");

    // The quick fix of the first stale citation, applied through Neovim.
    let analysis = proplint::analyze(&text, proplint::Catalog::embedded(), &Default::default());
    let stale = analysis
        .diagnostics()
        .iter()
        .find(|d| d.rule == proplint::Rule::StaleRevision)
        .unwrap();
    let fix = stale
        .fixes
        .iter()
        .find(|f| f.applicability == proplint::Applicability::Safe)
        .unwrap();
    assert_eq!(result["action_title"], fix.title.as_str());
    let fixed = proplint::fix::apply_edits(&text, &fix.edits);
    assert!(fixed.contains("Résolution 140 (Rév. Busan, 2014)"));
    let lines: Vec<&str> = fixed
        .strip_suffix('\n')
        .unwrap_or(&fixed)
        .split('\n')
        .collect();
    assert_eq!(result["lines"], json!(lines));

    // Neovim sent the edit incrementally; its diagnostics follow.
    assert_eq!(
        result["diagnostics_after"],
        json!(as_neovim_holds(&fixed)),
        "{result:#}"
    );
    assert_eq!(
        result["stopped"], true,
        "the server stopped with the client"
    );
}
