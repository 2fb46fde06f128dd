"""A JSON-LD node's types, read one way by every reader: one or a list, in any case, as a schema.org address too."""

from __future__ import annotations

import json
from typing import Any

from bot.engine import document
from bot.engine.jsonld_scripts import is_person_node, jsonld_types
from bot.engine.signals.publisher import publisher_keys
from tests.engine_helpers import page


def keys_for(*nodes: dict[str, Any]) -> frozenset[str]:
    script = f"<script type='application/ld+json'>{json.dumps({'@graph': list(nodes)})}</script>"
    return publisher_keys(document.from_html(page("<p>Text.</p>", script), "https://harbor.example/a"))


def test_types_are_read_in_every_form_pages_write_them() -> None:
    assert jsonld_types({"@type": "NewsArticle"}) == {"newsarticle"}
    assert jsonld_types({"@type": ["NewsMediaOrganization", "Organization"]}) == {
        "newsmediaorganization",
        "organization",
    }
    assert jsonld_types({"@type": "https://schema.org/Person"}) == {"person"}
    assert jsonld_types({"@type": 7}) == set()
    assert is_person_node({"type": "Person", "name": "Jo Roe"})
    assert not is_person_node("Jo Roe")


def test_a_publisher_node_typed_by_its_address_names_the_publisher() -> None:
    keys = keys_for({"@type": "https://schema.org/NewsMediaOrganization", "name": "Harbor Ledger"})
    assert keys == keys_for({"@type": "NewsMediaOrganization", "name": "Harbor Ledger"})
    assert keys


def test_an_articles_publisher_typed_as_a_person_is_its_writer_not_a_publisher_name() -> None:
    article = {"@type": "BlogPosting", "headline": "Gulls", "publisher": {"@type": ["Person"], "name": "Jo Roe"}}
    assert keys_for(article) == frozenset()
    article["publisher"] = {"@type": "Organization", "name": "Harbor Ledger"}
    assert keys_for(article)
