"""A brand's editions in other countries, each a registry outlet of its own: a piece one edition runs from another
is a copy, however alike their names and addresses; each page here is invented to reproduce a structure met on
labelled real pages."""

from __future__ import annotations

import json

from bot.engine import analyse_html
from bot.engine.registry import load_registry, parse_outlets
from tests.engine_helpers import page

_EDITIONS = """
[[outlet]]
name = "Harbor Ledger"
organization = "Quayside Media SE"
domains = ["harborledger.example"]
country = "US"
kind = "news"
sources = ["https://harborledger.example/about"]

[[outlet]]
name = "Harbor Ledger Deutschland"
organization = "Quayside Media SE"
domains = ["harborledger.example.de"]
country = "DE"
kind = "news"
sources = ["https://harborledger.example.de/impressum"]
"""
URL = "https://www.harborledger.example.de/wirtschaft/faehren-streik-endet/"


def _original(note: str) -> str | None:
    head = '<meta property="og:site_name" content="Harbor Ledger">' + (
        "<script type='application/ld+json'>"
        + json.dumps({"@type": "NewsArticle", "headline": "Fährenstreik endet", "author": "Jo Quayside"})
        + "</script>"
    )
    body = f"<article><h1>Fährenstreik endet</h1><p>Der Streik endete am Dienstag.</p><p><em>{note}</em></p></article>"
    registry = load_registry().with_own(parse_outlets(_EDITIONS))
    republication = analyse_html(page(body, head), URL, registry=registry).to_dict()["republication"]
    original = republication["original"] if republication else None
    return original["name"] if original else None


def test_a_translation_note_naming_the_brands_home_edition_makes_the_piece_its_copy() -> None:
    note = (
        "Dies ist eine maschinelle Übersetzung eines Artikels unserer US-Kollegen von Harbor Ledger. "
        "Er wurde automatisiert übersetzt und von einem Redakteur überprüft."
    )
    assert _original(note) == "Harbor Ledger"


def test_the_editions_own_name_in_a_note_is_no_other_outlet() -> None:
    assert _original("Dies ist eine Übersetzung eines Artikels von Harbor Ledger Deutschland.") is None


def test_a_paper_whose_json_ld_names_its_publishing_company_is_named_by_its_registry_row() -> None:
    # the registry knows the paper at its address; the page names only the company that publishes it
    registry = load_registry().with_own(parse_outlets(_EDITIONS))
    head = (
        "<script type='application/ld+json'>"
        + json.dumps(
            {"@type": "NewsArticle", "headline": "Fährenstreik endet", "publisher": {"name": "Quayside Media SE"}}
        )
        + "</script>"
    )
    body = "<article><h1>Fährenstreik endet</h1><p>Der Streik endete am Dienstag.</p></article>"
    outlet = analyse_html(page(body, head), URL, registry=registry).to_dict()["outlet"]
    assert outlet["name"] == "Harbor Ledger Deutschland"
    for host, name in (("hbl.fi", "Hufvudstadsbladet"), ("www.science.org", "Science Magazine")):
        found = load_registry().by_host(host)
        assert found is not None and found[0].name == name
