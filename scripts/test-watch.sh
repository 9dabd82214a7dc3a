#!/bin/sh
# End-to-end test of `workbook watch` the way a person uses it: in a tmux terminal, on a copy of
# the workbook (a git checkout of its own, so `r` can restore stubs), with saves that break
# compilation, fix it, and pass. Then, with --bench, the figures: save-to-verdict latency over 10
# saves and idle CPU over 60 s.
#
# Usage: scripts/test-watch.sh [--bench]
# The copy lives in $WATCH_COPY (default: a new temporary folder, removed at the end; name a
# folder to keep it, and its build, between runs: the first build takes a minute or two).
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=${1:-}
if ! command -v tmux >/dev/null 2>&1; then
  echo "SKIP: tmux is not installed (apt-get install -y tmux)"
  exit 0
fi
swift build --product workbook 2>&1 | grep -E "error|complete" || true
WORKBOOK="$ROOT/.build/debug/workbook"
[ -x "$WORKBOOK" ] || { echo "FAIL: no $WORKBOOK"; exit 1; }

KEEP=${WATCH_COPY:+yes}
COPY=${WATCH_COPY:-$(mktemp -d /tmp/workbook-watch.XXXXXX)}
SESSION="workbook-watch-$$"
STATE="$COPY/.state-$$"
cleanup() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
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
STUB=$(cat "$EXERCISE")

# Saves the way editors do: a hidden temporary file renamed over the target.
save() { # save FILE < content
  cat >"$(dirname "$1")/.$(basename "$1").swp"
  mv "$(dirname "$1")/.$(basename "$1").swp" "$1"
}

FAILURES=0
screen() { tmux capture-pane -p -J -t "$SESSION"; }
wait_for() { # wait_for TEXT SECONDS: true once the screen shows TEXT
  deadline=$(($(date +%s) + $2))
  while [ "$(date +%s)" -le "$deadline" ]; do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
expect() { # expect TEXT SECONDS WHAT
  if wait_for "$1" "$2"; then
    echo "ok   $3"
  else
    echo "FAIL $3: the screen never showed \"$1\":"
    screen | sed 's/^/     | /'
    FAILURES=$((FAILURES + 1))
  fi
}

if [ "$BENCH" != "--bench" ]; then
  tmux new-session -d -s "$SESSION" -x 100 -y 45 "sh"
  tmux send-keys -t "$SESSION" "cd '$COPY' && NO_COLOR=1 WORKBOOK_STATE='$STATE' '$WORKBOOK' watch" Enter
  expect "Watching IntegerDecoding" 20 "watch opens on the first exercise"
  expect "Not checked yet" 5 "a fresh learner has no verdict yet"
  if stty -a -F "$(tmux display -p -t "$SESSION" '#{pane_tty}')" | grep -q -- "-icanon.*-echo "; then
    echo "ok   the terminal is in raw mode while watching"
  else
    echo "FAIL the terminal is not in raw mode while watching"
    FAILURES=$((FAILURES + 1))
  fi

  { printf '%s\n' "$STUB"; echo 'let broken: Int = "not a number"'; } | save "$EXERCISE"
  expect "does not compile" 240 "a save that breaks compilation is reported"
  expect "IntegerDecoding.swift:" 5 "the compiler error names the file"

  save "$EXERCISE" <"$SOLUTION"
  expect "✓ IntegerDecoding" 240 "the fixing save passes"
  expect "Compare with the reference solution: Solutions/NumberFormats/IntegerDecoding.swift" 5 \
    "a pass offers the reference solution"
  expect "Watching TensorSizing" 5 "a pass moves on to the next exercise"

  tmux send-keys -t "$SESSION" h
  expect "Hints for TensorSizing" 5 "h shows the next hint"
  tmux send-keys -t "$SESSION" l
  expect "done     IntegerDecoding" 5 "l lists done exercises"
  expect "current  TensorSizing" 5 "l lists the current exercise"

  printf '\n// a note\n' >>"$COPY/Exercises/InferenceMemory/TensorSizing.swift"
  expect "✗ TensorSizing" 240 "an in-place save of the watched exercise is checked"
  tmux send-keys -t "$SESSION" r
  expect "Your version is kept as a backup. [y/N]" 5 "r asks before resetting"
  tmux send-keys -t "$SESSION" y
  expect "Kept your version as $STATE/backups/TensorSizing-" 10 "r keeps a backup and names it"
  if git -C "$COPY" diff --quiet -- Exercises/InferenceMemory/TensorSizing.swift; then
    echo "ok   r restores the stub from git"
  else
    echo "FAIL r did not restore the stub"
    FAILURES=$((FAILURES + 1))
  fi

  tmux send-keys -t "$SESSION" q
  expect "Stopped watching." 10 "q quits"
  tmux send-keys -t "$SESSION" "stty -a | tr ' ' '\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo" Enter
  expect "icanon echo" 5 "the terminal is restored after q"

  tmux send-keys -t "$SESSION" clear Enter
  tmux send-keys -t "$SESSION" "NO_COLOR=1 WORKBOOK_STATE='$STATE' '$WORKBOOK' watch" Enter
  expect "Watching TensorSizing" 20 "watch starts again at the current exercise"
  tmux send-keys -t "$SESSION" C-c
  sleep 1
  tmux send-keys -t "$SESSION" "stty -a | tr ' ' '\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo" Enter
  expect "icanon echo" 5 "the terminal is restored after Ctrl-C"

  tmux kill-session -t "$SESSION"
  # The quiz, typed in a terminal: one numeric answer with its unit, one known card.
  tmux new-session -d -s "$SESSION" -x 100 -y 45 "sh"
  tmux send-keys -t "$SESSION" "cd '$COPY' && NO_COLOR=1 WORKBOOK_STATE='$STATE' '$WORKBOOK' quiz InferenceMemory" Enter
  expect "Card 1 of" 20 "quiz shows the first card"
  tmux send-keys -t "$SESSION" Enter
  expect "Did you know it? [y/n]" 5 "Enter reveals the answer"
  tmux send-keys -t "$SESSION" y Enter
  expect "Your answer in GB" 5 "a numeric card asks for a number"
  tmux send-keys -t "$SESSION" "13.3 GB" Enter
  expect "✓ Right" 5 "a number with its unit within the tolerance is right"
  tmux send-keys -t "$SESSION" q Enter
  expect "2 of 2 known." 5 "q ends the quiz with a summary"
  if grep -q '"InferenceMemory#1" : 2' "$STATE/progress.json"; then
    echo "ok   the known card moved to box 2"
  else
    echo "FAIL the quiz boxes were not saved"
    FAILURES=$((FAILURES + 1))
  fi
  echo
  if [ "$FAILURES" -eq 0 ]; then echo "test-watch: all passed"; else echo "test-watch: $FAILURES failed"; fi
  exit "$FAILURES"
fi

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
