//! The embedded catalogue in a compact binary form, so that a start parses no JSON.
//!
//! `catalog/itu-resolutions.json` stays the one source of truth, with its sources and
//! notes for people. `build.rs` reads it with the same schema as a user's file
//! ([`super::schema`]) and writes the values in this form: every field of every record in
//! the order the schema declares them, lengths and numbers as LEB128 varints, strings as
//! their UTF-8 bytes. There are no field names and no tags but for JSON values, so
//! reading it is a walk with no lookups. `build.rs` includes this file by path; the test
//! `the_compiled_catalogue_equals_its_json` proves that reading the compiled form gives
//! exactly what parsing the JSON gives.

use std::collections::BTreeMap;

use super::schema::{
    AbrogatedRecord, AmbiguityRecord, BasisRecord, BodyRecord, CatalogFile, CompleteListRecord,
    ConferenceRecord, CoverageRecord, EventRecord, Localized, MetaRecord, ResolutionRecord,
    StateRecord, Str,
};

/// A schema value that can be written to and read back from the compact form.
pub trait Compact: Sized {
    /// Appends the value (build.rs and the tests write; a start only reads).
    #[cfg_attr(not(test), allow(dead_code))]
    fn put(&self, out: &mut Vec<u8>);
    /// Reads one value from the front of `input`, or `None` if the bytes are not one.
    /// The bytes are the binary's own, so that strings can borrow them.
    fn get(input: &mut &'static [u8]) -> Option<Self>;
}

/// The embedded catalogue as build.rs writes it: the file without its resolutions, the
/// conferences they record outcomes of, then each resolution's record by itself, so that
/// a start reads only the records a text cites (reading all of them was a third of the
/// instructions of checking a one-line file).
pub struct Embedded {
    /// Everything but the resolutions.
    pub file: CatalogFile,
    /// [`super::schema::outcome_conferences`] of the resolutions.
    pub outcome_conferences: Vec<Str>,
    pub records: Vec<CompiledRecord>,
}

/// One resolution's record in compact form, read when first asked for.
pub struct CompiledRecord {
    pub body: &'static str,
    pub number: u32,
    pub bytes: &'static [u8],
}

impl CompiledRecord {
    /// The record, or `None` if its bytes do not hold exactly one.
    pub fn read(bytes: &'static [u8]) -> Option<ResolutionRecord> {
        let mut input = bytes;
        let record = ResolutionRecord::get(&mut input)?;
        input.is_empty().then_some(record)
    }
}

/// The layout of [`Embedded`], written by build.rs: the records sorted by body and
/// number, so that a start files them as they come and finds one by binary search.
/// build.rs refuses a catalogue that records one resolution twice.
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode_embedded(mut file: CatalogFile) -> Vec<u8> {
    let mut resolutions = std::mem::take(&mut file.resolutions);
    resolutions.sort_by(|a, b| (&a.body, a.number).cmp(&(&b.body, b.number)));
    let mut out = Vec::new();
    file.put(&mut out);
    super::schema::outcome_conferences(&resolutions).put(&mut out);
    put_varint(resolutions.len() as u64, &mut out);
    for record in &resolutions {
        record.body.put(&mut out);
        record.number.put(&mut out);
        let mut bytes = Vec::new();
        record.put(&mut bytes);
        put_varint(bytes.len() as u64, &mut out);
        out.extend_from_slice(&bytes);
    }
    out
}

/// Reads the layout of [`encode_embedded`], `None` if the bytes do not hold exactly one
/// (records out of order or repeated included). The records are only delimited here;
/// [`CompiledRecord::read`] reads one.
pub fn decode_embedded(mut bytes: &'static [u8]) -> Option<Embedded> {
    let file = CatalogFile::get(&mut bytes)?;
    let outcome_conferences = Vec::<Str>::get(&mut bytes)?;
    let count = usize::try_from(get_varint(&mut bytes)?).ok()?;
    if count > bytes.len() {
        return None;
    }
    let mut records = Vec::with_capacity(count);
    for _ in 0..count {
        let body = get_str(&mut bytes)?;
        let number = u32::get(&mut bytes)?;
        let len = usize::try_from(get_varint(&mut bytes)?).ok()?;
        let record: &'static [u8] = take(&mut bytes, len)?;
        if records
            .last()
            .is_some_and(|last: &CompiledRecord| (last.body, last.number) >= (body, number))
        {
            return None;
        }
        records.push(CompiledRecord {
            body,
            number,
            bytes: record,
        });
    }
    bytes.is_empty().then_some(Embedded {
        file,
        outcome_conferences,
        records,
    })
}

fn put_varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn get_varint(input: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = input.split_first()?;
        *input = rest;
        n |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

/// A string of the embedded bytes, borrowed from them.
fn get_str(input: &mut &'static [u8]) -> Option<&'static str> {
    let len = usize::try_from(get_varint(input)?).ok()?;
    std::str::from_utf8(take(input, len)?).ok()
}

fn take<'a>(input: &mut &'a [u8], len: usize) -> Option<&'a [u8]> {
    if input.len() < len {
        return None;
    }
    let (bytes, rest) = input.split_at(len);
    *input = rest;
    Some(bytes)
}

impl Compact for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(*self, out);
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        get_varint(input)
    }
}

impl Compact for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(*self), out);
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        u32::try_from(get_varint(input)?).ok()
    }
}

impl Compact for u16 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(*self), out);
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        u16::try_from(get_varint(input)?).ok()
    }
}

impl Compact for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        match take(input, 1)? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }
}

impl Compact for Str {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        get_str(input).map(Str::Borrowed)
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        match take(input, 1)? {
            [0] => Some(None),
            [1] => Some(Some(T::get(input)?)),
            _ => None,
        }
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        for item in self {
            item.put(out);
        }
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        let len = usize::try_from(get_varint(input)?).ok()?;
        // Each item takes a byte at least: a length beyond the input is not one.
        if len > input.len() {
            return None;
        }
        (0..len).map(|_| T::get(input)).collect()
    }
}

impl<K: Compact + Ord, V: Compact> Compact for BTreeMap<K, V> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        for (key, value) in self {
            key.put(out);
            value.put(out);
        }
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        let len = usize::try_from(get_varint(input)?).ok()?;
        if len > input.len() {
            return None;
        }
        // Written in key order, so each insertion lands at the map's right edge (no
        // vector to collect and sort, as `collect` would build).
        let mut map = BTreeMap::new();
        for _ in 0..len {
            map.insert(K::get(input)?, V::get(input)?);
        }
        Some(map)
    }
}

impl Compact for MetaRecord {
    fn put(&self, out: &mut Vec<u8>) {
        self.confidence.put(out);
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        Some(MetaRecord {
            confidence: Compact::get(input)?,
        })
    }
}

impl Compact for Localized {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn get(input: &mut &'static [u8]) -> Option<Self> {
        Some(Localized(<BTreeMap<_, _> as Compact>::get(input)?))
    }
}

/// Every field of a record, in one list for both directions: a field added to the
/// schema and not here fails to compile (the struct literal lacks it).
macro_rules! compact_record {
    ($record:ident { $($field:ident),* $(,)? }) => {
        impl Compact for $record {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }
            fn get(input: &mut &'static [u8]) -> Option<Self> {
                Some($record {
                    $($field: Compact::get(input)?,)*
                })
            }
        }
    };
}

compact_record!(CatalogFile {
    as_of,
    bodies,
    conferences,
    citation_index,
    ambiguities,
    coverage,
    resolutions,
});
compact_record!(BodyRecord { name, abbrev });
compact_record!(ConferenceRecord {
    id,
    body,
    place,
    year,
    start,
    end,
    status,
});
compact_record!(AmbiguityRecord {
    citation,
    candidates
});
compact_record!(CoverageRecord {
    complete_lists,
    max_number_upper_bound,
    max_number_meta,
});
compact_record!(CompleteListRecord {
    complete,
    sources,
    adopted,
    revised,
    abrogated,
});
compact_record!(AbrogatedRecord { number });
compact_record!(ResolutionRecord {
    body,
    number,
    title,
    subject_as_cited,
    history,
    history_complete_through,
    suppressed_at,
    suppressed_before,
    not_revised_at,
    not_revised_at_basis,
    in_force_after,
    sources,
    confidence,
    state_at_pp18,
});
compact_record!(EventRecord {
    conference,
    action,
    status,
    evidence,
    sources,
});
compact_record!(BasisRecord { confidence });
compact_record!(StateRecord {
    status,
    citation,
    conference,
    conflict,
    strength,
    conflict_kind,
    candidates,
    minority,
});
