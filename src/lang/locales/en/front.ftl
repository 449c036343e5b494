# The front-ends: CLI, language server, HTML report.

## The report for people (`proplint check`)

human-fixed = { $path }: fixed { $count } problem(s)
human-target = { $path }: target { $target }
human-word = { $path }: a Word document: line numbers below are paragraph numbers, tracked changes appear as {"{"}++inserted++{"}"} and {"{"}--deleted--{"}"}
human-fix-safe = fix (--fix): { $title }
human-fix-unsafe = suggestion (--fix --unsafe-fixes): { $title }
human-none = No problems found in { $files } file(s).
human-found = Found { $total } problem(s) in { $with } file(s): { $errors } error(s), { $warnings } warning(s), { $infos } info; { $fixable } fixable with --fix.

## The HTML report (`--format html`). Entries with markup are written as they are; the
## variables of the others are escaped with the whole sentence.

lang-name = { $code ->
    [en] English
    [fr] French
   *[es] Spanish
}
html-title-one = Proposal check: { $path }
html-title-many = Proposal check: { $count } documents
html-skip = Skip to the summary
html-footer = Made by proplint { $version }, which checks proposals against its catalogue of ITU conferences and resolutions. Line numbers count the document's lines from 1. This page is self-contained: it needs no connection, and can be printed or sent as it is.
html-heading = Proposal check report
html-n-documents = { $count ->
    [0] no documents
    [one] 1 document
   *[other] { $count } documents
}
html-n-problems = { $count ->
    [0] no problems
    [one] 1 problem
   *[other] { $count } problems
}
html-n-errors = { $count ->
    [0] no errors
    [one] 1 error
   *[other] { $count } errors
}
html-n-warnings = { $count ->
    [0] no warnings
    [one] 1 warning
   *[other] { $count } warnings
}
html-n-notes = { $count ->
    [0] no notes
    [one] 1 note
   *[other] { $count } notes
}
html-none-found = No problems found in { $documents }.
html-found = { $problems } found in { $documents }: { $errors }, { $warnings } and { $notes }.
html-fixable = { $count ->
    [one] One can
   *[other] { $count } of them can
} be corrected automatically (see “Automatic fix” below each one).
html-documents-checked = Documents checked
html-none = none
html-conference = Conference
html-checked-against = Citations are checked against the texts in force when this conference met.
html-catalogue-date = Catalogue date
html-catalogue-date-note = (what proplint knows about ITU resolutions is up to date to this day; later decisions are unknown to it)
html-not-dated = not dated
html-unreadable = Files that could not be read
html-source = { $source ->
    [option] chosen with --target or in proplint.toml
    [conference-line] stated in the document's conference line
    [heading] taken from the revision in a resolution heading
    [header] taken from the conference code in the document's header
   *[catalogue] the document does not say which conference it is for
}
html-conference-words = { $id } — { $body }, { $place_year }
html-no-conference = no particular conference: the newest state of the catalogue ({ $date })
html-summary = Summary
html-all-passed = Nothing to report: every rule passed.
html-table-caption = Problems by rule and severity
html-col-rule = Rule
html-col-meaning = What it means
html-col-errors = Errors
html-col-warnings = Warnings
html-col-notes = Notes
html-col-total = Total
html-all-rules = All rules
html-sev-error = Error
html-sev-warning = Warning
html-sev-info = Note
html-legend-error = Certainly wrong: correct it before you submit the proposal.
html-legend-warning = Very probably a mistake: check it, and correct it unless you meant it.
html-legend-info = proplint could not confirm this: check it by hand.
html-show = Show
html-only-hits = Only the lines with a problem
html-doc-meta = Language: { $language } · Conference: { $conference } ({ $source }) · { $problems }
html-fixed = proplint corrected { $problems } in this file (<code>--fix</code>); the text below is the corrected one:
html-not-proposal = This text does not look like a proposal (no MOD, ADD or SUP proposal and no resolution heading was found), so its citations were not checked.
html-problems-here = Problems in this document
html-line-col = Line { $line }, column { $col }
html-the-document = The document
html-the-document-marked = The document, with the problems marked
html-here = { $severity } here
html-problem-n = Problem { $n }
html-note-meta = Problem { $n } · line { $line }, column { $col } · rule
html-why = Why it matters:
html-what-to-do = What to do:
html-no-fix = there is no automatic fix; only the author can tell what was meant.
html-fix-safe = <strong>Automatic fix</strong> (certainly right: <code>proplint check --fix</code> applies it):
html-fix-unsafe = <strong>Suggested fix</strong> (probably right, check it first: <code>proplint check --fix --unsafe-fixes</code> applies it):
html-fix-word-safe = <strong>Correction</strong> (certainly right: make this change in Word, with Track Changes on):
html-fix-word-unsafe = <strong>Suggested correction</strong> (probably right: check it first, then make it in Word, with Track Changes on):
html-insert = insert
html-delete = delete
html-more-changes = … and { $count ->
    [one] { $count } more change
   *[other] { $count } more changes
} of the same kind
html-rules-heading = The rules in this report
html-what-checks = What it checks:
html-full-explanation = The full explanation of { $code } (online)
html-tip = { $severity }: { $message }

## Hovers in the editor (Markdown)

hover-not-catalogued = Not in proplint's catalogue.
hover-history = History:
hover-event = { $action ->
    [adopted] adopted
    [revised] revised
   *[either] adopted or revised
} at { $id } ({ $place_year }){ $disputed ->
    [yes] {" "}(disputed)
   *[no] {""}
}
hover-abrogated-by = Abrogated by { $id } ({ $place_year }).
hover-in-force = In force { $target ->
    [none] in the catalogue's newest state
   *[other] at { $target } ({ $source })
}: { $citation }.
hover-not-yet = Not yet adopted { $target ->
    [none] in the catalogue's newest state
   *[other] at { $target } ({ $source })
}.
hover-current = The cited revision is the one in force.
hover-stale = **Stale**: the cited revision ({ $place }, { $year }) was superseded by { $id } ({ $tag }).
hover-abrogated = **Abrogated**: { $id } abrogated this resolution before the target.
hover-unknown-revision = **Unknown revision**: { $reason }.
hover-unknown-resolution = **Unknown resolution**: { $reason }.
hover-uncatalogued = The catalogue cannot check this: { $reason }.
hover-proposal = Proposal { $seq } of document { $document }{ $addendum ->
    [none] {""}
   *[other] , addendum { $addendum }
}, from { $origin }{ $origin_name ->
    [none] {""}
   *[other] : { $origin_name }
}.
hover-proposes = It proposes to { $action ->
    [MOD] modify
    [ADD] add
    [SUP] suppress
   *[NOC] leave unchanged
}{ $what }.
origin-name = { $origin ->
    [ECP] European Common Proposals (CEPT)
    [ACP] Asia-Pacific Common Proposals (APT)
    [IAP] Inter-American Proposals (CITEL)
    [AFCP] African Common Proposals (ATU)
    [ARB] Arab States Common Proposals
    [RCC] Regional Commonwealth in the field of Communications
    [USA] United States of America
    [B] Brazil
   *[other] none
}
hover-operative = Operative section: its clauses are numbered 1, 2, 3 …
hover-preambular = Preambular section: its clauses are lettered a), b), c) …
hover-call-word = Call word: opens a section of the resolution.
hover-clauses = This section has { $count ->
    [0] no clause
    [one] 1 clause (unlabelled when alone)
   *[other] { $count } clauses
}.
completion-abrogated = Abrogated before the target.


## Notes on a file

note-word-not-rewritten = a Word file is never rewritten: make the fixes shown in Word, where they stay tracked
human-note = { $path }: note: { $note }

## The command line about its own run

cli-error = error: { $message }
cli-unknown-rule = unknown rule `{ $code }`; `proplint rules` lists them
cli-wrote = Wrote the report to { $path }
cli-cannot-write = { $path }: cannot write the report: { $error }

# A command line that could not be read (clap's errors, in the user's language).
cli-usage-unknown-command = unknown command `{ $value }`{ $suggestion ->
        [none] {""}
       *[other] ; did you mean `{ $suggestion }`?
    }
cli-usage-unknown-option = unknown option `{ $value }`{ $suggestion ->
        [none] {""}
       *[other] ; did you mean `{ $suggestion }`?
    }
cli-usage-invalid-value = `{ $value }` is not a valid value for `{ $option }`{ $suggestion ->
        [none] {""}
       *[other] ; possible values: { $suggestion }
    }
cli-usage-missing = a required argument is missing: `{ $option }`
cli-usage-conflict = `{ $option }` cannot be used with another option given
cli-usage-too-many = `{ $option }` was given too many values
cli-usage-help = `proplint --help` lists the commands and their options (in English).
