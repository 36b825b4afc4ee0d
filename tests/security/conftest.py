"""The attacks of issue #11, each reproduced as it was made, against the fixed site."""

from tests.accesslog.conftest import fetch  # noqa: F401  (fixture)
from tests.auth.desk import app, desk  # noqa: F401  (fixtures for these tests)
