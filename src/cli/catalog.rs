//! `proplint catalog …`: teach proplint from official texts (`build`), and say what it
//! knows (`status`, `show`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::catalog::build::{self, FileOutcome};
use crate::catalog::Catalog;
use crate::input::blocks::read_blocks;
use crate::lang::official::report;

#[derive(Args)]
pub struct CatalogArgs {
    #[command(subcommand)]
    command: CatalogCommand,
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Read official texts (Final Acts, final reports, tables of contents, lists of
    /// resolutions; .xml Akoma Ntoso, .html, .docx, .txt) into a catalogue file.
    Build(BuildArgs),
}

#[derive(Args)]
struct BuildArgs {
    /// The official texts to read.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Write the catalogue file here (default: standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The conference the texts are the outcome of, when they do not say (e.g. WTDC-25).
    #[arg(long, value_name = "ID")]
    conference: Option<String>,
    /// Catalogue files to read on top of the embedded one (places, conferences).
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
}

pub fn run(args: CatalogArgs) -> i32 {
    match args.command {
        CatalogCommand::Build(args) => build_command(args),
    }
}

fn load_catalog(files: &[PathBuf]) -> Result<Catalog, i32> {
    if files.is_empty() {
        return Ok(Catalog::embedded().clone());
    }
    Catalog::with_files(files).map_err(|e| {
        eprintln!("error: {e}");
        2
    })
}

fn build_command(args: BuildArgs) -> i32 {
    let catalog = match load_catalog(&args.catalogs) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut outcomes: Vec<FileOutcome> = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let blocks = match read_blocks(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let name = path.display().to_string();
        let outcome = build::read(&name, &blocks, &catalog, args.conference.as_deref());
        for line in outcome.describe(&catalog) {
            eprintln!("{line}");
        }
        if outcome.conference.is_none() || outcome.facts.is_empty() {
            failed = true;
        }
        outcomes.push(outcome);
    }
    if outcomes.iter().all(|o| o.facts.is_empty()) {
        return 2;
    }
    let file = build::to_catalog_file(&outcomes, &catalog);
    let count = file["resolutions"].as_array().map_or(0, Vec::len);
    let text = match serde_json::to_string_pretty(&file) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("error: cannot write the catalogue: {e}");
            return 2;
        }
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("error: {}: cannot write the catalogue: {e}", path.display());
                return 2;
            }
            eprintln!("{}", report::wrote(&path.display().to_string(), count));
        }
        _ => print!("{text}"),
    }
    if failed {
        2
    } else {
        0
    }
}
