use super::*;

fn doc(text: &str) -> Document {
    Document::parse(text, Catalog::embedded())
}

const FR: &str = "\
Résumé: la CMDT-17 est invitée à examiner la proposition.
MOD\tECP/24A6/1
RÉSOLUTION 45 (RÉV.DUBAÏ, 2014BUENOS AIRES, 2017)
Mécanismes propres à améliorer la coopération
La Conférence mondiale de développement des télécommunications (Dubaï, 2014Buenos Aires, 2017),
rappelant
a)\tla Résolution 70/1 de l'Assemblée générale des Nations Unies;
ac)\tla Résolution 130 (Rév. Guadalajara, 2010Busan, 2014) de la Conférence de plénipotentiaires;
bd)\tla Résolution 69 (Rév.Dubaï, 2014) de la présente Conférence;
décide
1\tde continuer;
2\td'encourager;
23\tde prier;
charge le Directeur du Bureau de développement des télécommunications
1\tde fournir:
i)\tun appui;
ii)\tune aide,
Motifs:\tIl est proposé de mettre à jour les références.
*****************
ADD\tECP/24A6/2
";

#[test]
fn units_sections_and_clauses() {
    let d = doc(FR);
    assert_eq!(d.language, Lang::Fr);
    let units: Vec<_> = d.units.iter().filter(|u| u.action.is_some()).collect();
    assert_eq!(units.len(), 2);
    let u = units[0];
    assert_eq!(u.reference.as_ref().unwrap().text, "ECP/24A6/1");
    assert_eq!(u.heading.as_ref().unwrap().number, Some(45));
    assert!(u.heading.as_ref().unwrap().tag_changed);
    assert_eq!(
        u.conference_line.as_ref().unwrap().conference.as_deref(),
        Some("WTDC-17")
    );
    assert!(u.reasons.is_some());
    let calls: Vec<_> = u.sections.iter().map(|s| s.call_word.as_str()).collect();
    assert_eq!(calls, ["rappelant", "decide", "charge"]);
    let labels: Vec<_> = u.sections[0]
        .clauses
        .iter()
        .map(|c| c.label.as_ref().unwrap().text.clone())
        .collect();
    assert_eq!(labels, ["a", "c", "d"]);
    let decide: Vec<_> = u.sections[1]
        .clauses
        .iter()
        .map(|c| c.label.as_ref().unwrap().value)
        .collect();
    assert_eq!(decide, [1, 2, 3]);
    let charge: Vec<_> = u.sections[2]
        .clauses
        .iter()
        .map(|c| {
            let l = c.label.as_ref().unwrap();
            (l.kind, l.level, l.value)
        })
        .collect();
    assert_eq!(
        charge,
        [
            (LabelKind::Number, 0, 1),
            (LabelKind::Roman, 1, 1),
            (LabelKind::Roman, 1, 2)
        ]
    );
}

#[test]
fn flattened_revisions_are_found_once_each() {
    let d = doc(FR);
    let kinds: Vec<_> = d
        .flattened
        .iter()
        .map(|f| {
            (
                f.kind,
                &FR[f.old.start..f.old.end],
                &FR[f.new.start..f.new.end],
            )
        })
        .collect();
    assert!(kinds.contains(&(FlattenedKind::Tag, "DUBAÏ, 2014", "BUENOS AIRES, 2017")));
    assert!(kinds.contains(&(FlattenedKind::Tag, "Dubaï, 2014", "Buenos Aires, 2017")));
    assert!(kinds.contains(&(FlattenedKind::Tag, "Guadalajara, 2010", "Busan, 2014")));
    assert!(kinds.contains(&(FlattenedKind::Label, "a", "c")));
    assert!(kinds.contains(&(FlattenedKind::Label, "b", "d")));
    assert!(kinds.contains(&(FlattenedKind::Number, "2", "3")));
    assert_eq!(kinds.len(), 6, "{kinds:?}");
}

#[test]
fn citations_resolve_their_bodies() {
    let d = doc(FR);
    let cites: Vec<_> = d
        .citations
        .iter()
        .map(|c| (c.number, c.body, c.kind))
        .collect();
    assert!(cites.contains(&(45, Some(BodyRef::Wtdc), CitationKind::Conference)));
    assert!(cites.contains(&(130, Some(BodyRef::Pp), CitationKind::Conference)));
    assert!(cites.contains(&(69, Some(BodyRef::Wtdc), CitationKind::Conference)));
    assert!(cites.contains(&(1, Some(BodyRef::Unga), CitationKind::GeneralAssembly)));
}

#[test]
fn critic_markup_gives_the_new_reading_with_source_spans() {
    let text = "MOD\tB/1/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nThe World Telecommunication Development Conference (Buenos Aires, 2017),\nrecalling\na)\tResolution 140 (Rev. {~~Guadalajara, 2010~>Busan, 2014~~}) of the Plenipotentiary Conference;\n{--b)\tsomething deleted;\n--}{~~c~>b~~})\tsomething else;\nReasons:\tUpdate.\n";
    let d = doc(text);
    assert_eq!(d.language, Lang::En);
    let c = d.citations.iter().find(|c| c.number == 140).unwrap();
    let (_, place, year) = c.tag.as_ref().unwrap().place_year().unwrap();
    assert_eq!((place, year), ("Busan", 2014));
    assert_eq!(&text[c.keyword.start..c.keyword.end], "Resolution");
    let labels: Vec<_> = d.units[0].sections[0]
        .clauses
        .iter()
        .filter_map(|c| c.label.as_ref())
        .map(|l| (l.text.clone(), &text[l.span.start..l.span.end]))
        .collect();
    assert_eq!(labels, [("a".to_string(), "a"), ("b".to_string(), "b")]);
    assert!(d.flattened.is_empty());
}

#[test]
fn markdown_exports() {
    let text = "# Conférence mondiale de développement des télécommunications (CMDT-14)\n\nUSA/22/4\n\n## RÉSOLUTION 45 (Rév. Hyderabad, 2010)\n\n*rappelant*\n\n- a) la Résolution 130 (Rév. [Guadalajara, 2010](#)) de la Conférence de plénipotentiaires;\n- b) la Question 22-1/1;\n\n**Motifs:** mise à jour.\n";
    let d = doc(text);
    assert_eq!(d.header_conference.as_deref(), Some("WTDC-14"));
    let u = d.units.iter().find(|u| u.heading.is_some()).unwrap();
    assert_eq!(u.reference.as_ref().unwrap().seq, 4);
    assert_eq!(u.sections.len(), 1);
    assert_eq!(u.sections[0].clauses.len(), 2);
    assert!(u.reasons.is_some());
    let c = d.citations.iter().find(|c| c.number == 130).unwrap();
    assert_eq!(
        c.tag.as_ref().unwrap().place_year(),
        Some((true, "Guadalajara", 2010))
    );
}

#[test]
fn homoglyph_labels_read_as_latin() {
    let text = "considering\na)\tone;\nb)\ttwo;\n\u{0441})\tthree;\n";
    let d = doc(text);
    let l = d.units[0].sections[0].clauses[2].label.as_ref().unwrap();
    assert_eq!(l.text, "c");
    assert_eq!(l.homoglyphs().len(), 1);
    assert_eq!(l.homoglyphs()[0].found, '\u{0441}');
}

#[test]
fn deleted_clause_between_glued_labels() {
    let text = "rappelant\nmo)\tun;\nn)\tdeux;\nop)\ttrois;\n";
    let d = doc(text);
    let clauses = &d.units[0].sections[0].clauses;
    assert!(clauses[1].label.as_ref().unwrap().deleted);
    assert!(d
        .flattened
        .iter()
        .any(|f| f.kind == FlattenedKind::DeletedClause));
}

#[test]
fn text_that_is_not_a_proposal() {
    let d = doc("Meeting notes\n\nWe discussed Resolution 140 and what to do next.\n- item one\n");
    assert!(!d.is_proposal());
}

#[test]
fn hostile_inputs_do_not_panic() {
    for text in [
        "",
        "\u{feff}",
        "{++",
        "a)",
        "MOD",
        "Resolution 1 (",
        "Résolution 99999999999999999999 (Rév. Dubaï, 2014)",
        "rappelant\nzz)\tx\n\u{0441}\u{0441})\ty\n",
        "(((((((((((((",
        "Resolution 4 (Rev. Dubai, 20144444)",
        "\r\n\r\n\r",
        "décide\n999\tx\n1000\ty\n",
    ] {
        let _ = doc(text);
    }
}

#[test]
fn pdf_margin_notes_are_not_text() {
    let text = "rappelant\n\na) un;\n\nDeleted: Doha, 2006\n\n**Formatted:** Line spacing: single\n\nb) deux;\n\n**Page 3: [13] Deleted** **Geneux, Aude** **2/12/14 11:28 AM**\n\nh) la Résolution 140 (Antalya, 2006) supprimée\n\nc) trois;\n";
    let d = doc(text);
    let labels: Vec<_> = d.units[0].sections[0]
        .clauses
        .iter()
        .filter_map(|c| c.label.as_ref().map(|l| l.text.clone()))
        .collect();
    assert_eq!(labels, ["a", "b", "c"]);
    assert!(d.citations.is_empty());
}

#[test]
fn deleted_clause_after_an_unchanged_label() {
    let text = "rappelant\nh)\tun;\ni)\tdeux;\nji)\ttrois;\nkj)\tquatre;\n";
    let d = doc(text);
    let clauses = &d.units[0].sections[0].clauses;
    assert!(clauses[1].label.as_ref().unwrap().deleted);
    assert!(!clauses[0].label.as_ref().unwrap().deleted);
}

#[test]
fn deleted_clause_is_still_seen_once_marks_are_restored() {
    let text =
        "rappelant\n{~~l~>n~~})\tun;\n{~~m~>o~~})\tdeux;\nn)\ttrois;\n{~~o~>p~~})\tquatre;\n";
    let d = doc(text);
    let clauses = &d.units[0].sections[0].clauses;
    let n = clauses[2].label.as_ref().unwrap();
    assert_eq!(n.text, "n");
    assert!(n.deleted);
    assert_eq!(clauses[3].label.as_ref().unwrap().old_text(), Some("o"));
}

#[test]
fn separators_cut_units_and_chunks() {
    let text = "MOD\tB/1/1\nrecalling\na)\tx;\nReasons:\tx\n*****************\n\n MOD\tB/1/2\nReasons:\ty\n";
    let d = doc(text);
    assert_eq!(d.units.len(), 2);
    // Cut after the separator, and inside the first unit before its section (at every
    // section: short as it is).
    let starts: Vec<usize> = crate::document::chunk_spans_with(text, 0)
        .iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(
        starts,
        [
            0,
            text.find("recalling").unwrap(),
            text.find("\n\n").unwrap() + 1
        ]
    );
    assert_eq!(d.units[1].reference.as_ref().unwrap().seq, 2);
    assert!(text[d.units[1].span.start..].contains("B/1/2"));
}

/// A text no edit will follow is cut between units only: at separators and action
/// lines, never before a section, however long the unit.
#[test]
fn a_text_no_edit_follows_is_cut_between_units_only() {
    let long = "c)\tUnited Nations General Assembly Resolution 70/125;\n".repeat(60);
    let text = format!(
        "MOD\tB/1/1\nrecalling\n{long}noting\n{long}Reasons:\tx\nMOD\tB/1/2\nrecalling\n{long}*****\nADD\tB/1/3\n"
    );
    let cut = |min| -> Vec<usize> {
        crate::document::chunk_spans_with(&text, min)
            .iter()
            .map(|s| s.start)
            .collect()
    };
    let second = text.find("MOD\tB/1/2").unwrap();
    let third = text.find("*****").unwrap() + "*****\n".len();
    assert_eq!(
        cut(crate::document::NO_CUT_INSIDE_UNITS),
        [0, second, third]
    );
    // Not vacuous: the same text is cut inside its units by an editor's session.
    assert!(cut(crate::document::MIN_CHUNK_INSIDE_UNIT).contains(&text.find("noting").unwrap()));
}

#[test]
fn a_mark_does_not_cross_a_separator() {
    let text = "rappelant\n{--a)\tx\n*****\nb)--} y\n";
    let d = doc(text);
    assert!(d.marks.is_empty());
}

#[test]
fn dubai_2012_without_rev_or_body_is_not_attributed() {
    let d =
        doc("recalling\na)\tResolution 1 (Dubai, 2012);\nb)\tResolution 50 (Rev. Dubai, 2012);\n");
    assert_eq!(d.citations[0].body, None);
    assert_eq!(d.citations[1].body, Some(BodyRef::Wtsa));
}

#[test]
fn conference_lines_in_every_form() {
    for (line, id) in [
        ("The ITU Radiocommunication Assembly (Sharm el-Sheikh, 2019),", "RA-19"),
        ("L’Assemblée des radiocommunications (Charm el-Cheikh, 2019),", "RA-19"),
        ("La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Busan, 2014),", "PP-14"),
        ("The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),", "PP-18"),
        ("The World Telecommunication Standardization Assembly (Geneva, 2022),", "WTSA-20"),
        ("La Conferencia Mundial de Desarrollo de las Telecomunicaciones (Bakú, 2025),", "WTDC-25"),
    ] {
        let d = doc(line);
        let got = d.units[0].conference_line.as_ref().and_then(|c| c.conference.as_deref());
        assert_eq!(got, Some(id), "{line}");
    }
}

#[test]
fn action_lines_cut_documents_without_separators() {
    let text = "CMDT-17\nMOD\tB/1/1\nrecalling\na)\tx;\nReasons:\tx\n\nADD\tB/1/2\nReasons:\ty\n(SUP)\tB/1/3\nReasons:\tz\n";
    let spans = crate::document::chunk_spans_with(text, 0);
    let starts: Vec<&str> = spans.iter().map(|s| &text[s.start..s.start + 3]).collect();
    assert_eq!(starts, ["CMD", "MOD", "rec", "ADD", "(SU"]);
    // Not inside a unit before a chunk holds two kilobytes.
    let spans = crate::document::chunk_spans(text);
    let starts: Vec<&str> = spans.iter().map(|s| &text[s.start..s.start + 3]).collect();
    assert_eq!(starts, ["CMD", "MOD", "ADD", "(SU"]);
    // Not inside a revision mark, nor on a line that holds one.
    let marked = "MOD\tB/1/1\n{++\nADD\tB/1/2\n++}\n{~~MOD~>ADD~~}\tB/1/3\nx\n";
    assert_eq!(crate::document::chunk_spans(marked).len(), 1);
    // After a closed mark, yes.
    let closed = "MOD\tB/1/1\n{++x++}\nADD\tB/1/2\n";
    assert_eq!(crate::document::chunk_spans(closed).len(), 2);
}

/// Cutting at units changes nothing in the model of a real-looking document: every
/// shipped fixture, with its separator lines removed, parses the same in chunks as in
/// one piece.
#[test]
fn cutting_at_action_lines_keeps_the_model() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.extension().is_some_and(|e| e == "txt" || e == "md") {
            continue;
        }
        let text: String = std::fs::read_to_string(&path)
            .unwrap()
            .split_inclusive('\n')
            .filter(|l| !crate::document::is_separator_line(l))
            .collect();
        let catalog = Catalog::embedded();
        let chunks = crate::document::chunk_spans(&text).len();
        let chunked = serde_json::to_value(Document::parse(&text, catalog)).unwrap();
        let mut whole = Document::parse_chunk(&text, catalog, crate::document::Entry::FIRST, false);
        whole.language = detect_language(&text);
        let whole = serde_json::to_value(whole).unwrap();
        assert_eq!(chunked, whole, "{}", path.display());
        checked += usize::from(chunks > 1);
    }
    assert!(checked >= 5, "only {checked} fixtures were cut at all");
}

/// Language detection looks marker words up in a map: each word may mark one language.
#[test]
fn language_markers_are_unique() {
    let words: std::collections::HashSet<&str> = LANGUAGE_MARKERS.iter().map(|(w, _)| *w).collect();
    assert_eq!(words.len(), LANGUAGE_MARKERS.len());
    assert_eq!(
        detect_language("Rappelant la Résolution 71 et les décisions"),
        Lang::Fr
    );
    assert_eq!(
        detect_language("RECALLING the Resolution of the Conference"),
        Lang::En
    );
    assert_eq!(
        detect_language("Recordando la Resolución y los acuerdos del Consejo"),
        Lang::Es
    );
}

#[test]
fn call_words_of_official_texts_and_their_further_forms() {
    for line in [
        "conscious",
        "having considered",
        "stressing",
        "appreciating",
        "noting also",
        "taking into account also",
        "further instructs the Secretary-General",
        "noting with appreciation",
        "conscient",
        "ayant examiné",
        "appréciant",
        "notant également",
        "charge en outre le Secrétaire général",
        "habiendo examinado",
        "subrayando",
        "apreciando",
        "encarga asimismo al Secretario General",
    ] {
        assert!(call_word(line).is_some(), "{line}");
    }
    for line in [
        "noting that the Council decided",
        "stressing the importance of networks;",
        "further work is needed",
    ] {
        assert!(call_word(line).is_none(), "{line}");
    }
}

#[test]
fn call_words_glued_to_a_clause() {
    let glued = "to provide fellowships if the related budget allows, further resolves";
    assert_eq!(glued_call_word(glued), glued.find("further"));
    let glued = "7\tthat the Council keep the Reserve Account above 6 per cent, instructs the Director of the Telecommunication Development Bureau";
    assert_eq!(glued_call_word(glued), glued.find("instructs"));
    let glued = "les efforts du Bureau pour aider la Palestine, notant également";
    assert_eq!(glued_call_word(glued), glued.find("notant"));
    // A call word with the words of a clause after it is running text.
    assert_eq!(
        glued_call_word("to prepare a report, invites the Council to consider it"),
        None
    );
    assert_eq!(glued_call_word("to report, Resolves the Council"), None);
    assert_eq!(
        glued_call_word("the work of ITU-D, noting that it grows"),
        None
    );
}

#[test]
fn parts_that_are_not_clauses() {
    assert_eq!(part_heading("ANNEX 1"), Part::Line);
    assert_eq!(part_heading("Annex to Resolution 125"), Part::Line);
    assert_eq!(part_heading("ANEXO"), Part::Line);
    assert_eq!(part_heading("18\tPART II - DECISION ABROGATED"), Part::Line);
    assert_eq!(
        part_heading(
            "to make arrangements in this regard. 489 PART VI - SIGNATORIES The undersigned"
        ),
        Part::Glued
    );
    assert_eq!(
        part_heading("before the end of 2021. ANNEX 1 TO DECISION 5 TABLE 1"),
        Part::Glued
    );
    assert_eq!(
        part_heading("to annex the report to the minutes;"),
        Part::None
    );
    assert_eq!(
        part_heading("Annex 2 lists the projects that the Bureau will carry out in the regions, with their budgets and calendars; it is updated"),
        Part::None
    );
    assert_eq!(
        part_heading("the part of the budget. Part of it is spent"),
        Part::None
    );
}

#[test]
fn labels_of_merged_paragraphs() {
    let line = "i)\tto strengthen offices; ii) to recruit experts; iii) to report; see c) above";
    let first = labels::read_label(line, 0);
    let merged = merged_labels(line, first.as_ref(), 0);
    let chars: Vec<&str> = merged.iter().map(|l| l.chars.as_str()).collect();
    assert_eq!(chars, ["ii", "iii"]);
    // A list of the clause's own: its labels are text.
    let line = "b)\tto prevent a) the inducement; b) the use; c) the abuse";
    let first = labels::read_label(line, 0);
    assert!(merged_labels(line, first.as_ref(), 0).is_empty());
    let line = "a)\tthat the purposes of the Union are, inter alia: i) to promote; ii) to extend";
    let first = labels::read_label(line, 0);
    let merged = merged_labels(line, first.as_ref(), 0);
    let chars: Vec<&str> = merged.iter().map(|l| l.chars.as_str()).collect();
    assert_eq!(chars, ["i", "ii"]);
}

#[test]
fn quoted_lists_are_not_clauses() {
    let text = "MOD\tB/7/1\nresolves\n1\tto amend the text to read:\n\"a)\tthe first;\nb)\tthe second;\nc)\tthe third\";\n2\tto report,\ncharge le Secrétaire général\n« a)\tle premier;\nb)\tle second »,\n1\tde faire rapport,\nReasons:\tx\n";
    let d = doc(text);
    let labels: Vec<Vec<&str>> = d.units[0]
        .sections
        .iter()
        .map(|s| {
            s.clauses
                .iter()
                .filter_map(|c| c.label.as_ref().map(|l| l.text.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(labels, [vec!["1", "2"], vec!["1"]]);
    assert!(!quotation_continues(
        "\"Resolution 71\", as amended;",
        false
    ));
    assert!(quotation_continues("“a)\tthe first;", false));
    assert!(!quotation_continues("c)\tthe third”;", true));
}

#[test]
fn a_list_glued_after_a_call_word_opens() {
    let line =
        "2\tthat this programme continue, taking into consideration a) the outcome; b) the impact";
    let first = labels::read_label(line, 0);
    let merged = merged_labels(line, first.as_ref(), 0);
    let chars: Vec<&str> = merged.iter().map(|l| l.chars.as_str()).collect();
    assert_eq!(chars, ["a", "b"]);
    // Not after any word: "see a) above" is a cross-reference.
    let line = "2\tthat this programme continue, as stated in a) above";
    let first = labels::read_label(line, 0);
    assert!(merged_labels(line, first.as_ref(), 0).is_empty());
}

#[test]
fn operative_call_words_that_pass_on_an_instruction() {
    for line in [
        "resolves to instruct the Director of the Telecommunication Standardization Bureau",
        "décide de charger le Directeur du Bureau de la normalisation des télécommunications",
        "décide d'inviter les États Membres",
        "resuelve encargar al Director de la Oficina de Normalización de las Telecomunicaciones",
    ] {
        assert_eq!(
            call_word(line).map(|(_, operative)| operative),
            Some(true),
            "{line}"
        );
    }
    assert!(call_word("décide de continuer les travaux").is_none());
}

#[test]
fn heading_bounds_are_checked_on_the_match() {
    // The tag holds at most 120 characters between its parentheses, a bracket 30.
    let tag = |n: usize| format!("Résolution 45 ({})", "é".repeat(n));
    assert!(heading_parts(&tag(120)).is_some());
    assert!(heading_parts(&tag(121)).is_none());
    let bracket = |n: usize| format!("Résolution [{}]", "x".repeat(n));
    assert!(heading_parts(&bracket(30)).is_some());
    assert!(heading_parts(&bracket(31)).is_none());
    let c = heading_parts("DRAFT NEW RESOLUTION [IND-1] (Rev. Dubai, 2018)").unwrap();
    assert_eq!(c.tag, Some("(Rev. Dubai, 2018)"));
}

#[test]
fn glued_forms_are_looked_for_only_where_they_can_be() {
    assert!(digit_run("Plan 2019-20222023-2026", 8));
    assert!(!digit_run("Plan 2019-2022, 2023-2026", 8));
    assert!(year_then_capital("(Dubaï, 2014Buenos Aires, 2017)"));
    assert!(year_then_capital(
        "(Rév. Guadalajara, 2010Rév. Busan, 2014)"
    ));
    assert!(year_then_capital("2014Élysée"));
    assert!(!year_then_capital("(Dubaï, 2014) et Buenos Aires, 2017"));
    assert!(!year_then_capital("2014"));
    // The document's glued pairs are still found (the prefilters let them through).
    let d =
        doc("Résolution 130 (Rév. Guadalajara, 2010Busan, 2014) et le plan 2019-20222023-2026.\n");
    let kinds: Vec<_> = d.flattened.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FlattenedKind::Period), "{kinds:?}");
}

/// A unit is cut before each of its sections, and put together again whole (the rules
/// that read it whole: `tests/session.rs`).
#[test]
fn units_are_cut_at_their_sections_and_read_whole() {
    let en = "MOD\tB/1/1\nRESOLUTION 1 (REV. BUSAN, 2014)\nrecalling\na)\tx;\nb)\ty;\nresolves\n1\tz;\nReasons:\tw\n";
    let fr = "MOD\tB/1/1\nRÉSOLUTION 1 (RÉV. BUSAN, 2014)\nrappelant\na)\tx;\nb)\ty;\ndécide\n1\tz;\nMotifs:\tw\n";
    for text in [en, fr] {
        let starts: Vec<usize> = crate::document::chunk_spans_with(text, 0)
            .iter()
            .map(|s| s.start)
            .collect();
        assert_eq!(starts.len(), 3, "{text}");
        let d = crate::document::parse_cut_from(text, Catalog::embedded(), 0);
        assert_eq!(d.units.len(), 1);
        let unit = &d.units[0];
        assert_eq!(unit.span, Span::new(0, text.len()));
        assert!(unit.action.is_some() && unit.heading.is_some() && unit.reasons.is_some());
        assert_eq!(unit.sections.len(), 2);
        assert_eq!(unit.body, Some(BodyRef::Pp));
    }
}

/// No cut where the parser may read the line otherwise: in a margin note's text, on a
/// line that a revision mark holds, or after blank text only.
#[test]
fn no_cut_at_a_section_inside_a_note_or_a_mark() {
    let note = "recalling\na)\tx;\nPage 3: [13] Deleted\tAuthor\t2/18/14\nresolves\nb)\ty\n";
    let marked = "recalling\na)\tx;\n{++\nresolves\n++}\nb)\ty\n";
    let blank = "\n\nrecalling\na)\tx;\n";
    for text in [note, marked, blank] {
        assert_eq!(
            crate::document::chunk_spans_with(text, 0).len(),
            1,
            "{text}"
        );
    }
    // After the note's text ends (a blank line), yes.
    let after =
        "recalling\na)\tx;\nPage 3: [13] Deleted\tAuthor\t2/18/14\nold text\n\nresolves\nb)\ty\n";
    assert_eq!(crate::document::chunk_spans_with(after, 0).len(), 2);
    for text in [note, marked, blank, after] {
        let chunked = serde_json::to_value(crate::document::parse_cut_from(
            text,
            Catalog::embedded(),
            0,
        ))
        .unwrap();
        let between = serde_json::to_value(crate::document::parse_between_units(
            text,
            Catalog::embedded(),
        ))
        .unwrap();
        assert_eq!(chunked, between, "{text}");
    }
}

/// [`detect_language`] as it read every word: the first-byte test in front of the lookup
/// must not change the words it counts (the choice from the counts is shared).
fn language_by_every_word(text: &str) -> Lang {
    let markers: std::collections::HashMap<&str, Lang> = LANGUAGE_MARKERS.iter().copied().collect();
    let sample = &text[..crate::base::text::floor_char_boundary(text, LANGUAGE_SAMPLE_BYTES)];
    let mut counts = [0u32; 3];
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        if let Some(&lang) = markers.get(lower.as_str()) {
            counts[lang as usize] += 1;
        }
    }
    language_of_counts(counts)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    #[test]
    fn language_detection_reads_the_words_every_word_would(
        words in proptest::collection::vec(
            proptest::prelude::prop_oneof![
                proptest::sample::select(LANGUAGE_MARKERS.iter().map(|(w, _)| *w).collect::<Vec<_>>()),
                proptest::sample::select(vec![
                    "Résolution", "RÉSOLUTION", "DÉCIDE", "Él", "ÉT", "Du", "THE", "Of", "ÀND",
                    "the", "à", "où", "Союз", "ЛЕ", "İle", "\u{212a}el", "Los", "Y", "resolución",
                    "télécommunications", "x", "1", "😀", "considérant", "ConsidéranT",
                ]),
            ],
            0..40,
        ),
        separators in proptest::collection::vec(
            proptest::sample::select(vec![" ", ", ", "\n", "\t", "'", "-", "(", "\u{a0}"]),
            40,
        ),
    ) {
        let text: String = words
            .iter()
            .zip(&separators)
            .flat_map(|(w, s)| [*w, *s])
            .collect();
        proptest::prop_assert_eq!(detect_language(&text), language_by_every_word(&text), "{:?}", text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// `label_stop` against its definition read byte by byte.
    #[test]
    fn label_stops_are_the_places_a_label_may_follow(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "a", "i", "(", ")", ";", ":", "a)", " a)", " (i)", "b)", "x", "é", ",", "\t",
            ]),
            0..60,
        ),
        from in 0usize..80,
    ) {
        let text: String = pieces.concat();
        let bytes = text.as_bytes();
        let expected = (from..bytes.len()).find(|&i| match bytes[i] {
            b';' | b':' => true,
            b' ' => ["a)", "i)", "(a)", "(i)"].iter().any(|l| bytes[i + 1..].starts_with(l.as_bytes())),
            _ => false,
        });
        proptest::prop_assert_eq!(label_stop(bytes, from), expected, "{:?} from {}", text, from);
    }
}
