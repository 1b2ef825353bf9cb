#!/usr/bin/env bash
# The library and preview figures of the UI, in Debian's Chromium against the
# browser face (`copydesk serve`) over a generated library:
#   scripts/bench-ui.sh [N]     (default 10000 house-style articles)
# imported with the command line, plus the reference article (if present) and
# a 200 KB article. Prints first rows after navigation, rows in the DOM, scroll
# jumps to any position (rows filled in, longest main-thread task), search
# to result, keystroke to preview (medians), and the Go process's memory.
# A benchmark, not a test: it is not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
ref="${REFERENCE_ARTICLE:-../shared/seeds/000_77146d4682ff964c.txt}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench-ui.XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

bin="${COPYDESK_BIN:-build/bin/copydesk}"
if [ ! -x "$bin" ]; then
  echo "bench-ui: $bin is missing: run make build (or set COPYDESK_BIN)" >&2
  exit 2
fi
if [ ! -d frontend/node_modules/playwright-core ]; then
  echo "bench-ui: frontend/node_modules is missing: run (cd frontend && npm ci)" >&2
  exit 2
fi
go build -o "$tmp/samples" ./backend/site/samples/cmd/copydesk-samples

echo "writing and importing $n articles..." >&2
mkdir -p "$tmp/posts/extra"
"$tmp/samples" -n "$n" -out "$tmp/posts"
if [ ! -f "$ref" ]; then
  echo "bench-ui: the reference article $ref is missing (set REFERENCE_ARTICLE)" >&2
  exit 2
fi
cp "$ref" "$tmp/posts/extra/reference.md"
# A 200 KB article: the reference article's front matter and sections, the
# sections repeated until the body passes 200 KB, then its citations.
awk -v target=204800 '
  /^---$/ && fm < 2 { fm++; head = head $0 "\n"; next }
  fm < 2 { if ($0 ~ /^title:/) $0 = "title: 长文测速：二十万字节的分析"; head = head $0 "\n"; next }
  /^## / { cites = 1 }
  cites { tail = tail $0 "\n"; next }
  { body = body $0 "\n" }
  END {
    printf "%s", head
    out = 0
    while (out < target) { printf "%s", body; out += length(body) }
    printf "%s", tail
  }' "$ref" > "$tmp/posts/extra/long.md"
# --index: the library as it is once the app has indexed it in the background.
"$bin" import --index --db "$tmp/lib.db" "$tmp/posts" >&2
ref_title=$(sed -n 's/^title: //p' "$ref" | head -1)

"$bin" serve --addr 127.0.0.1:0 --db "$tmp/lib.db" > "$tmp/serve.out" 2> "$tmp/serve.err" &
server=$!
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/[^ ]*' "$tmp/serve.out" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "bench-ui: copydesk serve printed no address:" >&2
  cat "$tmp/serve.err" >&2
  exit 1
fi

echo >&2
printf '%s drafts, %s cores, load average %s\n' "$((n + 2))" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
(cd frontend && COPYDESK_URL="$url" REF_TITLE="$ref_title" BIG_TITLE="长文测速：二十万字节的分析" node bench/ui.mjs)
awk '/^VmRSS|^VmHWM/ { printf "Go process %s %.0f MB\n", $1, $2 / 1024 }' "/proc/$server/status"
