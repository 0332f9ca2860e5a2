#!/usr/bin/env python3
"""Write latency and bulk throughput of a running service (docs/BENCHMARKS.md, "Writes").

Usage: bench/writes/measure.py URL KEY CORPUS_JSONL_GZ [--puts N] [--bulk N]
  - N sequential PUTs of small statements over one keep-alive connection: latency p50/p90/p99/max, from
    sending the request to the 201 (the statement is searchable when it arrives);
  - one bulk upload of N corpus statements: statements per second, from the first byte sent to the summary line.
"""
import argparse, gzip, http.client, json, statistics, sys, time, urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("url"); parser.add_argument("key"); parser.add_argument("corpus")
parser.add_argument("--puts", type=int, default=500); parser.add_argument("--bulk", type=int, default=10000)
args = parser.parse_args()
target = urllib.parse.urlparse(args.url)

def connection():
    return http.client.HTTPConnection(target.hostname, target.port, timeout=600)

conn = connection()
latencies = []
run = int(time.time())
for i in range(args.puts):
    body = json.dumps({"lang": "en", "title": f"Latency probe {i}", "text": f"Latency probe {i} of run {run} about grain exports and sanctions."})
    started = time.perf_counter()
    conn.request("PUT", f"/api/v1/documents/latency-{run}-{i}", body, {"Content-Type": "application/json", "X-Api-Key": args.key})
    response = conn.getresponse(); response.read()
    latencies.append((time.perf_counter() - started) * 1000)
    if response.status not in (200, 201): sys.exit(f"PUT answered {response.status}")
latencies.sort()
q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
print(f"PUT x{args.puts}: p50 {q(0.5):.2f} ms, p90 {q(0.9):.2f} ms, p99 {q(0.99):.2f} ms, max {latencies[-1]:.2f} ms, mean {statistics.mean(latencies):.2f} ms")

lines = []
with gzip.open(args.corpus, "rt", encoding="utf-8") as corpus:
    for line in corpus:
        record = json.loads(line)
        record["id"] = f"bulk-{run}-{len(lines)}"
        lines.append(json.dumps(record, ensure_ascii=False))
        if len(lines) == args.bulk: break
payload = ("\n".join(lines) + "\n").encode("utf-8")
conn = connection()
started = time.perf_counter()
conn.request("POST", "/api/v1/documents/bulk", payload, {"Content-Type": "application/x-ndjson", "X-Api-Key": args.key})
response = conn.getresponse()
last = response.read().decode("utf-8").strip().split("\n")[-1]
took = time.perf_counter() - started
summary = json.loads(last).get("summary", {})
print(f"bulk {len(lines)} statements ({len(payload) / 1e6:.1f} MB): {took:.2f} s, {summary.get('accepted', 0) / took:,.0f} statements/s; {last}")
