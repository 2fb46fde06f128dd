"""The digest's content and layout: counts, groups, reuse, escaping, and Slack's limits with a day of 300 checks."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from bot.checks import checks_between, record_check
from bot.digest.content import build_digest, failure_reason, thread_url
from bot.digest.render import MAX_BLOCKS, MAX_TEXT, render_messages, render_plain
from bot.model import Analysis, InputInfo, License, Outlet, Republication, Reuse, Source

RT = Outlet("RT", "rt.com", "TV-Novosti", "RU", "state-controlled")
GR = Outlet("Global Research", "globalresearch.ca", "CRG", "CA", "republisher")
AP = Outlet("Associated Press", "apnews.com", "AP", "US", "wire-service")
BBC = Outlet("BBC News", "bbc.com", "BBC", "GB", "public-broadcaster")
CONV = Outlet("The Conversation", "theconversation.com", "The Conversation", "GB", "news")

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
END = START + timedelta(hours=24)


def analysis(
    title: str,
    outlet: Outlet | None,
    *,
    original: Outlet | None = None,
    category: str = "unknown",
    license_id: str | None = None,
    conditions: list[str] | None = None,
    restrictions: list[str] | None = None,
    attribution: str = "",
    url: str | None = None,
) -> Analysis:
    return Analysis(
        input=InputInfo("url" if url else "text", url, url),
        title=title,
        outlet=outlet,
        republication=Republication(
            is_republication=original is not None,
            original=Source(original.name, outlet=original) if original else None,
        ),
        reuse=Reuse(
            category=category,  # type: ignore[arg-type]
            license=License(license_id, license_id) if license_id else None,
            conditions=conditions or [],
            restrictions=restrictions or [],
        ),
        attribution=attribution,
    )


def add(
    db: sqlite_utils.Database,
    minutes: int,
    result: Analysis | None,
    *,
    link: str | None = None,
    error: str | None = None,
    channel: str = "C1",
    source: str = "message",
    ts: str | None = "auto",
) -> None:
    when = START + timedelta(minutes=minutes)
    message_ts = f"{int(when.timestamp())}.{minutes:06d}" if ts == "auto" else ts
    record_check(
        db,
        channel=channel,
        user="U1",
        message_ts=message_ts,
        link=link,
        source=source,
        result=result,
        error=error,
        now=when,
    )


@pytest.fixture
def db() -> sqlite_utils.Database:
    return sqlite_utils.Database(memory=True)


def sample_day(db: sqlite_utils.Database) -> None:
    """The channel's day: two RT pieces on Global Research, AP, BBC, openly licensed and failed checks."""
    add(
        db,
        1,
        analysis(
            "ISIS-Daesh: US has always been main sponsor",
            GR,
            original=RT,
            category="permission-granted",
            conditions=["acknowledge the source and copyright with a link to the original"],
            restrictions=["publication in print or commercial sites needs permission"],
            attribution="RT, republished by Global Research",
        ),
        link="https://www.globalresearch.ca/isis-daesh/5548757",
    )
    add(db, 2, analysis("Another RT piece", GR, original=RT), link="https://www.globalresearch.ca/other/1")
    add(db, 3, analysis("Markets fall", AP, category="all-rights-reserved"), link="https://apnews.com/a")
    add(db, 4, analysis("Weather", BBC, category="all-rights-reserved"), link="https://bbc.com/w")
    add(
        db,
        5,
        analysis(
            "Why bees matter",
            CONV,
            category="open-license",
            license_id="CC-BY-ND-4.0",
            restrictions=["no edits or adaptations: republish verbatim only"],
            attribution="Jane Doe, The Conversation, CC BY-ND 4.0",
        ),
        link="https://theconversation.com/bees",
    )
    add(
        db,
        6,
        analysis(
            "Why bees matter",
            CONV,
            category="open-license",
            license_id="CC-BY-ND-4.0",
            attribution="Jane Doe, The Conversation, CC BY-ND 4.0",
        ),
        link="https://theconversation.com/bees",
    )
    add(
        db,
        7,
        analysis(
            "Pasted NC piece",
            None,
            category="open-license",
            license_id="CC-BY-NC-4.0",
            restrictions=["no commercial use"],
            attribution="Someone, CC BY-NC 4.0",
        ),
    )
    add(db, 8, None, link="http://127.0.0.1/x", error="refused: 127.0.0.1 is a private address")
    add(db, 9, None, link="http://10.0.0.2/x", error="refused: 10.0.0.2 is a private address")
    add(db, 10, None, link="https://example.com/slow", error="timeout: no answer in 10 seconds")
    # A private /provenance check, never shared: not the channel's business.
    add(db, 11, analysis("My secret check", AP), link="https://apnews.com/secret", source="slash", ts=None)
    # Another channel's check.
    add(db, 12, analysis("Elsewhere", AP), link="https://apnews.com/else", channel="C2")


def test_counts_failures_and_outlets(db: sqlite_utils.Database) -> None:
    sample_day(db)
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    assert (digest.total, digest.links, digest.pastes, digest.failed) == (10, 9, 1, 3)
    assert [(g.reason, g.count) for g in digest.failures] == [("refused", 2), ("timeout", 1)]
    assert digest.failures[0].example == "refused: 127.0.0.1 is a private address"
    assert digest.outlets == [
        ("Global Research", None, 2),
        ("The Conversation", None, 2),
        ("Associated Press", "wire service", 1),
        ("BBC News", "public broadcaster", 1),
        ("unidentified outlet", None, 1),
    ]
    assert all(item.title != "My secret check" for item in digest.items)


def test_republications_state_media_and_reuse(db: sqlite_utils.Database) -> None:
    sample_day(db)
    credit_only = ["the source and copyright are acknowledged", "a hyperlink to the original article"]
    add(
        db,
        20,
        analysis("GR's own piece", GR, category="permission-granted", conditions=credit_only, attribution="GR"),
        link="https://www.globalresearch.ca/own/1",
    )
    add(
        db,
        21,
        analysis("GR's other piece", GR, category="permission-granted", conditions=["only on community sites"]),
        link="https://www.globalresearch.ca/own/2",
    )
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    assert [(r.original, r.republisher, r.count, r.state_controlled) for r in digest.republications] == [
        ("RT", "Global Research", 2, True)
    ]
    assert [i.title for i in digest.state_items] == ["ISIS-Daesh: US has always been main sponsor", "Another RT piece"]
    assert digest.reuse == {"open-license": 3, "permission-granted": 3, "all-rights-reserved": 2, "unknown": 1}
    assert digest.licences == [("CC-BY-ND-4.0", 2), ("CC-BY-NC-4.0", 1)]
    # The same piece checked twice is listed once; all-rights-reserved and unknown are not listed. Global
    # Research's grant cannot license the RT piece it republished, nor a use whose condition is more than credit.
    notes = {i.title: i.reuse_note for i in digest.reusable}
    assert list(notes) == ["Why bees matter", "Pasted NC piece", "GR's own piece"]
    assert notes["Why bees matter"] == "CC BY-ND 4.0: credit as shown"  # ND allows verbatim copies
    assert notes["Pasted NC piece"] == "CC BY-NC 4.0: credit as shown; no commercial use"
    assert notes["GR's own piece"] == (
        "publisher's grant, provided: the source and copyright are acknowledged; a hyperlink to the original article"
    )


def test_plain_text_reads_as_the_issue_asks(db: sqlite_utils.Database) -> None:
    sample_day(db)
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END, "Europe/Berlin")
    text = render_plain(digest)
    assert text.startswith("Provenance digest: 10 checks, Mon 23 Nov 10:00 to Tue 24 Nov 10:00 (Europe/Berlin)")
    assert "10 checks: 9 links, 1 paste; 7 analysed, 3 could not be checked." in text
    assert "• refused ×2 (e.g. refused: 127.0.0.1 is a private address)" in text
    assert "• timeout: no answer in 10 seconds" in text
    assert "• Associated Press (wire service)" in text
    assert "• RT → Global Research ×2 [state-controlled media]" in text
    assert "openly licensed (CC BY-ND 4.0 ×2, CC BY-NC 4.0): 3 · publisher's grant: 1" in text
    assert "Credit: Jane Doe, The Conversation, CC BY-ND 4.0" in text
    assert "thread: https://slack.com/archives/C1/p" in text
    assert "My secret check" not in text and "Elsewhere" not in text


def test_blocks_escape_page_text_and_link_threads(db: sqlite_utils.Database) -> None:
    add(
        db,
        1,
        analysis("<!channel> Tom & Jerry <b>", Outlet("A <script> & co", kind="news"), attribution="<@U999> & co"),
        link="https://ex.com/a?x=1&y=<2>|3",
    )
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    [message] = render_messages(digest)
    texts = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    joined = "\n".join(texts)
    assert "<!channel>" not in joined and "<@U999>" not in joined and "<script>" not in joined
    assert "&lt;!channel&gt; Tom &amp; Jerry &lt;b&gt;" in joined
    assert "<https://ex.com/a?x=1&amp;y=&lt;2&gt;%7C3|" in joined
    assert "<!channel>" not in message.text and "&lt;!channel&gt;" in message.text
    ts = f"{int((START + timedelta(minutes=1)).timestamp())}.000001"
    assert f"<{thread_url('C1', ts)}|thread>" in joined
    assert thread_url("C1", "1700000000.123456") == "https://slack.com/archives/C1/p1700000000123456"
    assert thread_url("C1", None) is None


def test_failure_reason_groups_by_kind() -> None:
    assert failure_reason("refused: 127.0.0.1 is a private address") == "refused"
    assert failure_reason("HTTP 404 Not Found") == "HTTP 404 Not Found"
    assert failure_reason(None) == "unknown error"
    long = "x" * 50 + ": detail"
    assert failure_reason(long) == long  # a long head is no kind: keep the whole line


def test_empty_day_is_empty(db: sqlite_utils.Database) -> None:
    add(db, -60, analysis("Yesterday", AP), link="https://apnews.com/y")
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    assert digest.empty


def day_of(db: sqlite_utils.Database, n: int) -> None:
    outlets = [RT, GR, AP, BBC, CONV] + [Outlet(f"Outlet {i} " + "w" * 40, kind="news") for i in range(40)]
    for i in range(n):
        outlet = outlets[i % len(outlets)]
        if i % 17 == 0:
            add(db, i, None, link=f"https://host{i}.example/x", error=f"fetch failed: HTTP {400 + i % 7}")
            continue
        add(
            db,
            i,
            analysis(
                f"Article {i:03d} " + "with a long & <odd> title " * 8,
                outlet,
                original=RT if i % 5 == 1 else None,
                category=["open-license", "permission-granted", "all-rights-reserved", "unknown"][i % 4],
                license_id="CC-BY-4.0" if i % 4 == 0 else None,
                conditions=["credit the author and the original publisher, with a link to the original"],
                attribution=f"Author {i}, {outlet.name}, CC BY 4.0 " + "long credit " * 20,
            ),
            link=f"https://{outlet.domain or 'example.org'}/article/{i}?a=1&b=2",
        )


def _section_texts(messages) -> list[str]:
    return [b["text"]["text"] for m in messages for b in m.blocks if b["type"] == "section"]


@pytest.mark.parametrize(("max_blocks", "max_text"), [(MAX_BLOCKS, MAX_TEXT), (8, 1500)])
def test_a_day_of_300_checks_respects_slack_limits(db: sqlite_utils.Database, max_blocks: int, max_text: int) -> None:
    day_of(db, 300)
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    assert digest.total == 300
    messages = render_messages(digest, max_blocks=max_blocks, max_text=max_text)
    assert len(messages) > 1
    for number, message in enumerate(messages, start=1):
        assert len(message.blocks) <= max_blocks
        assert len(message.text) < 40_000
        for block in message.blocks:
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= 150
            elif block["type"] == "section":
                assert len(block["text"]["text"]) <= max_text
        assert message.blocks[-1]["elements"][0]["text"] == f"Provenance digest, part {number} of {len(messages)}"
    # Never cut mid-item: every check's line is whole in exactly one block of the "checked" list.
    item_lines = [
        line for text in _section_texts(messages) if text.startswith("*Checked") for line in text.split("\n")[1:]
    ]
    assert len(item_lines) == 300
    ts_seen = [re.search(r"archives/C1/p(\d+)\|thread>$", line).group(1) for line in item_lines]  # type: ignore[union-attr]
    assert len(set(ts_seen)) == 300
    # Republish-as-is entries carry their credit line in the same block as the item.
    reusable = [t for t in _section_texts(messages) if t.startswith("*You may republish")]
    entries = [e for t in reusable for e in t.split("\n• ")[1:]]
    assert len(entries) == len(digest.reusable) > 0
    assert all("\n      Credit: Author " in entry for entry in entries)
    # The plain text form has every item too.
    checked = render_plain(digest).split("\nChecked, with links to the threads\n")[1]
    assert checked.count("thread: https://slack.com/archives/C1/") == 300


def test_small_digest_is_one_message(db: sqlite_utils.Database) -> None:
    sample_day(db)
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    [message] = render_messages(digest)
    assert message.blocks[0]["type"] == "header"
    assert not any("part 1 of" in json.dumps(b) for b in message.blocks)  # no "part 1 of 1"
    # under the header, the window in Slack date tokens: each reader sees it in their own zone
    window = message.blocks[1]["elements"][0]["text"]
    assert window.startswith(f"<!date^{int(START.timestamp())}^{{date_short_pretty}} {{time}}|")
    assert f"<!date^{int(END.timestamp())}^" in window


SEED = Path("/work/shared/seeds/globalresearch-rt-2016.txt")


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed article is not on this machine")
def test_real_engine_result_round_trips_into_the_digest(db: sqlite_utils.Database) -> None:
    """The engine's own result for the Global Research copy of an RT piece, stored and read back as the bot does."""
    from bot.engine.pipeline import analyse_text
    from bot.engine.registry import load_registry

    result = analyse_text(SEED.read_text(encoding="utf-8"), registry=load_registry())
    add(db, 1, result, link="https://www.globalresearch.ca/isis-daesh/5548757")
    add(db, 2, result, link="https://www.globalresearch.ca/isis-daesh/5548757")
    digest = build_digest("C1", checks_between(db, "C1", START, END), START, END)
    text = render_plain(digest)
    assert "• RT → Global Research ×2 [state-controlled media]" in text
    assert digest.reuse["permission-granted"] == 2
    assert digest.reusable == []  # Global Research's grant cannot license RT's piece
