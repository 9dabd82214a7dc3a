#!/bin/sh
# `make release` as an instructor meets it: the command builds, needs no Swift library at run
# time, writes the same handouts as the debug build (its lessons rendered and its figures
# computed on several threads), and a second run into the same folder leaves every file as it
# was, down to the inode.
. "$(dirname "$0")/lib.sh"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RELEASE="$ROOT/.build/release/workbook"

if [ ! -x "$WORKBOOK" ]; then
  not_ok setup "no binary at $WORKBOOK"
  exit 0
fi

if ! make -C "$ROOT" release >"$WORK/build.log" 2>&1 || [ ! -x "$RELEASE" ]; then
  not_ok "make release builds" "$(tail -n 5 "$WORK/build.log")"
  exit 0
fi
ok "make release builds"

swift_libraries=$(ldd "$RELEASE" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime')
if [ -z "$swift_libraries" ]; then
  ok "the release binary loads no Swift library"
else
  not_ok "the release binary loads no Swift library" "$swift_libraries"
fi

# The same course, from inside the checkout, with no toolchain on the PATH.
(cd "$ROOT" && env -i PATH=/usr/bin:/bin HOME="$WORK" "$RELEASE" handout --all \
  --output "$WORK/release" >/dev/null 2>"$WORK/release.err")
status=$?
(cd "$ROOT" && "$WORKBOOK" handout --all --output "$WORK/debug" >/dev/null 2>&1)
if [ "$status" -eq 0 ] && diff -r -x .workbook-handout.json "$WORK/debug" "$WORK/release" >"$WORK/diff"; then
  ok "the release handouts are the debug build's, byte for byte"
else
  not_ok "the release handouts are the debug build's, byte for byte" \
    "status $status: $(head -c 300 "$WORK/release.err") $(head -n 3 "$WORK/diff")"
fi

inodes() { ls -i "$WORK/release" | sort; }
before=$(inodes)
(cd "$ROOT" && "$RELEASE" handout --all --output "$WORK/release" >/dev/null 2>&1)
if [ "$(inodes)" = "$before" ]; then
  ok "a second run leaves every up-to-date file alone"
else
  not_ok "a second run leaves every up-to-date file alone" "inodes changed"
fi

echo "<p>my notes</p>" >"$WORK/release/NumberFormats.html"
message=$(cd "$ROOT" && "$RELEASE" handout --all --output "$WORK/release" 2>&1 >/dev/null)
status=$?
case "$status:$message" in
  1:*"NumberFormats.html exists and was not written by workbook handout"*)
    if [ "$(printf '%s\n' "$message" | wc -l)" -ne 1 ]; then
      not_ok "an edited handout is refused with one line and kept" "more than one line: $message"
    elif [ "$(cat "$WORK/release/NumberFormats.html")" = "<p>my notes</p>" ]; then
      ok "an edited handout is refused with one line and kept"
    else
      not_ok "an edited handout is refused with one line and kept" "the notes were replaced"
    fi
    ;;
  *) not_ok "an edited handout is refused with one line and kept" "status $status: $message" ;;
esac
