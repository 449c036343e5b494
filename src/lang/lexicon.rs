//! The words of proposals in English, French and Spanish: call words, body names,
//! "this conference", reasons. All entries are folded (see [`crate::base::fold`]).
//!
//! Recognition is language-agnostic: every language's words are tried on every line,
//! so a unit parses the same whatever the document's language. The language only
//! chooses how fixes are written.

use super::Lang;
use crate::base::fold::fold;
use crate::base::BodyRef;

/// A call word that opens a section, and whether the section is operative (numbered
/// clauses) or preambular (lettered clauses).
pub struct CallWord {
    pub folded: &'static str,
    pub lang: Lang,
    pub operative: bool,
}

const fn call(folded: &'static str, lang: Lang, operative: bool) -> CallWord {
    CallWord {
        folded,
        lang,
        operative,
    }
}

/// Longest first within a language, so "noting further" wins over "noting". The
/// "further" / "also" / "en outre" / "además" forms of every word are read by
/// [`CALL_MODIFIERS`]; the ones listed here are kept for the name they give a section.
/// The lists follow the Final Acts of the Plenipotentiary Conference and the WTDC, WTSA
/// and RA resolution volumes in their three languages.
pub static CALL_WORDS: &[CallWord] = &[
    // English preambular
    call("recalling further", Lang::En, false),
    call("recalling", Lang::En, false),
    call("considering further", Lang::En, false),
    call("considering", Lang::En, false),
    call("recognizing further", Lang::En, false),
    call("recognizing", Lang::En, false),
    call("recognising", Lang::En, false),
    call("noting further", Lang::En, false),
    call("noting with satisfaction", Lang::En, false),
    call("noting with concern", Lang::En, false),
    call("noting", Lang::En, false),
    call("bearing in mind", Lang::En, false),
    call("keeping in mind", Lang::En, false),
    call("aware", Lang::En, false),
    call("mindful", Lang::En, false),
    call("conscious", Lang::En, false),
    call("taking into account", Lang::En, false),
    call("taking into consideration", Lang::En, false),
    call("taking note", Lang::En, false),
    call("emphasizing", Lang::En, false),
    call("emphasising", Lang::En, false),
    call("stressing", Lang::En, false),
    call("underlining", Lang::En, false),
    call("highlighting", Lang::En, false),
    call("acknowledging", Lang::En, false),
    call("appreciating", Lang::En, false),
    call("welcoming", Lang::En, false),
    call("observing", Lang::En, false),
    call("having regard to", Lang::En, false),
    call("having considered", Lang::En, false),
    call("having examined", Lang::En, false),
    call("having noted", Lang::En, false),
    call("convinced", Lang::En, false),
    call("deeply concerned", Lang::En, false),
    call("concerned", Lang::En, false),
    call("reaffirming", Lang::En, false),
    call("affirming", Lang::En, false),
    call("expressing", Lang::En, false),
    call("guided by", Lang::En, false),
    call("further recognizing", Lang::En, false),
    // English operative
    call("resolves further", Lang::En, true),
    call("resolves", Lang::En, true),
    call("decides", Lang::En, true),
    call("instructs", Lang::En, true),
    call("invites", Lang::En, true),
    call("requests", Lang::En, true),
    call("encourages", Lang::En, true),
    call("urges", Lang::En, true),
    call("calls upon", Lang::En, true),
    call("calls on", Lang::En, true),
    call("appeals to", Lang::En, true),
    call("authorizes", Lang::En, true),
    call("recommends", Lang::En, true),
    call("further resolves", Lang::En, true),
    // French preambular
    call("rappelant en outre", Lang::Fr, false),
    call("rappelant", Lang::Fr, false),
    call("considerant en outre", Lang::Fr, false),
    call("considerant", Lang::Fr, false),
    call("reconnaissant en outre", Lang::Fr, false),
    call("reconnaissant", Lang::Fr, false),
    call("notant en outre", Lang::Fr, false),
    call("notant avec satisfaction", Lang::Fr, false),
    call("notant avec preoccupation", Lang::Fr, false),
    call("notant", Lang::Fr, false),
    call("prenant note", Lang::Fr, false),
    call("ayant a l'esprit", Lang::Fr, false),
    call("gardant a l'esprit", Lang::Fr, false),
    call("consciente du fait", Lang::Fr, false),
    call("consciente", Lang::Fr, false),
    call("conscient", Lang::Fr, false),
    call("tenant compte", Lang::Fr, false),
    call("soulignant", Lang::Fr, false),
    call("insistant sur", Lang::Fr, false),
    call("mettant l'accent sur", Lang::Fr, false),
    call("appreciant", Lang::Fr, false),
    call("observant", Lang::Fr, false),
    call("constatant", Lang::Fr, false),
    call("ayant examine", Lang::Fr, false),
    call("ayant considere", Lang::Fr, false),
    call("ayant pris note", Lang::Fr, false),
    call("convaincue", Lang::Fr, false),
    call("convaincu", Lang::Fr, false),
    call("vivement preoccupee", Lang::Fr, false),
    call("preoccupee", Lang::Fr, false),
    call("reaffirmant", Lang::Fr, false),
    call("affirmant", Lang::Fr, false),
    call("exprimant", Lang::Fr, false),
    call("guidee par", Lang::Fr, false),
    call("rappelant egalement", Lang::Fr, false),
    call("accueillant avec satisfaction", Lang::Fr, false),
    call("se felicitant", Lang::Fr, false),
    // French operative
    call("decide en outre", Lang::Fr, true),
    call("decide", Lang::Fr, true),
    call("charge", Lang::Fr, true),
    call("invite", Lang::Fr, true),
    call("prie instamment", Lang::Fr, true),
    call("prie", Lang::Fr, true),
    call("encourage", Lang::Fr, true),
    call("exhorte", Lang::Fr, true),
    call("lance un appel", Lang::Fr, true),
    call("autorise", Lang::Fr, true),
    call("recommande", Lang::Fr, true),
    // Spanish preambular
    call("recordando ademas", Lang::Es, false),
    call("recordando", Lang::Es, false),
    call("considerando ademas", Lang::Es, false),
    call("considerando", Lang::Es, false),
    call("reconociendo ademas", Lang::Es, false),
    call("reconociendo", Lang::Es, false),
    call("observando ademas", Lang::Es, false),
    call("observando", Lang::Es, false),
    call("tomando nota de", Lang::Es, false),
    call("tomando nota", Lang::Es, false),
    call("teniendo presente", Lang::Es, false),
    call("consciente", Lang::Es, false),
    call("teniendo en cuenta", Lang::Es, false),
    call("destacando", Lang::Es, false),
    call("subrayando", Lang::Es, false),
    call("recalcando", Lang::Es, false),
    call("haciendo hincapie", Lang::Es, false),
    call("poniendo de relieve", Lang::Es, false),
    call("apreciando", Lang::Es, false),
    call("senalando", Lang::Es, false),
    call("habiendo examinado", Lang::Es, false),
    call("habiendo considerado", Lang::Es, false),
    call("acogiendo con satisfaccion", Lang::Es, false),
    call("celebrando", Lang::Es, false),
    call("reafirmando", Lang::Es, false),
    call("afirmando", Lang::Es, false),
    call("expresando", Lang::Es, false),
    call("guiada por", Lang::Es, false),
    call("convencida", Lang::Es, false),
    call("profundamente preocupada", Lang::Es, false),
    call("preocupada", Lang::Es, false),
    // Spanish operative
    call("resuelve ademas", Lang::Es, true),
    call("resuelve", Lang::Es, true),
    call("decide", Lang::Es, true),
    call("encarga", Lang::Es, true),
    call("invita", Lang::Es, true),
    call("pide", Lang::Es, true),
    call("solicita", Lang::Es, true),
    call("alienta", Lang::Es, true),
    call("insta", Lang::Es, true),
    call("exhorta", Lang::Es, true),
    call("autoriza", Lang::Es, true),
    call("recomienda", Lang::Es, true),
];

/// Words that turn any call word into its "further" form: before it ("further
/// instructs", "also resolves") or after it ("noting also", "charge en outre",
/// "encarga asimismo"). Folded.
pub static CALL_MODIFIERS_BEFORE: &[&str] = &["further ", "also ", "en outre, ", "ademas, "];

/// See [`CALL_MODIFIERS_BEFORE`]: the forms written after the call word. "with" /
/// "avec" / "con" and one word ("noting with appreciation", "notant avec intérêt") are
/// read by the parser.
pub static CALL_MODIFIERS_AFTER: &[&str] = &[
    "further",
    "also",
    "en outre",
    "egalement",
    "de plus",
    "aussi",
    "ademas",
    "asimismo",
    "tambien",
    "igualmente",
];

/// Words that may follow an operative call word on its line: its addressee.
pub static ADDRESSEE_STARTS: &[&str] = &[
    "the ",
    "le ",
    "la ",
    "les ",
    "l'",
    "el ",
    "al ",
    "a la ",
    "a los ",
    "los ",
    "las ",
    "member",
    "etats",
    "estados",
    "sector",
    "all ",
    "tous",
    "todos",
    "administrations",
    "administraciones",
    "regional",
    "organisations",
    "organizations",
    "organizaciones",
    "academia",
    "itu ",
    "uit ",
    "to ",
    "a ",
    "aux ",
    "further",
    "en outre",
    "ademas",
    // "resolves to instruct the Director ...", "décide de charger le Directeur ...",
    // "resuelve encargar al Director ..." ("to " is above).
    "de charger",
    "d'inviter",
    "de prier",
    "d'encourager",
    "d'autoriser",
    "encargar",
    "invitar",
    "pedir",
    "solicitar",
    "alentar",
    "instar",
];

/// Folded phrases naming a body after (or, for abbreviations, before) a citation.
/// Longest first, so "world telecommunication development conference" is not read as
/// a shorter phrase.
pub static BODY_PHRASES: &[(&str, BodyRef)] = &[
    ("plenipotentiary conference", BodyRef::Pp),
    ("conference de plenipotentiaires", BodyRef::Pp),
    ("conferencia de plenipotenciarios", BodyRef::Pp),
    (
        "world telecommunication development conference",
        BodyRef::Wtdc,
    ),
    (
        "conference mondiale de developpement des telecommunications",
        BodyRef::Wtdc,
    ),
    (
        "conferencia mundial de desarrollo de las telecomunicaciones",
        BodyRef::Wtdc,
    ),
    (
        "world telecommunication standardization assembly",
        BodyRef::Wtsa,
    ),
    (
        "world telecommunication standardisation assembly",
        BodyRef::Wtsa,
    ),
    (
        "assemblee mondiale de normalisation des telecommunications",
        BodyRef::Wtsa,
    ),
    (
        "asamblea mundial de normalizacion de las telecomunicaciones",
        BodyRef::Wtsa,
    ),
    ("radiocommunication assembly", BodyRef::Ra),
    ("assemblee des radiocommunications", BodyRef::Ra),
    ("asamblea de radiocomunicaciones", BodyRef::Ra),
    ("world radiocommunication conference", BodyRef::Wrc),
    ("conference mondiale des radiocommunications", BodyRef::Wrc),
    ("conferencia mundial de radiocomunicaciones", BodyRef::Wrc),
    (
        "world conference on international telecommunications",
        BodyRef::Wcit,
    ),
    (
        "conference mondiale des telecommunications internationales",
        BodyRef::Wcit,
    ),
    (
        "conferencia mundial de telecomunicaciones internacionales",
        BodyRef::Wcit,
    ),
    ("world telecommunication/ict policy forum", BodyRef::Wtpf),
    (
        "forum mondial des politiques de telecommunication",
        BodyRef::Wtpf,
    ),
    ("general assembly", BodyRef::Unga),
    ("assemblee generale", BodyRef::Unga),
    ("asamblea general", BodyRef::Unga),
    ("council", BodyRef::Council),
    ("conseil", BodyRef::Council),
    ("consejo", BodyRef::Council),
];

/// Abbreviations, matched as whole words.
pub static BODY_ABBREVIATIONS: &[(&str, BodyRef)] = &[
    ("pp", BodyRef::Pp),
    ("wtdc", BodyRef::Wtdc),
    ("cmdt", BodyRef::Wtdc),
    ("wtsa", BodyRef::Wtsa),
    ("amnt", BodyRef::Wtsa),
    ("ra", BodyRef::Ra),
    ("ar", BodyRef::Ra),
    ("wrc", BodyRef::Wrc),
    ("cmr", BodyRef::Wrc),
    ("wcit", BodyRef::Wcit),
    ("cmti", BodyRef::Wcit),
    ("wtpf", BodyRef::Wtpf),
    ("fmpt", BodyRef::Wtpf),
    ("unga", BodyRef::Unga),
    ("agnu", BodyRef::Unga),
];

/// "of this Conference": the body of the resolution being amended.
pub static THIS_CONFERENCE: &[&str] = &[
    "this conference",
    "the present conference",
    "this assembly",
    "the present assembly",
    "presente conference",
    "presente assemblee",
    "presente conferencia",
    "esta conferencia",
    "presente asamblea",
    "esta asamblea",
];

/// Connectors between a citation and a following body phrase ("of the", "de la", ...).
pub static PHRASE_CONNECTORS: &[&str] = &[
    "of the ",
    "of ",
    "by the ",
    "adopted by the ",
    "de la ",
    "de l'",
    "du ",
    "des ",
    "del ",
    "de los ",
    "de ",
    "adoptee par la ",
    "adoptee par le ",
    "adoptada por la ",
    "adoptada por el ",
];

/// Lines that close a unit with its reasons.
pub static REASONS_WORDS: &[(&str, Lang)] = &[
    ("reasons", Lang::En),
    ("reason", Lang::En),
    ("motifs", Lang::Fr),
    ("motif", Lang::Fr),
    ("motivos", Lang::Es),
    ("motivo", Lang::Es),
];

/// Words that tell a document's language, with their language.
pub static LANGUAGE_MARKERS: &[(&str, Lang)] = &[
    ("the", Lang::En),
    ("of", Lang::En),
    ("and", Lang::En),
    ("to", Lang::En),
    ("resolution", Lang::En),
    ("resolutions", Lang::En),
    ("recalling", Lang::En),
    ("considering", Lang::En),
    ("resolves", Lang::En),
    ("which", Lang::En),
    ("le", Lang::Fr),
    ("les", Lang::Fr),
    ("des", Lang::Fr),
    ("du", Lang::Fr),
    ("et", Lang::Fr),
    ("résolution", Lang::Fr),
    ("résolutions", Lang::Fr),
    ("rappelant", Lang::Fr),
    ("considérant", Lang::Fr),
    ("décide", Lang::Fr),
    ("une", Lang::Fr),
    ("el", Lang::Es),
    ("los", Lang::Es),
    ("las", Lang::Es),
    ("del", Lang::Es),
    ("y", Lang::Es),
    ("resolución", Lang::Es),
    ("resoluciones", Lang::Es),
    ("recordando", Lang::Es),
    ("considerando", Lang::Es),
    ("resuelve", Lang::Es),
    ("una", Lang::Es),
];

/// The words for "resolution" after which a citation's number comes, singular and
/// plural, as an editor completes them.
pub static RESOLUTION_WORDS: &[(&str, Lang)] = &[
    ("resolution", Lang::En),
    ("résolution", Lang::Fr),
    ("resolución", Lang::Es),
    ("resolutions", Lang::En),
    ("résolutions", Lang::Fr),
    ("resoluciones", Lang::Es),
];

/// The same words as a regular-expression alternation, accents optional, for the
/// citation scanner (which also tests every line for "solu" first: every entry holds it).
pub const RESOLUTION_WORDS_PATTERN: &str = r"r[ée]solutions?|resoluci[óo]n|resoluciones";

/// What stands between two numbers of a list ("50, 52 and 58"), as an alternation.
pub const LIST_CONJUNCTIONS_PATTERN: &str = "and|et|y|e|or|ou|o";

/// "Rev." / "Rév." / "REV.", as an alternation (the dot is matched apart).
pub const REVISION_WORD_PATTERN: &str = r"r[ée]v";

/// The word for a revision in a citation's tag, as proplint writes it by default.
pub fn revision_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Rév.",
        Lang::En | Lang::Es => "Rev.",
    }
}

/// The conjunction that joins the last two members of a list.
pub fn and_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "and",
        Lang::Fr => "et",
        Lang::Es => "y",
    }
}

/// The singular of a plural "resolutions" word where dropping its "s" is not enough,
/// by its folded form: (folded plural, singular, singular in capitals).
pub static IRREGULAR_SINGULARS: &[(&str, &str, &str)] =
    &[("resoluciones", "Resolución", "RESOLUCIÓN")];

/// The articles a conference line opens with ("The World ... Conference (Busan, 2014),"),
/// folded, each with the space or apostrophe that ends it.
pub static CONFERENCE_LINE_ARTICLES: &[&str] = &["the ", "la ", "el ", "le ", "l'"];

/// The Union's name before a body's ("the ITU Council", "l'UIT ..."), folded.
pub static UNION_PREFIXES: &[&str] = &["itu ", "uit "];

/// "Draft new" before a heading's kind of text, as an alternation (each with its space).
pub const DRAFT_NEW_PATTERN: &str = "draft new |projet de nouvelle |proyecto de nueva ";

/// The kinds of text a heading names (resolution, decision, recommendation, opinion), as
/// an alternation, accents optional. The parser tells them apart by their first three
/// folded letters: "res", "dec", "rec", anything else an opinion.
pub const TEXT_KIND_PATTERN: &str = "r[ée]solution|resoluci[óo]n|d[ée]cision|decisi[óo]n|recommendation|recommandation|recomendaci[óo]n|opinion|opini[óo]n|avis";

/// The labels of the margin notes that Word prints beside tracked changes and comments
/// when a document is saved as PDF ("Deleted: ...", "Formatted: ..."): the note headers
/// as an alternation, and the notes as they start a line, where a comment's label is
/// followed by its author's initials in brackets ("Comment [AB1]").
pub const WORD_NOTE_HEADER_PATTERN: &str = "Deleted|Formatted|Inserted|Moved|Comment";
pub const WORD_NOTE_LABELS: &[&str] = &[
    "Deleted",
    "Formatted",
    "Inserted",
    "Moved (insertion)",
    "Moved (deletion)",
];
pub const WORD_COMMENT_LABEL: &str = "Comment [";

/// The language a "resolution" word is written in, where its spelling alone tells it:
/// "Résolution" is French and "Resolución" (or "RESOLUCION") Spanish; "Resolution" may be
/// English, or French in capitals without accents, and gets `None`.
pub fn resolution_word_lang(word: &str) -> Option<Lang> {
    let lower = word.to_lowercase();
    if let Some((_, lang)) = RESOLUTION_WORDS
        .iter()
        .find(|(w, lang)| *w == lower && *lang != Lang::En)
    {
        return Some(*lang);
    }
    let folded = fold(word);
    RESOLUTION_WORDS
        .iter()
        .find(|(w, lang)| *lang == Lang::Es && fold(w) == folded)
        .map(|(_, lang)| *lang)
}

/// The line that gives a proposal's reasons, as proplint writes it in each language.
pub fn reasons_line_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Reasons:",
        Lang::Fr => "Motifs:",
        Lang::Es => "Motivos:",
    }
}

/// A call word in each language, for an editor that explains one, and whether it opens
/// an operative section.
pub struct CallWordTranslation {
    pub en: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
    pub operative: bool,
}

pub static CALL_WORD_TRANSLATIONS: &[CallWordTranslation] = &[
    CallWordTranslation {
        en: "recalling",
        fr: "rappelant",
        es: "recordando",
        operative: false,
    },
    CallWordTranslation {
        en: "considering",
        fr: "considérant",
        es: "considerando",
        operative: false,
    },
    CallWordTranslation {
        en: "recognizing",
        fr: "reconnaissant",
        es: "reconociendo",
        operative: false,
    },
    CallWordTranslation {
        en: "noting",
        fr: "notant",
        es: "observando",
        operative: false,
    },
    CallWordTranslation {
        en: "bearing in mind",
        fr: "ayant à l'esprit",
        es: "teniendo presente",
        operative: false,
    },
    CallWordTranslation {
        en: "aware",
        fr: "consciente",
        es: "consciente",
        operative: false,
    },
    CallWordTranslation {
        en: "mindful",
        fr: "consciente",
        es: "consciente",
        operative: false,
    },
    CallWordTranslation {
        en: "taking into account",
        fr: "tenant compte",
        es: "teniendo en cuenta",
        operative: false,
    },
    CallWordTranslation {
        en: "resolves",
        fr: "décide",
        es: "resuelve",
        operative: true,
    },
    CallWordTranslation {
        en: "instructs",
        fr: "charge",
        es: "encarga",
        operative: true,
    },
    CallWordTranslation {
        en: "invites",
        fr: "invite",
        es: "invita",
        operative: true,
    },
    CallWordTranslation {
        en: "requests",
        fr: "prie",
        es: "pide",
        operative: true,
    },
    CallWordTranslation {
        en: "encourages",
        fr: "encourage",
        es: "alienta",
        operative: true,
    },
    CallWordTranslation {
        en: "urges",
        fr: "prie instamment",
        es: "insta",
        operative: true,
    },
];

/// Words that hold the place of reasons not yet written, folded.
pub static REASONS_PLACEHOLDERS: &[&str] = &[
    "tbd",
    "tbc",
    "todo",
    "xxx",
    "n/a",
    "reasons",
    "reason",
    "to be completed",
    "to be provided",
    "to be added",
    "motifs",
    "motif",
    "a completer",
    "a fournir",
    "a preciser",
    "motivos",
    "motivo",
    "por completar",
    "a completar",
    "por determinar",
];

// The words that tell history from staleness (rules/citations/history.rs).

/// Finite verbs of a past tense (and the French passé composé of the passive, which is
/// its narrative past), folded. The English present perfect is not among them: "has
/// furthered" speaks of the present.
pub static PAST_VERBS: &[&str] = &[
    "was", "were", "had", "did", "fut", "furent", "etait", "etaient", "avait", "avaient", "a ete",
    "ont ete", "fue", "fueron", "era", "eran", "habia", "habian",
];

/// The results of a past event, as the subject the citation depends on.
pub static RESULTS_OF: &[&str] = &[
    "results of",
    "resultats de",
    "resultats du",
    "resultats des",
    "resultados de",
    "resultados del",
];

/// Words that date an event: a year after one of them (or after one and a month,
/// "in September 2006") is when something happened. "Tunis 2005" or "its 2009 session"
/// name a thing, not a time. Folded.
pub static WHEN_WORDS: &[&str] = &[
    "in", "since", "from", "until", "till", "during", "en", "depuis", "des", "partir", "jusqu",
    "durant", "desde", "hasta", "durante",
];
