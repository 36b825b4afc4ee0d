"""The contact flow: the form, the warning before sending, and the confirmation."""

from flask import Blueprint

bp = Blueprint("contact", __name__)


@bp.app_template_filter("capitalize_first")
def capitalize_first(text: str) -> str:
    """Capitalise the first letter only ("a Social…" → "A Social…"), unlike |capitalize."""
    return text[:1].upper() + text[1:]


@bp.app_template_filter("with_article")
def with_article(label: str) -> str:
    """E.g. "a Social Security number", "an Individual Taxpayer Identification Number"."""
    from app.contact.identifiers import with_article as add_article

    return add_article(label)


from app.contact import views  # noqa: E402,F401  (registers the routes)
