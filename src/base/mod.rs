//! The ground floor: the vocabulary every other floor speaks, and nothing else.
//!
//! Spans and the one place where offsets, lines and column encodings convert
//! ([`text`]), folding of words for comparison ([`fold`]), what rules produce
//! ([`diagnostic`]), rule codes ([`rule`]), the conference a text is checked against
//! ([`target`]) and the bodies a citation can name ([`body`]). No module here imports from any other floor, and none holds a word of
//! any language: sentences live in [`crate::lang`].

pub mod body;
pub mod diagnostic;
pub mod fold;
#[macro_use]
pub mod regex;
pub mod rule;
pub mod target;
pub mod text;

pub use body::BodyRef;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use rule::Rule;
pub use target::{Date, Target, TargetSource};
pub use text::{Encoding, LineCol, LineIndex, Span};
