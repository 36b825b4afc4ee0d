"""Access-log statistics over a million lines: first ingest, page render, increment.

    .venv/bin/python -m bench.stats_bench [--lines 1000000] [--days 30] [--keep DIR]

Generates a realistic W3C log (the site's own line format) into a temporary instance,
migrates a SQLite database there, then prints how long each step takes. The staff
desk's statistics page costs summary() + the partial; the goal is at most 1 s.
"""

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app import create_app
from app.accesslog import w3c
from app.accesslog.ingest import ingest_new
from app.accesslog.stats import summary
from app.accesslog.writer import DailyLogWriter, day_file, log_path
from app.staff.statistics import render_summary

AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
]
PAGES = [
    "/",
    "/privacy",
    "/contact",
    "/contact/sent",
    "/leaving/myconnect",
    "/leaving/highway-use-fee",
]
FILES = [
    "/static/css/site.css",
    "/static/vendor/uswds/css/uswds.min.css",
    "/static/vendor/uswds/js/uswds-init.min.js",
    "/static/js/contact.js",
    "/static/vendor/uswds/img/us_flag_small.png",
]
REFERRERS = [
    "",
    "",
    "https://portal.ct.gov/DRS",
    "https://www.google.com/",
    "https://www.bing.com/",
]


# About eight requests per visitor a day: a pool of addresses, most of them recurring.
VISITORS = [
    f"{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}.{n % 251 + 1}"
    for n in range(16_777_216, 16_777_216 + 4_000 * 257, 257)
]


def entry(rng: random.Random, when: datetime) -> w3c.Entry:
    roll = rng.random()
    if roll < 0.02:
        status, stem = (
            404,
            f"/{rng.choice(['wp-admin', 'old', 'forms', '.env'])}/{rng.randint(1, 400)}",
        )
    elif roll < 0.021:
        status, stem = 500, rng.choice(PAGES)
    elif roll < 0.55:
        status, stem = rng.choice([200, 200, 200, 304]), rng.choice(FILES)
    else:
        status, stem = rng.choice([200] * 9 + [303]), rng.choice(PAGES)
    return w3c.Entry(
        when=when,
        client_ip=rng.choice(VISITORS),
        server_ip="10.0.0.5",
        status=status,
        uri_stem=stem,
        uri_query="",
        bytes_sent=rng.randint(200, 120_000),
        bytes_received=rng.choice([0] * 20 + [rng.randint(300, 6000)]),
        user_agent=rng.choice(AGENTS),
        referrer=rng.choice(REFERRERS),
        protocol=rng.choice(["HTTP/1.1", "HTTP/2.0", "HTTP/2.0"]),
    )


def generate(path: Path, lines: int, days: int, end: datetime, seed: int = 6) -> None:
    """Write ``lines`` lines over ``days`` days ending at ``end``, day file by day file."""
    rng = random.Random(seed)
    per_day = lines // days
    path.parent.mkdir(parents=True, exist_ok=True)
    for index in range(days):
        day_start = (end - timedelta(days=days - 1 - index)).replace(hour=0, minute=0, second=0)
        count = per_day + (lines - per_day * days if index == days - 1 else 0)
        seconds = sorted(rng.randrange(86400) for _ in range(count))
        with day_file(path, day_start.date()).open("w", encoding="ascii") as out:
            out.write(w3c.header(day_start))
            out.writelines(
                w3c.format_line(entry(rng, day_start + timedelta(seconds=s))) for s in seconds
            )


def timed(label: str, function):
    started = time.perf_counter()
    result = function()
    print(f"{label:<48} {time.perf_counter() - started:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--keep", help="use this folder and keep it")
    options = parser.parse_args()

    folder = Path(options.keep or tempfile.mkdtemp(prefix="stats-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "RATELIMIT_STORAGE_URI": "memory://",
        },
        instance_path=str(folder),
    )
    path = log_path(app)
    end = datetime.now(UTC)
    print(f"Instance: {folder}")
    timed(
        f"generate {options.lines:,} lines over {options.days} days",
        lambda: generate(path, options.lines, options.days, end),
    )
    size = sum(f.stat().st_size for f in path.parent.glob("access-*.log"))
    print(f"{'log size':<48} {size / 1e6:8.1f} MB")

    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        result = timed("first ingest (everything is new)", ingest_new)
        print(f"{'  lines read':<48} {result.lines:>10,}")
        first, last = (end - timedelta(days=options.days - 1)).date(), end.date()

        def page():
            with app.test_request_context():
                return render_summary(summary(first, last))

        timed("ingest with nothing new", ingest_new)
        html = timed("summary() + partial, 30 days (the page)", page)
        timed("summary() + partial again", page)
        print(f"{'  partial size':<48} {len(html) / 1e3:8.1f} kB")

        writer = DailyLogWriter(path)
        rng = random.Random(7)
        timed(
            "append 1,000 lines through the real writer",
            lambda: [writer.write(entry(rng, datetime.now(UTC))) for _ in range(1000)],
        )
        writer.close()
        result = timed("incremental ingest of the 1,000 new lines", ingest_new)
        print(f"{'  lines read':<48} {result.lines:>10,}")
        timed("ingest + summary() + partial (page, fresh)", lambda: (ingest_new(), page()))


if __name__ == "__main__":
    main()
