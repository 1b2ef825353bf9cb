#!/usr/bin/env bash
# frontend/wailsjs is generated from the bound Go services and committed, so the
# frontend type-checks and builds without Go. This regenerates it and fails if
# anything changed (the new files are left in place to review and commit).
set -euo pipefail
cd "$(dirname "$0")/.."
wails=$(scripts/tools.sh wails)
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -a frontend/wailsjs/. "$before/"
"$wails" generate module -tags sqlite_fts5 >/dev/null 2>&1 || "$wails" generate module -tags sqlite_fts5
if ! diff -r "$before" frontend/wailsjs; then
  echo "check-bindings: frontend/wailsjs was out of date with the Go services; it has been regenerated: review and commit it." >&2
  exit 1
fi
echo "check-bindings: frontend/wailsjs matches the Go services"
