"""Command-line commands, registered by the factory (`flask --app app …`)."""

import click
from cryptography.fernet import Fernet
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

keys_cli = AppGroup("keys", help="Manage the keys that encrypt messages at rest.")


@keys_cli.command("rotate")
@click.option("--drop-old", is_flag=True, help="Forget the old keys once all is re-encrypted.")
def rotate_keys(drop_old: bool) -> None:
    """Encrypt everything with a new key (instance/data_keys) or the first of DATA_KEYS."""
    from app import crypto
    from app.extensions import db

    if current_app.config["DATA_KEYS"]:
        changed = crypto.reencrypt_all(db)
        click.echo(f"Re-encrypted {changed} values with the first key in DATA_KEYS.")
        click.echo("Once every host runs with it, older keys can be removed from DATA_KEYS.")
        return
    changed, kept = crypto.rotate_instance_keys(current_app, db, drop_old)
    click.echo(f"New key in use. Re-encrypted {changed} values; {kept} key(s) kept.")


@keys_cli.command("generate")
def generate_key() -> None:
    """Print a new key, for DATA_KEYS (put it first, then run `flask keys rotate`)."""
    click.echo(Fernet.generate_key().decode("ascii"))


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete messages' content and raw access logs past their time (run daily by cron).

    Each part runs even if the other fails, and the audit event is always written, so
    one broken part never keeps the other's promise from being kept.
    """
    from app import audit
    from app.accesslog.purge import IngestFailed, purge_raw_logs
    from app.clock import today, utcnow
    from app.draft_store import purge_expired as purge_drafts
    from app.extensions import db
    from app.retention import purge_expired

    failed = []
    try:
        purged: int | str = purge_expired(today())
    except Exception as error:
        db.session.rollback()
        current_app.logger.error("Purge of messages failed: %s", type(error).__name__)
        failed.append("the messages could not be purged")
        purged = "no"
    try:
        # visitors' unsent messages and staff's unsent replies
        drafts = purge_drafts()
    except Exception as error:
        db.session.rollback()
        current_app.logger.error("Purge of unsent drafts failed: %s", type(error).__name__)
        failed.append("the unsent drafts could not be purged")
        drafts = 0
    try:
        files = purge_raw_logs(current_app, utcnow())
    except IngestFailed as error:
        files = error.args[0]
        failed.append("the statistics could not read the newest log lines")
    except Exception as error:
        db.session.rollback()
        current_app.logger.error("Purge of raw logs failed: %s", type(error).__name__)
        failed.append("the raw log files could not be purged")
        files = 0
    detail = f"{purged} messages, {drafts} drafts, {files} raw log files"
    if failed:
        detail += "; " + "; ".join(failed)
    audit.record("purge", detail=detail)
    db.session.commit()
    click.echo(
        f"Deleted the content of {purged} message(s), {drafts} unsent draft(s) "
        f"older than 30 minutes and {files} raw log file(s)."
    )
    if failed:
        raise click.ClickException("Not everything went well: " + "; ".join(failed) + ".")


def init_app(app: Flask) -> None:
    """Register the command groups of each area."""
    app.cli.add_command(keys_cli)
    from app.auth.cli import staff_cli

    app.cli.add_command(staff_cli)
    app.cli.add_command(purge_command)
    from app.accesslog import cli as accesslog_cli

    accesslog_cli.init_app(app)
