#!/usr/bin/env bash
# Which garbage-collector settings serve best: the published service on ru_1tv_news + kremlin_en (88,668 statements,
# loaded by the CLI), the 309 queries of bench/queries.jsonl with their filters and two snippets, wrk at 4 connections,
# under each setting given by the environment (the project's own runtime configuration is the baseline). One JSON line
# per run: requests, p50/p99 in µs, resident memory after the run.
#   bench/wrk/gc.sh [CORPUS_DIR] [SECONDS]
source "$(dirname "$0")/loaded-service.sh" "$@"
python3 - "$work" <<'PY'
import json, sys, urllib.parse
keys = ["lang", "source", "kind", "from", "to", "person", "organization", "place"]
with open(f"{sys.argv[1]}/paths.txt", "w") as out:
    for line in open("bench/queries.jsonl"):
        q = json.loads(line)
        out.write("/api/v1/search?" + urllib.parse.urlencode([("q", q["q"])] + [(k, q[k]) for k in keys if k in q]) + "\n")
PY

for round in 1 2; do
  # The project's settings (server GC without DATAS), then the workstation default, with a 128 MB young generation,
  # server GC with DATAS (.NET's default for server GC), and without background collections.
  for setting in "project" "DOTNET_gcServer=0" "DOTNET_gcServer=0 DOTNET_GCgen0size=0x8000000" "DOTNET_GCDynamicAdaptationMode=1" "DOTNET_gcConcurrent=0"; do
    environment=(); [ "$setting" = project ] || read -r -a environment <<< "$setting"
    env "${environment[@]}" dotnet "$work/app/SearchApi.dll" --urls http://127.0.0.1:5078 "${settings[@]}" >/dev/null 2>&1 &
    server=$!
    until curl -sf http://127.0.0.1:5078/health/ready >/dev/null; do sleep 0.2; done
    wrk -t2 -c4 -d5s -s bench/wrk/queries.lua http://127.0.0.1:5078 -- "$work/paths.txt" >/dev/null
    result="$(wrk -t2 -c4 -d"${seconds}s" -s bench/wrk/queries.lua http://127.0.0.1:5078 -- "$work/paths.txt" | tail -1)"
    printf '%s "%s" %s rss_mb=%s\n' "$round" "$setting" "$result" "$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status")"
    kill "$server"; wait "$server" 2>/dev/null || true
  done
done
