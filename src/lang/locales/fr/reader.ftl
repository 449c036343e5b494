# Le reste de ce que lit l'utilisateur : mots de gravité, titres des pages des règles,
# erreurs et avis de la ligne de commande, de la configuration, du catalogue et de l'éditeur.

## Le rapport pour les personnes : première ligne de chaque constat

human-severity = { $severity ->
    [error] erreur
    [warning] avertissement
   *[info] remarque
}
human-header-code = { $severity }[{ $code }]
human-header-message = {"\u00A0"}: { $message }
human-uncatalogued = { $path } : remarque : { $count ->
    [one] les résultats de { LA($conferences) } ne figurent pas au catalogue, bien qu'elle se soit tenue : les citations de son organe ne peuvent être déclarées à jour ; `proplint catalog status` indique ce qui est connu, `proplint catalog build` les y ajoute
   *[other] les résultats des conférences { $conferences } ne figurent pas au catalogue, bien qu'elles se soient tenues : les citations de leurs organes ne peuvent être déclarées à jour ; `proplint catalog status` indique ce qui est connu, `proplint catalog build` les y ajoute
}
html-uncatalogued = { $count ->
    [one] Les résultats de { LA($conferences) } ne figurent pas dans le catalogue de proplint, bien que cette conférence se soit tenue : les citations de son organe ne peuvent être confirmées comme à jour.
   *[other] Les résultats des conférences { $conferences } ne figurent pas dans le catalogue de proplint, bien que ces conférences se soient tenues : les citations de leurs organes ne peuvent être confirmées comme à jour.
}

## Les pages des règles (`proplint explain`, le rapport HTML, SARIF) : titres de leurs sections

page-what-checks = Ce qu'elle vérifie
page-why = Pourquoi c'est important
page-fix = Correction

## Les erreurs du système

io-error = { $kind ->
    [not-found] fichier ou dossier introuvable
    [permission-denied] accès refusé
    [is-a-directory] c'est un dossier, non un fichier
   *[other] { $detail }
}

## proplint.toml

config-at-line = { $path }:{ $line } : { $problem }
config-in-file = { $path } : { $problem }
config-cannot-read = lecture impossible : { $error }
config-unknown-key = clé inconnue `{ $key }` (les clés sont target, catalog, rules, include, exclude, debounce-ms et lang)
config-invalid = ce n'est pas un fichier proplint.toml valide (selon le lecteur TOML : { $detail })
config-unknown-rule = règle inconnue `{ $code }` (`proplint rules` en donne la liste)
config-unknown-level = niveau inconnu `{ $level }` (valeurs possibles : error, warning, info ou off)
config-unknown-lang = langue inconnue `{ $code }` (valeurs possibles : en, fr, es ou auto)

## Les fichiers de catalogue

catalog-error = { $origin } : { $problem }
catalog-cannot-read = impossible de lire le fichier de catalogue : { $error }
catalog-invalid = ce n'est pas un fichier de catalogue valide ({ $kind ->
    [syntax] le JSON est mal formé à cet endroit
    [eof] le JSON s'arrête trop tôt
   *[data] une valeur ne suit pas ici le format du catalogue
}) ; selon le lecteur JSON : { $detail }
catalog-conflicts = remarque : les fichiers de catalogue se contredisent sur { $count ->
    [one] { $count } fait
   *[other] { $count } faits
} (les deux lectures sont conservées, la plus prudente est appliquée) ; `proplint catalog status` les énumère avec leurs sources

## La ligne de commande, sur les fichiers qu'on lui donne

cli-no-such-path = { $path } : fichier ou dossier introuvable
cli-cannot-read = { $path } : lecture impossible : { $error }
cli-cannot-read-stdin = - : impossible de lire l'entrée standard : { $error }
cli-not-a-file = { $path } : ni un fichier ni un dossier (un périphérique, un tube ou une socket) ; proplint vérifie des fichiers et les dossiers qui les contiennent
input-cannot-read = lecture impossible : { $error }
input-too-large = plus de { $limit } Mio, le maximum que proplint lit d'un fichier de ce type ; une proposition est bien plus petite : est-ce le bon fichier ?
cli-unreported = avertissement : { $path } : seuls les { $shown } premiers de ses { $total } constats sont indiqués
target-unknown = conférence visée inconnue `{ $id }`{"\u00A0"}; le catalogue connaît { $known }

## Les avis du serveur de langage

lsp-setting-ignored = le paramètre proplint `{ $key }` { $key ->
    [target] doit être un identifiant de conférence tel que « CMDT-17 »
    [catalog] doit être une liste de chemins de fichiers
    [rules] doit associer des codes de règles à des gravités
    [lang] doit valoir « auto », « editor », « en », « fr » ou « es »
   *[debounceMs] doit être un nombre de millisecondes, zéro ou plus
} ; il est ignoré
lsp-setting-unknown-rule = paramètre proplint `rules` : règle inconnue `{ $code }` ; les règles sont { $codes }
lsp-setting-rule-level = le paramètre proplint `rules.{ $code }` doit valoir « error », « warning », « info » ou « off »
lsp-catalog-fallback = { $error } ; le catalogue intégré est utilisé
lsp-file-ignored = { $error } (le fichier est ignoré tant que ce n'est pas corrigé)
lsp-lone-cr = proplint : la ligne { $line } de { $uri } se termine par un retour chariot seul (fins de ligne de l'ancien Mac OS) ; proplint ne vérifie que les textes dont les lignes se terminent par LF ou CRLF : convertissez les fins de ligne pour vérifier ce fichier
lsp-too-large = proplint : { $uri } est trop volumineux pour être vérifié ({ $lines } lignes) ; proplint vérifie les textes d'au plus { $limit } lignes et 16 Mio, comme les fichiers qu'il lit
target-label = { $id ->
    [none] { $source ->
        [not-a-proposal] ce n'est pas une proposition
       *[other] l'état le plus récent du catalogue
    }
   *[other] { $id } ({ $source ->
        [option] choisie dans les paramètres
        [conference-line] d'après la ligne de la conférence
        [heading] d'après un titre
        [header] d'après l'en-tête du document
       *[catalogue] d'après l'état du catalogue
    })
}
action-fix-all = Corriger tous les problèmes que proplint sait corriger avec certitude
cli-output-is-folder = { $path } : impossible d'écrire le rapport : c'est un dossier ; indiquez un nom de fichier tel que rapport.html
cli-output-no-folder = { $path } : impossible d'écrire le rapport : le dossier { $folder } n'existe pas
walk-no-extension = sans extension
walk-skipped = remarque : le parcours du dossier a laissé de côté { $unread ->
    [0] {""}
    [one] { $unread } fichier dans un format que proplint ne vérifie pas ({ $list } ; il lit les fichiers .txt, .md et .docx)
   *[other] { $unread } fichiers dans des formats que proplint ne vérifie pas ({ $list } ; il lit les fichiers .txt, .md et .docx)
}{ $unread ->
    [0] {""}
   *[other] { $others ->
        [0] {""}
       *[other] {"\u00A0"}; et{" "}
    }
}{ $others ->
    [0] {""}
    [one] { $others } fichier qui n'a pas la forme d'une proposition de l'UIT (ni titre ou référence de proposition, ni ligne de la conférence), donc non vérifié ; nommez un fichier pour en vérifier les citations quelle que soit sa forme
   *[other] { $others } fichiers qui n'ont pas la forme d'une proposition de l'UIT (ni titre ou référence de proposition, ni ligne de la conférence), donc non vérifiés ; nommez un fichier pour en vérifier les citations quelle que soit sa forme
}
walk-nothing = { $unread ->
    [0] aucun fichier à vérifier dans { $paths } : le dossier est vide (ou tous ses fichiers sont exclus)
    [one] aucun fichier à vérifier dans { $paths } : { $unread } fichier trouvé, dans un format que proplint ne lit pas (.txt, .md, .docx)
   *[other] aucun fichier à vérifier dans { $paths } : { $unread } fichiers trouvés, aucun dans un format que proplint lit (.txt, .md, .docx)
}
walk-count = { $ext } : { $count }

## Les fichiers qui ne sont pas du texte

input-not-utf8 = ce n'est pas de l'UTF-8 valide (octet { $byte }, ligne { $line }){"\u00A0"}; enregistrez le fichier en UTF-8 (ou en UTF-16 avec une marque d'ordre des octets)
input-lone-cr = la ligne { $line } se termine par un retour chariot seul (fins de ligne de l'ancien Mac OS){"\u00A0"}; proplint ne lit que les lignes terminées par LF ou CRLF{"\u00A0"}: convertissez les fins de ligne
input-utf16-odd = fichier UTF-16 dont le nombre d'octets est impair
input-utf32 = ce fichier est en UTF-32, que proplint ne lit pas ; enregistrez-le en UTF-8 (ou en UTF-16)
input-nul = ce fichier contient des caractères NUL (ligne { $line }) : ce n'est pas du texte, ou c'est un texte dans un codage que proplint ne reconnaît pas (de l'UTF-32 sans marque d'ordre des octets ?) ; enregistrez-le en UTF-8
input-too-many-lines = ce fichier compte { $lines } lignes, plus que les { $limit } que proplint lit (autant que de paragraphes dans un fichier Word) ; une proposition est bien plus courte : est-ce le bon fichier ?
input-utf16-unpaired = ce n'est pas de l'UTF-16 valide (demi-code d'indirection isolé)
input-utf16-without-bom = semble être de l'UTF-16 sans marque d'ordre des octets, mais{"\u00A0"}: { $error }
cli-file-problem = { $path } : { $problem }

## Le plan du document dans l'éditeur

symbol-untitled = (sans titre)
symbol-proposal = Proposition
symbol-clauses = { $count ->
    [one] { $count } alinéa
   *[other] { $count } alinéas
}

## --fix, la réécriture d'un fichier

write-cannot-resolve = impossible de résoudre le chemin du fichier avant de l'écrire{"\u00A0"}: { $error }
write-cannot-stat = impossible de lire les métadonnées du fichier avant de l'écrire{"\u00A0"}: { $error }
write-read-only = le fichier est en lecture seule{"\u00A0"}; ses corrections n'ont pas été écrites (rendez-le modifiable, ou affichez-les avec --diff)
write-cannot-reread = impossible de relire le fichier avant de l'écrire{"\u00A0"}: { $error }
write-changed = le fichier a changé depuis sa lecture{"\u00A0"}; il n'est pas écrit (relancez la commande)
write-cannot-temp = impossible de créer un fichier temporaire{"\u00A0"}: { $error }
write-cannot-write = écriture impossible{"\u00A0"}: { $error }
write-cannot-replace = impossible de remplacer le fichier{"\u00A0"}: { $error }
write-failed-kept = impossible d'écrire le fichier ({ $error }){"\u00A0"}; le texte corrigé se trouve dans { $kept }
write-failed = impossible d'écrire le fichier{"\u00A0"}: { $error }
input-word-unreadable = ce fichier Word ne peut pas être lu (selon le lecteur de fichiers Word : { $detail })

## proplint catalog status et show

catalog-embedded = catalogue intégré
catalog-status-header = Ce que proplint sait des résultats de chaque conférence (aujourd'hui { $date } ; fichiers de catalogue : { $origins })
catalog-complete-list = liste complète : { $adopted } adoptées, { $revised } révisées, { $abrogated } abrogées (selon { $origin })
catalog-partial = { $count ->
    [one] partiel : le sort de { $count } résolution est connu (selon { $origins }) ; l'absence d'un numéro ne prouve rien
   *[other] partiel : le sort de { $count } résolutions est connu (selon { $origins }) ; l'absence d'un numéro ne prouve rien
}
catalog-unknown-met = inconnu : la conférence s'est tenue et ses résultats ne figurent pas au catalogue ; pour les ajouter : `proplint catalog build <textes finals de { LA($conference) }>`
catalog-not-met = pas encore tenue
catalog-wrc-unknown = inconnu : aucun résultat de CMR ne figure au catalogue, si bien que les citations des CMR reçoivent une remarque ; pour en ajouter : `proplint catalog build <ses Actes finals>`
catalog-status-conflicts = Les fichiers de catalogue divergent (les deux versions sont gardées, rien n'est tranché) :
catalog-unknown-body = organe inconnu `{ $body }` ; utilisez PP, CMDT, AMNT, AR ou CMR (ou WTDC, WTSA, RA, WRC)
catalog-no-record = le catalogue n'a aucune fiche pour la Résolution { $number } ({ $body })
catalog-show-header = Résolution { $number } ({ $body }) (confiance { $confidence ->
    [high] élevée
    [low] faible
   *[medium] moyenne
})
catalog-show-event = { $conference } ({ $place_year }) : { $action ->
    [adopted] adoptée
    [revised] révisée
   *[other] adoptée ou révisée (les sources divergent)
}{ $evidence }
catalog-show-disputed = { " " }(contesté : accepté quand il est cité, jamais utilisé pour signaler)
catalog-show-sources = sources : { $sources }
catalog-show-origin = selon : { $origin }
catalog-show-not-revised = non révisée à : { $list }
catalog-show-in-force-after = indiquée en vigueur après : { $list }
catalog-show-abrogated = abrogée à { $conference }
catalog-show-abrogated-before = abrogée avant { $conference }
catalog-show-no-events = aucune adoption ni révision attestée
catalog-show-missing = conférences tenues depuis son dernier événement connu, dont les résultats ne figurent pas au catalogue : { $list }
catalog-show-files = fichiers de catalogue : { $list }
catalog-show-record-sources = sources de la fiche : { $list }
