//! Tests of the `.docx` reader on packages built here, with the `zip` writer (or by
//! hand, for archives the writer will not produce: lying headers, encryption flags).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::*;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// ---------------------------------------------------------------------------------------
// Building packages

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// A zip archive of `parts` (name, content), deflated.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `word/document.xml` around a body.
fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr><w:pgSz w:w="11907" w:h="16840"/></w:sectPr></w:body></w:document>"#
    )
}

/// A minimal Word package: content types, relationships, the document, and optionally
/// numbering and styles parts.
fn docx_full(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let doc = document_xml(body);
    let mut parts = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOC_RELS.to_owned()),
        ("word/document.xml", doc),
    ];
    if let Some(n) = numbering {
        parts.push((
            "word/numbering.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">{n}</w:numbering>"#),
        ));
    }
    if let Some(s) = styles {
        parts.push((
            "word/styles.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{s}</w:styles>"#
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = parts.iter().map(|(n, c)| (*n, c.as_str())).collect();
    package(&refs)
}

fn docx(body: &str) -> Vec<u8> {
    docx_full(body, None, None)
}

fn read_text(bytes: &[u8]) -> String {
    match read_docx(bytes) {
        Ok(t) => t.text,
        Err(e) => panic!("read_docx failed: {e}"),
    }
}

fn err(bytes: &[u8]) -> String {
    match read_docx(bytes) {
        Ok(t) => panic!("expected an error, read {:?}", t.text),
        Err(e) => e.to_string(),
    }
}

fn err_with(bytes: &[u8], limits: &Limits) -> String {
    match read_docx_with(bytes, limits) {
        Ok(t) => panic!("expected an error, read {:?}", t.text),
        Err(e) => e.to_string(),
    }
}

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn tab() -> String {
    "<w:r><w:tab/></w:r>".to_owned()
}

fn ins(inner: &str) -> String {
    format!(r#"<w:ins w:id="1" w:author="ITU" w:date="2014-11-07T00:00:00Z">{inner}</w:ins>"#)
}

fn del(text: &str) -> String {
    format!(
        r#"<w:del w:id="2" w:author="ITU" w:date="2014-11-07T00:00:00Z"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>"#
    )
}

/// A paragraph with `w:numPr`, and optionally a changed paragraph mark.
fn numbered(num_id: u32, ilvl: u32, mark: &str, inner: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr><w:rPr>{mark}</w:rPr></w:pPr>{inner}</w:p>"#
    )
}

const MARK_INS: &str = r#"<w:ins w:id="9" w:author="ITU"/>"#;
const MARK_DEL: &str = r#"<w:del w:id="9" w:author="ITU"/>"#;

fn lvl(ilvl: u32, start: u32, fmt: &str, text: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="794" w:hanging="794"/><w:tabs><w:tab w:val="left" w:pos="794"/></w:tabs></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:lvl>"#
    )
}

// ---------------------------------------------------------------------------------------
// Text

#[test]
fn plain_paragraphs_with_tabs() {
    let body = [
        p(&[r("MOD"), tab(), r("ECP/24A6/1")].concat()),
        p(&r("RESOLUTION 45 (Rev. Dubai, 2014)")),
        p(&[r("Motifs:"), tab(), r("Il est proposé de ...")].concat()),
    ]
    .concat();
    assert_eq!(
        read_text(&docx(&body)),
        "MOD\tECP/24A6/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nMotifs:\tIl est proposé de ..."
    );
}

#[test]
fn xml_space_is_respected() {
    let body = [
        p(r#"<w:r><w:t>  trimmed  </w:t></w:r><w:r><w:t xml:space="preserve"> kept </w:t></w:r>"#),
        p(r#"<w:r><w:t>a</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>b</w:t></w:r>"#),
    ]
    .concat();
    assert_eq!(read_text(&docx(&body)), "trimmed kept \na b");
}

#[test]
fn french_accented_text_and_entities() {
    let body = [
        p(&r("RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)")),
        p(&r("La Conférence de plénipotentiaires de l&apos;Union internationale des télécommunications (Dubaï, 2018),")),
        p(&r("rappelant &amp; considérant &#233;galement l&#x2019;Union")),
    ]
    .concat();
    assert_eq!(
        read_text(&docx(&body)),
        "RÉSOLUTION 45 (RÉV. DUBAÏ, 2014)\n\
         La Conférence de plénipotentiaires de l'Union internationale des télécommunications (Dubaï, 2018),\n\
         rappelant & considérant également l\u{2019}Union"
    );
}

#[test]
fn a_table_gives_one_line_per_cell_paragraph() {
    let cell = |t: &str| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
            p(&r(t))
        )
    };
    let body = [
        p(&r("before")),
        format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid>\
             <w:tr>{}{}</w:tr><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>",
            cell("Proposal"),
            cell("ECP/24A6/1"),
            cell("Reasons"),
            p(&r("first")),
            p(&r("second")),
        ),
        p(&r("after")),
    ]
    .concat();
    let t = read_docx(&docx(&body)).unwrap();
    assert_eq!(
        t.text,
        "before\nProposal\nECP/24A6/1\nReasons\nfirst\nsecond\nafter"
    );
    assert_eq!(
        t.paragraphs.iter().map(|p| p.number).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
}

#[test]
fn breaks_hyphens_and_symbols() {
    let body = [
        // A text-wrapping break is a space; a page break at a paragraph's start is nothing.
        p(&[r("RESOLUTION 45"), "<w:r><w:br/></w:r>".into(), r("Title")].concat()),
        p(&["<w:r><w:br w:type=\"page\"/></w:r>".to_owned(), r("DECISION 5")].concat()),
        p(&[r("ITU"), "<w:r><w:noBreakHyphen/></w:r>".into(), r("T"), "<w:r><w:softHyphen/></w:r>".into(), r("x")].concat()),
        p(r#"<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> item </w:t><w:sym w:font="Times New Roman" w:char="00E9"/><w:cr/><w:t>z</w:t></w:r>"#),
    ]
    .concat();
    assert_eq!(
        read_text(&docx(&body)),
        "RESOLUTION 45 Title\nDECISION 5\nITU-Tx\n• item é z"
    );
}

#[test]
fn fields_show_their_result_not_their_instruction() {
    let complex = [
        r("see "),
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \h </w:instrText></w:r>"#.into(),
        // A nested field inside the instruction is part of the instruction.
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#.into(),
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#.into(),
        r("Resolution 45"),
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#.into(),
        r("."),
    ]
    .concat();
    let body = [
        p(&complex),
        p(&format!(
            r#"{}<w:fldSimple w:instr=" HYPERLINK &quot;https://www.itu.int&quot; ">{}</w:fldSimple>"#,
            r("at "),
            r("www.itu.int")
        )),
    ]
    .concat();
    assert_eq!(
        read_text(&docx(&body)),
        "see Resolution 45.\nat www.itu.int"
    );
}

#[test]
fn comments_notes_bookmarks_hidden_text_and_formatting_changes_are_ignored() {
    let body = p(&[
        r#"<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:commentRangeStart w:id="3"/>"#.to_owned(),
        r("Resolution 140"),
        r#"<w:commentRangeEnd w:id="3"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="3"/></w:r>"#.into(),
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:bookmarkEnd w:id="0"/>"#.into(),
        r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"#.into(),
        r#"<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t xml:space="preserve"> (Rev. </w:t></w:r>"#.into(),
        r#"<w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="X"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>Busan, 2014)</w:t></w:r>"#.into(),
        r#"<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:t>IN DRAWING</w:t></wp:inline></w:drawing></w:r>"#.into(),
        r#"<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>CHOICE</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>FALLBACK</w:t></w:r></mc:Fallback></mc:AlternateContent>"#.into(),
    ]
    .concat());
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="6" w:author="X"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>{}</w:p>{body}"#,
        r("call")
    );
    assert_eq!(
        read_text(&docx(&body)),
        "call\nResolution 140 (Rev. Busan, 2014)"
    );
}

// ---------------------------------------------------------------------------------------
// Tracked changes

#[test]
fn tracked_change_inside_a_citation_is_one_substitution() {
    let body = p(&[
        r("Resolution 140 (Rev. "),
        del("Guadalajara, 2010"),
        ins(&r("Busan, 2014")),
        r(")"),
    ]
    .concat());
    assert_eq!(
        read_text(&docx(&body)),
        "Resolution 140 (Rev. {~~Guadalajara, 2010~>Busan, 2014~~})"
    );
}

#[test]
fn a_word_split_over_runs_gives_one_mark() {
    let body = [
        // Several runs, several revision elements, one insertion.
        p(&[
            r("(Rev. "),
            ins(&[r("Dub"), r("a")].concat()),
            ins(&r("i, 2018")),
            r(")"),
        ]
        .concat()),
        // A deletion over several runs, with a bookmark between them.
        p(&[
            r("of "),
            del("Hyder"),
            "<w:bookmarkStart w:id=\"1\" w:name=\"x\"/>".into(),
            del("abad"),
            r("."),
        ]
        .concat()),
        // Plain text split over runs stays plain.
        p(&[r("Resolu"), r("tion")].concat()),
    ]
    .concat();
    assert_eq!(
        read_text(&docx(&body)),
        "(Rev. {++Dubai, 2018++})\nof {--Hyderabad--}.\nResolution"
    );
}

#[test]
fn moves_are_deletions_and_insertions() {
    let body = [
        p(&format!(
            r#"{}<w:moveFrom w:id="3" w:author="A"><w:r><w:t>moved text</w:t></w:r></w:moveFrom>"#,
            r("here: ")
        )),
        p(&format!(
            r#"{}<w:moveTo w:id="4" w:author="A"><w:r><w:t>moved text</w:t></w:r></w:moveTo>"#,
            r("there: ")
        )),
    ]
    .concat();
    assert_eq!(
        read_text(&docx(&body)),
        "here: {--moved text--}\nthere: {++moved text++}"
    );
}

#[test]
fn text_inserted_then_deleted_is_in_neither_reading() {
    let body = p(&[
        r("a "),
        ins(r#"<w:del w:id="7" w:author="B"><w:r><w:delText>draft</w:delText></w:r></w:del>"#),
        r("b"),
    ]
    .concat());
    assert_eq!(read_text(&docx(&body)), "a b");
}

#[test]
fn a_label_changed_by_tracked_change() {
    let body = [
        p(&[r("a)"), tab(), r("first")].concat()),
        p(&[del("b"), ins(&r("c")), r(")"), tab(), r("second")].concat()),
    ]
    .concat();
    assert_eq!(read_text(&docx(&body)), "a)\tfirst\n{~~b~>c~~})\tsecond");
}

#[test]
fn a_deleted_clause_paragraph_and_an_inserted_one() {
    let body = [
        p(&[r("a)"), tab(), r("first clause;")].concat()),
        format!(
            "<w:p><w:pPr><w:rPr>{MARK_DEL}</w:rPr></w:pPr>{}</w:p>",
            [
                del("b)"),
                "<w:del w:id=\"3\" w:author=\"A\"><w:r><w:tab/></w:r></w:del>".into(),
                del("second clause;")
            ]
            .concat()
        ),
        format!(
            "<w:p><w:pPr><w:rPr>{MARK_INS}</w:rPr></w:pPr>{}</w:p>",
            ins(&[r("b)"), tab(), r("new clause;")].concat())
        ),
    ]
    .concat();
    let t = read_docx(&docx(&body)).unwrap();
    assert_eq!(
        t.text,
        "a)\tfirst clause;\n{--b)\tsecond clause;--}\n{++b)\tnew clause;++}"
    );
    assert_eq!(t.paragraphs.len(), 3);
}

#[test]
fn text_that_looks_like_markup_cannot_break_it() {
    let body = [
        p(&[r("literal {++ and --} and ~> in text "), ins(&r("a++}b"))].concat()),
        p(&[del("x~>y"), ins(&r("{~~z"))].concat()),
    ]
    .concat();
    let t = read_text(&docx(&body));
    let shown = t.replace('\u{2060}', "|");
    assert_eq!(
        shown,
        "literal {|++ and --|} and ~|> in text {++a++|}b++}\n{~~x~|>y~>{|~~z~~}"
    );
    // Removing the joiners gives back what the reader sees.
    assert!(t
        .replace('\u{2060}', "")
        .starts_with("literal {++ and --} and ~> in text "));
}

// ---------------------------------------------------------------------------------------
// Automatic numbering

/// abstractNum 1: lettered clauses `a)`; abstractNum 2: numbered clauses `1` with roman
/// sub-clauses `i)`; abstractNum 3: `1.1` outline. Nums 1 and 3 use abstractNum 1, num 3
/// restarting it; num 4 continues abstractNum 1 without an override.
fn numbering_xml() -> String {
    [
        format!(r#"<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{}</w:abstractNum>"#, lvl(0, 1, "lowerLetter", "%1)")),
        format!(
            r#"<w:abstractNum w:abstractNumId="2">{}{}{}</w:abstractNum>"#,
            lvl(0, 1, "decimal", "%1"),
            lvl(1, 1, "lowerRoman", "%2)"),
            lvl(2, 1, "bullet", "\u{F0B7}")
        ),
        format!(
            r#"<w:abstractNum w:abstractNumId="3">{}{}<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="(%3)"/><w:suff w:val="space"/></w:lvl></w:abstractNum>"#,
            lvl(0, 1, "decimal", "%1."),
            lvl(1, 1, "decimal", "%1.%2"),
        ),
        r#"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#.into(),
        r#"<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#.into(),
        r#"<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#.into(),
        r#"<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>"#.into(),
        r#"<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>"#.into(),
        r#"<w:num w:numId="6"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#.into(),
    ]
    .concat()
}

#[test]
fn lettered_clauses_restart_per_list() {
    let body = [
        p(&r("rappelant")),
        numbered(1, 0, "", &r("premier;")),
        numbered(1, 0, "", &r("deuxième;")),
        p(&r("considérant")),
        numbered(3, 0, "", &r("un;")),
        numbered(3, 0, "", &r("deux;")),
        // Another w:num over the same abstract definition, without an override, goes on.
        numbered(4, 0, "", &r("trois;")),
    ]
    .concat();
    assert_eq!(
        read_text(&docx_full(&body, Some(&numbering_xml()), None)),
        "rappelant\na)\tpremier;\nb)\tdeuxième;\nconsidérant\na)\tun;\nb)\tdeux;\nc)\ttrois;"
    );
}

#[test]
fn decimal_clauses_with_roman_sub_levels() {
    let body = [
        p(&r("décide")),
        numbered(2, 0, "", &r("one")),
        numbered(2, 1, "", &r("sub one")),
        numbered(2, 1, "", &r("sub two")),
        numbered(2, 2, "", &r("bullet")),
        numbered(2, 1, "", &r("sub three")),
        numbered(2, 0, "", &r("two")),
        // A deeper level restarts after a shallower one.
        numbered(2, 1, "", &r("sub again")),
        // A restart at 5 via startOverride.
        numbered(6, 0, "", &r("five")),
        numbered(6, 0, "", &r("six")),
    ]
    .concat();
    assert_eq!(
        read_text(&docx_full(&body, Some(&numbering_xml()), None)),
        "décide\n1\tone\ni)\tsub one\nii)\tsub two\n•\tbullet\niii)\tsub three\n2\ttwo\ni)\tsub again\n5\tfive\n6\tsix"
    );
}

#[test]
fn outline_numbering_and_suffixes() {
    let body = [
        numbered(5, 0, "", &r("Introduction")),
        numbered(5, 1, "", &r("Scope")),
        numbered(5, 1, "", &r("Terms")),
        numbered(5, 2, "", &r("lettered, space suffix")),
        numbered(5, 0, "", &r("Next")),
        numbered(5, 1, "", &r("Restarted")),
    ]
    .concat();
    assert_eq!(
        read_text(&docx_full(&body, Some(&numbering_xml()), None)),
        "1.\tIntroduction\n1.1\tScope\n1.2\tTerms\n(A) lettered, space suffix\n2.\tNext\n2.1\tRestarted"
    );
}

#[test]
fn numbering_from_paragraph_styles() {
    let styles = r#"
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="ListLetter"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="ListLetterIndent"><w:basedOn w:val="ListLetter"/><w:pPr><w:ind w:left="1134"/></w:pPr></w:style>"#;
    let styled = |style: &str, extra: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{}</w:p>"#,
            r(text)
        )
    };
    let body = [
        styled("ListLetter", "", "one"),
        styled("ListLetterIndent", "", "two"),
        // numId 0 cancels the style's numbering.
        styled(
            "ListLetter",
            r#"<w:numPr><w:numId w:val="0"/></w:numPr>"#,
            "unnumbered",
        ),
        styled("Normal", "", "plain"),
        styled("ListLetter", "", "three"),
    ]
    .concat();
    assert_eq!(
        read_text(&docx_full(&body, Some(&numbering_xml()), Some(styles))),
        "a)\tone\nb)\ttwo\nunnumbered\nplain\nc)\tthree"
    );
}

#[test]
fn labels_follow_inserted_and_deleted_clauses() {
    // Old text: a) b) c). Clause b) is deleted, a new clause is inserted at the end.
    let body = [
        numbered(1, 0, "", &r("keep;")),
        numbered(1, 0, MARK_DEL, &del("drop;")),
        numbered(1, 0, "", &r("shifted;")),
        numbered(1, 0, MARK_INS, &ins(&r("added."))),
    ]
    .concat();
    assert_eq!(
        read_text(&docx_full(&body, Some(&numbering_xml()), None)),
        "a)\tkeep;\n{--b)\tdrop;--}\n{~~c~>b~~})\tshifted;\n{++c)\tadded.++}"
    );
}

// ---------------------------------------------------------------------------------------
// Paragraph numbers

#[test]
fn paragraph_numbers_and_paragraph_at() {
    let body = [p(&r("first")), p(""), p(&r("Résolution 45")), p(&r("x"))].concat();
    let t = read_docx(&docx(&body)).unwrap();
    assert_eq!(t.text, "first\n\nRésolution 45\nx");
    let spans: Vec<(usize, usize, usize)> = t
        .paragraphs
        .iter()
        .map(|p| (p.number, p.span.start, p.span.end))
        .collect();
    assert_eq!(spans, vec![(1, 0, 5), (2, 6, 6), (3, 7, 21), (4, 22, 23)]);
    for p in &t.paragraphs {
        // Every span is exactly one line.
        assert!(!t.text[p.span.start..p.span.end].contains('\n'));
    }
    let at = |o: usize| t.paragraph_at(o).map(|p| p.number);
    assert_eq!(at(0), Some(1));
    assert_eq!(at(4), Some(1));
    assert_eq!(at(5), Some(1), "a line's end belongs to it");
    assert_eq!(at(6), Some(2), "an empty paragraph");
    assert_eq!(at(7), Some(3));
    assert_eq!(at(20), Some(3));
    assert_eq!(at(22), Some(4));
    assert_eq!(at(23), Some(4), "the end of the text");
    assert_eq!(at(24), None);
    assert_eq!(at(usize::MAX), None);
}

#[test]
fn an_empty_body_has_no_paragraphs() {
    let t = read_docx(&docx("")).unwrap();
    assert_eq!(t.text, "");
    assert!(t.paragraphs.is_empty());
    assert_eq!(t.paragraph_at(0), None);
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let rels = ROOT_RELS.replace("word/document.xml", "/word/main.xml");
    let doc = document_xml(&p(&r("elsewhere")));
    let bytes = package(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", &rels),
        ("word/main.xml", &doc),
    ]);
    assert_eq!(read_text(&bytes), "elsewhere");
}

#[test]
fn utf16_and_byte_order_marks() {
    let doc = document_xml(&p(&r("Résolution"))).replace("UTF-8", "UTF-16");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&utf16).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(read_text(&bytes), "Résolution");

    let with_bom = format!("\u{feff}{}", document_xml(&p(&r("BOM"))));
    assert_eq!(
        read_text(&package(&[("word/document.xml", &with_bom)])),
        "BOM"
    );

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<w:document>\xC3\x28</w:document>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(
        err(&bytes),
        "word/document.xml is not valid UTF-8 at byte 12"
    );
}

#[test]
fn a_different_namespace_prefix_is_understood() {
    let doc = format!(
        r#"<x:document xmlns:x="{W_NS}"><x:body><x:p><x:r><x:t>prefix</x:t></x:r><x:r><x:tab/></x:r></x:p><p xmlns="{W_NS}"><r><t>default</t></r></p></x:body></x:document>"#
    );
    let bytes = package(&[("word/document.xml", &doc)]);
    assert_eq!(read_text(&bytes), "prefix\t\ndefault");
}

// ---------------------------------------------------------------------------------------
// Hostile input

#[test]
fn not_a_zip() {
    let e = err(b"RESOLUTION 45 (Rev. Dubai, 2014)\nThis is a text file.");
    assert!(
        e.starts_with("not a Word document: a .docx file is a zip package, and this file does not start like one"),
        "{e}"
    );
    let e = err(b"");
    assert_eq!(e, "not a Word document: the file is empty (0 bytes)");
    // Starts like a zip, is not one.
    let e = err(b"PK\x03\x04 and then nothing of a zip");
    assert!(
        e.starts_with("not a Word document: not a valid zip package"),
        "{e}"
    );
}

#[test]
fn many_fake_end_records_are_rejected() {
    let mut bytes = Vec::new();
    for i in 0..200_000u32 {
        bytes.extend_from_slice(b"PK\x05\x06");
        bytes.extend_from_slice(&i.to_le_bytes());
        bytes.extend_from_slice(&[1, 0, 1, 0, 46, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
    let e = err(&bytes);
    assert!(
        e.starts_with("not a Word document: not a valid zip package"),
        "{e}"
    );
}

#[test]
fn many_end_records_naming_a_big_damaged_directory_are_stopped_by_the_read_budget() {
    // 20 000 central directory headers, the last one damaged, then 50 000 end records
    // that all name that directory: without a read budget, each record costs a full
    // parse of the directory (10^9 header parses).
    let entries: u16 = 20_000;
    // Room for the local entries the headers point at (offset 0), starting as a zip does.
    let mut bytes = vec![0u8; 30];
    bytes[..4].copy_from_slice(b"PK\x03\x04");
    for i in 0..entries {
        let mut h = vec![0u8; 47];
        let sig: u32 = if i + 1 == entries {
            0xDEAD_BEEF
        } else {
            0x0201_4b50
        };
        h[..4].copy_from_slice(&sig.to_le_bytes());
        h[28] = 1; // name length
        h[46] = b'a';
        bytes.extend(h);
    }
    let cd_size = bytes.len() as u32 - 30;
    for _ in 0..50_000 {
        bytes.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        bytes.extend_from_slice(&[0, 0, 0, 0]);
        bytes.extend_from_slice(&entries.to_le_bytes());
        bytes.extend_from_slice(&entries.to_le_bytes());
        bytes.extend_from_slice(&cd_size.to_le_bytes());
        bytes.extend_from_slice(&30u32.to_le_bytes());
        bytes.extend_from_slice(&0u16.to_le_bytes());
    }
    // The read budget, not the end of the records, stops it: its message says so.
    assert_eq!(
        err(&bytes),
        "not a Word document: not a valid zip package (the zip structure is too costly to read (many damaged or fake records))"
    );
}

#[test]
fn an_encrypted_word_file_is_named_as_such() {
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    let e = err(&cfb);
    assert!(
        e.contains("encrypted (password-protected) Word document"),
        "{e}"
    );
}

#[test]
fn missing_document_xml() {
    let bytes = package(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/styles.xml", "<x/>"),
    ]);
    assert_eq!(err(&bytes), "not a Word document: no word/document.xml");
}

#[test]
fn doctype_with_entity_is_rejected() {
    let doc = format!(
        r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let e = err(&package(&[("word/document.xml", &doc)]));
    assert!(
        e.starts_with("word/document.xml contains a document type declaration"),
        "{e}"
    );
    // In the other parts too.
    let bad_numbering = r#"<!DOCTYPE n [<!ENTITY a "b">]><w:numbering/>"#;
    let bytes = package(&[
        ("word/document.xml", &document_xml("")),
        ("word/numbering.xml", bad_numbering),
    ]);
    assert!(err(&bytes).starts_with("word/numbering.xml contains a document type declaration"));
}

#[test]
fn an_undeclared_entity_is_an_error() {
    let bytes = docx(&p(&r("&nbsp;")));
    let e = err(&bytes);
    assert!(
        e.starts_with("word/document.xml is not valid XML at byte "),
        "{e}"
    );
}

#[test]
fn truncated_and_malformed_xml() {
    let doc = document_xml(&[p(&r("one")), p(&r("two"))].concat());
    for cut in [doc.len() / 2, doc.len() - 5, doc.len() - 20, 60] {
        let bytes = package(&[("word/document.xml", &doc[..cut])]);
        let e = err(&bytes);
        assert!(
            e.starts_with("word/document.xml ends before its XML is complete")
                || e.starts_with("word/document.xml is not valid XML at byte"),
            "cut at {cut}: {e}"
        );
    }
    let mismatched = document_xml("<w:p><w:r><w:t>x</w:r></w:t></w:p>");
    let e = err(&package(&[("word/document.xml", &mismatched)]));
    assert!(
        e.starts_with("word/document.xml is not valid XML at byte "),
        "{e}"
    );
    // An empty part: see `an_empty_or_non_xml_document_part_is_an_error_naming_it`.
}

#[test]
fn a_truncated_package_is_an_error() {
    let bytes = docx(&p(&r("some text that will be cut off")));
    for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 30] {
        assert!(read_docx(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn deep_nesting_is_rejected() {
    let depth = 10_000;
    let body = format!(
        "<w:p>{}<w:r><w:t>deep</w:t></w:r>{}</w:p>",
        "<w:smartTag>".repeat(depth),
        "</w:smartTag>".repeat(depth)
    );
    let e = err(&docx(&body));
    assert_eq!(e, "word/document.xml nests elements more than 256 deep");
}

#[test]
fn too_many_entries() {
    let names: Vec<String> = (0..50)
        .map(|i| format!("word/media/image{i}.png"))
        .collect();
    let doc = document_xml(&p(&r("x")));
    let mut parts: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "png")).collect();
    parts.push(("word/document.xml", &doc));
    let bytes = package(&parts);
    let limits = Limits {
        max_entries: 20,
        ..Limits::default()
    };
    assert_eq!(
        err_with(&bytes, &limits),
        "the package has 51 entries, more than the limit of 20"
    );
    assert_eq!(read_docx(&bytes).unwrap().text, "x");
}

#[test]
fn total_size_limit() {
    let big = "x".repeat(600 * 1024);
    let doc = document_xml(&p(&r(&big)));
    let numbering = format!(r#"<w:numbering xmlns:w="{W_NS}"><!-- {big} --></w:numbering>"#);
    let bytes = package(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", &numbering),
    ]);
    let limits = Limits {
        max_total_bytes: 1 << 20,
        ..Limits::default()
    };
    assert_eq!(
        err_with(&bytes, &limits),
        "the document's parts together are larger than the 1 MiB limit"
    );
}

/// A zip entry written by hand, so that its header can lie.
struct RawEntry<'a> {
    name: &'a str,
    method: u16,
    flags: u16,
    crc: u32,
    declared_size: u32,
    data: &'a [u8],
}

fn raw_zip(entries: &[RawEntry<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // needed
            h.extend_from_slice(&e.flags.to_le_bytes());
            h.extend_from_slice(&e.method.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0x21, 0]); // time, date (1980-01-01)
            h.extend_from_slice(&e.crc.to_le_bytes());
            h.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            h.extend_from_slice(&e.declared_size.to_le_bytes());
            h.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                h.extend_from_slice(&0u16.to_le_bytes()); // comment
                h.extend_from_slice(&0u16.to_le_bytes()); // disk
                h.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(e.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend_from_slice(e.data);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A raw deflate stream that inflates to `len` spaces, built directly (a literal, then
/// 258-byte copies at distance 1, fixed Huffman codes): about 13 bits per 258 bytes, so
/// 200 MB of output costs 1.2 MB here and nothing of the sort is ever held in memory.
fn deflate_bomb(len: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first (header fields).
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, count: u32) {
            for i in (0..count).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let mut b = Bits {
        out: Vec::with_capacity((len / 150) as usize),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman
    b.code(0x30 + u64::from(b' '), 8); // literal ' '
    let rest = len - 1;
    for _ in 0..rest / 258 {
        b.code(0xC5, 8); // length 258 (symbol 285)
        b.code(0, 5); // distance 1
    }
    for _ in 0..rest % 258 {
        b.code(0x30 + u64::from(b' '), 8);
    }
    b.code(0, 7); // end of block
    b.put(0, 7); // flush
    b.out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn the_bomb_builder_makes_a_valid_stream() {
    // Checked through the reader itself: 3000 spaces are not a document, but they
    // inflate fine and fail only as XML (no root element means an empty text).
    let data = deflate_bomb(3000);
    let bytes = raw_zip(&[RawEntry {
        name: "word/document.xml",
        method: 8,
        flags: 0,
        crc: crc32(&[b' '; 3000]),
        declared_size: 3000,
        data: &data,
    }]);
    let limits = Limits::default();
    let mut pkg = package::Package::open(&bytes, &limits).unwrap();
    let read = pkg.read("word/document.xml").unwrap().unwrap();
    assert_eq!(read.len(), 3000);
    assert!(read.iter().all(|&c| c == b' '));
}

/// A package whose document part inflates to `inflated` bytes while its headers declare
/// `declared` (its checksum is never reached: the reader stops first).
fn bomb(inflated: u64, declared: u32) -> Vec<u8> {
    let data = deflate_bomb(inflated);
    raw_zip(&[RawEntry {
        name: "word/document.xml",
        method: 8,
        flags: 0,
        crc: 0,
        declared_size: declared,
        data: &data,
    }])
}

#[test]
fn a_zip_bomb_with_an_honest_header_is_rejected_before_inflating() {
    let size: u64 = 200_000_000;
    let bytes = bomb(size, size as u32);
    assert_eq!(
        err(&bytes),
        "entry word/document.xml is larger than the 64 MiB limit"
    );
}

#[test]
fn a_zip_bomb_with_a_lying_header_is_stopped_while_inflating() {
    // The header claims 1000 bytes; the stream inflates to 200 MB. Stopped as soon as
    // it passes the size declared, whatever the limits.
    let bytes = bomb(200_000_000, 1000);
    let limits = Limits {
        max_entry_bytes: 4 << 20,
        max_ratio: 0,
        ..Limits::default()
    };
    let expected = "entry word/document.xml inflates to more than the 1000 bytes its header \
                    declares (the archive is damaged or forged)";
    assert_eq!(err_with(&bytes, &limits), expected);
    assert_eq!(err(&bytes), expected);
}

#[test]
fn a_zip_bomb_with_an_honest_header_under_the_limit_is_stopped_by_the_entry_limit() {
    // Declares (truly) 20 MB: over a 4 MiB limit, refused from its header.
    let bytes = bomb(20_000_000, 20_000_000);
    let limits = Limits {
        max_entry_bytes: 4 << 20,
        max_ratio: 0,
        ..Limits::default()
    };
    assert_eq!(
        err_with(&bytes, &limits),
        "entry word/document.xml is larger than the 4 MiB limit"
    );
}

#[test]
fn a_zip_bomb_is_stopped_by_the_compression_ratio() {
    // 20 MB from 0.12 MB: a ratio of about 160 (what fixed Huffman codes allow), under
    // the size limit; stopped by a ratio limit of 100.
    let bytes = bomb(20_000_000, 20_000_000);
    let limits = Limits {
        max_ratio: 100,
        ..Limits::default()
    };
    assert_eq!(
        err_with(&bytes, &limits),
        "entry word/document.xml inflates to more than 100 times its compressed size (a zip bomb?)"
    );
}

#[test]
fn a_very_repetitive_document_is_not_taken_for_a_bomb() {
    // The same paragraph 5000 times compresses about 200 times: still under the default.
    let para = numbered(
        1,
        0,
        "",
        &[
            r("Resolution 140 (Rev. "),
            del("Guadalajara, 2010"),
            ins(&r("Busan, 2014")),
            r(")"),
        ]
        .concat(),
    );
    let bytes = docx_full(&para.repeat(5000), Some(&numbering_xml()), None);
    let t = read_docx(&bytes).unwrap();
    assert_eq!(t.paragraphs.len(), 5000);
    assert!(t
        .text
        .ends_with("(Rev. {~~Guadalajara, 2010~>Busan, 2014~~})"));
}

#[test]
fn an_encrypted_entry_is_rejected() {
    let bytes = raw_zip(&[RawEntry {
        name: "word/document.xml",
        method: 8,
        flags: 1,
        crc: 0,
        declared_size: 100,
        data: &[0u8; 40],
    }]);
    assert_eq!(
        err(&bytes),
        "entry word/document.xml is encrypted; proplint cannot read password-protected documents"
    );
}

#[test]
fn a_corrupt_entry_is_an_error() {
    let bytes = raw_zip(&[RawEntry {
        name: "word/document.xml",
        method: 8,
        flags: 0,
        crc: 0, // never reached: the reader stops first
        declared_size: 100,
        data: &[0xFF; 64],
    }]);
    let e = err(&bytes);
    assert!(
        e.starts_with("entry word/document.xml is corrupt") || e.starts_with("cannot read entry"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------
// Property-style: nothing panics

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of WordprocessingML, to be glued at random into document.xml.
    const TOKENS: &[&str] = &[
        "<w:p>",
        "</w:p>",
        "<w:r>",
        "</w:r>",
        "<w:t>",
        "</w:t>",
        "text",
        "{++",
        "--}",
        "~>",
        "<w:ins>",
        "</w:ins>",
        "<w:del>",
        "</w:del>",
        "<w:delText>",
        "</w:delText>",
        "<w:tab/>",
        "<w:br/>",
        "<w:pPr>",
        "</w:pPr>",
        "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>",
        "<w:rPr><w:vanish/></w:rPr>",
        "<w:fldChar w:fldCharType=\"begin\"/>",
        "<w:fldChar w:fldCharType=\"separate\"/>",
        "<w:fldChar w:fldCharType=\"end\"/>",
        "<w:instrText>",
        "</w:instrText>",
        "<w:tbl><w:tr><w:tc>",
        "</w:tc></w:tr></w:tbl>",
        "<w:sym w:char=\"F0B7\"/>",
        "&amp;",
        "&bogus;",
        "<!--c-->",
        "<![CDATA[x]]>",
        "é",
        "\n",
        "<w:rPr><w:ins/></w:rPr>",
        "<w:rPr><w:del/></w:rPr>",
        "<w:sym w:char=\"zz\"/>",
    ];

    fn soup() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            let _ = read_docx(&bytes);
        }

        #[test]
        fn random_bytes_after_a_zip_signature(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            let mut data = b"PK\x03\x04".to_vec();
            data.extend(bytes);
            let _ = read_docx(&data);
        }

        #[test]
        fn corrupted_packages(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
            let mut bytes = docx_full(
                &[numbered(1, 0, "", &r("clause")), p(&[del("old"), ins(&r("new"))].concat())].concat(),
                Some(&numbering_xml()),
                None,
            );
            for (i, b) in flips {
                let at = i.index(bytes.len());
                bytes[at] = b;
            }
            let _ = read_docx(&bytes);
        }

        #[test]
        fn random_markup(doc in soup(), numbering in soup()) {
            let bytes = docx_full(&doc, Some(&numbering), None);
            if let Ok(t) = read_docx(&bytes) {
                // Whatever it read, the paragraph table describes the text.
                prop_assert_eq!(t.text.split('\n').count(), t.paragraphs.len().max(1));
                for (i, p) in t.paragraphs.iter().enumerate() {
                    prop_assert_eq!(p.number, i + 1);
                    prop_assert!(t.text.get(p.span.start..p.span.end).is_some());
                }
            }
        }
    }
}

// Hostile documents: each cost of a Word file is bounded, and the limit is named.

#[test]
fn flooded_namespace_declarations_are_refused_at_the_first_element() {
    let prefixes: String = (0..300)
        .map(|i| format!(r#" xmlns:p{i}="urn:p{i}""#))
        .collect();
    let doc = format!(
        r#"<w:document xmlns:w="{W_NS}"{prefixes}><w:body>{}</w:body></w:document>"#,
        p(&r("x"))
    );
    let bytes = package(&[("word/document.xml", &doc)]);
    assert_eq!(
        err(&bytes),
        "word/document.xml declares more than 256 XML namespaces at once, the limit"
    );
    // Declarations that go out of scope do not add up: one per paragraph is fine.
    let many: String = (0..300)
        .map(|i| format!(r#"<w:p xmlns:q{i}="urn:q"><w:r><w:t>x</w:t></w:r></w:p>"#))
        .collect();
    assert_eq!(read_text(&docx(&many)).lines().count(), 300);
}

#[test]
fn elements_paragraphs_and_text_are_capped() {
    let limits = Limits {
        max_elements: 1000,
        ..Limits::default()
    };
    let body = p(&r("x")).repeat(400); // 4 elements each
    assert_eq!(
        err_with(&docx(&body), &limits),
        "word/document.xml has more than 1000 XML elements, the limit"
    );
    let limits = Limits {
        max_paragraphs: 100,
        ..Limits::default()
    };
    let body = p(&r("x")).repeat(101);
    assert_eq!(
        err_with(&docx(&body), &limits),
        "word/document.xml has more than 100 paragraphs, the limit"
    );
    assert!(read_docx_with(&docx(&p(&r("x")).repeat(100)), &limits).is_ok());
    let limits = Limits {
        max_text_bytes: 1024,
        ..Limits::default()
    };
    let body = p(&r(&"a".repeat(600))).repeat(2);
    assert_eq!(
        err_with(&docx(&body), &limits),
        "word/document.xml holds more than 1 KiB of text, the limit"
    );
}

#[test]
fn an_empty_or_non_xml_document_part_is_an_error_naming_it() {
    let expected = "word/document.xml has no document body (w:body): it is empty, not XML, \
                    or not a Word document";
    for content in ["", "just some text, not XML", r#"<?xml version="1.0"?>"#] {
        let bytes = package(&[("word/document.xml", content)]);
        assert_eq!(err(&bytes), expected, "{content:?}");
    }
    // XML in another vocabulary has no Word body either.
    let bytes = package(&[("word/document.xml", "<html><body><p>x</p></body></html>")]);
    assert_eq!(err(&bytes), expected);
}

#[test]
fn a_duplicated_document_part_is_an_error() {
    let doc = document_xml(&p(&r("x")));
    let entry = RawEntry {
        name: "word/document.xml",
        method: 0,
        flags: 0,
        crc: crc32(doc.as_bytes()),
        declared_size: doc.len() as u32,
        data: doc.as_bytes(),
    };
    let other = RawEntry {
        name: "Word/Document.xml",
        ..entry
    };
    let same = RawEntry { ..entry };
    let expected = "the package holds 2 entries named word/document.xml; a Word document has one";
    assert_eq!(err(&raw_zip(&[entry, same])), expected);
    let entry = RawEntry { ..other };
    let entry = RawEntry {
        name: "word/document.xml",
        ..entry
    };
    assert_eq!(err(&raw_zip(&[entry, other])), expected);
}
