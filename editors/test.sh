#!/usr/bin/env bash
# Runs the editor integrations' tests that need no GUI and no network beyond `npm ci`:
#   VS Code extension: type check, unit tests, grammar tests, packaging
#   Neovim: the proposal detection (luajit or nvim), and with NVIM_E2E=1 the headless LSP test
#   Emacs: mode, highlighting, detection and eglot (when emacs and eglot are installed)
#   Helix, Zed: their configuration files checked against the editors' own schemas
#   (facts read from their source, cited in check.py); Zed also: cargo check of the
#   extension (when ZED_CHECK=1: it downloads and builds its crates)
# A missing tool skips its part with a note; a failing part makes the script exit 1.
# PROPLINT_BIN (optional) is passed to the tests that can run against the real server.
# The real-VS-Code end-to-end test is separate: editors/vscode/e2e/README.md.
set -uo pipefail
cd "$(dirname "$0")"
failed=0 ran=0
part() { echo; echo "== $*"; }
run() { ran=$((ran + 1)); if ! "$@"; then echo "FAILED: $*"; failed=$((failed + 1)); fi; }

part "VS Code extension (editors/vscode)"
if command -v npm >/dev/null; then
  ( cd vscode && { [ -d node_modules ] || npm ci --no-audit --no-fund; } ) || { echo "FAILED: npm ci"; failed=$((failed + 1)); }
  run bash -c 'cd vscode && npm test'
  run bash -c 'cd vscode && npm run package </dev/null'
else
  echo "skipped: npm not found"
fi

part "Neovim (editors/neovim)"
if command -v luajit >/dev/null; then
  run luajit neovim/test_detect.lua
elif command -v nvim >/dev/null; then
  # luafile rather than `nvim -l` (0.9+): Debian 12's Neovim is 0.7
  run bash -c 'cd neovim && nvim --headless -u NONE -c "luafile test_detect.lua"'
else
  echo "skipped: neither luajit nor nvim found"
fi
if [ "${NVIM_E2E:-0}" = 1 ]; then
  run env PROPLINT_NVIM_MODE=setup nvim --headless -u NONE -c 'luafile neovim/test_lsp.lua'
  run env PROPLINT_NVIM_MODE=native nvim --headless -u NONE -c 'luafile neovim/test_lsp.lua'
fi

part "Emacs (editors/emacs)"
if command -v emacs >/dev/null && emacs --batch -q --eval '(require (quote eglot))' >/dev/null 2>&1; then
  run emacs --batch -q -L emacs -l emacs/test-proplint.el
else
  echo "skipped: emacs with eglot not found (Debian: apt-get install emacs-nox elpa-eglot)"
fi

part "Helix (editors/helix): languages.toml against Helix's configuration schema"
run python3 helix/check.py

part "Zed (editors/zed)"
run python3 zed/check.py
if [ "${ZED_CHECK:-0}" = 1 ] && command -v cargo >/dev/null; then
  run bash -c 'cd zed && cargo check --quiet'
else
  echo "skipped: set ZED_CHECK=1 to cargo check the extension"
fi

echo
echo "editors: $((ran - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
