//! Incremental analysis: a session that re-parses only the chunks an edit touched must
//! give exactly what a fresh analysis gives, after long random edit sequences
//! (insertions, deletions, pastes, CRLF, multi-byte characters, separators).

use proplint::analysis::{analyze, Options, Session};
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
    ]);
    prop_oneof![
        (any::<usize>(), snippet).prop_map(|(at, s)| Edit::Insert(at, s.to_string())),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

fn apply(text: &mut String, e: &Edit) {
    let floor = |t: &str, mut i: usize| {
        i %= t.len() + 1;
        while !t.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match e {
        Edit::Insert(at, s) => {
            let at = floor(text, *at);
            text.insert_str(at, s);
        }
        Edit::Delete(at, n) => {
            let start = floor(text, *at);
            let end = floor(text, (start + n).min(text.len()));
            text.replace_range(start..end.max(start), "");
        }
    }
}

fn same(session: &mut Session, text: &str, options: &Options) -> Result<(), TestCaseError> {
    let catalog = Catalog::embedded();
    let incremental = session.analyze(text, catalog, options);
    let fresh = analyze(text, catalog, options);
    prop_assert_eq!(&incremental.diagnostics, &fresh.diagnostics);
    prop_assert_eq!(&incremental.target.id, &fresh.target.id);
    prop_assert_eq!(incremental.language, fresh.language);
    let a = serde_json::to_string(incremental.document()).unwrap();
    let b = serde_json::to_string(fresh.document()).unwrap();
    prop_assert!(a == b, "document models differ");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    #[test]
    fn edits_give_the_same_result_as_a_fresh_analysis(edits in prop::collection::vec(edit(), 1..60)) {
        let mut text = base_text();
        let mut session = Session::new();
        let options = Options::default();
        same(&mut session, &text, &options)?;
        for e in &edits {
            apply(&mut text, e);
            same(&mut session, &text, &options)?;
        }
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
    text.insert(at, 'x');
    session.analyze(&text, catalog, &Options::default());
    assert_eq!(session.last_parsed, 1);
    assert_eq!(session.last_reused, chunks - 1);
}
