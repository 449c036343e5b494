//! A command line clap could not read, told in the user's language. clap writes its
//! errors in English only; a delegate who types `proplint chek proposal.docx` reads what
//! went wrong in French or Spanish like every other error of ours, with clap's own
//! suggestion ("check") kept.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::{error_args, locale_lang, parse_lang_arg, LangChoice};
use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

/// The language for an error found before the arguments could be read: a `--lang` among
/// them, else the locale, else English.
pub(super) fn lang_of_raw_args(args: &[String]) -> Lang {
    let mut asked = None;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if arg == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        if let Some(Ok(LangChoice::Fixed(lang))) = value.map(parse_lang_arg) {
            asked = Some(lang);
        }
    }
    asked.or_else(locale_lang).unwrap_or(Lang::En)
}

/// The sentence for a usage error, or `None` for the kinds that are not errors (help,
/// version) or that clap says best itself.
pub(super) fn message(error: &clap::Error, lang: Lang) -> Option<String> {
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let key = match error.kind() {
        ErrorKind::InvalidSubcommand => "cli-usage-unknown-command",
        ErrorKind::UnknownArgument => "cli-usage-unknown-option",
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "cli-usage-invalid-value",
        ErrorKind::MissingRequiredArgument => "cli-usage-missing",
        ErrorKind::ArgumentConflict => "cli-usage-conflict",
        ErrorKind::TooManyValues => "cli-usage-too-many",
        _ => return None,
    };
    let value = text(ContextKind::InvalidSubcommand)
        .or_else(|| text(ContextKind::InvalidValue))
        .or_else(|| text(ContextKind::InvalidArg))
        .unwrap_or_default();
    let option = text(ContextKind::InvalidArg).unwrap_or_default();
    // For a value, the whole list of valid ones says more than clap's nearest guess.
    let suggestion = match key {
        "cli-usage-invalid-value" => text(ContextKind::ValidValue)
            .map(|v| v.replace(", ", " | "))
            .or_else(|| text(ContextKind::SuggestedValue)),
        _ => text(ContextKind::SuggestedSubcommand).or_else(|| text(ContextKind::SuggestedArg)),
    };
    // `--lang` says itself what it accepts, in the language it could not set.
    if error.kind() == ErrorKind::ValueValidation && option.starts_with("--lang") {
        let problem = crate::engine::config::ConfigProblem::UnknownLang(value.clone());
        let lead = tr(lang, "cli-error", &error_args(&problem.message_in(lang)));
        return Some(format!(
            "{lead}\n{}",
            tr(lang, "cli-usage-help", &Args::new())
        ));
    }
    let args = Args::new()
        .s("value", value.as_str())
        .s("option", option.as_str())
        .s("suggestion", suggestion.as_deref().unwrap_or("none"));
    let sentence = tr(lang, key, &args);
    let lead = tr(lang, "cli-error", &error_args(&sentence));
    Some(format!(
        "{lead}\n{}",
        tr(lang, "cli-usage-help", &Args::new())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    fn error_of(args: &[&str]) -> clap::Error {
        match super::super::Cli::try_parse_from(args) {
            Err(e) => e,
            Ok(_) => panic!("{args:?} should not parse"),
        }
    }

    #[test]
    fn a_mistyped_command_is_told_in_the_users_language_with_clap_s_suggestion() {
        let e = error_of(&["proplint", "chek", "a.txt"]);
        let fr = message(&e, Lang::Fr).unwrap_or_default();
        assert!(
            fr.starts_with("erreur\u{a0}: commande inconnue «\u{a0}chek\u{a0}»"),
            "{fr}"
        );
        assert!(fr.contains("«\u{a0}check\u{a0}»"), "{fr}");
        let es = message(&e, Lang::Es).unwrap_or_default();
        assert!(es.contains("«chek»") && es.contains("«check»"), "{es}");
        let en = message(&e, Lang::En).unwrap_or_default();
        assert!(en.contains("`chek`") && en.contains("`check`"), "{en}");
    }

    #[test]
    fn unknown_options_and_bad_values_name_what_was_typed() {
        let e = error_of(&["proplint", "check", "--formt", "json", "a.txt"]);
        let fr = message(&e, Lang::Fr).unwrap_or_default();
        assert!(fr.contains("--formt"), "{fr}");
        let e = error_of(&["proplint", "check", "--format", "jsn", "a.txt"]);
        let es = message(&e, Lang::Es).unwrap_or_default();
        assert!(es.contains("jsn") && es.contains("--format"), "{es}");
        assert!(
            es.contains("human | json"),
            "the valid values are offered: {es}"
        );
    }

    #[test]
    fn help_and_version_are_not_errors_here() {
        let e = error_of(&["proplint", "--help"]);
        assert!(message(&e, Lang::Fr).is_none());
        super::super::Cli::command().debug_assert();
    }

    #[test]
    fn the_lang_option_is_found_before_the_arguments_are_read() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            lang_of_raw_args(&args(&["proplint", "chek", "--lang", "es"])),
            Lang::Es
        );
        assert_eq!(
            lang_of_raw_args(&args(&["proplint", "--lang=fr", "chek"])),
            Lang::Fr
        );
    }
}
