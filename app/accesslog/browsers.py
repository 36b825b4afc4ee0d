"""Browser families from user-agent strings: a short, ordered list of rules.

Order matters because browsers borrow each other's names: Edge and Opera say "Chrome",
Chrome says "Safari", and almost everything says "Mozilla".
"""

import re

_RULES = (
    (
        "Bot",
        re.compile(
            r"bot|crawl|spider|slurp|curl|wget|python-|httpclient|monitor|"
            r"headless|facebookexternalhit|preview|scan",
            re.IGNORECASE,
        ),
    ),
    ("Edge", re.compile(r"Edg(?:e|A|iOS)?/")),
    ("Opera", re.compile(r"OPR/|Opera")),
    ("Samsung Internet", re.compile(r"SamsungBrowser/")),
    ("Firefox", re.compile(r"Firefox/|FxiOS/")),
    ("Chrome", re.compile(r"Chrome/|CriOS/|Chromium/")),
    ("Safari", re.compile(r"Safari/|AppleWebKit/.*Mobile/")),
    ("Internet Explorer", re.compile(r"MSIE |Trident/")),
)


def browser_family(user_agent: str) -> str:
    """The browser family that ``user_agent`` names (a name in _RULES), "Other" if none."""
    if not user_agent:
        return "Other"
    for name, pattern in _RULES:
        if pattern.search(user_agent):
            return name
    return "Other"
