#!/usr/bin/env bash
# Builds (once) the pinned tools the tests use and prints the path of the one asked for.
# They are cached outside the repository, in ${COPYDESK_TOOLS:-$HOME/.cache/copydesk}.
#   scripts/tools.sh hugo    Hugo v0.165.0, the reference renderer for the parity test (~5 min the first time)
#   scripts/tools.sh wails   the Wails v2.16.0 CLI, to regenerate frontend/wailsjs
set -euo pipefail
cache="${COPYDESK_TOOLS:-$HOME/.cache/copydesk}"
case "${1:-}" in
  hugo)  dir="$cache/hugo-v0.165.0";  bin="$dir/hugo";  pkg="github.com/gohugoio/hugo@v0.165.0"; cgo=0 ;;
  wails) dir="$cache/wails-v2.16.0";  bin="$dir/wails"; pkg="github.com/wailsapp/wails/v2/cmd/wails@v2.16.0"; cgo=1 ;;
  *) echo "usage: scripts/tools.sh hugo|wails" >&2; exit 2 ;;
esac
if [ ! -x "$bin" ]; then
  echo "tools: building $pkg into $dir (once; it takes a few minutes)" >&2
  mkdir -p "$dir"
  CGO_ENABLED=$cgo GOBIN="$dir" GOFLAGS=-mod=mod go install "$pkg" >&2
fi
echo "$bin"
