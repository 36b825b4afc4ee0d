"""Under real gunicorn with several workers: every request is one whole line."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.accesslog import w3c
from app.accesslog.writer import day_files

REPO = Path(__file__).resolve().parents[2]
REQUESTS = 600


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("gunicorn exited; see its error log")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start")


def test_gunicorn_workers_write_one_whole_line_per_request(app, tmp_path):
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("gunicorn is not installed in the virtual environment")
    log = tmp_path / "gunicorn-logs" / "access.log"
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "gunicorn-test",
        "ACCESS_LOG_PATH": str(log),
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "4",
        "UNSAFE_PER_WORKER_LIMITS": "1",  # several workers writing one log is the point
        "GUNICORN_THREADS": "4",
        "RATELIMIT_STORAGE_URI": "memory://",
    }
    errors = (tmp_path / "gunicorn.err").open("wb")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "app.wsgi:app"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)

        def fetch(number: int) -> None:
            request = urllib.request.Request(
                f"{url}/{'privacy' if number % 2 else 'static/css/site.css'}?n={number}",
                headers={"User-Agent": f'load "test" {number} ' + "x" * 600},
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()

        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(fetch, range(REQUESTS)))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        errors.close()

    numbers = []
    for _day, file in day_files(log):
        for line in file.read_text("ascii").splitlines():
            if line.startswith("#"):
                continue
            fields = w3c.split_line(line)
            if fields[5] == "/healthz":
                continue
            assert fields[4] == "200"
            assert fields[2] == "127.0.0.1"
            assert fields[3] == "127.0.0.1"
            agent = fields[9].replace("%22", '"')
            assert agent.startswith('load "test" ')
            assert agent.endswith("x" * 600)
            numbers.append(int(agent.split()[2]))
    assert sorted(numbers) == list(range(REQUESTS))
