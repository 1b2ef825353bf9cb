#!/usr/bin/env bash
# Prints this checkout's version as a Debian-valid upstream version, from
# `git describe --tags --always --dirty` over the version tags (v1.2.0 or 1.2.0):
#   v1.2.0                  -> 1.2.0
#   v1.2.0-rc1              -> 1.2.0~rc1        (a pre-release sorts before 1.2.0)
#   v1.2.0-4-gabc1234       -> 1.2.0+4.gabc1234 (4 commits after the tag sorts after it)
#   v1.2.0-4-gabc1234-dirty -> 1.2.0+4.gabc1234.dirty
#   abc1234 (no tag yet)    -> 0.0.0+abc1234
#   not a git checkout      -> 0.0.0+unknown
# With --commit it prints the full commit hash instead ("unknown" outside git).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--commit" ]; then
  git rev-parse HEAD 2>/dev/null || echo unknown
  exit 0
fi

# Only tags that look like versions count (a "release-x" tag is ignored).
match=(--match 'v[0-9]*' --match '[0-9]*')
desc=$(git describe --tags "${match[@]}" --always --dirty 2>/dev/null) || { echo "0.0.0+unknown"; exit 0; }
dirty=""
case "$desc" in *-dirty) dirty=1; desc=${desc%-dirty} ;; esac

if ! git describe --tags "${match[@]}" --abbrev=0 >/dev/null 2>&1; then
  # No tag reachable: only the abbreviated commit.
  v="0.0.0+$desc"
elif [[ "$desc" =~ ^v?([0-9][0-9A-Za-z.]*)(-([0-9A-Za-z.-]+))?-([0-9]+)-g([0-9a-f]+)$ ]]; then
  # A tag plus commits since it.
  base=${BASH_REMATCH[1]}; pre=${BASH_REMATCH[3]}; n=${BASH_REMATCH[4]}; hash=${BASH_REMATCH[5]}
  v="$base${pre:+~${pre//-/.}}+$n.g$hash"
elif [[ "$desc" =~ ^v?([0-9][0-9A-Za-z.]*)(-([0-9A-Za-z.-]+))?$ ]]; then
  # Exactly on a tag.
  base=${BASH_REMATCH[1]}; pre=${BASH_REMATCH[3]}
  v="$base${pre:+~${pre//-/.}}"
else
  # A version tag with characters Debian does not allow: keep the commit only.
  v="0.0.0+g$(git rev-parse --short HEAD)"
fi
if [ -n "$dirty" ]; then
  case "$v" in *+*) v="$v.dirty" ;; *) v="$v+dirty" ;; esac
fi
echo "$v"
