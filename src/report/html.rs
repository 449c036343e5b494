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
use crate::lang::l10n::{tr, tr0, Args};
use crate::lang::messages::{join_and, PageSection};
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
fn label(lang: Lang, severity: Severity) -> String {
    tr0(
        lang,
        match severity {
            Severity::Error => "html-sev-error",
            Severity::Warning => "html-sev-warning",
            Severity::Info => "html-sev-info",
        },
    )
}

/// "no problems", "1 problem", "3 problems": `id` is one of the `html-n-*` messages.
fn count(lang: Lang, id: &str, n: usize) -> String {
    tr(lang, id, &Args::new().n("count", n))
}

fn language_name(report: Lang, lang: Lang) -> String {
    tr(report, "lang-name", &Args::new().s("code", lang.code()))
}

fn source_words(lang: Lang, source: TargetSource) -> String {
    let key = match source {
        TargetSource::Option => "option",
        TargetSource::ConferenceLine => "conference-line",
        TargetSource::Heading => "heading",
        TargetSource::Header => "header",
        TargetSource::Catalogue => "catalogue",
    };
    tr(lang, "html-source", &Args::new().s("source", key))
}

/// "WTDC-22 — World Telecommunication Development Conference, Kigali, 2022", or the
/// catalogue's newest state.
fn conference_words(target: &Target, catalog: &Catalog, lang: Lang) -> String {
    match &target.id {
        Some(id) => match catalog.conference(id) {
            Some(c) => {
                let body = catalog
                    .body(&c.body)
                    .and_then(|b| b.name.get(lang))
                    .unwrap_or(&c.body);
                tr(
                    lang,
                    "html-conference-words",
                    &Args::new()
                        .s("id", catalog.conference_id_in(id, lang))
                        .s("body", body)
                        .s("place_year", c.place_year(lang)),
                )
            }
            None => id.clone(),
        },
        None => tr(
            lang,
            "html-no-conference",
            &Args::new().s("date", target.date.to_string()),
        ),
    }
}

/// What a page in a right-to-left or a CJK language adds to [`CSS`]: the sides of
/// notes and numbers flipped, and fonts that have the script. Nothing for the Latin
/// languages, whose pages stay as they are.
fn script_css(code: &str) -> String {
    let mut css = String::new();
    if crate::lang::language::direction_of(code) == crate::lang::language::Direction::Rtl {
        css.push_str(
            "\n[dir=rtl] .n{text-align:left;padding-right:0;padding-left:.9rem}\
             \n[dir=rtl] .t{padding-right:0;padding-left:1rem}\
             \n[dir=rtl] .note{margin:.3rem 4.2rem .7rem 1rem;border-left:none;border-right:5px solid;border-radius:6px 0 0 6px}\
             \n[dir=rtl] caption,[dir=rtl] th,[dir=rtl] td{text-align:right}\
             \n[dir=rtl] dl.facts ul,[dir=rtl] ol.toc{padding-left:0;padding-right:1.4rem}\n",
        );
    }
    if matches!(code, "zh" | "ja" | "ko") {
        // CJK text breaks between any two characters and needs fonts that have it.
        css.push_str(
            "\nbody{font-family:system-ui,\"Noto Sans CJK SC\",\"Source Han Sans\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif}\
             \n.t{word-break:normal;line-break:strict}\n",
        );
    }
    css
}

/// ` dir="rtl"` for a right-to-left language, from the language's data; nothing for
/// left to right, the HTML default.
fn dir_attr(lang: Lang) -> String {
    dir_attr_of(lang.code())
}

fn dir_attr_of(code: &str) -> String {
    match crate::lang::language::direction_of(code) {
        crate::lang::language::Direction::Ltr => String::new(),
        d => format!(" dir=\"{}\"", d.html()),
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
    let lang = super::language_of(files);
    let size: usize = files.iter().map(|f| f.text.len()).sum();
    let mut out = String::with_capacity(size + size / 2 + 16 * 1024);
    let title = match files {
        [one] => tr(
            lang,
            "html-title-one",
            &Args::new().s("path", one.path.as_str()),
        ),
        _ => tr(
            lang,
            "html-title-many",
            &Args::new().n("count", files.len()),
        ),
    };
    // The page's language and direction are the report's: a right-to-left language
    // lays the whole page out from the right; each document keeps its own.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"{}>\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code(),
        dir_attr(lang)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"proplint ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("\">\n<title>");
    escape_into(&mut out, &title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str(&script_css(lang.code()));
    let _ = write!(
        out,
        "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#summary\">{}</a>\n<div class=\"wrap\">\n",
        escape(&tr0(lang, "html-skip"))
    );

    header(&mut out, files, catalog, errors, &counts, lang);
    out.push_str("<main>\n");
    summary(&mut out, files, &counts, lang);
    for (i, file) in files.iter().enumerate() {
        document(&mut out, i, file, catalog);
    }
    rules_explained(&mut out, files, lang);
    let footer = tr(
        lang,
        "html-footer",
        &Args::new().s("version", env!("CARGO_PKG_VERSION")),
    );
    // The resources' own sentences hold no markup to escape; the version is ours too.
    let _ = write!(out, "</main>\n<footer>\n<p>{footer}</p>\n</footer>\n");
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

fn header(
    out: &mut String,
    files: &[FileResult],
    catalog: &Catalog,
    errors: &[String],
    counts: &Counts,
    lang: Lang,
) {
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"lead\">",
        escape(&tr0(lang, "html-heading"))
    );
    let documents = count(lang, "html-n-documents", files.len());
    if counts.total() == 0 {
        let args = Args::new().s("documents", documents);
        escape_into(out, &tr(lang, "html-none-found", &args));
    } else {
        let args = Args::new()
            .s("documents", documents)
            .s("problems", count(lang, "html-n-problems", counts.total()))
            .s("errors", count(lang, "html-n-errors", counts.errors))
            .s("warnings", count(lang, "html-n-warnings", counts.warnings))
            .s("notes", count(lang, "html-n-notes", counts.infos));
        escape_into(out, &tr(lang, "html-found", &args));
        if counts.fixable > 0 {
            out.push(' ');
            escape_into(out, &count(lang, "html-fixable", counts.fixable));
        }
    }
    let _ = write!(
        out,
        "</p>\n<dl class=\"facts\">\n<dt>{}</dt><dd><ul>\n",
        escape(&tr0(lang, "html-documents-checked"))
    );
    for (i, f) in files.iter().enumerate() {
        let _ = write!(out, "<li><a href=\"#{}\">", file_anchor(i));
        escape_into(out, &f.path);
        let _ = writeln!(
            out,
            "</a> — {}</li>",
            escape(&count(lang, "html-n-problems", f.diagnostics().len()))
        );
    }
    if files.is_empty() {
        let _ = writeln!(out, "<li>{}</li>", escape(&tr0(lang, "html-none")));
    }
    let _ = write!(
        out,
        "</ul></dd>\n<dt>{}</dt><dd>",
        escape(&tr0(lang, "html-conference"))
    );
    let targets: Vec<&Target> = files.iter().map(|f| &f.analysis.target).collect();
    let same = targets
        .windows(2)
        .all(|w| w[0].id == w[1].id && w[0].source == w[1].source);
    if let (true, Some(t)) = (same, targets.first()) {
        escape_into(out, &conference_words(t, catalog, lang));
        out.push_str(" <span class=\"meta\">(");
        escape_into(out, &source_words(lang, t.source));
        out.push_str(")</span>");
    } else if files.is_empty() {
        out.push('—');
    } else {
        out.push_str("<ul>\n");
        for f in files {
            out.push_str("<li>");
            escape_into(out, &f.path);
            out.push_str(": ");
            escape_into(out, &conference_words(&f.analysis.target, catalog, lang));
            out.push_str(" <span class=\"meta\">(");
            escape_into(out, &source_words(lang, f.analysis.target.source));
            out.push_str(")</span></li>\n");
        }
        out.push_str("</ul>");
    }
    let _ = write!(
        out,
        "<br><span class=\"meta\">{}</span></dd>\n<dt>{}</dt><dd>",
        tr0(lang, "html-checked-against"),
        escape(&tr0(lang, "html-catalogue-date"))
    );
    match catalog.as_of {
        Some(date) => {
            let _ = write!(
                out,
                "{date} <span class=\"meta\">{}</span>",
                tr0(lang, "html-catalogue-date-note")
            );
        }
        None => escape_into(out, &tr0(lang, "html-not-dated")),
    }
    out.push_str("</dd>\n</dl>\n");
    if !errors.is_empty() {
        let _ = write!(
            out,
            "<section class=\"problems\" role=\"alert\">\n<h2>{}</h2>\n<ul>\n",
            escape(&tr0(lang, "html-unreadable"))
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

fn summary(out: &mut String, files: &[FileResult], counts: &Counts, lang: Lang) {
    let t = |id: &str| escape(&tr0(lang, id));
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">{}</h2>",
        t("html-summary")
    );
    // Per rule: errors, warnings, notes (severities may be configured per rule).
    let mut by_rule: BTreeMap<Rule, [usize; 3]> = BTreeMap::new();
    for d in files.iter().flat_map(FileResult::diagnostics) {
        let row = by_rule.entry(d.rule).or_default();
        row[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    if by_rule.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t("html-all-passed"));
    } else {
        let _ = write!(
            out,
            "<table>\n<caption>{}</caption>\n<thead><tr>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
             <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
             </tr></thead>\n<tbody>\n",
            t("html-table-caption"),
            t("html-col-rule"),
            t("html-col-meaning"),
            t("html-col-errors"),
            t("html-col-warnings"),
            t("html-col-notes"),
            t("html-col-total"),
        );
        let mut rows: Vec<(Rule, [usize; 3])> = by_rule.into_iter().collect();
        rows.sort_by_key(|(rule, n)| (std::cmp::Reverse(*n), *rule));
        for (rule, n) in rows {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><a href=\"#rule-{code}\">{code}</a></th><td>{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td></tr>",
                escape(&rule.summary_in(lang)),
                n[0],
                n[1],
                n[2],
                n[0] + n[1] + n[2],
                code = rule.code(),
            );
        }
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th><td></td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>",
            t("html-all-rules"),
            counts.errors,
            counts.warnings,
            counts.infos,
            counts.total()
        );
    }
    out.push_str("<div class=\"legend\">\n");
    for (class, badge, meaning) in [
        ("error", "html-sev-error", "html-legend-error"),
        ("warning", "html-sev-warning", "html-legend-warning"),
        ("info", "html-sev-info", "html-legend-info"),
    ] {
        let _ = writeln!(
            out,
            "<span class=\"badge {class}\">{}</span><span>{}</span>",
            t(badge),
            t(meaning)
        );
    }
    out.push_str("</div>\n");
    if !files.is_empty() {
        let _ = write!(
            out,
            "<fieldset class=\"filter\">\n<legend>{}</legend>\n\
             <label><input type=\"checkbox\" id=\"show-error\" checked> {}</label>\n\
             <label><input type=\"checkbox\" id=\"show-warning\" checked> {}</label>\n\
             <label><input type=\"checkbox\" id=\"show-info\" checked> {}</label>\n\
             <label><input type=\"checkbox\" id=\"only-hits\"> {}</label>\n\
             </fieldset>\n",
            t("html-show"),
            t("html-col-errors"),
            t("html-col-warnings"),
            t("html-col-notes"),
            t("html-only-hits"),
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
    let diags = file.diagnostics();
    let lang = file.analysis.language;
    // The words around the document are in the language of its messages.
    let words = file.analysis.messages;
    let t = |id: &str| escape(&tr0(words, id));
    let _ = write!(
        out,
        "<section class=\"file\" id=\"{}\" aria-labelledby=\"{}-title\">\n<h2 id=\"{}-title\">",
        file_anchor(fi),
        file_anchor(fi),
        file_anchor(fi)
    );
    escape_into(out, &file.path);
    out.push_str("</h2>\n<p class=\"meta\">");
    let meta = Args::new()
        .s("language", language_name(words, lang))
        .s(
            "conference",
            conference_words(&file.analysis.target, catalog, words),
        )
        .s("source", source_words(words, file.analysis.target.source))
        .s("problems", count(words, "html-n-problems", diags.len()));
    escape_into(out, &tr(words, "html-doc-meta", &meta));
    out.push_str("</p>\n");
    if !file.uncatalogued.is_empty() {
        out.push_str("<p class=\"meta uncatalogued\">");
        escape_into(
            out,
            &tr(
                words,
                "html-uncatalogued",
                &Args::new()
                    .n("count", file.uncatalogued_words.len())
                    .s("conferences", join_and(words, &file.uncatalogued_words)),
            ),
        );
        out.push_str("</p>\n");
    }
    if !file.fixed.is_empty() {
        let problems = escape(&count(words, "html-n-problems", file.fixed.len()));
        let _ = write!(
            out,
            "<div class=\"fixed\"><p>{}</p>\n<ul>\n",
            tr(words, "html-fixed", &Args::new().s("problems", problems))
        );
        for (rule, title) in &file.fixed {
            out.push_str("<li>");
            escape_into(out, title);
            let _ = writeln!(out, " <span class=\"meta\">({rule})</span></li>");
        }
        out.push_str("</ul></div>\n");
    }
    if !file.analysis.is_proposal() {
        let _ = writeln!(out, "<p>{}</p>", tr0(words, "html-not-proposal"));
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
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ol class=\"toc\">",
            t("html-problems-here")
        );
        for (di, d) in diags.iter().enumerate() {
            let (line, col) = file.line_col(d.span.start);
            let _ = write!(
                out,
                "<li class=\"{}\"><a href=\"#{}\">{}</a> \
                 <span class=\"badge {}\">{}</span> ",
                class(d.severity),
                note_anchor(fi, di),
                escape(&tr(
                    words,
                    "html-line-col",
                    &Args::new().n("line", line).n("col", col)
                )),
                class(d.severity),
                escape(&label(words, d.severity))
            );
            escape_into(out, &d.message);
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }

    let _ = write!(
        out,
        "<h3>{}</h3>\n<div class=\"doc\" lang=\"{}\"{}>\n",
        if diags.is_empty() {
            t("html-the-document")
        } else {
            t("html-the-document-marked")
        },
        lang.code(),
        dir_attr(lang)
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
            Some(pieces) => draw_line(out, fi, text, ls, pieces, diags, words),
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

/// "Warning: message", the tooltip of a marked finding.
fn tip(lang: Lang, d: &Diagnostic) -> String {
    let args = Args::new()
        .s("severity", label(lang, d.severity))
        .s("message", d.message.as_str());
    tr(lang, "html-tip", &args)
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
    words: Lang,
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
                "<mark class=\"{} point\" title=\"{}\"><a href=\"#{}\"><span class=\"sr\">{}</span></a></mark>",
                class(d.severity),
                escape(&tip(words, d)),
                note_anchor(fi, p.diag),
                escape(&tr(
                    words,
                    "html-here",
                    &Args::new().s("severity", label(words, d.severity))
                ))
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
            tip.push_str(&self::tip(words, &diags[di]));
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
    let words = file.analysis.messages;
    let t = |id: &str| escape(&tr0(words, id));
    let n = di + 1;
    let _ = write!(
        out,
        "<aside class=\"note {sev}\" id=\"{id}\" aria-label=\"{problem}\">\n\
         <p><span class=\"badge {sev}\">{label}</span> <span class=\"meta\">{meta} \
         <a href=\"#rule-{code}\">{code}</a></span></p>\n<p class=\"msg\">",
        sev = class(d.severity),
        id = note_anchor(fi, di),
        problem = escape(&tr(words, "html-problem-n", &Args::new().n("n", n))),
        label = escape(&label(words, d.severity)),
        meta = escape(&tr(
            words,
            "html-note-meta",
            &Args::new().n("n", n).n("line", line).n("col", col)
        )),
        code = d.rule.code(),
    );
    escape_into(out, &d.message);
    out.push_str("</p>\n");
    let why = PageSection::WhyItMatters.heading(words);
    if let Some(why) = doc_paragraph(d.rule.doc_in(words), &why) {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong> {}</p>",
            t("html-why"),
            inline_markdown(&why)
        );
    }
    if d.fixes.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong> {}</p>",
            t("html-what-to-do"),
            tr0(words, "html-no-fix")
        );
    }
    // A Word file is corrected in Word: the page says what to change there, and names
    // no command (proplint does not rewrite Word files).
    let word = file.format() == crate::input::Format::Word;
    for fix in &d.fixes {
        let id = match (fix.applicability, word) {
            (Applicability::Safe, false) => "html-fix-safe",
            (Applicability::Unsafe, false) => "html-fix-unsafe",
            (Applicability::Safe, true) => "html-fix-word-safe",
            (Applicability::Unsafe, true) => "html-fix-word-unsafe",
        };
        let _ = write!(out, "<p>{} ", tr0(words, id));
        escape_into(out, &fix.title);
        // A renumbering fix can change every later proposal: show the first changes only,
        // so that a long document's page grows with its length, not its square.
        for edit in fix.edits.iter().take(MAX_EDITS_SHOWN) {
            let span = clean_span(&file.text, edit.span);
            let old = shorten(&file.text[span.start..span.end], 160);
            let new = shorten(&edit.new_text, 160);
            let _ = write!(
                out,
                "<br><span class=\"change\" lang=\"{lang}\"{}>",
                dir_attr(file.analysis.language)
            );
            change_words(out, &old, &new, words);
            out.push_str("</span>");
        }
        if fix.edits.len() > MAX_EDITS_SHOWN {
            out.push_str("<br>");
            escape_into(
                out,
                &tr(
                    words,
                    "html-more-changes",
                    &Args::new().n("count", fix.edits.len() - MAX_EDITS_SHOWN),
                ),
            );
        }
        out.push_str("</p>\n");
    }
    out.push_str("</aside>\n");
}

/// One change of a fix, in words: the old text struck, the new text inserted. A fix
/// to a text with revision marks writes its change as marks (`{~~old~>new~~}`); the
/// page shows what they mean, never the marks themselves.
fn change_words(out: &mut String, old: &str, new: &str, words: Lang) {
    if let Some(parts) = revision_parts(new) {
        for part in parts {
            match part {
                Part::Text(text) => escape_into(out, text),
                Part::Deleted(text) => {
                    out.push_str("<del>");
                    escape_into(out, text);
                    out.push_str("</del>");
                }
                Part::Inserted(text) => {
                    out.push_str("<ins>");
                    escape_into(out, text);
                    out.push_str("</ins>");
                }
                Part::Replaced(a, b) => {
                    out.push_str("<del>");
                    escape_into(out, a);
                    out.push_str("</del> → <ins>");
                    escape_into(out, b);
                    out.push_str("</ins>");
                }
            }
        }
        return;
    }
    match (old.is_empty(), new.is_empty()) {
        (true, _) => {
            escape_into(out, &tr0(words, "html-insert"));
            out.push_str(" <ins>");
            escape_into(out, new);
            out.push_str("</ins>");
        }
        (false, true) => {
            escape_into(out, &tr0(words, "html-delete"));
            out.push_str(" <del>");
            escape_into(out, old);
            out.push_str("</del>");
        }
        (false, false) => {
            out.push_str("<del>");
            escape_into(out, old);
            out.push_str("</del> → <ins>");
            escape_into(out, new);
            out.push_str("</ins>");
        }
    }
}

enum Part<'a> {
    Text(&'a str),
    Deleted(&'a str),
    Inserted(&'a str),
    Replaced(&'a str, &'a str),
}

/// A fix's new text cut into plain text and revision marks; `None` when it has no mark
/// (or a mark left open, which is then shown as it is).
fn revision_parts(text: &str) -> Option<Vec<Part<'_>>> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{']) {
        let after = &rest[i..];
        let (open, close) = if after.starts_with("{~~") {
            ("{~~", "~~}")
        } else if after.starts_with("{++") {
            ("{++", "++}")
        } else if after.starts_with("{--") {
            ("{--", "--}")
        } else {
            parts.push(Part::Text(&rest[..i + 1]));
            rest = &rest[i + 1..];
            continue;
        };
        let inner = &after[open.len()..];
        let end = inner.find(close)?;
        if i > 0 {
            parts.push(Part::Text(&rest[..i]));
        }
        let body = &inner[..end];
        parts.push(match open {
            "{~~" => match body.split_once("~>") {
                Some((a, b)) => Part::Replaced(a, b),
                None => Part::Inserted(body),
            },
            "{++" => Part::Inserted(body),
            _ => Part::Deleted(body),
        });
        rest = &inner[end + close.len()..];
    }
    if parts.iter().all(|p| matches!(p, Part::Text(_))) {
        return None;
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest));
    }
    Some(parts)
}

fn rules_explained(out: &mut String, files: &[FileResult], lang: Lang) {
    let mut fired: Vec<Rule> = files
        .iter()
        .flat_map(|f| f.diagnostics().iter().map(|d| d.rule))
        .collect();
    fired.sort_unstable();
    fired.dedup();
    if fired.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"rules\" aria-labelledby=\"rules\">\n<h2 id=\"rules\">{}</h2>",
        escape(&tr0(lang, "html-rules-heading"))
    );
    for rule in fired {
        let doc = rule.doc_in(lang);
        let _ = write!(
            out,
            "<section id=\"rule-{code}\">\n<h3>{code}</h3>\n<p>{}</p>\n",
            escape(&rule.summary_in(lang)),
            code = rule.code()
        );
        let sections = [
            (PageSection::WhatItChecks, "html-what-checks"),
            (PageSection::WhyItMatters, "html-why"),
        ];
        for (section, label) in sections {
            if let Some(text) = doc_paragraph(doc, &section.heading(lang)) {
                let _ = writeln!(
                    out,
                    "<p><strong>{}</strong> {}</p>",
                    escape(&tr0(lang, label)),
                    inline_markdown(&text)
                );
            }
        }
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">{}</a></p>\n</section>",
            escape(&rule.doc_url_in(lang)),
            escape(&tr(
                lang,
                "html-full-explanation",
                &Args::new().s("code", rule.code())
            ))
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
    fn right_to_left_and_cjk_pages_get_their_layout() {
        assert_eq!(dir_attr_of("ar"), " dir=\"rtl\"");
        assert_eq!(dir_attr_of("fr"), "");
        assert!(script_css("ar").contains("[dir=rtl] .note"));
        assert!(script_css("zh").contains("CJK"));
        assert!(script_css("en").is_empty() && script_css("es").is_empty());
    }

    #[test]
    fn fixes_are_shown_as_words_not_marks() {
        let mut out = String::new();
        change_words(
            &mut out,
            "Dubaï, 2014",
            "{~~Dubaï, 2014~>Buenos Aires, 2017~~}",
            Lang::Fr,
        );
        assert_eq!(
            out,
            "<del>Dubaï, 2014</del> → <ins>Buenos Aires, 2017</ins>"
        );
        let mut out = String::new();
        change_words(&mut out, "", "b{++)++} texte", Lang::Fr);
        assert_eq!(out, "b<ins>)</ins> texte");
        let mut out = String::new();
        change_words(&mut out, "", "Motifs:", Lang::Fr);
        assert_eq!(out, "insérer <ins>Motifs:</ins>");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("Dubaï, 2014", 5), "Dubaï…");
        assert_eq!(shorten("abc", 5), "abc");
    }
}
