"""`GET /metrics`: the Prometheus text format, and counts that follow what the real bot does through real HTTP."""

from __future__ import annotations

import re

from bot.metrics import Counter, Histogram, exposition
from tests.conftest import RunningBot
from tests.slack_signing import message_event

SAMPLE = re.compile(r'^([a-z_]+)(\{(?:[a-z_]+="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+]+|\+Inf)$')


def _samples(text: str) -> dict[str, float]:
    """Every sample line, keyed by name and labels as written; fails on a line that is not the text format."""
    typed: set[str] = set()
    samples: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            typed.add(line.split()[2])
        elif not line.startswith("# HELP "):
            match = SAMPLE.match(line)
            assert match, line
            name = re.sub(r"_(bucket|sum|count)$", "", match.group(1))
            assert name in typed or match.group(1) in typed, line
            samples[match.group(1) + (match.group(2) or "")] = float(match.group(3))
    return samples


def test_counters_and_histograms_are_written_in_the_text_format() -> None:
    counter = Counter("demo_total", "A demo.")
    counter.inc(outcome='say "hi"\n')
    counter.inc(2, outcome='say "hi"\n')
    histogram = Histogram("demo_seconds", "Demo time.", (0.1, 1.0))
    histogram.observe(0.05, kind="link")
    histogram.observe(0.5, kind="link")
    lines = counter.lines() + histogram.lines()
    assert 'demo_total{outcome="say \\"hi\\"\\n"} 3' in lines
    assert 'demo_seconds_bucket{kind="link",le="0.1"} 1' in lines
    assert 'demo_seconds_bucket{kind="link",le="1"} 2' in lines
    assert 'demo_seconds_bucket{kind="link",le="+Inf"} 2' in lines
    assert 'demo_seconds_count{kind="link"} 2' in lines and 'demo_seconds_sum{kind="link"} 0.55' in lines
    page = exposition({"pending": 2})
    assert _samples(page)['provbot_jobs{state="pending"}'] == 2 and page.endswith("\n")


async def _scrape(bot: RunningBot) -> dict[str, float]:
    async with bot.session.get(f"{bot.base_url}/metrics") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        return _samples(await response.text())


async def test_metrics_follow_a_message_answered_through_real_http(slack_bot: RunningBot) -> None:
    before = await _scrape(slack_bot)
    url = slack_bot.articles.case("afp-barrons.html")
    status, _ = await slack_bot.signed.event(message_event(f"look <{url}>", channel="C700"))
    assert status == 200
    await slack_bot.settle()
    status, _ = await slack_bot.signed.post("{not json")
    assert status == 400
    after = await _scrape(slack_bot)

    def grew(key: str) -> float:
        return after.get(key, 0) - before.get(key, 0)

    assert grew("provbot_slack_requests_total") == 2
    assert grew('provbot_slack_acks_total{status="200"}') == 1 and grew('provbot_slack_acks_total{status="400"}') == 1
    assert grew("provbot_slack_ack_seconds_count") == 2
    assert grew('provbot_slack_posts_total{method="chat.postMessage"}') == 1
    assert grew('provbot_fetches_total{outcome="network"}') == 1
    assert grew('provbot_check_seconds_count{kind="link",result="ok"}') == 1
    assert after['provbot_jobs{state="done"}'] >= 1 and after['provbot_jobs{state="pending"}'] == 0
    assert len(slack_bot.replies()) == 1
