//! Any bytes as a Word file: the reader must return text or an error, never panic,
//! within its limits; the text must then go through the analysis like any other.
//!
//! The seed corpus (fuzz/corpus/docx) holds small real packages, so mutations reach
//! the XML readers, not only the zip layer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proplint::analysis::{analyze, Options};
use proplint::docx::read_docx;
use proplint::Catalog;

fuzz_target!(|data: &[u8]| {
    if let Ok(word) = read_docx(data) {
        // One line per paragraph, spans inside the text and in order.
        let mut last = 0;
        for p in &word.paragraphs {
            assert!(p.span.start >= last && p.span.end <= word.text.len());
            assert!(word.text.is_char_boundary(p.span.start));
            last = p.span.end;
        }
        let _ = analyze(&word.text, Catalog::embedded(), &Options::default());
    }
});
