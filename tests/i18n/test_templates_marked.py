"""No public template holds user-visible English that is not marked for translation.

The Jinja parser gives every run of literal template text (what `{% trans %}` and `_()`
do not cover); an HTML reader keeps what a visitor sees or hears of it: element text and
the alt, title, aria-label, placeholder and value attributes. Text inside an element
marked translate="no" or lang="en" (an address, a URL, an English name) is meant as is.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import nodes

from app import create_app

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"
DESK_ONLY = ("staff/", "auth/", "accesslog/")
PUBLIC = sorted(
    str(p.relative_to(TEMPLATES))
    for p in TEMPLATES.rglob("*.html")
    if not str(p.relative_to(TEMPLATES)).startswith(DESK_ONLY)
)
SPOKEN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "value"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
WORD = re.compile(r"[A-Za-z]{2,}")
# A macro that writes an attribute (` aria-describedby="…"`) outside any tag.
ATTRIBUTE_FRAGMENT = re.compile(r'[a-z][a-z-]*="[^"]*"')


class VisibleText(HTMLParser):
    """Collects the words of literal text a visitor would meet."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []

    @property
    def exempt(self) -> bool:
        return any(exempt for _tag, exempt in self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        exempt = values.get("translate") == "no" or values.get("lang") == "en"
        if tag in ("script", "style"):
            exempt = True
        if not (exempt or self.exempt):
            for name in SPOKEN_ATTRIBUTES & set(values):
                # Only an input button shows its value; a <button>'s value is data.
                shown = tag == "input" and values.get("type") in ("submit", "button")
                if name == "value" and not shown:
                    continue
                self.found += WORD.findall(values[name] or "")
        if tag not in VOID:
            self.stack.append((tag, exempt))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.exempt:
            self.found += WORD.findall(ATTRIBUTE_FRAGMENT.sub(" ", data))


def literal_text(environment, source: str) -> str:
    """The template's literal text, with each expression or tag as a placeholder."""
    tree = environment.parse(source)
    parts = []
    for output in tree.find_all(nodes.Output):
        for node in output.nodes:
            parts.append(node.data if isinstance(node, nodes.TemplateData) else "\x00")
    return "".join(parts)


def unmarked_words(environment, source: str) -> list[str]:
    reader = VisibleText()
    # Each expression is a placeholder that splits words but is not text of its own.
    reader.feed(literal_text(environment, source).replace("\x00", " "))
    reader.close()
    return reader.found


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    folder = tmp_path_factory.mktemp("env")
    app = create_app({"TESTING": True, "SECRET_KEY": "x"}, instance_path=str(folder))
    return app.jinja_env


@pytest.mark.parametrize("name", PUBLIC)
def test_public_template_has_no_unmarked_english(environment, name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    assert unmarked_words(environment, source) == []


def test_the_check_finds_an_unmarked_string(environment):
    source = '{% extends "base.html" %}{% block main %}<h1>{{ _("Hello") }}</h1>'
    source += '<p class="x">Please read this</p><img alt="A flag" src="f.png">'
    source += '<address translate="no">450 Columbus Blvd.</address>'
    source += '<a lang="en" href="/privacy">Privacy Policy</a>{% endblock %}'
    assert unmarked_words(environment, source) == ["Please", "read", "this", "flag"]


def test_the_check_reads_real_templates():
    assert "base.html" in PUBLIC
    assert "contact/check.html" in PUBLIC
    assert "public/privacy.html" in PUBLIC
    assert not any(name.startswith("staff/") for name in PUBLIC)
