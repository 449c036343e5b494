//! Incremental analysis: a session that re-parses only the chunks an edit touched must
//! give exactly what a fresh analysis gives, after long random edit sequences
//! (insertions, deletions, pastes, CRLF, multi-byte characters, separators).
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use proplint::analysis::{analyze, Options, Session, TextChange};
use proplint::Catalog;
use proptest::prelude::*;

fn base_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .take(6)
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n*****************\n")
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    /// At the start of a chunk (the `n`th, counting the text's end as one): where the
    /// reuse of chunks is decided.
    AtChunkStart(usize, String),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = prop::sample::select(vec![
        "a",
        "é",
        "😀",
        "\r\n",
        "\n",
        "*****************\n",
        "{++x++}",
        "{--",
        "--}",
        ")",
        "(",
        "Résolution 71 (Rév. Guadalajara, 2010)",
        "\nMOD\tECP/1/9\n",
        "\nrappelant\nc)\t",
        "2014",
        "Busan, 2014Dubaï, 2018",
        "\u{0441})",
        "CMDT-17\n",
        "*****",
        // What cuts inside units depend on: call words opening sections, margin notes,
        // blank lines, marks across lines, what a unit holds once.
        "\ndécide\n",
        "\nconsidering\n",
        "\nresolves to instruct the Secretary-General\n",
        "\nPage 3: [13] Deleted\tAuthor\t2/18/14 10:49 AM\n",
        "\n\n",
        "{++\nrecalling\n++}",
        "{--\n\n--}",
        "\nRESOLUTION 45 (REV. DUBAI, 2014)\n",
        "\nThe Plenipotentiary Conference (Dubai, 2018),\n",
        "\nECP/24A6/9\n",
        "\nReasons:\tx\n",
        "\"a)\t",
    ]);
    prop_oneof![
        (any::<usize>(), snippet.clone()).prop_map(|(at, s)| Edit::Insert(at, s.to_string())),
        (any::<usize>(), snippet).prop_map(|(n, s)| Edit::AtChunkStart(n, s.to_string())),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

/// Applies an edit and says what it changed.
fn apply(text: &mut String, e: &Edit) -> TextChange {
    let floor = |t: &str, mut i: usize| {
        i %= t.len() + 1;
        while !t.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end, new) = match e {
        Edit::Insert(at, s) => {
            let at = floor(text, *at);
            (at, at, s.as_str())
        }
        Edit::AtChunkStart(n, s) => {
            let mut starts: Vec<usize> = proplint::document::chunk_spans(text)
                .iter()
                .map(|c| c.start)
                .collect();
            starts.push(text.len());
            let at = starts[n % starts.len()];
            (at, at, s.as_str())
        }
        Edit::Delete(at, n) => {
            let start = floor(text, *at);
            let end = floor(text, (start + n).min(text.len()));
            (start, end.max(start), "")
        }
    };
    text.replace_range(start..end, new);
    TextChange {
        start,
        old_end: end,
        new_end: start + new.len(),
    }
}

fn same(
    session: &mut Session,
    text: &str,
    change: Option<TextChange>,
    options: &Options,
) -> Result<(), TestCaseError> {
    let catalog = Catalog::embedded();
    let incremental = match change {
        Some(change) => session.analyze_change(text, change, catalog, options),
        None => session.analyze(text, catalog, options),
    };
    let fresh = analyze(text, catalog, options);
    prop_assert_eq!(incremental.diagnostics(), fresh.diagnostics());
    let key = |d: &proplint::Diagnostic| (d.span.start, d.span.end, d.rule);
    prop_assert!(
        incremental
            .diagnostics()
            .windows(2)
            .all(|w| key(&w[0]) <= key(&w[1])),
        "diagnostics out of order"
    );
    prop_assert_eq!(&incremental.target.id, &fresh.target.id);
    prop_assert_eq!(incremental.language, fresh.language);
    let a = serde_json::to_string(incremental.document()).unwrap();
    let b = serde_json::to_string(fresh.document()).unwrap();
    prop_assert!(a == b, "document models differ");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Chunks cut inside units (at their sections) put together give the model that
    /// cutting only between units gives, whatever the edits made of the text.
    #[test]
    fn cuts_inside_units_keep_the_model(edits in prop::collection::vec(edit(), 1..40)) {
        let catalog = Catalog::embedded();
        let mut text = base_text();
        for e in &edits {
            apply(&mut text, e);
            // Cut at every section, short as the fixtures' are.
            let chunked = serde_json::to_string(&proplint::document::parse_cut_from(&text, catalog, 0)).unwrap();
            let between = serde_json::to_string(&proplint::document::parse_between_units(&text, catalog)).unwrap();
            prop_assert!(chunked == between, "models differ after {:?}", e);
        }
    }

    /// Each edit analysed as it comes.
    #[test]
    fn edits_give_the_same_result_as_a_fresh_analysis(edits in prop::collection::vec(edit(), 1..60)) {
        let mut text = base_text();
        let mut session = Session::new();
        let options = Options::default();
        same(&mut session, &text, None, &options)?;
        for e in &edits {
            let change = apply(&mut text, e);
            same(&mut session, &text, Some(change), &options)?;
        }
    }

    /// The same with chunks cut at every section, whatever their size: the results are
    /// a fresh analysis's (which cuts inside units only chunks of two kilobytes).
    #[test]
    fn edits_with_cuts_at_every_section_give_the_same_result(edits in prop::collection::vec(edit(), 1..60)) {
        let mut text = base_text();
        let mut session = Session::cutting_inside_units_from(0);
        let options = Options::default();
        same(&mut session, &text, None, &options)?;
        for e in &edits {
            let change = apply(&mut text, e);
            same(&mut session, &text, Some(change), &options)?;
        }
    }

    /// Several edits analysed at once, as when an editor sends edits faster than the
    /// analysis runs: their changes composed with `TextChange::then`.
    #[test]
    fn composed_changes_give_the_same_result(
        batches in prop::collection::vec(prop::collection::vec(edit(), 1..5), 1..20),
    ) {
        let mut text = base_text();
        let mut session = Session::new();
        let options = Options::default();
        same(&mut session, &text, None, &options)?;
        for batch in &batches {
            let before = text.clone();
            let change = batch
                .iter()
                .map(|e| apply(&mut text, e))
                .reduce(TextChange::then)
                .unwrap();
            // The composed change is honest: outside it, the texts agree.
            prop_assert_eq!(&before[..change.start], &text[..change.start]);
            prop_assert_eq!(&before[change.old_end..], &text[change.new_end..]);
            same(&mut session, &text, Some(change), &options)?;
        }
    }
}

/// A change that does not fit the texts is not trusted: everything is parsed again.
#[test]
fn a_change_that_does_not_fit_is_a_change_of_everything() {
    let text = base_text();
    let catalog = Catalog::embedded();
    let mut session = Session::new();
    session.analyze(&text, catalog, &Options::default());
    let wrong = TextChange {
        start: 0,
        old_end: 1,
        new_end: 5,
    };
    let result = session.analyze_change(&text, wrong, catalog, &Options::default());
    assert_eq!(session.last_reused, 0);
    assert_eq!(
        result.diagnostics(),
        analyze(&text, catalog, &Options::default()).diagnostics()
    );
}

/// The edges of chunk reuse, each against a fresh analysis: a separator put before the
/// first chunk (which alone reads the header), text appended after a final separator
/// without a line break, a separator line completed or broken at a chunk's start.
#[test]
fn changes_at_chunk_edges() {
    let catalog = Catalog::embedded();
    let options = Options::default();
    let header = "CMDT-17\nMOD\tECP/1/1\nRÉSOLUTION 71 (Rév. Dubaï, 2014)\n";
    let cases: &[(&str, usize, usize, &str)] = &[
        (header, 0, 0, "*****\n"),
        (header, 0, 0, "x\n*****\n"),
        (
            "MOD\tB/1/1\nrappelant\n*****",
            25,
            25,
            "\nc)\tla Résolution 71 (Rév. Guadalajara, 2010);",
        ),
        ("MOD\tB/1/1\nrappelant\n*****", 25, 25, "**"),
        ("MOD\tB/1/1\n*****\nMOD\tB/1/3\n", 15, 16, ""),
        (
            "MOD\tB/1/1\n*****\nMOD\tB/1/3\n",
            16,
            16,
            "ADD\tB/1/2\n*****\n",
        ),
        ("MOD\tB/1/1\n*****\nMOD\tB/1/3\n", 0, 16, ""),
    ];
    for &(before, start, end, insert) in cases {
        let mut text = before.to_string();
        let mut session = Session::new();
        session.analyze(&text, catalog, &options);
        text.replace_range(start..end, insert);
        let change = TextChange {
            start,
            old_end: end,
            new_end: start + insert.len(),
        };
        let incremental = session.analyze_change(&text, change, catalog, &options);
        let fresh = analyze(&text, catalog, &options);
        assert_eq!(incremental.diagnostics(), fresh.diagnostics(), "{text:?}");
        assert_eq!(
            serde_json::to_string(incremental.document()).unwrap(),
            serde_json::to_string(fresh.document()).unwrap(),
            "{text:?}"
        );
    }
}

#[test]
fn an_edit_reparses_only_its_chunk() {
    let mut text = base_text();
    let mut session = Session::new();
    let catalog = Catalog::embedded();
    session.analyze(&text, catalog, &Options::default());
    let chunks = proplint::document::chunk_spans(&text).len();
    assert!(chunks >= 6);
    let at = text[text.len() / 2..].find("solu").unwrap() + text.len() / 2;
    let change = apply(&mut text, &Edit::Insert(at, "x".into()));
    session.analyze_change(&text, change, catalog, &Options::default());
    assert_eq!(session.last_parsed, 1);
    assert_eq!(session.last_reused, chunks - 1);
}

/// A unit cut at its sections is read whole by the rules that need all of it: its
/// Reasons, parsed in its last chunk, answer for the action line of its first; without
/// them it is reported once, on its action, in a fresh analysis and in a session.
#[test]
fn a_unit_cut_at_its_sections_is_checked_whole() {
    let en = "MOD\tB/1/1\nRESOLUTION 1 (REV. BUSAN, 2014)\nrecalling\na)\tx;\nb)\ty;\nresolves\n1\tz;\nReasons:\tw\n";
    let fr = "MOD\tB/1/1\nRÉSOLUTION 1 (RÉV. BUSAN, 2014)\nrappelant\na)\tx;\nb)\ty;\ndécide\n1\tz;\nMotifs:\tw\n";
    let catalog = Catalog::embedded();
    let options = Options::default();
    let missing = |a: &proplint::Analysis| -> Vec<(usize, usize)> {
        a.diagnostics()
            .iter()
            .filter(|d| d.rule == proplint::Rule::MissingReasons)
            .map(|d| (d.span.start, d.span.end))
            .collect()
    };
    let fresh = |text: &str| Session::cutting_inside_units_from(0).analyze(text, catalog, &options);
    for text in [en, fr] {
        assert_eq!(proplint::document::chunk_spans_with(text, 0).len(), 3);
        assert!(missing(&fresh(text)).is_empty());
        let reasons_at = text.trim_end().rfind('\n').unwrap() + 1;
        let without = &text[..reasons_at];
        assert_eq!(missing(&fresh(without)), [(0, 3)]);
        assert_eq!(missing(&analyze(without, catalog, &options)), [(0, 3)]);
        // Typed away and back in a session.
        let mut session = Session::cutting_inside_units_from(0);
        session.analyze(text, catalog, &options);
        let change = TextChange {
            start: reasons_at,
            old_end: text.len(),
            new_end: reasons_at,
        };
        let a = session.analyze_change(without, change, catalog, &options);
        assert_eq!(missing(&a), [(0, 3)]);
        let change = TextChange {
            start: reasons_at,
            old_end: reasons_at,
            new_end: text.len(),
        };
        let a = session.analyze_change(text, change, catalog, &options);
        assert!(missing(&a).is_empty());
    }
}
