"""Languages of the public site: Flask-Babel, one URL per page and language.

English pages live at the root (`/privacy`); every other language has its own prefix and
its own words in the path (`/es/privacidad`). The language comes from the URL only —
never from a cookie or from Accept-Language, which at most offers the other page in a
banner — so a link shared is the page the next reader sees, and caches key on the path.

A page opts in with ``localized_route(bp, "/privacy")``: the English path is itself a
message in the catalogue, so a translator gives the path its words (`/privacidad`) and
a further language is a catalogue under ``app/translations/``, not code.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel import Locale
from babel.support import NullTranslations, Translations
from flask import Blueprint, Flask, current_app, g, has_request_context, request, url_for
from flask_babel import Babel, format_decimal, get_locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

DEFAULT_LANGUAGE = "en"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANG = "lang"  # the URL default that tells each rule its language

babel = Babel()


class CatalogueNotCompiled(RuntimeError):
    """A language's messages.po has no up-to-date messages.mo beside it."""


def available_languages(directory: Path = TRANSLATIONS) -> tuple[str, ...]:
    """English first, then each language with a catalogue, in name order.

    Raises CatalogueNotCompiled when a catalogue is newer than its compiled form, so a
    site never runs with Spanish pages that silently fall back to English words.
    """
    languages = [DEFAULT_LANGUAGE]
    for po in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            raise CatalogueNotCompiled(
                f"{po.relative_to(directory.parent.parent)} is not compiled: "
                "run `make translations`"
            )
        languages.append(po.parent.parent.name)
    return tuple(languages)


def language_for_path(path: str, languages: tuple[str, ...]) -> str:
    """The language a URL path is in: its first segment when that names a language."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in languages and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=256)  # browsers send few distinct headers; parse each once
def preferred_language(accept_language: str | None, languages: tuple[str, ...]) -> str | None:
    """The browser's best language among ours (None when it states none we have)."""
    if not accept_language:
        return None
    # By the primary tag, in the browser's order: "en-US,es;q=0.5" prefers English
    # (werkzeug's best_match would take the exact "es" over the regional "en-US").
    for value, quality in parse_accept_header(accept_language, LanguageAccept):
        primary = value.split("-", 1)[0].split("_", 1)[0].lower()
        if quality > 0 and primary in languages:
            return primary
    return None


def current_language() -> str:
    """The language of the page being made (English outside a request)."""
    if not has_request_context():
        locale = get_locale()
        return locale.language if locale else DEFAULT_LANGUAGE
    cached = g.get("page_language")
    if cached is None:
        cached = g.page_language = language_for_path(request.path, current_app.config["LANGUAGES"])
    return cached


def language_name(language: str) -> str:
    """A language's name in itself, as a link to it reads: "Español", "English"."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


# Routes ---------------------------------------------------------------------------------

_ROUTES: list[tuple[str, str, str, dict]] = []


def localized_route(bp: Blueprint, path: str, **options):
    """Register a view at ``path`` in English and at its translated path in each language.

    ``path`` is extracted into the catalogue (see babel.cfg): translate it, keeping any
    ``<converter:name>`` part as it is. ``add_translated_routes`` adds the other languages.
    """

    def decorator(view):
        endpoint = options.pop("endpoint", view.__name__)
        bp.add_url_rule(path, endpoint, view, defaults={LANG: DEFAULT_LANGUAGE}, **options)
        _ROUTES.append((bp.name, path, endpoint, {"view_func": view, **options}))
        return view

    return decorator


@functools.cache
def catalogue(language: str) -> NullTranslations:
    """A language's compiled catalogue, for words needed outside its own pages."""
    return Translations.load(str(TRANSLATIONS), [language])


def english_paths(languages) -> dict[str, str]:
    """Each translated path with no variable part, mapped to its English path
    (``/es/contacto/revisar`` → ``/contact/check``), for the access log."""
    paths = {}
    for language in languages:
        if language == DEFAULT_LANGUAGE:
            continue
        for _blueprint, path, _endpoint, _options in _ROUTES:
            if "<" not in path:
                paths[f"/{language}{catalogue(language).gettext(path)}".rstrip("/")] = path
    return paths


def add_translated_routes(app: Flask) -> None:
    """Each language's rules, on the app under the blueprint's endpoint names.

    Called once the blueprints are registered; the rules keep the blueprint's endpoint
    (``public.privacy``), so its hooks and error handlers apply in every language.
    """
    for language in app.config["LANGUAGES"]:
        if language == DEFAULT_LANGUAGE:
            continue
        for blueprint, path, endpoint, options in _ROUTES:
            translated = catalogue(language).gettext(path)
            rule = f"/{language}{translated}"
            # The home page is /es/, and /es is the same page: a redirect to the tidied
            # path would be built from the client's Host header.
            app.add_url_rule(
                rule,
                f"{blueprint}.{endpoint}",
                defaults={LANG: language},
                strict_slashes=False if translated == "/" else None,
                **options,
            )


def page_in(language: str) -> str | None:
    """This page's URL in ``language``, or None when the page has no such version."""
    if (
        not has_request_context()
        or g.get("error_page")
        or request.endpoint is None
        or request.url_rule is None
        or LANG not in (request.url_rule.defaults or {})
        or request.method != "GET"
    ):
        return None
    values = {**(request.view_args or {}), LANG: language}
    return url_for(request.endpoint, **values)


def language_links() -> list[dict]:
    """The links to this page (or, for an error page, the home page) in other languages."""
    here = current_language()
    links = []
    for language in current_app.config["LANGUAGES"]:
        if language == here:
            continue
        url = page_in(language) or url_for("public.home", **{LANG: language})
        links.append({"language": language, "name": language_name(language), "url": url})
    return links


def alternates() -> list[dict]:
    """rel=alternate links for this page in every language (none for an error page)."""
    if page_in(DEFAULT_LANGUAGE) is None:
        return []
    # Paths, not absolute URLs: the Host header is the client's to choose, and these
    # pages are cached whole, so an absolute URL would let one request poison them.
    links = [
        {"hreflang": language, "url": page_in(language)}
        for language in current_app.config["LANGUAGES"]
    ]
    links.append({"hreflang": "x-default", "url": page_in(DEFAULT_LANGUAGE)})
    return links


def language_offer() -> dict | None:
    """The other-language version of this page, when the browser prefers that language.

    Never a redirect: the visitor chose this URL. Worded in the offered language.
    """
    if not has_request_context():
        return None
    offered = preferred_language(
        request.headers.get("Accept-Language"), current_app.config["LANGUAGES"]
    )
    if offered is None or offered == current_language():
        return None
    url = page_in(offered)
    if url is None:
        return None
    words = catalogue(offered)
    return {
        "language": offered,
        "url": url,
        # Translators: offered to a visitor whose browser prefers your language; name it.
        "text": words.gettext("This page is also available in English."),
        # Translators: the link to this page in your language; name your language.
        "link": words.gettext("Read it in English"),
    }


def format_number(value) -> str:
    return format_decimal(value)


def init_app(app: Flask) -> None:
    app.config.setdefault("LANGUAGES", available_languages())
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    babel.init_app(
        app,
        default_locale=DEFAULT_LANGUAGE,
        default_translation_directories=str(TRANSLATIONS),
        locale_selector=current_language,
    )

    @app.url_value_preprocessor
    def _take_language(_endpoint, values):
        if values:
            values.pop(LANG, None)

    @app.url_defaults
    def _keep_language(endpoint, values):
        # A link from a Spanish page goes to the Spanish page unless it says otherwise.
        if LANG not in values and app.url_map.is_endpoint_expecting(endpoint, LANG):
            values[LANG] = current_language()

    @app.after_request
    def _vary(response):
        # The language banner depends on Accept-Language: shared caches must know.
        if page_in(DEFAULT_LANGUAGE) is not None:
            response.vary.add("Accept-Language")
        return response

    app.add_template_global(current_language)
    app.add_template_global(language_links)
    app.add_template_global(alternates)
    app.add_template_global(language_offer)
    app.add_template_filter(format_number, "number")
