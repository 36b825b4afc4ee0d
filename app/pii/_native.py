"""Where the detector's modules come from: a current mypyc build, or the Python sources.

`scripts/build_pii_native.py` (`make native`, run by `make run` and `make test`) compiles
the modules in COMPILED with mypyc into build/pii-native/ and writes there the SHA-256
of their sources. When that digest is the sources' digest now, a finder put in front of
Python's own loads the compiled modules under their usual names (app.pii._engine …);
otherwise — no build, a build of older sources, another Python, or the environment
variable PII_PURE_PYTHON set — nothing changes and Python imports the .py files. A
stale build is never used, so editing a module and running pytest directly tests the
edit (in pure Python, more slowly). Both give the same findings: the compiled code is
these same sources, and tests/pii/test_pii_native.py compares the two on every corpus.

This module is never compiled itself and imports nothing from the package.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

# the modules mypyc compiles, in no particular order (they import one another)
COMPILED = (
    "_checks",
    "_cues",
    "_engine",
    "_normalise",
    "_pieces",
    "_rewrite",
    "_rules",
    "_scopes",
    "_wording",
)
PACKAGE = "app.pii"
SHARED_LIB = "pii_native__mypyc"  # mypyc's runtime and code for the group "pii_native"
HERE = Path(__file__).resolve().parent
BUILD = HERE.parents[1] / "build" / "pii-native"
STAMP = "SOURCES.sha256"


def source_digest(here: Path = HERE) -> str:
    """SHA-256 of the compiled modules' sources, in COMPILED order."""
    digest = hashlib.sha256()
    for name in COMPILED:
        digest.update(name.encode() + b"\0" + (here / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def build_files(build: Path = BUILD, here: Path = HERE) -> dict[str, Path] | None:
    """Module name -> extension file of a build in `build` that is complete, made for
    this Python, and made from the sources now in `here`; None otherwise."""
    try:
        built = (build / STAMP).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if built != source_digest(here):
        return None
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]  # e.g. .cpython-311-x86_64-linux-gnu.so
    files = {f"{PACKAGE}.{name}": build / "app" / "pii" / f"{name}{suffix}" for name in COMPILED}
    files[SHARED_LIB] = build / f"{SHARED_LIB}{suffix}"
    if not all(path.is_file() for path in files.values()):
        return None
    return files


class _BuildFinder:
    """Finds the compiled modules of one build (and nothing else)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self, fullname: str, _path: Sequence[str] | None = None, _target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        return importlib.util.spec_from_file_location(fullname, file, loader=loader)


def install() -> bool:
    """Put a current build's finder in front of the import system; True if there is one."""
    if os.environ.get("PII_PURE_PYTHON"):
        return False
    for finder in sys.meta_path:
        if isinstance(finder, _BuildFinder):
            return True
    files = build_files()
    if files is None:
        return False
    sys.meta_path.insert(0, _BuildFinder(files))
    return True


NATIVE = install()
