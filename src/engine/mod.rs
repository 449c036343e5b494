//! The engine: one call from text to findings ([`analysis`], with its incremental
//! session), the findings of a text and their suppressions ([`findings`],
//! [`suppress`]), applying fixes ([`fix`]) and the configuration front-ends share
//! ([`config`]); the outcomes a document's citations cannot be checked against
//! ([`outcomes`]).

pub mod analysis;
pub mod config;
pub mod findings;
pub mod fix;
pub mod learn;
pub mod outcomes;
pub mod suppress;
