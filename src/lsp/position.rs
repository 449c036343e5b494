//! LSP positions: negotiating the encoding, and converting positions of the client to
//! offsets of our text and back.
//!
//! Two kinds of text are converted here:
//!
//! - the *analysed* text of a snapshot (a `&str` with its [`LineIndex`]): every range the
//!   server sends (diagnostics, edits, symbols, hovers) and every position of a request
//!   goes through [`Mapper`], which only calls [`LineIndex`];
//! - the document's text while `didChange` edits are applied ([`super::buffer`]): through
//!   [`LineIndex`] too, except in a text with a lone CR, where the client breaks a line
//!   and the index does not; there [`rope_char`] reads a rope's own line and UTF-16
//!   indexes. Ropey breaks lines at LF, CRLF and a lone CR, as LSP clients do, so the
//!   text follows the client's edits whatever it holds; on every text without a lone CR
//!   (the only ones analysed, see [`crate::base::text::lone_cr`]) it agrees with
//!   [`LineIndex`]. A property test checks that the two give the same offset for every
//!   position, with CRLF, form feeds, U+2028, accents, Cyrillic and emoji.

use std::sync::Arc;

use ropey::Rope;
use tower_lsp::lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

use crate::base::text::{Encoding, LineCol, LineIndex, Span};

/// The column encoding to use with a client: UTF-8 when it offers it in
/// `general.positionEncodings`, else the LSP default UTF-16.
pub fn negotiate(capabilities: &ClientCapabilities) -> Encoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

/// The name of an encoding in `ServerCapabilities.positionEncoding`.
pub fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Chars => PositionEncodingKind::UTF32,
    }
}

/// Converts between LSP positions and byte offsets of one analysed text.
///
/// `base` is the number of bytes the buffer holds before the analysed text (a byte-order
/// mark, which proplint strips before analysis as the CLI does): spans of the analysis
/// are relative to the analysed text, positions to the whole buffer.
#[derive(Debug, Clone)]
pub struct Mapper {
    index: Arc<LineIndex>,
    base: usize,
    encoding: Encoding,
}

impl Mapper {
    /// `buffer` is the whole document as the client has it.
    pub fn new(buffer: &str, base: usize, encoding: Encoding) -> Self {
        Mapper::with_index(Arc::new(LineIndex::new(buffer)), base, encoding)
    }

    /// With the line index of the whole buffer, already made (the server keeps one up
    /// to date from version to version).
    pub fn with_index(index: Arc<LineIndex>, base: usize, encoding: Encoding) -> Self {
        Mapper {
            index,
            base,
            encoding,
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn base(&self) -> usize {
        self.base
    }

    /// The LSP position of a byte offset into the analysed text.
    pub fn position(&self, buffer: &str, offset: usize) -> Position {
        let LineCol { line, col } = self
            .index
            .position(buffer, offset + self.base, self.encoding);
        Position::new(line, col)
    }

    pub fn range(&self, buffer: &str, span: Span) -> Range {
        Range::new(
            self.position(buffer, span.start),
            self.position(buffer, span.end),
        )
    }

    /// The byte offset into the analysed text of an LSP position (clamped into it).
    pub fn offset(&self, buffer: &str, position: Position) -> usize {
        let pos = LineCol {
            line: position.line,
            col: position.character,
        };
        self.index
            .offset(buffer, pos, self.encoding)
            .saturating_sub(self.base)
    }

    pub fn span(&self, buffer: &str, range: Range) -> Span {
        let start = self.offset(buffer, range.start);
        let end = self.offset(buffer, range.end).max(start);
        Span::new(start, end)
    }

    /// The zero-based line holding an offset of the analysed text.
    pub fn line_of(&self, offset: usize) -> u32 {
        self.index.line_of(offset + self.base) as u32
    }
}

/// The char index into `rope` of an LSP position, clamped as [`LineIndex::offset`]
/// clamps: a line past the end to the end of the text, a column past the end of its
/// line to before the line break, a column inside a character to its start.
pub fn rope_char(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
        if len > 0 && slice.char(len - 1) == '\r' {
            len -= 1;
        }
    }
    let end = start + len;
    let col = position.character as usize;
    match encoding {
        Encoding::Utf8 => {
            let first = rope.char_to_byte(start);
            let last = rope.char_to_byte(end);
            rope.byte_to_char((first + col).min(last))
        }
        Encoding::Utf16 => {
            let first = rope.char_to_utf16_cu(start);
            let last = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char((first + col).min(last))
        }
        Encoding::Chars => (start + col).min(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tower_lsp::lsp_types::GeneralClientCapabilities;

    const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Chars];

    fn caps(encodings: Option<Vec<PositionEncodingKind>>) -> ClientCapabilities {
        ClientCapabilities {
            general: Some(GeneralClientCapabilities {
                position_encodings: encodings,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn utf8_only_when_offered() {
        assert_eq!(negotiate(&ClientCapabilities::default()), Encoding::Utf16);
        assert_eq!(negotiate(&caps(None)), Encoding::Utf16);
        assert_eq!(
            negotiate(&caps(Some(vec![PositionEncodingKind::UTF16]))),
            Encoding::Utf16
        );
        assert_eq!(
            negotiate(&caps(Some(vec![
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ]))),
            Encoding::Utf8
        );
        assert_eq!(
            negotiate(&caps(Some(vec![PositionEncodingKind::UTF32]))),
            Encoding::Utf16
        );
    }

    /// Every position that matters (every column of every line, one past each line's
    /// end, lines past the end) maps to the same offset through the rope and through
    /// `LineIndex`.
    fn rope_agrees_with_line_index(text: &str) {
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        assert_eq!(rope.len_lines(), index.line_count(), "{text:?}");
        for encoding in ENCODINGS {
            for line in 0..index.line_count() as u32 + 2 {
                for col in 0..40u32 {
                    let pos = Position::new(line, col);
                    let by_index = index.offset(text, LineCol { line, col }, encoding);
                    let by_rope = rope.char_to_byte(rope_char(&rope, pos, encoding));
                    assert_eq!(by_rope, by_index, "{encoding:?} {pos:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn rope_and_line_index_agree_on_awkward_text() {
        for text in [
            "",
            "\n",
            "MOD\tB/67/3\r\nrappelant\r\na)\tla Résolution 140 (Rév. Guadalajara, 2010)\r\n",
            "crlf\r\ncarriage return\u{c}form feed\u{2028}line separator\u{85}next line\n",
            "а)\tтекст 😀 Resolution 140\nb)\tx",
            "\u{feff}RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)\n",
            "ends with CRLF\r\n",
            "😀😀\r\n\r\n😀",
        ] {
            rope_agrees_with_line_index(text);
        }
    }

    proptest! {
        #[test]
        fn rope_and_line_index_agree_on_random_text(
            text in proptest::collection::vec(
                prop_oneof![
                    Just("a"), Just("é"), Just("Ж"), Just("😀"), Just("\n"), Just("\r\n"),
                    Just("\u{c}"), Just("\u{2028}"), Just("\t"), Just("\u{feff}"),
                ],
                0..30,
            ).prop_map(|parts| parts.concat())
        ) {
            rope_agrees_with_line_index(&text);
        }
    }

    #[test]
    fn mapper_shifts_by_the_stripped_bom() {
        let buffer = "\u{feff}MOD\tB/1/1\nx";
        let mapper = Mapper::new(buffer, 3, Encoding::Utf16);
        // Offset 0 of the analysed text is column 1 (the BOM is one UTF-16 unit).
        assert_eq!(mapper.position(buffer, 0), Position::new(0, 1));
        assert_eq!(mapper.offset(buffer, Position::new(0, 1)), 0);
        assert_eq!(mapper.offset(buffer, Position::new(0, 0)), 0, "clamped");
        assert_eq!(
            mapper.offset(buffer, Position::new(1, 1)),
            "MOD\tB/1/1\nx".len()
        );
    }

    #[test]
    fn mapper_ranges_in_each_encoding() {
        let buffer = "décide\r\n😀 Résolution 140\r\n";
        let start = buffer.find("Résolution").unwrap();
        let span = Span::new(start, start + "Résolution".len());
        let utf16 = Mapper::new(buffer, 0, Encoding::Utf16).range(buffer, span);
        assert_eq!(utf16, Range::new(Position::new(1, 3), Position::new(1, 13)));
        let utf8 = Mapper::new(buffer, 0, Encoding::Utf8).range(buffer, span);
        assert_eq!(utf8, Range::new(Position::new(1, 5), Position::new(1, 16)));
        let mapper = Mapper::new(buffer, 0, Encoding::Utf8);
        assert_eq!(mapper.span(buffer, utf8), span);
    }
}
