"""gunicorn settings for `make serve` and production hosts (all overridable by environment).

The app writes its own W3C access log (app/accesslog), so gunicorn's access log is off;
gunicorn's error log goes to standard error and never holds request bodies.

Rate limits and sign-in lockouts are counted in RATELIMIT_STORAGE_URI (REDIS_URL when
set). In memory each process counts alone: with four workers, fourteen wrong passwords
were tried on one account before it locked (the promise is five). So without shared
storage the server runs one worker process, with threads for concurrency, and says so
at start; an explicit WEB_CONCURRENCY above 1 without it is refused.
"""

import multiprocessing
import os
import sys

from gunicorn.http import wsgi as _gunicorn_http

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")

_storage = os.environ.get("RATELIMIT_STORAGE_URI") or os.environ.get("REDIS_URL") or "memory://"
SHARED_STORAGE = not _storage.startswith("memory://")
_asked = os.environ.get("WEB_CONCURRENCY", "").strip()
# For benchmarks that measure several workers on one machine and do not care what the
# limits count (bench/, tests/support/servers.py): never in production.
_PER_WORKER_LIMITS_ACCEPTED = os.environ.get("UNSAFE_PER_WORKER_LIMITS", "") == "1"

if SHARED_STORAGE or _PER_WORKER_LIMITS_ACCEPTED:
    workers = int(_asked or multiprocessing.cpu_count() * 2 + 1)
    threads = int(os.environ.get("GUNICORN_THREADS", "4"))
    WHY = None
elif _asked and _asked != "1":
    sys.stderr.write(
        f"Refusing to start {_asked} worker processes: rate limits and sign-in lockouts are "
        "kept in memory (no REDIS_URL or RATELIMIT_STORAGE_URI), so each process would count "
        f"alone and an attacker would get {_asked} times the attempts. Set REDIS_URL to share "
        "them, or leave WEB_CONCURRENCY unset (or 1) to run one process with threads.\n"
    )
    sys.exit(2)
else:
    workers = 1
    threads = int(os.environ.get("GUNICORN_THREADS", "16"))
    WHY = (
        f"One worker process with {threads} threads: rate limits and sign-in lockouts are kept "
        "in memory (no REDIS_URL), which only one process can share. Set REDIS_URL to run "
        "several."
    )
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycling workers after N requests is off by default: at a few thousand requests a
# second it restarted a worker every few seconds, and each restart left its keep-alive
# clients waiting (1.5 s p99 in bench/http_bench.py). Set GUNICORN_MAX_REQUESTS to turn it
# on (e.g. 100000) if a leak ever shows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# Requests larger than any form on the site are refused before they reach the app.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# The client address comes from the app's ProxyFix (TRUSTED_PROXIES), not gunicorn.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn ≥ 25.1 opens a control socket at one fixed path per user; several instances
# on one machine (the multi-host test, `make serve` beside it) would fight over it.
control_socket_disable = True


def on_starting(server) -> None:
    if WHY:
        server.log.info(WHY)


# gunicorn writes "Server: gunicorn" on every response and has no setting to stop it;
# we do not advertise what runs the site (app/security.py removes the app's own).
_default_headers = _gunicorn_http.Response.default_headers


def _default_headers_without_server(self) -> list[str]:
    return [line for line in _default_headers(self) if not line.startswith("Server:")]


_gunicorn_http.Response.default_headers = _default_headers_without_server
