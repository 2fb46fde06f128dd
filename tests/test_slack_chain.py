"""Through the real bot: a copy's reply comes first, then the same reply is updated once the copy has been compared
with its original ("Checked against the original on …"), and the stored check keeps the chain."""

from __future__ import annotations

import json
from typing import Any

from bot.checks import recent_checks
from bot.slack.replies import get_reply
from tests.chain_pages import PARAGRAPHS, copy_page, original_page
from tests.slack_signing import message_event

ORIGINAL_PATH = "environment/river-towns-test-floating-gardens-231907"


async def test_the_reply_comes_first_then_it_is_updated_with_the_chain(start_bot: Any) -> None:
    # The comparison runs in the low-priority background worker: on a machine busy with other tests it can take
    # longer than the default deadline, which is tested on its own (test_chain_follow); here only the relation counts.
    bot = await start_bot(chain_max_fetches=2, analysis_timeout=60.0)
    # the original on a host of its own (localhost), the copy on 127.0.0.1: two sites, both the article server's
    original = bot.articles.add(ORIGINAL_PATH, original_page()).replace("127.0.0.1", "localhost")
    copy = bot.articles.add("news/floating-gardens", copy_page(original, paragraphs=PARAGRAPHS[:8]))
    event = message_event(f"<{copy}>", channel="C700")
    status, _ = await bot.signed.event(event)
    await bot.settle()
    [reply] = bot.replies()
    [update] = bot.slack.calls_to("chat.update")
    assert status == 200 and reply.params["thread_ts"] == event["ts"]
    assert "Edited copy" not in json.dumps(reply.params["blocks"], ensure_ascii=False)  # the answer came first
    answered = get_reply(bot.services.db, "C700", event["ts"])
    assert answered is not None and update.params["channel"] == "C700" and update.params["ts"] == answered.reply_ts
    updated = json.dumps(update.params["blocks"], ensure_ascii=False)
    assert "Edited copy of a CC BY-ND 4.0 piece on localhost: 2 paragraphs cut at the end ✗" in updated
    [check] = recent_checks(bot.services.db, channel="C700")
    assert check.result is not None and [c.relation for c in check.result.chain] == ["edited"]


async def test_nothing_is_followed_when_the_cap_is_zero(slack_bot: Any) -> None:
    original = slack_bot.articles.add(ORIGINAL_PATH, original_page()).replace("127.0.0.1", "localhost")
    copy = slack_bot.articles.add("news/floating-gardens", copy_page(original))
    await slack_bot.signed.event(message_event(f"<{copy}>", channel="C701"))
    await slack_bot.settle()
    assert len(slack_bot.replies()) == 1 and slack_bot.slack.calls_to("chat.update") == []
    assert slack_bot.articles.hits.get(ORIGINAL_PATH, 0) == 0


async def test_a_paste_naming_its_original_only_by_outlet_says_what_would_confirm_it(start_bot: Any) -> None:
    from tests.chain_pages import AUTHOR, HEADLINE

    bot = await start_bot(chain_max_fetches=2)
    credit = "This article is republished from The Conversation under a Creative Commons license."
    pasted = "\n\n".join([HEADLINE, f"By {AUTHOR}", *PARAGRAPHS, credit])
    await bot.signed.event(message_event(pasted, channel="C702"))
    await bot.settle()
    [reply] = bot.replies("C702")
    shown = json.dumps(reply.params["blocks"], ensure_ascii=False)
    assert (
        "The Conversation is named as the original but not linked: a link to the piece on its site would confirm it ?"
        in shown
    )
    assert bot.slack.calls_to("chat.update") == []  # nothing to fetch, nothing to update: the reply said it at once
    [check] = recent_checks(bot.services.db, channel="C702")
    assert check.result is not None and [(c.url, c.relation) for c in check.result.chain] == [("", "unreachable")]
    assert "would confirm it" in check.result.chain[0].findings[0].finding  # the same words as `provbot check`
