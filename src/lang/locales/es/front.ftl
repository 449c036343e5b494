# The front-ends: CLI, language server, HTML report.

## El informe para las personas (`proplint check`)

human-fixed = { $path }: { $count ->
    [one] { $count } problema corregido
   *[other] { $count } problemas corregidos
}
human-target = { $path }: conferencia considerada: { $target }
human-word = { $path }: documento Word: los números de línea que figuran a continuación son números de párrafo; los cambios controlados aparecen como {"{"}++insertado++{"}"} y {"{"}--suprimido--{"}"}
human-fix-safe = corrección (--fix): { $title }
human-fix-unsafe = sugerencia (--fix --unsafe-fixes): { $title }
human-none = No se encontró ningún problema en { $files ->
    [one] { $files } archivo
   *[other] { $files } archivos
}.
human-found = { $total ->
    [one] Se encontró { $total } problema
   *[other] Se encontraron { $total } problemas
} en { $with ->
    [one] { $with } archivo
   *[other] { $with } archivos
}: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
}, { $warnings ->
    [one] { $warnings } advertencia
   *[other] { $warnings } advertencias
}, { $infos ->
    [one] { $infos } nota
   *[other] { $infos } notas
}; { $fixable ->
    [one] { $fixable } corregible
   *[other] { $fixable } corregibles
} con --fix.

## El informe HTML (`--format html`)

lang-name = { $code ->
    [en] inglés
    [fr] francés
   *[es] español
}
html-title-one = Verificación de la propuesta: { $path }
html-title-many = Verificación de las propuestas: { $count } documentos
html-skip = Ir al resumen
html-footer = Informe elaborado por proplint { $version }, que verifica las propuestas con arreglo a su catálogo de conferencias y resoluciones de la UIT. Las líneas del documento se numeran a partir de 1. Esta página es autónoma: no requiere conexión y puede imprimirse o enviarse tal cual.
html-heading = Informe de verificación de las propuestas
html-n-documents = { $count ->
    [0] ningún documento
    [one] { $count } documento
   *[other] { $count } documentos
}
html-n-problems = { $count ->
    [0] ningún problema
    [one] { $count } problema
   *[other] { $count } problemas
}
html-n-errors = { $count ->
    [0] ningún error
    [one] { $count } error
   *[other] { $count } errores
}
html-n-warnings = { $count ->
    [0] ninguna advertencia
    [one] { $count } advertencia
   *[other] { $count } advertencias
}
html-n-notes = { $count ->
    [0] ninguna nota
    [one] { $count } nota
   *[other] { $count } notas
}
html-none-found = No se encontró ningún problema en { $documents }.
html-found = Problemas encontrados en { $documents }: { $problems } ({ $errors }, { $warnings } y { $notes }).
html-fixable = { $count ->
    [one] Un problema puede corregirse
   *[other] { $count } problemas pueden corregirse
} automáticamente (véase «Corrección automática» debajo de cada uno).
html-documents-checked = Documentos verificados
html-none = ninguno
html-conference = Conferencia
html-checked-against = Las citas se verifican con arreglo a los textos vigentes en la fecha de esta conferencia.
html-catalogue-date = Fecha del catálogo
html-catalogue-date-note = (lo que proplint sabe de las resoluciones de la UIT está actualizado a esta fecha; las decisiones posteriores le son desconocidas)
html-not-dated = sin fecha
html-unreadable = Archivos que no pudieron leerse
html-source = { $source ->
    [option] elegida con --target o en proplint.toml
    [conference-line] indicada en la línea de la conferencia del documento
    [heading] deducida de la revisión citada en el título de una resolución
    [header] deducida del código de la conferencia en el encabezamiento del documento
   *[catalogue] el documento no indica a qué conferencia se destina
}
html-conference-words = { $id } — { $body }, { $place_year }
html-no-conference = ninguna conferencia en particular: el estado más reciente del catálogo ({ $date })
html-summary = Resumen
html-all-passed = Nada que señalar: se cumplen todas las reglas.
html-table-caption = Problemas por regla y por gravedad
html-col-rule = Regla
html-col-meaning = Significado
html-col-errors = Errores
html-col-warnings = Advertencias
html-col-notes = Notas
html-col-total = Total
html-all-rules = Todas las reglas
html-sev-error = Error
html-sev-warning = Advertencia
html-sev-info = Nota
html-legend-error = Error seguro: corríjalo antes de presentar la propuesta.
html-legend-warning = Muy probablemente un error: verifíquelo y corríjalo, salvo que fuera intencionado.
html-legend-info = proplint no pudo confirmarlo: verifíquelo manualmente.
html-show = Mostrar
html-only-hits = Solo las líneas con algún problema
html-doc-meta = Idioma: { $language } · Conferencia: { $conference } ({ $source }) · { $problems }
html-fixed = proplint corrigió { $problems } en este archivo (<code>--fix</code>); el texto que figura a continuación es el texto corregido:
html-not-proposal = Este texto no parece una propuesta (no se encontró ninguna propuesta MOD, ADD o SUP ni ningún título de resolución); por lo tanto, no se verificaron sus citas.
html-problems-here = Problemas en este documento
html-line-col = Línea { $line }, columna { $col }
html-the-document = El documento
html-the-document-marked = El documento, con los problemas señalados
html-here = { $severity } aquí
html-problem-n = Problema { $n }
html-note-meta = Problema { $n } · línea { $line }, columna { $col } · regla
html-why = Por qué es importante:
html-what-to-do = Qué hacer:
html-no-fix = no hay corrección automática; solo el autor sabe lo que quería decir.
html-fix-safe = <strong>Corrección automática</strong> (segura: <code>proplint check --fix</code> la aplica):
html-fix-unsafe = <strong>Corrección sugerida</strong> (probable, verifíquela antes: <code>proplint check --fix --unsafe-fixes</code> la aplica):
html-fix-word-safe = <strong>Corrección</strong> (segura: introduzca este cambio en Word, con el control de cambios activado):
html-fix-word-unsafe = <strong>Corrección sugerida</strong> (probable: verifíquela antes y luego introdúzcala en Word, con el control de cambios activado):
html-insert = insertar
html-delete = suprimir
html-more-changes = … y { $count ->
    [one] { $count } cambio más
   *[other] { $count } cambios más
} del mismo tipo
html-rules-heading = Las reglas de este informe
html-what-checks = Qué verifica:
html-full-explanation = Explicación completa de { $code } (en línea)
html-tip = { $severity }: { $message }

## Información al pasar el cursor en el editor (Markdown)

hover-not-catalogued = No figura en el catálogo de proplint.
hover-history = Historial:
hover-event = { $action ->
    [adopted] adoptada
    [revised] revisada
   *[either] adoptada o revisada
} en la { $id } ({ $place_year }){ $disputed ->
    [yes] {" "}(discutido)
   *[no] {""}
}
hover-abrogated-by = Suprimida por la { $id } ({ $place_year }).
hover-in-force = Vigente { $target ->
    [none] en el estado más reciente del catálogo
   *[other] en la { $target } ({ $source })
}: { $citation }.
hover-not-yet = Aún no adoptada { $target ->
    [none] en el estado más reciente del catálogo
   *[other] en la { $target } ({ $source })
}.
hover-current = La revisión citada es la vigente.
hover-stale = **Desfasada**: la revisión citada ({ $place }, { $year }) fue sustituida por la de la { $id } ({ $tag }).
hover-abrogated = **Suprimida**: la { $id } suprimió esta resolución antes de la conferencia considerada.
hover-unknown-revision = **Revisión desconocida**: { $reason }.
hover-unknown-resolution = **Resolución desconocida**: { $reason }.
hover-uncatalogued = El catálogo no permite verificarlo: { $reason }.
hover-proposal = Propuesta { $seq } del documento { $document }{ $addendum ->
    [none] {""}
   *[other] , addéndum { $addendum }
}, origen: { $origin }{ $origin_name ->
    [none] {""}
   *[other] {" "}({ $origin_name })
}.
hover-proposes = Propone { $action ->
    [MOD] modificar
    [ADD] añadir
    [SUP] suprimir
   *[NOC] no modificar
}{ $what }.
origin-name = { $origin ->
    [ECP] propuestas comunes europeas, CEPT
    [ACP] propuestas comunes de Asia-Pacífico, APT
    [IAP] propuestas interamericanas, CITEL
    [AFCP] propuestas comunes africanas, UAT
    [ARB] propuestas comunes de los Estados Árabes
    [RCC] Comunidad Regional de Comunicaciones
    [USA] Estados Unidos de América
    [B] Brasil
   *[other] none
}
hover-operative = Sección dispositiva: sus apartados se numeran 1, 2, 3 …
hover-preambular = Sección del preámbulo: sus apartados se designan con las letras a), b), c) …
hover-call-word = Fórmula introductoria: abre una sección de la resolución.
hover-clauses = Esta sección tiene { $count ->
    [0] ningún apartado
    [one] { $count } apartado (sin número cuando está solo)
   *[other] { $count } apartados
}.
completion-abrogated = Suprimida antes de la conferencia considerada.


## Notas sobre un archivo

note-word-not-rewritten = un archivo Word nunca se reescribe: introduzca en Word las correcciones indicadas, donde quedan como cambios controlados
human-note = { $path }: nota: { $note }

## La línea de comandos, sobre su propio funcionamiento

cli-error = error: { $message }
cli-unknown-rule = regla desconocida `{ $code }`; `proplint rules` ofrece la lista
cli-wrote = Informe escrito en { $path }
cli-cannot-write = { $path }: no se puede escribir el informe: { $error }

# Una línea de órdenes ilegible (los errores de clap, en el idioma del usuario).
cli-usage-unknown-command = orden desconocida «{ $value }»{ $suggestion ->
        [none] {""}
       *[other] ; ¿quiso decir «{ $suggestion }»?
    }
cli-usage-unknown-option = opción desconocida «{ $value }»{ $suggestion ->
        [none] {""}
       *[other] ; ¿quiso decir «{ $suggestion }»?
    }
cli-usage-invalid-value = «{ $value }» no es un valor admitido para «{ $option }»{ $suggestion ->
        [none] {""}
       *[other] ; valores posibles: { $suggestion }
    }
cli-usage-missing = falta un argumento obligatorio: «{ $option }»
cli-usage-conflict = «{ $option }» no puede emplearse con otra de las opciones dadas
cli-usage-too-many = «{ $option }» recibió demasiados valores
cli-usage-help = `proplint --help` enumera las órdenes y sus opciones (en inglés).
