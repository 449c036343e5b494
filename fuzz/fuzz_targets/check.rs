//! Any text through the whole pipeline: parse, every rule, every position
//! conversion, every fix, fix-all. Nothing may panic; fixes must stay on character
//! boundaries and inside the text. The text is cut into chunks at every section (as
//! a long document is): what is found must be what an analysis that does not cut it
//! inside its units finds.
//!
//! Run with `-max_len=4096` or so (docs/reliability.md): the work per input grows with
//! its length, and what breaks the parser shows in short texts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use proplint::analysis::{analyze, Options, Session};
use proplint::fix::{apply_edits, fix_all_edits};
use proplint::text::{Encoding, LineIndex};
use proplint::Catalog;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let catalog = Catalog::embedded();
    // The target varies with the input, so every target-dependent path is reached
    // without paying for several analyses per input.
    let target = match data.first().map(|b| b % 3) {
        Some(1) => Some("WTDC-17".to_string()),
        Some(2) => Some("PP-22".to_string()),
        _ => None,
    };
    let options = Options {
        target,
        ..Options::default()
    };
    let analysis = Session::cutting_inside_units_from(0).analyze(&text, catalog, &options);
    // A one-shot analysis cuts no unit (`NO_CUT_INSIDE_UNITS`); one cut at every
    // section must find the same.
    let between_units = analyze(&text, catalog, &options);
    assert_eq!(analysis.diagnostics(), between_units.diagnostics());
    let index = LineIndex::new(&text);
    let diagnostics = analysis.diagnostics();
    for d in diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let pos = index.position(&text, d.span.start, enc);
            let back = index.offset(&text, pos, enc);
            assert_eq!(back, d.span.start);
        }
        for fix in &d.fixes {
            for e in &fix.edits {
                assert!(e.span.start <= e.span.end && e.span.end <= text.len());
                assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }
    let edits = fix_all_edits(diagnostics, true);
    // A text with no safe fix reads the same after fix-all: analysing it again would
    // only halve the campaign's speed.
    if !edits.is_empty() {
        let all = apply_edits(&text, &edits);
        let _ = analyze(&all, catalog, &options);
    }
});
