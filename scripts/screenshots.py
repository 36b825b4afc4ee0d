"""Screenshots of the contact flow for the README, at a desktop and a 375 px phone width.

    make screenshots        # writes docs/screenshots/*.png

Runs the real app on a throw-away SQLite database (built by the migrations) and drives
Debian's Chromium through Playwright, as the browser tests do. Nothing is stored
anywhere else, and the pictures show a made-up message only.
"""

import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from werkzeug.serving import make_server

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
MESSAGE = (
    "Hello, I filed my return in March.\n"
    "My SSN is 219-56-7788 and I paid with card 4929 3817 5208 1111.\n"
    "When will my refund arrive?"
)


def serve(folder: Path):
    sys.path.insert(0, str(REPO))
    from flask_migrate import upgrade

    from app import create_app

    app = create_app(
        {
            "SECRET_KEY": "screenshots-only",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'shots.sqlite3'}",
            "RATELIMIT_STORAGE_URI": "memory://",
            "ACCESS_LOG_PATH": str(folder / "access.log"),
        },
        instance_path=str(folder / "instance"),
    )
    with app.app_context():
        upgrade()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def shoot(page, name: str, width: str) -> None:
    path = OUT / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=width == "phone")
    print(f"wrote {path.relative_to(REPO)}")


def main() -> int:
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    if not os.path.exists(CHROMIUM):
        print(f"chromium not found at {CHROMIUM} (make browser-deps installs it)")
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server, url = serve(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
                )
                for width, viewport in WIDTHS.items():
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    page.goto(url + "/contact")
                    page.fill("#name", "Pat Visitor")
                    page.fill("#email", "pat@example.com")
                    page.click("label[for=topic-3]")
                    page.locator("#message").fill(MESSAGE)
                    page.locator("#message").press("Control+End")
                    page.locator("#message-findings").wait_for(state="visible")
                    shoot(page, "1-form-hint", width)
                    page.get_by_role("button", name="Send message").click()
                    page.wait_for_url("**/contact/check")
                    # the first screen only: the decision must be on it
                    page.screenshot(path=str(OUT / f"2-warning-{width}.png"))
                    print(f"wrote docs/screenshots/2-warning-{width}.png")
                    page.get_by_role("button", name="Remove the numbers and send").click()
                    page.wait_for_url("**/contact/sent")
                    shoot(page, "3-sent", width)
                    context.close()
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
