//! Completion of citations: after "Resolution " (and its plural, in EN/FR/ES) the
//! resolutions of the body in context, each inserting its full current citation in the
//! document's language: `140 (Rev. Busan, 2014)` / `140 (Rév. Busan, 2014)`.

use tower_lsp::lsp_types::{
    CompletionItem, CompletionItemKind, CompletionItemLabelDetails, CompletionItemTag,
    CompletionTextEdit, Documentation, MarkupContent, MarkupKind, TextEdit,
};

use super::analyzer::Snapshot;
use super::hover::citation_tail;
use super::model::ModelView;
use crate::base::text::Span;
use crate::lang::lexicon::RESOLUTION_WORDS;
use crate::lang::Lang;

/// If the text before `offset` (on its line) is one of the lexicon's [`RESOLUTION_WORDS`], white space and
/// perhaps the first digits of a number, the span of those digits (empty when none are
/// typed yet) and the language the word is in.
pub fn number_context(text: &str, offset: usize) -> Option<(Span, Lang)> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &before[..before.len() - digits];
    let word_part = rest.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    if word_part.len() == rest.len() {
        return None; // no space between the word and the number
    }
    let word_start = word_part
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = word_part[word_start..].to_lowercase();
    let (_, lang) = RESOLUTION_WORDS.iter().find(|(w, _)| *w == word)?;
    Some((Span::new(offset - digits, offset), *lang))
}

/// The completion items at `offset` of a snapshot, or `None` when not after a
/// resolution word.
pub fn complete(snapshot: &Snapshot, offset: usize) -> Option<Vec<CompletionItem>> {
    let analysis = snapshot.analysis.as_ref()?;
    let text = snapshot.text();
    let (digits, word_lang) = number_context(text, offset)?;
    let catalog = snapshot.catalog();
    let view = ModelView::of(analysis, text);
    // The word typed tells the language as well as the document does; prefer the word
    // (a French quotation in an English document gets French place names).
    let lang = word_lang;
    let when = catalog.when(&analysis.target);
    let body = view
        .unit_at(offset)
        .and_then(|u| u.heading_body.clone())
        .or_else(|| {
            analysis
                .target
                .id
                .as_deref()
                .and_then(|id| catalog.conference(id))
                .map(|c| c.body.to_string())
        });
    let bodies: Vec<String> = match body {
        Some(b) => vec![b],
        None => ["PP", "WTDC", "WTSA", "RA"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    let range = snapshot.range(digits);
    let mut items = Vec::new();
    for body in &bodies {
        let body_name = catalog
            .body(body)
            .and_then(|b| b.abbrev.get(lang).map(str::to_string))
            .unwrap_or_else(|| body.clone());
        for r in catalog.resolutions_of(body) {
            let Some(current) = catalog.current_at(r, when) else {
                continue;
            };
            let tail = citation_tail(r.number, &current, lang);
            let title = r.title.get(lang).map(|t| t.trim().to_string());
            let suppressed = catalog.suppressed_by(r, when).is_some();
            items.push(CompletionItem {
                label: r.number.to_string(),
                label_details: Some(CompletionItemLabelDetails {
                    detail: Some(format!(
                        " {}",
                        &tail[r.number.to_string().len()..].trim_start()
                    )),
                    description: Some(body_name.clone()),
                }),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: title.clone(),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: format!(
                        "{}{}",
                        title.map(|t| format!("*{t}*\n\n")).unwrap_or_default(),
                        if suppressed {
                            crate::lang::l10n::tr0(analysis.messages, "completion-abrogated")
                        } else {
                            String::new()
                        }
                    ),
                })),
                tags: suppressed.then(|| vec![CompletionItemTag::DEPRECATED]),
                sort_text: Some(format!(
                    "{}{:05}",
                    if bodies.len() > 1 { body.as_str() } else { "" },
                    r.number
                )),
                filter_text: Some(r.number.to_string()),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range,
                    new_text: tail,
                })),
                ..Default::default()
            });
        }
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(text: &str) -> Option<(Span, Lang)> {
        number_context(text, text.len())
    }

    #[test]
    fn recognises_the_words_and_typed_digits() {
        assert_eq!(ctx("see Resolution "), Some((Span::new(15, 15), Lang::En)));
        assert_eq!(ctx("la Résolution 14"), Some((Span::new(15, 17), Lang::Fr)));
        assert_eq!(ctx("RESOLUCIÓN "), Some((Span::new(12, 12), Lang::Es)));
        assert_eq!(
            ctx("les Résolutions\u{a0}"),
            Some((Span::new(18, 18), Lang::Fr))
        );
        assert_eq!(
            ctx("x\nResoluciones 5"),
            Some((Span::new(15, 16), Lang::Es))
        );
        assert_eq!(ctx("Resolution"), None);
        assert_eq!(ctx("Resolution14"), None);
        assert_eq!(ctx("Irresolution "), None);
        assert_eq!(ctx("the resolutions of "), None);
        assert_eq!(ctx("Resolution 140 ("), None);
    }
}
