//! A small, strict layer over `quick-xml` shared by every part reader.
//!
//! It resolves namespaces (so `w:p` is recognised by its namespace, whatever its prefix),
//! turns `<a/>` into a start and an end event, rejects any document type declaration (a
//! DTD can declare entities that expand without bound), caps the nesting depth, and
//! reports truncated input instead of silently stopping. Every failure names the part and
//! the byte offset.

use std::borrow::Cow;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, QName, ResolveResult};
use quick_xml::NsReader;

use super::DocxError;

/// WordprocessingML, transitional (what Word writes) and strict.
const W_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_NS_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility (`mc:AlternateContent`).
pub(crate) const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Deeper nesting than this is rejected: real documents (tables in tables included) stay
/// far below it, and a cap keeps every stack here small.
pub(crate) const MAX_DEPTH: usize = 256;

/// One element start, with its namespace already resolved.
pub(crate) struct Start<'i> {
    /// True when the element is in the WordprocessingML namespace.
    pub w: bool,
    /// True when the element is in the markup-compatibility namespace.
    pub mc: bool,
    /// The local name (`p` for `w:p`).
    pub local: Vec<u8>,
    pub raw: BytesStart<'i>,
}

pub(crate) enum Ev<'i> {
    Start(Start<'i>),
    End,
    Text(Cow<'i, str>),
    Eof,
}

/// Most namespace declarations in scope at once. Word declares about forty on the root
/// element; each element's name and attributes are resolved against every declaration
/// in scope, so without a cap a part declaring 100,000 prefixes costs that much per
/// element.
pub(crate) const MAX_NAMESPACES: usize = 256;

/// Most elements in one part: a long proposal's `document.xml` has a few hundred
/// thousand.
pub(crate) const MAX_ELEMENTS: usize = 4_000_000;

pub(crate) struct Xml<'i> {
    reader: NsReader<&'i [u8]>,
    part: &'i str,
    depth: usize,
    /// Namespace declarations of each open element, and their sum.
    declared: Vec<usize>,
    in_scope: usize,
    elements: usize,
    max_elements: usize,
    max_namespaces: usize,
}

impl<'i> Xml<'i> {
    /// A reader over `text`, the decoded content of the part called `part`.
    pub(crate) fn new(part: &'i str, text: &'i str) -> Self {
        let mut reader = NsReader::from_str(text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        Xml {
            reader,
            part,
            depth: 0,
            declared: Vec::new(),
            in_scope: 0,
            elements: 0,
            max_elements: MAX_ELEMENTS,
            max_namespaces: MAX_NAMESPACES,
        }
    }

    /// The same reader with other caps on elements and namespace declarations.
    pub(crate) fn bounded(mut self, max_elements: usize, max_namespaces: usize) -> Self {
        self.max_elements = max_elements;
        self.max_namespaces = max_namespaces;
        self
    }

    pub(crate) fn part(&self) -> &str {
        self.part
    }

    fn invalid(&self, detail: impl std::fmt::Display) -> DocxError {
        DocxError::new(format!(
            "{} is not valid XML at byte {}: {detail}",
            self.part,
            self.reader.error_position()
        ))
    }

    pub(crate) fn next(&mut self) -> Result<Ev<'i>, DocxError> {
        loop {
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok(x) => x,
                Err(e) => return Err(self.invalid(e)),
            };
            match event {
                Event::Start(raw) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(DocxError::new(format!(
                            "{} nests elements more than {MAX_DEPTH} deep",
                            self.part
                        )));
                    }
                    self.elements += 1;
                    if self.elements > self.max_elements {
                        return Err(DocxError::new(format!(
                            "{} has more than {} XML elements, the limit",
                            self.part, self.max_elements
                        )));
                    }
                    // Counted without duplicate checks, which cost the square of the
                    // number of attributes.
                    let declared = raw
                        .attributes()
                        .with_checks(false)
                        .filter(|a| {
                            a.as_ref().is_ok_and(|a| {
                                let key = a.key.as_ref();
                                key == b"xmlns" || key.starts_with(b"xmlns:")
                            })
                        })
                        .count();
                    self.in_scope += declared;
                    self.declared.push(declared);
                    if self.in_scope > self.max_namespaces {
                        return Err(DocxError::new(format!(
                            "{} declares more than {} XML namespaces at once, the limit",
                            self.part, self.max_namespaces
                        )));
                    }
                    let (w, mc) = match ns {
                        ResolveResult::Bound(Namespace(uri)) => {
                            (uri == W_NS || uri == W_NS_STRICT, uri == MC_NS)
                        }
                        _ => (false, false),
                    };
                    let local = raw.local_name().as_ref().to_vec();
                    return Ok(Ev::Start(Start { w, mc, local, raw }));
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    self.in_scope -= self.declared.pop().unwrap_or(0);
                    return Ok(Ev::End);
                }
                Event::Empty(_) => {
                    // `expand_empty_elements` turns these into Start + End; never reached.
                    continue;
                }
                Event::Text(t) => {
                    if self.depth == 0 {
                        continue;
                    }
                    return match t.unescape() {
                        Ok(s) => Ok(Ev::Text(s)),
                        Err(e) => Err(self.invalid(e)),
                    };
                }
                Event::CData(c) => {
                    if self.depth == 0 {
                        continue;
                    }
                    return match c.into_inner() {
                        Cow::Borrowed(b) => match std::str::from_utf8(b) {
                            Ok(s) => Ok(Ev::Text(Cow::Borrowed(s))),
                            Err(e) => Err(self.invalid(e)),
                        },
                        Cow::Owned(b) => match String::from_utf8(b) {
                            Ok(s) => Ok(Ev::Text(Cow::Owned(s))),
                            Err(e) => Err(self.invalid(e)),
                        },
                    };
                }
                Event::DocType(_) => {
                    return Err(DocxError::new(format!(
                        "{} contains a document type declaration (<!DOCTYPE>); such documents \
                         are rejected because DTD entities can expand without bound",
                        self.part
                    )));
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => continue,
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(DocxError::new(format!(
                            "{} ends before its XML is complete (the file may be truncated)",
                            self.part
                        )));
                    }
                    return Ok(Ev::Eof);
                }
            }
        }
    }

    /// Skips the rest of the element whose start was just read.
    pub(crate) fn skip(&mut self) -> Result<(), DocxError> {
        let mut open = 1usize;
        while open > 0 {
            match self.next()? {
                Ev::Start(_) => open += 1,
                Ev::End => open -= 1,
                Ev::Text(_) => {}
                Ev::Eof => {
                    // `next` reports an unfinished document itself; keep the guard anyway.
                    return Err(DocxError::new(format!(
                        "{} ends before its XML is complete (the file may be truncated)",
                        self.part
                    )));
                }
            }
        }
        Ok(())
    }

    /// The value of the attribute `w:<local>` (or an unprefixed `<local>`, which some
    /// producers write) of `start`.
    pub(crate) fn attr(
        &self,
        start: &Start<'_>,
        local: &[u8],
    ) -> Result<Option<String>, DocxError> {
        // Without duplicate checks, which cost the square of the number of attributes
        // per lookup: the first one wins.
        for attr in start.raw.attributes().with_checks(false) {
            let attr: Attribute = attr.map_err(|e| self.invalid(e))?;
            if self.is_w_attr(attr.key, local) {
                let value = attr.unescape_value().map_err(|e| self.invalid(e))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// The raw-named attribute `name` (for `xml:space`).
    pub(crate) fn raw_attr(
        &self,
        start: &Start<'_>,
        name: &[u8],
    ) -> Result<Option<String>, DocxError> {
        for attr in start.raw.attributes().with_checks(false) {
            let attr: Attribute = attr.map_err(|e| self.invalid(e))?;
            if attr.key.as_ref() == name {
                let value = attr.unescape_value().map_err(|e| self.invalid(e))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    fn is_w_attr(&self, key: QName<'_>, local: &[u8]) -> bool {
        let (ns, name) = self.reader.resolve_attribute(key);
        if name.as_ref() != local {
            return false;
        }
        match ns {
            ResolveResult::Bound(Namespace(uri)) => uri == W_NS || uri == W_NS_STRICT,
            ResolveResult::Unbound => true,
            ResolveResult::Unknown(_) => false,
        }
    }
}

/// An on/off property such as `<w:vanish/>` or `<w:vanish w:val="false"/>`.
pub(crate) fn is_on(val: Option<&str>) -> bool {
    !matches!(val, Some("false" | "0" | "off"))
}

/// Decodes a part's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with a
/// byte-order mark.
pub(crate) fn decode(part: &str, mut bytes: Vec<u8>) -> Result<String, DocxError> {
    let utf16 = |big: bool, body: &[u8]| -> Result<String, DocxError> {
        if body.len() % 2 != 0 {
            return Err(DocxError::new(format!(
                "{part} is not valid UTF-16: odd number of bytes"
            )));
        }
        let units = body.chunks_exact(2).map(|c| {
            if big {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|e| DocxError::new(format!("{part} is not valid UTF-16: {e}")))
    };
    if let Some(body) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(false, body);
    }
    if let Some(body) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(true, body);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        DocxError::new(format!(
            "{part} is not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })
}
