"""What a reader may do with the piece: the licence, grant or reservation that governs it, in one actionable line.

Precedence, most specific first: a licence on the page; the page's own grant; a reservation in the article
itself; the original publisher's standing terms (for a copy); a site-wide licence; a site-wide reservation; the
outlet's standing terms; a bare copyright notice (copyright is the default); nothing found.
"""

from __future__ import annotations

from bot.engine.decide import Decision
from bot.engine.facts import Fact, Grant
from bot.engine.licenses import LicenseInfo, Licenses
from bot.engine.party import Party
from bot.engine.regions import IN_ARTICLE, SITE_FURNITURE
from bot.engine.registry import OutletEntry, Terms
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


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.lower().strip(" .")
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


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


def _cite(fact: Fact) -> Evidence:
    return Evidence("reuse", fact.signal, fact.snippet)


def _standing_terms(entry: OutletEntry, licenses: Licenses) -> tuple[Reuse, Evidence] | None:
    """An outlet's standing terms from the registry, when it has any."""
    terms = entry.terms
    if terms is None or (reuse := _from_terms(terms, licenses)) is None:
        return None
    where = f" ({terms.url})" if terms.url else ""
    return reuse, Evidence("reuse", "registry", f"{entry.name} standing terms: {terms.category}{where}")


def _governing_terms(decision: Decision, licenses: Licenses) -> tuple[Reuse | None, list[Evidence]]:
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
        return _from_license(piece_licenses[0].value), [_cite(piece_licenses[0])]
    if grants:
        return _granted(grants[0], outlet), [_cite(grants[0])]
    if article_reservations:
        return Reuse(category="all-rights-reserved"), [_cite(f) for f in article_reservations]
    if original and original.entry and (standing := _standing_terms(original.entry, licenses)):
        return standing[0], [standing[1]]
    if site_licenses:
        return _from_license(site_licenses[0].value), [_cite(site_licenses[0])]
    if reservations:
        return Reuse(category="all-rights-reserved"), [_cite(f) for f in reservations[:2]]
    if outlet and outlet.entry and (standing := _standing_terms(outlet.entry, licenses)):
        return standing[0], [standing[1]]
    if notices.holders and notices.notice:
        # a bare notice reserves nothing in words, but copyright is the default: without a licence, ask first
        row = Evidence("reuse", "text", f"copyright notice with no licence: {notices.notice}")
        return Reuse(category="all-rights-reserved"), [row]
    if original and (site_notice := facts.first("copyright")):
        # a copy on a site that claims copyright, with no licence anywhere: the original's rights are reserved
        # by default, as the site's are
        row = Evidence(
            "reuse", site_notice.signal, f"a copy with no licence on a page under copyright: {site_notice.snippet}"
        )
        return Reuse(category="all-rights-reserved"), [row]
    return None, []


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
    governing, evidence = _governing_terms(decision, licenses)
    reuse = governing or Reuse()
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
    reuse.summary = summarise(reuse, decision, licenses.by_id(reuse.license.id) if reuse.license else None)
    return reuse, evidence


def summarise(reuse: Reuse, decision: Decision, license_info: LicenseInfo | None = None) -> str:
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
        grantor = outlet.name if outlet else "The publisher"
        conditions = "; ".join(reuse.conditions[:3]) or "credit and a link"
        text = f"{grantor} allows reposting ({conditions})"
        if reuse.restrictions:
            text += f", but {reuse.restrictions[0]}"
        if holder and outlet and holder != outlet.name and original:
            owner = (
                decision.original_party.entry.name
                if decision.original_party and decision.original_party.entry
                else holder
            )
            text += f"; the rights belong to {owner}, so ask {owner} for anything more"
        return text + "."
    if reuse.category == "all-rights-reserved":
        who = holder or "the rights holder"
        return f"All rights reserved by {who}: quote briefly with credit and a link; republishing needs their licence."
    return (
        "No licence or reuse terms found: quote briefly with credit and a link, "
        "and ask the publisher before republishing."
    )
