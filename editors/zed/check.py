#!/usr/bin/env python3
"""Checks the Zed extension in editors/zed against Zed's extension schema.

Python 3.11+ standard library only:  python3 editors/zed/check.py
Each check names the upstream source it encodes (zed-industries/zed unless said otherwise,
with the commit that was read). This does not load the extension into Zed.
"""
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
MANIFEST_RS = "crates/extension/src/extension_manifest.rs@bf092307"

# extension_manifest.rs, `struct ExtensionManifest`: these four have no #[serde(default)].
REQUIRED = {"id": str, "name": str, "version": str, "schema_version": int}
# Same struct, all fields. It has no deny_unknown_fields, so a misspelt key would be ignored
# silently; this list catches that.
MANIFEST_KEYS = set(REQUIRED) | {
    "description", "repository", "authors", "lib", "themes", "icon_themes", "languages",
    "grammars", "language_servers", "context_servers", "slash_commands",
    "indexed_docs_providers", "snippets", "capabilities",
}
# extension_manifest.rs, `struct LanguageServerManifestEntry` (language is deprecated), plus
# `name`, which docs/src/extensions/languages.md@7aa93efd shows in every example (the struct
# ignores it).
SERVER_KEYS = {"name", "language", "languages", "language_ids", "code_action_kinds"}
# Languages Zed has without any extension:
#   "Plain Text": crates/language/src/language.rs, `PLAIN_TEXT` (no grammar, path_suffixes ["txt"])
#   "Markdown":   crates/languages/src/markdown/config.toml@4fd612bb (path_suffixes "md", ...)
BUILTIN_LANGUAGES = {"Plain Text", "Markdown"}
# Matching of built-in languages to files, for the README's claim about file_types.
BUILTIN_SUFFIXES = {"Plain Text": {"txt"}, "Markdown": {"md", "mdx", "mdwn", "markdown", "MD"}}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    manifest = tomllib.loads((HERE / "extension.toml").read_text(encoding="utf-8"))
    check(True, "extension.toml is valid TOML")
    for key, typ in REQUIRED.items():
        check(isinstance(manifest.get(key), typ), f"extension.toml: required `{key}` has type {typ.__name__} ({MANIFEST_RS})")
    check(manifest.get("schema_version") == 1, "schema_version = 1 (docs/src/extensions/developing-extensions.md@eb7a2caf)")
    check(set(manifest) <= MANIFEST_KEYS, f"extension.toml keys {sorted(set(manifest) - MANIFEST_KEYS) or 'all'} are ExtensionManifest fields")
    for key in ("id", "name"):
        check("zed" not in str(manifest.get(key, "")).lower(),
              f"`{key}` does not contain 'zed' (developing-extensions.md, Publishing)")
    check(isinstance(manifest.get("authors", []), list), "authors is a list")

    servers = manifest.get("language_servers", {})
    check(list(servers) == ["proplint"], "one language server, [language_servers.proplint]")
    entry = servers.get("proplint", {})
    check(set(entry) <= SERVER_KEYS, f"[language_servers.proplint] keys {sorted(entry)} are LanguageServerManifestEntry fields")
    langs = entry.get("languages", [])
    check(isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs),
          "languages is a non-empty list of language names (`language` alone is deprecated)")

    # languages/<name>/config.toml: docs/src/extensions/languages.md says `name` and `grammar`
    # are required and the grammar must be registered under [grammars.<name>] in extension.toml;
    # extension_builder.rs `populate_defaults` collects every languages/*/config.toml.
    own = {}
    for config in sorted((HERE / "languages").glob("*/config.toml")):
        lang = tomllib.loads(config.read_text(encoding="utf-8"))
        rel = config.relative_to(HERE)
        check(isinstance(lang.get("name"), str), f"{rel}: `name` (required)")
        check(isinstance(lang.get("grammar"), str), f"{rel}: `grammar` (required)")
        check(lang.get("grammar") in manifest.get("grammars", {}), f"{rel}: grammar is registered in [grammars]")
        own[lang.get("name")] = lang
    check(not own and "grammars" not in manifest,
          "no language of its own and no [grammars]: nothing for Zed to fetch or compile besides the Rust crate")
    for name in langs:
        check(name in BUILTIN_LANGUAGES or name in own, f"language {name!r} exists (built into Zed or defined here)")

    # The proposal file names from docs/editors.md. Without a language a buffer gets no server
    # (crates/project/src/lsp_store.rs, register_buffer_with_language_servers:
    # `let Some(language) = buffer.language().cloned() else { return; }`), so the README must map
    # every name that no attached language claims through `file_types`.
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for suffix in ("itup", "proposal.txt", "proposal.md"):
        last = suffix.rsplit(".", 1)[-1]
        claimed = any(last in BUILTIN_SUFFIXES[lang] for lang in langs if lang in BUILTIN_SUFFIXES)
        mapped = f'"*.{suffix}"' in readme
        check(claimed or mapped, f"*.{suffix} gets a language the server is attached to ({'built in' if claimed else 'file_types in README.md'})")

    # Cargo.toml: extension_builder.rs `populate_defaults` makes Cargo.toml the Rust library;
    # docs/src/extensions/developing-extensions.md: crate-type ["cdylib"], latest zed_extension_api.
    cargo = tomllib.loads((HERE / "Cargo.toml").read_text(encoding="utf-8"))
    check(cargo.get("lib", {}).get("crate-type") == ["cdylib"], 'Cargo.toml: [lib] crate-type = ["cdylib"]')
    api = cargo.get("dependencies", {}).get("zed_extension_api")
    # 0.7.0 is the newest on docs.rs; its README: Zed 0.205.x supports 0.0.1 - 0.7.0.
    check(api == "0.7.0", f'Cargo.toml: zed_extension_api = "0.7.0" (got {api!r}; README says Zed 0.205+)')
    check("workspace" in cargo, "Cargo.toml: own [workspace], so it is not built with the proplint crate")
    lock = (HERE / "Cargo.lock").read_text(encoding="utf-8")
    check(re.search(r'name = "zed_extension_api"\nversion = "0\.7\.0"', lock) is not None, "Cargo.lock pins zed_extension_api 0.7.0")

    # src/lib.rs against the zed_extension_api 0.7.0 API (src/extension_api.rs, wit/since_v0.6.0):
    src = (HERE / "src/lib.rs").read_text(encoding="utf-8")
    server_const = re.search(r'const SERVER: &str = "([^"]+)";', src)
    check(server_const is not None and server_const.group(1) == "proplint",
          "lib.rs: SERVER = \"proplint\", the key of lsp.<name> in settings.json (LspSettings::for_worktree)")
    check(server_const is not None and server_const.group(1) in servers, "lib.rs: SERVER matches [language_servers.<id>] in extension.toml")
    check("fn language_server_command(" in src, "lib.rs: implements Extension::language_server_command")
    check("worktree.which(SERVER)" in src, "lib.rs: falls back to Worktree::which(\"proplint\") (PATH of the worktree's shell)")
    check('vec!["lsp".to_string()]' in src, 'lib.rs: default arguments ["lsp"]')
    check("fn language_server_workspace_configuration(" in src and "json!({ SERVER: settings })" in src,
          "lib.rs: workspace configuration is {\"proplint\": lsp.proplint.settings}; Zed answers section \"proplint\" with "
          "workspace_config.get(section) (crates/project/src/lsp_store.rs, WorkspaceConfiguration handler)")
    check("zed::register_extension!(" in src, "lib.rs: register_extension! is called")


if __name__ == "__main__":
    main()
    print(f"\n{'FAILED: ' + str(len(failures)) if failures else 'all checks passed'}")
    sys.exit(1 if failures else 0)
