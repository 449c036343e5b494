//! The live text of an open document: a rope that `didChange` edits in place.

use ropey::Rope;
use tower_lsp::lsp_types::TextDocumentContentChangeEvent;

use super::position::rope_char;
use crate::text::Encoding;

#[derive(Debug, Clone)]
pub struct Buffer {
    rope: Rope,
    version: i32,
}

impl Buffer {
    pub fn new(text: &str, version: i32) -> Self {
        Buffer {
            rope: Rope::from_str(text),
            version,
        }
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    /// Applies one `didChange` notification: its changes in order (each range refers to
    /// the text after the previous change), then its version.
    pub fn apply(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(&change.text),
                Some(range) => {
                    let start = rope_char(&self.rope, range.start, encoding);
                    let end = rope_char(&self.rope, range.end, encoding).max(start);
                    if end > start {
                        self.rope.remove(start..end);
                    }
                    if !change.text.is_empty() {
                        self.rope.insert(start, &change.text);
                    }
                }
            }
        }
        self.version = version;
    }

    /// The whole text, for analysis.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.rope.len_bytes());
        for chunk in self.rope.chunks() {
            text.push_str(chunk);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LineCol, LineIndex};
    use proptest::prelude::*;
    use tower_lsp::lsp_types::{Position, Range};

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

    #[test]
    fn edits_apply_in_order_with_utf16_columns() {
        let mut buffer = Buffer::new("Résolution 140 (Rév. Guadalajara, 2010)\r\n😀 x\r\n", 1);
        buffer.apply(
            &[
                // "Guadalajara, 2010" -> "Busan, 2014"; columns in UTF-16 units.
                change(range(0, 21, 0, 38), "Busan, 2014"),
                // The emoji is two UTF-16 units: insert after it.
                change(range(1, 2, 1, 2), "!"),
                // Then replace the whole text's first word (refers to the edited text).
                change(range(0, 0, 0, 10), "Resolution"),
            ],
            2,
            Encoding::Utf16,
        );
        assert_eq!(
            buffer.text(),
            "Resolution 140 (Rév. Busan, 2014)\r\n😀! x\r\n"
        );
        assert_eq!(buffer.version(), 2);
    }

    #[test]
    fn full_replacement_and_utf8_columns() {
        let mut buffer = Buffer::new("old", 1);
        buffer.apply(&[change(None, "décide\nà")], 2, Encoding::Utf8);
        buffer.apply(&[change(range(1, 2, 1, 2), "b")], 3, Encoding::Utf8);
        assert_eq!(buffer.text(), "décide\nàb");
        // A column past the end of a CRLF line inserts before the line break.
        let mut buffer = Buffer::new("ab\r\ncd", 1);
        buffer.apply(&[change(range(0, 99, 0, 99), "!")], 2, Encoding::Utf16);
        assert_eq!(buffer.text(), "ab!\r\ncd");
    }

    #[derive(Debug, Clone)]
    struct RandomEdit {
        start: usize,
        len: usize,
        text: &'static str,
    }

    fn edit() -> impl Strategy<Value = RandomEdit> {
        (
            0usize..200,
            0usize..6,
            prop_oneof![
                Just(""),
                Just("a"),
                Just("é"),
                Just("Ж"),
                Just("😀"),
                Just("\n"),
                Just("\r\n"),
                Just("Résolution 140 (Rév. Busan, 2014)\r\n"),
            ],
        )
            .prop_map(|(start, len, text)| RandomEdit { start, len, text })
    }

    proptest! {
        /// Random edits sent as a client would (positions computed on the client's copy
        /// with `LineIndex`) leave the rope equal to the client's copy, in every encoding.
        #[test]
        fn random_edits_keep_rope_and_client_in_step(
            edits in proptest::collection::vec(edit(), 1..40),
            utf8 in any::<bool>(),
        ) {
            let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut client = String::from("MOD\tB/1/1\r\nrappelant\r\na)\tla Résolution 140;\n");
            let mut buffer = Buffer::new(&client, 0);
            for (i, e) in edits.iter().enumerate() {
                let start = crate::text::floor_char_boundary(&client, e.start.min(client.len()));
                let end = crate::text::floor_char_boundary(&client, (start + e.len).min(client.len()));
                let index = LineIndex::new(&client);
                let p = |o| {
                    let LineCol { line, col } = index.position(&client, o, encoding);
                    Position::new(line, col)
                };
                let r = Range::new(p(start), p(end));
                // Offsets inside a CRLF do not survive the round trip; skip like a client would.
                let (s2, e2) = (
                    index.offset(&client, LineCol { line: r.start.line, col: r.start.character }, encoding),
                    index.offset(&client, LineCol { line: r.end.line, col: r.end.character }, encoding),
                );
                client.replace_range(s2..e2.max(s2), e.text);
                buffer.apply(&[change(Some(r), e.text)], i as i32 + 1, encoding);
                prop_assert_eq!(buffer.text(), client.clone());
            }
        }
    }
}
