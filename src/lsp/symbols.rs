//! Document symbols (units → headings → sections) and folding ranges (per unit and
//! per section).

use tower_lsp::lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

use super::analyzer::Snapshot;
use super::model::{ModelView, UnitView};
use crate::base::text::Span;
use crate::lang::l10n::{tr, tr0, Args};
use crate::lang::Lang;

#[allow(deprecated)] // `DocumentSymbol::deprecated` has to be written out.
#[allow(clippy::too_many_arguments)] // one call per kind of symbol, each with its own words
fn symbol(
    lang: Lang,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    snapshot: &Snapshot,
    span: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    let name = if name.trim().is_empty() {
        tr0(lang, "symbol-untitled")
    } else {
        name.trim().to_string()
    };
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: snapshot.range(span),
        selection_range: snapshot.range(selection),
        children: (!children.is_empty()).then_some(children),
    }
}

fn unit_name(unit: &UnitView, lang: Lang) -> String {
    match (&unit.action, &unit.reference) {
        (Some((a, _)), Some((r, _))) => format!("{a} {r}"),
        (Some((a, _)), None) => a.clone(),
        (None, Some((r, _))) => r.clone(),
        (None, None) => unit
            .heading
            .as_ref()
            .map(|(h, _)| h.clone())
            .unwrap_or_else(|| tr0(lang, "symbol-proposal")),
    }
}

pub fn document_symbols(snapshot: &Snapshot, view: &ModelView) -> Vec<DocumentSymbol> {
    // The outline speaks the language of the messages.
    let lang = snapshot.analysis.as_ref().map_or(Lang::En, |a| a.messages);
    view.units()
        .iter()
        .map(|unit| {
            let sections: Vec<DocumentSymbol> = unit
                .sections
                .iter()
                .map(|s| {
                    symbol(
                        lang,
                        s.call_word.clone(),
                        Some(tr(
                            lang,
                            "symbol-clauses",
                            &Args::new().n("count", s.clauses),
                        )),
                        SymbolKind::FIELD,
                        snapshot,
                        s.span,
                        s.call_span,
                        Vec::new(),
                    )
                })
                .collect();
            let selection = unit
                .reference
                .as_ref()
                .map(|(_, s)| *s)
                .or(unit.action.as_ref().map(|(_, s)| *s))
                .unwrap_or(Span::new(unit.span.start, unit.span.start));
            let children = match &unit.heading {
                Some((heading, heading_span)) => {
                    let end = unit
                        .sections
                        .last()
                        .map_or(heading_span.end, |s| s.span.end.max(heading_span.end));
                    vec![symbol(
                        lang,
                        heading.clone(),
                        None,
                        SymbolKind::CLASS,
                        snapshot,
                        Span::new(
                            heading_span.start,
                            end.min(unit.span.end.max(heading_span.end)),
                        ),
                        *heading_span,
                        sections,
                    )]
                }
                None => sections,
            };
            symbol(
                lang,
                unit_name(unit, lang),
                unit.heading.as_ref().map(|(h, _)| h.trim().to_string()),
                SymbolKind::MODULE,
                snapshot,
                unit.span,
                selection,
                children,
            )
        })
        .collect()
}

pub fn folding_ranges(snapshot: &Snapshot, view: &ModelView) -> Vec<FoldingRange> {
    let mut out = Vec::new();
    let mut push = |span: Span| {
        let start = snapshot.mapper.line_of(span.start);
        // A span ending at the start of a line (after its line break) folds to the line before.
        let end_offset = if span.end > span.start
            && snapshot.text().as_bytes().get(span.end - 1) == Some(&b'\n')
        {
            span.end - 1
        } else {
            span.end
        };
        let end = snapshot.mapper.line_of(end_offset);
        if end > start {
            out.push(FoldingRange {
                start_line: start,
                start_character: None,
                end_line: end,
                end_character: None,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: None,
            });
        }
    };
    for unit in &view.units() {
        push(unit.span);
        for section in &unit.sections {
            push(section.span);
        }
    }
    out
}
