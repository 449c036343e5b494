//! What one keystroke costs an editor's core at every place of a real document, not only
//! in its middle: the shared corpus as exported (repeated to 60 KB and 1 MB, no
//! separator lines), one character typed then removed at 200 places spread evenly, each
//! place timed over 40 keystrokes through an incremental `Session`. Prints the
//! distribution over the places, and the sizes of the chunks a keystroke parses again.
//! Run: `cargo bench --bench keystrokes`; figures go in docs/performance.md.

use std::time::Instant;

use proplint::analysis::{Options, Session, TextChange};
use proplint::document::chunk_spans;
use proplint::Catalog;

#[path = "support/corpus.rs"]
mod corpus;

const PLACES: usize = 200;
const KEYSTROKES: u32 = 40;

fn main() {
    let Some(all) = corpus::all() else {
        eprintln!("keystrokes: ../shared/corpus is missing, nothing to measure");
        std::process::exit(2);
    };
    let catalog = Catalog::embedded();
    let options = Options::default();
    for (name, size) in [
        ("corpus-exported-60KB", 60_000),
        ("corpus-exported-1MB", 1_000_000),
    ] {
        let mut text = corpus::exported(&all, size);
        let spans = chunk_spans(&text);
        let mut sizes: Vec<usize> = spans.iter().map(|s| s.len()).collect();
        sizes.sort_unstable();
        let mut session = Session::new();
        session.analyze(&text, catalog, &options);
        let mut micros: Vec<f64> = Vec::with_capacity(PLACES);
        for k in 0..PLACES {
            let at =
                proplint::text::floor_char_boundary(&text, text.len() * (2 * k + 1) / (2 * PLACES));
            let started = Instant::now();
            for i in 0..KEYSTROKES {
                let change = if i % 2 == 0 {
                    text.insert(at, 'x');
                    TextChange {
                        start: at,
                        old_end: at,
                        new_end: at + 1,
                    }
                } else {
                    text.remove(at);
                    TextChange {
                        start: at,
                        old_end: at + 1,
                        new_end: at,
                    }
                };
                std::hint::black_box(session.analyze_change(&text, change, catalog, &options));
            }
            micros.push(started.elapsed().as_secs_f64() * 1e6 / f64::from(KEYSTROKES));
        }
        micros.sort_by(f64::total_cmp);
        let at = |q: f64| micros[((micros.len() - 1) as f64 * q).round() as usize];
        let size_at = |q: f64| sizes[((sizes.len() - 1) as f64 * q).round() as usize];
        println!(
            "{name}: {} bytes, {} chunks (bytes: median {}, p90 {}, max {})",
            text.len(),
            spans.len(),
            size_at(0.5),
            size_at(0.9),
            size_at(1.0),
        );
        println!(
            "  per keystroke over {PLACES} places (µs): p50 {:.0}, p75 {:.0}, p90 {:.0}, p99 {:.0}, max {:.0}",
            at(0.5),
            at(0.75),
            at(0.9),
            at(0.99),
            at(1.0),
        );
    }
}
