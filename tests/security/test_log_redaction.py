"""Item 8: the access log's digit redaction missed separators the detector knows.

`/x/219/09/9999`, `/x/219_09_9999`, en-dash and fullwidth forms, and kept query
parameters (`page=219_09_9999`) reached the log with their digits. Redaction now reads
the URL decoded, with the detector's own normalisation (dashes, spaces, any decimal
digits), and any punctuation between the digits.
"""

from urllib.parse import quote, unquote

import pytest

from tests.support.logs import logged_fields

SSN_FORMS = [
    "219/09/9999",
    "219_09_9999",
    "219\u201309\u20139999",  # en dash
    "219\u201409\u20149999",  # em dash
    "\uff12\uff11\uff19-\uff10\uff19-\uff19\uff19\uff19\uff19",  # fullwidth digits
    "\uff12\uff11\uff19\uff0d\uff10\uff19\uff0d\uff19\uff19\uff19\uff19",  # and dashes
    "219\u00a009\u00a09999",  # no-break spaces
    "219 . 09 . 9999",
    "219:09:9999",
    "219,09,9999",
    "\u0662\u0661\u0669\u0660\u0669\u0669\u0669\u0669\u0669",  # Arabic-Indic digits
    "219%2509%259999",  # "%" typed between the groups
]


@pytest.mark.parametrize("form", SSN_FORMS)
def test_an_ssn_in_any_form_in_a_path_is_redacted(app, fetch, form):
    fetch("/x/" + quote(form, safe="/%"))
    [line] = logged_fields(app)
    stem = unquote(line["cs-uri-stem"])  # the log's own escaping of "%" undone
    assert "-redacted-" in stem, stem
    for digits in ("219", "9999", "%EF%BC%92", "%D9%A2"):
        assert digits not in stem, stem


@pytest.mark.parametrize("form", SSN_FORMS)
def test_an_ssn_in_a_kept_query_parameter_is_redacted(app, fetch, form):
    fetch("/", query_string={"page": form})
    [line] = logged_fields(app)
    query = unquote(line["cs-uri-query"])
    assert "redacted" in query, query
    assert "219" not in query
    assert "9999" not in query


@pytest.mark.parametrize("form", SSN_FORMS[:6])
def test_an_ssn_in_a_referrer_path_is_redacted(app, fetch, form):
    fetch("/", headers={"Referer": "https://other.example/u/" + quote(form, safe="/%")})
    [line] = logged_fields(app)
    assert "219" not in line["cs(Referer)"]
    assert "9999" not in line["cs(Referer)"]


def test_short_numbers_and_ordinary_paths_are_kept(app, fetch):
    urls = ["/page/2", "/static/css/site.css", "/2026/12", "/caf%C3%A9/12-34", "/a%20b"]
    for url in urls:
        fetch(url)
    assert [unquote(f["cs-uri-stem"]) for f in logged_fields(app)] == urls
