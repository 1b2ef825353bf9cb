#!/usr/bin/env bash
# Shrinks the committed fuzz corpus of one Go package to the entries that add
# coverage, so the repository does not carry thousands of redundant inputs.
#   scripts/minimize-fuzz-corpus.sh [-n] [package-dir]   (default backend/article)
#     -n  report what would be dropped, delete nothing
#
# When to run it: after a long `go test -fuzz` run has added inputs under
# <package>/testdata/fuzz/FuzzX/, before committing them. The fuzzer keeps every
# input that reached new code at the moment it was found; most are made
# redundant by later ones, and each costs a file in every checkout and a run in
# every `go test`.
#
# How: the package's test binary is built once with set-mode coverage of the
# package itself. For each target, the seed corpus (its f.Add calls) runs once,
# then every corpus entry runs alone, one after another (no parallel runs, so the
# machine stays usable). Entries are then kept greedily per target: the one that
# covers the most blocks not yet covered by the seeds and the entries kept so
# far, the smaller file among equals, until nothing adds a block. Per-target
# rather than across targets, because an input only steers the fuzzing of the
# target whose directory holds it.
#
# Always kept, whatever their coverage:
#   - entries listed in <package>/testdata/fuzz/regressions.txt, one
#     "FuzzX/name" per line ("#" starts a comment): inputs that once found a
#     bug. Add a line there when committing the input of a fixed failure.
#   - entries whose name is not the 16 hex digits the fuzzer generates: a file
#     someone named by hand was put there on purpose.
#   - entries whose run cannot be told apart (the test binary did not report
#     exactly one passing subtest for them).
#
# The result is checked: each target runs its whole corpus in one process
# before and after, and the covered blocks after must include all of those
# before; if not (or if anything fails midway), the dropped files are put
# back and the script exits non-zero.
# The package coverage printed is that of the fuzz targets alone (seeds plus
# corpus), not of the package's other tests.
set -euo pipefail
cd "$(dirname "$0")/.."

dry=0
if [ "${1:-}" = "-n" ]; then
  dry=1
  shift
fi
pkgdir="${1:-backend/article}"
pkgdir="${pkgdir#./}"
fuzzdir="$pkgdir/testdata/fuzz"
if [ ! -d "$fuzzdir" ]; then
  echo "minimize-fuzz-corpus: $fuzzdir does not exist" >&2
  exit 2
fi
if ! compgen -G "$fuzzdir/Fuzz*/" >/dev/null; then
  echo "minimize-fuzz-corpus: $fuzzdir holds no FuzzX directories" >&2
  exit 2
fi
keepfile="$fuzzdir/regressions.txt"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-fuzzmin.XXXXXX")"
# Dropped files wait in $tmp until the check has passed; on any other way out
# (an error, a failed check, Ctrl-C) they are put back, so no input is lost.
finished=0
restore() {
  if [ "$finished" = 0 ] && [ -d "$tmp/dropped" ]; then
    for d in "$tmp/dropped"/*/; do
      [ -d "$d" ] || continue
      find "$d" -maxdepth 1 -type f -exec mv -n -t "$fuzzdir/$(basename "$d")/" {} +
    done
  fi
  rm -rf "$tmp"
}
trap restore EXIT
trap 'exit 130' INT TERM

importpath="$(go list -tags sqlite_fts5 "./$pkgdir")"
echo "building the test binary of $importpath with coverage..." >&2
go test -c -cover -covermode=set -coverpkg="$importpath" -tags sqlite_fts5 \
  -o "$tmp/pkg.test" "./$pkgdir"
bin="$tmp/pkg.test"

# Prints the blocks a profile marks as run, one "file:range" per line.
covered_blocks() {
  awk 'NR > 1 && $NF > 0 { print $1 }' "$1" | sort -u
}

# Runs the test binary from the package directory (where testdata/ is read)
# with a -test.run pattern; writes the profile to $2 and the verbose log to $3.
run_cover() {
  (cd "$pkgdir" && "$bin" -test.run="$1" -test.v -test.coverprofile="$2") >"$3" 2>&1
}

# Prints the statements covered and in total over several profiles
# (a block counts as covered when any profile ran it).
statements() {
  awk 'FNR > 1 { n[$1] = $2; if ($3 > 0) c[$1] = 1 }
    END { for (b in n) { t += n[b]; if (b in c) k += n[b] }
      printf "%d %d %.1f%%\n", k, t, t ? 100 * k / t : 0 }' "$@"
}

regex_quote() {
  printf '%s' "$1" | sed 's/[][\\.^$*+?(){}|]/\\&/g'
}

# Greedy choice. Arguments: seed blocks, names always kept, "name size block"
# lines. Prints the names to keep with the reason.
choose() {
  awk -v seeds="$1" -v forced="$2" '
    FILENAME == seeds { covered[$1] = 1; next }
    FILENAME == forced { must[$1] = 1; next }
    {
      if (!($1 in size)) { size[$1] = $2; names[++n] = $1 }
      if ($3 != "") blk[$1, ++cnt[$1]] = $3
    }
    END {
      for (name in must) {
        if (!(name in size)) continue # a listed file that is no longer there
        print name, "always"
        kept[name] = 1
        for (j = 1; j <= cnt[name]; j++) covered[blk[name, j]] = 1
      }
      while (1) {
        best = ""; bestgain = 0
        for (i = 1; i <= n; i++) {
          name = names[i]
          if (name in kept) continue
          gain = 0
          for (j = 1; j <= cnt[name]; j++) if (!(blk[name, j] in covered)) gain++
          if (gain == 0) continue
          if (gain > bestgain || (gain == bestgain && (size[name] < size[best] ||
              (size[name] == size[best] && name < best)))) {
            best = name; bestgain = gain
          }
        }
        if (bestgain == 0) break
        print best, "+" bestgain
        kept[best] = 1
        for (j = 1; j <= cnt[best]; j++) covered[blk[best, j]] = 1
      }
    }' "$1" "$2" "$3"
}

files_before=0 bytes_before=0 files_after=0 bytes_after=0
mkdir -p "$tmp/dropped" "$tmp/before" "$tmp/after"
for dir in "$fuzzdir"/Fuzz*/; do
  target="$(basename "$dir")"
  if ! (cd "$pkgdir" && "$bin" -test.list="^$target\$" 2>/dev/null) | grep -qx "$target"; then
    echo "minimize-fuzz-corpus: $dir: no fuzz target $target in $importpath" >&2
    exit 2
  fi
  work="$tmp/$target"
  mkdir -p "$work"

  run_cover "^$target\$/^seed#" "$work/seed.out" "$work/seed.log"
  covered_blocks "$work/seed.out" >"$work/seed.blocks"
  if ! run_cover "^$target\$" "$tmp/before/$target.out" "$work/before.log"; then
    echo "minimize-fuzz-corpus: $target fails on its current corpus; fix that first:" >&2
    tail -n 30 "$work/before.log" >&2
    exit 1
  fi

  : >"$work/forced"
  : >"$work/entries"
  if [ -f "$keepfile" ]; then
    sed 's/#.*//' "$keepfile" |
      awk -v t="$target" -F/ 'NF == 2 && $1 == t { gsub(/[ \t]/, "", $2); print $2 }' >>"$work/forced"
  fi
  count=0
  for file in "$dir"*; do
    [ -f "$file" ] || continue
    name="$(basename "$file")"
    size="$(wc -c <"$file")"
    files_before=$((files_before + 1))
    bytes_before=$((bytes_before + size))
    count=$((count + 1))
    if ! [[ "$name" =~ ^[0-9a-f]{16}$ ]]; then
      echo "$name" >>"$work/forced"
    fi
    if ! run_cover "^$target\$/^$(regex_quote "$name")\$" "$work/entry.out" "$work/entry.log"; then
      echo "minimize-fuzz-corpus: $file fails its target; fix the bug first:" >&2
      cat "$work/entry.log" >&2
      exit 1
    fi
    if [ "$(grep -c -- "--- PASS: $target/" "$work/entry.log")" != 1 ]; then
      echo "minimize-fuzz-corpus: $file did not run alone as one passing subtest; kept" >&2
      echo "$name" >>"$work/forced"
    fi
    covered_blocks "$work/entry.out" | awk -v n="$name" -v s="$size" '{ print n, s, $1 }' >>"$work/entries"
    echo "$name $size" >>"$work/entries" # an entry that covers nothing new still has a line
  done

  sort -u "$work/forced" -o "$work/forced"
  choose "$work/seed.blocks" "$work/forced" "$work/entries" >"$work/keep"
  kept="$(wc -l <"$work/keep")"
  echo "$target: $count entries, keeping $kept" >&2
  sort "$work/keep" | sed 's/^/  /' >&2
done

# Every target is measured before any file moves, so a failure above leaves
# the corpus as it was.
for dir in "$fuzzdir"/Fuzz*/; do
  target="$(basename "$dir")"
  work="$tmp/$target"
  mkdir -p "$tmp/dropped/$target"
  for file in "$dir"*; do
    [ -f "$file" ] || continue
    name="$(basename "$file")"
    if awk -v n="$name" '$1 == n { found = 1 } END { exit !found }' "$work/keep"; then
      files_after=$((files_after + 1))
      bytes_after=$((bytes_after + $(wc -c <"$file")))
    elif [ "$dry" = 0 ]; then
      mv "$file" "$tmp/dropped/$target/"
    fi
  done
done

read -r k t pct < <(statements "$tmp"/before/*.out)
echo "package coverage by the fuzz targets, full corpus: $k of $t statements ($pct)" >&2
echo "corpus before: $files_before files, $bytes_before bytes" >&2
echo "corpus after:  $files_after files, $bytes_after bytes" >&2
if [ "$dry" = 1 ]; then
  echo "dry run: nothing deleted" >&2
  exit 0
fi

lost=0
for out in "$tmp"/before/*.out; do
  target="$(basename "$out" .out)"
  run_cover "^$target\$" "$tmp/after/$target.out" "$tmp/$target/after.log"
  covered_blocks "$out" >"$tmp/$target/before.blocks"
  covered_blocks "$tmp/after/$target.out" >"$tmp/$target/after.blocks"
  missing="$(comm -23 "$tmp/$target/before.blocks" "$tmp/$target/after.blocks" | wc -l)"
  echo "$target: covered blocks $(wc -l <"$tmp/$target/before.blocks") before, $(wc -l <"$tmp/$target/after.blocks") after" >&2
  if [ "$missing" != 0 ]; then
    echo "minimize-fuzz-corpus: $target lost $missing blocks; the corpus is put back as it was" >&2
    lost=1
  fi
done
read -r k t pct < <(statements "$tmp"/after/*.out)
echo "package coverage by the fuzz targets, kept corpus: $k of $t statements ($pct)" >&2
if [ "$lost" = 0 ]; then
  finished=1
fi
exit "$lost"
