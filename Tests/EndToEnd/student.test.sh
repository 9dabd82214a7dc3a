#!/bin/sh
# A student's plain `swift test`, in the states a student is really in: one exercise solved,
# one that crashes, one that loops, one that does not compile, everything solved. Run in a
# committed copy of the workbook, with the maintainers' variable unset, as a student runs it.
. "$(dirname "$0")/lib.sh"
unset WORKBOOK_MAINTAINER
COPY=$(workbook_copy)
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

student_test() { # student_test: plain `swift test` in the copy; its status in $STATUS
  started=$(date +%s%N)
  (cd "$COPY" && WORKBOOK_TIMEOUT=${TIMEOUT:-60} swift test >"$LOG" 2>&1)
  STATUS=$?
  SECONDS_TAKEN=$(awk "BEGIN { printf \"%.1f\", ($(date +%s%N) - $started) / 1e9 }")
}
last_line() { tail -n 1 "$LOG"; }
# swift test itself never crashes, and a student's crash is never a register dump: the runtime's
# message and the student's frames only (the report's "***" lines and thread headers never show).
no_crash() {
  ! grep -qE '^\*\*\* |Program crashed|Thread [0-9]+ .*crashed:|Exited with unexpected signal|Test run with 0 tests' "$LOG"
}
show() { echo "     last lines of swift test:"; tail -n "${1:-12}" "$LOG" | sed 's/^/     | /'; }

# 1. The stubs: every exercise graded, none passes, one line per exercise, quick.
student_test
check "stubs: no crash, no empty Swift Testing line" no_crash
check "stubs: last line is the count" test "$(last_line)" = "0 of 27 exercises pass"
check "stubs: exit status is not 0" test "$STATUS" -ne 0
check "stubs: the next step names the first exercise" has "Next: IntegerDecoding"
check "stubs: the first exercise points to its lesson section" \
  has 'IntegerDecoding: not started; not implemented yet; start at Lessons/NumberFormats.md'
check "stubs: the other exercises get one line each" \
  test "$(grep -c ': not started (0/' "$LOG")" -eq 26
check "stubs: no maintainer test runs" sh -c "! grep -qE 'EditionTests|ResetTests|HandoutTests' '$LOG'"
echo "     stubs: swift test took ${SECONDS_TAKEN}s and printed $(wc -l <"$LOG") lines"

# 2. One exercise solved: it passes, the next one is named, nothing fails correct code.
solve "$COPY" IntegerDecoding
student_test
check "one solved: no crash" no_crash
check "one solved: last line" test "$(last_line)" = "1 of 27 exercises pass"
check "one solved: its line says passed" has "✓ IntegerDecoding"
check "one solved: the next exercise is FloatDecoding" has "Next: FloatDecoding"
check "one solved: no XCTest failure for it" sh -c "! grep -q 'testIntegerDecoding : failed' '$LOG'"

# 3. One exercise traps in its second method, one loops forever: both are reported with the
# grader's full count of checks, and every other exercise is still graded.
planned_decoding=$(cd "$COPY" && WORKBOOK_STATE=$(mktemp -d) .build/debug/workbook check FloatDecoding \
  --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[0]["checks"]))')
sed -i '0,/throw Unimplemented(lesson: "NumberFormats", section: "Decoding a float")/s//let empty: [Int] = []; _ = empty[1]; throw Unimplemented(lesson: "NumberFormats", section: "Decoding a float")/' \
  "$COPY/Exercises/NumberFormats/FloatDecoding.swift"
sed -i '0,/throw Unimplemented(lesson: "InferenceMemory"/s//while Int.random(in: 0...1) < 2 {}; throw Unimplemented(lesson: "InferenceMemory"/' \
  "$COPY/Exercises/InferenceMemory/TensorSizing.swift"
TIMEOUT=5 student_test
check "crash: no crash of swift test itself" no_crash
check "crash: reported with the grader's count of checks" \
  grep -qE "FloatDecoding +failed \(0/$planned_decoding checks pass, crashed in “" "$LOG"
check "crash: the trap is named in full for the next exercise" has "FloatDecoding — "
check "crash: the student's line is shown" has "at Exercises/NumberFormats/FloatDecoding.swift:"
check "loop: reported as a timeout" grep -qE "TensorSizing +failed \(0/[0-9]+ checks pass, timed out in “" "$LOG"
check "crash and loop: later exercises are still graded" has "· LossScaling"
check "crash and loop: last line" test "$(last_line)" = "1 of 27 exercises pass"
[ "$STATUS" -ne 0 ] || not_ok "crash: exit status" "swift test exited 0"

# 4. An exercise that does not compile: the compiler's error names the student's file, and
# swift test fails without a crash.
(cd "$COPY" && git checkout -q -- Exercises)
echo "this is not Swift" >>"$COPY/Exercises/NumberFormats/FloatEncoding.swift"
student_test
check "no compile: the error names the file" has "Exercises/NumberFormats/FloatEncoding.swift"
check "no compile: no crash" no_crash
check "no compile: exit status is not 0" test "$STATUS" -ne 0

# 5. Everything solved: exit 0, and the count says so.
(cd "$COPY" && git checkout -q -- Exercises && cp -R Solutions/. Exercises/)
student_test
check "all solved: exit status 0" test "$STATUS" -eq 0
check "all solved: last line" test "$(last_line)" = "27 of 27 exercises pass"
check "all solved: no crash" no_crash
[ "$STATUS" -eq 0 ] || show 30
echo "     all solved: swift test took ${SECONDS_TAKEN}s"
