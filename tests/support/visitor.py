"""A visitor using the contact form the way a browser without JavaScript would."""

from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict


class Visitor:
    """A visitor using the contact form the way a browser without JavaScript would."""

    def __init__(self, client):
        self.client = client

    def token(self) -> str:
        page = BeautifulSoup(self.client.get("/contact").get_data(as_text=True), "html.parser")
        return page.find("input", attrs={"name": "csrf_token"})["value"]

    def send(self, csrf=True, follow=False, **fields):
        """Fill in the form and press Send message (follow=True: land where it redirects)."""
        data = {"email": "pat@example.com", "topic": "general", "message": "Hello"}
        data.update(fields)
        if csrf:
            data.setdefault("csrf_token", self.token())
        return self.client.post("/contact", data=data, follow_redirects=follow)

    def resubmit(self, response, follow=False, **buttons):
        """Press a button on the page the response showed, as a browser would: the page's
        own fields (checked boxes only), plus ``buttons`` (a list value ticks several)."""
        if response.status_code == 303:  # the page the POST redirected to
            response = self.client.get(response.headers["Location"])
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        form = page.find("form", method="post")
        data = []
        for field in form.find_all(["input", "textarea"]):
            name = field.get("name")
            checkable = field.get("type") in ("radio", "checkbox")
            if not name or (checkable and not field.has_attr("checked")):
                continue
            value = field.get_text() if field.name == "textarea" else field.get("value", "")
            data.append((name, value))
        data = [(name, value) for name, value in data if name not in buttons]
        for name, value in buttons.items():
            for one in value if isinstance(value, list) else [value]:
                data.append((name, one))
        return self.client.post(form["action"], data=MultiDict(data), follow_redirects=follow)
