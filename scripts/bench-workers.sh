#!/usr/bin/env bash
# Scale-out throughput (issue 11, docs/BENCHMARKS.md): ARTICLES distinct articles of about 3,000 characters (sentences
# of the French UD test files in ../shared/corpora, else the bundled French sample with a number changed) are queued on
# a fresh local cluster, then drained by 1, 2 and 4 workers (scripts/cluster-local.sh) into SQLite or PostgreSQL.
#
#   scripts/bench-workers.sh [ARTICLES] [--postgres]      e.g. scripts/bench-workers.sh 2000 --postgres
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
shift || true
work=$(mktemp -d /tmp/sitrep-bench-workers.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$articles" "$work/articles.jsonl" <<'PY'
import glob, json, sys
count, out = int(sys.argv[1]), sys.argv[2]
sentences = []
for path in sorted(glob.glob("../shared/corpora/ud/fr_*-ud-test.conllu")):
    with open(path, encoding="utf-8") as f:
        sentences += [line[9:].strip() for line in f if line.startswith("# text = ")]
if not sentences:
    with open("samples/fr-depeche-evacuation.txt", encoding="utf-8") as f:
        sentences = [f.read().strip()]
with open(out, "w", encoding="utf-8") as f:
    cursor = 0
    for i in range(count):
        text, start = [], cursor
        while sum(len(s) + 1 for s in text) < 3000:
            text.append(sentences[cursor % len(sentences)])
            cursor += 1
        if cursor - start <= 1:
            text = [f"Dépêche numéro {i}."] + text
        f.write(json.dumps({"id": f"bench-{i}", "lang": "fr", "published": "2024-03-01", "text": " ".join(text)}, ensure_ascii=False) + "\n")
PY
echo "bench: $articles articles, $(( $(wc -c < "$work/articles.jsonl") / articles )) bytes each on average, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

for n in 1 2 4; do
  echo "== $n worker(s)"
  scripts/cluster-local.sh -n "$n" "$@" -- bash -c "./sitrep ingest '$work/articles.jsonl' --to \"\$SITREP_NATS\""
done
