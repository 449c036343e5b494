#!/usr/bin/env python3
"""The release's text, and the check that every version number agrees.

    .ci/release_notes.py --version   prints Cargo.toml's version
    .ci/release_notes.py 0.1.0       prints CHANGELOG.md's entry for 0.1.0 (the GitHub
                                     release's text); exits 1 when there is none, or when
                                     Cargo.toml, editors/vscode/package.json or the top-level
                                     pyproject.toml (pre-commit's package and the wheel it
                                     pins) says another version; python/pyproject.toml
                                     takes Cargo.toml's

Used by .github/workflows/release.yml before anything is built, and by .ci/run.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def cargo_version() -> str:
    # The first `version = "..."` is the [package] one: it comes before any dependency table.
    text = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    package = text.split("\n[", 1)[0] if text.startswith("[package]") else text
    m = re.search(r'^version\s*=\s*"([^"]+)"', package, re.M)
    if not m:
        sys.exit("Cargo.toml: no version in [package]")
    return m.group(1)


def changelog_entry(version: str) -> str:
    """The lines under `## [VERSION]` or `## VERSION` (a date may follow), up to the next `## `."""
    lines = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
    head = re.compile(r"^## \[?" + re.escape(version) + r"\]?(\s|$)")
    for i, line in enumerate(lines):
        if head.match(line):
            body = []
            for rest in lines[i + 1 :]:
                if rest.startswith("## "):
                    break
                body.append(rest)
            return "\n".join(body).strip() + "\n"
    return ""


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        print(cargo_version())
        return 0
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    version = sys.argv[1].removeprefix("v")
    problems = []
    if cargo_version() != version:
        problems.append(f"Cargo.toml says {cargo_version()}, not {version}")
    ext = json.loads((ROOT / "editors/vscode/package.json").read_text(encoding="utf-8"))["version"]
    if ext != version:
        problems.append(f"editors/vscode/package.json says {ext}, not {version}")
    shim = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for what, pattern in (("version", r'^version = "([^"]+)"'), ("proplint==", r'"proplint==([^"]+)"')):
        m = re.search(pattern, shim, re.M)
        if not m or m.group(1) != version:
            found = m.group(1) if m else "nothing"
            problems.append(f"pyproject.toml (pre-commit's package): {what} {found}, not {version}")
    entry = changelog_entry(version)
    if not entry.strip():
        problems.append(f"CHANGELOG.md has no entry `## {version}`")
    for p in problems:
        print(f"release_notes.py: {p}", file=sys.stderr)
    if problems:
        return 1
    sys.stdout.write(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
