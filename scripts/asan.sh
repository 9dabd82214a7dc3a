#!/bin/sh
# The maintainers' suite under AddressSanitizer, in a build folder of its own.
# Leak detection is off here: the Swift runtime, Foundation and XCTest keep allocations until
# exit by design, and every child `workbook` process would fail on them. Leaks in the lesson
# pipeline (cmark ownership) are checked by scripts/fuzz.sh, whose LeakSanitizer is on.
set -eu
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=0"
export WORKBOOK_SANITIZER=address
WORKBOOK_MAINTAINER=1 swift test --disable-swift-testing --sanitize=address --scratch-path .build-asan
