"""Text not sent yet, kept on the server between the steps of a form.

So that every page of a flow can be reached by GET (Back and Reload never re-post a
form), the text waits here between steps instead of in the page: a visitor's message on
the contact form, a member of staff's reply on the desk. It is held only encrypted with
the data keys (one Fernet token), never in a cookie, and is forgotten when it is sent or
30 minutes after it was last saved, whichever comes first: every write deletes the
drafts past their time, and so does `flask purge` (`app/draft_store.py`).

A row is found by a hash of a random token the browser holds in its session cookie
(for a reply, the sign-in's token and the message's reference), so a copy of the
database cannot be used to take over a draft. Nothing here names a visitor or their
connection.
"""

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from app.crypto import EncryptedText
from app.extensions import Model


class DraftColumns:
    """The columns every kind of draft has (one table per kind)."""

    # sha256 of the random token the draft is found by.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # What was written, the step and what was chosen so far, as JSON, encrypted.
    content: Mapped[str] = mapped_column(EncryptedText)
    # UNIX seconds (UTC) after which the draft is forgotten.
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)


class ContactDraft(DraftColumns, Model):
    """A message the visitor has not sent yet (app/contact/drafts.py)."""

    __tablename__ = "contact_drafts"


class ReplyDraft(DraftColumns, Model):
    """A reply a member of staff has not sent yet (app/staff/drafts.py): one per message
    per sign-in, unreachable once they sign out."""

    __tablename__ = "reply_drafts"
