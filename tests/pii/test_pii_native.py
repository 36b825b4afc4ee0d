"""The detector compiled by mypyc (`make native`, app/pii/_native.py): used only while it
was built from the sources in app/pii, and it finds exactly what the Python does."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.pii import _native

REPO = Path(__file__).resolve().parents[2]
TEXTS = sorted((REPO / "tests" / "pii" / "corpora").glob("*.jsonl")) + sorted(
    (REPO.parent / "shared" / "pii-corpus").glob("*.jsonl")
)
CURRENT = _native.build_files() is not None

# every message of every corpus, and the rule table's cases: kinds, offsets, masks and
# reasons, hashed, printed with the file the engine was loaded from
DIGEST = """
import hashlib, json, sys
from pathlib import Path
import app.pii._engine as engine
from app.pii import explain
paths = [Path(p) for p in sys.argv[1:]]
texts = [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")]
texts += [case["text"] for case in json.load(open("tests/pii/cases.json", encoding="utf-8"))]
digest = hashlib.sha256()
for text in texts:
    for f, why in explain(text):
        digest.update(repr((f.kind, f.start, f.end, f.masked, f.last4, why)).encode())
print(engine.__file__)
print(len(texts), digest.hexdigest())
"""


def _run(code: str, *args: str, pure: bool = False) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PII_PURE_PYTHON"}
    if pure:
        env["PII_PURE_PYTHON"] = "1"
    run = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=True,
    )
    return run.stdout.splitlines()


def _build(tmp: Path, digest: str | None) -> None:
    if digest is not None:
        (tmp / _native.STAMP).write_text(digest + "\n", encoding="ascii")
    suffix = _native.importlib.machinery.EXTENSION_SUFFIXES[0]
    (tmp / "app" / "pii").mkdir(parents=True, exist_ok=True)
    for name in _native.COMPILED:
        (tmp / "app" / "pii" / f"{name}{suffix}").write_bytes(b"")
    (tmp / f"{_native.SHARED_LIB}{suffix}").write_bytes(b"")


def test_a_build_is_used_only_when_made_from_these_sources(tmp_path):
    here = tmp_path / "src"
    here.mkdir()
    for name in _native.COMPILED:
        (here / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    build = tmp_path / "build"
    build.mkdir()
    assert _native.build_files(build, here) is None  # nothing built
    _build(build, "0" * 64)
    assert _native.build_files(build, here) is None  # built from other sources
    _build(build, _native.source_digest(here))
    files = _native.build_files(build, here)
    assert files is not None
    assert set(files) == {f"app.pii.{n}" for n in _native.COMPILED} | {_native.SHARED_LIB}
    # one module edited since the build: the Python sources again
    (here / "_cues.py").write_text("# _cues, edited\n", encoding="utf-8")
    assert _native.build_files(build, here) is None
    _build(build, _native.source_digest(here))
    (build / "app" / "pii" / next(iter(files.values())).name).unlink()
    assert _native.build_files(build, here) is None  # a module missing


def test_pure_python_on_request():
    (file,) = _run("import app.pii._engine as e; print(e.__file__)", pure=True)
    assert file == str(REPO / "app" / "pii" / "_engine.py")


@pytest.mark.skipif(
    not CURRENT and not os.environ.get("CI"), reason="no current build: run `make native`"
)
def test_the_current_build_is_loaded():
    """`make test` builds it first; in CI a missing build fails (the bench's figures and
    every other test here are the compiled code's)."""
    assert CURRENT, "no build of the current sources in build/pii-native: run `make native`"
    code = (
        "import app.pii, app.pii._engine as e, app.pii._pieces as p; print(e.__file__, p.__file__)"
    )
    (line,) = _run(code)
    for file in line.split():
        assert Path(file).parent == _native.BUILD / "app" / "pii", file


@pytest.mark.skipif(not CURRENT, reason="no current build: run `make native`")
def test_compiled_and_python_find_the_same():
    corpora = [str(p) for p in TEXTS]
    native_file, native_digest = _run(DIGEST, *corpora)
    python_file, python_digest = _run(DIGEST, *corpora, pure=True)
    assert native_file.startswith(str(_native.BUILD))
    assert python_file.endswith("_engine.py")
    assert native_digest == python_digest
    assert int(native_digest.split()[0]) > 7000  # 36 sets and the cases at least
