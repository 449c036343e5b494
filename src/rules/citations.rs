//! The five citation rules. A citation gets at most one of them, the first that
//! applies: `unknown-resolution`, `unknown-revision`, `suppressed-resolution`,
//! `stale-revision`, `uncatalogued-citation` (a revision that never existed cannot be
//! "stale"). The catalogue decides ([`Catalog::judge`](crate::catalog::Catalog)); this
//! module words its verdict and writes the fix.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::base::diagnostic::{Diagnostic, Fix, Severity};
use crate::base::text::Span;
use crate::base::BodyRef;
use crate::base::Rule;
use crate::catalog::{CitedRevision, Confidence, Revision, Verdict};
use crate::document::{Citation, CitationKind, TagForm};
use crate::lang::messages::{Cited, FixTitle, Meeting, Message};
use crate::rules::render::{self, and_word, citation_text, style_of, tag_inner};
use crate::rules::Context;

mod history;

pub fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let shared = Shared {
        nearby: history::Nearby::new(&ctx.document.citations),
        list_fixes: RefCell::new(HashMap::new()),
    };
    for citation in &ctx.document.citations {
        if let Some(d) = check_one(ctx, &shared, citation) {
            out.push(d);
        }
    }
}

/// What the citations of one chunk share, worked out once rather than for each of them:
/// a flooded text (thousands of citations in a line, a list of thousands of numbers) made
/// each citation's work grow with their number.
struct Shared<'d> {
    nearby: history::Nearby<'d>,
    /// The fix of a list whose members share one tag, by the list's keyword: the same for
    /// every stale member, and as long as the list.
    list_fixes: RefCell<HashMap<Span, Option<Fix>>>,
}

fn check_one(ctx: &Context<'_>, shared: &Shared<'_>, citation: &Citation) -> Option<Diagnostic> {
    let nearby = &shared.nearby;
    let asked = cited(citation)?;
    let CitedRevision {
        body,
        revised,
        place,
        year,
        ..
    } = asked;
    let catalog = ctx.catalog;
    if citation.in_heading {
        // A heading that names the target conference is the proposal's own revision.
        if let Some(target) = ctx.when.conference {
            if catalog
                .conferences_at(place, year)
                .iter()
                .any(|c| c.id == target.id)
            {
                return None;
            }
        }
    }
    let lang = ctx.messages;
    let body = catalog.body_in(body, lang);
    let body = body.as_str();
    let names = |reason: &crate::lang::messages::Reason| {
        reason.map_names(|name| catalog.name_in(name, lang))
    };
    let cited = Cited {
        number: citation.number,
        revised,
        place,
        year,
        wrc: citation
            .tag
            .as_ref()
            .is_some_and(|t| matches!(t.form, TagForm::Wrc { .. })),
    };
    let target = ctx
        .target
        .id
        .as_deref()
        .map(|id| catalog.conference_id_in(id, lang));
    let target = target.as_deref();
    let diagnostic = match catalog.judge(&asked, ctx.when) {
        Verdict::NotChecked | Verdict::Current => return None,
        Verdict::UnknownResolution { reason, confidence } => Diagnostic::new(
            Rule::UnknownResolution,
            citation.span,
            Message::UnknownResolution {
                cited,
                body,
                reason: &names(&reason),
            }
            .render(lang),
        )
        .with_severity(severity_of(confidence)),
        Verdict::UnknownRevision {
            reason,
            confidence,
            suggestion,
        } => {
            let text = suggestion.map(|revision| citation_text(ctx, citation, revision));
            let message = Message::UnknownRevision {
                cited,
                body,
                reason: &names(&reason),
                suggestion: text.as_deref(),
            };
            let mut d = Diagnostic::new(Rule::UnknownRevision, citation.span, message.render(lang))
                .with_severity(severity_of(confidence));
            if let Some(fix) = suggestion.and_then(|r| retag_fix(ctx, citation, r, false)) {
                d = d.with_fix(fix);
            }
            d
        }
        Verdict::Suppressed { at } => {
            let place_year = at.place_year(lang);
            let at_id = catalog.conference_id_in(&at.id, lang);
            Diagnostic::new(
                Rule::SuppressedResolution,
                citation.span,
                Message::Suppressed {
                    cited,
                    body,
                    by: Meeting {
                        id: &at_id,
                        place_year: &place_year,
                    },
                    target,
                }
                .render(lang),
            )
        }
        Verdict::Stale { .. } if history::speaks_of_history(ctx, nearby, citation, year) => {
            return None
        }
        Verdict::Stale { current } => {
            let text = citation_text(ctx, citation, current);
            let place_year = current.conference.place_year(lang);
            let current_id = catalog.conference_id_in(&current.conference.id, lang);
            let mut d = Diagnostic::new(
                Rule::StaleRevision,
                citation.span,
                Message::Stale {
                    cited,
                    body,
                    target,
                    revised: current.revised,
                    current: Meeting {
                        id: &current_id,
                        place_year: &place_year,
                    },
                    cite: &text,
                }
                .render(lang),
            );
            let fix = if citation.tag_shared {
                let cached = shared.list_fixes.borrow().get(&citation.keyword).cloned();
                cached.unwrap_or_else(|| {
                    let fix = stale_fix(ctx, citation, current);
                    shared
                        .list_fixes
                        .borrow_mut()
                        .insert(citation.keyword, fix.clone());
                    fix
                })
            } else {
                stale_fix(ctx, citation, current)
            };
            if let Some(fix) = fix {
                d = d.with_fix(fix);
            }
            d
        }
        Verdict::Uncatalogued { reason } => Diagnostic::new(
            Rule::UncataloguedCitation,
            citation.span,
            Message::Uncatalogued {
                cited,
                body,
                reason: &names(&reason),
            }
            .render(lang),
        ),
    };
    Some(diagnostic)
}

/// An error when the catalogue is certain; softer when the fact it rests on is not.
fn severity_of(confidence: Confidence) -> Severity {
    match confidence {
        Confidence::High => Severity::Error,
        Confidence::Medium => Severity::Warning,
        Confidence::Low => Severity::Info,
    }
}

/// What the catalogue is asked about a citation: a conference resolution of a
/// catalogued body, dated by a place and year.
pub(crate) fn cited(citation: &Citation) -> Option<CitedRevision<'_>> {
    if citation.kind != CitationKind::Conference {
        return None;
    }
    let tag = citation.tag.as_ref()?;
    let body = match citation.body? {
        // Not a catalogued body of the embedded file, but one `catalog build` learns from
        // WRC Final Acts; the judge says what it does not know.
        BodyRef::Wrc => "WRC",
        other => other.catalog_id()?,
    };
    let (revised, place, year) = match tag.form {
        // "(Rev.WRC-19)" names its conference by year alone.
        TagForm::Wrc { revised, year } if body == "WRC" => (revised, "", year),
        TagForm::Wrc { .. } => return None,
        TagForm::PlaceYear { .. } => tag.place_year()?,
    };
    Some(CitedRevision {
        body,
        number: citation.number,
        revised,
        place,
        year,
    })
}

/// Replaces the revision a citation's tag names (its new reading) with `revision`.
fn retag_fix(
    ctx: &Context<'_>,
    citation: &Citation,
    revision: Revision<'_>,
    safe: bool,
) -> Option<Fix> {
    let tag = citation.tag.as_ref()?;
    let style = style_of(ctx, citation);
    let Some((new, shared_rev)) = tag.new_place_year() else {
        // "(Rev.WRC-19)": the whole inside names the revision; write it anew.
        let inner = tag_inner(revision, &style);
        let span = Span::new(tag.span.start + 1, tag.span.end.saturating_sub(1));
        let title = FixTitle::Cite {
            number: citation.number,
            tag: &inner,
        }
        .render(ctx.messages);
        let edit = if citation.in_heading {
            crate::base::diagnostic::Edit::replace(span, inner)
        } else {
            render::change(ctx, span, &inner)
        };
        return Some(if safe {
            Fix::safe(title, vec![edit])
        } else {
            Fix::unsafe_(title, vec![edit])
        });
    };
    let currently_revised = new.revised() || shared_rev;
    // Keep a "Rev." that stays, and a shared one before glued text: change only what
    // must change, as a drafter would.
    let keeps_rev =
        (currently_revised == revision.revised && !shared_rev) || (shared_rev && revision.revised);
    let (span, replacement) = if keeps_rev {
        let place_year = tag_inner(
            Revision {
                conference: revision.conference,
                revised: false,
            },
            &style,
        );
        (
            Span::new(new.place_span.start, new.year_span.end),
            place_year,
        )
    } else {
        (
            Span::new(tag.span.start + 1, tag.span.end - 1),
            tag_inner(revision, &style),
        )
    };
    let cited_tag = tag_inner(revision, &style);
    let title = FixTitle::Cite {
        number: citation.number,
        tag: &cited_tag,
    }
    .render(ctx.messages);
    // A heading states the version in force, not a proposed change: never a mark.
    let edit = if citation.in_heading {
        crate::base::diagnostic::Edit::replace(span, replacement)
    } else {
        render::change(ctx, span, &replacement)
    };
    Some(if safe {
        Fix::safe(title, vec![edit])
    } else {
        Fix::unsafe_(title, vec![edit])
    })
}

/// Brings a stale citation up to date. In a list whose members now differ, the list
/// is split: "Resolutions 50 and 58 (Rev. Hammamet, 2016) and 52 (Rev. Dubai, 2012)".
/// The longest list whose shared tag a fix rewrites. Every stale member carries the fix,
/// whose text is the whole list: no real list comes near this, and a flooded one
/// (thousands of numbers) would carry its length times over.
const MAX_LIST_FIXED: usize = 64;

fn stale_fix(ctx: &Context<'_>, citation: &Citation, current: Revision<'_>) -> Option<Fix> {
    if !citation.tag_shared {
        return retag_fix(ctx, citation, current, true);
    }
    if citation.list_len > MAX_LIST_FIXED {
        return None;
    }
    let members: Vec<&Citation> = ctx
        .document
        .citations
        .iter()
        .filter(|c| c.keyword == citation.keyword)
        .collect();
    let tag = citation.tag.as_ref()?;
    let style = style_of(ctx, citation);
    // The tag each member should carry, written out.
    let mut wanted: Vec<(u32, String)> = Vec::new();
    for m in &members {
        let inner = match current_for(ctx, m) {
            Some(rev) => tag_inner(rev, &style),
            None => tag_inner_as_written(ctx, m)?,
        };
        wanted.push((m.number, inner));
    }
    if wanted.iter().all(|(_, t)| *t == wanted[0].1) {
        return retag_fix(ctx, citation, current, true);
    }
    let mut groups: Vec<(String, Vec<u32>)> = Vec::new();
    for (number, inner) in wanted {
        match groups.iter_mut().find(|(t, _)| *t == inner) {
            Some((_, numbers)) => numbers.push(number),
            None => groups.push((inner, vec![number])),
        }
    }
    let and = and_word(style.lang);
    let join = |items: Vec<String>| -> String {
        match items.len() {
            0 => String::new(),
            1 => items[0].clone(),
            n => format!("{} {and} {}", items[..n - 1].join(", "), items[n - 1]),
        }
    };
    let text = join(
        groups
            .into_iter()
            .map(|(inner, numbers)| {
                format!(
                    "{} ({inner})",
                    join(numbers.iter().map(u32::to_string).collect())
                )
            })
            .collect(),
    );
    let first = members.first()?;
    let end = members
        .iter()
        .map(|m| m.tag.as_ref().map_or(m.number_span.end, |t| t.span.end))
        .max()?;
    let span = Span::new(first.number_span.start, end.max(tag.span.end));
    Some(Fix::safe(
        FixTitle::SplitListByRevision.render(ctx.messages),
        vec![render::change(ctx, span, &text)],
    ))
}

/// The revision a list member should cite if it is stale.
fn current_for<'c>(ctx: &Context<'c>, citation: &Citation) -> Option<Revision<'c>> {
    match ctx.catalog.judge(&cited(citation)?, ctx.when) {
        Verdict::Stale { current } => Some(current),
        _ => None,
    }
}

fn tag_inner_as_written(ctx: &Context<'_>, citation: &Citation) -> Option<String> {
    let tag = citation.tag.as_ref()?;
    let (new, shared_rev) = tag.new_place_year()?;
    let style = style_of(ctx, citation);
    let place_year = ctx.text(Span::new(new.place_span.start, new.year_span.end));
    Some(if new.revised() || shared_rev {
        format!(
            "{}{}{place_year}",
            style.rev_word,
            if style.space_after_rev { " " } else { "" }
        )
    } else {
        place_year.to_string()
    })
}
