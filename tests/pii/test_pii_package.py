"""The detector as a package: importable without the web stack, its browser twin
loadable in every browser with ES modules, and able to say why it found something."""

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.pii import build, explain, scan
from app.pii.__main__ import main as cli_main

REPO = Path(__file__).resolve().parent.parent.parent
JS = REPO / "app" / "static" / "js"
HEAVY = ("flask", "flask_sqlalchemy", "flask_wtf", "limits", "sqlalchemy", "werkzeug")


def test_import_app_pii_loads_no_web_stack():
    code = (
        "import sys, app.pii\n"
        "print(app.pii.scan('SSN 412-08-3317')[0].kind)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert run.stdout.splitlines() == ["ssn", "[]"]


def test_create_app_still_imports_from_the_package():
    code = "from app import create_app, Site\nprint(create_app.__name__, Site.__name__)"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert run.stdout.split() == ["create_app", "Site"]


def test_generated_rules_module_is_current():
    assert build.main(["--check"]) == 0, "run: python -m app.pii.build"


def _cue_texts() -> list[str]:
    """Lower-cased corpus messages and rule cases, the way the cue search reads text."""
    from app.pii._normalise import latin_lower

    texts = [c["text"] for c in json.loads((REPO / "tests" / "pii" / "cases.json").read_text())]
    for name in ("dev.jsonl", "realistic.jsonl"):
        path = REPO.parent / "shared" / "pii-corpus" / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    return [latin_lower(t) for t in texts]


def _spans(matches) -> list[tuple[int, int, int | None]]:
    return [(m.start(), m.end(), m.lastindex) for m in matches]


def test_cue_search_finds_what_the_whole_alternation_finds():
    # CueSearch tries only the patterns that can start where a cue could: the matches,
    # with pos and endpos anywhere, are the whole alternation's, kind for kind
    from app.pii import _rules

    whole = re.compile(_rules.cue_source(), re.ASCII)
    cues = _rules.CUE_RE
    rng = random.Random(10)
    texts = _cue_texts()
    assert len(texts) > 2_000
    for low in texts:
        assert _spans(cues.finditer(low)) == _spans(whole.finditer(low)), low
        lo = rng.randrange(len(low) + 1)
        hi = rng.randrange(lo, len(low) + 2)
        assert _spans(cues.finditer(low, lo, hi)) == _spans(whole.finditer(low, lo, hi)), low
        for at in (0, lo, *(m.start() for m in whole.finditer(low))):
            assert _spans([cues.match(low, at)] if cues.match(low, at) else []) == _spans(
                [whole.match(low, at)] if whole.match(low, at) else []
            ), (low, at)
            assert _spans(filter(None, [cues.search(low, at, hi)])) == _spans(
                filter(None, [whole.search(low, at, hi)])
            ), (low, at, hi)


def test_cue_search_compiles_small_alternations_and_keeps_bounded_caches():
    # V8 leaves a pattern of more than 20 * 1024 source units unoptimised (17 times
    # slower, measured): the browser twin compiles the gate and each alternation as
    # they are, so every one of them must stay under that
    from app.pii import _rules

    table = _rules.cue_table()
    assert len(table["gate"]) <= 20 * 1024
    cues = _rules.CueSearch(table, max_keys=50)
    for key in table["starts"]:
        assert len(cues._at(key).pattern) <= 20 * 1024, key
        assert cues._at(key).groups == len(_rules.CUE_KINDS), "group i is always kind i"
    assert len(cues.by_key) == 50, "the key map stops growing at its size"
    for key in ("ssn", "soc", "xyz", "\u4e00\u4e01", "id\u4e00", "id\u4e01", "i"):
        cues._at(key)
    # an alternation is chosen by the longest start a key begins with (or none)
    assert len(cues.by_set) <= len(table["starts"]) + 1
    # keys the tables never saw share the alternations of the starts they begin with
    assert cues._at("id\u4e00") is cues._at("id\u4e01")


def test_every_cue_pattern_compiles_on_its_own():
    # CueSearch compiles a pattern only when a text first reaches a place it can start:
    # one that only fails to compile (a lookbehind of two widths, "(?<=(?:is|was) )")
    # must fail here, not in a visitor's request (the browser twin's test compiles the
    # whole alternation in V8)
    from app.pii import _rules

    for _kind, pattern in _rules.cue_table()["patterns"]:
        re.compile(pattern, re.ASCII)
    with pytest.raises(re.error, match="look-behind"):
        re.compile("(?<=(?:is|was) )something else", re.ASCII)


def test_cue_table_refuses_a_pattern_that_could_start_anywhere():
    from app.pii import _rules

    assert _rules._pattern_starts("[^ ]ssn", 3) == frozenset({""})
    assert _rules._pattern_starts("(?:ss|tax )?id", 3) == frozenset({"ssi", "tax", "id"})


def _imports(path: Path) -> list[tuple[str, str]]:
    """(specifier, whatever follows it up to the end of the statement) per static import."""
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"""\bimport\b[^;'"]*?\bfrom\s*(["'])(.+?)\1([^;\n]*)""", text)
    found += re.findall(r"""^\s*import\s*(["'])(.+?)\1([^;\n]*)""", text, re.MULTILINE)
    dynamic = re.findall(r"""\bimport\(\s*(["'])(.+?)\1([^)]*)\)""", text)
    return [(spec, rest) for _q, spec, rest in found + dynamic]


def test_browser_module_graph_has_no_import_attributes():
    seen: set[Path] = set()
    todo = [JS / "contact.mjs", JS / "pii.mjs"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for spec, rest in _imports(path):
            assert not re.search(r"\b(with|assert)\s*\{", rest), (path.name, spec, rest)
            if spec.startswith("."):
                target = (path.parent / spec).resolve()
                assert target.suffix in (".mjs", ".js"), (path.name, spec)
                todo.append(target)
    assert {p.name for p in seen} >= {"pii.mjs", "pii-rules.mjs", "pii-scopes.mjs"}


def test_the_import_checker_sees_an_attribute(tmp_path):
    sample = tmp_path / "x.mjs"
    sample.write_text('import RULES from "./r.json" with { type: "json" };\n', encoding="utf-8")
    ((spec, rest),) = _imports(sample)
    assert spec == "./r.json"
    assert re.search(r"\bwith\s*\{", rest)


def test_explain_says_why_each_finding_was_found():
    text = (
        "Re: SSN\n\nName\tSSN\tRefund\nAna\t412083317\t12\n\n"
        "EIN 12-3456780 (or 123456780).\nrouting 011000138\n\nHere:\n\n601234567\n"
    )
    why = [(f.kind, reason) for f, reason in explain(text)]
    assert [f.kind for f in scan(text)] == [k for k, _ in why]
    assert why[0] == ("ssn", 'its scope: the table column "SSN"')
    assert why[1][1].startswith("its shape alone")
    assert why[2][1] == "the same digits as an identifier found elsewhere in the message"
    assert why[3][1].startswith('the cue "routing" (routing) before it')
    assert why[4][1].startswith("the message's topic (ssn)")


def test_explain_names_a_records_qualifier():
    """A number an X12 segment's qualifier names is explained by that qualifier."""
    text = "NM1*IL*1*DOE*JANE****34*512551093~\nREF*EI*271234567~"
    why = [(f.kind, reason) for f, reason in explain(text)]
    assert why == [
        ("ssn", 'its place after the qualifier "34" of an X12 EDI segment'),
        ("fein", 'its place after the qualifier "EI" of an X12 EDI segment'),
    ]


def test_explain_names_the_field_of_a_laid_out_record():
    """A number a fixed-width record's layout places is explained by its field's name."""
    text = "Layout: positions 1-9 SSN, 10-29 name.\n\n512551093DOE, JANE\n"
    why = [(f.kind, reason) for f, reason in explain(text)]
    assert why == [
        ("ssn", 'its place in the field "ssn" of a fixed-width record a sentence lays out'),
    ]


def test_cli_explain_prints_masked_reasons(tmp_path, capsys):
    path = tmp_path / "m.txt"
    path.write_text("My SSN is 412083317, thanks", encoding="utf-8")
    assert cli_main(["--explain", str(path)]) == 1
    out = capsys.readouterr().out
    assert "***-**-3317" in out
    assert 'found by the cue "SSN" (ssn) before it' in out
    assert "412083317" not in out
