"""Logging for every command: plain lines for people, or one JSON object a line for log collectors.

`PROVBOT_LOG_FORMAT=json` gives each record as `{"time", "level", "logger", "message"}` (plus `error` with the
exception's type and text when there is one), so a collector can index it without parsing prose. In both formats,
Slack tokens are replaced, tracebacks included, before a line is written.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

LOG_FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "provbot"
_SECRETS = re.compile(r"xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")


def redact(text: str) -> str:
    return _SECRETS.sub("[redacted]", text)


class RedactSecrets(logging.Filter):
    """For handlers this module did not set up (an embedding program's): tokens are replaced in the message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _SECRETS.search(message):
            record.msg, record.args = redact(message), None
        return True


class TextLines(logging.Formatter):
    """`time LEVEL logger: message`, with any traceback below it; secrets redacted from all of it."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonLines(logging.Formatter):
    """One JSON object a line; times in ISO 8601 UTC, like every timestamp the bot stores."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            entry["error"] = redact(f"{type(error).__name__}: {error}")
        return json.dumps(entry, ensure_ascii=False)


_EXTRACTOR_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def configure_logging(level: str, log_format: str = "text") -> None:
    """Send records at `level` and above to standard error, in the chosen format, with secrets redacted."""
    handler = logging.StreamHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonLines() if log_format == "json" else TextLines())
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:  # ours from an earlier call only
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # the main-text extractor warns about its own heuristics ("discarding data: None"), nothing a user can act on
    quiet = logging.DEBUG if root.level <= logging.DEBUG else logging.ERROR
    for name in _EXTRACTOR_LOGGERS:
        logging.getLogger(name).setLevel(quiet)
