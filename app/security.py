"""Response headers every page carries (the security baseline)."""

from flask import Flask, Response, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

BASELINE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
}


BASELINE_ITEMS = tuple(BASELINE_HEADERS.items())


def no_store(response: Response) -> Response:
    """Mark a response as never to be kept by the browser or any cache on the way."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


def init_app(app: Flask) -> None:
    @app.after_request
    def _security_headers(response: Response) -> Response:
        headers = response.headers
        # The names present, looked at once: asking werkzeug's Headers for a name it
        # does not hold (`in`, pop) raises and catches an HTTP exception inside.
        names = {name.lower() for name, _value in headers}
        # No view sets these itself, so one extend does (setdefault would scan each time).
        if "content-security-policy" not in names:
            headers.extend(BASELINE_ITEMS)
        if request.is_secure and app.config["HSTS_SECONDS"] > 0:
            headers["Strict-Transport-Security"] = (
                f"max-age={app.config['HSTS_SECONDS']}; includeSubDomains"
            )
        # Whatever the server in front would add, we do not advertise versions.
        if "server" in names:
            del headers["Server"]
        return response
