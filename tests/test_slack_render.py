"""Block Kit rendering (bot/slack/render.py): escaping, Block Kit limits, compact replies, modals, Home."""

from __future__ import annotations

import json
from typing import Any

from bot.model import Analysis, Copyright, Evidence, InputInfo, License, Outlet, Republication, Reuse, Source
from bot.slack.render import (
    LinkOutcome,
    credit_view,
    details_view,
    escape,
    link,
    render_analysis,
    render_failure,
    render_many,
)
from bot.slack.views import home_view

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
    assert "Breaking &lt;!channel&gt; &amp;" in dumped
    # the notification is the answer, short; the facts, the warnings and the buttons are in the blocks
    assert rendered.text.startswith("Copy of an AFP &lt;!here&gt; piece") and len(rendered.text) < 150
    assert "CC BY 4.0" in rendered.text and "Warning 0" in dumped
    buttons = [b for block in rendered.blocks for b in [block.get("accessory"), *block.get("elements", [])] if b]
    assert {b.get("action_id") for b in buttons} >= {"provenance_details", "provenance_credit", "provenance_share"}


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
    assert "404 (Not Found)" in all_text(rendered.blocks) and len(rendered.text) <= 200
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
    assert view["type"] == "home" and "<#C1>" in dumped and "<!here>" not in dumped
    assert "on request" in dumped and "auto" in dumped


def seed_like() -> Analysis:
    rt = Outlet("RT", "rt.com", "ANO TV-Novosti", "RU", "state-controlled")
    return Analysis(
        input=InputInfo("text"),
        title="ISIS-Daesh, Al Qaeda Et Al",
        outlet=Outlet("Global Research", "globalresearch.ca", country="CA", kind="republisher"),
        authors=["RT News"],
        published="2016-09-30",
        republication=Republication(True, Source("RT Op Edge", published="2016-09-29", outlet=rt)),
        copyright=Copyright("Copyright © RT News, RT Op Edge, 2016", ["RT News", "RT Op Edge"], 2016),
        reuse=Reuse(
            "permission-granted",
            conditions=["acknowledge the source and copyright"],
            summary="Ask RT before republishing: the rights belong to RT.",
            granted_by="Global Research",
        ),
        attribution="“ISIS-Daesh” by RT News, first published by RT Op Edge; © 2016 RT News, RT Op Edge.",
        warnings=["Republished from state-controlled media: RT is ANO TV-Novosti."],
    )


def test_the_reply_answers_first_then_short_fields_and_visible_warnings() -> None:
    rendered = render_analysis(seed_like(), check_id=4, url="https://www.globalresearch.ca/isis/5548573")
    first = rendered.blocks[0]["text"]["text"].split("\n")[0]
    expected = (
        "Copy of an RT piece (Russian state media), republished by Global Research · rights: RT, ask RT before reuse"
    )
    assert first == f"*{expected}*"
    assert rendered.text == expected
    fields = rendered.blocks[1]["text"]["text"]
    assert fields.startswith("*Original:* <https://rt.com|RT> (Russian state media) · 29 Sep 2016")
    assert "*Published by:* <https://www.globalresearch.ca/isis/5548573|Global Research> (republisher)" in fields
    assert "*Rights:* © 2016 RT News, RT Op Edge" in fields and "Copyright ©" not in all_text(rendered.blocks)
    assert "*May we republish?* Ask RT" in fields
    warning = rendered.blocks[2]
    assert warning["type"] == "section" and warning["text"]["text"].startswith(":warning: Republished from state")
    assert all(block["type"] != "context" for block in rendered.blocks)
    # the credit line and the evidence are behind the buttons, not in the reply
    assert "first published by" not in all_text(rendered.blocks)
    actions = rendered.blocks[-1]
    assert [e["text"]["text"] for e in actions["elements"]] == ["Details", "Copy credit line"]
    assert sum(len(b.get("text", {}).get("text", "")) for b in rendered.blocks) < 900


def test_a_licence_is_shown_by_its_human_name() -> None:
    a = analysis("One")
    a.reuse = Reuse(
        "open-license", License("CC-BY-ND-4.0", "CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/")
    )
    dumped = all_text(render_analysis(a, check_id=1).blocks)
    assert "<https://creativecommons.org/licenses/by-nd/4.0/|CC BY-ND 4.0>" in dumped and "[CC-BY-ND-4.0]" not in dumped


def test_without_a_stored_check_the_credit_line_is_shown_to_copy() -> None:
    rendered = render_analysis(seed_like())
    assert "*Credit line:* `“ISIS-Daesh” by RT News" in all_text(rendered.blocks)


def test_each_of_several_links_gets_its_own_compact_block() -> None:
    outcomes = [
        LinkOutcome("https://www.globalresearch.ca/a", analysis=seed_like(), check_id=1),
        LinkOutcome("https://a.example/1", analysis=analysis("One", warnings=0), check_id=2),
    ]
    rendered = render_many(outcomes)
    sections = [b for b in rendered.blocks if b["type"] == "section"]
    assert len(sections) == 2 and [b["type"] for b in rendered.blocks].count("divider") == 1
    assert sections[0]["text"]["text"].startswith("*Copy of an RT piece (Russian state media)")
    assert ":warning: Republished from state-controlled media" in sections[0]["text"]["text"]
    assert [s["accessory"]["value"] for s in sections] == ["1", "2"]


def test_details_and_credit_modals() -> None:
    details = all_text(details_view(seed_like()))
    assert "Credit line to copy" in details and "Terms from:* Global Research" in details
    credit = credit_view(seed_like())
    assert credit["title"]["text"] == "Credit line"
    assert credit["blocks"][0]["text"]["text"].startswith("```“ISIS-Daesh” by RT News")
