//! `proplint catalog …`: teach proplint from official texts (`build`), and say what it
//! knows (`status`, `show`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::base::fold::fold;
use crate::base::Date;
use crate::catalog::build::{self, FileOutcome};
use crate::catalog::status::{today, Knowledge};
use crate::catalog::{Action, Catalog, Confidence, EMBEDDED_ORIGIN};
use crate::engine::config::Config;
use crate::engine::learn::Evidence;
use crate::input::blocks::read_blocks;
use crate::input::Format as InputFormat;
use crate::lang::l10n::{tr, tr0, Args as Words};
use crate::lang::lexicon::BODY_ABBREVIATIONS;
use crate::lang::official::report;
use crate::lang::Lang;

#[derive(Args)]
pub struct CatalogArgs {
    #[command(subcommand)]
    command: CatalogCommand,
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Read official texts (Final Acts, final reports, tables of contents, lists of
    /// resolutions; .xml Akoma Ntoso, .html, .docx, .txt) into a catalogue file.
    Build(BuildArgs),
    /// Collect the evidence of citations in ordinary documents (proposals, contributions,
    /// reports: .txt, .md, .docx, folders walked) into a catalogue file.
    Learn {
        /// Folders or files to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the catalogue file here (default: standard output).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Per body and conference, what is known of its outcome (complete list, partial,
    /// unknown) and from which catalogue file.
    Status {
        #[command(flatten)]
        view: ViewArgs,
        #[command(flatten)]
        speak: SpeakArgs,
    },
    /// One resolution's history with its sources, e.g. `proplint catalog show PP 130`.
    Show {
        /// The body: PP, WTDC, WTSA, RA, WRC (or CMDT, AMNT, AR, CMR).
        body: String,
        /// The resolution's number.
        number: u32,
        #[command(flatten)]
        view: ViewArgs,
        #[command(flatten)]
        speak: SpeakArgs,
    },
}

#[derive(Args)]
struct ViewArgs {
    /// Catalogue files to merge into the embedded one (as `check --catalog` does).
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
    /// Ignore any proplint.toml (whose `catalog = [...]` is otherwise read).
    #[arg(long)]
    no_config: bool,
}

/// `--lang` of `status` and `show`.
#[derive(Args)]
struct SpeakArgs {
    /// en, fr or es: the language of the report (default: `lang` in proplint.toml, else
    /// the user's locale, else English).
    #[arg(long, value_name = "LANG", value_parser = crate::engine::config::parse_lang)]
    lang: Option<Lang>,
}

#[derive(Args)]
struct BuildArgs {
    /// The official texts to read.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Write the catalogue file here (default: standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The conference the texts are the outcome of, when they do not say (e.g. WTDC-25).
    #[arg(long, value_name = "ID")]
    conference: Option<String>,
    /// Catalogue files to read on top of the embedded one (places, conferences).
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
}

pub fn run(args: CatalogArgs) -> i32 {
    match args.command {
        CatalogCommand::Build(args) => build_command(args),
        CatalogCommand::Learn {
            paths,
            output,
            view,
        } => match view_catalog(&view, None) {
            Ok((catalog, _, _)) => learn_command(&paths, output.as_deref(), &catalog),
            Err(code) => code,
        },
        CatalogCommand::Status { view, speak } => match view_catalog(&view, speak.lang) {
            Ok((catalog, files, lang)) => {
                print!("{}", status_text(&catalog, &files, today(), lang));
                0
            }
            Err(code) => code,
        },
        CatalogCommand::Show {
            body,
            number,
            view,
            speak,
        } => {
            let lang = view_lang(speak.lang, None);
            let Some(body_id) = body_of(&body) else {
                let message = tr(lang, "catalog-unknown-body", &Words::new().s("body", body));
                eprintln!(
                    "{}",
                    tr(lang, "cli-error", &Words::new().s("message", message))
                );
                return 2;
            };
            match view_catalog(&view, speak.lang) {
                Ok((catalog, _, lang)) => match show_text(&catalog, body_id, number, today(), lang)
                {
                    Some(text) => {
                        print!("{text}");
                        0
                    }
                    None => {
                        let args = Words::new()
                            .s("body", body_id)
                            .s("number", number.to_string());
                        let message = tr(lang, "catalog-no-record", &args);
                        eprintln!(
                            "{}",
                            tr(lang, "cli-error", &Words::new().s("message", message))
                        );
                        1
                    }
                },
                Err(code) => code,
            }
        }
    }
}

/// The language `status` and `show` write in: `--lang`, else `lang` in proplint.toml,
/// else the user's locale, else English (as `check` says its own words).
fn view_lang(option: Option<Lang>, config: Option<Lang>) -> Lang {
    option
        .or(config)
        .or_else(super::locale_lang)
        .unwrap_or(Lang::En)
}

/// The catalogue `status` and `show` describe: the embedded one, the project's files
/// (`catalog = [...]` of the nearest proplint.toml) and `--catalog` files; the names of
/// its files, and the language to describe it in.
fn view_catalog(
    view: &ViewArgs,
    option: Option<Lang>,
) -> Result<(Cow<'static, Catalog>, Vec<String>, Lang), i32> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut config_lang = None;
    if !view.no_config {
        if let Some(path) = Config::find(Path::new(".")) {
            match Config::load(&path) {
                Ok(config) => {
                    files.extend(config.catalog.iter().cloned());
                    config_lang = config.lang;
                }
                Err(e) => {
                    let lang = view_lang(option, None);
                    let message = e.describe_in(lang);
                    eprintln!(
                        "{}",
                        tr(lang, "cli-error", &Words::new().s("message", message))
                    );
                    return Err(2);
                }
            }
        }
    }
    let lang = view_lang(option, config_lang);
    files.extend(view.catalogs.iter().cloned());
    let catalog = load_catalog(&files, lang)?;
    let mut names = vec![tr0(lang, "catalog-embedded")];
    names.extend(files.iter().map(|f| f.display().to_string()));
    Ok((catalog, names, lang))
}

fn body_of(word: &str) -> Option<&'static str> {
    let folded = fold(word);
    BODY_ABBREVIATIONS
        .iter()
        .find(|(w, _)| *w == folded)
        .and_then(|(_, b)| build::body_id(*b))
}

/// The text of `proplint catalog status`, in `lang`.
pub fn status_text(catalog: &Catalog, files: &[String], today: Date, lang: Lang) -> String {
    let mut out = String::new();
    let args = Words::new()
        .s("date", today.to_string())
        .s("origins", files.join(", "));
    out.push_str(&tr(lang, "catalog-status-header", &args));
    out.push('\n');
    for body in catalog.bodies_with_conferences() {
        // A body that only a built file brings (WRC) has no name in any file.
        let name = match catalog.body_in(body, lang) {
            name if name == body => String::new(),
            name => name,
        };
        out.push_str(&format!("\n{body}  {name}\n"));
        for s in catalog.status_of(body, today) {
            let c = s.conference;
            let what = if !s.met {
                tr0(lang, "catalog-not-met")
            } else {
                match &s.knowledge {
                    Knowledge::Complete {
                        adopted,
                        revised,
                        abrogated,
                        origin,
                    } => {
                        let args = Words::new()
                            .n("adopted", *adopted)
                            .n("revised", *revised)
                            .n("abrogated", *abrogated)
                            .s("origin", origin_in(origin, lang));
                        tr(lang, "catalog-complete-list", &args)
                    }
                    Knowledge::Partial {
                        resolutions,
                        origins,
                    } => {
                        let origins: Vec<String> =
                            origins.iter().map(|o| origin_in(o, lang)).collect();
                        let args = Words::new()
                            .n("count", *resolutions)
                            .s("origins", origins.join(", "));
                        tr(lang, "catalog-partial", &args)
                    }
                    Knowledge::Unknown => {
                        let id = catalog.conference_id_in(&c.id, lang);
                        tr(
                            lang,
                            "catalog-unknown-met",
                            &Words::new().s("conference", id),
                        )
                    }
                }
            };
            let label = format!(
                "{} ({})",
                catalog.conference_id_in(&c.id, lang),
                c.place_year(lang)
            );
            out.push_str(&format!("  {label:<34} {what}\n"));
        }
    }
    // No file holds a WRC (the embedded catalogue alone): say so, rather than leave out
    // a body whose citations are noted.
    if !catalog.catalogues_body("WRC") {
        let name = catalog.body_in("WRC", lang);
        let unknown = tr0(lang, "catalog-wrc-unknown");
        out.push_str(&format!("\nWRC  {name}\n  {unknown}\n"));
    }
    if !catalog.conflicts().is_empty() {
        out.push('\n');
        out.push_str(&tr0(lang, "catalog-status-conflicts"));
        out.push('\n');
        for c in catalog.conflicts() {
            out.push_str(&report::conflict(&c.subject, &c.what, &c.kept, &c.other));
            out.push('\n');
        }
    }
    out
}

/// The name of a catalogue file as `status` and `show` say it: a path as it is, the
/// embedded catalogue in `lang`.
fn origin_in(origin: &str, lang: Lang) -> String {
    if origin == EMBEDDED_ORIGIN {
        tr0(lang, "catalog-embedded")
    } else {
        origin.to_string()
    }
}

/// The text of `proplint catalog show BODY N`, in `lang`.
pub fn show_text(
    catalog: &Catalog,
    body: &str,
    number: u32,
    today: Date,
    lang: Lang,
) -> Option<String> {
    let r = catalog.resolution(body, number)?;
    let mut out = String::new();
    let confidence = match r.confidence {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    };
    let args = Words::new()
        .s("body", body)
        .s("number", number.to_string())
        .s("confidence", confidence);
    out.push_str(&tr(lang, "catalog-show-header", &args));
    out.push('\n');
    for (title_lang, title) in r.title.iter() {
        out.push_str(&format!("  {}: {title}\n", title_lang.code()));
    }
    let mut history: Vec<_> = r.history.iter().collect();
    history.sort_by_key(|e| catalog.conference(&e.conference).map(|c| c.began()));
    // Facts of the record two spaces in, facts of one event six.
    let mut line = |indent: &str, id: &str, args: &Words<'_>| {
        out.push_str(indent);
        out.push_str(&tr(lang, id, args));
        out.push('\n');
    };
    if history.is_empty() {
        line("  ", "catalog-show-no-events", &Words::new());
    }
    for e in &history {
        let place_year = catalog
            .conference(&e.conference)
            .map(|c| c.place_year(lang))
            .unwrap_or_else(|| "?".into());
        let action = match e.action {
            Action::Adopted => "adopted",
            Action::Revised => "revised",
            Action::AdoptedOrRevised => "other",
        };
        let mut evidence = String::new();
        if !e.evidence.is_empty() {
            evidence = format!(" [{}]", e.evidence.join(", "));
        }
        if e.disputed {
            evidence.push_str(&tr0(lang, "catalog-show-disputed"));
        }
        let args = Words::new()
            .s("conference", e.conference.as_str())
            .s("place_year", place_year)
            .s("action", action)
            .s("evidence", evidence);
        line("  ", "catalog-show-event", &args);
        if !e.sources.is_empty() {
            let args = Words::new().s("sources", e.sources.join("; "));
            line("      ", "catalog-show-sources", &args);
        }
        let args = Words::new().s("origin", origin_in(&e.origin, lang));
        line("      ", "catalog-show-origin", &args);
    }
    if let Some(at) = &r.suppressed_at {
        line(
            "  ",
            "catalog-show-abrogated",
            &Words::new().s("conference", at.as_str()),
        );
    }
    if let Some(at) = &r.suppressed_before {
        let args = Words::new().s("conference", at.as_str());
        line("  ", "catalog-show-abrogated-before", &args);
    }
    if !r.not_revised_at.is_empty() {
        let list: Vec<&str> = r.not_revised_at.iter().map(|(c, _)| c.as_str()).collect();
        line(
            "  ",
            "catalog-show-not-revised",
            &Words::new().s("list", list.join(", ")),
        );
    }
    if !r.in_force_after.is_empty() {
        let args = Words::new().s("list", r.in_force_after.join(", "));
        line("  ", "catalog-show-in-force-after", &args);
    }
    if r.suppressed_at.is_none() && r.suppressed_before.is_none() {
        if let Some(latest) = history
            .iter()
            .filter_map(|e| catalog.conference(&e.conference))
            .max_by_key(|c| c.began())
        {
            let missing: Vec<String> = catalog
                .uncatalogued_between(body, latest, today, today)
                .into_iter()
                .filter(|c| !r.not_revised_at.iter().any(|(n, _)| *n == c.id))
                .filter(|c| !r.in_force_after.iter().any(|a| *a == c.id))
                .map(|c| c.id.to_string())
                .collect();
            if !missing.is_empty() {
                line(
                    "  ",
                    "catalog-show-missing",
                    &Words::new().s("list", missing.join(", ")),
                );
            }
        }
    }
    let origins: Vec<String> = r.origins.iter().map(|o| origin_in(o, lang)).collect();
    line(
        "  ",
        "catalog-show-files",
        &Words::new().s("list", origins.join(", ")),
    );
    if !r.sources.is_empty() {
        line(
            "  ",
            "catalog-show-record-sources",
            &Words::new().s("list", r.sources.join("; ")),
        );
    }
    Some(out)
}

fn load_catalog(files: &[PathBuf], lang: Lang) -> Result<Cow<'static, Catalog>, i32> {
    if files.is_empty() {
        return Ok(Cow::Borrowed(Catalog::embedded()));
    }
    Catalog::with_files(files).map(Cow::Owned).map_err(|e| {
        let message = e.describe_in(lang);
        eprintln!(
            "{}",
            tr(lang, "cli-error", &Words::new().s("message", message))
        );
        2
    })
}

fn build_command(args: BuildArgs) -> i32 {
    let catalog = match load_catalog(&args.catalogs, Lang::En) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut outcomes: Vec<FileOutcome> = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let blocks = match read_blocks(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let name = path.display().to_string();
        let outcome = build::read(&name, &blocks, &catalog, args.conference.as_deref());
        for line in outcome.describe(&catalog) {
            eprintln!("{line}");
        }
        if outcome.conference.is_none() || outcome.facts.is_empty() {
            failed = true;
        }
        outcomes.push(outcome);
    }
    if outcomes.iter().all(|o| o.facts.is_empty()) {
        return 2;
    }
    let file = build::to_catalog_file(&outcomes, &catalog);
    let count = file["resolutions"].as_array().map_or(0, Vec::len);
    let text = match serde_json::to_string_pretty(&file) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("error: cannot write the catalogue: {e}");
            return 2;
        }
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("error: {}: cannot write the catalogue: {e}", path.display());
                return 2;
            }
            eprintln!("{}", report::wrote(&path.display().to_string(), count));
        }
        _ => print!("{text}"),
    }
    if failed {
        2
    } else {
        0
    }
}

fn learn_command(paths: &[PathBuf], output: Option<&Path>, catalog: &Catalog) -> i32 {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut failed = false;
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        if !path.exists() {
            eprintln!("error: {}: no such file or folder", path.display());
            failed = true;
            continue;
        }
        let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
            .build()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .map(|e| e.path().to_path_buf())
            .filter(|p| InputFormat::of_path(p).is_some())
            .collect();
        found.sort();
        files.extend(found);
    }
    let mut evidence = Evidence::default();
    for path in &files {
        match crate::input::read(path) {
            Ok(input) => {
                let unit = match input.format() {
                    InputFormat::Word => "paragraph",
                    InputFormat::Text => "line",
                };
                let name = path.display().to_string();
                evidence.add(&name, input.text(), unit, catalog);
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    if evidence.files_read == 0 {
        eprintln!("error: {}", report::learn_nothing(paths));
        return 2;
    }
    let file = evidence.to_catalog_file(catalog);
    let facts: usize = file["resolutions"].as_array().map_or(0, |r| {
        r.iter()
            .map(|r| r["history"].as_array().map_or(0, Vec::len))
            .sum()
    });
    eprintln!(
        "{}",
        report::learnt(
            evidence.files_read,
            evidence.citations_used,
            evidence.unresolved,
            facts,
            evidence.new_facts(catalog)
        )
    );
    let conflicts = evidence.conflicts(catalog);
    if !conflicts.is_empty() {
        eprintln!("{}", report::LEARN_CONFLICTS);
        for c in &conflicts {
            eprintln!("  {}: {} ({})", c.subject, c.what, c.sources.join("; "));
        }
    }
    let text = match serde_json::to_string_pretty(&file) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("error: cannot write the catalogue: {e}");
            return 2;
        }
    };
    match output {
        Some(path) if path.as_os_str() != "-" => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("error: {}: cannot write the catalogue: {e}", path.display());
                return 2;
            }
            let count = file["resolutions"].as_array().map_or(0, Vec::len);
            eprintln!("{}", report::wrote(&path.display().to_string(), count));
        }
        _ => print!("{text}"),
    }
    if failed {
        2
    } else {
        0
    }
}
