//! The document model: a proposal text with its revision marks resolved into an old and
//! a new reading, cut into proposal units, headings, sections and clauses, with every
//! citation recognised. Every span is a byte span of the analysed source text.

use crate::analysis::TargetSource;
use crate::catalog::{Catalog, Lang};
use crate::text::Span;

#[derive(Debug, Clone)]
pub struct Document {
    pub language: Lang,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub span: Span,
}

impl Document {
    pub fn parse(_text: &str, _catalog: &Catalog) -> Document {
        Document { language: Lang::En, units: Vec::new() }
    }

    pub fn stated_target(&self) -> Option<(&str, TargetSource)> {
        None
    }
}
