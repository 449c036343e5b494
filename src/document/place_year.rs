//! The "place, year" parts of a citation's tag ("Rév. Dubaï, 2014", "[Busan, 2014]"), found
//! by hand instead of by a regular expression.
//!
//! The expression this replaces (kept in the tests, which compare both on random texts) was
//! the costliest to build of those a one-citation file needs, about half of the time spent
//! building expressions at start-up, for its two Unicode letter classes:
//!
//! ```text
//! \[?[\s\u{a0}]*(?P<rev>(?i:r[ée]v)\.?[\s\u{a0}]*)?\[?[\s\u{a0}]*
//! (?P<place>\p{L}[\p{L}'’\-\s\u{a0}\.]*?)[\s\u{a0}]*,?[\s\u{a0}]*
//! (?P<year>(?:19|20)[0-9][0-9])(?:\]\(#\))?
//! ```
//!
//! [`find_iter`] gives what `captures_iter` gave: the leftmost match, and at that start the
//! one the expression prefers. Its choices reduce to two: with the revision word or without
//! it (the brackets, dot and spaces are each taken whenever present, since nothing after them
//! could use them otherwise), and the shortest place after which a year follows.

use std::ops::Range;

pub use super::scanners::is_letter;
use super::scanners::skip_white;

/// One part of a tag: byte ranges within the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceYearMatch {
    pub whole: Range<usize>,
    /// The revision word with its dot and the spaces after it.
    pub rev: Option<Range<usize>>,
    pub place: Range<usize>,
    pub year: Range<usize>,
}

/// Every part of `text`, left to right, not overlapping.
pub fn find_iter(text: &str) -> impl Iterator<Item = PlaceYearMatch> + '_ {
    let mut from = 0;
    let mut dead = Dead::default();
    std::iter::from_fn(move || {
        let found = text[from..]
            .char_indices()
            .find_map(|(at, _)| match_at(text, from + at, &mut dead))?;
        from = found.whole.end;
        Some(found)
    })
}

/// Where no place can start: a place that started at `start` found no year after any
/// of its characters up to `end`, where the characters a place may hold stop. A place
/// starting later, before `end`, runs to the same `end` and would look for a year at
/// fewer of the same positions, so it is not tried: without this, every letter of a
/// long phrase with no year after it began a scan to the phrase's end.
#[derive(Default)]
struct Dead {
    start: usize,
    end: usize,
}

impl Dead {
    fn covers(&self, at: usize) -> bool {
        self.start <= at && at < self.end
    }
}

fn match_at(text: &str, start: usize, dead: &mut Dead) -> Option<PlaceYearMatch> {
    let at = skip_white(text, skip_byte(text, start, b'['));
    if let Some(rev_end) = revision_word(text, at) {
        let place_start = skip_white(text, skip_byte(text, rev_end, b'['));
        if let Some((place, year, end)) = place_and_year(text, place_start, dead) {
            return Some(PlaceYearMatch {
                whole: start..end,
                rev: Some(at..rev_end),
                place,
                year,
            });
        }
    }
    let place_start = skip_white(text, skip_byte(text, at, b'['));
    let (place, year, end) = place_and_year(text, place_start, dead)?;
    Some(PlaceYearMatch {
        whole: start..end,
        rev: None,
        place,
        year,
    })
}

/// `(?i:r[ée]v)\.?[\s\u{a0}]*` at `at`: where it ends.
fn revision_word(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].chars();
    let r = chars.next()?;
    let e = chars.next()?;
    let v = chars.next()?;
    let word =
        matches!(r, 'r' | 'R') && matches!(e, 'e' | 'E' | 'é' | 'É') && matches!(v, 'v' | 'V');
    if !word {
        return None;
    }
    let end = at + r.len_utf8() + e.len_utf8() + v.len_utf8();
    Some(skip_white(text, skip_byte(text, end, b'.')))
}

/// `\p{L}[\p{L}'’\-\s\u{a0}\.]*?[\s\u{a0}]*,?[\s\u{a0}]*(?:19|20)[0-9][0-9](?:\]\(#\))?` at
/// `at`, the place as short as it can be: the place, the year and where the match ends.
fn place_and_year(
    text: &str,
    at: usize,
    dead: &mut Dead,
) -> Option<(Range<usize>, Range<usize>, usize)> {
    if dead.covers(at) {
        return None;
    }
    let mut chars = text[at..].chars();
    let first = chars.next()?;
    if !is_letter(first) {
        return None;
    }
    let mut place_end = at + first.len_utf8();
    loop {
        if let Some((year, end)) = year_after(text, place_end) {
            return Some((at..place_end, year, end));
        }
        let next = chars.next();
        match next {
            Some(c) if is_letter(c) || c.is_whitespace() || matches!(c, '\'' | '’' | '-' | '.') =>
            {
                place_end += c.len_utf8();
            }
            _ => {
                *dead = Dead {
                    start: at,
                    end: place_end,
                };
                return None;
            }
        }
    }
}

/// `[\s\u{a0}]*,?[\s\u{a0}]*(?:19|20)[0-9][0-9](?:\]\(#\))?` at `at`: the year and the end.
fn year_after(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let at = skip_white(text, skip_byte(text, skip_white(text, at), b','));
    let digits = text.as_bytes().get(at..at + 4)?;
    let year = matches!(&digits[..2], b"19" | b"20")
        && digits[2].is_ascii_digit()
        && digits[3].is_ascii_digit();
    if !year {
        return None;
    }
    let end = if text[at + 4..].starts_with("](#)") {
        at + 8
    } else {
        at + 4
    };
    Some((at..at + 4, end))
}

fn skip_byte(text: &str, at: usize, byte: u8) -> usize {
    if text.as_bytes().get(at) == Some(&byte) {
        at + 1
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn expression() -> &'static regex::Regex {
        static RE: OnceLock<regex::Regex> = OnceLock::new();
        RE.get_or_init(|| {
            regex::Regex::new(
                r"\[?[\s\u{a0}]*(?P<rev>(?i:r[ée]v)\.?[\s\u{a0}]*)?\[?[\s\u{a0}]*(?P<place>\p{L}[\p{L}'’\-\s\u{a0}\.]*?)[\s\u{a0}]*,?[\s\u{a0}]*(?P<year>(?:19|20)[0-9][0-9])(?:\]\(#\))?",
            )
            .unwrap()
        })
    }

    fn by_expression(text: &str) -> Vec<PlaceYearMatch> {
        expression()
            .captures_iter(text)
            .map(|c| PlaceYearMatch {
                whole: c.get(0).unwrap().range(),
                rev: c.name("rev").map(|m| m.range()),
                place: c.name("place").unwrap().range(),
                year: c.name("year").unwrap().range(),
            })
            .collect()
    }

    #[test]
    fn tags_as_written() {
        for text in [
            "Rév. Dubaï, 2014",
            "Rev.Hyderabad, 2010Dubaï, 2014",
            "RÉV. GUADALAJARA, 2010",
            "[Busan, 2014](#)",
            "Rev. Buenos Aires, 2017), (Rev. Antalya, 2006",
            " Rév, 2014",
            "rév Charm el-Cheikh 2002",
            "Rev. Сочи, 2014",
            "Rev. 東京, 2014",
            "Genève 1992; Kyoto, 1994",
            "ⅠRev. x, 2014",
            "Dubaï, 2012, 2014",
        ] {
            assert_eq!(
                find_iter(text).collect::<Vec<_>>(),
                by_expression(text),
                "{text}"
            );
        }
        let m: Vec<_> = find_iter("Rév. Dubaï, 2014").collect();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].rev, Some(0..6));
        assert_eq!(&"Rév. Dubaï, 2014"[m[0].place.clone()], "Dubaï");
    }

    #[test]
    fn letters_are_unicode_letters() {
        let letter = regex::Regex::new(r"^\p{L}$").unwrap();
        let chars = (0..0x3000u32)
            .chain([0x1f600, 0x10400, 0xe9])
            .filter_map(char::from_u32);
        for c in chars {
            let mut buf = [0u8; 4];
            assert_eq!(
                is_letter(c),
                letter.is_match(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
        }
    }

    fn alphabet() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            '[', ']', '(', ')', '#', ' ', '\u{a0}', '\t', ',', '.', '-', '\'', '’', 'R', 'r', 'é',
            'É', 'e', 'E', 'v', 'V', 'D', 'u', 'b', 'a', 'ï', 'Ж', '東', 'Ⅰ', '\u{301}', '×', '1',
            '9', '2', '0', '4', 'x',
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn finds_what_the_expression_found(text in prop::collection::vec(alphabet(), 0..40)) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(find_iter(&text).collect::<Vec<_>>(), by_expression(&text));
        }

        /// Years, revision words and places written whole, among single characters: most
        /// texts hold a tag, and places that find no year come just before ones that do.
        #[test]
        fn finds_what_the_expression_found_among_tags(
            parts in prop::collection::vec(
                prop_oneof![
                    alphabet().prop_map(String::from),
                    prop::sample::select(vec![
                        "2014", "1998", "2022)", ", 2014", ",2010", "Rév. ", "Rev.", "[Busan", "Busan, 2014",
                        "Dubaï", " de la ", "x1", "Buenos Aires", "Charm el-Cheikh", "l’", "19", "20",
                    ])
                    .prop_map(String::from),
                ],
                0..16,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(find_iter(&text).collect::<Vec<_>>(), by_expression(&text));
        }
    }
}
