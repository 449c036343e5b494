# Las frases de proplint en español, según el uso de los textos oficiales de la UIT.
# Los órganos se pasan con su artículo («la Conferencia…», «la Asamblea…»).

## Citas

cited = { $revised ->
    [yes] Resolución { $number } (Rev. { $place }, { $year })
   *[no] Resolución { $number } ({ $place }, { $year })
}
cited-wrc = { $revised ->
    [yes] Resolución { $number } (Rev.CMR-{ $yy })
   *[no] Resolución { $number } (CMR-{ $yy })
}
quoted = «{ $text }»
list-and = { $first } y { $last }
met-at = en { $place_year } ({ $id })
body-PP = la Conferencia de Plenipotenciarios
body-WTDC = la Conferencia Mundial de Desarrollo de las Telecomunicaciones
body-WTSA = la Asamblea Mundial de Normalización de las Telecomunicaciones
body-RA = la Asamblea de Radiocomunicaciones
body-WRC = la Conferencia Mundial de Radiocomunicaciones
abbrev-WRC = CMR
body-title-WRC = Conferencia Mundial de Radiocomunicaciones

## Constataciones

msg-unknown-resolution = La { $cited } de { $body } no existe: { $reason }
msg-unknown-revision = La { $cited } de { $body } no corresponde a ninguna revisión real: { $reason }
msg-unknown-revision-suggest = La { $cited } de { $body } no corresponde a ninguna revisión real: { $reason }; ¿quiso decir «{ $suggestion }»?
msg-suppressed = La { $cited } de { $body } fue suprimida por la { $by } ({ $by_place_year }), antes de la conferencia considerada: ya no está en vigor { $target ->
    [none] en el estado más reciente del catálogo
   *[other] en la { $target }
}
msg-stale = La { $cited } de { $body } no es la versión vigente { $target ->
    [none] en el estado más reciente del catálogo
   *[other] en la { $target }
}: fue { $revised ->
    [yes] revisada
   *[no] adoptada
} en { $place_year } ({ $id }); cite «{ $cite }»
msg-uncatalogued = no se puede verificar la { $cited } de { $body }: { $reason }
msg-uncatalogued-outcomes = { $count ->
    [one] la conferencia { $conferences } ya se celebró, pero sus resultados no figuran en el catálogo: no se puede afirmar que las citas de su órgano en este documento estén al día; `proplint catalog status` indica lo que se conoce, `proplint catalog build` los añade
   *[other] las conferencias { $conferences } ya se celebraron, pero sus resultados no figuran en el catálogo: no se puede afirmar que las citas de sus órganos en este documento estén al día; `proplint catalog status` indica lo que se conoce, `proplint catalog build` los añade
}
msg-clause-first = el primer apartado de esta sección está numerado { $label }; se esperaba { $expected }
msg-clause-repeat = el número { $label } repite el del apartado anterior; se esperaba { $expected }
msg-clause-backwards = el número { $label } viene después de { $previous }: el orden no se respeta; se esperaba { $expected }
msg-clause-skip = la numeración salta de { $previous } a { $label }; se esperaba { $expected }
msg-label-homoglyph = el número { $label }) está escrito con { $script ->
    [greek] la letra griega
    [cyrillic] la letra cirílica
    [fullwidth] la letra de ancho completo
   *[other] la letra
} { $found } ({ $codepoint }), parecida a la letra latina { $latin }
msg-deleted-clause-survived = el apartado { $label }) figura entre números pegados cuya antigua serie de letras lo incluye: parece un apartado suprimido en Word cuyo texto subsistió en la exportación
msg-relabelling-covers = { $defect ->
    [lookalike] ; el número también está fuera de secuencia, y renumerarlo sustituye la letra parecida
   *[glued] ; el nuevo número también está fuera de secuencia, y renumerarlo restablece la marca
}
msg-flattened = una exportación pegó el texto antiguo y el nuevo ({ $what ->
    [revision] revisión
    [label] número de apartado
    [number] número
    [period] período
    [conference-code] código de conferencia
   *[clause] apartado
}): «{ $old }» se sustituyó por «{ $new }»; se perdieron las marcas de revisión
msg-proposal-prefix = la propuesta { $proposal } cambia el prefijo de las propuestas de este documento: { $prefix }/ pasa a { $other }/
msg-proposal-repeated = la propuesta { $proposal } repite el número de la propuesta anterior; se esperaba { $expected }
msg-proposal-jump = la numeración de las propuestas { $forward ->
    [yes] salta
   *[no] retrocede
} de { $previous } a { $proposal }; se esperaba { $expected }
msg-missing-reasons = { $action } no tiene línea «{ $word }»: toda propuesta MOD, ADD o SUP expone sus motivos
msg-suppression-no-rule = este comentario proplint-ignore no designa ninguna regla: { $unknown } (véase `proplint rules`)
msg-suppression-nothing = este comentario proplint-ignore no oculta nada: ninguna constatación { $rules ->
    [any] de ninguna regla
   *[other] de { $rules }
} donde se aplica

## Motivos del catálogo

reason-held-after-target = la { $conference } ({ $place_year }) aún no se había celebrado antes de la conferencia considerada, la { $target }
reason-held-after-catalogue = la { $conference } ({ $place_year }) aún no se había celebrado en la última actualización del catálogo ({ $state_date })
reason-no-number-above = { $body } no tenía ninguna resolución con número superior a { $bound } después de la { $after }
reason-number-above-ceiling = la Resolución { $number } aún no existía en la { $conference }: el número más alto era entonces { $bound }
reason-not-in-complete-list = la { $conference } no adoptó ni revisó la Resolución { $number } (su lista de resoluciones es completa)
reason-not-catalogued = la Resolución { $number } de { $body } no figura en el catálogo
reason-no-record = el catálogo no registra que la { $conference } ({ $place_year }) adoptara o revisara la Resolución { $number } de { $body }
reason-no-record-attested = el catálogo no registra que la { $conference } ({ $place_year }) adoptara o revisara la Resolución { $number } de { $body } (constan: { $attested })
reason-other-body = { $body } no se reunió en { $place }, { $year }: fue la { $other }
reason-other-body-met = { $body } no se reunió en { $place }, { $year }: fue la { $other }; se reunió { $met }
reason-no-meeting-there = ninguna conferencia de { $body } se reunió en { $place }, { $year }
reason-no-meeting-there-met = ninguna conferencia de { $body } se reunió en { $place }, { $year }; se reunió { $met }
reason-no-meeting-that-year = ninguna conferencia de { $body } se reunió en { $year }
reason-unknown-conference = el catálogo no conoce ninguna conferencia de { $body } en { $place }, { $year }
reason-outcome-unknown = el catálogo no conoce los resultados de la { $conference }; para añadirlos: { $teach }
reason-first-adoption = la Resolución { $number } se adoptó por primera vez en la { $conference } ({ $place_year }); esa versión no es, pues, una revisión y se cita sin «Rev.»
reason-revision-needs-rev = la Resolución { $number } existía antes de la { $conference } ({ $place_year }), que la revisó: esa versión se cita con «Rev.»
reason-recorded-not-revised = el catálogo registra que la { $conference } ({ $place_year }) no revisó la Resolución { $number }
reason-history-complete = el historial de la Resolución { $number } está completo hasta la { $through } y no incluye la { $conference }
reason-before-first-adoption = la Resolución { $number } aún no existía en la { $conference }: se adoptó por primera vez en la { $first } ({ $first_place_year })

## Títulos de las correcciones

fix-cite = Citar la Resolución { $number } ({ $tag })
fix-split-list = Dividir la lista según la revisión vigente
fix-relabel-one = Renumerar como { $label }
fix-relabel-to-end = Renumerar desde { $from } hasta el final de la sección ({ $count ->
    [one] { $count } número
   *[other] { $count } números
})
fix-replace-latin = Sustituir por la letra latina { $latin }
fix-mark-deleted = Marcar el apartado como suprimido
fix-restore-mark = Restablecer la marca de revisión: { $old } → { $new }
fix-renumber-from = Renumerar a partir de { $first }
fix-add-reasons = Añadir una línea «{ $word }»
fix-remove-suppression = Eliminar el comentario proplint-ignore

## La conferencia considerada

target-from = { $id } (según { $source ->
    [option] la opción --target
    [conference-line] la línea de la conferencia
    [heading] el título
    [header] el encabezamiento del documento
   *[catalogue] el estado del catálogo
})
target-newest = el estado más reciente del catálogo ({ $date })
target-source = { $source ->
    [option] opción
    [conference-line] línea de la conferencia
    [heading] título
    [header] encabezamiento del documento
   *[catalogue] estado del catálogo
}

## Resúmenes de las reglas

summary-unknown-resolution = cita una resolución que el órgano designado nunca adoptó
summary-unknown-revision = cita una revisión (lugar y año) en la que la resolución nunca se adoptó ni se revisó
summary-suppressed-resolution = cita una resolución suprimida antes de la conferencia considerada
summary-stale-revision = cita una revisión sustituida antes de la conferencia considerada
summary-uncatalogued-citation = el catálogo no puede confirmar ni refutar esta cita
summary-clause-sequence = los números de los apartados de una sección saltan, se repiten o no siguen el orden
summary-label-homoglyph = un número de apartado escrito con una letra de otra escritura que se le parece
summary-flattened-revision = texto antiguo y nuevo pegados por una exportación que perdió las marcas de revisión
summary-proposal-sequence = las referencias de las propuestas de un documento saltan, se repiten o cambian de prefijo
summary-missing-reasons = una propuesta MOD, ADD o SUP sin sus motivos
summary-unused-suppression = un comentario proplint-ignore que no oculta nada o no designa ninguna regla

# Añadidos con el trabajo de precisión y de catálogo (incidencias 13 y 14).
msg-reasons-empty = { $action } tiene una línea «{ $word }:» vacía: toda propuesta MOD, ADD o SUP expone sus motivos
msg-reasons-placeholder = { $action } solo tiene un texto provisional tras «{ $word }:»: toda propuesta MOD, ADD o SUP expone sus motivos
reason-number-above-later-ceiling = la Resolución { $number } aún no existía en la { $conference }: ninguna resolución llevó un número superior a { $bound } hasta después de la { $until }
reason-nearest-superseded = { $reason }; la revisión real más cercana, { $revised ->
    [yes] Rev. { $nearest }
   *[no] { $nearest }
}, fue sustituida en { $at_place_year } ({ $at })
reason-outcome-not-catalogued = { $count ->
    [one] la { $conferences } se celebró después y sus resultados no figuran en el catálogo: se desconoce si revisó la Resolución { $number }; para añadirlos: { $teach }
   *[other] las conferencias { $conferences } se celebraron después y sus resultados no figuran en el catálogo: se desconoce si revisaron la Resolución { $number }; para añadirlos: { $teach }
}
teach-catalog-build = `proplint catalog build <textos finales de la { $id }>`
