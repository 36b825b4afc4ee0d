"""How many messages one address may send, and how many warning pages it may be shown.

Two limits, each a list of windows in the `limits` syntax ("5 per minute;30 per hour"),
counted per client address in RATELIMIT_STORAGE_URI — Redis when several hosts serve
the site, else this process's memory (gunicorn then runs one process) — with the moving
window strategy (RATELIMIT_STRATEGY):

- CONTACT_RATE_LIMIT, the sends: tested before a press of Send (on the form or on the
  warning page) is read at all; counted once the message is stored. Shared by both
  places a message is sent from.
- CONTACT_WARNING_RATE_LIMIT, the warning pages (each costs a counter and a draft):
  tested only when a send is about to be answered with a warning page; counted once
  that page's draft is saved. A send that stores a message or shows the form's errors
  is no warning and does not look at it.

A limit used up raises RateLimited (a 429 unless the contact views answer it), which
says when the window that is full frees a place.

The counting is the `limits` library's, called directly as the desk's sign-in throttle
does (app/auth/throttle.py): Flask-Limiter, used before, tested every window of both
limits on every POST through its decorators and hooks — about an eighth of a send's
CPU, and with Redis one round trip per window and per count (six for a plain send;
now four) — for two limits that are simplest said here. The storage keys are the ones
Flask-Limiter wrote (`LIMITER/<address>/<scope>/<amount>/<multiples>/<granularity>`), so
counts in a shared Redis carry over an upgrade.
"""

import functools

from flask import Flask, current_app, request
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import STRATEGIES, RateLimiter
from werkzeug.exceptions import TooManyRequests

SEND_SCOPE = "contact-send"
WARNING_SCOPE = "contact-warn"

_EXTENSION = "contact_rate_limits"


class RateLimited(TooManyRequests):
    """A limit is used up; ``reset_at`` (UNIX seconds) is when its full window frees a place."""

    def __init__(self, reset_at: float) -> None:
        super().__init__()
        self.reset_at = reset_at


def init_app(app: Flask) -> None:
    storage = storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
    app.extensions[_EXTENSION] = STRATEGIES[app.config["RATELIMIT_STRATEGY"]](storage)


def strategy() -> RateLimiter:
    return current_app.extensions[_EXTENSION]


@functools.lru_cache(maxsize=32)
def _windows(value: str) -> tuple[RateLimitItem, ...]:
    """A limit's windows, the shortest first (the one a visitor is told to wait for)."""
    return tuple(sorted(parse_many(value)))


def _client() -> str:
    # The address the proxy fix (TRUSTED_PROXIES) settled on; the socket peer otherwise.
    return request.remote_addr or "127.0.0.1"


def _limit(setting: str) -> tuple[RateLimiter, str, tuple[RateLimitItem, ...]]:
    """The strategy, this address and the limit's windows (none with limits off)."""
    config = current_app.config
    if not config.get("RATELIMIT_ENABLED", True):
        return strategy(), "", ()
    return strategy(), _client(), _windows(config[setting])


def _test(setting: str, scope: str) -> None:
    limiter, client, windows = _limit(setting)
    for window in windows:
        if not limiter.test(window, client, scope):
            reset_at, _left = limiter.get_window_stats(window, client, scope)
            raise RateLimited(reset_at)


def _count(setting: str, scope: str) -> None:
    limiter, client, windows = _limit(setting)
    for window in windows:
        limiter.hit(window, client, scope)


def check_send() -> None:
    """Raise RateLimited if this address has sent as many messages as it may for now."""
    _test("CONTACT_RATE_LIMIT", SEND_SCOPE)


def count_send() -> None:
    """A message from this address was stored (or found stored: a retry is a send)."""
    _count("CONTACT_RATE_LIMIT", SEND_SCOPE)


def check_warning() -> None:
    """Raise RateLimited if this address has been shown as many warning pages as it may."""
    _test("CONTACT_WARNING_RATE_LIMIT", WARNING_SCOPE)


def count_warning() -> None:
    """A warning page's draft was saved for this address."""
    _count("CONTACT_WARNING_RATE_LIMIT", WARNING_SCOPE)
