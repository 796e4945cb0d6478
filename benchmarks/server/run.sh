#!/usr/bin/env bash
# Load test of `sitrep serve`: starts it on STORE (read only, loopback), waits for /health, runs wrk with events.lua,
# stops the server. Usage: benchmarks/server/run.sh STORE [DURATION] [CONNECTIONS]
# Seed a store first: dotnet run -c Release --project benchmarks/Sitrep.LoadTest -- seed --store /tmp/load100k.db --events 100000
set -euo pipefail
cd "$(dirname "$0")/../.."
store=${1:?usage: run.sh STORE [DURATION] [CONNECTIONS]}
duration=${2:-30s}
connections=${3:-8}
port=${PORT:-5280}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

./sitrep --help >/dev/null  # builds the command line in Release first, if it changed
./sitrep serve --store "$store" --urls "http://127.0.0.1:$port" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health"; echo
# One pass through every shape first, so the first measured requests do not pay for JIT compilation.
wrk -t1 -c1 -d5s -s benchmarks/server/events.lua "http://127.0.0.1:$port" >/dev/null
# The server's CPU time per request (user + system, from /proc) says what the queries cost even when other work
# shares the cores and stretches the latencies: 2 cores / CPU per request bounds the rate the server alone could serve.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu)
out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s benchmarks/server/events.lua "http://127.0.0.1:$port")
after=$(cpu)
echo "$out"
requests=$(echo "$out" | awk '/^requests/ {print $2}')
awk -v t="$(getconf CLK_TCK)" -v b="$before" -v a="$after" -v n="$requests" \
  'BEGIN { printf "server CPU: %.1f s, %.2f ms per request\n", (a - b) / t, (a - b) / t * 1000 / n }'
