"""Reading a Spanish page for English words that should have been translated."""

from bs4 import BeautifulSoup

# Common English words that are not also Spanish words: one of them in the visible text of
# a Spanish page (outside an element marked lang="en" or translate="no") is a string
# someone forgot to translate.
ENGLISH_WORDS = {
    "the", "and", "you", "your", "with", "this", "that", "our", "we", "for", "not", "from",
    "what", "page", "message", "send", "please", "about", "privacy", "policy", "contact",
    "us", "are", "is", "of", "to", "have", "will", "can", "who", "how", "if", "or",
    "information", "number", "home", "main", "skip", "content", "leaving", "site",
    "official", "website", "notices", "sorry", "found", "go", "back", "try", "again",
}  # fmt: skip
# Names that stay as they are in every language (proper names, codes, the address).
NAMES = {"DRS", "myconneCT", "Connecticut", "CT", "Hartford", "IP", "HTTP", "URL", "FTB"}


def visible_text(page: BeautifulSoup, lang: str) -> str:
    """Text a reader of ``lang`` sees or hears, less what is marked as another language."""
    page = BeautifulSoup(str(page), "html.parser")
    for element in page.find_all(["script", "style", "template"]):
        element.decompose()
    for element in page.find_all(attrs={"translate": "no"}):
        element.decompose()
    for element in page.find_all(lang=True):
        if element.name != "html" and element["lang"] != lang:
            element.decompose()
    parts = [page.get_text(" ")]
    for attribute in ("aria-label", "alt", "title", "placeholder"):
        parts += [str(tag[attribute]) for tag in page.find_all(attrs={attribute: True})]
    if page.title:
        parts.append(page.title.get_text())
    return " ".join(parts)


def english_words(text: str) -> list[str]:
    words = [w.strip(".,:;!?()“”\"'–-«»¿¡/") for w in text.split()]
    return sorted({w for w in words if w.lower() in ENGLISH_WORDS and w not in NAMES})
