//! Bounded reading of the zip package that holds a Word document.
//!
//! A `.docx` is a zip archive, and a zip archive is hostile input: its headers can lie
//! about sizes, a few kilobytes can inflate to gigabytes, and its central directory can
//! list any number of entries. So nothing here trusts a header: every entry is read
//! through a [`Read::take`] limit, the compression ratio is watched while inflating, and
//! the total of everything read is capped (see [`Limits`]).

use std::cell::Cell;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::rc::Rc;

use zip::read::{ArchiveOffset, Config};
use zip::result::ZipError;
use zip::ZipArchive;

use super::{DocxError, Limits};

/// Inflated bytes an entry may produce before the compression ratio is checked: small
/// parts of repetitive XML legitimately compress far better than large ones.
const RATIO_GRACE_BYTES: u64 = 1 << 20;

/// The signature of an OLE compound file: what Word writes for a password-protected
/// document, and what an old binary `.doc` is.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The input, with a budget on the bytes that may be read from it.
///
/// Opening an archive means finding its end record and reading its central directory. A
/// crafted file can hold thousands of fake end records, each of which the `zip` crate
/// examines in turn (reading a central directory for each); the budget makes that cost
/// linear in the size of the input. Once the archive is open the budget is lifted: entry
/// reads are bounded by [`Limits`] instead.
struct Budgeted<'a> {
    inner: Cursor<&'a [u8]>,
    budget: Rc<Cell<u64>>,
}

impl Read for Budgeted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let budget = self.budget.get();
        if budget == 0 && !buf.is_empty() {
            return Err(io::Error::other(
                "the zip structure is too costly to read (many damaged or fake records)",
            ));
        }
        let want = buf.len().min(usize::try_from(budget).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.budget.set(budget - n as u64);
        Ok(n)
    }
}

impl Seek for Budgeted<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// An opened package: the archive plus the running total of bytes inflated from it.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Budgeted<'a>>,
    limits: &'a Limits,
    total: u64,
    input_len: u64,
    bytes: &'a [u8],
}

impl<'a> Package<'a> {
    pub(crate) fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, DocxError> {
        if bytes.starts_with(&CFB_MAGIC) {
            return Err(DocxError::new(
                "not a .docx package: this is an encrypted (password-protected) Word document \
                 or an old binary .doc file; save it as an unprotected .docx",
            ));
        }
        if bytes.is_empty() {
            return Err(DocxError::new(
                "not a Word document: the file is empty (0 bytes)",
            ));
        }
        if !bytes.starts_with(b"PK") {
            return Err(DocxError::new(
                "not a Word document: a .docx file is a zip package, and this file does not \
                 start like one (a file of another kind named .docx?)",
            ));
        }
        // Reading the end record and the central directory twice over is plenty.
        let budget = Rc::new(Cell::new(
            (bytes.len() as u64).saturating_mul(2) + (1 << 20),
        ));
        let reader = Budgeted {
            inner: Cursor::new(bytes),
            budget: Rc::clone(&budget),
        };
        // A .docx has nothing in front of its archive: with a known offset of 0 the `zip`
        // crate checks each candidate end record in constant time instead of scanning the
        // file for the central directory it names.
        let config = Config {
            archive_offset: ArchiveOffset::Known(0),
        };
        let archive = ZipArchive::with_config(config, reader).map_err(|e| {
            DocxError::new(format!(
                "not a Word document: not a valid zip package ({})",
                zip_error(&e)
            ))
        })?;
        budget.set(u64::MAX);
        if archive.len() > limits.max_entries {
            return Err(DocxError::new(format!(
                "the package has {} entries, more than the limit of {}",
                archive.len(),
                limits.max_entries
            )));
        }
        Ok(Package {
            archive,
            limits,
            total: 0,
            input_len: bytes.len() as u64,
            bytes,
        })
    }

    /// Fails when the central directory lists `name` more than once (names compared as
    /// part names are, ignoring case): the `zip` crate would silently keep one, and
    /// another reader could show the other.
    pub(crate) fn refuse_duplicates(&self, name: &str) -> Result<(), DocxError> {
        let count = central_names(self.bytes, self.archive.central_directory_start())
            .filter(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            .count();
        if count > 1 {
            return Err(DocxError::new(format!(
                "the package holds {count} entries named {name}; a Word document has one"
            )));
        }
        Ok(())
    }

    /// The stored name of the entry called `name`. Part names in a package are
    /// case-insensitive, so an exact match is preferred and a case-insensitive one accepted.
    pub(crate) fn find(&self, name: &str) -> Option<String> {
        if self.archive.index_for_name(name).is_some() {
            return Some(name.to_owned());
        }
        self.archive
            .file_names()
            .find(|n| n.eq_ignore_ascii_case(name))
            .map(str::to_owned)
    }

    /// Reads the whole entry `name` (found with [`Package::find`] or not), or `None` when
    /// the package has no such entry. Fails when the entry is encrypted, corrupt, or
    /// breaks one of the [`Limits`].
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(stored) = self.find(name) else {
            return Ok(None);
        };
        let limits = self.limits;
        let remaining_total = limits.max_total_bytes.saturating_sub(self.total);
        let mut entry = match self.archive.by_name(&stored) {
            Ok(entry) => entry,
            Err(ZipError::UnsupportedArchive(msg)) if msg == ZipError::PASSWORD_REQUIRED => {
                return Err(DocxError::new(format!(
                    "entry {stored} is encrypted; proplint cannot read password-protected documents"
                )))
            }
            Err(e) => {
                return Err(DocxError::new(format!(
                    "cannot read entry {stored}: {}",
                    zip_error(&e)
                )))
            }
        };
        if entry.encrypted() {
            return Err(DocxError::new(format!(
                "entry {stored} is encrypted; proplint cannot read password-protected documents"
            )));
        }

        // The header sizes are checked first because it is cheap and gives the clearest
        // message; the reads below are what actually enforce the limits.
        let declared = entry.size();
        if declared > limits.max_entry_bytes {
            return Err(too_large(&stored, limits.max_entry_bytes));
        }
        if declared > remaining_total {
            return Err(total_too_large(limits.max_total_bytes));
        }
        // The decompressor can consume no more than the entry's compressed bytes, and
        // never more than the whole input, whatever the header says.
        let compressed = entry.compressed_size().min(self.input_len).max(1);
        let ratio_cap = compressed
            .saturating_mul(limits.max_ratio)
            .max(RATIO_GRACE_BYTES);
        let entry_cap = limits.max_entry_bytes.min(remaining_total);
        // An entry may not inflate past the size its header declares: a header that
        // understates it is forged or damaged, and is stopped at once rather than at
        // the size limit.
        let read_cap = entry_cap.min(declared);

        let mut out = Vec::with_capacity(declared.min(entry_cap).min(1 << 24) as usize);
        let mut limited = (&mut entry).take(read_cap.saturating_add(1));
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = match limited.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(DocxError::new(format!("entry {stored} is corrupt: {e}")));
                }
            };
            out.extend_from_slice(&chunk[..n]);
            let len = out.len() as u64;
            if len > ratio_cap && limits.max_ratio > 0 {
                return Err(DocxError::new(format!(
                    "entry {stored} inflates to more than {} times its compressed size \
                     (a zip bomb?)",
                    limits.max_ratio
                )));
            }
            if len > declared {
                return Err(DocxError::new(format!(
                    "entry {stored} inflates to more than the {declared} bytes its header \
                     declares (the archive is damaged or forged)"
                )));
            }
            if len > entry_cap {
                return Err(if entry_cap == limits.max_entry_bytes {
                    too_large(&stored, limits.max_entry_bytes)
                } else {
                    total_too_large(limits.max_total_bytes)
                });
            }
        }
        self.total += out.len() as u64;
        Ok(Some(out))
    }
}

/// The file names of the central directory records from `start` on, read straight
/// from the bytes (the `zip` crate keeps one entry per name).
fn central_names(bytes: &[u8], start: u64) -> impl Iterator<Item = &[u8]> {
    const SIGNATURE: [u8; 4] = [0x50, 0x4B, 0x01, 0x02];
    let mut at = usize::try_from(start).unwrap_or(usize::MAX);
    std::iter::from_fn(move || {
        let record = bytes.get(at..)?;
        if !record.starts_with(&SIGNATURE) {
            return None;
        }
        let field = |i: usize| -> Option<usize> {
            Some(u16::from_le_bytes([*record.get(i)?, *record.get(i + 1)?]) as usize)
        };
        let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
        let name = record.get(46..46 + name_len)?;
        at = at.checked_add(46 + name_len + extra_len + comment_len)?;
        Some(name)
    })
}

/// The `zip` crate shows an I/O error as just "i/o error"; say which.
fn zip_error(e: &ZipError) -> String {
    match e {
        ZipError::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

fn too_large(name: &str, limit: u64) -> DocxError {
    DocxError::new(format!(
        "entry {name} is larger than the {} limit",
        human_size(limit)
    ))
}

fn total_too_large(limit: u64) -> DocxError {
    DocxError::new(format!(
        "the document's parts together are larger than the {} limit",
        human_size(limit)
    ))
}

/// `64 MiB`, `512 KiB`, `1000 bytes`.
pub(crate) fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes % KIB == 0 {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}
