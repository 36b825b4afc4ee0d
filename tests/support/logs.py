"""Reading back what the access-log middleware wrote (tests of the log, and of what
it must never hold)."""

from app.accesslog import w3c
from app.accesslog.writer import day_files, log_path


def logged_lines(app) -> list[str]:
    """Every request line in the app's access log files, oldest file first."""
    lines = []
    for _day, file in day_files(log_path(app)):
        lines += [x for x in file.read_text("ascii").splitlines() if not x.startswith("#")]
    return lines


def logged_fields(app) -> list[dict[str, str]]:
    return [dict(zip(w3c.FIELDS, w3c.split_line(line), strict=True)) for line in logged_lines(app)]
