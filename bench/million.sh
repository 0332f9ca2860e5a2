#!/usr/bin/env bash
# The service at a large size: COUNT statements recombined from the real corpus (bench/SearchApi.Comparison
# --generate), loaded by the CLI; ingest time, rate and peak memory; store and index size; start to ready and
# resident memory; search throughput and p50/p99 for the 309 queries of bench/queries.jsonl at equal work (snippets=0),
# with snippets, and with the facets they ask; facets over everything; and a new replica's start (index rebuilt from
# the store). One JSON line per measurement.
#   bench/million.sh [CORPUS_DIR] [COUNT] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(realpath "${1:-${SEARCHAPI_CORPUS:-../shared/corpus}}")"
count="${2:-1000000}"
seconds="${3:-20}"
work="${SEARCHAPI_BENCH_WORK:-$(mktemp -d)}"
port=5079
trap 'kill "${server:-0}" "${first:-0}" 2>/dev/null || true; [ -n "${SEARCHAPI_BENCH_WORK:-}" ] || rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
say() { printf '{"measure":"%s",%s}\n' "$1" "$2"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

dotnet publish src/SearchApi/SearchApi.csproj -c Release -o "$work/app" --nologo -v quiet
key=bench-key-0123456789abcdef
settings=(--SearchApi:SeedsPath=none --SearchApi:RateLimit:AnonymousPerSecond=0 --SearchApi:ApiKeys:0=$key)
if [ ! -s "$work/statements.jsonl" ]; then
  dotnet run --project bench/SearchApi.Comparison -c Release -- --corpus "$corpus" --generate "$count" --out "$work/statements.jsonl"
fi
say corpus "\"statements\":$count,\"bytes\":$(stat -c %s "$work/statements.jsonl")"

# MILLION_REUSE=1 with SEARCHAPI_BENCH_WORK keeps a loaded data folder and measures the rest again.
if [ -z "${MILLION_REUSE:-}" ] || [ ! -d "$work/data/index" ]; then
  rm -rf "$work/data" "$work/replica"
  /usr/bin/time -f '%e %M' -o "$work/ingest.time" dotnet "$work/app/SearchApi.dll" ingest "$work/statements.jsonl" --SearchApi:DataDirectory="$work/data" "${settings[@]}" >/dev/null 2>&1
fi
read -r took peak < "$work/ingest.time"
say ingest "\"seconds\":$took,\"perSecond\":$(python3 -c "print(round($count / $took))"),\"peakMB\":$((peak / 1024)),\"indexMB\":$(($(du -sb "$work/data/index" | cut -f1) / 1048576)),\"storeMB\":$(($(du -cb "$work/data"/statements.db* | tail -1 | cut -f1) / 1048576))"

# start_server DATA_DIR PORT [SETTING…]: starts a server in the background ($server), waits until it is ready ($ready: seconds).
start_server() {
  local data="$1" at="$2"; shift 2
  local begin; begin=$(date +%s.%N)
  dotnet "$work/app/SearchApi.dll" --urls "http://127.0.0.1:$at" --SearchApi:DataDirectory="$data" "${settings[@]}" "$@" >"$work/server-$at.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$at/health/ready" >/dev/null; do sleep 0.05; done
  ready=$(python3 -c "import time; print(round(time.time() - $begin, 2))")
}
start_server "$work/data" $port
say ready "\"seconds\":$ready,\"rssMB\":$(rss_mb $server)"

python3 - "$work" <<'PY'
import json, sys, urllib.parse
work = sys.argv[1]
keys = ["lang", "source", "kind", "from", "to", "person", "organization", "place"]
for name, extra, facets in (("hits", [("snippets", "0")], False), ("snippets", [], False), ("full", [], True)):
    with open(f"{work}/paths-{name}.txt", "w") as out:
        for line in open("bench/queries.jsonl"):
            q = json.loads(line)
            params = [("q", q["q"])] + [(k, q[k]) for k in keys if k in q] + extra
            if facets: params += [("facet", f) for f in q.get("facets", [])]
            out.write("/api/v1/search?" + urllib.parse.urlencode(params) + "\n")
PY
# A service compiles its hot paths in its first seconds: 30 s of unmeasured load first, as bench/compare does.
wrk -t2 -c4 -d30s -s bench/wrk/queries.lua "http://127.0.0.1:$port" -- "$work/paths-full.txt" >/dev/null
for name in hits snippets full; do
  wrk -t2 -c4 -d5s -s bench/wrk/queries.lua "http://127.0.0.1:$port" -- "$work/paths-$name.txt" >/dev/null
  say "search-$name" "\"connections\":4,\"wrk\":$(wrk -t2 -c4 -d"${seconds}s" -s bench/wrk/queries.lua "http://127.0.0.1:$port" -- "$work/paths-$name.txt" | tail -1)"
done
facets="$(python3 - "$port" <<'PY'
import sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/api/v1/facets?field=lang&field=source&field=year&field=person"
times = []
for i in range(53):
    begin = time.perf_counter(); urllib.request.urlopen(url).read(); took = (time.perf_counter() - begin) * 1000
    if i >= 3: times.append(took)
times.sort()
print(f'"p50Ms":{times[len(times) // 2]:.1f},"p99Ms":{times[-1]:.1f}')
PY
)"
say facets-all "$facets"
say serving "\"rssMB\":$(rss_mb $server)"
kill "$server"; wait "$server" 2>/dev/null || true

# A new replica: a copy of the store (as a shared PostgreSQL would be) and no index. First it builds the index from
# the store; then it starts from a snapshot of the first replica's index, over HTTP, and catches up.
rm -rf "$work/replica"
mkdir -p "$work/replica"
cp "$work/data"/statements.db* "$work/replica/"
start_server "$work/replica" $((port + 1))
say replica-from-store "\"seconds\":$ready,\"rssMB\":$(rss_mb $server)"
kill "$server"; wait "$server" 2>/dev/null || true
rm -rf "$work/replica/index"
start_server "$work/data" $port
first=$server
start_server "$work/replica" $((port + 1)) --SearchApi:IndexSnapshotFrom=http://127.0.0.1:$port --SearchApi:IndexSnapshotApiKey=$key
say replica-from-snapshot "\"seconds\":$ready,\"rssMB\":$(rss_mb $server),\"indexMB\":$(($(du -sb "$work/replica/index" | cut -f1) / 1048576))"
kill "$server" "$first"; wait "$server" "$first" 2>/dev/null || true
