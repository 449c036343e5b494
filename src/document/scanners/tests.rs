//! Each scanner against the expression it stands for.

use super::*;
use proptest::prelude::*;
use regex::Regex;

fn expression(pattern: String) -> Regex {
    Regex::new(&pattern).unwrap()
}

fn keyword_by_expression(line: &str, from: usize) -> Option<Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        expression(format!(
            r"(?i)\b(?:{RESOLUTION_WORDS_PATTERN})[\s\u{{a0}}]+(?:(?:ITU|UIT)-R[\s\u{{a0}}]+)?(?:A/RES/)?[0-9]"
        ))
    })
    .find_at(line, from)
    .map(|m| m.range())
}

fn number_by_expression(s: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| expression(r"^(?:A/RES/)?[0-9]+(?:[/-][0-9]+)*".into()))
        .find(s)
        .map(|m| m.end())
}

fn wrc_by_expression(text: &str) -> Option<WrcTag<'_>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = RE
        .get_or_init(|| {
            expression(format!(
                r"^[\s\u{{a0}}]*(?P<rev>(?i:{REVISION_WORD_PATTERN})\.?[\s\u{{a0}}]*)?(?i:wrc|cmr)-(?P<year>[0-9]{{2}}|[0-9]{{4}})[\s\u{{a0}}]*$"
            ))
        })
        .captures(text)?;
    Some(WrcTag {
        revised: c.name("rev").is_some(),
        year: c.name("year")?.as_str(),
    })
}

fn heading_by_expression(content: &str) -> Option<HeadingParts<'_>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = RE
        .get_or_init(|| {
            expression(format!(
                r"(?i)^(?P<new>{DRAFT_NEW_PATTERN})?(?P<kind>{TEXT_KIND_PATTERN})(?:[\s\u{{a0}}]+(?P<num>[0-9]{{1,4}})|[\s\u{{a0}}]*\[(?P<bracket>[^\]]+)\])?[\s\u{{a0}}]*(?P<tag>\(.*\))?[\s\u{{a0}}]*$"
            ))
        })
        .captures(content)?;
    Some(HeadingParts {
        draft_new: c.name("new").is_some(),
        kind: c.name("kind")?.as_str(),
        number: c.name("num").map(|m| m.as_str()),
        bracket: c.name("bracket").map(|m| m.as_str()),
        tag: c.name("tag").map(|m| m.as_str()),
    })
}

fn codes() -> Vec<String> {
    ["PP", "WTDC", "CMDT", "WTSA", "AMNT", "RA", "AR"]
        .map(String::from)
        .to_vec()
}

fn header_codes_by_expression(content: &str) -> Vec<HeaderCode> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        expression(format!(
            r"\b(?P<body>{})-(?P<yy>[0-9]{{2}})(?P<yy2>[0-9]{{2}})?\b",
            codes().join("|")
        ))
    })
    .captures_iter(content)
    .map(|c| HeaderCode {
        body: c.name("body").map_or(0..0, |m| m.range()),
        yy: c.name("yy").map_or(0..0, |m| m.range()),
        yy2: c.name("yy2").map(|m| m.range()),
    })
    .collect()
}

#[test]
fn resolution_words_begin_with_one_letter_that_folds_with_no_other() {
    let words = words!(RESOLUTION_WORDS_PATTERN);
    let first = words[0][0];
    assert!(first.is_ascii_lowercase() && !matches!(first, 'k' | 's'));
    assert!(words.iter().all(|w| w[0] == first));
    // Every character that folds to it is one of the two bytes looked for.
    for c in (0..0x30000u32).filter_map(char::from_u32) {
        if folds_to(c, first) {
            assert!(c == first || c == first.to_ascii_uppercase(), "{c:?}");
        }
    }
}

fn glued_by_expression(s: &str) -> Vec<GluedPlaceYears> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        expression(r"(?P<old>\p{Lu}[\p{L}\-]*(?:[ \u{a0}][\p{Lu}][\p{L}\-]*)?,[ \u{a0}]?(?:19|20)[0-9][0-9])(?P<new>(?:R[ée]v\.[ \u{a0}]?)?\p{Lu}[\p{L}\-]*(?:[ \u{a0}][\p{Lu}][\p{L}\-]*)?,[ \u{a0}]?(?:19|20)[0-9][0-9])".into())
    })
    .captures_iter(s)
    .map(|c| GluedPlaceYears {
        old: c.name("old").map_or(0..0, |m| m.range()),
        new: c.name("new").map_or(0..0, |m| m.range()),
    })
    .collect()
}

fn action_by_expression(content: &str) -> Option<ActionLine> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = RE
        .get_or_init(|| expression(r"^\(?(?P<action>MOD|ADD|SUP|NOC)\)?(?:\*\*)?(?:[\t \u{a0}]+(?P<ref>[A-Z][A-Z0-9]{0,7}(?:/[A-Za-z0-9]+)+))?[\t \u{a0}*]*$".into()))
        .captures(content)?;
    Some(ActionLine {
        action: c.name("action")?.range(),
        reference: c.name("ref").map(|m| m.range()),
    })
}

fn reference_by_expression(content: &str) -> Option<Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        expression(r"^(?P<ref>[A-Z][A-Z0-9]{0,7}/[0-9]+[A-Z0-9]*/[0-9]+)[\t \u{a0}*]*$".into())
    })
    .captures(content)
    .and_then(|c| c.name("ref").map(|m| m.range()))
}

fn note_by_expression(content: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let labels: Vec<String> = WORD_NOTE_LABELS.iter().map(|l| regex::escape(l)).collect();
        expression(format!(
            r"^(?:{}|{}[^\]]*\])(?::|\*\*|\s*\.\.\.|\s*\[[0-9]+\]|\s*$)",
            labels.join("|"),
            regex::escape(WORD_COMMENT_LABEL)
        ))
    })
    .is_match(content)
}

#[test]
fn unicode_classes_are_the_expressions_classes() {
    let letter = Regex::new(r"^\p{L}$").unwrap();
    let upper = Regex::new(r"^\p{Lu}$").unwrap();
    let chars = (0..0x3_0000u32)
        .step_by(3)
        .chain([0xe9, 0xc9, 0x1d400, 0x10400, 0x2160, 0x24b6, 0x1c5])
        .filter_map(char::from_u32);
    for c in chars {
        let mut buf = [0u8; 4];
        let text = c.encode_utf8(&mut buf);
        assert_eq!(is_unicode_letter(c), letter.is_match(text), "{c:?}");
        assert_eq!(is_upper_letter(c), upper.is_match(text), "{c:?}");
    }
}

#[test]
fn patterns_expand_to_their_words_in_the_order_tried() {
    let words = |p: &str| -> Vec<String> {
        expand(p)
            .into_iter()
            .map(|w| w.into_iter().collect())
            .collect()
    };
    assert_eq!(
        words("r[ée]solutions?|resoluciones"),
        [
            "résolutions",
            "résolution",
            "resolutions",
            "resolution",
            "resoluciones"
        ]
    );
    assert_eq!(words("draft new "), ["draft new "]);
}

#[test]
fn case_folds_as_the_expressions_did() {
    for (c, p) in [
        ('S', 's'),
        ('ſ', 's'),
        ('\u{212a}', 'k'),
        ('É', 'é'),
        ('Ó', 'ó'),
    ] {
        assert!(folds_to(c, p), "{c:?} {p:?}");
    }
    for (c, p) in [('İ', 'i'), ('ı', 'i'), ('E', 'é'), ('ß', 's')] {
        assert!(!folds_to(c, p), "{c:?} {p:?}");
    }
}

#[test]
fn real_lines_match_as_the_expressions_did() {
    let lines = [
        "Resolution 45 (Rev. Dubai, 2014) of the WTDC",
        "la Résolution 140 (Rév.\u{a0}Busan, 2014)",
        "las Resoluciones 50 y 52",
        "RÉSOLUTION ITU-R 1-8",
        "resolución A/RES/70/125",
        "irresolution 5",
        "Résolutions\u{a0}\u{a0}130",
        "PROJET DE NOUVELLE RÉSOLUTION [IAP-1]",
        "DRAFT NEW RESOLUTION [IND-1] (Rev. Dubai, 2018)",
        "RESOLUTION 71 (REV. BUSAN, 2014)",
        "Decision 5",
        "AVIS ( x )  ",
        "Resolution 12345",
        "Rev.WRC-19",
        " rév. cmr-2000 ",
        "WRC-7",
        "Resolution ITU-R1",
        "Resolution ITU-R 1",
        "Document CMDT-17/12-F et PP-2018",
        "WTSA-2416 WTDC-172 xRA-19 AR-19é RA-19-AR-20",
        "Dubaï, 2012Busan, 2014 et Buenos Aires, 2017Rév. Hammamet, 2016",
        "aDubai,2012Rev.Busan, 2014",
        "MOD\tECP/24A6/1",
        "(ADD)**  IAP/7A1/12 *",
        "SUP",
        "NOC ABCDEFGHI/1",
        "ECP/24A6/3",
        "ECP/24/",
        "Deleted: x",
        "Comment [AB1]: see",
        "Moved (insertion) [3]",
        "Formatted ...",
        "Inserted",
    ];
    for line in lines {
        assert_eq!(
            find_keyword(line, 0),
            keyword_by_expression(line, 0),
            "{line}"
        );
        assert_eq!(heading(line), heading_by_expression(line), "{line}");
        assert_eq!(wrc_tag(line), wrc_by_expression(line), "{line}");
        assert_eq!(
            header_codes(line, &codes()),
            header_codes_by_expression(line),
            "{line}"
        );
    }
    assert_eq!(find_keyword("la Résolution 140", 0), Some(3..16));
    assert_eq!(
        heading("DRAFT NEW RESOLUTION [IND-1] (Rev. Dubai, 2018)").map(|h| h.tag),
        Some(Some("(Rev. Dubai, 2018)"))
    );
    assert_eq!(wrc_tag("Rev.WRC-19").map(|t| t.year), Some("19"));
}

/// One slot of a text shaped like what a matcher looks for: each slot picks one of its
/// variants, the empty string and near misses among them, so that random texts come
/// close to a match from every side.
fn slot(variants: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(variants)
}

const WHITE: &[&str] = &["", " ", "\u{a0}", "\t", "  ", "\n", "x"];
const JUNK: &[&str] = &["", ")", "(", "]", "x", "é", "_", "Ж", "1", ".", "\n", " ;"];

fn shaped(slots: Vec<&'static [&'static str]>) -> impl Strategy<Value = String> {
    slots
        .into_iter()
        .map(slot)
        .collect::<Vec<_>>()
        .prop_map(|parts| parts.concat())
}

fn keyword_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &["", "la ", "x", "é", "_", "1", "(", "Ж"],
        &[
            "résolution",
            "RÉSOLUTIONS",
            "Resolution",
            "reſolution",
            "resolución",
            "RESOLUCIONES",
            "resoluci",
            "resolutio",
            "Résolutionss",
            "",
        ],
        WHITE,
        &["", "ITU-R", "uit-r", "ITU-", "UIT-R\u{a0}"],
        WHITE,
        &["", "A/RES/", "a/reſ/", "A/RES", "A/"],
        &["", "1", "45", "70/125", "x"],
        JUNK,
        &["", " Resolution 5", " et 7", "résolution\u{a0}2"],
    ])
}

fn number_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &["", "A/RES/", "a/res/", "A/RES"],
        &["", "1", "70", "12345"],
        &["", "/", "-", "//", "/-"],
        &["", "125", "8", "x"],
        &["", "/", "-"],
        &["", "3", "é"],
        JUNK,
    ])
}

fn wrc_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        WHITE,
        &["", "Rev", "rév", "RÉV", "re", "Revs"],
        &["", ".", ".."],
        WHITE,
        &["wrc", "CMR", "Wrc", "wr", "cmr", ""],
        &["-", "", "--", " -"],
        &["19", "2000", "7", "123", "20000", "", "1x"],
        WHITE,
        &["", "", "x", ")"],
    ])
}

fn heading_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &[
            "",
            "draft new ",
            "PROJET DE NOUVELLE ",
            "proyecto de nueva ",
            "draft new",
            "x",
        ],
        &[
            "RÉSOLUTION",
            "resolution",
            "Resolución",
            "DÉCISION",
            "decisión",
            "recommandation",
            "opinion",
            "AVIS",
            "résolutions",
            "reſolution",
            "",
        ],
        WHITE,
        &[
            "", "1", "71", "1234", "12345", "[IAP-1]", "[]", "[a]b]", "[x", "[a\nb]",
        ],
        WHITE,
        &[
            "",
            "(Rev. Dubai, 2018)",
            "()",
            "(",
            ")",
            "(a)(b)",
            "(a\nb)",
            "(x) y",
            "(é)",
        ],
        WHITE,
        &["", "", "x", ")", "\n", " (y)"],
    ])
}

fn header_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &["", "Document ", "x", "é", "_", "1", "-", "Ж"],
        &["PP", "CMDT", "WTSA", "RA", "AR", "pp", "WTD", "AMNTS", ""],
        &["-", "", "--"],
        &["17", "2018", "172", "1", "20189", ""],
        &["", "x", "é", "_", "-", "/12", " ", "1", "\u{a0}"],
        &["", "RA-19", "PP-22", " AR-2016", "CMDT-17-"],
        JUNK,
    ])
}

fn glued_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &["", "la ", "x", "é", "1", "Ⅰ"],
        &[
            "Dubaï",
            "Buenos Aires",
            "Busan",
            "São-Paulo",
            "ÉTAT",
            "dubai",
            "B",
            "Buenos aires",
            "Buenos  Aires",
            "Ж",
            "𝐀b",
        ],
        &[",", ", ", ",\u{a0}", "", ",  ", " ,"],
        &["2012", "1998", "2112", "201", "20123"],
        &["", "Rev.", "Rév.", "Rev. ", "Rév.\u{a0}", "Rev", "rev."],
        &["Busan", "Hammamet", "Buenos Aires", "", "x", "Ⅰ", "É"],
        &[",", ", ", ""],
        &["2014", "2016", "1900", "21"],
        &["", "Dubai, 2018", ")", "x", "Genève, 2019Paris, 2020"],
    ])
}

fn action_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &["", "(", "x"],
        &["MOD", "ADD", "SUP", "NOC", "MO", "mod", "ADDS"],
        &["", ")"],
        &["", "**", "*"],
        &["", "\t", " ", "\u{a0}", "  "],
        &["", "ECP", "IAP", "ABCDEFGH", "ABCDEFGHI", "E1", "e"],
        &["", "/", "/24A6", "/24A6/", "//"],
        &["", "1", "3b", "/12", "é"],
        &["", " ", "*", "\t*", "x", " y"],
    ])
}

fn reference_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &["ECP", "IAP", "E", "ABCDEFGH", "ABCDEFGHI", "e", "", "E1"],
        &["/", "", "//"],
        &["24", "2", "", "x", "2412345"],
        &["A6", "", "AB", "6", "a"],
        &["/", "", "-"],
        &["1", "12", "", "a"],
        &["", " ", "*", "\t", "x", "/3"],
    ])
}

fn note_texts() -> impl Strategy<Value = String> {
    shaped(vec![
        &[
            "Deleted",
            "Formatted",
            "Inserted",
            "Moved (insertion)",
            "Moved (deletion)",
            "Moved",
            "Comment [",
            "Comment [AB1",
            "Comment",
            "deleted",
        ],
        &["", "]", "x]", "\n]"],
        &["", ":", "**", " ", "  ", "\u{a0}", "\t"],
        &["", "...", "[", "[12", "]", "x", ".."],
        &["", "]", "3]", " text"],
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]
    #[test]
    fn keywords_are_what_the_expression_found(line in keyword_texts(), from in 0usize..40) {
        let from = crate::base::text::floor_char_boundary(&line, from.min(line.len()));
        prop_assert_eq!(find_keyword(&line, from), keyword_by_expression(&line, from), "{:?} from {}", line, from);
    }

    #[test]
    fn numbers_are_what_the_expression_found(s in number_texts()) {
        prop_assert_eq!(number_len(&s), number_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn wrc_tags_are_what_the_expression_found(s in wrc_texts()) {
        prop_assert_eq!(wrc_tag(&s), wrc_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn headings_are_what_the_expression_found(s in heading_texts()) {
        prop_assert_eq!(heading(&s), heading_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn header_codes_are_what_the_expression_found(s in header_texts()) {
        prop_assert_eq!(header_codes(&s, &codes()), header_codes_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn glued_place_years_are_what_the_expression_found(s in glued_texts()) {
        prop_assert_eq!(glued_place_years(&s), glued_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn action_lines_are_what_the_expression_found(s in action_texts()) {
        prop_assert_eq!(action_line(&s), action_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn reference_lines_are_what_the_expression_found(s in reference_texts()) {
        prop_assert_eq!(reference_line(&s), reference_by_expression(&s), "{:?}", s);
    }

    #[test]
    fn inline_notes_are_what_the_expression_found(s in note_texts()) {
        prop_assert_eq!(is_inline_note(&s), note_by_expression(&s), "{:?}", s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn memchr4_finds_each_of_the_four_bytes_in_order(
        bytes in proptest::collection::vec(
            prop_oneof![
                8 => proptest::sample::select(b"abc ,;:.\xc3\xa9\n".to_vec()),
                1 => any::<u8>(),
            ],
            0..300,
        ),
    ) {
        let expected: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, b',' | b';' | b':' | b'.'))
            .map(|(i, _)| i)
            .collect();
        let found: Vec<usize> = memchr4_iter(b',', b';', b':', b'.', &bytes).collect();
        prop_assert_eq!(found, expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Counted in runs of 255 bytes, as byte by byte: lines longer than a run, and runs
    /// of nothing but digits (a run's sum reaches 255 exactly).
    #[test]
    fn digits_are_counted_as_one_by_one(
        bytes in proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(b"0123456789/:a \xc3\xa9".to_vec()),
                1 => any::<u8>(),
            ],
            0..1200,
        ),
        all_digits in 0usize..800,
    ) {
        let naive = |b: &[u8]| b.iter().filter(|b| b.is_ascii_digit()).count();
        prop_assert_eq!(count_ascii_digits(&bytes), naive(&bytes));
        let digits = vec![b'7'; all_digits];
        prop_assert_eq!(count_ascii_digits(&digits), all_digits);
    }
}
