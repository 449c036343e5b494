//! The live text of an open document: a rope that `didChange` edits in place.

use ropey::Rope;
use tower_lsp::lsp_types::TextDocumentContentChangeEvent;

use super::position::rope_char;
use crate::base::text::Encoding;
use crate::engine::analysis::TextChange;

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
    /// the text after the previous change), then its version. Returns the bytes that
    /// changed, for the analysis to re-read only those.
    pub fn apply(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        encoding: Encoding,
    ) -> TextChange {
        let mut changed: Option<TextChange> = None;
        for change in changes {
            let this = match change.range {
                None => {
                    let old_len = self.rope.len_bytes();
                    self.rope = Rope::from_str(&change.text);
                    TextChange::whole(old_len, change.text.len())
                }
                Some(range) => {
                    let start = rope_char(&self.rope, range.start, encoding);
                    let end = rope_char(&self.rope, range.end, encoding).max(start);
                    let start_byte = self.rope.char_to_byte(start);
                    let end_byte = self.rope.char_to_byte(end);
                    if end > start {
                        self.rope.remove(start..end);
                    }
                    if !change.text.is_empty() {
                        self.rope.insert(start, &change.text);
                    }
                    TextChange {
                        start: start_byte,
                        old_end: end_byte,
                        new_end: start_byte + change.text.len(),
                    }
                }
            };
            changed = Some(changed.map_or(this, |c| c.then(this)));
        }
        self.version = version;
        let end = self.rope.len_bytes();
        changed.unwrap_or(TextChange {
            start: end,
            old_end: end,
            new_end: end,
        })
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

/// Brings `text`, a copy of the buffer before `change`, up to date with `rope`, the
/// buffer after it, copying only the changed bytes (a copy of the whole megabyte at
/// every keystroke was a fifth of the server's time). Returns `false`, leaving `text`
/// unchanged, if the change does not fit the two texts.
pub fn apply_change(text: &mut String, rope: &Rope, change: TextChange) -> bool {
    let fits = change.start <= change.old_end.min(change.new_end)
        && change.old_end <= text.len()
        && change.new_end <= rope.len_bytes()
        && text.len() - change.old_end == rope.len_bytes() - change.new_end
        && text.is_char_boundary(change.start)
        && text.is_char_boundary(change.old_end);
    if !fits {
        return false;
    }
    let middle = rope.byte_slice(change.start..change.new_end);
    match middle.as_str() {
        Some(middle) => text.replace_range(change.start..change.old_end, middle),
        None => text.replace_range(change.start..change.old_end, &middle.to_string()),
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::{LineCol, LineIndex};
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
        let before = buffer.text();
        let changed = buffer.apply(
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
        // Three edits, one change covering them all.
        let mut copy = before;
        assert!(apply_change(&mut copy, buffer.rope(), changed));
        assert_eq!(copy, buffer.text());
        assert_eq!((changed.start, changed.old_end), (0, 47));
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
                let start = crate::base::text::floor_char_boundary(&client, e.start.min(client.len()));
                let end = crate::base::text::floor_char_boundary(&client, (start + e.len).min(client.len()));
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
                let before = client.clone();
                client.replace_range(s2..e2.max(s2), e.text);
                let changed = buffer.apply(&[change(Some(r), e.text)], i as i32 + 1, encoding);
                prop_assert_eq!(buffer.text(), client.clone());
                // The change says truthfully what changed, and brings a copy up to date.
                prop_assert_eq!(&before[..changed.start], &client[..changed.start]);
                prop_assert_eq!(&before[changed.old_end..], &client[changed.new_end..]);
                let mut copy = before.clone();
                prop_assert!(apply_change(&mut copy, buffer.rope(), changed));
                prop_assert_eq!(copy, client.clone());
            }
        }
    }
}
