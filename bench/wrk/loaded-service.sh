# Sourced by the wrk scripts: a work folder, the service published from this checkout, and ru_1tv_news + kremlin_en
# (88,668 statements) loaded by its CLI. Leaves $work, $settings (the service's arguments) and $seconds; the caller
# starts servers and sets $server, which is stopped on exit with the work folder removed.
#   usage in a script: source "$(dirname "$0")/loaded-service.sh" [CORPUS_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
corpus="${1:-${SEARCHAPI_CORPUS:-../shared/corpus}}"
seconds="${2:-20}"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

dotnet publish src/SearchApi/SearchApi.csproj -c Release -o "$work/app" --nologo -v quiet
settings=(--SearchApi:DataDirectory="$work/data" --SearchApi:SeedsPath=none --SearchApi:RateLimit:AnonymousPerSecond=0)
{ zcat "$corpus/ru_1tv_news/ru_1tv_news.jsonl.gz"; zcat "$corpus/kremlin_en/kremlin_en.jsonl.gz"; } > "$work/corpus.jsonl"
dotnet "$work/app/SearchApi.dll" ingest "$work/corpus.jsonl" "${settings[@]}" >/dev/null 2>&1
