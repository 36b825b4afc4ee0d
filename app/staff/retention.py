"""The desk's "Keeping messages" page (admins): the retention rules, what is due, and
purging it now (the same purge as `flask purge`, audited)."""

from flask import flash, g, redirect, render_template, url_for

from app import audit
from app.auth import admin_required
from app.clock import today
from app.extensions import READ_THEN_WRITE, WRITE_FIRST, begin, db
from app.retention import RetentionRules, due_counts, purge_expired
from app.staff import bp


@bp.get("/retention")
@admin_required
def retention():
    rules = RetentionRules.from_config()
    return render_template(
        "staff/retention.html", rules=rules, due=due_counts(today(), rules), on=today()
    )


@bp.post("/retention/purge")
@admin_required
def purge_now():
    staff_id = g.staff.id
    # Finds what is due and empties it, atomically (on SQLite, BEGIN IMMEDIATE); then
    # the audit record, a write of its own.
    begin(READ_THEN_WRITE)
    purged = purge_expired(today())
    begin(WRITE_FIRST)
    audit.record("purge", staff=staff_id, detail=f"{purged} messages, from the desk")
    db.session.commit()
    flash(f"Deleted the content of {purged} message{'s' if purged != 1 else ''}.", "success")
    return redirect(url_for("staff.retention"), 303)
