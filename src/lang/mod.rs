//! Every word of every language, in one place: the words proplint reads in documents
//! ([`lexicon`]: call words, body names, reasons, language markers...) and the sentences
//! it writes ([`messages`]: rule summaries and pages, finding messages, fix titles, the
//! target it used).
//!
//! The floors above say *what* they found, as data; this floor says it in words. A new
//! language is new entries here, plus its tests.

pub mod errors;
// build.rs indexes the resources with it; the library's tests compare that index with it.
#[cfg(test)]
mod ftl_entries;
pub mod l10n;
pub mod language;
pub mod lexicon;
pub mod messages;
pub mod official;

pub use language::Lang;
