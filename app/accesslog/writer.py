"""Appending lines to the day's log file, safely from many processes at once.

Each UTC day has its own file, ``access-YYYY-MM-DD.log`` beside the configured path,
and the configured path itself (``access.log``) is a symbolic link to the newest day.
A line goes to the file of its own date, so every file holds exactly one day and
"daily rotation" needs no renaming: no worker ever has to notice that another renamed
the file under it, a late line from before midnight still lands in yesterday's file,
``goaccess access.log`` reads today and ``goaccess access-*.log`` every day kept, and
purging is deleting files by name.

Whole lines from concurrent workers: the file is opened with O_APPEND and each line is
written with one ``os.write`` of the complete line (lines are capped well below 4 KiB),
which POSIX makes atomic with respect to the file offset on a local file system. The
``#Version``/``#Fields`` header is written once, under an exclusive ``flock``, by the
first writer to find the file empty.
"""

import fcntl
import os
import re
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

from flask import Flask

from app.accesslog import w3c

_DAY_FILE = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})(?P<suffix>\.[^.]*)?$")


def log_path(app: Flask) -> Path:
    """Where the access log is (ACCESS_LOG_PATH): a link to today's file."""
    return Path(app.config["ACCESS_LOG_PATH"])


def day_file(path: Path, day: date) -> Path:
    """The file that holds ``day``'s lines: access.log → access-2026-11-30.log."""
    return path.with_name(f"{path.stem}-{day.isoformat()}{path.suffix}")


def day_files(path: Path) -> list[tuple[date, Path]]:
    """Every day file kept beside ``path``, oldest first."""
    found: list[tuple[date, Path]] = []
    if not path.parent.is_dir():
        return found
    for candidate in path.parent.glob(f"{path.stem}-*{path.suffix}"):
        match = _DAY_FILE.match(candidate.name)
        if not match or match["stem"] != path.stem or (match["suffix"] or "") != path.suffix:
            continue
        try:
            found.append((date.fromisoformat(match["day"]), candidate))
        except ValueError:
            continue
    return sorted(found)


class DailyLogWriter:
    """Writes W3C lines to the right day's file; one instance per process is enough."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._day: date | None = None
        self._fd: int | None = None
        self._pid = os.getpid()

    def write(self, entry: w3c.Entry) -> None:
        line = w3c.format_line(entry).encode("ascii")
        day = entry.when.date()
        with self._lock:
            fd = self._fd_for(day, entry.when)
            os.write(fd, line)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
            self._fd, self._day = None, None

    def _fd_for(self, day: date, now: datetime) -> int:
        # After a fork (gunicorn preload) each worker opens its own descriptor.
        if self._fd is not None and self._day == day and self._pid == os.getpid():
            return self._fd
        if self._fd is not None and self._pid == os.getpid():
            os.close(self._fd)
        self._fd, self._day, self._pid = None, None, os.getpid()
        target = day_file(self.path, day)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                if os.fstat(fd).st_size == 0:
                    os.write(fd, w3c.header(now).encode("ascii"))
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
            self._point_link_at(target, day)
        except BaseException:
            os.close(fd)
            raise
        self._fd, self._day = fd, day
        return fd

    def _point_link_at(self, target: Path, day: date) -> None:
        """Make ``access.log`` point at the newest day (atomically, by rename)."""
        link = self.path
        try:
            current = os.readlink(link)
        except FileNotFoundError:
            current = None
        except OSError:
            return  # a real file is there (an operator's choice): leave it alone
        if current is not None:
            match = _DAY_FILE.match(Path(current).name)
            if match and match["day"] >= day.isoformat():
                return
        temporary = link.with_name(f".{link.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            temporary.unlink(missing_ok=True)
            temporary.symlink_to(target.name)
            os.replace(temporary, link)
        except OSError:
            temporary.unlink(missing_ok=True)


def purge_day_files(path: Path, today: date, keep_days: int) -> list[Path]:
    """Delete the day files older than ``keep_days`` days before ``today``."""
    cutoff = today - timedelta(days=keep_days)
    removed = []
    for day, file in day_files(path):
        if day < cutoff:
            file.unlink(missing_ok=True)
            removed.append(file)
    return removed
