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
   *[other] los resultados de { $conferences } no figuran en el catálogo, aunque ya se celebraron: las citas de sus órganos no pueden declararse vigentes; `proplint catalog status` indica lo que se sabe, `proplint catalog build` los incorpora
}
html-uncatalogued = { $count ->
    [one] Los resultados de la { $conferences } no figuran en el catálogo de proplint, aunque esa conferencia ya se celebró: no puede confirmarse que las citas de su órgano sean las vigentes.
   *[other] Los resultados de { $conferences } no figuran en el catálogo de proplint, aunque esas conferencias ya se celebraron: no puede confirmarse que las citas de sus órganos sean las vigentes.
}

## Las páginas de las reglas (`proplint explain`, el informe HTML, SARIF): títulos de sus secciones

page-what-checks = Qué comprueba
page-why = Por qué importa
page-fix = Corrección
