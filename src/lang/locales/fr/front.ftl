# The front-ends: CLI, language server, HTML report.

## Le rapport pour les personnes (`proplint check`)

human-fixed = { $path } : { $count ->
    [one] { $count } problème corrigé
   *[other] { $count } problèmes corrigés
}
human-target = { $path } : conférence visée : { $target }
human-word = { $path } : document Word : les numéros de ligne ci-dessous sont des numéros de paragraphe ; les modifications suivies apparaissent sous la forme {"{"}++inséré++{"}"} et {"{"}--supprimé--{"}"}
human-fix-safe = correction (--fix) : { $title }
human-fix-unsafe = suggestion (--fix --unsafe-fixes) : { $title }
human-none = Aucun problème trouvé dans { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}.
human-found = { $total ->
    [one] { $total } problème trouvé
   *[other] { $total } problèmes trouvés
} dans { $with ->
    [one] { $with } fichier
   *[other] { $with } fichiers
} : { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}, { $infos ->
    [one] { $infos } remarque
   *[other] { $infos } remarques
} ; { $fixable ->
    [one] { $fixable } corrigible
   *[other] { $fixable } corrigibles
} avec --fix.

## Le rapport HTML (`--format html`)

lang-name = { $code ->
    [en] anglais
    [fr] français
   *[es] espagnol
}
html-title-one = Vérification de la proposition : { $path }
html-title-many = Vérification des propositions : { $count } documents
html-skip = Aller au résumé
html-footer = Rapport établi par proplint { $version }, qui vérifie les propositions au regard de son catalogue des conférences et des résolutions de l'UIT. Les lignes du document sont numérotées à partir de 1. Cette page est autonome : elle ne nécessite aucune connexion et peut être imprimée ou envoyée telle quelle.
html-heading = Rapport de vérification des propositions
html-n-documents = { $count ->
    [0] aucun document
    [one] { $count } document
   *[other] { $count } documents
}
html-n-problems = { $count ->
    [0] aucun problème
    [one] { $count } problème
   *[other] { $count } problèmes
}
html-n-errors = { $count ->
    [0] aucune erreur
    [one] { $count } erreur
   *[other] { $count } erreurs
}
html-n-warnings = { $count ->
    [0] aucun avertissement
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
html-n-notes = { $count ->
    [0] aucune remarque
    [one] { $count } remarque
   *[other] { $count } remarques
}
html-none-found = Aucun problème trouvé dans { $documents }.
html-found = Problèmes trouvés dans { $documents } : { $problems } ({ $errors }, { $warnings } et { $notes }).
html-fixable = { $count ->
    [one] Un problème peut être corrigé
   *[other] { $count } problèmes peuvent être corrigés
} automatiquement (voir « Correction automatique » sous chacun d'eux).
html-documents-checked = Documents vérifiés
html-none = aucun
html-conference = Conférence
html-checked-against = Les citations sont vérifiées au regard des textes en vigueur à la date de cette conférence.
html-catalogue-date = Date du catalogue
html-catalogue-date-note = (ce que proplint sait des résolutions de l'UIT est à jour à cette date ; les décisions ultérieures lui sont inconnues)
html-not-dated = non daté
html-unreadable = Fichiers illisibles
html-source = { $source ->
    [option] choisie avec --target ou dans proplint.toml
    [conference-line] indiquée dans la ligne de la conférence du document
    [heading] déduite de la révision citée dans le titre d'une résolution
    [header] déduite du code de la conférence dans l'en-tête du document
   *[catalogue] le document n'indique pas à quelle conférence il est destiné
}
html-conference-words = { $id } — { $body }, { $place_year }
html-no-conference = aucune conférence en particulier : l'état le plus récent du catalogue ({ $date })
html-summary = Résumé
html-all-passed = Rien à signaler : toutes les règles sont respectées.
html-table-caption = Problèmes par règle et par gravité
html-col-rule = Règle
html-col-meaning = Signification
html-col-errors = Erreurs
html-col-warnings = Avertissements
html-col-notes = Remarques
html-col-total = Total
html-all-rules = Toutes les règles
html-sev-error = Erreur
html-sev-warning = Avertissement
html-sev-info = Remarque
html-legend-error = Erreur certaine : à corriger avant de soumettre la proposition.
html-legend-warning = Très probablement une erreur : à vérifier, et à corriger sauf si c'était voulu.
html-legend-info = proplint n'a pas pu le confirmer : à vérifier manuellement.
html-show = Afficher
html-only-hits = Seulement les lignes qui présentent un problème
html-doc-meta = Langue : { $language } · Conférence : { $conference } ({ $source }) · { $problems }
html-fixed = proplint a corrigé { $problems } dans ce fichier (<code>--fix</code>) ; le texte ci-dessous est le texte corrigé :
html-not-proposal = Ce texte ne semble pas être une proposition (aucune proposition MOD, ADD ou SUP et aucun titre de résolution n'ont été trouvés) ; ses citations n'ont donc pas été vérifiées.
html-problems-here = Problèmes relevés dans ce document
html-line-col = Ligne { $line }, colonne { $col }
html-the-document = Le document
html-the-document-marked = Le document, avec les problèmes signalés
html-here = { $severity } ici
html-problem-n = Problème { $n }
html-note-meta = Problème { $n } · ligne { $line }, colonne { $col } · règle
html-why = Pourquoi c'est important :
html-what-to-do = Que faire :
html-no-fix = aucune correction automatique n'est possible ; seul l'auteur sait ce qui était voulu.
html-fix-safe = <strong>Correction automatique</strong> (certaine : <code>proplint check --fix</code> l'applique) :
html-fix-unsafe = <strong>Correction suggérée</strong> (probable, à vérifier d'abord : <code>proplint check --fix --unsafe-fixes</code> l'applique) :
html-fix-word-safe = <strong>Correction</strong> (certaine : apportez cette modification dans Word, avec le suivi des modifications activé) :
html-fix-word-unsafe = <strong>Correction suggérée</strong> (probable : vérifiez-la d'abord, puis apportez-la dans Word, avec le suivi des modifications activé) :
html-insert = insérer
html-delete = supprimer
html-more-changes = … et { $count ->
    [one] { $count } autre modification
   *[other] { $count } autres modifications
} du même type
html-rules-heading = Les règles de ce rapport
html-what-checks = Ce qu'elle vérifie :
html-full-explanation = Explication complète de { $code } (en ligne)
html-tip = { $severity } : { $message }

## Infobulles de l'éditeur (Markdown)

hover-not-catalogued = Absente du catalogue de proplint.
hover-history = Historique :
hover-event = { $action ->
    [adopted] adoptée
    [revised] révisée
   *[either] adoptée ou révisée
} à { LA($id) } ({ $place_year }){ $disputed ->
    [yes] {" "}(contesté)
   *[no] {""}
}
hover-abrogated-by = Abrogée par { LA($id) } ({ $place_year }).
hover-in-force = En vigueur { $target ->
    [none] dans l'état le plus récent du catalogue
   *[other] à { LA($target) } ({ $source })
} : { $citation }.
hover-not-yet = Pas encore adoptée { $target ->
    [none] dans l'état le plus récent du catalogue
   *[other] à { LA($target) } ({ $source })
}.
hover-current = La révision citée est celle en vigueur.
hover-stale = **Périmée** : la révision citée ({ $place }, { $year }) a été remplacée par celle de { LA($id) } ({ $tag }).
hover-abrogated = **Abrogée** : { LA($id) } a abrogé cette résolution avant la conférence visée.
hover-unknown-revision = **Révision inconnue** : { $reason }.
hover-unknown-resolution = **Résolution inconnue** : { $reason }.
hover-uncatalogued = Le catalogue ne permet pas de le vérifier : { $reason }.
hover-proposal = Proposition { $seq } du document { $document }{ $addendum ->
    [none] {""}
   *[other] , addendum { $addendum }
}, origine : { $origin }{ $origin_name ->
    [none] {""}
   *[other] {" "}({ $origin_name })
}.
hover-proposes = Elle propose de { $action ->
    [MOD] modifier
    [ADD] ajouter
    [SUP] supprimer
   *[NOC] ne pas modifier
}{ $what }.
origin-name = { $origin ->
    [ECP] propositions européennes communes, CEPT
    [ACP] propositions communes de l'Asie-Pacifique, APT
    [IAP] propositions interaméricaines, CITEL
    [AFCP] propositions africaines communes, UAT
    [ARB] propositions communes des États arabes
    [RCC] Communauté régionale des communications
    [USA] États-Unis d'Amérique
    [B] Brésil
   *[other] none
}
hover-operative = Section du dispositif : ses alinéas sont numérotés 1, 2, 3 …
hover-preambular = Section du préambule : ses alinéas sont désignés par les lettres a), b), c) …
hover-call-word = Formule d'introduction : elle ouvre une section de la résolution.
hover-clauses = Cette section compte { $count ->
    [0] aucun alinéa
    [one] { $count } alinéa (sans numéro lorsqu'il est seul)
   *[other] { $count } alinéas
}.
completion-abrogated = Abrogée avant la conférence visée.


## Remarques sur un fichier

note-word-not-rewritten = un fichier Word n'est jamais réécrit : apportez dans Word les corrections indiquées, où elles restent suivies
human-note = { $path } : remarque : { $note }

## La ligne de commande, sur son propre fonctionnement

cli-error = erreur : { $message }
cli-unknown-rule = règle inconnue `{ $code }` ; `proplint rules` en donne la liste
cli-wrote = Rapport écrit dans { $path }
cli-cannot-write = { $path } : impossible d'écrire le rapport : { $error }

# Une ligne de commande illisible (les erreurs de clap, dans la langue de l'utilisateur).
cli-usage-unknown-command = commande inconnue « { $value } »{ $suggestion ->
        [none] {""}
       *[other]  ; vouliez-vous dire « { $suggestion } » ?
    }
cli-usage-unknown-option = option inconnue « { $value } »{ $suggestion ->
        [none] {""}
       *[other]  ; vouliez-vous dire « { $suggestion } » ?
    }
cli-usage-invalid-value = « { $value } » n'est pas une valeur admise pour « { $option } »{ $suggestion ->
        [none] {""}
       *[other]  ; valeurs possibles : { $suggestion }
    }
cli-usage-missing = il manque un argument obligatoire : « { $option } »
cli-usage-conflict = « { $option } » ne peut pas être employée avec une autre option donnée
cli-usage-too-many = « { $option } » a reçu trop de valeurs
cli-usage-help = `proplint --help` donne la liste des commandes et de leurs options (en anglais).
