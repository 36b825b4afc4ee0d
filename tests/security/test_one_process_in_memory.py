"""Item 4: `make serve` without Redis counted per worker process.

With four workers and rate limits in memory, fourteen wrong passwords were tried on one
account before it locked (the promise is five) and thirteen messages went through a
five-a-minute limit. Without shared storage gunicorn now runs one process (threads for
concurrency) and says why; an explicit WEB_CONCURRENCY above 1 is refused. Also: no
`Server: gunicorn` on responses.
"""

import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest

from tests.support.servers import GUNICORN, REPO, Gunicorn, SQLiteDatabase, base_env, migrate

pytestmark = pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")


def memory_env(folder):
    database = SQLiteDatabase(folder)
    env = base_env(folder, database.url)
    for name in ("WEB_CONCURRENCY", "UNSAFE_PER_WORKER_LIMITS", "GUNICORN_THREADS"):
        env.pop(name, None)
    env["CONTACT_RATE_LIMIT"] = "5 per minute"
    env["LOG_LEVEL"] = "INFO"
    migrate(env)
    return env


def test_several_workers_without_shared_storage_are_refused(tmp_path):
    env = memory_env(tmp_path) | {"WEB_CONCURRENCY": "4", "BIND": "127.0.0.1:0"}
    done = subprocess.run(
        [str(GUNICORN), "-c", "gunicorn.conf.py", "app.wsgi:app"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "Refusing to start 4 worker processes" in done.stderr
    assert "REDIS_URL" in done.stderr
    assert "Traceback" not in done.stderr


def _sign_in_attempt(opener, url: str) -> int:
    page = opener.open(url + "/staff/sign-in", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'name="csrf_token"[^>]*value="([^"]+)"', page
    )
    data = urllib.parse.urlencode(
        {
            "csrf_token": token.group(1),
            "email": "someone@drs.example",
            "password": "not the right password at all",
            "code": "123456",
        }
    ).encode()
    try:
        return opener.open(url + "/staff/sign-in", data=data, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def test_memory_storage_runs_one_process_and_locks_after_five(tmp_path):
    with Gunicorn(tmp_path, memory_env(tmp_path)) as server:
        assert len(server.worker_pids()) == 1
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        # each attempt on a new connection, as the attacker made them
        statuses = [_sign_in_attempt(opener, server.url) for _ in range(7)]
        response = urllib.request.urlopen(server.url + "/privacy", timeout=10)
        assert "Server" not in response.headers
    with open(server.errors.name, encoding="utf-8", errors="replace") as log:
        assert "One worker process with 16 threads" in log.read()
    # four refusals with the form again; the fifth failure locks, and so on
    assert statuses == [200] * 4 + [429] * 3, statuses
