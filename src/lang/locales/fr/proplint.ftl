# Les phrases de proplint en français, selon l'usage des textes officiels de l'UIT.
# Les organes sont passés avec leur article (« la Conférence… », « l'Assemblée… »).
# Typographie : espace insécable avant : ; ? ! et à l'intérieur des guillemets « ».

## Citations

cited = { $revised ->
    [yes] Résolution { $number } (Rév. { $place }, { $year })
   *[no] Résolution { $number } ({ $place }, { $year })
}
cited-wrc = { $revised ->
    [yes] Résolution { $number } (Rév.CMR-{ $yy })
   *[no] Résolution { $number } (CMR-{ $yy })
}
quoted = « { $text } »
list-and = { $first } et { $last }
met-at = à { $place_year } ({ $id })
body-PP = la Conférence de plénipotentiaires
body-WTDC = la Conférence mondiale de développement des télécommunications
body-WTSA = l'Assemblée mondiale de normalisation des télécommunications
body-RA = l'Assemblée des radiocommunications
body-WRC = la Conférence mondiale des radiocommunications
abbrev-WRC = CMR
body-title-WRC = Conférence mondiale des radiocommunications

## Constats

msg-unknown-resolution = La { $cited } de { $body } n'existe pas : { $reason }
msg-unknown-revision = La { $cited } de { $body } ne renvoie à aucune révision réelle : { $reason }
msg-unknown-revision-suggest = La { $cited } de { $body } ne renvoie à aucune révision réelle : { $reason } ; vouliez-vous dire « { $suggestion } » ?
msg-suppressed = La { $cited } de { $body } a été abrogée par { LA($by) } ({ $by_place_year }), avant la conférence visée : elle n'est plus en vigueur { $target ->
    [none] dans l'état le plus récent du catalogue
   *[other] à { LA($target) }
}
msg-stale = La { $cited } de { $body } n'est pas la version en vigueur { $target ->
    [none] dans l'état le plus récent du catalogue
   *[other] à { LA($target) }
} : elle a été { $revised ->
    [yes] révisée
   *[no] adoptée
} à { $place_year } ({ $id }) ; citer « { $cite } »
msg-uncatalogued = impossible de vérifier la { $cited } de { $body } : { $reason }
msg-uncatalogued-outcomes = { $count ->
    [one] la conférence { $conferences } s'est tenue, mais ses résultats ne figurent pas au catalogue : les citations de son organe dans ce document ne peuvent être dites à jour ; `proplint catalog status` dit ce qui est connu, `proplint catalog build` les ajoute
   *[other] les conférences { $conferences } se sont tenues, mais leurs résultats ne figurent pas au catalogue : les citations de leurs organes dans ce document ne peuvent être dites à jour ; `proplint catalog status` dit ce qui est connu, `proplint catalog build` les ajoute
}
msg-clause-first = le premier alinéa de cette section est numéroté { $label } ; attendu : { $expected }
msg-clause-repeat = le numéro { $label } répète celui de l'alinéa précédent ; attendu : { $expected }
msg-clause-backwards = le numéro { $label } vient après { $previous } : l'ordre n'est pas respecté ; attendu : { $expected }
msg-clause-skip = la numérotation saute de { $previous } à { $label } ; attendu : { $expected }
msg-label-homoglyph = le numéro { $label }) est saisi avec { $script ->
    [greek] la lettre grecque
    [cyrillic] la lettre cyrillique
    [fullwidth] la lettre pleine chasse
   *[other] la lettre
} { $found } ({ $codepoint }), qui ressemble à la lettre latine { $latin }
msg-deleted-clause-survived = l'alinéa { $label }) figure parmi des numéros collés dont l'ancienne série de lettres l'englobe : il semble s'agir d'un alinéa supprimé dans Word dont le texte a subsisté à l'exportation
msg-relabelling-covers = { $defect ->
    [lookalike] {"\u00A0"}; le numéro est aussi hors séquence, et le renuméroter remplace la lettre sosie
   *[glued] {"\u00A0"}; le nouveau numéro est aussi hors séquence, et le renuméroter rétablit la marque
}
msg-flattened = une exportation a collé l'ancien et le nouveau texte ({ $what ->
    [revision] révision
    [label] numéro d'alinéa
    [number] numéro
    [period] période
    [conference-code] code de conférence
   *[clause] alinéa
}) : « { $old } » a été remplacé par « { $new } » ; les marques de révision ont été perdues
msg-proposal-prefix = la proposition { $proposal } change le préfixe des propositions de ce document : { $prefix }/ devient { $other }/
msg-proposal-repeated = la proposition { $proposal } reprend le numéro de la proposition précédente ; attendu : { $expected }
msg-proposal-jump = la numérotation des propositions { $forward ->
    [yes] saute
   *[no] revient en arrière
} de { $previous } à { $proposal } ; attendu : { $expected }
msg-missing-reasons = { $action } n'a pas de ligne « { $word } » : toute proposition MOD, ADD ou SUP expose ses motifs
msg-suppression-no-rule = ce commentaire proplint-ignore ne désigne aucune règle : { $unknown } (voir `proplint rules`)
msg-suppression-nothing = ce commentaire proplint-ignore ne masque rien : aucun constat { $rules ->
    [any] d'aucune règle
   *[other] de { $rules }
} là où il s'applique

## Motifs du catalogue

reason-held-after-target = { LA($conference) } ({ $place_year }) ne s'était pas encore tenue avant la conférence visée, { LA($target) }
reason-held-after-catalogue = { LA($conference) } ({ $place_year }) ne s'était pas encore tenue lors de la dernière mise à jour du catalogue ({ $state_date })
reason-no-number-above = { $body } n'avait aucune résolution d'un numéro supérieur à { $bound } après { LA($after) }
reason-number-above-ceiling = la Résolution { $number } n'existait pas encore à { LA($conference) } : le numéro le plus élevé était alors { $bound }
reason-not-in-complete-list = { LA($conference) } n'a ni adopté ni révisé la Résolution { $number } (sa liste de résolutions est complète)
reason-not-catalogued = la Résolution { $number } de { $body } ne figure pas dans le catalogue
reason-no-record = le catalogue n'indique pas que { LA($conference) } ({ $place_year }) ait adopté ou révisé la Résolution { $number } de { $body }
reason-no-record-attested = le catalogue n'indique pas que { LA($conference) } ({ $place_year }) ait adopté ou révisé la Résolution { $number } de { $body } (attestées : { $attested })
reason-other-body = { $body } ne s'est pas réunie à { $place }, { $year } : c'était { LA($other) }
reason-other-body-met = { $body } ne s'est pas réunie à { $place }, { $year } : c'était { LA($other) } ; elle s'est réunie { $met }
reason-no-meeting-there = aucune conférence de { $body } ne s'est réunie à { $place }, { $year }
reason-no-meeting-there-met = aucune conférence de { $body } ne s'est réunie à { $place }, { $year } ; elle s'est réunie { $met }
reason-no-meeting-that-year = aucune conférence de { $body } ne s'est réunie en { $year }
reason-unknown-conference = le catalogue ne connaît aucune conférence de { $body } à { $place }, { $year }
reason-outcome-unknown = le catalogue ne connaît pas les résultats de { LA($conference) } ; pour les ajouter : { $teach }
reason-first-adoption = la Résolution { $number } a été adoptée pour la première fois à { LA($conference) } ({ $place_year }) ; cette version n'est donc pas une révision et se cite sans « Rév. »
reason-revision-needs-rev = la Résolution { $number } existait avant { LA($conference) } ({ $place_year }), qui l'a révisée : cette version se cite avec « Rév. »
reason-recorded-not-revised = le catalogue indique que { LA($conference) } ({ $place_year }) n'a pas révisé la Résolution { $number }
reason-history-complete = l'historique de la Résolution { $number } est complet jusqu'à { LA($through) } et ne comprend pas { LA($conference) }
reason-before-first-adoption = la Résolution { $number } n'existait pas encore à { LA($conference) } : elle a été adoptée pour la première fois à { LA($first) } ({ $first_place_year })

## Titres des corrections

fix-cite = Citer la Résolution { $number } ({ $tag })
fix-split-list = Scinder la liste selon la révision en vigueur
fix-relabel-one = Renuméroter en { $label }
fix-relabel-to-end = Renuméroter de { $from } jusqu'à la fin de la section ({ $count ->
    [one] { $count } numéro
   *[other] { $count } numéros
})
fix-replace-latin = Remplacer par la lettre latine { $latin }
fix-mark-deleted = Marquer l'alinéa comme supprimé
fix-restore-mark = Rétablir la marque de révision : { $old } → { $new }
fix-renumber-from = Renuméroter à partir de { $first }
fix-add-reasons = Ajouter une ligne « { $word } »
fix-remove-suppression = Supprimer le commentaire proplint-ignore

## La conférence visée

target-from = { $id } (d'après { $source ->
    [option] l'option --target
    [conference-line] la ligne de la conférence
    [heading] le titre
    [header] l'en-tête du document
   *[catalogue] l'état du catalogue
})
target-newest = l'état le plus récent du catalogue ({ $date })
target-source = { $source ->
    [option] option
    [conference-line] ligne de la conférence
    [heading] titre
    [header] en-tête du document
   *[catalogue] état du catalogue
}

## Résumés des règles

summary-unknown-resolution = cite une résolution que l'organe désigné n'a jamais adoptée
summary-unknown-revision = cite une révision (lieu et année) à laquelle la résolution n'a jamais été adoptée ni révisée
summary-suppressed-resolution = cite une résolution abrogée avant la conférence visée
summary-stale-revision = cite une révision remplacée avant la conférence visée
summary-uncatalogued-citation = le catalogue ne peut ni confirmer ni infirmer cette citation
summary-clause-sequence = les numéros des alinéas d'une section sautent, se répètent ou ne se suivent pas
summary-label-homoglyph = un numéro d'alinéa saisi avec une lettre d'une autre écriture qui lui ressemble
summary-flattened-revision = ancien et nouveau texte collés par une exportation qui a perdu les marques de révision
summary-proposal-sequence = les références des propositions d'un document sautent, se répètent ou changent de préfixe
summary-missing-reasons = une proposition MOD, ADD ou SUP sans ses motifs
summary-unused-suppression = un commentaire proplint-ignore qui ne masque rien ou ne désigne aucune règle

# Ajouts des travaux sur la précision et le catalogue (tickets 13 et 14).
msg-reasons-empty = { $action } a une ligne « { $word } : » vide : toute proposition MOD, ADD ou SUP expose ses motifs
msg-reasons-placeholder = { $action } n'a qu'un texte provisoire après « { $word } : » : toute proposition MOD, ADD ou SUP expose ses motifs
reason-number-above-later-ceiling = la Résolution { $number } n'existait pas encore à { LA($conference) } : aucune résolution n'a porté un numéro supérieur à { $bound } avant { LA($until) }
reason-nearest-superseded = { $reason } ; la révision réelle la plus proche, { $revised ->
    [yes] Rév. { $nearest }
   *[no] { $nearest }
}, a été remplacée à { $at_place_year } ({ $at })
reason-outcome-not-catalogued = { $count ->
    [one] { LA($conferences) } s'est tenue depuis et ses résultats ne figurent pas au catalogue : on ignore si elle a révisé la Résolution { $number } ; pour les ajouter : { $teach }
   *[other] les conférences { $conferences } se sont tenues depuis et leurs résultats ne figurent pas au catalogue : on ignore si elles ont révisé la Résolution { $number } ; pour les ajouter : { $teach }
}
teach-catalog-build = `proplint catalog build <textes finals de { LA($id) }>`
