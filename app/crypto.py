"""Encryption at rest for what visitors and staff write (names, e-mails, messages, replies).

The keys live outside the database: in DATA_KEYS (comma-separated Fernet keys, newest
first) or, for the embedded default, in instance/data_keys, generated on first start.
A raw copy of the database therefore holds none of that text in plain form.

Rotation: a new key is put first; everything is re-encrypted with it (MultiFernet.rotate);
older keys stay readable until the operator drops them (`flask keys rotate`).
"""

import os
from pathlib import Path

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import Flask, current_app
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator


class KeyRing:
    """The data keys in use: the first encrypts, all of them decrypt."""

    def __init__(self, keys: list[bytes]):
        if not keys:
            raise ValueError("at least one data key is needed")
        self.keys = list(keys)
        self._fernet = MultiFernet([Fernet(k) for k in self.keys])

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")

    def rotate(self, token: str) -> str:
        """The same text, encrypted with the newest key."""
        return self._fernet.rotate(token.encode("ascii")).decode("ascii")


def _keys_file(app: Flask) -> Path:
    return Path(app.instance_path) / "data_keys"


def load_keys(app: Flask) -> list[bytes]:
    configured = app.config["DATA_KEYS"]
    if configured:
        return [k.strip().encode("ascii") for k in configured.split(",") if k.strip()]
    path = _keys_file(app)
    if not path.exists():
        key = Fernet.generate_key()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another worker wrote it first
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(key + b"\n")
    return [line.strip() for line in path.read_bytes().splitlines() if line.strip()]


def save_keys(app: Flask, keys: list[bytes]) -> None:
    """Write the key file (only for the instance-folder keys; DATA_KEYS is the operator's)."""
    path = _keys_file(app)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(b"".join(k + b"\n" for k in keys))
    os.replace(tmp, path)


def init_app(app: Flask) -> None:
    app.extensions["keyring"] = KeyRing(load_keys(app))


def keyring() -> KeyRing:
    return current_app.extensions["keyring"]


class EncryptedText(TypeDecorator):
    """Text stored as a Fernet token; read back as the text. None stays None."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, _dialect):
        if value is None:
            return None
        return keyring().encrypt(value)

    def process_result_value(self, value, _dialect):
        if value is None:
            return None
        try:
            return keyring().decrypt(value)
        except InvalidToken:
            # A key was dropped before rotation finished: say so rather than crash a page.
            return "[This text cannot be read: its encryption key is missing.]"


def encrypted_columns(metadata) -> list[tuple]:
    """Every (table, column) whose values are stored encrypted, found from the models."""
    return [
        (table, column)
        for table in metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, EncryptedText)
    ]


def reencrypt_all(db) -> int:
    """Re-encrypt every encrypted value with the newest key; returns how many changed.

    Values are read and written raw (as tokens), so no text is decrypted into Python
    objects other than inside MultiFernet.rotate.
    """
    ring = keyring()
    changed = 0
    for table, column in encrypted_columns(db.metadata):
        [pk] = table.primary_key.columns
        raw = sa.type_coerce(column, Text)
        rows = db.session.execute(sa.select(pk, raw).where(column.isnot(None))).all()
        for key, token in rows:
            db.session.execute(
                sa.update(table)
                .where(pk == key)
                .values({column: sa.bindparam("token", ring.rotate(token), type_=Text)})
            )
            changed += 1
    db.session.commit()
    return changed


def rotate_instance_keys(app: Flask, db, drop_old: bool) -> tuple[int, int]:
    """Put a new key first in instance/data_keys and re-encrypt everything with it.

    Returns (values re-encrypted, keys kept). Old keys are kept unless ``drop_old``:
    dropping is done only after every value has been re-encrypted.
    """
    keys = [Fernet.generate_key(), *load_keys(app)]
    save_keys(app, keys)
    app.extensions["keyring"] = KeyRing(keys)
    changed = reencrypt_all(db)
    if drop_old:
        keys = keys[:1]
        save_keys(app, keys)
        app.extensions["keyring"] = KeyRing(keys)
    return changed, len(keys)
