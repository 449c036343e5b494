//! The sentences proplint writes, in Project Fluent: one resource per language under
//! `src/lang/locales/<code>/`, embedded in the binary. Callers name a message and give
//! its variables; the words, plurals and agreements are the resource's.
//!
//! Fluent's Unicode isolation marks (FSI/PDI around each variable) are off: proplint's
//! output goes to terminals, JSON and editors, where the marks show as junk or break
//! byte-for-byte comparisons, and no variable mixes directions within a message in the
//! languages shipped. A right-to-left language would turn them back on for its bundle.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

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

/// One language's messages. The resources are not parsed whole: a scan at first use
/// finds where each entry's text is, and an entry is parsed into the bundle the first
/// time a sentence needs it. Parsing all of them (32 KB a language) was a third of the
/// instructions and a quarter of the page faults of checking a one-line file, which
/// writes five messages.
struct Messages {
    /// Each message's entry in the resources: its id line and the indented lines after.
    entries: FxHashMap<&'static str, &'static str>,
    /// The bundle, and the ids parsed into it so far.
    bundle: Mutex<(Bundle, FxHashSet<&'static str>)>,
}

fn messages(lang: Lang) -> &'static Messages {
    static MESSAGES: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::En => &MESSAGES[0],
        Lang::Fr => &MESSAGES[1],
        Lang::Es => &MESSAGES[2],
    };
    slot.get_or_init(|| Messages {
        entries: compiled_entries(lang),
        bundle: Mutex::new((new_bundle(lang), FxHashSet::default())),
    })
}

/// Each message's entry in `texts`, the first of an id kept, as Fluent keeps it.
#[cfg(test)]
fn entries(texts: &[&'static str]) -> FxHashMap<&'static str, &'static str> {
    let mut found = FxHashMap::default();
    for text in texts {
        for (id, start, end) in super::ftl_entries::entry_ranges(text) {
            found.entry(id).or_insert(&text[start..end]);
        }
    }
    found
}

/// The entries of a language's resources as build.rs indexed them: no scan at start.
fn compiled_entries(lang: Lang) -> FxHashMap<&'static str, &'static str> {
    let index: &[(&str, usize, usize, usize)] = match lang {
        Lang::En => compiled::EN,
        Lang::Fr => compiled::FR,
        Lang::Es => compiled::ES,
    };
    let texts = sources(lang);
    let mut found = FxHashMap::with_capacity_and_hasher(index.len(), Default::default());
    for &(id, resource, start, end) in index {
        // build.rs read the same files; a range that does not fit is a build defect,
        // and the message falls back to English rather than failing.
        if let Some(entry) = texts.get(resource).and_then(|t| t.get(start..end)) {
            found.entry(id).or_insert(entry);
        }
    }
    found
}

/// `EN`, `FR`, `ES`: each message's id, resource (in the order of [`sources`]) and byte
/// range, written by build.rs with `ftl_entries::entry_ranges`.
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/l10n-entries.rs"));
}

fn new_bundle(lang: Lang) -> Bundle {
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
    bundle
}

impl Messages {
    #[cfg(test)]
    fn of(lang: Lang, texts: &[&'static str]) -> Messages {
        Messages {
            entries: entries(texts),
            bundle: Mutex::new((new_bundle(lang), FxHashSet::default())),
        }
    }

    /// Parses the entry of `id` into the bundle if it is not there yet; false if the
    /// resources have no such message.
    fn load(&self, loaded: &mut (Bundle, FxHashSet<&'static str>), id: &str) -> bool {
        let Some((&key, &entry)) = self.entries.get_key_value(id) else {
            return false;
        };
        if loaded.1.insert(key) {
            // The resources are part of the program and tests parse each one whole
            // (`every_resource_parses`); a broken entry is skipped, not fatal.
            let resource = match FluentResource::try_new(entry.to_string()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            let _ = loaded.0.add_resource(resource);
        }
        true
    }

    fn format(&self, id: &str, args: &Args<'_>) -> Option<String> {
        // A poisoned lock only means another thread panicked while formatting; the
        // bundle itself is still whole.
        let mut loaded = self.bundle.lock().unwrap_or_else(|e| e.into_inner());
        if !self.load(&mut loaded, id) {
            return None;
        }
        // A message may name others ("{ other-message }"): each is loaded when the
        // formatting reports it missing, and the message formatted again.
        loop {
            let mut errors = Vec::new();
            let bundle = &loaded.0;
            let pattern = bundle.get_message(id)?.value()?;
            let text = bundle
                .format_pattern(pattern, Some(&args.0), &mut errors)
                .into_owned();
            let missing: Vec<String> = errors
                .iter()
                .filter_map(|e| match e {
                    FluentError::ResolverError(ResolverError::Reference(
                        ReferenceKind::Message { id, .. },
                    )) => Some(id.clone()),
                    _ => None,
                })
                .collect();
            let mut progress = false;
            for other in &missing {
                if !loaded.1.contains(other.as_str()) && self.load(&mut loaded, other) {
                    progress = true;
                }
            }
            if !progress {
                return Some(text);
            }
        }
    }
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
    messages(lang).entries.contains_key(id)
}

fn format_in(lang: Lang, id: &str, args: &Args<'_>) -> Option<String> {
    messages(lang).format(id, args)
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

    /// Every message of every language, formatted from the entries parsed one by one,
    /// reads as it does from a bundle of the whole resources.
    #[test]
    fn messages_parsed_one_by_one_read_as_the_whole_resources_do() {
        let args = Args::new()
            .s("cited", "Résolution 71")
            .s("body", "PP")
            .s("conference", "AMNT-16")
            .n("count", 2)
            .b("revised", true);
        let mut formatted = 0;
        for &lang in Lang::ALL {
            let mut whole = new_bundle(lang);
            let mut parsed = 0;
            for text in sources(lang) {
                let resource = FluentResource::try_new(text.to_string()).unwrap();
                parsed += resource
                    .entries()
                    .filter(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)))
                    .count();
                whole.add_resource(resource).unwrap();
            }
            let ids: Vec<&str> = entries(sources(lang)).into_keys().collect();
            assert_eq!(
                ids.len(),
                parsed,
                "{lang:?}: an entry the scan does not see"
            );
            for id in ids {
                let pattern = whole.get_message(id).unwrap().value().unwrap();
                let expected = whole.format_pattern(pattern, Some(&args.0), &mut Vec::new());
                assert_eq!(tr(lang, id, &args), expected, "{lang:?} {id}");
                formatted += 1;
            }
        }
        assert!(formatted > 600, "{formatted}");
    }

    #[test]
    fn the_compiled_index_is_the_scan_of_the_resources() {
        for &lang in Lang::ALL {
            let compiled = compiled_entries(lang);
            assert_eq!(compiled, entries(sources(lang)), "{lang:?}");
            assert!(compiled.len() > 200);
            for (id, entry) in compiled {
                assert!(entry.starts_with(id), "{lang:?} {id}");
            }
        }
    }

    #[test]
    fn a_message_naming_another_loads_it() {
        let messages = Messages::of(
            Lang::En,
            &[
                "# comment\ngreeting = Hello { place }!\n    Second line.\n\nplace = { $n ->\n    [one] world\n   *[other] worlds\n}\n",
            ],
        );
        assert_eq!(messages.entries.len(), 2);
        let one = Args::new().n("n", 1);
        assert_eq!(
            messages.format("greeting", &one).as_deref(),
            Some("Hello world!\nSecond line.")
        );
        assert_eq!(messages.format("nowhere", &one), None);
    }
}
