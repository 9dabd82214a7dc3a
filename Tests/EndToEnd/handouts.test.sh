#!/bin/sh
# The handouts as a lecturer meets them, in a real browser and a real TeX: every HTML handout
# laid out at print size in headless Chromium (no code block, table or picture wider than its
# box, no picture label under 8 pt), the PDFs (no page ending on a heading, every font
# embedded), the LaTeX compiled with LuaLaTeX (no missing glyph), every man page read by
# `man -l` without a warning, and the website (every link and every search result leads to a
# page and an anchor; the student edition holds no answer). Installs chromium, poppler-utils,
# librsvg2-bin, texlive-luatex and fonts-dejavu with apt-get when missing; a tool that cannot be
# installed is a failed case that says so. Screenshots of each lesson's first page are left in
# .build/handouts-check/screens.
. "$(dirname "$0")/lib.sh"

here="$ROOT/Tests/EndToEnd"
out="$ROOT/.build/handouts-check"
rm -rf "$out"
mkdir -p "$out/screens"
cd "$ROOT" || exit 1

missing=""
require_package chromium chromium || missing="$missing chromium"
require_package pdftotext poppler-utils || missing="$missing poppler-utils"
require_package rsvg-convert librsvg2-bin || missing="$missing librsvg2-bin"
require_package lualatex texlive-luatex || missing="$missing texlive-luatex"
if ! kpsewhich pdflscape.sty >/dev/null 2>&1 || ! fc-list | grep -q "DejaVu Serif"; then
  [ "$(id -u)" = "0" ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    texlive-latex-recommended fonts-dejavu >/dev/null 2>&1
  kpsewhich pdflscape.sty >/dev/null 2>&1 || missing="$missing texlive-latex-recommended"
  fc-list | grep -q "DejaVu Serif" || missing="$missing fonts-dejavu"
fi
if [ -n "$missing" ]; then
  not_ok "tools installed" "cannot install:$missing (run as root with apt-get, or install them)"
  exit 0
fi
ok "tools installed"

seconds() { date +%s; }
timed() { # timed NAME COMMAND...: runs it, records its wall time in $out/times
  started=$(seconds)
  "$@" >/dev/null
  status=$?
  echo "$1 $(($(seconds) - started)) s: $*" >>"$out/times"
  return $status
}
wb() { "$WORKBOOK" handout --all "$@"; }
check "html written" timed wb --output "$out/html"
check "html answer key written" timed wb --answers --output "$out/html"
check "pdf written" timed wb --format pdf --output "$out/pdf"
check "pdf answer key written" timed wb --answers --format pdf --output "$out/pdf"
check "latex written" timed wb --format latex --output "$out/tex"
check "man written" timed wb --format man --output "$out/man"
check "site written" timed wb --format site --output "$out/site"
check "site answer key written" timed wb --format site --answers --output "$out/site-answers"

# chromium_dom FILE [WIDTH]: the page's DOM after its scripts ran, at the printed text width
# of portrait A4 with 16 mm margins (673 CSS px) unless WIDTH is given.
chromium_dom() {
  chromium --headless --no-sandbox --disable-gpu --window-size="${2:-673},1000" \
    --virtual-time-budget=5000 --user-data-dir="$out/profile" --dump-dom "file://$1" 2>/dev/null
}

# report ID: the text of <pre id=ID> in the DOM on stdin, tags and blank lines removed.
report() {
  sed -n "/id=\"$1\"/,/<\/pre>/p" | sed -e 's/<[^>]*>//g' -e 's/&gt;/>/g' -e 's/&lt;/</g' |
    grep -v '^[[:space:]]*$'
}

# Print layout: each page with its print rules applied to the screen.
overflows=0
for page in "$out"/html/*.html; do
  base=$(basename "$page" .html)
  sed -e 's/@media print/@media all/' \
    -e "s#</body>#<script src=\"file://$here/print-layout.js\"></script></body>#" \
    "$page" >"$out/measure-$base.html"
  # Portrait pages, then the pictures that get a landscape page (281 mm: 1062 px).
  portrait=$(chromium_dom "$out/measure-$base.html" | report layout-report)
  wide=$(chromium_dom "$out/measure-$base.html#landscape" 1062 | report layout-report)
  # A page whose script never ran wrote no report: that is a failure, never a pass.
  printf '%s\n%s\n' "${portrait:-no report from the portrait layout}" \
    "${wide:-no report from the landscape layout}" | grep -vx clean >"$out/layout-$base.txt"
  if [ ! -s "$out/layout-$base.txt" ]; then
    :
  else
    overflows=$((overflows + $(wc -l <"$out/layout-$base.txt")))
    echo "$base:" && sed 's/^/  /' "$out/layout-$base.txt"
  fi
done
echo "boxes wider than their space or labels under 8 pt at print size: $overflows"
if [ "$overflows" = 0 ]; then ok "print layout: nothing overflows, labels 8 pt or more"; else
  not_ok "print layout" "$overflows boxes overflow or labels are under 8 pt (listed above)"; fi

# PDFs: no page ends with a heading; every font embedded; first pages for the closing note.
python3 "$here/handout_checks.py" headings "$out/html/Course-answers.html" >"$out/headings.txt"
for pdf in "$out"/pdf/Course.pdf "$out"/pdf/Course-answers.pdf; do
  base=$(basename "$pdf" .pdf)
  pdftotext -enc UTF-8 "$pdf" "$out/$base.txt"
  check "$base.pdf: no page ends with a heading" \
    python3 "$here/handout_checks.py" orphans "$out/$base.txt" "$out/headings.txt"
  if pdffonts "$pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }'; then
    ok "$base.pdf: every font embedded"
  else
    not_ok "$base.pdf: every font embedded" "$(pdffonts "$pdf" | awk 'NR > 2 && $(NF-4) != "yes"')"
  fi
  echo "$base.pdf: $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages" >>"$out/times"
done
if grep -qE "^(ANSWER|SOLUTION)$" "$out/Course.txt"; then
  not_ok "the student PDF shows no answer" "ANSWER or SOLUTION printed"
else ok "the student PDF shows no answer"; fi
for pdf in "$out"/pdf/*.pdf; do
  case "$pdf" in *Course*|*-answers.pdf) continue ;; esac
  pdftoppm -f 1 -l 1 -r 60 -png "$pdf" "$out/screens/$(basename "$pdf" .pdf)"
done

# LaTeX: compiled twice (contents), no error, no missing glyph, every picture a graphic.
latex_ok=yes
started=$(seconds)
for tex in "$out"/tex/*.tex; do
  base=$(basename "$tex" .tex)
  (cd "$out/tex" && lualatex -interaction=nonstopmode -halt-on-error "$base.tex" >/dev/null 2>&1 &&
    lualatex -interaction=nonstopmode -halt-on-error "$base.tex" >/dev/null 2>&1) ||
    { latex_ok=no; echo "$base.tex does not compile:"; grep -A3 "^!" "$out/tex/$base.log" | head -8; }
  glyphs=$(grep -c "Missing character" "$out/tex/$base.log")
  [ "$glyphs" = 0 ] || { latex_ok=no; echo "$base.tex: $glyphs missing glyphs"; }
done
echo "latex all lessons and the course, twice each: $(($(seconds) - started)) s" >>"$out/times"
pictures=$(ls "$out"/tex/pictures/*.pdf | wc -l)
used=$(grep -o "pictures/[a-z0-9-]*\.pdf" "$out/tex/Course.log" | sort -u | wc -l)
[ "$pictures" -gt 0 ] && [ "$used" = "$pictures" ] ||
  { latex_ok=no; echo "course uses $used of $pictures pictures"; }
grep -q "begin{verbatim}" "$out/tex/Course.tex" && grep -q "█" "$out/tex/Course.tex" &&
  { latex_ok=no; echo "a picture is still drawn as text"; }
if [ "$latex_ok" = yes ]; then ok "latex compiles with lualatex, no missing glyph, $pictures pictures"; else
  not_ok "latex" "see above"; fi
pdffonts "$out/tex/Course.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' &&
  ok "latex PDF: every font embedded" || not_ok "latex PDF: every font embedded" "see pdffonts"

# Man: one page per lesson and one for the course, each read without a warning.
man_ok=yes
[ -f "$out/man/course.7" ] || { man_ok=no; echo "no course.7"; }
for page in "$out"/man/*.7; do
  warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || { man_ok=no; echo "$(basename "$page"):"; echo "$warnings" | head -5; }
done
if [ "$man_ok" = yes ]; then ok "man -l reads every page without a warning"; else not_ok "man" "see above"; fi

# Site: links, search results, no answers in the student edition, screenshots.
check "site: every link leads to a page and an anchor" python3 "$here/handout_checks.py" links "$out/site"
check "site answer key: every link leads somewhere" python3 "$here/handout_checks.py" links "$out/site-answers"
sed "s#</body>#<script src=\"file://$here/site-search.js\"></script></body>#" \
  "$out/site/index.html" >"$out/site/search-check.html"
chromium_dom "$out/site/search-check.html" | report search-report >"$out/search.txt"
rm -f "$out/site/search-check.html"
results=$(grep -c "^url " "$out/search.txt")
empty=$(grep -E "^query .* 0$" "$out/search.txt")
if [ "$results" -gt 0 ] && [ -z "$empty" ] &&
  python3 "$here/handout_checks.py" resolve "$out/site" $(sed -n 's/^url //p' "$out/search.txt"); then
  ok "site search: every query finds sections, $results results all lead to a section"
else
  not_ok "site search" "results: $results; queries without one: $empty"
fi
if grep -lE 'class="(answer|solution)"' "$out"/site/*.html "$out/site/search-index.js"; then
  not_ok "the student site has no answer" "files above show answers or solutions"
else ok "the student site has no answer"; fi
for page in index NumberFormats; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900 \
    --user-data-dir="$out/profile" --screenshot="$out/screens/site-$page.png" \
    "file://$out/site/$page.html" >/dev/null 2>&1
done
cat "$out/times"
