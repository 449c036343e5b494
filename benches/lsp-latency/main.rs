//! Latency of a stdio language server on a large proposal document.
//!
//! Drives ANY language server given by its command line: opens a generated ~1 MB
//! proposal document (realistic units with citations, clauses and reasons, some
//! citations stale), sends single-character edits (insertions and deletions) at seeded
//! random positions one at a time, and measures from each `didChange` to the
//! `publishDiagnostics` for that version (p50, p90, p99, max), the time to the first
//! diagnostics after `didOpen`, the server's memory before `didOpen` (VmRSS), and its
//! peak memory (VmHWM from
//! /proc/PID/status). proplint's debounce is turned off (`debounceMs: 0` in the
//! settings the harness answers with).
//!
//! Run (see docs/performance.md):
//!
//! ```text
//! cargo build --release
//! cargo bench --bench lsp-latency -- -- "$PWD/target/release/proplint" lsp
//! cargo bench --bench lsp-latency -- --edits 300 --size 1000000 --seed 7 -- marksman server
//! ```
//!
//! Options (before `--`): `--edits N` (300), `--size BYTES` (1000000), `--seed N` (7),
//! `--doc FILE` (use a file instead of the generated document), `--language-id ID`
//! (plaintext), `--utf8` (offer UTF-8 positions), `--pull` (announce pull support, as
//! VS Code does, and measure `textDocument/diagnostic` requests instead of pushed
//! diagnostics), `--timeout-ms N` (5000, per edit), `--json` (print the figures as JSON),
//! `--dump FILE` (write the generated document and stop), `--clean` (generate every
//! citation current: few diagnostics, to separate the cost per document from the cost
//! per diagnostic), `--no-separators` (units not separated by lines of asterisks).
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use proplint::text::{Encoding, LineCol, LineIndex};

#[path = "../support/proposals.rs"]
mod proposals;
use proposals::generate;
use serde_json::{json, Value};

struct Args {
    edits: usize,
    size: usize,
    seed: u64,
    doc: Option<String>,
    language_id: String,
    utf8: bool,
    pull: bool,
    timeout: Duration,
    json: bool,
    dump: Option<String>,
    clean: bool,
    no_separators: bool,
    command: Vec<String>,
}

fn parse_args() -> Option<Args> {
    let mut args = Args {
        edits: 300,
        size: 1_000_000,
        seed: 7,
        doc: None,
        language_id: "plaintext".to_string(),
        utf8: false,
        pull: false,
        timeout: Duration::from_millis(5000),
        json: false,
        dump: None,
        clean: false,
        no_separators: false,
        command: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            // `cargo bench` passes this to every bench binary.
            "--bench" => {}
            "--edits" => args.edits = it.next()?.parse().ok()?,
            "--size" => args.size = it.next()?.parse().ok()?,
            "--seed" => args.seed = it.next()?.parse().ok()?,
            "--doc" => args.doc = Some(it.next()?),
            "--language-id" => args.language_id = it.next()?,
            "--utf8" => args.utf8 = true,
            "--pull" => args.pull = true,
            "--timeout-ms" => args.timeout = Duration::from_millis(it.next()?.parse().ok()?),
            "--json" => args.json = true,
            "--dump" => args.dump = Some(it.next()?),
            "--clean" => args.clean = true,
            "--no-separators" => args.no_separators = true,
            "--" => {
                args.command = it.by_ref().collect();
            }
            other if args.command.is_empty() && !other.starts_with('-') => {
                args.command = std::iter::once(other.to_string())
                    .chain(it.by_ref())
                    .collect();
            }
            _ => return None,
        }
    }
    Some(args)
}

#[path = "../support/rng.rs"]
mod rng;
use rng::Rng;

/// Messages from the server, timestamped on arrival.
struct Incoming {
    at: Instant,
    message: Value,
}

fn write_message(stdin: &Mutex<ChildStdin>, value: &Value) {
    let body = serde_json::to_vec(value).expect("json");
    let mut w = stdin.lock().expect("stdin lock");
    let _ = write!(w, "Content-Length: {}\r\n\r\n", body.len());
    let _ = w.write_all(&body);
    let _ = w.flush();
}

/// Reads the server's messages; answers its requests (settings: debounce off).
fn reader(stdout: impl Read, stdin: Arc<Mutex<ChildStdin>>, tx: mpsc::Sender<Incoming>) {
    let mut reader = BufReader::with_capacity(1 << 20, stdout);
    // One buffer for every body, as a client would keep: a fresh zeroed one per message
    // would add the harness's own page faults to each measurement.
    let mut body = Vec::new();
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse::<usize>().ok();
            }
        }
        let Some(length) = length else { return };
        body.resize(length, 0);
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let at = Instant::now();
        let Ok(message) = serde_json::from_slice::<Value>(&body) else {
            continue;
        };
        if let (Some(id), Some(method)) = (message.get("id"), message.get("method")) {
            let result = if method == "workspace/configuration" {
                let n = message["params"]["items"].as_array().map_or(1, Vec::len);
                Value::Array(vec![json!({"debounceMs": 0}); n])
            } else {
                Value::Null
            };
            write_message(
                &stdin,
                &json!({"jsonrpc": "2.0", "id": id, "result": result}),
            );
            continue;
        }
        if tx.send(Incoming { at, message }).is_err() {
            return;
        }
    }
}

struct Session {
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Incoming>,
    next_id: i64,
    timeout: Duration,
}

impl Session {
    fn request(&mut self, method: &str, params: Value) -> (Value, Instant) {
        let id = self.next_id;
        self.next_id += 1;
        let sent = Instant::now();
        write_message(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        );
        let got = self
            .wait(|m| m.get("id") == Some(&json!(id)), Duration::from_secs(60))
            .unwrap_or_else(|| panic!("no response to {method}"));
        let _ = sent;
        (got.message, got.at)
    }

    fn notify(&self, method: &str, params: Value) -> Instant {
        let at = Instant::now();
        write_message(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "method": method, "params": params}),
        );
        at
    }

    fn wait(&self, pred: impl Fn(&Value) -> bool, timeout: Duration) -> Option<Incoming> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(msg) if pred(&msg.message) => return Some(msg),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None
                }
            }
        }
    }
}

fn vm_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn lsp_position(text: &str, index: &LineIndex, offset: usize, encoding: Encoding) -> Value {
    let LineCol { line, col } = index.position(text, offset, encoding);
    json!({"line": line, "character": col})
}

fn main() {
    let Some(mut args) = parse_args() else {
        eprintln!("usage: lsp-latency [--edits N] [--size BYTES] [--seed N] [--doc FILE] [--language-id ID] [--utf8] [--pull] [--timeout-ms N] [--json] -- SERVER [ARGS...]");
        std::process::exit(2);
    };
    if let Some(path) = &args.dump {
        std::fs::write(path, generate(args.size, args.clean, !args.no_separators))
            .expect("write --dump");
        return;
    }
    // `cargo bench` appends `--bench` after everything: it is not the server's.
    if args.command.last().is_some_and(|a| a == "--bench") {
        args.command.pop();
    }
    if args.command.is_empty() {
        // `cargo bench` with no arguments runs every bench: say how to run this one.
        eprintln!("lsp-latency: no server command given; skipped. Usage: cargo bench --bench lsp-latency -- -- \"$PWD/target/release/proplint\" lsp");
        return;
    }
    let mut text = match &args.doc {
        Some(path) => std::fs::read_to_string(path).expect("read --doc"),
        None => generate(args.size, args.clean, !args.no_separators),
    };
    let encoding = if args.utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };

    let mut child = Command::new(&args.command[0])
        .args(&args.command[1..])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", args.command));
    let pid = child.id();
    let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    {
        let stdin = stdin.clone();
        std::thread::spawn(move || reader(stdout, stdin, tx));
    }
    let mut s = Session {
        stdin,
        rx,
        next_id: 1,
        timeout: args.timeout,
    };

    let dir = std::env::temp_dir().join("proplint-lsp-latency");
    let _ = std::fs::create_dir_all(&dir);
    let root = format!("file://{}", dir.display());
    let uri = format!("{root}/large-proposal.txt");
    let encodings = if args.utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    // A client that pulls says so, as VS Code does: a server may then stop pushing.
    let text_document = if args.pull {
        json!({"diagnostic": {"dynamicRegistration": false}})
    } else {
        json!({"publishDiagnostics": {"versionSupport": true}})
    };
    let (init, _) = s.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root,
            "initializationOptions": {"proplint": {"debounceMs": 0}},
            "capabilities": {
                "general": {"positionEncodings": encodings},
                "workspace": {"configuration": true},
                "textDocument": text_document
            }
        }),
    );
    let server_name = init["result"]["serverInfo"]["name"]
        .as_str()
        .unwrap_or("?")
        .to_string();
    s.notify("initialized", json!({}));
    std::thread::sleep(Duration::from_millis(200));

    let is_publish = |uri: &str| {
        let uri = uri.to_string();
        move |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        }
    };

    // First diagnostics.
    // What the server holds before it has a document: the rest is the document's cost.
    std::thread::sleep(Duration::from_millis(200));
    let idle = vm_kib(pid, "VmRSS:");
    let opened = s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": args.language_id, "version": 1, "text": text}}),
    );
    let (first, first_count) = if args.pull {
        let (resp, at) = s.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        );
        (
            at - opened,
            resp["result"]["items"].as_array().map_or(0, Vec::len),
        )
    } else {
        match s.wait(is_publish(&uri), Duration::from_secs(120)) {
            Some(m) => (
                m.at - opened,
                m.message["params"]["diagnostics"]
                    .as_array()
                    .map_or(0, Vec::len),
            ),
            None => panic!("no diagnostics after didOpen within 120 s"),
        }
    };

    // Single-character edits at seeded random positions, one at a time.
    let mut rng = Rng(args.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut latencies = Vec::with_capacity(args.edits);
    let mut timeouts = 0;
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for i in 0..args.edits {
        let version = i as i64 + 2;
        let index = LineIndex::new(&text);
        let mut at = proplint::text::floor_char_boundary(&text, rng.below(text.len()));
        if at > 0 && text.as_bytes()[at - 1] == b'\r' {
            at -= 1;
        }
        let (start, end, new_text) = if rng.below(2) == 0 || at >= text.len() {
            let ch = ["a", "é", " ", "1", "x"][rng.below(5)];
            (at, at, ch)
        } else {
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            (at, at + len, "")
        };
        let range = json!({
            "start": lsp_position(&text, &index, start, encoding),
            "end": lsp_position(&text, &index, end, encoding),
        });
        let change = json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": new_text}]});
        text.replace_range(start..end, new_text);
        let sent = s.notify("textDocument/didChange", change);
        let got = if args.pull {
            let (resp, at) = s.request(
                "textDocument/diagnostic",
                json!({"textDocument": {"uri": uri}}),
            );
            Some((at, resp["result"]["items"].as_array().map_or(0, Vec::len)))
        } else {
            let v = version;
            let uri = uri.clone();
            s.wait(
                move |m| {
                    m["method"] == "textDocument/publishDiagnostics"
                        && m["params"]["uri"] == uri.as_str()
                        && (m["params"]["version"] == v || m["params"]["version"].is_null())
                },
                s.timeout,
            )
            .map(|m| {
                (
                    m.at,
                    m.message["params"]["diagnostics"]
                        .as_array()
                        .map_or(0, Vec::len),
                )
            })
        };
        match got {
            Some((at, count)) => {
                latencies.push((at - sent).as_secs_f64() * 1000.0);
                *counts.entry(count).or_default() += 1;
            }
            None => timeouts += 1,
        }
    }
    let hwm = vm_kib(pid, "VmHWM:");
    let rss = vm_kib(pid, "VmRSS:");
    let (anon, file) = (vm_kib(pid, "RssAnon:"), vm_kib(pid, "RssFile:"));

    let _ = s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();

    latencies.sort_by(f64::total_cmp);
    let size = text.len();
    let report = json!({
        "server": args.command.join(" "),
        "server_name": server_name,
        "document_bytes": size,
        "edits": args.edits,
        "mode": if args.pull { "pull" } else { "push" },
        "first_diagnostics_ms": first.as_secs_f64() * 1000.0,
        "first_diagnostics_count": first_count,
        "p50_ms": percentile(&latencies, 50.0),
        "p90_ms": percentile(&latencies, 90.0),
        "p99_ms": percentile(&latencies, 99.0),
        "max_ms": latencies.last().copied().unwrap_or(f64::NAN),
        "timeouts": timeouts,
        "vm_hwm_kib": hwm,
        "vm_rss_kib": rss,
        "idle_rss_kib": idle,
        "rss_anon_kib": anon,
        "rss_file_kib": file,
        "hwm_over_idle_per_document": hwm.zip(idle).map(|(h, i)| (h.saturating_sub(i) * 1024) as f64 / size as f64),
        "hwm_over_document": hwm.map(|h| (h * 1024) as f64 / size as f64),
    });
    if args.json {
        println!("{report}");
        return;
    }
    println!(
        "server:            {} ({server_name})",
        args.command.join(" ")
    );
    println!(
        "document:          {size} bytes, {} diagnostics at open",
        first_count
    );
    println!("first diagnostics: {:.1} ms", first.as_secs_f64() * 1000.0);
    println!(
        "didChange -> {}: {} edits, p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms, {timeouts} timed out",
        if args.pull { "diagnostic response" } else { "publishDiagnostics" },
        args.edits,
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(f64::NAN),
    );
    if let Some(h) = hwm {
        println!(
            "peak memory:       VmHWM {:.1} MiB ({:.1}x the document), VmRSS at end {:.1} MiB",
            h as f64 / 1024.0,
            (h * 1024) as f64 / size as f64,
            rss.unwrap_or(0) as f64 / 1024.0
        );
    }
    if let (Some(h), Some(i)) = (hwm, idle) {
        println!(
            "document's cost:   VmHWM - VmRSS before didOpen ({:.1} MiB) = {:.1} MiB ({:.1}x the document); at end RssAnon {:.1} MiB, RssFile {:.1} MiB",
            i as f64 / 1024.0,
            h.saturating_sub(i) as f64 / 1024.0,
            (h.saturating_sub(i) * 1024) as f64 / size as f64,
            anon.unwrap_or(0) as f64 / 1024.0,
            file.unwrap_or(0) as f64 / 1024.0,
        );
    }
}
