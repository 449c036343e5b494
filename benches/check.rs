//! Throughput of `check` (parse + every rule) in MB/s, on one core.
//!
//! Inputs: the shipped fixtures concatenated and repeated to about 1 MB (a "300-page
//! compilation of proposals"), and, when present, the shared French corpus. Run:
//! `cargo bench --bench check`; figures go in docs/performance.md.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use proplint::analysis::{analyze, Options, Session, TextChange};
use proplint::document::Document;
use proplint::Catalog;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/proposals.rs"]
mod proposals;

fn fixtures_text() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let t = std::fs::read_to_string(p).unwrap_or_default();
            t.trim_start_matches('\u{feff}').replace("\r\n", "\n")
        })
        .collect::<Vec<_>>()
        .join("\n*****************\n")
}

fn megabyte(seed: &str) -> String {
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(seed);
        s.push_str("\n*****************\n");
    }
    s
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let options = Options::default();
    let mut inputs = vec![
        ("fixtures-1MB", megabyte(&fixtures_text())),
        // The language server benchmark's document, with and without separator lines.
        ("proposals-1MB", proposals::generate(1_000_000, false, true)),
        (
            "proposals-no-separators-1MB",
            proposals::generate(1_000_000, false, false),
        ),
    ];
    if let Some(all) = corpus::all() {
        inputs.push(("corpus-1MB", megabyte(&all)));
        inputs.push(("corpus-exported-60KB", corpus::exported(&all, 60_000)));
        inputs.push(("corpus-exported-1MB", corpus::exported(&all, 1_000_000)));
    }
    let mut group = c.benchmark_group("check");
    group.sample_size(20);
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("analyze/{name}"), |b| {
            b.iter(|| analyze(text, catalog, &options))
        });
        group.bench_function(format!("parse/{name}"), |b| {
            b.iter(|| Document::parse(text, catalog))
        });
    }
    group.finish();

    // What an editor pays per keystroke: one character typed, then removed, in the
    // middle of the document, through an incremental session (the language server's
    // core). Each iteration is one analysis.
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(50);
    // Between two keystrokes an editor's server does other work (serialising, writing,
    // reading), and the next analysis starts with little of the session in the caches:
    // the `cold` runs evict them before each analysis (not timed).
    let mut evictor = vec![0u8; 32 << 20];
    for (name, text) in &inputs {
        for cold in [false, true] {
            let mut text = text.clone();
            let mut session = Session::new();
            session.analyze(&text, catalog, &options);
            let at = proplint::text::floor_char_boundary(&text, text.len() / 2);
            let mut typed = false;
            let options = &options;
            let mut keystroke = move || {
                let change = if typed {
                    text.remove(at);
                    TextChange {
                        start: at,
                        old_end: at + 1,
                        new_end: at,
                    }
                } else {
                    text.insert(at, 'x');
                    TextChange {
                        start: at,
                        old_end: at,
                        new_end: at + 1,
                    }
                };
                typed = !typed;
                session.analyze_change(&text, change, catalog, options)
            };
            let label = if cold { "session-cold" } else { "session" };
            group.bench_function(format!("{label}/{name}"), |b| {
                if cold {
                    b.iter_batched(
                        || evict(&mut evictor),
                        |()| keystroke(),
                        criterion::BatchSize::PerIteration,
                    )
                } else {
                    b.iter(&mut keystroke)
                }
            });
        }
    }
    group.finish();
}

/// Writes over a buffer larger than the caches, so what an analysis reads next comes
/// from memory.
fn evict(buffer: &mut [u8]) {
    for (i, byte) in buffer.iter_mut().enumerate().step_by(64) {
        *byte = byte.wrapping_add(i as u8);
    }
    std::hint::black_box(buffer);
}

criterion_group!(benches, bench);
criterion_main!(benches);
