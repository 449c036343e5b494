//! The languages proplint reads documents in and writes messages in.

/// Languages of the documents, of the catalogue's names and of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
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

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }
}
