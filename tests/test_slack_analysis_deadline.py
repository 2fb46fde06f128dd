"""The real bot analyses in worker processes under PROVBOT_ANALYSIS_TIMEOUT (issue 12): a page past the deadline
gets one clear line in the thread, /healthz answers meanwhile, and the next page is read by a fresh worker."""

from __future__ import annotations

from bot.checks import recent_checks
from tests.conftest import RunningBot
from tests.test_slack_e2e import say

# Half a megabyte of article: far past a deadline of one millisecond, as a hostile page was past five seconds.
LONG_PAGE = "<html><body><article>" + "<p>The water came in at dawn, and by noon it was knee deep.</p>" * 9000


async def test_a_page_past_the_deadline_gets_one_line_and_the_bot_keeps_answering(start_bot) -> None:  # type: ignore[no-untyped-def]
    bot: RunningBot = await start_bot(analysis_timeout=0.001)
    pool = bot.server._pool
    assert pool is not None
    url = bot.articles.add("long.html", LONG_PAGE)
    event = await say(bot, f"look {url}", channel="C300")
    [reply] = bot.replies()
    assert reply.params["thread_ts"] == event["ts"]
    assert "this page took too long to read (gave up after 0.001 s)" in reply.params["text"]
    [check] = recent_checks(bot.services.db, channel="C300")
    assert not check.ok and check.error == "this page took too long to read (gave up after 0.001 s)"
    assert pool.replaced == 1
    async with bot.session.get(f"{bot.base_url}/healthz") as response:
        assert response.status == 200
    pool.timeout = 30
    other = bot.articles.case("afp-barrons.html")
    await say(bot, f"and {other}", channel="C301")
    assert "Copy of an AFP wire story" in bot.replies("C301")[0].params["text"]
