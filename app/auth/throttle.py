"""Sign-in throttling, counted in shared storage so several app hosts agree.

Failures are counted per account (a hash of the lowercased e-mail, whether or not such an
account exists, so a lock says nothing about who has an account) and per client address.
Storage is RATELIMIT_STORAGE_URI: memory:// on one host, Redis when REDIS_URL is set.
"""

import hashlib

from flask import Flask, current_app
from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


def init_app(app: Flask) -> None:
    storage = storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
    app.extensions["staff_throttle"] = MovingWindowRateLimiter(storage)


def _limiter() -> MovingWindowRateLimiter:
    return current_app.extensions["staff_throttle"]


def _account_limit():
    config = current_app.config
    return RateLimitItemPerMinute(
        config["STAFF_LOCKOUT_ATTEMPTS"], config["STAFF_LOCKOUT_MINUTES"], namespace="staff-account"
    )


def _client_limit():
    config = current_app.config
    return RateLimitItemPerMinute(
        config["STAFF_CLIENT_ATTEMPTS"], config["STAFF_LOCKOUT_MINUTES"], namespace="staff-client"
    )


def account_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def is_locked(email: str, client: str) -> bool:
    """True while either the account or the client has used up its attempts."""
    limiter = _limiter()
    return not (
        limiter.test(_account_limit(), account_key(email)) and limiter.test(_client_limit(), client)
    )


def record_failure(email: str, client: str) -> tuple[bool, bool]:
    """Count one failed attempt; say whether it has just locked the account, the client."""
    limiter = _limiter()
    account, client_limit = _account_limit(), _client_limit()
    was_account, was_client = (
        not limiter.test(account, account_key(email)),
        not limiter.test(client_limit, client),
    )
    limiter.hit(client_limit, client)
    limiter.hit(account, account_key(email))
    return (
        not was_account and not limiter.test(account, account_key(email)),
        not was_client and not limiter.test(client_limit, client),
    )


def clear_account(email: str) -> None:
    """A successful sign-in starts the account's count again (the client's stays)."""
    _limiter().clear(_account_limit(), account_key(email))


def lockout_minutes() -> int:
    return current_app.config["STAFF_LOCKOUT_MINUTES"]
