#!/usr/bin/env bash
# Checks that a build lists the same events as an older one: for each query shape, the (article, event) pairs that
# `sitrep events` prints (up to 200, as JSON Lines) with the old build on the old store and with this build on the
# migrated store, every report on its own (--unmerged true, so a store that merges events compares too).
# Usage: benchmarks/server/compare.sh OLD_CLI_DLL OLD_STORE NEW_STORE
# e.g. git worktree add /tmp/sitrep-base 386e9c6 && (cd /tmp/sitrep-base && dotnet build -c Release src/Sitrep.Cli)
#      benchmarks/server/compare.sh /tmp/sitrep-base/src/Sitrep.Cli/bin/Release/net10.0/Sitrep.Cli.dll /tmp/load100k-s3.db /tmp/load100k.db
set -uo pipefail
cd "$(dirname "$0")/../.."
old_dll=${1:?usage: compare.sh OLD_CLI_DLL OLD_STORE NEW_STORE}; old_store=${2:?}; new_store=${3:?}
./sitrep --help >/dev/null
ids() { python3 -c 'import sys, json; [print(json.loads(l)["article_id"], json.loads(l)["event_id"]) for l in sys.stdin if l.strip()]'; }
failed=0
while IFS= read -r shape; do
  # shellcheck disable=SC2086
  old=$(dotnet "$old_dll" events --store "$old_store" $shape --limit 200 --format jsonl | ids)
  # shellcheck disable=SC2086
  new=$(./sitrep events --store "$new_store" $shape --limit 200 --unmerged true --format jsonl | ids)
  if [ "$old" = "$new" ]; then echo "same ($(echo "$new" | grep -c .) events): $shape"; else echo "DIFFERENT: $shape"; failed=1; fi
done <<'SHAPES'
--country UA --type ASSAULT --since 2022-06-01 --until 2022-06-30
--country RUS --since 2023-02-10 --until 2023-03-11
--near 50.45,30.52 --radius 100 --since 2022-09-01 --until 2022-09-30
--place Gaza --since 2022-03-01 --until 2022-03-30
--type PROTEST --sort -date --since 2023-05-01 --until 2023-05-30
--country FR --type PROTEST --since 2022-11-11 --until 2022-12-10
--text Kharkiv --type ASSAULT --since 2022-01-20 --until 2022-02-18
--country SD --modality reported --since 2023-07-01 --until 2023-07-30
--type ASSAULT --sort dead --since 2022-04-01 --until 2022-04-30
--type PROTEST --sort -date
SHAPES
exit $failed
