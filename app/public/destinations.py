"""The only places off this site that our pages link to.

Every external link goes through the exit notice (/leaving/<name>), which looks the name
up here. A name that is not in this list is a 404: no parameter can make the site send
anyone to an address it does not already know (no open redirect).
"""

from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Destination:
    name: str
    title: LazyString  # in the page's language
    url: str
    owner: LazyString


DESTINATIONS: dict[str, Destination] = {
    d.name: d
    for d in [
        Destination(
            "highway-use-fee",
            _l("Connecticut Highway Use Fee"),
            "https://portal.ct.gov/drs/highway-use-fee",
            _l("the State of Connecticut portal"),
        ),
        Destination(
            "myconnect",
            _l("myconneCT, the DRS online filing and payment system"),
            "https://drs.ct.gov/",
            _l("the Department of Revenue Services' myconneCT system"),
        ),
        Destination(
            "myconnect-news",
            _l("Latest information about tax types in myconneCT"),
            "https://portal.ct.gov/drs/myconnect/myconnect",
            _l("the State of Connecticut portal"),
        ),
        Destination(
            "state-privacy-policy",
            _l("State of Connecticut's Privacy Policy"),
            "https://portal.ct.gov/policies/state-privacy-policy",
            _l("the State of Connecticut portal"),
        ),
        Destination(
            "drs-contact",
            _l("Contact the Department of Revenue Services by phone"),
            "https://portal.ct.gov/drs/contact-us",
            _l("the State of Connecticut portal"),
        ),
    ]
}


def find_destination(name: str) -> Destination | None:
    return DESTINATIONS.get(name)
