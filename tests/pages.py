"""A page-checking helper in the spirit of GOV.UK Notify's client_request.

Every page a test loads through it is checked for what every page must have, so page
accessibility basics are tested by construction rather than remembered.
"""

import re

from bs4 import BeautifulSoup

EXTERNAL_ASSET = re.compile(r"^(https?:)?//", re.IGNORECASE)
SITE_NAME = {"en": "Department of Revenue Services", "es": "Departamento de Servicios de Impuestos"}


def language_of(url: str) -> str:
    """The language a site URL is in: /es/… is Spanish, the rest English."""
    return "es" if url == "/es" or url.startswith("/es/") else "en"


def check_page(html: str, lang: str = "en") -> BeautifulSoup:
    """Assert the page-level rules and return the parsed page."""
    page = BeautifulSoup(html, "html.parser")
    assert page.html is not None, "an <html> element"
    assert page.html.get("lang") == lang, f"html lang must be {lang}"

    h1s = page.find_all("h1")
    assert len(h1s) == 1, f"expected exactly one <h1>, found {len(h1s)}"
    heading = normalise(h1s[0].get_text())
    title = normalise(page.title.get_text()) if page.title else ""
    assert title.removeprefix("Error: ").startswith(heading), (
        f"title {title!r} should start with the h1 {heading!r}"
    )
    suffix = SITE_NAME[lang]
    assert title.endswith(f"– {suffix}"), f"title suffix: {title!r}"

    for form in page.find_all("form"):
        assert form.get("action"), f"every form needs an action: {form}"[:200]

    ids = [tag["id"] for tag in page.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"

    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in page.find_all(tag):
            value = element.get(attribute) or ""
            assert not EXTERNAL_ASSET.match(value), f"external asset: {value}"

    assert page.find("main", id="main-content"), "a <main id=main-content> landmark"
    assert page.find("header"), "a header landmark"
    assert page.find("footer"), "a footer landmark"
    skip = page.find("a", class_="usa-skipnav")
    assert skip, "a skip link to the main content"
    assert skip.get("href") == "#main-content", "the skip link goes to the main content"
    return page


def normalise(text: str) -> str:
    return " ".join(text.split())


class PageClient:
    def __init__(self, client):
        self.client = client

    def get(self, url: str, status: int = 200, **kwargs) -> BeautifulSoup:
        response = self.client.get(url, **kwargs)
        assert response.status_code == status, (url, response.status_code)
        self.last_response = response
        return check_page(response.get_data(as_text=True), language_of(url))

    def post(self, url: str, data: dict, status: int = 200, **kwargs) -> BeautifulSoup:
        response = self.client.post(url, data=data, **kwargs)
        assert response.status_code == status, (url, response.status_code)
        self.last_response = response
        return check_page(response.get_data(as_text=True), language_of(url))


def page_of(response, lang: str = "en") -> BeautifulSoup:
    """The page a test-client response holds, checked like every page (check_page)."""
    return check_page(response.get_data(as_text=True), lang)
