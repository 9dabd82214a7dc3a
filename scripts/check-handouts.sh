#!/bin/sh
# Looks at the handouts as a person would: renders every lesson's HTML in headless Chromium
# (screenshots in OUT/screens), prints the course to PDF, and checks the PDF's text with
# pdftotext: every lesson title is there, and the plain edition shows no answer or solution.
# Installs chromium and poppler-utils with apt-get when missing and run as root.
set -eu
cd "$(dirname "$0")/.."
out="${1:-.build/handout-check}"
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "check-handouts: needs chromium and poppler-utils: sudo apt-get install -y chromium poppler-utils" >&2
    exit 69
  fi
fi
swift build >/dev/null
rm -rf "$out"
mkdir -p "$out/screens"
wb=.build/debug/workbook
$wb handout --all --output "$out/html" >/dev/null
$wb handout --all --answers --output "$out/html" >/dev/null
$wb handout --all --format pdf --output "$out/pdf" >/dev/null
$wb handout --all --answers --format pdf --output "$out/pdf" >/dev/null
for page in "$out"/html/*.html; do
  name=$(basename "$page" .html)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
    --user-data-dir="$out/profile" --screenshot="$out/screens/$name.png" "file://$(pwd)/$page" 2>/dev/null
done
pdftotext "$out/pdf/Course.pdf" "$out/Course.txt"
pdftotext "$out/pdf/Course-answers.pdf" "$out/Course-answers.txt"
status=0
grep -q "Exercise" "$out/Course.txt" || { echo "no exercise in the PDF"; status=1; }
for lesson in $($wb list --json | python3 -c 'import json,sys; print("\n".join(l["title"].split()[0] for l in json.load(sys.stdin)["lessons"]))'); do
  grep -q "$lesson" "$out/Course.txt" || { echo "lesson starting \"$lesson\" missing from the PDF"; status=1; }
done
if grep -qE "^(ANSWER|SOLUTION)$" "$out/Course.txt"; then echo "the plain PDF shows answers"; status=1; fi
grep -qE "^ANSWER$" "$out/Course-answers.txt" || { echo "the answer key PDF shows no answers"; status=1; }
pages=$(pdfinfo "$out/pdf/Course.pdf" | awk '/^Pages/ {print $2}')
echo "screenshots: $(ls "$out/screens" | wc -l) in $out/screens; course PDF: $pages pages"
[ "$status" = 0 ] && echo "handouts look right" || echo "handout check failed"
exit "$status"
