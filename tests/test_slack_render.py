"""Block Kit rendering (bot/slack/render.py): escaping, Block Kit limits, compact replies, modals, Home."""

from __future__ import annotations

import json
from typing import Any

from bot.model import Analysis, Copyright, Evidence, InputInfo, License, Outlet, Republication, Reuse, Source
from bot.slack.render import (
    LinkOutcome,
    details_view,
    escape,
    home_view,
    link,
    render_analysis,
    render_failure,
    render_many,
)

NASTY = "Breaking <!channel> & <https://evil.example|click> <@U123>"


def analysis(title: str = NASTY, *, warnings: int = 1, evidence: int = 3) -> Analysis:
    return Analysis(
        input=InputInfo("url", "https://news.example/a?x=1&y=2"),
        title=title,
        outlet=Outlet("RT", "rt.com", kind="state-controlled", country="RU"),
        published="2024-09-07",
        republication=Republication(True, Source("AFP <!here>", published="2024-09-06")),
        copyright=Copyright("© AFP <!everyone>", ["AFP"], 2024),
        reuse=Reuse("open-license", License("CC-BY-4.0", "CC BY 4.0"), summary="Free to reuse with credit <b>"),
        attribution="“Breaking” by AFP <!channel>; CC BY 4.0",
        evidence=[
            Evidence("title", "meta", f'<meta property="og:title" content="{NASTY}"> #{i}') for i in range(evidence)
        ],
        warnings=[f"Warning {i} <!subteam^S1>" for i in range(warnings)],
    )


def all_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def test_escape_and_link() -> None:
    assert escape("a & <b>") == "a &amp; &lt;b&gt;"
    assert link("https://x.org/?a=1&b=2|3", "A | <B>") == "<https://x.org/?a=1&amp;b=2%7C3|A ¦ &lt;B&gt;>"


def test_nothing_from_a_page_can_ping_or_break_layout() -> None:
    rendered = render_analysis(analysis(), check_id=7, share=True)
    dumped = all_text(rendered.blocks) + rendered.text
    for dangerous in ("<!channel>", "<!here>", "<!everyone>", "<@U123>", "<!subteam", "<https://evil", "<b>"):
        assert dangerous not in dumped
    assert "Breaking &lt;!channel&gt; &amp;" in rendered.text  # the plain-text fallback carries the same facts
    assert "state-controlled" in rendered.text and "CC-BY-4.0" in rendered.text
    assert "Credit line" in rendered.text and "Warning 0" in rendered.text
    buttons = [b for block in rendered.blocks for b in [block.get("accessory"), *block.get("elements", [])] if b]
    assert {b.get("action_id") for b in buttons} >= {"provenance_details", "provenance_share"}


def test_block_kit_limits_hold_for_huge_results() -> None:
    big = analysis("T" * 5000, warnings=200, evidence=500)
    big.attribution = "c" * 10_000
    rendered = render_analysis(big, check_id=1)
    assert len(rendered.blocks) <= 50
    for block in rendered.blocks:
        texts = [block.get("text", {}).get("text", "")] + [e.get("text", "") for e in block.get("elements", [])]
        assert all(len(t) <= 3000 for t in texts)
    assert len(rendered.text) <= 4000
    view = details_view(big)
    assert len(view["blocks"]) <= 100 and len(view["title"]["text"]) <= 24
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in view["blocks"])
    assert "<!channel>" not in all_text(view)


def test_many_links_compact_with_skipped_count_pointer_and_failure() -> None:
    outcomes = [
        LinkOutcome("https://a.example/1", analysis=analysis("One"), check_id=1),
        LinkOutcome("https://b.example/2", error="the site answered 404 (Not Found)"),
        LinkOutcome("https://c.example/3", earlier_permalink="https://t.slack.com/archives/C1/p1", earlier_minutes=12),
    ]
    rendered = render_many(outcomes, skipped=2)
    assert len(rendered.blocks) <= 50
    assert "2 more skipped" in rendered.text
    assert "404 (Not Found)" in rendered.text
    assert "12 min ago" in all_text(rendered.blocks)
    assert sum(1 for b in rendered.blocks if b.get("accessory", {}).get("action_id") == "provenance_details") == 1


def test_failure_is_short_and_escaped() -> None:
    rendered = render_failure("https://x.example/a", "refused: <10.0.0.1> is a private\naddress")
    assert (
        rendered.text
        == ":warning: I couldn't check <https://x.example/a>: refused: &lt;10.0.0.1&gt; is a private address"
    )


def test_home_view_lists_checks_and_channels() -> None:
    from bot.checks import CheckRecord
    from bot.slack.channels import ChannelState

    record = CheckRecord(1, "2024-01-01T00:00:00+00:00", "C1", "U1", "1.2", "1.3", "https://a.example/x", "message",
                         True, None, analysis("A <!here> title"))  # fmt: skip
    view = home_view([record], [ChannelState("C1", False, True, "", None), ChannelState("C2", True, True, "", "U1")])
    dumped = all_text(view)
    assert view["type"] == "home" and "<#C1>" in dumped and "muted" in dumped and "<!here>" not in dumped
