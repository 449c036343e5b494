//! CriticMarkup revision marks: `{++inserted++}`, `{--deleted--}`,
//! `{~~old~>new~~}`, `{>>comment<<}`, `{==highlight==}`.
//!
//! A marked text has two readings. The structure and the rules look at the *new*
//! reading (what the text says if the proposal is adopted); every position found there
//! maps back to the source through [`Reading::to_source`]. An opening delimiter without
//! its closing one is ordinary text: a half-typed mark in an editor must not swallow
//! the rest of the document.

use std::borrow::Cow;

use crate::base::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    Insertion,
    Deletion,
    Substitution,
    Comment,
    Highlight,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mark {
    pub kind: MarkKind,
    /// The whole mark, delimiters included.
    pub span: Span,
    /// The old text (deletion, substitution's left side), delimiters excluded.
    pub old: Option<Span>,
    /// The new text (insertion, substitution's right side, highlight).
    pub new: Option<Span>,
}

/// The new reading of a source text, with a map back to the source.
#[derive(Debug, Clone)]
pub struct Reading<'a> {
    source: &'a str,
    pub text: Cow<'a, str>,
    /// Runs copied from the source: (start in reading, start in source), sorted.
    /// Empty when the reading is the source itself.
    runs: Vec<(usize, usize)>,
    pub marks: Vec<Mark>,
}

impl<'a> Reading<'a> {
    /// The new reading of `source`.
    pub fn new(source: &'a str) -> Reading<'a> {
        let marks = find_marks(source);
        if marks.is_empty() {
            return Reading {
                source,
                text: Cow::Borrowed(source),
                runs: Vec::new(),
                marks,
            };
        }
        let mut text = String::with_capacity(source.len());
        let mut runs = Vec::new();
        let mut copy = |text: &mut String, span: Span| {
            if !span.is_empty() {
                runs.push((text.len(), span.start));
                text.push_str(&source[span.start..span.end]);
            }
        };
        let mut at = 0;
        for mark in &marks {
            copy(&mut text, Span::new(at, mark.span.start));
            match mark.kind {
                MarkKind::Insertion | MarkKind::Substitution | MarkKind::Highlight => {
                    if let Some(new) = mark.new {
                        copy(&mut text, new);
                    }
                }
                MarkKind::Deletion | MarkKind::Comment => {}
            }
            at = mark.span.end;
        }
        copy(&mut text, Span::new(at, source.len()));
        Reading {
            source,
            text: Cow::Owned(text),
            runs,
            marks,
        }
    }

    /// The marked text this reading was made from.
    pub fn source(&self) -> &'a str {
        self.source
    }

    pub fn is_identity(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The source offset of a reading offset (the start of what it points at).
    pub fn to_source(&self, offset: usize) -> usize {
        if self.is_identity() {
            return offset;
        }
        let i = self.runs.partition_point(|&(r, _)| r <= offset);
        match i.checked_sub(1) {
            Some(i) => self.runs[i].1 + (offset - self.runs[i].0),
            None => offset,
        }
    }

    /// The source offset just after the reading character ending at `offset`.
    fn end_to_source(&self, offset: usize) -> usize {
        if self.is_identity() || offset == 0 {
            return self.to_source(offset);
        }
        self.to_source(offset - 1) + 1
    }

    pub fn span_to_source(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.to_source(span.start);
            return Span::new(at, at);
        }
        Span::new(self.to_source(span.start), self.end_to_source(span.end))
    }

    /// The mark whose delimiters or contents hold a source offset.
    pub fn mark_at(&self, source_offset: usize) -> Option<&Mark> {
        let i = self.marks.partition_point(|m| m.span.end <= source_offset);
        self.marks.get(i).filter(|m| m.span.contains(source_offset))
    }
}

/// Finds every well-formed mark, left to right, never nested.
pub fn find_marks(source: &str) -> Vec<Mark> {
    Marks::new(source, 0).collect()
}

/// The marks of a text from an offset on, one at a time (see [`find_marks`]).
pub struct Marks<'a> {
    bytes: &'a [u8],
    from: usize,
    /// Per kind of mark: where the last search for its closing delimiter started, and
    /// what it found. Searches only move forward, so a text full of opening delimiters
    /// without their closing ones costs one pass per kind, not one pass per delimiter.
    closers: [Option<(usize, Option<usize>)>; 5],
}

impl<'a> Marks<'a> {
    pub fn new(source: &'a str, from: usize) -> Marks<'a> {
        Marks {
            bytes: source.as_bytes(),
            from,
            closers: [None; 5],
        }
    }

    /// Whether every opening delimiter from the scan position up to `at` begins a mark
    /// that is closed before `at` (or is not a mark at all). Depends only on the text
    /// before `at`; an opening delimiter whose closing one is later, or missing, keeps
    /// the answer `false` for this and every later position up to its closing one.
    /// Positions asked about must increase; the iterator is not used alongside.
    pub fn closed_before(&mut self, at: usize) -> bool {
        let bytes = self.bytes;
        loop {
            let Some(rel) = memchr::memchr(b'{', bytes.get(self.from..at).unwrap_or(&[])) else {
                // Nothing opens before `at`: the next question starts there, so asking at
                // every line costs one pass over the text.
                self.from = self.from.max(at);
                return true;
            };
            let open = self.from + rel;
            let Some((kind, close)) = opener(bytes, open) else {
                self.from = open + 1;
                continue;
            };
            match self.closer(kind, close, open + 3) {
                Some(end) if end + 3 <= at => {
                    let arrowless = kind == MarkKind::Substitution
                        && memchr::memmem::find(&bytes[open + 3..end], b"~>").is_none();
                    self.from = if arrowless { open + 1 } else { end + 3 };
                }
                _ => {
                    self.from = open;
                    return false;
                }
            }
        }
    }

    /// The first `close` at or after `at`.
    fn closer(&mut self, kind: MarkKind, close: &[u8], at: usize) -> Option<usize> {
        let slot = &mut self.closers[kind as usize];
        if let Some((searched_from, found)) = *slot {
            if searched_from <= at && found.is_none_or(|f| f >= at) {
                return found;
            }
        }
        let found = memchr::memmem::find(&self.bytes[at..], close).map(|i| at + i);
        *slot = Some((at, found));
        found
    }
}

/// The kind and closing delimiter of a mark opening at `open` (a `{`), if one does.
fn opener(bytes: &[u8], open: usize) -> Option<(MarkKind, &'static [u8])> {
    let &[a, b] = bytes.get(open + 1..open + 3)? else {
        return None;
    };
    match (a, b) {
        (b'+', b'+') => Some((MarkKind::Insertion, b"++}")),
        (b'-', b'-') => Some((MarkKind::Deletion, b"--}")),
        (b'~', b'~') => Some((MarkKind::Substitution, b"~~}")),
        (b'>', b'>') => Some((MarkKind::Comment, b"<<}")),
        (b'=', b'=') => Some((MarkKind::Highlight, b"==}")),
        _ => None,
    }
}

impl Iterator for Marks<'_> {
    type Item = Mark;

    fn next(&mut self) -> Option<Mark> {
        let bytes = self.bytes;
        while let Some(rel) = memchr::memchr(b'{', bytes.get(self.from..)?) {
            let open = self.from + rel;
            self.from = open + 1;
            let Some((kind, close)) = opener(bytes, open) else {
                continue;
            };
            let body_start = open + 3;
            let Some(body_end) = self.closer(kind, close, body_start) else {
                continue;
            };
            let body = Span::new(body_start, body_end);
            let span = Span::new(open, body.end + 3);
            let (old, new) = match kind {
                MarkKind::Insertion | MarkKind::Highlight => (None, Some(body)),
                MarkKind::Deletion => (Some(body), None),
                MarkKind::Comment => (None, None),
                MarkKind::Substitution => {
                    let inner = &bytes[body.start..body.end];
                    match memchr::memmem::find(inner, b"~>") {
                        Some(arrow) => (
                            Some(Span::new(body.start, body.start + arrow)),
                            Some(Span::new(body.start + arrow + 2, body.end)),
                        ),
                        // Without its arrow a substitution says nothing: keep it as text.
                        None => continue,
                    }
                }
            };
            self.from = span.end;
            return Some(Mark {
                kind,
                span,
                old,
                new,
            });
        }
        None
    }
}

/// Whether any of `marks` (sorted, disjoint) overlaps `span`.
pub fn overlaps_any(marks: &[Mark], span: Span) -> bool {
    let i = marks.partition_point(|m| m.span.end <= span.start);
    marks
        .get(i)
        .is_some_and(|m| m.span.start < span.end.max(span.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_reading(s: &str) -> String {
        Reading::new(s).text.into_owned()
    }

    #[test]
    fn readings_of_each_mark() {
        assert_eq!(new_reading("a {++b ++}c"), "a b c");
        assert_eq!(new_reading("a {--b --}c"), "a c");
        assert_eq!(
            new_reading("(Rev. {~~Guadalajara, 2010~>Busan, 2014~~})"),
            "(Rev. Busan, 2014)"
        );
        assert_eq!(new_reading("x{>>note<<}y{==z==}"), "xyz");
    }

    /// The closing delimiters found once serve every later opening one, and give what a
    /// fresh search gives.
    #[test]
    fn many_unclosed_marks_are_found_as_one_search_would() {
        let src = "{++a {--b {~~c~>d~~} {++e++} {== {>>x<<} --} {++".repeat(3);
        let naive: Vec<Mark> = {
            let mut marks = Vec::new();
            let mut from = 0;
            while let Some(m) = Marks::new(&src, from).next() {
                from = m.span.end;
                marks.push(m);
            }
            marks
        };
        assert_eq!(find_marks(&src), naive);
        assert!(!naive.is_empty());
    }

    #[test]
    fn unclosed_marks_are_text() {
        assert_eq!(new_reading("a {++b c"), "a {++b c");
        assert_eq!(new_reading("{~~no arrow~~} ok"), "{~~no arrow~~} ok");
        assert_eq!(new_reading("{"), "{");
        assert_eq!(new_reading("{+"), "{+");
    }

    #[test]
    fn positions_map_back_to_the_source() {
        let src = "Résolution 140 (Rév. {~~Guadalajara, 2010~>Busan, 2014~~}) de la PP";
        let reading = Reading::new(src);
        let at = reading.text.find("Busan").unwrap();
        assert_eq!(reading.to_source(at), src.find("Busan").unwrap());
        let end = reading.text.find(") de").unwrap();
        assert_eq!(reading.to_source(end), src.find(") de").unwrap());
        let span = Span::new(at, at + "Busan, 2014".len());
        let mapped = reading.span_to_source(span);
        assert_eq!(&src[mapped.start..mapped.end], "Busan, 2014");
        assert_eq!(
            reading.mark_at(mapped.start).unwrap().kind,
            MarkKind::Substitution
        );
    }

    #[test]
    fn deleted_lines_vanish_from_the_new_reading() {
        let src = "a)\tone\n{--b)\ttwo\n--}c)\tthree\n";
        assert_eq!(new_reading(src), "a)\tone\nc)\tthree\n");
        let reading = Reading::new(src);
        let c = reading.text.find("c)").unwrap();
        assert_eq!(reading.to_source(c), src.find("c)").unwrap());
    }
}
