"""Staff passwords: argon2id (argon2-cffi), parameters from the configuration.

A hash made with older parameters is re-made at the next successful sign-in.
"""

import contextlib
import functools

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app

PASSWORD_MIN = 12
PASSWORD_MAX = 128

# Verified against when the account is unknown, so that answer takes as long as the others.
_DUMMY_PASSWORD = "not-a-real-password-for-timing"  # noqa: S105


def hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(
        time_cost=config["STAFF_ARGON2_TIME_COST"],
        memory_cost=config["STAFF_ARGON2_MEMORY_KIB"],
        parallelism=config["STAFF_ARGON2_PARALLELISM"],
        type=Type.ID,
    )


def password_problem(password: str) -> str | None:
    """What is wrong with a new password, in words; None when it is acceptable."""
    if len(password) < PASSWORD_MIN:
        return f"Your password must be at least {PASSWORD_MIN} characters"
    if len(password) > PASSWORD_MAX:
        return f"Your password must be {PASSWORD_MAX} characters or fewer"
    return None


def hash_password(password: str) -> str:
    return hasher().hash(password)


@functools.cache
def _dummy_hash(time_cost: int, memory_cost: int, parallelism: int) -> str:
    ph = PasswordHasher(time_cost, memory_cost=memory_cost, parallelism=parallelism)
    return ph.hash(_DUMMY_PASSWORD)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True if ``password`` matches; with no hash, does the same work and says False."""
    ph = hasher()
    if stored_hash is None or len(password) > PASSWORD_MAX:
        with contextlib.suppress(VerificationError):
            ph.verify(_dummy_hash(ph.time_cost, ph.memory_cost, ph.parallelism), password[:200])
        return False
    try:
        return ph.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return hasher().check_needs_rehash(stored_hash)
