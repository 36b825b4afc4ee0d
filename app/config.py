"""Configuration: every setting the operator may change is defined once, here.

Each Setting has its default and the words README.md's "Configuration" table shows
(`scripts/config_table.py` writes the table from SETTINGS; tests/test_config.py fails
while they differ). Precedence, lowest first:

1. the defaults below;
2. ``instance/config.py`` (Flask's instance folder, git-ignored), which sets the same
   names as app.config (``SQLALCHEMY_DATABASE_URI``, not ``DATABASE_URL``);
3. environment variables: what the operator sets for a run wins over a file;
4. a test's own config.

An empty environment variable counts as unset, except for the list settings, where it
is an empty list. Secrets are never in the repository.
"""

import os
import secrets
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar


class ConfigError(ValueError):
    """A setting's value from the environment cannot be used (said in plain words)."""


def _integer(name: str, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value!r}.") from None


def _boolean(_name: str, value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _text(_name: str, value: str) -> str:
    return value


def _stripped(_name: str, value: str) -> str:
    return value.strip()


def _names(_name: str, value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


@dataclass(frozen=True)
class Setting:
    """One setting: its app.config name, default, how an environment value is read,
    and README's words for it."""

    name: str
    default: Any
    doc: str
    parse: Callable[[str, str], Any] = _text
    # README's "Default" cell when it is not the literal default (computed, or derived).
    shown: str | None = None
    # The environment variable, when it is not ``name``.
    env: str | None = None
    # A default that depends on the instance folder.
    computed: Callable[[Path], Any] | None = None

    @property
    def variable(self) -> str:
        return self.env or self.name

    @property
    def shown_default(self) -> str:
        if self.shown is not None:
            return self.shown
        if self.default is None or self.default == "":
            return "*(empty)*"
        if isinstance(self.default, bool):
            return f"`{str(self.default).lower()}`"
        if isinstance(self.default, tuple):
            return f"`{','.join(self.default)}`"
        return f"`{self.default}`"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "SECRET_KEY",
        None,
        "Signs sessions and CSRF tokens. Set it (the same on every host) in production.",
        _stripped,
        shown="generated once into `instance/secret_key`",
    ),
    Setting(
        "SQLALCHEMY_DATABASE_URI",
        None,
        "SQLAlchemy URL, e.g. `postgresql+psycopg://user@host/db`.",
        env="DATABASE_URL",
        shown="`sqlite:///instance/drs.sqlite3`",
        computed=lambda instance: f"sqlite:///{instance / 'drs.sqlite3'}",
    ),
    Setting("REDIS_URL", "", "Shared storage for rate limits and sign-in throttling across hosts."),
    # Rate limits and sign-in throttling must agree across hosts: Redis when given.
    Setting(
        "RATELIMIT_STORAGE_URI",
        None,
        "Where rate limits and sign-in failures are counted (a `limits` storage URI).",
        shown="`REDIS_URL`, else `memory://`",
    ),
    # HTTPS-only settings. Off for plain-HTTP local use (`make run`).
    Setting("SECURE_COOKIES", False, "Mark cookies `Secure` (turn on behind HTTPS).", _boolean),
    Setting(
        "HSTS_SECONDS",
        31536000,
        "`Strict-Transport-Security` max-age on HTTPS responses; `0` turns it off.",
        _integer,
    ),
    Setting(
        "TRUSTED_PROXIES",
        0,
        "How many proxies in front of the app to trust for the client address.",
        _integer,
    ),
    Setting("SITE_TIMEZONE", "America/New_York", 'What "today" means for notices and dates.'),
    # A 5,000-character message travels twice at most (form and interruption page),
    # percent-encoded; anything larger is not a visitor's message.
    Setting(
        "MAX_CONTENT_LENGTH",
        128 * 1024,
        "Largest request body, in bytes; larger gets a plain 413 page.",
        _integer,
    ),
    # Counted per client address; only sends that succeed count (`limits` syntax;
    # app/contact/rate_limits.py).
    Setting(
        "CONTACT_RATE_LIMIT",
        "5 per minute;30 per hour",
        "Messages one client address may send (only successful sends count; warnings do not).",
    ),
    Setting(
        "CONTACT_WARNING_RATE_LIMIT",
        "10 per minute;60 per hour",
        "Warning pages (tax numbers found) one client address may be shown; a form's "
        "warning is counted in the statistics once, however often it is shown.",
    ),
    Setting(
        "EMAIL_CHECK_DELIVERABILITY",
        False,
        "Also look the visitor's e-mail domain up in DNS (syntax is always checked).",
        _boolean,
    ),
    Setting("REPLY_WORKING_DAYS", 5, "The reply time promised on the confirmation page.", _integer),
    # Empty: the keys are kept in instance/data_keys, generated on first start.
    Setting(
        "DATA_KEYS",
        "",
        "Fernet keys that encrypt names, e-mails, messages and replies at rest, "
        "comma-separated, newest first. Set the same on every host.",
        shown="keys in `instance/data_keys`",
    ),
    # How long a message's content is kept, in days (then `flask purge` deletes it).
    Setting(
        "RETENTION_REPLIED_DAYS",
        30,
        "Days after the reply (or closing) until `flask purge` deletes a message's content.",
        _integer,
    ),
    Setting(
        "RETENTION_IDENTIFIERS_DAYS",
        7,
        'The same for messages sent with a tax number "as written".',
        _integer,
    ),
    Setting(
        "RETENTION_UNREPLIED_DAYS",
        180,
        "Days after arrival until an unanswered message's content is deleted.",
        _integer,
    ),
    Setting(
        "NOTICES_CACHE_SECONDS",
        60,
        "How long each process keeps today's notices (a desk change clears its own copy at once).",
        _integer,
    ),
    Setting(
        "PAGE_CACHE_SECONDS",
        60,
        "How long each process keeps the rendered home, privacy and exit pages; `0` turns it off.",
        _integer,
    ),
    # Long enough for a queue of short transactions, short enough that a visitor whose
    # message cannot be stored gets it back quickly.
    Setting(
        "SQLITE_BUSY_TIMEOUT",
        5,
        "Seconds an SQLite writer waits for another before giving up (the visitor then "
        "gets a 503 with their text).",
        _integer,
    ),
    Setting(
        "LOG_LEVEL",
        "INFO",
        "Application log level (and gunicorn's). The log never holds what a visitor typed: "
        "an unhandled error is logged with its type, file and line and the route's pattern "
        "(`POST /staff/messages/<reference>/reply`), never the URL.",
    ),
    # The W3C access log (app/accesslog).
    Setting(
        "ACCESS_LOG_PATH",
        None,
        "The W3C access log: a link to today's file; each UTC day is written to "
        "`access-YYYY-MM-DD.log` beside it.",
        shown="`instance/logs/access.log`",
        computed=lambda instance: str(instance / "logs" / "access.log"),
    ),
    Setting(
        "ACCESS_LOG_RETENTION_DAYS",
        30,
        "Raw access-log files older than this many days are deleted by `flask accesslog purge`.",
        _integer,
    ),
    Setting(
        "ACCESS_LOG_HOST",
        None,
        "Names this host's log files in the shared statistics tables (set it if host "
        "names are not unique).",
        shown="host name",
    ),
    Setting(
        "ACCESS_LOG_QUERY_PARAMS",
        ("page", "from", "to"),
        "Query parameters our own pages use; only these are written to the log, nothing "
        "else a URL carries.",
        _names,
    ),
    Setting(
        "ACCESS_LOG_NO_QUERY_PATHS",
        ("/contact",),
        "Paths whose query string is never logged, whatever it holds (the contact form's); "
        "each language's translation of a path listed here is treated alike.",
        _names,
    ),
    Setting(
        "ACCESS_STATS_MAX_KEYS",
        1000,
        'Most distinct error URLs and referring sites kept per day; the rest count as "(other)".',
        _integer,
    ),
    # The staff desk: sign-in throttling (counted in RATELIMIT_STORAGE_URI) and sessions.
    Setting(
        "STAFF_LOCKOUT_ATTEMPTS",
        5,
        "Failed sign-ins per account (known or not) before sign-in is locked.",
        _integer,
    ),
    Setting(
        "STAFF_LOCKOUT_MINUTES",
        15,
        "The window failed sign-ins are counted in, and how long a lock lasts.",
        _integer,
    ),
    Setting(
        "STAFF_CLIENT_ATTEMPTS",
        20,
        "Failed sign-ins from one client address, over any accounts, in the same window.",
        _integer,
    ),
    Setting("STAFF_IDLE_MINUTES", 30, "A desk session ends after this long unused.", _integer),
    Setting(
        "STAFF_ABSOLUTE_HOURS",
        12,
        "A desk session ends this long after sign-in, whatever happens.",
        _integer,
    ),
    # argon2id cost; hashes made with other values are re-made at the next sign-in.
    Setting(
        "STAFF_ARGON2_TIME_COST",
        3,
        "argon2id passes for staff passwords; a hash made with other costs is re-made at "
        "the next sign-in.",
        _integer,
    ),
    Setting("STAFF_ARGON2_MEMORY_KIB", 65536, "argon2id memory, in KiB.", _integer),
    Setting("STAFF_ARGON2_PARALLELISM", 4, "argon2id lanes.", _integer),
    # Replies to visitors (Flask-Mailman). "console" prints them: no mail server needed.
    Setting(
        "MAIL_BACKEND",
        "console",
        "How replies are sent: `console` prints them (for `make run`), `smtp` sends them. "
        "Never leave `console` in production: it writes replies to the server's output.",
    ),
    Setting("MAIL_SERVER", "localhost", "The SMTP server replies go through."),
    Setting("MAIL_PORT", 25, "Its port.", _integer),
    Setting("MAIL_USERNAME", None, "SMTP sign-in, if the server needs one."),
    Setting("MAIL_PASSWORD", None, "Its password."),
    Setting("MAIL_USE_TLS", False, "STARTTLS.", _boolean),
    Setting("MAIL_USE_SSL", False, "TLS from the start (port 465).", _boolean),
    Setting(
        "MAIL_TIMEOUT",
        30,
        "Seconds to wait for the SMTP server before telling the member of staff it failed.",
        _integer,
    ),
    Setting(
        "MAIL_DEFAULT_SENDER",
        "Department of Revenue Services <no-reply@localhost>",
        "The From of replies. Set it in production.",
    ),
)


def defaults(instance_path: str) -> dict[str, Any]:
    """Every setting's default, for an app whose instance folder is ``instance_path``."""
    instance = Path(instance_path)
    return {s.name: s.computed(instance) if s.computed is not None else s.default for s in SETTINGS}


def from_environment(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """The settings the environment sets (only those), read as their type."""
    found = {}
    for setting in SETTINGS:
        value = environ.get(setting.variable)
        if value is None or (value.strip() == "" and setting.parse is not _names):
            continue
        found[setting.name] = setting.parse(setting.variable, value)
    return found


def finish(config: dict[str, Any], instance_path: str) -> None:
    """Fill the settings whose default depends on others or is made on first start."""
    if not config.get("RATELIMIT_STORAGE_URI"):
        config["RATELIMIT_STORAGE_URI"] = config.get("REDIS_URL") or "memory://"
    if not config.get("ACCESS_LOG_HOST"):
        config["ACCESS_LOG_HOST"] = socket.gethostname()
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = load_secret_key(instance_path)
    config["SESSION_COOKIE_SECURE"] = config["SECURE_COOKIES"]


def load_secret_key(instance_path: str) -> str:
    """A development key kept in instance/ (SECRET_KEY unset).

    The key is generated once, on first start, so `make run` needs no set-up and no key is
    ever written in the repository.
    """
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


def markdown_table() -> str:
    """README.md's table of settings, generated from SETTINGS."""
    rows = ["| Variable | Default | What it does |", "| --- | --- | --- |"]
    for s in SETTINGS:
        name = f"`{s.variable}`" if s.env is None else f"`{s.variable}` (`{s.name}`)"
        rows.append(f"| {name} | {s.shown_default} | {s.doc} |")
    return "\n".join(rows) + "\n"


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
