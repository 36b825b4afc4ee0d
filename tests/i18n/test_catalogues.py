"""The catalogues are complete, well-formed and in step with the code."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.checkers import checkers
from babel.messages.extract import extract_from_dir

from tests.catalogues import catalogue_paths, read_catalogue

APP = Path(__file__).resolve().parents[2] / "app"
# The same sources and keywords as `make extract` (babel.cfg and the Makefile).
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"trimmed": "true"}}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "_l": None,
    "localized_route": (2,),
}


def extracted_ids() -> set[str]:
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(APP), METHODS, OPTIONS, KEYWORDS
    ):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


def test_there_is_a_spanish_catalogue():
    assert [p.parent.parent.name for p in catalogue_paths()] == ["es"]


@pytest.mark.parametrize("po", catalogue_paths(), ids=lambda p: p.parent.parent.name)
def test_every_message_is_translated_and_none_is_fuzzy(po):
    catalogue = read_catalogue(po)
    untranslated = [
        m.id
        for m in catalogue
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert (untranslated, fuzzy) == ([], [])
    assert len([m for m in catalogue if m.id]) > 100


@pytest.mark.parametrize("po", catalogue_paths(), ids=lambda p: p.parent.parent.name)
def test_translations_keep_their_placeholders(po):
    catalogue = read_catalogue(po)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        for checker in checkers:
            try:
                checker(catalogue, message)
            except Exception as error:  # babel raises TranslationError
                problems.append((message.id, str(error)))
    assert problems == []


@pytest.mark.parametrize("po", catalogue_paths(), ids=lambda p: p.parent.parent.name)
def test_catalogue_holds_exactly_the_marked_strings_of_the_code(po):
    """A string marked in the code but not in the catalogue would show in English."""
    catalogue_ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_catalogue(po)}
    catalogue_ids.discard("")
    in_code = extracted_ids()
    assert sorted(in_code - catalogue_ids) == [], "run `make update-translations`"
    assert sorted(catalogue_ids - in_code) == [], "obsolete entries: `make update-translations`"


@pytest.mark.parametrize("po", catalogue_paths(), ids=lambda p: p.parent.parent.name)
def test_gnu_msgfmt_accepts_the_catalogue(po, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt not found: `make test` installs gettext")
        pytest.skip("GNU gettext's msgfmt is not installed (make test installs it when root)")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "messages.mo"), str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def test_url_paths_translate_to_paths():
    """A translated route keeps its leading slash and its <parameters>."""
    import re

    for po in catalogue_paths():
        for message in read_catalogue(po):
            if isinstance(message.id, str) and message.id.startswith("/"):
                assert message.string.startswith("/"), message.id
                assert re.findall(r"<[^>]+>", message.string) == re.findall(
                    r"<[^>]+>", message.id
                ), message.id
