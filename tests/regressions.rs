//! Inputs that once broke proplint (found by the property tests and the fuzzer), kept
//! so they never break it again: each must analyse without panicking, cut at every
//! section it must give the model and the findings the default analysis gives, and
//! `--fix` must keep its guarantees on it.

use std::collections::HashMap;

use proplint::analysis::{analyze, Options, Session};
use proplint::fix::fix_until_stable;
use proplint::Catalog;

#[test]
fn every_kept_input_still_passes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let catalog = Catalog::embedded();
        let options = Options::default();
        let before = analyze(&text, catalog, &options);
        let cut = Session::cutting_inside_units_from(0).analyze(&text, catalog, &options);
        assert_eq!(
            cut.diagnostics(),
            before.diagnostics(),
            "{}: cuts at sections change the findings",
            path.display()
        );
        assert!(
            serde_json::to_string(cut.document()).unwrap()
                == serde_json::to_string(before.document()).unwrap(),
            "{}: cuts at sections change the model",
            path.display()
        );
        let once = fix_until_stable(&text, catalog, &options, true);
        let twice = fix_until_stable(&once.text, catalog, &options, true);
        assert_eq!(
            once.text,
            twice.text,
            "{}: --fix is not idempotent",
            path.display()
        );
        let mut per_rule: HashMap<_, isize> = HashMap::new();
        for d in before.diagnostics() {
            *per_rule.entry(d.rule).or_default() += 1;
        }
        for d in &once.remaining {
            // A fixed stale citation may keep a softer note (issue 13), never one more.
            if d.rule == proplint::Rule::UncataloguedCitation
                && once.remaining.len() <= before.diagnostics().len()
            {
                continue;
            }
            let n = per_rule.entry(d.rule).or_default();
            *n -= 1;
            assert!(*n >= 0, "{}: --fix created {}", path.display(), d.message);
        }
        count += 1;
    }
    assert!(count >= 5);
}
