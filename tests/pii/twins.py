"""Both twins of the detector, as the corpus and parity tests ask them.

The corpora hold some 100,000 messages, read twice by the suite: once for the
thresholds (test_pii_corpus.py) and once for parity with the JavaScript twin
(test_pii_js.py). Python's findings are kept for the session, so the second read costs
nothing; the twin runs in one Node process for the parity tests' module, so its start-up
(about a second of compiling its patterns, more than it spends on a whole set) is paid
once, not once a set. Both keep the suite inside CI's time as the corpora grow.
"""

from __future__ import annotations

import json
import select
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from app.pii import Finding, scan

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NODE = shutil.which("node")

_FINDINGS: dict[str, tuple[Finding, ...]] = {}


def python_scan(text: str) -> tuple[Finding, ...]:
    """scan(text), each text scanned once a session (Finding is frozen, so sharing is safe)."""
    found = _FINDINGS.get(text)
    if found is None:
        found = _FINDINGS[text] = tuple(scan(text))
    return found


class NodeTwin:
    """app/static/js/pii.mjs in one long-lived Node process (tests/pii/run_js_scan.mjs).

    One JSON line in, one JSON line of findings out, in turn, so neither pipe can fill;
    each answer is awaited at most `timeout` seconds, so a twin that hangs fails its test
    instead of stalling the suite.
    """

    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._proc: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        assert NODE is not None
        self.close()
        # Open as long as the process is; close() closes both.
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self._proc = subprocess.Popen(
            [NODE, str(HERE / "run_js_scan.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            cwd=REPO,
        )
        return self._proc

    def _failed(self, why: str) -> AssertionError:
        err = ""
        if self._stderr is not None:
            self._stderr.seek(0)
            err = self._stderr.read()[-4000:]
        self.close()
        return AssertionError(f"the JavaScript twin {why}: {err}")

    def scan(self, texts: list[str]) -> list[list]:
        proc = self._proc if self._proc and self._proc.poll() is None else self._start()
        assert proc.stdin is not None
        assert proc.stdout is not None
        out = []
        for text in texts:
            # An empty line is skipped by the reader; every text here is a JSON object.
            try:
                proc.stdin.write(json.dumps({"text": text}) + "\n")
                proc.stdin.flush()
            except BrokenPipeError:
                raise self._failed("stopped") from None
            ready, _, _ = select.select([proc.stdout], [], [], self.timeout)
            if not ready:
                raise self._failed(f"gave no answer in {self.timeout:.0f} s")
            line = proc.stdout.readline()
            if not line:
                raise self._failed("stopped")
            out.append(json.loads(line))
        return out

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.stdin is not None:
                self._proc.stdin.close()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            if self._proc.stdout is not None:
                self._proc.stdout.close()
            self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
