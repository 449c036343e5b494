//! Akoma Ntoso (and any other XML) as blocks: the text of each block element (`p`,
//! `heading`, `num`, `docTitle`...) with its line in the file. Inline children are joined
//! into their block with a space, so `<docType>RESOLUTION</docType><docNumber>130 (REV.
//! DUBAI, 2018)</docNumber>` reads "RESOLUTION 130 (REV. DUBAI, 2018)". Attributes and
//! `meta` are not text. The markup of converted texts is not trusted beyond that: the
//! reader of official texts copes with paragraphs glued together.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::block::{block, Block};

/// Elements whose text is one block. Everything else is inline (or a container whose
/// blocks are its children).
const BLOCK_ELEMENTS: &[&[u8]] = &[
    b"p",
    b"heading",
    b"subheading",
    b"num",
    b"docTitle",
    b"docType",
    b"longTitle",
    b"title",
    b"li",
    b"td",
    b"th",
    b"tocItem",
];

/// Elements whose content is never text of the document.
const SKIPPED_ELEMENTS: &[&[u8]] = &[b"meta"];

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(at) => &name[at + 1..],
        None => name,
    }
}

/// The blocks of an XML text, or a message saying where it is broken.
pub fn blocks(text: &str) -> Result<Vec<Block>, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut out = Vec::new();
    // The text of each open block, innermost last, with the byte where it began.
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut skipping = 0usize;
    let mut line_at = LineCounter::new(text);
    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            format!(
                "not well-formed XML at line {}: {e}",
                line_at.line(reader.buffer_position() as usize)
            )
        })?;
        match event {
            Event::Start(e) => {
                let name = e.name();
                let name = local(name.as_ref());
                if SKIPPED_ELEMENTS.contains(&name) || skipping > 0 {
                    skipping += 1;
                } else if BLOCK_ELEMENTS.contains(&name) {
                    // A block inside a block (docTitle in p) stays part of the outer one.
                    if open.is_empty() {
                        open.push((String::new(), position));
                    } else {
                        open.push((String::new(), usize::MAX));
                    }
                }
            }
            Event::End(e) => {
                let name = e.name();
                let name = local(name.as_ref());
                if skipping > 0 {
                    skipping -= 1;
                } else if BLOCK_ELEMENTS.contains(&name) {
                    if let Some((text, start)) = open.pop() {
                        match open.last_mut() {
                            Some((outer, _)) => {
                                outer.push(' ');
                                outer.push_str(&text);
                                outer.push(' ');
                            }
                            None => {
                                if let Some(b) = block(&text, line_at.line(start)) {
                                    out.push(b);
                                }
                            }
                        }
                    }
                }
            }
            Event::Empty(e) => {
                let name = e.name();
                if local(name.as_ref()) == b"br" {
                    if let Some((text, _)) = open.last_mut() {
                        text.push(' ');
                    }
                }
            }
            Event::Text(t) if skipping == 0 => {
                if let Some((text, _)) = open.last_mut() {
                    let s = t
                        .unescape()
                        .map(|c| c.into_owned())
                        .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned());
                    text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some((text, _)) = open.last_mut() {
                    text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Byte offsets to 1-based line numbers, for offsets met in increasing order.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            // Out of order (an error message): count from the start.
            return 1 + self.text[..offset].iter().filter(|&&b| b == b'\n').count();
        }
        self.line += self.text[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_parts_join_their_block_and_meta_is_not_text() {
        let xml = "<akomaNtoso><meta><p>hidden</p></meta>\n<longTitle>\n<p><docType>RESOLUTION</docType><docNumber>130 (REV. DUBAI, 2018)</docNumber></p></longTitle>\n<p>Strengthening &amp; <i>more</i></p></akomaNtoso>";
        let b = blocks(xml).unwrap();
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(b[0].text, "RESOLUTION 130 (REV. DUBAI, 2018)");
        assert_eq!(b[0].at, 2);
        assert_eq!(b[1].text, "Strengthening & more");
        assert_eq!(b[1].at, 4);
    }

    #[test]
    fn broken_xml_is_an_error_with_its_line() {
        let err = blocks("<a>\n<p>x</p>\n<b attr='x").unwrap_err();
        assert!(err.contains("line"), "{err}");
    }
}
