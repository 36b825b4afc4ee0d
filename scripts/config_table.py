"""Write README.md's table of settings from app/config.py's SETTINGS.

    .venv/bin/python scripts/config_table.py     # after adding or changing a setting

tests/test_config.py fails while the README's table and SETTINGS differ.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import markdown_table  # noqa: E402

# The table under "## Configuration": from its header row to the first blank line.
TABLE = re.compile(r"^\| Variable \| Default \| What it does \|\n(?:\|.*\n)+", re.MULTILINE)


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new, count = TABLE.subn(lambda _m: markdown_table(), text, count=1)
    if count != 1:
        sys.exit("README.md has no settings table (| Variable | Default | What it does |).")
    readme.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
