//! History is not staleness: a text that names an old version of a resolution on
//! purpose — to list its versions, or to say what happened under it — must not be told
//! to cite the version in force. Official texts do it (the Final Acts list "Resolutions
//! 18 (Rev. Buenos Aires, 2017), 18 (Rev. Dubai, 2014) ... and 18 (Valletta, 1998)"; "no
//! budget was allocated ... to accompany Resolution 34 (Rev. Minneapolis, 1998)"), and a
//! MOD quotes that text whole.
//!
//! The decision comes from the text's own words, in the sentence of the citation:
//! - **versions enumerated**: the same resolution is cited there in two or more
//!   versions;
//! - **a past event**: the words that lead to the citation, within its clause, narrate
//!   the past — a verb in a past tense ("was allocated", "a été", "fue"), the results
//!   of an event ("the results of the Forum in regard to"), or a date no later than the
//!   cited version ("commencing in September 2006 and proposing the wording of
//!   Resolution 58 (Hyderabad, 2010)").
//!
//! A present or present-perfect statement ("CWG-Internet has furthered the objectives
//! of Resolution 30 (Rev. Dubai, 2014)") speaks of the resolution as it stands: still
//! stale.

use crate::base::fold::fold;
use crate::base::text::floor_char_boundary;
use crate::document::place_year::is_letter;
use crate::document::Citation;
use crate::lang::lexicon::{LIST_CONJUNCTIONS_PATTERN, PAST_VERBS, RESULTS_OF, WHEN_WORDS};
use crate::rules::Context;

/// How far from a citation its sentence is read, each way, in bytes. A sentence of an
/// official text runs to a few hundred characters; a text without line breaks or
/// semicolons (an export that lost them, a hostile file) is one "sentence", and reading
/// all of it for each of its citations cost the square of its length: 10,000 citations
/// on one line took 86 s.
const SENTENCE_REACH: usize = 1000;

/// How far before a citation the words that lead to it are read: the verb or date that
/// sets a clause in the past stands close to what it governs, and reading (and folding)
/// a whole sentence for each citation was most of the time of a flooded line.
const CLAUSE_REACH: usize = 400;

/// The citations of a chunk by position, to find those of one sentence without a pass
/// over all of them for each citation (the square of their number again).
pub struct Nearby<'d> {
    by_start: Vec<&'d Citation>,
}

impl<'d> Nearby<'d> {
    pub fn new(citations: &'d [Citation]) -> Nearby<'d> {
        let mut by_start: Vec<&Citation> = citations.iter().collect();
        by_start.sort_by_key(|c| (c.span.start, c.span.end));
        Nearby { by_start }
    }

    /// The citations that lie within `start..end`.
    fn within(&self, start: usize, end: usize) -> impl Iterator<Item = &'d Citation> + '_ {
        let first = self.by_start.partition_point(|c| c.span.start < start);
        self.by_start[first..]
            .iter()
            .take_while(move |c| c.span.start < end)
            .filter(move |c| c.span.end <= end)
            .copied()
    }
}

/// Whether the citation names its version on purpose (see the module's page).
pub fn speaks_of_history(
    ctx: &Context<'_>,
    nearby: &Nearby<'_>,
    citation: &Citation,
    cited_year: u16,
) -> bool {
    let source = ctx.source;
    let at = citation.span.start.min(source.len());
    let end = citation.span.end.min(source.len());
    let reach_start =
        crate::base::text::floor_char_boundary(source, at.saturating_sub(SENTENCE_REACH));
    let reach_end =
        crate::base::text::floor_char_boundary(source, end.saturating_add(SENTENCE_REACH));
    let sentence_start = source[reach_start..at]
        .rfind(['\n', ';'])
        .map_or(reach_start, |i| reach_start + i + 1);
    let sentence_end = source[end..reach_end]
        .find(['\n', ';'])
        .map_or(reach_end, |i| end + i);
    versions_enumerated(ctx, nearby, citation, sentence_start, sentence_end) || {
        let clause_reach = floor_char_boundary(source, at.saturating_sub(CLAUSE_REACH));
        let clause_start = source[clause_reach..at]
            .rfind(['\n', ';', ':'])
            .map_or(clause_reach, |i| clause_reach + i + 1);
        narrates_past(source.get(clause_start..at).unwrap_or(""), cited_year)
    }
}

/// A further version tag right after the citation, with no number of its own:
/// "Resolution 125 (Rev. Guadalajara, 2010), (Rev. Antalya, 2006) and (Marrakesh, 2002)".
///
/// Found by hand: the expression it replaces (in the tests, which compare both on random
/// texts) was the costliest to build of those a one-citation file still needed, about two
/// fifths of their build time, for its Unicode classes:
/// `^[\s\u{a0}]*(?:,[\s\u{a0}]*)?(?:(?:and|et|...)[\s\u{a0}]+)?\((?i:r[ée]v)?\.?[\s\u{a0}]*`
/// `\p{L}[^()]{0,40}?(?:19|20)[0-9]{2}\)`.
fn more_tags(after: &str) -> bool {
    let s = after.trim_start_matches(char::is_whitespace);
    let s = s
        .strip_prefix(',')
        .map_or(s, |rest| rest.trim_start_matches(char::is_whitespace));
    // A conjunction needs a space after it; "e" and "et" cannot both be followed by one.
    let s = LIST_CONJUNCTIONS_PATTERN
        .split('|')
        .find_map(|conjunction| {
            let rest = s.strip_prefix(conjunction)?;
            let spaced = rest.trim_start_matches(char::is_whitespace);
            (spaced.len() < rest.len()).then_some(spaced)
        })
        .unwrap_or(s);
    let Some(tag) = s.strip_prefix('(') else {
        return false;
    };
    // With the revision word, else without it ("(Rev2018)": "R" is then the first letter).
    let mut chars = tag.chars();
    let revision = matches!(chars.next(), Some('r' | 'R'))
        && matches!(chars.next(), Some('e' | 'E' | 'é' | 'É'))
        && matches!(chars.next(), Some('v' | 'V'));
    (revision && tag_ends_with_year(chars.as_str())) || tag_ends_with_year(tag)
}

/// `\.?[\s\u{a0}]*\p{L}[^()]{0,40}?(?:19|20)[0-9]{2}\)` at the start of `s`.
fn tag_ends_with_year(s: &str) -> bool {
    let s = s.strip_prefix('.').unwrap_or(s);
    let s = s.trim_start_matches(char::is_whitespace);
    let mut chars = s.chars();
    if !chars.next().is_some_and(is_letter) {
        return false;
    }
    let words = chars.as_str();
    // The words hold no parenthesis: the tag closes at the first one, after its year.
    let Some(close) = words.find(['(', ')']) else {
        return false;
    };
    let bytes = words.as_bytes();
    if bytes[close] != b')' || close < 4 {
        return false;
    }
    let year = &bytes[close - 4..close];
    matches!(&year[..2], b"19" | b"20")
        && year[2].is_ascii_digit()
        && year[3].is_ascii_digit()
        && words[..close - 4].chars().count() <= 40
}

/// The same resolution cited in another version within the sentence.
fn versions_enumerated(
    ctx: &Context<'_>,
    nearby: &Nearby<'_>,
    citation: &Citation,
    start: usize,
    end: usize,
) -> bool {
    let Some(this) = super::cited(citation) else {
        return false;
    };
    let after = ctx.source.get(citation.span.end..end).unwrap_or("");
    if citation.tag.is_some() && more_tags(after) {
        return true;
    }
    nearby
        .within(start, end)
        .filter(|c| c.span != citation.span)
        .filter_map(super::cited)
        .any(|other| {
            other.body == this.body
                && other.number == this.number
                && (other.year != this.year
                    || (other.place != this.place && fold(other.place) != fold(this.place)))
        })
}

/// Whether the words before a citation, in its clause, narrate the past.
fn narrates_past(clause: &str, cited_year: u16) -> bool {
    let folded = fold(clause);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let has = |phrase: &str| joined.contains(&format!(" {phrase} "));
    PAST_VERBS.iter().any(|v| has(v))
        || RESULTS_OF.iter().any(|r| has(r))
        || dated_no_later(clause, cited_year)
}

/// A year written in the clause itself (not inside a citation's parentheses) as the
/// date of an event, no later than the cited version: the sentence is set at a time
/// that version was the one to cite.
fn dated_no_later(clause: &str, cited_year: u16) -> bool {
    let mut depth = 0usize;
    let mut word = String::new();
    // The last two words before the current one, folded.
    let mut before: [String; 2] = [String::new(), String::new()];
    let mut found = false;
    for ch in clause.chars().chain(std::iter::once(' ')) {
        if ch.is_alphanumeric() {
            word.push(ch);
            continue;
        }
        if !word.is_empty() {
            let is_year = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
            if is_year && depth == 0 {
                let dated = before.iter().any(|w| WHEN_WORDS.contains(&w.as_str()));
                if let Ok(year) = word.parse::<u16>() {
                    if dated && (1865..=cited_year).contains(&year) {
                        found = true;
                    }
                }
            }
            before[0] = std::mem::take(&mut before[1]);
            before[1] = fold(&word);
            word.clear();
        }
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_expression(after: &str) -> bool {
        use crate::lang::lexicon::REVISION_WORD_PATTERN;
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| {
            regex::Regex::new(&format!(
            r"^[\s\u{{a0}}]*(?:,[\s\u{{a0}}]*)?(?:(?:{LIST_CONJUNCTIONS_PATTERN})[\s\u{{a0}}]+)?\((?i:{REVISION_WORD_PATTERN})?\.?[\s\u{{a0}}]*\p{{L}}[^()]{{0,40}}?(?:19|20)[0-9]{{2}}\)"
            ))
            .unwrap()
        });
        re.is_match(after)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn finds_what_the_expression_found(
            text in proptest::collection::vec(
                proptest::sample::select(vec![
                    ' ', '\u{a0}', '\t', ',', '.', '(', ')', 'a', 'n', 'd', 'e', 't', 'y', 'o',
                    'u', 'r', 'R', 'E', 'é', 'É', 'v', 'V', 'D', 'Ж', '\u{301}', '1', '9', '2',
                    '0', '6',
                ]),
                0..50,
            ),
            words in 0usize..45,
            tokens in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", ",", "et ", "and ", "ou", "(", ")", "Rév", "REV", "rev", ".", "Dubaï",
                    "Ж", "\u{301}", ", ", "2006", "1998", "2100", "1", "Mar del Plata ",
                ]),
                0..12,
            ),
        ) {
            let text: String = text.into_iter().collect();
            let joined: String = tokens.concat();
            proptest::prop_assert_eq!(more_tags(&joined), by_expression(&joined), "{:?}", joined);
            proptest::prop_assert_eq!(more_tags(&text), by_expression(&text), "{:?}", text);
            // Near the bound of forty characters.
            let long = format!(", (Rev. A{}, 2006)", "é".repeat(words));
            proptest::prop_assert_eq!(more_tags(&long), by_expression(&long), "{:?}", long);
        }
    }

    #[test]
    fn further_tags_have_at_most_forty_characters_of_words() {
        assert!(more_tags(", (Rev. Antalya, 2006) and (Marrakesh, 2002)"));
        assert!(more_tags(" et (Rév. Guadalajara, 2010)"));
        // Without a letter after "Rev", its "R" is the first letter and "ev" the words.
        assert!(more_tags(" (Rev2018)"));
        let words = |n: usize| format!(" (Rev. A{}, 2006)", "é".repeat(n - 2));
        assert!(more_tags(&words(40)));
        assert!(!more_tags(&words(41)));
        assert!(!more_tags(" of the Conference (Rev. Antalya, 2006)"));
    }

    #[test]
    fn past_tenses_and_dates_narrate_the_past() {
        assert!(narrates_past(
            "a) that no budget was allocated by the Plenipotentiary Conference to accompany ",
            1998
        ));
        assert!(narrates_past(
            "a) qu'aucun budget n'a été alloué par la Conférence pour accompagner la ",
            1998
        ));
        assert!(narrates_past(
            "c) los resultados del Foro en relación con la ",
            2010
        ));
        assert!(narrates_past(
            "g) the work carried out under Question 20/1, commencing in September 2006 and proposing the wording of ",
            2010
        ));
        assert!(!narrates_past(
            "a) that CWG-Internet has furthered the objectives of ",
            2014
        ));
        assert!(!narrates_past(
            "b) the strategic plan for 2020-2023 and ",
            2014
        ));
        assert!(!narrates_past(
            "a) la Résolution 71 (Rév. Busan, 2014) et la ",
            2014
        ));
        assert!(!narrates_past(
            "c) the outcomes of WTDC, especially Resolution 15 (Rev. Hyderabad, 2010), and ",
            2014
        ));
    }
}
