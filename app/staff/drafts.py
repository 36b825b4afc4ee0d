"""A reply between its steps on the desk, held on the server only.

Every desk page a reply leads to is reached by GET (Post/Redirect/Get), as on the public
side: the POST that receives a reply either sends it or saves it here and redirects to
the page that shows it — the message with the reply and what is wrong with it, or the
warning about the numbers in it. Back and Reload never re-post a reply.

The text is encrypted with the data keys (`ReplyDraft.content`) and found by a hash of
the member's sign-in token and the message's reference (`app.auth.sessions.key_for`):
never in a cookie or a URL. A draft is forgotten when its reply is sent, and 30 minutes
after it was last saved at the latest (every save deletes the expired ones, and so does
`flask purge`).
"""

import json
import time
from dataclasses import asdict, dataclass

import sqlalchemy as sa
from sqlalchemy import Text, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.auth.sessions import key_for
from app.crypto import keyring
from app.extensions import READ_ONLY, WRITE_FIRST, affected_rows, begin, db
from app.models import ReplyDraft

DRAFT_SECONDS = 30 * 60

# Where the reply is: in the message's page (perhaps with errors), or being warned about.
STEP_FORM = "form"
STEP_CHECK = "check"


@dataclass
class Draft:
    body: str
    step: str = STEP_FORM
    # What the message's page should say: "errors" (shown by validating the body again),
    # "edit" (back from the warning, the cursor in the text) or "not_sent".
    notice: str | None = None
    # Our words about why it was not sent (the mail server's answer, in plain words).
    error: str = ""

    @classmethod
    def from_json(cls, text: str) -> "Draft | None":
        try:
            data = json.loads(text)
            return cls(
                body=str(data["body"]),
                step=str(data.get("step", STEP_FORM)),
                notice=data.get("notice"),
                error=str(data.get("error", "")),
            )
        except (ValueError, TypeError, KeyError):
            # e.g. "[This text cannot be read…]" after a data key was dropped
            return None


def _now() -> int:
    return int(time.time())


def load(reference: str) -> Draft | None:
    """This member's unsent reply to the message ``reference``, if they have one."""
    key = key_for(reference)
    if key is None:
        return None
    begin(READ_ONLY)
    row = db.session.scalar(
        select(ReplyDraft).where(ReplyDraft.id == key, ReplyDraft.expires_at > _now())
    )
    draft = Draft.from_json(row.content) if row is not None else None
    db.session.rollback()
    return draft


def save(reference: str, draft: Draft) -> None:
    """Keep the reply for another 30 minutes; forget everyone's expired ones. Commits."""
    key = key_for(reference)
    if key is None:
        return
    now = _now()
    content = keyring().encrypt(json.dumps(asdict(draft), separators=(",", ":")))
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(ReplyDraft).values(
        id=key, content=sa.literal(content, Text), expires_at=now + DRAFT_SECONDS
    )
    statement = statement.on_conflict_do_update(
        index_elements=["id"],
        set_={"content": statement.excluded.content, "expires_at": statement.excluded.expires_at},
    )
    begin(WRITE_FIRST)
    db.session.execute(delete(ReplyDraft).where(ReplyDraft.expires_at <= now))
    db.session.execute(statement)
    db.session.commit()


def forget(reference: str) -> None:
    """The reply was sent (or the message deleted): its draft goes. Commits."""
    key = key_for(reference)
    if key is None:
        return
    begin(WRITE_FIRST)
    db.session.execute(delete(ReplyDraft).where(ReplyDraft.id == key))
    db.session.commit()


def purge_expired(now: int | None = None) -> int:
    """Delete every reply draft past its time (for `flask purge`). Commits; how many."""
    now = _now() if now is None else now
    result = db.session.execute(delete(ReplyDraft).where(ReplyDraft.expires_at <= now))
    db.session.commit()
    return affected_rows(result)
