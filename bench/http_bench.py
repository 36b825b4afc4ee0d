"""The site under gunicorn against minimal Flask apps under the same settings.

    .venv/bin/python -m bench.http_bench [--duration 10] [--connections 50]
                                         [--db sqlite,postgresql] [--timing]
                                         [--generator auto|wrk|python]

Every app runs under gunicorn with gunicorn.conf.py and WEB_CONCURRENCY=4 (gthread, 4
threads each) and is loaded for --duration seconds with --connections keep-alive
connections: by `wrk` when it is installed (`make bench-deps`, or Debian's `apt-get
install wrk`), else by a small asyncio generator in this file.

Reads: GET /privacy against a hello-world app (hello_app.py): the ratio (goal ≥ 0.6)
and /privacy's p99 (goal ≤ 50 ms). Writes, on each database: POST /contact against
hello_write.py (one form POST, one INSERT, 303), both servers up at once and loaded in
alternating slices (hello_write, site, site, hello_write): the ratio (goal ≥ 0.5) and
the p99s (goal: the site's ≤ 2 × hello_write's). Each site POST carries a valid session
cookie and CSRF token fetched just before, from a pool of sessions used in turn, and
a unique canary; every 303 must be stored exactly once. --timing adds, per kind of
transaction, statements, SQLite lock wait and hold, and COMMIT (bench/timing.py).

The load generator runs on the same cores as gunicorn; the figures are ratios within
one run, not capacity.
"""

import argparse
import asyncio
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import hello_write, timing
from bench._servers import (
    ContactClient,
    canary,
    percentile,
    run_tag,
    sent_reference,
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


_LUA_LETTERS = """
local letters = "abcdefghijklmnopqrstuvwxyz"
local function in_letters(n)
  local out = ""
  for _ = 1, 6 do
    local rest = n % 26
    out = string.sub(letters, rest + 1, rest + 1) .. out
    n = math.floor(n / 26)
  end
  return out
end
"""


def wrk_post_script(folder: Path, sessions: list[tuple[str, str]], tag: str) -> Path:
    """A wrk Lua script: POST /contact, each session's token in turn, each message unique.

    Every message carries a canary (this run's tag, the wrk thread and a count, written
    in letters so that none looks like a tax number), and the status and Set-Cookie of
    every response are written to ``folder``/wrk-<thread>.txt for the exactly-once check.
    """
    entries = []
    for cookie, token in sessions:
        body = urllib.parse.urlencode({"csrf_token": token, **POST_FIELDS})
        entries.append(f'  {{"drs_public={cookie}", "{body}"}},')
    script = folder / "post.lua"
    script.write_text(
        "local sessions = {\n"
        + "\n".join(entries)
        + "\n}\n"
        + _LUA_LETTERS
        + f'local folder = "{folder}"\n'
        f'local tag = "{tag}"\n'
        "local count = 0\n"
        "local threads = 0\n"
        "local out = nil\n"
        "function setup(thread)\n"
        "  threads = threads + 1\n"
        '  thread:set("number", threads)\n'
        "end\n"
        "function init(args)\n"
        '  out = io.open(folder .. "/wrk-" .. number .. ".txt", "w")\n'
        '  out:setvbuf("line")\n'
        "end\n"
        "request = function()\n"
        "  count = count + 1\n"
        "  local s = sessions[((count * 2 + number) % #sessions) + 1]\n"
        '  local body = s[2] .. "&message=bench+canary+" .. tag .. in_letters(number) '
        '.. in_letters(count) .. "+asks+about+a+form"\n'
        '  return wrk.format("POST", "/contact", {["Content-Type"] = '
        '"application/x-www-form-urlencoded", ["Cookie"] = s[1]}, body)\n'
        "end\n"
        "response = function(status, headers, body)\n"
        '  out:write(status, " ", headers["Set-Cookie"] or "-", "\\n")\n'
        "end\n"
    )
    return script


def wrk_responses(folder: Path) -> list[tuple[int, str]]:
    """(status, Set-Cookie or "") of every response the wrk script recorded."""
    responses = []
    for path in sorted(folder.glob("wrk-*.txt")):
        for line in path.read_text().splitlines():
            status, _, cookie = line.partition(" ")
            responses.append((int(status), "" if cookie == "-" else cookie))
        path.unlink()
    return responses


# --- the Python generator ----------------------------------------------------------------


async def _one_connection(port, next_request, deadline, latencies, counters, responses):
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
            length, close, cookie = 0, False, ""
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and "close" in value.lower():
                    close = True
                elif name.lower() == "set-cookie":
                    cookie = value.strip()
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            responses.append((status, cookie))
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


def run_python(
    port: int, duration: int, connections: int, make_request, responses: list | None = None
) -> Result:
    """Load with ``connections`` asyncio connections; (status, Set-Cookie) into responses."""
    latencies: list[float] = []
    counters = {"bad": 0, "errors": 0}
    responses = [] if responses is None else responses

    async def main():
        deadline = time.perf_counter() + duration
        tasks = [
            _one_connection(port, make_request, deadline, latencies, counters, responses)
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


def post_requests(port: int, sessions: list[tuple[str, str]], tag: str):
    """POST /contact requests, each session in turn, each message with its own canary."""
    counter = iter(range(1, 10**9))

    def make() -> bytes:
        number = next(counter)
        cookie, token = sessions[number % len(sessions)]
        fields = {"csrf_token": token, **POST_FIELDS, "message": canary(tag, number)}
        body = urllib.parse.urlencode(fields).encode()
        return (
            f"POST /contact HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Cookie: drs_public={cookie}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body

    return make


# --- the run ------------------------------------------------------------------------------


def measure_get(server: Gunicorn, path: str, args, use_wrk: bool) -> Result:
    # Warm up every worker (imports, templates, connections) for a second.
    if use_wrk:
        run_wrk(server.url + path, 1, args.connections)
        return run_wrk(server.url + path, args.duration, args.connections)
    run_python(server.port, 1, args.connections, get_request(server.port, path))
    return run_python(server.port, args.duration, args.connections, get_request(server.port, path))


def measure_post(
    server: Gunicorn, folder: Path, sessions, tag: str, args, use_wrk: bool
) -> tuple[Result, list[tuple[int, str]]]:
    """POST /contact for --duration seconds; the result and every (status, Set-Cookie)."""
    if use_wrk:
        script = wrk_post_script(folder, sessions, tag)
        result = run_wrk(f"{server.url}/contact", args.duration, args.connections, script)
        return result, wrk_responses(folder)
    responses: list[tuple[int, str]] = []
    result = run_python(
        server.port,
        args.duration,
        args.connections,
        post_requests(server.port, sessions, tag),
        responses,
    )
    return result, responses


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


def warm_post(server: Gunicorn, folder: Path, sessions, args, use_wrk: bool) -> None:
    """A second of sends first, as the GET runs have, so that every worker is warm."""
    quick = argparse.Namespace(**{**vars(args), "duration": 1})
    measure_post(server, folder, sessions, "warmup" + run_tag(), quick, use_wrk)


def check_exactly_once(
    kind: str,
    what: str,
    responses: list[tuple[int, str]],
    stored: list[tuple[str | None, str]],
    tag: str,
    connections: int,
    failures: list[str],
    reference_of=None,
) -> None:
    """Each 303 stored exactly once: no canary stored twice, each 303's reference stored.

    wrk cannot tell which request a response answers, so the check is by count and by
    reference: the rows of this run hold distinct canaries; every 303 the site answered
    names (in its session cookie) a reference that is stored; and at most one row per
    connection is stored without its 303 having been counted (the requests still in
    flight when the window closed).
    """
    mine = [(reference, message) for reference, message in stored if tag in message]
    counts = Counter(message for _reference, message in mine)
    twice = sum(1 for n in counts.values() if n > 1)
    see_other = [cookie for status, cookie in responses if status == 303]
    extra = len(mine) - len(see_other)
    line = f"{len(see_other)} × 303, {len(mine)} stored, {twice} stored twice"
    ok = twice == 0 and 0 <= extra <= connections
    if reference_of is not None:
        shown = [reference_of(cookie) for cookie in see_other]
        references = {reference for reference, _message in mine}
        missing = sum(1 for reference in shown if reference not in references)
        repeated = len(shown) - len(set(shown))
        line += f", {missing} references shown but not stored, {repeated} shown twice"
        ok = ok and missing == 0 and repeated == 0
    verdict(ok, f"{kind}: {what} every 303 stored exactly once ({line})", failures)


def timed(folder: Path, env: dict[str, str], args) -> dict[str, str]:
    """With --timing: gunicorn's config with the timing hook, records into ``folder``."""
    if not args.timing:
        return {}
    env["BENCH_TIMING_DIR"] = str(folder)
    return {"config": "bench/gunicorn_timing.py"}


def report_timing(folder: Path, args) -> None:
    """Per kind of transaction: how many, statements, lock wait, lock held, COMMIT."""
    if not args.timing:
        return
    groups: dict[tuple[str, int, str], list[dict]] = {}
    for record in timing.read(folder):
        ended = "alone" if record.get("alone") else record["ended"]
        key = (record["what"], record["statements"], ended)
        groups.setdefault(key, []).append(record)

    def ms(records, field) -> str:
        values = [r[field] for r in records if r.get(field) is not None]
        if not values:
            return "      -      "
        p50, p99 = percentile(values, 0.5) * 1000, percentile(values, 0.99) * 1000
        return f"{p50:5.1f} / {p99:6.1f}"

    print(
        "        transactions (p50 / p99 ms):     count stmts   lock wait       held"
        "          COMMIT     write→commit"
    )
    for (what, statements, ended), records in sorted(groups.items(), key=lambda g: -len(g[1])):
        print(
            f"        {what[:28]:<28} {ended:<8} {len(records):6} {statements:5}  "
            f"{ms(records, 'wait')}  {ms(records, 'held')}  {ms(records, 'commit')}  "
            f"{ms(records, 'total')}"
        )


def combine(results: list[Result]) -> Result:
    """Slices of one app's load as one result: requests and seconds added, p50 weighted
    by requests, p99 the worst slice's (wrk reports percentiles, not the latencies)."""
    requests = sum(r.requests for r in results)
    return Result(
        requests,
        sum(r.seconds for r in results),
        sum(r.p50 * r.requests for r in results) / requests if requests else float("nan"),
        max(r.p99 for r in results),
        sum(r.bad for r in results),
        sum(r.errors for r in results),
        results[0].tool,
    )


def check_privacy(kind: str, privacy: Result, hello: Result, failures: list[str]) -> None:
    ratio = privacy.rate / hello.rate if hello.rate else 0.0
    verdict(ratio >= 0.6, f"{kind}: /privacy ÷ hello = {ratio:.2f} (goal ≥ 0.6)", failures)
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


def bench_database(kind: str, hello: Result, args, use_wrk: bool, failures: list[str]) -> None:
    """hello_write and the site side by side, each on a fresh database of ``kind``.

    Both servers are up at once and the POST load goes to them in alternating slices,
    hello_write, site, site, hello_write (each half of --duration), so that a change in
    the machine's other load during the run weighs on both alike.
    """
    with tempfile.TemporaryDirectory(prefix=f"drs-http-{kind}-") as tmp:
        folder = Path(tmp)
        (folder / "write").mkdir()
        (folder / "site").mkdir()
        make = SQLiteDatabase if kind == "sqlite" else PostgresDatabase
        write_db, site_db = make(folder / "write"), make(folder / "site")
        try:
            write_env = base_env(folder / "write", write_db.url)
            hello_write.create_table(write_db.url)
            site_env = base_env(folder / "site", site_db.url)
            migrate(site_env)
            fake = [(secrets.token_urlsafe(60), secrets.token_urlsafe(66)) for _ in range(8)]
            write_server = Gunicorn(
                folder / "write",
                write_env,
                app="bench.hello_write:app",
                **timed(folder, write_env, args),
            )
            site_server = Gunicorn(folder / "site", site_env, **timed(folder, site_env, args))
            with write_server.start(ready_path="/"), site_server:
                privacy = measure_get(site_server, "/privacy", args, use_wrk)
                print(privacy.line(f"GET /privacy ({kind})"), flush=True)
                check_privacy(kind, privacy, hello, failures)

                sessions = fetch_sessions(site_server.port, args.sessions)
                warm_post(write_server, folder, fake, args, use_wrk)
                warm_post(site_server, folder, sessions, args, use_wrk)
                timing.read(folder)
                half = argparse.Namespace(**{**vars(args), "duration": max(1, args.duration // 2)})
                slices: dict[str, list] = {"write": [], "site": []}
                for which in ("write", "site", "site", "write"):
                    server, pool = (
                        (write_server, fake) if which == "write" else (site_server, sessions)
                    )
                    tag = run_tag()
                    result, responses = measure_post(server, folder, pool, tag, half, use_wrk)
                    slices[which].append((tag, result, responses))
            write = combine([r for _tag, r, _responses in slices["write"]])
            post = combine([r for _tag, r, _responses in slices["site"]])
            print(write.line(f"POST hello_write ({kind})"), flush=True)
            print(post.line(f"POST /contact ({kind})"), flush=True)
            report_timing(folder, args)
            verdict(
                post.bad == 0 and post.errors == 0,
                f"{kind}: POST /contact all 303 ({post.bad} bad, {post.errors} errors)",
                failures,
            )
            written = [(None, m) for m in hello_write.stored_messages(write_db.url)]
            for tag, _result, responses in slices["write"]:
                check_exactly_once(
                    kind, "hello_write", responses, written, tag, args.connections, failures
                )
            stored = stored_messages(site_env, folder / "site")
            reference_of = sent_reference(site_env, folder / "site")
            for tag, _result, responses in slices["site"]:
                check_exactly_once(
                    kind,
                    "POST /contact",
                    responses,
                    stored,
                    tag,
                    args.connections,
                    failures,
                    reference_of=reference_of,
                )
            rate = post.rate / write.rate if write.rate else 0.0
            verdict(
                rate >= 0.5,
                f"{kind}: POST /contact ÷ hello_write = {rate:.2f} (goal ≥ 0.5)",
                failures,
            )
            tail = post.p99 / write.p99 if write.p99 else float("inf")
            verdict(
                tail <= 2.0,
                f"{kind}: POST /contact p99 {post.p99 * 1000:.0f} ms = {tail:.2f} × "
                f"hello_write's {write.p99 * 1000:.0f} ms (goal ≤ 2)",
                failures,
            )
        finally:
            write_db.drop()
            site_db.drop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--timing",
        action="store_true",
        help="time each transaction in the workers: statements, lock wait and hold, COMMIT",
    )
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
