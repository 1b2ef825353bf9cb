#!/usr/bin/env bash
# Times `copydesk import` of N house-style articles against a `hugo` build of
# the very same files, in one run on this machine, and prints a table.
#   scripts/bench-import.sh [N]        (default 10000)
# Targets: import <= 0.25x Hugo's wall time (must be <= 0.5x), peak RSS <= 100 MB
# (must be <= 150 MB). Also shown: import followed by building the search index,
# and export of every draft to an empty folder.
# Each run is repeated ROUNDS times (default 2) from the same starting state and
# the fastest is kept, so a stall caused by other work on the machine does not
# decide the result. Exit status 1 when a "must" bound is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
rounds="${ROUNDS:-2}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

hugo="${HUGO:-$(scripts/tools.sh hugo)}"
timebin=/usr/bin/time
if [ ! -x "$timebin" ]; then
  echo "bench-import: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 2
fi

echo "building copydesk and the sample generator..." >&2
go build -tags sqlite_fts5 -o "$tmp/copydesk" .
go build -o "$tmp/samples" ./backend/site/samples/cmd/copydesk-samples

site="$tmp/site"
mkdir -p "$site/content/posts" "$site/layouts/_default"
cat > "$site/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
languageCode = "zh-cn"
title = "bench"
TOML
# The smallest layouts that make Hugo render every article's Markdown.
echo '<html><body>{{ .Content }}</body></html>' > "$site/layouts/_default/single.html"
echo '<html><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>' > "$site/layouts/_default/list.html"
echo "writing $n articles..." >&2
"$tmp/samples" -n "$n" -out "$site/content/posts"
bytes=$(du -sb "$site/content/posts" | cut -f1)

# measure NAME CMD...: runs CMD under /usr/bin/time, records wall seconds, CPU seconds
# (user + system: unlike wall time, it hardly changes when other work shares the
# machine) and peak RSS (MB) of the fastest of $rounds runs. $prepare (a shell
# command) restores the starting state before each run.
declare -A wall cpu rss
prepare=true
measure() {
  local name=$1; shift
  local r w u s m
  for ((r = 1; r <= rounds; r++)); do
    eval "$prepare"
    sync
    "$timebin" -f "%e %U %S %M" -o "$tmp/time.$name" "$@" > "$tmp/out.$name" 2>&1 || {
      echo "bench-import: $name failed:" >&2; tail -5 "$tmp/out.$name" >&2; exit 1; }
    read -r w u s m < <(tail -1 "$tmp/time.$name")
    if [ -z "${wall[$name]:-}" ] || awk -v a="$w" -v b="${wall[$name]}" 'BEGIN { exit !(a < b) }'; then
      wall[$name]=$w
      cpu[$name]=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
      rss[$name]=$(awk -v k="$m" 'BEGIN { printf "%.0f", k / 1024 }')
    fi
  done
}

echo "hugo build (drafts included, so it reads every file)..." >&2
prepare='rm -rf "$tmp/public"'
measure hugo "$hugo" --source "$site" --destination "$tmp/public" --buildDrafts --quiet
rm -rf "$tmp/public"
echo "copydesk import..." >&2
prepare='rm -f "$tmp"/lib.db*'
measure import "$tmp/copydesk" import --db "$tmp/lib.db" "$site/content/posts"
echo "copydesk import --index (fresh library)..." >&2
prepare='rm -f "$tmp"/lib2.db*'
measure import_index "$tmp/copydesk" import --index --db "$tmp/lib2.db" "$site/content/posts"
rm -f "$tmp"/lib2.db*
echo "copydesk import again (nothing changed)..." >&2
prepare=true
measure reimport "$tmp/copydesk" import --db "$tmp/lib.db" "$site/content/posts"
echo "copydesk export --all..." >&2
prepare='rm -rf "$tmp/export"'
measure export "$tmp/copydesk" export --db "$tmp/lib.db" --out "$tmp/export" --all

# The export must give back the very same bytes.
if ! diff -r -q "$site/content/posts" "$tmp/export" > /dev/null; then
  echo "bench-import: exported files differ from the imported ones" >&2
  exit 1
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
load=$(cut -d' ' -f1-3 /proc/loadavg)
printf '\n%d articles, %.1f MB, %s cores, load average %s, fastest of %d runs each\n\n' "$n" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$(nproc)" "$load" "$rounds"
printf '%-30s %9s %8s %9s %8s %12s\n' "run" "wall (s)" "vs hugo" "CPU (s)" "vs hugo" "peak RSS MB"
for name in hugo import import_index reimport export; do
  case $name in
    hugo) label="hugo build" ;;
    import) label="copydesk import" ;;
    import_index) label="copydesk import --index" ;;
    reimport) label="copydesk import (unchanged)" ;;
    export) label="copydesk export --all" ;;
  esac
  printf '%-30s %9s %8s %9s %8s %12s\n' "$label" "${wall[$name]}" "$(ratio "${wall[$name]}" "${wall[hugo]}")" \
    "${cpu[$name]}" "$(ratio "${cpu[$name]}" "${cpu[hugo]}")" "${rss[$name]}"
done
r=$(ratio "${wall[import]}" "${wall[hugo]}")
echo
echo "import: ${r}x Hugo's wall time (target <= 0.25, must <= 0.5), $(ratio "${cpu[import]}" "${cpu[hugo]}")x its CPU time; peak RSS ${rss[import]} MB (target <= 100, must <= 150)"
awk -v r="$r" -v m="${rss[import]}" 'BEGIN { exit !(r <= 0.5 && m <= 150) }' || { echo "bench-import: a must bound is missed" >&2; exit 1; }
