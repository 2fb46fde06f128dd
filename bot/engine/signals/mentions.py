"""Clues in pasted text to the site it was copied from: the domains it names ("www.globalresearch.ca") and
boilerplate that names the site itself ("… has not been edited by NDTV staff")."""

from __future__ import annotations

import re

from bot.engine.domains import has_article_path, host_of, looks_like_domain, registered_domain
from bot.engine.facts import Fact, snippet
from bot.engine.signals.context import Context
from bot.engine.signals.passages import sentence
from bot.engine.vocabulary import one_of
from bot.engine.weights import WEIGHT

# A name starts where a run of labels starts, not at each label inside it ("a.a.a.…" was read in quadratic time).
_DOMAIN_IN_TEXT = re.compile(
    r"\b(?<![a-z0-9-])(?<![a-z0-9-]\.)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I
)
_EMAIL_BEFORE = re.compile(r"@[\w.-]*$")
_EMAIL_REACH = 256  # how far before a name an "@" makes it an e-mail address's
_SELF_DESCRIPTION = re.compile(
    r"^(?P<name>(?-i:[A-Z])[\w.&'’-]*(?: (?-i:[A-Z])[\w.&'’-]*){0,4}) (?:is an? |aggregates |republishes |curates )"
)
_POINTER = re.compile(rf"^(?:{one_of('pasted', 'pointers')})\b", re.I)


def read(context: Context) -> list[Fact]:
    """Only for pasted text: a page's own address says where it came from far better."""
    if context.doc.kind != "text":
        return []
    facts = []
    blocks = context.doc.blocks
    for index, block in enumerate(blocks):
        # the link a message shares (its first line) or a "Read more: …" pointer says where the text came from;
        # a link inside the prose is only a citation
        pointer = index == 0 or index == len(blocks) - 1 or bool(_POINTER.match(block.text))
        for link in block.links:
            domain = registered_domain(link.href)
            if domain and looks_like_domain(domain) and has_article_path(link.href):
                found = context.registry.by_host(host_of(link.href))
                name = found[0].name if found else domain
                line = snippet(f"{block.text} <{link.href}>", 240)
                facts.append(
                    Fact(
                        "outlet_mention",
                        name,
                        "text",
                        line,
                        WEIGHT.slight,
                        block.region,
                        domain=domain,
                        pointer=pointer,
                    )
                )
        for match in _DOMAIN_IN_TEXT.finditer(block.text):
            domain = match.group(1).lower()
            start = match.start(1)
            if not looks_like_domain(domain) or _EMAIL_BEFORE.search(block.text, max(0, start - _EMAIL_REACH), start):
                continue
            found = context.registry.by_host(domain)
            line = sentence(block.text, match.start(), match.end())
            name = found[0].name if found else domain
            facts.append(
                Fact(
                    "outlet_mention", name, "text", line, WEIGHT.slight, block.region, domain=registered_domain(domain)
                )
            )
        if described := _SELF_DESCRIPTION.match(block.text):
            # "Eurasia Wire Digest aggregates headlines …": a site describing itself (decided against the masthead)
            line = sentence(block.text, 0)
            facts.append(Fact("outlet_described", described["name"], "text", line, WEIGHT.weak, block.region))
        for phrase in context.phrases.self_names:
            if named := phrase.pattern.search(block.text):
                line = sentence(block.text, named.start(), named.end())
                facts.append(Fact("outlet_self_name", named["name"], "text", line, WEIGHT.fair, block.region))
    return facts
