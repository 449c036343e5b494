//! Hover texts (Markdown): a citation's catalogue entry, a proposal reference, a call word;
//! and which of them a position of a document shows ([`hover_at`]).

use tower_lsp::lsp_types::Position;

use crate::base::text::Span;
use crate::base::Target;
use crate::catalog::{Action, Catalog, CitedRevision, Conference, Revision, Verdict};
use crate::lang::lexicon::CALL_WORD_TRANSLATIONS;
use crate::lang::Lang;

use super::analyzer::Snapshot;
use super::model::{CitationView, ModelView, SectionView, UnitView};

/// "Rev. Busan, 2014" / "Rév. Dubaï, 2018" / "Minneapolis, 1998", as a document in `lang`
/// cites it.
pub fn revision_tag(conference: &Conference, revised: bool, lang: Lang) -> String {
    let place = conference.place_year(lang);
    if !revised {
        return place;
    }
    let rev = match lang {
        Lang::Fr => "Rév.",
        Lang::En | Lang::Es => "Rev.",
    };
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
/// history, the revision in force at the target and whether the cited one is stale.
pub fn citation_markdown(
    catalog: &Catalog,
    target: &Target,
    lang: Lang,
    cite: &CitationView,
) -> Option<String> {
    let body = cite.body.as_deref()?;
    let body_name = catalog
        .body(body)
        .and_then(|b| b.name.get(lang).map(str::to_string))
        .unwrap_or_else(|| body.to_string());
    let word = resolution_word(lang);
    let mut out = String::new();
    let Some(r) = catalog.resolution(body, cite.number) else {
        out.push_str(&format!(
            "**{word} {} — {body_name}**\n\nNot in proplint's catalogue.",
            cite.number
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
        out.push_str("\n\nHistory:");
        for (conf, event) in &history {
            let what = match event.action {
                Action::Adopted => "adopted",
                Action::Revised => "revised",
                Action::AdoptedOrRevised => "adopted or revised",
            };
            let disputed = if event.disputed { " (disputed)" } else { "" };
            out.push_str(&format!(
                "\n- {what} at {} ({}){disputed}",
                conf.id,
                conf.place_year(lang)
            ));
        }
    }
    let when = catalog.when(target);
    if let Some(at) = catalog.suppressed_by(r, when) {
        out.push_str(&format!(
            "\n\nAbrogated by {} ({}).",
            at.id,
            at.place_year(lang)
        ));
    }
    let at_target = match &target.id {
        Some(id) => format!("at {id} ({})", target.source.describe()),
        None => "in the catalogue's newest state".to_string(),
    };
    match catalog.current_at(r, when) {
        Some(current) => out.push_str(&format!(
            "\n\nIn force {at_target}: {word} {}.",
            citation_tail(r.number, &current, lang)
        )),
        None => out.push_str(&format!("\n\nNot yet adopted {at_target}.")),
    }
    if let Some((revised, place, year)) = &cite.revision {
        let cited = CitedRevision {
            body,
            number: cite.number,
            revised: *revised,
            place,
            year: *year,
        };
        let verdict = match catalog.judge(&cited, when) {
            Verdict::Current => "The cited revision is the one in force.".to_string(),
            Verdict::Stale { current } => format!(
                "**Stale**: the cited revision ({place}, {year}) was superseded by {} ({}).",
                current.conference.id,
                revision_tag(current.conference, current.revised, lang)
            ),
            Verdict::Suppressed { at } => format!(
                "**Abrogated**: {} abrogated this resolution before the target.",
                at.id
            ),
            Verdict::UnknownRevision { reason, .. } => {
                format!("**Unknown revision**: {reason}.")
            }
            Verdict::UnknownResolution { reason, .. } => {
                format!("**Unknown resolution**: {reason}.")
            }
            Verdict::Uncatalogued { reason } => {
                format!("The catalogue cannot check this: {reason}.")
            }
            Verdict::NotChecked => String::new(),
        };
        if !verdict.is_empty() {
            out.push_str("\n\n");
            out.push_str(&verdict);
        }
    }
    Some(out)
}

/// Known origins of proposal references.
fn origin_name(origin: &str) -> Option<&'static str> {
    Some(match origin {
        "ECP" => "European Common Proposals (CEPT)",
        "ACP" => "Asia-Pacific Common Proposals (APT)",
        "IAP" => "Inter-American Proposals (CITEL)",
        "AFCP" => "African Common Proposals (ATU)",
        "ARB" => "Arab States Common Proposals",
        "RCC" => "Regional Commonwealth in the field of Communications",
        "USA" => "United States of America",
        "B" => "Brazil",
        _ => return None,
    })
}

/// A proposal reference `ORIGIN/DOC[Aaddendum]/SEQ`, explained.
pub fn reference_markdown(unit: &UnitView) -> Option<String> {
    let (reference, _) = unit.reference.as_ref()?;
    let mut parts = reference.split('/');
    let (origin, doc, seq) = (parts.next()?, parts.next()?, parts.next()?);
    let (document, addendum) = match doc.split_once(['A', 'a']) {
        Some((d, a)) => (d, Some(a)),
        None => (doc, None),
    };
    let action = unit.action.as_ref().map(|(a, _)| a.as_str());
    let meaning = match action {
        Some("MOD") => "modify",
        Some("ADD") => "add",
        Some("SUP") => "suppress",
        Some("NOC") => "leave unchanged",
        _ => "",
    };
    let mut out = format!(
        "**{}{reference}**",
        action.map(|a| format!("{a} ")).unwrap_or_default()
    );
    out.push_str(&format!("\n\nProposal {seq} of document {document}"));
    if let Some(a) = addendum {
        out.push_str(&format!(", addendum {a}"));
    }
    match origin_name(origin) {
        Some(name) => out.push_str(&format!(", from {origin}: {name}")),
        None => out.push_str(&format!(", from {origin}")),
    }
    out.push('.');
    if !meaning.is_empty() {
        let what = unit
            .heading
            .as_ref()
            .map(|(h, _)| format!(" {}", h.trim()))
            .unwrap_or_default();
        out.push_str(&format!("\n\nIt proposes to {meaning}{what}."));
    }
    Some(out)
}

/// A call word, explained: its translations and what kind of section it opens.
pub fn call_word_markdown(section: &SectionView) -> String {
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
            if w.operative {
                out.push_str("\n\nOperative section: its clauses are numbered 1, 2, 3 …");
            } else {
                out.push_str("\n\nPreambular section: its clauses are lettered a), b), c) …");
            }
        }
        None => out.push_str("\n\nCall word: opens a section of the resolution."),
    }
    let clauses = match section.clauses {
        0 => "no clause".to_string(),
        1 => "1 clause (unlabelled when alone)".to_string(),
        n => format!("{n} clauses"),
    };
    out.push_str(&format!("\n\nThis section has {clauses}."));
    out
}

/// What a hover at `offset` of a snapshot shows, and the span it is about: the entry of
/// a citation, a proposal's reference or action, or a call word.
pub fn hover_at(snapshot: &Snapshot, offset: usize) -> Option<(String, Span)> {
    let analysis = snapshot.analysis.as_ref()?;
    let view = ModelView::of(analysis, snapshot.text());
    if let Some(cite) = view.citation_at(offset) {
        citation_markdown(snapshot.catalog(), &analysis.target, view.language(), &cite)
            .map(|md| (md, cite.span))
    } else if let Some(unit) = view.unit_at(offset) {
        let on = |span: &Span| span.contains(offset) || span.end == offset;
        if let Some((_, span)) = unit
            .reference
            .as_ref()
            .filter(|(_, s)| on(s))
            .or(unit.action.as_ref().filter(|(_, s)| on(s)))
        {
            reference_markdown(&unit).map(|md| (md, *span))
        } else {
            unit.sections
                .iter()
                .find(|s| on(&s.call_span))
                .map(|s| (call_word_markdown(s), s.call_span))
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
    citation_markdown(snapshot.catalog(), &analysis.target, view.language(), &cite)
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
        let md = citation_markdown(catalog, &target(catalog, "WTDC-17"), Lang::Fr, &cite).unwrap();
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
        let md = citation_markdown(catalog, &target(catalog, "WTDC-17"), Lang::En, &cite).unwrap();
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
        let md = reference_markdown(&unit).unwrap();
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
        let md = call_word_markdown(&section);
        assert!(md.contains("en *instructs*"), "{md}");
        assert!(md.contains("Operative"), "{md}");
        assert!(md.contains("3 clauses"), "{md}");
        let section = SectionView {
            call_word: "rappelant en outre".into(),
            clauses: 1,
            ..section
        };
        let md = call_word_markdown(&section);
        assert!(md.contains("Preambular"), "{md}");
    }
}
