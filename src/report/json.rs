//! The JSON report: a stable contract (documented in `docs/json-output.md`).
//! Lines and columns are 1-based; columns count Unicode characters; a range's end is
//! exclusive (the position just after its last character).

use serde::Serialize;

use super::FileResult;
use crate::base::diagnostic::Applicability;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    /// "text" or "word"; for Word files, lines are paragraph numbers.
    kind: &'static str,
    language: &'static str,
    /// The language of this file's messages and fix titles.
    message_language: &'static str,
    target: Target<'a>,
    diagnostics: Vec<Diag<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixed: Vec<Fixed<'a>>,
    /// Conferences of the bodies cited that met before the target and whose outcome is
    /// not catalogued (issue 13): citations of those bodies cannot be called current.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    uncatalogued_outcomes: &'a [String],
}

#[derive(Serialize)]
struct Target<'a> {
    id: Option<&'a str>,
    source: &'static str,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Diag<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    range: Range,
    fixes: Vec<FixOut<'a>>,
}

#[derive(Serialize)]
struct FixOut<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    range: Range,
    new_text: &'a str,
}

#[derive(Serialize)]
struct Fixed<'a> {
    code: &'static str,
    title: &'a str,
}

fn range(file: &FileResult, span: crate::base::text::Span) -> Range {
    let ((l1, c1), (l2, c2)) = file.range(span);
    Range {
        start: Pos {
            line: l1,
            column: c1,
        },
        end: Pos {
            line: l2,
            column: c2,
        },
    }
}

/// The whole report at once (what the tests and small callers use); the CLI writes it
/// file by file with [`Stream`]. Both give the same bytes.
pub fn render(files: &[FileResult]) -> String {
    let mut stream = match Stream::start(Vec::new()) {
        Ok(stream) => stream,
        Err(e) => return format!("{{\"error\":\"{e}\"}}"),
    };
    for f in files {
        if let Err(e) = stream.file(f) {
            return format!("{{\"error\":\"{e}\"}}");
        }
    }
    match stream.finish() {
        Ok(bytes) => String::from_utf8(bytes).unwrap_or_default(),
        Err(e) => format!("{{\"error\":\"{e}\"}}"),
    }
}

/// The report written as the files are checked, one file at a time, so that a run over
/// many files (or a file with many findings) never holds the whole report in memory.
/// The bytes are those of `serde_json::to_string_pretty` on the whole report: each
/// file's object is pretty-printed alone and indented one level deeper.
pub struct Stream<W: std::io::Write> {
    out: W,
    files: usize,
    /// The language of the messages so far: `Some(None)` once files differ.
    language: Option<Option<crate::lang::Lang>>,
}

impl<W: std::io::Write> Stream<W> {
    pub fn start(mut out: W) -> std::io::Result<Self> {
        write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": [")?;
        Ok(Stream {
            out,
            files: 0,
            language: None,
        })
    }

    pub fn file(&mut self, f: &FileResult) -> std::io::Result<()> {
        // Into a buffer first: the serializer's many small writes are cheap on a Vec,
        // not through the boxed writer.
        let mut json = Vec::with_capacity(256 + 1800 * f.diagnostics().len());
        json.extend_from_slice(if self.files == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        let mut serializer = serde_json::Serializer::with_formatter(&mut json, Indented::new(2));
        file(f).serialize(&mut serializer)?;
        self.out.write_all(&json)?;
        self.files += 1;
        let own = f.analysis.messages;
        self.language = match self.language {
            None => Some(Some(own)),
            Some(Some(lang)) if lang == own => Some(Some(lang)),
            Some(_) => Some(None),
        };
        Ok(())
    }

    /// Closes the report with the language of its messages (written last because it is
    /// known only once every file is in); returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.files == 0 {
            self.out.write_all(b"]")?;
        } else {
            self.out.write_all(b"\n  ]")?;
        }
        let language = match self.language.flatten() {
            Some(lang) => format!("\"{}\"", lang.code()),
            None => "null".to_string(),
        };
        write!(self.out, ",\n  \"language\": {language}\n}}")?;
        Ok(self.out)
    }
}

/// serde_json's pretty layout (two spaces a level), starting `base` levels deep, with
/// each line break and its indentation written at once: `PrettyFormatter` writes the
/// indentation one level at a time, and at the depth of a fix's positions that was most
/// of the report's cost (22.7 M of the 127 M instructions of checking the 1 MB corpus
/// document with `--format json`).
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn new(base: usize) -> Indented {
        Indented {
            depth: base,
            has_value: false,
        }
    }

    fn line_break<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        const BREAK: &[u8] = b"\n                                                                ";
        let width = 1 + 2 * self.depth;
        match BREAK.get(..width) {
            Some(layout) => writer.write_all(layout),
            None => {
                writer.write_all(BREAK)?;
                (BREAK.len()..width).try_for_each(|_| writer.write_all(b" "))
            }
        }
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Before an array's value or an object's key: on a line of its own.
    fn item<W: ?Sized + std::io::Write>(&self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line_break(writer)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn file(f: &FileResult) -> File<'_> {
    File {
        path: &f.path,
        kind: f.format().kind(),
        language: f.analysis.language.code(),
        message_language: f.analysis.messages.code(),
        target: Target {
            id: f.analysis.target.id.as_deref(),
            source: f.analysis.target.source.describe(),
        },
        diagnostics: f
            .diagnostics()
            .iter()
            .map(|d| Diag {
                code: d.rule.code(),
                severity: d.severity.as_str(),
                message: &d.message,
                range: range(f, d.span),
                fixes: d
                    .fixes
                    .iter()
                    .map(|fix| FixOut {
                        title: &fix.title,
                        applicability: match fix.applicability {
                            Applicability::Safe => "safe",
                            Applicability::Unsafe => "unsafe",
                        },
                        edits: fix
                            .edits
                            .iter()
                            .map(|e| EditOut {
                                range: range(f, e.span),
                                new_text: &e.new_text,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        fixed: f
            .fixed
            .iter()
            .map(|(rule, title)| Fixed {
                code: rule.code(),
                title,
            })
            .collect(),
        uncatalogued_outcomes: &f.uncatalogued,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::engine::analysis::{analyze, Options};

    /// The report as it was built before it was streamed: the contract's bytes.
    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        files: Vec<File<'a>>,
        language: Option<&'static str>,
    }

    /// The layout is serde_json's pretty one at any depth, deeper than the report's own
    /// (which stays under a dozen levels) included.
    #[test]
    fn the_indented_layout_is_the_pretty_layout() {
        let mut deep = serde_json::json!({"leaf": [1, "é\n\"", null, [], {}], "n": -2.5});
        for level in 0..40 {
            deep = serde_json::json!({"level": level, "inner": [deep, {"k": true}]});
        }
        let mut ours = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut ours, Indented::new(0));
        deep.serialize(&mut serializer).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&deep).unwrap()
        );
    }

    #[test]
    fn the_streamed_report_is_the_report_built_whole() {
        let texts = [
            "MOD\tGBR/3/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nrecalling\na)\tResolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\nc)\tUnited Nations \"quoted\"\tResolution 70/125,\nReasons:\tUpdate.\n",
            "",
            "Notes, not a proposal.\n",
        ];
        let files: Vec<FileResult> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let analysis = analyze(t, Catalog::embedded(), &Options::default());
                FileResult::new(format!("dir/{i}.txt"), t.to_string(), analysis)
            })
            .collect();
        assert!(!files[0].diagnostics().is_empty());
        for n in 0..=files.len() {
            let whole = Whole {
                version: VERSION,
                files: files[..n].iter().map(file).collect(),
                language: crate::report::shared_language(&files[..n]).map(|l| l.code()),
            };
            assert_eq!(
                render(&files[..n]),
                serde_json::to_string_pretty(&whole).unwrap(),
                "{n} files"
            );
        }
    }
}
