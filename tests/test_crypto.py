"""Confidential at rest: message text is encrypted with keys kept outside the database."""

from pathlib import Path

from cryptography.fernet import Fernet

from app.contact.service import store_submission
from app.extensions import db
from app.models import Submission
from tests.rawdump import raw_database_bytes

CANARY = "Canary-Walrus-Marmalade"


def store(app, message=f"{CANARY} needs help", name=CANARY, email="canary@example.com"):
    with app.app_context():
        store_submission(
            topic="general", name=name, email=email, message=message, choice="none", kinds=[]
        )


def read_all(app):
    with app.app_context():
        return [(s.name, s.email, s.message) for s in db.session.scalars(db.select(Submission))]


def raw_tokens(app):
    with app.app_context():
        return db.session.execute(db.text("SELECT name, email, message FROM submissions")).all()


def test_canary_is_not_in_the_raw_database(app):
    store(app)
    assert read_all(app) == [(CANARY, "canary@example.com", f"{CANARY} needs help")]
    raw = raw_database_bytes(app)
    assert CANARY.encode() not in raw
    assert b"canary@example.com" not in raw
    assert len(raw) > 0


def test_keys_are_kept_outside_the_database(app):
    keys = (Path(app.instance_path) / "data_keys").read_bytes()
    store(app)
    assert keys.strip() not in raw_database_bytes(app)


def test_rotation_keeps_everything_readable(app, runner):
    store(app)
    before = raw_tokens(app)
    old_keys = (Path(app.instance_path) / "data_keys").read_text().split()
    result = runner.invoke(args=["keys", "rotate"])
    assert result.exit_code == 0, result.output
    assert "Re-encrypted 3 values; 2 key(s) kept" in result.output
    after = raw_tokens(app)
    assert after != before
    assert read_all(app) == [(CANARY, "canary@example.com", f"{CANARY} needs help")]
    new_keys = (Path(app.instance_path) / "data_keys").read_text().split()
    assert new_keys[1:] == old_keys
    # the new key alone reads everything
    assert Fernet(new_keys[0].encode()).decrypt(after[0][2].encode()).decode().startswith(CANARY)


def test_rotation_can_drop_old_keys(app, runner):
    store(app)
    result = runner.invoke(args=["keys", "rotate", "--drop-old"])
    assert result.exit_code == 0, result.output
    assert len((Path(app.instance_path) / "data_keys").read_text().split()) == 1
    assert read_all(app)[0][2] == f"{CANARY} needs help"


def test_keys_from_the_environment(app, runner):
    first = Fernet.generate_key().decode()
    second = app.extensions["keyring"].keys[0].decode()
    store(app)
    app.config["DATA_KEYS"] = f"{first},{second}"
    from app import crypto

    crypto.init_app(app)
    result = runner.invoke(args=["keys", "rotate"])
    assert "with the first key in DATA_KEYS" in result.output
    token = raw_tokens(app)[0][2]
    assert Fernet(first.encode()).decrypt(token.encode()).decode().startswith(CANARY)


def test_a_missing_key_is_said_plainly_not_a_crash(app):
    store(app)
    app.config["DATA_KEYS"] = Fernet.generate_key().decode()
    from app import crypto

    crypto.init_app(app)
    assert read_all(app)[0][2].startswith("[This text cannot be read")


def test_generate_prints_a_key(runner):
    result = runner.invoke(args=["keys", "generate"])
    assert result.exit_code == 0, result.output
    [key] = result.output.splitlines()
    Fernet(key.encode())  # a usable key, and nothing else on the line
