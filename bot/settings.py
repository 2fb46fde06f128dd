"""Settings from the environment (or a `.env` file in the working folder), validated once at start.

Every variable is named in ../shared/CONTRACT.md; a missing or malformed one raises `SettingsError` whose
message is one line naming the variable, which the command line prints before exiting.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.logs import LOG_FORMATS

LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
DEFAULT_API_URL = "https://slack.com/api/"
# Sites see who is fetching and how to reach the operator; deployments put their own contact here.
DEFAULT_USER_AGENT = (
    "ProvenanceBot/0.1 (+https://github.com/provbot/provbot; checks article provenance for Slack teams)"
)
_CONTACT = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_API_URL
    slack_client_id: str | None = None  # with the secret: installs to many workspaces through Slack's OAuth flow
    slack_client_secret: str | None = None
    slack_redirect_uri: str | None = None  # only needed when the app lists more than one redirect URL
    db_path: str = "provbot.db"
    host: str = "0.0.0.0"
    port: int = 3000
    allow_private: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    fetch_timeout: float = 10.0
    analysis_timeout: float = 5.0
    max_bytes: int = 5_000_000
    digest_time: str = "09:00"
    tz: str = "UTC"
    log_level: str = "INFO"
    log_format: str = "text"
    user_agent: str = DEFAULT_USER_AGENT
    outlets_file: str | None = None
    chain_max_fetches: int = 2  # pages fetched per check to follow a copy to its original (0: never)
    retention_days: int = 90  # checks, replies, cached pages, seen-before text older than this are pruned (0: kept)
    cache_max_mb: int = 200  # the fetch cache's page text is cut back to this size, oldest first
    max_connections: int = 200  # HTTP mode: open connections at most (idle ones make room for new ones)
    job_lease: float = 30.0  # seconds a stopped process's running jobs wait before another process takes them
    stop_grace: float = 5.0  # seconds running jobs get to finish on SIGTERM; the rest resume at the next start
    extra: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def oauth(self) -> bool:
        """Installs to many workspaces (each with its own token) rather than one SLACK_BOT_TOKEN."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def require(self, *names: str) -> None:
        """Stop with a one-line message when a setting a command needs is not set."""
        for name in names:
            attr = _ATTRS[name]
            if not getattr(self, attr):
                raise SettingsError(f"{name} is not set (see .env.example)")


_ATTRS = {
    "SLACK_BOT_TOKEN": "slack_bot_token",
    "SLACK_SIGNING_SECRET": "slack_signing_secret",
    "SLACK_APP_TOKEN": "slack_app_token",
    "SLACK_CLIENT_ID": "slack_client_id",
    "SLACK_CLIENT_SECRET": "slack_client_secret",
}


def _environment(env: Mapping[str, str] | None, dotenv_path: str | os.PathLike[str] | None) -> dict[str, str]:
    if env is not None:
        return dict(env)
    merged: dict[str, str] = {}
    path = Path(dotenv_path) if dotenv_path else Path.cwd() / ".env"
    if path.is_file():
        merged.update({k: v for k, v in dotenv_values(path).items() if v is not None})
    merged.update(os.environ)  # the real environment wins over the file
    return merged


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _positive_number(env: Mapping[str, str], name: str, default: float, kind: type) -> float | int:
    raw = _blank(env.get(name))
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a positive {'whole ' if kind is int else ''}number, not {raw!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be a positive {'whole ' if kind is int else ''}number, not {raw!r}")
    return value


def _whole_number(env: Mapping[str, str], name: str, default: int) -> int:
    raw = _blank(env.get(name))
    if raw is None:
        return default
    if not raw.isdigit():
        raise SettingsError(f"{name} must be a whole number (0 or more), not {raw!r}")
    return int(raw)


def parse_clock(value: str, name: str = "PROVBOT_DIGEST_TIME") -> str:
    """'9:00' or '09:00' -> '09:00'; anything else is a SettingsError naming the variable."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
    if not match:
        raise SettingsError(f"{name} must be a time of day as HH:MM, not {value!r}")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_zone(value: str, name: str = "PROVBOT_TZ") -> str:
    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{name} must be an IANA time zone such as Europe/Berlin, not {value!r}") from None
    return value.strip()


def _networks(raw: str | None) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    networks = []
    for part in (raw or "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise SettingsError(f"PROVBOT_ALLOW_PRIVATE must list CIDRs such as 10.0.0.0/8, not {part!r}") from None
    return tuple(networks)


def _oauth_values(values: Mapping[str, str], bot_token: str | None, app_token: str | None) -> dict[str, str | None]:
    """SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together, and replace SLACK_BOT_TOKEN (one workspace)."""
    client_id = _blank(values.get("SLACK_CLIENT_ID"))
    client_secret = _blank(values.get("SLACK_CLIENT_SECRET"))
    redirect_uri = _blank(values.get("SLACK_REDIRECT_URI"))
    if bool(client_id) != bool(client_secret):
        raise SettingsError("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET must be set together (Basic Information)")
    if client_id and not re.fullmatch(r"\d+\.\d+", client_id):
        raise SettingsError(f"SLACK_CLIENT_ID must look like 1234567890.1234567890, not {client_id!r}")
    if client_id and bot_token:
        raise SettingsError(
            "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (installs), not both"
        )
    if client_id and app_token:
        raise SettingsError("installs through OAuth need HTTP mode: leave SLACK_APP_TOKEN empty")
    if redirect_uri and not re.match(r"https?://[^/\s]+/\S*$", redirect_uri):
        raise SettingsError(f"SLACK_REDIRECT_URI must be an http(s) address, not {redirect_uri!r}")
    return {"slack_client_id": client_id, "slack_client_secret": client_secret, "slack_redirect_uri": redirect_uri}


def load_settings(env: Mapping[str, str] | None = None, dotenv_path: str | os.PathLike[str] | None = None) -> Settings:
    """Read and validate every setting; `env` replaces the process environment (tests)."""
    values = _environment(env, dotenv_path)
    api_url = _blank(values.get("SLACK_API_URL")) or DEFAULT_API_URL
    if not re.match(r"https?://[^/\s]+", api_url):
        raise SettingsError(f"SLACK_API_URL must be an http(s) address, not {api_url!r}")
    if not api_url.endswith("/"):
        api_url += "/"
    port = _positive_number(values, "PROVBOT_PORT", 3000, int)
    if port > 65535:
        raise SettingsError(f"PROVBOT_PORT must be a port number from 1 to 65535, not {port}")
    level = (_blank(values.get("PROVBOT_LOG_LEVEL")) or "INFO").upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"PROVBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level!r}")
    log_format = (_blank(values.get("PROVBOT_LOG_FORMAT")) or "text").lower()
    if log_format not in LOG_FORMATS:
        raise SettingsError(f"PROVBOT_LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
    bot_token = _blank(values.get("SLACK_BOT_TOKEN"))
    if bot_token and not bot_token.startswith("xoxb-"):
        raise SettingsError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
    app_token = _blank(values.get("SLACK_APP_TOKEN"))
    if app_token and not app_token.startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
    user_agent = _blank(values.get("PROVBOT_USER_AGENT")) or DEFAULT_USER_AGENT
    if not user_agent.isprintable() or len(user_agent) > 300 or not _CONTACT.search(user_agent):
        raise SettingsError("PROVBOT_USER_AGENT must be one printable line naming a contact address (URL or e-mail)")
    outlets_file = _blank(values.get("PROVBOT_OUTLETS"))
    if outlets_file and not Path(outlets_file).is_file():
        raise SettingsError(f"PROVBOT_OUTLETS names a file that does not exist: {outlets_file}")
    return Settings(
        slack_bot_token=bot_token,
        slack_signing_secret=_blank(values.get("SLACK_SIGNING_SECRET")),
        slack_app_token=app_token,
        slack_api_url=api_url,
        **_oauth_values(values, bot_token, app_token),
        db_path=_blank(values.get("PROVBOT_DB")) or "provbot.db",
        host=_blank(values.get("PROVBOT_HOST")) or "0.0.0.0",
        port=int(port),
        allow_private=_networks(values.get("PROVBOT_ALLOW_PRIVATE")),
        fetch_timeout=float(_positive_number(values, "PROVBOT_FETCH_TIMEOUT", 10.0, float)),
        analysis_timeout=float(_positive_number(values, "PROVBOT_ANALYSIS_TIMEOUT", 5.0, float)),
        max_bytes=int(_positive_number(values, "PROVBOT_MAX_BYTES", 5_000_000, int)),
        digest_time=parse_clock(_blank(values.get("PROVBOT_DIGEST_TIME")) or "09:00"),
        tz=parse_zone(_blank(values.get("PROVBOT_TZ")) or "UTC"),
        log_level=level,
        log_format=log_format,
        user_agent=user_agent,
        outlets_file=outlets_file,
        chain_max_fetches=_whole_number(values, "PROVBOT_CHAIN_MAX_FETCHES", 2),
        retention_days=_whole_number(values, "PROVBOT_RETENTION_DAYS", 90),
        cache_max_mb=int(_positive_number(values, "PROVBOT_CACHE_MAX_MB", 200, int)),
        max_connections=int(_positive_number(values, "PROVBOT_MAX_CONNECTIONS", 200, int)),
        job_lease=float(_positive_number(values, "PROVBOT_JOB_LEASE", 30.0, float)),
        stop_grace=float(_positive_number(values, "PROVBOT_STOP_GRACE", 5.0, float)),
        extra=values,
    )
