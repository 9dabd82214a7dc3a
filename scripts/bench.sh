#!/bin/sh
# Runs the benchmarks in release builds: ordo-one/benchmark targets in Benchmarks/ (wall clock,
# malloc counts, peak resident memory), then the peers that live outside Swift (numpy, the
# cmark command). Usage: scripts/bench.sh [FILTER], a regular expression matched anywhere in a
# benchmark's name (ordo-one/benchmark itself wants the whole name to match).
set -eu
cd "$(dirname "$0")/../Benchmarks"
# The manifest names the workbook by its folder name, so never reuse a cached evaluation.
swift package --manifest-cache none --allow-writing-to-package-directory benchmark \
  ${1:+--filter ".*($1).*"} --no-progress
echo
python3 ../scripts/bench-numpy.py
