//! Any file proplint can read, as a list of blocks of text (a line, a paragraph, an XML
//! or HTML block) each with the place it came from. Readers of official texts
//! (`catalog build`) work on blocks, so that every fact they draw can name its source:
//! "line 17790" of an XML file, "paragraph 12" of a Word file, "line 40" of a text.

use std::path::Path;

pub use super::block::{block, Block};
use super::{akn, docx, html, source::SourceFile, InputError};

/// What a block's number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line of a text, XML or HTML file (1-based).
    Line,
    /// A paragraph of a Word document (1-based).
    Paragraph,
}

impl Place {
    pub fn word(self) -> &'static str {
        match self {
            Place::Line => "line",
            Place::Paragraph => "paragraph",
        }
    }
}

/// A file read as blocks.
#[derive(Debug, Clone)]
pub struct Blocks {
    pub place: Place,
    pub blocks: Vec<Block>,
    /// The reader used: "akoma-ntoso", "html", "word", "text".
    pub kind: &'static str,
}

/// Reads a file as blocks, in the format its name (and, for XML, its root) says.
pub fn read_blocks(path: &Path) -> Result<Blocks, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError {
        path: path.to_path_buf(),
        message: format!("cannot read: {e}"),
    })?;
    blocks_from_bytes(path, bytes)
}

/// Reads `bytes` as blocks; `path` gives the format (by its ending) and names the file in
/// messages.
pub fn blocks_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Blocks, InputError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let error = |message: String| InputError {
        path: path.to_path_buf(),
        message,
    };
    match ext.as_str() {
        "docx" => {
            let word = docx::read_docx(&bytes).map_err(|e| error(e.to_string()))?;
            let lines: Vec<&str> = word.text.split('\n').collect();
            let blocks = word
                .paragraphs
                .iter()
                .zip(lines)
                .filter_map(|(p, line)| block(&accept_changes(line), p.number))
                .collect();
            Ok(Blocks {
                place: Place::Paragraph,
                blocks,
                kind: "word",
            })
        }
        "xml" | "akn" => {
            let text = SourceFile::from_bytes(path, bytes)?.text;
            let blocks = akn::blocks(&text).map_err(error)?;
            Ok(Blocks {
                place: Place::Line,
                blocks,
                kind: "akoma-ntoso",
            })
        }
        "html" | "htm" | "xhtml" => {
            let text = SourceFile::from_bytes(path, bytes)?.text;
            Ok(Blocks {
                place: Place::Line,
                blocks: html::blocks(&text),
                kind: "html",
            })
        }
        _ => {
            let text = SourceFile::from_bytes(path, bytes)?.text;
            let blocks = text
                .lines()
                .enumerate()
                .filter_map(|(i, line)| block(line, i + 1))
                .collect();
            Ok(Blocks {
                place: Place::Line,
                blocks,
                kind: "text",
            })
        }
    }
}

/// A block from raw text, white space normalised; `None` when nothing is left.
/// The text of a Word line with its tracked changes accepted: an official text is read
/// as it stands, insertions kept and deletions dropped (CriticMarkup, see `docx`).
fn accept_changes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(body) = tail.strip_prefix("{--") {
            match body.find("--}") {
                Some(end) => rest = &body[end + 3..],
                None => {
                    rest = "";
                }
            }
        } else if let Some(body) = tail.strip_prefix("{~~") {
            match body.find("~~}") {
                Some(end) => {
                    let change = &body[..end];
                    out.push_str(change.split_once("~>").map_or(change, |(_, new)| new));
                    rest = &body[end + 3..];
                }
                None => {
                    out.push_str(body);
                    rest = "";
                }
            }
        } else if let Some(body) = tail.strip_prefix("{++") {
            match body.find("++}") {
                Some(end) => {
                    out.push_str(&body[..end]);
                    rest = &body[end + 3..];
                }
                None => {
                    out.push_str(body);
                    rest = "";
                }
            }
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_changes_are_accepted() {
        assert_eq!(
            accept_changes("Resolution 1 (Rev. {--Dubai, 2014--}{++Kigali, 2022++})"),
            "Resolution 1 (Rev. Kigali, 2022)"
        );
        assert_eq!(accept_changes("a {b} c"), "a {b} c");
        assert_eq!(accept_changes("{~~9~>10~~}) x"), "10) x");
    }

    #[test]
    fn text_lines_keep_their_numbers() {
        let b = blocks_from_bytes(Path::new("toc.txt"), b"A\n\n  B   c \n".to_vec()).unwrap();
        assert_eq!(b.blocks.len(), 2);
        assert_eq!(b.blocks[1].text, "B c");
        assert_eq!(b.blocks[1].at, 3);
        assert_eq!(b.kind, "text");
    }
}
