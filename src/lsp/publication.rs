//! The `textDocument/publishDiagnostics` of each version of a document, assembled from
//! pieces kept between versions.
//!
//! Why: LSP has no partial publication, so every keystroke republishes every diagnostic
//! of the document. With hundreds of findings in a large document, converting each
//! one's range again and serialising each message again was most of the time from an
//! edit to its publication, though a keystroke changes one chunk's findings and only
//! moves the others. The findings of a chunk are shared between versions while the
//! chunk's text is unchanged ([`Origin::Chunk`]); for each such list the [`Publisher`]
//! keeps the ranges relative to the chunk's first line and each diagnostic's JSON as last
//! written. While the chunk stays on the same line (a keystroke that adds or removes no
//! line break moves no other chunk) a publication copies that JSON whole; when the chunk
//! has moved, its diagnostics are written again at their new lines from the kept JSON
//! after their ranges, and kept so. A test checks that the result is the message the
//! standard types serialise to.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;
use tower_lsp::lsp_types::{self as lsp, Url};

use super::position::Mapper;
use super::to_proto::{self, rule_link};
use super::transport::{with_room, Message};
use crate::base::diagnostic::Diagnostic;
use crate::base::diagnostic::Severity;
use crate::base::text::Encoding;
use crate::base::Rule;
use crate::engine::findings::{Findings, Origin};
use crate::lang::Lang;

/// Keeps, for one document under one configuration, what publications of its chunks'
/// findings need from one version to the next.
#[derive(Default)]
pub struct Publisher {
    /// By the address of a chunk's findings.
    chunks: FxHashMap<usize, Chunk>,
    /// The length of the last message, to allocate the next one at once.
    last_len: usize,
    /// What the kept ranges were measured with: the column encoding and the length of
    /// the byte-order mark; and the language the kept rule links are in.
    measured: Option<(Encoding, usize, Lang)>,
}

struct Chunk {
    /// Held so that the list whose address is the key is neither freed nor its address
    /// given to another list while the entry exists.
    _findings: Arc<Vec<Diagnostic>>,
    /// Each diagnostic's range, with lines counted from the chunk's first line.
    ranges: Vec<lsp::Range>,
    /// Each diagnostic's JSON object as last written, one after the other: with the chunk
    /// at line `line`, and the severity in `written`.
    json: Vec<u8>,
    /// Per diagnostic: where its object starts in `json`, where the part after its range
    /// and severity starts (`"code":…}`), and the severity it was written with.
    written: Vec<Written>,
    line: u32,
}

#[derive(Clone, Copy)]
struct Written {
    start: usize,
    tail: usize,
    severity: Severity,
}

/// What JSON a version's diagnostics are wanted in, besides their ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// The framed `textDocument/publishDiagnostics` notification (the client is sent
    /// each version's diagnostics).
    Notification,
    /// The diagnostics as a JSON array (the client pulls them; see
    /// [`pull_response`]).
    Items,
}

/// What a version's diagnostics are in LSP terms.
pub struct Published {
    /// The range of each diagnostic, in the order of [`Findings::iter`].
    pub ranges: Vec<lsp::Range>,
    /// The JSON asked for: a framed notification, or an array of diagnostics.
    pub json: Message,
}

impl Publisher {
    /// The ranges of the diagnostics of a version (`buffer`, mapped by `mapper`) and
    /// the JSON `wanted`.
    pub fn publish(
        &mut self,
        uri: &Url,
        version: i32,
        findings: &Findings,
        mapper: &Mapper,
        buffer: &str,
        wanted: Wanted,
    ) -> Published {
        let measured = Some((mapper.encoding(), mapper.base(), findings.messages()));
        if self.measured != measured {
            self.chunks.clear();
            self.measured = measured;
        }
        // Entries of lists no longer in the findings are dropped here.
        let mut chunks =
            FxHashMap::with_capacity_and_hasher(findings.chunks().len(), Default::default());
        for (offset, found) in findings.chunks() {
            let key = Arc::as_ptr(found) as usize;
            let chunk = match self.chunks.remove(&key) {
                Some(chunk) => chunk,
                None => Chunk::new(found, *offset, mapper, buffer, findings),
            };
            chunks.insert(key, chunk);
        }
        self.chunks = chunks;

        let mut ranges = Vec::new();
        let capacity = self.last_len + self.last_len / 8 + 256;
        let mut body = if wanted == Wanted::Notification {
            with_room(capacity)
        } else {
            Vec::with_capacity(capacity)
        };
        if wanted == Wanted::Notification {
            body.extend_from_slice(
                br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
            );
            json(&mut body, uri.as_str());
            body.extend_from_slice(br#","diagnostics":"#);
        }
        body.push(b'[');
        // The chunk of the last diagnostic and its first line.
        let mut last: Option<(usize, u32)> = None;
        let mut fresh_tail = Vec::new();
        for placed in findings.iter() {
            if !ranges.is_empty() {
                body.push(b',');
            }
            if let Origin::Chunk { findings, index } = placed.origin() {
                let key = Arc::as_ptr(findings) as usize;
                let first_line = match last {
                    Some((k, line)) if k == key => line,
                    _ => mapper.line_of(placed.offset()),
                };
                last = Some((key, first_line));
                // Every chunk's list is among the entries (made above); writing afresh
                // below is only a way not to fail if it were not.
                if let Some(chunk) = self.chunks.get_mut(&key) {
                    if let Some(range) = chunk.copy(index, first_line, placed.severity, &mut body) {
                        ranges.push(range);
                        continue;
                    }
                }
            }
            fresh_tail.clear();
            let lang = findings.messages();
            write_tail(&mut fresh_tail, placed.rule(), placed.message(), lang);
            let range = mapper.range(buffer, placed.span());
            write_diagnostic(&mut body, range, placed.severity, &fresh_tail);
            ranges.push(range);
        }
        body.push(b']');
        self.last_len = body.len();
        if wanted == Wanted::Notification {
            body.extend_from_slice(br#","version":"#);
            body.extend_from_slice(itoa::Buffer::new().format(version).as_bytes());
            body.extend_from_slice(b"}}");
            return Published {
                ranges,
                json: Message::framed_in_place(body),
            };
        }
        Published {
            ranges,
            json: body.into(),
        }
    }
}

impl Chunk {
    fn new(
        found: &Arc<Vec<Diagnostic>>,
        offset: usize,
        mapper: &Mapper,
        buffer: &str,
        findings: &Findings,
    ) -> Chunk {
        let line = mapper.line_of(offset);
        let mut chunk = Chunk {
            _findings: found.clone(),
            ranges: Vec::with_capacity(found.len()),
            json: Vec::new(),
            written: Vec::with_capacity(found.len()),
            line,
        };
        let mut tail = Vec::new();
        for d in found.iter() {
            let range = mapper.range(buffer, d.span.shifted(offset));
            tail.clear();
            write_tail(&mut tail, d.rule, &d.message, findings.messages());
            // A hidden rule's findings are never asked for: any severity will do.
            let severity = findings
                .shown_severity(d.rule, d.severity)
                .unwrap_or(d.severity);
            let start = chunk.json.len();
            let tail_at = write_diagnostic(&mut chunk.json, range, severity, &tail);
            chunk.ranges.push(moved_up(range, line));
            chunk.written.push(Written {
                start,
                tail: tail_at,
                severity,
            });
        }
        // Kept for as long as the chunk is unchanged: without the slack of its growth.
        chunk.json.shrink_to_fit();
        chunk
    }

    /// Writes diagnostic `index` of the chunk, the chunk's first line being
    /// `first_line`, to `out` and returns its range; `None` if the chunk has no such
    /// diagnostic. Copied as last written when the chunk has not moved; otherwise every
    /// diagnostic of the chunk is written again at its new lines first.
    fn copy(
        &mut self,
        index: usize,
        first_line: u32,
        severity: Severity,
        out: &mut Vec<u8>,
    ) -> Option<lsp::Range> {
        let range = moved_down(*self.ranges.get(index)?, first_line);
        if self.line != first_line {
            self.rewrite(first_line);
        }
        let (written, end) = (self.written[index], self.end_of(index));
        if written.severity == severity {
            out.extend_from_slice(&self.json[written.start..end]);
        } else {
            // Not the severity kept (which is the configuration's, and a new configuration
            // makes a new publisher): written for this publication only.
            write_diagnostic(out, range, severity, &self.json[written.tail..end]);
        }
        Some(range)
    }

    /// Where the JSON of diagnostic `index` ends in `json`.
    fn end_of(&self, index: usize) -> usize {
        self.written
            .get(index + 1)
            .map_or(self.json.len(), |w| w.start)
    }

    /// Writes every diagnostic again with the chunk at `first_line`.
    fn rewrite(&mut self, first_line: u32) {
        // Lines of a few more digits at most: room for a tenth more, the slack let go after.
        let mut json = Vec::with_capacity(self.json.len() + self.json.len() / 10);
        for i in 0..self.written.len() {
            // The end is read before the next diagnostic's entry is rewritten.
            let (old, end) = (self.written[i], self.end_of(i));
            let range = moved_down(self.ranges[i], first_line);
            let start = json.len();
            let tail = write_diagnostic(&mut json, range, old.severity, &self.json[old.tail..end]);
            self.written[i] = Written { start, tail, ..old };
        }
        json.shrink_to_fit();
        self.json = json;
        self.line = first_line;
    }
}

fn moved_up(range: lsp::Range, lines: u32) -> lsp::Range {
    let mut r = range;
    r.start.line -= lines.min(r.start.line);
    r.end.line -= lines.min(r.end.line);
    r
}

fn moved_down(range: lsp::Range, lines: u32) -> lsp::Range {
    let mut r = range;
    r.start.line += lines;
    r.end.line += lines;
    r
}

/// The members of a diagnostic after its range and severity, as `lsp::Diagnostic`
/// serialises them, and its closing brace.
fn write_tail(out: &mut Vec<u8>, rule: Rule, message: &str, lang: Lang) {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Tail<'a> {
        code: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        code_description: Option<&'static lsp::CodeDescription>,
        source: &'static str,
        message: &'a str,
    }
    let start = out.len();
    let tail = Tail {
        code: rule.code(),
        code_description: rule_link(rule, lang),
        source: "proplint",
        message,
    };
    // Serialising strings and a URL into memory cannot fail.
    let _ = serde_json::to_writer(&mut *out, &tail);
    // Without the object's opening brace: the range and severity come first.
    out.remove(start);
}

/// Writes a diagnostic's JSON object: its range and severity, then `tail`. Returns where
/// the tail begins in `out`.
fn write_diagnostic(
    out: &mut Vec<u8>,
    range: lsp::Range,
    severity: Severity,
    tail: &[u8],
) -> usize {
    let mut number = itoa::Buffer::new();
    let mut put = |out: &mut Vec<u8>, n: u32| out.extend_from_slice(number.format(n).as_bytes());
    out.extend_from_slice(br#"{"range":{"start":{"line":"#);
    put(out, range.start.line);
    out.extend_from_slice(br#","character":"#);
    put(out, range.start.character);
    out.extend_from_slice(br#"},"end":{"line":"#);
    put(out, range.end.line);
    out.extend_from_slice(br#","character":"#);
    put(out, range.end.character);
    out.extend_from_slice(br#"}},"severity":"#);
    // DiagnosticSeverity serialises as its number.
    let _ = serde_json::to_writer(&mut *out, &to_proto::severity(severity));
    out.push(b',');
    let at = out.len();
    out.extend_from_slice(tail);
    at
}

fn json(out: &mut Vec<u8>, s: &str) {
    let _ = serde_json::to_writer(out, s);
}

/// The framed response to a `textDocument/diagnostic` request (`id`, as JSON): the
/// version's `items` (a JSON array from [`Publisher::publish`]) under `result_id`, or,
/// without items, a report that nothing changed since `result_id`.
pub fn pull_response(id: &[u8], result_id: Option<&str>, items: Option<&[u8]>) -> Message {
    let mut body = with_room(items.map_or(0, <[u8]>::len) + 128);
    body.extend_from_slice(br#"{"jsonrpc":"2.0","id":"#);
    body.extend_from_slice(id);
    body.extend_from_slice(br#","result":{"kind":"#);
    body.extend_from_slice(if items.is_some() {
        br#""full""#
    } else {
        br#""unchanged""#
    });
    if let Some(result_id) = result_id {
        body.extend_from_slice(br#","resultId":"#);
        json(&mut body, result_id);
    }
    if let Some(items) = items {
        body.extend_from_slice(br#","items":"#);
        body.extend_from_slice(items);
    }
    body.extend_from_slice(b"}}");
    Message::framed_in_place(body)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tower_lsp::lsp_types::PublishDiagnosticsParams;

    use super::*;
    use crate::base::diagnostic::Severity;
    use crate::base::text::LineIndex;
    use crate::catalog::Catalog;
    use crate::engine::analysis::{Options, Session, TextChange};

    /// The message as the standard types serialise it, from the ordinary diagnostics.
    fn standard(
        uri: &Url,
        version: i32,
        diagnostics: &[Diagnostic],
        mapper: &Mapper,
        text: &str,
        lang: Lang,
    ) -> serde_json::Value {
        let diagnostics = diagnostics
            .iter()
            .map(|d| {
                let range = mapper.range(text, d.span);
                super::super::to_proto::DiagnosticView::new(d, range, lang).to_lsp()
            })
            .collect();
        serde_json::json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(version)),
        })
    }

    fn body(message: &[u8]) -> serde_json::Value {
        let text = std::str::from_utf8(message).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        serde_json::from_str(body).unwrap()
    }

    /// Edits that move no line, that move chunks down and up by lines, change a chunk,
    /// and add a finding over the whole text; with accents and emoji, a
    /// suppression that silences nothing and a severity override: every publication
    /// (most of it from kept pieces) is the standard one.
    #[test]
    fn publications_from_kept_pieces_are_the_standard_message() {
        let uri = Url::parse("file:///tmp/p.txt").unwrap();
        let catalog = Catalog::embedded();
        let options = Options {
            severities: BTreeMap::from([(Rule::FlattenedRevision, Some(Severity::Info))]),
            ..Options::default()
        };
        let fixture = include_str!("../../tests/fixtures/fr_cmdt17_res69_aplati.txt");
        let mut text = format!(
            "😀 é\n{fixture}\n*****\n\nMOD\tECP/24A6/9\n{{>>proplint-ignore stale-revision<<}}\n"
        );
        let third = text.len() / 3;
        let edits: Vec<(usize, usize, &str)> = vec![
            // Keystrokes that move no line: kept diagnostics are copied as written.
            (third, third, "x"),
            (third, third + 1, ""),
            (0, 0, ""),
            (0, 0, "\n\n"),
            (0, 2, ""),
            (text.len() / 2, text.len() / 2, "Ж😀\n"),
            (3, 3, "x\r\n"),
            (text.len() - 3, text.len() - 3, "MOD\tECP/24A6/2\n"),
        ];
        let mut session = Session::new();
        // One per encoding: a publisher measures in one.
        let mut publishers = [Publisher::default(), Publisher::default()];
        let mut analysis = session.analyze(&text, catalog, &options);
        for (round, edit) in std::iter::once(None)
            .chain(edits.into_iter().map(Some))
            .enumerate()
        {
            if let Some((start, end, new)) = edit {
                let start = crate::base::text::floor_char_boundary(&text, start.min(text.len()));
                let end =
                    crate::base::text::floor_char_boundary(&text, end.min(text.len())).max(start);
                text.replace_range(start..end, new);
                let change = TextChange {
                    start,
                    old_end: end,
                    new_end: start + new.len(),
                };
                analysis = session.analyze_change(&text, change, catalog, &options);
            }
            for (publisher, encoding) in
                publishers.iter_mut().zip([Encoding::Utf16, Encoding::Utf8])
            {
                let mapper = Mapper::with_index(Arc::new(LineIndex::new(&text)), 0, encoding);
                let version = round as i32;
                let published = publisher.publish(
                    &uri,
                    version,
                    analysis.findings(),
                    &mapper,
                    &text,
                    Wanted::Notification,
                );
                let expected = standard(
                    &uri,
                    version,
                    analysis.diagnostics(),
                    &mapper,
                    &text,
                    analysis.messages,
                );
                assert_eq!(body(&published.json), expected, "round {round}");
                let ranges: Vec<lsp::Range> = analysis
                    .diagnostics()
                    .iter()
                    .map(|d| mapper.range(&text, d.span))
                    .collect();
                assert_eq!(published.ranges, ranges, "round {round}");
            }
        }
        assert!(analysis
            .diagnostics()
            .iter()
            .any(|d| d.rule == Rule::ProposalSequence));
        assert!(analysis
            .diagnostics()
            .iter()
            .any(|d| d.rule == Rule::UnusedSuppression));
        assert!(analysis
            .diagnostics()
            .iter()
            .any(|d| d.severity == Severity::Info));
        assert!(session.last_reused > 0);
        // Measuring in another encoding starts afresh.
        let mapper = Mapper::with_index(Arc::new(LineIndex::new(&text)), 0, Encoding::Utf16);
        let [_, utf8] = &mut publishers;
        let published = utf8.publish(
            &uri,
            9,
            analysis.findings(),
            &mapper,
            &text,
            Wanted::Notification,
        );
        let expected = standard(
            &uri,
            9,
            analysis.diagnostics(),
            &mapper,
            &text,
            analysis.messages,
        );
        assert_eq!(body(&published.json), expected);
        // The same diagnostics as an array, for a pull.
        let items = utf8.publish(&uri, 9, analysis.findings(), &mapper, &text, Wanted::Items);
        let items: serde_json::Value = serde_json::from_slice(&items.json).unwrap();
        assert_eq!(items, expected["params"]["diagnostics"]);
    }
}
