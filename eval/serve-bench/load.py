#!/usr/bin/env python3
"""Load client for eval/serve-bench: C concurrent clients on loopback, each sending one German
sentence a request (POST /translate, JSON, as LibreTranslate clients do) until every sentence has
been sent once. Bounded: N requests per level, a timeout per request and per level.

    load.py URL SENTENCES CLIENTS [CLIENTS...]

Prints one JSON line per level: clients, sentences, seconds, sentences_per_s, p50_ms, p99_ms,
errors, and the English of every sentence (for checking against `dragoman translate`).
"""
import json
import math
import sys
import threading
import time
import http.client
import urllib.parse

LEVEL_TIMEOUT_S = 1800
REQUEST_TIMEOUT_S = 600


def level(url, sentences, clients):
    u = urllib.parse.urlparse(url)
    assert u.hostname in ("127.0.0.1", "localhost", "::1"), "load tests run on loopback only"
    next_index = [0]
    lock = threading.Lock()
    latencies = [None] * len(sentences)
    english = [None] * len(sentences)
    errors = []
    deadline = time.monotonic() + LEVEL_TIMEOUT_S

    def client():
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=REQUEST_TIMEOUT_S)
        while time.monotonic() < deadline:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= len(sentences):
                break
            body = json.dumps({"q": sentences[i], "source": "de", "target": "en"})
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/translate", body, {"Content-Type": "application/json"})
                r = conn.getresponse()
                data = r.read()
            except (OSError, http.client.HTTPException) as e:
                errors.append(f"{i}: {e}")
                conn.close()
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=REQUEST_TIMEOUT_S)
                continue
            latencies[i] = time.perf_counter() - t0
            if r.status != 200:
                errors.append(f"{i}: HTTP {r.status} {data[:200]!r}")
                continue
            english[i] = json.loads(data)["translatedText"]
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    done = sorted(x for x in latencies if x is not None)

    def pct(p):
        if not done:
            return None
        k = min(len(done) - 1, max(0, math.ceil(p / 100 * len(done)) - 1))  # nearest rank
        return round(1000 * done[k], 1)

    return {
        "clients": clients,
        "sentences": len(done),
        "seconds": round(seconds, 3),
        "sentences_per_s": round(len(done) / seconds, 3),
        "p50_ms": pct(50),
        "p99_ms": pct(99),
        "errors": len(errors),
        "first_errors": errors[:3],
        "english": english,
    }


def main():
    url, path = sys.argv[1], sys.argv[2]
    levels = [int(c) for c in sys.argv[3:]]
    with open(path, encoding="utf-8") as f:
        sentences = [l.rstrip("\n") for l in f if l.strip()]
    for c in levels:
        d = level(url, sentences, c)
        print(json.dumps(d, ensure_ascii=False), flush=True)
        print(
            f"    {c:>2} clients: {d['sentences_per_s']} sentences/s, p50 {d['p50_ms']} ms,"
            f" p99 {d['p99_ms']} ms, errors {d['errors']}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
