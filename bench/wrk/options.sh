#!/usr/bin/env bash
# What the query options cost over HTTP: the published service (run as published) on ru_1tv_news + kremlin_en (88,668 statements, loaded
# by the CLI), the query set of bench/queries.jsonl as it is and with a typo in each query's longest word, answered by
# default, without translation (crossLanguage=false) and strictly (match=all&typos=false); wrk at 4 connections.
# Prints one JSON line per run (requests, p50/p99 in µs).
#   bench/wrk/options.sh [CORPUS_DIR] [SECONDS]
source "$(dirname "$0")/loaded-service.sh" "$@"
dotnet "$work/app/SearchApi.dll" --urls http://127.0.0.1:5077 "${settings[@]}" >/dev/null 2>&1 &
server=$!
until curl -sf http://127.0.0.1:5077/health/ready >/dev/null; do sleep 1; done

python3 - "$work" <<'PY'
import json, sys, urllib.parse, hashlib
work = sys.argv[1]
keys = ["lang", "source", "kind", "from", "to", "person", "organization", "place"]
rows = "qwertyuiop asdfghjkl zxcvbnm йцукенгшщзхъ фывапролджэ ячсмитьбю".split()
def slip(word):
    # A neighbouring key at a place chosen by the word's hash: the same typo on every run.
    at = int(hashlib.sha256(word.encode()).hexdigest(), 16) % len(word)
    c = word[at].lower()
    for row in rows:
        if c in row:
            i = row.index(c)
            return word[:at] + row[i + 1 if i + 1 < len(row) else i - 1] + word[at + 1:]
    return word
def typo(q):
    words = q.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    if sum(ch.isalpha() for ch in words[longest]) >= 5: words[longest] = slip(words[longest])
    return " ".join(words)
modes = {"default": [], "crossLanguage=false": [("crossLanguage", "false")], "match=all&typos=false": [("match", "all"), ("typos", "false")]}
for queries in ("as-typed", "typos"):
    for mode, extra in modes.items():
        with open(f"{work}/paths-{queries}-{mode}.txt", "w") as out:
            for line in open("bench/queries.jsonl"):
                q = json.loads(line)
                text = q["q"] if queries == "as-typed" else typo(q["q"])
                params = [("q", text)] + [(k, q[k]) for k in keys if k in q] + extra
                out.write("/api/v1/search?" + urllib.parse.urlencode(params) + "\n")
PY
for round in 1 2; do
  for paths in "$work"/paths-*.txt; do
    name="$(basename "$paths" .txt)"
    wrk -t2 -c4 -d5s -s bench/wrk/queries.lua http://127.0.0.1:5077 -- "$paths" >/dev/null
    printf '%s %s ' "$round" "${name#paths-}"
    wrk -t2 -c4 -d"${seconds}s" -s bench/wrk/queries.lua http://127.0.0.1:5077 -- "$paths" | tail -1
  done
done
