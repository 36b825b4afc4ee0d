"""Settings: one default each (app/config.py), the environment wins over instance/config.py,
and README.md's tables say what the code reads."""

import re
from pathlib import Path

import pytest

from app import config

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_settings_table_is_the_one_config_py_writes():
    start = README.index("| Variable | Default | What it does |")
    table = README[start : README.index("\n\n", start) + 1]
    assert table == config.markdown_table(), "run: .venv/bin/python scripts/config_table.py"


def test_readme_lists_every_variable_the_server_processes_read():
    documented = set(re.findall(r"^\| `([A-Z_]+)`", README, re.MULTILINE))
    for source in ("gunicorn.conf.py", "app/devserver.py"):
        text = (REPO / source).read_text(encoding="utf-8")
        read = set(re.findall(r"os\.environ\.get\(\s*\"([A-Z_]+)\"", text))
        assert read, f"{source} reads no variables: has the way it reads them changed?"
        assert read <= documented, f"{source} reads {sorted(read - documented)} (not in README)"


def test_environment_wins_over_instance_config_which_wins_over_defaults(
    make_app, tmp_path, monkeypatch
):
    instance = tmp_path / "instance"
    instance.mkdir(exist_ok=True)
    (instance / "config.py").write_text(
        "REPLY_WORKING_DAYS = 7\nPAGE_CACHE_SECONDS = 9\nSITE_TIMEZONE = 'America/Chicago'\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("REPLY_WORKING_DAYS", "3")
    monkeypatch.setenv("SITE_TIMEZONE", "")  # empty: as if unset
    app = make_app()
    assert app.config["REPLY_WORKING_DAYS"] == 3
    assert app.config["PAGE_CACHE_SECONDS"] == 9
    assert app.config["SITE_TIMEZONE"] == "America/Chicago"
    assert app.config["NOTICES_CACHE_SECONDS"] == 60


def test_the_confirmation_page_promises_the_configured_reply_time(make_app, monkeypatch):
    monkeypatch.setenv("REPLY_WORKING_DAYS", "3")
    client = make_app().test_client()
    with client.session_transaction() as session:
        session["sent"] = {"reference": "DRS-2345-6789", "topic": "general"}
    text = client.get("/contact/sent").get_data(as_text=True)
    assert "3 working days" in text


def test_derived_defaults_follow_what_they_derive_from(tmp_path):
    settings = config.defaults(str(tmp_path)) | {"REDIS_URL": "redis://cache.example:6379/0"}
    config.finish(settings, str(tmp_path))
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://cache.example:6379/0"
    assert settings["ACCESS_LOG_HOST"]  # the host name when not set
    assert settings["SECRET_KEY"] == (tmp_path / "secret_key").read_text(encoding="ascii")
    assert settings["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'drs.sqlite3'}"
    alone = config.defaults(str(tmp_path))
    config.finish(alone, str(tmp_path))
    assert alone["RATELIMIT_STORAGE_URI"] == "memory://"
    assert alone["SECRET_KEY"] == settings["SECRET_KEY"]  # made once, then kept


def test_an_empty_list_variable_means_none_and_other_types_are_read():
    read = config.from_environment(
        {
            "ACCESS_LOG_QUERY_PARAMS": "",
            "ACCESS_LOG_NO_QUERY_PATHS": " /contact , /staff ",
            "SECURE_COOKIES": "yes",
            "MAIL_USE_SSL": "off",
            "HSTS_SECONDS": " 0 ",
            "MAIL_PORT": "",
        }
    )
    assert read == {
        "ACCESS_LOG_QUERY_PARAMS": (),
        "ACCESS_LOG_NO_QUERY_PATHS": ("/contact", "/staff"),
        "SECURE_COOKIES": True,
        "MAIL_USE_SSL": False,
        "HSTS_SECONDS": 0,
    }


def test_a_number_that_is_not_one_is_refused_in_plain_words():
    with pytest.raises(config.ConfigError, match=r"^MAIL_PORT must be a whole number, not 'x25'"):
        config.from_environment({"MAIL_PORT": "x25"})


def test_every_setting_has_one_name_and_a_default_or_a_way_to_make_one():
    names = [s.name for s in config.SETTINGS]
    variables = [s.variable for s in config.SETTINGS]
    assert len(set(names)) == len(names)
    assert len(set(variables)) == len(variables)
    made = {"SECRET_KEY", "RATELIMIT_STORAGE_URI", "ACCESS_LOG_HOST", "MAIL_USERNAME"}
    made |= {"MAIL_PASSWORD"}
    for setting in config.SETTINGS:
        has_default = setting.default is not None or setting.computed is not None
        assert has_default or setting.name in made, setting.name
