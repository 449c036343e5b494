//! `flattened-revision`: old and new text glued together when tracked changes were
//! copied out of Word without their marks. Each glued place is reported once, with a
//! fix that restores the marks; the other rules check the new reading it implies.

use crate::base::diagnostic::{Diagnostic, Edit, Fix};
use crate::base::text::Span;
use crate::base::Rule;
use crate::document::FlattenedKind;
use crate::lang::messages::{FixTitle, Glued, Message};
use crate::rules::Context;

pub fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for f in &ctx.document.flattened {
        let old = ctx.text(f.old);
        let new = ctx.text(f.new);
        let (message, fix) = match f.kind {
            FlattenedKind::DeletedClause => {
                let label = old.split([')', '\t']).next().unwrap_or(old);
                (
                    Message::DeletedClauseSurvived { label }.render(ctx.messages),
                    Fix::unsafe_(
                        FixTitle::MarkClauseDeleted.render(ctx.messages),
                        vec![Edit::replace(f.span, format!("{{--{old}--}}"))],
                    ),
                )
            }
            kind => {
                let what = match kind {
                    FlattenedKind::Tag | FlattenedKind::PlaceYear => Glued::Revision,
                    FlattenedKind::Label => Glued::Label,
                    FlattenedKind::Number => Glued::Number,
                    FlattenedKind::Period => Glued::Period,
                    FlattenedKind::Code => Glued::ConferenceCode,
                    FlattenedKind::DeletedClause => Glued::Clause,
                };
                let title = FixTitle::RestoreRevisionMark { old, new }.render(ctx.messages);
                let between = ctx.text(Span::new(f.old.end, f.new.start));
                let restored = format!("{{~~{old}~>{new}~~}}");
                let fix = if between.is_empty() {
                    Fix::safe(
                        title,
                        vec![Edit::replace(Span::new(f.old.start, f.new.end), restored)],
                    )
                } else {
                    Fix::unsafe_(
                        title,
                        vec![Edit::replace(
                            Span::new(f.old.start, f.new.end),
                            format!("{{~~{old}{between}~>{new}~~}}"),
                        )],
                    )
                };
                (
                    Message::Flattened { what, old, new }.render(ctx.messages),
                    fix,
                )
            }
        };
        let span = match f.kind {
            FlattenedKind::DeletedClause => f.span,
            _ => Span::new(f.old.start, f.new.end),
        };
        let d = Diagnostic::new(Rule::FlattenedRevision, span, message);
        // Marks do not nest: glued text inside a mark is reported, not rewritten.
        out.push(if ctx.in_mark(span) {
            d
        } else {
            d.with_fix(fix)
        });
    }
}
