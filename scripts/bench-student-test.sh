#!/bin/sh
# The student's plain `swift test`, warm, on the stubs and on a fully solved copy: median of
# five runs each, and the number of lines printed. Uses the end-to-end tests' committed copy of
# the workbook (.build/e2e/workbook), so the checkout itself is never edited.
# Usage: scripts/bench-student-test.sh [RUNS]
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-5}
. Tests/EndToEnd/lib.sh
unset WORKBOOK_MAINTAINER
COPY=$(workbook_copy)

median_of_runs() { # median_of_runs LABEL: times `swift test` RUNS times in the copy
  (cd "$COPY" && swift test >/dev/null 2>&1) # warm up: build what the state needs
  times=""
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    (cd "$COPY" && swift test >"$COPY/.bench.log" 2>&1)
    times="$times $(( ($(date +%s%N) - start) / 1000000 ))"
  done
  median=$(echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  echo "$1: median $median ms over $RUNS runs ($times ms), $(wc -l <"$COPY/.bench.log") lines," \
    "last: $(tail -n 1 "$COPY/.bench.log")"
}

median_of_runs "stubs"
(cd "$COPY" && cp -R Solutions/. Exercises/)
median_of_runs "all solved"
(cd "$COPY" && git checkout -q -- Exercises && rm -f .bench.log)
