#!/bin/sh
# The PagedKVCache benchmark: a release build of the reference allocator replaying a seeded
# trace beside contiguous preallocation (time per token, waste, peak memory). It lives in the
# main package (Sources/PagedKVCacheBenchmark) because the Benchmarks/ package needs
# ordo-one/benchmark from the network.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product PagedKVCacheBenchmark
.build/release/PagedKVCacheBenchmark
