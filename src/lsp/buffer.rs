//! The text of an open document as its worker holds it, and the client's edits applied
//! to it in place.
//!
//! The worker's text is the server's only copy of a document. Until 2026-12 the handlers
//! kept a rope of their own, edited as each `didChange` arrived, and the worker a string
//! brought up to date from it: the text was held twice, a megabyte of memory per
//! megabyte of document (docs/performance.md). The handlers now queue the edits as the
//! client sent them (see [`Pending`](super::state::Pending)) and the worker applies them
//! here, in order, before each analysis. The snapshot of a version shares the text
//! (an `Arc`); the worker takes the published snapshot back before editing, so the text
//! is edited in place unless a request still reads the old version.
//!
//! Positions are resolved with the line index, which counts lines as the client does in
//! every text without a lone CR. In a text with one (the client breaks lines there, the
//! index does not; such texts are not analysed, but the text must follow the client's
//! edits), they are resolved through a rope built for the edit, whose lines are the
//! client's.

use std::sync::Arc;

use ropey::Rope;
use tower_lsp::lsp_types::{Position, TextDocumentContentChangeEvent};

use super::position::rope_char;
use crate::base::text::{Encoding, LineCol, LineIndex};
use crate::engine::analysis::TextChange;

/// A document's text, its line index, and where its first lone CR is.
#[derive(Debug, Clone)]
pub struct Buffer {
    text: Arc<String>,
    lines: Arc<LineIndex>,
    lone_cr: Option<usize>,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            text: Arc::default(),
            lines: Arc::new(LineIndex::new("")),
            lone_cr: None,
        }
    }
}

impl Buffer {
    /// The whole text, as the client has it (with its byte-order mark, if any).
    pub fn text(&self) -> &Arc<String> {
        &self.text
    }

    pub fn lines(&self) -> &Arc<LineIndex> {
        &self.lines
    }

    /// The offset of the first lone carriage return (see [`crate::base::text::lone_cr`]).
    pub fn lone_cr(&self) -> Option<usize> {
        self.lone_cr
    }

    /// Applies changes as the client sent them: each range refers to the text after the
    /// changes before it; a change without a range replaces the whole text (its string
    /// is moved in, not copied: a `didOpen` is one). Returns the bytes that changed, for
    /// the analysis to re-read only those.
    pub fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> TextChange {
        let mut changed: Option<TextChange> = None;
        for change in changes {
            let this = match change.range {
                None => {
                    let old_len = self.text.len();
                    self.text = Arc::new(change.text);
                    self.lines = Arc::new(LineIndex::new(&self.text));
                    self.lone_cr = crate::base::text::lone_cr(&self.text);
                    TextChange::whole(old_len, self.text.len())
                }
                Some(range) => {
                    let (start, end) = self.span(range.start, range.end, encoding);
                    let text = Arc::make_mut(&mut self.text);
                    text.replace_range(start..end, &change.text);
                    let this = TextChange {
                        start,
                        old_end: end,
                        new_end: start + change.text.len(),
                    };
                    if !this.is_empty() {
                        Arc::make_mut(&mut self.lines).update(text, this);
                    }
                    self.lone_cr = lone_cr_after(self.lone_cr, text, this);
                    this
                }
            };
            changed = Some(changed.map_or(this, |c| c.then(this)));
        }
        let end = self.text.len();
        changed.unwrap_or(TextChange {
            start: end,
            old_end: end,
            new_end: end,
        })
    }

    /// The byte offsets of a range of the client's, clamped as [`LineIndex::offset`]
    /// clamps, the end never before the start.
    fn span(&self, start: Position, end: Position, encoding: Encoding) -> (usize, usize) {
        if self.lone_cr.is_some() {
            let rope = Rope::from_str(&self.text);
            let offset = |p| rope.char_to_byte(rope_char(&rope, p, encoding));
            let start = offset(start);
            return (start, offset(end).max(start));
        }
        let offset = |p: Position| {
            let pos = LineCol {
                line: p.line,
                col: p.character,
            };
            self.lines.offset(&self.text, pos, encoding)
        };
        let start = offset(start);
        (start, offset(end).max(start))
    }
}

/// The first lone CR of `text`, which differs by `change` from a text whose first lone CR
/// was `before`: when that text had none, one can only be in the changed bytes or just
/// before them, and only they are looked at (a keystroke does not read the document).
pub fn lone_cr_after(before: Option<usize>, text: &str, change: TextChange) -> Option<usize> {
    let bytes = text.as_bytes();
    let fits = change.start <= change.new_end && change.new_end <= bytes.len();
    if before.is_some() || !fits {
        return crate::base::text::lone_cr(text);
    }
    // The byte before the change may be a CR whose LF the change took away.
    let from = change.start.saturating_sub(1);
    memchr::memchr_iter(b'\r', &bytes[from..change.new_end])
        .map(|i| from + i)
        .find(|&i| bytes.get(i + 1) != Some(&b'\n'))
}

/// The zero-based line of a byte offset, as the client counts lines (LF, CRLF and a lone
/// CR each end one).
pub fn client_line_of(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let before = &bytes[..offset.min(bytes.len())];
    memchr::memchr2_iter(b'\n', b'\r', before)
        .filter(|&i| before[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::LineIndex;
    use proptest::prelude::*;
    use tower_lsp::lsp_types::Range;

    fn change(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_string(),
        }
    }

    fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Option<Range> {
        Some(Range::new(Position::new(l1, c1), Position::new(l2, c2)))
    }

    fn opened(text: &str) -> Buffer {
        let mut buffer = Buffer::default();
        buffer.apply(vec![change(None, text)], Encoding::Utf16);
        buffer
    }

    #[test]
    fn edits_apply_in_order_with_utf16_columns() {
        let mut buffer = opened("Résolution 140 (Rév. Guadalajara, 2010)\r\n😀 x\r\n");
        let before = buffer.text().to_string();
        let changed = buffer.apply(
            vec![
                // "Guadalajara, 2010" -> "Busan, 2014"; columns in UTF-16 units.
                change(range(0, 21, 0, 38), "Busan, 2014"),
                // The emoji is two UTF-16 units: insert after it.
                change(range(1, 2, 1, 2), "!"),
                // Then replace the whole text's first word (refers to the edited text).
                change(range(0, 0, 0, 10), "Resolution"),
            ],
            Encoding::Utf16,
        );
        let after = "Resolution 140 (Rév. Busan, 2014)\r\n😀! x\r\n";
        assert_eq!(buffer.text().as_str(), after);
        // Three edits, one change covering them all.
        assert_eq!((changed.start, changed.old_end), (0, 47));
        assert_eq!(before[changed.old_end..], after[changed.new_end..]);
        assert_eq!(
            buffer.lines().line_count(),
            LineIndex::new(after).line_count()
        );
    }

    #[test]
    fn full_replacement_and_utf8_columns() {
        let mut buffer = opened("old");
        let changed = buffer.apply(vec![change(None, "décide\nà")], Encoding::Utf8);
        assert_eq!(changed, TextChange::whole(3, "décide\nà".len()));
        buffer.apply(vec![change(range(1, 2, 1, 2), "b")], Encoding::Utf8);
        assert_eq!(buffer.text().as_str(), "décide\nàb");
        // A column past the end of a CRLF line inserts before the line break.
        let mut buffer = opened("ab\r\ncd");
        buffer.apply(vec![change(range(0, 99, 0, 99), "!")], Encoding::Utf16);
        assert_eq!(buffer.text().as_str(), "ab!\r\ncd");
    }

    /// A text that a snapshot still shares is copied, not changed under the reader.
    #[test]
    fn a_shared_text_is_not_edited_under_its_reader() {
        let mut buffer = opened("décide\n");
        let reader = buffer.text().clone();
        buffer.apply(vec![change(range(0, 0, 0, 0), "x")], Encoding::Utf16);
        assert_eq!(
            (reader.as_str(), buffer.text().as_str()),
            ("décide\n", "xdécide\n")
        );
    }

    #[test]
    fn lines_are_counted_as_the_client_counts_them() {
        let text = "a\rb\r\nc\nd";
        let lines: Vec<usize> = (0..=text.len()).map(|o| client_line_of(text, o)).collect();
        assert_eq!(lines, [0, 0, 1, 1, 1, 2, 2, 3, 3]);
    }

    #[derive(Debug, Clone)]
    struct RandomEdit {
        start: usize,
        len: usize,
        text: &'static str,
    }

    fn edit(texts: &'static [&'static str]) -> impl Strategy<Value = RandomEdit> {
        (0usize..200, 0usize..6, proptest::sample::select(texts))
            .prop_map(|(start, len, text)| RandomEdit { start, len, text })
    }

    const TEXTS: &[&str] = &[
        "",
        "a",
        "é",
        "Ж",
        "😀",
        "\n",
        "\r\n",
        "Résolution 140 (Rév. Busan, 2014)\r\n",
    ];

    /// Edits that may leave or make lone CRs, which the client counts as line breaks.
    const WITH_CR: &[&str] = &["", "a", "é", "😀", "\r", "\n", "\r\n", "x\ry"];

    /// A position as the client computes it: lines broken at LF, CRLF and a lone CR (as
    /// a rope with ropey's `cr_lines` breaks them), columns in `encoding`.
    fn client_position(text: &str, offset: usize, encoding: Encoding) -> Position {
        let rope = Rope::from_str(text);
        let char_at = rope.byte_to_char(offset);
        let line = rope.char_to_line(char_at);
        let first = rope.line_to_char(line);
        let col = match encoding {
            Encoding::Utf8 => offset - rope.char_to_byte(first),
            Encoding::Utf16 => rope.char_to_utf16_cu(char_at) - rope.char_to_utf16_cu(first),
            Encoding::Chars => char_at - first,
        };
        Position::new(line as u32, col as u32)
    }

    /// Applies random edits the way a client sends them and checks the buffer against
    /// the client's copy, the change reported, the line index and the lone CR.
    fn follow(
        start_text: &str,
        edits: &[RandomEdit],
        encoding: Encoding,
    ) -> Result<(), TestCaseError> {
        let mut client = start_text.to_string();
        let mut buffer = opened(&client);
        for e in edits {
            let start = crate::base::text::floor_char_boundary(&client, e.start.min(client.len()));
            let end =
                crate::base::text::floor_char_boundary(&client, (start + e.len).min(client.len()));
            // A client cannot point between a CR and its LF: it moves such an end out.
            let inside_crlf =
                |o: usize| o > 0 && client[..o].ends_with('\r') && client[o..].starts_with('\n');
            let start = start - usize::from(inside_crlf(start));
            let end = (end + usize::from(inside_crlf(end))).max(start);
            let r = Range::new(
                client_position(&client, start, encoding),
                client_position(&client, end, encoding),
            );
            let before = client.clone();
            client.replace_range(start..end, e.text);
            let changed = buffer.apply(vec![change(Some(r), e.text)], encoding);
            prop_assert_eq!(buffer.text().as_str(), client.as_str());
            // The change says truthfully what changed.
            prop_assert_eq!(&before[..changed.start], &client[..changed.start]);
            prop_assert_eq!(&before[changed.old_end..], &client[changed.new_end..]);
            let fresh = LineIndex::new(&client);
            prop_assert_eq!(buffer.lines().line_count(), fresh.line_count());
            for line in 0..fresh.line_count() {
                prop_assert_eq!(buffer.lines().line_start(line), fresh.line_start(line));
            }
            prop_assert_eq!(buffer.lone_cr(), crate::base::text::lone_cr(&client));
        }
        Ok(())
    }

    proptest! {
        /// Random edits sent as a client would leave the buffer equal to the client's
        /// copy, in every encoding.
        #[test]
        fn random_edits_keep_buffer_and_client_in_step(
            edits in proptest::collection::vec(edit(TEXTS), 1..40),
            utf8 in any::<bool>(),
        ) {
            let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            follow("MOD\tB/1/1\r\nrappelant\r\na)\tla Résolution 140;\n", &edits, encoding)?;
        }

        /// The same where edits make and unmake lone CRs, whose lines only the client
        /// counts.
        #[test]
        fn random_edits_around_lone_crs_keep_buffer_and_client_in_step(
            edits in proptest::collection::vec(edit(WITH_CR), 1..40),
            utf8 in any::<bool>(),
        ) {
            let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            follow("rappelant\ra)\tla Résolution 140;\r\nb) é\n", &edits, encoding)?;
        }
    }
}
