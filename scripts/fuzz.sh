#!/bin/sh
# Fuzzes the lesson pipeline (cmark parse, course model, every renderer) with libFuzzer and
# AddressSanitizer, which also reports leaks. Usage: scripts/fuzz.sh [RUNS] (default 1000000).
#
# SwiftPM builds the Markdown and Course modules instrumented; the fuzzer itself is linked by
# swiftc, because SwiftPM's executable entry point would clash with libFuzzer's own main.
set -eu
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
scratch=.build-fuzz
flags="-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING"
# shellcheck disable=SC2086
swift build --scratch-path "$scratch" --target Course $flags
bin=$(swift build --scratch-path "$scratch" --show-bin-path $flags)
swiftc -O -sanitize=fuzzer,address -DFUZZING -parse-as-library -g \
  -I "$bin/Modules" -I Sources/CCmark \
  Fuzz/LessonFuzzer/LessonFuzzer.swift "$bin"/Markdown.build/*.o "$bin"/Course.build/*.o \
  -lcmark -o "$scratch/lesson-fuzzer"
mkdir -p "$scratch/corpus"
cp Fuzz/corpus/* Lessons/*.md "$scratch/corpus/"
"$scratch/lesson-fuzzer" -runs="$runs" -max_len=2048 -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 "$scratch/corpus"
