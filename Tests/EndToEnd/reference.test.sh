#!/bin/sh
# The exercises cannot call the workbook's own reference code (which computes the answers):
# not the tools behind `workbook float` and `quantize`, which are SPI of their kits, nor the
# kits' internal codecs and forward passes. An exercise file that tries, with a plain import,
# with `@_spi(Reference) import` or with `@testable import`, does not build in `workbook check`
# and scores 0 in `workbook grade`, while the topic's other exercises are still graded.
. "$(dirname "$0")/lib.sh"
copy_with_log
FILE="$COPY/Exercises/NumberFormats/IntegerDecoding.swift"

# use_reference IMPORT CALL: the IntegerDecoding stub with IMPORT in place of the kit's import
# and CALL as the first line of unsigned.
use_reference() {
  (cd "$COPY" && git checkout -q -- Exercises)
  sed -i "s/^import NumberFormats\$/$1/" "$FILE"
  sed -i "0,/throw Unimplemented(lesson: \"NumberFormats\", section: \"Integers\")/s//$2; throw Unimplemented(lesson: \"NumberFormats\", section: \"Integers\")/" "$FILE"
  (cd "$COPY" && "$WORKBOOK" check IntegerDecoding >"$LOG" 2>&1)
  STATUS=$?
}

# 1. The float tool is not part of the kit's public surface: the compiler does not find it.
use_reference "import NumberFormats" '_ = try FloatExplorer.explore("0x3c00", format: "fp16")'
check "plain import: FloatExplorer is not found" has "cannot find 'FloatExplorer' in scope"
check "plain import: the error names the file" has "Exercises/NumberFormats/IntegerDecoding.swift"
check "plain import: exit status is not 0" test "$STATUS" -ne 0

# 2. The SPI that `workbook float` uses is refused in an exercise.
use_reference "@_spi(Reference) import NumberFormats" \
  '_ = try FloatExplorer.explore("0x3c00", format: "fp16")'
check "@_spi import: refused" has "@_spi reaches the workbook's own code"
check "@_spi import: exit status is not 0" test "$STATUS" -ne 0

# 3. @testable would open the kit's internal codec: refused too.
use_reference "@testable import NumberFormats" '_ = FloatCodec.decode(0x3C00, in: .fp16)'
check "@testable import: refused" has "@testable reaches the workbook's own code"

# 4. The naive forward pass behind the inference figures is internal to its kit.
(cd "$COPY" && git checkout -q -- Exercises)
sed -i '0,/throw Unimplemented(lesson: "InferenceMemory"/s//_ = NaiveForward.self; throw Unimplemented(lesson: "InferenceMemory"/' \
  "$COPY/Exercises/InferenceMemory/PingPongForward.swift"
(cd "$COPY" && "$WORKBOOK" check PingPongForward >"$LOG" 2>&1)
check "internal forward: NaiveForward is not found" has "cannot find 'NaiveForward' in scope"

# 5. workbook grade: a FloatDecoding that uses the SPI scores 0 as a compile error; the solved
# IntegerDecoding beside it in the same topic is still graded in full.
(cd "$COPY" && git checkout -q -- Exercises)
SUBMITTED="$WORK/submissions/spi/Exercises/NumberFormats"
mkdir -p "$SUBMITTED"
sed -e 's/^import NumberFormats$/@_spi(Reference) import NumberFormats/' \
  -e '0,/throw Unimplemented(lesson: "NumberFormats", section: "Decoding a float")/s//_ = try FloatExplorer.explore("0x3c00", format: "fp16"); throw Unimplemented(lesson: "NumberFormats", section: "Decoding a float")/' \
  "$COPY/Exercises/NumberFormats/FloatDecoding.swift" >"$SUBMITTED/FloatDecoding.swift"
cp "$COPY/Solutions/NumberFormats/IntegerDecoding.swift" "$SUBMITTED/"
(cd "$COPY" && "$WORKBOOK" grade "$WORK/submissions" --jobs 1 --timeout 60 --output "$WORK/grades" \
  >"$LOG" 2>&1)
check "workbook grade: runs" test $? -eq 0
result() { # result EXERCISE: "score max" from the student's results.json
  python3 -c 'import json,sys
tests = json.load(open(sys.argv[1]))["tests"]
t = next(t for t in tests if t["name"].startswith(sys.argv[2] + " "))
print("%d %d" % (t["score"], t["max_score"]))' \
    "$WORK/grades/students/spi/results.json" "$1" 2>/dev/null
}
set -- $(result FloatDecoding)
check "workbook grade: the @_spi file scores 0 of ${2:-?}" test "${1:-x}" = 0 -a "${2:-0}" -gt 0
set -- $(result IntegerDecoding)
check "workbook grade: the solved file beside it scores ${1:-?} of ${2:-?}" \
  test "${1:-x}" = "${2:-y}" -a "${2:-0}" -gt 0
