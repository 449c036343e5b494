//! Writing citations and edits the way the document writes them: in the citation's own
//! language (`Rév.`, `Dubaï`), its case (upper case in headings), its spacing
//! (`Rév.Dubaï` or `Rév. Dubaï`), and as a revision mark when the document tracks
//! its changes.

use crate::base::diagnostic::Edit;
use crate::base::fold::fold;
use crate::base::text::Span;
use crate::catalog::Revision;
use crate::document::{Citation, TagForm};
pub use crate::lang::lexicon::and_word;
use crate::lang::lexicon::{resolution_word_lang, revision_word, IRREGULAR_SINGULARS};
use crate::lang::Lang;

use super::Context;

/// How a citation's tag is written.
#[derive(Debug, Clone)]
pub struct TagStyle {
    pub lang: Lang,
    /// "Rev.", "Rév.", "REV." as the document writes it.
    pub rev_word: String,
    pub space_after_rev: bool,
    pub upper: bool,
}

/// The language a citation is written in, from its resolution word.
pub fn citation_lang(ctx: &Context<'_>, citation: &Citation) -> Lang {
    let keyword = ctx.text(citation.keyword);
    if let Some(lang) = resolution_word_lang(keyword) {
        lang
    } else if ctx.language != Lang::En && keyword.chars().all(|c| !c.is_lowercase()) {
        ctx.language
    } else {
        Lang::En
    }
}

pub fn style_of(ctx: &Context<'_>, citation: &Citation) -> TagStyle {
    let lang = citation_lang(ctx, citation);
    let default_rev = revision_word(lang);
    let mut style = TagStyle {
        lang,
        rev_word: default_rev.to_string(),
        space_after_rev: true,
        upper: false,
    };
    let Some(tag) = &citation.tag else {
        return style;
    };
    let inner = ctx.text(Span::new(
        tag.span.start + 1,
        tag.span.end.saturating_sub(1),
    ));
    style.upper = inner.chars().any(|c| c.is_alphabetic())
        && inner
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| !c.is_lowercase());
    if let TagForm::PlaceYear {
        new, flattened_old, ..
    } = &tag.form
    {
        let rev = new.rev.or(flattened_old.as_ref().and_then(|o| o.rev));
        let rev = rev.or_else(|| {
            // A "Rev." shared by glued old and new text stands before the old one.
            let before = ctx.text(Span::new(
                tag.span.start + 1,
                flattened_old.as_ref()?.place_span.start,
            ));
            let trimmed = before.trim();
            (!trimmed.is_empty()).then(|| {
                let start = tag.span.start + 1 + (before.len() - before.trim_start().len());
                Span::new(start, start + trimmed.len())
            })
        });
        if let Some(rev) = rev {
            style.rev_word = ctx.text(rev).to_string();
            style.space_after_rev = ctx
                .source
                .get(rev.end..)
                .is_some_and(|s| s.starts_with([' ', '\u{a0}']));
        } else if style.upper {
            style.rev_word = style.rev_word.to_uppercase();
        }
    }
    style
}

/// "Rév. Busan, 2014", as the tag's inside.
pub fn tag_inner(revision: Revision<'_>, style: &TagStyle) -> String {
    let mut out = String::new();
    // A WRC is cited by its series and year, "Rev.WRC-23", "Rév.CMR-23": no place.
    if revision.conference.body == "WRC" {
        if revision.revised {
            out.push_str(&style.rev_word);
        }
        let abbrev = crate::lang::l10n::tr0(style.lang, "abbrev-WRC");
        out.push_str(&format!("{abbrev}-{:02}", revision.conference.year % 100));
        if style.upper {
            out = out.to_uppercase();
        }
        return out;
    }
    let place_year = revision.conference.place_year(style.lang);
    if revision.revised {
        out.push_str(&style.rev_word);
        if style.space_after_rev {
            out.push(' ');
        }
    }
    out.push_str(&place_year);
    if style.upper {
        out = out.to_uppercase();
    }
    out
}

/// "Résolution 140 (Rév. Busan, 2014)": how to cite one number at a revision.
pub fn citation_text(ctx: &Context<'_>, citation: &Citation, revision: Revision<'_>) -> String {
    let style = style_of(ctx, citation);
    let word = singular_keyword(ctx.text(citation.keyword));
    format!(
        "{word} {} ({})",
        citation.number,
        tag_inner(revision, &style)
    )
}

fn singular_keyword(keyword: &str) -> String {
    let folded = fold(keyword);
    if let Some((_, singular, upper_singular)) = IRREGULAR_SINGULARS
        .iter()
        .find(|(plural, ..)| *plural == folded)
    {
        let upper = keyword.chars().all(|c| !c.is_lowercase());
        return if upper { upper_singular } else { singular }.to_string();
    }
    keyword
        .strip_suffix(['s', 'S'])
        .unwrap_or(keyword)
        .to_string()
}

/// Replaces `span` with `new_text`: as a substitution mark when the document tracks
/// its changes and the span is not already inside a mark, else plainly.
pub fn change(ctx: &Context<'_>, span: Span, new_text: &str) -> Edit {
    if ctx.tracks_changes() && !ctx.in_mark(span) {
        let old = ctx.text(span);
        if old.is_empty() {
            return Edit::replace(span, format!("{{++{new_text}++}}"));
        }
        return Edit::replace(span, format!("{{~~{old}~>{new_text}~~}}"));
    }
    Edit::replace(span, new_text)
}
