"""Table-driven tests for every detector rule (tests/pii/cases.json, shared with the
JavaScript tests), plus the Finding API, masking, wording, removal and the CLI."""

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.pii import KIND_LABELS, KINDS, Finding, describe, mask, remove, scan

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))


def _id(case: dict) -> str:
    return f"{case['rule']}:{case['text'][:40]!r}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rule_table(case):
    text = case["text"]
    got = [(f.kind, text[f.start : f.end]) for f in scan(text)]
    assert len(got) == len(case["expect"]), got
    for (kind, span), want in zip(got, case["expect"], strict=True):
        assert kind in want["kinds"]
        assert span == want["text"]


def test_table_covers_every_kind_positive_and_negative():
    kinds = {k for c in CASES for e in c["expect"] for k in e["kinds"]}
    assert set(KINDS) <= kinds
    assert sum(1 for c in CASES if not c["expect"]) >= 50


def test_finding_is_frozen_with_label():
    (f,) = scan("My SSN is 078-05-1121.")
    assert f == Finding("ssn", 10, 21, "***-**-1121", "1121")
    assert f.label == "Social Security number"
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 0  # type: ignore[misc]


def test_offsets_index_the_original_text():
    text = "\u2003SSN\u00a0\uff12\uff13\uff14\u2010\uff15\uff16\u2010\uff17\uff18\uff19\uff11!"
    (f,) = scan(text)
    assert text[f.start : f.end] == "２３４‐５６‐７８９１"
    assert f.masked == "***-**-7891"


@pytest.mark.parametrize(
    ("kind", "digits", "masked"),
    [
        ("ssn", "234567891", "***-**-7891"),
        ("itin", "912701234", "***-**-1234"),
        ("fein", "123456789", "**-***6789"),
        ("routing", "021000021", "*****0021"),
        ("ct_tax_reg", "4821537000", "******7-000"),
        ("card", "4929381752081111", "**** **** **** 1111"),
        ("card", "378282246310005", "**** ****** *0005"),
        ("card", "4222222222222", "**** **** *222 2"),
    ],
)
def test_mask_keeps_only_last_four(kind, digits, masked):
    assert mask(kind, digits) == masked
    assert sum(c.isdigit() for c in masked) == 4


def test_describe():
    assert describe(scan("SSN 234-56-7891")[0]) == "a Social Security number ending in 7891"
    assert describe(scan("ITIN 912-70-1234")[0]) == (
        "an Individual Taxpayer Identification Number ending in 1234"
    )


# One message per kind, what the warning says about it, and what "remove" leaves
# (the same table is in pii.test.mjs for the browser twin).
EVERY_KIND = {
    "ssn": ("SSN 234-56-7891", "a Social Security number ending in 7891"),
    "itin": ("ITIN 912-70-1234", "an Individual Taxpayer Identification Number ending in 1234"),
    "fein": ("EIN 12-3456780", "a Federal Employer Identification Number ending in 6780"),
    "ct_tax_reg": (
        "CT tax registration number 4821537-000",
        "a Connecticut Tax Registration Number ending in 7000",
    ),
    "card": ("card 4929 3817 5208 1111", "a payment card number ending in 1111"),
    "routing": ("routing number 021000021", "a bank routing number ending in 0021"),
}


def test_every_kind_is_named_in_plain_words_without_digits():
    assert set(EVERY_KIND) == set(KINDS), "a new kind needs its wording checked here"
    for kind, (text, warning) in EVERY_KIND.items():
        [finding] = scan(text)
        assert finding.kind == kind
        assert describe(finding) == warning
        removed = remove(text, [finding])
        assert removed.endswith(f"[{KIND_LABELS[kind]} removed]")
        assert not any(c.isdigit() for c in removed), removed


def test_remove_replaces_every_finding_with_a_label():
    text = "SSN 234-56-7891, card 4929 3817 5208 1111, routing 021000021."
    out = remove(text, scan(text))
    assert out == (
        "SSN [Social Security number removed], card [payment card number removed], "
        "routing [bank routing number removed]."
    )
    assert scan(out) == []


def test_remove_only_chosen_findings():
    text = "SSN 234-56-7891 and EIN 12-3456780"
    _ssn, fein = scan(text)
    assert (
        remove(text, [fein])
        == "SSN 234-56-7891 and EIN [Federal Employer Identification Number removed]"
    )
    assert remove(text, []) == text


def test_scan_rejects_non_strings():
    with pytest.raises(TypeError):
        scan(b"123-45-6789")  # type: ignore[arg-type]


def test_the_detector_loads_without_the_web_stack():
    """app.pii runs anywhere Python does (the CLI, a batch job): importing and using it
    loads no web framework or database library, directly or through another module."""
    # The package alone, without app/__init__.py (which builds the web app).
    probe = (
        "import sys, types\n"
        "package = types.ModuleType('app')\n"
        "package.__path__ = ['app']\n"
        "sys.modules['app'] = package\n"
        "import app.pii as pii\n"
        "assert pii.describe(pii.scan('SSN 234-56-7891')[0]).endswith('7891')\n"
        "web = ('flask', 'werkzeug', 'sqlalchemy', 'wtforms', 'jinja2')\n"
        "print(' '.join(m for m in web if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == ""


def test_cli_prints_masked_findings_never_the_number(tmp_path):
    sample = tmp_path / "msg.txt"
    sample.write_text("My SSN is 234-56-7891 and my EIN is 12-3456780.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "app.pii", str(sample)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "***-**-7891" in run.stdout
    assert "**-***6780" in run.stdout
    assert "234-56-7891" not in run.stdout
    assert "3456780" not in run.stdout.replace("***6780", "")
    run = subprocess.run(
        [sys.executable, "-m", "app.pii", "-"],
        cwd=REPO,
        input="nothing here",
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0
    assert run.stdout == ""


def test_the_anaphor_search_looks_back_a_bounded_stretch():
    """Each number after an anaphor's last letter is matched against the anaphors in the
    stretch before it that the longest anaphor can take (_scopes._ANAPHOR_REACH). A word
    of unbounded length in the pattern once made that stretch the whole text: 100 KB of
    random tokens took 3 s, 50 KB 0.6 s. The reach stays finite and within the
    JavaScript twin's look-back, so that both read the same anaphors."""
    import re

    from app.pii import _scopes

    js = (REPO / "app" / "static" / "js" / "pii-cues.mjs").read_text(encoding="utf-8")
    back = int(re.search(r"const ANAPHOR_BACK = ([0-9]+);", js).group(1))
    assert 0 < _scopes._ANAPHOR_REACH <= back
