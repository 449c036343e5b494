# proplint's sentences in English. Every message here exists in fr/ and es/ with the
# same variables (tests/l10n.rs checks it). Bodies are passed without an article.

## Quoting

cited = { $revised ->
    [yes] Resolution { $number } (Rev. { $place }, { $year })
   *[no] Resolution { $number } ({ $place }, { $year })
}
cited-wrc = { $revised ->
    [yes] Resolution { $number } (Rev.WRC-{ $yy })
   *[no] Resolution { $number } (WRC-{ $yy })
}
quoted = "{ $text }"
list-and = { $first } and { $last }
met-at = in { $place_year } ({ $id })
body-PP = Plenipotentiary Conference
body-WTDC = World Telecommunication Development Conference
body-WTSA = World Telecommunication Standardization Assembly
body-RA = Radiocommunication Assembly
body-WRC = World Radiocommunication Conference
abbrev-WRC = WRC
body-title-WRC = World Radiocommunication Conference

## Findings

msg-unknown-resolution = { $cited } of the { $body } does not exist: { $reason }
msg-unknown-revision = { $cited } of the { $body } is not a real revision: { $reason }
msg-unknown-revision-suggest = { $cited } of the { $body } is not a real revision: { $reason }; did you mean "{ $suggestion }"?
msg-suppressed = { $cited } of the { $body } was abrogated by { $by } ({ $by_place_year }), before the target: it is no longer in force { $target ->
    [none] in the catalogue's newest state
   *[other] at { $target }
}
msg-stale = { $cited } of the { $body } is not the version in force { $target ->
    [none] in the catalogue's newest state
   *[other] at { $target }
}: it was { $revised ->
    [yes] revised
   *[no] adopted
} at { $place_year } ({ $id }); cite "{ $cite }"
msg-uncatalogued = cannot check { $cited } of the { $body }: { $reason }
msg-uncatalogued-outcomes = { $count ->
    [one] the outcome of { $conferences } is not catalogued, though it has met: citations of its body in this document cannot be called current; `proplint catalog status` says what is known, `proplint catalog build` teaches it
   *[other] the outcomes of { $conferences } are not catalogued, though they have met: citations of their bodies in this document cannot be called current; `proplint catalog status` says what is known, `proplint catalog build` teaches them
}
msg-clause-first = the first clause of this section is labelled { $label }; expected { $expected }
msg-clause-repeat = label { $label } repeats the label before it; expected { $expected }
msg-clause-backwards = label { $label } comes after { $previous }: out of order; expected { $expected }
msg-clause-skip = labels skip from { $previous } to { $label }; expected { $expected }
msg-label-homoglyph = label { $label }) is typed with { $script ->
    [greek] the Greek letter
    [cyrillic] the Cyrillic letter
    [fullwidth] the fullwidth letter
   *[other] the letter
} { $found } ({ $codepoint }), a lookalike of the Latin letter { $latin }
msg-deleted-clause-survived = clause { $label }) sits among glued labels whose old letters run through it: it looks like a clause deleted in Word whose text survived the export
msg-relabelling-covers = { $defect ->
    [lookalike] ; the label is also out of sequence, and relabelling it replaces the lookalike
   *[glued] ; the new label is also out of sequence, and relabelling it restores the mark
}
msg-flattened = old and new { $what ->
    [revision] revision
    [label] label
    [number] number
    [period] period
    [conference-code] conference code
   *[clause] clause
} glued together by an export: "{ $old }" was replaced by "{ $new }"; the revision marks were lost
msg-proposal-prefix = proposal { $proposal } changes the prefix of this document's proposals from { $prefix }/ to { $other }/
msg-proposal-repeated = proposal { $proposal } repeats the number of the proposal before it; expected { $expected }
msg-proposal-jump = proposal numbers { $forward ->
    [yes] skip
   *[no] go back
} from { $previous } to { $proposal }; expected { $expected }
msg-missing-reasons = { $action } has no "{ $word }" line: every MOD, ADD and SUP proposal states its reasons
msg-suppression-no-rule = this suppression names no rule: { $unknown } (see `proplint rules`)
msg-suppression-nothing = this suppression silences nothing: no finding of { $rules ->
    [any] any rule
   *[other] { $rules }
} where it applies

## Why the catalogue judged as it did (follows "does not exist: " and the like)

reason-held-after-target = { $conference } ({ $place_year }) had not been held before the target conference { $target }
reason-held-after-catalogue = { $conference } ({ $place_year }) had not been held when the catalogue was last updated ({ $state_date })
reason-no-number-above = the { $body } had no resolution numbered above { $bound } after { $after }
reason-number-above-ceiling = Resolution { $number } did not exist yet at { $conference }: the highest number then was { $bound }
reason-not-in-complete-list = { $conference } neither adopted nor revised Resolution { $number } (its list of resolutions is complete)
reason-not-catalogued = Resolution { $number } of the { $body } is not in the catalogue
reason-no-record = the catalogue has no record that { $conference } ({ $place_year }) adopted or revised Resolution { $number } of the { $body }
reason-no-record-attested = the catalogue has no record that { $conference } ({ $place_year }) adopted or revised Resolution { $number } of the { $body } (attested: { $attested })
reason-other-body = the { $body } did not meet in { $place }, { $year }: that was { $other }
reason-other-body-met = the { $body } did not meet in { $place }, { $year }: that was { $other }; it met { $met }
reason-no-meeting-there = no conference of the { $body } met in { $place }, { $year }
reason-no-meeting-there-met = no conference of the { $body } met in { $place }, { $year }; it met { $met }
reason-no-meeting-that-year = no conference of the { $body } met in { $year }
reason-unknown-conference = the catalogue knows no conference of the { $body } in { $place }, { $year }
reason-outcome-unknown = the catalogue holds no outcome of { $conference }; teach it with { $teach }
reason-first-adoption = Resolution { $number } was first adopted at { $conference } ({ $place_year }), so that version is not a revision: it is cited without "Rev."
reason-revision-needs-rev = Resolution { $number } existed before { $conference } ({ $place_year }), which revised it: that version is cited with "Rev."
reason-recorded-not-revised = the catalogue records that { $conference } ({ $place_year }) did not revise Resolution { $number }
reason-history-complete = the history of Resolution { $number } is complete through { $through } and does not include { $conference }
reason-before-first-adoption = Resolution { $number } did not exist yet at { $conference }: it was first adopted at { $first } ({ $first_place_year })

## Fix titles

fix-cite = Cite Resolution { $number } ({ $tag })
fix-split-list = Split the list by the revision in force
fix-relabel-one = Relabel as { $label }
fix-relabel-to-end = Relabel from { $from } to the end of the section ({ $count } labels)
fix-replace-latin = Replace with Latin { $latin }
fix-mark-deleted = Mark the clause as deleted
fix-restore-mark = Restore the revision mark: { $old } → { $new }
fix-renumber-from = Renumber from { $first }
fix-add-reasons = Add a "{ $word }" line
fix-remove-suppression = Remove the suppression

## The target

target-from = { $id } (from the { $source ->
    [option] option
    [conference-line] conference line
    [heading] heading
    [header] document header
   *[catalogue] catalogue state
})
target-newest = the catalogue's newest state ({ $date })
target-source = { $source ->
    [option] option
    [conference-line] conference line
    [heading] heading
    [header] document header
   *[catalogue] catalogue state
}

## Rule summaries (`proplint rules`, `proplint explain`)

summary-unknown-resolution = cites a resolution that the body it resolves to never had
summary-unknown-revision = cites a revision (place and year) at which the resolution was never adopted or revised
summary-suppressed-resolution = cites a resolution abrogated before the target conference
summary-stale-revision = cites a revision superseded before the target conference
summary-uncatalogued-citation = the catalogue cannot confirm or refute this citation
summary-clause-sequence = clause labels of a section skip, repeat or run out of order
summary-label-homoglyph = a clause label typed with a lookalike letter from another script
summary-flattened-revision = old and new text glued together by an export that lost the revision marks
summary-proposal-sequence = proposal references of a document skip, repeat or change prefix
summary-missing-reasons = a MOD, ADD or SUP proposal without its Reasons
summary-unused-suppression = a proplint-ignore comment that silences nothing, or names no rule

# Added with the precision and catalogue work (issues 13 and 14).
msg-reasons-empty = { $action } has an empty "{ $word }:" line: every MOD, ADD and SUP proposal states its reasons
msg-reasons-placeholder = { $action } has only a placeholder after "{ $word }:": every MOD, ADD and SUP proposal states its reasons
reason-number-above-later-ceiling = Resolution { $number } did not exist yet at { $conference }: no resolution was numbered above { $bound } until after { $until }
reason-nearest-superseded = { $reason }; the nearest real revision, { $revised ->
    [yes] Rev. { $nearest }
   *[no] { $nearest }
}, was superseded at { $at_place_year } ({ $at })
reason-outcome-not-catalogued = { $count ->
    [one] { $conferences } met since and its outcome is not catalogued: whether it revised Resolution { $number } is unknown; teach it with { $teach }
   *[other] { $conferences } met since and their outcomes are not catalogued: whether they revised Resolution { $number } is unknown; teach them with { $teach }
}
teach-catalog-build = `proplint catalog build <{ $id } final texts>`
