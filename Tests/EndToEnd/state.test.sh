#!/bin/sh
# Damaged learner state never blocks and never loses anything: a deleted exercise file, every
# kind of damaged progress file, a check racing a hint and a quiz, a memory bomb, a read-only
# checkout, a full disk, stale temporary files, and quantize input that overflows fp32. Each
# case runs the real binary in a copy of the workbook and asserts the one line the learner
# reads, the exit status, that no learner file changed, and that `read 1` still works.
. "$(dirname "$0")/lib.sh"

COPY=$(workbook_copy)
SCRATCH=$(mktemp -d)
MOUNTS=""
cleanup() {
  cd /
  for point in $MOUNTS; do umount "$point" 2>/dev/null; done
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
export NO_COLOR=1
unset WORKBOOK_STATE
cd "$COPY" || exit 1
STATE="$COPY/.workbook"
MISSING=Exercises/NumberFormats/IntegerDecoding.swift

# run ARGS...: runs workbook in the copy; sets STATUS, leaves stdout and stderr in files.
run() {
  "$WORKBOOK" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err" </dev/null
  STATUS=$?
}

# one_line NAME STATUS TEXT: the last run exited with STATUS and printed exactly one line on
# stderr, containing TEXT, with no Foundation error text and no crash.
one_line() {
  lines=$(wc -l <"$SCRATCH/err")
  if [ "$STATUS" != "$2" ]; then
    not_ok "$1" "exit status $STATUS, expected $2: $(head -c 300 "$SCRATCH/err")"
  elif [ "$lines" -ne 1 ]; then
    not_ok "$1" "$lines lines on stderr, expected 1: $(head -c 300 "$SCRATCH/err")"
  elif grep -qE "NSCocoaErrorDomain|Fatal error" "$SCRATCH/err" "$SCRATCH/out"; then
    not_ok "$1" "framework or crash text: $(cat "$SCRATCH/err")"
  elif ! grep -qF -- "$3" "$SCRATCH/err"; then
    not_ok "$1" "stderr lacks '$3': $(cat "$SCRATCH/err")"
  else
    ok "$1"
  fi
}

# quiet NAME STATUS: the last run exited with STATUS and printed nothing on stderr.
quiet() {
  if [ "$STATUS" != "$2" ]; then
    not_ok "$1" "exit status $STATUS, expected $2: $(head -c 300 "$SCRATCH/err")"
  elif [ -s "$SCRATCH/err" ]; then
    not_ok "$1" "stderr: $(head -c 300 "$SCRATCH/err")"
  else
    ok "$1"
  fi
}

# reads NAME [TEXT]: `read 1` prints the first lesson, with at most the warning TEXT on stderr.
reads() {
  run read 1
  if [ "$STATUS" = 0 ] && grep -qi "^number formats" "$SCRATCH/out" &&
    [ "$(wc -l <"$SCRATCH/err")" -le 1 ] && ! grep -q NSCocoaErrorDomain "$SCRATCH/err"; then
    ok "$1: read 1 still works"
  else
    not_ok "$1: read 1 still works" "status $STATUS: $(head -c 300 "$SCRATCH/err")"
  fi
}

# unchanged NAME HASH: Exercises/ hashes to HASH, as before the case.
unchanged() {
  if [ "$(tree_hash Exercises)" = "$2" ]; then ok "$1: no learner file changed"; else
    not_ok "$1: no learner file changed" "Exercises/ differs"
  fi
}

fresh_state() {
  rm -rf "$STATE"
  mkdir -p "$STATE"
}

# --- a deleted exercise file ---------------------------------------------------------------
solve "$COPY" FloatDecoding
rm "$MISSING"
before=$(tree_hash Exercises)
warning="$MISSING is missing; workbook reset IntegerDecoding restores its stub"
run
one_line "missing file: dashboard warns and carries on" 0 "$warning"
run list
one_line "missing file: list warns and carries on" 0 "$warning"
run check FloatDecoding
one_line "missing file: check of another exercise warns" 0 "$warning"
check "missing file: the other exercise is graded and passes" grep -q "✓ FloatDecoding" "$SCRATCH/out"
run check IntegerDecoding
one_line "missing file: check of the missing exercise says so" 1 "$warning"
check "missing file: its verdict names reset" grep -q "IntegerDecoding.*workbook reset IntegerDecoding" "$SCRATCH/out"
run hint FloatDecoding
one_line "missing file: hint warns and carries on" 0 "$warning"
run quiz NumberFormats --non-interactive --limit 1
one_line "missing file: quiz warns and carries on" 0 "$warning"
reads "missing file"
unchanged "missing file" "$before"
run reset IntegerDecoding
quiet "missing file: reset restores it" 0
if git show "HEAD:$MISSING" | cmp -s - "$MISSING"; then ok "missing file: the stub is back"; else
  not_ok "missing file: the stub is back" "$MISSING differs from HEAD"
fi
git checkout -q -- Exercises

# --- progress.json: empty or {} is a fresh start ---------------------------------------------
for content in "" "{}"; do
  fresh_state
  printf '%s' "$content" >"$STATE/progress.json"
  before=$(tree_hash Exercises)
  run list
  quiet "progress '$content': list is a fresh start" 0
  run hint IntegerDecoding
  quiet "progress '$content': hint records" 0
  check "progress '$content': the hint is saved" grep -q '"IntegerDecoding" : 1' "$STATE/progress.json"
  reads "progress '$content'"
  unchanged "progress '$content'" "$before"
done

# --- progress.json damaged: moved aside, replaced -----------------------------------------------
# damage KIND: makes progress.json garbage, a folder or a dangling link.
damage() {
  fresh_state
  case $1 in
    garbage) printf 'garbage{' >"$STATE/progress.json" ;;
    folder) mkdir "$STATE/progress.json" ;;
    link) ln -s "$STATE/gone.json" "$STATE/progress.json" ;;
  esac
}
for kind in garbage:"not JSON" folder:"a folder, not a file" link:"a link to a missing file"; do
  what=${kind%%:*}
  why=${kind#*:}
  damage "$what"
  before=$(tree_hash Exercises)
  run hint IntegerDecoding
  one_line "progress $what: hint moves it aside" 0 \
    ".workbook/progress.json was damaged ($why); moved it to .workbook/progress.json.damaged-"
  aside=$(sed -n 's/.*moved it to \(\.workbook\/progress\.json\.damaged-[0-9-]*\).*/\1/p' "$SCRATCH/err")
  if [ -n "$aside" ] && { [ -e "$aside" ] || [ -L "$aside" ]; }; then
    ok "progress $what: the damaged file is kept as $aside"
  else
    not_ok "progress $what: the damaged file is kept" "no '$aside'"
  fi
  check "progress $what: replaced by a file with the hint" grep -q '"IntegerDecoding" : 1' "$STATE/progress.json"
  damage "$what"
  reads "progress $what"
  check "progress $what: read named the move" grep -q "progress.json.damaged-" "$SCRATCH/err"
  damage "$what"
  run list
  one_line "progress $what: list moves it aside" 0 "moved it to .workbook/progress.json.damaged-"
  unchanged "progress $what" "$before"
done

# Unreadable: root reads anything, so chmod 000 is tried as the user nobody.
fresh_state
printf '{"hintsShown": {"IntegerDecoding": 2}}' >"$STATE/progress.json"
chmod 000 "$STATE/progress.json"
chown -R nobody "$STATE"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
  setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$WORKBOOK"; then
  HOME=$SCRATCH setpriv --reuid=65534 --regid=65534 --clear-groups "$WORKBOOK" list \
    >"$SCRATCH/out" 2>"$SCRATCH/err" </dev/null
  STATUS=$?
  one_line "progress unreadable (as nobody): list moves it aside" 0 \
    "progress.json was damaged (not readable: permission denied); moved it to"
else
  echo "skip: unreadable progress.json needs root and setpriv to run as nobody"
fi
chown -R root "$STATE"

# --- check merges with a hint and a quiz that ran meanwhile ----------------------------------
fresh_state
# The stub with an init that sleeps once: the grader runs for a few seconds, long enough for a
# hint and a quiz.
git show "HEAD:$MISSING" |
  sed -e '1i\
import Foundation' -e "s|public init() {}|public init() {\\
    if !FileManager.default.fileExists(atPath: \"$SCRATCH/slept-done\") {\\
      FileManager.default.createFile(atPath: \"$SCRATCH/slept-done\", contents: nil)\\
      Thread.sleep(forTimeInterval: 5)\\
    }\\
  }|" >"$MISSING"
rm -f .build/workbook-limits/NumberFormatsCheck.sh
"$WORKBOOK" check IntegerDecoding >"$SCRATCH/check.out" 2>&1 &
checker=$!
# The limits wrapper is written just before grading starts, after check loaded the progress.
waited=0
while [ ! -e .build/workbook-limits/NumberFormatsCheck.sh ] && [ $waited -lt 600 ]; do
  sleep 0.2
  waited=$((waited + 1))
done
run hint FloatDecoding
printf '\ny\n' | "$WORKBOOK" quiz NumberFormats --limit 1 >"$SCRATCH/quiz.out" 2>&1
wait $checker
if python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))
sys.exit(0 if p["hintsShown"] == {"FloatDecoding": 1} and len(p["quizBoxes"]) == 1
         and list(p["exercises"]) == ["IntegerDecoding"] else 1)' "$STATE/progress.json"; then
  ok "check beside hint and quiz: all three updates kept"
else
  not_ok "check beside hint and quiz: all three updates kept" "$(tr -d '\n' <"$STATE/progress.json")"
fi
git checkout -q -- Exercises

# --- a memory bomb in check, and check --json of an exercise that does not compile -------------
fresh_state
git show "HEAD:$MISSING" |
  sed 's/public func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {/&\
    var hoard: [[UInt8]] = []\
    while hoard.count < 1_000_000 { hoard.append([UInt8](repeating: 1, count: 64 << 20)) }/' \
    >"$MISSING"
started=$(date +%s)
run check IntegerDecoding
seconds=$(($(date +%s) - started))
if [ "$STATUS" = 1 ] && grep -q "ran out of its 1 GB memory limit" "$SCRATCH/out" && [ "$seconds" -lt 25 ]; then
  ok "memory bomb: check reports the 1 GB limit ($seconds s)"
else
  not_ok "memory bomb: check reports the 1 GB limit" "status $STATUS after $seconds s: $(head -c 400 "$SCRATCH/out")"
fi
printf 'this is not swift\n' >>"$MISSING"
run check IntegerDecoding --json
if [ "$STATUS" = 1 ] && python3 -m json.tool "$SCRATCH/out" >/dev/null 2>&1 &&
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[0]; sys.exit(0 if any("IntegerDecoding.swift" in e and "error" in e for e in v["errors"]) else 1)' "$SCRATCH/out"; then
  ok "check --json carries the compiler's errors"
else
  not_ok "check --json carries the compiler's errors" "$(head -c 400 "$SCRATCH/out")"
fi
git checkout -q -- Exercises

# --- stale temporary files --------------------------------------------------------------------
fresh_state
touch "$STATE/.progress.json.99999999.tmp" Exercises/NumberFormats/.IntegerDecoding.swift.99999999.tmp
touch Exercises/NumberFormats/notes.tmp
run list
quiet "stale temporaries: list runs" 0
if [ ! -e "$STATE/.progress.json.99999999.tmp" ] &&
  [ ! -e Exercises/NumberFormats/.IntegerDecoding.swift.99999999.tmp ] &&
  [ -e Exercises/NumberFormats/notes.tmp ]; then
  ok "stale temporaries: removed, the learner's notes.tmp kept"
else
  not_ok "stale temporaries: removed, the learner's notes.tmp kept" "$(ls -a "$STATE" Exercises/NumberFormats)"
fi
rm -f Exercises/NumberFormats/notes.tmp

# --- a read-only checkout ---------------------------------------------------------------------
fresh_state
before=$(tree_hash Exercises)
if mount --bind "$COPY" "$COPY" 2>/dev/null; then
  MOUNTS="$COPY $MOUNTS"
  if mount -o remount,bind,ro "$COPY" 2>/dev/null; then
    cd "$COPY" || exit 1
    run check IntegerDecoding
    one_line "read-only checkout: check says .build is not writable" 1 ".build is not writable"
    check "read-only checkout: no compile-error verdict" sh -c "! grep -q 'does not compile' '$SCRATCH/out'"
    run hint IntegerDecoding
    one_line "read-only checkout: hint names the file it cannot write" 1 "is not writable (read-only file system)"
    reads "read-only checkout"
    cd /
  else
    echo "skip: the kernel refused a read-only bind mount"
  fi
  umount "$COPY"
  MOUNTS=""
  cd "$COPY" || exit 1
  unchanged "read-only checkout" "$before"
else
  echo "skip: the kernel refused a bind mount"
fi

# --- a full disk ------------------------------------------------------------------------------
# fill FOLDER: a 256 KB tmpfs on FOLDER, filled to the last block.
fill() {
  mkdir -p "$1"
  mount -t tmpfs -o size=256k tmpfs "$1" 2>/dev/null || return 1
  MOUNTS="$1 $MOUNTS"
  dd if=/dev/zero of="$1/.fill" bs=4k >/dev/null 2>&1
  return 0
}
fresh_state
before=$(tree_hash Exercises)
if fill "$STATE"; then
  run hint IntegerDecoding
  one_line "full disk (.workbook): hint says so" 1 "no space left on the device for $STATE"
  reads "full disk (.workbook)"
  umount "$STATE"
  if fill "$COPY/.build"; then
    run check IntegerDecoding
    one_line "full disk (.build): check says so" 1 "no space left on the device for .build"
    check "full disk (.build): no compile-error verdict" sh -c "! grep -q 'does not compile' '$SCRATCH/out'"
    umount "$COPY/.build"
  fi
  MOUNTS=""
  unchanged "full disk" "$before"
else
  echo "skip: the kernel refused to mount a tmpfs"
fi

# --- quantize input that overflows fp32 --------------------------------------------------------
for case in "1:-- 1e39" "1:-- inf" "1:-- nan" "2:--scheme affine -- 3e38 -3e38" "1:--json -- -1e39"; do
  argument=${case%%:*}
  # shellcheck disable=SC2086
  run quantize ${case#*:}
  one_line "quantize ${case#*:}: refused" 64 "argument $argument '"
done
for values in "-- 3e38 -3e38" "-- 1e-45 2e-45" "--scheme affine -- 0 1e-38" \
  "--scheme affine -- -3.4e38 0" "--per-channel 2 -- 1 -1 3e38 0"; do
  # shellcheck disable=SC2086
  run quantize --json $values
  if [ "$STATUS" = 0 ] && python3 -m json.tool "$SCRATCH/out" >/dev/null 2>&1; then
    ok "quantize --json $values: valid JSON"
  else
    not_ok "quantize --json $values: valid JSON" "$(cat "$SCRATCH/out" "$SCRATCH/err")"
  fi
done
