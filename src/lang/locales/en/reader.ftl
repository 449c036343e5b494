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
