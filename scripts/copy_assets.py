"""Copy the USWDS files the site serves from node_modules into app/static/vendor/uswds.

Only what is used is copied: the minified CSS and JS, every file the CSS refers to
with url(...), and the images our templates name. The site then loads nothing from a
third-party host at run time.
"""

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "node_modules" / "@uswds" / "uswds" / "dist"
TARGET = ROOT / "app" / "static" / "vendor" / "uswds"

ENTRY_FILES = ["css/uswds.min.css", "js/uswds.min.js", "js/uswds-init.min.js"]
# Images named by our templates (the "official website" banner and the icon sprite).
TEMPLATE_FILES = [
    "img/us_flag_small.png",
    "img/icon-dot-gov.svg",
    "img/icon-https.svg",
    "img/sprite.svg",
    "img/favicons/favicon.ico",
    "img/favicons/favicon.png",
]
URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+?)['\"]?\s*\)")


def referenced_by_css(css_path: Path) -> set[str]:
    found = set()
    for ref in URL_RE.findall(css_path.read_text(encoding="utf-8")):
        if ref.startswith(("data:", "http:", "https:", "//", "#")):
            continue
        path = (css_path.parent / ref.split("?")[0].split("#")[0]).resolve()
        found.add(str(path.relative_to(DIST.resolve())))
    return found


def main() -> int:
    if not DIST.is_dir():
        print(f"USWDS is not installed at {DIST}: run `npm ci` first.", file=sys.stderr)
        return 1
    wanted = set(ENTRY_FILES) | set(TEMPLATE_FILES) | referenced_by_css(DIST / ENTRY_FILES[0])
    if TARGET.exists():
        shutil.rmtree(TARGET)
    missing = []
    for rel in sorted(wanted):
        src = DIST / rel
        if not src.is_file():
            missing.append(rel)
            continue
        dest = TARGET / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    if missing:
        print("USWDS files not found: " + ", ".join(missing), file=sys.stderr)
        return 1
    print(f"Copied {len(wanted)} USWDS files into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
