//! The live text of an open document: a rope that `didChange` edits in place.

use ropey::Rope;
use tower_lsp::lsp_types::TextDocumentContentChangeEvent;

use super::position::rope_char;
use crate::analysis::TextChange;
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

/// Makes `text` (the previous version, as the analysis last saw it) equal to `rope`,
/// copying only the part that differs, and says which part that was. Comparing both ends
/// is a memory comparison; copying the whole megabyte at every keystroke, and giving the
/// analysis no hint of what changed, were the costs this replaces.
pub fn sync_text(text: &mut String, rope: &Rope) -> TextChange {
    let old = text.as_bytes();
    let new_len = rope.len_bytes();
    let mut prefix = 0;
    for chunk in rope.chunks() {
        let same = common_prefix(chunk.as_bytes(), &old[prefix..]);
        prefix += same;
        if same < chunk.len() {
            break;
        }
    }
    let longest_suffix = old.len().min(new_len) - prefix;
    let mut suffix = 0;
    let (chunks, ..) = rope.chunks_at_byte(new_len);
    for chunk in chunks.reversed() {
        let chunk = chunk.as_bytes();
        let same = common_suffix(chunk, &old[..old.len() - suffix]);
        suffix += same;
        if same < chunk.len() || suffix >= longest_suffix {
            break;
        }
    }
    suffix = suffix.min(longest_suffix);
    // The changed part begins and ends on character boundaries of both texts: the bytes
    // around it are the same in both, so a boundary of one is a boundary of the other.
    while !text.is_char_boundary(prefix) {
        prefix -= 1;
    }
    while !text.is_char_boundary(text.len() - suffix) {
        suffix -= 1;
    }
    let change = TextChange {
        start: prefix,
        old_end: text.len() - suffix,
        new_end: new_len - suffix,
    };
    let middle = rope.byte_slice(change.start..change.new_end);
    match middle.as_str() {
        Some(middle) => text.replace_range(change.start..change.old_end, middle),
        None => text.replace_range(change.start..change.old_end, &middle.to_string()),
    }
    change
}

/// Compared a block at a time: equality of slices is a `memcmp`, many times faster than
/// comparing byte by byte over a megabyte.
const BLOCK: usize = 256;

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let mut same = 0;
    while same + BLOCK <= len && a[same..same + BLOCK] == b[same..same + BLOCK] {
        same += BLOCK;
    }
    same + a[same..len]
        .iter()
        .zip(&b[same..len])
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let (a, b) = (&a[a.len() - len..], &b[b.len() - len..]);
    let mut same = 0;
    while same + BLOCK <= len
        && a[len - same - BLOCK..len - same] == b[len - same - BLOCK..len - same]
    {
        same += BLOCK;
    }
    same + a[..len - same]
        .iter()
        .rev()
        .zip(b[..len - same].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
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
        /// Whatever two texts, `sync_text` turns one into the other and describes the
        /// change truthfully (both ends outside it are equal).
        #[test]
        fn sync_text_turns_the_old_text_into_the_new(
            old in "[aé😀\\r\\n*]{0,40}",
            new in "[aé😀\\r\\n*]{0,40}",
            repeat in 1usize..200,
        ) {
            // Long enough for the rope to have several chunks.
            let (old, new) = (old.repeat(repeat), new.repeat(repeat));
            let mut text = old.clone();
            let change = sync_text(&mut text, &Rope::from_str(&new));
            prop_assert_eq!(&text, &new);
            prop_assert_eq!(&old[..change.start], &new[..change.start]);
            prop_assert_eq!(&old[change.old_end..], &new[change.new_end..]);
        }

        #[test]
        fn sync_text_finds_a_small_edit_in_a_long_text(
            at in 0usize..100_000,
            insert in "[aé😀\\n]{0,3}",
            delete in 0usize..3,
        ) {
            let old: String = "Résolution 140 (Rév. Busan, 2014)\n".repeat(3000);
            let at = crate::text::floor_char_boundary(&old, at.min(old.len()));
            let end = crate::text::floor_char_boundary(&old, (at + delete).min(old.len()));
            let mut new = old.clone();
            new.replace_range(at..end, &insert);
            let mut text = old.clone();
            let change = sync_text(&mut text, &Rope::from_str(&new));
            prop_assert_eq!(&text, &new);
            // No more than the edit itself, widened to whole characters (an edit next to
            // the same text may be found a little further on: equally true).
            prop_assert!(change.old_end - change.start <= end - at + 6);
            prop_assert!(change.new_end - change.start <= insert.len() + 6);
        }

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
