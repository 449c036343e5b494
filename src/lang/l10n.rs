//! The sentences proplint writes, in Project Fluent: one resource per language under
//! `src/lang/locales/<code>/`, embedded in the binary. Callers name a message and give
//! its variables; the words, plurals and agreements are the resource's.
//!
//! Fluent's Unicode isolation marks (FSI/PDI around each variable) are off: proplint's
//! output goes to terminals, JSON and editors, where the marks show as junk or break
//! byte-for-byte comparisons, and no variable mixes directions within a message in the
//! languages shipped. A right-to-left language would turn them back on for its bundle.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// Every resource of a language, in the order they are added to its bundle.
fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            include_str!("locales/en/proplint.ftl"),
            include_str!("locales/en/front.ftl"),
            include_str!("locales/en/reader.ftl"),
        ],
        Lang::Fr => &[
            include_str!("locales/fr/proplint.ftl"),
            include_str!("locales/fr/front.ftl"),
            include_str!("locales/fr/reader.ftl"),
        ],
        Lang::Es => &[
            include_str!("locales/es/proplint.ftl"),
            include_str!("locales/es/front.ftl"),
            include_str!("locales/es/reader.ftl"),
        ],
    }
}

/// The resources as text, for the tests that compare languages.
pub fn resource_texts(lang: Lang) -> &'static [&'static str] {
    sources(lang)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::En => &BUNDLES[0],
        Lang::Fr => &BUNDLES[1],
        Lang::Es => &BUNDLES[2],
    };
    slot.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(lang.is_rtl());
    // LA($id): a conference with its French article, "la CMDT-17" but "l'AMNT-16".
    // French elides before a vowel; the resources call it where a conference is named.
    let _ = bundle.add_function("LA", |positional, _named| {
        let name = match positional.first() {
            Some(FluentValue::String(s)) => s.to_string(),
            Some(FluentValue::Number(n)) => n.as_string().to_string(),
            _ => String::new(),
        };
        FluentValue::String(with_article(&name).into())
    });
    for text in sources(lang) {
        // The resources are part of the program and tests parse each one whole
        // (`every_resource_parses`); a broken entry is skipped, not fatal.
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// "la CMDT-17", "l'AMNT-16": the French definite article of a feminine name (every
/// ITU conference and assembly is), elided before a vowel.
pub fn with_article(name: &str) -> String {
    let first = name
        .chars()
        .next()
        .map(|c| crate::base::fold::fold_char(c).to_ascii_lowercase());
    match first {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h') => format!("l'{name}"),
        _ => format!("la {name}"),
    }
}

/// A message's variables, as a short list of names and values.
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Args(FluentArgs::new())
    }

    /// A text variable.
    pub fn s(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.0.set(name, FluentValue::String(value.into().into()));
        self
    }

    /// A count, for plural selectors (`[one]`, `*[other]`).
    pub fn n(mut self, name: &'static str, value: usize) -> Self {
        self.0.set(name, FluentValue::from(value));
        self
    }

    /// A yes/no variable, for `[yes]`/`*[no]` selectors.
    pub fn b(self, name: &'static str, value: bool) -> Self {
        self.s(name, if value { "yes" } else { "no" })
    }
}

/// The message `id` in `lang` with its variables. A message missing in `lang` falls back
/// to English (the tests forbid it, but a user never sees an empty line for it); a
/// message missing everywhere yields its id.
pub fn tr(lang: Lang, id: &str, args: &Args<'_>) -> String {
    format_in(lang, id, args)
        .or_else(|| format_in(Lang::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Whether `lang`'s resources have the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

fn format_in(lang: Lang, id: &str, args: &Args<'_>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args.0), &mut errors);
    Some(text.into_owned())
}

/// A message with no variables.
pub fn tr0(lang: Lang, id: &str) -> String {
    tr(lang, id, &Args::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_conferences_take_their_article() {
        assert_eq!(with_article("CMDT-17"), "la CMDT-17");
        assert_eq!(with_article("AMNT-16"), "l'AMNT-16");
        let args = Args::new()
            .s("conference", "AMNT-16")
            .s("place_year", "Hammamet, 2016")
            .s("number", "58");
        assert_eq!(
            tr(Lang::Fr, "reason-recorded-not-revised", &args),
            "le catalogue indique que l'AMNT-16 (Hammamet, 2016) n'a pas révisé la Résolution 58"
        );
    }
}
