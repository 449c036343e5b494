//! The report for people: each finding with its line and a caret under it
//! (codespan-reporting), the target conference of each file, and a summary.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

use super::{Counts, FileResult};
use crate::base::diagnostic::{Applicability, Severity};
use crate::input::Format;
use crate::lang::l10n::{tr, Args};

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
            writeln!(
                out,
                "{}: note: {}",
                file.path,
                crate::lang::official::report::uncatalogued_header(&file.uncatalogued)
            )?;
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
            let diag = CsDiagnostic::new(severity)
                .with_code(d.rule.code())
                .with_message(&d.message)
                .with_labels(vec![Label::primary(id, d.span.start..d.span.end)])
                .with_notes(notes);
            term::emit(out, &config, &db, &diag)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
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
