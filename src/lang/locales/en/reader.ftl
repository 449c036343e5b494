# The rest of what a reader sees: severity words, the rule pages' headings, and the
# errors and notices of the command line, the configuration, the catalogue and the editor.

## The report for people: each finding's first line

human-severity = { $severity ->
    [error] error
    [warning] warning
   *[info] note
}
human-header-code = { $severity }[{ $code }]
human-header-message = : { $message }
human-uncatalogued = { $path }: note: { $count ->
    [one] the outcome of { $conferences } is not catalogued, though it has met: citations of its body cannot be called current; `proplint catalog status` says what is known, `proplint catalog build` teaches it
   *[other] the outcomes of { $conferences } are not catalogued, though they have met: citations of their bodies cannot be called current; `proplint catalog status` says what is known, `proplint catalog build` teaches them
}
html-uncatalogued = { $count ->
    [one] The outcome of { $conferences } is not in proplint's catalogue, though that conference has met: citations of its body cannot be confirmed as current.
   *[other] The outcomes of { $conferences } are not in proplint's catalogue, though those conferences have met: citations of their bodies cannot be confirmed as current.
}

## The rule pages (`proplint explain`, the HTML report, SARIF): their section headings

page-what-checks = What it checks
page-why = Why it matters
page-fix = Fix

## The system's errors

io-error = { $kind ->
    [not-found] no such file or folder
    [permission-denied] permission denied
    [is-a-directory] it is a folder, not a file
   *[other] { $detail }
}

## proplint.toml

config-at-line = { $path }:{ $line }: { $problem }
config-in-file = { $path }: { $problem }
config-cannot-read = cannot read: { $error }
config-unknown-key = unknown field `{ $key }` (the keys are target, catalog, rules, include, exclude, debounce-ms and lang)
config-invalid = { $detail }
config-unknown-rule = unknown rule `{ $code }` (see `proplint rules` for the list)
config-unknown-level = unknown level `{ $level }` (expected error, warning, info or off)
config-unknown-lang = unknown language `{ $code }` (expected en, fr, es or auto)

## Catalogue files

catalog-error = { $origin }: { $problem }
catalog-cannot-read = cannot read catalogue file: { $error }
catalog-invalid = not a valid catalogue file ({ $kind ->
    [syntax] the JSON is malformed here
    [eof] the JSON ends too soon
   *[data] a value here does not follow the catalogue's format
}): { $detail }
catalog-conflicts = note: the catalogue files disagree on { $count ->
    [one] { $count } fact
   *[other] { $count } facts
} (both readings kept, the cautious one used); `proplint catalog status` lists them with their sources

## The command line, about the files it was given

cli-no-such-path = { $path }: no such file or folder
cli-cannot-read = { $path }: cannot read: { $error }
cli-cannot-read-stdin = -: cannot read standard input: { $error }
cli-not-a-file = { $path }: not a file or a folder (a device, a pipe or a socket); proplint checks files and the folders that hold them
input-cannot-read = cannot read: { $error }
input-too-large = larger than { $limit } MiB, the most proplint reads of one file of this kind; a proposal is far smaller: is it the right file?
cli-unreported = warning: { $path }: only the first { $shown } of its { $total } findings are reported
target-unknown = unknown target conference `{ $id }`; the catalogue knows { $known }

## The language server's own notices

lsp-setting-ignored = proplint setting `{ $key }` { $key ->
    [target] must be a conference id such as "WTDC-17"
    [catalog] must list file paths
    [rules] must map rule codes to severities
    [lang] must be "auto", "editor", "en", "fr" or "es"
   *[debounceMs] must be zero or more milliseconds
}; it is ignored
lsp-setting-unknown-rule = proplint setting `rules`: unknown rule `{ $code }`; the rules are { $codes }
lsp-setting-rule-level = proplint setting `rules.{ $code }` must be "error", "warning", "info" or "off"
lsp-catalog-fallback = { $error }; using the embedded catalogue
lsp-file-ignored = { $error } (the file is ignored until this is fixed)
lsp-lone-cr = proplint: line { $line } of { $uri } ends with a lone carriage return (classic Mac OS line endings); proplint checks only texts whose lines end with LF or CRLF: convert the line endings to check this file
lsp-too-large = proplint: { $uri } is too large to check ({ $lines } lines): proplint checks texts of at most { $limit } lines and 16 MiB, as it reads files
target-label = { $id ->
    [none] { $source ->
        [not-a-proposal] not a proposal
       *[other] the catalogue's newest state
    }
   *[other] { $id } ({ $source ->
        [option] chosen in the settings
        [conference-line] from the conference line
        [heading] from a heading
        [header] from the document header
       *[catalogue] from the catalogue state
    })
}
action-fix-all = Fix all proplint problems that have a safe fix
cli-output-is-folder = { $path }: cannot write the report: it is a folder; give a file name such as report.html
cli-output-no-folder = { $path }: cannot write the report: the folder { $folder } does not exist
walk-no-extension = no extension
walk-skipped = note: the folder walk skipped { $unread ->
    [0] {""}
    [one] { $unread } file in formats proplint does not check ({ $list }; it reads .txt, .md and .docx)
   *[other] { $unread } files in formats proplint does not check ({ $list }; it reads .txt, .md and .docx)
}{ $unread ->
    [0] {""}
   *[other] { $others ->
        [0] {""}
       *[other] ; and{" "}
    }
}{ $others ->
    [0] {""}
    [one] { $others } file not shaped like an ITU proposal (no proposal heading, reference or conference line), so not checked; name a file to check its citations whatever its shape
   *[other] { $others } files not shaped like an ITU proposal (no proposal heading, reference or conference line), so not checked; name a file to check its citations whatever its shape
}
walk-nothing = { $unread ->
    [0] no file to check in { $paths }: the folder is empty (or every file is excluded)
    [one] no file to check in { $paths }: { $unread } file found, none in a format proplint reads (.txt, .md, .docx)
   *[other] no file to check in { $paths }: { $unread } files found, none in a format proplint reads (.txt, .md, .docx)
}
walk-count = { $ext }: { $count }

## Files that are not text

input-not-utf8 = not valid UTF-8 (byte { $byte }, line { $line }); save the file as UTF-8 (or UTF-16 with a BOM)
input-lone-cr = line { $line } ends with a lone carriage return (classic Mac OS line endings); proplint reads lines ending with LF or CRLF only: convert the line endings
input-utf16-odd = UTF-16 file with an odd number of bytes
input-utf32 = this file is in UTF-32, which proplint does not read; save it as UTF-8 (or UTF-16)
input-nul = this file holds NUL characters (line { $line }): it is not text, or it is text in an encoding proplint does not recognise (UTF-32 without a byte-order mark?); save it as UTF-8
input-too-many-lines = this file has { $lines } lines, more than the { $limit } proplint reads (as many as a Word file's paragraphs); a proposal is far shorter: is it the right file?
input-utf16-unpaired = not valid UTF-16 (unpaired surrogate)
input-utf16-without-bom = looks like UTF-16 without a byte-order mark, but: { $error }
cli-file-problem = { $path }: { $problem }

## The editor's outline

symbol-untitled = (untitled)
symbol-proposal = Proposal
symbol-clauses = { $count ->
    [one] { $count } clause
   *[other] { $count } clauses
}

## --fix, writing a file back

write-cannot-resolve = cannot resolve the file's path before writing: { $error }
write-cannot-stat = cannot read the file's metadata before writing: { $error }
write-read-only = the file is read-only; its fixes were not written (make it writable, or see them with --diff)
write-cannot-reread = cannot re-read before writing: { $error }
write-changed = the file changed since it was read; not writing (run again)
write-cannot-temp = cannot create a temporary file: { $error }
write-cannot-write = cannot write: { $error }
write-cannot-replace = cannot replace the file: { $error }
write-failed-kept = cannot write the file ({ $error }); the fixed text is in { $kept }
write-failed = cannot write the file: { $error }
input-word-unreadable = { $detail }

## proplint catalog status and show

catalog-embedded = embedded catalogue
catalog-status-header = What proplint knows of each conference's outcome (today { $date }; catalogue files: { $origins })
catalog-complete-list = complete list: adopted { $adopted }, revised { $revised }, abrogated { $abrogated } (from { $origin })
catalog-partial = { $count ->
    [one] partial: the outcome for { $count } resolution is known (from { $origins }); the absence of a number proves nothing
   *[other] partial: the outcome for { $count } resolutions is known (from { $origins }); the absence of a number proves nothing
}
catalog-unknown-met = unknown: met, and no outcome is catalogued; teach it with `proplint catalog build <{ $conference } final texts>`
catalog-not-met = not met yet
catalog-wrc-unknown = unknown: no WRC outcome is catalogued, so WRC citations get a note; teach one with `proplint catalog build <its Final Acts>`
catalog-status-conflicts = Catalogue files disagree (both kept, nothing settled):
catalog-unknown-body = unknown body `{ $body }`; use PP, WTDC, WTSA, RA or WRC (or CMDT, AMNT, AR, CMR)
catalog-no-record = the catalogue has no record of { $body } Resolution { $number }
catalog-show-header = { $body } Resolution { $number } (confidence { $confidence ->
    [high] high
    [low] low
   *[medium] medium
})
catalog-show-event = { $conference } ({ $place_year }): { $action ->
    [adopted] adopted
    [revised] revised
   *[other] adopted or revised (sources disagree)
}{ $evidence }
catalog-show-disputed = { " " }(disputed: accepted when cited, never used to flag)
catalog-show-sources = sources: { $sources }
catalog-show-origin = from: { $origin }
catalog-show-not-revised = not revised at: { $list }
catalog-show-in-force-after = listed in force after: { $list }
catalog-show-abrogated = abrogated at { $conference }
catalog-show-abrogated-before = abrogated before { $conference }
catalog-show-no-events = no adoption or revision attested
catalog-show-missing = met since its latest known event, outcome not catalogued: { $list }
catalog-show-files = catalogue files: { $list }
catalog-show-record-sources = record sources: { $list }
