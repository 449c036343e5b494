//! Positions in source text: the one place where byte offsets, line/column pairs and
//! the three column encodings (UTF-8 bytes, UTF-16 code units, Unicode characters)
//! are converted into one another.
//!
//! Everything inside proplint works on byte offsets into the analysed `&str`
//! ([`Span`]). Only front-ends convert, and they all go through [`LineIndex`], so an
//! off-by-one in CRLF or surrogate-pair handling can only live here.

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn shifted(self, by: usize) -> Self {
        Span::new(self.start + by, self.end + by)
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// How a column counts the characters before it on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8: what LSP calls `utf-8`.
    Utf8,
    /// UTF-16 code units: the LSP default, what VS Code counts.
    Utf16,
    /// Unicode scalar values: what a person counts, and what the JSON output uses.
    Chars,
}

/// A zero-based line and a zero-based column in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a text, for converting offsets to and from line/column pairs.
///
/// A line ends after `\n`; a `\r` before it belongs to the line break, so a column on a
/// CRLF line never counts the `\r`. A lone `\r` is not a line break here: texts that
/// hold one are refused before they are analysed (see [`lone_cr`]).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// True when every byte is ASCII, so all three encodings agree and columns are free.
    ascii: bool,
    /// Column checkpoints of the long lines of a text that is not ASCII.
    long_lines: Vec<LongLine>,
}

/// Lines longer than this (in a text that is not all ASCII) keep column checkpoints, so
/// that a column is counted from the nearest one rather than from the line's start: a
/// text without line breaks and with thousands of findings cost the square of its length
/// in columns alone.
const LONG_LINE: usize = 16 * 1024;
const CHECKPOINT_EVERY: usize = 4 * 1024;

#[derive(Debug, Clone)]
struct LongLine {
    start: usize,
    /// (byte offset, UTF-16 column, character column) about every 4 KiB of the line.
    points: Vec<(usize, usize, usize)>,
}

impl LongLine {
    fn new(text: &str, start: usize, end: usize) -> LongLine {
        let mut points = Vec::new();
        let (mut at, mut utf16, mut chars) = (start, 0, 0);
        while at + CHECKPOINT_EVERY < end {
            let next = floor_char_boundary(text, at + CHECKPOINT_EVERY);
            utf16 += measure(&text[at..next], Encoding::Utf16);
            chars += measure(&text[at..next], Encoding::Chars);
            points.push((next, utf16, chars));
            at = next;
        }
        LongLine { start, points }
    }

    /// The column of `offset` (in this line), counted from the nearest checkpoint.
    fn column(&self, text: &str, offset: usize, encoding: Encoding) -> usize {
        let i = self.points.partition_point(|(at, _, _)| *at <= offset);
        let (from, before) = match i.checked_sub(1).and_then(|i| self.points.get(i)) {
            Some(&(at, utf16, chars)) => (
                at,
                match encoding {
                    Encoding::Utf16 => utf16,
                    Encoding::Chars => chars,
                    Encoding::Utf8 => at - self.start,
                },
            ),
            None => (self.start, 0),
        };
        before + measure(&text[from..offset], encoding)
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut index = LineIndex {
            line_starts,
            len: text.len(),
            ascii: text.is_ascii(),
            long_lines: Vec::new(),
        };
        index.find_long_lines(text);
        index
    }

    /// Checkpoints every long line (a pass over the line starts; real documents have
    /// none, so an editor's keystroke pays only that pass).
    fn find_long_lines(&mut self, text: &str) {
        self.long_lines.clear();
        if self.ascii {
            return;
        }
        let ends = self.line_starts.iter().skip(1).copied().chain([self.len]);
        for (&start, end) in self.line_starts.iter().zip(ends) {
            if end - start > LONG_LINE {
                self.long_lines.push(LongLine::new(text, start, end));
            }
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where zero-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// Byte span of zero-based `line` without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = self.line_start(line)?;
        let mut end = self.line_start(line + 1).unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        Some(Span::new(start, end))
    }

    /// Brings the index of the text before `change` up to date with `text`, the text
    /// after it: line starts before the change stay, those after it move, those inside
    /// it are found again. A language server does this at every keystroke instead of
    /// scanning a megabyte.
    pub fn update(&mut self, text: &str, change: TextChange) {
        let removed = self.line_starts.partition_point(|&s| s <= change.start)
            ..self.line_starts.partition_point(|&s| s <= change.old_end);
        let delta = change.delta();
        // In place: a keystroke moves the starts after it, and (most often) adds or
        // removes none, so nothing else is moved or allocated.
        for start in &mut self.line_starts[removed.end..] {
            *start = start.wrapping_add_signed(delta);
        }
        let inserted = text.as_bytes().get(change.start..change.new_end);
        let new_starts =
            memchr::memchr_iter(b'\n', inserted.unwrap_or(&[])).map(|i| change.start + i + 1);
        self.line_starts.splice(removed, new_starts);
        self.len = text.len();
        // An ASCII text stays so when only ASCII is inserted; otherwise the text is read
        // again, which stops at its first other byte (at once, in most texts that had one).
        let ascii = match inserted {
            Some(inserted) if self.ascii && inserted.is_ascii() => true,
            _ => text.is_ascii(),
        };
        let was_ascii = std::mem::replace(&mut self.ascii, ascii);
        if was_ascii {
            // No checkpoints were kept: every long line may need them now.
            self.find_long_lines(text);
        } else {
            self.update_long_lines(text, change);
        }
    }

    /// Checkpoints after `change` (line starts already updated): the long lines before the
    /// lines it touched stay, those after them move, and only the touched lines are
    /// measured, so a keystroke does not pass over every line.
    fn update_long_lines(&mut self, text: &str, change: TextChange) {
        if self.ascii {
            self.long_lines.clear();
            return;
        }
        let first = self.line_of(change.start);
        let last = self.line_of(change.new_end);
        let touched_start = self.line_starts[first];
        let touched_end = self.line_starts.get(last + 1).copied().unwrap_or(self.len);
        let delta = change.delta();
        let old = std::mem::take(&mut self.long_lines);
        let (before, rest): (Vec<LongLine>, Vec<LongLine>) =
            old.into_iter().partition(|l| l.start < touched_start);
        self.long_lines = before;
        for (start, end) in (first..=last).map(|i| {
            let start = self.line_starts[i];
            (
                start,
                self.line_starts.get(i + 1).copied().unwrap_or(self.len),
            )
        }) {
            if end - start > LONG_LINE {
                self.long_lines.push(LongLine::new(text, start, end));
            }
        }
        for mut line in rest {
            let start = line.start.wrapping_add_signed(delta);
            // Lines that began inside the change are gone or were measured above.
            if line.start < change.old_end || start < touched_end {
                continue;
            }
            line.start = start;
            for point in &mut line.points {
                point.0 = point.0.wrapping_add_signed(delta);
            }
            self.long_lines.push(line);
        }
    }

    /// Zero-based line containing `offset` (offsets past the end clamp to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Line and column of a byte offset. An offset inside a multi-byte character or
    /// past the end is moved back to the nearest character boundary first.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let col = if self.ascii {
            offset - start
        } else if offset - start > CHECKPOINT_EVERY {
            match self
                .long_lines
                .binary_search_by_key(&start, |l| l.start)
                .ok()
                .and_then(|i| self.long_lines.get(i))
            {
                Some(long) => long.column(text, offset, encoding),
                None => measure(&text[start..offset], encoding),
            }
        } else {
            measure(&text[start..offset], encoding)
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Byte offset of a line/column pair. A column past the end of its line clamps to
    /// the end of the line (before its line break), as LSP asks; a line past the end
    /// clamps to the end of the text; a column inside a character (half a surrogate
    /// pair) rounds down to the character's start.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: Encoding) -> usize {
        let line = pos.line as usize;
        let Some(span) = self.line_span(text, line) else {
            return self.len;
        };
        let want = pos.col as usize;
        if self.ascii || encoding == Encoding::Utf8 {
            let off = span.start + want.min(span.len());
            return floor_char_boundary(text, off);
        }
        let mut counted = 0usize;
        for (i, ch) in text[span.start..span.end].char_indices() {
            let width = char_width(ch, encoding);
            if counted + width > want {
                return span.start + i;
            }
            counted += width;
        }
        span.end
    }
}

fn char_width(ch: char, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => ch.len_utf8(),
        Encoding::Utf16 => ch.len_utf16(),
        Encoding::Chars => 1,
    }
}

fn measure(s: &str, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => s.len(),
        // Counted on bytes, which the compiler vectorises: every character has one byte
        // that is not a continuation byte, and those of four bytes (two UTF-16 units)
        // begin with a byte of 0xF0 or more.
        Encoding::Utf16 => s
            .bytes()
            .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum(),
        Encoding::Chars => s.bytes().filter(|&b| b & 0xC0 != 0x80).count(),
    }
}

/// How one text became the next: bytes `start..old_end` of the old text were replaced by
/// bytes `start..new_end` of the new one; everything before and after is the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextChange {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl TextChange {
    /// The whole text replaced.
    pub fn whole(old_len: usize, new_len: usize) -> TextChange {
        TextChange {
            start: 0,
            old_end: old_len,
            new_end: new_len,
        }
    }

    /// One change covering `self` and then `next` (whose offsets refer to the text after
    /// `self`): an editor may send several edits before the analysis catches up.
    pub fn then(self, next: TextChange) -> TextChange {
        if self.is_empty() {
            return next;
        }
        if next.is_empty() {
            return self;
        }
        let start = self.start.min(next.start);
        // The end of `self`'s new text, carried through `next`.
        let self_end = if self.new_end <= next.start {
            self.new_end
        } else {
            (self.new_end.max(next.old_end) + next.new_end) - next.old_end
        };
        // The end of `next`'s old text, carried back through `self`.
        let next_old_end = if next.old_end <= self.start {
            next.old_end
        } else {
            (next.old_end.max(self.new_end) + self.old_end) - self.new_end
        };
        TextChange {
            start,
            old_end: self.old_end.max(next_old_end),
            new_end: self_end.max(next.new_end),
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(self) -> bool {
        self.start == self.old_end && self.start == self.new_end
    }

    /// Bytes added (positive) or removed (negative) by the change.
    pub fn delta(self) -> isize {
        self.new_end as isize - self.old_end as isize
    }
}

/// The largest character boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte-order mark, which proplint strips on reading and restores on writing.
pub const BOM: &str = "\u{feff}";

/// The byte offset of the first lone carriage return of `text` (a CR not followed by an
/// LF: the line ending of classic Mac OS files), if any.
///
/// proplint reads lines ending in LF or CRLF only; a text with a lone CR is refused
/// rather than read as one long line: an editor shows such a CR as a line break, so a
/// fix computed on the long line (relabelling clauses it did not see) would read
/// differently there.
pub fn lone_cr(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes).find(|&i| bytes.get(i + 1) != Some(&b'\n'))
}

/// Splits a leading BOM off a decoded file.
pub fn strip_bom(text: &str) -> (&str, bool) {
    match text.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (text, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Lengths counted on bytes equal lengths counted on characters.
        #[test]
        fn lengths_counted_on_bytes_are_lengths_in_characters(s in "\\PC{0,40}") {
            prop_assert_eq!(measure(&s, Encoding::Utf16), s.encode_utf16().count());
            prop_assert_eq!(measure(&s, Encoding::Chars), s.chars().count());
            prop_assert_eq!(measure(&s, Encoding::Utf8), s.len());
        }

        /// An index updated edit by edit equals one built from the final text.
        #[test]
        fn updated_index_equals_a_new_one(
            start in "[a\\n\\r😀é]{0,30}",
            edits in proptest::collection::vec((any::<usize>(), 0usize..8, "[a\\n\\r😀é]{0,6}"), 1..30),
        ) {
            let mut text = start;
            let mut index = LineIndex::new(&text);
            for (at, len, insert) in edits {
                let from = floor_char_boundary(&text, at % (text.len() + 1));
                let to = floor_char_boundary(&text, (from + len).min(text.len()));
                text.replace_range(from..to, &insert);
                index.update(&text, TextChange { start: from, old_end: to, new_end: from + insert.len() });
                let fresh = LineIndex::new(&text);
                prop_assert_eq!(&index.line_starts, &fresh.line_starts);
                prop_assert_eq!(index.len, fresh.len);
                prop_assert_eq!(index.ascii, fresh.ascii);
                let starts = |i: &LineIndex| i.long_lines.iter().map(|l| (l.start, l.points.clone())).collect::<Vec<_>>();
                prop_assert_eq!(starts(&index), starts(&fresh));
            }
        }
    }

    proptest! {
        // Each case counts a line of 16 to 80 KB many times over.
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Long lines' checkpoints kept edit by edit equal those of an index built from the
        /// final text: lines joined into a long one, split, shortened and lengthened.
        #[test]
        fn updated_checkpoints_equal_new_ones(
            lines in proptest::collection::vec((0usize..3, 1usize..12_000), 1..5),
            edits in proptest::collection::vec(
                (any::<usize>(), 0usize..20_000, "[a\n😀é]{0,3}", 0usize..3),
                1..12,
            ),
        ) {
            let pieces = ["é", "a", "😀b"];
            let mut text: String = lines
                .iter()
                .map(|(piece, n)| format!("{}\n", pieces[*piece].repeat(*n)))
                .collect();
            let mut index = LineIndex::new(&text);
            for (at, len, insert, grow) in edits {
                let from = floor_char_boundary(&text, at % (text.len() + 1));
                // Mostly a few bytes; sometimes thousands, joining lines.
                let span = if len > 15_000 { len } else { len % 40 };
                let to = floor_char_boundary(&text, (from + span).min(text.len()));
                // Now and then a long insertion, so that a short line becomes long.
                let insert = if grow == 0 { insert.repeat(6000) } else { insert };
                text.replace_range(from..to, &insert);
                index.update(&text, TextChange { start: from, old_end: to, new_end: from + insert.len() });
                let fresh = LineIndex::new(&text);
                let points = |i: &LineIndex| {
                    i.long_lines.iter().map(|l| (l.start, l.points.clone())).collect::<Vec<_>>()
                };
                prop_assert_eq!(points(&index), points(&fresh));
            }
        }

        /// On lines long enough to keep checkpoints, a column is what counting from the
        /// line's start gives, in every encoding, before and after edits.
        #[test]
        fn columns_on_long_lines_equal_counting_from_the_line_start(
            unit in "[a é😀\u{a0}]{1,3}",
            repeat in 16_400usize..20_000,
            offsets in proptest::collection::vec(any::<usize>(), 1..40),
            edit_at in any::<usize>(),
            insert in "[a\n😀é]{0,4}",
        ) {
            let mut text = format!("short line\n{}\nlast", unit.repeat(repeat));
            let check = |text: &str, index: &LineIndex| -> Result<(), TestCaseError> {
                for &o in &offsets {
                    let offset = floor_char_boundary(text, o % (text.len() + 1));
                    let start = index.line_starts[index.line_of(offset)];
                    for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
                        let pos = index.position(text, offset, encoding);
                        prop_assert_eq!(pos.col as usize, measure(&text[start..offset], encoding));
                    }
                }
                Ok(())
            };
            let mut index = LineIndex::new(&text);
            prop_assert!(text.is_ascii() || !index.long_lines.is_empty());
            check(&text, &index)?;
            let at = floor_char_boundary(&text, edit_at % (text.len() + 1));
            text.insert_str(at, &insert);
            index.update(&text, TextChange { start: at, old_end: at, new_end: at + insert.len() });
            check(&text, &index)?;
        }
    }

    fn roundtrip_all(text: &str) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
                let pos = index.position(text, offset, enc);
                let back = index.offset(text, pos, enc);
                // Offsets on a CR of a CRLF map to the line end, which is the CR itself.
                assert_eq!(back, offset, "{enc:?} at {offset} in {text:?} via {pos:?}");
            }
        }
    }

    #[test]
    fn ascii_lf() {
        let text = "MOD\tB/67/3\nrecalling\na)\tx\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(
            index.position(text, 11, Encoding::Utf16),
            LineCol { line: 1, col: 0 }
        );
        roundtrip_all(text);
    }

    #[test]
    fn french_accents_columns_differ_by_encoding() {
        let text = "RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)";
        let index = LineIndex::new(text);
        let offset = text.find("2014").unwrap();
        assert_eq!(index.position(text, offset, Encoding::Chars).col, 27);
        assert_eq!(index.position(text, offset, Encoding::Utf16).col, 27);
        assert_eq!(index.position(text, offset, Encoding::Utf8).col, 30);
        roundtrip_all(text);
    }

    #[test]
    fn cyrillic_and_emoji() {
        let text = "а)\tтекст 😀 Resolution 140\nb)\tx";
        let index = LineIndex::new(text);
        let offset = text.find("Resolution").unwrap();
        assert_eq!(index.position(text, offset, Encoding::Chars).col, 11);
        assert_eq!(index.position(text, offset, Encoding::Utf16).col, 12);
        assert_eq!(index.position(text, offset, Encoding::Utf8).col, 20);
        roundtrip_all(text);
    }

    #[test]
    fn crlf_columns_exclude_carriage_return() {
        let text = "décide\r\n1\tde continuer\r\n";
        let index = LineIndex::new(text);
        let span = index.line_span(text, 0).unwrap();
        assert_eq!(&text[span.start..span.end], "décide");
        // A column past the end of a CRLF line clamps before the CR.
        let off = index.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16);
        assert_eq!(off, "décide".len());
        assert_eq!(
            index.position(text, text.find('1').unwrap(), Encoding::Chars),
            LineCol { line: 1, col: 0 }
        );
    }

    #[test]
    fn half_surrogate_rounds_down() {
        let text = "x😀y";
        let index = LineIndex::new(text);
        // Column 2 in UTF-16 is between the two halves of the emoji.
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 2 }, Encoding::Utf16),
            1
        );
        assert_eq!(
            index.offset(text, LineCol { line: 0, col: 3 }, Encoding::Utf16),
            5
        );
    }

    #[test]
    fn out_of_range_clamps() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, LineCol { line: 9, col: 0 }, Encoding::Utf16),
            5
        );
        assert_eq!(
            index.position(text, 99, Encoding::Chars),
            LineCol { line: 1, col: 2 }
        );
        assert_eq!(index.position(text, 99, Encoding::Chars).line, 1);
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1, Encoding::Utf8).col, 0);
    }

    #[test]
    fn bom_is_stripped_once() {
        let (rest, had) = strip_bom("\u{feff}\u{feff}MOD");
        assert!(had);
        assert_eq!(rest, "\u{feff}MOD");
        let (rest, had) = strip_bom("MOD");
        assert!(!had);
        assert_eq!(rest, "MOD");
    }

    #[test]
    fn bom_inside_text_counts_as_a_character() {
        // An LSP client may send a BOM as part of the content; it then counts it too.
        let text = "\u{feff}MOD\tB/1/1";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3, Encoding::Utf16).col, 1);
        roundtrip_all(text);
    }
}
