"""The setup files: .env.example explains every setting and loads; manifest.yml asks for what the bot uses."""

from __future__ import annotations

import re
from pathlib import Path

from dotenv import dotenv_values

from bot.settings import load_settings
from bot.slack.oauth import bot_scopes

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = [
    "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "PROVBOT_DB", "PROVBOT_HOST",
    "PROVBOT_PORT", "PROVBOT_ALLOW_PRIVATE", "PROVBOT_FETCH_TIMEOUT", "PROVBOT_MAX_BYTES", "PROVBOT_DIGEST_TIME",
    "PROVBOT_TZ", "PROVBOT_LOG_LEVEL", "PROVBOT_OUTLETS", "PROVBOT_NOT_ARTICLES", "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET", "SLACK_REDIRECT_URI",
]  # fmt: skip


def test_env_example_explains_and_loads_every_setting() -> None:
    path = ROOT / ".env.example"
    text = path.read_text(encoding="utf-8")
    values = dotenv_values(path)
    for name in SETTINGS:
        assert name in values, name
        # a comment right above each setting explains it
        assert re.search(rf"#[^\n]*\n(?:#[^\n]*\n)*{name}=", text), name
    settings = load_settings({k: v or "" for k, v in values.items()})
    assert settings.slack_api_url == "https://slack.com/api/" and settings.port == 3000


def test_manifest_has_the_events_scopes_command_home_and_socket_mode() -> None:
    text = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    for needed in (
        "message.channels", "message.groups", "message.im", "member_joined_channel", "app_home_opened",
        "channels:history", "groups:history", "im:history", "chat:write", "commands", "channels:read",
        "command: /provenance", "home_tab_enabled: true", "socket_mode_enabled: true", "interactivity:",
        "app_mention", "app_mentions:read", "callback_id: check_provenance", "type: message",
    ):  # fmt: skip
        assert needed in text, needed


def test_an_install_asks_for_the_manifests_bot_scopes_and_org_installs_are_allowed() -> None:
    text = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    listed = re.search(r"^    bot:\n((?:      - .*\n)+)", text, flags=re.M)
    assert listed is not None
    assert re.findall(r"- ([\w:.]+)", listed.group(1)) == bot_scopes()
    assert "org_deploy_enabled: true" in text
    assert "- app_uninstalled" in text and "- tokens_revoked" in text  # so an uninstall erases the workspace
