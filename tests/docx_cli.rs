//! Word files through the CLI: tracked changes in citations and labels give the same
//! findings as the text version of the same proposal, at paragraph numbers; a broken
//! or hostile file is refused with a message naming it.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use std::io::Write;
use std::path::Path;
use std::process::Command;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn tab() -> &'static str {
    "<w:r><w:tab/></w:r>"
}

fn ins(text: &str) -> String {
    format!("<w:ins w:id=\"1\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:ins>")
}

fn del(text: &str) -> String {
    format!("<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">{text}</w:delText></w:r></w:del>")
}

fn para(body: &str) -> String {
    format!("<w:p>{body}</w:p>")
}

fn numbered(body: &str) -> String {
    format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{body}</w:p>")
}

fn docx(paragraphs: &[String]) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body>{}</w:body></w:document>",
        paragraphs.concat()
    );
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string()),
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

fn proposal() -> Vec<String> {
    vec![
        para(&format!("{}{}{}", run("MOD"), tab(), run("GBR/9/1"))),
        para(&run("RESOLUTION 45 (Rev. Dubai, 2014)")),
        para(&run(
            "The World Telecommunication Development Conference (Buenos Aires, 2017),",
        )),
        para(&run("recalling")),
        numbered(&format!(
            "{}{}{}{}",
            run("Resolution 140 (Rev. "),
            del("Busan, 2014"),
            ins("Guadalajara, 2010"),
            run(") of the Plenipotentiary Conference;")
        )),
        numbered(&run(
            "Résolution 71 (Rev. Busan, 2014) of the Plenipotentiary Conference;",
        )),
        para(&format!(
            "{}{}{}{}{}",
            del("c"),
            ins("d"),
            run(")"),
            tab(),
            run("United Nations General Assembly Resolution 70/125,")
        )),
        para(&format!("{}{}{}", run("Reasons:"), tab(), run("Update."))),
    ]
}

fn check(path: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)))
}

fn findings(v: &serde_json::Value) -> Vec<(String, u64)> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn word_file_gives_the_findings_of_its_text_version_at_paragraph_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let docx_path = dir.path().join("proposal.docx");
    std::fs::write(&docx_path, docx(&proposal())).unwrap();
    let word = check(&docx_path);
    assert_eq!(word["files"][0]["kind"], "word");
    let got = findings(&word);
    assert_eq!(
        got,
        [
            ("stale-revision".to_string(), 5),
            ("clause-sequence".to_string(), 7)
        ],
        "{word:#}"
    );

    // The same proposal typed as text with CriticMarkup.
    let text = "MOD\tGBR/9/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nThe World Telecommunication Development Conference (Buenos Aires, 2017),\nrecalling\na)\tResolution 140 (Rev. {~~Busan, 2014~>Guadalajara, 2010~~}) of the Plenipotentiary Conference;\nb)\tRésolution 71 (Rev. Busan, 2014) of the Plenipotentiary Conference;\n{~~c~>d~~})\tUnited Nations General Assembly Resolution 70/125,\nReasons:\tUpdate.\n";
    let text_path = dir.path().join("proposal.txt");
    std::fs::write(&text_path, text).unwrap();
    assert_eq!(findings(&check(&text_path)), got);

    // --fix never rewrites a Word file.
    let before = std::fs::read(&docx_path).unwrap();
    Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["check", "--fix"])
        .arg(&docx_path)
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&docx_path).unwrap(), before);
}

#[test]
fn broken_word_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.docx");
    std::fs::write(&path, b"this is not a zip archive").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.docx"), "{err}");
}

/// The HTML report on a Word file is for someone who corrects it in Word: it names no
/// command, says to make the change in Word, and shows the change as struck and
/// inserted words, never as revision-mark syntax.
#[test]
fn word_file_report_says_what_to_change_in_word() {
    let dir = tempfile::tempdir().unwrap();
    let docx_path = dir.path().join("proposal.docx");
    std::fs::write(&docx_path, docx(&proposal())).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(["check", "--format", "html", "--lang", "en"])
        .arg(&docx_path)
        .output()
        .unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains("make this change in Word"), "{page}");
    assert!(
        !page.contains("proplint check"),
        "a command in the page: {page}"
    );
    let notes: Vec<&str> = page
        .split("<aside")
        .skip(1)
        .map(|a| a.split("</aside>").next().unwrap_or(""))
        .collect();
    assert!(!notes.is_empty(), "{page}");
    for note in &notes {
        for mark in ["{~~", "~>", "{++", "{--"] {
            assert!(
                !note.contains(mark),
                "revision-mark syntax in a note: {note}"
            );
        }
    }
    assert!(
        page.contains("<del>Guadalajara, 2010</del> → <ins>Busan, 2014</ins>"),
        "{page}"
    );
}
