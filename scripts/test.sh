#!/bin/sh
# The maintainers' suite (`make test`): the XCTest suite (library and CLI tests, every grader
# against Solutions/, the proof that every grader fails on the untouched stubs), then the
# end-to-end tests in Tests/EndToEnd/, which drive the real binary the way its users meet it (a
# terminal with job control, a half-solved checkout, damaged state files, a hostile class).
# The last line counts both: `N passed, M failed`.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
swift build

WORKBOOK_MAINTAINER=1 swift test --disable-swift-testing 2>&1 | tee .build/test.log |
  grep -vE "^Test (Case|Suite) '.*' (started|passed)" || true
summary=$(grep -E "Executed [0-9]+ tests?, with" .build/test.log | tail -n 1)
executed=$(echo "$summary" | sed -nE 's/.*Executed ([0-9]+) tests?.*/\1/p')
skipped=$(echo "$summary" | sed -nE 's/.* ([0-9]+) tests? skipped.*/\1/p')
failures=$(echo "$summary" | sed -nE 's/.*with ([0-9]+) failures?.*/\1/p')
# A crash ends XCTest's run before its summary: count that as a failure, never as a pass.
xctest_ok=yes
if [ -z "$executed" ] || grep -qE "Fatal error|Exited with|error: fatalError" .build/test.log; then
  xctest_ok=no
fi
: "${executed:=0}" "${skipped:=0}" "${failures:=0}"
failed_tests=$(grep -cE "^Test Case '.*' failed" .build/test.log || true)
xctest_passed=$((executed - skipped - failed_tests))
xctest_failed=$failed_tests
[ "$xctest_ok" = yes ] || xctest_failed=$((xctest_failed + 1))

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for test in Tests/EndToEnd/*.test.sh; do
  [ -e "$test" ] || continue
  echo "== $test"
  E2E_RESULTS=$results sh "$test" || echo "FAIL  $test exited with status $?" >>"$results.crash"
done
e2e_passed=$(grep -c '^ok' "$results" || true)
e2e_failed=$(grep -c '^fail' "$results" || true)
if [ -s "$results.crash" ]; then
  cat "$results.crash"
  e2e_failed=$((e2e_failed + $(wc -l <"$results.crash")))
fi
rm -f "$results.crash"

echo "XCTest: $xctest_passed passed, $xctest_failed failed, $skipped skipped ($summary)"
echo "end to end: $e2e_passed passed, $e2e_failed failed"
passed=$((xctest_passed + e2e_passed))
failed=$((xctest_failed + e2e_failed))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$failures" -eq 0 ]
