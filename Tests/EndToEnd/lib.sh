# Shared helpers of the end-to-end tests: each `*.test.sh` beside this file sources it, drives
# the real `workbook` binary (or `swift test`) the way its user meets it, and reports each case
# with `ok` or `not_ok`. scripts/test.sh runs them all after the XCTest suite and prints one
# `N passed, M failed` line for both.
#
# Conventions:
# - WORKBOOK is the binary `make test` built from this checkout; ROOT is the checkout.
# - `workbook_copy` gives a folder holding a committed copy of the workbook with its own
#   .build, made once per run and reset to the stubs on every call, so the tests share one build.
# - A test never edits the checkout itself.
set -u

ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
WORKBOOK="$ROOT/.build/debug/workbook"
E2E_RESULTS=${E2E_RESULTS:-$(mktemp)}
E2E_SUITE=$(basename "$0" .test.sh)


# ok NAME: one passed case.
ok() {
  printf 'ok\t%s\t%s\n' "$E2E_SUITE" "$1" >>"$E2E_RESULTS"
  printf 'ok    %s: %s\n' "$E2E_SUITE" "$1"
}

# not_ok NAME WHY: one failed case, with a reason (more lines may follow on stdout).
not_ok() {
  printf 'fail\t%s\t%s\n' "$E2E_SUITE" "$1" >>"$E2E_RESULTS"
  printf 'FAIL  %s: %s: %s\n' "$E2E_SUITE" "$1" "$2"
}

# check NAME COMMAND...: ok when COMMAND succeeds, not_ok otherwise.
check() {
  name=$1
  shift
  if "$@"; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}

# require_package COMMAND PACKAGE: installs a Debian package when its command is missing (as
# root, with apt-get update first); false when it cannot be had.
require_package() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $2 with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || true
  fi
  command -v "$1" >/dev/null 2>&1
}

# workbook_copy: prints the path of a committed copy of this checkout (tracked and untracked,
# not ignored files), with the stubs in Exercises/ and a warm .build of its own. The first call
# of a run copies and builds; later calls reset the copy to its commit and keep the build.
workbook_copy() {
  copy="$ROOT/.build/e2e/workbook"
  stamp="$ROOT/.build/e2e/stamp"
  current=$(cd "$ROOT" && { git rev-parse HEAD; git status --porcelain; } 2>/dev/null | cksum)
  if [ ! -d "$copy/.git" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$current" ]; then
    mkdir -p "$copy"
    (cd "$copy" && find . -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +)
    (cd "$ROOT" && git ls-files -co --exclude-standard -z | xargs -0 tar cf - 2>/dev/null) |
      (cd "$copy" && tar xf -)
    (
      cd "$copy" && git init -q && git add -A . &&
        git -c user.name=e2e -c user.email=e2e@example.invalid commit -qm copy
    ) >/dev/null 2>&1
    printf '%s' "$current" >"$stamp"
  else
    (cd "$copy" && git checkout -q -- . && git clean -fdxq -e .build) >/dev/null 2>&1
  fi
  (cd "$copy" && swift build >/dev/null 2>&1) || echo "warning: the copy does not build" >&2
  printf '%s\n' "$copy"
}

# copy_with_log: the setup of a test that runs a learner's commands in a copy of the workbook,
# outside the maintainers' run: sets COPY (see workbook_copy), LOG (a file for the commands'
# output, which `has TEXT` searches) and WORK (a scratch folder, whose `state` is the learner's
# state), all but the copy removed on exit.
copy_with_log() {
  unset WORKBOOK_MAINTAINER
  COPY=$(workbook_copy)
  LOG=$(mktemp)
  WORK=$(mktemp -d)
  trap 'rm -rf "$LOG" "$WORK"' EXIT
  export WORKBOOK_STATE="$WORK/state"
}

# has TEXT: true when LOG holds TEXT.
has() { grep -qF -- "$1" "$LOG"; }

# solve COPY EXERCISE...: copies the named exercises' solutions over the copy's stubs.
solve() {
  into=$1
  shift
  for exercise in "$@"; do
    file=$(cd "$into" && ls Solutions/*/"$exercise".swift)
    cp "$into/$file" "$into/Exercises/${file#Solutions/}"
  done
}

# tree_hash DIR: one checksum over every file's path and content below DIR, .build excepted.
tree_hash() {
  (cd "$1" && find . -path ./.build -prune -o -type f -print0 | sort -z |
    xargs -0 sha256sum 2>/dev/null | sha256sum | cut -c1-16)
}

# Terminal helpers for tests that drive a program in a tmux pane. A test sets SESSION (its tmux
# session) and may set SCROLLBACK (lines of history `screen` includes, default none).

# tmux_session NAME: the setup of a test that drives a tmux pane: when tmux cannot be had, one
# failed case and the end of the test; otherwise sets SESSION (a fresh session's name, from
# NAME) and STATE (an empty folder), the session killed and the folder removed on exit.
tmux_session() {
  if ! require_package tmux tmux; then
    not_ok "tmux" "tmux is not installed and cannot be installed"
    exit 0
  fi
  STATE=$(mktemp -d)
  SESSION="e2e-$1-$$"
  trap 'tmux kill-session -t "$SESSION" 2>/dev/null; rm -rf "$STATE"' EXIT
}

# screen: what the pane shows now (and SCROLLBACK lines above it).
screen() { tmux capture-pane -p -J -S "-${SCROLLBACK:-0}" -t "$SESSION"; }

# wait_for TEXT SECONDS: true once the screen shows TEXT.
wait_for() {
  deadline=$(($(date +%s) + $2))
  while [ "$(date +%s)" -le "$deadline" ]; do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# expect NAME TEXT SECONDS: one case, ok once the screen shows TEXT; otherwise the screen's last
# lines are printed under the failure.
expect() {
  if wait_for "$2" "$3"; then
    ok "$1"
  else
    not_ok "$1" "the screen never showed \"$2\""
    screen | grep -v '^$' | tail -n 20 | sed 's/^/    | /'
  fi
}
