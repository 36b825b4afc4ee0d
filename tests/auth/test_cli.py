"""`flask staff …`: create, list, disable, reset-mfa; each audited."""

from app.extensions import db
from app.models import AuditEvent, StaffMember
from tests.support.desk import PASSWORD


def member(app, email) -> StaffMember:
    with app.app_context():
        return db.session.scalar(db.select(StaffMember).where(StaffMember.email == email))


def audit_actions(app) -> list[tuple[str, str | None]]:
    with app.app_context():
        return [(e.action, e.target) for e in db.session.scalars(db.select(AuditEvent))]


def test_create_reads_the_password_from_standard_input(app, runner):
    result = runner.invoke(
        args=["staff", "create", "Admin@DRS.example", "--role", "admin"], input=PASSWORD + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "Created admin admin@drs.example" in result.output
    created = member(app, "admin@drs.example")
    assert created.role == "admin"
    assert created.active
    assert not created.mfa_enrolled
    assert created.password_hash.startswith("$argon2id$")
    assert PASSWORD not in created.password_hash
    assert audit_actions(app) == [("account_created", "admin@drs.example")]


def test_create_refuses_short_long_duplicate_and_bad_input(runner):
    cases = [
        (["staff", "create", "a@drs.example"], "too short\n", "at least 12 characters"),
        (["staff", "create", "a@drs.example"], "x" * 129 + "\n", "128 characters or fewer"),
        (["staff", "create", "not-an-address"], PASSWORD + "\n", "not an e-mail address"),
        (["staff", "create", "a@drs.example", "--role", "owner"], PASSWORD + "\n", "owner"),
    ]
    for args, stdin, expected in cases:
        result = runner.invoke(args=args, input=stdin)
        assert result.exit_code != 0, (args, result.output)
        assert expected in result.output, (args, result.output)
    assert runner.invoke(args=["staff", "create", "a@drs.example"], input=PASSWORD).exit_code == 0
    again = runner.invoke(args=["staff", "create", "A@drs.example"], input=PASSWORD)
    assert again.exit_code != 0
    assert "already an account" in again.output


def test_a_long_pasted_password_is_fine(runner, desk):
    long_password = "pasted from a manager: " + "Zq8!" * 26
    assert len(long_password) <= 128
    result = runner.invoke(args=["staff", "create", "p@drs.example"], input=long_password)
    assert result.exit_code == 0
    response = desk.sign_in("p@drs.example", long_password)
    assert response.headers["Location"] == "/staff/sign-in/set-up"


def test_list_disable_and_reset_mfa(app, runner, desk, client):
    reader = desk.sign_in_as("reader")
    result = runner.invoke(args=["staff", "list"])
    assert "reader@drs.example\treader\tactive\tcode app set up" in result.output

    result = runner.invoke(args=["staff", "reset-mfa", reader.email])
    assert result.exit_code == 0
    assert client.get("/staff/").status_code == 303
    response = desk.sign_in(reader.email, code="")
    assert response.headers["Location"] == "/staff/sign-in/set-up"

    result = runner.invoke(args=["staff", "disable", reader.email])
    assert result.exit_code == 0
    assert "disabled" in runner.invoke(args=["staff", "list"]).output
    assert desk.sign_in(reader.email, code="").status_code == 200
    missing = runner.invoke(args=["staff", "disable", "nobody@drs.example"])
    assert missing.exit_code != 0
    assert "No member of staff" in missing.output
    actions = [a for a, _ in audit_actions(app)]
    assert actions.count("mfa_reset") == 1
    assert actions.count("account_disabled") == 1


def test_reset_password_and_enable(app, runner, desk, client):
    reader = desk.sign_in_as("reader")
    new_password = "a brand new passphrase"
    short = runner.invoke(args=["staff", "reset-password", reader.email], input="short\n")
    assert short.exit_code != 0
    assert "at least 12" in short.output
    result = runner.invoke(args=["staff", "reset-password", reader.email], input=new_password)
    assert result.exit_code == 0, result.output
    assert client.get("/staff/").status_code == 303  # sessions ended
    assert desk.sign_in(reader.email, PASSWORD, "000000").status_code == 200
    assert desk.sign_in(reader.email, new_password, reader.next_code()).status_code == 303
    runner.invoke(args=["staff", "disable", reader.email])
    assert runner.invoke(args=["staff", "enable", reader.email]).exit_code == 0
    assert desk.sign_in(reader.email, new_password, reader.next_code()).status_code == 303
    actions = [a for a, _ in audit_actions(app)]
    assert "password_reset" in actions
    assert "account_enabled" in actions
