"""Day files, the header, whole lines from many processes at once, and purging."""

import multiprocessing
import os
from datetime import UTC, date, datetime, timedelta

from app.accesslog import w3c
from app.accesslog.purge import purge_raw_logs
from app.accesslog.writer import DailyLogWriter, day_file, day_files, log_path
from tests.accesslog.test_w3c import entry

WORKERS = 6
LINES_EACH = 1500


def write_many(path: str, worker: int) -> None:
    """One 'gunicorn worker': its own writer, long lines, as fast as it can."""
    writer = DailyLogWriter(path)
    agent = f"worker-{worker} " + "x" * 900
    for number in range(LINES_EACH):
        writer.write(
            entry(when=datetime.now(UTC), uri_stem=f"/w{worker}/{number}", user_agent=agent)
        )
    writer.close()


def test_concurrent_workers_write_whole_lines_and_lose_none(tmp_path):
    path = tmp_path / "logs" / "access.log"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=write_many, args=(str(path), n)) for n in range(WORKERS)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0

    seen: dict[int, list[int]] = {n: [] for n in range(WORKERS)}
    headers = 0
    for _day, file in day_files(path):
        for line in file.read_text("ascii").splitlines():
            if line.startswith("#"):
                headers += line == w3c.FIELDS_DIRECTIVE
                continue
            fields = w3c.split_line(line)  # raises on a broken line
            _, worker, number = fields[5].split("/")
            assert fields[9] == f"worker-{worker[1:]} " + "x" * 900
            seen[int(worker[1:])].append(int(number))
    assert headers == len(day_files(path))  # one header per file, never two
    for numbers in seen.values():
        assert numbers == list(range(LINES_EACH))  # every line, in each worker's order


def test_each_line_goes_to_the_file_of_its_own_day(tmp_path):
    path = tmp_path / "access.log"
    writer = DailyLogWriter(path)
    today = datetime(2026, 11, 30, 0, 0, 1, tzinfo=UTC)
    writer.write(entry(when=today - timedelta(seconds=2), uri_stem="/before-midnight"))
    writer.write(entry(when=today, uri_stem="/after-midnight"))
    writer.write(entry(when=today - timedelta(seconds=3), uri_stem="/late-line"))
    writer.close()
    assert [d for d, _ in day_files(path)] == [date(2026, 11, 29), date(2026, 11, 30)]
    yesterday = day_file(path, date(2026, 11, 29)).read_text()
    assert "/before-midnight" in yesterday
    assert "/late-line" in yesterday
    assert "/after-midnight" in day_file(path, date(2026, 11, 30)).read_text()
    # access.log always points at the newest day, even after a late line.
    assert os.readlink(path) == "access-2026-11-30.log"
    assert path.read_text().startswith("#Version: 1.0\n#Date: 2026-11-30 00:00:01\n")


def test_purge_removes_raw_files_older_than_the_retention(app, runner):
    path = log_path(app)
    writer = DailyLogWriter(path)
    now = datetime.now(UTC)
    for age in (0, 1, 29, 30, 31, 45):
        writer.write(entry(when=now - timedelta(days=age)))
    writer.close()
    with app.app_context():
        assert purge_raw_logs(app, now) == 2
    kept = [(now.date() - d).days for d, _ in day_files(path)]
    assert kept == [30, 29, 1, 0]

    app.config["ACCESS_LOG_RETENTION_DAYS"] = 1
    result = runner.invoke(args=["accesslog", "purge"])
    assert result.exit_code == 0, result.output
    assert "Removed 2 access-log files older than 1 days." in result.output
    assert [(now.date() - d).days for d, _ in day_files(path)] == [1, 0]
