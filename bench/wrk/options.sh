#!/usr/bin/env bash
# What translation across languages costs over HTTP: the published service on ru_1tv_news + kremlin_en (88,668
# statements, loaded by the CLI), the query set of bench/queries.jsonl with crossLanguage on and off, wrk at 4
# connections. Prints one JSON line per run (requests, p50/p99 in µs).
#   bench/wrk/cross-language.sh [CORPUS_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-${SEARCHAPI_CORPUS:-../shared/corpus}}"
seconds="${2:-20}"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

dotnet publish src/SearchApi/SearchApi.csproj -c Release -o "$work/app" --nologo -v quiet
# The image's runtime settings (deploy/Dockerfile), so that what is measured is what ships.
while read -r name value; do export "$name=$value"; done < <(grep -oE 'DOTNET_[A-Za-z0-9_]+=[^ \\]+' deploy/Dockerfile | tr '=' ' ')
settings=(--SearchApi:DataDirectory="$work/data" --SearchApi:SeedsPath=none --SearchApi:RateLimit:AnonymousPerSecond=0)
{ zcat "$corpus/ru_1tv_news/ru_1tv_news.jsonl.gz"; zcat "$corpus/kremlin_en/kremlin_en.jsonl.gz"; } > "$work/corpus.jsonl"
dotnet "$work/app/SearchApi.dll" ingest "$work/corpus.jsonl" "${settings[@]}" >/dev/null 2>&1
dotnet "$work/app/SearchApi.dll" --urls http://127.0.0.1:5077 "${settings[@]}" >/dev/null 2>&1 &
server=$!
until curl -sf http://127.0.0.1:5077/health/ready >/dev/null; do sleep 1; done

python3 - "$work" <<'PY'
import json, sys, urllib.parse
work = sys.argv[1]
keys = ["lang", "source", "kind", "from", "to", "person", "organization", "place"]
for cross in ("true", "false"):
    with open(f"{work}/paths-{cross}.txt", "w") as out:
        for line in open("bench/queries.jsonl"):
            q = json.loads(line)
            params = [("q", q["q"])] + [(k, q[k]) for k in keys if k in q] + [("crossLanguage", cross)]
            out.write("/api/v1/search?" + urllib.parse.urlencode(params) + "\n")
PY
for cross in true false true false; do
  wrk -t2 -c4 -d5s -s bench/wrk/queries.lua http://127.0.0.1:5077 -- "$work/paths-$cross.txt" >/dev/null
  printf 'crossLanguage=%s ' "$cross"
  wrk -t2 -c4 -d"${seconds}s" -s bench/wrk/queries.lua http://127.0.0.1:5077 -- "$work/paths-$cross.txt" | tail -1
done
