"""Command-line commands, registered by the factory (`flask --app app …`)."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the command groups of each area."""
