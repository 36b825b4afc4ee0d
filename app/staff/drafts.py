"""A reply between its steps on the desk, and a reveal's reason that was not accepted,
held on the server only.

Every desk page a reply leads to is reached by GET (Post/Redirect/Get), as on the public
side: the POST that receives a reply either sends it or saves it here and redirects to
the page that shows it — the message with the reply and what is wrong with it, or the
warning about the numbers in it. Back and Reload never re-post a reply.

The text is encrypted with the data keys (`ReplyDraft.content`) and found by a hash of
the member's sign-in token and the message's reference (`app.auth.sessions.key_for`):
never in a cookie or a URL. A draft is forgotten when its reply is sent, and 30 minutes
after it was last saved at the latest (`app/draft_store.py` keeps it).

A reason for revealing the numbers that was not accepted (empty, or too long) is kept the
same way, under its own key, until the numbers are revealed: the message's page, reached
by GET, shows it with what is wrong. So is a site notice's form that was not accepted (or
timed out), until the notice is saved: the form, reached by GET, shows it again.
"""

import json
from dataclasses import asdict, dataclass

from app import draft_store
from app.auth.sessions import key_for
from app.extensions import db
from app.models import ReplyDraft

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


def _read(key: str | None) -> str | None:
    return draft_store.read(ReplyDraft, key) if key is not None else None


def _write(key: str | None, data: dict) -> None:
    """Keep data under key for another 30 minutes; forget everyone's expired drafts."""
    if key is not None:
        draft_store.write(ReplyDraft, key, json.dumps(data, separators=(",", ":")))


def _forget(key: str | None) -> None:
    if key is not None:
        draft_store.forget(ReplyDraft, key)


def load(reference: str) -> Draft | None:
    """This member's unsent reply to the message ``reference``, if they have one."""
    content = _read(key_for(reference))
    return Draft.from_json(content) if content is not None else None


def save(reference: str, draft: Draft) -> None:
    """Keep the reply for another 30 minutes; forget everyone's expired ones. Commits."""
    _write(key_for(reference), asdict(draft))


def forget(reference: str) -> None:
    """The reply was sent (or the message deleted): its draft goes. Commits."""
    _forget(key_for(reference))


def _reveal_key(reference: str) -> str | None:
    return key_for(f"{reference}:reveal")


def load_reason(reference: str) -> str | None:
    """The reason this member gave to reveal ``reference``'s numbers that was not
    accepted, if there is one."""
    content = _read(_reveal_key(reference))
    if content is None:
        return None
    try:
        reason = json.loads(content)["reason"]
    except (ValueError, TypeError, KeyError):
        return None
    return reason if isinstance(reason, str) else None


def save_reason(reference: str, reason: str) -> None:
    """Keep a reason that was not accepted, to show it again with what is wrong. Commits."""
    _write(_reveal_key(reference), {"reason": reason})


def forget_reason(reference: str, *, commit: bool = True) -> None:
    """The numbers were revealed: the reason kept for the page goes. Commits, unless
    ``commit`` is false (then it is part of the caller's transaction)."""
    key = _reveal_key(reference)
    if key is None:
        return
    if commit:
        draft_store.forget(ReplyDraft, key)
    else:
        db.session.execute(draft_store.delete_statement(ReplyDraft, key))


# A notice being created or edited whose form had something wrong with it (or timed out):
# its fields, kept the same way until it is saved, so that the form page is reached by GET.
NOTICE_ERRORS = "errors"
NOTICE_TIMED_OUT = "timed_out"


@dataclass
class NoticeDraft:
    fields: dict[str, str]
    # "errors" (shown by validating the fields again) or "timed_out"
    notice: str = NOTICE_ERRORS

    @classmethod
    def from_json(cls, text: str) -> "NoticeDraft | None":
        try:
            data = json.loads(text)
            fields = data["fields"]
            if not isinstance(fields, dict):
                return None
            return cls(
                fields={str(name): str(value) for name, value in fields.items()},
                notice=str(data.get("notice", NOTICE_ERRORS)),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def _notice_key(name: str) -> str | None:
    return key_for(f"notice:{name}")


def load_notice(name: str) -> NoticeDraft | None:
    """This member's unsaved notice ``name`` ("new", or a notice's id), if there is one."""
    content = _read(_notice_key(name))
    return NoticeDraft.from_json(content) if content is not None else None


def save_notice(name: str, draft: NoticeDraft) -> None:
    """Keep an unsaved notice for another 30 minutes. Commits."""
    _write(_notice_key(name), asdict(draft))


def forget_notice(name: str) -> None:
    """The notice was saved: the draft goes. Commits."""
    _forget(_notice_key(name))
