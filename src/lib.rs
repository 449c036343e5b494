//! proplint: a linter and language server for ITU conference proposal documents.
//!
//! Data flows one way: text (or a Word file, through [`docx`]) → [`document`]
//! (revision marks resolved, units, sections, clauses, citations) → [`rules`] (pure
//! functions of the document and the [`catalog`]) → front-ends (the CLI reporters in
//! [`report`], the language server) that only present.

pub mod analysis;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod docx;
pub mod findings;
pub mod fix;
pub mod fold;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;

pub use analysis::{analyze, Analysis, Options};
pub use catalog::Catalog;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use rules::Rule;
pub use text::{Encoding, LineCol, LineIndex, Span};
