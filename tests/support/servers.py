"""Real servers for tests and benches: gunicorn on a free port, fresh databases.

Every server runs from the repository with `gunicorn.conf.py` (the production settings)
and an environment that keeps the repository's instance/ folder untouched: SECRET_KEY
and DATA_KEYS are set (so nothing is generated into instance/), the access log goes to a
temporary folder, and the database is a temporary SQLite file or a fresh PostgreSQL
database dropped at the end. Traffic goes to 127.0.0.1 only; every wait is bounded.

Used by tests/hosts and by the benches under bench/ (which import it from here: tests
never import from bench/).
"""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from cryptography.fernet import Fernet

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
GUNICORN = VENV_BIN / "gunicorn"
FLASK = VENV_BIN / "flask"
POSTGRES_ADMIN = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def base_env(folder: Path, database_url: str) -> dict[str, str]:
    """The environment of a bench server: production settings, secrets set, logs in folder."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "FLASK_DEBUG"}}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=Fernet.generate_key().decode(),
        DATA_KEYS=Fernet.generate_key().decode(),
        RATELIMIT_STORAGE_URI="memory://",
        # The default (5 per minute per client address) would refuse all but a few:
        # every bench request comes from 127.0.0.1.
        CONTACT_RATE_LIMIT="100000 per minute",
        ACCESS_LOG_PATH=str(folder / "logs" / "access.log"),
        WEB_CONCURRENCY="4",
        UNSAFE_PER_WORKER_LIMITS="1",  # benches measure workers, not the limits
        GUNICORN_THREADS=os.environ.get("GUNICORN_THREADS", "4"),
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [str(FLASK), "--app", "app", "db", "upgrade"],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )


class SQLiteDatabase:
    kind = "sqlite"

    def __init__(self, folder: Path):
        self.path = folder / "bench.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def drop(self) -> None:
        pass  # the temporary folder goes with it

    def integrity(self) -> str:
        import sqlite3

        with contextlib.closing(sqlite3.connect(self.path, timeout=30)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        return ", ".join(str(row[0]) for row in rows)


class PostgresDatabase:
    """A fresh database drs_bench_<pid>_<n> beside the test databases; dropped at the end."""

    kind = "postgresql"
    _count = 0

    def __init__(self, _folder: Path):  # the same call as SQLiteDatabase's
        import sqlalchemy as sa

        PostgresDatabase._count += 1
        self.name = f"drs_bench_{os.getpid()}_{PostgresDatabase._count}"
        self.admin_url = sa.engine.make_url(POSTGRES_ADMIN)
        self._admin(f'CREATE DATABASE "{self.name}"')
        self.url = self.admin_url.set(database=self.name).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        import psycopg

        url = self.admin_url
        with psycopg.connect(
            host=url.host, port=url.port or 5432, user=url.username, dbname=url.database,
            password=url.password, autocommit=True, connect_timeout=10,
        ) as connection:  # fmt: skip
            connection.execute(sql)

    def with_port(self, port: int) -> str:
        """The same database reached through another local port (the fault proxy)."""
        import sqlalchemy as sa

        url = sa.engine.make_url(self.url).set(host="127.0.0.1", port=port)
        return url.render_as_string(hide_password=False)

    def drop(self) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def postgres_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=2):
            return True
    except OSError:
        return False


class Gunicorn:
    """gunicorn -c gunicorn.conf.py <app> on a free port, in its own process group.

    ``config`` is another gunicorn config file, relative to the repository (a bench's
    gunicorn.conf.py with hooks added).
    """

    def __init__(
        self,
        folder: Path,
        env: dict[str, str],
        app: str = "app.wsgi:app",
        config: str = "gunicorn.conf.py",
    ):
        self.folder = folder
        self.env = dict(env)
        self.app = app
        self.config = config
        self.port = free_port()
        self.env["BIND"] = f"127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.stopped = False
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_path: str = "/healthz", timeout: float = 60) -> "Gunicorn":
        self.starts += 1
        self.stopped = False
        self.errors = (self.folder / f"gunicorn-{self.port}-{self.starts}.err").open("wb")
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", self.config, self.app],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.errors,
            start_new_session=True,
        )
        self.wait_ready(ready_path, timeout)
        return self

    def wait_ready(self, path: str = "/healthz", timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.errors.name}")
            if len(self.worker_pids()) >= int(self.env.get("WEB_CONCURRENCY", "1")):
                with contextlib.suppress(OSError, http.client.HTTPException):
                    if get(self.port, path, timeout=5)[0] == 200:
                        return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready after {timeout} s; see {self.errors.name}")

    def worker_pids(self) -> list[int]:
        """The master's children, read from /proc (no psutil needed)."""
        if self.process is None or self.process.poll() is not None:
            return []
        pids: list[int] = []
        for children in Path(f"/proc/{self.process.pid}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                pids += [int(p) for p in children.read_text().split()]
        return pids

    def kill_workers(self) -> list[int]:
        pids = self.worker_pids()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return pids

    def kill_all(self) -> None:
        """SIGKILL the master and its workers at once (a crash), by our process group."""
        self.stop(timeout=0)

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM to the master (SIGKILL to the group after ``timeout``; at once if 0).

        The group is signalled only while it is known to exist, so that a process group
        id reused by someone else after ours is gone is never touched.
        """
        if self.process is None or self.stopped:
            return
        if self.process.poll() is None:
            if timeout > 0:
                self.process.send_signal(signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=timeout)
            if self.process.poll() is None:  # not reaped yet: the group id is still ours
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        if self._group_alive():  # a worker orphaned by the master's death
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while self._group_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.stopped = True
        self.errors.close()

    def _group_alive(self) -> bool:
        try:
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def __enter__(self) -> "Gunicorn":
        return self if self.process is not None else self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()
