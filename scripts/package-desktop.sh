#!/usr/bin/env bash
# Desktop integration of an installed copydesk, in a real WebKitGTK window
# under Xvfb and a private session bus (the single-instance lock lives there):
#  0. `copydesk first.md` with no window running opens the window on its draft;
#  1. the window's WM_CLASS is the .desktop entry's StartupWMClass, so the
#     launcher groups the window under its icon;
#  2. with a Chinese UI the native menu is Chinese (the labels are read back
#     from the GTK widgets: COPYDESK_MENU_FILE);
#  3. `copydesk article.md` while the window runs: the second process exits at
#     once with status 0, the running window gets the focus back and shows the
#     file's draft (its title becomes the draft's), the file imported into the
#     library;
#  4. switching the UI to English from the View menu (keyboard: F10, arrows)
#     relabels the native menu in English;
#  5. Edit > Undo and Edit > Redo undo and redo typing in the editor.
#
# Usage: scripts/package-desktop.sh BINARY DESKTOP_FILE
# (scripts/package-test.sh runs it on /usr/bin/copydesk after installing the .deb.)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "$1")"
desktop_file="$2"
out="test-output/package"
mkdir -p "$out"

if [ -z "${COPYDESK_IN_BUS:-}" ]; then
  # Re-run inside a private session bus, so that no running Copydesk of the
  # person running the tests receives our files.
  exec env COPYDESK_IN_BUS=1 dbus-run-session -- "$0" "$@"
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
fail() {
  echo "package-desktop: FAILED: $*" >&2
  [ -f "$tmp/app.log" ] && grep -v '^dbus-daemon' "$tmp/app.log" | sed 's/^/  app: /' >&2
  DISPLAY="$display" import -window root "$out/failure.png" 2>/dev/null && echo "  screenshot: $out/failure.png" >&2
  exit 1
}

# shellcheck source=scripts/lib/xvfb.sh
. scripts/lib/xvfb.sh
start_xvfb 141 180 package-desktop
# A fresh profile (the web view's storage is under XDG_DATA_HOME): the UI
# language saved by an earlier run must not leak in. The cache stays: a fresh
# font cache for the CJK fonts takes longer to build than the test waits.
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export COPYDESK_DB="$tmp/library.db" LANG=zh_CN.UTF-8

# wait_for CMD SECONDS: polls CMD until it succeeds while the app lives.
wait_for() {
  local i
  for i in $(seq 1 $(($2 * 10))); do
    eval "$1" && return 0
    kill -0 "$app_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# The first launch is given a file too (a double click in the file manager
# with no window running), with a relative path.
mkdir -p "$tmp/site"
printf -- '---\ntitle: 首次启动打开的文章\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\n---\n\n正文。\n' >"$tmp/site/first.md"
(cd "$tmp/site" && exec env COPYDESK_READY_FILE="$tmp/ready" COPYDESK_MENU_FILE="$tmp/menu" "$bin" first.md >"$tmp/app.log" 2>&1) &
app_pid=$!
wait_for '[ -s "$tmp/ready" ]' 60 || fail "the UI never reported ready"
wait_for '[ -s "$tmp/menu" ]' 10 || fail "the native menu was never labelled"
# (xdotool's name search ignores case, and GTK's hidden leader window is "copydesk".)
window_titled() {
  local w
  for w in $(xdotool search --name 'copydesk'); do
    [ "$(xdotool getwindowname "$w")" = "$1" ] && echo "$w" && return 0
  done
  return 1
}
wait_for 'wid=$(window_titled "首次启动打开的文章 — Copydesk")' 15 ||
  fail "the first launch with a file does not show its draft: windows $(xdotool search --name copydesk | while read -r w; do printf '"%s" ' "$(xdotool getwindowname "$w")"; done)"
echo "package-desktop: first launch with a file ok: the window shows its draft"

# ---- 1. WM_CLASS -----------------------------------------------------------
class=$(xprop -id "$wid" WM_CLASS | sed -n 's/.*= "\([^"]*\)", "\([^"]*\)"/\2/p')
want=$(sed -n 's/^StartupWMClass=//p' "$desktop_file")
[ -n "$class" ] && [ "$class" = "$want" ] || fail "the window's WM_CLASS class is \"$class\", the .desktop entry says StartupWMClass=$want"
echo "package-desktop: WM_CLASS ok: $class"

# ---- 2. a Chinese menu -----------------------------------------------------
menu=$(tr '\n' '|' <"$tmp/menu")
case "$menu" in
  文件\|新建草稿\|*编辑\|撤销\|*视图\|*帮助\|关于\ Copydesk\|) ;;
  *) fail "with a Chinese UI the native menu reads: $menu" ;;
esac
echo "package-desktop: Chinese menu ok: ${menu:0:60}…"

# ---- 3. a second launch with a file ----------------------------------------
# Take the focus away first (to the root window: there is no window manager),
# so that the running window must be activated again by the second launch.
root=$(xwininfo -root | sed -n 's/.*Window id: \(0x[0-9a-f]*\).*/\1/p')
xdotool windowfocus --sync "$((root))"
[ "$(xdotool getwindowfocus 2>/dev/null)" != "$wid" ] || fail "could not move the focus away from the window"
printf -- '---\ntitle: 第二次启动打开的文章\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\n---\n\n从文件管理器打开的正文。\n' >"$tmp/site/opened.md"
start=$(date +%s%N)
set +e
(cd "$tmp/site" && timeout 20 "$bin" opened.md >"$tmp/second.log" 2>&1)
second=$?
set -e
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
[ "$second" = 0 ] || fail "the second launch exited with status $second: $(cat "$tmp/second.log")"
[ "$elapsed_ms" -lt 5000 ] || fail "the second launch took $elapsed_ms ms to hand over"
kill -0 "$app_pid" 2>/dev/null || fail "the first window closed"
[ "$(xdotool search --name 'Copydesk' | while read -r w; do xdotool getwindowname "$w"; done | grep -c 'Copydesk$')" = 1 ] ||
  fail "a second window was opened"
wait_for '[ "$(xdotool getwindowfocus 2>/dev/null)" = "$wid" ]' 5 || fail "the running window was not activated (focus: $(xdotool getwindowfocus 2>&1))"
wait_for '[ "$(xdotool getwindowname "$wid")" = "第二次启动打开的文章 — Copydesk" ]' 15 ||
  fail "the running window shows \"$(xdotool getwindowname "$wid")\", not the opened file's draft"
found=$("$bin" list --json --query "从文件管理器打开的正文")
case "$found" in *'"path":"opened.md"'*) ;; *) fail "the opened file is not in the library: $found" ;; esac
import -window root "$out/opened.png"
echo "package-desktop: second launch ok: exited 0 after ${elapsed_ms} ms; the running window was activated and shows the file's draft; screenshot $out/opened.png"

# ---- 4. the menu follows the UI to English ---------------------------------
: >"$tmp/menu"
xdotool mousemove --window "$wid" 700 400 click 1
sleep 0.3
# F10 opens the first menu; two to the right is View; Up from the top is its
# last item, "English".
xdotool key F10
sleep 0.3
xdotool key Right Right
sleep 0.3
xdotool key Up
sleep 0.3
xdotool key Return
wait_for '[ -s "$tmp/menu" ]' 10 || fail "switching the UI to English did not relabel the menu"
menu=$(tr '\n' '|' <"$tmp/menu")
case "$menu" in
  File\|New\ Draft\|*Edit\|Undo\|*View\|*Help\|About\ Copydesk\|) ;;
  *) fail "after switching to English the native menu reads: $menu" ;;
esac
echo "package-desktop: English menu ok: ${menu:0:60}…"

# ---- 5. Edit > Undo and Redo reach the editor ------------------------------
# (WebKit editing commands, which CodeMirror's history answers.)
marker="EDIT-MENU-UNDO-$$"
count() { "$bin" list --json --query "$marker" | grep -o '"id":' | wc -l; }
xdotool key ctrl+n
sleep 2
xdotool key ctrl+End Return
xdotool type --delay 30 "$marker"
xdotool key ctrl+s
wait_for '[ "$(count)" = 1 ]' 10 || fail "the typed line was not saved"
edit_item() { # edit_item N: the Nth item of the Edit menu (F10 opens File; Right is Edit)
  xdotool key F10
  sleep 0.3
  xdotool key Right
  sleep 0.3
  xdotool key --repeat "$1" Down
  sleep 0.2
  xdotool key Return
  sleep 0.5
  xdotool key ctrl+s
}
edit_item 1
wait_for '[ "$(count)" = 0 ]' 10 || fail "Edit > Undo did not undo the typing"
edit_item 2
wait_for '[ "$(count)" = 1 ]' 10 || fail "Edit > Redo did not redo it"
echo "package-desktop: Edit menu ok: Undo and Redo reach the editor"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
