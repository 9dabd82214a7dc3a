#!/bin/sh
# `workbook handout --all --format html` (release build) against the cmark command on the same
# Markdown (`cat Lessons/*.md | cmark`): RUNS runs of each, interleaved so that both meet the
# same load, after one warm-up run each; prints both medians and their ratio. The handout's
# budget is 10 × cmark. Usage: scripts/bench-handout.sh [RUNS] (default 5).
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5}
command -v cmark >/dev/null || { echo "bench-handout: needs cmark (apt-get install cmark)" >&2; exit 69; }
swift build -c release --product workbook >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

handout() { .build/release/workbook handout --all --format html --output "$out" >/dev/null; }
markdown() { cat Lessons/*.md | cmark >/dev/null; }
# Milliseconds taken by the command "$@", to a tenth.
elapsed() {
  start=$(date +%s%N)
  "$@"
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) / 1e6 }'
}
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

handout
markdown
handouts=""
cmarks=""
for _ in $(seq "$RUNS"); do
  handouts="$handouts $(elapsed handout)"
  cmarks="$cmarks $(elapsed markdown)"
done
h=$(echo "$handouts" | median)
c=$(echo "$cmarks" | median)
echo "handout --all --format html: median $h ms over $RUNS runs ($handouts ms)"
echo "cat Lessons/*.md | cmark:    median $c ms over $RUNS runs ($cmarks ms)"
awk -v h="$h" -v c="$c" 'BEGIN { printf "ratio: %.1f ×\n", h / c }'
