"""What a reader may do with the piece: the licence, grant or reservation that governs it, in one actionable line.

Precedence, most specific first: a licence on the page; the page's own grant; a reservation in the article
itself; the original publisher's standing terms (for a copy); a site-wide licence; a site-wide reservation; the
outlet's standing terms; a bare copyright notice (copyright is the default); nothing found. Each step also says
whose terms they are (`granted_by`), so the summary can name whose permission a reader needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine.decide import Decision
from bot.engine.facts import Credit, Fact, Facts, Grant
from bot.engine.licenses import LicenseInfo, Licenses
from bot.engine.party import Party
from bot.engine.regions import IN_ARTICLE, SITE_FURNITURE
from bot.engine.registry import OutletEntry, Terms, name_key
from bot.model import Evidence, License, Reuse


def short_license(spdx_id: str) -> str:
    """'CC-BY-ND-4.0' -> 'CC BY-ND 4.0'; a national port keeps its country: 'CC BY-NC-SA 3.0 DE'."""
    if spdx_id.startswith("CC-") and spdx_id[3:5] in ("BY", "PD"):
        body, _, version = spdx_id[3:].rpartition("-")
        if version.isalpha() and len(version) == 2:
            port = version
            body, _, version = body.rpartition("-")
            return f"CC {body} {version} {port}"
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


def _grantor_of(grant: Fact, facts: Facts, decision: Decision) -> Party | None:
    """Whose permission a grant is: a credit that says the copy is "republished with permission" of its original
    is the original's; a site's "X grants permission to cross-post" is the site's own."""
    for fact in facts.all("credit"):
        if fact.snippet == grant.snippet and isinstance(fact.value, Credit):
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
        license=None if info.unstated else License(info.id, info.name, info.url),
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


def _cite(fact: Fact) -> Evidence:
    return Evidence("reuse", fact.signal, fact.snippet)


def _standing_terms(entry: OutletEntry, licenses: Licenses) -> tuple[Reuse, Evidence] | None:
    """An outlet's standing terms from the registry, when it has any."""
    terms = entry.terms
    if terms is None or (reuse := _from_terms(terms, licenses)) is None:
        return None
    where = f" ({terms.url})" if terms.url else ""
    return reuse, Evidence("reuse", "registry", f"{entry.name} standing terms: {terms.category}{where}")


@dataclass
class _Terms:
    """The governing terms, the rows that show where they were found, and whose they are."""

    reuse: Reuse
    evidence: list[Evidence] = field(default_factory=list)
    grantor: Party | None = None


def _governing_terms(decision: Decision, licenses: Licenses) -> _Terms | None:
    """The terms that govern the piece, most specific first (the precedence the module's docstring gives)."""
    facts = decision.facts
    license_facts = facts.strongest_first("license")
    # A licence in the article (or the page's own head/JSON-LD) covers this piece; one in the site footer
    # covers the site's own work, so a copy's original terms and the article's own reservation come first.
    piece_licenses = [f for f in license_facts if f.region not in SITE_FURNITURE]
    site_licenses = [f for f in license_facts if f not in piece_licenses]
    grants = facts.all("grant")
    reservations = facts.all("reservation")
    article_reservations = [f for f in reservations if f.region in IN_ARTICLE]
    original, outlet = decision.original_party, decision.outlet_party
    notices = decision.analysis.copyright
    if piece_licenses:
        # a copy's licence line ("republished from X under CC BY-ND") passes on the original's licence
        return _licence_terms(piece_licenses[0], (original, outlet), licenses)
    if grants:
        grantor = _grantor_of(grants[0], facts, decision)
        return _Terms(_granted(grants[0], grantor if grantor is outlet else None), [_cite(grants[0])], grantor)
    if article_reservations:
        return _Terms(Reuse(category="all-rights-reserved"), [_cite(f) for f in article_reservations])
    if original and original.entry and (standing := _standing_terms(original.entry, licenses)):
        return _Terms(standing[0], [standing[1]], original)
    if site_licenses:
        return _licence_terms(site_licenses[0], (outlet,), licenses)
    if reservations:
        return _Terms(Reuse(category="all-rights-reserved"), [_cite(f) for f in reservations[:2]])
    if outlet and outlet.entry and (standing := _standing_terms(outlet.entry, licenses)):
        return _Terms(standing[0], [standing[1]], outlet)
    if notices.notice and (notices.holders or notices.year):
        # a bare notice reserves nothing in words, but copyright is the default: without a licence, ask first (a
        # notice with its year and no name, "© 2021", is still one: the publisher in hand claims it)
        row = Evidence("reuse", "text", f"copyright notice with no licence: {notices.notice}")
        return _Terms(Reuse(category="all-rights-reserved"), [row])
    if original and (site_notice := facts.first("copyright")):
        # a copy on a site that claims copyright, with no licence anywhere: the original's rights are reserved
        # by default, as the site's are
        row = Evidence(
            "reuse", site_notice.signal, f"a copy with no licence on a page under copyright: {site_notice.snippet}"
        )
        return _Terms(Reuse(category="all-rights-reserved"), [row])
    return None


def _licence_terms(fact: Fact, parties: tuple[Party | None, ...], licenses: Licenses) -> _Terms:
    """The terms of a licence the page names, credited to the first of `parties`. "Under a Creative Commons
    license" does not say which: the known licence of the original or the site (The Conversation's CC BY-ND) does."""
    if fact.value.unstated:
        for party in parties:
            standing = _standing_terms(party.entry, licenses) if party and party.entry else None
            if standing and standing[0].license:
                return _Terms(standing[0], [_cite(fact), standing[1]], party)
    return _Terms(_from_license(fact.value), [_cite(fact)], next((p for p in parties if p), None))


def _granted(fact: Fact, outlet: Party | None) -> Reuse:
    """The page's own permission to repost, completed by the outlet's standing permission when it has one."""
    grant: Grant = fact.value
    reuse = Reuse(category="permission-granted", conditions=list(grant.conditions), contact=grant.contact)
    if outlet and outlet.entry and outlet.entry.terms and outlet.entry.terms.category == "permission-granted":
        terms = outlet.entry.terms
        if not reuse.conditions:
            reuse.conditions = list(terms.conditions)
        reuse.restrictions += list(terms.restrictions)
        reuse.contact = reuse.contact or terms.contact
    return reuse


def decide_reuse(decision: Decision, licenses: Licenses) -> tuple[Reuse, list[Evidence]]:
    facts = decision.facts
    governing = _governing_terms(decision, licenses) or _Terms(Reuse())
    reuse, evidence, grantor = governing.reuse, governing.evidence, governing.grantor
    if grantor is not None:
        reuse.granted_by = _name(grantor)
    elif reuse.category == "all-rights-reserved":
        # a reservation is its holder's; with no holder named, the publisher in hand reserves
        holders = decision.analysis.copyright.holders
        outlet = decision.outlet_party
        reuse.granted_by = holders[0] if holders else (_name(outlet) if outlet else None)
    for fact in facts.all("grant_restriction"):
        reuse.restrictions += list(fact.value.restrictions)
        reuse.contact = reuse.contact or fact.value.contact
        evidence.append(_cite(fact))
    if reuse.category == "all-rights-reserved":
        reuse.restrictions += [f.value for f in facts.all("reservation") if f.value]
        if not reuse.restrictions:
            reuse.restrictions.append("republishing needs a licence from the rights holder")
    if fair_use := facts.first("fair_use"):
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
