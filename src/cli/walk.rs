//! What a folder walk left out, said in the summary: files in formats proplint does not
//! read, and files it read that are not shaped like ITU proposals (a folder holds notes
//! and READMEs too). A run that checks nothing says so and fails.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// "note: the walk skipped 3 files proplint does not read (.pdf: 2, .json: 1) and 1
/// file that is not shaped like an ITU proposal; name a file to check it whatever its
/// shape". `None` when nothing was skipped.
pub fn skipped_summary(
    by_extension: &BTreeMap<String, usize>,
    not_proposals: usize,
) -> Option<String> {
    let unread: usize = by_extension.values().sum();
    let mut parts = Vec::new();
    if unread > 0 {
        let list: Vec<String> = by_extension
            .iter()
            .map(|(ext, n)| format!("{ext}: {n}"))
            .collect();
        parts.push(format!(
            "{unread} {} in formats proplint does not check ({}; it reads .txt, .md and .docx)",
            if unread == 1 { "file" } else { "files" },
            list.join(", ")
        ));
    }
    if not_proposals > 0 {
        parts.push(format!(
            "{not_proposals} {} not shaped like an ITU proposal (no proposal heading, reference or conference line), so not checked; name a file to check its citations whatever its shape",
            if not_proposals == 1 { "file" } else { "files" }
        ));
    }
    (!parts.is_empty()).then(|| format!("note: the folder walk skipped {}", parts.join("; and ")))
}

/// Why a run checked no file.
pub fn nothing_to_check(paths: &[PathBuf], by_extension: &BTreeMap<String, usize>) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let unread: usize = by_extension.values().sum();
    if unread > 0 {
        format!(
            "no file to check in {}: {unread} {} found, none in a format proplint reads (.txt, .md, .docx)",
            names.join(", "),
            if unread == 1 { "file" } else { "files" }
        )
    } else {
        format!(
            "no file to check in {}: the folder is empty (or every file is excluded)",
            names.join(", ")
        )
    }
}
