"""The detector names findings in the visitor's language, the same in Python and in the
browser twin, and a removal label in any language is never taken for a number."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from app.pii import KINDS, describe, kind_label, removal_label, remove, scan

HERE = Path(__file__).resolve().parent
NODE = shutil.which("node")

# One message per kind, each with a number the detector finds.
SAMPLES = [
    "My SSN is 412-08-4399 thanks",
    "ITIN 912-70-1234 please",
    "Our FEIN is 06-1234567.",
    "CT tax registration number 4821537-001",
    "Card 4929 3817 5208 1111 was charged",
    "Routing number 011000015 for the refund",
    "Mi número de seguro social es 412-08-4399 y mi ITIN 912-70-1234",
]


def python_wording(text: str, language: str) -> dict:
    found = scan(text)
    removed = remove(text, found, language)
    return {
        "described": [describe(f, language) for f in found],
        "labels": [[kind_label(f.kind, language), removal_label(f.kind, language)] for f in found],
        "removed": removed,
        "rescanned": len(scan(removed)),
    }


def test_every_sample_finds_something_and_every_kind_is_covered():
    kinds = {f.kind for text in SAMPLES for f in scan(text)}
    assert kinds == set(KINDS)


def test_spanish_wording_as_the_visitor_reads_it():
    [finding] = scan("Mi seguro social: 412-08-4399")
    assert describe(finding, "es") == "un número de Seguro Social que termina en 4399"
    assert removal_label("ssn", "es") == "[número de Seguro Social eliminado]"
    assert describe(finding) == "a Social Security number ending in 4399"
    assert removal_label("ssn") == "[Social Security number removed]"


@pytest.mark.parametrize("language", ["en", "es"])
def test_removal_labels_are_never_read_as_numbers(language):
    for text in SAMPLES:
        assert python_wording(text, language)["rescanned"] == 0, text


def test_every_kind_has_spanish_words():
    for kind in KINDS:
        assert kind_label(kind, "es") != kind_label(kind, "en")
        assert removal_label(kind, "es").endswith(" eliminado]")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_browser_twin_words_findings_the_same():
    cases = [(text, language) for text in SAMPLES for language in ("en", "es")]
    stdin = "".join(json.dumps({"text": t, "language": lang}) + "\n" for t, lang in cases)
    run = subprocess.run(
        [NODE, str(HERE / "run_js_wording.mjs")],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=HERE.parent.parent,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    javascript = [json.loads(line) for line in run.stdout.splitlines()]
    python = [python_wording(text, language) for text, language in cases]
    assert javascript == python
