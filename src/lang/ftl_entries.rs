//! Where each message's entry is in a Fluent resource, found without parsing it: build.rs
//! indexes the resources with this scan so that a start finds a message's text without
//! reading the resources, and the language layer parses an entry only when a sentence
//! needs it (`lang::l10n`). Shared with build.rs by path, so it uses nothing but `std`.

/// The message entries of one resource, in order: each id with the byte range of its
/// entry. An entry begins with its identifier at the start of a line and goes on until
/// the next line that begins with an identifier, a term or a comment (its other lines are
/// blank, indented, or a selector's variants and closing brace, which may start at the
/// margin).
pub fn entry_ranges(text: &str) -> Vec<(&str, usize, usize)> {
    let mut found = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let continues =
            !line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '#' || c == '-');
        if !continues {
            if let Some((id, start)) = current.take() {
                found.push((id, start, at));
            }
            let id_len = line
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(line.len());
            if line.starts_with(|c: char| c.is_ascii_alphabetic())
                && line[id_len..].trim_start().starts_with('=')
            {
                current = Some((&line[..id_len], at));
            }
        }
        at += line.len();
    }
    if let Some((id, start)) = current {
        found.push((id, start, text.len()));
    }
    found
}
