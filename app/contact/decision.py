"""What pressing Send, or a button on the warning page, decides: a pure function.

The views validate a request, ask here what it means, then carry the answer out (store
the message, or save the draft, and redirect). Nothing here touches the database, the
session or the request, so every branch of the flow is a plain function call in the
tests (`tests/contact/test_decision.py`).

It is also the one place that says what the statistics count. The four counters of
`CONTACT_EVENTS` — a warning shown, numbers removed, numbers sent as written, numbers
reported not a tax number — are each named in one branch below; the service writes a
decision's ``counts`` in the same transaction as what the decision stores or saves
(`app.contact.service.add_counts`).
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from app.contact.identifiers import FieldFinding, remove_identifiers
from app.models.submission import CHOICE_AS_WRITTEN, CHOICE_NONE, CHOICE_REMOVED

# What happens next.
STORE = "store"  # keep the message (``fields``, ``choice``) and show its confirmation
WARN = "warn"  # show the warning page for the numbers found
EDIT = "edit"  # back to the form, the message in it
ASK_AGAIN = "ask_again"  # the warning page again (ticks saved, nothing chosen yet)

# The counter a stored message's choice adds to, once per number.
_CHOICE_EVENTS = {CHOICE_REMOVED: "removed", CHOICE_AS_WRITTEN: "sent_as_written"}


@dataclass(frozen=True)
class Decision:
    next: str
    # What to store (STORE only): the visitor's fields, numbers removed if they chose so.
    fields: Mapping[str, str] = field(default_factory=dict)
    choice: str = CHOICE_NONE
    # The kinds of the numbers the message is stored with, or removed from.
    kinds: tuple[str, ...] = ()
    # The numbers the visitor just said are not tax numbers.
    left_alone: tuple[FieldFinding, ...] = ()
    # What this step adds to the statistics: (event, kinds), one kind per number.
    counts: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _kinds(findings: Collection[FieldFinding]) -> tuple[str, ...]:
    return tuple(f.kind for f in findings)


def on_send(fields: Mapping[str, str], findings: Collection[FieldFinding]) -> Decision:
    """Send pressed on a valid form. ``findings``: the numbers the form's TaxIdentifiers
    found, those the visitor already said are not tax numbers left out."""
    if findings:
        return Decision(WARN, counts=(("warned", _kinds(findings)),))
    return Decision(STORE, fields)


def on_choice(
    fields: Mapping[str, str],
    findings: Collection[FieldFinding],
    ticked: Collection[str],
    action: str | None,
    language: str,
) -> Decision:
    """A button pressed on the warning page.

    ``findings`` are the numbers the page showed, ``ticked`` the fingerprints the
    visitor marked "not a tax number", ``action`` the button (anything else, or none:
    only the ticks are kept) and ``language`` the one the removal labels are written in.
    """
    left_alone = tuple(f for f in findings if f.fingerprint in ticked)
    remaining = tuple(f for f in findings if f.fingerprint not in ticked)
    counts = [("not_a_tax_number", _kinds(left_alone))] if left_alone else []
    if action in ("remove", "as_written"):
        if not remaining:
            # Every number was left as it is: nothing to remove, nothing risky sent.
            return Decision(STORE, fields, left_alone=left_alone, counts=tuple(counts))
        choice = CHOICE_REMOVED if action == "remove" else CHOICE_AS_WRITTEN
        stored = fields
        if choice == CHOICE_REMOVED:
            stored = remove_identifiers(fields, list(remaining), language)
        counts.append((_CHOICE_EVENTS[choice], _kinds(remaining)))
        return Decision(STORE, stored, choice, _kinds(remaining), left_alone, counts=tuple(counts))
    # "Go back and edit", or the ticks alone (which leave nothing to decide when they
    # covered every number).
    after = EDIT if action == "edit" or not remaining else ASK_AGAIN
    return Decision(after, left_alone=left_alone, counts=tuple(counts))
