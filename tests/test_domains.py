"""Domains: the registered domain of an address, and the country a country domain names."""

from __future__ import annotations

import pytest

from bot.engine.domains import country_of, looks_like_domain, public_domain, registered_domain


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("https://tribunadonorte.com.br/natal/a", "tribunadonorte.com.br"),
        ("https://someone.blogspot.com/2025/01/post.html", "someone.blogspot.com"),  # private suffix: own site
        ("globalresearch.ca", "globalresearch.ca"),
    ],
)
def test_registered_domain(address: str, domain: str) -> None:
    assert registered_domain(address) == domain


def test_hosts_without_a_public_suffix() -> None:
    assert public_domain("http://intranet/page") is None
    assert registered_domain("http://intranet/page") == "intranet"
    assert not looks_like_domain("intranet")
    assert looks_like_domain("www.globalresearch.ca")


@pytest.mark.parametrize(
    ("domain", "country"),
    [
        ("tribunadonorte.com.br", "BR"),
        ("bbc.co.uk", "GB"),  # .uk is not the ISO code
        ("ladepeche.fr", "FR"),
        ("spiegel.de", "DE"),
        ("example.com", None),
        ("theconversation.org", None),
        ("cointelegraph.io", None),  # country domains sold worldwide as names
        ("rumble.tv", None),
        ("europa.eu", None),
        ("", None),
        (None, None),
    ],
)
def test_country_of_a_domain(domain: str | None, country: str | None) -> None:
    assert country_of(domain) == country
