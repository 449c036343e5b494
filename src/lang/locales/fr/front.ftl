# The front-ends: CLI, language server, HTML report.
