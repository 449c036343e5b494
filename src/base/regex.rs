//! Regular expressions compiled once, on first use.

/// A `&'static Regex` for a literal pattern, compiled the first time this place runs.
/// Every pattern is a literal checked by the tests that reach it, so a failure to
/// compile is a bug in proplint, never in its input.
macro_rules! regex {
    ($pattern:expr $(,)?) => {{
        static RE: ::std::sync::OnceLock<::regex::Regex> = ::std::sync::OnceLock::new();
        RE.get_or_init(|| ::regex::Regex::new($pattern).expect("a static regular expression"))
    }};
}
