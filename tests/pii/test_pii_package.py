"""The detector as a package: importable without the web stack, its browser twin
loadable in every browser with ES modules, and able to say why it found something."""

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


def test_cue_parts_are_the_cue_alternation_in_sizes_v8_optimises():
    # V8 leaves a pattern of more than 20 * 1024 source units unoptimised (17 times
    # slower, measured): the browser twin's cue alternation comes in parts under that
    from app.pii import _rules

    parts = _rules.cue_parts()
    assert all(len(p["source"]) <= 20 * 1024 for p in parts)
    assert len(parts) < len(_rules.CUE_KINDS), "as few parts as fit"
    kinds = [k for p in parts for k in p["kinds"]]
    assert [k for i, k in enumerate(kinds) if not i or kinds[i - 1] != k] == list(
        _rules.CUE_KINDS
    ), "every kind, in the order of the whole alternation"
    for part in parts:  # one capturing group per kind the part holds
        assert re.compile(part["source"]).groups == len(part["kinds"])
    with pytest.raises(ValueError, match="longer than the budget"):
        _rules.cue_parts(budget=500)


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


def test_cli_explain_prints_masked_reasons(tmp_path, capsys):
    path = tmp_path / "m.txt"
    path.write_text("My SSN is 412083317, thanks", encoding="utf-8")
    assert cli_main(["--explain", str(path)]) == 1
    out = capsys.readouterr().out
    assert "***-**-3317" in out
    assert 'found by the cue "SSN" (ssn) before it' in out
    assert "412083317" not in out
