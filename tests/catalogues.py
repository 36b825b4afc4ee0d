"""The translation catalogues, compiled and read the way the site and `make` do."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "app" / "translations"


def catalogue_paths() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))


def read_catalogue(po: Path):
    with po.open("rb") as file:
        return read_po(file, locale=po.parent.parent.name)


def compile_catalogues() -> None:
    """Write each messages.mo that is missing or older than its messages.po."""
    for po in catalogue_paths():
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalogue = read_catalogue(po)
        with mo.open("wb") as file:
            write_mo(file, catalogue)
