//! Any text through the whole pipeline: parse, every rule, every position
//! conversion, every fix, fix-all. Nothing may panic; fixes must stay on character
//! boundaries and inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proplint::analysis::{analyze, Options};
use proplint::fix::{apply_edits, fix_all_edits};
use proplint::text::{Encoding, LineIndex};
use proplint::Catalog;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let catalog = Catalog::embedded();
    for target in [None, Some("WTDC-17".to_string()), Some("PP-22".to_string())] {
        let options = Options {
            target,
            ..Options::default()
        };
        let analysis = analyze(&text, catalog, &options);
        let index = LineIndex::new(&text);
        for d in &analysis.diagnostics {
            assert!(d.span.start <= d.span.end && d.span.end <= text.len());
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
                let pos = index.position(&text, d.span.start, enc);
                let back = index.offset(&text, pos, enc);
                assert_eq!(back, d.span.start);
            }
            for fix in &d.fixes {
                for e in &fix.edits {
                    assert!(e.span.end <= text.len());
                    assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                }
                let _ = analyze(&apply_edits(&text, &fix.edits), catalog, &options);
            }
        }
        let all = apply_edits(&text, &fix_all_edits(&analysis.diagnostics, true));
        let _ = analyze(&all, catalog, &options);
    }
});
