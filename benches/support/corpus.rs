//! The shared French corpus (`../shared/corpus`, not shipped) as the benchmarks read it:
//! its documents concatenated, and repeated to a size "as exported" — with nothing
//! between the copies, as Word and PDF exports have no separator lines.

use std::path::Path;

/// The corpus documents (`0*.txt`) joined by a line break, or `None` without the corpus.
pub fn all() -> Option<String> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut texts: Vec<_> = std::fs::read_dir(corpus)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('0'))
        })
        .collect();
    texts.sort();
    let all: Vec<String> = texts
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    (!all.is_empty()).then(|| all.join("\n"))
}

/// `text` repeated to `size` bytes and cut at a line's end, with nothing between the
/// copies.
pub fn exported(text: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + text.len());
    while !text.is_empty() && s.len() < size {
        s.push_str(text);
    }
    // A line's end is a character's end: the cut is at a boundary whatever the text.
    let cut = s.as_bytes()[..size.min(s.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    s.truncate(cut);
    s
}
