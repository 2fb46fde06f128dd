"""A writer's whole name, where the byline prints only her first one: the page's own markup spells it out elsewhere.

A blog's software shows a member's chosen display name ("Robert") in the byline, while the address of her profile
keeps the name she signed up with (".../author/robert-forst/") and her profile's description opens with it
("Stefanus Stahl - engineer, adventurer …"). These readers give each such whole name as a "full_name" fact; the
author decision uses one only to complete a one-word name whose first word it is (bot.engine.decision.authors).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from bot.engine.domains import registered_domain
from bot.engine.facts import Fact, snippet
from bot.engine.signals.context import Context

# "robert-forst", "jo_roe": a profile address's last part, two words (a third is often the site's: "jo-roe-blog")
_SLUG = re.compile(r"^[^\W\d_]{2,}[-_][^\W\d_]{2,}$")
# "Stefanus Stahl - …", "Jo Roe is …": a capitalised surname (or two) right after the first name
_OPENING = r"^{first}\s+((?:[^\W\d_][\w'’-]+\s+)?[^\W\d_][\w'’-]+)(?=\s*(?:[-–—,:(]|\bis\b|\bist\b|$))"


def read(context: Context) -> list[Fact]:
    return _from_profile_links(context) + _from_person_descriptions(context) + _from_site_address(context)


def _from_profile_links(context: Context) -> list[Fact]:
    """'<a href=".../author/robert-forst/">Robert</a>': the link on a one-word name goes to an address that spells
    the name out."""
    facts: list[Fact] = []
    for block in context.doc.blocks:
        for link in block.links:
            first = link.text.strip()
            if " " in first or len(first) < 2 or not first[:1].isupper():
                continue
            parts = [p for p in urlsplit(link.href).path.split("/") if p]
            last = unquote(parts[-1]) if parts else ""
            if not _SLUG.match(last):
                continue
            words = re.split(r"[-_]", last)
            if words[0].casefold() != first.casefold():
                continue
            whole = " ".join([first, *(w.capitalize() for w in words[1:])])
            facts.append(Fact("full_name", whole, "link", snippet(f'<a href="{link.href}">{first}</a>'), 40))
    return facts


def _from_person_descriptions(context: Context) -> list[Fact]:
    """A JSON-LD person named 'Stefanus' whose description opens 'Stefanus Stahl - …'."""
    facts: list[Fact] = []
    for obj in context.doc.jsonld:
        if "Person" not in _types(obj):
            continue
        first, description = obj.get("name"), obj.get("description")
        if not isinstance(first, str) or not isinstance(description, str):
            continue
        first = first.strip()
        if " " in first or len(first) < 2 or not first[:1].isupper():
            continue
        match = re.match(_OPENING.format(first=re.escape(first)), description.strip())
        if match is None or not all(word[:1].isupper() for word in match[1].split()):
            continue
        whole = f"{first} {match[1]}"
        facts.append(Fact("full_name", whole, "json-ld", snippet(f'"description": "{description}"', 160), 40))
    return facts


def _from_site_address(context: Context) -> list[Fact]:
    """'Henry' signing on steinhau.com, whose pages credit 'Henry Steinhau' (a picture's credit, "More from Henry
    Steinhau"): a writer's own site, at her surname."""
    domain = registered_domain(context.page_url) if context.page_url else None
    label = (domain or "").split(".")[0]
    if len(label) < 4 or not label.isalpha():
        return []
    pattern = re.compile(rf"\b([^\W\d_][\w'’-]+)\s+({re.escape(label)})\b", re.I)
    facts: list[Fact] = []
    for block in context.doc.blocks:
        for match in pattern.finditer(block.text):
            first, surname = match[1], match[2]
            if first[:1].isupper() and (first.isupper() == surname.isupper()):
                whole = f"{first.capitalize()} {surname.capitalize()}" if first.isupper() else f"{first} {surname}"
                facts.append(Fact("full_name", whole, "text", snippet(block.text, 160), 40, block.region))
    return facts


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return [kind] if isinstance(kind, str) else []
