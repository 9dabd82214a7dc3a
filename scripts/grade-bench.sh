#!/bin/sh
# End-to-end benchmark of `workbook grade`: generates a class of 50 submissions from the
# course's own exercises (solved from Solutions/, partly solved, untouched stubs, and broken
# ones: not compiling, crashing on an index out of range, looping forever, allocating without
# bound, printing megabytes, editing the tests, missing a file), grades them with --jobs 2,
# checks that every exercise got the status it must, and prints wall time, time per
# submission and peak memory.
#
# Usage: scripts/grade-bench.sh [COUNT [GRADE-OPTION...]]   (default 50; KEEP=1 keeps the
# temporary folder). For example `scripts/grade-bench.sh 50 --unsafe-no-sandbox` measures
# grading without the bubblewrap sandbox, to compare.
set -eu
cd "$(dirname "$0")/.."
root="$(pwd)"
count="${1:-50}"
[ "$#" -gt 0 ] && shift
timeout=30 # workbook grade's default: a loaded 2-core machine needs it for the float graders
memory=512

swift build --product workbook 2>&1 | grep -E "error|Build comp" || true
workbook="$root/.build/debug/workbook"
bench="$(mktemp -d "${TMPDIR:-/tmp}/grade-bench.XXXXXX")"
subs="$bench/submissions"
mkdir -p "$subs"
expected="$bench/expected.txt"
: >"$expected"

# The exercises, discovered from the course: Exercises/<Topic>/<Name>.swift per line.
files="$("$workbook" list --json | sed -n 's/.*"file" : "\(Exercises\/[^"]*\.swift\)".*/\1/p')"
total=$(printf '%s\n' "$files" | wc -l | tr -d ' ')
[ "$total" -gt 0 ] || { echo "grade-bench: no exercises found" >&2; exit 1; }
echo "grade-bench: $total exercises, $count submissions, in $bench"

# put STUDENT LAYOUT FILE SOURCE: writes an exercise file into a submission. Layouts:
# plain (STUDENT/Exercises/...), edition (STUDENT/workbook/Exercises/... with a manifest and
# tests beside it), flat (STUDENT/<Name>.swift, as a Gradescope upload).
put() {
  case "$2" in
    plain) target="$subs/$1/$3" ;;
    edition) target="$subs/$1/workbook/$3" ;;
    flat) target="$subs/$1/$(basename "$3")" ;;
  esac
  mkdir -p "$(dirname "$target")"
  cat "$4" >"$target"
}

# inject FILE CODE: puts CODE at the start of every public method of FILE (never init, which
# every exercise of a topic runs at start-up: the breakage must hit its own exercise only).
# The original body moves into a closure called at once, so a one-expression body keeps its
# implicit return.
inject() {
  CODE="$2" perl -0pi -e \
    's/(public func [^{]*)(\{((?:[^{}]++|(?2))*)\})/$1\{ $ENV{CODE}\n    return try {$3}()\n  }/g' "$1"
  grep -q "return try {" "$1" || { echo "grade-bench: cannot inject into $1" >&2; exit 1; }
}

crash='let benchEmpty: [Int] = []; _ = benchEmpty[1]'
loop='var benchSpin = 1; while benchSpin != 0 { benchSpin = (benchSpin &* 3) | 1 }'
hog='var benchHog: [[UInt8]] = []; while benchHog.count < Int.max { benchHog.append([UInt8](repeating: 1, count: 1 << 24)) }'
# flood NAME: prints 2 MB at each of the first three calls (a counter per file: one module
# holds several exercise files).
flood() {
  echo "if benchPrinted$1 < 3 { benchPrinted$1 += 1; for _ in 0..<2000 { print(String(repeating: \"x\", count: 999)) } }"
}

layouts="plain edition flat"
i=0
while [ "$i" -lt "$count" ]; do
  student=$(printf 'student%02d' "$i")
  layout=$(echo $layouts | cut -d' ' -f$((i % 3 + 1)))
  if [ "$i" -lt 14 ]; then kind=solved
  elif [ "$i" -lt 24 ]; then kind=partly
  elif [ "$i" -lt 32 ]; then kind=unsolved
  else
    kinds="compile crash loop alloc compile crash loop alloc compile crash loop alloc print print tests tests missing missing"
    kind=$(echo $kinds | cut -d' ' -f$(((i - 32) % 18 + 1)))
  fi
  victim=$((i % total + 1))
  n=0
  for file in $files; do
    n=$((n + 1))
    name=$(basename "$file" .swift)
    solution="$root/Solutions/${file#Exercises/}"
    status=passed
    source="$solution"
    case "$kind" in
      partly) if [ $((n % 2)) -eq 0 ]; then source="$root/$file"; status=failed; fi ;;
      unsolved | tests) source="$root/$file"; status=failed ;;
    esac
    if [ "$n" -eq "$victim" ]; then
      case "$kind" in
        compile) status="does not compile" ;;
        crash) status=crashed ;;
        loop) status="timed out" ;;
        alloc) status="out of memory" ;;
        missing) status=missing ;;
      esac
    fi
    echo "$student|$name|$status" >>"$expected"
    [ "$status" = missing ] && continue
    [ "$kind" = tests ] && layout=edition
    put "$student" "$layout" "$file" "$source"
    written="$subs/$student/$file"
    [ "$layout" = edition ] && written="$subs/$student/workbook/$file"
    [ "$layout" = flat ] && written="$subs/$student/$name.swift"
    if [ "$n" -eq "$victim" ]; then
      case "$kind" in
        compile) printf '\nthis line is not Swift\n' >>"$written" ;;
        crash) inject "$written" "$crash" ;;
        loop) inject "$written" "$loop" ;;
        alloc) inject "$written" "$hog" ;;
      esac
    fi
    if [ "$kind" = print ]; then
      inject "$written" "$(flood "$name")"
      printf '\nvar benchPrinted%s = 0\n' "$name" >>"$written"
    fi
  done
  if [ "$kind" = tests ]; then
    # Graders that pass everything and a manifest of their own: both must be ignored.
    for grader in "$root"/Tests/*/Graders/*.swift; do
      target="$subs/$student/workbook/${grader#"$root"/}"
      mkdir -p "$(dirname "$target")"
      echo "// every check passes, trust me" >"$target"
    done
    echo "// swift-tools-version:6.0" >"$subs/$student/workbook/Package.swift"
  fi
  i=$((i + 1))
done

# Peak memory: GNU time's maximum resident set (the largest single process of the tree), and
# the sum over the whole process tree, sampled from /proc every second.
sample_tree() {
  peak=0
  while kill -0 "$1" 2>/dev/null; do
    kb=$(ps -eo pid=,ppid=,rss= | awk -v top="$1" '
      { parent[$1] = $2; rss[$1] = $3 }
      END {
        for (p in parent) {
          q = p
          while (q != "" && q != 0 && q != top) q = parent[q]
          if (q == top) sum += rss[p]
        }
        print sum + 0
      }')
    [ "$kb" -gt "$peak" ] && peak=$kb
    echo "$peak" >"$bench/tree-peak.txt"
    sleep 1
  done
}

timer=""
if /usr/bin/time -v true >/dev/null 2>&1; then timer="/usr/bin/time -v -o $bench/time.txt"; fi
start=$(date +%s.%N)
# shellcheck disable=SC2086
$timer "$workbook" grade "$subs" --jobs 2 --timeout "$timeout" --memory "$memory" \
  --output "$bench/grades" "$@" >"$bench/grade.log" 2>&1 &
pid=$!
sample_tree "$pid" &
sampler=$!
status=0
wait "$pid" || status=$?
wait "$sampler" 2>/dev/null || true
end=$(date +%s.%N)
tail -n 1 "$bench/grade.log"
[ "$status" -eq 0 ] || { echo "grade-bench: workbook grade failed ($status); see $bench/grade.log" >&2; exit 1; }

# Every exercise of every student has the status it must (scores.csv: "<Name> status" columns).
failures=$(awk -F, -v expected="$expected" '
  { sub(/\r$/, "") }
  NR == 1 { for (c = 1; c <= NF; c++) column[$c] = c; next }
  { for (c = 1; c <= NF; c++) value[$1 "|" c] = $c; students[$1] = 1 }
  END {
    while ((getline line < expected) > 0) {
      split(line, part, "|")
      got = value[part[1] "|" column[part[2] " status"]]
      if (got != part[3]) { print part[1] " " part[2] ": expected " part[3] ", got " got; bad++ }
    }
    if (bad == 0) print "ok"
  }' "$bench/grades/scores.csv")
if [ "$failures" != "ok" ]; then
  echo "grade-bench: wrong statuses:" >&2
  echo "$failures" >&2
  exit 1
fi
# Solved students score everything; the flood of printing is capped in the feedback.
awk -F, 'NR > 1 && $1 < "student14" && $2 != $3 { print "grade-bench: " $1 " scored " $2 "/" $3; bad = 1 }
  END { exit bad }' "$bench/grades/scores.csv" >&2
largest=$(for f in "$bench"/grades/students/*/feedback.md; do wc -c <"$f"; done | sort -n | tail -n 1)
[ "$largest" -lt 65536 ] || { echo "grade-bench: a feedback file has $largest bytes" >&2; exit 1; }

echo "grade-bench: every status as expected ($(wc -l <"$expected" | tr -d ' ') exercise grades)"
awk -v start="$start" -v end="$end" -v count="$count" 'BEGIN {
  printf "wall time: %.1f s\nper submission: %.2f s (2 jobs)\n", end - start, (end - start) / count
}'
grep -E "^student[0-9]+:" "$bench/grade.log" | sed 's/.*(\(.*\) s)/\1/' | sort -n | awk '
  { t[NR] = $1 } END { printf "grading one submission (builds included): median %.1f s, max %.1f s\n", t[int((NR + 1) / 2)], t[NR] }'

if [ -f "$bench/time.txt" ]; then
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$bench/time.txt")
  echo "peak RSS of the largest process: $((rss / 1024)) MB (/usr/bin/time -v)"
fi
echo "peak RSS of the whole grading tree: $(($(cat "$bench/tree-peak.txt") / 1024)) MB (sampled each second)"
echo "largest feedback file: $largest bytes"
if [ "${KEEP:-0}" = 1 ]; then echo "kept $bench"; else rm -rf "$bench"; fi
