"""Settings: defaults, a .env file, the environment winning over it, and one clear error per malformed value."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings

SETTING_NAMES = (
    "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "PROVBOT_DB", "PROVBOT_HOST",
    "PROVBOT_PORT", "PROVBOT_ALLOW_PRIVATE", "PROVBOT_FETCH_TIMEOUT", "PROVBOT_MAX_BYTES", "PROVBOT_DIGEST_TIME",
    "PROVBOT_TZ", "PROVBOT_LOG_LEVEL", "PROVBOT_OUTLETS", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET",
    "SLACK_REDIRECT_URI",
)  # fmt: skip


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No provbot or Slack variable in the process environment, and a working folder with no .env."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults() -> None:
    settings = load_settings({})
    assert settings == Settings(extra={})
    assert settings.slack_bot_token is None
    assert settings.slack_signing_secret is None
    assert settings.slack_app_token is None
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.db_path == "provbot.db"
    assert (settings.host, settings.port) == ("0.0.0.0", 3000)
    assert settings.allow_private == ()
    assert settings.fetch_timeout == 10
    assert settings.max_bytes == 5_000_000
    assert (settings.digest_time, settings.tz) == ("09:00", "UTC")
    assert settings.log_level == "INFO"
    assert settings.stop_grace == 5


def test_blank_values_mean_the_default() -> None:
    settings = load_settings({"PROVBOT_PORT": "  ", "PROVBOT_TZ": "", "PROVBOT_LOG_LEVEL": ""})
    assert (settings.port, settings.tz, settings.log_level) == (3000, "UTC", "INFO")


def test_every_setting_read() -> None:
    settings = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-1-2-3",
            "SLACK_SIGNING_SECRET": "shh",
            "SLACK_APP_TOKEN": "xapp-1-2",
            "SLACK_API_URL": "http://127.0.0.1:8080/api",
            "PROVBOT_DB": "/tmp/x.db",
            "PROVBOT_HOST": "127.0.0.1",
            "PROVBOT_PORT": "8081",
            "PROVBOT_ALLOW_PRIVATE": "10.0.0.0/8, 192.168.1.7",
            "PROVBOT_FETCH_TIMEOUT": "2.5",
            "PROVBOT_MAX_BYTES": "1000",
            "PROVBOT_DIGEST_TIME": "7:30",
            "PROVBOT_TZ": "Europe/Berlin",
            "PROVBOT_LOG_LEVEL": "debug",
            "PROVBOT_STOP_GRACE": "0.5",
        }
    )
    assert settings.slack_bot_token == "xoxb-1-2-3"
    assert settings.slack_signing_secret == "shh"
    assert settings.slack_app_token == "xapp-1-2"
    assert settings.slack_api_url == "http://127.0.0.1:8080/api/"
    assert settings.db_path == "/tmp/x.db"
    assert (settings.host, settings.port) == ("127.0.0.1", 8081)
    assert settings.allow_private == (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("192.168.1.7/32"),
    )
    assert settings.fetch_timeout == 2.5
    assert settings.max_bytes == 1000
    assert settings.digest_time == "07:30"
    assert settings.zone.key == "Europe/Berlin"
    assert settings.log_level == "DEBUG"
    assert settings.stop_grace == 0.5


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PROVBOT_PORT", "abc"),
        ("PROVBOT_PORT", "0"),
        ("PROVBOT_PORT", "70000"),
        ("PROVBOT_FETCH_TIMEOUT", "-1"),
        ("PROVBOT_FETCH_TIMEOUT", "soon"),
        ("PROVBOT_MAX_BYTES", "0"),
        ("PROVBOT_MAX_BYTES", "1.5"),
        ("PROVBOT_DIGEST_TIME", "25:00"),
        ("PROVBOT_DIGEST_TIME", "9am"),
        ("PROVBOT_TZ", "Mars/Base"),
        ("PROVBOT_ALLOW_PRIVATE", "notacidr"),
        ("PROVBOT_ALLOW_PRIVATE", "10.0.0.0/8,10.0.0.0/99"),
        ("PROVBOT_LOG_LEVEL", "LOUD"),
        ("PROVBOT_STOP_GRACE", "0"),
        ("PROVBOT_STOP_GRACE", "a while"),
        ("SLACK_BOT_TOKEN", "abc"),
        ("SLACK_APP_TOKEN", "xoxb-wrong-kind"),
        ("SLACK_API_URL", "ftp://x"),
        ("SLACK_API_URL", "slack.com/api"),
        ("PROVBOT_OUTLETS", "/no/such/outlets.toml"),
        ("SLACK_CLIENT_ID", "12345"),
        ("SLACK_CLIENT_SECRET", "a-secret-without-its-id"),
    ],
)
def test_malformed_setting_raises_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({name: value})
    message = str(caught.value)
    assert name in message
    assert "\n" not in message


def test_token_values_are_not_echoed_in_errors() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"SLACK_BOT_TOKEN": "secret-value-123"})
    assert "secret-value-123" not in str(caught.value)


def test_require_names_the_missing_setting() -> None:
    settings = load_settings({})
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        settings.require("SLACK_BOT_TOKEN")
    load_settings({"SLACK_BOT_TOKEN": "xoxb-1"}).require("SLACK_BOT_TOKEN")


def test_dotenv_file_in_the_working_folder_is_read(clean_environment: Path) -> None:
    (clean_environment / ".env").write_text("PROVBOT_PORT=4000\nPROVBOT_TZ=Asia/Tokyo\n# a comment\n")
    settings = load_settings()
    assert settings.port == 4000
    assert settings.tz == "Asia/Tokyo"


def test_dotenv_file_named_explicitly(clean_environment: Path) -> None:
    path = clean_environment / "other.env"
    path.write_text('PROVBOT_DB="/data/provbot.db"\n')
    assert load_settings(dotenv_path=path).db_path == "/data/provbot.db"


def test_environment_wins_over_dotenv(clean_environment: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_environment / ".env").write_text("PROVBOT_PORT=4000\nPROVBOT_HOST=10.1.1.1\n")
    monkeypatch.setenv("PROVBOT_PORT", "5000")
    settings = load_settings()
    assert settings.port == 5000
    assert settings.host == "10.1.1.1"


def test_malformed_value_in_dotenv_is_reported(clean_environment: Path) -> None:
    (clean_environment / ".env").write_text("PROVBOT_DIGEST_TIME=25:00\n")
    with pytest.raises(SettingsError, match="PROVBOT_DIGEST_TIME"):
        load_settings()


def test_no_dotenv_file_means_defaults(clean_environment: Path) -> None:
    assert load_settings().port == 3000


@pytest.mark.parametrize(
    "agent",
    ["NoContactBot/1.0", "Bot/1.0 (+https://ok.example)\nInjected: header", "x" * 400 + " ops@newsroom.example"],
)
def test_a_user_agent_must_be_one_line_with_a_contact(agent: str) -> None:
    with pytest.raises(SettingsError, match="PROVBOT_USER_AGENT"):
        load_settings({"PROVBOT_USER_AGENT": agent})


def test_a_user_agent_with_an_email_contact_is_taken() -> None:
    agent = "NewsroomBot/2.0 (ops@newsroom.example)"
    assert load_settings({"PROVBOT_USER_AGENT": agent}).user_agent == agent


def test_installing_by_oauth_takes_the_client_id_and_secret_instead_of_one_token() -> None:
    env = {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "s3cret", "SLACK_REDIRECT_URI": "https://b.org/x"}
    settings = load_settings(env)
    assert settings.oauth and settings.slack_redirect_uri == "https://b.org/x"
    settings.require("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
    assert not load_settings({"SLACK_BOT_TOKEN": "xoxb-1"}).oauth


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "not both"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "HTTP mode"),
        ({"SLACK_REDIRECT_URI": "bot.example.org/slack/oauth_redirect"}, "SLACK_REDIRECT_URI"),
    ],
)
def test_oauth_settings_that_cannot_work_together_are_refused(extra: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named) as caught:
        load_settings({"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "s3cret", **extra})
    assert "s3cret" not in str(caught.value) and "\n" not in str(caught.value)
