"""Contact submissions in parallel through 4 gunicorn workers, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.load [--count 200] [--clients 16] [--db sqlite,postgresql]

Each database gets a fresh, migrated instance and a real gunicorn (gunicorn.conf.py,
WEB_CONCURRENCY=4). Client threads each keep one keep-alive connection and, per
submission, GET /contact (session cookie and CSRF token), POST /contact (timed), and
GET /contact/sent for the reference. Every message carries a unique canary; afterwards
the bench decrypts what was stored (the app's own models and keys) and checks that each
303 was stored exactly once and nothing else was. Prints throughput, POST p50/p99 and a
PASS/FAIL line per check; exits non-zero on any FAIL.
"""

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from bench._servers import (
    ContactClient,
    canary,
    contact_fields,
    percentile,
    run_tag,
    stored_messages,
    verdict,
)
from tests.support.servers import (
    Gunicorn,
    PostgresDatabase,
    SQLiteDatabase,
    base_env,
    get,
    migrate,
    postgres_available,
)


def run_load(port, run, count, clients, *, on_progress=None, time_limit=300.0):
    """Send ``count`` submissions from ``clients`` threads; one result dict each.

    ``on_progress(done)`` is called after every finished submission (from the client
    threads). Nothing is ever retried: a submission that fails is recorded as failed.
    """
    results = [None] * count
    lock = threading.Lock()
    state = {"next": 0, "done": 0}
    deadline = time.monotonic() + time_limit

    def worker():
        client = ContactClient(port)
        try:
            while time.monotonic() < deadline:
                with lock:
                    number = state["next"]
                    if number >= count:
                        return
                    state["next"] += 1
                result = {"number": number, "status": None, "error": "", "latency": None}
                result["reference"] = None
                try:
                    token = client.token()
                    started = time.perf_counter()
                    status, _headers, _body = client.post(token, contact_fields(run, number))
                    result["latency"] = time.perf_counter() - started
                    result["status"] = status
                    if status == 303:
                        try:
                            result["reference"] = client.reference()
                        except Exception as error:  # the 303 is what counts
                            result["error"] = f"after 303: {type(error).__name__}"
                except Exception as error:
                    result["error"] = type(error).__name__
                results[number] = result
                with lock:
                    state["done"] += 1
                    done = state["done"]
                if on_progress is not None:
                    on_progress(done)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, deadline - time.monotonic() + 30))
    elapsed = time.perf_counter() - started
    return [r for r in results if r is not None], elapsed


def check_stored(results, stored, run, *, every_one_sent: bool, failures: list[str]) -> None:
    """Each 303 stored exactly once (with its reference); nothing stored twice."""
    by_canary = {canary(run, r["number"]): r for r in results}
    counts = Counter(message for _ref, message in stored)
    references = {message: ref for ref, message in stored}
    sent = [r for r in results if r["status"] == 303]
    missing = [r["number"] for r in sent if counts[canary(run, r["number"])] == 0]
    twice = [m for m, n in counts.items() if n > 1]
    strangers = [m for m in counts if m not in by_canary]
    unsent_stored = [
        m for m in counts if m in by_canary and by_canary[m]["status"] != 303 and counts[m]
    ]
    wrong_ref = [
        r["number"]
        for r in sent
        if r["reference"] and references.get(canary(run, r["number"])) != r["reference"]
    ]
    print(
        f"      stored {len(stored)} rows; 303s {len(sent)}; stored without a 303 "
        f"{len(unsent_stored)}; references read back {sum(1 for r in sent if r['reference'])}"
    )
    verdict(not missing, f"every 303 stored ({len(missing)} missing)", failures)
    verdict(not twice, f"none stored twice ({len(twice)} duplicates)", failures)
    verdict(
        not wrong_ref, f"the reference shown is the one stored ({len(wrong_ref)} wrong)", failures
    )
    verdict(not strangers, f"nothing else stored ({len(strangers)} unknown rows)", failures)
    if every_one_sent:
        verdict(
            len(sent) == len(results) and not unsent_stored,
            f"{len(results)} sent, {len(sent)} got 303, {len(stored)} stored, 0 errors expected",
            failures,
        )


def summarise(results, elapsed) -> None:
    latencies = [r["latency"] for r in results if r["latency"] is not None]
    statuses = Counter(r["status"] if r["status"] else r["error"] for r in results)
    print(f"      outcomes: {dict(statuses)}")
    print(
        f"      {len(results)} submissions in {elapsed:.2f} s = "
        f"{len(results) / elapsed:.1f} submissions/s (GET form + POST + GET sent each)"
    )
    print(
        f"      POST /contact latency p50 {percentile(latencies, 0.50) * 1000:.1f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
    )


def bench_database(kind: str, count: int, clients: int, failures: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix=f"drs-load-{kind}-") as tmp:
        folder = Path(tmp)
        database = SQLiteDatabase(folder) if kind == "sqlite" else PostgresDatabase(folder)
        try:
            env = base_env(folder, database.url)
            migrate(env)
            with Gunicorn(folder, env) as server:
                for _ in range(8):  # warm every worker's imports and templates; stores nothing
                    get(server.port, "/contact")
                    get(server.port, "/privacy")
                run = run_tag()
                results, elapsed = run_load(server.port, run, count, clients)
                summarise(results, elapsed)
                errors_log = Path(server.errors.name)
            log_text = errors_log.read_text(errors="replace")
            stored = stored_messages(env, folder)
            check_stored(results, stored, run, every_one_sent=True, failures=failures)
            verdict(
                "Traceback" not in log_text and "database is locked" not in log_text,
                "gunicorn error log has no traceback or 'database is locked'",
                failures,
            )
            if kind == "sqlite":
                status = database.integrity()
                verdict(status == "ok", f"SQLite integrity_check: {status}", failures)
        finally:
            database.drop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--db", default="sqlite,postgresql")
    args = parser.parse_args()
    if not 1 <= args.count <= 10000 or not 1 <= args.clients <= 200:
        parser.error("--count must be 1..10000 and --clients 1..200")
    failures: list[str] = []
    print(
        f"{args.count} contact submissions, {args.clients} client threads, gunicorn 4 workers; "
        "client and server share this machine's cores."
    )
    for kind in args.db.split(","):
        print(f"== {kind}", flush=True)
        if kind == "postgresql" and not postgres_available():
            verdict(False, "PostgreSQL answers on 127.0.0.1:5432", failures)
            continue
        bench_database(kind, args.count, args.clients, failures)
    print("ALL PASS" if not failures else f"{len(failures)} FAILED: {'; '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
