# `workbook quiz` the way a learner meets it: typed into a terminal (tmux), with numbers written
# as people write them (`65,504`, `112 gigabytes`, `2100 GB` for a question in TB), an ambiguous
# `0,5` that is asked back instead of judged, and q to stop.
. "$(dirname "$0")/lib.sh"

tmux_session quiz

SCROLLBACK=200 # screen, wait_for and expect (lib.sh) also read the history

CARDS=$(NO_COLOR=1 "$WORKBOOK" quiz --non-interactive)
# card_id ANSWER: the id of the card whose answer line is `Answer: ANSWER`.
card_id() {
  printf '%s\n' "$CARDS" | awk -v answer="Answer: $1" '
    /^Card / { id = $5; sub(/,$/, "", id) }
    $0 == answer { print id; exit }'
}
# first IDS...: a progress file that puts these cards in box 1 and every other in box 2, so the
# quiz asks them first, in course order.
first() {
  boxes=$(printf '%s\n' "$CARDS" | awk '/^Card / { id = $5; sub(/,$/, "", id); print id }' |
    while read -r id; do
      box=2
      for wanted in "$@"; do [ "$id" = "$wanted" ] && box=1; done
      printf '"%s": %s, ' "$id" "$box"
    done)
  printf '{"exercises": {}, "hintsShown": {}, "quizBoxes": {%s"none": 2}}\n' "$boxes" \
    >"$STATE/progress.json"
}

FP16=$(card_id 65504)
ADAM=$(card_id "112 GB")
MOMENTS=$(card_id "2.1 TB")
if [ -z "$FP16" ] || [ -z "$ADAM" ] || [ -z "$MOMENTS" ]; then
  not_ok "the deck has the numeric cards this test answers" \
    "fp16 max: '$FP16', Adam 7B: '$ADAM', moments: '$MOMENTS'"
  exit 0
fi

tmux new-session -d -s "$SESSION" -x 100 -y 40 sh
tmux send-keys -t "$SESSION" "export NO_COLOR=1 WORKBOOK_STATE='$STATE'; cd '$ROOT'" Enter

first "$FP16"
tmux send-keys -t "$SESSION" "clear; '$WORKBOOK' quiz" Enter
expect "the card missed last is asked first" "$FP16, box 1" 20
expect "a numeric card asks for a number" "Your answer (Enter to give up, q quits):" 5
tmux send-keys -t "$SESSION" "0,5" Enter
expect "an ambiguous 0,5 is asked back" "“0,5”: did you mean 0.5 or 5?" 5
if screen | grep -qE "✓ Right|✗ Not quite"; then
  not_ok "an ambiguous answer gets no verdict" "a verdict was given"
else
  ok "an ambiguous answer gets no verdict"
fi
tmux send-keys -t "$SESSION" "65,504" Enter
expect "65,504 is read as 65504" "✓ Right (within 0 of 65504)." 5
expect "the next card is shown" "Card 2 of" 5
tmux send-keys -t "$SESSION" q Enter
expect "q ends the quiz with a summary" "1 of 1 known." 5
tmux send-keys -t "$SESSION" "echo prompt-is-back" Enter
expect "the shell prompt is back after q" "prompt-is-back" 5
if grep -q "\"$FP16\" : 2" "$STATE/progress.json"; then
  ok "the known card moved up to box 2"
else
  not_ok "the known card moved up to box 2" "$(cat "$STATE/progress.json")"
fi

first "$ADAM" "$MOMENTS"
tmux send-keys -t "$SESSION" "clear; '$WORKBOOK' quiz" Enter
expect "the Adam card is asked" "$ADAM, box 1" 20
tmux send-keys -t "$SESSION" "112 gigabytes" Enter
expect "112 gigabytes is right for 112 GB" "✓ Right (within 1 GB of 112 GB, 112 gigabytes is 112 GB)." 5
expect "the moments card is asked" "$MOMENTS, box 1" 5
tmux send-keys -t "$SESSION" "2100GB" Enter
expect "2100GB is converted to the question's TB" "✓ Right (within 0.05 TB of 2.1 TB, 2100GB is 2.1 TB)." 5
tmux send-keys -t "$SESSION" "q" Enter
expect "q ends the second quiz" "2 of 2 known." 5
