"""What a message asks of the bot (pure): which links are articles, which text is a pasted article."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.link_kinds import NotArticlesError, load_not_articles
from bot.slack.article_text import is_article_paste
from bot.slack.triage import automatic, mentions, on_demand
from tests.slack_paste import slack_delivery

ARTICLE = Path(__file__).parent / "data" / "globalresearch_rt_paste.md"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://www.reuters.com/world/europe/grain-deal-2025-03-01/", None),
        ("https://www.bbc.com/news/world-europe-68000000", None),
        ("https://example.org/my-long-story-slug", None),
        ("https://docs.google.com/document/d/1x/edit", "a tool or document"),
        ("https://acme.zoom.us/j/123", "a tool or document"),
        ("https://gist.github.com/someone/abc", "a tool or document"),
        ("https://docs.python.org/3/library/re.html", "a tool or document"),
        ("https://example.org/files/Report.PDF", "a file"),
        ("https://www.nytimes.com/", "a homepage or section front"),
        ("http://www.globalresearch.ca", "a homepage or section front"),
        ("https://www.bbc.co.uk/news", "a homepage or section front"),
        ("https://www.lemonde.fr/en/", "a homepage or section front"),
        ("mailto:desk@example.org", "not a web address"),
    ],
)
def test_link_kinds(url: str, reason: str | None) -> None:
    assert load_not_articles().reason(url) == reason


def test_a_users_file_extends_the_list_and_a_bad_one_says_why(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text('hosts = ["cms.ourpaper.example"]\nsubdomains = ["preview"]\n', encoding="utf-8")
    rules = load_not_articles(str(own))
    assert rules.reason("https://cms.ourpaper.example/2025/story-draft") == "a tool or document"
    assert rules.reason("https://preview.ourpaper.example/2025/story") == "a tool or document"
    assert rules.reason("https://docs.google.com/a/b") == "a tool or document"  # the shipped list still applies
    bad = tmp_path / "bad.toml"
    bad.write_text('hosts = "one.example"\n', encoding="utf-8")
    with pytest.raises(NotArticlesError, match="hosts must be a list of strings"):
        load_not_articles(str(bad))


BODY = (
    "The county board voted on Tuesday to close two branch libraries and cut opening hours at the rest, saying "
    "a shortfall in property tax revenue left it no choice. Librarians said the closures would hit the villages "
    "where most people have no internet at home, and a petition to keep the branches open has gathered more "
    "than 2,000 signatures since last week."
)


@pytest.mark.parametrize(
    ("text", "paste"),
    [
        (f"Libraries close in two villages\n\nBy Ana Ruiz\n\n{BODY}", True),
        (f"Libraries close in two villages\n\nBY ANA RUIZ | Staff Writer\n\n{BODY}", True),
        (f"MILLBROOK, Ind. (AP) — {BODY}", True),
        (f"{BODY}\n\n© 2025 The Millbrook Ledger", True),
        (f"by the way, can someone cover the council meeting tonight? {BODY}", False),
        (f"By Friday we need the library story. {BODY} Please file by 5.", False),
        (f"Hi team, quick reminder about the library story. {BODY}", False),
        ("By Ana Ruiz", False),  # a byline alone is not an article
        (f"```\n{BODY}\n```", False),
        ("def f(x):\n    return {x: [y for y in range(x)]}  # " + BODY, False),
    ],
)
def test_article_text(text: str, paste: bool) -> None:
    assert is_article_paste(text) is paste


def test_a_paste_is_read_as_a_paste_and_its_footer_links_are_not_fetched() -> None:
    message = {"text": slack_delivery(ARTICLE.read_text(encoding="utf-8"))}
    ask = automatic(message, load_not_articles())
    assert ask.links == [] and ask.text.startswith("Arctic Ports Race Ahead")
    assert "<http" not in ask.text and "www.globalresearch.ca contains copyrighted material" in ask.text
    assert on_demand(message) == ask


def test_links_in_code_are_not_shared_and_on_demand_checks_what_is_there() -> None:
    rules = load_not_articles()
    assert not automatic({"text": "try `curl https://api.example.org/v2/stories/latest-news`"}, rules).wanted
    homepage = {"text": "<@UBOT> what is <https://www.nytimes.com/|nytimes.com>?"}
    assert not automatic(homepage, rules).wanted
    assert on_demand(homepage).links == ["https://www.nytimes.com/"]
    assert not on_demand({"text": "<@UBOT> is this real?"}).wanted  # nothing to check: the thread's first message is
    quote = '<@UBOT> "We will not close a single school this year," the mayor told reporters on Monday.'
    assert on_demand({"text": quote}).text.startswith('"We will not close')
    assert mentions(homepage, "UBOT") and not mentions(homepage, "UOTHER") and not mentions(homepage, None)
