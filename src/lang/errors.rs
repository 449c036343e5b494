//! The system's errors in the reader's language: the usual ones (a file that is not
//! there, or not readable, or a folder) by their kind; any other keeps the system's
//! own words.

use std::io::ErrorKind;

use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

/// An input/output error in `lang`: "fichier ou dossier introuvable".
pub fn io_error(lang: Lang, error: &std::io::Error) -> String {
    io_error_of(lang, error.kind(), &error.to_string())
}

/// [`io_error`] from its parts, for errors kept as data.
pub fn io_error_of(lang: Lang, kind: ErrorKind, detail: &str) -> String {
    let key = match kind {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission-denied",
        ErrorKind::IsADirectory => "is-a-directory",
        _ => "other",
    };
    tr(
        lang,
        "io-error",
        &Args::new().s("kind", key).s("detail", detail),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_errors_are_in_words_of_each_language() {
        let missing = std::io::Error::from(ErrorKind::NotFound);
        assert_eq!(
            io_error(Lang::Fr, &missing),
            "fichier ou dossier introuvable"
        );
        assert_eq!(
            io_error(Lang::Es, &missing),
            "no existe el archivo o la carpeta"
        );
        assert_eq!(io_error(Lang::En, &missing), "no such file or folder");
        let odd = std::io::Error::other("disk on fire");
        assert_eq!(io_error(Lang::Fr, &odd), "disk on fire");
    }
}
