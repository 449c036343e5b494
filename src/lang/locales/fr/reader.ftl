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
human-uncatalogued = { $path } : remarque : { $count ->
    [one] les résultats de { $conferences } ne figurent pas au catalogue, bien qu'elle se soit tenue : les citations de son organe ne peuvent être déclarées à jour ; `proplint catalog status` indique ce qui est connu, `proplint catalog build` les y ajoute
   *[other] les résultats de { $conferences } ne figurent pas au catalogue, bien qu'elles se soient tenues : les citations de leurs organes ne peuvent être déclarées à jour ; `proplint catalog status` indique ce qui est connu, `proplint catalog build` les y ajoute
}
html-uncatalogued = { $count ->
    [one] Les résultats de { $conferences } ne figurent pas dans le catalogue de proplint, bien que cette conférence se soit tenue : les citations de son organe ne peuvent être confirmées comme à jour.
   *[other] Les résultats de { $conferences } ne figurent pas dans le catalogue de proplint, bien que ces conférences se soient tenues : les citations de leurs organes ne peuvent être confirmées comme à jour.
}

## Les pages des règles (`proplint explain`, le rapport HTML, SARIF) : titres de leurs sections

page-what-checks = Ce qu'elle vérifie
page-why = Pourquoi c'est important
page-fix = Correction
