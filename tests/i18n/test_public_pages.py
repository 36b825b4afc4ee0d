"""Every public page and state in English and Spanish: lang, language links, no English."""

import pytest
from flask import Flask

from app.errors import render_error
from app.public.destinations import DESTINATIONS
from tests.i18n.spanish import english_words, visible_text
from tests.pages import check_page, normalise

# (English URL, Spanish URL) of every public page reached by GET.
PAGES = [
    ("/", "/es/"),
    ("/privacy", "/es/privacidad"),
    ("/contact", "/es/contacto"),
    *((f"/leaving/{name}", f"/es/salir/{name}") for name in DESTINATIONS),
]


def language_link(page):
    links = page.select("nav.site-nav a[hreflang]")
    assert len(links) == 1, "one link to the other language"
    return links[0]


@pytest.mark.parametrize(("english", "spanish"), PAGES)
def test_each_page_in_both_languages_links_to_the_other(pages, english, spanish):
    page = pages.get(english)
    link = language_link(page)
    assert (link["href"], link["hreflang"], link["lang"], link.get_text(strip=True)) == (
        spanish,
        "es",
        "es",
        "Español",
    )
    page = pages.get(spanish)
    assert page.html["lang"] == "es"
    link = language_link(page)
    assert (link["href"], link["hreflang"], link["lang"], link.get_text(strip=True)) == (
        english,
        "en",
        "en",
        "English",
    )


@pytest.mark.parametrize(("english", "spanish"), PAGES)
def test_each_page_names_both_versions_as_alternates(pages, english, spanish):
    for url in (english, spanish):
        page = pages.get(url)
        alternates = {
            link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"]')
        }
        assert alternates == {"en": english, "es": spanish, "x-default": english}


@pytest.mark.parametrize("spanish", [s for _e, s in PAGES])
def test_spanish_pages_hold_no_english(pages, spanish):
    page = pages.get(spanish)
    assert english_words(visible_text(page, "es")) == []


@pytest.mark.parametrize("english", [e for e, _s in PAGES])
def test_the_english_pages_are_unchanged_in_english(pages, english):
    page = pages.get(english)
    assert page.html["lang"] == "en"
    assert "Skip to main content" in page.get_text()


def test_links_from_a_spanish_page_stay_in_spanish(pages):
    page = pages.get("/es/")
    hrefs = {a["href"] for a in page.select("header a, main a")}
    assert {"/es/", "/es/privacidad"} <= hrefs
    notice_links = {a["href"] for a in page.select(".site-notices a")}
    assert notice_links == {"/es/salir/highway-use-fee", "/es/salir/myconnect-news"}


def test_the_spanish_home_page_without_a_slash_is_the_same_page_not_a_redirect(client):
    # A redirect to the tidied path would be built from the client's Host header.
    response = client.get("/es", headers={"Host": "evil.example"})
    assert response.status_code == 200
    assert "evil.example" not in response.get_data(as_text=True)
    page = check_page(response.get_data(as_text=True), "es")
    assert page.h1.get_text() == "Privacidad y contacto"


def test_spanish_privacy_policy_follows_the_english_section_by_section(pages):
    english = pages.get("/privacy")
    spanish = pages.get("/es/privacidad")
    # The same sections, in the same order, under the same anchors, and each table of
    # contents entry links to a section that exists.
    ids = [[h.get("id") for h in p.select("h2, h3")] for p in (english, spanish)]
    assert ids[0] == ids[1]
    assert len(ids[0]) >= 10
    for link in spanish.select("nav.site-toc a"):
        assert spanish.find(id=link["href"].removeprefix("#")), link["href"]
    assert [len(p.select("article p")) for p in (english, spanish)] == [
        len(english.select("article p")),
        len(english.select("article p")) + 1,  # the line about the official text
    ]
    rows = [[len(t.select("tbody tr")) for t in p.select("table")] for p in (english, spanish)]
    assert rows[0] == rows[1] == [11]
    assert len(spanish.select("ul.site-pii-list li")) == len(english.select("ul.site-pii-list li"))
    headings = [normalise(h.get_text()) for h in spanish.select("h1, h2, h3")]
    assert headings[:2] == ["Política de privacidad", "En esta página"]
    assert "¿Qué información sobre los usuarios recopila el Departamento" in " ".join(headings)


def test_spanish_policy_says_the_english_text_is_official_and_links_to_it(pages):
    page = pages.get("/es/privacidad")
    line = page.select_one(".site-official-text")
    assert "El texto oficial es el texto en inglés" in line.get_text()
    link = line.find("a")
    assert (link["href"], link["hreflang"], link["lang"]) == ("/privacy", "en", "en")
    assert pages.get("/privacy").select_one(".site-official-text") is None


def test_retention_days_are_counted_in_spanish(make_app):
    app = make_app(RETENTION_REPLIED_DAYS=1, RETENTION_UNREPLIED_DAYS=180)
    page = check_page(app.test_client().get("/es/privacidad").get_data(as_text=True), "es")
    items = [normalise(li.get_text()) for li in page.select(".site-retention li")]
    assert items[0] == "1 día después de que le respondamos o cerremos su mensaje;"
    assert items[2].startswith("180 días después de que llegó su mensaje")


def test_exit_notice_in_spanish_names_the_destination(pages):
    page = pages.get("/es/salir/state-privacy-policy")
    intro = normalise(page.select_one(".usa-intro").get_text())
    assert intro == (
        "El enlace que eligió lleva a Política de privacidad del Estado de Connecticut, "
        "en el portal del Estado de Connecticut."
    )
    button = page.select_one("main a.usa-button")
    assert button["href"] == "https://portal.ct.gov/policies/state-privacy-policy"
    assert pages.client.get("/es/salir/nowhere").status_code == 404


# Error pages ---------------------------------------------------------------------------


def test_not_found_in_spanish_links_to_both_home_pages(pages):
    page = pages.get("/es/no-existe", status=404)
    assert normalise(page.h1.get_text()) == "Página no encontrada"
    link = language_link(page)
    assert (link["href"], link["hreflang"]) == ("/", "en")
    assert page.select('head link[rel="alternate"]') == []
    assert english_words(visible_text(page, "es")) == []
    page = pages.get("/no-such-page", status=404)
    assert (language_link(page)["href"], page.h1.get_text()) == ("/es/", "Page not found")


def test_method_not_allowed_in_spanish(client):
    response = client.post("/es/privacidad")
    assert response.status_code == 405
    page = check_page(response.get_data(as_text=True), "es")
    assert normalise(page.h1.get_text()) == "Lo sentimos, eso no funcionó"


SPANISH_ERRORS = {
    413: ("Lo que envió es demasiado grande", "hasta 5.000 caracteres"),
    429: ("Demasiadas solicitudes", "Espere unos minutos"),
    500: ("Lo sentimos, hay un problema con el servicio", "No se ha guardado nada"),
    503: ("Lo sentimos, el servicio no está disponible", "unos minutos"),
}


@pytest.mark.parametrize("code", sorted(SPANISH_ERRORS))
def test_error_pages_in_spanish(app: Flask, code):
    heading, advice = SPANISH_ERRORS[code]
    with app.test_request_context("/es/privacidad"):
        app.preprocess_request()
        html, status = render_error(code)
    page = check_page(html, "es")
    assert status == code
    assert normalise(page.h1.get_text()) == heading
    assert advice in page.select_one(".usa-intro").get_text()
    assert english_words(visible_text(page, "es")) == []
    with app.test_request_context("/privacy"):
        html, _status = render_error(code)
    assert check_page(html, "en").html["lang"] == "en"


def test_the_413_page_formats_the_limit_for_each_language(app):
    with app.test_request_context("/privacy"):
        english, _ = render_error(413)
    assert "up to 5,000 characters" in english


# The banner for a browser that prefers the other language ------------------------------


def test_a_spanish_browser_on_an_english_page_is_offered_the_spanish_page(client):
    response = client.get("/privacy", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert response.status_code == 200  # never a redirect
    assert "Accept-Language" in response.headers["Vary"]
    page = check_page(response.get_data(as_text=True), "en")
    offer = page.select_one(".site-language-offer")
    assert offer["lang"] == "es"
    assert normalise(offer.get_text()) == (
        "Esta página también está disponible en español. Léala en español"
    )
    link = offer.find("a")
    assert (link["href"], link["hreflang"]) == ("/es/privacidad", "es")


@pytest.mark.parametrize(
    ("url", "accept"),
    [
        ("/privacy", None),
        ("/privacy", "en-US,en;q=0.9"),
        ("/privacy", "en-US,es;q=0.5"),
        ("/privacy", "fr-FR"),
        ("/es/privacidad", "es-ES"),
    ],
)
def test_no_offer_when_the_browser_prefers_this_language(client, url, accept):
    headers = {"Accept-Language": accept} if accept else {}
    page = check_page(
        client.get(url, headers=headers).get_data(as_text=True), (url[1:3] == "es" and "es") or "en"
    )
    assert page.select_one(".site-language-offer") is None


def test_an_english_browser_on_a_spanish_page_is_offered_the_english_page(client):
    response = client.get("/es/privacidad", headers={"Accept-Language": "en-US"})
    offer = check_page(response.get_data(as_text=True), "es").select_one(".site-language-offer")
    assert offer["lang"] == "en"
    assert (
        normalise(offer.get_text()) == "This page is also available in English. Read it in English"
    )


def test_the_page_cache_keeps_the_offer_apart(make_app):
    client = make_app(PAGE_CACHE_SECONDS=60).test_client()
    spanish_browser = {"Accept-Language": "es"}
    for _ in range(2):
        plain = client.get("/privacy").get_data(as_text=True)
        offered = client.get("/privacy", headers=spanish_browser).get_data(as_text=True)
        assert "site-language-offer" not in plain
        assert "site-language-offer" in offered


def test_a_forged_host_header_cannot_poison_the_cached_language_links(make_app):
    client = make_app(PAGE_CACHE_SECONDS=60).test_client()
    client.get("/privacy", headers={"Host": "evil.example"})
    html = client.get("/privacy").get_data(as_text=True)
    assert "evil.example" not in html
    assert '<link rel="alternate" hreflang="es" href="/es/privacidad">' in html
