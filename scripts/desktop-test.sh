#!/usr/bin/env bash
# Desktop tests of the real binary in a real WebKitGTK window under Xvfb, each
# with a temporary database:
#  1. smoke: the UI must mount inside the window. The frontend calls
#     SystemService.Ready after mounting; with COPYDESK_SMOKE_FILE the app
#     writes that marker and quits with status 0 (3 when the UI never reports).
#  2. journey: create a draft from the template with the keyboard, type a
#     Chinese paragraph with xdotool (the window must repaint: the screen
#     changes), save with Ctrl+S, quit with Ctrl+Q, start again (the library
#     must open), and find the exact text in the library.
#  3. images: open an article of a Hugo site whose body shows an image of the
#     site's static folder; the preview must show it (counted on the screen);
#     then choose a featured image in the system's file chooser: it must be
#     copied into static/images and written as featured_image.
#  4. cold start with a large library: import 10,001 generated house-style
#     articles, launch the window on them and time the first library rows
#     painted (the UI reports them: COPYDESK_ROWS_FILE), then, at rest, the
#     memory of the Go process and of its WebKit web process (resident and
#     proportional set size; PSS shares each library page among the
#     processes mapping it, so it moves with whatever else runs WebKit). It
#     fails when a bound is passed; each sits just above what was measured
#     here (2 cores, Xvfb, no GPU), with room for noise, so that a
#     regression shows (every row loaded at start, GPU painting back on
#     llvmpipe) and noise does not:
#       first rows    0.4-0.9 s (1.45 s on a cold page cache)      bound 3 s
#       web process   281-285 MB resident, 206-210 MB PSS         bound 300 MB
#       Go process    187-189 MB resident, 110-111 MB PSS         bound 200 MB
#     The Go process is the window's UI process: of its 188 MB, Go's own
#     share (the binary's pages, the Go heap) is about 27 MB and SQLite
#     holds about 2.4 MB; the rest is GTK and WebKit's UI side, whose
#     libraries (Mesa's llvmpipe and LLVM 44 MB, WebKit 25 MB,
#     JavaScriptCore 12 MB, the flite voices WebKit links 9.5 MB, GTK,
#     fonts) and frame buffers (13 MB) stay while the window composites
#     (see app/desktop.go for why it must). The 100 MB target is not in
#     reach without dropping them.
# Screenshots are kept in test-output/desktop/ (git-ignored).
#
# Usage: scripts/desktop-test.sh [BINARY]   (default build/bin/copydesk)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-build/bin/copydesk}")"
out="test-output/desktop"
mkdir -p "$out"

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v import >/dev/null || missing+=(imagemagick)
pkg-config --exists webkit2gtk-4.1 2>/dev/null || missing+=(libwebkit2gtk-4.1-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "desktop-test: FAILED: missing ${missing[*]} in CI (scripts/bootstrap.sh installs them)" >&2
    exit 1
  fi
  echo "################################################################" >&2
  echo "desktop-test: SKIPPED: missing ${missing[*]} (run scripts/bootstrap.sh)" >&2
  echo "################################################################" >&2
  exit 0
fi

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp" ${big:+"$big"}
}
big="" # the large library's folder (part 3)
trap cleanup EXIT

fail() {
  echo "desktop-test: FAILED: $*" >&2
  [ -f "$tmp/app.log" ] && sed 's/^/  app: /' "$tmp/app.log" >&2
  DISPLAY="$display" import -window root "$out/failure.png" 2>/dev/null && echo "  screenshot: $out/failure.png" >&2
  exit 1
}

# A virtual X server on a free display number.
# shellcheck source=scripts/lib/xvfb.sh
. scripts/lib/xvfb.sh
start_xvfb 99 140 desktop-test
db="$tmp/library.db"

# start_app ENV=VALUE... : starts the app in the background with the test database.
start_app() {
  env COPYDESK_DB="$db" LANG=zh_CN.UTF-8 "$@" "$bin" >"$tmp/app.log" 2>&1 &
  app_pid=$!
}

# wait_marker FILE SECONDS: waits for the UI's ready marker while the app lives.
wait_marker() {
  local i
  for i in $(seq 1 $(($2 * 10))); do
    [ -s "$1" ] && return 0
    kill -0 "$app_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# wait_exit SECONDS: waits for the app to exit by itself; sets $status to its
# exit status, or "timeout". (Not in a subshell: only this shell can wait for it.)
wait_exit() {
  local i
  status="timeout"
  for i in $(seq 1 $(($1 * 10))); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      status=0
      wait "$app_pid" || status=$?
      app_pid=""
      return 0
    fi
    sleep 0.1
  done
}

# ---- 1. smoke --------------------------------------------------------------
start=$(date +%s.%N)
start_app COPYDESK_SMOKE_FILE="$tmp/smoke"
wait_marker "$tmp/smoke" 60 || fail "smoke: the UI never reported ready"
ready_at=$(date +%s.%N)
sleep 1
import -window root "$out/window.png"
wait_exit 30
[ "$status" = "0" ] || fail "smoke: the app exited with status $status"
awk -v a="$start" -v b="$ready_at" -v m="$(tr -d '\n' <"$tmp/smoke")" -v s="$out/window.png" \
  'BEGIN { printf "desktop-test: smoke ok: UI mounted in the WebKitGTK window after %.2f s (%s); screenshot %s\n", b - a, m, s }'

# type_text types text into the focused window as key presses. `xdotool type`
# sends a character the keymap lacks (every Han character) by remapping a
# spare keycode for it and restoring the map right after the key press; a busy
# app that reads the event after the restore gets another character or none
# (seen: "端侧推理" arriving as "端推理"). So every character is first given a
# spare keycode of its own, once, and only then are the keys pressed: nothing
# is remapped while typing.
type_text() {
  local LC_ALL=C.UTF-8 # read -n1 and printf "'c" work on characters only in a UTF-8 locale
  local text=$1 ch sym i=0
  local -a free keys=()
  local -A mapped=()
  # Spare keycodes: unmapped ones, then the multimedia keys (XF86*) nobody presses here.
  mapfile -t free < <(xmodmap -pke | awk '$1 == "keycode" && NF == 3 { print $2 }
    $1 == "keycode" && $4 ~ /^XF86/ { media[++n] = $2 } END { for (j = 1; j <= n; j++) print media[j] }')
  while IFS= read -r -n1 ch; do
    [ -n "$ch" ] || continue
    if [ "$ch" = " " ]; then keys+=(space); continue; fi
    if [[ "$ch" == [A-Za-z0-9] ]]; then keys+=("$ch"); continue; fi # already on the keyboard
    sym=$(printf 'U%04X' "'$ch")
    if [ -z "${mapped[$sym]:-}" ]; then
      [ "$i" -lt "${#free[@]}" ] || fail "type_text: no spare keycode left for $ch"
      xmodmap -e "keycode ${free[$i]} = $sym $sym"
      mapped[$sym]=1
      i=$((i + 1))
    fi
    keys+=("$sym")
  done < <(printf '%s' "$text")
  sleep 0.5 # let the app take the new keymap
  xdotool key --delay 60 "${keys[@]}"
}

# ---- 2. journey ------------------------------------------------------------
paragraph="桌面端测试：端侧推理让算力回到用户手中 Desktop 2025。"
start_app COPYDESK_READY_FILE="$tmp/ready1"
wait_marker "$tmp/ready1" 60 || fail "journey: the UI never reported ready"
wid=$(xdotool search --sync --limit 1 --name Copydesk)
sleep 0.5
# Focus the window (there is no window manager), then use the app's own shortcuts.
xdotool mousemove --window "$wid" 700 400 click 1
sleep 0.3
import -window root "$tmp/journey-before.png"
xdotool key ctrl+n
sleep 2
# The new draft's editor has the focus: go to the end, open a paragraph, type.
xdotool key ctrl+End Return Return
type_text "$paragraph"
sleep 0.5
xdotool key ctrl+s
sleep 1.5
import -window root "$out/journey-typed.png"
# The window must show what happened: a WebKitGTK that stops repainting
# after its first frames (its non-composited mode, see app/desktop.go) still
# saves the typed text, so the checks of the library below would pass.
changed=$(compare -metric AE "$tmp/journey-before.png" "$out/journey-typed.png" null: 2>&1 || true)
awk -v c="$changed" 'BEGIN { exit !(c + 0 >= 5000) }' ||
  fail "journey: the window did not repaint after Ctrl+N and typing ($changed pixels changed; screenshot $out/journey-typed.png)"
xdotool key ctrl+q
wait_exit 20
[ "$status" = "0" ] || fail "journey: Ctrl+Q did not close the app cleanly (status $status)"

found=$("$bin" list --db "$db" --json --query "端侧推理让算力回到用户手中")
case "$found" in
  *'"id":'*) ;;
  *) fail "journey: the typed paragraph is not in the library after quitting: $found" ;;
esac
mkdir -p "$tmp/export"
"$bin" export --db "$db" --all --out "$tmp/export" >/dev/null
grep -rqxF "$paragraph" "$tmp/export" || fail "journey: the exported draft does not hold the exact typed line"

# Start again: the library opens and still has the draft.
start_app COPYDESK_READY_FILE="$tmp/ready2"
wait_marker "$tmp/ready2" 60 || fail "journey: the UI did not come back after a restart"
sleep 2
import -window root "$out/journey-restarted.png"
xdotool key ctrl+q
wait_exit 20
[ "$status" = "0" ] || fail "journey: second quit failed (status $status)"
echo "desktop-test: journey ok: typed Chinese with xdotool, saved with Ctrl+S, quit with Ctrl+Q, restarted; text found exactly; screenshots in $out/"

# ---- 3. images -------------------------------------------------------------
# The preview's images in the desktop window, served by the window's asset
# server (the image route, see app/image_service.go): an article of a Hugo
# site shows /images/square.png, a solid magenta square, which must appear
# on the screen. Opened from the command line, as from the file manager.
site="$tmp/site"
mkdir -p "$site/content/posts" "$site/static/images"
printf "baseURL = 'https://example.org/'\n" >"$site/hugo.toml"
printf 'site:\n  root: .\n' >"$site/copydesk.yaml"
convert -size 160x160 xc:'#ff00ff' "$site/static/images/square.png"
cat >"$site/content/posts/square.md" <<'ARTICLE'
---
title: 桌面预览图片
date: 2025-06-27T20:10:05+08:00
draft: false
summary: 预览中的图片来自站点的 static 文件夹。
tags:
  - 测试
main_topics:
  - 算力与芯片
---

图片如下：

![](/images/square.png)
ARTICLE
# HOME holds the featured image to choose (the system's file chooser opens there).
mkdir -p "$tmp/home"
convert -size 12x12 xc:'#00ff00' "$tmp/home/Cover Photo.png"
env HOME="$tmp/home" COPYDESK_DB="$db" LANG=zh_CN.UTF-8 COPYDESK_READY_FILE="$tmp/ready3" COPYDESK_PROFILE="$site/copydesk.yaml" \
  "$bin" "$site/content/posts/square.md" >"$tmp/app.log" 2>&1 &
app_pid=$!
wait_marker "$tmp/ready3" 60 || fail "images: the UI never reported ready"
magenta=0
for _ in $(seq 1 20); do
  sleep 0.5
  import -window root "$out/images.png"
  magenta=$(convert "$out/images.png" -fill black +opaque '#ff00ff' -fill white -opaque '#ff00ff' -format '%[fx:round(mean*w*h)]' info:)
  [ "$magenta" -ge 20000 ] && break
done
[ "$magenta" -ge 20000 ] || fail "images: the preview does not show the site's image ($magenta magenta pixels of 25600; screenshot $out/images.png)"
# Choose… beside the featured image (题图) opens the system's file chooser;
# "~/" opens its location bar, where the name is typed.
xdotool mousemove 676 214 click 1
sleep 2
xdotool type --delay 150 "~/Cover Photo.png"
sleep 0.5
xdotool key Return
chosen=""
for _ in $(seq 1 40); do
  chosen=$(ls "$site/static/images/" | grep -E '^cover-photo-[0-9a-f]{8}\.png$' || true)
  [ -n "$chosen" ] && break
  sleep 0.25
done
import -window root "$out/images-chosen.png"
[ -n "$chosen" ] || fail "images: the chosen featured image was not copied into static/images (screenshot $out/images-chosen.png)"
sleep 1
xdotool key ctrl+s
sleep 1
xdotool key ctrl+q
wait_exit 20
[ "$status" = "0" ] || fail "images: quit failed (status $status)"
mkdir -p "$tmp/export3"
"$bin" export --db "$db" --all --out "$tmp/export3" >/dev/null
grep -rqxF "featured_image: images/$chosen" "$tmp/export3" || fail "images: featured_image is not images/$chosen in the saved draft"
echo "desktop-test: images ok: the preview showed the site's /images/square.png through the window's asset server ($magenta magenta pixels); the featured image chosen in the system's file chooser became images/$chosen"

# ---- 4. cold start and memory with a 10,001-draft library -------------------
if ! command -v go >/dev/null; then
  echo "desktop-test: large library SKIPPED: Go is needed to generate the articles" >&2
  exit 0
fi
big_n=10001
go build -o "$tmp/samples" ./backend/site/samples/cmd/copydesk-samples
# In memory where there is a tmpfs: writing 10,001 small files to a busy disk
# took longer than importing them.
big=$(mktemp -d -p /dev/shm copydesk-desktop.XXXXXX 2>/dev/null || mktemp -d)
gen_start=$(date +%s.%N)
"$tmp/samples" -n "$big_n" -out "$big/articles"
# --index: the library as the app leaves it once its background indexing is
# done, so that "at rest" below is at rest (no indexing running).
"$bin" import --index --db "$big/library.db" "$big/articles" >"$tmp/import.out" 2>&1 || { cat "$tmp/import.out" >&2; fail "large library: the import failed"; }
rm -rf "$big/articles"
gen_end=$(date +%s.%N)
grep -q "imported $big_n files: $big_n new" "$tmp/import.out" || fail "large library: unexpected import result: $(cat "$tmp/import.out")"

launch=$(date +%s.%N)
start_app COPYDESK_DB="$big/library.db" COPYDESK_ROWS_FILE="$tmp/rows"
rows_at=""
for _ in $(seq 1 1500); do # polled every 20 ms, for 30 s at most
  if [ -s "$tmp/rows" ]; then rows_at=$(date +%s.%N); break; fi
  kill -0 "$app_pid" 2>/dev/null || fail "large library: the app exited before showing rows"
  sleep 0.02
done
[ -n "$rows_at" ] || fail "large library: no library rows painted within 30 s"
rows_line=$(tr -d '\n' <"$tmp/rows")
shown=$(awk '{ print $2 }' <<<"$rows_line")
[ "$shown" -gt 0 ] || fail "large library: the first page painted no rows ($rows_line)"

# At rest: let the first page's neighbours and the preview settle.
sleep 3
import -window root "$out/large-library.png"
# kib PID FIELD: VmRSS from status, or Pss from smaps_rollup (empty when unreadable).
kib() {
  case $2 in
    rss) awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status" 2>/dev/null ;;
    pss) awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null ;;
  esac
}
mb() { awk -v k="${1:-0}" 'BEGIN { printf "%.0f", k / 1024 }'; }
go_rss=$(kib "$app_pid" rss); go_pss=$(kib "$app_pid" pss)
web_rss=0; web_pss=0; webs=0
for child in $(pgrep -P "$app_pid"); do
  case "$(cat "/proc/$child/comm" 2>/dev/null)" in
    WebKitWebProces*)
      webs=$((webs + 1))
      web_rss=$((web_rss + $(kib "$child" rss || echo 0)))
      web_pss=$((web_pss + $(kib "$child" pss || echo 0)))
      ;;
  esac
done
[ "$webs" -gt 0 ] || fail "large library: no WebKitWebProcess child of the app found"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""

first=$(awk -v a="$launch" -v b="$rows_at" 'BEGIN { printf "%.2f", b - a }')
echo "desktop-test: large library: $big_n drafts generated and imported in $(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }') s;" \
  "first rows painted ${first} s after launch ($rows_line);" \
  "at rest: Go process $(mb "$go_rss") MB resident ($(mb "$go_pss") MB PSS)," \
  "WebKit web process $(mb "$web_rss") MB resident ($(mb "$web_pss") MB PSS, $webs process(es));" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); screenshot $out/large-library.png"
# The bounds and what was measured: see the top of this file.
awk -v s="$first" 'BEGIN { exit !(s <= 3) }' || fail "large library: first rows after ${first} s (bound 3 s, target 1 s)"
[ "$(mb "$web_rss")" -le 300 ] || fail "large library: WebKit web process holds $(mb "$web_rss") MB resident (bound 300 MB)"
[ "$(mb "$go_rss")" -le 200 ] || fail "large library: Go process holds $(mb "$go_rss") MB resident (bound 200 MB, target 100 MB)"
