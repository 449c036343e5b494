//! Hover texts (Markdown): a citation's catalogue entry, a proposal reference, a call word;
//! and which of them a position of a document shows ([`hover_at`]).

use tower_lsp::lsp_types::Position;

use crate::base::text::Span;
use crate::base::Target;
use crate::catalog::{Action, Catalog, CitedRevision, Conference, Revision, Verdict};
use crate::lang::l10n::{tr, tr0, Args};
use crate::lang::lexicon::CALL_WORD_TRANSLATIONS;
use crate::lang::Lang;

use super::analyzer::Snapshot;
use super::model::{CitationView, ModelView, SectionView, UnitView};

/// "Rev. Busan, 2014" / "Rév. Dubaï, 2018" / "Minneapolis, 1998", as a document in `lang`
/// cites it.
pub fn revision_tag(conference: &Conference, revised: bool, lang: Lang) -> String {
    let rev = match lang {
        Lang::Fr => "Rév.",
        Lang::En | Lang::Es => "Rev.",
    };
    // A WRC is cited by its series and year: "Rev.WRC-23", "Rév.CMR-23".
    if conference.body == "WRC" {
        let id = format!("{}-{:02}", tr0(lang, "abbrev-WRC"), conference.year % 100);
        return if revised { format!("{rev}{id}") } else { id };
    }
    let place = conference.place_year(lang);
    if !revised {
        return place;
    }
    format!("{rev} {place}")
}

/// "140 (Rev. Busan, 2014)": what follows "Resolution " in a citation.
pub fn citation_tail(number: u32, revision: &Revision<'_>, lang: Lang) -> String {
    format!(
        "{number} ({})",
        revision_tag(revision.conference, revision.revised, lang)
    )
}

fn resolution_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Resolution",
        Lang::Fr => "Résolution",
        Lang::Es => "Resolución",
    }
}

/// The catalogue entry of a cited resolution: title in the document's language, body,
/// history, the revision in force at the target and whether the cited one is stale,
/// told in `words` (the language of the messages).
pub fn citation_markdown(
    catalog: &Catalog,
    target: &Target,
    lang: Lang,
    words: Lang,
    cite: &CitationView,
) -> Option<String> {
    let body = cite.body.as_deref()?;
    let body_name = catalog
        .body(body)
        .and_then(|b| b.name.get(lang).map(str::to_string))
        // A body no catalogue file names (WRC) still has its name, as a title.
        .unwrap_or_else(|| {
            let key = format!("body-title-{body}");
            if crate::lang::l10n::has(lang, &key) {
                tr0(lang, &key)
            } else {
                body.to_string()
            }
        });
    let word = resolution_word(lang);
    let mut out = String::new();
    let Some(r) = catalog.resolution(body, cite.number) else {
        out.push_str(&format!(
            "**{word} {} — {body_name}**\n\n{}",
            cite.number,
            tr0(words, "hover-not-catalogued")
        ));
        return Some(out);
    };
    out.push_str(&format!("**{word} {} — {body_name}**", r.number));
    if let Some(title) = r.title.get(lang) {
        out.push_str(&format!("\n\n*{}*", title.trim()));
    }
    let mut history: Vec<(&Conference, &crate::catalog::Event)> = r
        .history
        .iter()
        .filter_map(|e| Some((catalog.conference(&e.conference)?, e)))
        .collect();
    history.sort_by_key(|(c, _)| c.began());
    if !history.is_empty() {
        out.push_str("\n\n");
        out.push_str(&tr0(words, "hover-history"));
        for (conf, event) in &history {
            let what = match event.action {
                Action::Adopted => "adopted",
                Action::Revised => "revised",
                Action::AdoptedOrRevised => "either",
            };
            let args = Args::new()
                .s("action", what)
                .s("id", catalog.conference_id_in(&conf.id, words))
                .s("place_year", conf.place_year(lang))
                .b("disputed", event.disputed);
            out.push_str("\n- ");
            out.push_str(&tr(words, "hover-event", &args));
        }
    }
    let when = catalog.when(target);
    if let Some(at) = catalog.suppressed_by(r, when) {
        let args = Args::new()
            .s("id", catalog.conference_id_in(&at.id, words))
            .s("place_year", at.place_year(lang));
        out.push_str("\n\n");
        out.push_str(&tr(words, "hover-abrogated-by", &args));
    }
    let at_target = || {
        Args::new()
            .s(
                "target",
                target
                    .id
                    .as_deref()
                    .map_or("none".to_string(), |id| catalog.conference_id_in(id, words)),
            )
            .s("source", target.source.describe_in(words))
    };
    out.push_str("\n\n");
    match catalog.current_at(r, when) {
        Some(current) => {
            let citation = format!("{word} {}", citation_tail(r.number, &current, lang));
            out.push_str(&tr(
                words,
                "hover-in-force",
                &at_target().s("citation", citation),
            ))
        }
        None => out.push_str(&tr(words, "hover-not-yet", &at_target())),
    }
    if let Some((revised, place, year)) = &cite.revision {
        let cited = CitedRevision {
            body,
            number: cite.number,
            revised: *revised,
            place,
            year: *year,
        };
        let id_in = |id: &str| catalog.conference_id_in(id, words);
        let reason_in = |reason: &crate::lang::messages::Reason| {
            reason
                .map_names(|name| catalog.name_in(name, words))
                .render(words)
        };
        let verdict = match catalog.judge(&cited, when) {
            Verdict::Current => tr0(words, "hover-current"),
            Verdict::Stale { current } => tr(
                words,
                "hover-stale",
                &Args::new()
                    .s(
                        "place",
                        if place.is_empty() {
                            // A WRC-style tag: the conference stands for the place.
                            catalog.conference_id_in(&format!("WRC-{:02}", year % 100), words)
                        } else {
                            place.clone()
                        },
                    )
                    .s("year", year.to_string())
                    .s("id", id_in(&current.conference.id))
                    .s(
                        "tag",
                        revision_tag(current.conference, current.revised, lang),
                    ),
            ),
            Verdict::Suppressed { at } => tr(
                words,
                "hover-abrogated",
                &Args::new().s("id", id_in(&at.id)),
            ),
            Verdict::UnknownRevision { reason, .. } => tr(
                words,
                "hover-unknown-revision",
                &Args::new().s("reason", reason_in(&reason)),
            ),
            Verdict::UnknownResolution { reason, .. } => tr(
                words,
                "hover-unknown-resolution",
                &Args::new().s("reason", reason_in(&reason)),
            ),
            Verdict::Uncatalogued { reason } => tr(
                words,
                "hover-uncatalogued",
                &Args::new().s("reason", reason_in(&reason)),
            ),
            Verdict::NotChecked => String::new(),
        };
        if !verdict.is_empty() {
            out.push_str("\n\n");
            out.push_str(&verdict);
        }
    }
    Some(out)
}

/// A proposal reference `ORIGIN/DOC[Aaddendum]/SEQ`, explained.
pub fn reference_markdown(unit: &UnitView, words: Lang) -> Option<String> {
    let (reference, _) = unit.reference.as_ref()?;
    let mut parts = reference.split('/');
    let (origin, doc, seq) = (parts.next()?, parts.next()?, parts.next()?);
    let (document, addendum) = match doc.split_once(['A', 'a']) {
        Some((d, a)) => (d, Some(a)),
        None => (doc, None),
    };
    let action = unit.action.as_ref().map(|(a, _)| a.as_str());
    let meaning = action.filter(|a| matches!(*a, "MOD" | "ADD" | "SUP" | "NOC"));
    let mut out = format!(
        "**{}{reference}**",
        action.map(|a| format!("{a} ")).unwrap_or_default()
    );
    // Known origins have a name; others are "none" (the selector's default).
    let origin_name = tr(words, "origin-name", &Args::new().s("origin", origin));
    let args = Args::new()
        .s("seq", seq)
        .s("document", document)
        .s("addendum", addendum.unwrap_or("none"))
        .s("origin", origin)
        .s("origin_name", origin_name);
    out.push_str("\n\n");
    out.push_str(&tr(words, "hover-proposal", &args));
    if let Some(action) = meaning {
        let what = unit
            .heading
            .as_ref()
            .map(|(h, _)| format!(" {}", h.trim()))
            .unwrap_or_default();
        let args = Args::new().s("action", action).s("what", what);
        out.push_str("\n\n");
        out.push_str(&tr(words, "hover-proposes", &args));
    }
    Some(out)
}

/// A call word, explained: its translations and what kind of section it opens.
pub fn call_word_markdown(section: &SectionView, words: Lang) -> String {
    let folded = crate::base::fold::fold(&section.call_word);
    let found = CALL_WORD_TRANSLATIONS
        .iter()
        .filter(|w| {
            [w.en, w.fr, w.es].iter().any(|k| {
                folded == crate::base::fold::fold(k)
                    || folded.starts_with(&format!("{} ", crate::base::fold::fold(k)))
            })
        })
        .max_by_key(|w| w.en.len());
    let mut out = format!("**{}**", section.call_word.trim());
    match found {
        Some(w) => {
            out.push_str(&format!(" — en *{}*, fr *{}*, es *{}*", w.en, w.fr, w.es));
            out.push_str("\n\n");
            out.push_str(&tr0(
                words,
                if w.operative {
                    "hover-operative"
                } else {
                    "hover-preambular"
                },
            ));
        }
        None => {
            out.push_str("\n\n");
            out.push_str(&tr0(words, "hover-call-word"));
        }
    }
    out.push_str("\n\n");
    out.push_str(&tr(
        words,
        "hover-clauses",
        &Args::new().n("count", section.clauses),
    ));
    out
}

/// What a hover at `offset` of a snapshot shows, and the span it is about: the entry of
/// a citation, a proposal's reference or action, or a call word.
pub fn hover_at(snapshot: &Snapshot, offset: usize) -> Option<(String, Span)> {
    let analysis = snapshot.analysis.as_ref()?;
    let view = ModelView::of(analysis, snapshot.text());
    if let Some(cite) = view.citation_at(offset) {
        citation_markdown(
            snapshot.catalog(),
            &analysis.target,
            view.language(),
            analysis.messages,
            &cite,
        )
        .map(|md| (md, cite.span))
    } else if let Some(unit) = view.unit_at(offset) {
        let on = |span: &Span| span.contains(offset) || span.end == offset;
        if let Some((_, span)) = unit
            .reference
            .as_ref()
            .filter(|(_, s)| on(s))
            .or(unit.action.as_ref().filter(|(_, s)| on(s)))
        {
            reference_markdown(&unit, analysis.messages).map(|md| (md, *span))
        } else {
            unit.sections
                .iter()
                .find(|s| on(&s.call_span))
                .map(|s| (call_word_markdown(s, analysis.messages), s.call_span))
        }
    } else {
        None
    }
}

/// The entry of the citation at `position` (`proplint/catalogEntry`), if one is there.
pub fn citation_hover(snapshot: &Snapshot, position: Position) -> Option<String> {
    let analysis = snapshot.analysis.as_ref()?;
    let offset = snapshot.offset(position);
    let view = ModelView::of(analysis, snapshot.text());
    let cite = view.citation_at(offset)?;
    citation_markdown(
        snapshot.catalog(),
        &analysis.target,
        view.language(),
        analysis.messages,
        &cite,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::Span;
    use crate::base::TargetSource;

    fn target(catalog: &Catalog, id: &str) -> Target {
        let conf = catalog.conference(id).unwrap();
        Target {
            id: Some(id.to_string()),
            source: TargetSource::ConferenceLine,
            date: conf.began(),
        }
    }

    #[test]
    fn a_stale_citation_says_what_is_in_force() {
        let catalog = Catalog::embedded();
        let cite = CitationView {
            span: Span::new(0, 10),
            body: Some("PP".into()),
            number: 140,
            revision: Some((true, "Guadalajara".into(), 2010)),
        };
        let md = citation_markdown(
            catalog,
            &target(catalog, "WTDC-17"),
            Lang::Fr,
            Lang::En,
            &cite,
        )
        .unwrap();
        assert!(
            md.contains("**Résolution 140 — Conférence de plénipotentiaires**"),
            "{md}"
        );
        assert!(md.contains("revised at PP-14 (Busan, 2014)"), "{md}");
        assert!(
            md.contains(
                "In force at WTDC-17 (conference line): Résolution 140 (Rév. Busan, 2014)."
            ),
            "{md}"
        );
        assert!(md.contains("**Stale**"), "{md}");
        // The English title stands in for a missing French one.
        assert!(md.contains("*ITU's role in implementing"), "{md}");

        // In French, whole: the sentences, the conference ids, the places.
        let md = citation_markdown(
            catalog,
            &target(catalog, "WTDC-17"),
            Lang::Fr,
            Lang::Fr,
            &cite,
        )
        .unwrap();
        assert!(md.contains("révisée à la PP-14 (Busan, 2014)"), "{md}");
        assert!(
            md.contains("En vigueur à la CMDT-17 (ligne de la conférence)\u{a0}: Résolution 140 (Rév. Busan, 2014)."),
            "{md}"
        );
        assert!(md.contains("**Périmée**"), "{md}");
    }

    #[test]
    fn a_current_citation_says_so() {
        let catalog = Catalog::embedded();
        let cite = CitationView {
            span: Span::new(0, 10),
            body: Some("PP".into()),
            number: 140,
            revision: Some((true, "Busan".into(), 2014)),
        };
        let md = citation_markdown(
            catalog,
            &target(catalog, "WTDC-17"),
            Lang::En,
            Lang::En,
            &cite,
        )
        .unwrap();
        assert!(
            md.contains("The cited revision is the one in force."),
            "{md}"
        );
        assert!(md.contains("Resolution 140 (Rev. Busan, 2014)"), "{md}");
    }

    #[test]
    fn references_and_call_words_are_explained() {
        let unit = UnitView {
            span: Span::new(0, 1),
            action: Some(("MOD".into(), Span::new(0, 3))),
            reference: Some(("ECP/24A6/1".into(), Span::new(4, 14))),
            heading: Some(("RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)".into(), Span::new(15, 20))),
            heading_body: Some("WTDC".into()),
            sections: Vec::new(),
        };
        let md = reference_markdown(&unit, Lang::En).unwrap();
        assert!(md.starts_with("**MOD ECP/24A6/1**"), "{md}");
        assert!(
            md.contains(
                "Proposal 1 of document 24, addendum 6, from ECP: European Common Proposals"
            ),
            "{md}"
        );
        assert!(md.contains("It proposes to modify RÉSOLUTION 45"), "{md}");
        let section = SectionView {
            span: Span::new(0, 1),
            call_word: "charge le Directeur du Bureau de développement des télécommunications"
                .into(),
            call_span: Span::new(0, 1),
            clauses: 3,
        };
        let md = call_word_markdown(&section, Lang::En);
        assert!(md.contains("en *instructs*"), "{md}");
        assert!(md.contains("Operative"), "{md}");
        assert!(md.contains("3 clauses"), "{md}");
        let section = SectionView {
            call_word: "rappelant en outre".into(),
            clauses: 1,
            ..section
        };
        let md = call_word_markdown(&section, Lang::En);
        assert!(md.contains("Preambular"), "{md}");
        let md = call_word_markdown(&section, Lang::Es);
        assert!(md.contains("Sección del preámbulo"), "{md}");
        let md = reference_markdown(&unit, Lang::Fr).unwrap();
        assert!(
            md.contains("Proposition 1 du document 24, addendum 6, origine\u{a0}: ECP (propositions européennes communes, CEPT)."),
            "{md}"
        );
    }
}
