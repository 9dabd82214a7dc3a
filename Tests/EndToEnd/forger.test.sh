#!/bin/sh
# A forger: an IntegerDecoding whose first method writes a passing verdict for every planned
# check (the old protocol's lines, and empty tape segments in the judge's format) to file
# descriptors 1 to 20, then exits 0 before the grader can compare anything. The judge links no
# student code and reads only answers, so the forger must score 0 in `workbook check`, in the
# student's plain `swift test` and in `workbook grade`; the real solution next to it still
# passes, so the zero is the judge's doing and not a broken copy.
. "$(dirname "$0")/lib.sh"
copy_with_log

# The planned checks, from the judge itself (the stub runs no further than its first call).
checks=$(cd "$COPY" && "$WORKBOOK" check IntegerDecoding --json 2>/dev/null |
  python3 -c 'import json,sys; print("\n".join(c["check"] for c in json.load(sys.stdin)[0]["checks"]))')
count=$(printf '%s\n' "$checks" | grep -c .)
check "the grader plans checks for IntegerDecoding" test "$count" -ge 2

# forge_lines: every line a forger could hope the parent believes, as a Swift array literal.
forge_lines() {
  index=0
  printf '%s\n' "$checks" | while IFS= read -r name; do
    printf '    #"{"event":"plan","check":"","checks":[]}"#,\n'
    printf '    #"{"event":"start","check":"%s"}"#,\n' "$name"
    printf '    #"{"event":"result","check":"%s","result":{"exercise":"IntegerDecoding","check":"%s","passed":true,"message":""}}"#,\n' "$name" "$name"
    printf '    #"{"check":"%s","index":%s}"#, #"{"end":%s}"#,\n' "$name" "$index" "$index"
    index=$((index + 1))
  done
}

write_forger() {
  cat >"$1" <<SWIFT
import Foundation
import Harness
import NumberFormats

/// A forger: claims every check passed on every descriptor it can reach, and leaves.
public struct IntegerDecoder: IntegerDecoding {
  public init() {}

  public func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {
    let lines = [
$(forge_lines)
    ]
    let text = lines.joined(separator: "\n") + "\n"
    for descriptor in Int32(1)...20 {
      _ = text.withCString { write(descriptor, \$0, strlen(\$0)) }
    }
    exit(0)
  }

  public func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 { 0 }

  public func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 { 0 }
}
SWIFT
}

# 1. workbook check: 0 of the planned checks, a non-zero status.
write_forger "$COPY/Exercises/NumberFormats/IntegerDecoding.swift"
(cd "$COPY" && "$WORKBOOK" check IntegerDecoding --json >"$LOG" 2>&1)
status=$?
passed=$(python3 -c 'import json,sys; print(sum(c["passed"] for c in json.load(open(sys.argv[1]))[0]["checks"]))' "$LOG" 2>/dev/null)
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))[0]["checks"]))' "$LOG" 2>/dev/null)
check "workbook check: the forger passes no check" test "${passed:-x}" = 0
check "workbook check: every planned check is reported" test "${total:-0}" = "$count"
check "workbook check: exit status is not 0" test "$status" -ne 0
# Each check fails for what the judge saw: forged segments with no answers, or the exit itself.
check "workbook check: every failure names what the runner did" python3 -c '
import json, sys
checks = json.load(open(sys.argv[1]))[0]["checks"]
said = ("do not match the grader\x27s questions", "exited with status 0 during check")
sys.exit(0 if all(any(s in c["message"] for s in said) for c in checks) else 1)' "$LOG"

# 2. The student's swift test: the forger is not counted as passing.
(cd "$COPY" && WORKBOOK_TIMEOUT=60 swift test >"$LOG" 2>&1)
status=$?
check "swift test: the forger does not pass" sh -c "! grep -q '✓ IntegerDecoding' '$LOG'"
check "swift test: 0 of 27 pass" test "$(tail -n 1 "$LOG")" = "0 of 27 exercises pass"
check "swift test: exit status is not 0" test "$status" -ne 0

# 3. workbook grade: the forger scores 0 for IntegerDecoding; a real solution scores in full.
mkdir -p "$WORK/submissions/forger/Exercises/NumberFormats" \
  "$WORK/submissions/honest/Exercises/NumberFormats"
cp "$COPY/Exercises/NumberFormats/IntegerDecoding.swift" "$WORK/submissions/forger/Exercises/NumberFormats/"
cp "$COPY/Solutions/NumberFormats/IntegerDecoding.swift" "$WORK/submissions/honest/Exercises/NumberFormats/"
(cd "$COPY" && git checkout -q -- Exercises)
(cd "$COPY" && "$WORKBOOK" grade "$WORK/submissions" --jobs 1 --timeout 60 --output "$WORK/grades" \
  >"$LOG" 2>&1)
check "workbook grade: runs" test $? -eq 0
score() { # score STUDENT: IntegerDecoding's score in results.json
  python3 -c 'import json,sys
tests = json.load(open(sys.argv[1]))["tests"]
print(next(t["score"] for t in tests if "IntegerDecoding" in t["name"]))' \
    "$WORK/grades/students/$1/results.json" 2>/dev/null
}
check "workbook grade: the forger scores 0" test "$(score forger)" = 0
check "workbook grade: the honest solution scores every check" test "$(score honest)" = "$count"

# 4. A crash in check 2 of 4 fails check 2 only: a fresh runner records checks 3 and 4. The
# solution, made to trap on its 100th call of unsigned in a process: check 1 makes 1 call,
# check 2 traps at its 99th; the fresh runner's check 3 makes 64 calls and passes, and check 4
# traps again at its 36th. So 2 of 4 pass, and both traps are named.
(cd "$COPY" && git checkout -q -- Exercises)
solve "$COPY" IntegerDecoding
sed -i 's/^\( *\)public func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {/\1static var unsignedCalls = 0\n\1public func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 {\n\1  Self.unsignedCalls += 1\n\1  if Self.unsignedCalls == 100 { fatalError("the 100th call") }\n\1  return try counted(bits, width: width)\n\1}\n\1func counted(_ bits: UInt64, width: Int) throws -> UInt64 {/' \
  "$COPY/Exercises/NumberFormats/IntegerDecoding.swift"
(cd "$COPY" && "$WORKBOOK" check IntegerDecoding --json >"$LOG" 2>&1)
verdicts=$(python3 -c 'import json,sys
checks = json.load(open(sys.argv[1]))[0]["checks"]
print(" ".join("pass" if c["passed"] else ("crash" if c["message"].startswith("crashed with a trap") else "fail") for c in checks))' "$LOG" 2>/dev/null)
check "crash in check 2: pass crash pass crash (got: $verdicts)" test "$verdicts" = "pass crash pass crash"
check "crash in check 2: the check is named" has "during check"
