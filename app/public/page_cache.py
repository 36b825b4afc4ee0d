"""Policy pages served from memory, briefly, in each process.

The home page, the privacy policy and the exit notices are the same for every visitor:
their HTML depends only on the URL and today's notices (no form, no session, no cookie).
They are most of the site's traffic, so a repeat view of one is answered from memory by
``CachedResponses``, a WSGI layer just in front of Flask: it keeps the finished response
— status, every header Flask added (the security headers included) and body — per
scheme, path and the browser's preferred language among the site's (the page may offer
its other-language version), for PAGE_CACHE_SECONDS (0 turns it off). Views opt in with
``cached_page``. The access log sits outside it and still records every request.

A change to the notices at the desk clears this process's copies at once
(``forget_pages``); other processes follow within that time plus NOTICES_CACHE_SECONDS.
"""

import functools
import threading
import time
from collections.abc import Callable

from flask import Flask, current_app, request

MAX_PAGES = 128  # the policy pages and exit notices, per language and preferred language
CACHEABLE = "drs.cacheable_page"


class MemoryCache:
    """A small dictionary whose entries expire; cleared whole when it is full."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries: dict[tuple, tuple[float, object]] = {}

    def get(self, key: tuple):
        with self._lock:
            hit = self._entries.get(key)
        return hit[1] if hit and hit[0] > time.monotonic() else None

    def put(self, key: tuple, value, seconds: float) -> None:
        with self._lock:
            if len(self._entries) >= MAX_PAGES:
                self._entries.clear()
            self._entries[key] = (time.monotonic() + seconds, value)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class CachedResponses:
    """Answers a repeat GET of a cacheable page from memory (WSGI middleware)."""

    def __init__(
        self,
        wsgi_app: Callable,
        cache: MemoryCache,
        seconds: Callable[[], float],
        variant: Callable[[dict], object] = lambda _environ: None,
    ):
        self.wsgi_app = wsgi_app
        self.cache = cache
        self.seconds = seconds
        self.variant = variant

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING"):
            return self.wsgi_app(environ, start_response)
        key = (environ.get("wsgi.url_scheme"), environ.get("PATH_INFO", ""), self.variant(environ))
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, list(headers))
            return [body]
        sent = {}

        def remember(status, headers, exc_info=None):
            sent["status"], sent["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, remember)
        if not environ.get(CACHEABLE):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = sent.get("headers", [])
        if sent.get("status", "").startswith("200 ") and not any(
            name.lower() == "set-cookie" for name, _ in headers
        ):
            self.cache.put(key, (sent["status"], tuple(headers), body), self.seconds())
        return [body]


def install(app: Flask) -> None:
    """Put the response cache just in front of Flask (inside any proxy fix and log)."""
    from app.i18n import preferred_language

    responses = MemoryCache()
    app.extensions["response_cache"] = responses
    # Flask types wsgi_app as a method; wrapping it is how WSGI layers are added.
    app.wsgi_app = CachedResponses(  # type: ignore[method-assign]
        app.wsgi_app,
        responses,
        lambda: app.config["PAGE_CACHE_SECONDS"],
        lambda environ: preferred_language(
            environ.get("HTTP_ACCEPT_LANGUAGE"), app.config["LANGUAGES"]
        ),
    )


def forget_pages() -> None:
    """Drop this process's cached pages (after the notices change)."""
    current_app.extensions["response_cache"].clear()


def cached_page(view):
    """Let CachedResponses keep the finished response of this view."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if current_app.config["PAGE_CACHE_SECONDS"] > 0:
            request.environ[CACHEABLE] = True
        return view(*args, **kwargs)

    return wrapper
