"""`flask staff …`: the accounts of the people who use the desk."""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.auth import accounts
from app.extensions import db
from app.models import StaffMember
from app.models.staff import ROLES

staff_cli = AppGroup("staff", help="Manage staff accounts for the desk.")


def _password() -> str:
    """Prompted twice at a terminal; otherwise the first line of standard input."""
    if sys.stdin.isatty():
        return click.prompt(
            "Password (12 to 128 characters)", hide_input=True, confirmation_prompt=True
        )
    return sys.stdin.readline().rstrip("\r\n")


@staff_cli.command("create")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="reader",
    show_default=True,
    help="Admins may also reveal identifiers, read the audit log and manage site notices.",
)
def create(email: str, role: str) -> None:
    """Create an account. The password is prompted for, or read from standard input."""
    try:
        member = accounts.create(email, role, _password())
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Created {member.role} {member.email}. At their first sign-in they set up a code app."
    )


@staff_cli.command("list")
def list_members() -> None:
    """Every account, with its role and state."""
    members = db.session.scalars(select(StaffMember).order_by(StaffMember.email))
    for m in members:
        state = "active" if m.active else "disabled"
        mfa = "code app set up" if m.mfa_enrolled else "code app not set up"
        last = m.last_sign_in_at.strftime("%Y-%m-%d %H:%M UTC") if m.last_sign_in_at else "never"
        click.echo(f"{m.email}\t{m.role}\t{state}\t{mfa}\tlast sign-in {last}")


@staff_cli.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Stop an account signing in, and end its sessions now."""
    try:
        member = accounts.disable(email)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Disabled {member.email}; their sessions have ended.")


@staff_cli.command("reset-mfa")
@click.argument("email")
def reset_mfa(email: str) -> None:
    """Forget an account's code app (lost phone): they set up a new one at next sign-in."""
    try:
        member = accounts.reset_mfa(email)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Reset the code app of {member.email}; their sessions have ended.")


@staff_cli.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Let a disabled account sign in again."""
    try:
        member = accounts.enable(email)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Enabled {member.email}.")


@staff_cli.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Set a new password (prompted for, or read from standard input); sessions end."""
    try:
        member = accounts.reset_password(email, _password())
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Set a new password for {member.email}; their sessions have ended.")
