//! Official texts of `../shared/official/` (not shipped with proplint): what proplint
//! says about adopted text it also says about the proposals that quote it (a MOD quotes
//! the whole resolution), so on the Final Acts it must raise no false alarm.
//!
//! Ignored by a plain `cargo test` because the texts live outside the repository; CI
//! runs it with `cargo test --test official -- --include-ignored`, and there a missing
//! file is a failure, not a skip.
//!
//! The Final Acts are Akoma Ntoso XML. Until proplint reads official texts itself, this
//! test makes the plain text a delegate would paste: one line per paragraph element
//! (`<p>`, `<heading>`), its `<num>` before it and a tab, a line of asterisks between
//! resolutions (see [`plain_text`]).

use std::path::PathBuf;

use proplint::analysis::{analyze, Analysis, Options};
use proplint::{Catalog, Rule};
use quick_xml::events::Event;
use quick_xml::Reader;

fn official_dir() -> PathBuf {
    std::env::var_os("PROPLINT_OFFICIAL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/official"))
}

fn final_acts() -> String {
    let path = official_dir().join("pp18-final-acts-akn.xml");
    let xml = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    plain_text(&xml)
}

/// The text of an Akoma Ntoso document as a plain-text export would give it. Whitespace
/// inside a paragraph is collapsed, as a word processor shows it; `<meta>` is skipped.
fn plain_text(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut out = String::new();
    // The paragraph being collected, the `<num>` waiting for it, and how deep in
    // `<meta>` or `<num>` the reader is.
    let mut paragraph: Option<String> = None;
    let mut num: Option<String> = None;
    let mut in_num: Option<String> = None;
    let mut meta = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"meta" => meta += 1,
                _ if meta > 0 => {}
                b"statement" => out.push_str("*****\n"),
                b"num" if paragraph.is_none() => in_num = Some(String::new()),
                b"p" | b"heading" if paragraph.is_none() => paragraph = Some(String::new()),
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"meta" => meta = meta.saturating_sub(1),
                _ if meta > 0 => {}
                b"num" => {
                    if let Some(n) = in_num.take() {
                        num = Some(collapse(&n));
                    }
                }
                b"p" | b"heading" => {
                    if let Some(p) = paragraph.take() {
                        let text = collapse(&p);
                        if !text.is_empty() {
                            if let Some(n) = num.take() {
                                out.push_str(&n);
                                out.push('\t');
                            }
                            out.push_str(&text);
                            out.push('\n');
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if meta == 0 => {
                let text = t.unescape().expect("the Final Acts' text is well formed");
                if let Some(n) = in_num.as_mut() {
                    n.push_str(&text);
                } else if let Some(p) = paragraph.as_mut() {
                    p.push_str(&text);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "the Final Acts are not well-formed XML at byte {}: {e}",
                reader.error_position()
            ),
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(text: &str, target: &str) -> Analysis {
    let options = Options {
        target: Some(target.to_string()),
        ..Options::default()
    };
    analyze(text, Catalog::embedded(), &options)
}

/// Each finding of `rule` as its line number and the text it covers.
fn findings(a: &Analysis, text: &str, rule: Rule) -> Vec<(usize, String)> {
    a.diagnostics()
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| {
            let line = text[..d.span.start].matches('\n').count() + 1;
            (line, text[d.span.start..d.span.end].to_string())
        })
        .collect()
}

/// The label a `clause-sequence` finding is on, with the start of its line.
fn sequence_findings(a: &Analysis, text: &str) -> Vec<(String, String)> {
    findings(a, text, Rule::ClauseSequence)
        .into_iter()
        .map(|(line, label)| {
            let start: String = text
                .lines()
                .nth(line - 1)
                .unwrap_or("")
                .chars()
                .take(40)
                .collect();
            (label, start)
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared/official; CI runs it with --include-ignored"]
fn final_acts_lettering_is_lettering() {
    let text = final_acts();
    let a = check(&text, "PP-18");
    let found = sequence_findings(&a, &text);
    // Before issue 14 this text gave 217 findings (annex tables, sub-lists merged by the
    // conversion, call words glued to clauses or missing from the lexicon, Parts VI-VII
    // read as clauses, first paragraphs whose "1" the converter left in their text
    // before a capital: "1 RAG, TSAG and TDAG ...", a list glued after a call word:
    // "taking into consideration a) ..."). What is left is one conversion artefact, not
    // a lettering error of the official text:
    let expected = [
        // Resolution 212, resolves 2: the cross-reference "recalling c) iv) above" was
        // split into a paragraph numbered "c)" by the converter.
        ("c", "c)\tiv) above and the amount of the loan "),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(l, s)| (l.to_string(), s.to_string()))
        .collect();
    assert!(found.len() <= 5, "{} findings: {found:#?}", found.len());
    assert_eq!(found, expected);
}

#[test]
#[ignore = "needs ../shared/official; CI runs it with --include-ignored"]
fn final_acts_history_is_not_staleness() {
    let text = final_acts();
    let a = check(&text, "PP-18");
    let stale: Vec<String> = findings(&a, &text, Rule::StaleRevision)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    // Citations the official text never updated: kept. (The Final Acts themselves cite
    // WTDC Resolution 37 as "Rev. Buenos Aires, 2017" eight times and WTSA Resolution 52
    // as "Rev. Hammamet, 2016" in the same paragraph.)
    assert_eq!(
        stale,
        [
            "Resolution 64 (Rev. Guadalajara, 2010)",
            "Resolution 37 (Rev. Dubai, 2014)",
            "Resolution 69 (Rev. Dubai, 2012)",
            "Resolution 30 (Rev. Dubai, 2014)",
            "Resolution 52 (Rev. Dubai, 2012)",
        ]
    );
    // The 13 deliberate citations, silent: every version of Resolutions 125 and 99,
    // of WTDC Resolution 18 and of Resolution 158 listed together; "no budget was
    // allocated ... to accompany Resolution 34 (Rev. Minneapolis, 1998)"; "the results of
    // the ... Policy Forum in regard to ... Resolutions 101, 102 and 133 (Rev. Guadalajara,
    // 2010)"; "commencing in September 2006 and proposing the wording of Resolution 58
    // (Hyderabad, 2010)".
    let deliberate = [
        "125 (Rev. Guadalajara, 2010), 125 (Rev. Antalya, 2006), 125 (Marrakesh, 2002), 99 (Rev. Busan, 2014), 99 (Rev. Guadalajara, 2010)",
        "18 (Rev. Dubai, 2014), 18 (Rev. Hyderabad, 2010), 18 (Rev. Doha, 2006), 18 (Rev. Istanbul, 2002) and 18 (Valletta, 1998)",
        "accompany Resolution 34 (Rev. Minneapolis, 1998)",
        "Resolutions 101, 102 and 133 (Rev. Guadalajara, 2010)",
        "Resolution 158 (Rev. Guadalajara, 2010), Resolution 158 (Rev. Busan, 2014)",
        "proposing the wording of Resolution 58 (Hyderabad, 2010)",
    ];
    for passage in deliberate {
        let at = text
            .find(passage)
            .unwrap_or_else(|| panic!("the Final Acts no longer read {passage:?}"));
        let end = at + passage.len();
        let on_it: Vec<_> = a
            .diagnostics()
            .iter()
            .filter(|d| d.span.start < end && at < d.span.end)
            .filter(|d| d.rule == Rule::StaleRevision)
            .collect();
        assert!(on_it.is_empty(), "{passage}: {on_it:#?}");
        // ... and they are still read as citations: 4 + 5 + 1 + 3 + 2 + 1 of them.
        assert!(a
            .document()
            .citations
            .iter()
            .any(|c| c.span.start >= at && c.span.end <= end));
    }
}

#[test]
#[ignore = "needs ../shared/official; CI runs it with --include-ignored"]
fn final_acts_raise_no_other_alarm() {
    // Adopted text cites real revisions, in sequence, with its reasons elsewhere: no
    // rule but the two above may speak, and they only where the tests above say.
    let text = final_acts();
    let a = check(&text, "PP-18");
    // WRC resolutions cited by the Plenipotentiary texts cannot be judged until the
    // catalogue is taught WRC outcomes: each gets an information note that says so (an
    // honest note, never a warning), and only those do.
    let is_wrc_note = |d: &&proplint::Diagnostic| {
        d.rule == Rule::UncataloguedCitation
            && d.severity == proplint::Severity::Info
            && text[d.span.start..d.span.end].contains("WRC-")
    };
    let wrc_notes = a.diagnostics().iter().filter(is_wrc_note).count();
    assert!(
        wrc_notes > 0,
        "the WRC citations of the Final Acts are noted"
    );
    let others: Vec<_> = a
        .diagnostics()
        .iter()
        .filter(|d| !matches!(d.rule, Rule::StaleRevision | Rule::ClauseSequence))
        .filter(|d| !is_wrc_note(d))
        .collect();
    assert!(others.is_empty(), "{others:#?}");
}
