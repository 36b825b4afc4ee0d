"""The only places off this site that our pages link to.

Every external link goes through the exit notice (/leaving/<name>), which looks the name
up here. A name that is not in this list is a 404: no parameter can make the site send
anyone to an address it does not already know (no open redirect).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Destination:
    name: str
    title: str
    url: str
    owner: str


DESTINATIONS: dict[str, Destination] = {
    d.name: d
    for d in [
        Destination(
            "highway-use-fee",
            "Connecticut Highway Use Fee",
            "https://portal.ct.gov/drs/highway-use-fee",
            "the State of Connecticut portal",
        ),
        Destination(
            "myconnect",
            "myconneCT, the DRS online filing and payment system",
            "https://drs.ct.gov/",
            "the Department of Revenue Services' myconneCT system",
        ),
        Destination(
            "myconnect-news",
            "Latest information about tax types in myconneCT",
            "https://portal.ct.gov/drs/myconnect/myconnect",
            "the State of Connecticut portal",
        ),
        Destination(
            "state-privacy-policy",
            "State of Connecticut's Privacy Policy",
            "https://portal.ct.gov/policies/state-privacy-policy",
            "the State of Connecticut portal",
        ),
        Destination(
            "drs-contact",
            "Contact the Department of Revenue Services by phone",
            "https://portal.ct.gov/drs/contact-us",
            "the State of Connecticut portal",
        ),
    ]
}


def find_destination(name: str) -> Destination | None:
    return DESTINATIONS.get(name)
