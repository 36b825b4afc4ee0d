"""gunicorn settings for `make serve` and production hosts (all overridable by environment).

The app writes its own W3C access log (app/accesslog), so gunicorn's access log is off;
gunicorn's error log goes to standard error and never holds request bodies.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
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
