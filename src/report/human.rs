//! The report for people: each finding with its line and a caret under it
//! (codespan-reporting), the target conference of each file, and a summary.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config};

use super::excerpt::Excerpt;
use super::{Counts, FileResult};
use crate::base::diagnostic::{Applicability, Severity};
use crate::input::Format;
use crate::lang::l10n::{tr, Args};
use crate::lang::messages::join_and;
use crate::lang::Lang;

pub fn render(files: &[FileResult], out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut db = SimpleFiles::new();
    let config = term::Config::default();
    for file in files {
        let lang = file.analysis.messages;
        let path = file.path.as_str();
        let id = db.add(file.path.as_str(), file.text.as_str());
        if !file.fixed.is_empty() {
            let args = Args::new().s("path", path).n("count", file.fixed.len());
            writeln!(out, "{}", tr(lang, "human-fixed", &args))?;
            for (rule, title) in &file.fixed {
                writeln!(out, "  [{rule}] {title}")?;
            }
        }
        for note in &file.notes {
            let args = Args::new().s("path", path).s("note", note.as_str());
            writeln!(out, "{}", tr(lang, "human-note", &args))?;
        }
        if !file.uncatalogued.is_empty() {
            let args = Args::new()
                .s("path", path)
                .n("count", file.uncatalogued_words.len())
                .s("conferences", join_and(lang, &file.uncatalogued_words));
            writeln!(out, "{}", tr(lang, "human-uncatalogued", &args))?;
        }
        if file.diagnostics().is_empty() {
            continue;
        }
        let target = file.analysis.target.describe_in(lang);
        let args = Args::new().s("path", path).s("target", target);
        writeln!(out, "{}", tr(lang, "human-target", &args))?;
        if file.format() == Format::Word {
            let args = Args::new().s("path", path);
            writeln!(out, "{}", tr(lang, "human-word", &args))?;
        }
        for d in file.diagnostics() {
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Info => CsSeverity::Note,
            };
            let mut notes = Vec::new();
            for fix in &d.fixes {
                let id = match fix.applicability {
                    Applicability::Safe => "human-fix-safe",
                    Applicability::Unsafe => "human-fix-unsafe",
                };
                notes.push(tr(lang, id, &Args::new().s("title", fix.title.as_str())));
            }
            header(
                out,
                &config,
                lang,
                d.severity,
                severity,
                d.rule.code(),
                &d.message,
            )?;
            let mut snippet = if out.supports_color() {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
            let (number, _) = file.line_col(d.span.start);
            match Excerpt::of(path, &file.text, &file.index, d.span, number) {
                Some(excerpt) => {
                    let shown = shown(severity, d.rule.code(), (), excerpt.range(d.span), notes);
                    term::emit(&mut snippet, &config, &excerpt, &shown)
                }
                None => {
                    let range = d.span.start..d.span.end;
                    let shown = shown(severity, d.rule.code(), id, range, notes);
                    term::emit(&mut snippet, &config, &db, &shown)
                }
            }
            .map_err(|e| std::io::Error::other(e.to_string()))?;
            // codespan writes its own header line, with English severity words; ours,
            // in the reader's language, is above, so its line is left out.
            let bytes = snippet.as_slice();
            let body = bytes
                .iter()
                .position(|&b| b == b'\n')
                .map_or(&[][..], |newline| &bytes[newline + 1..]);
            out.write_all(body)?;
        }
    }
    // No file was read (each one's error is said on its own): no summary to give.
    if files.is_empty() {
        return Ok(());
    }
    let counts = Counts::of(files);
    let lang = super::language_of(files);
    if counts.total() == 0 {
        let args = Args::new().n("files", files.len());
        writeln!(out, "{}", tr(lang, "human-none", &args))?;
    } else {
        let with = files.iter().filter(|f| !f.diagnostics().is_empty()).count();
        let args = Args::new()
            .n("total", counts.total())
            .n("with", with)
            .n("errors", counts.errors)
            .n("warnings", counts.warnings)
            .n("infos", counts.infos)
            .n("fixable", counts.fixable);
        writeln!(out, "{}", tr(lang, "human-found", &args))?;
    }
    Ok(())
}

/// codespan's diagnostic for a finding at `range` of file `file_id`.
fn shown<Id>(
    severity: CsSeverity,
    code: &str,
    file_id: Id,
    range: std::ops::Range<usize>,
    notes: Vec<String>,
) -> CsDiagnostic<Id> {
    CsDiagnostic::new(severity)
        .with_code(code)
        .with_labels(vec![Label::primary(file_id, range)])
        .with_notes(notes)
}

/// `avertissement[stale-revision] : La Résolution 37 …`: codespan's header line, with
/// the severity word and the punctuation of `lang`, in codespan's colours.
fn header(
    out: &mut dyn WriteColor,
    config: &Config,
    lang: Lang,
    severity: Severity,
    style: CsSeverity,
    code: &str,
    message: &str,
) -> std::io::Result<()> {
    let word = tr(
        lang,
        "human-severity",
        &Args::new().s("severity", severity.as_str()),
    );
    out.set_color(config.styles.header(style))?;
    write!(
        out,
        "{}",
        tr(
            lang,
            "human-header-code",
            &Args::new().s("severity", word).s("code", code)
        )
    )?;
    out.set_color(&config.styles.header_message)?;
    // One line per finding, as codespan would print it.
    let message = message.replace(['\n', '\r'], " ");
    write!(
        out,
        "{}",
        tr(
            lang,
            "human-header-message",
            &Args::new().s("message", message)
        )
    )?;
    out.reset()?;
    writeln!(out)
}
