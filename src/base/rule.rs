//! Rule codes: every rule proplint knows, with its stable code and default severity.
//!
//! A code is kebab-case, never renumbered and never reused. What a rule is called in
//! words (its summary, its documentation page) belongs to [`crate::lang`].

use serde::{Serialize, Serializer};

use super::diagnostic::Severity;

macro_rules! rules {
    ($( $variant:ident => $code:literal, $severity:ident; )*) => {
        /// Every rule proplint knows, in the order `proplint rules` lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable code used in output, configuration and suppressions.
            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$severity, )* }
            }
        }
    };
}

rules! {
    UnknownResolution => "unknown-resolution", Error;
    UnknownRevision => "unknown-revision", Error;
    SuppressedResolution => "suppressed-resolution", Warning;
    StaleRevision => "stale-revision", Warning;
    UncataloguedCitation => "uncatalogued-citation", Info;
    ClauseSequence => "clause-sequence", Warning;
    LabelHomoglyph => "label-homoglyph", Error;
    FlattenedRevision => "flattened-revision", Warning;
    ProposalSequence => "proposal-sequence", Warning;
    MissingReasons => "missing-reasons", Warning;
    UnusedSuppression => "unused-suppression", Warning;
}

impl Rule {
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The rule's documentation on the web, for editors that link diagnostic codes.
    pub fn doc_url(self) -> String {
        format!(
            "https://github.com/proplint/proplint/blob/main/docs/rules/{}.md",
            self.code()
        )
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}
