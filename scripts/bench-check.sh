#!/bin/sh
# Edit-to-verdict latency: append a comment to one exercise file, run `workbook check` on it,
# five times; prints each time and the median. The file is restored afterwards.
set -eu
cd "$(dirname "$0")/.."
exercise="${1:-IntegerDecoding}"
file=$(find Exercises -name "$exercise.swift" | head -n 1)
[ -n "$file" ] || { echo "bench-check: no exercise file for $exercise" >&2; exit 64; }
swift build >/dev/null
backup=$(mktemp)
cp "$file" "$backup"
trap 'cp "$backup" "$file"; rm -f "$backup"' EXIT
export WORKBOOK_STATE="$(mktemp -d)"
times=""
for i in 1 2 3 4 5; do
  printf '\n// edit %s\n' "$i" >>"$file"
  start=$(date +%s.%N)
  .build/debug/workbook check "$exercise" >/dev/null || true
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  echo "run $i: ${t} s"
  times="$times $t"
done
echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | sed -n 3p | sed 's/^/median: /; s/$/ s/'
