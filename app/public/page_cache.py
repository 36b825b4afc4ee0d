"""Rendered policy pages, kept briefly in each process.

The home page, the privacy policy and the exit notices are the same for every visitor:
their HTML depends only on the URL and today's notices (no form, no session). Rendering
the long policy on every view is most of what a request costs, so each process keeps
the rendered page for PAGE_CACHE_SECONDS, keyed by the URL and the notices it shows.
"""

import functools
import threading
import time

from flask import Flask, current_app, request

from app.public.notices import current_notices

MAX_PAGES = 64  # more than the site's policy pages and exit notices together


class PageCache:
    def __init__(self):
        self._lock = threading.Lock()
        self._pages: dict[tuple, tuple[float, str]] = {}

    def get(self, key: tuple) -> str | None:
        with self._lock:
            hit = self._pages.get(key)
        return hit[1] if hit and hit[0] > time.monotonic() else None

    def put(self, key: tuple, body: str, seconds: float) -> None:
        with self._lock:
            if len(self._pages) >= MAX_PAGES:
                self._pages.clear()
            self._pages[key] = (time.monotonic() + seconds, body)


def init_app(app: Flask) -> None:
    app.extensions["page_cache"] = PageCache()


def cached_page(view):
    """Keep the HTML the view renders (a str) for this URL and today's notices."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        seconds = current_app.config["PAGE_CACHE_SECONDS"]
        if seconds <= 0:
            return view(*args, **kwargs)
        cache: PageCache = current_app.extensions["page_cache"]
        key = (request.path, current_notices())
        body = cache.get(key)
        if body is None:
            body = view(*args, **kwargs)
            cache.put(key, body, seconds)
        return body

    return wrapper
