"""What a reader may do with the piece: the licence, grant or reservation that governs it, in one actionable line.

Precedence, most specific first: a licence on the page; the page's own grant; a reservation in the article
itself; the original publisher's standing terms (for a copy); a site-wide licence; a site-wide reservation; the
outlet's standing terms; a bare copyright notice (copyright is the default); nothing found.
"""

from __future__ import annotations

import re

from bot.engine.decide import Decision, Party
from bot.engine.facts import Credit, Fact, Grant
from bot.engine.licenses import LicenseInfo, Licenses
from bot.engine.registry import Terms, name_key
from bot.model import Evidence, License, Reuse


def short_license(spdx_id: str) -> str:
    """'CC-BY-ND-4.0' -> 'CC BY-ND 4.0'."""
    if spdx_id.startswith("CC-") and spdx_id[3:5] in ("BY", "PD"):
        body, _, version = spdx_id[3:].rpartition("-")
        return f"CC {body} {version}"
    return spdx_id


# words that change no rule's meaning ("in print or on commercial sites" = "in print or other forms including …")
_FILLER = frozenset(("a", "an", "and", "the", "or", "of", "on", "in", "to", "for", "with", "other", "forms",
                     "including", "its", "their", "any"))  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in _FILLER)


def _unique(items: list[str]) -> list[str]:
    """Each rule once: a later item whose words are all in an earlier one (or the other way round) says the same
    thing again, as when the registry and the page both word the print-and-commercial restriction."""
    kept: list[tuple[frozenset[str], str]] = []
    for item in items:
        words = _words(item)
        if item and words and not any(words <= seen or seen <= words for seen, _ in kept):
            kept.append((words, item))
    return [item for _, item in kept]


def _name(party: Party) -> str:
    return party.entry.name if party.entry else party.name


def _grantor_of(grant: Fact, facts: list[Fact], decision: Decision) -> Party | None:
    """Whose permission a grant is: a credit that says the copy is "republished with permission" of its original
    is the original's; a site's "X grants permission to cross-post" is the site's own."""
    for fact in facts:
        if fact.field == "credit" and fact.snippet == grant.snippet and isinstance(fact.value, Credit):
            original = decision.original_party
            return original if original and original.matches(fact.value.name) else Party(fact.value.name)
    return decision.outlet_party


def holder_differs(party: Party | None, holders: list[str], authors: list[str]) -> bool:
    """Whether the copyright notice names someone other than `party`, so `party`'s terms cannot cover the piece.

    A writer holding the copyright in their own piece does not count: a publisher's republishing terms are
    given on its writers' behalf."""
    others = [h for h in holders if name_key(h) not in {name_key(a) for a in authors}]
    return bool(others) and party is not None and not any(party.matches(h) for h in others)


def _from_license(info: LicenseInfo) -> Reuse:
    return Reuse(
        category="open-license",
        license=License(info.id, info.name, info.url),
        conditions=list(info.conditions),
        restrictions=list(info.restrictions),
    )


def _from_terms(terms: Terms, licenses: Licenses) -> Reuse | None:
    if terms.category == "unknown":
        return None
    info = licenses.by_id(terms.license) if terms.license else None
    reuse = _from_license(info) if info and terms.category == "open-license" else Reuse(category=terms.category)  # type: ignore[arg-type]
    reuse.conditions = _unique(reuse.conditions + list(terms.conditions))
    reuse.restrictions = _unique(reuse.restrictions + list(terms.restrictions))
    reuse.contact = terms.contact
    return reuse


def decide_reuse(decision: Decision, licenses: Licenses) -> tuple[Reuse, list[Evidence]]:
    facts = decision.facts
    evidence: list[Evidence] = []

    def cite(fact: Fact) -> None:
        evidence.append(Evidence("reuse", fact.signal, fact.snippet))

    def cite_registry(party: Party, terms: Terms) -> None:
        where = f" ({terms.url})" if terms.url else ""
        evidence.append(Evidence("reuse", "registry", f"{party.entry.name} standing terms: {terms.category}{where}"))  # type: ignore[union-attr]

    license_facts = sorted((f for f in facts if f.field == "license"), key=lambda f: -f.weight)
    # A licence in the article (or the page's own head/JSON-LD) covers this piece; one in the site footer
    # covers the site's own work, so a copy's original terms and the article's own reservation come first.
    piece_licenses = [f for f in license_facts if f.region not in ("footer", "aside", "nav", "header")]
    site_licenses = [f for f in license_facts if f not in piece_licenses]
    grants = [f for f in facts if f.field == "grant"]
    grant_restrictions = [f for f in facts if f.field == "grant_restriction"]
    reservations = [f for f in facts if f.field == "reservation"]
    article_reservations = [f for f in reservations if f.region in ("article", "body")]
    notices = decision.analysis.copyright
    original, outlet = decision.original_party, decision.outlet_party
    reuse: Reuse | None = None
    # whose terms these are: the party itself when known (to compare with the holders), else a printed name
    grantor: Party | None = None
    reserved_by = notices.holders[0] if notices.holders else (_name(outlet) if outlet else None)

    if piece_licenses:
        reuse = _from_license(piece_licenses[0].value)
        cite(piece_licenses[0])
        # a copy's licence line ("republished from X under CC BY-ND") passes on the original's licence
        grantor = original or outlet
    elif grants:
        grant: Grant = grants[0].value
        reuse = Reuse(category="permission-granted", conditions=list(grant.conditions), contact=grant.contact)
        cite(grants[0])
        grantor = _grantor_of(grants[0], facts, decision)
        if (
            grantor is outlet
            and outlet
            and outlet.entry
            and outlet.entry.terms
            and outlet.entry.terms.category == "permission-granted"
        ):
            terms = outlet.entry.terms
            if not reuse.conditions:
                reuse.conditions = list(terms.conditions)
            reuse.restrictions += list(terms.restrictions)
            reuse.contact = reuse.contact or terms.contact
    elif article_reservations:
        reuse = Reuse(category="all-rights-reserved", granted_by=reserved_by)
        for fact in article_reservations:
            cite(fact)
    elif original and original.entry and original.entry.terms and (r := _from_terms(original.entry.terms, licenses)):
        reuse = r
        cite_registry(original, original.entry.terms)
        grantor = original
    elif site_licenses:
        reuse = _from_license(site_licenses[0].value)
        cite(site_licenses[0])
        grantor = outlet
    elif reservations:
        reuse = Reuse(category="all-rights-reserved", granted_by=reserved_by)
        for fact in reservations[:2]:
            cite(fact)
    elif outlet and outlet.entry and outlet.entry.terms and (r := _from_terms(outlet.entry.terms, licenses)):
        reuse = r
        cite_registry(outlet, outlet.entry.terms)
        grantor = outlet
    elif notices.holders and notices.notice:
        # a bare notice reserves nothing in words, but copyright is the default: without a licence, ask first
        reuse = Reuse(category="all-rights-reserved", granted_by=reserved_by)
        evidence.append(Evidence("reuse", "text", f"copyright notice with no licence: {notices.notice}"))
    reuse = reuse or Reuse()
    if grantor is not None:
        reuse.granted_by = _name(grantor)

    for fact in grant_restrictions:
        reuse.restrictions += list(fact.value.restrictions)
        reuse.contact = reuse.contact or fact.value.contact
        cite(fact)
    if reuse.category == "all-rights-reserved":
        reuse.restrictions += [f.value for f in reservations if f.value]
        if not reuse.restrictions:
            reuse.restrictions.append("republishing needs a licence from the rights holder")
    fair_use = next((f for f in facts if f.field == "fair_use"), None)
    if fair_use:
        reuse.fair_use_claim = True
        evidence.append(Evidence("reuse.fair_use_claim", fair_use.signal, fair_use.snippet))
    reuse.conditions = _unique(reuse.conditions)
    reuse.restrictions = _unique(reuse.restrictions)
    license_info = licenses.by_id(reuse.license.id) if reuse.license else None
    reuse.summary = summarise(reuse, decision, license_info, grantor)
    return reuse, evidence


def summarise(
    reuse: Reuse, decision: Decision, license_info: LicenseInfo | None = None, grantor: Party | None = None
) -> str:
    analysis = decision.analysis
    original = analysis.republication.original
    outlet = analysis.outlet
    holders = analysis.copyright.holders
    holder = holders[0] if holders else (original.name if original else outlet.name if outlet else None)
    credit_to = original.name if original else (outlet.name if outlet else "the source")
    if reuse.category == "open-license" and reuse.license:
        lic = short_license(reuse.license.id)
        if license_info and license_info.is_public_domain:
            return (
                f"Public domain ({lic}): free to republish, edit and reuse with no conditions; crediting {credit_to} "
                "is still good practice; images are not covered unless marked."
            )
        parts = [f"Free to republish under {lic}: credit the author and {credit_to} with a link and the licence"]
        if license_info and license_info.is_no_derivatives:
            parts.append("no edits (verbatim only)")
        if license_info and license_info.is_non_commercial:
            parts.append("no commercial use")
        if license_info and license_info.is_share_alike:
            parts.append("share adaptations alike")
        parts.append("images are not covered unless marked")
        return "; ".join(parts) + "."
    if reuse.category == "open-license":
        return f"Openly licensed: credit {credit_to} and check the licence before republishing."
    if reuse.category == "permission-granted":
        who = reuse.granted_by or "The publisher"
        conditions = "; ".join(reuse.conditions[:3]) or "credit and a link"
        if holder_differs(grantor, holders, analysis.authors):
            # the grant is real but not the owner's: what the reader needs is whose permission to ask for
            party = decision.original_party
            owner = party.entry.name if party and party.entry and any(party.matches(h) for h in holders) else holder
            return (
                f"Ask {owner} before republishing: the rights belong to {owner}; "
                f"{who}'s permission to repost covers only what it owns."
            )
        text = f"{who} allows reposting ({conditions})"
        if reuse.restrictions:
            text += f", but {reuse.restrictions[0]}"
        return text + "."
    if reuse.category == "all-rights-reserved":
        who = holder or "the rights holder"
        return f"All rights reserved by {who}: quote briefly with credit and a link; republishing needs their licence."
    return (
        "No licence or reuse terms found: quote briefly with credit and a link, "
        "and ask the publisher before republishing."
    )
