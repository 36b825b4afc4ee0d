"""Requests no page of this site can use are refused before any view reads them.

Every form on the site is an HTML form: its body is `application/x-www-form-urlencoded`
or `multipart/form-data`, with text fields only. Flask-WTF would also read a JSON body
as form data, and a multipart file part as a field: `{"message": 5}`, a top-level list,
a lone surrogate (`"\\ud800"`, which JSON can carry and form encoding cannot) or a file
named `message` then reached filters, encryption and mail that expect text, and were
500s. Here they are a plain 400, whatever the form.
"""

from flask import Flask, abort, request

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _refuse_what_no_form_sends():
    if request.method not in BODY_METHODS:
        return None
    mimetype = request.mimetype
    if mimetype and mimetype not in FORM_TYPES:
        abort(400)
    if mimetype == "multipart/form-data" and request.files:
        abort(400)  # no form here takes a file
    return None


def page_number(value: str | None) -> int:
    """A page number from a query string: ASCII digits only ("²" and "٣" are digits to
    str.isdigit, not to int), at most six of them; anything else is page 1."""
    if value and len(value) <= 6 and value.isascii() and value.isdigit():
        return max(1, int(value))
    return 1


def init_app(app: Flask) -> None:
    # First of the hooks after the desk's lock: nothing else reads a body before this.
    app.before_request_funcs.setdefault(None, []).insert(0, _refuse_what_no_form_sends)
