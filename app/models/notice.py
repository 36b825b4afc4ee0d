"""Site notices: the alerts shown above every public page."""

from datetime import date

from sqlalchemy import Date, Integer, String, Text, or_, select
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import Model, db


class Notice(Model):
    """A notice shown on every public page between its start and end dates.

    ``link`` names a destination in the fixed list of external sites
    (app.public.destinations), never a raw URL, so a notice cannot send visitors anywhere
    the exit-notice list does not know.
    """

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(60))
    link_text: Mapped[str | None] = mapped_column(String(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)

    def is_current(self, on: date) -> bool:
        """Shown on ``on`` (the same test as current(), for one notice in hand)."""
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)

    @classmethod
    def current(cls, on: date) -> list["Notice"]:
        """The notices to show on ``on``, in their chosen order."""
        query = (
            select(cls)
            .where(cls.starts_on <= on, or_(cls.ends_on.is_(None), cls.ends_on >= on))
            .order_by(cls.position, cls.id)
        )
        return list(db.session.scalars(query))
