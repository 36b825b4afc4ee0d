from tests.auth.desk import app, desk  # noqa: F401  (fixtures for these tests)
