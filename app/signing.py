"""Signed tokens (the session cookies, the contact form's CSRF token), built once.

Flask builds an itsdangerous serializer for the session cookie twice a request (read,
write), and Flask-WTF one for the CSRF token it checks; each build serialises ``{}`` once
to learn whether the serializer makes text. Each signer then derives its key again
(an HMAC of the salt) for every signature, and both use itsdangerous' default digest, a
Python function returning hashlib's SHA-1, which makes ``hmac`` fall back to its
pure-Python construction. And every session cookie written was first offered to zlib,
whose set-up for one small cookie costs more than the rest of the signing.

``serializer()`` gives the same tokens without that work: one serializer per keys and
salt, kept; its signers and their derived keys kept; ``hashlib.sha1`` itself as the
digest (the same SHA-1, so the same signatures: a cookie or token made before is still
valid, and one made here is valid to Flask's and Flask-WTF's own code); payloads of up to
``COMPRESS_FROM - 1`` bytes left uncompressed (itsdangerous reads both forms; a token
marks a compressed payload with a leading ".").

Figures: bench/README.md, "What a send costs".
"""

import functools
import hashlib
import hmac
import zlib
from typing import Any

from itsdangerous import BadData, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_encode
from itsdangerous.serializer import Serializer

# A zlib stream costs ~130,000 instructions to set up, whatever the input; a payload
# this short (a public session cookie is ~150 bytes) saves a few dozen bytes by it.
COMPRESS_FROM = 512


class _Signer(TimestampSigner):
    """A timestamp signer that derives each key once (the signer itself is kept)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._derived: dict[str | bytes, bytes] = {}

    def derive_key(self, secret_key: str | bytes | None = None) -> bytes:
        key = self.secret_keys[-1] if secret_key is None else secret_key
        derived = self._derived.get(key)
        if derived is None:
            derived = self._derived[key] = super().derive_key(key)
        return derived


class _Serializer(URLSafeTimedSerializer):
    """URLSafeTimedSerializer with its signers kept and small payloads not compressed."""

    signer = _Signer

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signers: dict[str | bytes | None, Any] = {}

    def make_signer(self, salt: str | bytes | None = None) -> Any:
        key = self.salt if salt is None else salt
        signer = self._signers.get(key)
        if signer is None:
            signer = self._signers[key] = super().make_signer(key)
        return signer

    def dump_payload(self, obj: Any) -> bytes:
        json = Serializer.dump_payload(self, obj)  # the payload serialised, not yet encoded
        if len(json) < COMPRESS_FROM:
            return base64_encode(json)
        compressed = zlib.compress(json)
        if len(compressed) < len(json) - 1:
            return b"." + base64_encode(compressed)
        return base64_encode(json)


@functools.lru_cache(maxsize=32)
def serializer(
    secret_keys: tuple[str | bytes, ...],
    salt: str | bytes,
    payload: Any = None,
    key_derivation: str = "django-concat",
) -> URLSafeTimedSerializer:
    """The serializer for these keys (the current one last) and salt, built once.

    ``payload`` and ``key_derivation`` as itsdangerous takes them (None: its compact
    JSON; "django-concat" is its default derivation, "hmac" Flask's for sessions).
    """
    return _Serializer(
        list(secret_keys),
        salt=salt,
        serializer=payload,
        signer_kwargs={"key_derivation": key_derivation, "digest_method": hashlib.sha1},
    )


def csrf_token_ok(token: str | None) -> bool:
    """Flask-WTF's ``validate_csrf`` (the same token, session key, salt and time limit),
    with the serializer kept: whether ``token`` is this session's, signed and in date."""
    from flask import current_app, session

    config = current_app.config
    field = config.get("WTF_CSRF_FIELD_NAME") or "csrf_token"
    expected = session.get(field)
    if not token or not isinstance(expected, str):
        return False
    secret = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    try:
        signed = serializer((secret,), "wtf-csrf-token").loads(
            token, max_age=config.get("WTF_CSRF_TIME_LIMIT", 3600)
        )
    except BadData:
        return False
    return isinstance(signed, str) and hmac.compare_digest(expected, signed)
