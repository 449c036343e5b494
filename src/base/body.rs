//! The bodies whose resolutions a text can cite.

/// The bodies a citation can resolve to. Catalogued ones use the catalogue's ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum BodyRef {
    Pp,
    Wtdc,
    Wtsa,
    Ra,
    Wrc,
    Wcit,
    Wtpf,
    Council,
    Unga,
}

impl BodyRef {
    /// The catalogue's id for the body, when it catalogues it.
    pub fn catalog_id(self) -> Option<&'static str> {
        match self {
            BodyRef::Pp => Some("PP"),
            BodyRef::Wtdc => Some("WTDC"),
            BodyRef::Wtsa => Some("WTSA"),
            BodyRef::Ra => Some("RA"),
            _ => None,
        }
    }

    pub fn from_catalog_id(id: &str) -> Option<BodyRef> {
        match id {
            "PP" => Some(BodyRef::Pp),
            "WTDC" => Some(BodyRef::Wtdc),
            "WTSA" => Some(BodyRef::Wtsa),
            "RA" => Some(BodyRef::Ra),
            _ => None,
        }
    }
}
