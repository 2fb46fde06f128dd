"""Page structures met on a fresh batch of labelled pages in more languages (Polish, Portuguese, Arabic, Chinese,
Dutch, Italian); each page here is invented to reproduce one."""

from __future__ import annotations

import json

from bot.engine import analyse_html
from tests.engine_helpers import page

ARTICLE_URL = "https://www.harbor-courier.example/news/2025/ferry-strike"


def _ld(data: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_name_escaped_twice_in_the_json_ld_reads_as_the_name() -> None:
    org = {"@type": "Organization", "@id": "https://www.harbor-courier.example/#org", "name": "Harbor&#039;s Web"}
    article = {"@type": "NewsArticle", "headline": "Ferry strike", "copyrightHolder": {"@id": org["@id"]}}
    head = _ld({"@context": "https://schema.org", "@graph": [org, article]})
    result = analyse_html(page("<article><h1>Ferry strike</h1><p>Text.</p></article>", head), ARTICLE_URL).to_dict()
    assert result["copyright"]["holders"] == ["Harbor's Web"]
