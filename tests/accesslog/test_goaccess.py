"""GoAccess reads every line the site writes, with the command the README gives."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.accesslog import w3c
from app.accesslog.writer import log_path
from tests.support.logs import logged_lines

README = Path(__file__).resolve().parents[2] / "README.md"
ODD_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    'Evil "quoted" agent \\" with backslash',
    "tabs\tand\x01controls\x7f",
    "naïve café ☃".encode().decode("latin-1"),  # UTF-8 bytes, as WSGI hands them over
    "",
    "x" * 5000,
    "  leading and trailing spaces  ",
    '"',
    "-",
]


def goaccess_or_skip() -> str:
    found = shutil.which("goaccess")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("goaccess is missing (make browser-deps installs it)")
        pytest.skip("goaccess is not installed (sudo apt-get install goaccess)")
    return found


def test_the_readme_gives_the_command_the_test_runs():
    text = README.read_text()
    command = "goaccess instance/logs/access.log " + " ".join(
        f"{option.split('=', 1)[0]}='{option.split('=', 1)[1]}'" if " " in option else option
        for option in w3c.GOACCESS_OPTIONS
    )
    assert command in text


def test_goaccess_parses_every_line_the_middleware_writes(app, fetch, tmp_path):
    goaccess = goaccess_or_skip()
    app.config["TRUSTED_PROXIES"] = 1
    urls = ["/", "/privacy", "/static/css/site.css", "/missing", "/?page=2&q=x y"]
    for number, agent in enumerate(ODD_AGENTS):
        for url in urls:
            fetch(
                url,
                headers={
                    "User-Agent": agent,
                    "Referer": f'https://example.com/a "b"?q={agent[:20]}',
                    "X-Forwarded-For": "2001:db8::7" if number % 2 else "203.0.113.9",
                },
            )
    fetch("/privacy", method="POST", data={"message": "hello"})
    lines = logged_lines(app)
    assert len(lines) == len(ODD_AGENTS) * len(urls) + 1

    output = tmp_path / "report.json"
    completed = subprocess.run(
        [
            goaccess,
            str(log_path(app)),
            *w3c.GOACCESS_OPTIONS,
            "--no-global-config",
            f"--output={output}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    general = json.loads(output.read_text())["general"]
    assert general["failed_requests"] == 0
    assert general["valid_requests"] == general["total_requests"] == len(lines)
