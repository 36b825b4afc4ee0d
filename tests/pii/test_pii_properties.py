"""Property tests: scan never raises, offsets are sane, and removal leaves nothing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.pii import remove, scan

NUMBERS = [
    "234-56-7891",
    "234 56 7891",
    "234.56.7891",
    "234567891",
    "912-70-1234",
    "912701234",
    "12-3456789",
    "123456780",
    "1234567-000",
    "12345678 000",
    "1234 5678-000",
    "123456789000",
    "4111 1111 1111 1111",
    "4111111111111111",
    "3782 822463 10005",
    "021000021",
    "016334837461-86-8225",
    "6011 1111 1111 1117234-56-7891",
    "(860) 555-0100",
    "06103-1234",
    "2024-01-15",
    "$1,234.56",
    "xxx-xx-1234",
    "1",
    "12",
    "0000",
    "999-99-9999",
]
WORDS = [
    "SSN",
    "SSN:",
    "social security",
    "ITIN",
    "tax ID",
    "EIN",
    "FEIN",
    "CT",
    "Connecticut",
    "tax registration",
    "reg #",
    "routing",
    "ABA",
    "card",
    "Visa",
    "order #",
    "confirmation",
    "phone",
    "call me",
    "last four of my SSN",
    "ZIP",
    "[Social Security number removed]",
    "and",
    "is",
    "my",
    "number",
    "\n",
    ". ",
    ", ",
    " ",
    "-",
    "/",
    ".",
    "+",
    "$",
    "#",
    "\u00a0",
    "\u2013",
    "\u200b",
    "\uff11",
    "\u0663",
    "\U0001f600",
]
fragment = st.one_of(
    st.sampled_from(NUMBERS),
    st.sampled_from(WORDS),
    st.text(max_size=6),
    st.from_regex(r"[0-9 \-./]{1,14}", fullmatch=True),
)
messages = st.lists(fragment, max_size=24).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_findings(text, found):
    pos = 0
    for f in found:
        assert 0 <= pos <= f.start < f.end <= len(text)
        assert any(c.isdigit() for c in text[f.start : f.end])
        pos = f.end


@SETTINGS
@given(st.text())
def test_scan_never_raises_on_any_string(text):
    _check_findings(text, scan(text))


@SETTINGS
@given(messages)
def test_offsets_in_bounds_ordered_non_overlapping(text):
    _check_findings(text, scan(text))


@SETTINGS
@given(messages)
def test_after_removal_nothing_is_found_and_no_digit_remains(text):
    found = scan(text)
    out = remove(text, found)
    assert scan(out) == []
    kept = []
    pos = 0
    for f in found:
        kept.append(text[pos : f.start])
        pos = f.end
    kept.append(text[pos:])
    # every digit left is one that was outside all findings
    assert sum(c.isdigit() for c in out) == sum(c.isdigit() for part in kept for c in part)
