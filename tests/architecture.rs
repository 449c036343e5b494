//! The floor plan of `src/`, kept by a test (as rust-analyzer's tidy tests keep theirs).
//!
//! Data flows down through the floors once. A module may name (`crate::…`) its own
//! module and anything on a lower floor; never a floor above its own, nor a sibling
//! on its own floor. docs/architecture.md draws the plan; this list is the plan.

use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and its floor, bottom up.
const FLOORS: &[(&str, u8)] = &[
    ("base", 0),
    ("lang", 1),
    ("input", 2),
    ("catalog", 3),
    ("document", 4),
    ("rules", 5),
    ("engine", 6),
    ("report", 7),
    ("lsp", 7),
    ("cli", 8),
];

/// Files above every floor: the crate's root and the binary.
const ROOFS: &[&str] = &["lib.rs", "main.rs"];

fn floor_of(module: &str) -> Option<u8> {
    FLOORS.iter().find(|(m, _)| *m == module).map(|(_, f)| *f)
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line, without its `//` comment (doc comments included: a link in
/// prose is not a dependency). Good enough for this code base, which has no `//`
/// inside a string on a line that also names `crate::`.
fn code_of(line: &str) -> &str {
    match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    }
}

/// Every `crate::name` a line of code mentions.
fn crate_paths(code: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let preceded_by_ident = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        let after = &rest[at + "crate::".len()..];
        let end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if !preceded_by_ident && end > 0 {
            found.push(&after[..end]);
        }
        rest = &after[end..];
    }
    found
}

/// What breaks the plan: "file:line: text" for each reference up or across.
fn violations() -> Vec<String> {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut out = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap_or(&file);
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        if ROOFS.contains(&top) {
            continue;
        }
        let module = top.trim_end_matches(".rs");
        let Some(floor) = floor_of(module) else {
            out.push(format!(
                "src/{}: module `{module}` is on no floor: add it to FLOORS in tests/architecture.rs and to docs/architecture.md",
                rel.display()
            ));
            continue;
        };
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (n, line) in text.lines().enumerate() {
            for named in crate_paths(code_of(line)) {
                if named == module {
                    continue;
                }
                let verdict = match floor_of(named) {
                    Some(f) if f < floor => continue,
                    Some(f) if f == floor => "a sibling on its own floor",
                    Some(_) => "a floor above its own",
                    // A path through the crate root's re-exports hides its floor.
                    None => "the crate root instead of the module's own floor",
                };
                out.push(format!(
                    "src/{}:{}: `{module}` (floor {floor}) names `crate::{named}`, {verdict}: {}",
                    rel.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    out
}

#[test]
fn no_module_names_a_floor_above_its_own() {
    let found = violations();
    assert!(
        found.is_empty(),
        "the floor plan is broken (docs/architecture.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn every_floor_exists_and_the_list_is_the_tree() {
    for (module, _) in FLOORS {
        let dir = src().join(module);
        let file = src().join(format!("{module}.rs"));
        assert!(
            dir.is_dir() || file.is_file(),
            "FLOORS names `{module}`, which src/ does not have"
        );
    }
}

#[test]
fn the_checker_sees_what_it_must() {
    // The scanner itself: a test of the plan that saw nothing would pass forever.
    assert_eq!(
        crate_paths("use crate::base::text::{Span}; crate::lang::rule_doc(r)"),
        ["base", "lang"]
    );
    assert_eq!(
        crate_paths("use my_crate::x; $crate::y"),
        Vec::<&str>::new()
    );
    assert_eq!(
        code_of("use crate::rules; // see crate::lsp"),
        "use crate::rules; "
    );
    assert_eq!(floor_of("rules"), Some(5));
    assert!(floor_of("analysis").is_none());
}
