#!/usr/bin/env bash
# A scale-out cluster on loopback, for trying and measuring `sitrep worker` (issue 11): nats-server with JetStream in a
# temporary folder, the store (a SQLite file in that folder, a throwaway PostgreSQL cluster from .ci/postgres with
# --postgres, or --store LOCATION), and N workers with their metrics on http://127.0.0.1:9101/metrics, 9102, …
# Everything is stopped and deleted at exit.
#
#   scripts/cluster-local.sh [-n WORKERS] [--postgres | --store LOCATION] [--metrics-base PORT] [-- COMMAND …]
#
# Without a command it runs until Ctrl-C; publish from another shell with the printed `ingest --to` line.
# With a command, it runs the command first (SITREP_NATS and SITREP_STORE exported to it), then starts the workers
# with --idle-exit, waits for them to drain the queue, and prints each worker's summary and the cluster's throughput:
#   scripts/cluster-local.sh -n 2 --postgres -- bash -c './sitrep ingest samples/ --to "$SITREP_NATS"'
set -euo pipefail
cd "$(dirname "$0")/.."

workers=2
store=""
postgres=0
metrics_base=9101
command=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) workers="$2"; shift 2 ;;
    --postgres) postgres=1; shift ;;
    --store) store="$2"; shift 2 ;;
    --metrics-base) metrics_base="$2"; shift 2 ;;
    --) shift; command=("$@"); break ;;
    *) echo "usage: $0 [-n WORKERS] [--postgres | --store LOCATION] [--metrics-base PORT] [-- COMMAND …]" >&2; exit 2 ;;
  esac
done

nats_bin=$(command -v nats-server || echo /usr/sbin/nats-server)
[ -x "$nats_bin" ] || { echo "cluster: nats-server is missing: apt-get install nats-server" >&2; exit 1; }

dir=$(mktemp -d /tmp/sitrep-cluster.XXXXXX)
worker_pids=()
nats_pid=""
cleanup() {
  for pid in "${worker_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${worker_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$nats_pid" ] && { kill -TERM "$nats_pid" 2>/dev/null || true; wait "$nats_pid" 2>/dev/null || true; }
  if declare -F sitrep_pg_stop >/dev/null; then sitrep_pg_stop; fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The command line, built once in Release; the workers then run the dll directly.
./sitrep --help >/dev/null
dll="$PWD/src/Sitrep.Cli/bin/Release/net10.0/Sitrep.Cli.dll"

nats_port=4222
while (exec 3<>"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null; do nats_port=$((nats_port + 1)); done
"$nats_bin" -js -a 127.0.0.1 -p "$nats_port" -sd "$dir/jetstream" >"$dir/nats.log" 2>&1 &
nats_pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null && break; sleep 0.1; done
export SITREP_NATS="nats://127.0.0.1:$nats_port"
echo "cluster: nats-server $("$nats_bin" --version | awk '{print $2}') with JetStream on $SITREP_NATS ($dir/jetstream)"

if [ "$postgres" = 1 ]; then
  . .ci/postgres
  trap cleanup EXIT  # .ci/postgres set its own trap; cleanup calls its sitrep_pg_stop
  store="$SITREP_TEST_POSTGRES_URI"
fi
export SITREP_STORE="${store:-$dir/cluster.db}"
echo "cluster: store ${SITREP_STORE%%:*}:…${SITREP_STORE##*@}"
# Migrate once before the workers start, so N workers do not race to create the schema.
dotnet "$dll" db migrate --store "$SITREP_STORE" >/dev/null

idle=()
if [ ${#command[@]} -gt 0 ]; then
  started=$(date +%s%3N)
  "${command[@]}"
  echo "cluster: command done in $(( $(date +%s%3N) - started )) ms"
  idle=(--idle-exit 5)
fi

for i in $(seq "$workers"); do
  dotnet "$dll" worker --nats "$SITREP_NATS" --store "$SITREP_STORE" --metrics-port $((metrics_base + i - 1)) "${idle[@]}" \
    >"$dir/worker-$i.log" 2>&1 &
  worker_pids+=($!)
done
echo "cluster: $workers workers, metrics on http://127.0.0.1:$metrics_base/metrics … :$((metrics_base + workers - 1))"

if [ ${#command[@]} -eq 0 ]; then
  echo "cluster: publish with: ./sitrep ingest FILES --to $SITREP_NATS ; Ctrl-C stops everything"
  wait "${worker_pids[@]}"
  exit 0
fi

status=0
for pid in "${worker_pids[@]}"; do wait "$pid" || status=1; done
worker_pids=()
for i in $(seq "$workers"); do grep 'processed=' "$dir/worker-$i.log" | sed "s/^/worker $i: /" || { echo "worker $i:"; cat "$dir/worker-$i.log"; status=1; }; done
# Cluster throughput: articles acknowledged between the first article received and the last acknowledged, any worker.
cat "$dir"/worker-*.log | grep -o 'processed=.*' | tr ' ' '\n' | awk -F= '
  $1 == "processed" { n += $2 } $1 == "busy_s" { busy += $2 } $1 == "cpu_s" { cpu += $2 }
  $1 == "first_ms" && $2 > 0 && (first == 0 || $2 < first) { first = $2 } $1 == "last_ms" && $2 > last { last = $2 }
  END { s = (last - first) / 1000; printf "cluster: %d articles in %.2f s = %.1f articles/s; per article: %.2f ms of worker wall time, %.2f ms of worker CPU\n", n, s, (s > 0 ? n / s : 0), (n > 0 ? busy * 1000 / n : 0), (n > 0 ? cpu * 1000 / n : 0) }'
# What the store holds after the run, for sizing (docs/BENCHMARKS.md).
if [ "$postgres" = 1 ]; then
  "$SITREP_PG_BIN/psql" "$SITREP_STORE" -qAt -c "SELECT 'cluster: PostgreSQL database ' || pg_size_pretty(pg_database_size(current_database())) || ' for ' || (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM events) || ' events'" || true
elif [ -f "$SITREP_STORE" ]; then
  echo "cluster: SQLite file $(du -b "$SITREP_STORE" | cut -f1) bytes (WAL not checkpointed: $(du -b "$SITREP_STORE-wal" 2>/dev/null | cut -f1) bytes)"
fi
exit $status
