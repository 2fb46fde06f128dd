"""Block Kit for everything the bot says (pure functions, no I/O): the reply that answers first, the modals
behind its buttons, and the bot's fixed texts, lists and Home tab. The building blocks and their escaping are in
`bot.slack.blockkit` (re-exported here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.agreements import republish_line
from bot.chain.render import chain_one_liner
from bot.engine.dates import human_date
from bot.model import Analysis, Outlet, Source
from bot.slack.blockkit import (
    MESSAGE_BLOCKS,
    SECTION_LIMIT,
    VIEW_BLOCKS,
    Block,
    Rendered,
    button,
    clip,
    code,
    context_block,
    escape,
    host_of,
    link,
    modal,
    section,
)
from bot.summary import headline, kind_note, license_label, notice_text, same_party

DETAILS_ACTION = "provenance_details"
CREDIT_ACTION = "provenance_credit"
SHARE_ACTION = "provenance_share"
MAX_LINKS = 5
NOTIFICATION_LIMIT = 200  # several links: the count and the first answers; one link: its answer (< 150)


@dataclass
class LinkOutcome:
    """What happened to one link of a message: analysed, failed, or pointed to an earlier reply."""

    link: str
    analysis: Analysis | None = None
    check_id: int | None = None
    error: str | None = None
    earlier_permalink: str | None = None
    earlier_minutes: int | None = None
    covered: str | None = None  # the workspace's agreement that covers the piece ("your AP subscription covers this")


def _details_button(check_id: int | None) -> Block | None:
    return button("Details", DETAILS_ACTION, str(check_id)) if check_id is not None else None


def _heading(a: Analysis, url: str | None) -> str:
    label = clip(a.title or (host_of(url) if url else "Pasted text"), 250)
    return f"*{link(url, label)}*" if url else f"*{escape(label)}*"


# -- the reply: the answer first ------------------------------------------------------------------------------


def _home(outlet: Outlet | None) -> str | None:
    return f"https://{outlet.domain}" if outlet and outlet.domain else None


def _named(name: str, url: str | None, note: str | None = None) -> str:
    """A name linked to its page when there is one, with what the reader should know about it."""
    text = link(url, name) if url else escape(name)
    return text + (f" ({escape(note)})" if note else "")


def _source_line(source: Source) -> str:
    outlet = source.outlet
    text = _named(outlet.name if outlet else source.name, source.url or _home(outlet), kind_note(outlet))
    extras = [source.name if outlet and not same_party(source.name, outlet.name) else None]
    extras.append(human_date(source.published))
    return " · ".join([text, *(escape(x) for x in extras if x)])


def field_lines(a: Analysis, url: str | None, covered: str | None = None) -> list[str]:
    """Original, Published by, Rights, May we republish?: one short line each, names linked to their pages."""
    lines = []
    rep = a.republication
    if rep.is_republication and rep.original:
        lines.append(f"*Original:* {_source_line(rep.original)}")
    lines += [f"*Via:* {_source_line(via)}" for via in rep.via[:3]]
    if a.outlet or a.published:
        published = [_named(a.outlet.name, url or _home(a.outlet), kind_note(a.outlet)) if a.outlet else "not named"]
        published.append(escape(human_date(a.published) or ""))
        if a.authors:
            published.append("by " + escape(clip(", ".join(a.authors), 120)))
        lines.append(f"*Published by:* {' · '.join(x for x in published if x)}")
    rights = []
    if a.reuse.license:
        rights.append(_named(license_label(a.reuse.license), a.reuse.license.url))
    if notice := notice_text(a.copyright):
        rights.append(escape(clip(notice, 200)))
    if rights:
        lines.append(f"*Rights:* {' · '.join(rights)}")
    answer = republish_line(covered, a.reuse.summary) if covered else a.reuse.summary
    lines.append(f"*May we republish?* {escape(clip(answer, 400))}")
    return lines


def _warning_lines(a: Analysis, limit: int, size: int) -> list[str]:
    return [f":warning: {escape(clip(w, size))}" for w in a.warnings[:limit]]


def _title_line(a: Analysis, url: str | None) -> str:
    label = clip(a.title or (host_of(url) if url else "Pasted text"), 200)
    return f"_{link(url, label)}_" if url else f"_{escape(label)}_"


def render_analysis(
    a: Analysis, *, check_id: int | None = None, url: str | None = None, share: bool = False, covered: str | None = None
) -> Rendered:
    """The reply for one article: the answer, four short fields, the warnings in full view; the evidence, the
    credit line and the full terms behind buttons, so the whole reply fits one phone screen."""
    url = url or a.input.final_url or a.input.url
    blocks: list[Block] = [
        section(f"*{escape(headline(a, covered))}*\n{_title_line(a, url)}"),
        section("\n".join(field_lines(a, url, covered))),
    ]
    if a.warnings:
        blocks.append(section("\n".join(_warning_lines(a, 10, 600))))
    if a.chain and (checked := chain_one_liner(a.chain)):
        blocks.append(section(escape(checked)))
    buttons = []
    if check_id is not None:
        buttons += [
            button("Details", DETAILS_ACTION, str(check_id)),
            button("Copy credit line", CREDIT_ACTION, str(check_id)),
        ]
    elif a.attribution:
        # no stored check for the buttons to open: the credit line itself, ready to copy
        blocks.append(section(f"*Credit line:* {code(clip(a.attribution, 1000))}"))
    if share and check_id is not None:
        buttons.append(button("Share in channel", SHARE_ACTION, str(check_id), "primary"))
    if buttons:
        blocks.append({"type": "actions", "elements": buttons})
    return Rendered(escape(headline(a, covered)), blocks[:MESSAGE_BLOCKS])


def render_failure(target: str | None, reason: str) -> Rendered:
    """A short, friendly reason in the thread (the fetcher's one line), never silence and never a traceback."""
    what = link(target) if target else "that text"
    reason = clip(" ".join(str(reason).split()), 500) or "something went wrong"
    text = f":warning: I couldn't check {what}: {escape(reason)}"
    return Rendered(text, [section(text)])


def _compact(outcome: LinkOutcome) -> tuple[list[Block], str]:
    """One link of several: its answer and title, its warnings, a Details button; the fields are in Details."""
    if outcome.earlier_permalink or outcome.earlier_minutes is not None:
        pointer = _pointer_text(outcome.link, outcome.earlier_permalink, outcome.earlier_minutes)
        return [section(pointer)], pointer
    if outcome.analysis is None:
        reason = escape(clip(" ".join((outcome.error or "something went wrong").split()), 300))
        text = f"{link(outcome.link, host_of(outcome.link))}\n:warning: couldn't check it: {reason}"
        return [section(text)], f"{escape(host_of(outcome.link))}: couldn't check it: {reason}"
    a = outcome.analysis
    answer = headline(a, outcome.covered)
    lines = [f"*{escape(answer)}*", _title_line(a, outcome.link), *_warning_lines(a, 3, 300)]
    return [section("\n".join(lines), _details_button(outcome.check_id))], escape(answer)


def render_many(outcomes: Sequence[LinkOutcome], skipped: int = 0) -> Rendered:
    """One compact reply covering several links (at most MAX_LINKS), saying how many more were left out."""
    intro = f"Provenance for {len(outcomes)} links"
    if skipped:
        intro += f" ({skipped} more skipped: I check up to {MAX_LINKS} links per message)"
    blocks: list[Block] = [context_block(intro)]
    texts = [intro]
    for i, outcome in enumerate(outcomes):
        if i:
            blocks.append({"type": "divider"})
        part, plain = _compact(outcome)
        blocks += part
        texts.append(plain)
    # the notification: how many links, and the first answers as far as a line goes
    return Rendered(clip(" · ".join(texts), NOTIFICATION_LIMIT), blocks[:MESSAGE_BLOCKS])


def _ago(minutes: int | None) -> str:
    if minutes is None:
        return "recently"
    if minutes < 1:
        return "just now"
    return f"{minutes} min ago"


def _pointer_text(url: str, permalink: str | None, minutes: int | None) -> str:
    where = link(permalink, "see the earlier reply") if permalink else "see the earlier reply in this channel"
    return f":repeat: {link(url, host_of(url))} was checked here {_ago(minutes)}: {where}"


def render_pointer(url: str, permalink: str | None, minutes: int | None) -> Rendered:
    """The one line sent instead of a repeat when the same link was checked in the channel within the hour."""
    text = _pointer_text(url, permalink, minutes)
    return Rendered(text, [section(text)])


def render_note(text: str) -> Rendered:
    """A short message the bot writes itself (already mrkdwn)."""
    return Rendered(text, [section(text)])


# -- the Details modal ----------------------------------------------------------------------------------------


def terms_lines(a: Analysis) -> list[str]:
    """The full reuse terms: what the reply's one line summarises."""
    reuse = a.reuse
    lines = [f"*May we republish?* {escape(clip(reuse.summary, 600))}"]
    if reuse.granted_by:
        lines.append(f"*Terms from:* {escape(reuse.granted_by)}")
    lines += [f"• must: {escape(clip(c, 300))}" for c in reuse.conditions[:10]]
    lines += [f"• not without permission: {escape(clip(r, 300))}" for r in reuse.restrictions[:10]]
    if reuse.contact:
        lines.append(f"*Permissions contact:* {escape(reuse.contact)}")
    return lines


def details_view(a: Analysis, *, url: str | None = None) -> dict[str, Any]:
    """A modal with the credit line, the full terms, and where each claim came from: the field, the kind of
    signal, and the tag or line itself."""
    url = url or a.input.final_url or a.input.url
    blocks: list[Block] = [section(_heading(a, url))]
    if a.attribution:
        blocks.append(section(f"*Credit line to copy:*\n{code(clip(a.attribution, 1000))}"))
    blocks.append(section("\n".join(terms_lines(a))))
    blocks.append(section("*Evidence*"))
    chunk: list[str] = []
    size = 0
    for row in a.evidence:
        entry = f"*{escape(row.field)}* · _{escape(row.signal)}_\n>{escape(clip(' '.join(row.snippet.split()), 600))}"
        if chunk and size + len(entry) + 2 > SECTION_LIMIT - 100:
            blocks.append(section("\n\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(entry)
        size += len(entry) + 2
    if chunk:
        blocks.append(section("\n\n".join(chunk)))
    if not a.evidence:
        blocks.append(section("_No evidence rows: nothing on the page said who published it or on what terms._"))
    if len(blocks) > VIEW_BLOCKS:
        blocks = [
            *blocks[: VIEW_BLOCKS - 1],
            context_block("…more evidence than fits here; `provbot check --json` shows all."),
        ]
    return modal("Provenance details", blocks)


def credit_view(a: Analysis) -> dict[str, Any]:
    """The credit line alone, in a block that is easy to select and copy (long-press on a phone)."""
    credit = a.attribution or "No credit line: nothing here names a title, an author or a publisher."
    blocks = [section(f"```{escape(clip(credit.replace('`', 'ʼ'), 2900))}```")]
    blocks.append(context_block("Paste it under the piece when you quote or republish it."))
    return modal("Credit line", blocks)


def details_view_missing() -> dict[str, Any]:
    return modal(
        "Provenance details", [section("That check is no longer stored. Post the link again to check it anew.")]
    )


# -- choosing a rendering -------------------------------------------------------------------------------------


def render_outcomes(outcomes: Sequence[LinkOutcome], skipped: int = 0, *, share: bool = False) -> Rendered:
    """The reply for a message's outcomes: one full answer for one result, compact blocks for several.

    `share` adds the "Share in channel" button under a private `/provenance` answer.
    """
    if len(outcomes) == 1 and not skipped:
        only = outcomes[0]
        if only.analysis is not None:
            return render_analysis(
                only.analysis, check_id=only.check_id, url=only.link or None, share=share, covered=only.covered
            )
        if only.error is not None:
            return render_failure(only.link or None, only.error)
        return render_pointer(only.link, only.earlier_permalink, only.earlier_minutes)
    rendered = render_many(outcomes, skipped)
    ids = [o.check_id for o in outcomes if o.analysis is not None and o.check_id is not None]
    if share and ids:
        rendered.blocks.append(
            {"type": "actions", "elements": [button("Share in channel", SHARE_ACTION, ",".join(map(str, ids)))]}
        )
    return rendered
