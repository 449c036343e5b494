//! The walk over `word/document.xml`: one line per `w:p`, in document order (table cells
//! included), with tracked changes as CriticMarkup and list labels spelled out.
//!
//! The walk streams: it never builds a tree of the part, so memory stays proportional to
//! one paragraph plus the output.

use super::markup::{Kind, Segments};
use super::numbering::{Counters, Label, Numbering, ParaNumbering, Styles};
use super::xml::{is_on, Ev, Start, Xml};
use super::Limits;
use super::{DocxError, DocxText, Paragraph};
use crate::base::text::Span;

/// What an open element means to the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    R,
    /// `w:t` or `w:delText`.
    T,
    /// `w:ins`, `w:del`, `w:moveTo`, `w:moveFrom` around runs.
    Rev,
    Other,
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    segs: Segments,
    num: ParaNumbering,
    /// How the paragraph mark itself was changed (`w:pPr/w:rPr/w:ins` or `w:del`).
    mark: Option<Kind>,
}

/// A `w:t` being read.
#[derive(Debug, Default)]
struct TextEl {
    preserve: bool,
    deleted: bool,
    buf: String,
}

struct Walker<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    tags: Vec<Tag>,
    paras: Vec<Para>,
    /// For each open run: is it hidden (`w:vanish`)?
    runs: Vec<bool>,
    revs: Vec<Kind>,
    /// Open complex fields: `true` once past `separate`, where the displayed result is.
    fields: Vec<bool>,
    /// How many of `fields` are still in their instruction (text there is not shown).
    in_instruction: usize,
    text_el: Option<TextEl>,
    old: Counters,
    new: Counters,
    out: DocxText,
}

pub(crate) fn read_body(
    part: &str,
    text: &str,
    numbering: &Numbering,
    styles: &Styles,
    limits: &Limits,
) -> Result<DocxText, DocxError> {
    let mut xml = Xml::new(part, text).bounded(limits.max_elements, limits.max_namespaces);
    // An empty part, or text that is not XML, has no body: an error, not "no problems".
    let mut has_body = false;
    let mut text_bytes = 0usize;
    let mut w = Walker {
        numbering,
        styles,
        tags: Vec::new(),
        paras: Vec::new(),
        runs: Vec::new(),
        revs: Vec::new(),
        fields: Vec::new(),
        in_instruction: 0,
        text_el: None,
        old: Counters::default(),
        new: Counters::default(),
        out: DocxText {
            text: String::with_capacity(text.len() / 8),
            paragraphs: Vec::new(),
        },
    };
    loop {
        match xml.next()? {
            Ev::Eof => break,
            Ev::Start(el) => {
                has_body |= el.w && el.local.as_slice() == b"body";
                w.start(&mut xml, el)?;
            }
            Ev::End => {
                w.end();
                if w.out.paragraphs.len() > limits.max_paragraphs {
                    return Err(DocxError::new(format!(
                        "{part} has more than {} paragraphs, the limit",
                        limits.max_paragraphs
                    )));
                }
            }
            Ev::Text(t) => {
                if let Some(te) = w.text_el.as_mut() {
                    if w.tags.last() == Some(&Tag::T) {
                        text_bytes += t.len();
                        if text_bytes > limits.max_text_bytes {
                            return Err(DocxError::new(format!(
                                "{part} holds more than {} of text, the limit",
                                super::package::human_size(limits.max_text_bytes as u64)
                            )));
                        }
                        te.buf.push_str(&t);
                    }
                }
            }
        }
    }
    if !has_body {
        return Err(DocxError::new(format!(
            "{part} has no document body (w:body): it is empty, not XML, or not a Word document"
        )));
    }
    Ok(w.out)
}

impl Walker<'_> {
    fn start(&mut self, xml: &mut Xml<'_>, el: Start<'_>) -> Result<(), DocxError> {
        if !el.w {
            // mc:AlternateContent wraps drawings and newer-version features; its fallback
            // repeats its choice. Other namespaces (math, custom XML) are looked through.
            if el.mc {
                return xml.skip();
            }
            self.tags.push(Tag::Other);
            return Ok(());
        }
        let in_run = !self.runs.is_empty();
        let top = self.tags.last().copied();
        match el.local.as_slice() {
            b"p" => {
                self.paras.push(Para::default());
                self.tags.push(Tag::P);
            }
            b"pPr" if top == Some(Tag::P) => {
                let (num, mark) = read_ppr(xml)?;
                if let Some(p) = self.paras.last_mut() {
                    p.num = num;
                    p.mark = mark;
                }
            }
            b"r" => {
                self.runs.push(false);
                self.tags.push(Tag::R);
            }
            b"rPr" if top == Some(Tag::R) => {
                let hidden = read_rpr(xml)?;
                if let Some(h) = self.runs.last_mut() {
                    *h = hidden;
                }
            }
            b"t" | b"delText" if in_run && self.text_el.is_none() => {
                let preserve = xml.raw_attr(&el, b"xml:space")?.as_deref() == Some("preserve");
                self.text_el = Some(TextEl {
                    preserve,
                    deleted: el.local.as_slice() == b"delText",
                    buf: String::new(),
                });
                self.tags.push(Tag::T);
            }
            b"tab" | b"ptab" if in_run => {
                self.emit("\t", false);
                xml.skip()?;
            }
            b"br" if in_run => {
                // A page or column break is layout; a text-wrapping break is a space (see
                // the module documentation of `docx` for why not a new line).
                let kind = xml.attr(&el, b"type")?;
                if !matches!(kind.as_deref(), Some("page" | "column")) {
                    self.emit(" ", false);
                }
                xml.skip()?;
            }
            b"cr" if in_run => {
                self.emit(" ", false);
                xml.skip()?;
            }
            b"noBreakHyphen" if in_run => {
                self.emit("-", false);
                xml.skip()?;
            }
            b"sym" if in_run => {
                let font = xml.attr(&el, b"font")?;
                let code = xml.attr(&el, b"char")?;
                let c = symbol(font.as_deref(), code.as_deref());
                self.emit(c.encode_utf8(&mut [0u8; 4]), false);
                xml.skip()?;
            }
            b"fldChar" => {
                match xml.attr(&el, b"fldCharType")?.as_deref() {
                    Some("begin") => {
                        self.fields.push(false);
                        self.in_instruction += 1;
                    }
                    Some("separate") => {
                        if let Some(f @ false) = self.fields.last_mut() {
                            *f = true;
                            self.in_instruction -= 1;
                        }
                    }
                    Some("end") => {
                        if let Some(false) = self.fields.pop() {
                            self.in_instruction -= 1;
                        }
                    }
                    _ => {}
                }
                xml.skip()?;
            }
            b"ins" | b"moveTo" => {
                self.revs.push(Kind::Ins);
                self.tags.push(Tag::Rev);
            }
            b"del" | b"moveFrom" => {
                self.revs.push(Kind::Del);
                self.tags.push(Tag::Rev);
            }
            // Field instructions, drawings and text boxes, ruby annotations, references to notes and
            // comments, and properties (including the old properties of formatting
            // changes): nothing a reader sees in the paragraph's text.
            b"instrText"
            | b"delInstrText"
            | b"drawing"
            | b"pict"
            | b"object"
            | b"txbxContent"
            | b"commentReference"
            | b"annotationRef"
            | b"footnoteReference"
            | b"endnoteReference"
            | b"footnoteRef"
            | b"endnoteRef"
            | b"separator"
            | b"continuationSeparator"
            | b"pgNum"
            | b"sectPr"
            | b"tblPr"
            | b"tblPrEx"
            | b"tblGrid"
            | b"trPr"
            | b"tcPr"
            | b"sdtPr"
            | b"sdtEndPr"
            | b"customXmlPr"
            | b"smartTagPr"
            | b"rPrChange"
            | b"pPrChange"
            | b"fldData"
            | b"ffData"
            | b"pPr"
            | b"rPr"
            | b"softHyphen"
            | b"lastRenderedPageBreak"
            | b"contentPart"
            | b"rt" => {
                xml.skip()?;
            }
            // Containers (body, tables, rows, cells, hyperlinks, simple fields, content
            // controls, smart tags, bookmarks ...): look through them.
            _ => self.tags.push(Tag::Other),
        }
        Ok(())
    }

    fn end(&mut self) {
        match self.tags.pop() {
            Some(Tag::P) => {
                if let Some(p) = self.paras.pop() {
                    self.finish_paragraph(p);
                }
            }
            Some(Tag::R) => {
                self.runs.pop();
            }
            Some(Tag::T) => {
                if let Some(te) = self.text_el.take() {
                    let text = if te.preserve {
                        te.buf.as_str()
                    } else {
                        te.buf
                            .trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                    };
                    self.emit(text, te.deleted);
                }
            }
            Some(Tag::Rev) => {
                self.revs.pop();
            }
            Some(Tag::Other) | None => {}
        }
    }

    /// Adds text shown by the current run to the current paragraph, unless the run is
    /// hidden or the text is a field instruction.
    fn emit(&mut self, text: &str, deleted_text: bool) {
        if text.is_empty() || self.runs.last() == Some(&true) || self.in_instruction > 0 {
            return;
        }
        let ins = self.revs.contains(&Kind::Ins);
        let del = deleted_text || self.revs.contains(&Kind::Del);
        let kind = match (ins, del) {
            // Inserted, then deleted by a later revision: in neither reading.
            (true, true) => return,
            (true, false) => Kind::Ins,
            (false, true) => Kind::Del,
            (false, false) => Kind::Plain,
        };
        if let Some(p) = self.paras.last_mut() {
            p.segs.push(kind, text);
        }
    }

    fn finish_paragraph(&mut self, p: Para) {
        // Which readings hold this paragraph? Judged by its text where it has any (a
        // paragraph of inserted text is new, of deleted text is old, whichever mark Word
        // flagged), else by its paragraph mark.
        let (in_old, in_new) = if p.segs.is_empty() {
            (p.mark != Some(Kind::Ins), p.mark != Some(Kind::Del))
        } else {
            let plain = p.segs.has(Kind::Plain);
            (
                plain || p.segs.has(Kind::Del),
                plain || p.segs.has(Kind::Ins),
            )
        };
        let old = if in_old {
            self.old.next(self.numbering, self.styles, &p.num)
        } else {
            None
        };
        let new = if in_new {
            self.new.next(self.numbering, self.styles, &p.num)
        } else {
            None
        };
        let mut line = Segments::default();
        push_label(&mut line, old.as_ref(), new.as_ref());
        line.append(&p.segs);

        let number = self.out.paragraphs.len() + 1;
        if number > 1 {
            self.out.text.push('\n');
        }
        let start = self.out.text.len();
        line.render(&mut self.out.text);
        self.out.paragraphs.push(Paragraph {
            number,
            span: Span::new(start, self.out.text.len()),
        });
    }
}

/// The list label of a paragraph in each reading, as segments: unchanged, substituted
/// (`{~~b)~>c)~~}` when an inserted or deleted clause shifted it), inserted or deleted
/// along with the paragraph.
fn push_label(line: &mut Segments, old: Option<&Label>, new: Option<&Label>) {
    match (old, new) {
        (Some(o), Some(n)) if o.text == n.text => {
            line.push(Kind::Plain, &n.text);
            line.push(Kind::Plain, n.suffix.as_str());
        }
        (Some(o), Some(n)) => {
            push_changed(line, &o.text, &n.text);
            line.push(Kind::Plain, n.suffix.as_str());
        }
        (Some(o), None) => {
            line.push(Kind::Del, &o.text);
            line.push(Kind::Del, o.suffix.as_str());
        }
        (None, Some(n)) => {
            line.push(Kind::Ins, &n.text);
            line.push(Kind::Ins, n.suffix.as_str());
        }
        (None, None) => {}
    }
}

/// A label that changed between the readings, marking only the part that changed,
/// widened to whole words and numbers: `{~~b~>c~~})`, `1.{~~2~>3~~}`, `{~~9~>10~~}`.
fn push_changed(line: &mut Segments, old: &str, new: &str) {
    let (old, new): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let max = old.len().min(new.len());
    let mut pre = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let mut suf = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(max - pre)
        .take_while(|(a, b)| a == b)
        .count();
    let alnum = |s: &[char], i: usize| s.get(i).is_some_and(|c| c.is_alphanumeric());
    while pre > 0 && alnum(&old, pre - 1) && (alnum(&old, pre) || alnum(&new, pre)) {
        pre -= 1;
    }
    while suf > 0
        && alnum(&old, old.len() - suf)
        && (old.len() > suf && alnum(&old, old.len() - suf - 1)
            || new.len() > suf && alnum(&new, new.len() - suf - 1))
    {
        suf -= 1;
    }
    let text = |s: &[char]| s.iter().collect::<String>();
    line.push(Kind::Plain, &text(&old[..pre]));
    line.push(Kind::Del, &text(&old[pre..old.len() - suf]));
    line.push(Kind::Ins, &text(&new[pre..new.len() - suf]));
    line.push(Kind::Plain, &text(&old[old.len() - suf..]));
}

/// Reads the rest of a `w:pPr`: the numbering and style of the paragraph, and whether its
/// paragraph mark was inserted or deleted.
fn read_ppr(xml: &mut Xml<'_>) -> Result<(ParaNumbering, Option<Kind>), DocxError> {
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        NumPr,
        RPr,
    }
    let mut num = ParaNumbering::default();
    let mut mark = None;
    let mut path: Vec<In> = Vec::new();
    loop {
        match xml.next()? {
            Ev::End => {
                if path.pop().is_none() {
                    return Ok((num, mark));
                }
            }
            Ev::Text(_) => {}
            Ev::Eof => {
                return Err(DocxError::new(format!(
                    "{} ends before its XML is complete (the file may be truncated)",
                    xml.part()
                )))
            }
            Ev::Start(el) => {
                let here = path.last().copied();
                let local = el.local.as_slice();
                match (here, local) {
                    _ if !el.w => xml.skip()?,
                    (None, b"pStyle") => {
                        num.style = xml.attr(&el, b"val")?.map(|v| v.trim().to_owned());
                        xml.skip()?;
                    }
                    (None, b"numPr") => path.push(In::NumPr),
                    (None, b"rPr") => path.push(In::RPr),
                    (Some(In::NumPr), b"numId") => {
                        num.num_id = xml.attr(&el, b"val")?.map(|v| v.trim().to_owned());
                        xml.skip()?;
                    }
                    (Some(In::NumPr), b"ilvl") => {
                        num.ilvl = xml
                            .attr(&el, b"val")?
                            .and_then(|v| v.trim().parse::<u8>().ok())
                            .filter(|&i| i < 9);
                        xml.skip()?;
                    }
                    (Some(In::RPr), b"ins" | b"moveTo") => {
                        mark = Some(Kind::Ins);
                        xml.skip()?;
                    }
                    (Some(In::RPr), b"del" | b"moveFrom") => {
                        mark = Some(Kind::Del);
                        xml.skip()?;
                    }
                    // Formatting, and the old properties of a formatting change.
                    _ => xml.skip()?,
                }
            }
        }
    }
}

/// Reads the rest of a run's `w:rPr`; true when the run is hidden (`w:vanish`).
fn read_rpr(xml: &mut Xml<'_>) -> Result<bool, DocxError> {
    let mut hidden = false;
    loop {
        match xml.next()? {
            Ev::End => return Ok(hidden),
            Ev::Text(_) => {}
            Ev::Eof => {
                return Err(DocxError::new(format!(
                    "{} ends before its XML is complete (the file may be truncated)",
                    xml.part()
                )))
            }
            Ev::Start(el) => {
                if el.w && el.local.as_slice() == b"vanish" {
                    hidden = is_on(xml.attr(&el, b"val")?.as_deref());
                }
                xml.skip()?;
            }
        }
    }
}

/// The character a `w:sym` shows. Symbol fonts store their characters in the private use
/// area (U+F000 + the font's code); the common ones are mapped to Unicode, the rest to
/// U+FFFD so that a symbol never silently glues two words together.
fn symbol(font: Option<&str>, code: Option<&str>) -> char {
    const SYMBOL_UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    const SYMBOL_LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
    let Some(code) = code.and_then(|c| u32::from_str_radix(c.trim(), 16).ok()) else {
        return '\u{FFFD}';
    };
    let low = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else if code <= 0xFF && font.is_some_and(is_symbol_font) {
        code
    } else {
        return char::from_u32(code)
            .filter(|c| !c.is_control())
            .unwrap_or('\u{FFFD}');
    };
    let font = font.unwrap_or("").trim().to_ascii_lowercase();
    let mapped = if font == "symbol" {
        match low {
            0x41..=0x5A => SYMBOL_UPPER.chars().nth((low - 0x41) as usize),
            0x61..=0x7A => SYMBOL_LOWER.chars().nth((low - 0x61) as usize),
            0x2D => Some('−'),
            0xB7 => Some('•'),
            0xB0 => Some('°'),
            0xB1 => Some('±'),
            0xD7 => Some('×'),
            0xB9 => Some('≠'),
            0xA3 => Some('≤'),
            0xB3 => Some('≥'),
            0xAE => Some('→'),
            0xAC => Some('←'),
            0xA5 => Some('∞'),
            0xD3 | 0xE3 => Some('©'),
            0xD2 | 0xE2 => Some('®'),
            0xD4 | 0xE4 => Some('™'),
            0x20..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E => char::from_u32(low),
            _ => None,
        }
    } else if font.starts_with("wingdings") {
        match low {
            0x9F | 0x6C => Some('•'),
            0xA7 | 0x6E => Some('▪'),
            0xD8 => Some('➢'),
            0xFC => Some('✓'),
            0xFB => Some('✗'),
            0x71 => Some('❑'),
            0x76 => Some('❖'),
            0xE8 => Some('➔'),
            _ => None,
        }
    } else {
        char::from_u32(low).filter(|c| !c.is_control())
    };
    mapped.unwrap_or('\u{FFFD}')
}

fn is_symbol_font(font: &str) -> bool {
    let f = font.trim().to_ascii_lowercase();
    f == "symbol" || f.starts_with("wingdings") || f == "webdings"
}

#[cfg(test)]
mod unit {
    use super::*;

    fn changed(old: &str, new: &str) -> String {
        let mut line = Segments::default();
        push_changed(&mut line, old, new);
        let mut out = String::new();
        line.render(&mut out);
        out
    }

    #[test]
    fn changed_labels_mark_whole_tokens() {
        assert_eq!(changed("b)", "c)"), "{~~b~>c~~})");
        assert_eq!(changed("1.2", "1.3"), "1.{~~2~>3~~}");
        assert_eq!(changed("9", "10"), "{~~9~>10~~}");
        assert_eq!(changed("11", "12"), "{~~11~>12~~}");
        assert_eq!(changed("ii)", "iii)"), "{~~ii~>iii~~})");
        assert_eq!(changed("(a)", "(b)"), "({~~a~>b~~})");
        assert_eq!(changed("1.10", "1.9"), "1.{~~10~>9~~}");
    }

    #[test]
    fn symbols() {
        assert_eq!(symbol(Some("Symbol"), Some("F0B7")), '•');
        assert_eq!(symbol(Some("Symbol"), Some("F061")), 'α');
        assert_eq!(symbol(Some("Wingdings"), Some("F0FC")), '✓');
        assert_eq!(symbol(Some("Arial"), Some("00E9")), 'é');
        assert_eq!(symbol(None, Some("not hex")), '\u{FFFD}');
        assert_eq!(symbol(None, Some("D800")), '\u{FFFD}');
    }
}
