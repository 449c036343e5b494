//! Configuration of the language server: `proplint.toml` at a workspace root and the
//! client's `proplint` settings section, merged into the [`Config`] a document is
//! analysed with.
//!
//! The project file wins over the editor: a key set in `proplint.toml` overrides the
//! same key of the client settings (rule by rule for `[rules]`), since the file travels
//! with the documents and the editor settings are often one user's defaults for every
//! project. Catalogue files of both are loaded (the client's after the file's).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value;

use crate::base::diagnostic::Severity;
use crate::base::Rule;
use crate::catalog::Catalog;
use crate::engine::analysis::{target_error_in, validate_target, Options};
use crate::engine::config::{parse_level, Config as FileConfig};
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

/// The name of the project configuration file, looked up at each workspace root.
pub use crate::engine::config::FILE_NAME;

/// Debounce of pushed diagnostics when nothing says otherwise.
pub const DEFAULT_DEBOUNCE_MS: u64 = 50;

/// What one source of configuration says; `None` leaves a key to the next source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub target: Option<String>,
    /// Absolute paths.
    pub catalog: Vec<PathBuf>,
    pub rules: BTreeMap<Rule, Option<Severity>>,
    pub debounce_ms: Option<u64>,
    /// Include/exclude globs (project file only).
    pub filter: Option<FileFilter>,
    /// The language of the messages (`lang`).
    pub lang: Option<LangSetting>,
}

/// Which language the server writes its messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSetting {
    /// Each document's own language (the default).
    Auto,
    /// The language the editor shows its interface in (`initialize`'s `locale`).
    Editor,
    Is(crate::lang::Lang),
}

/// The language of what the server says about itself (problems with its settings,
/// notices): a fixed `lang` of the project file or of the client, else the editor's
/// locale, else English.
pub fn notice_lang(file: Option<&Settings>, client: &Settings, locale: Option<Lang>) -> Lang {
    match file.and_then(|f| f.lang).or(client.lang) {
        Some(LangSetting::Is(lang)) => lang,
        _ => locale.unwrap_or(Lang::En),
    }
}

/// The language of a client locale such as "fr", "fr-CH" or "es_ES".
pub fn lang_of_locale(locale: &str) -> Option<crate::lang::Lang> {
    Lang::from_locale(locale)
}

/// A configuration problem to show the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses a `proplint.toml` with the core's parser (shared with `proplint check`).
/// `path` names the file in messages and its directory anchors relative catalogue
/// paths and the include/exclude globs. An error names the file and the line.
pub fn parse_file(text: &str, path: &Path, words: Lang) -> Result<Settings, ConfigError> {
    let text = crate::base::text::strip_bom(text).0;
    let file = FileConfig::parse(text, path).map_err(|e| ConfigError(e.describe_in(words)))?;
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let filter = FileFilter::new(base, &file.include, &file.exclude)
        .map_err(|m| ConfigError(format!("{}: {m}", path.display())))?;
    Ok(Settings {
        target: file.target,
        catalog: file.catalog,
        rules: file.rules,
        debounce_ms: file.debounce_ms,
        filter,
        lang: file.lang.map(LangSetting::Is),
    })
}

/// The `include` / `exclude` globs of a `proplint.toml`, relative to its folder: an
/// open file they leave out gets no diagnostics, as `proplint check` would skip it.
#[derive(Debug, Clone)]
pub struct FileFilter {
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl PartialEq for FileFilter {
    fn eq(&self, other: &Self) -> bool {
        // Compared only to tell whether settings changed; globs rarely do alone.
        self.base == other.base
            && self.include.as_ref().map(GlobSet::len) == other.include.as_ref().map(GlobSet::len)
            && self.exclude.as_ref().map(GlobSet::len) == other.exclude.as_ref().map(GlobSet::len)
    }
}

impl FileFilter {
    fn new(
        base: PathBuf,
        include: &[String],
        exclude: &[String],
    ) -> Result<Option<FileFilter>, String> {
        fn build(patterns: &[String]) -> Result<Option<GlobSet>, String> {
            if patterns.is_empty() {
                return Ok(None);
            }
            let mut builder = GlobSetBuilder::new();
            for p in patterns {
                builder.add(Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?);
            }
            builder.build().map(Some).map_err(|e| e.to_string())
        }
        let (include, exclude) = (build(include)?, build(exclude)?);
        Ok(
            (include.is_some() || exclude.is_some()).then_some(FileFilter {
                base,
                include,
                exclude,
            }),
        )
    }

    /// Whether a file at `path` is checked.
    pub fn accepts(&self, path: &Path) -> bool {
        let relative = path
            .strip_prefix(&self.base)
            .ok()
            .map(Path::to_path_buf)
            .or_else(|| {
                let path = std::fs::canonicalize(path).ok()?;
                let base = std::fs::canonicalize(&self.base).ok()?;
                path.strip_prefix(base).ok().map(Path::to_path_buf)
            });
        let Some(relative) = relative else {
            return true; // outside the configuration's folder: not its business
        };
        if self
            .exclude
            .as_ref()
            .is_some_and(|ex| ex.is_match(&relative))
        {
            return false;
        }
        self.include
            .as_ref()
            .is_none_or(|inc| inc.is_match(&relative))
    }
}

/// Reads the `proplint` section the client sends (`workspace/configuration` or
/// `didChangeConfiguration`): keys `target`, `catalog`, `rules`, `debounceMs`. Keys
/// the server does not know are ignored (editors add their own); values of the wrong
/// kind are skipped with a message. Relative catalogue paths are taken from `root`.
/// Problems are said in the language the settings ask for, else the editor's `locale`.
pub fn parse_client(
    value: &Value,
    root: Option<&Path>,
    locale: Option<Lang>,
) -> (Settings, Vec<ConfigError>) {
    let mut settings = Settings::default();
    let mut errors = Vec::new();
    let Some(object) = value.as_object() else {
        return (settings, errors);
    };
    let words = object
        .get("lang")
        .and_then(Value::as_str)
        .and_then(|code| Lang::from_code(&code.trim().to_ascii_lowercase()))
        .or(locale)
        .unwrap_or(Lang::En);
    // Each key's expectation is in the message, selected by the key.
    let bad = |errors: &mut Vec<ConfigError>, key: &str| {
        let args = Args::new().s("key", key);
        errors.push(ConfigError(tr(words, "lsp-setting-ignored", &args)))
    };
    match object.get("target") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(Value::String(s)) => settings.target = Some(s.trim().to_string()),
        Some(_) => bad(&mut errors, "target"),
    }
    match object.get("catalog") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                match item.as_str() {
                    Some(p) => {
                        let p = PathBuf::from(p);
                        settings.catalog.push(match root {
                            Some(root) if p.is_relative() => root.join(p),
                            _ => p,
                        });
                    }
                    None => bad(&mut errors, "catalog"),
                }
            }
        }
        Some(Value::String(p)) => settings.catalog.push(PathBuf::from(p)),
        Some(_) => bad(&mut errors, "catalog"),
    }
    match object.get("rules") {
        None | Some(Value::Null) => {}
        Some(Value::Object(rules)) => {
            for (code, level) in rules {
                let Some(rule) = Rule::from_code(code) else {
                    let args = Args::new()
                        .s("code", code.as_str())
                        .s("codes", rule_codes());
                    errors.push(ConfigError(tr(words, "lsp-setting-unknown-rule", &args)));
                    continue;
                };
                match level.as_str().map(parse_level) {
                    Some(Ok(level)) => {
                        settings.rules.insert(rule, level);
                    }
                    Some(Err(_)) | None => {
                        let args = Args::new().s("code", code.as_str());
                        errors.push(ConfigError(tr(words, "lsp-setting-rule-level", &args)))
                    }
                }
            }
        }
        Some(_) => bad(&mut errors, "rules"),
    }
    match object.get("lang") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => match s.trim() {
            "" | "auto" => settings.lang = Some(LangSetting::Auto),
            "editor" => settings.lang = Some(LangSetting::Editor),
            code => match crate::engine::config::parse_lang(code) {
                Ok(lang) => settings.lang = Some(LangSetting::Is(lang)),
                Err(_) => bad(&mut errors, "lang"),
            },
        },
        Some(_) => bad(&mut errors, "lang"),
    }
    match object.get("debounceMs") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64() {
            Some(ms) => settings.debounce_ms = Some(ms),
            None => bad(&mut errors, "debounceMs"),
        },
    }
    (settings, errors)
}

fn rule_codes() -> String {
    Rule::ALL
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The catalogue a configuration uses: the embedded one unless catalogue files are
/// configured.
#[derive(Debug, Clone)]
pub enum CatalogHandle {
    Embedded,
    Extended(Arc<Catalog>),
}

impl CatalogHandle {
    pub fn get(&self) -> &Catalog {
        match self {
            CatalogHandle::Embedded => Catalog::embedded(),
            CatalogHandle::Extended(catalog) => catalog,
        }
    }
}

/// Everything an analysis of one document depends on besides its text.
#[derive(Debug, Clone)]
pub struct Config {
    pub options: Options,
    pub catalog: CatalogHandle,
    pub debounce: Duration,
    pub filter: Option<FileFilter>,
    /// The language of the server's own notices for documents under this configuration.
    pub words: Lang,
}

impl Config {
    /// Whether the document at `uri` is checked at all under this configuration.
    pub fn checks(&self, uri: &tower_lsp::lsp_types::Url) -> bool {
        match (&self.filter, uri.to_file_path()) {
            (Some(filter), Ok(path)) => filter.accepts(&path),
            _ => true,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            options: editor_options(),
            catalog: CatalogHandle::Embedded,
            debounce: Duration::from_millis(DEFAULT_DEBOUNCE_MS),
            filter: None,
            words: Lang::En,
        }
    }
}

/// What every document the client sends is checked with: the client attached the server
/// to it (the `itu-proposal` language, or a file it took for a proposal), so it is a
/// document the user named and its citations are checked whatever its shape; and the
/// outcomes missing for the bodies it cites are said once, as a note, for the editor has
/// no report header to say it.
fn editor_options() -> Options {
    Options {
        named: true,
        note_missing_outcomes: true,
        ..Options::default()
    }
}

/// Merges the project file's settings (which win) over the client's, loads the
/// catalogue and checks the target. Problems are returned for the user and leave the
/// key at its default.
pub fn resolve(
    file: Option<&Settings>,
    client: &Settings,
    locale: Option<crate::lang::Lang>,
) -> (Config, Vec<ConfigError>) {
    let mut errors = Vec::new();
    let words = notice_lang(file, client, locale);
    let mut config = Config {
        words,
        ..Config::default()
    };
    let file_catalog = file.map(|f| f.catalog.as_slice()).unwrap_or_default();
    let catalogs: Vec<&PathBuf> = file_catalog.iter().chain(&client.catalog).collect();
    if !catalogs.is_empty() {
        match Catalog::with_files(&catalogs) {
            Ok(catalog) => config.catalog = CatalogHandle::Extended(Arc::new(catalog)),
            Err(e) => {
                let args = Args::new().s("error", e.describe_in(words));
                errors.push(ConfigError(tr(words, "lsp-catalog-fallback", &args)))
            }
        }
    }
    let target = file
        .and_then(|f| f.target.clone())
        .or(client.target.clone());
    if let Some(id) = target {
        match validate_target(config.catalog.get(), &id) {
            Ok(()) => config.options.target = Some(id),
            Err(_) => errors.push(ConfigError(target_error_in(
                config.catalog.get(),
                &id,
                words,
            ))),
        }
    }
    config.options.severities = client.rules.clone();
    if let Some(file) = file {
        config.options.severities.extend(file.rules.clone());
    }
    let ms = file
        .and_then(|f| f.debounce_ms)
        .or(client.debounce_ms)
        .unwrap_or(DEFAULT_DEBOUNCE_MS);
    config.debounce = Duration::from_millis(ms);
    config.filter = file.and_then(|f| f.filter.clone());
    config.options.messages = match file.and_then(|f| f.lang).or(client.lang) {
        None | Some(LangSetting::Auto) => None,
        Some(LangSetting::Editor) => locale,
        Some(LangSetting::Is(lang)) => Some(lang),
    };
    (config, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn path() -> PathBuf {
        PathBuf::from("/ws/proplint.toml")
    }

    #[test]
    fn a_full_file_parses() {
        let text = "target = \"WTDC-17\"\ncatalog = [\"extra.json\"]\ndebounce-ms = 0\n\n[rules]\nstale-revision = \"error\"\nmissing-reasons = \"off\"\n";
        let s = parse_file(text, &path(), Lang::En).unwrap();
        assert_eq!(s.target.as_deref(), Some("WTDC-17"));
        assert_eq!(s.catalog, vec![PathBuf::from("/ws/extra.json")]);
        assert_eq!(s.debounce_ms, Some(0));
        assert_eq!(s.rules[&Rule::StaleRevision], Some(Severity::Error));
        assert_eq!(s.rules[&Rule::MissingReasons], None);
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let err = parse_file(
            "target = \"PP-22\"\n\ncolour = \"red\"\n",
            &path(),
            Lang::En,
        )
        .unwrap_err();
        assert!(
            err.0
                .starts_with("/ws/proplint.toml:3: unknown field `colour`"),
            "{err}"
        );
        let err = parse_file(
            "[rules]\nstale-revision = \"warning\"\nstale-revisions = \"off\"\n",
            &path(),
            Lang::En,
        )
        .unwrap_err();
        assert!(
            err.0
                .starts_with("/ws/proplint.toml:3: unknown rule `stale-revisions`"),
            "{err}"
        );
        let err =
            parse_file("[rules]\n\nstale-revision = \"loud\"\n", &path(), Lang::En).unwrap_err();
        assert!(
            err.0
                .starts_with("/ws/proplint.toml:3: unknown level `loud`"),
            "{err}"
        );
        let err = parse_file("debounce-ms = -5\n", &path(), Lang::En).unwrap_err();
        assert!(err.0.starts_with("/ws/proplint.toml:1:"), "{err}");
        let err = parse_file("include = [\"a/[\"]\n", &path(), Lang::En).unwrap_err();
        assert!(err.0.contains("invalid glob"), "{err}");
        let err = parse_file("target = \n", &path(), Lang::En).unwrap_err();
        assert!(err.0.starts_with("/ws/proplint.toml:1:"), "{err}");
    }

    #[test]
    fn include_and_exclude_filter_open_files() {
        let s = parse_file(
            "include = [\"proposals/**\"]\nexclude = [\"proposals/old/**\"]\n",
            &path(),
            Lang::En,
        )
        .unwrap();
        let (config, _) = resolve(Some(&s), &Settings::default(), None);
        let uri = |p: &str| tower_lsp::lsp_types::Url::from_file_path(p).unwrap();
        assert!(config.checks(&uri("/ws/proposals/a.txt")));
        assert!(!config.checks(&uri("/ws/proposals/old/a.txt")));
        assert!(!config.checks(&uri("/ws/notes/a.txt")));
        assert!(config.checks(&uri("/elsewhere/a.txt")));
        assert!(Config::default().checks(&uri("/ws/notes/a.txt")));
    }

    #[test]
    fn client_settings_parse_and_skip_bad_values() {
        let (s, errors) = parse_client(
            &json!({
                "target": "PP-22",
                "catalog": ["cat.json", "/abs/other.json"],
                "rules": {"stale-revision": "info", "nope": "off", "clause-sequence": 3},
                "debounceMs": 10,
                "somethingElse": true
            }),
            Some(Path::new("/root")),
            None,
        );
        assert_eq!(s.target.as_deref(), Some("PP-22"));
        assert_eq!(
            s.catalog,
            vec![
                PathBuf::from("/root/cat.json"),
                PathBuf::from("/abs/other.json")
            ]
        );
        assert_eq!(
            s.rules.get(&Rule::StaleRevision),
            Some(&Some(Severity::Info))
        );
        assert_eq!(s.debounce_ms, Some(10));
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn the_file_wins_over_the_client_key_by_key() {
        let file = Settings {
            rules: [(Rule::StaleRevision, None)].into(),
            debounce_ms: Some(0),
            ..Default::default()
        };
        let client = Settings {
            target: Some("WTDC-17".into()),
            rules: [
                (Rule::StaleRevision, Some(Severity::Error)),
                (Rule::ClauseSequence, Some(Severity::Info)),
            ]
            .into(),
            debounce_ms: Some(200),
            ..Default::default()
        };
        let (config, errors) = resolve(Some(&file), &client, None);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.options.target.as_deref(), Some("WTDC-17"));
        assert_eq!(config.options.severities[&Rule::StaleRevision], None);
        assert_eq!(
            config.options.severities[&Rule::ClauseSequence],
            Some(Severity::Info)
        );
        assert_eq!(config.debounce, Duration::ZERO);
    }

    #[test]
    fn bad_targets_and_catalogues_are_reported_and_ignored() {
        let client = Settings {
            target: Some("XYZ-99".into()),
            catalog: vec![PathBuf::from("/nonexistent/catalog.json")],
            ..Default::default()
        };
        let (config, errors) = resolve(None, &client, None);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[1].0.contains("XYZ-99"), "{errors:?}");
        assert!(config.options.target.is_none());
        assert!(matches!(config.catalog, CatalogHandle::Embedded));
    }

    /// What the server says about its settings is in the language they ask for, else
    /// the editor's.
    #[test]
    fn settings_problems_are_said_in_the_chosen_language() {
        let (_, errors) = parse_client(&json!({"lang": "fr", "debounceMs": "vite"}), None, None);
        assert_eq!(
            errors[0].0,
            "le paramètre proplint `debounceMs` doit être un nombre de millisecondes, zéro ou plus\u{a0}; il est ignoré"
        );
        let (_, errors) = parse_client(&json!({"target": 17}), None, Some(Lang::Es));
        assert!(
            errors[0].0.starts_with("el parámetro de proplint `target`"),
            "{errors:?}"
        );
        let client = Settings {
            target: Some("XYZ-99".into()),
            ..Settings::default()
        };
        let (config, errors) = resolve(None, &client, Some(Lang::Es));
        assert_eq!(config.words, Lang::Es);
        assert!(
            errors[0]
                .0
                .starts_with("conferencia considerada desconocida `XYZ-99`"),
            "{errors:?}"
        );
        let err = parse_file("colour = 1\n", &path(), Lang::Fr).unwrap_err();
        assert!(err.0.contains("clé inconnue `colour`"), "{err}");
    }
}
