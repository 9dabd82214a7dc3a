#!/bin/sh
# `workbook handout --all --format html` (the release build `make release` makes) against the
# cmark command on the same Markdown (`cat Lessons/*.md | cmark`): RUNS runs of each, interleaved
# so that all meet the same load, after one warm-up run each; prints the medians and the ratios.
# The handout is timed twice: into an empty folder (every file written) and into the folder of
# the run before (every file already up to date, so none is rewritten). The budget is 10 × cmark.
# Usage: scripts/bench-handout.sh [RUNS] (default 5).
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5}
command -v cmark >/dev/null || { echo "bench-handout: needs cmark (apt-get install cmark)" >&2; exit 69; }
swift build -c release --static-swift-stdlib --product workbook >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

handout() { .build/release/workbook handout --all --format html --output "$1" >/dev/null; }
fresh() {
  folder="$out/fresh-$(date +%s%N)"
  mkdir "$folder"
  elapsed handout "$folder"
}
markdown() { cat Lessons/*.md | cmark >/dev/null; }
# Milliseconds taken by the command "$@", to a tenth.
elapsed() {
  start=$(date +%s%N)
  "$@"
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) / 1e6 }'
}
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

handout "$out/current"
markdown
fresh >/dev/null
fresh_runs=""
current_runs=""
cmarks=""
for _ in $(seq "$RUNS"); do
  fresh_runs="$fresh_runs $(fresh)"
  current_runs="$current_runs $(elapsed handout "$out/current")"
  cmarks="$cmarks $(elapsed markdown)"
done
f=$(echo "$fresh_runs" | median)
u=$(echo "$current_runs" | median)
c=$(echo "$cmarks" | median)
echo "handout --all --format html, empty folder:      median $f ms over $RUNS runs ($fresh_runs ms)"
echo "handout --all --format html, up-to-date folder: median $u ms over $RUNS runs ($current_runs ms)"
echo "cat Lessons/*.md | cmark:                       median $c ms over $RUNS runs ($cmarks ms)"
awk -v f="$f" -v u="$u" -v c="$c" 'BEGIN { printf "ratios: %.1f × (empty folder), %.1f × (up to date)\n", f / c, u / c }'
