#!/usr/bin/env bash
# Desktop smoke test: start the real desktop binary under a virtual display
# with a temporary database and prove the UI mounted inside the WebKitGTK
# window: the frontend calls SystemService.Ready after mounting, which in smoke
# mode writes a marker file and then quits the app with status 0 (3 when the
# UI never reports ready). A screenshot is kept in test-output/ (git-ignored).
#
# Usage: scripts/desktop-smoke.sh [BINARY]   (default build/bin/copydesk)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/bin/copydesk}"
out="test-output/desktop"
mkdir -p "$out"

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v import >/dev/null || missing+=(imagemagick)
pkg-config --exists webkit2gtk-4.1 2>/dev/null || missing+=(libwebkit2gtk-4.1-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "desktop-smoke: FAILED: missing ${missing[*]} in CI (scripts/bootstrap.sh installs them)" >&2
    exit 1
  fi
  echo "################################################################" >&2
  echo "desktop-smoke: SKIPPED: missing ${missing[*]} (run scripts/bootstrap.sh)" >&2
  echo "################################################################" >&2
  exit 0
fi

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# Pick a free display number.
display=""
for n in $(seq 99 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "desktop-smoke: no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

marker="$tmp/ready"
start=$(date +%s.%N)
DISPLAY="$display" COPYDESK_DB="$tmp/library.db" COPYDESK_SMOKE_FILE="$marker" LANG=zh_CN.UTF-8 \
  "$bin" >"$tmp/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 600); do
  [ -s "$marker" ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$marker" ]; then
  echo "desktop-smoke: FAILED: the UI never reported ready" >&2
  cat "$tmp/app.log" >&2
  exit 1
fi
ready_at=$(date +%s.%N)
sleep 1
DISPLAY="$display" import -window root "$out/window.png"
status=0
wait "$app_pid" || status=$?
app_pid=""
if [ "$status" -ne 0 ]; then
  echo "desktop-smoke: FAILED: the app exited with status $status" >&2
  cat "$tmp/app.log" >&2
  exit 1
fi
awk -v a="$start" -v b="$ready_at" -v m="$(tr -d '\n' <"$marker")" -v s="$out/window.png" \
  'BEGIN { printf "desktop-smoke: ok: UI mounted in the WebKitGTK window after %.2f s (%s); screenshot %s\n", b - a, m, s }'
