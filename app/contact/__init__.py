"""The contact flow: the form, the warning before sending, and the confirmation."""

from flask import Blueprint

bp = Blueprint("contact", __name__)


@bp.app_template_filter("capitalize_first")
def capitalize_first(text: str) -> str:
    """Capitalise the first letter only ("a Social…" → "A Social…"), unlike |capitalize."""
    return text[:1].upper() + text[1:]


@bp.app_template_global("in_words")
def in_words(items: list[str]) -> str:
    """ "a, b and c", in the page's language."""
    from app.contact.identifiers import in_words as listed

    return listed(items)


from app.contact import views  # noqa: E402,F401  (registers the routes)
