//! The command line: `proplint check`, `rules`, `explain`, `lsp`, `catalog`.
//!
//! Exit codes: 0 nothing at or above the fail level, 1 findings, 2 a usage or I/O
//! error (with a message that names the file).

mod catalog;
mod usage;
mod walk;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice, NoColor};
use rayon::prelude::*;

use crate::base::diagnostic::Severity;
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::engine::analysis::{analyze, validate_target, Options};
use crate::engine::config::Config;
use crate::engine::fix::fix_until_stable;
use crate::input::Format as InputFormat;
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;
use crate::report::{self, FileResult};

#[derive(Parser)]
#[command(
    name = "proplint",
    version,
    about = "Lint ITU conference proposal documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check proposal files and folders (recursively: .txt, .md, .docx).
    Check(CheckArgs),
    /// List the rules.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// The language of the summaries: en (default), fr or es.
        #[arg(long, value_name = "LANG", value_parser = crate::engine::config::parse_lang)]
        lang: Option<crate::lang::Lang>,
    },
    /// Print a rule's documentation.
    Explain {
        /// A rule code, e.g. stale-revision.
        code: String,
        /// en (default), fr or es: the language of the page.
        #[arg(long, value_name = "LANG", value_parser = crate::engine::config::parse_lang)]
        lang: Option<crate::lang::Lang>,
    },
    /// Run the language server on standard input and output.
    Lsp {
        /// Refuse client messages declaring a longer body (see docs/reliability.md).
        #[arg(long, default_value_t = crate::lsp::framing::DEFAULT_MAX_MESSAGE_BYTES)]
        max_message_bytes: usize,
    },
    /// Teach proplint from official texts, and say what it knows.
    Catalog(catalog::CatalogArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Each finding with its line and a caret (the default).
    Human,
    /// The stable JSON contract (docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for code scanning (docs/ci.md).
    Sarif,
    /// GitHub Actions annotations, one `::error`/`::warning`/`::notice` line per finding.
    Github,
    /// One self-contained HTML page, for people (docs/for-delegations.md).
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: the current folder.
    paths: Vec<PathBuf>,
    /// The conference the documents are for (e.g. PP-22, WTDC-17, WTSA-24).
    #[arg(long)]
    target: Option<String>,
    /// A catalogue file (same format as the embedded one) that adds or overrides entries.
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
    /// A proplint.toml to use instead of the nearest one.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore any proplint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to FILE instead of standard output (any format; its folder must exist).
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Apply safe fixes to the files.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff: apply unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Never colour the output.
    #[arg(long)]
    no_color: bool,
    /// The language of the messages and the report: en, fr, es, or auto (each
    /// document's own language, the default).
    #[arg(long, value_name = "LANG", value_parser = parse_lang_arg)]
    lang: Option<LangChoice>,
}

/// The language of the command line's own words before any document is read (a
/// configuration or catalogue error, a file that cannot be read): `--lang`, else `lang`
/// in `proplint.toml`, else the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
/// first set, as POSIX reads them), else English.
fn own_lang(choice: Option<LangChoice>, config: Option<Lang>) -> Lang {
    if let Some(LangChoice::Fixed(lang)) = choice {
        return lang;
    }
    config.or_else(locale_lang).unwrap_or(Lang::En)
}

pub(crate) fn locale_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_locale(&value))
}

fn error_args(message: &str) -> crate::lang::l10n::Args<'static> {
    crate::lang::l10n::Args::new().s("message", message)
}

/// `--lang`: a language, or each document's own.
#[derive(Debug, Clone, Copy)]
enum LangChoice {
    Auto,
    Fixed(crate::lang::Lang),
}

fn parse_lang_arg(s: &str) -> Result<LangChoice, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(LangChoice::Auto);
    }
    crate::engine::config::parse_lang(s).map(LangChoice::Fixed)
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let raw: Vec<String> = std::env::args().collect();
            match usage::message(&e, usage::lang_of_raw_args(&raw)) {
                Some(message) => eprintln!("{message}"),
                None => {
                    let _ = e.print();
                }
            }
            return code;
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format, lang } => {
            list_rules(format, lang.unwrap_or(crate::lang::Lang::En));
            0
        }
        Command::Explain { code, lang } => match Rule::from_code(&code) {
            Some(rule) => {
                println!("{}", rule.doc_in(lang.unwrap_or(crate::lang::Lang::En)));
                0
            }
            None => {
                let lang = lang.unwrap_or(crate::lang::Lang::En);
                let args = crate::lang::l10n::Args::new().s("code", code.as_str());
                let message = crate::lang::l10n::tr(lang, "cli-unknown-rule", &args);
                eprintln!(
                    "{}",
                    crate::lang::l10n::tr(lang, "cli-error", &error_args(&message))
                );
                2
            }
        },
        Command::Lsp { max_message_bytes } => lsp(max_message_bytes),
        Command::Catalog(args) => catalog::run(args),
    }
}

fn lsp(max_message_bytes: usize) -> i32 {
    // LSP asks for exit code 1 when the client sent `exit` without `shutdown`; that is
    // the only error the server returns once it runs.
    match crate::lsp::run_stdio_with(max_message_bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: language server: {e}");
            1
        }
    }
}

fn list_rules(format: RulesFormat, lang: crate::lang::Lang) {
    match format {
        RulesFormat::Human => {
            let severity = |rule: &Rule| {
                let args = Args::new().s("severity", rule.default_severity().as_str());
                tr(lang, "human-severity", &args)
            };
            let width = Rule::ALL
                .iter()
                .map(|r| severity(r).chars().count() + 2)
                .max()
                .unwrap_or(9);
            for rule in Rule::ALL {
                println!(
                    "{:<24}{:<width$}{}",
                    rule.code(),
                    severity(rule),
                    rule.summary_in(lang)
                );
            }
        }
        RulesFormat::Json => {
            let rules: Vec<_> = Rule::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code(),
                        "severity": r.default_severity().as_str(),
                        "summary": r.summary_in(lang),
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&rules).unwrap_or_default()
            );
        }
    }
}

struct Input {
    display: String,
    path: Option<PathBuf>,
    /// Named by the user (not found by a folder walk): checked whatever its shape.
    named: bool,
}

fn check(args: CheckArgs) -> i32 {
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    if let Some(path) = output {
        // The configuration is not read yet: --lang, else the locale.
        let lang = own_lang(args.lang, None);
        if let Err(e) = check_output_path(path, lang) {
            eprintln!("{}", tr(lang, "cli-error", &error_args(&e)));
            return 2;
        }
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let config = if args.no_config {
        Ok(Config::default())
    } else if let Some(path) = &args.config {
        Config::load(path)
    } else {
        let start = paths
            .iter()
            .find(|p| p.as_os_str() != "-")
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        match Config::find(&start) {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        }
    };
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            let lang = own_lang(args.lang, None);
            let message = e.describe_in(lang);
            eprintln!("{}", tr(lang, "cli-error", &error_args(&message)));
            return 2;
        }
    };
    // The run's own words until documents speak: --lang, proplint.toml, the locale.
    let words = own_lang(args.lang, config.lang);
    let mut catalog_files = config.catalog.clone();
    catalog_files.extend(args.catalogs.iter().cloned());
    // The embedded catalogue is borrowed, not copied: copying and dropping it was a fifth
    // of the instructions of checking a one-line file.
    let extended;
    let catalog: &Catalog = if catalog_files.is_empty() {
        Catalog::embedded()
    } else {
        match Catalog::with_files(&catalog_files) {
            Ok(c) => {
                extended = c;
                &extended
            }
            Err(e) => {
                let message = e.describe_in(words);
                eprintln!("{}", tr(words, "cli-error", &error_args(&message)));
                return 2;
            }
        }
    };
    if !catalog.conflicts().is_empty() {
        let args = Args::new().n("count", catalog.conflicts().len());
        eprintln!("{}", tr(words, "catalog-conflicts", &args));
    }
    let mut options: Options = config.options();
    if let Some(t) = &args.target {
        options.target = Some(t.clone());
    }
    match args.lang {
        Some(LangChoice::Auto) => options.messages = None,
        Some(LangChoice::Fixed(lang)) => options.messages = Some(lang),
        None => {}
    }
    if let Some(t) = &options.target {
        if validate_target(catalog, t).is_err() {
            let message = crate::engine::analysis::target_error_in(catalog, t, words);
            eprintln!("{}", tr(words, "cli-error", &error_args(&message)));
            return 2;
        }
    }

    let mut errors: Vec<String> = Vec::new();
    let mut skipped = std::collections::BTreeMap::new();
    let inputs = collect_inputs(&paths, &config, &mut errors, &mut skipped, words);
    if inputs.is_empty() && errors.is_empty() {
        let message = walk::nothing_to_check(&paths, &skipped, words);
        eprintln!("{}", tr(words, "cli-error", &error_args(&message)));
        return 2;
    }
    let apply = args.fix || args.diff;
    let progress = Progress::new(inputs.len());
    // Walked files that turned out not to be ITU documents, for the summary.
    let not_itu = std::sync::atomic::AtomicUsize::new(0);
    let run = |input: &Input| {
        let options = Options {
            named: input.named,
            ..options.clone()
        };
        let mut outcome = check_one(
            input,
            catalog,
            &options,
            apply,
            args.unsafe_fixes,
            args.diff && !args.fix,
            words,
        );
        if let Ok((result, _)) = &mut outcome {
            // Only files that were checked: a walked file that is not a proposal got nothing.
            if input.named || result.analysis.is_proposal() {
                result.uncatalogued = report::uncatalogued_outcomes(result, catalog);
                let words = result.analysis.messages;
                result.uncatalogued_words =
                    report::uncatalogued_outcomes_in(result, catalog, words);
            } else {
                not_itu.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            if result.unreported() > 0 {
                let args = Args::new()
                    .s("path", result.path.as_str())
                    .n("shown", report::MAX_REPORTED_FINDINGS)
                    .n("total", result.analysis.diagnostics().len());
                eprintln!("{}", tr(result.analysis.messages, "cli-unreported", &args));
            }
        }
        progress.tick();
        outcome
    };
    // With --diff the diffs come before the report: it is then built whole.
    if args.format == Format::Json && !args.diff {
        let lang = options.messages.unwrap_or(words);
        let code = check_streaming_json(&inputs, run, output, args.fail_on, errors, lang);
        progress.finish();
        let not_itu = not_itu.load(std::sync::atomic::Ordering::Relaxed);
        if let Some(summary) = walk::skipped_summary(&skipped, not_itu, words) {
            eprintln!("{summary}");
        }
        return code;
    }
    // One file is checked on this thread: rayon's workers would be started only to wait
    // for work (strace showed them in `sched_yield` while the file was checked).
    let outcomes: Vec<Result<(FileResult, Option<String>), String>> = if inputs.len() == 1 {
        inputs.iter().map(run).collect()
    } else {
        inputs.par_iter().map(run).collect()
    };
    progress.finish();
    let mut results = Vec::new();
    let mut diffs = String::new();
    for outcome in outcomes {
        match outcome {
            Ok((result, diff)) => {
                if let Some(d) = diff {
                    diffs.push_str(&d);
                }
                results.push(result);
            }
            Err(e) => errors.push(e),
        }
    }
    let not_itu = not_itu.load(std::sync::atomic::Ordering::Relaxed);
    if let Some(summary) = walk::skipped_summary(&skipped, not_itu, words) {
        eprintln!("{summary}");
    }
    if args.diff && !diffs.is_empty() {
        print!("{diffs}");
    }
    let rendered = match args.format {
        Format::Json => Some(format!("{}\n", report::json::render(&results))),
        Format::Sarif => Some(format!(
            "{}\n",
            report::sarif::render(&results, catalog, &errors)
        )),
        Format::Github => Some(report::github::render(&results)),
        Format::Html => Some(report::html::render(&results, catalog, &errors)),
        Format::Human if output.is_some() => {
            let mut buffer = NoColor::new(Vec::new());
            let _ = report::human::render(&results, &mut buffer);
            Some(String::from_utf8_lossy(&buffer.into_inner()).into_owned())
        }
        Format::Human => {
            let choice = if args.no_color || !std::io::stdout().is_terminal() {
                ColorChoice::Never
            } else {
                ColorChoice::Auto
            };
            // Buffered: standard output flushes at each line, and a report of a few
            // hundred findings was ten thousand `write` calls.
            let mut out = BufferedStandardStream::stdout(choice);
            let _ = report::human::render(&results, &mut out);
            let _ = out.flush();
            None
        }
    };
    // What proplint says about the run itself: in the chosen language, else in the one
    // the reports share, else English.
    let lang = match (options.messages, results.is_empty()) {
        (Some(lang), _) => lang,
        (None, true) => words,
        (None, false) => report::language_of(&results),
    };
    if let Some(text) = rendered {
        match output {
            Some(path) => {
                let args = crate::lang::l10n::Args::new().s("path", path.display().to_string());
                if let Err(e) = std::fs::write(path, text) {
                    let args = args.s("error", e.to_string());
                    errors.push(crate::lang::l10n::tr(lang, "cli-cannot-write", &args));
                } else {
                    eprintln!("{}", crate::lang::l10n::tr(lang, "cli-wrote", &args));
                }
            }
            None => {
                let mut stdout = std::io::stdout().lock();
                let _ = stdout.write_all(text.as_bytes());
                let _ = stdout.flush();
            }
        }
    }
    for e in &errors {
        eprintln!(
            "{}",
            crate::lang::l10n::tr(lang, "cli-error", &error_args(e))
        );
    }
    if !errors.is_empty() {
        return 2;
    }
    let failing = results.iter().any(|r| fails(r, args.fail_on));
    i32::from(failing)
}

/// Whether a file has a finding at or above the `--fail-on` severity.
fn fails(result: &FileResult, fail_on: FailOn) -> bool {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    result
        .analysis
        .diagnostics()
        .iter()
        .any(|d| d.severity >= threshold)
}

/// `check --format json`: the files are checked a few at a time (in parallel within a
/// batch) and each is written to the report and dropped before the next batch, so
/// memory stays that of a batch whatever the number of files. The report's bytes are
/// those of [`report::json::render`] on all the files.
fn check_streaming_json(
    inputs: &[Input],
    run: impl Fn(&Input) -> Result<(FileResult, Option<String>), String> + Sync,
    output: Option<&Path>,
    fail_on: FailOn,
    mut errors: Vec<String>,
    lang: Lang,
) -> i32 {
    let writer: Box<dyn Write> = match output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(std::io::BufWriter::new(file)),
            Err(e) => {
                let args = Args::new()
                    .s("path", path.display().to_string())
                    .s("error", crate::lang::errors::io_error(lang, &e));
                let message = tr(lang, "cli-cannot-write", &args);
                eprintln!("{}", tr(lang, "cli-error", &error_args(&message)));
                return 2;
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut failing = false;
    let mut written = report::json::Stream::start(writer);
    // Asking rayon its number of threads starts its workers: not for one file.
    let batch = if inputs.len() > 1 {
        rayon::current_num_threads().max(1) * 2
    } else {
        1
    };
    for inputs in inputs.chunks(batch) {
        let outcomes: Vec<_> = if inputs.len() == 1 {
            inputs.iter().map(&run).collect()
        } else {
            inputs.par_iter().map(&run).collect()
        };
        for outcome in outcomes {
            match outcome {
                Ok((result, _)) => {
                    failing |= fails(&result, fail_on);
                    written = written.and_then(|mut stream| stream.file(&result).map(|()| stream));
                }
                Err(e) => errors.push(e),
            }
        }
    }
    let finished = written
        .and_then(report::json::Stream::finish)
        .and_then(|mut out| {
            out.write_all(b"\n")?;
            out.flush()
        });
    match (finished, output) {
        (Err(e), Some(path)) => {
            let args = Args::new()
                .s("path", path.display().to_string())
                .s("error", crate::lang::errors::io_error(lang, &e));
            errors.push(tr(lang, "cli-cannot-write", &args));
        }
        (Err(_), None) => {}
        (Ok(()), Some(path)) => {
            let args = Args::new().s("path", path.display().to_string());
            eprintln!("{}", tr(lang, "cli-wrote", &args));
        }
        (Ok(()), None) => {}
    }
    for e in &errors {
        eprintln!("{}", tr(lang, "cli-error", &error_args(e)));
    }
    if !errors.is_empty() {
        return 2;
    }
    i32::from(failing)
}

/// Refuses, before any work, a report path whose folder does not exist or that is a folder.
fn check_output_path(path: &Path, lang: Lang) -> Result<(), String> {
    let args = Args::new().s("path", path.display().to_string());
    if path.is_dir() {
        return Err(tr(lang, "cli-output-is-folder", &args));
    }
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) if !parent.is_dir() => {
            let args = args.s("folder", parent.display().to_string());
            Err(tr(lang, "cli-output-no-folder", &args))
        }
        _ => Ok(()),
    }
}

fn is_checked_extension(path: &Path) -> bool {
    InputFormat::of_path(path).is_some()
}

/// The files to check; `skipped` counts, per extension, the files a folder walk left
/// because proplint does not read their format.
fn collect_inputs(
    paths: &[PathBuf],
    config: &Config,
    errors: &mut Vec<String>,
    skipped: &mut std::collections::BTreeMap<String, usize>,
    words: Lang,
) -> Vec<Input> {
    let filters = match globs(config) {
        Ok(f) => f,
        Err(e) => {
            errors.push(e);
            return Vec::new();
        }
    };
    let base = config
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf);
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                display: "-".to_string(),
                path: None,
                named: true,
            });
            continue;
        }
        if !path.exists() {
            let args = Args::new().s("path", path.display().to_string());
            errors.push(tr(words, "cli-no-such-path", &args));
            continue;
        }
        if !path.is_file() && !path.is_dir() {
            // A device, a pipe or a socket: read as a file it may never end, and walked
            // as a folder it holds nothing.
            let args = Args::new().s("path", path.display().to_string());
            errors.push(tr(words, "cli-not-a-file", &args));
            continue;
        }
        if path.is_file() {
            inputs.push(Input {
                display: path.display().to_string(),
                path: Some(path.clone()),
                named: true,
            });
            continue;
        }
        let mut found: Vec<PathBuf> = Vec::new();
        for entry in ignore::WalkBuilder::new(path).build() {
            match entry {
                Ok(entry) => {
                    let p = entry.path();
                    if entry.file_type().is_some_and(|t| t.is_file())
                        && filters.accepts(p, base.as_deref())
                    {
                        if is_checked_extension(p) {
                            found.push(p.to_path_buf());
                        } else {
                            let ext = p
                                .extension()
                                .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
                                .unwrap_or_else(|| tr(words, "walk-no-extension", &Args::new()));
                            *skipped.entry(ext).or_default() += 1;
                        }
                    }
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        found.sort();
        inputs.extend(found.into_iter().map(|p| Input {
            display: p.display().to_string(),
            path: Some(p),
            named: false,
        }));
    }
    inputs
}

struct Filters {
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl Filters {
    fn accepts(&self, path: &Path, base: Option<&Path>) -> bool {
        let rel = base
            .and_then(|b| {
                let abs = std::fs::canonicalize(path).ok()?;
                let base = std::fs::canonicalize(b).ok()?;
                abs.strip_prefix(base).ok().map(Path::to_path_buf)
            })
            .unwrap_or_else(|| path.to_path_buf());
        let rel = rel.strip_prefix("./").unwrap_or(&rel);
        if let Some(ex) = &self.exclude {
            if ex.is_match(rel) {
                return false;
            }
        }
        self.include.as_ref().is_none_or(|inc| inc.is_match(rel))
    }
}

fn globs(config: &Config) -> Result<Filters, String> {
    let build = |patterns: &[String]| -> Result<Option<globset::GlobSet>, String> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let mut b = globset::GlobSetBuilder::new();
        for p in patterns {
            let glob = globset::Glob::new(p).map_err(|e| {
                let file = config
                    .path
                    .as_deref()
                    .map_or_else(|| "configuration".to_string(), |p| p.display().to_string());
                format!("{file}: invalid glob `{p}`: {e}")
            })?;
            b.add(glob);
        }
        b.build().map(Some).map_err(|e| e.to_string())
    };
    Ok(Filters {
        include: build(&config.include)?,
        exclude: build(&config.exclude)?,
    })
}

fn check_one(
    input: &Input,
    catalog: &Catalog,
    options: &Options,
    apply: bool,
    allow_unsafe: bool,
    diff_only: bool,
    words: Lang,
) -> Result<(FileResult, Option<String>), String> {
    let file_problem = |e: crate::input::InputError| {
        let args = Args::new()
            .s("path", e.path.display().to_string())
            .s("problem", e.message);
        tr(words, "cli-file-problem", &args)
    };
    let read = match &input.path {
        Some(path) => {
            // Read here rather than by `input::read`, to say why a file cannot be read
            // in the reader's words.
            let format = InputFormat::for_path(path);
            let bytes = crate::input::read_file_bounded(path, format).map_err(|e| {
                let args = Args::new()
                    .s("path", input.display.as_str())
                    .s("problem", e.message_in(words));
                tr(words, "cli-file-problem", &args)
            })?;
            crate::input::from_bytes_in(path, bytes, format, words).map_err(file_problem)?
        }
        None => {
            let bytes = crate::input::read_bounded(std::io::stdin().lock(), InputFormat::Text)
                .map_err(|e| match e {
                    crate::input::ReadFailure::Io(e) => {
                        let args = Args::new().s("error", crate::lang::errors::io_error(words, &e));
                        tr(words, "cli-cannot-read-stdin", &args)
                    }
                    too_large => {
                        let args = Args::new()
                            .s("path", "-")
                            .s("problem", too_large.message_in(words));
                        tr(words, "cli-file-problem", &args)
                    }
                })?;
            crate::input::from_bytes_in(Path::new("-"), bytes, InputFormat::Text, words)
                .map_err(file_problem)?
        }
    };
    let source = match read {
        crate::input::Input::File(source) => source,
        // A Word file is checked like text; it is never written: fixes are shown for the
        // author to make in Word, where the changes stay tracked.
        crate::input::Input::Word(document) => {
            let analysis = analyze(&document.text, catalog, options);
            let mut result = FileResult::word(input.display.clone(), document, analysis);
            if apply {
                let lang = result.analysis.messages;
                result
                    .notes
                    .push(crate::lang::l10n::tr0(lang, "note-word-not-rewritten"));
            }
            return Ok((result, None));
        }
    };
    if !apply {
        let analysis = analyze(&source.text, catalog, options);
        return Ok((
            FileResult::new(input.display.clone(), source.text, analysis),
            None,
        ));
    }
    let outcome = fix_until_stable(&source.text, catalog, options, allow_unsafe);
    let mut diff = None;
    if outcome.text != source.text {
        if diff_only || input.path.is_none() {
            let d = similar::TextDiff::from_lines(&source.text, &outcome.text)
                .unified_diff()
                .context_radius(2)
                .header(&input.display, &input.display)
                .to_string();
            diff = Some(d);
        } else {
            source
                .write_in(&outcome.text, words)
                .map_err(file_problem)?;
        }
    }
    let analysis = analyze(&outcome.text, catalog, options);
    let written = diff.is_none() && outcome.text != source.text;
    let mut result = FileResult::new(input.display.clone(), outcome.text, analysis);
    if written {
        result.fixed = outcome.applied;
    }
    Ok((result, diff))
}

/// "checked 120/800 files" on standard error, for long runs in a terminal only: never in
/// CI logs or when the output is read by a program.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            shown: total >= 20 && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.shown && (done % 10 == 0 || done == self.total) {
            eprint!("\rchecked {done}/{} files", self.total);
        }
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r{}\r", " ".repeat(40));
        }
    }
}
