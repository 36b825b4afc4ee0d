"""GET /privacy against a hello-world Flask app under the same gunicorn settings.

    .venv/bin/python -m bench.http_bench [--duration 10] [--connections 50]
                                   [--db sqlite,postgresql] [--generator auto|wrk|python]

Both apps run under gunicorn with gunicorn.conf.py and WEB_CONCURRENCY=4 (gthread, 4
threads each), one after the other in this run, and are loaded for --duration seconds
with --connections keep-alive connections: by `wrk` when it is installed (Debian:
`apt-get install wrk`), else by a small asyncio generator in this file. Prints
requests/s for both, the ratio /privacy ÷ hello (goal ≥ 0.6) and /privacy's p50/p99
(goal p99 ≤ 50 ms), then POST /contact throughput: each POST carries a valid session
cookie and CSRF token fetched just before, from a pool of sessions used in turn.

The load generator runs on the same cores as gunicorn; the figures are ratios within
one run, not capacity.
"""

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench._servers import (
    ContactClient,
    percentile,
    stored_messages,
    verdict,
)
from tests.support.servers import (
    Gunicorn,
    PostgresDatabase,
    SQLiteDatabase,
    base_env,
    migrate,
    postgres_available,
)

POST_FIELDS = {
    "name": "Bench Visitor",
    "email": "visitor@example.com",
    "topic": "general",
    "message": "bench throughput message about a form",
}


class Result:
    def __init__(self, requests, seconds, p50, p99, bad, errors, tool):
        self.requests, self.seconds, self.p50, self.p99 = requests, seconds, p50, p99
        self.bad, self.errors, self.tool = bad, errors, tool

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def line(self, what: str) -> str:
        return (
            f"      {what:<22} {self.rate:8.1f} req/s  p50 {self.p50 * 1000:6.1f} ms  "
            f"p99 {self.p99 * 1000:6.1f} ms  ({self.requests} requests, {self.bad} bad "
            f"status, {self.errors} socket errors; {self.tool})"
        )


# --- wrk --------------------------------------------------------------------------------

_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(url: str, duration: int, connections: int, script: Path | None = None) -> Result:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    seconds = _seconds(re.search(r"requests in ([\d.]+\w+),", output).group(1))
    p50 = _seconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _seconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Result(
        requests,
        seconds,
        p50,
        p99,
        int(bad.group(1)) if bad else 0,
        sum(int(n) for n in errors.groups()) if errors else 0,
        "wrk",
    )


def wrk_post_script(folder: Path, sessions: list[tuple[str, str]]) -> Path:
    """A wrk Lua script that POSTs the contact form with each session's token in turn."""
    entries = []
    for cookie, token in sessions:
        body = urllib.parse.urlencode({"csrf_token": token, **POST_FIELDS})
        entries.append(f'  {{"drs_public={cookie}", "{body}"}},')
    script = folder / "post.lua"
    script.write_text(
        "local sessions = {\n" + "\n".join(entries) + "\n}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        "  local s = sessions[(i % #sessions) + 1]\n"
        '  return wrk.format("POST", "/contact", {["Content-Type"] = '
        '"application/x-www-form-urlencoded", ["Cookie"] = s[1]}, s[2])\n'
        "end\n"
    )
    return script


# --- the Python generator ----------------------------------------------------------------


async def _one_connection(port, next_request, deadline, latencies, counters):
    reader = writer = None
    sent = 0
    while time.perf_counter() < deadline and sent < 1_000_000:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            started = time.perf_counter()
            writer.write(next_request())
            sent += 1
            status_line = await reader.readline()
            if not status_line:
                raise ConnectionError("closed")
            status = int(status_line.split()[1])
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and "close" in value.lower():
                    close = True
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            counters["bad"] += not 200 <= status < 400
            if close:
                writer.close()
                writer = None
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            counters["errors"] += 1
            if writer is not None:
                writer.close()
                writer = None
            await asyncio.sleep(0.01)
    if writer is not None:
        writer.close()


def run_python(port: int, duration: int, connections: int, make_request) -> Result:
    latencies: list[float] = []
    counters = {"bad": 0, "errors": 0}

    async def main():
        deadline = time.perf_counter() + duration
        tasks = [
            _one_connection(port, make_request, deadline, latencies, counters)
            for _ in range(connections)
        ]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=duration + 60)

    started = time.perf_counter()
    asyncio.run(main())
    seconds = time.perf_counter() - started
    return Result(
        len(latencies),
        seconds,
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        counters["bad"],
        counters["errors"],
        "python asyncio",
    )


def get_request(port: int, path: str):
    data = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    return lambda: data


def post_requests(port: int, sessions: list[tuple[str, str]]):
    prepared = []
    for cookie, token in sessions:
        body = urllib.parse.urlencode({"csrf_token": token, **POST_FIELDS}).encode()
        prepared.append(
            (
                f"POST /contact HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Cookie: drs_public={cookie}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode()
            + body
        )
    counter = iter(range(10**9))
    return lambda: prepared[next(counter) % len(prepared)]


# --- the run ------------------------------------------------------------------------------


def measure_get(server: Gunicorn, path: str, args, use_wrk: bool) -> Result:
    # Warm up every worker (imports, templates, connections) for a second.
    if use_wrk:
        run_wrk(server.url + path, 1, args.connections)
        return run_wrk(server.url + path, args.duration, args.connections)
    run_python(server.port, 1, args.connections, get_request(server.port, path))
    return run_python(server.port, args.duration, args.connections, get_request(server.port, path))


def fetch_sessions(port: int, count: int) -> list[tuple[str, str]]:
    def one(_):
        client = ContactClient(port)
        try:
            token = client.token()
            return client.cookie, token
        finally:
            client.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(count)))


def bench_database(kind: str, hello: Result, args, use_wrk: bool, failures: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix=f"drs-http-{kind}-") as tmp:
        folder = Path(tmp)
        database = SQLiteDatabase(folder) if kind == "sqlite" else PostgresDatabase(folder)
        try:
            env = base_env(folder, database.url)
            migrate(env)
            with Gunicorn(folder, env) as server:
                privacy = measure_get(server, "/privacy", args, use_wrk)
                print(privacy.line(f"GET /privacy ({kind})"), flush=True)
                ratio = privacy.rate / hello.rate if hello.rate else 0.0
                verdict(
                    ratio >= 0.6, f"{kind}: /privacy ÷ hello = {ratio:.2f} (goal ≥ 0.6)", failures
                )
                verdict(
                    privacy.p99 <= 0.050,
                    f"{kind}: /privacy p99 = {privacy.p99 * 1000:.1f} ms (goal ≤ 50 ms)",
                    failures,
                )
                verdict(
                    privacy.bad == 0 and privacy.errors == 0,
                    f"{kind}: /privacy all 200 ({privacy.bad} bad, {privacy.errors} errors)",
                    failures,
                )

                sessions = fetch_sessions(server.port, args.sessions)
                if use_wrk:
                    script = wrk_post_script(folder, sessions)
                    post = run_wrk(f"{server.url}/contact", args.duration, args.connections, script)
                else:
                    post = run_python(
                        server.port,
                        args.duration,
                        args.connections,
                        post_requests(server.port, sessions),
                    )
                print(post.line(f"POST /contact ({kind})"), flush=True)
                verdict(
                    post.bad == 0 and post.errors == 0,
                    f"{kind}: POST /contact all 303 ({post.bad} bad, {post.errors} errors)",
                    failures,
                )
            stored = len(stored_messages(env, folder))
            print(f"      {stored} submissions stored by the POST run ({len(sessions)} sessions)")
        finally:
            database.drop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args()
    if not 1 <= args.duration <= 120 or not 1 <= args.connections <= 500:
        parser.error("--duration must be 1..120 s and --connections 1..500")
    if not 1 <= args.sessions <= 2000:
        parser.error("--sessions must be 1..2000")
    have_wrk = shutil.which("wrk") is not None
    if args.generator == "wrk" and not have_wrk:
        parser.error("wrk is not installed (apt-get install wrk)")
    use_wrk = have_wrk and args.generator != "python"
    failures: list[str] = []
    print(
        f"{'wrk -t2' if use_wrk else 'Python asyncio generator'}, {args.connections} keep-alive "
        f"connections, {args.duration} s each; gunicorn 4 workers × 4 threads. The load "
        "generator shares this machine's cores with gunicorn: compare the ratio, not the rates."
    )
    with tempfile.TemporaryDirectory(prefix="drs-http-hello-") as tmp:
        folder = Path(tmp)
        env = base_env(folder, f"sqlite:///{folder / 'unused.sqlite3'}")
        with Gunicorn(folder, env, app="bench.hello_app:app").start(ready_path="/") as hello_server:
            hello = measure_get(hello_server, "/", args, use_wrk)
        print(hello.line("GET / (hello world)"), flush=True)
    for kind in args.db.split(","):
        if kind == "postgresql" and not postgres_available():
            verdict(False, "PostgreSQL answers on 127.0.0.1:5432", failures)
            continue
        bench_database(kind, hello, args, use_wrk, failures)
    print("ALL PASS" if not failures else f"{len(failures)} FAILED: {'; '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
