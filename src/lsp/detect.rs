//! Whether an open file is a proposal document at all. The server attaches to Markdown
//! and text files generally; only proposals get diagnostics, hovers and completions.
//!
//! Until the document model says so itself (`Document::is_proposal`), a file counts as
//! a proposal when one of its lines starts with an action (`MOD`, `ADD`, `SUP`, `NOC`,
//! also in parentheses or after Markdown markup), is a resolution heading
//! (`RESOLUTION 45`, `RÉSOLUTION`, `RESOLUCIÓN`, `DRAFT NEW RESOLUTION`...) or a
//! conference line ("The World Telecommunication Development Conference (Buenos Aires,
//! 2017),").

/// See the module documentation.
pub fn is_proposal(text: &str) -> bool {
    text.lines().any(is_proposal_line)
}

fn is_proposal_line(line: &str) -> bool {
    let line = line
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '#' | '*' | '_' | '>' | '\u{feff}')
        })
        .trim_end();
    if line.is_empty() {
        return false;
    }
    is_action_line(line) || is_heading(line) || is_conference_line(line)
}

fn is_action_line(line: &str) -> bool {
    let bare = line.strip_prefix('(').unwrap_or(line);
    for action in ["MOD", "ADD", "SUP", "NOC"] {
        if let Some(rest) = bare.strip_prefix(action) {
            let rest = rest.strip_prefix(')').unwrap_or(rest);
            let rest = rest.trim_start_matches(['*', '_']);
            // "MOD\tB/67/3", "MOD ECP/24A6/1", or the action alone.
            if rest.is_empty() || rest.starts_with([' ', '\t', '\u{a0}']) {
                return true;
            }
        }
    }
    false
}

fn is_heading(line: &str) -> bool {
    const HEADINGS: [&str; 6] = [
        "RESOLUTION ",
        "RÉSOLUTION ",
        "RESOLUCIÓN ",
        "DRAFT NEW RESOLUTION",
        "PROJET DE NOUVELLE RÉSOLUTION",
        "PROYECTO DE NUEVA RESOLUCIÓN",
    ];
    let upper = line.to_uppercase();
    HEADINGS.iter().any(|h| {
        upper.starts_with(h)
            && (h.starts_with("DRAFT") || h.starts_with("PROJET") || h.starts_with("PROYECTO") || {
                // "RESOLUTION 45 (...)": a number follows, and the line is upper case as
                // headings are (a sentence starting "Resolution 45 of..." is not one).
                let rest = &upper[h.len()..];
                rest.starts_with(|c: char| c.is_ascii_digit()) && line.starts_with(&h[..3])
            })
    })
}

fn is_conference_line(line: &str) -> bool {
    let starts = [
        "The ",
        "La Conf",
        "La Asamblea",
        "L'Assemblée",
        "L’Assemblée",
    ];
    if !starts.iter().any(|s| line.starts_with(s)) {
        return false;
    }
    let lower = line.to_lowercase();
    let names_conference = [
        "conference",
        "conférence",
        "conferencia",
        "assembly",
        "assemblée",
        "asamblea",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // Ends "(Buenos Aires, 2017)," — a year in parentheses, then a comma or nothing.
    let tail = line.trim_end_matches([',', ':', ' ']);
    let year_in_parens = tail.ends_with(')')
        && tail.rfind('(').map(|i| &tail[i..]).is_some_and(|p| {
            let b = p.as_bytes();
            b.len() >= 6 && b[b.len() - 5..b.len() - 1].iter().all(u8::is_ascii_digit)
        });
    names_conference && year_in_parens
}

#[cfg(test)]
mod tests {
    use super::is_proposal;

    #[test]
    fn proposals_are_recognised() {
        assert!(is_proposal(
            "intro\nMOD\tECP/24A6/1\nRÉSOLUTION 45 (RÉV. DUBAÏ, 2014)\n"
        ));
        assert!(is_proposal("(MOD)\tB/67/3\n"));
        assert!(is_proposal("**ADD** USA/22/4\n"));
        assert!(is_proposal("SUP\n"));
        assert!(is_proposal("RESOLUTION 140 (Rev. Dubai, 2018)\n"));
        assert!(is_proposal("RESOLUCIÓN 45 (Rev. Dubái, 2014)\n"));
        assert!(is_proposal("# PROJET DE NOUVELLE RÉSOLUTION [B-1]\n"));
        assert!(is_proposal(
            "\u{feff} La Conférence mondiale de développement des télécommunications (Dubaï, 2014),\nrappelant\n"
        ));
        assert!(is_proposal(
            "The World Telecommunication Development Conference (Buenos Aires, 2017),\n"
        ));
    }

    #[test]
    fn other_files_are_not() {
        assert!(!is_proposal(""));
        assert!(!is_proposal(
            "# Notes\n\nResolution 45 of the WTDC was discussed.\n"
        ));
        assert!(!is_proposal("MODULE = 3\nADDRESS: here\nSUPPORT\n"));
        assert!(!is_proposal(
            "The conference (2017) was long.\nResolutions everywhere\n"
        ));
        assert!(!is_proposal("target = \"WTDC-17\"\n[rules]\n"));
        assert!(!is_proposal("The place (Dubaï)\n"));
    }
}
