"""The unsent message between the contact form's steps, held on the server only.

Every page of the flow is reached by GET (Post/Redirect/Get), so Back and Reload never
re-post a form or send twice. What the visitor typed therefore waits here between the
POST that received it and the page that shows it: encrypted with the data keys
(`ContactDraft.content`), found by a hash of a random token kept in the session cookie
(the token is ours; the visitor's words never go into the cookie, a URL or a log).

A draft is forgotten when its message is sent, and 30 minutes after it was last saved
at the latest: every save deletes the drafts past their time in the same short
transaction, and `flask purge` deletes any left (`app/draft_store.py` keeps them).
"""

import hashlib
import json
import secrets
from dataclasses import asdict, dataclass, field

from flask import session
from sqlalchemy import Delete
from werkzeug.datastructures import MultiDict

from app import draft_store
from app.models import ContactDraft

SESSION_KEY = "contact_draft"
FIELDS = ("name", "email", "topic", "message")

# Steps: the form (perhaps with a notice), or the warning page.
STEP_FORM = "form"
STEP_CHECK = "check"


@dataclass
class Draft:
    fields: dict[str, str]
    send_key: str
    step: str = STEP_FORM
    # Fingerprints (keyed hashes) of numbers the visitor said are not tax numbers.
    dismissed: list[str] = field(default_factory=list)
    # What the next page should say about the last step, e.g. "errors", "left_alone".
    notice: str | None = None
    # How many numbers the visitor just said are not tax numbers (for the wording).
    left_alone: int = 0
    # When a rate-limited visitor may send again (UNIX seconds).
    retry_at: int = 0
    # Counts the texts received for this draft: a warning page names the one it shows,
    # so a choice made on it never sends a text changed since in another window.
    revision: int = 1

    def formdata(self) -> MultiDict:
        return MultiDict(
            [(name, self.fields.get(name, "")) for name in FIELDS] + [("send_key", self.send_key)]
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "Draft | None":
        try:
            data = json.loads(text)
            return cls(
                fields={k: str(v) for k, v in dict(data["fields"]).items() if k in FIELDS},
                send_key=str(data["send_key"]),
                step=str(data.get("step", STEP_FORM)),
                dismissed=[str(d) for d in data.get("dismissed", [])],
                notice=data.get("notice"),
                left_alone=int(data.get("left_alone", 0)),
                retry_at=int(data.get("retry_at", 0)),
                revision=int(data.get("revision", 1)),
            )
        except (ValueError, TypeError, KeyError):
            # e.g. "[This text cannot be read…]" after a data key was dropped
            return None


def _row_id(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _token() -> str | None:
    token = session.get(SESSION_KEY)
    return token if isinstance(token, str) and 20 <= len(token) <= 64 else None


def load() -> tuple[Draft | None, bool]:
    """(the visitor's draft, or None; whether they had one that has since been forgotten)."""
    token = _token()
    if token is None:
        return None, False
    content = draft_store.read(ContactDraft, _row_id(token))
    draft = Draft.from_json(content) if content is not None else None
    return draft, draft is None


def save(draft: Draft) -> None:
    """Keep the draft for another 30 minutes; forget everyone's expired ones. Commits.

    One short transaction: the caller may have added counts to it (they are committed
    together, so a warning is counted only if its page can be shown).
    """
    token = _token() or secrets.token_urlsafe(32)
    draft_store.write(ContactDraft, _row_id(token), draft.to_json())
    session[SESSION_KEY] = token
    # A new message is under way: the last confirmation is no longer the news.
    session.pop("sent", None)


def forget_statement() -> Delete | None:
    """The statement that deletes the visitor's draft (None if they have none), for the
    caller to run in the transaction that stores their message; once that has
    committed, ``forgotten()`` takes the draft out of the session. (Until then the draft
    stays theirs: if the database fails, their text is still there when it is back.)"""
    token = _token()
    return draft_store.delete_statement(ContactDraft, _row_id(token)) if token else None


def forgotten() -> None:
    """The draft was deleted with the message: it leaves the session too."""
    session.pop(SESSION_KEY, None)


def forget() -> None:
    """The message was sent (or abandoned): delete its draft now. Commits."""
    token = _token()
    if token is not None:
        draft_store.forget(ContactDraft, _row_id(token))
    forgotten()
