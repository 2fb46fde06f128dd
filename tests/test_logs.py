"""Log lines: plain or JSON (`PROVBOT_LOG_FORMAT`), never with a token in them, through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings

SCRIPT = """
import logging, sys
from bot.cli import main
from bot.logs import configure_logging
from bot.settings import load_settings
settings = load_settings()
configure_logging(settings.log_level, settings.log_format)
log = logging.getLogger("bot.demo")
log.info("posting with xoxb-1234-abcd to %s", "C1")
try:
    raise ValueError("token xapp-1-A0-zz refused")
except ValueError:
    log.exception("start failed")
"""


def _run(tmp_path: Path, **env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], env={**clean, **env}, cwd=tmp_path, capture_output=True, text=True, check=True
    )
    return run.stderr.strip().splitlines()


def test_json_lines_carry_time_level_logger_message_and_error(tmp_path: Path) -> None:
    lines = _run(tmp_path, PROVBOT_LOG_FORMAT="json")
    records = [json.loads(line) for line in lines]
    assert [r["level"] for r in records] == ["INFO", "ERROR"]
    assert records[0]["logger"] == "bot.demo" and records[0]["message"] == "posting with [redacted] to C1"
    assert records[0]["time"].endswith("+00:00")
    assert records[1]["error"] == "ValueError: token [redacted] refused"
    assert "xoxb-" not in "\n".join(lines) and "xapp-" not in "\n".join(lines)


def test_text_lines_are_redacted_too(tmp_path: Path) -> None:
    lines = _run(tmp_path)
    assert "INFO bot.demo: posting with [redacted] to C1" in lines[0]
    assert "ValueError: token [redacted] refused" in lines  # the traceback's last line
    assert all("xoxb-" not in line and "xapp-" not in line for line in lines)


def test_an_unknown_format_names_the_variable() -> None:
    with pytest.raises(SettingsError, match="PROVBOT_LOG_FORMAT must be one of text, json"):
        load_settings({"PROVBOT_LOG_FORMAT": "xml"})


QUIET_SCRIPT = """
import logging, sys
from bot.logs import configure_logging
configure_logging(sys.argv[1])
logging.getLogger("trafilatura.core").warning("discarding data: None")
logging.getLogger("bot.demo").warning("the site refused the fetch")
"""


@pytest.mark.parametrize(("level", "lines"), [("INFO", 1), ("DEBUG", 2)])
def test_the_main_text_extractors_own_warnings_show_only_when_debugging(level: str, lines: int) -> None:
    run = subprocess.run([sys.executable, "-c", QUIET_SCRIPT, level], capture_output=True, text=True, check=True)
    logged = run.stderr.strip().splitlines()
    assert len(logged) == lines and "the site refused the fetch" in logged[-1]
