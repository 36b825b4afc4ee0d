"""The reference for bench/http_bench.py: a plain hello-world Flask app (no database, no hooks)."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "hello"
