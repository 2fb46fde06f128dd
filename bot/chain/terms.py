"""Check a copy against its original's terms: each finding names what the original requires and what the copy
shows, with evidence from both pages. The original's terms are the ones that count (its licence, its notice, and
its outlet's standing republishing rules, `bot/data/republishing.toml`)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chain.compare import Comparison
from bot.chain.rules import RuleBook, Rules
from bot.chain.text import style_key
from bot.engine.domains import registered_domain
from bot.engine.registry import name_key
from bot.fetch.urls import clean_url
from bot.model import Analysis, Finding


@dataclass
class Pair:
    copy: Analysis
    copy_text: str  # the copy's page (HTML) or pasted text, as given
    copy_is_html: bool
    copy_links: frozenset[str]  # every link on the copy, cleaned (bot.fetch.urls.clean_url)
    original: Analysis
    original_urls: frozenset[str]  # where the original was asked for, where it ended, its canonical; cleaned
    comparison: Comparison


def _evidence(analysis: Analysis, prefix: str) -> str | None:
    return next((e.snippet for e in analysis.evidence if e.field.startswith(prefix)), None)


def licence_label(license_id: str) -> str:
    """'CC-BY-NC-ND-4.0' -> 'CC BY-NC-ND 4.0', as Creative Commons writes it."""
    parts = license_id.split("-")
    if parts[0] == "CC" and len(parts) > 2:
        return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
    return license_id


def _licence_words(original: Analysis) -> str:
    lic = original.reuse.license
    if lic:
        return licence_label(lic.id)
    return {"all-rights-reserved": "all rights reserved", "permission-granted": "the publisher's own grant"}.get(
        original.reuse.category, "no licence found"
    )


def _original_terms(pair: Pair) -> str:
    where = _evidence(pair.original, "reuse") or pair.original.reuse.summary
    return f"original: {_licence_words(pair.original)} ({where})"


def _is_nd(original: Analysis) -> bool:
    return bool(original.reuse.license and "-ND" in original.reuse.license.id)


def _is_nc(original: Analysis) -> bool:
    return bool(original.reuse.license and "-NC" in original.reuse.license.id)


def _edits(pair: Pair, rules: Rules | None) -> list[Finding]:
    comparison, original = pair.comparison, pair.original
    forbids_edits = _is_nd(original) or (rules is not None and rules.edits == "style-only")
    if not forbids_edits:
        return []
    why = f"{_licence_words(original)} allows no edits" if _is_nd(original) else "the outlet allows no edits"
    rule = f"; {rules.outlet}: “{rules.says}” <{rules.source}>" if rules else ""
    changes = ", ".join(comparison.changes)
    if comparison.relation == "verbatim":
        return [
            Finding(
                f"No edits beyond style, as {why.replace('allows no edits', 'requires')}.",
                f"{_original_terms(pair)}{rule}; copy: same text as the original",
                ok=True,
            )
        ]
    if comparison.relation == "edited":
        return [
            Finding(
                f"Edited copy: {why} beyond style ({changes}).",
                f"{_original_terms(pair)}{rule}; copy: {changes}",
                ok=False,
            )
        ]
    if comparison.relation == "translation":
        return [
            Finding(
                f"A translation is an adaptation: {why} without the rights holder's permission.",
                f"{_original_terms(pair)}; copy: {changes}",
                ok=False,
            )
        ]
    if comparison.relation == "excerpt":
        if rules is not None and rules.extracts:
            return [
                Finding(
                    f"An excerpt: {rules.outlet} allows extracts that link to the full piece.",
                    f"{rules.outlet} rules <{rules.source}>; copy: {changes}",
                    ok=None,
                )
            ]
        return [
            Finding(
                f"A shortened copy: is a cut version allowed when {why}?",
                f"{_original_terms(pair)}; copy: {changes}",
                ok=None,
            )
        ]
    return []


def _credits_outlet(pair: Pair) -> tuple[bool, str]:
    outlet = pair.original.outlet
    if outlet is None:
        return True, ""
    source = pair.copy.republication.original
    names = {name_key(outlet.name)} | ({name_key(outlet.organization)} if outlet.organization else set())
    if source is not None and (
        name_key(source.name) in names or (source.outlet and source.outlet.domain == outlet.domain)
    ):
        return True, _evidence(pair.copy, "republication.original") or f"credits {source.name}"
    words = style_key(pair.copy_text)
    found = next((n for n in (outlet.name, outlet.organization) if n and f" {style_key(n)} " in f" {words} "), None)
    return (True, f"names {found}") if found else (False, f"no credit to {outlet.name} found")


def _credits_authors(pair: Pair) -> tuple[bool, str]:
    words = f" {style_key(pair.copy_text)} "
    missing = [a for a in pair.original.authors if f" {style_key(a)} " not in words]
    if not pair.original.authors:
        return True, ""
    if missing:
        return False, f"{', '.join(missing)} not named"
    return True, f"names {', '.join(pair.original.authors)}"


def _links_original(pair: Pair, rules: Rules | None) -> tuple[bool, str]:
    if pair.copy_links & pair.original_urls:
        return True, f"links {sorted(pair.copy_links & pair.original_urls)[0]}"
    outlet = pair.original.outlet
    if rules is not None and rules.link == "article-or-home" and outlet and outlet.domain:
        home = [link for link in pair.copy_links if registered_domain(link) == registered_domain(outlet.domain)]
        if home:
            return True, f"links {home[0]}"
    return False, "no link to the original's page"


def _credit_and_link(pair: Pair, rules: Rules | None) -> list[Finding]:
    open_licence = pair.original.reuse.category == "open-license"
    if not (open_licence or rules) or pair.comparison.relation == "different":
        return []
    checks = [("credit to the outlet", _credits_outlet(pair)), ("credit to the authors", _credits_authors(pair))]
    if pair.copy_is_html:  # a paste carries no links of its own to judge
        checks.append(("a link to the original", _links_original(pair, rules)))
    required_by = f"{rules.outlet}'s rules <{rules.source}>" if rules else _licence_words(pair.original)
    findings = []
    for what, (ok, shown) in checks:
        if not shown:
            continue
        sentence = f"{what[0].upper()}{what[1:]} {'present' if ok else 'missing'} (required by {required_by})."
        findings.append(Finding(sentence, f"{_original_terms(pair)}; copy: {shown}", ok=ok))
    return findings


def _non_commercial(pair: Pair, rules: Rules | None, book: RuleBook) -> list[Finding]:
    if not _is_nc(pair.original) or not pair.copy_is_html:
        return []
    page = pair.copy_text.lower()
    marker = next((m for m in book.ad_markers if m in page), None)
    if marker is None:
        return []
    if rules is not None and rules.ads_allowed:
        return [
            Finding(
                f"The copy's page carries ads; {rules.outlet} says ads beside its pieces are fine.",
                f"{_original_terms(pair)}; {rules.outlet} rules <{rules.source}>; copy: ad marker '{marker}'",
                ok=True,
            )
        ]
    return [
        Finding(
            "The original's licence is non-commercial and this page carries ads: is the copy used commercially?",
            f"{_original_terms(pair)}; copy: ad marker '{marker}' in the page",
            ok=None,
        )
    ]


def _reserved(pair: Pair) -> list[Finding]:
    if pair.original.reuse.category != "all-rights-reserved" or pair.comparison.relation == "different":
        return []
    holder = ", ".join(pair.original.copyright.holders) or (
        pair.original.outlet.name if pair.original.outlet else "the publisher"
    )
    notice = pair.original.copyright.notice or _evidence(pair.original, "reuse") or "all rights reserved"
    if pair.copy.reuse.category == "permission-granted":
        shown = _evidence(pair.copy, "reuse") or pair.copy.reuse.summary
        return [
            Finding(
                "The original reserves all rights; the copy states a grant.",
                f"original: {notice}; copy: {shown}",
                ok=True,
            )
        ]
    return [
        Finding(
            f"The original reserves all rights and the copy shows no licence or permission from {holder}: "
            "is it licensed (a wire subscription, a syndication deal)?",
            f"original: {notice}; copy: {pair.copy.reuse.summary or 'no grant found'}",
            ok=None,
        )
    ]


def _different(pair: Pair) -> list[Finding]:
    if pair.comparison.relation != "different":
        return []
    return [
        Finding(
            "The credited page is not this piece: the two texts share almost nothing.",
            f"original: “{pair.original.title or 'untitled'}”; copy: “{pair.copy.title or 'untitled'}”; "
            f"similarity {pair.comparison.similarity}",
            ok=False,
        )
    ]


def check_terms(pair: Pair, book: RuleBook) -> list[Finding]:
    """Every finding about the copy against the original's terms, breaches first."""
    rules = book.for_outlet(pair.original.outlet.name if pair.original.outlet else None)
    findings = [
        *_different(pair),
        *_edits(pair, rules),
        *_credit_and_link(pair, rules),
        *_non_commercial(pair, rules, book),
        *_reserved(pair),
    ]
    order = {False: 0, None: 1, True: 2}
    return sorted(findings, key=lambda f: order[f.ok])


def links_of(urls: list[str]) -> frozenset[str]:
    out = set()
    for url in urls:
        try:
            out.add(clean_url(url))
        except ValueError:
            continue
    return frozenset(out)
