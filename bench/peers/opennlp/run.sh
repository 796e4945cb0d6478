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

# Speed on the English evaluation set, in rounds that alternate the two systems so that both see the same
# load from whatever else runs on the machine; the report gives the median and the best round.
# OpenNLP runs on the set once (JVM start-up and model loading weigh on the whole-process time) and on the
# set concatenated ten times (they are amortised; the difference of the two runs removes them). Its own
# "Runtime" covers the tagging loop only. Sitrep's own figure is measured in-process around the tagging
# loop (no start-up, no model loading), on the set once and ten times (JIT warm-up amortised). For both,
# the CPU time of the whole process is taken as well: it is what a loaded machine disturbs least.
if [[ " ${langs[*]} " == *" en "* ]]; then
  one="$work/en.conll2003-en_eng.testa.in.txt"
  ten="$work/en.speed.x10.in.txt"
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$one"; done > "$ten"
  gold="$work/data-en/en.eval.conll2003-en_eng.testa.tsv"
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$gold"; done > "$work/en.speed.x10.tsv"
  tokens=$(awk '{ n += NF } END { print n }' "$one")
  model_args=(); [ -n "${SITREP_NER_MODEL_EN:-}" ] && model_args=(--model "$SITREP_NER_MODEL_EN")
  speed="$work/en.speed.tsv"
  : > "$speed"
  for round in $(seq 1 "${SPEED_ROUNDS:-3}"); do
    for copies in 1 10; do
      input="$one"; [ "$copies" = 10 ] && input="$ten"
      : > "$work/en.speed.time"
      timed "$work/en.speed.time" "$input" /dev/null "$work/en.speed.log" opennlp TokenNameFinder "$work/en.bin"
      read -r wall user sys < "$work/en.speed.time"
      runtime=$(sed -n 's/^Runtime: \([0-9.]*\)s.*/\1/p' "$work/en.speed.log")
      printf 'opennlp\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$copies" "$((tokens * copies))" "$wall" "$user" "$sys" "$runtime" >> "$speed"
    done
    for copies in 1 10; do
      input="$gold"; [ "$copies" = 10 ] && input="$work/en.speed.x10.tsv"
      : > "$work/en.speed.time"
      if timed "$work/en.speed.time" /dev/null "$work/en.speed.sitrep.txt" "$work/en.speed.sitrep.err" \
          ./sitrep eval ner --lang en "${model_args[@]}" --data "$input"; then
        read -r wall user sys < "$work/en.speed.time"
        rate=$(grep -o '[0-9,]* tokens/s' "$work/en.speed.sitrep.txt" | tr -d ,)
        printf 'sitrep\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$copies" "$((tokens * copies))" "$wall" "$user" "$sys" \
          "$(awk -v n="$((tokens * copies))" -v r="${rate% tokens/s}" 'BEGIN { print n / r }')" >> "$speed"
      fi
    done
  done
  python3 - "$speed" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY' | tee -a "$summary"
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
def report(label, values):
    if values:
        print(f"  {label}: median {statistics.median(values):,.0f}, best {max(values):,.0f} tokens/s  ({', '.join(f'{v:,.0f}' for v in values)})")
print()
print(f"== Speed, English eval set, {len({r[1] for r in rows})} rounds, load average at the end {sys.argv[2]}")
for system, name, loop in (("opennlp", "OpenNLP TokenNameFinder", "OpenNLP's Runtime"), ("sitrep", "Sitrep (./sitrep eval ner)", "in-process stopwatch")):
    for copies in ("1", "10"):
        o = [r for r in rows if r[0] == system and r[2] == copies]
        if not o:
            continue
        n = float(o[0][3])
        print(f"{name}, set x{copies} ({n:,.0f} tokens)")
        report("whole process, start-up and model loading included", [n / float(r[4]) for r in o])
        report(f"tagging loop only ({loop})", [n / float(r[7]) for r in o])
        report("per CPU second (user + sys, whole process)", [n / (float(r[5]) + float(r[6])) for r in o])
    ones = {r[1]: r for r in rows if r[0] == system and r[2] == "1"}
    tens = {r[1]: r for r in rows if r[0] == system and r[2] == "10"}
    pairs = [(ones[k], tens[k]) for k in ones if k in tens]
    print(f"{name}, x10 minus x1 (start-up, model loading and warm-up removed)")
    report("wall", [(float(t[3]) - float(o[3])) / (float(t[4]) - float(o[4])) for o, t in pairs if float(t[4]) > float(o[4])])
    cpu = lambda r: float(r[5]) + float(r[6])
    report("CPU (user + sys)", [(float(t[3]) - float(o[3])) / (cpu(t) - cpu(o)) for o, t in pairs if cpu(t) > cpu(o)])
PY
fi
echo; echo "summary: $summary"
