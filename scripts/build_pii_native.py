"""Compile the detector (app/pii) with mypyc into build/pii-native/: `make native`.

The modules are compiled from the same sources Python would import; app/pii/_native.py
loads the build only while its recorded digest matches those sources, so a stale build
is never used (see app/pii/README.md, "Speed"). Needs a C compiler and the Python
headers; mypy and setuptools come with the project's `native` extra.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _native_module():
    """app/pii/_native.py on its own: importing the package would load an old build."""
    spec = importlib.util.spec_from_file_location(
        "_pii_native", ROOT / "app" / "pii" / "_native.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    native = _native_module()
    os.chdir(ROOT)  # mypyc names modules by their paths from here (app/pii/_engine.py)
    from mypyc.build import mypycify
    from setuptools import setup

    # setuptools reads the project's pyproject.toml here; its [tool.setuptools] note is noise
    warnings.filterwarnings("ignore", message=r"Support for `\[tool.setuptools\]`")

    out = native.BUILD
    work = ROOT / "build" / "pii-native-work"
    stamp = out / native.STAMP
    stamp.unlink(missing_ok=True)  # a half-done build is never taken for a current one
    digest = native.source_digest()
    sources = [f"app/pii/{name}.py" for name in native.COMPILED]
    setup(
        name="pii-native",
        ext_modules=mypycify(
            sources,
            opt_level="3",
            group_name=native.SHARED_LIB.removesuffix("__mypyc"),
            target_dir=str(work / "c"),
        ),
        script_args=[
            "--quiet",
            "build_ext",
            "--build-lib",
            str(out),
            "--build-temp",
            str(work / "o"),
        ],
    )
    if native.source_digest() != digest:
        print("app/pii changed during the build; run `make native` again", file=sys.stderr)
        return 1
    stamp.write_text(digest + "\n", encoding="ascii")
    shutil.rmtree(work, ignore_errors=True)
    print(f"compiled {len(sources)} modules of app/pii into {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
