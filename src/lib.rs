//! proplint: a linter and language server for ITU conference proposal documents.
//!
//! The crate is built in floors, and data flows down through them once; a module
//! imports only from its own floor and the floors below (`tests/architecture.rs`
//! keeps it so; docs/architecture.md draws the plan):
//!
//! 1. [`base`]: the shared vocabulary (spans and lines, diagnostics and fixes, rule
//!    codes, the target, the languages);
//! 2. [`lang`]: every word of every language, read or written;
//! 3. [`input`]: bytes to text (encodings, Word files with tracked changes);
//! 4. [`catalog`]: what proplint knows of ITU conferences and resolutions;
//! 5. [`document`]: the model of a proposal (revision marks, units, clauses, citations);
//! 6. [`rules`]: pure functions of the document and the catalogue;
//! 7. [`engine`]: analysis, the incremental session, findings, suppressions, fixes,
//!    configuration;
//! 8. the front-ends, which only present: [`report`] and [`lsp`], then [`cli`] on top.

#[macro_use]
pub mod base;
pub mod lang;

pub mod input;

pub mod catalog;

pub mod document;

pub mod rules;

pub mod engine;

pub mod lsp;
pub mod report;

pub mod cli;

// The library's public paths, kept stable for its users (tests, benches, fuzz targets)
// as modules find their floors.
pub use base::{diagnostic, fold, text};
pub use engine::{analysis, config, findings, fix, suppress};
pub use input::{docx, source};

pub use base::{Applicability, Diagnostic, Edit, Fix, Rule, Severity};
pub use base::{Encoding, LineCol, LineIndex, Span};
pub use catalog::Catalog;
pub use engine::analysis::{analyze, Analysis, Options};
