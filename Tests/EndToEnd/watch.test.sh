# `workbook watch` the way a learner meets it: in a terminal (tmux, so it has a real pty with
# job control), on a copy of the workbook, with saves that break compilation, fix it and pass,
# the list, a check cancelled with q while it builds, a resize, Ctrl-C, and the shell's screen
# and terminal settings given back every time.
. "$(dirname "$0")/lib.sh"

tmux_session watch
COPY=$(workbook_copy)

# eventually COMMAND...: true once COMMAND succeeds, trying for 3 s.
eventually() {
  tries=0
  until "$@"; do
    tries=$((tries + 1))
    [ "$tries" -ge 30 ] && return 1
    sleep 0.1
  done
}
main_screen() { test "$(alternate)" = 0; }
alternate() { tmux display -p -t "$SESSION" '#{alternate_on}'; }
tty_settings() { stty -a -F "$(tmux display -p -t "$SESSION" '#{pane_tty}')"; }
# has_setting WORD: the pane's terminal has this stty flag (`icanon`, or `-icanon` for off).
has_setting() { tty_settings | tr ' ' '\n' | grep -qx -- "$1"; }
# The shell's settings: line editing, echo and signal keys on.
cooked() { has_setting icanon && has_setting echo && has_setting isig; }
# The watch process: the pane's shell's child.
watch_pid() { pgrep -P "$(tmux display -p -t "$SESSION" '#{pane_pid}')" | head -n 1; }
# descendants PID: every process below PID.
descendants() {
  ps -eo pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (q in parent && q != root) q = parent[q]; if (q == root && p != root) print p } }'
}
# Processes working in the copy: the builds, compilers and graders of its checks.
copy_processes() { ps -eo pid=,stat=,args= | grep -F "$COPY" | grep -v grep; }

# The exercise after IntegerDecoding in course order, and its file.
NEXT=$(cd "$COPY" && WORKBOOK_STATE="$STATE" NO_COLOR=1 "$WORKBOOK" list |
  awk '$1 == "current" || $1 == "pending" { print $2 }' | sed -n 2p)
NEXT_FILE=$(cd "$COPY" && ls Exercises/*/"$NEXT".swift)

tmux new-session -d -s "$SESSION" -x 100 -y 40 sh
tmux send-keys -t "$SESSION" "cd '$COPY' && export NO_COLOR=1 WORKBOOK_STATE='$STATE' && clear && echo shell-screen-before-watch" Enter
wait_for shell-screen-before-watch 5
tmux send-keys -t "$SESSION" "'$WORKBOOK' watch" Enter
expect "watch shows the current exercise" "Watching IntegerDecoding" 20
check "watch starts on the alternate screen" test "$(alternate)" = 1
if has_setting -icanon && has_setting -echo && has_setting -isig; then
  ok "the terminal is raw while watching"
else
  not_ok "the terminal is raw while watching" "$(tty_settings | head -n 5)"
fi
if screen | grep -qF shell-screen-before-watch; then
  not_ok "the shell's screen is hidden while watching" "its text is still visible"
else
  ok "the shell's screen is hidden while watching"
fi
expect "the keys are on the bottom line" "keys: h hint" 5
screen | tail -n 1 | grep -qF "keys: h hint" && ok "the keys line is the last row" ||
  not_ok "the keys line is the last row" "last row: $(screen | tail -n 1)"

# A save that breaks compilation, the way an editor saves: a temporary file renamed over.
EXERCISE="$COPY/Exercises/NumberFormats/IntegerDecoding.swift"
{ cat "$EXERCISE"; echo 'let broken: Int = "not a number"'; } >"$COPY/Exercises/NumberFormats/.tmp"
mv "$COPY/Exercises/NumberFormats/.tmp" "$EXERCISE"
expect "a broken save shows that it does not compile" "does not compile" 120
expect "the compiler error names the file and line" "IntegerDecoding.swift:" 5

solve "$COPY" IntegerDecoding
expect "the fixing save shows the verdict" "✓ IntegerDecoding" 120
expect "a pass moves on to the next exercise" "Watching $NEXT" 5

tmux send-keys -t "$SESSION" l
expect "l shows the list" "▸ marks the one watched" 5
expect "the list marks the watched exercise" "▸ current  $NEXT" 5
expect "the list shows what is done" "done     IntegerDecoding" 5
tmux send-keys -t "$SESSION" Space
expect "any key returns from the list" "Edit $NEXT_FILE" 5

# A narrower window: the header is laid out again at the new width.
tmux resize-window -t "$SESSION" -x 60 -y 40
sleep 0.5
widest=$(screen | LC_ALL=C.UTF-8 wc -L)
if [ "$widest" -le 60 ] && wait_for "Watching $NEXT" 3; then
  ok "a resize redraws at the new width"
else
  not_ok "a resize redraws at the new width" "widest line $widest columns"
  screen | sed 's/^/    | /'
fi
tmux resize-window -t "$SESSION" -x 100 -y 40

# A check started by a save, cancelled with q while it runs: the save makes every method loop
# for ever, so the check builds (compilers) and then grades in a process that never ends.
sed 's/throw Unimplemented(/while true {}; throw Unimplemented(/' "$COPY/$NEXT_FILE" \
  >"$COPY/$NEXT_FILE.tmp"
mv "$COPY/$NEXT_FILE.tmp" "$COPY/$NEXT_FILE"
expect "a save starts a check with a spinner" "Checking $NEXT…" 10
WATCH=$(watch_pid)
# q is pressed once the build has started compilers (in process groups of their own) or, if
# the build was too quick to see, once the grader runs.
busy() {
  # (`swift` itself is swift-frontend under another name until it becomes swift-build.)
  for pid in $(descendants "$WATCH"); do ps -o args= -p "$pid"; done |
    grep -qE -- "-frontend -c|Check $NEXT"
}
deadline=$(($(date +%s) + 60))
until busy || [ "$(date +%s)" -gt "$deadline" ]; do sleep 0.05; done
CHILDREN=$(descendants "$WATCH" | tr '\n' ' ')
building=$(for pid in $CHILDREN; do ps -o comm= -p "$pid"; done | sort -u | tr '\n' ' ' |
  sed 's/ $//')
if [ -n "$CHILDREN" ]; then
  ok "the check runs in child processes ($building)"
else
  not_ok "the check runs in child processes" "none seen below pid $WATCH"
  screen | grep -v '^$' | sed 's/^/    | /'
  ps -eo pid,ppid,stat,etimes,comm | grep -E "swift|workbook|Check" | sed 's/^/    ps: /' 
fi
start=$(date +%s%N)
tmux send-keys -t "$SESSION" q
while [ "$(alternate)" = 1 ] && [ $(($(date +%s%N) - start)) -lt 5000000000 ]; do sleep 0.02; done
wait_for "Stopped watching." 5
while kill -0 "$WATCH" 2>/dev/null && [ $(($(date +%s%N) - start)) -lt 5000000000 ]; do
  sleep 0.02
done
elapsed=$((($(date +%s%N) - start) / 1000000))
if [ "$elapsed" -lt 2000 ] && ! kill -0 "$WATCH" 2>/dev/null; then
  ok "q during a check quits within 2 s ($elapsed ms)"
else
  not_ok "q during a check quits within 2 s" "$elapsed ms, watch pid $WATCH still there: $(kill -0 "$WATCH" 2>&1 && echo yes)"
fi
left=""
for pid in $CHILDREN; do
  if kill -0 "$pid" 2>/dev/null; then left="$left $(ps -o pid=,stat=,comm= -p "$pid")"; fi
done
if [ -z "$CHILDREN" ]; then
  not_ok "no process of the check is left" "no process of the check was seen to begin with"
elif [ -z "$left" ] && [ -z "$(copy_processes)" ]; then
  ok "no process of the check is left (was: $building)"
else
  not_ok "no process of the check is left" "left:$left $(copy_processes)"
fi
check "the main screen is back after q" main_screen
expect "the shell's screen is restored" shell-screen-before-watch 3
check "the terminal settings are restored after q" eventually cooked
tmux send-keys -t "$SESSION" "echo prompt-is-back" Enter
expect "the shell prompt answers after q" "prompt-is-back" 5

# Ctrl-C while idle: a key in raw mode, it quits like q.
tmux send-keys -t "$SESSION" "clear; echo before-ctrl-c; '$WORKBOOK' watch" Enter
expect "watch starts again at the current exercise" "Watching $NEXT" 20
tmux send-keys -t "$SESSION" C-c
check "Ctrl-C quits to the main screen" eventually main_screen
expect "Ctrl-C says it stopped" "Stopped watching." 5
check "the terminal settings are restored after Ctrl-C" eventually cooked
expect "the shell's screen is restored after Ctrl-C" before-ctrl-c 3
