"""Configuration: defaults here, then environment variables, then instance/config.py.

Secrets are never in the repository. Every setting that an operator may change is read
from the environment by the same name and listed in README.md ("Configuration").
"""

import os
import secrets
from pathlib import Path
from typing import ClassVar


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: str) -> tuple[str, ...]:
    """A comma-separated list; an empty variable is an empty list."""
    value = os.environ.get(name, default)
    return tuple(item.strip() for item in value.split(",") if item.strip())


def from_environment(instance_path: str) -> dict:
    """Settings read from the environment, with their defaults."""
    instance = Path(instance_path)
    sqlite_default = f"sqlite:///{instance / 'drs.sqlite3'}"
    redis_url = os.environ.get("REDIS_URL", "")
    return {
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", sqlite_default),
        "REDIS_URL": redis_url,
        # Rate limits and sign-in throttling must agree across hosts: Redis when given.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", redis_url or "memory://"),
        # HTTPS-only settings. Off for plain-HTTP local use (`make run`).
        "SECURE_COOKIES": env_bool("SECURE_COOKIES", False),
        "HSTS_SECONDS": env_int("HSTS_SECONDS", 31536000),
        "TRUSTED_PROXIES": env_int("TRUSTED_PROXIES", 0),
        "SITE_TIMEZONE": os.environ.get("SITE_TIMEZONE", "America/New_York"),
        # A 5,000-character message travels twice at most (form and interruption page),
        # percent-encoded; anything larger is not a visitor's message.
        "MAX_CONTENT_LENGTH": env_int("MAX_CONTENT_LENGTH", 128 * 1024),
        # Counted per client address; only sends that succeed count (Flask-Limiter syntax).
        "CONTACT_RATE_LIMIT": os.environ.get("CONTACT_RATE_LIMIT", "5 per minute;30 per hour"),
        "EMAIL_CHECK_DELIVERABILITY": env_bool("EMAIL_CHECK_DELIVERABILITY", False),
        "REPLY_WORKING_DAYS": env_int("REPLY_WORKING_DAYS", 5),
        # How long an SQLite writer waits for another to finish before giving up (seconds):
        # long enough for a queue of short transactions, short enough that a visitor
        # whose message cannot be stored gets it back quickly.
        "SQLITE_BUSY_TIMEOUT": env_int("SQLITE_BUSY_TIMEOUT", 5),
        # Seconds each process keeps today's notices and the rendered policy pages.
        "NOTICES_CACHE_SECONDS": env_int("NOTICES_CACHE_SECONDS", 60),
        "PAGE_CACHE_SECONDS": env_int("PAGE_CACHE_SECONDS", 60),
        # How long a message's content is kept, in days (then `flask purge` deletes it).
        "RETENTION_REPLIED_DAYS": env_int("RETENTION_REPLIED_DAYS", 30),
        "RETENTION_IDENTIFIERS_DAYS": env_int("RETENTION_IDENTIFIERS_DAYS", 7),
        "RETENTION_UNREPLIED_DAYS": env_int("RETENTION_UNREPLIED_DAYS", 180),
        # Keys that encrypt messages at rest (comma-separated, newest first). Empty: the
        # keys are kept in instance/data_keys, generated on first start.
        "DATA_KEYS": os.environ.get("DATA_KEYS", ""),
        # The W3C access log (app/accesslog): where, how long raw files stay, which
        # query parameters our own pages use (all others are left out of the log).
        "ACCESS_LOG_PATH": os.environ.get("ACCESS_LOG_PATH", str(instance / "logs" / "access.log")),
        "ACCESS_LOG_RETENTION_DAYS": env_int("ACCESS_LOG_RETENTION_DAYS", 30),
        "ACCESS_LOG_HOST": os.environ.get("ACCESS_LOG_HOST", ""),
        "ACCESS_LOG_QUERY_PARAMS": env_list("ACCESS_LOG_QUERY_PARAMS", "page,from,to"),
        "ACCESS_LOG_NO_QUERY_PATHS": env_list("ACCESS_LOG_NO_QUERY_PATHS", "/contact"),
        "ACCESS_STATS_MAX_KEYS": env_int("ACCESS_STATS_MAX_KEYS", 1000),
        # The staff desk: sign-in throttling (counted in RATELIMIT_STORAGE_URI) and sessions.
        "STAFF_LOCKOUT_ATTEMPTS": env_int("STAFF_LOCKOUT_ATTEMPTS", 5),
        "STAFF_LOCKOUT_MINUTES": env_int("STAFF_LOCKOUT_MINUTES", 15),
        "STAFF_CLIENT_ATTEMPTS": env_int("STAFF_CLIENT_ATTEMPTS", 20),
        "STAFF_IDLE_MINUTES": env_int("STAFF_IDLE_MINUTES", 30),
        "STAFF_ABSOLUTE_HOURS": env_int("STAFF_ABSOLUTE_HOURS", 12),
        # argon2id cost; hashes made with other values are re-made at the next sign-in.
        "STAFF_ARGON2_TIME_COST": env_int("STAFF_ARGON2_TIME_COST", 3),
        "STAFF_ARGON2_MEMORY_KIB": env_int("STAFF_ARGON2_MEMORY_KIB", 65536),
        "STAFF_ARGON2_PARALLELISM": env_int("STAFF_ARGON2_PARALLELISM", 4),
        # Replies to visitors (Flask-Mailman). "console" prints them: no mail server needed.
        "MAIL_BACKEND": os.environ.get("MAIL_BACKEND", "console"),
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", "localhost"),
        "MAIL_PORT": env_int("MAIL_PORT", 25),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD") or None,
        "MAIL_USE_TLS": env_bool("MAIL_USE_TLS", False),
        "MAIL_USE_SSL": env_bool("MAIL_USE_SSL", False),
        "MAIL_TIMEOUT": env_int("MAIL_TIMEOUT", 30),
        "MAIL_DEFAULT_SENDER": os.environ.get(
            "MAIL_DEFAULT_SENDER", "Department of Revenue Services <no-reply@localhost>"
        ),
    }


def load_secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else a development key kept in instance/.

    The key is generated once, on first start, so `make run` needs no set-up and no key is
    ever written in the repository.
    """
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # O_EXCL: when several workers start at once, only one writes; the others read it.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    return key


class Defaults:
    """Values that are the same everywhere unless a test or instance/config.py says so."""

    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    WTF_CSRF_TIME_LIMIT = 3600 * 4
    SESSION_COOKIE_NAME = "drs_public"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    RATELIMIT_HEADERS_ENABLED = False
    RATELIMIT_STRATEGY = "moving-window"
    TEMPLATES_AUTO_RELOAD = False
