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

use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;

use crate::analysis::{validate_target, Options};
use crate::catalog::Catalog;
use crate::diagnostic::Severity;
use crate::rules::Rule;
use crate::text::LineIndex;

/// The name of the project configuration file, looked up at each workspace root.
pub const FILE_NAME: &str = "proplint.toml";

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
}

/// A configuration problem to show the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileToml {
    target: Option<Spanned<String>>,
    catalog: Option<Vec<Spanned<String>>>,
    rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    debounce_ms: Option<Spanned<i64>>,
}

/// Parses a `proplint.toml`. `path` names the file in messages and its directory
/// anchors relative catalogue paths. An error names the file and the line (1-based).
pub fn parse_file(text: &str, path: &Path) -> Result<Settings, ConfigError> {
    let text = crate::text::strip_bom(text).0;
    let index = LineIndex::new(text);
    let at = |offset: usize| format!("{}:{}", path.display(), index.line_of(offset) + 1);
    let file: FileToml = toml::from_str(text).map_err(|e| {
        let place = match e.span() {
            Some(span) => at(span.start),
            None => path.display().to_string(),
        };
        let mut message = e.message().trim().to_string();
        if message.starts_with("unknown field") {
            message = message.replacen("unknown field", "unknown key", 1);
        }
        ConfigError(format!("{place}: {message}"))
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut settings = Settings::default();
    if let Some(target) = file.target {
        let id = target.get_ref().trim();
        if !id.is_empty() {
            settings.target = Some(id.to_string());
        }
    }
    for entry in file.catalog.unwrap_or_default() {
        settings.catalog.push(dir.join(entry.get_ref()));
    }
    for (code, severity) in file.rules.unwrap_or_default() {
        let rule = Rule::from_code(code.get_ref()).ok_or_else(|| {
            ConfigError(format!(
                "{}: unknown rule `{}` in [rules]; the rules are {}",
                at(code.span().start),
                code.get_ref(),
                rule_codes()
            ))
        })?;
        let level = parse_level(severity.get_ref())
            .map_err(|m| ConfigError(format!("{}: {m}", at(severity.span().start))))?;
        settings.rules.insert(rule, level);
    }
    if let Some(ms) = file.debounce_ms {
        let value = u64::try_from(*ms.get_ref()).map_err(|_| {
            ConfigError(format!(
                "{}: debounce-ms must be zero or more milliseconds",
                at(ms.span().start)
            ))
        })?;
        settings.debounce_ms = Some(value);
    }
    Ok(settings)
}

/// Reads the `proplint` section the client sends (`workspace/configuration` or
/// `didChangeConfiguration`): keys `target`, `catalog`, `rules`, `debounceMs`. Keys
/// the server does not know are ignored (editors add their own); values of the wrong
/// kind are skipped with a message. Relative catalogue paths are taken from `root`.
pub fn parse_client(value: &Value, root: Option<&Path>) -> (Settings, Vec<ConfigError>) {
    let mut settings = Settings::default();
    let mut errors = Vec::new();
    let Some(object) = value.as_object() else {
        return (settings, errors);
    };
    let bad = |errors: &mut Vec<ConfigError>, key: &str, what: &str| {
        errors.push(ConfigError(format!(
            "proplint setting `{key}` {what}; it is ignored"
        )))
    };
    match object.get("target") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(Value::String(s)) => settings.target = Some(s.trim().to_string()),
        Some(_) => bad(
            &mut errors,
            "target",
            "must be a conference id such as \"WTDC-17\"",
        ),
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
                    None => bad(&mut errors, "catalog", "must list file paths"),
                }
            }
        }
        Some(Value::String(p)) => settings.catalog.push(PathBuf::from(p)),
        Some(_) => bad(&mut errors, "catalog", "must list file paths"),
    }
    match object.get("rules") {
        None | Some(Value::Null) => {}
        Some(Value::Object(rules)) => {
            for (code, level) in rules {
                let Some(rule) = Rule::from_code(code) else {
                    errors.push(ConfigError(format!(
                        "proplint setting `rules`: unknown rule `{code}`; the rules are {}",
                        rule_codes()
                    )));
                    continue;
                };
                match level.as_str().map(parse_level) {
                    Some(Ok(level)) => {
                        settings.rules.insert(rule, level);
                    }
                    Some(Err(m)) => errors.push(ConfigError(format!(
                        "proplint setting `rules.{code}`: {m}"
                    ))),
                    None => errors.push(ConfigError(format!(
                        "proplint setting `rules.{code}` must be \"error\", \"warning\", \"info\" or \"off\""
                    ))),
                }
            }
        }
        Some(_) => bad(&mut errors, "rules", "must map rule codes to severities"),
    }
    match object.get("debounceMs") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64() {
            Some(ms) => settings.debounce_ms = Some(ms),
            None => bad(
                &mut errors,
                "debounceMs",
                "must be zero or more milliseconds",
            ),
        },
    }
    (settings, errors)
}

fn parse_level(s: &str) -> Result<Option<Severity>, String> {
    match s {
        "off" => Ok(None),
        other => other.parse::<Severity>().map(Some).map_err(|_| {
            format!("unknown severity `{other}` (expected error, warning, info or off)")
        }),
    }
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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            options: Options::default(),
            catalog: CatalogHandle::Embedded,
            debounce: Duration::from_millis(DEFAULT_DEBOUNCE_MS),
        }
    }
}

/// Merges the project file's settings (which win) over the client's, loads the
/// catalogue and checks the target. Problems are returned for the user and leave the
/// key at its default.
pub fn resolve(file: Option<&Settings>, client: &Settings) -> (Config, Vec<ConfigError>) {
    let mut errors = Vec::new();
    let mut config = Config::default();
    let file_catalog = file.map(|f| f.catalog.as_slice()).unwrap_or_default();
    let catalogs: Vec<&PathBuf> = file_catalog.iter().chain(&client.catalog).collect();
    if !catalogs.is_empty() {
        match Catalog::with_files(&catalogs) {
            Ok(catalog) => config.catalog = CatalogHandle::Extended(Arc::new(catalog)),
            Err(e) => errors.push(ConfigError(format!("{e}; using the embedded catalogue"))),
        }
    }
    let target = file
        .and_then(|f| f.target.clone())
        .or(client.target.clone());
    if let Some(id) = target {
        match validate_target(config.catalog.get(), &id) {
            Ok(()) => config.options.target = Some(id),
            Err(e) => errors.push(ConfigError(e.to_string())),
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
        let s = parse_file(text, &path()).unwrap();
        assert_eq!(s.target.as_deref(), Some("WTDC-17"));
        assert_eq!(s.catalog, vec![PathBuf::from("/ws/extra.json")]);
        assert_eq!(s.debounce_ms, Some(0));
        assert_eq!(s.rules[&Rule::StaleRevision], Some(Severity::Error));
        assert_eq!(s.rules[&Rule::MissingReasons], None);
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let err = parse_file("target = \"PP-22\"\n\ncolour = \"red\"\n", &path()).unwrap_err();
        assert!(
            err.0
                .starts_with("/ws/proplint.toml:3: unknown key `colour`"),
            "{err}"
        );
        let err = parse_file(
            "[rules]\nstale-revision = \"warning\"\nstale-revisions = \"off\"\n",
            &path(),
        )
        .unwrap_err();
        assert!(
            err.0
                .starts_with("/ws/proplint.toml:3: unknown rule `stale-revisions`"),
            "{err}"
        );
        let err = parse_file("[rules]\n\nstale-revision = \"loud\"\n", &path()).unwrap_err();
        assert!(
            err.0
                .starts_with("/ws/proplint.toml:3: unknown severity `loud`"),
            "{err}"
        );
        let err = parse_file("debounce-ms = -5\n", &path()).unwrap_err();
        assert!(err.0.starts_with("/ws/proplint.toml:1:"), "{err}");
        let err = parse_file("target = \n", &path()).unwrap_err();
        assert!(err.0.starts_with("/ws/proplint.toml:1:"), "{err}");
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
        let (config, errors) = resolve(Some(&file), &client);
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
        let (config, errors) = resolve(None, &client);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[1].0.contains("XYZ-99"), "{errors:?}");
        assert!(config.options.target.is_none());
        assert!(matches!(config.catalog, CatalogHandle::Embedded));
    }
}
