"""`flask stats` and `flask accesslog ingest|purge`."""

from datetime import UTC, date, datetime, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

from app.accesslog.ingest import ingest_new
from app.accesslog.purge import IngestFailed, purge_raw_logs
from app.accesslog.stats import contact_counts_between, format_text, summary


class DateParam(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD.", param, ctx)


@click.command("stats")
@click.option("--from", "date_from", type=DateParam(), help="First day (UTC), default 30 days ago.")
@click.option("--to", "date_to", type=DateParam(), help="Last day (UTC), default today.")
@with_appcontext
def stats_command(date_from: date | None, date_to: date | None) -> None:
    """Read what is new in the access log, then print summary statistics."""
    today = datetime.now(UTC).date()
    date_to = date_to or today
    date_from = date_from or date_to - timedelta(days=29)
    if date_from > date_to:
        raise click.BadParameter("--from must not be after --to.", param_hint="--from")
    ingest_new()
    counts = contact_counts_between(date_from, date_to)
    click.echo(format_text(summary(date_from, date_to, contact_counts=counts)), nl=False)


@click.group("accesslog")
def accesslog_group() -> None:
    """The W3C access log: read it into the statistics, purge old raw files."""


@accesslog_group.command("ingest")
@with_appcontext
def ingest_command() -> None:
    """Read what is new in this host's access log into the statistics (cron: often)."""
    result = ingest_new()
    click.echo(
        f"Read {result.lines:,} new lines from {result.files} files "
        f"in {result.seconds:.2f} s ({result.skipped} not understood)."
    )


@accesslog_group.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete raw access-log files older than ACCESS_LOG_RETENTION_DAYS (cron: daily)."""
    failed = False
    try:
        removed = purge_raw_logs(current_app, datetime.now(UTC))
    except IngestFailed as error:
        removed, failed = error.args[0], True
    click.echo(
        f"Removed {removed} access-log files older than "
        f"{current_app.config['ACCESS_LOG_RETENTION_DAYS']} days."
    )
    if failed:
        raise click.ClickException(
            "The statistics could not read the newest log lines (the old files were "
            "removed all the same); see the application log."
        )


def init_app(app) -> None:
    app.cli.add_command(stats_command)
    app.cli.add_command(accesslog_group)
