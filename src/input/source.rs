//! Reading proposal files and writing fixed ones back without losing anything the
//! author wrote: the encoding (UTF-8 with or without BOM, UTF-16 with BOM, as Word's
//! "Unicode text" saves, or without one), the line endings (untouched: edits never span
//! them; lone CRs are refused, see [`crate::base::text::lone_cr`]), symbolic and hard links,
//! owner and permissions, read-only files, and the guarantee that a file changed since
//! it was read is not overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// UTF-16 without a byte-order mark (recognised by its NUL bytes), written back
    /// without one.
    Utf16LeNoBom,
    Utf16BeNoBom,
}

/// A text file as proplint reads it: decoded, BOM removed.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    /// The bytes as read, to detect a change before writing; `None` when they are the
    /// text's own (UTF-8 without a BOM), which is then not held twice.
    original: Option<Vec<u8>>,
}

#[derive(Debug)]
pub struct SourceError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for SourceError {}

impl SourceFile {
    pub fn read(path: &Path) -> Result<SourceFile, SourceError> {
        let bytes = std::fs::read(path).map_err(|e| SourceError {
            path: path.to_path_buf(),
            message: format!("cannot read: {e}"),
        })?;
        Self::from_bytes(path, bytes)
    }

    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
        Self::from_bytes_in(path, bytes, Lang::En)
    }

    /// [`SourceFile::from_bytes`], saying why the bytes are not text in `lang`.
    pub fn from_bytes_in(
        path: &Path,
        bytes: Vec<u8>,
        lang: Lang,
    ) -> Result<SourceFile, SourceError> {
        let (text, encoding, original) = decode(bytes, lang).map_err(|message| SourceError {
            path: path.to_path_buf(),
            message,
        })?;
        Ok(SourceFile {
            path: path.to_path_buf(),
            text,
            encoding,
            original,
        })
    }

    /// The bytes `text` would have in this file's encoding.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        encode(text, self.encoding)
    }

    /// Writes `text` back in the file's encoding, unless the file changed on disk since
    /// it was read or is read-only.
    ///
    /// What the file is stays as it was: through a symbolic link the link's target is
    /// written (the link stays a link); the owner, group and mode are kept. The usual way
    /// is atomic: a temporary file beside the target, renamed over it, so a crash leaves
    /// the old text or the new one. A rename makes a new file, though, so when the target
    /// has other hard links (they would keep the old text) or its owner cannot be given
    /// to the new file (not running as root), the new text is written into the file
    /// itself instead; it is first written to a temporary file beside it, which is kept
    /// and named in the error if writing the file fails half-way.
    pub fn write(&self, text: &str) -> Result<(), SourceError> {
        self.write_in(text, Lang::En)
    }

    /// [`SourceFile::write`], saying why it did not write in `lang`.
    pub fn write_in(&self, text: &str, lang: Lang) -> Result<(), SourceError> {
        let err = |id: &str, args: Args<'_>| SourceError {
            path: self.path.clone(),
            message: tr(lang, id, &args),
        };
        let io = |e: &std::io::Error| crate::lang::errors::io_error(lang, e);
        let target = std::fs::canonicalize(&self.path)
            .map_err(|e| err("write-cannot-resolve", Args::new().s("error", io(&e))))?;
        let meta = std::fs::metadata(&target)
            .map_err(|e| err("write-cannot-stat", Args::new().s("error", io(&e))))?;
        // Read-only for everyone, or not writable by us: a rename could still replace
        // it (the folder may be writable), which would overrule its permissions.
        let not_ours = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
        if meta.permissions().readonly() || not_ours {
            return Err(err("write-read-only", Args::new()));
        }
        let current = std::fs::read(&target)
            .map_err(|e| err("write-cannot-reread", Args::new().s("error", io(&e))))?;
        let original = self.original.as_deref().unwrap_or(self.text.as_bytes());
        if current != original {
            return Err(err("write-changed", Args::new()));
        }
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        // A file we may write can sit in a folder we may not (a shared folder, a mounted
        // share): then the fixed text goes into the file itself, and its safety copy into
        // the system's temporary folder.
        let (mut tmp, beside) = match tempfile::NamedTempFile::new_in(dir) {
            Ok(tmp) => (tmp, true),
            Err(_) => (
                tempfile::NamedTempFile::new()
                    .map_err(|e| err("write-cannot-temp", Args::new().s("error", io(&e))))?,
                false,
            ),
        };
        let bytes = self.encode(text);
        tmp.write_all(&bytes)
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| err("write-cannot-write", Args::new().s("error", io(&e))))?;
        if beside && !hard_linked(&meta) && same_owner(tmp.as_file(), &meta) {
            let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
            tmp.persist(&target)
                .map_err(|e| err("write-cannot-replace", Args::new().s("error", io(&e.error))))?;
            return Ok(());
        }
        let in_place = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|mut file| {
                file.write_all(&bytes)?;
                file.set_len(bytes.len() as u64)?;
                file.sync_all()
            });
        match in_place {
            Ok(()) => Ok(()),
            Err(e) => {
                let kept = tmp.into_temp_path().keep();
                Err(match kept {
                    Ok(path) => err(
                        "write-failed-kept",
                        Args::new()
                            .s("error", io(&e))
                            .s("kept", path.display().to_string()),
                    ),
                    Err(_) => err("write-failed", Args::new().s("error", io(&e))),
                })
            }
        }
    }
}

/// Whether the file has other names that a rename would leave with the old text.
fn hard_linked(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Gives `new` the owner and group of the file `meta` describes; whether they are now the
/// same (only root may give a file away).
fn same_owner(new: &std::fs::File, meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(now) = new.metadata() else {
            return false;
        };
        if (now.uid(), now.gid()) == (meta.uid(), meta.gid()) {
            return true;
        }
        std::os::unix::fs::fchown(new, Some(meta.uid()), Some(meta.gid())).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = (new, meta);
        true
    }
}

/// The most lines a text file may have: as many as a Word file's paragraphs
/// ([`crate::input::docx::Limits`]). The document model costs a few hundred bytes a line
/// (a clause, its label, its findings): a 16 MiB file of three million one-word clauses
/// took 1.3 GB.
pub const MAX_LINES: usize = 200_000;

/// The text of `bytes`, its encoding, and the bytes themselves unless the text took
/// them over (UTF-8 without a BOM).
fn decode(bytes: Vec<u8>, lang: Lang) -> Result<(String, Encoding, Option<Vec<u8>>), String> {
    let (text, encoding, original) = decode_text(bytes).map_err(|p| p.message_in(lang))?;
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count()
        + usize::from(!text.is_empty() && !text.ends_with('\n'));
    if lines > MAX_LINES {
        return Err(tr(
            lang,
            "input-too-many-lines",
            &Args::new().n("lines", lines).n("limit", MAX_LINES),
        ));
    }
    if let Some(at) = crate::base::text::lone_cr(&text) {
        let line = text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        return Err(tr(lang, "input-lone-cr", &Args::new().n("line", line)));
    }
    Ok((text, encoding, original))
}

/// Why bytes are not text proplint reads, as data; the words are `lang`'s.
enum NotText {
    Utf8 {
        byte: usize,
        line: usize,
    },
    Utf16OddLength,
    Utf16Unpaired,
    /// Looked like UTF-16 without a byte-order mark, but was not.
    Utf16WithoutBom(Box<NotText>),
    /// A UTF-32 byte-order mark.
    Utf32,
    /// A NUL character: a binary file, or text in an encoding with NUL bytes that was not
    /// recognised (UTF-32 without a byte-order mark). Read as text, it would pass as a
    /// document with nothing to say.
    Nul {
        line: usize,
    },
}

impl NotText {
    fn message_in(&self, lang: Lang) -> String {
        match self {
            NotText::Utf8 { byte, line } => tr(
                lang,
                "input-not-utf8",
                &Args::new().n("byte", *byte).n("line", *line),
            ),
            NotText::Utf16OddLength => tr(lang, "input-utf16-odd", &Args::new()),
            NotText::Utf16Unpaired => tr(lang, "input-utf16-unpaired", &Args::new()),
            NotText::Utf16WithoutBom(inner) => tr(
                lang,
                "input-utf16-without-bom",
                &Args::new().s("error", inner.message_in(lang)),
            ),
            NotText::Utf32 => tr(lang, "input-utf32", &Args::new()),
            NotText::Nul { line } => tr(lang, "input-nul", &Args::new().n("line", *line)),
        }
    }
}

fn decode_text(bytes: Vec<u8>) -> Result<(String, Encoding, Option<Vec<u8>>), NotText> {
    let (text, encoding, original) = decode_unchecked(bytes)?;
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        let line = memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1;
        return Err(NotText::Nul { line });
    }
    Ok((text, encoding, original))
}

fn decode_unchecked(bytes: Vec<u8>) -> Result<(String, Encoding, Option<Vec<u8>>), NotText> {
    let (text, encoding) = match decode_borrowed(&bytes) {
        Some(decoded) => decoded?,
        None => return utf8(bytes).map(|text| (text, Encoding::Utf8, None)),
    };
    Ok((text, encoding, Some(bytes)))
}

/// The text of bytes with a byte-order mark or in UTF-16, copied out of them; `None`
/// for plain UTF-8, which [`utf8`] takes over without a copy.
fn decode_borrowed(bytes: &[u8]) -> Option<Result<(String, Encoding), NotText>> {
    // Before UTF-16's: UTF-32's little-endian mark starts with it.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some(Err(NotText::Utf32));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(utf8(rest.to_vec()).map(|t| (t, Encoding::Utf8Bom)));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some(utf16(rest, u16::from_le_bytes).map(|t| (t, Encoding::Utf16Le)));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some(utf16(rest, u16::from_be_bytes).map(|t| (t, Encoding::Utf16Be)));
    }
    if let Some(big) = utf16_without_bom(bytes) {
        let (read, encoding): (fn([u8; 2]) -> u16, _) = if big {
            (u16::from_be_bytes, Encoding::Utf16BeNoBom)
        } else {
            (u16::from_le_bytes, Encoding::Utf16LeNoBom)
        };
        return Some(
            utf16(bytes, read)
                .map(|t| (t, encoding))
                .map_err(|e| NotText::Utf16WithoutBom(Box::new(e))),
        );
    }
    None
}

/// Whether `bytes`, which have no byte-order mark, look like UTF-16 (`Some(true)` big
/// endian): text in Latin script has a NUL in every other byte in UTF-16, and a text file
/// in UTF-8 has none. Only the first 64 KiB are looked at.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(64 * 1024) & !1];
    let pairs = head.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // One side of the pairs never NUL, the other often: a tenth of the characters in
    // the first 256 code points (ASCII digits, spaces and punctuation suffice).
    let often = |n: usize| n > 0 && n * 10 >= pairs;
    match (even, odd) {
        (0, odd) if often(odd) => Some(false),
        (even, 0) if often(even) => Some(true),
        _ => None,
    }
}

fn utf8(bytes: Vec<u8>) -> Result<String, NotText> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = memchr::memchr_iter(b'\n', &e.as_bytes()[..at]).count() + 1;
        NotText::Utf8 { byte: at, line }
    })
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, NotText> {
    if bytes.len() % 2 != 0 {
        return Err(NotText::Utf16OddLength);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| NotText::Utf16Unpaired)
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut v = vec![0xEF, 0xBB, 0xBF];
            v.extend_from_slice(text.as_bytes());
            v
        }
        Encoding::Utf16Le => {
            let mut v = vec![0xFF, 0xFE];
            v.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            v
        }
        Encoding::Utf16Be => {
            let mut v = vec![0xFE, 0xFF];
            v.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            v
        }
        Encoding::Utf16LeNoBom => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16BeNoBom => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_encoding_byte_for_byte() {
        let text = "RÉSOLUTION 45\r\nrappelant\r\na)\tx 😀\r\n";
        for enc in [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
        ] {
            let bytes = encode(text, enc);
            let file = SourceFile::from_bytes(Path::new("x.txt"), bytes.clone()).unwrap();
            assert_eq!(file.text, text);
            assert_eq!(file.encoding, enc);
            assert_eq!(file.encode(&file.text), bytes);
        }
    }

    #[test]
    fn utf32_and_binary_files_are_refused_not_read_as_empty_text() {
        let text = "MOD\tGBR/3/1\nRESOLUTION 45 (Rev. Dubai, 2014)\n";
        let utf32 = |big: bool| -> Vec<u8> {
            text.chars()
                .flat_map(|c| {
                    let c = c as u32;
                    if big {
                        c.to_be_bytes()
                    } else {
                        c.to_le_bytes()
                    }
                })
                .collect()
        };
        let with_bom = |mark: &[u8], body: Vec<u8>| [mark.to_vec(), body].concat();
        for (name, bytes, expected) in [
            (
                "UTF-32 LE",
                with_bom(&[0xFF, 0xFE, 0, 0], utf32(false)),
                "UTF-32",
            ),
            (
                "UTF-32 BE",
                with_bom(&[0, 0, 0xFE, 0xFF], utf32(true)),
                "UTF-32",
            ),
            (
                "UTF-32 LE, no mark",
                utf32(false),
                "NUL characters (line 1)",
            ),
            ("UTF-32 BE, no mark", utf32(true), "NUL characters (line 1)"),
            ("zeros", vec![0; 1000], "NUL characters (line 1)"),
            (
                "a NUL on line 2",
                b"considering\na)\tthe text\0 that follows, with more words after it\n".to_vec(),
                "NUL characters (line 2)",
            ),
        ] {
            let error = SourceFile::from_bytes(Path::new("x.txt"), bytes).unwrap_err();
            assert!(
                error.message.contains(expected),
                "{name}: {}",
                error.message
            );
        }
        // UTF-16 with its mark is still read.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            SourceFile::from_bytes(Path::new("x.txt"), utf16)
                .unwrap()
                .text,
            text
        );
    }

    #[test]
    fn a_text_of_more_lines_than_a_word_file_has_paragraphs_is_refused() {
        let at_limit = "a)\tx;\n".repeat(MAX_LINES - 1);
        assert!(SourceFile::from_bytes(Path::new("x.txt"), at_limit.clone().into_bytes()).is_ok());
        let over = at_limit + "b)\ty;\nc)\tz;\n";
        let error = SourceFile::from_bytes(Path::new("x.txt"), over.into_bytes()).unwrap_err();
        assert!(
            error.message.contains("200001 lines") && error.message.contains("200000"),
            "{}",
            error.message
        );
    }

    #[test]
    fn invalid_utf8_names_the_place() {
        let err =
            SourceFile::from_bytes(Path::new("bad.txt"), b"ok\nline\xff".to_vec()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad.txt: not valid UTF-8 (byte 7, line 2)"),
            "{err}"
        );
    }

    #[test]
    fn refuses_to_overwrite_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.txt");
        std::fs::write(&path, "one").unwrap();
        let file = SourceFile::read(&path).unwrap();
        std::fs::write(&path, "two").unwrap();
        assert!(file.write("three").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
    }

    #[test]
    fn a_change_on_disk_is_seen_in_every_encoding() {
        // Plain UTF-8 is compared through the text, which took the bytes over; the other
        // encodings through the bytes kept beside it.
        let text = "RÉSOLUTION 45\r\nrappelant\r\n";
        for enc in [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16BeNoBom,
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("p.txt");
            std::fs::write(&path, encode(text, enc)).unwrap();
            let file = SourceFile::read(&path).unwrap();
            assert!(file.write("RÉSOLUTION 46\r\n").is_ok(), "{enc:?}");
            assert_eq!(
                std::fs::read(&path).unwrap(),
                encode("RÉSOLUTION 46\r\n", enc)
            );
            let file = SourceFile::read(&path).unwrap();
            std::fs::write(&path, encode("RÉSOLUTION 47\r\n", enc)).unwrap();
            assert!(file.write("RÉSOLUTION 48\r\n").is_err(), "{enc:?}");
            assert_eq!(
                std::fs::read(&path).unwrap(),
                encode("RÉSOLUTION 47\r\n", enc)
            );
        }
    }

    #[test]
    fn utf16_without_a_bom_is_read_and_written_back_without_one() {
        let text = "RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)\r\nrappelant\r\n";
        for (bytes, encoding) in [
            (
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
                Encoding::Utf16LeNoBom,
            ),
            (
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                Encoding::Utf16BeNoBom,
            ),
        ] {
            let file = SourceFile::from_bytes(Path::new("u.txt"), bytes.clone()).unwrap();
            assert_eq!(file.text, text);
            assert_eq!(file.encoding, encoding);
            assert_eq!(file.encode(&file.text), bytes);
        }
        // Odd-length "UTF-16" is refused with the reason.
        let mut odd: Vec<u8> = "abc".encode_utf16().flat_map(u16::to_le_bytes).collect();
        odd.push(b'x');
        let err = SourceFile::from_bytes(Path::new("u.txt"), odd).unwrap_err();
        assert!(
            err.to_string().contains("UTF-16 without a byte-order mark"),
            "{err}"
        );
    }

    #[test]
    fn a_lone_carriage_return_is_refused_with_its_line() {
        let err = SourceFile::from_bytes(
            Path::new("mac.txt"),
            b"RESOLVES\na)\tone;\rb)\ttwo;\rc)\tthree\r".to_vec(),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("mac.txt: line 2 ends with a lone carriage return"),
            "{err}"
        );
        // CRLF is not a lone CR.
        assert!(SourceFile::from_bytes(Path::new("dos.txt"), b"a\r\nb\r\n".to_vec()).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symbolic_link_and_keeps_hard_links() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        let link = dir.path().join("link.txt");
        let hard = dir.path().join("hard.txt");
        std::fs::write(&target, "one").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        std::fs::hard_link(&target, &hard).unwrap();
        SourceFile::read(&link).unwrap().write("two").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        assert_eq!(std::fs::read_to_string(&hard).unwrap(), "two");
        // Shorter text written in place leaves nothing of the old one.
        SourceFile::read(&hard).unwrap().write("3").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "3");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_read_only_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.txt");
        std::fs::write(&path, "one").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = SourceFile::read(&path).unwrap().write("two").unwrap_err();
        assert!(err.message.starts_with("the file is read-only"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.txt");
        std::fs::write(&path, "one").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let file = SourceFile::read(&path).unwrap();
        file.write("two").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
    }
}
