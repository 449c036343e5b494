//! Reading proposal files and writing fixed ones back without losing anything the
//! author wrote: the encoding (UTF-8 with or without BOM, UTF-16 with BOM, as Word's
//! "Unicode text" saves), the line endings (untouched: edits never span them), the
//! permissions, and the guarantee that a file changed since it was read is not
//! overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// A text file as proplint reads it: decoded, BOM removed.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    /// The bytes as read, to detect a change before writing.
    original: Vec<u8>,
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
        let (text, encoding) = decode(&bytes).map_err(|message| SourceError {
            path: path.to_path_buf(),
            message,
        })?;
        Ok(SourceFile {
            path: path.to_path_buf(),
            text,
            encoding,
            original: bytes,
        })
    }

    /// The bytes `text` would have in this file's encoding.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        encode(text, self.encoding)
    }

    /// Writes `text` back atomically (temporary file beside it, then rename), in the
    /// file's encoding and with its permissions, unless the file changed on disk since
    /// it was read.
    pub fn write(&self, text: &str) -> Result<(), SourceError> {
        let err = |message: String| SourceError {
            path: self.path.clone(),
            message,
        };
        let current = std::fs::read(&self.path)
            .map_err(|e| err(format!("cannot re-read before writing: {e}")))?;
        if current != self.original {
            return Err(err(
                "the file changed since it was read; not writing (run again)".to_string(),
            ));
        }
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)
            .map_err(|e| err(format!("cannot create a temporary file: {e}")))?;
        tmp.write_all(&self.encode(text))
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| err(format!("cannot write: {e}")))?;
        if let Ok(meta) = std::fs::metadata(&self.path) {
            let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
        }
        tmp.persist(&self.path)
            .map_err(|e| err(format!("cannot replace the file: {}", e.error)))?;
        Ok(())
    }
}

fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest).map(|t| (t, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|t| (t, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|t| (t, Encoding::Utf16Be));
    }
    utf8(bytes).map(|t| (t, Encoding::Utf8))
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!(
            "not valid UTF-8 (byte {at}, line {line}); save the file as UTF-8 (or UTF-16 with a BOM)"
        )
    })
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, String> {
    if bytes.len() % 2 != 0 {
        return Err("UTF-16 file with an odd number of bytes".to_string());
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| "not valid UTF-16 (unpaired surrogate)".to_string())
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
