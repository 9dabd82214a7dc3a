#!/bin/sh
# `workbook calc --config` on the real binary: each fixture's exact parameter count (written
# here from the published totals), --json that python3 accepts with the keys the issue names, a
# fits / does-not-fit answer with the largest batch, and every bad input as one line naming the
# file and field, with exit status 64.
. "$(dirname "$0")/lib.sh"

FIXTURES="$ROOT/Tests/Fixtures/ModelConfigs"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$WORKBOOK" ]; then
  not_ok setup "no binary at $WORKBOOK"
  exit 0
fi

# count NAME EXPECTED: the fixture's first line states EXPECTED parameters.
count() {
  line=$("$WORKBOOK" calc --config "$FIXTURES/$1/config.json" 2>&1 | head -n 1)
  case "$line" in
    *": $3, $2 parameters (exact, from the architecture)") ok "count $1" ;;
    *) not_ok "count $1" "expected $2 parameters ($3), got: $line" ;;
  esac
}
count gpt2 124,439,808 GPT2LMHeadModel
count llama-2-7b 6,738,415,616 LlamaForCausalLM
count mistral-7b-v0.1 7,241,732,096 MistralForCausalLM
count qwen2-0.5b 494,032,768 Qwen2ForCausalLM
count pythia-160m 162,322,944 GPTNeoXForCausalLM

# --json: valid JSON with the keys, and PEFT's LoRA count and Llama 2's 0.5 MiB per token.
"$WORKBOOK" calc --config "$FIXTURES/llama-2-7b/config.json" --lora-rank 8 \
  --lora-targets q_proj,v_proj --kv-cache --context 4096 --json >"$WORK/out.json" 2>"$WORK/err"
if python3 -m json.tool "$WORK/out.json" >/dev/null 2>&1; then
  ok "json is valid"
else
  not_ok "json is valid" "$(cat "$WORK/out.json" "$WORK/err")"
fi
if python3 - "$WORK/out.json" <<'PY'; then ok "json keys and values"; else not_ok "json keys and values" "$(cat "$WORK/out.json")"; fi
import json, sys
report = json.load(open(sys.argv[1]))
expected = {
    "parameters": 6738415616,
    "trainableParameters": 0,  # served with adapters: --kv-cache means no optimizer
    "kvCacheBytesPerToken": 2 * 32 * 32 * 128 * 2,
    "kvCacheBytes": 2 * 32 * 32 * 128 * 2 * 4096,
}
for key, value in expected.items():
    assert report.get(key) == value, (key, report.get(key), value)
for key in ["weights", "gradients", "master", "optimizer", "activations", "total"]:
    assert isinstance(report[key], int), key
PY
"$WORKBOOK" calc --config "$FIXTURES/llama-2-7b/config.json" --lora-rank 8 --json \
  >"$WORK/lora.json" 2>&1
if python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["trainableParameters"] == 4194304' \
  "$WORK/lora.json" 2>/dev/null; then
  ok "json LoRA trainable count is PEFT's"
else
  not_ok "json LoRA trainable count is PEFT's" "$(cat "$WORK/lora.json")"
fi

# Fits / does not fit: Mistral-7B in fp16 (14.48 GB) plus a 4 GiB KV cache.
out=$("$WORKBOOK" calc --config "$FIXTURES/mistral-7b-v0.1/config.json" --kv-cache --context 4096 \
  --batch 8 --gpu-memory 24GB 2>&1)
if echo "$out" | grep -q "fits in 24,000,000,000 bytes.*: yes," &&
  echo "$out" | grep -q "largest batch at 4,096 tokens: 17 sequences"; then
  ok "fits, with the largest batch"
else
  not_ok "fits, with the largest batch" "$out"
fi
out=$("$WORKBOOK" calc --config "$FIXTURES/llama-2-7b/config.json" --kv-cache --context 4096 \
  --gpu-memory 12GB 2>&1)
if echo "$out" | grep -q ": no, .* short"; then
  ok "does not fit, by how much"
else
  not_ok "does not fit, by how much" "$out"
fi

# bad NAME EXPECTED-LINE ARGUMENTS...: stderr is exactly one line, status 64, stdout empty.
bad() {
  name=$1
  expected=$2
  shift 2
  "$WORKBOOK" calc "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  status=$?
  if [ "$status" -eq 64 ] && [ "$(wc -l <"$WORK/stderr")" -eq 1 ] &&
    [ "$(cat "$WORK/stderr")" = "$expected" ] && [ ! -s "$WORK/stdout" ]; then
    ok "$name"
  else
    not_ok "$name" "status $status, stderr: $(cat "$WORK/stderr")"
  fi
}
printf '{"architectures": ["LlamaForCausalLM"],\n "hidden_size": 4096,,\n}\n' >"$WORK/broken.json"
printf '{"architectures": ["BertForMaskedLM"], "hidden_size": 768}\n' >"$WORK/bert.json"
sed '/"hidden_size"/d' "$FIXTURES/llama-2-7b/config.json" >"$WORK/nohidden.json"
sed 's/"num_hidden_layers": 32/"num_hidden_layers": 0/' "$FIXTURES/llama-2-7b/config.json" \
  >"$WORK/zero.json"
sed 's/"num_key_value_heads": 8/"num_key_value_heads": -8/' \
  "$FIXTURES/mistral-7b-v0.1/config.json" >"$WORK/negative.json"
bad "missing file" "workbook: $WORK/none.json: no such file" --config "$WORK/none.json"
bad "invalid JSON" \
  "workbook: $WORK/broken.json: not valid JSON: expected a key at line 2, column 22" \
  --config "$WORK/broken.json"
bad "unknown architecture" \
  "workbook: $WORK/bert.json: architectures: unknown architecture “BertForMaskedLM”; calc counts LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM, GPT2LMHeadModel, GPTNeoXForCausalLM" \
  --config "$WORK/bert.json"
bad "missing field" "workbook: $WORK/nohidden.json: hidden_size: missing" \
  --config "$WORK/nohidden.json"
bad "zero field" \
  "workbook: $WORK/zero.json: num_hidden_layers: must be a positive integer, not 0" \
  --config "$WORK/zero.json"
bad "negative field" \
  "workbook: $WORK/negative.json: num_key_value_heads: must be a positive integer, not -8" \
  --config "$WORK/negative.json"
bad "folder" "workbook: $WORK: is a folder, not a config.json" --config "$WORK"
