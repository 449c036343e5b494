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

const CATALOGUE: &str = "catalog/itu-resolutions.json";

fn main() {
    println!("cargo:rerun-if-changed={CATALOGUE}");
    println!("cargo:rerun-if-changed=src/catalog/schema.rs");
    println!("cargo:rerun-if-changed=src/catalog/compact.rs");
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
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let path = Path::new(&out).join("itu-resolutions.bin");
    std::fs::write(&path, compact::encode_embedded(file))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
