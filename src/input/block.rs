//! One block of text, as the readers of official texts (Akoma Ntoso, HTML) make them
//! and [`blocks`](super::blocks) gathers them.

/// One block of text: white space runs made single spaces, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// The 1-based line or paragraph where the block starts.
    pub at: usize,
}

/// The block of `raw`, starting at line or paragraph `at`, if it holds any text.
pub fn block(raw: &str, at: usize) -> Option<Block> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(Block { text, at })
}
