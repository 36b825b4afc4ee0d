"""The public pages: what a visitor sees on each, and that it is all there."""

import re
from datetime import timedelta
from pathlib import Path

import pytest

from app import clock
from app.extensions import db
from app.models import Notice
from tests.pages import normalise

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "privacy-policy.txt"

SECTION_HEADINGS = [
    "Privacy Policy",
    "What Information About Users Does The Department of Revenue Services Collect?",
    "A. Automatic Information",
    "B. Personal Information You Provide to Us",
    "E-Mail Communications and Web Forms",
    "Does The Department of Revenue Services Share The Information It Receives With Anyone?",
    "Can I Access and Correct My Personal Information?",
    "Do I Have a Choice About Whether or Not My Personal Information is Provided to Others?",
    "Commitment to Security",
    "Disclaimer/Links to other Sites",
    "Contacting Us",
]

AUTOMATIC_FIELDS = [
    "Date",
    "Time",
    "Client IP",
    "Server IP",
    "HTTP Status",
    "HTTP Request URL",
    "Bytes sent",
    "Bytes Received",
    "User Agent",
    "Referrer",
    "Protocol Version",
]


def test_home_shows_notices_and_the_ways_on(pages):
    page = pages.get("/")
    links = {a["href"] for a in page.select("main a")}
    assert "/privacy" in links
    alerts = page.select(".site-notices .usa-alert")
    assert len(alerts) == 2
    assert "Highway Use Fee" in alerts[0].get_text()
    assert "myconneCT" in alerts[1].get_text()
    assert alerts[0].find("a")["href"] == "/leaving/highway-use-fee"


def test_privacy_has_every_section_heading(pages):
    page = pages.get("/privacy")
    headings = [normalise(h.get_text()) for h in page.find_all(["h1", "h2", "h3"])]
    for heading in SECTION_HEADINGS:
        assert heading in headings, heading
    # the in-page table of contents links to every section that exists
    for link in page.select("nav.site-toc a"):
        assert page.find(id=link["href"].removeprefix("#")), link["href"]


def test_privacy_has_the_automatic_information_table(pages):
    page = pages.get("/privacy")
    table = page.find("table")
    assert table.caption
    assert table.caption.get_text(strip=True)
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == [
        "Information",
        "Definition",
    ]
    rows = table.tbody.find_all("tr")
    assert [r.th.get_text(strip=True) for r in rows] == AUTOMATIC_FIELDS
    assert all(r.th.get("scope") == "row" for r in rows)


def test_privacy_lists_pii_and_the_address(pages):
    page = pages.get("/privacy")
    items = [normalise(li.get_text()) for li in page.select("ul.site-pii-list li")]
    assert items[:3] == ["Your name", "Your address", "Your e-mail address"]
    assert len(items) == 8
    address = normalise(page.select_one("main address").get_text())
    assert address == "Department of Revenue Services 450 Columbus Blvd. Ste. 1 Hartford, CT 06103"


@pytest.mark.skipif(not SEED.exists(), reason="the source document is not beside the repo")
def test_privacy_carries_the_whole_source_document(pages):
    """Every sentence of the policy text is on the page, word for word."""
    text = normalise(pages.get("/privacy").get_text(" "))
    text = text.replace("“", '"').replace("”", '"')
    policy = SEED.read_text(encoding="utf-8").split("Privacy Policy", 1)[1]
    # The source names no address for the webmaster; the page points to the contact form.
    policy = policy.replace(
        "the webmaster at or write", "the webmaster at our contact form or write"
    )
    for line in policy.splitlines():
        # Table rows are "Field  Definition" in the source and two cells on the page.
        for part in re.split(r"\s{2,}", line.replace("•", "")):
            for sentence in re.split(r"(?<=[.?!:])\s+", normalise(part)):
                if sentence:
                    assert sentence in text, sentence


def test_expired_and_future_notices_do_not_show(app, pages):
    with app.app_context():
        today = clock.today()
        db.session.add_all(
            [
                Notice(
                    title="Expired notice",
                    body="gone",
                    starts_on=today - timedelta(days=30),
                    ends_on=today - timedelta(days=2),
                    position=0,
                ),
                Notice(
                    title="Future notice",
                    body="later",
                    starts_on=today + timedelta(days=2),
                    position=0,
                ),
                Notice(title="Live notice", body="now", starts_on=today, position=0),
            ]
        )
        db.session.commit()
    for url in ("/", "/privacy", "/leaving/myconnect"):
        text = pages.get(url).select_one(".site-notices").get_text()
        assert "Live notice" in text
        assert "Expired notice" not in text
        assert "Future notice" not in text


def test_exit_notice_names_the_destination(pages):
    page = pages.get("/leaving/state-privacy-policy")
    main = normalise(page.find("main").get_text(" "))
    assert "State of Connecticut's Privacy Policy" in main
    assert "this privacy notice does not apply" in main
    assert page.find("a", href="https://portal.ct.gov/policies/state-privacy-policy")


@pytest.mark.parametrize(
    "url",
    [
        "/leaving/nowhere",
        "/leaving/https:%2F%2Fevil.example",
        "/leaving/..%2Fprivacy",
        "/no-such-page",
    ],
)
def test_unknown_pages_are_404_in_plain_words(pages, url):
    page = pages.get(url, status=404)
    assert page.h1.get_text(strip=True) == "Page not found"


def test_no_parameter_redirects_anywhere(client):
    for url in ("/?next=https://evil.example", "/leaving/myconnect?url=https://evil.example"):
        response = client.get(url)
        assert response.status_code == 200
        assert "evil.example" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "url"), [("delete", "/privacy"), ("put", "/contact"), ("patch", "/contact")]
)
def test_wrong_method_is_405_page(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert "Sorry, that did not work" in response.get_data(as_text=True)
    assert "GET" in response.headers["Allow"]


def test_every_external_link_goes_through_the_exit_notice(pages):
    for url in ("/", "/privacy"):
        for link in pages.get(url).find_all("a", href=True):
            href = link["href"]
            assert not re.match(r"^(https?:)?//", href), f"{url} links straight to {href}"
