"""clean_url: the form addresses are cached under and shown in."""

from __future__ import annotations

import pytest

from bot.fetch.urls import clean_url, is_tracking_param


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://example.com/a?utm_source=x&id=7&utm_medium=y&fbclid=abc",
            "https://example.com/a?id=7",
        ),
        ("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=5&_ga=6", "https://example.com/a"),
        ("HTTPS://News.Example.COM:443/Path/Case?Q=1#section-2", "https://news.example.com/Path/Case?Q=1"),
        ("http://example.com:80/", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com:80/x", "https://example.com:80/x"),
        ("http://example.com", "http://example.com/"),
        ("  https://example.com/a#frag  ", "https://example.com/a"),
        # Order and encoding of what is kept are untouched: the query may be the article id.
        ("https://e.com/p?b=2&a=1&UTM_Campaign=z&c=%2F&d", "https://e.com/p?b=2&a=1&c=%2F&d"),
        ("https://e.com/p?utm%5Fsource=x&k=v", "https://e.com/p?k=v"),
        ("https://e.com/p?id=1&&x=2", "https://e.com/p?id=1&x=2"),
        ("https://e.com/p?", "https://e.com/p"),
        ("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
        ("http://[2001:db8::1]:8443/a", "http://[2001:db8::1]:8443/a"),
        ("https://e.com/utm_source/page?reference=1", "https://e.com/utm_source/page?reference=1"),
        ("mailto:Someone@Example.com", "mailto:Someone@Example.com"),
        ("example.com/a#b", "example.com/a"),
    ],
)
def test_clean_url(raw: str, expected: str) -> None:
    assert clean_url(raw) == expected


def test_clean_url_is_idempotent() -> None:
    once = clean_url("HTTP://Example.com:80/a?utm_source=x&id=3&fbclid=q#top")
    assert clean_url(once) == once == "http://example.com/a?id=3"


def test_tracking_param_names() -> None:
    assert is_tracking_param("utm_content")
    assert is_tracking_param("FBCLID")
    assert not is_tracking_param("id")
    assert not is_tracking_param("page")
