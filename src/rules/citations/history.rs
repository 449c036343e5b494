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

use regex::Regex;

use crate::base::fold::fold;
use crate::document::Citation;
use crate::lang::lexicon::{
    LIST_CONJUNCTIONS_PATTERN, PAST_VERBS, RESULTS_OF, REVISION_WORD_PATTERN, WHEN_WORDS,
};
use crate::rules::Context;

/// Whether the citation names its version on purpose (see the module's page).
pub fn speaks_of_history(ctx: &Context<'_>, citation: &Citation, cited_year: u16) -> bool {
    let source = ctx.source;
    let at = citation.span.start.min(source.len());
    let end = citation.span.end.min(source.len());
    let sentence_start = source[..at].rfind(['\n', ';']).map_or(0, |i| i + 1);
    let sentence_end = source[end..]
        .find(['\n', ';'])
        .map_or(source.len(), |i| end + i);
    versions_enumerated(ctx, citation, sentence_start, sentence_end) || {
        let clause_start = source[..at].rfind(['\n', ';', ':']).map_or(0, |i| i + 1);
        narrates_past(source.get(clause_start..at).unwrap_or(""), cited_year)
    }
}

/// A further version tag right after the citation, with no number of its own:
/// "Resolution 125 (Rev. Guadalajara, 2010), (Rev. Antalya, 2006) and (Marrakesh, 2002)".
///
/// The words between the tag's first letter and its year are at most 40 characters,
/// checked by [`more_tags`] rather than in the expression: `[^()]{0,40}` is compiled as
/// forty copies of a Unicode class, which made building it take 2.5 times as long. The
/// tag ends at its first `)`, and the path the expression prefers (the revision word and
/// spaces taken) leaves the shortest words, so checking that match is the bound.
fn more_tags_regex() -> &'static Regex {
    regex!(&format!(
        r"^[\s\u{{a0}}]*(?:,[\s\u{{a0}}]*)?(?:(?:{LIST_CONJUNCTIONS_PATTERN})[\s\u{{a0}}]+)?\((?i:{REVISION_WORD_PATTERN})?\.?[\s\u{{a0}}]*\p{{L}}(?P<words>[^()]*?)(?:19|20)[0-9]{{2}}\)"
    ))
}

/// Whether `after` begins with a further version tag (see [`more_tags_regex`]).
fn more_tags(after: &str) -> bool {
    more_tags_regex()
        .captures(after)
        .and_then(|c| c.name("words"))
        .is_some_and(|words| words.as_str().chars().count() <= 40)
}

/// The same resolution cited in another version within the sentence.
fn versions_enumerated(ctx: &Context<'_>, citation: &Citation, start: usize, end: usize) -> bool {
    let Some(this) = super::cited(citation) else {
        return false;
    };
    let after = ctx.source.get(citation.span.end..end).unwrap_or("");
    if citation.tag.is_some() && more_tags(after) {
        return true;
    }
    ctx.document
        .citations
        .iter()
        .filter(|c| c.span.start >= start && c.span.end <= end && c.span != citation.span)
        .filter_map(super::cited)
        .any(|other| {
            other.body == this.body
                && other.number == this.number
                && (other.year != this.year || fold(other.place) != fold(this.place))
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
