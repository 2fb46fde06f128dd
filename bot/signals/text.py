"""What the words of the page say: credit lines, wire datelines, bylines, date lines, copyright notices,
licences in words, publishers' grants, reservations and fair-use claims. Phrasings come from phrases.toml.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot import hints
from bot.dates import MONTHS, WORD_DATE, match_to_iso, parse_written_date
from bot.document import Block, Link
from bot.domains import host_of, is_web_address, looks_like_domain, registered_domain
from bot.facts import Credit, Fact, Grant, Notice, snippet
from bot.names import looks_like_person, parse_notice, split_byline
from bot.registry import name_key
from bot.signals.context import Context

_DATELINE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’ /-]{1,40}(?:,\s*[A-Z][\w.'’ ]{0,30}?)?"
    r"(?:,?\s+(?:[A-Za-z]{3,10}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3,10}\.?))?\s*)?"
    r"\((?P<name>[^()]{2,40})\)\s*[.,]?\s*(?:[-—–]{1,2}|:)"
)
# "© 2024 X", "Copyright 2024 X", "Copyright X" — but not "the Copyright Act" or "US Copyright Law"
_NOTICE = re.compile(
    r"(?:©|&copy;|\(c\)\s*(?:19|20)\d\d|\b(?i:copyright)\s*(?:©|\(c\)|(?:19|20)\d\d|"
    r"(?!(?:Law|Act|Office|Owner|Holder|Infringement|Notice|Policy|Claim|Agent)\b)[A-Z]))"
)
_REPORTING = re.compile(r"\(\s*((?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\b[^)]*)\)", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')]+")
_DOMAIN_IN_TEXT = re.compile(r"\b(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)
_CONDITION_CLAUSE = re.compile(
    r"\b(?:as long(?: as)?|provided(?: that)?|on (?:the )?condition(?: that)?|so long as|if)\s+(?P<clause>[^.]+)", re.I
)
_SCOPE = re.compile(
    r"\b(?:cross-?post|re-?publish|re-?print|re-?post|reproduce|share)\s+[^.]*?\s(?P<scope>on [^.]+?)\s+"
    r"(?:as long|provided|on condition|so long|if)\b",
    re.I,
)
_START_WORDS = re.compile(r"^(?:our|this|its|their|his|her|a|an|print|the print|today|part|full|here)\b", re.I)
_MONTH_NAMES = "|".join(MONTHS)
_STARTS_WITH_DATE = re.compile(
    rf"^(?:(?:{_MONTH_NAMES})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTH_NAMES})\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
    rf"(?=,|\s+\d|\s+(?:{_MONTH_NAMES})\b)",
    re.I,
)
_WEEKDAY_BEFORE_DATE = re.compile(
    r"\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s*$", re.I
)
# The Conversation's author line under the headline: "Jane Doe, University of Somewhere"
_AUTHOR_AFFILIATION = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}), (?P<org>[A-Z][^.!?]{3,90})$")
_BYLINE_CSS = re.compile(r"byline|author|contributor|writer", re.I)


def _clean_name(raw: str) -> str | None:
    name = raw.strip().rstrip(".,;:!?'’\"").strip()
    name = re.sub(r"['’]s$", "", name)
    if is_web_address(name):
        name = (host_of(name) or "").removeprefix("www.")
    if not name or len(name) > 80 or _START_WORDS.match(name):
        return None
    if not (name[0].isupper() or name[0].isdigit() or looks_like_domain(name)):
        return None
    if WORD_DATE.match(name) or re.fullmatch(r"(?:19|20)\d\d", name) or _STARTS_WITH_DATE.match(name):
        return None
    return name


def _known(context: Context, name: str) -> bool:
    return context.registry.by_name(name) is not None or looks_like_domain(name)


def _sentence(text: str, start: int, end: int | None = None) -> str:
    """The sentence holding text[start:end], as evidence: long footers are cited by their relevant sentence."""
    end = start if end is None else end
    before = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    after = re.search(r"\.(?:\s|$)", text[end:])
    stop = end + after.end() if after else len(text)
    return snippet(text[before + 1 if before >= 0 else 0 : stop], 300)


def _rest_of_sentence(text: str, start: int) -> str:
    end = re.search(r"\.(?:\s+[A-Z]|\s*$)", text[start:])
    return text[start : start + end.start()] if end else text[start:]


def _domains_for(context: Context, name: str, links: list[Link]) -> set[str]:
    domains: set[str] = set()
    entry = context.registry.by_name(name)
    if entry:
        domains.update(registered_domain(d) or d for d in entry.domains)
    if looks_like_domain(name):
        domains.add(registered_domain(name) or name)
    for link in links:
        if name_key(link.text) == name_key(name) and (reg := registered_domain(link.href)):
            domains.add(reg)
    return domains


def _url_for(context: Context, block: Block, name: str, rest: str) -> str | None:
    """The original's address: an article link in the credit block on the original's domain, else its homepage."""
    domains = _domains_for(context, name, block.links)
    candidates = [link.href for link in block.links if registered_domain(link.href) in domains]
    candidates += [u.rstrip(".,;") for u in _URL_IN_TEXT.findall(rest)]
    if not candidates and not domains:
        candidates = [u.rstrip(".,;") for u in _URL_IN_TEXT.findall(block.text)]
    candidates = [c for c in candidates if is_web_address(c)]
    articles = [c for c in candidates if len(urlsplit(c).path.strip("/")) > 1]
    return (articles or candidates or [None])[0]


_PASSIVE_CREDIT = re.compile(r"^(?:the )?(?P<what>.+?) (?:is|are) (?:acknowledged|credited|cited|attributed)$", re.I)
_NOUN_LINK = re.compile(r"^(?:with )?(?P<what>an? (?:hyper)?link\b.*|the (?:author|source)\b.*)$", re.I)


def _as_instruction(condition: str) -> str:
    """'the source and copyright are acknowledged' -> 'acknowledge the source and copyright'."""
    if match := _PASSIVE_CREDIT.match(condition):
        return f"acknowledge the {match['what']}"
    if match := _NOUN_LINK.match(condition):
        return f"include {match['what']}"
    return condition


def _credits(context: Context, block: Block) -> list[Fact]:
    facts: list[Fact] = []
    text = block.text
    seen: set[str] = set()
    for phrase in context.phrases.credits:
        for match in phrase.pattern.finditer(text):
            name = _clean_name(match.group("name") or match.groupdict().get("name2") or "")
            if not name or name_key(name) in seen or (phrase.known_only and not _known(context, name)):
                continue
            seen.add(name_key(name))
            rest = _rest_of_sentence(text, match.end())
            date = parse_written_date(rest[:160])
            credit = Credit(name, _url_for(context, block, name, rest), date, phrase.role)
            line = _sentence(text, match.start(), match.end())
            facts.append(Fact("credit", credit, "text", line, phrase.weight, block.region, {"phrase": phrase.id}))
            author = match.groupdict().get("author")
            if author and looks_like_person(author):
                facts.append(Fact("author", author, "text", line, 75, block.region))
            if phrase.grant:
                conditions = (f"credit {name} as the original publisher",)
                restrictions = (f"the permission was given for this copy; ask {name} before republishing elsewhere",)
                facts.append(Fact("grant", Grant(conditions, restrictions), "text", line, 75, block.region))
    if not facts:
        for phrase in context.phrases.redated:
            if match := phrase.pattern.search(text):
                date = parse_written_date(match.group(0))
                line = _sentence(text, match.start(), match.end())
                facts.append(Fact("redated", date, "text", line, 80, block.region))
                break
    return facts


def _dateline(context: Context, block: Block) -> list[Fact]:
    match = _DATELINE.match(block.text)
    if not match:
        return []
    entry = context.registry.by_name(match.group("name").strip())
    if entry is None:
        return []
    credit = Credit(entry.name, None, None, "original")
    return [Fact("credit", credit, "text", snippet(match.group(0), 120), 70, block.region, {"phrase": "dateline"})]


def _byline(context: Context, block: Block, extra_names: set[str]) -> list[Fact]:
    text = block.text
    is_by = re.match(r"^\s*(?:by|written by|words by|story by)\s+\S", text, re.I)
    if len(text) > 160 or not (is_by or _BYLINE_CSS.search(block.css)):
        return []
    text = WORD_DATE.sub(" ", text)
    text = _WEEKDAY.sub(" ", text)
    text = re.sub(r"\b(?:published|updated|posted)\b.*$", "", text, flags=re.I)
    text = re.sub(r"\b\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?.*$", "", text, flags=re.I)
    people, outlets = split_byline(text, context.registry, extra_names)
    facts = [Fact("author", p, "text", snippet(block.text, 160), 50, block.region) for p in people]
    for outlet in outlets:
        entry = context.registry.by_name(outlet)
        facts.append(Fact("author", outlet, "text", snippet(block.text, 160), 20, block.region, {"kind": "outlet"}))
        credit = Credit(entry.name if entry else outlet)
        facts.append(Fact("credit", credit, "text", snippet(block.text, 160), 55, block.region, {"phrase": "byline"}))
    return facts


def _reporting_line(block: Block) -> list[Fact]:
    facts = []
    for match in _REPORTING.finditer(block.text):
        for part in match.group(1).split(";"):
            part = part.strip()
            if not re.match(r"(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\b", part, re.I):
                continue
            names = re.sub(r"^.*?\bby\s+", "", part, flags=re.I)
            for name in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", names):
                name = re.sub(r"\s+in\s+[A-Z].*$", "", name).strip(" .")
                if name and len(name.split()) <= 4 and name[0].isupper():
                    facts.append(Fact("author", name, "text", snippet(match.group(0), 160), 70, block.region))
    return facts


def _date_line(block: Block, is_text: bool) -> list[Fact]:
    text = block.text
    if len(text) > hints.DATE_LINE_MAX or block.region in ("footer", "aside", "nav"):
        return []
    match = WORD_DATE.search(text)
    if not match or not (day := match_to_iso(match)):
        return []
    prefix = _WEEKDAY_BEFORE_DATE.sub("", text[: match.start()]).strip(" ,|-—–:·•")
    after = text[match.end() :].strip(" ,|-—–:·•.")
    if len(after) > 30 and not re.match(r"^(?:at\s+)?\d{1,2}[:.]\d\d", after):
        return []
    line = snippet(text, 160)
    label = prefix.lower()
    if re.search(r"\b(?:updated|modified|last updated)\b", label):
        return [Fact("modified", day, "text", line, 40 if is_text else 30, block.region)]
    if not prefix or re.fullmatch(r"(?:published|posted|date|dated|on)\b.*", label) or re.match(r"by\s", label):
        return [Fact("published", day, "text", line, 55 if is_text else 35, block.region)]
    if len(prefix) <= 60 and prefix[:1].isupper():
        return [Fact("dated_name", (prefix, day), "text", line, 55 if is_text else 35, block.region)]
    return []


_MEDIA_CREDIT = re.compile(
    r"^\s*[\[(]?(?:photo|photos|photograph|image|images|picture|illustration|graphic|video|credit|foto|bild|"
    r"lead image|top image|header image|featured image)s?\b|\bvia wikimedia commons\b|\b(?:getty|shutterstock|"
    r"alamy|istock|ap photo|reuters/|afp via getty)\b",
    re.I,
)


def is_media_credit(block: Block) -> bool:
    """A caption or picture credit: its licence or © covers the picture, not the article."""
    return block.tag == "figcaption" or bool(_MEDIA_CREDIT.search(block.text[:300]))


def _notice(block: Block) -> list[Fact]:
    match = _NOTICE.search(block.text)
    if not match or is_media_credit(block):
        return []
    parsed = parse_notice(block.text, match.start())
    if not parsed:
        return []
    holders, year, words = parsed
    weight = {"article": 70, "body": 55, "header": 40, "footer": 40}.get(block.region, 45)
    return [Fact("copyright", Notice(words, tuple(holders), year), "text", snippet(block.text), weight, block.region)]


def _rights(context: Context, block: Block) -> list[Fact]:
    facts: list[Fact] = []
    text = block.text
    weight = 70 if block.region in ("article", "body") else 55
    worth_reading = re.search(r"creative|\bcc|public domain|licen|gnu", text, re.I) and not is_media_credit(block)
    found = context.licenses.from_text(text) if worth_reading else None
    if found:
        info, words = found
        facts.append(Fact("license", info, "text", snippet(words + ' in "' + text + '"', 240), weight, block.region))
    emails = _EMAIL.findall(text) + [
        link.href.removeprefix("mailto:") for link in block.links if "mailto:" in link.href
    ]
    contact = emails[0] if emails else None
    for phrase in context.phrases.grants:
        if match := phrase.pattern.search(text):
            sentence = _rest_of_sentence(text, match.start())
            conditions = []
            if scope := _SCOPE.search(match.group(0) + sentence[len(match.group(0)) :]):
                conditions.append("only " + scope.group("scope").strip())
            if clause := _CONDITION_CLAUSE.search(sentence):
                parts = re.split(r"\s*(?:,\s*and|\band\b|;)?\s*together with\s+|\s*;\s*|,\s+and\s+", clause["clause"])
                conditions += [_as_instruction(p.strip(" ,")) for p in parts if len(p.strip()) > 3]
            line = _sentence(text, match.start(), match.end())
            facts.append(Fact("grant", Grant(tuple(conditions), (), contact), "text", line, 80, block.region))
            break
    for phrase in context.phrases.permission_needed:
        if match := phrase.pattern.search(text):
            what = " ".join((match.groupdict().get("what") or "").split())
            restriction = (phrase.template or "{what} needs permission").format(what=what)
            line = _sentence(text, match.start(), match.end())
            facts.append(Fact("grant_restriction", Grant((), (restriction,), contact), "text", line, 70, block.region))
    for phrase in context.phrases.reservations:
        if match := phrase.pattern.search(text):
            line = _sentence(text, match.start(), match.end())
            facts.append(Fact("reservation", phrase.restriction, "text", line, weight, block.region))
    for phrase in context.phrases.fair_use:
        if match := phrase.pattern.search(text):
            facts.append(Fact("fair_use", True, "text", _sentence(text, match.start(), match.end()), 80, block.region))
            break
    return facts


def _mentions(context: Context, block: Block) -> list[Fact]:
    """Domains named in pasted text ('www.globalresearch.ca'): registry outlets by name, others by domain."""
    facts = []
    for match in _DOMAIN_IN_TEXT.finditer(block.text):
        domain = match.group(1).lower()
        if not looks_like_domain(domain) or _EMAIL.search(block.text[max(0, match.start() - 40) : match.end()]):
            continue
        found = context.registry.by_host(domain)
        line = _sentence(block.text, match.start(), match.end())
        facts.append(
            Fact(
                "outlet_mention",
                found[0].name if found else domain,
                "text",
                line,
                35,
                block.region,
                {"domain": registered_domain(domain)},
            )
        )
    return facts


_BYLINE_START = re.compile(r"^(?:by|por|par|von|written by)\s+\S", re.I)


def _headline(blocks: list[Block]) -> Block | None:
    """Pasted text opens with its headline (perhaps after a byline or date line): a heading, or a short line
    that isn't prose."""
    for index, block in enumerate(blocks[:3]):
        text = block.text
        if _BYLINE_START.match(text) or (len(text) <= 40 and WORD_DATE.search(text)):
            continue
        if block.tag == "h1":
            return block
        if len(text) >= 200 or index + 1 >= len(blocks):
            return None
        if not text.endswith((".", "!", "?", ":")):
            return block
        words = [w for w in text.split() if w[:1].isalpha()]
        capitalised = sum(1 for w in words if w[0].isupper())
        following = blocks[index + 1].text
        is_title = capitalised >= 0.6 * len(words) or bool(_BYLINE_START.match(following))
        return block if is_title else None
    return None


def _affiliation_line(block: Block, context: Context, extra_names: set[str]) -> list[Fact]:
    match = _AUTHOR_AFFILIATION.match(block.text)
    if not match or WORD_DATE.search(block.text) or context.registry.by_name(match["name"]):
        return []
    if not looks_like_person(match["name"]):
        return []
    return [Fact("author", match["name"], "text", snippet(block.text, 160), 40, block.region)]


def _near_top(block: Block, is_text: bool) -> bool:
    """Datelines, bylines and date lines sit at an article's start: in its body anywhere, elsewhere near the top."""
    return block.position <= (25 if is_text else 120) or (not is_text and block.region == "article")


def read(context: Context) -> list[Fact]:
    doc = context.doc
    is_text = doc.kind == "text"
    facts: list[Fact] = []
    extra_names = {name_key(v) for v in doc.meta.get("og:site_name", [])}
    if is_text and (headline := _headline(doc.blocks)):
        facts.append(Fact("title", headline.text, "text", snippet(headline.text, 200), 60, "article"))
    elif doc.headings:
        facts.append(Fact("title", doc.headings[0], "text", snippet(f"<h1>{doc.headings[0]}</h1>", 200), 50))
    for index, block in enumerate(doc.blocks):
        region = block.region
        if region == "nav":
            continue
        text = block.text
        kinds = block.hints
        near_top = _near_top(block, is_text)
        if "credit" in kinds and region != "aside":
            facts += _credits(context, block)
        if "dateline" in kinds and near_top and region not in ("footer", "aside") and "(" in text[:80]:
            facts += _dateline(context, block)
        if len(text) <= 160 and ("byline" in kinds or (block.css and near_top)):
            facts += _byline(context, block, extra_names)
        if "reporting" in kinds:
            facts += _reporting_line(block)
        if "date" in kinds and near_top:
            facts += _date_line(block, is_text)
        if is_text and 0 < index <= 3:
            facts += _affiliation_line(block, context, extra_names)
        if "rights" in kinds:
            facts += _notice(block)
            facts += _rights(context, block)
        if is_text:
            facts += _mentions(context, block)
    return facts
