"""The line format: field order, escaping and reading lines back."""

from datetime import UTC, datetime
from urllib.parse import unquote

from hypothesis import example, given
from hypothesis import strategies as st

from app.accesslog import w3c

WHEN = datetime(2026, 11, 30, 9, 5, 7, tzinfo=UTC)


def entry(**changes) -> w3c.Entry:
    values = {
        "when": WHEN,
        "client_ip": "192.0.2.10",
        "server_ip": "10.0.0.5",
        "status": 200,
        "uri_stem": "/privacy",
        "uri_query": "",
        "bytes_sent": 5120,
        "bytes_received": 0,
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0",
        "referrer": "https://portal.ct.gov/DRS",
        "protocol": "HTTP/1.1",
    }
    values.update(changes)
    return w3c.Entry(**values)


def test_header_names_the_standard_fields_in_our_order():
    header = w3c.header(WHEN).splitlines()
    assert header[0] == "#Version: 1.0"
    assert header[1] == "#Date: 2026-11-30 09:05:07"
    assert header[-1] == (
        "#Fields: date time c-ip s-ip sc-status cs-uri-stem cs-uri-query sc-bytes cs-bytes "
        "cs(User-Agent) cs(Referer) cs-version"
    )


def test_a_line_has_the_fields_in_order():
    line = w3c.format_line(entry())
    assert line == (
        "2026-11-30 09:05:07 192.0.2.10 10.0.0.5 200 /privacy - 5120 0 "
        '"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0" "https://portal.ct.gov/DRS" HTTP/1.1\n'
    )


def test_empty_values_are_dashes():
    line = w3c.format_line(
        entry(client_ip="", server_ip="", user_agent="", referrer="", protocol="")
    )
    assert line == '2026-11-30 09:05:07 - - 200 /privacy - 5120 0 "-" "-" -\n'


def test_quotes_backslashes_controls_and_non_ascii_are_encoded_inside_the_string():
    agent = 'Evil "agent"\\ with\ttab\r\nnewline é ☃ %41'
    line = w3c.format_line(entry(user_agent=agent))
    assert line.count("\n") == 1
    assert line.isascii()
    quoted = line.split(" ", 9)[9]
    assert quoted.startswith('"Evil %22agent%22%5C with%09tab%0D%0Anewline %C3%A9 %E2%98%83 %2541"')
    assert unquote(w3c.split_line(line)[9]) == agent


def test_very_long_values_are_cut_without_breaking_an_escape():
    line = w3c.format_line(entry(user_agent="é" * 5000, uri_stem="/" + "a" * 5000))
    fields = w3c.split_line(line)
    assert len(fields[9]) <= w3c.MAX_FIELD
    assert len(fields[5]) <= w3c.MAX_FIELD
    # WSGI gives header values as latin-1 characters of the bytes: é is one byte, %E9.
    assert unquote(fields[9], encoding="latin-1") == "é" * (len(fields[9]) // 3)
    assert len(line) < 4096


def test_spec_strings_with_doubled_quotes_are_read_too():
    line = '2026-11-30 09:05:07 - - 200 / - 1 0 "say ""hi"" now" "-" HTTP/1.1'
    assert w3c.split_line(line)[9] == 'say "hi" now'


@given(
    agent=st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=300),
    referrer=st.text(max_size=300),
    stem=st.text(max_size=100),
)
# A user agent of one space: the line's '" "' then starts at the opening quote itself.
@example(agent=" ", referrer="", stem="/")
def test_any_value_gives_one_whole_line_of_twelve_fields(agent, referrer, stem):
    line = w3c.format_line(entry(user_agent=agent, referrer=referrer, uri_stem=stem))
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert line.isascii()
    fields = w3c.split_line(line)
    assert len(fields) == len(w3c.FIELDS)
    assert fields[9] == "-" if not agent else unquote(fields[9], encoding="latin-1") == agent
