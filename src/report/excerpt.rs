//! The line shown under a finding in the human report. Word and PDF exports put a whole
//! paragraph on one line, hundreds of characters long: shown whole under each of its
//! findings, it wraps over the terminal and the caret is lost in it. A long line is shown
//! around the finding instead, its cut ends marked "…", as rustc does. For codespan it is
//! a file of one line ([`Files`]) that still gives the line's real number and columns.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::base::text::{LineIndex, Span};

/// The longest line shown whole, in characters.
pub const LONGEST_SHOWN: usize = 160;
/// Characters kept on each side of a finding in a longer line.
pub const CONTEXT: usize = 60;
/// How far a cut moves, at most, to fall between words.
const WORD_SLACK: usize = 12;
const MARK: &str = "…";

/// One finding's line, or the part of it around the finding, as codespan reads it.
pub struct Excerpt<'a> {
    name: &'a str,
    /// The number the report gives the line (for a Word file, its paragraph's).
    number: usize,
    shown: String,
    /// Bytes of `shown` before the line's own text: a cut mark or nothing.
    lead: usize,
    /// Where `shown[lead..]` starts in the file.
    from: usize,
    /// The 1-based column, in characters, of `shown[lead..]` in the line.
    first_column: usize,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for a finding at `span`, on line `number`; `None` when the finding
    /// runs over more than one line (codespan then shows the lines themselves).
    pub fn of(
        name: &'a str,
        text: &str,
        index: &LineIndex,
        span: Span,
        number: usize,
    ) -> Option<Excerpt<'a>> {
        let line = index.line_span(text, index.line_of(span.start))?;
        if span.end > line.end || span.start < line.start {
            return None;
        }
        let whole = text.get(line.start..line.end)?;
        let (cut, lead_mark, tail_mark) = if whole.chars().count() <= LONGEST_SHOWN {
            (line.start..line.end, false, false)
        } else {
            let start = cut_before(text, line.start, span.start);
            let end = cut_after(text, span.end, line.end);
            (start..end, start > line.start, end < line.end)
        };
        let mut shown = String::with_capacity(cut.len() + 2 * MARK.len());
        if lead_mark {
            shown.push_str(MARK);
        }
        let lead = shown.len();
        shown.push_str(text.get(cut.clone())?);
        if tail_mark {
            shown.push_str(MARK);
        }
        Some(Excerpt {
            name,
            number,
            shown,
            lead,
            from: cut.start,
            first_column: text.get(line.start..cut.start)?.chars().count() + 1,
        })
    }

    /// Where `span` of the file is in the excerpt.
    pub fn range(&self, span: Span) -> Range<usize> {
        let at = |offset: usize| offset.saturating_sub(self.from) + self.lead;
        at(span.start)..at(span.end)
    }
}

/// Where a shown part of a line starts: [`CONTEXT`] characters before `at`, moved
/// forward to a word's start when one is near, and never before `line_start`.
fn cut_before(text: &str, line_start: usize, at: usize) -> usize {
    let before = &text[line_start..at];
    let Some((cut, _)) = before.char_indices().rev().nth(CONTEXT - 1) else {
        return line_start;
    };
    let near = before[cut..]
        .char_indices()
        .take(WORD_SLACK)
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, c)| cut + i + c.len_utf8());
    line_start + near.unwrap_or(cut)
}

/// Where a shown part of a line ends: [`CONTEXT`] characters after `at`, moved back to
/// a word's end when one is near, and never after `line_end`.
fn cut_after(text: &str, at: usize, line_end: usize) -> usize {
    let after = &text[at..line_end];
    let Some((cut, _)) = after.char_indices().nth(CONTEXT) else {
        return line_end;
    };
    let near = after[..cut]
        .char_indices()
        .rev()
        .take(WORD_SLACK)
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i);
    at + near.unwrap_or(cut)
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.shown)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, Error> {
        Ok(self.number)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let shown = self
            .shown
            .get(self.lead..byte_index.max(self.lead))
            .ok_or(Error::InvalidCharBoundary { given: byte_index })?;
        Ok(self.first_column + shown.chars().count())
    }

    fn line_range(&'a self, (): (), _line_index: usize) -> Result<Range<usize>, Error> {
        Ok(0..self.shown.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt<'a>(text: &str, span: Span) -> Option<Excerpt<'a>> {
        let index = LineIndex::new(text);
        Excerpt::of("p.txt", text, &index, span, index.line_of(span.start) + 1)
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let text = "rappelant\r\na)\tla Résolution 140 (Rév. Guadalajara, 2010);\r\nb)\tx\r\n";
        let span = span_of(text, "Résolution 140");
        let e = excerpt(text, span).unwrap();
        assert_eq!(e.shown, "a)\tla Résolution 140 (Rév. Guadalajara, 2010);");
        assert_eq!(&e.shown[e.range(span)], "Résolution 140");
        assert_eq!(e.line_number((), 0).unwrap(), 2);
        // The tab is one character, as in the JSON report's columns.
        assert_eq!(e.column_number((), 0, e.range(span).start).unwrap(), 7);
    }

    #[test]
    fn a_long_line_is_cut_around_the_finding_between_words_with_real_columns() {
        // A paragraph of a PDF export: Cyrillic and accents before the finding, an emoji
        // after it.
        let before = "Всемирная ассамблея по стандартизации электросвязи, considérant ".repeat(4);
        let after = " de la Conférence de plénipotentiaires 😀 qui souligne ".repeat(4);
        let line = format!("{before}Résolution 140 (Rév. Guadalajara, 2010){after}");
        let text = format!("RÉSOLUTION 1\n{line}\nfin\n");
        let span = span_of(&text, "Résolution 140 (Rév. Guadalajara, 2010)");
        let e = excerpt(&text, span).unwrap();
        assert!(
            e.shown.starts_with("…") && e.shown.ends_with("…"),
            "{}",
            e.shown
        );
        assert_eq!(
            &e.shown[e.range(span)],
            "Résolution 140 (Rév. Guadalajara, 2010)"
        );
        // Cut between words, the context kept on both sides.
        let head = &e.shown[MARK.len()..e.range(span).start];
        let tail = &e.shown[e.range(span).end..e.shown.len() - MARK.len()];
        assert!(
            !head.starts_with(' ') && text.contains(&format!(" {head}")),
            "{head:?}"
        );
        assert!(
            !tail.ends_with(' ') && text.contains(&format!("{tail} ")),
            "{tail:?}"
        );
        for part in [head, tail] {
            let n = part.chars().count();
            assert!(
                (CONTEXT - WORD_SLACK..=CONTEXT).contains(&n),
                "{n}: {part:?}"
            );
        }
        // The locus column is the finding's column in the whole line.
        assert_eq!(
            e.column_number((), 0, e.range(span).start).unwrap(),
            before.chars().count() + 1
        );
        assert_eq!(e.line_number((), 0).unwrap(), 2);
    }

    #[test]
    fn a_finding_near_a_long_lines_end_is_not_marked_there() {
        let line = format!("{}Résolution 140 (Rév. Busan, 2014).", "mot ".repeat(60));
        let span = span_of(&line, "Résolution 140");
        let e = excerpt(&line, span).unwrap();
        assert!(
            e.shown.starts_with("…") && e.shown.ends_with("2014)."),
            "{}",
            e.shown
        );
        let line = format!("Résolution 140 (Rév. Busan, 2014) {}", "mot ".repeat(60));
        let e = excerpt(&line, span_of(&line, "Résolution 140")).unwrap();
        assert!(
            e.shown.starts_with("Résolution") && e.shown.ends_with("…"),
            "{}",
            e.shown
        );
        assert_eq!(e.column_number((), 0, e.lead).unwrap(), 1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any span of any text: no panic; a span within one line's text is shown whole
        /// under the marks, at its real column; any other (over a line break or its CR)
        /// has no excerpt, and codespan shows the lines themselves.
        #[test]
        fn every_span_is_shown_where_it_is(
            // Line breaks are rare, so that lines are often long enough to be cut.
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    30 => proptest::sample::select(vec![
                        "a", "Résolution ", "140", " ", "\t", "é", "Я", "😀", "中文",
                        "(Rév. Busan, 2014)", "…", "\u{a0}", "mot ", "\u{301}",
                    ]),
                    1 => proptest::sample::select(vec!["\r\n", "\n"]),
                ],
                0..200,
            ),
            ends in (0usize..2000, 0usize..2000),
        ) {
            let text: String = pieces.concat();
            let at = |n: usize| crate::base::text::floor_char_boundary(&text, n % (text.len() + 1));
            let (a, b) = (at(ends.0), at(ends.1));
            let span = Span::new(a.min(b), a.max(b));
            // The line the span starts on, without its line break (and the CR before it).
            let line = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[line..].find('\n').map_or(text.len(), |i| line + i);
            let content_end = if text[..line_end].ends_with('\r') { line_end - 1 } else { line_end };
            let on_the_line = span.start <= content_end && span.end <= content_end;
            match excerpt(&text, span) {
                Some(e) => {
                    proptest::prop_assert!(on_the_line);
                    proptest::prop_assert_eq!(&e.shown[e.range(span)], &text[span.start..span.end]);
                    let column = text[line..span.start].chars().count() + 1;
                    proptest::prop_assert_eq!(e.column_number((), 0, e.range(span).start).unwrap(), column);
                    proptest::prop_assert!(e.shown.chars().count() <= LONGEST_SHOWN.max(span.len() + 2 * CONTEXT + 2));
                }
                None => proptest::prop_assert!(!on_the_line),
            }
        }
    }

    #[test]
    fn a_finding_over_two_lines_has_no_excerpt() {
        let text = "a)\tla Résolution\n140 (Rév. Busan, 2014)\n";
        let span = Span::new(
            text.find("Résolution").unwrap(),
            text.find(" (Rév").unwrap(),
        );
        assert!(excerpt(text, span).is_none());
    }
}
