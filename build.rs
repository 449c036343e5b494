//! Compiles the embedded catalogue at build time: `catalog/itu-resolutions.json` (the
//! source of truth, with its sources) is read with the catalogue's own schema and written
//! to `$OUT_DIR/itu-resolutions.bin` in the compact form of `src/catalog/compact.rs`,
//! which a start reads without parsing JSON (docs/performance.md, "Start-up").

use std::path::Path;

// The catalogue's schema and compact form, shared with the library by path: the build
// script cannot depend on the crate it builds.
#[allow(dead_code)]
#[path = "src/catalog/schema.rs"]
mod schema;

#[allow(dead_code)]
#[path = "src/catalog/compact.rs"]
mod compact;

// Where each message's entry is in the Fluent resources, shared with the library.
#[path = "src/lang/ftl_entries.rs"]
mod ftl_entries;

const CATALOGUE: &str = "catalog/itu-resolutions.json";

/// The languages and resources of `lang::l10n::sources`, in its order.
const LANGUAGES: [(&str, &str); 3] = [("EN", "en"), ("FR", "fr"), ("ES", "es")];
const RESOURCES: [&str; 3] = ["proplint.ftl", "front.ftl", "reader.ftl"];

fn main() {
    println!("cargo:rerun-if-changed={CATALOGUE}");
    println!("cargo:rerun-if-changed=src/catalog/schema.rs");
    println!("cargo:rerun-if-changed=src/catalog/compact.rs");
    println!("cargo:rerun-if-changed=src/lang/ftl_entries.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(CATALOGUE)
        .unwrap_or_else(|e| panic!("{CATALOGUE}: cannot read the embedded catalogue: {e}"));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // A broken catalogue is a build error naming its place, never an empty catalogue.
    let file: schema::CatalogFile = serde_json::from_str(text).unwrap_or_else(|e| {
        panic!(
            "{CATALOGUE}:{}:{}: not a valid catalogue file: {e}",
            e.line(),
            e.column()
        )
    });
    // The compiled form files each resolution once (a start searches them by body and
    // number): a record given twice is a build error naming it, never a silent choice.
    let mut keys: Vec<(&str, u32)> = file
        .resolutions
        .iter()
        .map(|r| (&*r.body, r.number))
        .collect();
    keys.sort_unstable();
    if let Some(w) = keys.windows(2).find(|w| w[0] == w[1]) {
        panic!(
            "{CATALOGUE}: {} Resolution {} is recorded twice; merge its records",
            w[0].0, w[0].1
        );
    }
    link_without_relocations();
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    index_messages(Path::new(&out));
    let path = Path::new(&out).join("itu-resolutions.bin");
    std::fs::write(&path, compact::encode_embedded(file))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Links the `proplint` executable at a fixed address on Linux, so that the loader has
/// nothing to relocate. As a position-independent executable it carried some 19,500
/// relocations (panic locations, string tables, vtables): the loader applied them at
/// every start, copying the 96 pages they lie in, a sixth of the CPU time of checking a
/// one-line file (docs/performance.md, "sixth round"). The code is compiled as for PIE
/// (Rust's default), only the link differs; the libraries, heap and stack keep their
/// random addresses. Tests and benchmarks are not affected (only binaries are).
fn link_without_relocations() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Writes `$OUT_DIR/l10n-entries.rs`: for each language, every message entry of its
/// resources as (id, resource, start, end), so that a start finds a message without
/// scanning the resources (`lang::l10n`).
fn index_messages(out: &Path) {
    let mut code = String::from("// Written by build.rs from src/lang/locales.\n");
    for (name, code_dir) in LANGUAGES {
        code.push_str(&format!(
            "pub static {name}: &[(&str, usize, usize, usize)] = &[\n"
        ));
        for (resource, file) in RESOURCES.iter().enumerate() {
            let path = format!("src/lang/locales/{code_dir}/{file}");
            println!("cargo:rerun-if-changed={path}");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{path}: cannot read a message resource: {e}"));
            for (id, start, end) in ftl_entries::entry_ranges(&text) {
                code.push_str(&format!("    ({id:?}, {resource}, {start}, {end}),\n"));
            }
        }
        code.push_str("];\n");
    }
    let path = out.join("l10n-entries.rs");
    std::fs::write(&path, code).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
