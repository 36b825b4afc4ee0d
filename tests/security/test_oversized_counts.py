"""Item 1: one request with an absurd Content-Length broke the statistics and the purge.

`POST /contact` declaring 99999999999999999999 bytes (and sending 3) got its 413, but the
access log recorded the declared length; from then on ingestion raised OverflowError, the
desk's statistics page was a 500 for everyone, and `flask purge` stopped before deleting
raw log files (which hold addresses) and before its audit event.
"""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.accesslog import w3c
from app.accesslog.writer import day_file, day_files, log_path
from app.extensions import db
from app.models import AccessDay, AuditEvent
from tests.pages import page_of

HUGE = "99999999999999999999"
BIGINT_MAX = "9223372036854775807"


def _line(when: datetime, sent: str = "100", received: str = "0", status: str = "200") -> str:
    return (
        f"{when:%Y-%m-%d %H:%M:%S} 192.0.2.1 127.0.0.1 {status} /privacy - {sent} {received} "
        '"Mozilla/5.0" "-" HTTP/1.1\n'
    )


def _write_day(app, day, lines: list[str]) -> None:
    path = day_file(log_path(app), day)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(w3c.header(datetime.combine(day, datetime.min.time())) + "".join(lines))


def test_a_huge_declared_length_is_not_logged(app, client):
    response = client.post(
        "/contact",
        data=b"a=b",
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"CONTENT_LENGTH": HUGE},
    )
    response.close()
    assert response.status_code == 413
    [(_day, file)] = day_files(log_path(app))
    lines = [x for x in file.read_text("ascii").splitlines() if not x.startswith("#")]
    assert HUGE not in lines[-1]
    fields = dict(zip(w3c.FIELDS, w3c.split_line(lines[-1]), strict=True))
    assert fields["cs-uri-stem"] == "/contact"


def test_the_attack_leaves_statistics_and_purge_working(app, desk, client, runner):
    # The request exactly as it was made, then the desk and both cron jobs.
    client.post(
        "/contact",
        data=b"a=b",
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"CONTENT_LENGTH": HUGE},
    ).close()
    now = datetime.now(UTC)
    # A raw file past the 30 days, which the purge must delete whatever else happens.
    old_day = (now - timedelta(days=45)).date()
    _write_day(app, old_day, [_line(now - timedelta(days=45))])
    # Lines as a log written by the old code (or by hand) holds them: too big to store.
    today_file = day_file(log_path(app), now.date())
    with today_file.open("a") as stream:
        stream.write(_line(now, received=HUGE))
        stream.write(_line(now, sent=BIGINT_MAX))
        stream.write(_line(now, sent=BIGINT_MAX))
        stream.write(_line(now, received="-1"))
        stream.write(_line(now, status="²00"))
        stream.write(_line(now))

    result = runner.invoke(args=["accesslog", "ingest"])
    assert result.exit_code == 0, result.output
    assert "(5 not understood)" in result.output

    desk.sign_in_as("reader")
    response = client.get("/staff/statistics")
    assert response.status_code == 200
    page_of(response)

    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert [day for day, _ in day_files(log_path(app))] == [now.date()]
    with app.app_context():
        actions = [e.action for e in db.session.scalars(select(AuditEvent))]
        assert "purge" in actions
        day = db.session.get(AccessDay, now.date())
        assert 0 <= day.bytes_sent < int(BIGINT_MAX)


def test_two_lines_of_the_largest_bigint_do_not_overflow_a_day(app, runner):
    now = datetime.now(UTC)
    _write_day(app, now.date(), [_line(now, sent=BIGINT_MAX), _line(now, sent=BIGINT_MAX)])
    result = runner.invoke(args=["accesslog", "ingest"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        day = db.session.get(AccessDay, now.date())
        assert day is None or 0 <= day.bytes_sent <= int(BIGINT_MAX)


def test_the_purge_deletes_raw_logs_and_audits_even_when_ingestion_fails(app, runner, monkeypatch):
    now = datetime.now(UTC)
    old_day = (now - timedelta(days=45)).date()
    _write_day(app, old_day, [_line(now - timedelta(days=45))])

    def broken(*_args, **_kwargs):
        raise RuntimeError("statistics tables unavailable")

    monkeypatch.setattr("app.accesslog.ingest.ingest_new", broken)
    result = runner.invoke(args=["purge"])
    assert day_files(log_path(app)) == []
    with app.app_context():
        events = list(db.session.scalars(select(AuditEvent)))
        assert [e.action for e in events] == ["purge"]
        assert "1 raw log file" in events[0].detail
    assert result.exit_code != 0  # cron still hears that something went wrong
    assert "statistics" in result.output
