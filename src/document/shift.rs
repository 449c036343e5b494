//! Moving parsed parts by a byte offset: chunks are parsed on their own (so an edit
//! re-parses only its chunk) and placed back at their offset in the document.

use super::citation::{Citation, PlaceYear, Tag, TagForm};
use super::markup::Mark;
use super::{Document, Flattened, Unit};
use crate::base::text::Span;

pub trait Shift {
    fn shift(&mut self, by: usize);
}

impl Shift for Span {
    fn shift(&mut self, by: usize) {
        *self = self.shifted(by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(x) = self {
            x.shift(by);
        }
    }
}

impl<T: Shift> Shift for Box<T> {
    fn shift(&mut self, by: usize) {
        (**self).shift(by);
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        for x in self {
            x.shift(by);
        }
    }
}

impl Shift for Mark {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        self.old.shift(by);
        self.new.shift(by);
    }
}

impl Shift for PlaceYear {
    fn shift(&mut self, by: usize) {
        self.rev.shift(by);
        self.place_span.shift(by);
        self.year_span.shift(by);
    }
}

impl Shift for Tag {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        if let TagForm::PlaceYear {
            new, flattened_old, ..
        } = &mut self.form
        {
            new.shift(by);
            flattened_old.shift(by);
        }
    }
}

impl Shift for Citation {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        self.keyword.shift(by);
        self.number_span.shift(by);
        self.tag.shift(by);
    }
}

impl Shift for Flattened {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        self.old.shift(by);
        self.new.shift(by);
    }
}

impl Shift for Unit {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        if let Some(a) = &mut self.action {
            a.span.shift(by);
        }
        if let Some(r) = &mut self.reference {
            r.span.shift(by);
            r.seq_span.shift(by);
        }
        if let Some(h) = &mut self.heading {
            h.span.shift(by);
        }
        if let Some(c) = &mut self.conference_line {
            c.span.shift(by);
        }
        for s in &mut self.sections {
            s.span.shift(by);
            s.call.shift(by);
            for c in &mut s.clauses {
                c.span.shift(by);
                c.label.shift(by);
            }
        }
        self.reasons.shift(by);
    }
}

impl Document {
    /// Appends a chunk parsed on its own, placed at byte `offset` of the document.
    pub(crate) fn append_chunk(&mut self, chunk: &Document, offset: usize) {
        let citation_base = self.citations.len();
        let mut units = chunk.units.clone();
        units.shift(offset);
        for u in &mut units {
            if let Some(h) = &mut u.heading {
                h.citation = h.citation.map(|i| i + citation_base);
            }
        }
        let mut units = units.into_iter();
        if chunk.continues {
            if let (Some(last), Some(first)) = (self.units.last_mut(), units.next()) {
                last.absorb(first);
            }
        }
        self.units.extend(units);
        let mut citations = chunk.citations.clone();
        citations.shift(offset);
        self.citations.extend(citations);
        let mut flattened = chunk.flattened.clone();
        flattened.shift(offset);
        self.flattened.extend(flattened);
        let mut marks = chunk.marks.clone();
        marks.shift(offset);
        self.marks.extend(marks);
        if self.header_conference.is_none() {
            self.header_conference.clone_from(&chunk.header_conference);
        }
    }
}
