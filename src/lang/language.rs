//! The languages proplint reads documents in and writes messages in.

/// Languages of the documents, of the catalogue's names and of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
}

impl Lang {
    /// Every language, in the order the catalogue and the docs list them.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Fr, Lang::Es];

    /// The language of an ISO 639-1 code ("fr"), as the catalogue's names are keyed.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }

    /// The language of a POSIX locale or a BCP 47 tag ("fr_CH.UTF-8", "es-419");
    /// `None` for "C", "POSIX" and languages proplint does not write.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let code = locale.split(['_', '-', '.', '@']).next()?;
        Lang::from_code(&code.to_ascii_lowercase())
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }
}

/// Which way a language's lines run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The HTML `dir` attribute's value.
    pub fn html(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The writing direction of an ISO 639-1 code: Arabic (and the other right-to-left
/// languages a document might be in) are written right to left. Kept on codes, not on
/// [`Lang`], so the presentation is ready before proplint reads such documents.
pub fn direction_of(code: &str) -> Direction {
    match code {
        "ar" | "he" | "fa" | "ur" => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

impl Lang {
    pub fn direction(self) -> Direction {
        direction_of(self.code())
    }

    pub fn is_rtl(self) -> bool {
        self.direction() == Direction::Rtl
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Lang::from_locale("fr_CH.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_locale("es-419"), Some(Lang::Es));
        assert_eq!(Lang::from_locale("en"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de_DE@euro"), None);
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale("POSIX"), None);
    }
}
