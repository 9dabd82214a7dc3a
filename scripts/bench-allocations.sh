#!/bin/sh
# Exact heap allocations of one forward pass, naive against ping-pong, counted by valgrind:
# the set-up alone is counted too and subtracted, for 1 and 32 layers.
set -eu
cd "$(dirname "$0")/../Benchmarks"
command -v valgrind >/dev/null 2>&1 || { echo "bench-allocations: needs valgrind (apt-get install valgrind)" >&2; exit 69; }
swift build --manifest-cache none -c release --product AllocationCount >/dev/null
bin=$(swift build --manifest-cache none -c release --show-bin-path)/AllocationCount
count() {
  valgrind --tool=memcheck "$bin" "$1" "$2" 2>&1 >/dev/null | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}
for layers in 1 32; do
  setup=$(count setup "$layers")
  for kind in naive pingpong; do
    total=$(count "$kind" "$layers")
    echo "$kind, $layers layers: $((total - setup)) heap allocations in the forward pass ($total with set-up, $setup for set-up)"
  done
done
