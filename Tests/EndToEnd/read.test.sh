#!/bin/sh
# `workbook read` the way a learner meets it: in a terminal with job control (a real shell in
# a tmux pane), through less, which must be in the terminal's foreground process group and
# answer `q`; at an exercise's section; with a pager that does not exist; on a dumb terminal;
# with usage errors. Then the dashboard at 60, 100 and 160 columns. Expected values come from
# the lesson sources (Lessons/*.md), never from the workbook's own output.
. "$(dirname "$0")/lib.sh"

if ! require_package tmux tmux || ! require_package less less || ! require_package ps procps; then
  not_ok setup "tmux, less and ps are needed"
  exit 0
fi

WORK=$(mktemp -d)
SOCKET="workbook-read-$$"
TTY=""
# Whatever still runs on the pane's terminal (a stopped pager, if the test caught one) is
# killed by process id before the private tmux server goes.
cleanup() {
  if [ -n "$TTY" ]; then
    for pid in $(ps -t "$TTY" -o pid= 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  fi
  tmux -L "$SOCKET" kill-server >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE
export WORKBOOK_STATE="$WORK/state"
unset NO_COLOR PAGER LESS
LESSON="$ROOT/Lessons/NumberFormats.md"
TITLE=$(sed -n 's/^# //p' "$LESSON" | head -n 1 | tr '[:lower:]' '[:upper:]')
# The `##` heading above the exercise block, in the lesson's own source.
FLOAT_SECTION=$(awk '/^## /{h=substr($0,4)} /^```exercise FloatEncoding/{print h; exit}' "$LESSON")
ESC=$(printf '\033')
BOX="$(printf '\342\224')\\|$(printf '\342\225')" # UTF-8 lead bytes of U+2500..U+257F

tm() { tmux -L "$SOCKET" "$@"; }
screen() { tm capture-pane -p -t read; }
# until SECONDS COMMAND...: true as soon as COMMAND succeeds, false after SECONDS.
until_true() {
  tries=$(($1 * 10))
  shift
  while [ "$tries" -gt 0 ]; do
    "$@" && return 0
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}
screen_has() { screen | grep -qF -- "$1"; }
# The processes on the pane's terminal, as `ps` shows them.
processes() { ps -t "$TTY" -o pid=,pgid=,tpgid=,stat=,comm= 2>/dev/null; }
no_reader_left() { ! processes | grep -qE ' (less|workbook)$'; }
prompt_is_last() { screen | grep -v '^ *$' | tail -n 1 | grep -q '^READY> *$'; }
run_in_pane() {
  tm send-keys -t read "clear" Enter
  until_true 5 prompt_is_last
  tm clear-history -t read
  tm send-keys -t read "$1" Enter
}

tm new-session -d -s read -x 100 -y 30 sh
TTY=$(tm display-message -p -t read '#{pane_tty}' | sed 's|^/dev/||')
tm send-keys -t read "PS1='READY> '; cd '$ROOT'; unset PAGER LESS NO_COLOR; TERM=screen" Enter
until_true 5 prompt_is_last || not_ok shell "the pane's shell never showed its prompt"

# 1. `workbook read 1` through less: the first screen shows the title, less is in the
# terminal's foreground group and not stopped, and `q` gives the prompt back.
run_in_pane "$WORKBOOK read 1"
if until_true 10 screen_has "$TITLE"; then
  ok "read 1 shows the title \"$TITLE\" on the first screen"
else
  not_ok "read 1 shows the title" "no \"$TITLE\" on the screen:"
  screen | head -n 5
fi
until_true 5 sh -c "ps -t '$TTY' -o comm= | grep -qx less"
echo "  ps on the pane's terminal:"
processes | sed 's/^/    /'
less_line=$(processes | awk '$5 == "less"')
if [ -z "$less_line" ]; then
  not_ok "less runs in the foreground" "no less process on $TTY"
else
  set -- $less_line
  if [ "$2" = "$3" ] && ! echo "$4" | grep -q T; then
    ok "less is in the foreground group (pgid $2 = tpgid $3) and not stopped (stat $4)"
  else
    not_ok "less runs in the foreground" "pgid $2, tpgid $3, stat $4"
  fi
fi
tm send-keys -t read q
if until_true 5 no_reader_left && until_true 3 prompt_is_last; then
  ok "q quits less and the shell prompt is back within 5 s"
else
  not_ok "q quits less" "still running or no prompt:"
  processes
  screen | tail -n 3
fi

# 2. `workbook read FloatEncoding` opens at the section that teaches it.
run_in_pane "$WORKBOOK read FloatEncoding"
first_line() { screen | grep -v '^ *$' | head -n 1; }
heading_first() { [ "$(first_line)" = "## $FLOAT_SECTION" ]; }
if [ -n "$FLOAT_SECTION" ] && until_true 10 heading_first; then
  ok "read FloatEncoding opens on \"## $FLOAT_SECTION\""
  screen | head -n 3 | sed 's/^/    /'
else
  not_ok "read FloatEncoding opens at its section" "first line: $(first_line)"
fi
tm send-keys -t read q
until_true 5 no_reader_left || not_ok "q quits less at a section" "less still runs"

# 3. A pager that cannot start, or fails, costs a note on stderr and the lesson is printed with
# status 0: never an exit 0 with nothing shown. A plain name is looked up before spawning, so
# the note is the only line; a command the shell must interpret gets the shell's own message
# first; a pager that fails (false) is reported with its status.
# Each run ends with its own marker (status1=, status2=, …): the pane's history still holds the
# previous run's, which must not be taken for this one's.
history_has_status() { tm capture-pane -p -t read -S -2000 | grep -q "^status$run=[0-9]*\$"; }
last_heading=$(grep '^## ' "$LESSON" | tail -n 1)
run=0
for pager in nonexistent "LESS=x nonexistent" false; do
  run=$((run + 1))
  run_in_pane "PAGER='$pager' $WORKBOOK read 1 2>'$WORK/note'; echo status$run=\$?"
  until_true 10 history_has_status
  history=$(tm capture-pane -p -t read -S -2000)
  note=$(tail -n 1 "$WORK/note")
  case $pager in
    false) expected="workbook: pager \"$pager\" exited with status 1; printing the lesson" ;;
    *) expected="workbook: pager \"$pager\" could not start; printing the lesson" ;;
  esac
  lines=$(wc -l <"$WORK/note")
  if echo "$history" | grep -q "^status$run=0\$" && [ "$note" = "$expected" ] &&
    { [ "$pager" != nonexistent ] || [ "$lines" = 1 ]; } &&
    echo "$history" | grep -qF "$TITLE" && echo "$history" | grep -qxF "$last_heading"; then
    ok "PAGER=\"$pager\": the whole lesson is printed, status 0, stderr ends: $note"
  else
    not_ok "PAGER=\"$pager\" prints the lesson" "stderr: '$(cat "$WORK/note")'; $(echo "$history" | tail -n 2)"
  fi
done

# 4. A dumb terminal: no escape sequence, no box drawing, through a pipe and in the pane.
TERM=dumb "$WORKBOOK" read 1 >"$WORK/dumb"
if [ -s "$WORK/dumb" ] && ! grep -q "$ESC" "$WORK/dumb" && ! LC_ALL=C grep -q "$BOX" "$WORK/dumb"; then
  ok "TERM=dumb read 1 | cat: no ESC byte, no box-drawing character ($(wc -l <"$WORK/dumb") lines)"
else
  not_ok "TERM=dumb has no escapes or boxes" "$(grep -c "$ESC" "$WORK/dumb") lines with ESC"
fi
run_in_pane "TERM=dumb $WORKBOOK read 1 >/dev/null; echo dumb-status=\$?"
if until_true 10 screen_has "dumb-status=0"; then
  ok "TERM=dumb on a terminal prints without a pager and exits 0"
else
  not_ok "TERM=dumb on a terminal" "$(screen | grep -v '^ *$' | tail -n 2)"
  tm send-keys -t read q
fi

# 5. Usage errors and --list-sections.
"$WORKBOOK" read 1 --section "no such heading" >"$WORK/out" 2>"$WORK/err"
status=$?
if [ "$status" = 64 ] && [ "$(wc -l <"$WORK/err")" = 1 ] && [ ! -s "$WORK/out" ]; then
  ok "--section \"no such heading\" exits 64 with one line: $(cat "$WORK/err")"
else
  not_ok "--section of an unknown heading" "status $status: $(cat "$WORK/err")"
fi
grep '^## ' "$LESSON" | sed 's/^## //' | awk '{print NR ". " $0}' >"$WORK/headings"
if "$WORKBOOK" read 1 --list-sections >"$WORK/list" && [ -s "$WORK/headings" ] &&
  cmp -s "$WORK/list" "$WORK/headings"; then
  ok "--list-sections prints the lesson's $(wc -l <"$WORK/headings") headings, numbered"
else
  not_ok "--list-sections" "$(diff "$WORK/headings" "$WORK/list" | head -n 4)"
fi
heading=$(sed -n '3p' "$WORK/headings" | sed 's/^[0-9]*\. //')
if "$WORKBOOK" read Lessons/NumberFormats.md --section "“$heading”" >"$WORK/section" &&
  [ "$(head -n 1 "$WORK/section")" = "## $heading" ]; then
  ok "--section accepts a heading as grader messages quote it: “$heading”"
else
  not_ok "--section with a grader's quotes" "$(head -n 1 "$WORK/section")"
fi

# 6. The dashboard and the lessons' exercise boxes fit 60, 100 and 160 columns, and no
# exercise name is cut.
lessons=$(sed -n 's/^[0-9]*\. \[.*\](\(.*\.md\)).*/\1/p' "$ROOT/Lessons/Course.md")
names=$(cd "$ROOT/Lessons" && sed -n 's/^```exercise \([A-Za-z0-9]*\).*/\1/p' $lessons)
for columns in 60 100 160; do
  COLUMNS=$columns "$WORKBOOK" >"$WORK/dashboard"
  widest=$(LC_ALL=C.UTF-8 wc -L <"$WORK/dashboard")
  cut_names=""
  for name in $names; do grep -qw "$name" "$WORK/dashboard" || cut_names="$cut_names $name"; done
  if [ "$(wc -l <"$WORK/dashboard")" -gt 10 ] && [ "$widest" -le "$columns" ] && [ -z "$cut_names" ]; then
    ok "dashboard at COLUMNS=$columns: widest line $widest, every exercise name whole"
  else
    not_ok "dashboard at COLUMNS=$columns" "widest line $widest; names cut:$cut_names"
  fi
  : >"$WORK/boxes"
  for lesson in $lessons; do
    COLUMNS=$columns "$WORKBOOK" read "$lesson" | sed -n '/^┌─ Exercise/,/^└/p' >>"$WORK/boxes"
  done
  widest=$(LC_ALL=C.UTF-8 wc -L <"$WORK/boxes")
  boxes=$(grep -c '^┌─ Exercise' "$WORK/boxes")
  if [ "$boxes" = "$(echo "$names" | wc -w)" ] && [ "$widest" -le "$columns" ]; then
    ok "the $boxes exercise boxes at COLUMNS=$columns: widest line $widest"
  else
    not_ok "exercise boxes at COLUMNS=$columns" "$boxes boxes, widest line $widest"
  fi
done
