"""The page-address reader: a date in the address's path, a weak hint of when the piece was published."""

from __future__ import annotations

import pytest

from bot.engine.signals import url as url_reader
from tests.engine_helpers import context_for_html, context_for_text, of, page, values


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://harborledger.example/2024/03/05/tides-rise/", "2024-03-05"),
        ("https://harborledger.example/news/2016/9/30/story.html", "2016-09-30"),
        ("https://harborledger.example/2024/03/05", "2024-03-05"),
        ("https://harborledger.example/tides-rise-at-the-harbor-20240305/", "2024-03-05"),  # closing the slug
        ("https://harborledger.example/news/2024-03-05-tides-rise", "2024-03-05"),  # opening the slug
        ("https://harborledger.example/archive/2024-03-05/", "2024-03-05"),
    ],
)
def test_date_in_the_path(address: str, expected: str) -> None:
    facts = url_reader.read(context_for_html(page("<p>x</p>"), address))
    published = of(facts, "published")
    assert [f.value for f in published] == [expected]
    assert published[0].signal == "url"
    assert published[0].snippet == address


def test_date_in_the_address_is_weaker_than_metadata() -> None:
    fact = url_reader.read(context_for_html(page("<p>x</p>"), "https://h.example/2024/03/05/a"))[0]
    assert fact.weight < 70  # meta and JSON-LD dates (70, 80) win over the address


@pytest.mark.parametrize(
    "address",
    [
        "https://harborledger.example/tides-rise",
        "https://harborledger.example/2024/03/tides",
        "https://harborledger.example/2024/13/45/impossible",
        "https://harborledger.example/story?date=2024/03/05",
        "https://harborledger.example/id/20240305",
        "https://harborledger.example/tides-2024-03-05",  # inside the slug: a day the story is about
        "https://harborledger.example/news/2024-03-05x",
    ],
)
def test_no_date_in_the_path(address: str) -> None:
    assert url_reader.read(context_for_html(page("<p>x</p>"), address)) == []


def test_no_address_no_date() -> None:
    assert url_reader.read(context_for_html(page("<p>x</p>"))) == []
    assert url_reader.read(context_for_text("Some pasted words.")) == []


@pytest.mark.parametrize(
    ("address", "is_blog"),
    [
        ("https://millbrookbirding.blogspot.com/2025/03/first-phoebe.html", True),
        ("https://someone.blogspot.co.uk/2025/03/post.html", True),
        ("https://harborwatch.wordpress.com/2025/03/05/tides/", True),
        ("https://harborledger.example/2025/03/05/tides/", False),
        ("https://wordpress.com.example/news", False),
    ],
)
def test_blog_platform_sites_are_blogs(address: str, is_blog: bool) -> None:
    kinds = values(url_reader.read(context_for_html(page("<p>x</p>"), address)), "outlet_kind")
    assert kinds == (["blog"] if is_blog else [])


def test_a_saved_pages_canonical_address_gives_the_date_its_own_address_lacks() -> None:
    head = '<link rel="canonical" href="https://harborledger.example/world/tides/2015/03/18/ab12_story.html">'
    for address in (None, "https://harborledger.example/s/ab12"):
        facts = url_reader.read(context_for_html(page("<p>x</p>", head), address))
        assert values(facts, "published") == ["2015-03-18"]


def test_a_canonical_address_on_another_site_dates_the_original_not_this_copy() -> None:
    head = '<link rel="canonical" href="https://partner.example/2015/03/18/tides/">'
    facts = url_reader.read(context_for_html(page("<p>x</p>", head), "https://harborledger.example/s/ab12"))
    assert values(facts, "published") == []
