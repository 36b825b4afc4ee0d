"""The W3C Extended Log File Format, as this site writes and reads it.

One line per request, fields in the order of FIELDS, separated by single spaces. Values
without spaces are written bare; the two free-form headers (user agent, referrer) are
W3C strings in double quotes. A W3C string represents an inner quote by doubling it, but
GoAccess reads a doubled quote as the end of the field, so an inner quote — and the few
other bytes a line reader or GoAccess treats specially (backslash, control characters,
``%`` itself, anything beyond ASCII) — is percent-encoded instead. Inner quotes therefore
never occur, every line is valid to both readers, and ``urllib.parse.unquote`` gives the
original value back. An absent value is ``-`` (``"-"`` for the quoted ones, as Apache
writes it).
"""

from dataclasses import dataclass
from datetime import datetime

VERSION = "1.0"
FIELDS = (
    "date",
    "time",
    "c-ip",
    "s-ip",
    "sc-status",
    "cs-uri-stem",
    "cs-uri-query",
    "sc-bytes",
    "cs-bytes",
    "cs(User-Agent)",
    "cs(Referer)",
    "cs-version",
)
FIELDS_DIRECTIVE = "#Fields: " + " ".join(FIELDS)

# The exact GoAccess command-line options that read this order (README, and a test).
GOACCESS_LOG_FORMAT = '%d %t %h %^ %s %U %^ %b %^ "%u" "%R" %H'
GOACCESS_OPTIONS = (
    f"--log-format={GOACCESS_LOG_FORMAT}",
    "--date-format=%Y-%m-%d",
    "--time-format=%H:%M:%S",
)

# Longest value kept for one field, in characters after encoding: a line stays well
# under PIPE_BUF-sized single writes, and no client can make a line arbitrarily long.
MAX_FIELD = 1000

_KEEP = frozenset(range(0x20, 0x7F)) - {ord('"'), ord("%"), ord("\\")}
_ENCODE = [chr(b) if b in _KEEP else f"%{b:02X}" for b in range(256)]
_TOKEN_KEEP = _KEEP - {ord(" ")}
_TOKEN_ENCODE = [chr(b) if b in _TOKEN_KEEP else f"%{b:02X}" for b in range(256)]


@dataclass(frozen=True, slots=True)
class Entry:
    """One request, as the log line records it."""

    when: datetime  # UTC, when the response was finished
    client_ip: str
    server_ip: str
    status: int
    uri_stem: str
    uri_query: str
    bytes_sent: int | None  # None: withheld, written "-"
    bytes_received: int | None
    user_agent: str
    referrer: str
    protocol: str


def _to_bytes(value: str) -> bytes:
    # WSGI hands header values over as latin-1 strings of the raw bytes; other values are
    # ordinary text. Either way the bytes are what the client sent.
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace")


def _truncate(encoded: str) -> str:
    if len(encoded) <= MAX_FIELD:
        return encoded
    cut = encoded[:MAX_FIELD]
    # Never leave half a %XX escape at the end.
    tail = cut.rfind("%", MAX_FIELD - 3)
    return cut[:tail] if tail != -1 else cut


def quoted(value: str) -> str:
    """A W3C string field: ``"..."``, with no inner quotes, or ``"-"`` when empty."""
    if not value:
        return '"-"'
    return '"' + _truncate("".join(_ENCODE[b] for b in _to_bytes(value))) + '"'


def token(value: str) -> str:
    """A bare field: no spaces or quotes in it, ``-`` when empty."""
    if not value:
        return "-"
    return _truncate("".join(_TOKEN_ENCODE[b] for b in _to_bytes(value)))


def header(now: datetime) -> str:
    """The directives that start every file."""
    return (
        f"#Version: {VERSION}\n#Date: {now:%Y-%m-%d %H:%M:%S}\n"
        f"#Software: DRS privacy site\n{FIELDS_DIRECTIVE}\n"
    )


def format_line(entry: Entry) -> str:
    return (
        f"{entry.when:%Y-%m-%d %H:%M:%S} {token(entry.client_ip)} {token(entry.server_ip)} "
        f"{entry.status} {token(entry.uri_stem)} {token(entry.uri_query)} "
        f"{'-' if entry.bytes_sent is None else int(entry.bytes_sent)} "
        f"{'-' if entry.bytes_received is None else int(entry.bytes_received)} "
        f"{quoted(entry.user_agent)} {quoted(entry.referrer)} {token(entry.protocol)}\n"
    )


class ParseError(ValueError):
    pass


def split_line(line: str) -> list[str]:
    """The twelve field values of one line, still encoded, quotes removed.

    Fast for the lines this site writes; also accepts spec W3C strings with doubled
    quotes, so a hand-edited or foreign line is read rather than misread.
    """
    parts = line.split(" ", 9)
    if len(parts) == 10:
        rest = parts[9]
        if rest.startswith('"'):
            middle = rest.find('" "', 1)  # after the opening quote: a value may be ' '
            end = rest.rfind('" ')
            if middle != -1 and end > middle and rest.count('"') == 4:
                parts[9:] = [rest[1:middle], rest[middle + 3 : end], rest[end + 2 :].rstrip("\n")]
                return parts
    return _split_slow(line)


def _split_slow(line: str) -> list[str]:
    fields: list[str] = []
    i, n = 0, len(line.rstrip("\r\n"))
    while i < n:
        if line[i] == '"':
            j, buf = i + 1, []
            while True:
                k = line.find('"', j)
                if k == -1 or k >= n:
                    raise ParseError("unterminated string")
                buf.append(line[j:k])
                if k + 1 < n and line[k + 1] == '"':
                    buf.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            fields.append("".join(buf))
        else:
            k = line.find(" ", i)
            k = n if k == -1 or k > n else k
            fields.append(line[i:k])
            i = k
        if i < n:
            if line[i] != " ":
                raise ParseError("expected a space between fields")
            i += 1
    if len(fields) != len(FIELDS):
        raise ParseError(f"expected {len(FIELDS)} fields, found {len(fields)}")
    return fields
