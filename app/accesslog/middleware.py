"""The WSGI middleware that writes one W3C line per request, pages and files alike.

It wraps ``app.wsgi_app``, so static files, redirects and error pages are logged too, and
it never reads a request body: bytes received are counted as the application reads them
(never taken from Content-Length, which a client can set to anything), bytes sent are
counted as the server sends them, and the line is written when the server closes the
response.
"""

import functools
import ipaddress
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from app.accesslog import w3c
from app.models.submission import REFERENCE_PATTERN
from app.pii._normalise import normalise

# A run of seven or more digits in a path, a kept query value or a referrer's path is
# written as this: whatever a visitor typed into an address bar, a tax number or an
# account number never reaches the log. The run is found in the decoded text after the
# detector's own normalisation (every dash "-", every space " ", any decimal digit its
# ASCII digit: fullwidth, Arabic-Indic, ...), with up to three characters of punctuation
# between digits, so "219/09/9999", "219_09_9999", "219–09–9999" and "２１９０９９９９９"
# all go.
REDACTED = "-redacted-"
_DIGIT_RUN = re.compile(r"\d(?:[-./_ ,:;+%*#~|=]{0,3}\d){6,}", re.ASCII)
_FEW_DIGITS = re.compile(r"^[^0-9%]*(?:[0-9][^0-9%]*){0,6}$")
_PROTOCOL = re.compile(r"^HTTP/\d(?:\.\d)?$")
# Characters a path keeps when it is re-quoted (RFC 3986 pchar and "/").
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


# A message's reference (in the desk's URLs) would tie a log line to a message.
REFERENCE_REDACTED = "-reference-"

# Requests whose sizes (cs-bytes and sc-bytes) are written as "-": what the contact form
# received, and the warning page that shows the message back, follow from the message
# staff read, so either size would match a stored message with its log line. English
# paths: each language's translation of them is treated alike (see english_paths).
NO_SIZE_PATHS = ("/contact",)


def _under(path: str, prefixes: Iterable[str]) -> bool:
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in prefixes)


def in_english(path: str, english: Mapping[str, str]) -> str:
    """A contact path in another language written as its English path.

    The desk shows the language of each message; a line (or a referrer) saying
    `/es/contacto` would single out a day's only Spanish message and give its address.
    Other pages keep their own language's path, so the statistics still tell them apart.
    """
    found = english.get(path.rstrip("/"))
    return found if found is not None and _under(found, NO_SIZE_PATHS) else path


def redact_text(text: str) -> str:
    """``text`` (decoded) with references and long digit runs replaced."""
    text = REFERENCE_PATTERN.sub(REFERENCE_REDACTED, text)
    if text.isascii() and _FEW_DIGITS.match(text):
        return text  # the common case: a few digits at most, nothing encoded
    normalised, starts = normalise(text)
    parts, position = [], 0
    for run in _DIGIT_RUN.finditer(normalised):
        if starts is None:
            begin, end = run.start(), run.end()
        else:
            begin, end = starts[run.start()], starts[run.end() - 1] + 1
        parts += [text[position:begin], REDACTED]
        position = end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def redact(encoded: str, safe: str = _PATH_SAFE) -> str:
    """A percent-encoded URL part with references and long digit runs redacted, read as
    the visitor typed it (decoded); left exactly as it was when nothing is redacted."""
    if encoded.isascii() and _FEW_DIGITS.match(encoded) and "DRS-" not in encoded.upper():
        return encoded
    decoded = unquote(encoded, errors="surrogateescape")
    redacted = redact_text(decoded)
    if redacted == decoded:
        return encoded
    return quote(redacted, safe=safe, errors="surrogateescape")


@functools.lru_cache(maxsize=4096)
def parse_ip(value: str) -> str | None:
    """An IP address from a header value, or None: "[2001:db8::1]:443" and "1.2.3.4:80"
    give their addresses; anything else is not trusted as one."""
    value = value.strip()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else ""
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(environ: dict, trusted_proxies: int) -> str:
    """The visitor's address: the socket peer, or — behind ``trusted_proxies`` proxies —
    the address the outermost trusted proxy saw (the N-th from the right of
    X-Forwarded-For), as Werkzeug's ProxyFix does. With 0 proxies the header is ignored."""
    # If ProxyFix wraps us, REMOTE_ADDR is already rewritten; start from the socket peer.
    original = environ.get("werkzeug.proxy_fix.orig") or {}
    remote = original.get("REMOTE_ADDR") or environ.get("REMOTE_ADDR") or ""
    if trusted_proxies > 0:
        forwarded = original.get("HTTP_X_FORWARDED_FOR", environ.get("HTTP_X_FORWARDED_FOR"))
        hops = [hop for hop in (forwarded or "").split(",") if hop.strip()]
        if len(hops) >= trusted_proxies:
            return parse_ip(hops[-trusted_proxies]) or "-"
    return parse_ip(remote) or "-"


def server_ip(environ: dict) -> str:
    """The address of the socket that took the request, when the server says."""
    for key in ("gunicorn.socket", "werkzeug.socket"):
        sock = environ.get(key)
        if sock is not None:
            try:
                address = sock.getsockname()
            except (OSError, AttributeError):
                continue
            if isinstance(address, tuple) and address:
                return parse_ip(str(address[0])) or "-"
    for key in ("SERVER_ADDR", "SERVER_NAME"):
        found = parse_ip(environ.get(key) or "")
        if found:
            return found
    return "-"


def uri_stem(environ: dict) -> str:
    raw = (environ.get("SCRIPT_NAME") or "") + (environ.get("PATH_INFO") or "")
    # PATH_INFO is the decoded path as latin-1 characters of the original bytes.
    try:
        path = quote(raw.encode("latin-1"), safe=_PATH_SAFE)
    except UnicodeEncodeError:
        path = quote(raw, safe=_PATH_SAFE)
    return redact(path) if path else "/"


def uri_query(environ: dict, allowed: frozenset[str], no_query_paths: tuple[str, ...]) -> str:
    """The parameters of the query string that our pages use, and nothing else.

    Our own links carry no free text in query strings, so anything else there was typed
    by someone: it is left out. Nothing from a POST (or any non-GET) request is kept.
    """
    if environ.get("REQUEST_METHOD", "GET") not in {"GET", "HEAD"}:
        return ""
    path = environ.get("PATH_INFO") or "/"
    if any(path == p or path.startswith(p.rstrip("/") + "/") for p in no_query_paths):
        return ""
    query = environ.get("QUERY_STRING") or ""
    if not query or not allowed:
        return ""
    kept = [
        (k, redact_text(v)) for k, v in parse_qsl(query, keep_blank_values=True) if k in allowed
    ]
    return urlencode(kept) if kept else ""


def referrer(environ: dict, english: Mapping[str, str] | None = None) -> str:
    """The referring page without its query string or fragment (they can hold what a
    visitor typed on another site, such as a search)."""
    value = environ.get("HTTP_REFERER") or ""
    if not value:
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return ""
    path = in_english(parts.path, english) if english else parts.path
    return redact(urlunsplit((parts.scheme, parts.netloc, path, "", "")))


class _CountingInput:
    """wsgi.input, counting the bytes the application reads (never keeping them)."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.count = 0

    def read(self, *args):
        data = self._stream.read(*args)
        self.count += len(data)
        return data

    def readline(self, *args):
        data = self._stream.readline(*args)
        self.count += len(data)
        return data

    def readlines(self, *args):
        lines = self._stream.readlines(*args)
        self.count += sum(len(line) for line in lines)
        return lines

    def __iter__(self):
        for line in self._stream:
            self.count += len(line)
            yield line

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class AccessLogMiddleware:
    def __init__(
        self,
        wsgi_app: Callable,
        write: Callable[[w3c.Entry], None],
        config: Mapping,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """``config`` is read on every request (TRUSTED_PROXIES, ACCESS_LOG_QUERY_PARAMS,
        ACCESS_LOG_NO_QUERY_PATHS), so a changed setting applies at once."""
        self.wsgi_app = wsgi_app
        self.write = write
        self.config = config
        self.on_error = on_error
        self._english: dict[str, str] = {}
        self._prefixes: dict[tuple[str, ...], tuple[str, ...]] = {}

    @property
    def english_paths(self) -> dict[str, str]:
        """Each translated path → its English one; set once the routes exist (i18n)."""
        return self._english

    @english_paths.setter
    def english_paths(self, paths: Mapping[str, str]) -> None:
        self._english = dict(paths)
        self._prefixes = {}

    def in_every_language(self, prefixes: tuple[str, ...]) -> tuple[str, ...]:
        """English path prefixes with every language's paths under them added."""
        found = self._prefixes.get(prefixes)
        if found is None:
            extra = tuple(t for t, e in self._english.items() if _under(e, prefixes))
            found = self._prefixes[prefixes] = prefixes + extra
        return found

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        counting = _CountingInput(environ["wsgi.input"]) if "wsgi.input" in environ else None
        if counting is not None:
            environ["wsgi.input"] = counting
        state = {"status": 500}

        def logging_start_response(status: str, headers, exc_info=None):
            try:
                state["status"] = int(status.split(" ", 1)[0])
            except ValueError:
                state["status"] = 500
            return start_response(status, headers, exc_info)

        try:
            result = self.wsgi_app(environ, logging_start_response)
        except BaseException:
            self._log(environ, 500, 0, counting)
            raise
        return _Response(result, lambda sent: self._log(environ, state["status"], sent, counting))

    def _log(self, environ: dict, status: int, sent: int, counting: _CountingInput | None):
        # What was read, not what the client declared: a Content-Length of
        # 99999999999999999999 on a 3-byte body is a claim, not a size.
        path = (environ.get("SCRIPT_NAME") or "") + (environ.get("PATH_INFO") or "")
        withheld = _under(path, self.in_every_language(NO_SIZE_PATHS))
        received = None if withheld else counting.count if counting else 0
        protocol = environ.get("SERVER_PROTOCOL") or ""
        try:
            config = self.config
            query = uri_query(
                environ,
                frozenset(config["ACCESS_LOG_QUERY_PARAMS"]),
                self.in_every_language(tuple(config["ACCESS_LOG_NO_QUERY_PATHS"])),
            )
            entry = w3c.Entry(
                when=datetime.now(UTC),
                client_ip=client_ip(environ, config["TRUSTED_PROXIES"]),
                server_ip=server_ip(environ),
                status=status,
                uri_stem=in_english(uri_stem(environ), self.english_paths)
                if withheld
                else uri_stem(environ),
                uri_query=query,
                bytes_sent=None if withheld else sent,
                bytes_received=received,
                user_agent=environ.get("HTTP_USER_AGENT") or "",
                referrer=referrer(environ, self.english_paths),
                protocol=protocol if _PROTOCOL.match(protocol) else "",
            )
            self.write(entry)
        except Exception as error:  # the log must never break a response
            if self.on_error is not None:
                self.on_error(error)


class _Response:
    """The application's response iterable, counting bytes and logging on close."""

    def __init__(self, result: Iterable[bytes], done: Callable[[int], None]) -> None:
        self._result = result
        self._done = done
        self._sent = 0
        self._logged = False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._result:
            self._sent += len(chunk)
            yield chunk
        # Servers must call close(); logging here too covers one that forgets.
        self._finish()

    def close(self) -> None:
        try:
            close = getattr(self._result, "close", None)
            if close is not None:
                close()
        finally:
            self._finish()

    def _finish(self) -> None:
        if not self._logged:
            self._logged = True
            self._done(self._sent)
