"""Item 13: the suite used the machine's date where the app uses Hartford's.

tests/public/test_pages.py took `date.today()` (the machine's zone) for a notice that the
app judges by SITE_TIMEZONE, so the suite failed between 00:00 and 05:00 UTC. Tests use
the app's clock (`app.clock`), and `make test` runs the date-sensitive tests once more
under a far time zone (TZ=Pacific/Kiritimati, UTC+14).
"""

import ast
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from app import clock
from app.extensions import db
from app.models import Notice

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent

# Calls that read the machine's zone (or a naive "now"): never in a test.
NAIVE = {("date", "today"), ("datetime", "today"), ("datetime", "utcnow"), ("time", "localtime")}


def naive_clock_calls(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        pair = (name, node.func.attr)
        if pair in NAIVE or (pair == ("datetime", "now") and not node.args and not node.keywords):
            lines.append(node.lineno)
    return lines


def test_no_test_reads_the_machines_date():
    found = {
        str(path.relative_to(REPO)): lines
        for path in sorted(TESTS.rglob("*.py"))
        if (lines := naive_clock_calls(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "use app.clock.today()/utcnow() or an aware datetime"


def test_make_test_reruns_the_date_tests_in_a_far_zone():
    makefile = (REPO / "Makefile").read_text()
    assert "TZ=Pacific/Kiritimati" in makefile
    listed = makefile.split("DATE_TESTS :=", 1)[1].split("\n\n", 1)[0]
    for name in ("tests/public/test_pages.py", "tests/test_retention.py", __file__):
        assert str(Path(name).relative_to(REPO) if Path(name).is_absolute() else name) in listed


@pytest.fixture
def far_zone():
    """The machine's zone set to UTC+14 for one test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Kiritimati"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize("hour", [2, 12, 23])
@pytest.mark.usefixtures("far_zone")
def test_notices_follow_hartfords_day_whatever_the_machines_zone(app, pages, hour):
    moment = datetime(2026, 12, 1, hour, 30, tzinfo=UTC)
    with time_machine.travel(moment, tick=False), app.app_context():
        today = clock.today()  # Hartford's, as the app sees it
        assert today == (moment - timedelta(hours=5)).date()
        db.session.add_all(
            [
                Notice(title="Live notice", body="now", starts_on=today, position=0),
                Notice(
                    title="Future notice",
                    body="later",
                    starts_on=today + timedelta(days=1),
                    position=0,
                ),
                Notice(
                    title="Expired notice",
                    body="gone",
                    starts_on=today - timedelta(days=3),
                    ends_on=today - timedelta(days=1),
                    position=0,
                ),
            ]
        )
        db.session.commit()
        text = pages.get("/privacy").select_one(".site-notices").get_text()
    assert "Live notice" in text
    assert "Future notice" not in text
    assert "Expired notice" not in text
