//! A paragraph's text as a list of segments (unchanged, inserted, deleted), rendered as
//! CriticMarkup.
//!
//! Segments of the same kind are merged as they are pushed, so a word that Word split
//! over several runs (or several `w:ins` elements) gives one mark, and a deletion
//! directly followed by an insertion renders as one substitution `{~~old~>new~~}`.
//!
//! **Escaping.** CriticMarkup has no escape character. Text that itself contains a mark
//! delimiter (`{++`, `{--`, `{~~`, `{>>`, `{==`, `++}`, `--}`, `~~}`, `<<}`, `==}` or
//! `~>`) gets a WORD JOINER (U+2060, invisible and never a line-break opportunity)
//! inserted inside the delimiter: `{⁠++`, `++⁠}`, `~⁠>`. The reader sees the same text,
//! and no parser can take it for markup. Such text is vanishingly rare in proposals, so
//! the cost (an invisible character where it occurs) is paid almost never.

/// What happened to a piece of text under track changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Plain,
    Ins,
    Del,
}

/// U+2060 WORD JOINER.
const JOINER: char = '\u{2060}';

#[derive(Debug, Default)]
pub(crate) struct Segments {
    segs: Vec<(Kind, String)>,
}

impl Segments {
    /// Appends `text` as `kind`. Line breaks and control characters other than the tab
    /// cannot reach the output: a paragraph must stay one line.
    pub(crate) fn push(&mut self, kind: Kind, text: &str) {
        let clean = text.chars().filter_map(|c| match c {
            '\t' => Some('\t'),
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        });
        match self.segs.last_mut() {
            Some((k, s)) if *k == kind => s.extend(clean),
            _ => {
                let s: String = clean.collect();
                if !s.is_empty() {
                    self.segs.push((kind, s));
                }
            }
        }
    }

    /// Appends all segments of `other`.
    pub(crate) fn append(&mut self, other: &Segments) {
        for (kind, text) in &other.segs {
            self.push(*kind, text);
        }
    }

    pub(crate) fn has(&self, kind: Kind) -> bool {
        self.segs.iter().any(|(k, _)| *k == kind)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }

    pub(crate) fn render(&self, out: &mut String) {
        let mut i = 0;
        while let Some((kind, text)) = self.segs.get(i) {
            match kind {
                Kind::Plain => escape_into(text, out),
                Kind::Ins => {
                    out.push_str("{++");
                    escape_into(text, out);
                    out.push_str("++}");
                }
                Kind::Del => {
                    if let Some((Kind::Ins, new)) = self.segs.get(i + 1) {
                        out.push_str("{~~");
                        escape_into(text, out);
                        out.push_str("~>");
                        escape_into(new, out);
                        out.push_str("~~}");
                        i += 1;
                    } else {
                        out.push_str("{--");
                        escape_into(text, out);
                        out.push_str("--}");
                    }
                }
            }
            i += 1;
        }
    }
}

/// Copies `text` to `out`, breaking every CriticMarkup delimiter with a word joiner.
pub(crate) fn escape_into(text: &str, out: &mut String) {
    // Every delimiter is ASCII, so looking ahead by bytes is exact.
    let bytes = text.as_bytes();
    // The last two characters written, joiners excluded.
    let (mut p2, mut p1) = ('\0', '\0');
    for (i, c) in text.char_indices() {
        let pair_closes = matches!(
            (p2, p1),
            ('+', '+') | ('-', '-') | ('~', '~') | ('<', '<') | ('=', '=')
        );
        if (c == '}' && pair_closes) || (c == '>' && p1 == '~') {
            out.push(JOINER);
        }
        out.push(c);
        if c == '{' {
            let next = (bytes.get(i + 1), bytes.get(i + 2));
            if matches!(
                next,
                (Some(b'+'), Some(b'+'))
                    | (Some(b'-'), Some(b'-'))
                    | (Some(b'~'), Some(b'~'))
                    | (Some(b'>'), Some(b'>'))
                    | (Some(b'='), Some(b'='))
            ) {
                out.push(JOINER);
            }
        }
        (p2, p1) = (p1, c);
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = String::new();
        escape_into(s, &mut out);
        out.replace(JOINER, "|")
    }

    #[test]
    fn escapes_every_delimiter() {
        assert_eq!(esc("a {++b++} c"), "a {|++b++|} c");
        assert_eq!(esc("{--x--}"), "{|--x--|}");
        assert_eq!(esc("{~~a~>b~~}"), "{|~~a~|>b~~|}");
        assert_eq!(esc("{>>c<<}"), "{|>>c<<|}");
        assert_eq!(esc("{==h==}"), "{|==h==|}");
        assert_eq!(
            esc("plain {braces} and -- dashes + plus"),
            "plain {braces} and -- dashes + plus"
        );
    }

    #[test]
    fn merges_and_substitutes() {
        let mut s = Segments::default();
        s.push(Kind::Plain, "Rev. ");
        s.push(Kind::Del, "Guadala");
        s.push(Kind::Del, "jara, 2010");
        s.push(Kind::Ins, "Busan");
        s.push(Kind::Ins, ", 2014");
        s.push(Kind::Plain, ")");
        let mut out = String::new();
        s.render(&mut out);
        assert_eq!(out, "Rev. {~~Guadalajara, 2010~>Busan, 2014~~})");
    }

    #[test]
    fn never_breaks_the_line() {
        let mut s = Segments::default();
        s.push(Kind::Plain, "a\nb\r\nc\u{0}d\te");
        let mut out = String::new();
        s.render(&mut out);
        assert_eq!(out, "a b  cd\te");
    }
}
