#!/bin/sh
# Looks at the handouts as a person would: runs Tests/EndToEnd/handouts.test.sh alone (the
# print layout measured in headless Chromium, the PDFs, LaTeX, man pages and website checked,
# screenshots in .build/handouts-check/screens). Installs what it needs with apt-get as root.
set -eu
cd "$(dirname "$0")/.."
swift build >/dev/null
results=$(mktemp)
trap 'rm -f "$results"' EXIT
E2E_RESULTS=$results sh Tests/EndToEnd/handouts.test.sh
passed=$(grep -c '^ok' "$results" || true)
failed=$(grep -c '^fail' "$results" || true)
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
