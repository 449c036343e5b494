//! The catalogue's names in the language of a message: bodies with the article the
//! sentence needs ("la Conférence de plénipotentiaires"), places ("Dubaï, 2014") and
//! conference ids in the language's abbreviation (CMDT-17 for WTDC-17).
//!
//! The judge words its reasons with English names (they are also its data); the rules
//! pass them through [`Catalog::name_in`] when they write a message in another language.

use super::{Catalog, Lang};
use crate::lang::l10n;

impl Catalog {
    /// A body's name as messages in `lang` use it: in English bare ("World
    /// Telecommunication Development Conference", after "the"), in French and Spanish
    /// with its article, from the message resources, else the catalogue's own name.
    pub fn body_in(&self, id: &str, lang: Lang) -> String {
        let key = format!("body-{id}");
        if lang != Lang::En && l10n::has(lang, &key) {
            return l10n::tr0(lang, &key);
        }
        self.body(id)
            .and_then(|b| b.name.get(lang))
            .map(str::to_string)
            // A body no catalogue file names (WRC in the embedded one) still has a name.
            .unwrap_or_else(|| {
                if l10n::has(lang, &key) {
                    l10n::tr0(lang, &key)
                } else {
                    id.to_string()
                }
            })
    }

    /// A conference id in `lang`'s abbreviation of its body: "WTDC-17" → "CMDT-17".
    pub fn conference_id_in(&self, id: &str, lang: Lang) -> String {
        let Some(conf) = self.conference(id) else {
            // A conference no file holds ("WRC-23" before any WRC Final Acts are read)
            // still takes its body's abbreviation in `lang`: "CMR-23".
            return match id.split_once('-') {
                Some((body, rest)) if l10n::has(lang, &format!("abbrev-{body}")) => {
                    format!("{}-{rest}", l10n::tr0(lang, &format!("abbrev-{body}")))
                }
                _ => id.to_string(),
            };
        };
        let Some(body) = self.body(&conf.body) else {
            return id.to_string();
        };
        match (body.abbrev.get(Lang::En), body.abbrev.get(lang)) {
            (Some(en), Some(own)) if body.abbrev.has(lang) => match id.strip_prefix(en) {
                Some(rest) if rest.starts_with('-') => format!("{own}{rest}"),
                _ => id.to_string(),
            },
            _ => id.to_string(),
        }
    }

    /// Whether `name` is a conference id of a body's series ("WRC-23") that no file
    /// holds: a WRC cited before any WRC Final Acts are read.
    fn is_unheld_id(&self, name: &str) -> bool {
        name.split_once('-').is_some_and(|(body, yy)| {
            body == "WRC" && yy.len() == 2 && yy.bytes().all(|b| b.is_ascii_digit())
        })
    }

    /// One English name of the judge's (a body's name, a conference id, a "place, year"
    /// or a place) in `lang`; a name the catalogue does not know stays as it is.
    pub fn name_in(&self, english: &str, lang: Lang) -> String {
        if lang == Lang::En {
            return english.to_string();
        }
        if let Some((id, _)) = self
            .bodies
            .iter()
            .find(|(_, b)| b.name.get(Lang::En) == Some(english))
        {
            return self.body_in(id, lang);
        }
        if self.conference(english).is_some() || self.is_unheld_id(english) {
            return self.conference_id_in(english, lang);
        }
        for c in &self.conferences {
            if c.is_place_year(english, Lang::En) {
                return c.place_year(lang);
            }
            if c.place.get(Lang::En) == Some(english) {
                if let Some(own) = c.place.get(lang) {
                    return own.to_string();
                }
            }
        }
        english.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_and_year_is_told_without_writing_it() {
        let c = Catalog::embedded();
        let texts = [
            "Busan, 2014",
            "Dubaï, 2012",
            "Busan, 2014 ",
            "Busan,2014",
            "2023",
            "",
            "Busan, 20140",
        ];
        for conf in c.conferences() {
            for lang in Lang::ALL {
                let own = conf.place_year(*lang);
                assert!(conf.is_place_year(&own, *lang), "{own}");
                for text in texts {
                    assert_eq!(
                        conf.is_place_year(text, *lang),
                        own == text,
                        "{own} / {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn names_follow_the_message_language() {
        let c = Catalog::embedded();
        assert_eq!(
            c.body_in("WTDC", Lang::Fr),
            "la Conférence mondiale de développement des télécommunications"
        );
        assert_eq!(
            c.body_in("WTSA", Lang::Fr),
            "l'Assemblée mondiale de normalisation des télécommunications"
        );
        assert_eq!(
            c.body_in("RA", Lang::Es),
            "la Asamblea de Radiocomunicaciones"
        );
        assert_eq!(
            c.body_in("WTDC", Lang::En),
            "World Telecommunication Development Conference"
        );
        assert_eq!(c.conference_id_in("WTDC-17", Lang::Fr), "CMDT-17");
        assert_eq!(c.conference_id_in("PP-18", Lang::Es), "PP-18");
        assert_eq!(c.name_in("WTDC-17", Lang::En), "WTDC-17");
    }
}
