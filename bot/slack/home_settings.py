"""The workspace's own settings in the App Home (pure Block Kit and parsing, no I/O): a summary with an Edit
button on the Home tab, the modal that edits them, and reading what was submitted back into `WorkspaceSettings`
(with one-line errors per field, shown by Slack under the field).

The agreements offered are the registry's wire services (subscriptions) and, for syndication deals, any outlet
the registry knows, named one per line, so the reply can match them against a piece's rights holder. Its own
outlet rows are TOML in the PROVBOT_OUTLETS format, checked like that file before they are saved.
"""

from __future__ import annotations

from typing import Any

from bot.agreements import Agreement
from bot.engine.registry import Registry, RegistryError, parse_outlets
from bot.settings import SettingsError, parse_zone
from bot.slack.blockkit import Block, button, context_block, escape, section
from bot.slack.workspace_settings import REPLY_MODES, WorkspaceSettings

EDIT_ACTION = "workspace_settings_edit"
MODAL_CALLBACK = "workspace_settings"
MAX_OPTIONS = 100  # Block Kit's limit for a select's options
OUTLETS_LIMIT = 3000  # Block Kit's limit for a text input: a dozen outlets or so


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text[:75]}


def _option(value: str, label: str | None = None) -> dict[str, Any]:
    return {"text": _plain(label or value), "value": value[:150]}


def _agreement_lines(settings: WorkspaceSettings) -> list[str]:
    return [
        f"{'subscription to' if a.kind == 'subscription' else 'syndication deal with'} {escape(a.party)}"
        for a in settings.agreements
    ]


def home_blocks(settings: WorkspaceSettings, read_only: str | None = None) -> list[Block]:
    """The Home tab's section: this workspace's defaults and agreements, and the button that edits them, or
    instead of it the one-line reason `read_only` why this person may not (`bot.slack.admins`)."""
    digest = (
        f"{settings.digest_clock or 'the default time'} {settings.digest_zone or ''}".strip()
        if settings.digest_clock or settings.digest_zone
        else "the bot's default"
    )
    lines = [
        f"• Daily digest: {escape(digest)}",
        f"• Replies: {'on request' if settings.reply_mode == 'on-request' else 'automatic'} in channels that did"
        " not choose their own mode",
        f"• Agreements: {'; '.join(_agreement_lines(settings)) or 'none'}",
        f"• Own outlets: {_outlet_count(settings.outlets)}",
    ]
    summary = "*This workspace*\n" + "\n".join(lines)
    return [
        {"type": "divider"},
        section(summary) if read_only else section(summary, button("Edit", EDIT_ACTION, "edit")),
        *([context_block(escape(read_only))] if read_only else []),
        context_block(
            "With an agreement, a reply about a piece it covers says so (\u201cyour AP subscription covers this\u201d)"
            " instead of \u201cask … before reuse\u201d."
        ),
    ]


def _outlet_count(outlets: str | None) -> str:
    try:
        count = len(parse_outlets(outlets)) if outlets else 0
    except RegistryError:
        count = 0
    return f"{count} (added to the bot's outlet list for this workspace's checks)" if count else "none"


def _input(block_id: str, label: str, element: dict[str, Any], hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": block_id, "optional": True, "label": _plain(label),
                    "element": {**element, "action_id": "value"}}  # fmt: skip
    if hint:
        block["hint"] = _plain(hint)
    return block


def _wire_names(registry: Registry | None) -> list[str]:
    return [e.name for e in registry.entries if e.is_wire][:MAX_OPTIONS] if registry else []


def settings_modal(settings: WorkspaceSettings, registry: Registry | None) -> dict[str, Any]:
    clock: dict[str, Any] = {"type": "timepicker"}
    if settings.digest_clock:
        clock["initial_time"] = settings.digest_clock
    zone: dict[str, Any] = {"type": "plain_text_input", "placeholder": _plain("Europe/Berlin")}
    if settings.digest_zone:
        zone["initial_value"] = settings.digest_zone
    modes = [_option("auto", "Automatic replies"), _option("on-request", "Only when asked")]
    mode: dict[str, Any] = {"type": "static_select", "options": modes}
    if settings.reply_mode in REPLY_MODES:
        mode["initial_option"] = modes[REPLY_MODES.index(settings.reply_mode)]
    wires: dict[str, Any] = {"type": "multi_static_select", "options": [_option(n) for n in _wire_names(registry)]}
    if chosen := [_option(a.party) for a in settings.agreements if a.kind == "subscription"]:
        wires["initial_options"] = chosen
    deals: dict[str, Any] = {"type": "plain_text_input", "multiline": True}
    if named := [a.party for a in settings.agreements if a.kind == "syndication"]:
        deals["initial_value"] = "\n".join(named)
    outlets: dict[str, Any] = {"type": "plain_text_input", "multiline": True, "max_length": OUTLETS_LIMIT}
    if settings.outlets:
        outlets["initial_value"] = settings.outlets
    return {
        "type": "modal",
        "callback_id": MODAL_CALLBACK,
        "title": _plain("Workspace settings"),
        "submit": _plain("Save"),
        "close": _plain("Cancel"),
        "blocks": [
            _input("digest_clock", "Default digest time", clock, "Channels that set their own keep it."),
            _input("digest_zone", "Default digest time zone", zone, "An IANA zone, e.g. America/New_York"),
            _input("reply_mode", "Default reply mode", mode),
            _input("subscriptions", "Wire subscriptions", wires),
            _input("syndication", "Syndication deals", deals, "One outlet a line, as the bot names it in replies"),
            _input("outlets", "Your own outlets", outlets, "[[outlet]] tables as in PROVBOT_OUTLETS (see the README)"),
        ],
    }


def _value(values: dict[str, Any], block_id: str) -> dict[str, Any]:
    found = values.get(block_id, {}).get("value")
    return found if isinstance(found, dict) else {}


def _text(values: dict[str, Any], block_id: str) -> str:
    return str(_value(values, block_id).get("value") or "").strip()


def parse_submission(
    values: dict[str, Any], registry: Registry | None
) -> tuple[WorkspaceSettings | None, dict[str, str]]:
    """The settings a submitted modal asks for, or the errors to show under its fields."""
    errors: dict[str, str] = {}
    zone = _text(values, "digest_zone") or None
    if zone:
        try:
            zone = parse_zone(zone, "zone")
        except SettingsError:
            errors["digest_zone"] = f"{zone[:40]} is not a time zone; use a name such as Europe/Berlin"
    mode = (_value(values, "reply_mode").get("selected_option") or {}).get("value")
    subscriptions = [o.get("value") for o in _value(values, "subscriptions").get("selected_options") or []]
    agreements = [Agreement("subscription", str(v)) for v in subscriptions if v]
    unknown = []
    for line in _text(values, "syndication").splitlines():
        entry = registry.by_name(line.strip()) if registry and line.strip() else None
        if entry is not None:
            agreements.append(Agreement("syndication", entry.name))
        elif line.strip():
            unknown.append(line.strip()[:40])
    if unknown:
        errors["syndication"] = f"Not an outlet the bot knows: {', '.join(unknown[:3])}"
    outlets = _text(values, "outlets") or None
    if outlets:
        try:
            parse_outlets(outlets)
        except RegistryError as error:
            errors["outlets"] = str(error)[:150]
    if errors:
        return None, errors
    clock = _value(values, "digest_clock").get("selected_time") or None
    reply_mode = mode if mode in REPLY_MODES else None
    return WorkspaceSettings(clock, zone, reply_mode, tuple(dict.fromkeys(agreements)), outlets), {}
