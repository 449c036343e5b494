# El resto de lo que lee el usuario: palabras de gravedad, títulos de las páginas de las
# reglas, errores y avisos de la línea de comandos, la configuración, el catálogo y el editor.

## El informe para personas: primera línea de cada constatación

human-severity = { $severity ->
    [error] error
    [warning] advertencia
   *[info] nota
}
human-header-code = { $severity }[{ $code }]
human-header-message = : { $message }
human-uncatalogued = { $path }: nota: { $count ->
    [one] los resultados de la { $conferences } no figuran en el catálogo, aunque ya se celebró: las citas de su órgano no pueden declararse vigentes; `proplint catalog status` indica lo que se sabe, `proplint catalog build` los incorpora
   *[other] los resultados de las conferencias { $conferences } no figuran en el catálogo, aunque ya se celebraron: las citas de sus órganos no pueden declararse vigentes; `proplint catalog status` indica lo que se sabe, `proplint catalog build` los incorpora
}
html-uncatalogued = { $count ->
    [one] Los resultados de la { $conferences } no figuran en el catálogo de proplint, aunque esa conferencia ya se celebró: no puede confirmarse que las citas de su órgano sean las vigentes.
   *[other] Los resultados de las conferencias { $conferences } no figuran en el catálogo de proplint, aunque esas conferencias ya se celebraron: no puede confirmarse que las citas de sus órganos sean las vigentes.
}

## Las páginas de las reglas (`proplint explain`, el informe HTML, SARIF): títulos de sus secciones

page-what-checks = Qué verifica
page-why = Por qué es importante
page-fix = Corrección

## Los errores del sistema

io-error = { $kind ->
    [not-found] no existe el archivo o la carpeta
    [permission-denied] permiso denegado
    [is-a-directory] es una carpeta, no un archivo
   *[other] { $detail }
}

## proplint.toml

config-at-line = { $path }:{ $line }: { $problem }
config-in-file = { $path }: { $problem }
config-cannot-read = no se puede leer: { $error }
config-unknown-key = clave desconocida `{ $key }` (las claves son target, catalog, rules, include, exclude, debounce-ms y lang)
config-invalid = no es un archivo proplint.toml válido (según el lector TOML: { $detail })
config-unknown-rule = regla desconocida `{ $code }` (`proplint rules` da la lista)
config-unknown-level = nivel desconocido `{ $level }` (valores posibles: error, warning, info u off)
config-unknown-lang = idioma desconocido `{ $code }` (valores posibles: en, fr, es o auto)

## Los archivos de catálogo

catalog-error = { $origin }: { $problem }
catalog-cannot-read = no se puede leer el archivo de catálogo: { $error }
catalog-invalid = no es un archivo de catálogo válido ({ $kind ->
    [syntax] el JSON está mal formado en este punto
    [eof] el JSON termina demasiado pronto
   *[data] un valor no sigue aquí el formato del catálogo
}); según el lector JSON: { $detail }
catalog-conflicts = nota: los archivos de catálogo se contradicen en { $count ->
    [one] { $count } dato
   *[other] { $count } datos
} (se conservan ambas lecturas y se aplica la más prudente); `proplint catalog status` los enumera con sus fuentes

## La línea de comandos, sobre los archivos que recibe

cli-no-such-path = { $path }: no existe el archivo o la carpeta
cli-cannot-read = { $path }: no se puede leer: { $error }
cli-cannot-read-stdin = -: no se puede leer la entrada estándar: { $error }
cli-not-a-file = { $path }: no es un archivo ni una carpeta (un dispositivo, una tubería o un socket); proplint revisa archivos y las carpetas que los contienen
input-cannot-read = no se puede leer: { $error }
input-too-large = más de { $limit } MiB, lo máximo que proplint lee de un archivo de este tipo; una propuesta es mucho más pequeña: ¿es el archivo correcto?
cli-unreported = advertencia: { $path }: solo se indican las { $shown } primeras de sus { $total } constataciones
target-unknown = conferencia considerada desconocida `{ $id }`; el catálogo conoce { $known }

## Los avisos del servidor de lenguaje

lsp-setting-ignored = el parámetro de proplint `{ $key }` { $key ->
    [target] debe ser un identificador de conferencia como «CMDT-17»
    [catalog] debe ser una lista de rutas de archivos
    [rules] debe asociar códigos de reglas con gravedades
    [lang] debe ser «auto», «editor», «en», «fr» o «es»
   *[debounceMs] debe ser un número de milisegundos, cero o más
}; se omite
lsp-setting-unknown-rule = parámetro de proplint `rules`: regla desconocida `{ $code }`; las reglas son { $codes }
lsp-setting-rule-level = el parámetro de proplint `rules.{ $code }` debe ser «error», «warning», «info» u «off»
lsp-catalog-fallback = { $error }; se utiliza el catálogo integrado
lsp-file-ignored = { $error } (el archivo se omite hasta que se corrija)
lsp-lone-cr = proplint: la línea { $line } de { $uri } termina con un retorno de carro aislado (finales de línea del antiguo Mac OS); proplint solo comprueba textos cuyas líneas terminan en LF o CRLF: convierta los finales de línea para comprobar este archivo
lsp-too-large = proplint: { $uri } es demasiado grande para comprobarlo ({ $lines } líneas); proplint comprueba textos de { $limit } líneas y 16 MiB como máximo, como los archivos que lee
target-label = { $id ->
    [none] { $source ->
        [not-a-proposal] no es una propuesta
       *[other] el estado más reciente del catálogo
    }
   *[other] { $id } ({ $source ->
        [option] elegida en la configuración
        [conference-line] según la línea de la conferencia
        [heading] según un título
        [header] según el encabezado del documento
       *[catalogue] según el estado del catálogo
    })
}
action-fix-all = Corregir todos los problemas que proplint sabe corregir con seguridad
cli-output-is-folder = { $path }: no se puede escribir el informe: es una carpeta; indique un nombre de archivo como informe.html
cli-output-no-folder = { $path }: no se puede escribir el informe: la carpeta { $folder } no existe
walk-no-extension = sin extensión
walk-skipped = nota: el recorrido de la carpeta omitió { $unread ->
    [0] {""}
    [one] { $unread } archivo en un formato que proplint no comprueba ({ $list }; lee archivos .txt, .md y .docx)
   *[other] { $unread } archivos en formatos que proplint no comprueba ({ $list }; lee archivos .txt, .md y .docx)
}{ $unread ->
    [0] {""}
   *[other] { $others ->
        [0] {""}
       *[other] ; y{" "}
    }
}{ $others ->
    [0] {""}
    [one] { $others } archivo que no tiene la forma de una propuesta de la UIT (ni título o referencia de propuesta, ni línea de la conferencia), por lo que no se comprobó; nombre un archivo para comprobar sus citas sea cual sea su forma
   *[other] { $others } archivos que no tienen la forma de una propuesta de la UIT (ni título o referencia de propuesta, ni línea de la conferencia), por lo que no se comprobaron; nombre un archivo para comprobar sus citas sea cual sea su forma
}
walk-nothing = { $unread ->
    [0] ningún archivo que comprobar en { $paths }: la carpeta está vacía (o todos sus archivos están excluidos)
    [one] ningún archivo que comprobar en { $paths }: se encontró { $unread } archivo, en un formato que proplint no lee (.txt, .md, .docx)
   *[other] ningún archivo que comprobar en { $paths }: se encontraron { $unread } archivos, ninguno en un formato que proplint lea (.txt, .md, .docx)
}
walk-count = { $ext }: { $count }

## Los archivos que no son texto

input-not-utf8 = no es UTF-8 válido (byte { $byte }, línea { $line }); guarde el archivo en UTF-8 (o en UTF-16 con marca de orden de bytes)
input-lone-cr = la línea { $line } termina con un retorno de carro aislado (finales de línea del antiguo Mac OS); proplint solo lee líneas que terminan en LF o CRLF: convierta los finales de línea
input-utf16-odd = archivo UTF-16 con un número impar de bytes
input-utf32 = este archivo está en UTF-32, que proplint no lee; guárdelo en UTF-8 (o en UTF-16)
input-nul = este archivo contiene caracteres NUL (línea { $line }): no es texto, o es un texto en una codificación que proplint no reconoce (¿UTF-32 sin marca de orden de bytes?); guárdelo en UTF-8
input-too-many-lines = este archivo tiene { $lines } líneas, más que las { $limit } que lee proplint (tantas como párrafos en un archivo Word); una propuesta es mucho más corta: ¿es el archivo correcto?
input-utf16-unpaired = no es UTF-16 válido (sustituto sin pareja)
input-utf16-without-bom = parece UTF-16 sin marca de orden de bytes, pero: { $error }
cli-file-problem = { $path }: { $problem }

## El esquema del documento en el editor

symbol-untitled = (sin título)
symbol-proposal = Propuesta
symbol-clauses = { $count ->
    [one] { $count } apartado
   *[other] { $count } apartados
}

## --fix, la reescritura de un archivo

write-cannot-resolve = no se puede resolver la ruta del archivo antes de escribirlo: { $error }
write-cannot-stat = no se pueden leer los metadatos del archivo antes de escribirlo: { $error }
write-read-only = el archivo es de solo lectura; sus correcciones no se escribieron (hágalo modificable, o véalas con --diff)
write-cannot-reread = no se puede volver a leer el archivo antes de escribirlo: { $error }
write-changed = el archivo cambió desde que se leyó; no se escribe (vuelva a ejecutar la orden)
write-cannot-temp = no se puede crear un archivo temporal: { $error }
write-cannot-write = no se puede escribir: { $error }
write-cannot-replace = no se puede reemplazar el archivo: { $error }
write-failed-kept = no se puede escribir el archivo ({ $error }); el texto corregido está en { $kept }
write-failed = no se puede escribir el archivo: { $error }
input-word-unreadable = este archivo Word no puede leerse (según el lector de archivos Word: { $detail })

## proplint catalog status y show

catalog-embedded = catálogo integrado
catalog-status-header = Lo que proplint sabe de los resultados de cada conferencia (hoy { $date }; archivos de catálogo: { $origins })
catalog-complete-list = lista completa: { $adopted } adoptadas, { $revised } revisadas, { $abrogated } derogadas (según { $origin })
catalog-partial = { $count ->
    [one] parcial: se conoce el resultado para { $count } resolución (según { $origins }); la ausencia de un número no prueba nada
   *[other] parcial: se conoce el resultado para { $count } resoluciones (según { $origins }); la ausencia de un número no prueba nada
}
catalog-unknown-met = desconocido: la conferencia se celebró y sus resultados no figuran en el catálogo; para añadirlos: `proplint catalog build <textos finales de la { $conference }>`
catalog-not-met = aún no celebrada
catalog-wrc-unknown = desconocido: ningún resultado de CMR figura en el catálogo, por lo que las citas de las CMR reciben una nota; para añadir uno: `proplint catalog build <sus Actas Finales>`
catalog-status-conflicts = Los archivos de catálogo discrepan (se conservan ambas versiones, nada se zanja):
catalog-unknown-body = órgano desconocido `{ $body }`; utilice PP, CMDT, AMNT, AR o CMR (o WTDC, WTSA, RA, WRC)
catalog-no-record = el catálogo no tiene ficha de la Resolución { $number } ({ $body })
catalog-show-header = Resolución { $number } ({ $body }) (confianza { $confidence ->
    [high] alta
    [low] baja
   *[medium] media
})
catalog-show-event = { $conference } ({ $place_year }): { $action ->
    [adopted] adoptada
    [revised] revisada
   *[other] adoptada o revisada (las fuentes discrepan)
}{ $evidence }
catalog-show-disputed = { " " }(controvertido: se acepta cuando se cita, nunca se usa para señalar)
catalog-show-sources = fuentes: { $sources }
catalog-show-origin = según: { $origin }
catalog-show-not-revised = no revisada en: { $list }
catalog-show-in-force-after = indicada en vigor después de: { $list }
catalog-show-abrogated = derogada en { $conference }
catalog-show-abrogated-before = derogada antes de { $conference }
catalog-show-no-events = ninguna adopción ni revisión atestiguada
catalog-show-missing = conferencias celebradas desde su último evento conocido, cuyos resultados no figuran en el catálogo: { $list }
catalog-show-files = archivos de catálogo: { $list }
catalog-show-record-sources = fuentes de la ficha: { $list }
