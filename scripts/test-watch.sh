#!/bin/sh
# `workbook watch` and `quiz` in a terminal. Without arguments: the end-to-end tests that
# `make test` runs (Tests/EndToEnd/watch.test.sh and quiz.test.sh, in tmux). With --bench, the
# figures: save-to-verdict latency over 10 saves and idle CPU over 60 s.
#
# Usage: scripts/test-watch.sh [--bench]
# The copy lives in $WATCH_COPY (default: a new temporary folder, removed at the end; name a
# folder to keep it, and its build, between runs: the first build takes a minute or two).
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=${1:-}
if [ "$BENCH" != "--bench" ]; then
  swift build --product workbook 2>&1 | grep -E "error|complete" || true
  status=0
  for test in watch quiz; do
    sh "Tests/EndToEnd/$test.test.sh" | tee /dev/stderr | grep -q '^FAIL' && status=1
  done
  exit "$status"
fi
swift build --product workbook 2>&1 | grep -E "error|complete" || true
WORKBOOK="$ROOT/.build/debug/workbook"
[ -x "$WORKBOOK" ] || { echo "FAIL: no $WORKBOOK"; exit 1; }

KEEP=${WATCH_COPY:+yes}
COPY=${WATCH_COPY:-$(mktemp -d /tmp/workbook-watch.XXXXXX)}
STATE="$COPY/.state-$$"
cleanup() {
  rm -rf "$STATE"
  [ -n "$KEEP" ] || rm -rf "$COPY"
}
trap cleanup EXIT INT TERM

# A copy with everything the manifest names, committed so git HEAD holds the stubs.
mkdir -p "$COPY"
for entry in Package.swift Package.resolved .swift-format Sources Tests Exercises Solutions \
  Lessons Fuzz; do
  rm -rf "${COPY:?}/$entry"
  cp -R "$entry" "$COPY/$entry"
done
(
  cd "$COPY"
  [ -d .git ] || git init -q
  printf '.build/\n.state-*\n.watch-*\n' >.git/info/exclude
  git add -A . && git -c user.name=test -c user.email=test@example.invalid commit -qm stubs \
    >/dev/null 2>&1 || true
)
echo "copy: $COPY"
echo "building the check executables in the copy..."
(cd "$COPY" && swift build --product NumberFormatsCheck 2>&1 | grep -E "error|complete" &&
  swift build --product InferenceMemoryCheck 2>&1 | grep -E "error|complete")

EXERCISE="$COPY/Exercises/NumberFormats/IntegerDecoding.swift"
SOLUTION="$COPY/Solutions/NumberFormats/IntegerDecoding.swift"

# Saves the way editors do: a hidden temporary file renamed over the target.
save() { # save FILE < content
  cat >"$(dirname "$1")/.$(basename "$1").swp"
  mv "$(dirname "$1")/.$(basename "$1").swp" "$1"
}


# --bench: save-to-verdict latency, then idle CPU, with output to a file and keys from a FIFO.
OUT="$COPY/.watch-out-$$"
FIFO="$COPY/.watch-keys-$$"
rm -f "$OUT" "$FIFO"
mkfifo "$FIFO"
cd "$COPY"
NO_COLOR=1 WORKBOOK_STATE="$STATE" "$WORKBOOK" watch IntegerDecoding <"$FIFO" >"$OUT" 2>&1 &
PID=$!
exec 3>"$FIFO"
sleep 2
verdicts() { grep -cE '^(✓|✗) ' "$OUT" || true; }
# One save first, so the build is warm as a learner's would be after the first check.
save "$EXERCISE" <"$SOLUTION"
while [ "$(verdicts)" -lt 1 ]; do sleep 0.05; done
checks() { grep -c '^Checking ' "$OUT" || true; }
TIMES=""
STARTS=""
for i in 1 2 3 4 5 6 7 8 9 10; do
  before=$(verdicts)
  started=$(checks)
  start=$(date +%s%N)
  if [ $((i % 2)) -eq 1 ]; then
    { cat "$SOLUTION"; echo "// edit $i"; } | save "$EXERCISE"
  else
    save "$EXERCISE" <"$SOLUTION"
  fi
  while [ "$(checks)" -le "$started" ]; do sleep 0.005; done
  begun=$(date +%s%N)
  while [ "$(verdicts)" -le "$before" ]; do sleep 0.01; done
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  echo "save $i: grading began after $(((begun - start) / 1000000)) ms, verdict after $ms ms ($(grep -E '^(✓|✗) ' "$OUT" | tail -1))"
  TIMES="$TIMES $ms"
  STARTS="$STARTS $(((begun - start) / 1000000))"
  sleep 0.5
done
median() { tr ' ' '\n' | grep . | sort -n | awk -v what="$1" '{a[NR]=$1} END {printf "%s: median %.0f ms, min %d ms, max %d ms over %d saves\n", what, (a[int((NR+1)/2)]+a[int(NR/2)+1])/2, a[1], a[NR], NR}'; }
echo "$STARTS" | median "save to grading start (debounce 100 ms)"
echo "$TIMES" | median "save to verdict"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
cpu_idle() { # cpu_idle PID LABEL
  t0=$(ticks "$1")
  sleep 60
  t1=$(ticks "$1")
  echo "idle CPU ($2): $((t1 - t0)) ticks of 1/$HZ s in 60 s = $(awk -v t=$((t1 - t0)) -v hz="$HZ" 'BEGIN {printf "%.3f%%", 100 * t / hz / 60}')"
}
cpu_idle "$PID" inotify
echo q >&3
exec 3>&-
wait "$PID" || true

exec 3<>"$FIFO"
NO_COLOR=1 WORKBOOK_STATE="$STATE" "$WORKBOOK" watch --poll <"$FIFO" >"$OUT" 2>&1 &
PID=$!
sleep 2
cpu_idle "$PID" "polling every 0.3 s"
echo q >&3
wait "$PID" || true
exec 3>&-
rm -f "$OUT" "$FIFO"
