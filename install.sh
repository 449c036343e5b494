#!/usr/bin/env bash
# Installs a released proplint binary: downloads the archive for this machine from the
# GitHub release, checks its SHA-256 against the release's .sha256 file, and unpacks the
# binary into DIR. No Rust needed.
#
#   bash install.sh VERSION [DIR]          e.g. bash install.sh 0.1.0 ~/.local/bin
#
# VERSION is a release's number (0.1.0 or v0.1.0). DIR defaults to ~/.local/bin. Linux
# (x86_64, aarch64), macOS (x86_64, arm64) and Windows x86_64 (Git Bash). The last line
# printed is the installed binary's path. PROPLINT_DOWNLOAD_BASE replaces
# https://github.com/proplint/proplint/releases/download (a mirror, or a local folder as
# file:///... in tests). Used by the GitHub Action (action.yml).
set -euo pipefail

die() { echo "install.sh: $*" >&2; exit 1; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then die "usage: install.sh VERSION [DIR]"; fi
version=${1#v}
dir=${2:-$HOME/.local/bin}
base=${PROPLINT_DOWNLOAD_BASE:-https://github.com/proplint/proplint/releases/download}

os=$(uname -s) arch=$(uname -m)
case "$os/$arch" in
  Linux/x86_64 | Linux/amd64) target=x86_64-unknown-linux-gnu ;;
  Linux/aarch64 | Linux/arm64) target=aarch64-unknown-linux-gnu ;;
  Darwin/x86_64) target=x86_64-apple-darwin ;;
  Darwin/arm64 | Darwin/aarch64) target=aarch64-apple-darwin ;;
  MINGW*/x86_64 | MSYS*/x86_64 | CYGWIN*/x86_64) target=x86_64-pc-windows-msvc ;;
  *) die "no release binary for $os $arch: pip install proplint, or build from source (README.md)" ;;
esac
case $target in
  *windows*) archive="proplint-$version-$target.zip" exe=proplint.exe ;;
  *) archive="proplint-$version-$target.tar.gz" exe=proplint ;;
esac
url="$base/v$version/$archive"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() {
  if command -v curl > /dev/null; then curl -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget > /dev/null; then wget -q -O "$2" "$1"
  else die "neither curl nor wget found"; fi
}
echo "install.sh: downloading $url" >&2
fetch "$url" "$tmp/$archive" || die "could not download $url"
fetch "$url.sha256" "$tmp/$archive.sha256" || die "could not download $url.sha256"

expected=$(cut -d' ' -f1 < "$tmp/$archive.sha256")
if command -v sha256sum > /dev/null; then actual=$(sha256sum "$tmp/$archive" | cut -d' ' -f1)
else actual=$(shasum -a 256 "$tmp/$archive" | cut -d' ' -f1); fi
if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
  die "checksum mismatch for $archive: expected ${expected:-nothing}, got $actual; nothing installed"
fi

case $archive in
  *.zip)
    if command -v unzip > /dev/null; then unzip -q "$tmp/$archive" -d "$tmp"
    else 7z x -bd -o"$tmp" "$tmp/$archive" > /dev/null; fi ;;
  *) tar xzf "$tmp/$archive" -C "$tmp" ;;
esac
src="$tmp/proplint-$version-$target/$exe"
[ -f "$src" ] || die "$archive holds no proplint-$version-$target/$exe"
mkdir -p "$dir"
# Through a temporary name in DIR: a proplint running from DIR is never left half-written.
cp "$src" "$dir/.$exe.new"
chmod 755 "$dir/.$exe.new"
mv -f "$dir/.$exe.new" "$dir/$exe"
echo "install.sh: installed proplint $version ($target)" >&2
echo "$dir/$exe"
