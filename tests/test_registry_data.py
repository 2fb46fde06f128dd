"""The shipped outlet registry (bot/data/outlets.toml), checked through the real loader."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from bot.engine.registry import KINDS, REUSE_CATEGORIES, Registry, name_key

SPDX_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]*$")
DOMAIN_LIKE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def test_has_at_least_170_rows(registry):
    assert len(registry.entries) >= 170


def test_every_row_is_complete(registry):
    problems = []
    for entry in registry.entries:
        if not entry.domains:
            problems.append(f"{entry.name}: no domains")
        for domain in entry.domains:
            if not DOMAIN_LIKE.match(domain) or domain.startswith("www."):
                problems.append(f"{entry.name}: odd domain {domain!r}")
        if entry.kind not in KINDS:
            problems.append(f"{entry.name}: kind {entry.kind!r}")
        if not (entry.country and re.fullmatch(r"[A-Z]{2}", entry.country)) or entry.country == "UK":
            problems.append(f"{entry.name}: country {entry.country!r}")
        if not entry.sources or not all(s.startswith(("https://", "http://")) for s in entry.sources):
            problems.append(f"{entry.name}: sources {entry.sources!r}")
        if not entry.name.strip():
            problems.append("a row has an empty name")
    assert not problems, "\n".join(problems)


def test_no_domain_in_two_rows(registry):
    owners: dict[str, list[str]] = defaultdict(list)
    for entry in registry.entries:
        for domain in set(entry.domains):
            owners[domain].append(entry.name)
    shared = {domain: names for domain, names in owners.items() if len(names) > 1}
    assert not shared


def test_no_name_or_alias_in_two_rows(registry):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in registry.entries:
        for alias in (entry.name, *entry.aliases):
            owners[name_key(alias)].add(entry.name)
    shared = {key: sorted(names) for key, names in owners.items() if len(names) > 1}
    assert not shared


def test_terms_are_well_formed(registry):
    with_terms = [entry for entry in registry.entries if entry.terms]
    assert len(with_terms) >= 10
    for entry in with_terms:
        terms = entry.terms
        assert terms.category in REUSE_CATEGORIES, entry.name
        if terms.license is not None:
            assert terms.category == "open-license", f"{entry.name}: licence without open-license"
            assert SPDX_LIKE.match(terms.license), f"{entry.name}: {terms.license!r} is not an SPDX id"
        if terms.url:
            assert terms.url.startswith("https://"), entry.name
        if terms.contact:
            assert "@" in terms.contact or terms.contact.startswith("https://"), entry.name


@pytest.mark.parametrize(
    ("host", "name", "kind"),
    [
        ("www.rt.com", "RT", "state-controlled"),
        ("francais.rt.com", "RT", "state-controlled"),
        ("actualidad.rt.com", "RT", "state-controlled"),
        ("sputnikglobe.com", "Sputnik", "state-controlled"),
        ("apnews.com", "The Associated Press", "wire-service"),
        ("www.reuters.com", "Reuters", "wire-service"),
        ("www.bbc.co.uk", "BBC", "public-broadcaster"),
        ("theconversation.com", "The Conversation", "news"),
        ("www.globalresearch.ca", "Global Research", "republisher"),
        ("globalresearch.ca", "Global Research", "republisher"),
        ("news.yahoo.com", "Yahoo News", "aggregator"),
        ("uk.news.yahoo.com", "Yahoo News", "aggregator"),
        ("finance.yahoo.com", "Yahoo Finance", "aggregator"),
        ("www.msn.com", "MSN", "aggregator"),
        ("someone.substack.com", "Substack", "blog"),
        ("medium.com", "Medium", "blog"),
        ("abcnews.go.com", "ABC News", "news"),
        ("www.abc.net.au", "ABC (Australia)", "public-broadcaster"),
        ("khn.org", "KFF Health News", "news"),
        ("www.wowt.com", "WOWT", "news"),
        ("www.inquirer.com", "The Philadelphia Inquirer", "news"),
        ("www.xinhuanet.com", "Xinhua", "state-controlled"),
    ],
)
def test_by_host(registry, host, name, kind):
    found = registry.by_host(host)
    assert found is not None, host
    entry, _domain = found
    assert entry.name == name
    assert entry.kind == kind


def test_by_host_unknown(registry):
    assert registry.by_host("example.invalid") is None
    assert registry.by_host("google.com") is None


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Associated Press", "The Associated Press"),
        ("AP", "The Associated Press"),
        ("RT Op-Edge", "RT"),
        ("RT Op Edge", "RT"),
        ("Russia Today", "RT"),
        ("The Conversation", "The Conversation"),
        ("the conversation", "The Conversation"),
        ("Centre for Research on Globalization", "Global Research"),
        ("Global Research - Centre for Research on Globalization", "Global Research"),
        ("Agence France-Presse", "AFP"),
        ("Thomson Reuters", "Reuters"),
        ("Kaiser Health News", "KFF Health News"),
        ("Inquirer", "The Philadelphia Inquirer"),
        ("RT.com", "RT"),
    ],
)
def test_by_name(registry, alias, name):
    entry = registry.by_name(alias)
    assert entry is not None, alias
    assert entry.name == name


def test_key_terms(registry):
    conversation = registry.by_name("The Conversation")
    assert conversation.terms.category == "open-license"
    assert conversation.terms.license == "CC-BY-ND-4.0"
    propublica = registry.by_host("www.propublica.org")[0]
    assert propublica.terms.license == "CC-BY-NC-ND-3.0"
    global_research = registry.by_host("globalresearch.ca")[0]
    assert global_research.terms.category == "permission-granted"
    assert global_research.terms.contact == "publications@globalresearch.ca"
    for wire in ("apnews.com", "reuters.com", "afp.com"):
        assert registry.by_host(wire)[0].terms.category == "all-rights-reserved"


def test_user_file_replaces_and_adds(tmp_path):
    user_file = tmp_path / "my_outlets.toml"
    user_file.write_text(
        """
[[outlet]]
name = "RT"
domains = ["rt.com", "rt-mirror.example"]
country = "RU"
kind = "state-controlled"
organization = "Overridden Org"
sources = ["https://example.org/rt"]

[[outlet]]
name = "Local Gazette"
aliases = ["The Gazette of Somewhere"]
domains = ["localgazette.example"]
country = "US"
kind = "news"
sources = ["https://localgazette.example/about"]
[outlet.terms]
category = "permission-granted"
summary = "Republish with credit."
""",
        encoding="utf-8",
    )
    shipped = Registry.load()
    registry = Registry.load(user_file)
    assert len(registry.entries) == len(shipped.entries) + 1
    rt_rows = [entry for entry in registry.entries if name_key(entry.name) == name_key("RT")]
    assert len(rt_rows) == 1
    assert registry.by_name("RT").organization == "Overridden Org"
    assert registry.by_host("www.rt-mirror.example")[0].name == "RT"
    # the shipped row's other domains and aliases go with it
    assert registry.by_host("sputnikglobe.com")[0].name == "Sputnik"
    assert registry.by_name("RT Op-Edge") is None
    gazette = registry.by_host("www.localgazette.example")[0]
    assert gazette.name == "Local Gazette"
    assert gazette.terms.category == "permission-granted"
    assert registry.by_name("Gazette of Somewhere") is gazette
