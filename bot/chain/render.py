"""The chain for people: a "Chain" block for `provbot check`'s terminal output, and the one line the Slack reply
is updated with once the comparison is done."""

from __future__ import annotations

import textwrap

from bot.chain.terms import licence_label
from bot.engine.domains import host_of
from bot.model import ChainLink, Finding

MARKS = {True: "✓", False: "✗", None: "?"}
# how the one-liner names each credit check (bot.chain.terms words its findings this way)
_CREDIT_CHECKS = (("Credit to the outlet", "credit"), ("Credit to the authors", "author credit"),
                  ("A link to the original", "link"))  # fmt: skip


def _host(url: str) -> str:
    return (host_of(url) or url).removeprefix("www.")


def _headline(link: ChainLink) -> str:
    who = f" ({link.outlet.name})" if link.outlet else ""
    if not link.url:  # named by the copy, linked nowhere: nothing was fetched or compared
        return f"{link.outlet.name if link.outlet else 'the original'}: named, but no address to compare with"
    score = f", similarity {link.similarity:.2f}" if link.similarity is not None else ""
    return f"{link.url}{who}: {link.relation}{score}"


def _wrap(text: str, width: int, *, initial_indent: str, subsequent_indent: str) -> list[str]:
    """Lines that break between words only: never inside "CC BY-ND 4.0" or an address."""
    return textwrap.wrap(
        text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
        break_on_hyphens=False, break_long_words=False,
    )  # fmt: skip


def render_chain_text(chain: list[ChainLink], *, width: int = 100, evidence: bool = True) -> str:
    """The "Chain" block (empty string when there is no chain), to print after the summary."""
    if not chain:
        return ""
    out = ["Chain:"]
    for link in chain:
        out += _wrap(_headline(link), width, initial_indent="  Original: ", subsequent_indent=" " * 12)
        if link.changes:
            out += _wrap("; ".join(link.changes), width, initial_indent="  Changes:  ", subsequent_indent=" " * 12)
        for finding in link.findings:
            out += _wrap(finding.finding, width, initial_indent=f"  {MARKS[finding.ok]} ", subsequent_indent="    ")
            if evidence and finding.evidence:
                out += _wrap(finding.evidence, width, initial_indent="      from: ", subsequent_indent=" " * 12)
    return "\n".join(out)


def _verdict(findings: list[Finding]) -> str:
    judged = [f.ok for f in findings[1:]]  # the first finding says where the original was found
    if False in judged:
        return " ✗"
    if None in judged:
        return " ?"
    return " ✓" if judged else ""


def _credit_words(findings: list[Finding]) -> str:
    """'credit and link present', 'credit present, link missing', 'credit and link present, author credit missing'."""
    kept: dict[str, bool | None] = {}
    for finding in findings:
        for start, word in _CREDIT_CHECKS:
            if finding.finding.startswith(start):
                kept[word] = finding.ok
    present = [w for w in ("credit", "link") if kept.get(w) is True]
    missing = [w for w in ("credit", "author credit", "link") if kept.get(w) is False]
    parts = []
    if present:
        parts.append(f"{' and '.join(present)} present")
    if missing:
        parts.append(f"{' and '.join(missing)} missing")
    return ", ".join(parts)


def _of_piece(link: ChainLink) -> str:
    return f"a {licence_label(link.license_id)} piece" if link.license_id else "the original"


def chain_one_liner(chain: list[ChainLink]) -> str | None:
    """One line for the Slack reply: "Checked against the original on theconversation.com: verbatim copy, credit and
    link present ✓", "Edited copy of a CC BY-ND 4.0 piece: 3 paragraphs cut, headline changed ✗"."""
    if not chain:
        return None
    link = next((c for c in chain if c.relation != "unreachable"), chain[0])
    findings = link.findings
    if link.relation == "unreachable":
        if not link.url:
            name = link.outlet.name if link.outlet else "the original"
            return f"{name} is named as the original but not linked: a link to the piece on its site would confirm it ?"
        reason = next((f.finding for f in findings), "")
        return f"Could not check against the original on {_host(link.url)}: {reason.split(': ', 1)[-1]}"
    if findings and findings[0].finding.startswith("Seen before"):
        return f"{findings[0].finding} ({link.relation})"
    host, changes, mark = _host(link.url), ", ".join(link.changes), _verdict(findings)
    credit = _credit_words(findings)
    if link.relation == "verbatim":
        return f"Checked against the original on {host}: verbatim copy{', ' + credit if credit else ''}{mark}"
    if link.relation == "edited":
        return f"Edited copy of {_of_piece(link)} on {host}: {changes}{mark}"
    if link.relation == "excerpt":
        return f"Excerpt of {_of_piece(link)} on {host}: {changes}{mark}"
    if link.relation == "translation":
        return f"Translation of {_of_piece(link)} on {host} ({changes}){mark}"
    return f"The credited page on {host} is a different piece ✗"
