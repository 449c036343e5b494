//! The HTML report (`--format html`): one self-contained page for the people who write
//! proposals, not for programs. No external file, font, image or script; it opens
//! offline from an e-mail attachment and prints well.
//!
//! The page has a header (the documents checked, the conference each was checked
//! against and where that came from, the catalogue's date), a summary table by rule and
//! severity, then each document's text, line by line, with every finding marked where it
//! is (`<mark class="error|warning|info">`) and explained just below its line: the
//! message, the rule, why it matters (the first paragraph of the rule page's "Why it
//! matters") and the fix that would apply. The rules that fired are explained at the end,
//! with a link to their full page online (the only links that leave the page).
//!
//! Filtering by severity, and hiding lines without findings, is pure CSS (`:has()` on
//! checkboxes): in a browser without it the boxes do nothing and everything stays shown.
//!
//! Every character of a document is escaped. Lines come from
//! [`LineIndex::line_span`](crate::base::text::LineIndex::line_span) and line/column numbers
//! from [`FileResult::line_col`]; the page never counts columns itself.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Counts, FileResult};
use crate::base::diagnostic::{Applicability, Diagnostic, Severity};
use crate::base::text::{floor_char_boundary, Span};
use crate::base::Rule;
use crate::base::{Target, TargetSource};
use crate::catalog::Catalog;
use crate::lang::Lang;

/// The first paragraph under a `## heading` of a rule's documentation page, its lines
/// joined with spaces; `None` when the page has no such section.
pub fn doc_paragraph(doc: &str, heading: &str) -> Option<String> {
    let mut lines = doc.lines();
    lines.find(|l| {
        l.strip_prefix("## ")
            .is_some_and(|h| h.trim().eq_ignore_ascii_case(heading))
    })?;
    let paragraph: Vec<&str> = lines
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("```"))
        .map(str::trim)
        .collect();
    (!paragraph.is_empty()).then(|| paragraph.join(" "))
}

/// The whole section under a `## heading` of a rule's documentation page (Markdown, up
/// to the next heading), trimmed; `None` when the page has no such section.
pub fn doc_section(doc: &str, heading: &str) -> Option<String> {
    let mut lines = doc.lines();
    lines.find(|l| {
        l.strip_prefix("## ")
            .is_some_and(|h| h.trim().eq_ignore_ascii_case(heading))
    })?;
    let section: Vec<&str> = lines.take_while(|l| !l.starts_with("## ")).collect();
    let section = section.join("\n").trim().to_string();
    (!section.is_empty()).then_some(section)
}

/// Escapes text for an HTML text node or a quoted attribute value. C0 control
/// characters other than tab become their visible "control pictures" (a lone CR would
/// otherwise break a numbered line in two).
fn escape_into(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(ch),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            c => out.push(c),
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// The little Markdown of the rule pages' prose: `code`, **strong**, *emphasis*.
fn inline_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(i) = rest.find(['`', '*']) {
        escape_into(&mut out, &rest[..i]);
        let after = &rest[i..];
        let (open, tag) = if after.starts_with('`') {
            ("`", "code")
        } else if after.starts_with("**") {
            ("**", "strong")
        } else {
            ("*", "em")
        };
        let inner = &after[open.len()..];
        match inner.find(open) {
            Some(j) if j > 0 => {
                let _ = write!(out, "<{tag}>{}</{tag}>", escape(&inner[..j]));
                rest = &inner[j + open.len()..];
            }
            _ => {
                escape_into(&mut out, open);
                rest = inner;
            }
        }
    }
    escape_into(&mut out, rest);
    out
}

fn class(severity: Severity) -> &'static str {
    severity.as_str()
}

/// The plain-language name of a severity.
fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{n} {many}"),
    }
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "French",
        Lang::Es => "Spanish",
    }
}

fn source_words(source: TargetSource) -> &'static str {
    match source {
        TargetSource::Option => "chosen with --target or in proplint.toml",
        TargetSource::ConferenceLine => "stated in the document's conference line",
        TargetSource::Heading => "taken from the revision in a resolution heading",
        TargetSource::Header => "taken from the conference code in the document's header",
        TargetSource::Catalogue => "the document does not say which conference it is for",
    }
}

/// "WTDC-22 — World Telecommunication Development Conference, Kigali, 2022", or the
/// catalogue's newest state.
fn conference_words(target: &Target, catalog: &Catalog) -> String {
    match &target.id {
        Some(id) => match catalog.conference(id) {
            Some(c) => {
                let body = catalog
                    .body(&c.body)
                    .and_then(|b| b.name.get(Lang::En))
                    .unwrap_or(&c.body);
                format!("{id} — {body}, {}", c.place_year(Lang::En))
            }
            None => id.clone(),
        },
        None => format!(
            "no particular conference: the newest state of the catalogue ({})",
            target.date
        ),
    }
}

fn file_anchor(i: usize) -> String {
    format!("doc-{}", i + 1)
}

fn note_anchor(file: usize, diag: usize) -> String {
    format!("doc-{}-problem-{}", file + 1, diag + 1)
}

/// Cuts `s` to at most `max` characters, with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A span made safe to slice `text` with: clamped, on character boundaries, ordered.
fn clean_span(text: &str, span: Span) -> Span {
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end).max(start);
    Span::new(start, end)
}

const CSS: &str = r#"
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#d0d0d0;--paper:#fff;--soft:#f6f6f4;
--error:#b3261e;--error-bg:#ffdcd8;--warning:#7a4a00;--warning-bg:#ffe9a6;--info:#1f4fbf;--info-bg:#dbe8ff}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;color:var(--ink);background:var(--paper);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
.wrap{max-width:78rem;margin:0 auto;padding:1.5rem 2rem 3rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
h1{font-size:1.8rem;margin:.2rem 0 .6rem}h2{font-size:1.4rem;margin:2.2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
a{color:#0b57d0}a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.lead{font-size:1.15rem;margin:.2rem 0 1rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.2rem;margin:0;background:var(--soft);padding:1rem 1.2rem;border-radius:6px}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}dl.facts ul{margin:0;padding-left:1.1rem}
.badge{display:inline-block;font-size:.8rem;font-weight:700;line-height:1.3;padding:0 .45rem;border-radius:3px;color:#fff;white-space:nowrap}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;width:6.5rem}
tfoot td,tfoot th{font-weight:700;background:var(--soft)}
.legend{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .8rem;margin:.8rem 0;align-items:center}
tbody th{white-space:nowrap}
.filter{border:1px solid var(--line);border-radius:6px;padding:.4rem 1rem .6rem;margin:1rem 0}
.filter label{margin-right:1.2rem;white-space:nowrap}
.meta{color:var(--muted);margin:.2rem 0 .8rem}
ol.toc{padding-left:1.4rem}ol.toc li{margin:.2rem 0}
.doc{border:1px solid var(--line);border-radius:6px;padding:.6rem 0;background:#fff}
.l{display:grid;grid-template-columns:4.2rem 1fr;min-height:1.5em}
.n{color:var(--muted);text-align:right;padding-right:.9rem;font-variant-numeric:tabular-nums;user-select:none;-webkit-user-select:none}
.t{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;-moz-tab-size:4;padding-right:1rem}
.l.hit{background:#fbfbf7}
mark{color:inherit;padding:0 1px;border-radius:2px}
mark a{color:inherit;text-decoration:none}
mark.error{background:var(--error-bg);border-bottom:3px solid var(--error)}
mark.warning{background:var(--warning-bg);border-bottom:3px dashed var(--warning)}
mark.info{background:var(--info-bg);border-bottom:3px dotted var(--info)}
mark.point::before{content:"\2038";font-weight:700}
.note{margin:.3rem 1rem .7rem 4.2rem;padding:.5rem .9rem;border-left:5px solid;background:var(--soft);border-radius:0 6px 6px 0}
.note.error{border-color:var(--error)}.note.warning{border-color:var(--warning)}.note.info{border-color:var(--info)}
.note p{margin:.25rem 0}.note .msg{font-weight:600}
.note code,.rules code,.fixed code{background:#ececec;padding:0 .25rem;border-radius:3px}
.change del{background:#ffdcd8;text-decoration:line-through}.change ins{background:#d5f5dc;text-decoration:none;border-bottom:2px solid #1e7b34}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.problems{border:2px solid var(--error);border-radius:6px;padding:.2rem 1rem;margin:1rem 0}
.fixed{background:#eaf6ec;border-radius:6px;padding:.4rem 1rem}
.rules section{margin-bottom:1.2rem}
footer{color:var(--muted);font-size:.9rem;border-top:1px solid var(--line);margin-top:3rem;padding-top:.8rem}
body:has(#show-error:not(:checked)) :is(.note.error,.toc .error){display:none}
body:has(#show-warning:not(:checked)) :is(.note.warning,.toc .warning){display:none}
body:has(#show-info:not(:checked)) :is(.note.info,.toc .info){display:none}
body:has(#show-error:not(:checked)) mark.error,body:has(#show-warning:not(:checked)) mark.warning,body:has(#show-info:not(:checked)) mark.info{background:none;border-bottom:none}
body:has(#only-hits:checked) .l:not(.hit){display:none}
@media (max-width:48rem){.wrap{padding:1rem}.l{grid-template-columns:2.8rem 1fr}.note{margin-left:1rem}dl.facts{grid-template-columns:1fr}}
@media print{
body{font-size:10.5pt}.wrap{max-width:none;padding:0}
.filter,.skip{display:none}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.note,tr,.l{break-inside:avoid}h2,h3{break-after:avoid}
.doc{border:none}
}
"#;

/// The page for one `proplint check`: `files` as checked, the catalogue they were checked
/// against, and the errors of files that could not be read.
pub fn render(files: &[FileResult], catalog: &Catalog, errors: &[String]) -> String {
    let counts = Counts::of(files);
    let size: usize = files.iter().map(|f| f.text.len()).sum();
    let mut out = String::with_capacity(size + size / 2 + 16 * 1024);
    let title = match files {
        [one] => format!("Proposal check: {}", one.path),
        _ => format!("Proposal check: {} documents", files.len()),
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"proplint ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("\">\n<title>");
    escape_into(&mut out, &title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#summary\">Skip to the summary</a>\n<div class=\"wrap\">\n");

    header(&mut out, files, catalog, errors, &counts);
    out.push_str("<main>\n");
    summary(&mut out, files, &counts);
    for (i, file) in files.iter().enumerate() {
        document(&mut out, i, file, catalog);
    }
    rules_explained(&mut out, files);
    out.push_str("</main>\n<footer>\n<p>Made by proplint ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str(
        ", which checks proposals against its catalogue of ITU conferences and resolutions. \
         Line numbers count the document's lines from 1. This page is self-contained: it \
         needs no connection, and can be printed or sent as it is.</p>\n</footer>\n",
    );
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

fn header(
    out: &mut String,
    files: &[FileResult],
    catalog: &Catalog,
    errors: &[String],
    counts: &Counts,
) {
    out.push_str("<header>\n<h1>Proposal check report</h1>\n<p class=\"lead\">");
    let documents = plural(files.len(), "document", "documents");
    if counts.total() == 0 {
        let _ = write!(out, "No problems found in {documents}.");
    } else {
        let _ = write!(
            out,
            "{} found in {documents}: {}, {} and {}.",
            plural(counts.total(), "problem", "problems"),
            plural(counts.errors, "error", "errors"),
            plural(counts.warnings, "warning", "warnings"),
            plural(counts.infos, "note", "notes"),
        );
        if counts.fixable > 0 {
            let _ = write!(
                out,
                " {} can be corrected automatically (see “Automatic fix” below each one).",
                if counts.fixable == 1 {
                    "One".to_string()
                } else {
                    format!("{} of them", counts.fixable)
                }
            );
        }
    }
    out.push_str("</p>\n<dl class=\"facts\">\n<dt>Documents checked</dt><dd><ul>\n");
    for (i, f) in files.iter().enumerate() {
        let _ = write!(out, "<li><a href=\"#{}\">", file_anchor(i));
        escape_into(out, &f.path);
        let _ = writeln!(
            out,
            "</a> — {}</li>",
            plural(f.analysis.diagnostics().len(), "problem", "problems")
        );
    }
    if files.is_empty() {
        out.push_str("<li>none</li>\n");
    }
    out.push_str("</ul></dd>\n<dt>Conference</dt><dd>");
    let targets: Vec<&Target> = files.iter().map(|f| &f.analysis.target).collect();
    let same = targets
        .windows(2)
        .all(|w| w[0].id == w[1].id && w[0].source == w[1].source);
    if let (true, Some(t)) = (same, targets.first()) {
        escape_into(out, &conference_words(t, catalog));
        out.push_str(" <span class=\"meta\">(");
        escape_into(out, source_words(t.source));
        out.push_str(")</span>");
    } else if files.is_empty() {
        out.push('—');
    } else {
        out.push_str("<ul>\n");
        for f in files {
            out.push_str("<li>");
            escape_into(out, &f.path);
            out.push_str(": ");
            escape_into(out, &conference_words(&f.analysis.target, catalog));
            out.push_str(" <span class=\"meta\">(");
            escape_into(out, source_words(f.analysis.target.source));
            out.push_str(")</span></li>\n");
        }
        out.push_str("</ul>");
    }
    out.push_str(
        "<br><span class=\"meta\">Citations are checked against the texts in force when this \
         conference met.</span></dd>\n<dt>Catalogue date</dt><dd>",
    );
    match catalog.as_of {
        Some(date) => {
            let _ = write!(
                out,
                "{date} <span class=\"meta\">(what proplint knows about ITU resolutions is \
                 up to date to this day; later decisions are unknown to it)</span>"
            );
        }
        None => out.push_str("not dated"),
    }
    out.push_str("</dd>\n</dl>\n");
    if !errors.is_empty() {
        out.push_str(
            "<section class=\"problems\" role=\"alert\">\n<h2>Files that could not be read</h2>\n<ul>\n",
        );
        for e in errors {
            out.push_str("<li>");
            escape_into(out, e);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</header>\n");
}

fn summary(out: &mut String, files: &[FileResult], counts: &Counts) {
    out.push_str("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n");
    // Per rule: errors, warnings, notes (severities may be configured per rule).
    let mut by_rule: BTreeMap<Rule, [usize; 3]> = BTreeMap::new();
    for d in files.iter().flat_map(|f| f.analysis.diagnostics()) {
        let row = by_rule.entry(d.rule).or_default();
        row[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    if by_rule.is_empty() {
        out.push_str("<p>Nothing to report: every rule passed.</p>\n");
    } else {
        out.push_str(
            "<table>\n<caption>Problems by rule and severity</caption>\n<thead><tr>\
             <th scope=\"col\">Rule</th><th scope=\"col\">What it means</th>\
             <th scope=\"col\" class=\"n\">Errors</th><th scope=\"col\" class=\"n\">Warnings</th>\
             <th scope=\"col\" class=\"n\">Notes</th><th scope=\"col\" class=\"n\">Total</th>\
             </tr></thead>\n<tbody>\n",
        );
        let mut rows: Vec<(Rule, [usize; 3])> = by_rule.into_iter().collect();
        rows.sort_by_key(|(rule, n)| (std::cmp::Reverse(*n), *rule));
        for (rule, n) in rows {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><a href=\"#rule-{code}\">{code}</a></th><td>{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td></tr>",
                escape(&rule.summary()),
                n[0],
                n[1],
                n[2],
                n[0] + n[1] + n[2],
                code = rule.code(),
            );
        }
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><th scope=\"row\">All rules</th><td></td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>",
            counts.errors,
            counts.warnings,
            counts.infos,
            counts.total()
        );
    }
    out.push_str(
        "<div class=\"legend\">\n\
         <span class=\"badge error\">Error</span><span>Certainly wrong: correct it before you submit the proposal.</span>\n\
         <span class=\"badge warning\">Warning</span><span>Very probably a mistake: check it, and correct it unless you meant it.</span>\n\
         <span class=\"badge info\">Note</span><span>proplint could not confirm this: check it by hand.</span>\n\
         </div>\n",
    );
    if !files.is_empty() {
        out.push_str(
            "<fieldset class=\"filter\">\n<legend>Show</legend>\n\
             <label><input type=\"checkbox\" id=\"show-error\" checked> Errors</label>\n\
             <label><input type=\"checkbox\" id=\"show-warning\" checked> Warnings</label>\n\
             <label><input type=\"checkbox\" id=\"show-info\" checked> Notes</label>\n\
             <label><input type=\"checkbox\" id=\"only-hits\"> Only the lines with a problem</label>\n\
             </fieldset>\n",
        );
    }
    out.push_str("</section>\n");
}

/// What is drawn on one line: the byte range of a finding on it (empty for a point).
struct Piece {
    start: usize,
    end: usize,
    diag: usize,
}

fn document(out: &mut String, fi: usize, file: &FileResult, catalog: &Catalog) {
    let text = file.text.as_str();
    let diags = file.analysis.diagnostics();
    let lang = file.analysis.language;
    let _ = write!(
        out,
        "<section class=\"file\" id=\"{}\" aria-labelledby=\"{}-title\">\n<h2 id=\"{}-title\">",
        file_anchor(fi),
        file_anchor(fi),
        file_anchor(fi)
    );
    escape_into(out, &file.path);
    out.push_str("</h2>\n<p class=\"meta\">");
    let _ = write!(out, "Language: {} · Conference: ", language_name(lang));
    escape_into(out, &conference_words(&file.analysis.target, catalog));
    out.push_str(" (");
    escape_into(out, source_words(file.analysis.target.source));
    let _ = writeln!(
        out,
        ") · {}</p>",
        plural(diags.len(), "problem", "problems")
    );

    if !file.fixed.is_empty() {
        let _ = write!(
            out,
            "<div class=\"fixed\"><p>proplint corrected {} in this file (<code>--fix</code>); \
             the text below is the corrected one:</p>\n<ul>\n",
            plural(file.fixed.len(), "problem", "problems")
        );
        for (rule, title) in &file.fixed {
            out.push_str("<li>");
            escape_into(out, title);
            let _ = writeln!(out, " <span class=\"meta\">({rule})</span></li>");
        }
        out.push_str("</ul></div>\n");
    }
    if !file.analysis.is_proposal() {
        out.push_str(
            "<p>This text does not look like a proposal (no MOD, ADD or SUP proposal and no \
             resolution heading was found), so its citations were not checked.</p>\n",
        );
    }

    // Where each finding is drawn: its part on every line it touches.
    let mut pieces: BTreeMap<usize, Vec<Piece>> = BTreeMap::new();
    let mut last_line = vec![0usize; diags.len()];
    for (di, d) in diags.iter().enumerate() {
        let span = clean_span(text, d.span);
        let first = file.index.line_of(span.start);
        let last = if span.is_empty() {
            first
        } else {
            file.index.line_of(span.end - 1)
        };
        let mut drawn = false;
        for line in first..=last {
            let Some(ls) = file.index.line_span(text, line) else {
                continue;
            };
            let (s, e) = (span.start.max(ls.start), span.end.min(ls.end));
            if s < e {
                pieces.entry(line).or_default().push(Piece {
                    start: s,
                    end: e,
                    diag: di,
                });
                drawn = true;
            }
        }
        if !drawn {
            // An insertion point, or a finding on a line break only: a caret where it starts.
            let at = file
                .index
                .line_span(text, first)
                .map_or(span.start, |ls| span.start.clamp(ls.start, ls.end));
            pieces.entry(first).or_default().push(Piece {
                start: at,
                end: at,
                diag: di,
            });
        }
        last_line[di] = last;
    }
    let mut notes_after: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (di, line) in last_line.iter().enumerate() {
        notes_after.entry(*line).or_default().push(di);
    }

    if !diags.is_empty() {
        out.push_str("<h3>Problems in this document</h3>\n<ol class=\"toc\">\n");
        for (di, d) in diags.iter().enumerate() {
            let (line, col) = file.line_col(d.span.start);
            let _ = write!(
                out,
                "<li class=\"{}\"><a href=\"#{}\">Line {line}, column {col}</a> \
                 <span class=\"badge {}\">{}</span> ",
                class(d.severity),
                note_anchor(fi, di),
                class(d.severity),
                label(d.severity)
            );
            escape_into(out, &d.message);
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }

    let _ = write!(
        out,
        "<h3>The document{}</h3>\n<div class=\"doc\" lang=\"{}\">\n",
        if diags.is_empty() {
            ""
        } else {
            ", with the problems marked"
        },
        lang.code()
    );
    for line in 0..file.index.line_count() {
        let Some(ls) = file.index.line_span(text, line) else {
            continue;
        };
        // The text has no last line when it ends with a line break.
        if line + 1 == file.index.line_count()
            && ls.is_empty()
            && line > 0
            && !pieces.contains_key(&line)
        {
            continue;
        }
        let here = pieces.get(&line);
        let number = line + 1;
        if here.is_some() {
            let _ = write!(
                out,
                "<div class=\"l hit\" id=\"{}-line-{number}\"><span class=\"n\">{number}</span><span class=\"t\">",
                file_anchor(fi)
            );
        } else {
            let _ = write!(
                out,
                "<div class=\"l\"><span class=\"n\">{number}</span><span class=\"t\">"
            );
        }
        match here {
            None => escape_into(out, &text[ls.start..ls.end]),
            Some(pieces) => draw_line(out, fi, text, ls, pieces, diags),
        }
        out.push_str("</span></div>\n");
        if let Some(list) = notes_after.get(&line) {
            for &di in list {
                note(out, fi, di, file, &diags[di]);
            }
        }
    }
    out.push_str("</div>\n</section>\n");
}

/// One line with its findings: the text cut where a finding starts or ends, each cut
/// covered by findings in a `<mark>` of the gravest severity among them.
fn draw_line(
    out: &mut String,
    fi: usize,
    text: &str,
    line: Span,
    pieces: &[Piece],
    diags: &[Diagnostic],
) {
    let mut cuts: Vec<usize> = vec![line.start, line.end];
    for p in pieces {
        cuts.push(p.start);
        cuts.push(p.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let points = |at: usize, out: &mut String| {
        for p in pieces.iter().filter(|p| p.start == p.end && p.start == at) {
            let d = &diags[p.diag];
            let _ = write!(
                out,
                "<mark class=\"{} point\" title=\"{}: {}\"><a href=\"#{}\"><span class=\"sr\">{} here</span></a></mark>",
                class(d.severity),
                label(d.severity),
                escape(&d.message),
                note_anchor(fi, p.diag),
                label(d.severity)
            );
        }
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        points(a, out);
        let covering: Vec<usize> = pieces
            .iter()
            .filter(|p| p.start < p.end && p.start <= a && b <= p.end)
            .map(|p| p.diag)
            .collect();
        let segment = &text[a..b];
        if covering.is_empty() {
            escape_into(out, segment);
            continue;
        }
        let gravest = covering
            .iter()
            .map(|&di| diags[di].severity)
            .max()
            .unwrap_or(Severity::Info);
        let mut tip = String::new();
        for (k, &di) in covering.iter().enumerate() {
            if k > 0 {
                tip.push_str(" | ");
            }
            let d = &diags[di];
            tip.push_str(label(d.severity));
            tip.push_str(": ");
            tip.push_str(&d.message);
        }
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{}\"><a href=\"#{}\">",
            class(gravest),
            escape(&tip),
            note_anchor(fi, covering[0])
        );
        escape_into(out, segment);
        out.push_str("</a></mark>");
    }
    if cuts.len() == 1 {
        points(line.start, out);
    } else {
        points(line.end, out);
    }
}

/// The changes of a fix a note shows.
const MAX_EDITS_SHOWN: usize = 3;

fn note(out: &mut String, fi: usize, di: usize, file: &FileResult, d: &Diagnostic) {
    let (line, col) = file.line_col(d.span.start);
    let lang = file.analysis.language.code();
    let _ = write!(
        out,
        "<aside class=\"note {sev}\" id=\"{id}\" aria-label=\"Problem {n}\">\n\
         <p><span class=\"badge {sev}\">{label}</span> <span class=\"meta\">Problem {n} · line {line}, column {col} · rule \
         <a href=\"#rule-{code}\">{code}</a></span></p>\n<p class=\"msg\">",
        sev = class(d.severity),
        id = note_anchor(fi, di),
        n = di + 1,
        label = label(d.severity),
        code = d.rule.code(),
    );
    escape_into(out, &d.message);
    out.push_str("</p>\n");
    if let Some(why) = doc_paragraph(d.rule.doc(), "Why it matters") {
        let _ = writeln!(
            out,
            "<p><strong>Why it matters:</strong> {}</p>",
            inline_markdown(&why)
        );
    }
    if d.fixes.is_empty() {
        out.push_str(
            "<p><strong>What to do:</strong> there is no automatic fix; only the author \
             can tell what was meant.</p>\n",
        );
    }
    for fix in &d.fixes {
        match fix.applicability {
            Applicability::Safe => out.push_str(
                "<p><strong>Automatic fix</strong> (certainly right: \
                 <code>proplint check --fix</code> applies it): ",
            ),
            Applicability::Unsafe => out.push_str(
                "<p><strong>Suggested fix</strong> (probably right, check it first: \
                 <code>proplint check --fix --unsafe-fixes</code> applies it): ",
            ),
        }
        escape_into(out, &fix.title);
        // A renumbering fix can change every later proposal: show the first changes only,
        // so that a long document's page grows with its length, not its square.
        for edit in fix.edits.iter().take(MAX_EDITS_SHOWN) {
            let span = clean_span(&file.text, edit.span);
            let old = shorten(&file.text[span.start..span.end], 160);
            let new = shorten(&edit.new_text, 160);
            let _ = write!(out, "<br><span class=\"change\" lang=\"{lang}\">");
            match (old.is_empty(), new.is_empty()) {
                (true, _) => {
                    out.push_str("insert <ins>");
                    escape_into(out, &new);
                    out.push_str("</ins>");
                }
                (false, true) => {
                    out.push_str("delete <del>");
                    escape_into(out, &old);
                    out.push_str("</del>");
                }
                (false, false) => {
                    out.push_str("<del>");
                    escape_into(out, &old);
                    out.push_str("</del> → <ins>");
                    escape_into(out, &new);
                    out.push_str("</ins>");
                }
            }
            out.push_str("</span>");
        }
        if fix.edits.len() > MAX_EDITS_SHOWN {
            let _ = write!(
                out,
                "<br>… and {} more changes of the same kind",
                fix.edits.len() - MAX_EDITS_SHOWN
            );
        }
        out.push_str("</p>\n");
    }
    out.push_str("</aside>\n");
}

fn rules_explained(out: &mut String, files: &[FileResult]) {
    let mut fired: Vec<Rule> = files
        .iter()
        .flat_map(|f| f.analysis.diagnostics().iter().map(|d| d.rule))
        .collect();
    fired.sort_unstable();
    fired.dedup();
    if fired.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"rules\" aria-labelledby=\"rules\">\n<h2 id=\"rules\">The rules in this report</h2>\n",
    );
    for rule in fired {
        let doc = rule.doc();
        let _ = write!(
            out,
            "<section id=\"rule-{code}\">\n<h3>{code}</h3>\n<p>{}</p>\n",
            escape(&rule.summary()),
            code = rule.code()
        );
        if let Some(what) = doc_paragraph(doc, "What it checks") {
            let _ = writeln!(
                out,
                "<p><strong>What it checks:</strong> {}</p>",
                inline_markdown(&what)
            );
        }
        if let Some(why) = doc_paragraph(doc, "Why it matters") {
            let _ = writeln!(
                out,
                "<p><strong>Why it matters:</strong> {}</p>",
                inline_markdown(&why)
            );
        }
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">The full explanation of {} (online)</a></p>\n</section>",
            escape(&rule.doc_url()),
            rule.code()
        );
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_page_says_why_it_matters() {
        for rule in Rule::ALL {
            let why = doc_paragraph(rule.doc(), "Why it matters");
            assert!(
                why.as_deref().is_some_and(|w| w.len() > 20),
                "{rule}: no paragraph under \"Why it matters\""
            );
            assert!(
                doc_paragraph(rule.doc(), "What it checks").is_some(),
                "{rule}"
            );
            assert!(
                doc_section(rule.doc(), "What it checks").is_some(),
                "{rule}"
            );
        }
    }

    #[test]
    fn escaping_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape("<script>alert('x\"&')</script>\r"),
            "&lt;script&gt;alert(&#39;x&quot;&amp;&#39;)&lt;/script&gt;\u{240d}"
        );
        assert_eq!(escape("a\tb"), "a\tb");
    }

    #[test]
    fn inline_markdown_escapes_and_styles() {
        assert_eq!(
            inline_markdown("`с)` is **not** `c)` <b>"),
            "<code>с)</code> is <strong>not</strong> <code>c)</code> &lt;b&gt;"
        );
        assert_eq!(inline_markdown("2 * 3 and `x"), "2 * 3 and `x");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("Dubaï, 2014", 5), "Dubaï…");
        assert_eq!(shorten("abc", 5), "abc");
    }
}
