//! What a folder walk left out, said in the summary: files in formats proplint does not
//! read, and files it read that are not shaped like ITU proposals (a folder holds notes
//! and READMEs too). A run that checks nothing says so and fails.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::lang::l10n::{tr, Args};
use crate::lang::Lang;

/// "note: the walk skipped 3 files proplint does not read (.pdf: 2, .json: 1) and 1
/// file that is not shaped like an ITU proposal; name a file to check it whatever its
/// shape", in `lang`. `None` when nothing was skipped.
pub fn skipped_summary(
    by_extension: &BTreeMap<String, usize>,
    not_proposals: usize,
    lang: Lang,
) -> Option<String> {
    let unread: usize = by_extension.values().sum();
    if unread == 0 && not_proposals == 0 {
        return None;
    }
    let args = Args::new()
        .n("unread", unread)
        .s("list", extension_list(by_extension, lang))
        .n("others", not_proposals);
    Some(tr(lang, "walk-skipped", &args))
}

/// ".pdf: 2, .json: 1".
fn extension_list(by_extension: &BTreeMap<String, usize>, lang: Lang) -> String {
    by_extension
        .iter()
        .map(|(ext, n)| {
            tr(
                lang,
                "walk-count",
                &Args::new().s("ext", ext.as_str()).n("count", *n),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a run checked no file, in `lang`.
pub fn nothing_to_check(
    paths: &[PathBuf],
    by_extension: &BTreeMap<String, usize>,
    lang: Lang,
) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let unread: usize = by_extension.values().sum();
    let args = Args::new().s("paths", names.join(", ")).n("unread", unread);
    tr(lang, "walk-nothing", &args)
}
