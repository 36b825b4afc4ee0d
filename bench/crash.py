"""Faults under load: workers killed mid-run, and the database going away and coming back.

    .venv/bin/python -m bench.crash [--check crash,down] [--db sqlite,postgresql]
                                    [--count 400] [--clients 16]

crash  A load run of --count submissions; after a third have finished every gunicorn
       worker is sent SIGKILL (the master respawns them); at the end the master and its
       workers are killed too and gunicorn is started again. Every submission that got
       its 303 must be stored, none twice, the reference shown must be the one stored,
       and on SQLite `PRAGMA integrity_check` must say ok.

down   Visitors who loaded the form press Send while the database is unreachable: each
       gets a 503 page with the form and what they typed, no stack trace, and /healthz
       says 503. Then the database comes back and, without restarting gunicorn, the
       same visitors press Send again: 303, stored once. PostgreSQL is made unreachable
       through a TCP proxy run by this script (the shared server is never touched);
       SQLite by another process holding the write lock past the app's busy timeout
       (15 s) — as root, file permissions cannot lock the bench out.

Prints a PASS/FAIL line per check; exits non-zero on any FAIL.
"""

import argparse
import contextlib
import html
import re
import socket
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench._servers import (
    ContactClient,
    canary,
    contact_fields,
    run_tag,
    stored_messages,
    verdict,
)
from bench.load import check_stored, run_load, summarise
from tests.support.servers import (
    Gunicorn,
    PostgresDatabase,
    SQLiteDatabase,
    base_env,
    get,
    migrate,
    postgres_available,
)


def new_database(kind: str, folder: Path):
    return SQLiteDatabase(folder) if kind == "sqlite" else PostgresDatabase(folder)


# --- crash ------------------------------------------------------------------------------


def crash(kind: str, count: int, clients: int, failures: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix=f"drs-crash-{kind}-") as tmp:
        folder = Path(tmp)
        database = new_database(kind, folder)
        server = None
        try:
            env = base_env(folder, database.url)
            migrate(env)
            server = Gunicorn(folder, env).start()
            run = run_tag()
            kill = {"at": count // 3, "done": False, "pids": [], "when": None}
            kill_lock = threading.Lock()

            def on_progress(done: int) -> None:
                with kill_lock:
                    if kill["done"] or done < kill["at"]:
                        return
                    kill["done"] = True
                kill["pids"] = server.kill_workers()
                kill["when"] = done

            results, elapsed = run_load(server.port, run, count, clients, on_progress=on_progress)
            print(f"      SIGKILL to workers {kill['pids']} after {kill['when']} submissions")
            summarise(results, elapsed)
            respawned = server.worker_pids()
            fresh = not set(respawned) & set(kill["pids"])
            verdict(
                len(kill["pids"]) == 4 and len(respawned) == 4 and fresh,
                f"all 4 workers killed and respawned by the master ({len(respawned)} new)",
                failures,
            )
            failed = [r for r in results if r["status"] != 303]
            print(f"      {len(failed)} submissions without a 303 (in flight at the kill)")

            server.kill_all()  # the master too, with its workers: a crash of the whole host
            server.start()  # and back up on the same database
            after = ContactClient(server.port)
            try:
                status, _h, _b = after.post(after.token(), contact_fields(run, count))
            finally:
                after.close()
            verdict(status == 303, f"after kill -9 of the master and a restart: {status}", failures)
            results.append({"number": count, "status": status, "reference": None})
            server.stop()

            stored = stored_messages(env, folder)
            check_stored(results, stored, run, every_one_sent=False, failures=failures)
            if kind == "sqlite":
                status = database.integrity()
                verdict(status == "ok", f"SQLite integrity_check: {status}", failures)
        finally:
            if server is not None:
                server.stop()
            database.drop()


# --- database down ----------------------------------------------------------------------


class TcpProxy:
    """127.0.0.1:<port> → target, which can be cut (every connection reset) and restored."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = 0
        self.listener: socket.socket | None = None
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        """Stop listening and reset every open connection: the database is gone."""
        if self.listener is not None:
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
                    sock.close()
            self.sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.close()
            with self.lock:
                self.sockets.discard(source)
                self.sockets.discard(sink)


def _textarea(body: str) -> str | None:
    found = re.search(r'<textarea[^>]*name="message"[^>]*>(.*?)</textarea>', body, re.S)
    return html.unescape(found.group(1)).strip() if found else None


def _kept(body: str, fields: dict[str, str]) -> bool:
    email = re.search(r'<input[^>]*name="email"[^>]*value="([^"]*)"', body)
    return (
        _textarea(body) == fields["message"]
        and email is not None
        and html.unescape(email.group(1)) == fields["email"]
    )


def database_down(kind: str, visitors: int, failures: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix=f"drs-down-{kind}-") as tmp:
        folder = Path(tmp)
        database = new_database(kind, folder)
        proxy = None
        server = None
        holder = None
        try:
            env = base_env(folder, database.url)
            migrate(env)
            server_env = dict(env)
            if kind == "postgresql":
                proxy = TcpProxy(("127.0.0.1", 5432))
                proxy.up()
                server_env["DATABASE_URL"] = database.with_port(proxy.port)
            server = Gunicorn(folder, server_env).start()
            run = run_tag()
            # SQLite: the store waits the busy timeout, then the page's notices wait it
            # again, and keep-alive connections queue behind each other in one worker.
            people = [ContactClient(server.port, timeout=150) for _ in range(visitors)]
            tokens = [person.token() for person in people]  # they loaded the form

            # The database goes away.
            if kind == "postgresql":
                proxy.down()
                how = "TCP proxy to PostgreSQL closed, its connections reset"
            else:
                holder = sqlite3.connect(database.path, timeout=30, isolation_level=None)
                holder.execute("BEGIN EXCLUSIVE")
                how = "another process holds SQLite's write lock"
            print(f"      database down: {how}", flush=True)

            def press_send(index: int):
                fields = contact_fields(run, index)
                started = time.perf_counter()
                status, _headers, body = people[index].post(tokens[index], fields)
                return (
                    status,
                    body.decode("utf-8", "replace"),
                    fields,
                    time.perf_counter() - started,
                )

            with ThreadPoolExecutor(max_workers=visitors) as pool:
                down = list(pool.map(press_send, range(visitors)))
                health_down = pool.submit(get, server.port, "/healthz", 150).result()[0]
            slowest = max(seconds for *_rest, seconds in down)
            statuses = sorted({status for status, *_rest in down})
            print(
                f"      {visitors} sends while down: statuses {statuses}, slowest {slowest:.1f} s"
            )
            if slowest > 30:
                print(
                    "NOTE  a visitor waited over 30 s for the 503 page: a proxy with a shorter "
                    "read timeout would answer 504 and drop what they typed"
                )
            verdict(all(s == 503 for s, *_ in down), "each send while down gets a 503", failures)
            verdict(
                all(_kept(body, fields) for _s, body, fields, _t in down),
                "the 503 page is the form with the visitor's message and e-mail kept",
                failures,
            )
            verdict(
                all("could not send your message just now" in body for _s, body, *_ in down),
                "the 503 page says the message was not sent and the text was kept",
                failures,
            )
            leaks = [b for _s, b, *_ in down if "Traceback" in b or "sqlalchemy" in b.lower()]
            verdict(not leaks, "no stack trace or driver error on the page", failures)
            verdict(health_down == 503, f"/healthz while down: {health_down}", failures)
            started = time.perf_counter()
            form_status = get(server.port, "/contact", 150)[0]
            seconds = time.perf_counter() - started
            print(f"      GET /contact while down: {form_status} in {seconds:.1f} s")

            # The database comes back; gunicorn is not restarted. The visitors' idle
            # keep-alive connections have been closed by gunicorn (keepalive = 5 s).
            for person in people:
                person.close()
            if kind == "postgresql":
                proxy.up()
            else:
                holder.execute("ROLLBACK")
                holder.close()
                holder = None
            with ThreadPoolExecutor(max_workers=visitors) as pool:
                again = list(pool.map(press_send, range(visitors)))
            sent = [status for status, *_ in again]
            verdict(
                all(s == 303 for s in sent),
                f"after it returns, the same visitors press Send again: {sorted(set(sent))}",
                failures,
            )
            health_up = get(server.port, "/healthz")[0]
            verdict(health_up == 200, f"/healthz after recovery: {health_up}", failures)
            workers_before = len(server.worker_pids())
            for person in people:
                person.close()
            server.stop()
            log_text = Path(server.errors.name).read_text(errors="replace")
            verdict(
                "Traceback" not in log_text and workers_before == 4,
                "no traceback in gunicorn's log; all 4 workers still running (no restart)",
                failures,
            )
            stored = [m for _ref, m in stored_messages(env, folder)]
            expected = [canary(run, i) for i in range(visitors)]
            verdict(
                sorted(stored) == sorted(expected),
                f"each message stored once ({len(stored)} rows for {visitors} visitors)",
                failures,
            )
        finally:
            if holder is not None:
                holder.close()
            if server is not None:
                server.stop()
            if proxy is not None:
                proxy.down()
            database.drop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", default="crash,down")
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--visitors", type=int, default=8)
    args = parser.parse_args()
    if not 3 <= args.count <= 10000 or not 1 <= args.clients <= 200:
        parser.error("--count must be 3..10000 and --clients 1..200")
    if not 1 <= args.visitors <= 16:
        parser.error("--visitors must be 1..16 (gunicorn serves 16 requests at once)")
    failures: list[str] = []
    for check in args.check.split(","):
        for kind in args.db.split(","):
            print(f"== {check} on {kind}", flush=True)
            if kind == "postgresql" and not postgres_available():
                verdict(False, "PostgreSQL answers on 127.0.0.1:5432", failures)
                continue
            if check == "crash":
                crash(kind, args.count, args.clients, failures)
            else:
                database_down(kind, args.visitors, failures)
    print("ALL PASS" if not failures else f"{len(failures)} FAILED: {'; '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
