//! HTML as blocks: the text between block tags (`p`, `h1`…`h6`, `li`, `td`, `div`,
//! `br`...), entities decoded, each with the line where it starts. Pages saved from a
//! browser are rarely well-formed XML, so this is a tolerant scan, not a parser: tags are
//! dropped, `script` and `style` skipped, and a block ends at any block tag.

use super::block::{block, Block};

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "title",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "dt",
    "dd",
    "hr",
    "body",
];

/// The blocks of an HTML page.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start_line = 1usize;
    let mut line = 1usize;
    let mut rest = text;
    let flush = |current: &mut String, start: usize, out: &mut Vec<Block>| {
        if let Some(b) = block(&decode_entities(current), start) {
            out.push(b);
        }
        current.clear();
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if current.trim().is_empty() {
                start_line = line;
            }
            current.push_str(rest);
            break;
        };
        let (before, tail) = rest.split_at(lt);
        if current.trim().is_empty() && !before.trim().is_empty() {
            start_line = line
                + before[..before.len() - before.trim_start().len()]
                    .matches('\n')
                    .count();
        }
        current.push_str(before);
        line += before.matches('\n').count();
        // Comments and the bodies of script/style are not text.
        let (tag_len, name) = if tail.starts_with("<!--") {
            (
                tail.find("-->").map_or(tail.len(), |e| e + 3),
                String::new(),
            )
        } else {
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            let inner = tail[1..end.saturating_sub(1).max(1)].trim_start_matches('/');
            let name: String = inner
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            (end, name)
        };
        let mut consumed = tag_len;
        if (name == "script" || name == "style") && !tail[1..].starts_with('/') {
            let close = format!("</{name}");
            consumed = tail
                .to_ascii_lowercase()
                .find(&close)
                .map_or(tail.len(), |at| {
                    tail[at..].find('>').map_or(tail.len(), |e| at + e + 1)
                });
        }
        line += tail[..consumed].matches('\n').count();
        let opens_cell = (name == "td" || name == "th") && !tail[1..].starts_with('/');
        if BLOCK_TAGS.contains(&name.as_str()) {
            flush(&mut current, start_line, &mut out);
            start_line = line;
        } else if opens_cell && !current.trim().is_empty() {
            // A table row is one block, its cells joined as a table of contents prints
            // them: "Resolution 1 (Rev. Kigali, 2022) – Rules of procedure – 11".
            current.push_str(" – ");
        } else if !name.is_empty() {
            current.push(' ');
        }
        rest = &tail[consumed..];
    }
    flush(&mut current, start_line, &mut out);
    out
}

/// Decodes the entities official pages use: the XML five, `&nbsp;`, dashes, accented
/// letters of French and Spanish, and numeric references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let decoded = match end {
            Some(end) if tail[end..].starts_with(';') => {
                entity(&tail[1..end]).map(|c| (c, end + 1))
            }
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "iacute" => 'í',
        "Iacute" => 'Í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "ocirc" => 'ô',
        "uacute" => 'ú',
        "Uacute" => 'Ú',
        "ucirc" => 'û',
        "ugrave" => 'ù',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_at_block_tags_with_their_lines() {
        let html = "<html><head><style>p{}</style></head><body>\n<h2>R&Eacute;SOLUTION 130 (R&Eacute;V. BUCAREST, 2022)</h2>\n<p>Renforcement <b>du r&ocirc;le</b><br>de l&#8217;UIT</p></body></html>";
        let b = blocks(html);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "RÉSOLUTION 130 (RÉV. BUCAREST, 2022)",
                "Renforcement du rôle",
                "de l’UIT"
            ]
        );
        assert_eq!(b[0].at, 2);
        assert_eq!(b[1].at, 3);
    }

    #[test]
    fn a_table_row_is_one_block_with_its_cells_dashed() {
        let html = "<table><tr><td>Resolution 1 (Rev. Kigali, 2022)</td><td>Rules of procedure</td><td>11</td></tr>\n<tr><td>Resolution 2</td></tr></table>";
        let texts: Vec<String> = blocks(html).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "Resolution 1 (Rev. Kigali, 2022) – Rules of procedure – 11",
                "Resolution 2"
            ]
        );
    }

    #[test]
    fn unknown_entities_are_kept() {
        assert_eq!(decode_entities("a &foo; b &amp; c &"), "a &foo; b & c &");
    }
}
