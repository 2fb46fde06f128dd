"""The names a page gives its own publisher in its head: the site's name, the publisher of its JSON-LD objects and
the holder in its copyright meta. An "author" that is one of these is the company, not a writer ("Condé Nast" in
<meta name="author">, "The Daily Courier" as a JSON-LD Person)."""

from __future__ import annotations

from bot.engine.document import Document
from bot.engine.jsonld_scripts import is_person_node, jsonld_types
from bot.engine.notices import parse_notice
from bot.engine.party import is_writers_own_site
from bot.engine.registry import name_key

_SITE_NAMES = ("og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher")
_RIGHTS = ("copyright", "dc.rights", "dcterms.rights", "rights")
_COMPANY_TYPES = frozenset({"newsmediaorganization", "organization"})


def _jsonld_publishers(doc: Document) -> list[str]:
    names = []
    for obj in doc.jsonld:
        publishers = obj.get("publisher")
        for publisher in publishers if isinstance(publishers, list) else [publishers]:
            # a personal blog's publisher is its writer
            is_company = isinstance(publisher, dict) and not is_person_node(publisher)
            if is_company and isinstance(name := publisher.get("name"), str):  # type: ignore[union-attr]
                names.append(name)
        # a graph's node may list its types (["NewsMediaOrganization", "Organization"])
        if jsonld_types(obj) & _COMPANY_TYPES and obj.get("name"):
            names.append(str(obj["name"]))
    return names


def publisher_keys(doc: Document) -> frozenset[str]:
    """name_key()s of every name the page's head gives its publisher."""
    names = [value for name in _SITE_NAMES for value in doc.meta.get(name, ())]
    names += _jsonld_publishers(doc)
    for name in _RIGHTS:
        for value in doc.meta.get(name, ()):
            if parsed := parse_notice(value if "©" in value or "opyright" in value else f"© {value}"):
                names += parsed[0]
    return frozenset(key for key in map(name_key, names) if key)


def is_publisher(name: str, keys: frozenset[str]) -> bool:
    """Whether an author string is one of the publisher's names (`keys`, from publisher_keys)."""
    key = name_key(name.strip(" ,;|"))
    return bool(key) and key in keys


def is_own_site_writer(name: str, types: set[str] | frozenset[str], doc: Document) -> bool:
    """A writer's one-person site whose article JSON-LD types her as a Person and names its publisher after her ("Jo
    Quayside" on joquayside.com): she wrote it. A publication named like a person ("Les Echos" on lesechos.fr) names
    itself to readers' software as a site (og:site_name), which a writer's own site generator does not."""
    if "person" not in types or doc.meta.get("og:site_name") or doc.meta.get("application-name"):
        return False
    return is_writers_own_site(name, doc.url or doc.head_link("canonical"))
