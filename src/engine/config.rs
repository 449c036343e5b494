//! `proplint.toml`: the target conference, extra catalogue files, rule severities and
//! which files to check. Shared by the CLI and the language server. Unknown keys are
//! errors that name their line: a misspelt rule must not be silently ignored.
//!
//! ```toml
//! target = "WTDC-17"
//! catalog = ["our-catalogue.json"]
//! include = ["proposals/**"]
//! exclude = ["drafts/old/**"]
//! debounce-ms = 50
//! lang = "fr"        # messages in French, whatever the document's language
//!
//! [rules]
//! uncatalogued-citation = "off"
//! stale-revision = "error"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::base::diagnostic::Severity;
use crate::base::Rule;
use crate::engine::analysis::Options;
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

pub const FILE_NAME: &str = "proplint.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    target: Option<String>,
    #[serde(default)]
    catalog: Vec<PathBuf>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    debounce_ms: Option<u64>,
    lang: Option<String>,
}

/// A rule's configured level: a severity, or off.
pub type RuleLevel = Option<Severity>;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where the configuration was read from, if from a file.
    pub path: Option<PathBuf>,
    pub target: Option<String>,
    /// Catalogue files, resolved against the configuration file's folder.
    pub catalog: Vec<PathBuf>,
    pub rules: BTreeMap<Rule, RuleLevel>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub debounce_ms: Option<u64>,
    /// The language of the messages; `None` follows each document's language.
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    /// The problem in English (see [`ConfigError::describe_in`] for other languages).
    pub message: String,
    pub problem: ConfigProblem,
}

/// What is wrong with a configuration file, as data; the words are `lang`'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The file could not be read: the system's error, its kind and words.
    CannotRead(std::io::ErrorKind, String),
    /// A key proplint does not know.
    UnknownKey(String),
    /// Not TOML, or a value of the wrong kind: the TOML reader's own words.
    Invalid(String),
    UnknownRule(String),
    UnknownLevel(String),
    UnknownLang(String),
}

impl ConfigProblem {
    pub fn message_in(&self, lang: Lang) -> String {
        let read_error;
        let (id, name, value) = match self {
            ConfigProblem::CannotRead(kind, detail) => {
                read_error = crate::lang::errors::io_error_of(lang, *kind, detail);
                ("config-cannot-read", "error", &read_error)
            }
            ConfigProblem::UnknownKey(k) => ("config-unknown-key", "key", k),
            ConfigProblem::Invalid(d) => ("config-invalid", "detail", d),
            ConfigProblem::UnknownRule(c) => ("config-unknown-rule", "code", c),
            ConfigProblem::UnknownLevel(l) => ("config-unknown-level", "level", l),
            ConfigProblem::UnknownLang(c) => ("config-unknown-lang", "code", c),
        };
        tr(lang, id, &Args::new().s(name, value.as_str()))
    }
}

impl ConfigError {
    fn new(path: &Path, line: Option<usize>, problem: ConfigProblem) -> ConfigError {
        ConfigError {
            path: path.to_path_buf(),
            line,
            message: problem.message_in(Lang::En),
            problem,
        }
    }

    /// "proplint.toml:2: unknown level `loud` …", in `lang`.
    pub fn describe_in(&self, lang: Lang) -> String {
        let args = Args::new()
            .s("path", self.path.display().to_string())
            .s("problem", self.problem.message_in(lang));
        match self.line {
            Some(line) => tr(lang, "config-at-line", &args.s("line", line.to_string())),
            None => tr(lang, "config-in-file", &args),
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe_in(Lang::En))
    }
}

impl std::error::Error for ConfigError {}

/// Parses a rule level: `error`, `warning`, `info` or `off`.
pub fn parse_level(s: &str) -> Result<RuleLevel, String> {
    level_of(s).map_err(|p| p.message_in(Lang::En))
}

fn level_of(s: &str) -> Result<RuleLevel, ConfigProblem> {
    match s {
        "off" => Ok(None),
        other => other
            .parse::<Severity>()
            .map(Some)
            .map_err(|_| ConfigProblem::UnknownLevel(other.to_string())),
    }
}

/// Parses a message language: `en`, `fr` or `es`.
pub fn parse_lang(code: &str) -> Result<crate::lang::Lang, String> {
    lang_of(code).map_err(|p| p.message_in(Lang::En))
}

fn lang_of(code: &str) -> Result<Lang, ConfigProblem> {
    Lang::from_code(&code.to_ascii_lowercase())
        .ok_or_else(|| ConfigProblem::UnknownLang(code.to_string()))
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                path,
                None,
                ConfigProblem::CannotRead(e.kind(), e.to_string()),
            )
        })?;
        Config::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let detail = e.message();
            // serde's words for a key it does not know: "unknown field `targte`, …".
            let problem = match detail
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split_once('`'))
            {
                Some((key, _)) => ConfigProblem::UnknownKey(key.to_string()),
                None => ConfigProblem::Invalid(detail.to_string()),
            };
            ConfigError::new(path, e.span().map(|s| line_of(s.start)), problem)
        })?;
        let find_line = |needle: &str| text.find(needle).map(line_of);
        let mut rules = BTreeMap::new();
        for (code, level) in raw.rules {
            let rule = Rule::from_code(&code).ok_or_else(|| {
                let problem = ConfigProblem::UnknownRule(code.clone());
                ConfigError::new(path, find_line(&code), problem)
            })?;
            let level = level_of(&level)
                .map_err(|problem| ConfigError::new(path, find_line(&code), problem))?;
            rules.insert(rule, level);
        }
        let lang = match raw.lang.as_deref() {
            None | Some("") | Some("auto") => None,
            Some(code) => Some(
                lang_of(code)
                    .map_err(|problem| ConfigError::new(path, find_line("lang"), problem))?,
            ),
        };
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            path: Some(path.to_path_buf()),
            target: raw.target.filter(|t| !t.is_empty()),
            catalog: raw.catalog.into_iter().map(|p| base.join(p)).collect(),
            rules,
            include: raw.include,
            exclude: raw.exclude,
            debounce_ms: raw.debounce_ms,
            lang,
        })
    }

    /// The nearest `proplint.toml` in `start` or a folder above it.
    pub fn find(start: &Path) -> Option<PathBuf> {
        let start = if start.is_file() {
            start.parent()?.to_path_buf()
        } else {
            start.to_path_buf()
        };
        let start = std::fs::canonicalize(&start).unwrap_or(start);
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn options(&self) -> Options {
        Options {
            target: self.target.clone(),
            severities: self.rules.clone(),
            named: false,
            messages: self.lang,
            note_missing_outcomes: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let text = "target = \"WTDC-17\"\ncatalog = [\"extra.json\"]\ndebounce-ms = 20\n\n[rules]\nuncatalogued-citation = \"off\"\nstale-revision = \"error\"\n";
        let c = Config::parse(text, Path::new("/p/proplint.toml")).unwrap();
        assert_eq!(c.target.as_deref(), Some("WTDC-17"));
        assert_eq!(c.catalog, [PathBuf::from("/p/extra.json")]);
        assert_eq!(c.rules.get(&Rule::UncataloguedCitation), Some(&None));
        assert_eq!(
            c.rules.get(&Rule::StaleRevision),
            Some(&Some(Severity::Error))
        );
        assert_eq!(c.debounce_ms, Some(20));
    }

    #[test]
    fn unknown_keys_and_rules_name_their_line() {
        let err = Config::parse(
            "target = \"PP-22\"\ntargte = 1\n",
            Path::new("proplint.toml"),
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = Config::parse(
            "[rules]\nstale-revisions = \"off\"\n",
            Path::new("proplint.toml"),
        )
        .unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("stale-revisions"));
        let err = Config::parse(
            "[rules]\nstale-revision = \"loud\"\n",
            Path::new("proplint.toml"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("proplint.toml:2: unknown level `loud`"),
            "{err}"
        );
    }
}
