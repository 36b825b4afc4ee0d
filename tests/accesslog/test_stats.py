"""Aggregation: incremental, equal to a direct count, and without addresses."""

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from sqlalchemy import text

from app.accesslog.browsers import browser_family
from app.accesslog.ingest import ingest_new
from app.accesslog.purge import purge_raw_logs
from app.accesslog.stats import summary
from app.accesslog.writer import DailyLogWriter, log_path
from app.extensions import db
from app.staff.statistics import render_summary
from tests.accesslog.test_w3c import entry

START = datetime(2026, 11, 20, tzinfo=UTC)
AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36 Edg/131.0",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36",
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    'odd "agent" with spaces',
    "",
]
PAGES = ["/", "/privacy", "/contact", "/contact/sent", "/leaving/myconnect"]
FILES = ["/static/css/site.css", "/static/js/contact.js"]
REFERRERS = ["", "https://portal.ct.gov/DRS/page", "https://www.google.com/", "http://bing.com/x"]


def generate(path, count: int, seed: int, start=START) -> list:
    """Random but realistic entries over five days, written through the real writer."""
    rng = random.Random(seed)
    writer = DailyLogWriter(path)
    entries = []
    for _ in range(count):
        status = rng.choice([200] * 12 + [303, 304, 404, 404, 500, 413])
        stem = rng.choice(PAGES + FILES) if status < 400 else f"/nope/{rng.randint(1, 30)}"
        item = entry(
            when=start + timedelta(seconds=rng.randint(0, 5 * 86400 - 1)),
            client_ip=f"198.51.100.{rng.randint(1, 40)}",
            status=status,
            uri_stem=stem,
            bytes_sent=rng.randint(0, 50_000),
            bytes_received=rng.choice([0, 0, 0, rng.randint(1, 9000)]),
            user_agent=rng.choice(AGENTS),
            referrer=rng.choice(REFERRERS),
            protocol=rng.choice(["HTTP/1.1", "HTTP/2.0", "HTTP/1.0"]),
        )
        writer.write(item)
        entries.append(item)
    writer.close()
    return entries


def direct_count(entries) -> dict:
    by_day = Counter(e.when.date() for e in entries)
    visitors = Counter(
        d for d, _ip, _ua in {(e.when.date(), e.client_ip, e.user_agent) for e in entries}
    )
    counts = Counter()
    for e in entries:
        if e.status >= 400:
            counts["error", f"{e.status} {e.uri_stem}"] += 1
        elif e.uri_stem.startswith("/static/"):
            counts["file", e.uri_stem] += 1
        else:
            counts["page", e.uri_stem] += 1
        counts["status", str(e.status)] += 1
        counts["browser", browser_family(e.user_agent)] += 1
        counts["protocol", e.protocol] += 1
        if e.referrer:
            counts["referrer", urlsplit(e.referrer).hostname] += 1
    return {
        "by_day": by_day,
        "visitors": visitors,
        "counts": counts,
        "sent": sum(e.bytes_sent for e in entries),
        "received": sum(e.bytes_received for e in entries),
    }


def assert_matches(s, expected) -> None:
    assert {d.day: d.requests for d in s.days if d.requests} == dict(expected["by_day"])
    assert {d.day: d.visitors for d in s.days if d.visitors} == dict(expected["visitors"])
    assert s.requests == sum(expected["by_day"].values())
    assert s.bytes_sent == expected["sent"]
    assert s.bytes_received == expected["received"]
    counts = expected["counts"]

    def of(dimension):
        return {key: n for (dim, key), n in counts.items() if dim == dimension}

    assert {c.label: c.hits for c in s.statuses} == of("status")
    assert {c.label: c.hits for c in s.browsers} == of("browser")
    assert {c.label: c.hits for c in s.protocols} == of("protocol")
    assert {c.label: c.hits for c in s.referrers} == of("referrer")
    assert {f"{e.status} {e.url}": e.hits for e in s.errors} == of("error")
    pages = sorted(of("page").items(), key=lambda kv: (-kv[1], kv[0]))
    assert [(c.label, c.hits) for c in s.top_pages] == pages
    assert [(c.label, c.hits) for c in s.least_pages] == sorted(
        pages, key=lambda kv: (kv[1], kv[0])
    )
    assert {c.label: c.hits for c in s.top_files} == of("file")


def test_aggregation_matches_a_direct_count_and_is_incremental(app):
    path = log_path(app)
    first = generate(path, 3000, seed=1)
    with app.app_context():
        assert ingest_new().lines == 3000
        assert ingest_new().lines == 0  # nothing new: nothing read
        assert_matches(
            summary(date(2026, 11, 20), date(2026, 11, 24), top_errors=1000), direct_count(first)
        )

        more = generate(path, 700, seed=2)
        result = ingest_new()
        assert result.lines == 700  # only what is new
        s = summary(date(2026, 11, 20), date(2026, 11, 24), top_errors=1000)
        assert_matches(s, direct_count(first + more))


def test_a_line_being_written_is_read_only_once_it_is_whole(app):
    path = log_path(app)
    generate(path, 10, seed=3)
    day_file = sorted(path.parent.glob("access-*.log"))[-1]
    whole = day_file.read_bytes()
    last = whole.rstrip(b"\n").rsplit(b"\n", 1)[1] + b"\n"
    day_file.write_bytes(whole[: -len(last)] + last[:30])  # half a line at the end
    with app.app_context():
        assert ingest_new().lines == 9  # not the half line
        with day_file.open("ab") as stream:
            stream.write(last[30:])
        assert ingest_new().lines == 1  # now whole, and read once


def test_the_aggregates_keep_no_address_or_user_agent(app):
    generate(log_path(app), 500, seed=4)
    with app.app_context():
        ingest_new()
        dump = []
        for table in (
            "accesslog_days",
            "accesslog_counts",
            "accesslog_visitors",
            "accesslog_files",
        ):
            dump += [repr(tuple(row)) for row in db.session.execute(text(f"SELECT * FROM {table}"))]
    dump_text = "\n".join(dump)
    assert "198.51.100." not in dump_text
    assert "Mozilla" not in dump_text
    assert "odd" not in dump_text


def test_error_and_referrer_keys_are_capped_per_day(app):
    app.config["ACCESS_STATS_MAX_KEYS"] = 5
    writer = DailyLogWriter(log_path(app))
    for number in range(20):
        writer.write(entry(when=START, status=404, uri_stem=f"/probe/{number}"))
    writer.close()
    with app.app_context():
        ingest_new()
        s = summary(START.date(), START.date())
    assert len(s.errors) == 6  # five kept, the rest counted together
    assert sum(e.hits for e in s.errors) == 20
    assert [(e.status, e.hits) for e in s.errors if e.url == "(other)"] == [(404, 15)]


def test_the_partial_shows_charts_with_tables_beside_them(app):
    generate(log_path(app), 300, seed=5)
    with app.app_context():
        ingest_new()
        s = summary(
            date(2026, 11, 20),
            date(2026, 11, 24),
            contact_counts={"ssn": {"warned": 4, "removed": 2, "sent_as_written": 1}},
        )
        with app.test_request_context():
            html = str(render_summary(s))
    page = BeautifulSoup(html, "html.parser")
    svgs = page.find_all("svg")
    assert len(svgs) == 3
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text()
        assert svg.find("desc", id=desc_id).get_text()
    for table in page.find_all("table"):
        assert table.caption
        assert table.caption.get_text().strip()
        assert all(th.get("scope") in {"col", "row"} for th in table.find_all("th"))
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    days_table = page.find("table", id="stats-days")
    first_row = [cell.get_text() for cell in days_table.tbody.tr.find_all(["th", "td"])]
    assert first_row[0] == "2026-11-20"
    assert int(first_row[1].replace(",", "")) == s.days[0].requests
    contact = page.find("table", id="stats-contact-table")
    assert [c.get_text() for c in contact.tbody.tr.find_all(["th", "td"])] == [
        "Social Security number",
        "4",
        "2",
        "1",
        "0",
    ]
    assert "style=" not in html  # the Content-Security-Policy allows no inline styles


def test_flask_stats_prints_a_summary(app, runner):
    generate(log_path(app), 200, seed=6)
    result = runner.invoke(args=["stats", "--from", "2026-11-20", "--to", "2026-11-24"])
    assert result.exit_code == 0, result.output
    assert "Requests: 200" in result.output
    assert "Most requested pages:" in result.output
    assert "URLs behind errors:" in result.output


def test_flask_stats_rejects_a_bad_date_plainly(runner):
    result = runner.invoke(args=["stats", "--from", "30/11/2026"])
    assert result.exit_code == 2
    assert "'30/11/2026' is not a date in the form YYYY-MM-DD." in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(args=["stats", "--from", "2026-12-01", "--to", "2026-11-01"])
    assert result.exit_code == 2
    assert "--from must not be after --to." in result.output


def test_a_batch_is_not_counted_if_another_ingest_moved_the_file_first(app):
    from app.accesslog.ingest import _aggregate, _store
    from app.models import AccessDay, AccessLogFile

    generate(log_path(app), 50, seed=7)
    with app.app_context():
        ingest_new()
        row = db.session.scalars(db.select(AccessLogFile)).first()
        before = sum(d.requests for d in db.session.scalars(db.select(AccessDay)))
        batch = _aggregate(b'2026-11-20 10:00:00 - - 200 / - 1 0 "-" "-" HTTP/1.1\n', b"k")
        stale = row.position - 10  # what this ingest read before the other moved it
        assert not _store(row.host, row.name, row.fingerprint, row, stale, stale + 60, batch)
        after = sum(d.requests for d in db.session.scalars(db.select(AccessDay)))
    assert after == before == 50


def test_purge_forgets_visitor_keys_but_keeps_the_counts(app):
    from app.models import AccessDay, AccessVisitor

    now = datetime.now(UTC)
    old = generate(log_path(app), 40, seed=8, start=now - timedelta(days=60))
    recent = generate(log_path(app), 40, seed=9, start=now - timedelta(days=4))
    with app.app_context():
        purge_raw_logs(app, now)  # reads the files first, then deletes the old ones
        keys = {v.day for v in db.session.scalars(db.select(AccessVisitor))}
        days = {d.day: d.visitors for d in db.session.scalars(db.select(AccessDay))}
    assert keys == {e.when.date() for e in recent}
    assert {day for day, visitors in days.items() if visitors} == {
        e.when.date() for e in old + recent
    }


def test_hosts_share_the_statistics_and_a_visitor_is_counted_once(make_app, tmp_path):
    one = make_app(ACCESS_LOG_HOST="web-1", ACCESS_LOG_PATH=str(tmp_path / "1" / "access.log"))
    two = make_app(ACCESS_LOG_HOST="web-2", ACCESS_LOG_PATH=str(tmp_path / "2" / "access.log"))
    for app in (one, two):
        writer = DailyLogWriter(log_path(app))
        writer.write(entry(when=START, client_ip="192.0.2.1"))
        writer.close()
        with app.app_context():
            assert ingest_new().lines == 1
    with one.app_context():
        [day] = summary(START.date(), START.date()).days
    assert (day.requests, day.visitors) == (2, 1)


def test_flask_stats_includes_the_contact_form_counters(app, runner):
    from app.models import ContactCounter

    with app.app_context():
        today = datetime.now(UTC).date()
        db.session.add(ContactCounter(day=today, event="warned", kind="ssn", count=3))
        db.session.add(ContactCounter(day=today, event="removed", kind="ssn", count=2))
        db.session.add(ContactCounter(day=today, event="sent", kind="", count=9))
        db.session.commit()
    result = runner.invoke(args=["stats"])
    assert result.exit_code == 0, result.output
    assert "Contact form warnings: kind, Warned, Removed, Sent as written, Reported not a" in (
        result.output
    )
    assert "  ssn: 3, 2, 0, 0" in result.output


def test_the_desks_own_traffic_is_reported_apart(app, runner):
    """The policy's statistics are about visitors: the desk's requests are counted
    apart, with the files its pages load, and give no visitors, bytes or browsers."""
    writer = DailyLogWriter(log_path(app))
    public = [
        entry(when=START, uri_stem="/privacy", client_ip="198.51.100.1"),
        entry(
            when=START,
            uri_stem="/static/css/site.css",
            client_ip="198.51.100.1",
            referrer="http://x.example/privacy",
        ),
    ]
    desk = [
        entry(when=START, uri_stem="/staff/sign-in", client_ip="10.1.1.1", bytes_sent=999),
        entry(when=START, uri_stem="/staff/", client_ip="10.1.1.1", status=200),
        entry(when=START, uri_stem="/staff/messages/DRS-REF", client_ip="10.1.1.1"),
        entry(
            when=START,
            uri_stem="/static/css/staff.css",
            client_ip="10.1.1.1",
            referrer="https://drs.example/staff/",
        ),
    ]
    for item in public + desk:
        writer.write(item)
    writer.close()
    with app.app_context():
        assert ingest_new().lines == 6
        s = summary(date(2026, 11, 20), date(2026, 11, 20))
    assert s.requests == 2
    assert s.visitor_days == 1
    assert s.bytes_sent == sum(e.bytes_sent for e in public)
    assert {c.label for c in s.top_pages} == {"/privacy"}
    assert {c.label for c in s.top_files} == {"/static/css/site.css"}
    assert s.desk_requests == 4
    assert {c.label: c.hits for c in s.desk_pages} == {
        "/staff/sign-in": 1,
        "/staff/": 1,
        "/staff/messages/DRS-REF": 1,
        "/static/css/staff.css": 1,
    }
    with app.test_request_context():
        page = BeautifulSoup(str(render_summary(s)), "html.parser")
    section = page.find("h2", id="stats-desk").parent
    assert "4 requests in these days" in " ".join(section.get_text().split())
    assert section.find("table", id="stats-desk-pages")
    printed = runner.invoke(args=["stats", "--from", "2026-11-20", "--to", "2026-11-20"]).output
    assert "The staff desk's own requests (not counted above): 4" in printed


def test_charts_are_drawn_at_their_own_size_with_named_axes(app):
    generate(log_path(app), 200, seed=7)
    with app.app_context():
        ingest_new()
        s = summary(date(2026, 11, 20), date(2026, 11, 24))
        with app.test_request_context():
            page = BeautifulSoup(str(render_summary(s)), "html.parser")
    for svg in page.find_all("svg"):
        # width and height in CSS pixels equal to the drawing's: no scaling down
        assert svg["viewbox"] == f"0 0 {svg['width']} {svg['height']}"
        sizes = {int(t["font-size"]) for t in svg.find_all("text")}
        assert min(sizes) >= 14
        bold = [t.get_text() for t in svg.find_all("text", attrs={"font-weight": "700"})]
        assert len(bold) == 2, bold  # the x and the y axis are named
    requests = page.find("svg", attrs={"aria-labelledby": lambda v: v and "requests" in v})
    assert [t.get_text() for t in requests.find_all("text", attrs={"font-weight": "700"})] == [
        "Day (UTC, month-day)",
        "Requests",
    ]
