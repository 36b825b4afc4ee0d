"""Access-log statistics: per-day aggregates, and how far each host's files are read.

No table here holds an IP address or a user agent. Distinct visitors are counted with
keyed hashes (BLAKE2b of the day, address and user agent, keyed with a key derived from
the app's secret key), kept only while that day's raw log is kept, then deleted; the
day's count remains.
"""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import Model


class AccessLogFile(Model):
    """How much of one host's day file has been read into the aggregates."""

    __tablename__ = "accesslog_files"
    __table_args__ = (UniqueConstraint("host", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255))
    # The file's first line (its #Version/#Date header) hashed: a different file under
    # the same name is noticed rather than read from the middle.
    fingerprint: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(BigInteger, default=0)
    lines: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AccessDay(Model):
    """Totals for one UTC day, over every host."""

    __tablename__ = "accesslog_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    requests: Mapped[int] = mapped_column(BigInteger, default=0)
    visitors: Mapped[int] = mapped_column(Integer, default=0)
    bytes_sent: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_received: Mapped[int] = mapped_column(BigInteger, default=0)


class AccessCount(Model):
    """Requests per day by one dimension: page, file, status, error (status and URL),
    referrer (host only), browser family, protocol."""

    __tablename__ = "accesslog_counts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(512), primary_key=True)
    hits: Mapped[int] = mapped_column(BigInteger, default=0)


class AccessVisitor(Model):
    """A keyed hash standing for one visitor on one day; deleted with the day's raw log."""

    __tablename__ = "accesslog_visitors"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
