#!/usr/bin/env bash
# Apache OpenNLP's name finder, side by side with Sitrep's: trained on the training sets Sitrep exports, run on
# its evaluation sets, scored by `sitrep eval ner --system`. See README.md in this folder.
# Usage (from anywhere): bench/peers/opennlp/run.sh [en] [fr]
# Environment: OPENNLP_BENCH_DIR (work folder, default /tmp/opennlp-bench), JAVA_HEAP (default 4g),
#              SITREP_NER_MODEL_EN / SITREP_NER_MODEL_FR (a Sitrep model to measure instead of the shipped one).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="${OPENNLP_BENCH_DIR:-/tmp/opennlp-bench}"
export JAVA_HEAP="${JAVA_HEAP:-4g}"   # /usr/bin/opennlp passes it on as -Xmx$JAVA_HEAP
export LC_ALL=C.UTF-8                 # the JVM's default charset: stdin and stdout of TokenNameFinder are UTF-8
langs=("$@"); [ ${#langs[@]} -gt 0 ] || langs=(en fr)

if ! command -v opennlp >/dev/null 2>&1; then
  echo "opennlp is not installed: apt-get update && apt-get install -y opennlp" >&2
  exit 1
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed for the format converters" >&2; exit 1; }

mkdir -p "$work"
summary="$work/summary.txt"
version="$(dpkg-query -W -f '${Version}' opennlp 2>/dev/null || echo unknown)"
{ echo "OpenNLP (Debian package opennlp $version), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "params: $(grep -v '^#' "$here/params.txt" | tr '\n' ' ')"; } > "$summary"

# timed TIMES IN OUT ERR COMMAND...: runs COMMAND with stdin IN, stdout OUT and stderr ERR, and appends
# "wall user sys" (seconds, JVM start-up included) to TIMES.
timed() {
  local times="$1" in="$2" out="$3" err="$4"; shift 4
  local TIMEFORMAT='%R %U %S'
  { time "$@" < "$in" > "$out" 2> "$err" ; } 2>> "$times"
}

cd "$root"
for lang in "${langs[@]}"; do
  data="$work/data-$lang"
  rm -rf "$data"; mkdir -p "$data"
  ./sitrep eval ner --lang "$lang" --export "$data" > /dev/null

  # Training: every training file of the language, in the order exported, in one name-sample file.
  python3 "$here/convert.py" train "$work/$lang.train.txt" "$data/$lang".train.*.tsv
  : > "$work/$lang.train.time"
  timed "$work/$lang.train.time" /dev/null "$work/$lang.train.log" "$work/$lang.train.err" \
    opennlp TokenNameFinderTrainer -lang "$lang" -params "$here/params.txt" \
    -data "$work/$lang.train.txt" -encoding UTF-8 -model "$work/$lang.bin" \
    || { tail -20 "$work/$lang.train.log" "$work/$lang.train.err" >&2; exit 1; }
  read -r wall user sys < "$work/$lang.train.time"
  echo "$lang training: $(wc -l < "$work/$lang.train.txt") sentences, ${wall}s wall, ${user}s user, ${sys}s sys" >> "$summary"

  # Tagging and scoring, one evaluation set at a time.
  for eval in "$data/$lang".eval.*.tsv; do
    set_name="$(basename "$eval" .tsv)"; set_name="${set_name#"$lang".eval.}"
    base="$work/$lang.$set_name"
    python3 "$here/convert.py" sentences "$base.in.txt" "$eval"
    : > "$base.time"
    timed "$base.time" "$base.in.txt" "$base.out.txt" "$base.tag.log" opennlp TokenNameFinder "$work/$lang.bin"
    python3 "$here/convert.py" merge "$base.system.tsv" "$eval" "$base.out.txt"
    read -r wall user sys < "$base.time"
    { echo; echo "== OpenNLP, $lang, $set_name"; ./sitrep eval ner --lang "$lang" --system "$base.system.tsv"
      echo "  TokenNameFinder: ${wall}s wall (${user}s user, ${sys}s sys) for the whole process, tagging loop $(sed -n 's/^Runtime: //p' "$base.tag.log")"
    } | tee -a "$summary"
  done

  # Sitrep on the same sets, for the table.
  model_var="SITREP_NER_MODEL_${lang^^}"
  model_args=(); [ -n "${!model_var:-}" ] && model_args=(--model "${!model_var}")
  { echo; echo "== Sitrep, $lang"; ./sitrep eval ner --lang "$lang" "${model_args[@]}" || echo "(no Sitrep model: set $model_var)"; } | tee -a "$summary"
done

# Speed on the English evaluation set: once (JVM start-up and model loading weigh on it) and concatenated
# ten times (they are amortised; the difference of the two runs removes them).
if [[ " ${langs[*]} " == *" en "* ]]; then
  one="$work/en.conll2003-en_eng.testa.in.txt"
  ten="$work/en.speed.x10.in.txt"
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$one"; done > "$ten"
  tokens=$(awk '{ n += NF } END { print n }' "$one")
  : > "$work/en.speed.time"
  timed "$work/en.speed.time" "$one" /dev/null "$work/en.speed.x1.log" opennlp TokenNameFinder "$work/en.bin"
  timed "$work/en.speed.time" "$ten" /dev/null "$work/en.speed.x10.log" opennlp TokenNameFinder "$work/en.bin"
  runtime1=$(sed -n 's/^Runtime: \([0-9.]*\)s.*/\1/p' "$work/en.speed.x1.log")
  runtime10=$(sed -n 's/^Runtime: \([0-9.]*\)s.*/\1/p' "$work/en.speed.x10.log")
  { read -r w1 u1 s1; read -r w10 u10 s10; } < "$work/en.speed.time"
  python3 - "$tokens" "$w1" "$u1" "$s1" "$runtime1" "$w10" "$u10" "$s10" "$runtime10" <<'PY' | tee -a "$summary"
import sys
n, w1, u1, s1, r1, w10, u10, s10, r10 = (float(x) for x in sys.argv[1:])
print()
print(f"== OpenNLP TokenNameFinder speed, English eval set ({int(n):,} tokens), load average {open('/proc/loadavg').read().split()[0]}")
print(f"1x : whole process {w1:.2f}s wall = {n / w1:,.0f} tokens/s (JVM start-up and model loading included); "
      f"tagging loop only (OpenNLP's Runtime) {r1:.2f}s = {n / r1:,.0f} tokens/s; CPU {u1 + s1:.2f}s = {n / (u1 + s1):,.0f} tokens/CPU-s")
print(f"10x: whole process {w10:.2f}s wall = {10 * n / w10:,.0f} tokens/s; tagging loop only {r10:.2f}s = {10 * n / r10:,.0f} tokens/s; "
      f"CPU {u10 + s10:.2f}s = {10 * n / (u10 + s10):,.0f} tokens/CPU-s")
if w10 > w1:
    print(f"10x minus 1x (start-up removed): {(w10 - w1):.2f}s wall for {int(9 * n):,} tokens = {9 * n / (w10 - w1):,.0f} tokens/s")
PY

  # Sitrep's own figure is measured in-process around the tagging loop (no start-up, no model loading);
  # on the set concatenated ten times its JIT warm-up is amortised as well.
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$work/data-en/en.eval.conll2003-en_eng.testa.tsv"; done > "$work/en.speed.x10.tsv"
  model_args=(); [ -n "${SITREP_NER_MODEL_EN:-}" ] && model_args=(--model "$SITREP_NER_MODEL_EN")
  { echo; echo "== Sitrep speed, English eval set 1x and 10x"
    ./sitrep eval ner --lang en "${model_args[@]}" --data "$work/data-en/en.eval.conll2003-en_eng.testa.tsv" --data "$work/en.speed.x10.tsv" \
      | grep tokens/s || echo "(no Sitrep model: set SITREP_NER_MODEL_EN)"; } | tee -a "$summary"
fi
echo; echo "summary: $summary"
