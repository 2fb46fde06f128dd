"""The provenance summary in words: the answer first (what this is, may we use it), then ordered (label, text)
lines. Shared by the terminal and Slack renderers, so both say the same thing."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from bot.engine.dates import human_date
from bot.engine.reuse import short_license
from bot.model import Analysis, Copyright, License, Outlet, Source
from bot.paths import DATA_DIR

NOTABLE_KINDS = {"wire-service": "wire service", "state-controlled": "state-controlled media",
                 "public-broadcaster": "public broadcaster", "republisher": "republisher",
                 "aggregator": "aggregator"}  # fmt: skip
HEADLINE_LIMIT = 150  # a notification line, and the first line of the Slack reply


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return tomllib.loads((DATA_DIR / "messages.toml").read_text(encoding="utf-8")).get("demonyms", {})


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.casefold()).strip().removeprefix("the ")


def same_party(a: str | None, b: str | None) -> bool:
    """'RT' and 'RT Op Edge', 'Truthout' and 'Truthout.org': one party under two printed names."""
    if not a or not b:
        return False
    x, y = _key(a), _key(b)
    return bool(x and y) and (x == y or x.startswith(y + " ") or y.startswith(x + " ") or x.split()[0] == y)


def outlet_label(outlet: Outlet | None) -> str | None:
    if outlet is None:
        return None
    described = [x for x in (NOTABLE_KINDS.get(outlet.kind), outlet.country) if x]
    return outlet.name + (f" ({', '.join(described)})" if described else "")


def kind_note(outlet: Outlet | None) -> str | None:
    """'Russian state media', 'wire service', 'republisher': what a reader should know about an outlet at a glance."""
    if outlet is None:
        return None
    if outlet.kind == "state-controlled":
        demonym = _demonyms().get(outlet.country or "")
        return f"{demonym} state media" if demonym else "state media"
    return NOTABLE_KINDS.get(outlet.kind)


def license_label(license: License) -> str:
    """'CC BY-ND 4.0' for Creative Commons, the licence's own name otherwise; never the bare SPDX id in brackets."""
    if license.id.startswith("CC-"):
        return short_license(license.id)
    return license.name or license.id


def notice_text(copyright: Copyright) -> str | None:
    """'© 2016 RT News, RT Op Edge': the holders and year, without repeating 'Copyright ©' or 'All rights reserved'."""
    if not copyright.holders:
        return None
    year = f"{copyright.year} " if copyright.year else ""
    return f"© {year}{', '.join(copyright.holders)}"


def original_name(a: Analysis) -> str | None:
    original = a.republication.original if a.republication.is_republication else None
    if original is None:
        return None
    return original.outlet.name if original.outlet else original.name


def rights_holder(a: Analysis) -> str | None:
    """Who to ask: a copy's original outlet when its notice names that outlet, else the holders the notice names
    (leaving out writers who hold their own piece's copyright under a publisher's terms)."""
    holders = [h for h in a.copyright.holders if not any(same_party(h, author) for author in a.authors)]
    original = original_name(a)
    if original and (not holders or any(same_party(h, original) for h in holders)):
        return original if holders or a.reuse.category != "unknown" else None
    if holders:
        return " / ".join(holders[:2])
    return None


def _article(word: str) -> str:
    # "an RT piece", "an AFP story", "a Grist piece": initialisms by letter name, words by their first letter
    if word[:2].isupper() and len(word.split()[0]) <= 5:
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[0].lower() in "aeiou" else "a"


def what_it_is(a: Analysis) -> str:
    """'Copy of an RT piece (Russian state media), republished by Global Research'."""
    original = original_name(a)
    publisher = a.outlet.name if a.outlet else None
    if original:
        source = a.republication.original
        outlet = source.outlet if source else None
        noun = "wire story" if outlet and outlet.kind == "wire-service" else "piece"
        # only state control is worth the first line; the fields below say what else the outlets are
        note = kind_note(outlet) if outlet and outlet.kind == "state-controlled" else None
        if original.lower().startswith("the "):
            text = f"Copy of a {noun} by {original}"  # not "a The Associated Press story"
        else:
            text = f"Copy of {_article(original)} {original} {noun}"
        text += f" ({note})" if note else ""
        return text + (f", republished by {publisher}" if publisher and not same_party(publisher, original) else "")
    if publisher:
        note = kind_note(a.outlet) if a.outlet and a.outlet.kind == "state-controlled" else None
        return f"Original piece by {publisher}" + (f" ({note})" if note else "")
    return "Text with no named publisher"


def may_we_use(a: Analysis) -> str:
    """'rights: RT, ask RT before reuse', 'CC BY-ND 4.0: free to republish with credit, no edits'."""
    reuse = a.reuse
    holder = rights_holder(a)
    if reuse.category == "open-license" and reuse.license:
        label = license_label(reuse.license)
        if re.match(r"CC0|CC-PDM|.*public domain", reuse.license.id + " " + reuse.license.name, re.I):
            return f"{label}: public domain, free to reuse"
        limits = [w for flag, w in (("-ND", "no edits"), ("-NC", "not for commercial use")) if flag in reuse.license.id]
        return ", ".join([f"{label}: free to republish with credit", *limits])
    if reuse.category == "open-license":
        return "open licence: check it, then republish with credit"
    if reuse.category == "permission-granted":
        if holder and reuse.granted_by and not same_party(holder, reuse.granted_by):
            return _ask(holder)
        return f"{reuse.granted_by or 'the publisher'} allows reposting, with conditions"
    if reuse.category == "all-rights-reserved":
        return _ask(holder or reuse.granted_by or "the rights holder")
    who = holder or (a.outlet.name if a.outlet else "the publisher")
    return f"no reuse terms found, ask {who} before reuse"


def _ask(holder: str) -> str:
    them = holder if len(holder) <= 16 else "them"  # "ask RT", but not a long company name twice in one line
    return f"rights: {holder}, ask {them} before reuse"


def headline(a: Analysis, covered: str | None = None) -> str:
    """The one line that answers both questions; it is also the Slack notification text. `covered`: the newsroom's
    agreement that answers the second (`bot.agreements`)."""
    text = f"{what_it_is(a)} · {covered or may_we_use(a)}"
    return text if len(text) <= HEADLINE_LIMIT else text[: HEADLINE_LIMIT - 1].rstrip() + "…"


def source_label(source: Source) -> str:
    text = outlet_label(source.outlet) or source.name
    if source.outlet and source.name != source.outlet.name:
        text = f"{source.name} — {text}"
    if source.published:
        text += f", {human_date(source.published)}"
    if source.url:
        text += f" <{source.url}>"
    return text


def summary_lines(a: Analysis) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = [("Answer", headline(a))]
    if a.title:
        lines.append(("Title", a.title))
    outlet = outlet_label(a.outlet)
    published = human_date(a.published)
    if outlet or published:
        lines.append(("Outlet", ", ".join(x for x in (outlet or "not named", published) if x)))
    if a.authors:
        lines.append(("Authors", ", ".join(a.authors)))
    rep = a.republication
    if rep.is_republication and rep.original:
        lines.append(("Original", source_label(rep.original)))
    else:
        lines.append(("Original", "no sign that this is a copy of a piece published elsewhere"))
    for via in rep.via:
        lines.append(("Via", source_label(via)))
    if notice := notice_text(a.copyright):
        lines.append(("Copyright", notice))
    reuse = a.reuse.summary
    if a.reuse.license and license_label(a.reuse.license) not in reuse:
        reuse = f"{license_label(a.reuse.license)}. {reuse}"
    lines.append(("Reuse", reuse))
    if a.reuse.contact:
        lines.append(("Contact", a.reuse.contact))
    lines.append(("Credit line", a.attribution))
    for warning in a.warnings:
        lines.append(("Warning", warning))
    return lines
