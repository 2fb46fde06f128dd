"""`provbot export CHANNEL_ID [--since DATE] [--format csv|json]`: a channel's recorded checks, for records and
audits. Pure formatting of `bot.checks.CheckRecord`s; the command line does the reading and printing."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from bot.checks import CheckRecord

CSV_COLUMNS = (
    "id", "created_at", "channel", "user", "source", "link", "ok", "error", "title", "outlet", "outlet_kind",
    "original", "copyright_holders", "reuse_category", "license", "granted_by", "reuse_summary", "attribution",
    "warnings", "thread_ts", "reply_ts",
)  # fmt: skip
_CHANNEL = re.compile(r"^[CGD][A-Z0-9]+$")


class ExportError(ValueError):
    """Bad usage, said in one line (exit 2)."""


def parse_channel(raw: str) -> str:
    channel = raw.strip()
    if not _CHANNEL.match(channel):
        raise ExportError(f"{raw!r} is not a Slack channel ID (like C0123456789)")
    return channel


def parse_since(raw: str) -> datetime:
    """'2026-11-24' (midnight UTC) or an ISO 8601 date-time (UTC when it names no offset)."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise ExportError(f"--since: expected a date like 2026-11-24, not {raw!r}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _row(record: CheckRecord) -> dict[str, Any]:
    a = record.result
    original = a.republication.original if a and a.republication.is_republication else None
    return {
        "id": record.id,
        "created_at": record.created_at,
        "channel": record.channel,
        "user": record.user,
        "source": record.source,
        "link": record.link,
        "ok": record.ok,
        "error": record.error,
        "title": a.title if a else None,
        "outlet": a.outlet.name if a and a.outlet else None,
        "outlet_kind": a.outlet.kind if a and a.outlet else None,
        "original": (original.outlet.name if original.outlet else original.name) if original else None,
        "copyright_holders": "; ".join(a.copyright.holders) if a else None,
        "reuse_category": a.reuse.category if a else None,
        "license": a.reuse.license.id if a and a.reuse.license else None,
        "granted_by": a.reuse.granted_by if a else None,
        "reuse_summary": a.reuse.summary if a else None,
        "attribution": a.attribution if a else None,
        "warnings": " | ".join(a.warnings) if a else None,
        "thread_ts": record.thread_ts,
        "reply_ts": record.reply_ts,
    }


def to_csv(records: Sequence[CheckRecord]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: ("" if v is None else v) for k, v in _row(record).items()})
    return buffer.getvalue()


def to_json(records: Sequence[CheckRecord]) -> str:
    """One object per check: the summary columns, and the full result as `provbot check --json` prints it."""
    items = [_row(r) | {"result": r.result.to_dict() if r.result else None} for r in records]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
