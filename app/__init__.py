"""The DRS privacy site: create_app() builds it.

Order: config → extensions → the WSGI layers → request hooks → blueprints → error
pages → CLI.

Three WSGI layers wrap Flask, each added around the one before, so a request passes
them outside in:

1. the access log (app.accesslog), outermost: it sees every request as the server
   handed it over, including those the inner layers answer themselves, and the
   final status and size of every response;
2. the proxy fix (only with TRUSTED_PROXIES), which sets the client address and scheme
   from the proxies' headers: inside the log, which takes the socket peer itself, and
   outside the page cache, which keys on the scheme;
3. the page cache (app.public.page_cache), innermost, just in front of Flask, so that a
   cached page is still logged and still answered with the right scheme.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

# Importing the package loads nothing heavy: `import app.pii` (the detector, also used
# outside the site) must not pull in Flask, SQLAlchemy or the rate limits. Flask and the
# extensions are imported when create_app() runs, and Site on first use.


def raised_at(exc: BaseException | None) -> str:
    """Where an exception was raised, as "file.py:line" (the innermost frame): what the
    log says of an error instead of its message, which may hold what a visitor sent."""
    frame = exc.__traceback__ if exc is not None else None
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    return f"{Path(frame.tb_frame.f_code.co_filename).name}:{frame.tb_lineno}" if frame else "?"


def __getattr__(name: str) -> Any:
    if name == "Site":
        return _site_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _site_class() -> type[Flask]:
    from flask import Flask, request

    class Site(Flask):
        """Flask, except that it never writes what a visitor sent into the log.

        Flask's default logs the exception with its message and traceback; database
        errors carry their bound parameters in the message, which may be a visitor's
        text. We log the exception's type, where it happened and the route's pattern
        instead (the SecureDrop habit).
        """

        def log_exception(self, exc_info) -> None:
            exc_type = exc_info[0].__name__ if exc_info and exc_info[0] else "unknown"
            where = raised_at(exc_info[1] if exc_info else None)
            # The route's pattern, never the URL: a URL can name a message
            # (/staff/messages/DRS-…/reply) or hold what a visitor typed.
            rule = request.url_rule.rule if request.url_rule is not None else "(no route)"
            self.logger.error("Unhandled %s at %s on %s %s", exc_type, where, request.method, rule)

    return Site


def create_app(test_config: dict | None = None, instance_path: str | None = None) -> Flask:
    """Build the app. Tests pass their own config and instance folder."""
    from app import config
    from app.extensions import csrf, db, migrate

    app = _site_class()(__name__, instance_relative_config=True, instance_path=instance_path)
    # "/leaving//myconnect" would otherwise be a 308 to a URL built from the Host header:
    # a path is either exactly one of ours or a 404, never a redirect to a tidied copy.
    app.url_map.merge_slashes = False
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    # Defaults, then instance/config.py, then the environment, then a test's own.
    app.config.from_object(config.Defaults)
    app.config.update(config.defaults(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(config.from_environment())
    if test_config is not None:
        app.config.update(test_config)
    config.finish(app.config, app.instance_path)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _configure_sqlite(app)

    from app import crypto

    crypto.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    csrf.init_app(app)

    from app.contact import rate_limits

    rate_limits.init_app(app)

    from app import i18n

    i18n.init_app(app)

    from app.public import page_cache

    # Innermost, so that the proxy fix sets the scheme it keys on and the log sees all.
    page_cache.install(app)

    if app.config["TRUSTED_PROXIES"] > 0:
        # The client address and scheme from the configured number of proxies only.
        from werkzeug.middleware.proxy_fix import ProxyFix

        proxies = app.config["TRUSTED_PROXIES"]
        # Flask types wsgi_app as a method; wrapping it is how WSGI layers are added.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies
        )

    from app import request_guard, security

    security.init_app(app)
    request_guard.init_app(app)

    from app import accesslog

    accesslog.init_app(app)

    from app import public

    public.init_app(app)

    from app.contact import bp as contact_bp

    app.register_blueprint(contact_bp)

    from app import auth, staff

    auth.init_app(app)
    staff.init_app(app)
    # Every blueprint's pages in every language (the rules need the blueprints above).
    i18n.add_translated_routes(app)
    # The access log writes contact paths in every language as the English ones.
    app.extensions["accesslog_middleware"].english_paths = i18n.english_paths(
        app.config["LANGUAGES"]
    )

    from app import errors, health

    errors.init_app(app)
    health.init_app(app)

    from app import cli

    cli.init_app(app)

    if not app.debug and not app.testing and not app.logger.handlers:
        logging.basicConfig(level=app.config["LOG_LEVEL"])
    return app


def _configure_sqlite(app: Flask) -> None:
    """Make the embedded database safe with several workers (WAL, busy timeout)."""
    options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    connect_args = dict(options.get("connect_args", {}))
    connect_args.setdefault("timeout", app.config["SQLITE_BUSY_TIMEOUT"])
    options["connect_args"] = connect_args
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
