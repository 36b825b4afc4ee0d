"""The JavaScript twin (app/static/js/pii.mjs) under Node: its own rule-table tests, and
parity with the Python package on every dev-corpus message and on seeded random text."""

import json
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pii.twins import NODE, REPO, NodeTwin, python_scan

HERE = Path(__file__).resolve().parent
DEV = REPO.parent / "shared" / "pii-corpus" / "dev.jsonl"

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


@pytest.fixture(scope="module")
def twin() -> Iterator[NodeTwin]:
    node = NodeTwin()
    yield node
    node.close()


def _py_scan(text: str) -> list:
    return [[f.kind, f.start, f.end, f.masked] for f in python_scan(text)]


def _assert_parity(twin: NodeTwin, texts: list[str]) -> None:
    mismatches = [
        (text, py, js)
        for text, js in zip(texts, twin.scan(texts), strict=True)
        if (py := _py_scan(text)) != js
    ]
    assert not mismatches, mismatches[:5]


def test_node_rule_table():
    run = subprocess.run(
        [NODE, "--test", str(HERE / "pii.test.mjs")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


@pytest.mark.skipif(not DEV.exists(), reason=f"dev corpus not found at {DEV}")
def test_parity_on_dev_corpus(twin):
    with DEV.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    _assert_parity(twin, texts)


REALISTIC = DEV.parent / "realistic.jsonl"


@pytest.mark.skipif(not REALISTIC.exists(), reason=f"corpus not found at {REALISTIC}")
def test_parity_on_realistic_corpus(twin):
    with REALISTIC.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    _assert_parity(twin, texts)


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).parent / "corpora").glob("independent-*.jsonl")),
    ids=lambda p: p.stem,
)
def test_parity_on_independent_corpora(twin, path):
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    _assert_parity(twin, texts)


def test_parity_on_rule_table(twin):
    cases = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    _assert_parity(twin, [c["text"] for c in cases])


PIECES = [
    "SSN ",
    "social security no. ",
    "ITIN ",
    "tax ID ",
    "EIN: ",
    "CT tax reg # ",
    "DRS ",
    "routing ",
    "ABA ",
    "Visa ",
    "order #",
    "confirmation number ",
    "call me at ",
    "+1 ",
    "last four of my SSN are ",
    "$",
    "ZIP ",
    "myconneCT.",
    "Form CT-1040 ",
    "HHD-CV-",
    "234-56-7891",
    "234 56 7891",
    "234.56.7891",
    "234567891",
    "912-70-1234",
    "912701234",
    "12-3456780",
    "123456780",
    "4821537-000",
    "12345678 000",
    "1234 5678-000",
    "8605550100",
    "4929 3817 5208 1111",
    "4929381752081111",
    "3782 590830 10005",
    "021000021",
    "06103-1234",
    "2024-01-15",
    "1,234.56",
    "xxx-xx-",
    "\n",
    "\r\n",
    ". ",
    ".",
    ", ",
    " - ",
    "-",
    "/",
    "\u00a0",
    "\u2013",
    "\u2212",
    "\u200b",
    "\u00ad",
    "\uff12\uff13\uff14",
    "\u0661\u0662",
    "\U0001f600",
    "\U0001d7d0\U0001d7d1",
    "\u00bd",
    "\u2460",
    "\ufb01",
    "Stra\u00dfe ",
    "\u0130",
    # the scopes, lexicons and rewrites of issue 10
    "\t",
    " | ",
    "Name\tSSN\tAmount\n",
    "| SSN | Routing |\n|---|---|\n",
    "first,last,ssn\n",
    "SSNs for everyone:\n",
    "son - ",
    "#2 Mia, ",
    "Re: routing number\n\n",
    "> ",
    "\n> > ",
    "four one two, zero eight, ",
    "oh double nine ",
    "cuatro uno dos ",
    "4 1 2 - 0 8 - 3 3 1 7",
    "S S N : ",
    "n\u00famero de seguro social ",
    "N\u00daMERO DE RUTA ",
    "nimewo sekirite sosyal ",
    "\u793e\u4f1a\u5b89\u5168\u53f7\u7801",
    "not my SSN ",
    "no es mi seguro social, ",
    "\u2446",
    "|:",
    "6024799000 / ",
    "i.e. ",
    # spoken dashes and the other languages' digit words
    "four six dash ",
    "onedashtwo ",
    " hyphen ",
    "zero sze\u015b\u0107 cztery, dwa ",
    "ZEWO S\u00c8T DE, ",
    "tr\u00eas um sete ",
    "Z\u00c9RO HUIT neuf ",
    "un de ses ",
    # fillers, dictation's commas and two-space groups (sets 53-55)
    ", uh, ",
    " um ",
    "umm ",
    "9, 8, 6, 8, ",
    "3, 5, 4 ",
    "5 4 9  9 0  ",
    "  0 0 1",
    "Subject: Acct ",
    "extension ",
    "indentification ",
    "2 49 7 16 4 56",
    "3 72 75 79 0 01 ",
    " for ",
    "won ate ",
    "is to ",
    " too 6 ",
    "ITIN not a social ",
    "two oh four 65 ",
    " triple oh",
    "two hundred thirty, ",
    "twenty seven hundred ",
    " hundred four",
    "checking account ",
    "1,019,440,000",
    "0 3 7. 5 2. ",
    " wifes ",
    "5592, 5038, 0945, 4958",
    "is NOT my social, it's my business EIN. ",
]


def test_parity_on_seeded_random_text(twin):
    rng = random.Random(20240115)
    texts = []
    for _ in range(3000):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1), str(rng.randrange(10**12)))
        texts.append("".join(parts))
    _assert_parity(twin, texts)
