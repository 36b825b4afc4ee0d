"""Item 5: twelve slow clients took a host down; the production front now absorbs them.

One header byte every 3 s on a dozen connections held every gunicorn thread. The nginx
configuration under deploy/nginx/ reads whole requests before the app sees them; this
test starts Debian's nginx with it in front of gunicorn (`gunicorn.conf.py`, as
`make serve` runs it) and shows that 100 such connections do not delay `GET /privacy`
beyond a second, and that nginx's own pages carry the security headers too.
"""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from app.accesslog import w3c
from app.config import defaults, from_environment
from tests.support.servers import REPO, Gunicorn, SQLiteDatabase, base_env, free_port, migrate

DEPLOY = REPO / "deploy" / "nginx"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
SLOW_CLIENTS = 100


@pytest.fixture
def nginx_binary():
    if NGINX is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is needed in CI (make browser-deps installs it)")
        pytest.skip("nginx is not installed: apt-get install nginx (make browser-deps)")
    return NGINX


def _main_config(folder: Path, listen: int, upstream: int) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = folder / "temp"
    temp.mkdir()
    return f"""{user}worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {DEPLOY}/drs-http.conf;
    upstream drs_app {{
        server 127.0.0.1:{upstream};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{listen};
        server_name localhost;
        include {DEPLOY}/drs-server.conf;
    }}
}}
"""


@contextlib.contextmanager
def nginx_in_front(binary: str, folder: Path, upstream: int):
    port = free_port()
    folder.mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(_main_config(folder, port, upstream))
    check = subprocess.run(
        [binary, "-t", "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError, http.client.HTTPException):
                request(port, "GET", "/healthz", timeout=2)
                break  # nginx answers (the app may be down on purpose)
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail((folder / "error.log").read_text())
            time.sleep(0.1)
        yield port
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def request(port: int, method: str, path: str, body=None, headers=None, timeout=10.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class SlowClients:
    """Connections that send a request line, then one header byte every 3 s."""

    def __init__(self, port: int, count: int):
        self.sockets = []
        for _ in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /privacy HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            self.sockets.append(sock)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drip, daemon=True)
        self.thread.start()

    def _drip(self) -> None:
        while not self.stop.wait(3):
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.send(b"a")

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        for sock in self.sockets:
            sock.close()


@pytest.fixture
def site(tmp_path):
    env = base_env(tmp_path, SQLiteDatabase(tmp_path).url)
    for name in ("WEB_CONCURRENCY", "UNSAFE_PER_WORKER_LIMITS", "GUNICORN_THREADS"):
        env.pop(name, None)  # what `make serve` runs without Redis: one process, threads
    env["TRUSTED_PROXIES"] = "1"
    migrate(env)
    with Gunicorn(tmp_path, env) as server:
        yield server


def test_a_hundred_slow_clients_do_not_delay_the_privacy_page(nginx_binary, site, tmp_path):
    with nginx_in_front(nginx_binary, tmp_path / "nginx", site.port) as port:
        slow = SlowClients(port, SLOW_CLIENTS)
        try:
            time.sleep(3.5)  # every slow client has dripped at least once
            timings = []
            for _ in range(10):
                started = time.monotonic()
                status, _headers, body = request(port, "GET", "/privacy", timeout=5)
                timings.append(time.monotonic() - started)
                assert status == 200
                assert b"Privacy" in body
                time.sleep(0.3)
        finally:
            slow.close()
    assert max(timings) < 1.0, timings


def test_nginx_own_pages_carry_the_security_headers(nginx_binary, site, tmp_path):
    limit = (defaults(str(tmp_path)) | from_environment())["MAX_CONTENT_LENGTH"]
    conf = (DEPLOY / "drs-server.conf").read_text()
    size = re.search(r"^client_max_body_size (\d+)k;", conf, re.M)
    assert int(size[1]) * 1024 == limit  # nginx refuses what the app would refuse

    with nginx_in_front(nginx_binary, tmp_path / "nginx", site.port) as port:
        status, headers, body = request(
            port,
            "POST",
            "/contact",
            body=b"m=" + b"x" * limit,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 413
        assert b"What you sent is too large" in body
        assert b"nginx" not in body
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers.get("Server", "") in ("", "nginx")  # no version

        # the app's pages carry its headers once, not twice
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/privacy")
        response = connection.getresponse()
        response.read()
        assert len(response.headers.get_all("Content-Security-Policy")) == 1
        assert "gunicorn" not in (response.headers.get("Server") or "")
        connection.close()

        # the address the app logs is the one nginx saw, whatever the client claimed
        request(port, "GET", "/privacy?page=7", headers={"X-Forwarded-For": "203.0.113.9"})
        deadline = time.monotonic() + 5
        while True:
            logs = (tmp_path / "logs").glob("access-*.log")
            lines = [x for f in logs for x in f.read_text().splitlines() if "page=7" in x]
            if lines or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        fields = dict(zip(w3c.FIELDS, w3c.split_line(lines[-1]), strict=True))
        assert fields["c-ip"] == "127.0.0.1"

    site.stop()
    with nginx_in_front(nginx_binary, tmp_path / "nginx2", site.port) as port:
        status, headers, body = request(port, "GET", "/privacy")
        assert status == 503
        assert b"Sorry, the service is unavailable" in body
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "privacy.drs.example.gov")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_the_example_site_is_valid_nginx(nginx_binary, tmp_path):
    """deploy/nginx/drs-site.conf as shipped (TLS paths and include pointed at test files)."""
    cert, key = _self_signed(tmp_path)
    site = (DEPLOY / "drs-site.conf").read_text()
    site = site.replace("/etc/ssl/certs/privacy.drs.example.gov.pem", str(cert))
    site = site.replace("/etc/ssl/private/privacy.drs.example.gov.key", str(key))
    site = site.replace("/etc/nginx/snippets/drs-server.conf", str(DEPLOY / "drs-server.conf"))
    (tmp_path / "site.conf").write_text(site)
    temp = tmp_path / "temp"
    temp.mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  client_body_temp_path {temp}/body;\n  proxy_temp_path {temp}/proxy;\n"
        f"  include {DEPLOY}/drs-http.conf;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    check = subprocess.run(
        [nginx_binary, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "e.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr
