"""`make run`: serve the site on the embedded default with Werkzeug's server.

Werkzeug's own request log writes every URL with its query string to the terminal, and
its Server header names its version: this handler does neither. The W3C access log is
the site's request log.
"""

import os

from werkzeug.serving import WSGIRequestHandler, run_simple

from app import create_app


class QuietRequestHandler(WSGIRequestHandler):
    def version_string(self) -> str:
        return "DRS"

    def log_request(self, code="-", size="-") -> None:
        pass


def main() -> None:
    port = int(os.environ.get("PORT", "5000"))
    host = os.environ.get("HOST", "127.0.0.1")
    print(f"Serving the DRS privacy site at http://{host}:{port} (Ctrl+C to stop)")
    run_simple(host, port, create_app(), request_handler=QuietRequestHandler, threaded=True)


if __name__ == "__main__":
    main()
