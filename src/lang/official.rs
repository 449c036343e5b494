//! The words of official ITU texts (Final Acts, final reports, tables of contents, lists
//! of resolutions) that `proplint catalog build` reads, and the sentences it writes about
//! what it read. Entries are folded (see [`crate::base::fold`]) unless said otherwise.

use crate::lang::Lang;

/// "Resolution" as headings and tables of contents print it, as written (any case is
/// accepted), with the language the accents tell. Unaccented capitals ("RESOLUTION")
/// are English or French: the text's other words decide.
pub static RESOLUTION_WORDS: &[(&str, Lang)] = &[
    ("resolution", Lang::En),
    ("résolution", Lang::Fr),
    ("resolución", Lang::Es),
    ("resolucion", Lang::Es),
];

/// "Rev." as written, before the place of a revision (any case).
pub static REVISED_WORDS: &[&str] = &["rev", "rév"];

/// The prefix of ITU-R resolution designations ("Resolution ITU-R 1-9"), as written.
pub static ITU_R_PREFIXES: &[&str] = &["itu-r", "uit-r"];

/// Titles of the part of Final Acts that lists the resolutions a conference abrogated.
pub static ABROGATION_LISTS: &[&str] = &[
    "list of resolutions abrogated",
    "resolutions abrogated by",
    "resolutions suppressed by",
    "liste des resolutions abrogees",
    "resolutions abrogees par",
    "resolutions supprimees par",
    "lista de resoluciones derogadas",
    "resoluciones derogadas por",
    "resoluciones abrogadas por",
    "resoluciones suprimidas por",
];

/// "PART" of Final Acts, as written (any case), before a Roman numeral.
pub static PART_WORDS: &[&str] = &["part", "partie", "parte"];

/// Words on the title page of a conference's Final Acts.
pub static FINAL_ACTS: &[&str] = &["final acts", "actes finals", "actas finales"];

/// The sentences of `catalog build` and `learn`, and the line of a conflict between
/// catalogue files: still in English only (those of `status` and `show` are in the
/// message resources, `catalog-*`). Moving these means turning merge's and learn's
/// conflict descriptions into data first.
pub mod report {
    fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
        if n == 1 {
            one
        } else {
            many
        }
    }

    /// "adopted 10, revised 51, abrogated 10, in force without change 3".
    pub fn counts(adopted: usize, revised: usize, abrogated: usize, in_force: usize) -> String {
        let mut parts = vec![
            format!("adopted {adopted}"),
            format!("revised {revised}"),
            format!("abrogated {abrogated}"),
        ];
        if in_force > 0 {
            parts.push(format!("listed in force without change {in_force}"));
        }
        parts.join(", ")
    }

    /// "outcome of PP-18 (Dubai, 2018), named by the text (...)"; conferences the
    /// catalogue does not hold yet have no place.
    pub fn outcome_of(conference: &str, place_year: Option<&str>, how: &str) -> String {
        match place_year {
            Some(p) => format!("outcome of {conference} ({p}), {how}"),
            None => format!("outcome of {conference}, {how}"),
        }
    }

    pub fn from_text(place: &str, at: usize, quote: &str) -> String {
        format!("named by the text ({place} {at}: \"{quote}\")")
    }

    pub fn from_headings(count: usize) -> String {
        format!(
            "inferred from {count} {} that name it (the text does not say which conference it is the outcome of)",
            plural(count, "heading", "headings")
        )
    }

    pub const FROM_OPTION: &str = "as --conference says";

    pub const NO_CONFERENCE: &str = "cannot tell which conference this text is the outcome of (no title page, heading or conference formula names one); say it with --conference, e.g. --conference WTDC-25";

    pub const COMPLETE: &str =
        "complete list (Final Acts headings and the list of resolutions abrogated)";
    pub const PARTIAL: &str = "partial list (the absence of a number proves nothing)";
    pub const TABLE_OF_CONTENTS: &str =
        "a list of what is in force after the conference: entries with its own tag are its adoptions and revisions, the others were in force unchanged";

    pub fn nothing_found(place: &str) -> String {
        format!("no resolution heading, table-of-contents entry or list of abrogated resolutions found (read by {place})")
    }

    pub fn later_than_outcome(tag: &str, conference: &str) -> String {
        format!("the entry's tag ({tag}) is later than {conference}, the text's own conference: left out")
    }

    pub fn unknown_tag(tag: &str) -> String {
        format!("no conference of this body met at ({tag}) as far as the catalogue knows: left out")
    }

    pub fn wrote(path: &str, count: usize) -> String {
        format!(
            "wrote {path}: {count} {}",
            plural(count, "resolution", "resolutions")
        )
    }

    pub fn conflict(subject: &str, what: &str, kept: &str, other: &str) -> String {
        format!("  {subject}, {what}: {kept} / {other}")
    }

    pub fn learn_nothing(paths: &[std::path::PathBuf]) -> String {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        format!(
            "no document to learn from in {} (it reads .txt, .md and .docx)",
            names.join(", ")
        )
    }

    pub fn learnt(
        files: usize,
        citations: usize,
        unresolved: usize,
        facts: usize,
        new: usize,
    ) -> String {
        format!(
            "read {files} {}: {citations} {} with a revision tag used ({unresolved} named no conference of their body); {facts} {} attested, {new} new to the catalogue",
            plural(files, "document", "documents"),
            plural(citations, "citation", "citations"),
            plural(facts, "fact", "facts"),
        )
    }

    pub const LEARN_CONFLICTS: &str =
        "Conflicts in the evidence (kept in the file as learn_conflicts, not settled):";
}
