#!/usr/bin/env bash
# Packs a release binary as the release workflow publishes it, and writes its checksum:
#   .ci/archive.sh VERSION TARGET BINARY OUTDIR
#   -> OUTDIR/proplint-VERSION-TARGET.tar.gz (.zip for Windows targets)
#      OUTDIR/proplint-VERSION-TARGET.tar.gz.sha256   ("HASH  NAME", as sha256sum writes it)
# The archive holds one folder proplint-VERSION-TARGET/ with the binary, README.md and
# CHANGELOG.md. Used by .github/workflows/release.yml and by .ci/run (which then installs it
# with install.sh, as the GitHub Action does).
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 VERSION TARGET BINARY OUTDIR" >&2; exit 2; }
version=$1 target=$2 binary=$3 outdir=$4
root=$(cd "$(dirname "$0")/.." && pwd)
name="proplint-$version-$target"
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
case $target in
  *windows*) cp "$binary" "$stage/$name/proplint.exe" ;;
  *) cp "$binary" "$stage/$name/proplint"; chmod 755 "$stage/$name/proplint" ;;
esac
cp "$root/README.md" "$root/CHANGELOG.md" "$stage/$name/"
cd "$stage"
case $target in
  *windows*)
    archive="$name.zip"
    if command -v 7z > /dev/null; then 7z a -bd "$outdir/$archive" "$name" > /dev/null
    else zip -qr "$outdir/$archive" "$name"; fi ;;
  *)
    archive="$name.tar.gz"
    tar czf "$outdir/$archive" "$name" ;;
esac
cd "$outdir"
if command -v sha256sum > /dev/null; then sha256sum "$archive" > "$archive.sha256"
else shasum -a 256 "$archive" > "$archive.sha256"; fi
cat "$archive.sha256"
