"""The public pages: home, the privacy policy, site notices and the exit notice."""

from flask import Blueprint

from app.public.notices import current_notices

bp = Blueprint("public", __name__)
bp.add_app_template_global(current_notices)

from app.public import views  # noqa: E402,F401  (registers the routes)
