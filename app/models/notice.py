"""Site notices: the alerts shown above every public page."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint, or_, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

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
    # Its text in other languages (optional): a page in a language it lacks shows the
    # English text, marked lang="en".
    translations: Mapped[list["NoticeTranslation"]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", lazy="selectin"
    )

    def translation(self, language: str) -> "NoticeTranslation | None":
        return next((t for t in self.translations if t.language == language), None)

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


class NoticeTranslation(Model):
    """A notice's title, text and link text in one language other than English."""

    __tablename__ = "notice_translations"
    __table_args__ = (
        UniqueConstraint("notice_id", "language", name="uq_notice_translations_language"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    link_text: Mapped[str | None] = mapped_column(String(120))
    notice: Mapped[Notice] = relationship(back_populates="translations")
