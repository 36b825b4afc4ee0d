"""Policy pages are one-line views; the exit notice looks its destination up."""

from flask import abort, render_template

from app.i18n import localized_route
from app.public import bp
from app.public.destinations import find_destination
from app.public.page_cache import cached_page
from app.retention import RetentionRules


@localized_route(bp, "/")
@cached_page
def home():
    return render_template("public/home.html")


@localized_route(bp, "/privacy")
@cached_page
def privacy():
    # The section on keeping messages is written from the rules `flask purge` applies.
    return render_template("public/privacy.html", retention=RetentionRules.from_config())


@localized_route(bp, "/leaving/<name>")
@cached_page
def leaving(name: str):
    destination = find_destination(name)
    if destination is None:
        abort(404)
    return render_template("public/leaving.html", destination=destination)
