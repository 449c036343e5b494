//! The point in time a text is checked against: a conference, or the catalogue's
//! newest state, and where that choice came from.

use serde::Serialize;

/// A calendar day, as the catalogue dates conferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where the target conference came from, for the output to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSource {
    /// `--target`, a configuration file or an editor setting.
    Option,
    /// The conference line ("The World Telecommunication Development Conference (Buenos Aires, 2017),").
    ConferenceLine,
    /// A resolution heading's own revision tag.
    Heading,
    /// A conference abbreviation in the document header ("CMDT-17").
    Header,
    /// Nothing said: the newest state of the catalogue.
    Catalogue,
}

/// The conference a text is checked against.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// The conference id, or `None` for the catalogue's newest state.
    pub id: Option<String>,
    pub source: TargetSource,
    /// Citations of conferences that began before this date are in the past.
    #[serde(skip)]
    pub date: Date,
}
