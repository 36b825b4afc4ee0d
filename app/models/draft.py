"""A message the visitor has not sent yet, kept between the steps of the contact form.

So that every page of the flow can be reached by GET (Back and Reload never re-post a
form), the text waits here between steps instead of in the page. It is held only
encrypted with the data keys (one Fernet token), never in a cookie, and is forgotten
when the message is sent or 30 minutes after it was last saved, whichever comes first:
every write deletes the drafts past their time, and so does `flask purge`.

The visitor's browser holds only a random token in the session cookie; the row is
found by a hash of it, so a copy of the database cannot be used to take over a draft.
Nothing here names the visitor or their connection.
"""

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from app.crypto import EncryptedText
from app.extensions import Model


class ContactDraft(Model):
    __tablename__ = "contact_drafts"

    # sha256 of the random token in the visitor's session cookie.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The fields, the step and what the visitor chose so far, as JSON, encrypted.
    content: Mapped[str] = mapped_column(EncryptedText)
    # UNIX seconds (UTC) after which the draft is forgotten.
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)


class ReplyDraft(Model):
    """A reply a member of staff has not sent yet, between its steps on the desk (written,
    warned about the numbers in it, sent), so that each page is reached by GET too.

    Found by a hash of their sign-in's random token and the message's reference: one
    draft per message per sign-in, unreachable once they sign out. Encrypted, and
    forgotten when the reply is sent or 30 minutes after it was last saved.
    """

    __tablename__ = "reply_drafts"

    # sha256 of the staff session's token and the message's reference.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The reply's text and step, as JSON, encrypted.
    content: Mapped[str] = mapped_column(EncryptedText)
    # UNIX seconds (UTC) after which the draft is forgotten.
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)
