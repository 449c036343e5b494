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

impl Format {
    /// The most bytes proplint reads of one file (or of standard input) in this format.
    /// A proposal is tens of kilobytes and the PP-18 Final Acts as text 3 MB; a Word
    /// package also carries its pictures. Past the cap a file is refused rather than
    /// read whole into memory (a `/dev/zero` behind a link, a log named `.txt`). Text
    /// shares the cap of a Word file's text: a flooded text (a citation on every line,
    /// each one a finding) costs tens of times its size in memory while it is checked.
    pub fn max_file_bytes(self) -> u64 {
        match self {
            Format::Text => 16 << 20,
            Format::Word => 256 << 20,
        }
    }
}

/// Why the bytes of a file could not be read.
#[derive(Debug)]
pub enum ReadFailure {
    Io(std::io::Error),
    /// Longer than [`Format::max_file_bytes`]: nothing past the cap was read.
    TooLarge {
        limit: u64,
    },
}

impl ReadFailure {
    /// The problem in `lang`, without the file's name.
    pub fn message_in(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::l10n::{tr, Args};
        match self {
            ReadFailure::Io(e) => tr(
                lang,
                "input-cannot-read",
                &Args::new().s("error", crate::lang::errors::io_error(lang, e)),
            ),
            ReadFailure::TooLarge { limit } => tr(
                lang,
                "input-too-large",
                &Args::new().n("limit", (*limit >> 20) as usize),
            ),
        }
    }
}

/// Reads at most `format`'s [`max_file_bytes`](Format::max_file_bytes) from `reader`.
pub fn read_bounded(reader: impl std::io::Read, format: Format) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    let limit = format.max_file_bytes();
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge { limit });
    }
    Ok(bytes)
}

/// The bytes of the file at `path`, read as `format`: refused at once when its size is
/// over the cap, and never read past it (a file can grow, or say it is empty as
/// `/proc` files do).
pub fn read_file_bounded(path: &Path, format: Format) -> Result<Vec<u8>, ReadFailure> {
    let file = std::fs::File::open(path).map_err(ReadFailure::Io)?;
    let limit = format.max_file_bytes();
    if file.metadata().is_ok_and(|m| m.len() > limit) {
        return Err(ReadFailure::TooLarge { limit });
    }
    read_bounded(file, format)
}

/// Reads the file at `path` in the format its name says.
pub fn read(path: &Path) -> Result<Input, InputError> {
    let format = Format::for_path(path);
    let bytes = read_file_bounded(path, format).map_err(|e| InputError {
        path: path.to_path_buf(),
        message: e.message_in(crate::lang::Lang::En),
    })?;
    from_bytes(path, bytes, format)
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
    use std::io::Read;

    #[test]
    fn a_stream_past_the_cap_is_refused_having_read_one_byte_more() {
        // An endless stream, as standard input fed from /dev/zero.
        let endless = std::io::repeat(b'a');
        match read_bounded(endless, Format::Text) {
            Err(ReadFailure::TooLarge { limit }) => assert_eq!(limit, 16 << 20),
            other => panic!("expected TooLarge, got {other:?}"),
        }
        let at_cap = std::io::repeat(b'a').take(Format::Text.max_file_bytes());
        assert_eq!(
            read_bounded(at_cap, Format::Text).unwrap().len() as u64,
            Format::Text.max_file_bytes()
        );
        let message = ReadFailure::TooLarge { limit: 16 << 20 }.message_in(crate::lang::Lang::Fr);
        assert!(message.contains("16 Mio"), "{message}");
    }

    #[test]
    fn a_file_over_the_cap_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.docx");
        // Sparse: the size is declared, not written.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(Format::Word.max_file_bytes() + 1).unwrap();
        assert!(matches!(
            read_file_bounded(&path, Format::Word),
            Err(ReadFailure::TooLarge { .. })
        ));
        let error = read(&path).unwrap_err();
        assert!(error.message.contains("256 MiB"), "{}", error.message);
        assert!(read_file_bounded(&dir.path().join("missing.txt"), Format::Text).is_err());
    }

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
