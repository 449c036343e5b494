//! GitHub Actions workflow annotations (`--format github`): one line per finding,
//!
//! ```text
//! ::warning file=doc.txt,line=9,col=4,endLine=9,endColumn=37,title=proplint (stale-revision)::Resolution 140 …
//! ```
//!
//! which the runner turns into an annotation on the file, in the pull request's diff and
//! in the run's summary. Errors are `::error`, warnings `::warning`, info `::notice`.
//!
//! Positions come from [`FileResult::range`]: 1-based lines, 1-based columns counted in
//! Unicode characters, `endColumn` exclusive. GitHub accepts columns only on a one-line
//! annotation (the runner drops them, with a warning, when `line` ≠ `endLine`), so a
//! finding that spans lines gets `line` and `endLine` only.
//!
//! Escaping is the one `@actions/core` applies: in the message `%`, CR and LF become
//! `%25`, `%0D`, `%0A`; in property values (`file`, `title`) `:` and `,` also become
//! `%3A` and `%2C`.

use super::FileResult;
use crate::base::diagnostic::Severity;

/// The workflow command for a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message (what follows the second `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The path GitHub matches against the repository: as given, without a leading `./`,
/// with `/` separators.
fn annotation_path(path: &str) -> String {
    let mut p = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_string();
    }
    p
}

/// One line per finding, each ending with a newline; nothing for a clean run.
pub fn render(files: &[FileResult]) -> String {
    let mut out = String::new();
    for file in files {
        let path = escape_property(&annotation_path(&file.path));
        for d in file.diagnostics() {
            let ((line, col), (end_line, end_col)) = file.range(d.span);
            let position = if line == end_line {
                format!("line={line},col={col},endLine={end_line},endColumn={end_col}")
            } else {
                format!("line={line},endLine={end_line}")
            };
            let title = escape_property(&format!("proplint ({})", d.rule.code()));
            out.push_str(&format!(
                "::{} file={path},{position},title={title}::{}\n",
                command(d.severity),
                escape_data(&d.message)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_actions_core() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(
            escape_property("dir,1/a:b%.txt\n"),
            "dir%2C1/a%3Ab%25.txt%0A"
        );
    }

    #[test]
    fn paths_lose_a_leading_dot_slash() {
        assert_eq!(annotation_path("./././a/b.txt"), "a/b.txt");
        assert_eq!(annotation_path("a/./b.txt"), "a/./b.txt");
    }
}
