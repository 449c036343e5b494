//! The report for people: each finding with its line and a caret under it
//! (codespan-reporting), the target conference of each file, and a summary.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

use super::{Counts, FileResult};
use crate::base::diagnostic::{Applicability, Severity};
use crate::input::Format;

pub fn render(files: &[FileResult], out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut db = SimpleFiles::new();
    let config = term::Config::default();
    for file in files {
        let id = db.add(file.path.as_str(), file.text.as_str());
        if !file.fixed.is_empty() {
            writeln!(out, "{}: fixed {} problem(s)", file.path, file.fixed.len())?;
            for (rule, title) in &file.fixed {
                writeln!(out, "  [{rule}] {title}")?;
            }
        }
        for note in &file.notes {
            writeln!(out, "{}: note: {note}", file.path)?;
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
        writeln!(
            out,
            "{}: target {}",
            file.path,
            file.analysis.target.describe()
        )?;
        if file.format() == Format::Word {
            writeln!(
                out,
                "{}: a Word document: line numbers below are paragraph numbers, tracked changes appear as {{++inserted++}} and {{--deleted--}}",
                file.path
            )?;
        }
        for d in file.diagnostics() {
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Info => CsSeverity::Note,
            };
            let mut notes = Vec::new();
            for fix in &d.fixes {
                let how = match fix.applicability {
                    Applicability::Safe => "fix (--fix)",
                    Applicability::Unsafe => "suggestion (--fix --unsafe-fixes)",
                };
                notes.push(format!("{how}: {}", fix.title));
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
    if counts.total() == 0 {
        writeln!(out, "No problems found in {} file(s).", files.len())?;
    } else {
        writeln!(
            out,
            "Found {} problem(s) in {} file(s): {} error(s), {} warning(s), {} info; {} fixable with --fix.",
            counts.total(),
            files.iter().filter(|f| !f.diagnostics().is_empty()).count(),
            counts.errors,
            counts.warnings,
            counts.infos,
            counts.fixable
        )?;
    }
    Ok(())
}
