#!/usr/bin/env python3
"""Checks editors/helix/languages.toml against Helix's languages.toml schema.

Python 3.11+ standard library only:  python3 editors/helix/check.py
Each check names the upstream source (helix-editor/helix) it encodes. Paths are given with
the commit that was read; they are not a substitute for running `hx --health itu-proposal`.
"""
import fnmatch
import pathlib
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONFIG = HERE / "languages.toml"
SAMPLE = REPO / "editors/vscode/e2e/fixtures/usa-res45.proposal.txt"

CONFIG_RS = "helix-core/src/syntax/config.rs@027fa463"

# helix-core/src/syntax/config.rs@027fa463, `struct LanguageConfiguration`:
# #[serde(rename_all = "kebab-case", deny_unknown_fields)] -> any other key fails the whole file.
LANGUAGE_KEYS = {
    "name", "language-id", "scope", "file-types", "shebangs", "roots", "comment-tokens",
    "comment-token", "block-comment-tokens", "text-width", "soft-wrap", "auto-format",
    "formatter", "path-completion", "word-completion", "diagnostic-severity", "grammar",
    "injection-regex", "language-servers", "indent", "debugger", "auto-pairs", "rulers",
    "workspace-lsp-roots", "persistent-diagnostic-sources", "rainbow-brackets",
}
# Same struct: `scope: String` and `file_types: Vec<FileType>` carry no #[serde(default)], so a
# language that does not merge onto a built-in entry must set them (and `name`).
REQUIRED_FOR_NEW_LANGUAGE = {"name", "scope", "file-types"}
# languages.toml@a6db1905 (built-in entries user [[language]] tables merge onto by `name`,
# helix-loader/src/lib.rs@add2d014 `merge_toml_values`); only the ones this file may touch.
BUILTIN_MARKDOWN_SERVERS = ["marksman", "markdown-oxide"]
BUILTIN_LANGUAGES = {"markdown"}

# config.rs, `struct LanguageServerConfiguration` (kebab-case); `command` has no default.
SERVER_KEYS = {"command", "args", "environment", "config", "timeout", "required-root-patterns"}
# config.rs, `struct SoftWrap` (deny_unknown_fields).
SOFT_WRAP_KEYS = {"enable", "max-wrap", "max-indent-retain", "wrap-indicator", "wrap-at-text-width"}
# config.rs `struct Configuration` (language, language-server) plus the grammar keys documented
# in book/src/languages.md@fbc8e873 ([[grammar]], use-grammars).
TOP_KEYS = {"language", "language-server", "grammar", "use-grammars"}

# proplint's own settings (docs/editors.md, "Server settings").
PROPLINT_SETTINGS = {"target": str, "catalog": list, "rules": dict, "debounceMs": int}
SEVERITIES = {"error", "warning", "info", "off"}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def helix_glob(glob):
    """FileType::deserialize in config.rs: a glob that is neither absolute nor starts with
    `*/` gets `*/` prepended, and is matched against the file's absolute path (globset with
    default options, where `*` also matches `/`, as in fnmatch)."""
    if glob.startswith("."):
        glob = "{.,dot-}" + glob[1:]  # newer config.rs; irrelevant for our globs
    if not glob.startswith("/") and not glob.startswith("*/"):
        glob = "*/" + glob
    return glob


def language_for(path, languages):
    """Loader::language_for_filename (helix-core/src/syntax.rs): globs first (longest glob
    wins), then the extension (`Path::extension`, the part after the last dot)."""
    hits = []
    for lang in languages:
        for ft in lang.get("file-types", []):
            if isinstance(ft, dict) and fnmatch.fnmatchcase(path, helix_glob(ft["glob"])):
                hits.append((len(helix_glob(ft["glob"])), lang["name"]))
    if hits:
        return max(hits)[1]
    ext = pathlib.PurePosixPath(path).suffix.lstrip(".")
    for lang in languages:
        if ext and ext in [ft for ft in lang.get("file-types", []) if isinstance(ft, str)]:
            return lang["name"]
    return None


def main():
    text = CONFIG.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        check(False, f"languages.toml is valid TOML ({err})")
        return
    check(True, "languages.toml is valid TOML")
    check(set(data) <= TOP_KEYS, f"top-level keys {sorted(data)} are ones Helix reads ({CONFIG_RS} Configuration)")

    servers = data.get("language-server", {})
    ls = servers.get("proplint")
    check(isinstance(ls, dict), "[language-server.proplint] is defined")
    ls = ls or {}
    check(set(ls) <= SERVER_KEYS, f"[language-server.proplint] keys {sorted(ls)} are LanguageServerConfiguration fields")
    check(ls.get("command") == "proplint", 'command = "proplint" (required String, LanguageServerConfiguration)')
    check(ls.get("args") == ["lsp"], 'args = ["lsp"] (Vec<String>): the server is `proplint lsp` on stdio')

    # config.rs `deserialize_lsp_config`: `config` (any TOML) -> JSON initializationOptions;
    # helix-term answers workspace/configuration by walking `config` along section.split('.')
    # (helix-term/src/application.rs, MethodCall::WorkspaceConfiguration), and proplint asks
    # for section "proplint" (src/lsp/server.rs), so the settings live under config.proplint.
    settings = ls.get("config", {}).get("proplint")
    check(isinstance(settings, dict), "settings are under [language-server.proplint.config.proplint]")
    settings = settings or {}
    check(set(settings) <= set(PROPLINT_SETTINGS), f"proplint settings {sorted(settings)} are known keys")
    for key, typ in PROPLINT_SETTINGS.items():
        if key in settings:
            check(isinstance(settings[key], typ), f"proplint setting {key} is a {typ.__name__}")
    check(all(v in SEVERITIES for v in settings.get("rules", {}).values()), "rule severities are error/warning/info/off")

    languages = data.get("language", [])
    check(isinstance(languages, list) and languages, "there is at least one [[language]] table")
    names = [lang.get("name") for lang in languages]
    check("itu-proposal" in names, '[[language]] name = "itu-proposal" is defined')
    for lang in languages:
        name = lang.get("name")
        check(isinstance(name, str), f"[[language]] {name!r}: name is a string")
        check(set(lang) <= LANGUAGE_KEYS, f"[[language]] {name}: keys {sorted(set(lang) - LANGUAGE_KEYS) or 'all'} known (deny_unknown_fields)")
        if name not in BUILTIN_LANGUAGES:
            missing = REQUIRED_FOR_NEW_LANGUAGE - set(lang)
            check(not missing, f"[[language]] {name}: new language sets name, scope, file-types (missing: {sorted(missing) or 'none'})")
            check(isinstance(lang.get("scope"), str) and lang.get("scope", "").count(".") >= 1,
                  f"[[language]] {name}: scope is a string like text.<name> (book/src/languages.md)")
        # No `grammar` key and no [[grammar]] entry: the parser name defaults to the language
        # name; LanguageData::compile_syntax_config (helix-core/src/syntax.rs) logs "Skipping
        # syntax config ... parser's shared library does not exist" and returns Ok(None), so
        # the language works without highlighting and `hx --grammar fetch` has nothing to do.
        check("grammar" not in lang, f"[[language]] {name}: no grammar key (nothing to fetch or build)")
        fts = lang.get("file-types", [])
        check(isinstance(fts, list), f"[[language]] {name}: file-types is a list")
        for ft in fts:
            if isinstance(ft, str):
                check(ft and not ft.startswith(".") and "/" not in ft and "*" not in ft,
                      f"[[language]] {name}: file-type {ft!r} is a bare extension (FileType::Extension)")
            else:
                ok = isinstance(ft, dict) and list(ft) == ["glob"] and isinstance(ft["glob"], str)
                check(ok, f"[[language]] {name}: file-type {ft!r} is a table with exactly one `glob` string (FileType::Glob)")
                if ok:
                    # Stay inside the syntax where globset and fnmatch agree.
                    check(not set(ft["glob"]) & set("[]{}\\") and "**" not in ft["glob"],
                          f"[[language]] {name}: glob {ft['glob']!r} uses only * ? and literals")
        for entry in lang.get("language-servers", []):
            server = entry if isinstance(entry, str) else entry.get("name") if isinstance(entry, dict) else None
            known = server in servers or (name in BUILTIN_LANGUAGES and server in BUILTIN_MARKDOWN_SERVERS)
            check(isinstance(server, str) and known, f"[[language]] {name}: language server {server!r} is defined")
        if "roots" in lang:
            check(isinstance(lang["roots"], list) and all(isinstance(r, str) for r in lang["roots"]), f"[[language]] {name}: roots is a list of strings")
        if "soft-wrap" in lang:
            sw = lang["soft-wrap"]
            check(isinstance(sw, dict) and set(sw) <= SOFT_WRAP_KEYS and isinstance(sw.get("enable", True), bool),
                  f"[[language]] {name}: soft-wrap is a SoftWrap table")
    check("grammar" not in data, "no [[grammar]] table: `hx --grammar fetch` is not needed")

    proposal = next((lang for lang in languages if lang.get("name") == "itu-proposal"), {})
    check(proposal.get("language-servers") == ["proplint"], 'itu-proposal: language-servers = ["proplint"]')
    for path, want in [
        ("/home/u/p/usa-res45.proposal.txt", "itu-proposal"),
        ("/home/u/p/ECP-24A6.proposal.md", "itu-proposal"),
        ("/home/u/p/doc.itup", "itu-proposal"),
        ("/home/u/p/notes.txt", None),
        ("/home/u/p/README.md", None),
        (str(SAMPLE), "itu-proposal"),
    ]:
        check(language_for(path, languages) == want, f"{path} -> {want or 'not itu-proposal'}")
    check(SAMPLE.is_file(), f"the sample named in README.md exists ({SAMPLE.relative_to(REPO)})")

    # The commented-out Markdown block: uncommented it must still be valid and keep Helix's
    # default Markdown servers, because nested arrays replace instead of merging
    # (helix-loader/src/lib.rs@add2d014 merge_toml_values: "right's array is used").
    block, on = [], False
    for line in text.splitlines():
        if line.strip() == "# [[language]]":
            on = True
        if on and line.startswith("# "):
            block.append(line[2:])
    md = tomllib.loads("\n".join(block)).get("language", [{}])[0] if block else {}
    check(md.get("name") == "markdown", "optional Markdown block parses when uncommented")
    servers_md = md.get("language-servers", [])
    check(servers_md[: len(BUILTIN_MARKDOWN_SERVERS)] == BUILTIN_MARKDOWN_SERVERS and "proplint" in servers_md,
          f"optional Markdown block keeps {BUILTIN_MARKDOWN_SERVERS} (languages.toml@a6db1905) and adds proplint")


if __name__ == "__main__":
    main()
    print(f"\n{'FAILED: ' + str(len(failures)) if failures else 'all checks passed'}")
    sys.exit(1 if failures else 0)
