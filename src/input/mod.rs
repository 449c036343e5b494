//! Input: from a path or bytes to the text the document parser reads, with the way
//! back to the file. Every format proplint reads is a [`Format`] and a module here:
//! plain text and Markdown ([`source`]: encodings, BOM, line endings, written back
//! byte-faithfully) and Word ([`docx`]: one line per paragraph, tracked changes as
//! revision marks, never written back).

pub mod akn;
pub mod block;
pub mod blocks;
pub mod docx;
pub mod html;
pub mod source;

use std::path::Path;

pub use source::{SourceError as InputError, SourceFile};

/// The formats proplint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown, in UTF-8 or UTF-16.
    Text,
    /// A Word document (`.docx`): line n of its text is paragraph n.
    Word,
}

impl Format {
    /// The file name endings a folder walk checks, with their format.
    pub const EXTENSIONS: &'static [(&'static str, Format)] = &[
        ("txt", Format::Text),
        ("md", Format::Text),
        ("markdown", Format::Text),
        ("docx", Format::Word),
    ];

    /// The format a path's ending names, if proplint reads it.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        Format::EXTENSIONS
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(ext))
            .map(|(_, f)| *f)
    }

    /// The format to read a path in: its ending's, else text.
    pub fn for_path(path: &Path) -> Format {
        Format::of_path(path).unwrap_or(Format::Text)
    }

    /// The stable name of the format in machine-readable output.
    pub fn kind(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Word => "word",
        }
    }
}

/// A text to check, with the way back to what was read.
#[derive(Debug)]
pub enum Input {
    /// A text file, which fixes can be written back to in its own encoding.
    File(SourceFile),
    /// A Word document: its text, and its paragraphs each with its line in the text.
    Word(docx::DocxText),
}

impl Input {
    pub fn format(&self) -> Format {
        match self {
            Input::File(_) => Format::Text,
            Input::Word(_) => Format::Word,
        }
    }

    /// What the document parser reads (BOM removed).
    pub fn text(&self) -> &str {
        match self {
            Input::File(file) => &file.text,
            Input::Word(word) => &word.text,
        }
    }
}

/// Reads the file at `path` in the format its name says.
pub fn read(path: &Path) -> Result<Input, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError {
        path: path.to_path_buf(),
        message: format!("cannot read: {e}"),
    })?;
    from_bytes(path, bytes, Format::for_path(path))
}

/// Reads `bytes` in `format`; `path` names them in messages (`-` for standard input).
pub fn from_bytes(path: &Path, bytes: Vec<u8>, format: Format) -> Result<Input, InputError> {
    from_bytes_in(path, bytes, format, crate::lang::Lang::En)
}

/// [`from_bytes`], saying in `lang` why a text file is not text. A Word file that cannot be
/// read is said so in `lang`, with the package reader's own (English) words as its detail.
pub fn from_bytes_in(
    path: &Path,
    bytes: Vec<u8>,
    format: Format,
    lang: crate::lang::Lang,
) -> Result<Input, InputError> {
    match format {
        Format::Text => SourceFile::from_bytes_in(path, bytes, lang).map(Input::File),
        Format::Word => docx::read_docx(&bytes)
            .map(Input::Word)
            .map_err(|e| InputError {
                path: path.to_path_buf(),
                message: crate::lang::l10n::tr(
                    lang,
                    "input-word-unreadable",
                    &crate::lang::l10n::Args::new().s("detail", e.to_string()),
                ),
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_file_name_ending_whatever_its_case() {
        assert_eq!(Format::of_path(Path::new("a/prop.TXT")), Some(Format::Text));
        assert_eq!(Format::of_path(Path::new("prop.md")), Some(Format::Text));
        assert_eq!(Format::of_path(Path::new("Prop.DocX")), Some(Format::Word));
        assert_eq!(Format::of_path(Path::new("prop.pdf")), None);
        assert_eq!(Format::of_path(Path::new("README")), None);
        assert_eq!(Format::for_path(Path::new("-")), Format::Text);
    }

    #[test]
    fn a_damaged_word_file_is_an_error_naming_the_file() {
        let err = from_bytes(
            Path::new("d/prop.docx"),
            b"not a zip".to_vec(),
            Format::Word,
        )
        .expect_err("not a zip");
        assert!(err.to_string().starts_with("d/prop.docx: "), "{err}");
    }
}
