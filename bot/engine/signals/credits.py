"""Credit lines ("This article is republished from The Conversation…", "The original source of this article is
RT Op Edge"), wire datelines ("LINCOLN, Neb. (AP) —") and notes of a redated repost. Wordings: phrases.toml.
"""

from __future__ import annotations

import re

from bot.engine.closing_lines import is_closing_source
from bot.engine.dates import MONTH_NAMES, WORD_DATE, parse_written_date
from bot.engine.document import Block, Link
from bot.engine.domains import has_article_path, host_of, is_web_address, looks_like_domain, registered_domain
from bot.engine.facts import Credit, Fact, Grant, snippet
from bot.engine.markup import CAPTION_CHARS, PICTURE_CREDIT_CHARS
from bot.engine.names import looks_like_person
from bot.engine.regions import IN_ARTICLE, MARGINS
from bot.engine.registry import OutletEntry, Registry, name_key
from bot.engine.signals.agency_lines import agency_alone, agency_line
from bot.engine.signals.context import Context
from bot.engine.signals.passages import (
    in_media_element,
    is_media_credit,
    near_top,
    readable,
    rest_of_sentence,
    sentence,
)
from bot.engine.vocabulary import one_of
from bot.engine.weights import WEIGHT
from bot.link_kinds import load_not_articles

_DATELINE = re.compile(
    # the place, perhaps with its region: "LINCOLN, Neb.", "Thiruvananthapuram (Kerala) [India]"
    r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’ /\[\]-]{1,40}(?:\s*\([A-Z][\w .]{1,25}\)\s*(?:\[[\w ]{1,20}\])?)?"
    r"(?:,\s*[A-Z][\w.'’ \[\]]{0,30}?)?"
    r"(?:,?\s+(?:[A-Za-z]{3,10}\.?\s+\d{1,2}|\d{1,2}\s+(?:[a-z]{3,10}|[A-Z]{3,10})\.?)(?:,?\s+(?:19|20)\d\d)?)?"
    # ANSA's "ROMA, 12 MAR - (ANSA) -": a dash between the date and the agency
    r"(?:\s+[-—–])?\s*)?"
    # "(AP) —", "(EFE).-", "(ANI):", PTI's and IANS's bare "New Delhi, Feb 19 (PTI) The …", and a German church
    # paper's stop after the agency and its own desk: "Wiesbaden (KNA/iz). Der …" (then a wire alone, see _dateline)
    r"(?:\((?P<name>[^()]{2,60})\)(?:\s*[.,]?\s*(?:[-—–]{1,2}|:)|\s+(?=[A-Z\"“‘'])|(?P<stop>\.)\s+(?=[A-ZÀ-Þ]))"
    r"|/(?P<slashed>[A-Z][\w -]{1,30})/\.?\s)"
)

# A US radio or television station's call sign ("KTVI", "WABC-TV"); three letters ("WHO") name other things too
_CALL_SIGN = re.compile(r"^[KW][A-Z]{3}(?:-(?:TV|DT|FM|AM))?$")

# The Japanese and Chinese wire dateline: "【6月18日 AFP】", "【新华社】"
_BRACKET_DATELINE = re.compile(r"^【[^】]{0,24}?(?P<name>[^\s】\d月日年][^】\d]{0,29})】")
# ... and a Japanese paper's own correspondent, after the place they filed from: "【ソウル＝小池和樹】" (an agency
# after the sign is its distributor: "【ＡＦＰ＝時事】")
_BRACKET_CORRESPONDENT = re.compile(r"^【(?P<place>[^】＝=\d]{1,20})[＝=](?P<names>[^】＝=\d\s]{2,30})】")

# A wire's sign-off closing a paragraph: "… into the US. PTI", "… said. (dpa/lno)", "… the capital — AFP"
# (the desk that edited it may follow: "(ats/nxp)", "(KNA, DR)")
# ("… Donald Trump. (ANSA)." closes with a stop after the parenthesis); Polish papers put the editor's initials
# first ("… w czwartek. aja/PAP"); an agency in another script signs in brackets ("… --(بترا)")
_SIGNOFF = re.compile(
    r"(?:^|[.!?\"”’]\s+|\s[-—–]\s*|--)(?:\((?P<paren>[^\W\d_]{2,12})(?:/[a-z]{2,4}|,\s?[A-Za-z]{2,4})?"
    r"(?:\s\d{1,2}\.\d{1,2}\.(?:\d\d){1,2})?\)\.?"
    r"|(?:[a-z]{2,4}\s?/\s?)?(?P<name>[A-Za-z][A-Za-z]{1,11})(?:/[a-z]{2,4})?\)?)\s*$"
)

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')]+")

_START_WORDS = re.compile(rf"^(?:{one_of('credits', 'not_name_starts')})\b", re.I)
_LANGUAGE = re.compile(rf"^(?:{one_of('credits', 'languages')})$", re.I)
_KIND_BEFORE_NAME = re.compile(rf"^(?:{one_of('credits', 'kind_before_name')})\s+(?=\S)", re.I)
_STARTS_WITH_DATE = re.compile(
    rf"^(?:(?:{MONTH_NAMES})\.?\s+\d|\d{{1,2}}\s+(?:{MONTH_NAMES})\b|(?:{one_of('weekdays', 'english')})\b)",
    re.I,
)


_TRAILING_PLACE_WORD = re.compile(rf"\s+(?-i:{one_of('credits', 'place_words')})$")
_JOINED_NAME = re.compile(
    rf" (?:{one_of('credits', 'name_joiners')}) (?:the )?" r"(?-i:[A-Z])[\w’'.-]*(?: (?-i:[A-Z])[\w’'.-]*){0,4}$"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE = re.compile(r"['’]s\b")


_OPENING_QUOTES = "„“\"«»‘‚'"


def _clean_name(raw: str, registry: Registry, quoted: bool = False) -> str | None:
    """The credit's name, or None when the words are no name. `quoted`: the page put the name in quotation marks,
    so it is a title as written even in lower case ("in der Wochenzeitung „der Freitag“")."""
    name = raw.strip().rstrip(".,;:!?'’\"").strip()
    name = _TRAILING_PLACE_WORD.sub("", name)  # "the Institute for New Economic Thinking website"
    name = _KIND_BEFORE_NAME.sub("", name)  # "Pressemitteilung Harbor Stiftung": the sender's release
    if name[:4].lower() == "the " and name[4:5].isupper():
        name = "The " + name[4:]  # "originally published by the Texas Tribune"
    if possessive := _POSSESSIVE.search(name):
        # "The Atlantic's March issue" -> "The Atlantic"; but "Barron's" is the outlet's own name
        with_s, without, rest = name[: possessive.end()], name[: possessive.start()], name[possessive.end() :]
        if registry.by_name(without) and not registry.by_name(with_s):
            name = without
        elif registry.by_name(with_s) or not rest.strip():
            name = with_s
        else:  # "Reader's Digest" goes on with a name; "The Atlantic's March 2024 issue" with a date
            following = rest.split()[0]
            name = name if following[:1].isupper() and not _STARTS_WITH_DATE.match(rest.strip()) else without
    if is_web_address(name):
        name = (host_of(name) or "").removeprefix("www.")
    if not name or len(name) > 80 or _START_WORDS.match(name) or _LANGUAGE.match(name):
        return None
    caseless = name[0].isalpha() and name[0].lower() == name[0].upper()  # 网易, 半月谈: a script without capitals
    # an agency the registry knows signs in lower case too ("Quelle: kathpress", "Source: dpa")
    known = registry.by_name(name) is not None
    if not (name[0].isupper() or name[0].isdigit() or caseless or quoted or known or looks_like_domain(name)):
        return None
    # "first published in 1887", "first appeared on 12/03": a year or a number is never a publisher
    if WORD_DATE.match(name) or not _HAS_LETTER.search(name) or _STARTS_WITH_DATE.match(name):
        return None
    entry = registry.by_name(name) if known and name.islower() else None
    return entry.name if entry else name


def _known(context: Context, name: str, block: Block, role: str) -> bool:
    """A loose wording's name counts when the registry knows it, it is a domain, or the block links it to a site
    ("Source: <a href='https://www.tampabay.com/…'>Tampa Bay Times, March 3, 2025</a>"). An original's link must
    lead to a page: one to a homepage or a document file names where figures or a statement came from ("Source:
    <a href='https://www.harbor-figures.example/'>Harbor Figures</a>" under a chart), not a story this one copies
    (a distributor is named by its homepage: "Via <a href='https://wirehub.example'>WireHub</a>")."""
    if context.registry.by_name(name) is not None or looks_like_domain(name):
        return True
    return any(
        _labels(link, name) and is_web_address(link.href) and (role != "original" or _leads_to_a_page(link.href))
        for link in block.links
    )


def _leads_to_a_page(href: str) -> bool:
    # a file, not a page: "Source: <a href='…/press/2019-04.pdf'>Harbor Toys</a>" cites a company's release file
    return has_article_path(href) and not load_not_articles().is_file(href.split("?", 1)[0].split("#", 1)[0])


def _labels(link: Link, name: str) -> bool:
    """The link's words are the name, perhaps with the kind of text before it ("Pressemitteilung Harbor Stiftung")
    or a date after it ("Tampa Bay Times, March 3, 2025")."""
    text = _KIND_BEFORE_NAME.sub("", link.text.strip())
    if name_key(text) == name_key(name):
        return True
    words, target = " ".join(text.lower().split()), " ".join(name.lower().split())
    return words.startswith(target) and not words[len(target)].isalnum()


def _linked_name(name: str, links: list[Link]) -> str:
    """The whole name when the credit's link spells it out: a credit name stops before "and", but the link
    'LSE British Politics and Policy blog' goes on."""
    bare = name[4:] if name.lower().startswith("the ") else name  # "the LSE British Politics and Policy blog"
    for link in links:
        label = _TRAILING_PLACE_WORD.sub("", " ".join(link.text.split()))
        rest = label[len(bare) :]
        if label.lower().startswith(bare.lower()) and rest[:1] == " " and _JOINED_NAME.match(rest):
            return label
    return name


def _domains_for(context: Context, name: str, links: list[Link]) -> set[str]:
    domains: set[str] = set()
    entry = context.registry.by_name(name)
    if entry:
        domains.update(registered_domain(d) or d for d in entry.domains)
    if looks_like_domain(name):
        domains.add(registered_domain(name) or name)
    # a link to the page's own site ("Provided by <a href='/partners/university-x/'>") is its page about the
    # partner, not the partner's site
    own = registered_domain(context.page_url) if context.page_url else None
    for link in links:
        if _labels(link, name) and (reg := registered_domain(link.href)) and reg != own:
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
    articles = [c for c in candidates if has_article_path(c)]
    return articles[0] if articles else candidates[0] if candidates else None


def _credits(context: Context, block: Block) -> list[Fact]:
    # "Quelle: AFP" under the lead picture credits the picture
    under_picture = "after_picture" in block.hints and len(block.text) <= PICTURE_CREDIT_CHARS
    facts: list[Fact] = []
    text = block.text
    seen: set[str] = set()
    low = text.lower()
    for phrase in context.phrases.credits:
        if not phrase.may_match(low) or (under_picture and not phrase.under_pictures):
            continue
        for match in phrase.outside_linked_titles(text, [link.text for link in block.links]):
            group = "name" if match.group("name") else "name2"
            raw = match.group(group) or ""
            quoted = phrase.any_case or (
                raw != "" and text[match.start(group) - 1 : match.start(group)] in _OPENING_QUOTES
            )
            name = _clean_name(raw, context.registry, quoted)
            name = _linked_name(name, block.links) if name else name
            if not name or name_key(name) in seen:
                continue
            closing = is_closing_source(name, text, block.hints, bool(block.links))
            if phrase.known_only and not (_known(context, name, block, phrase.role) or closing):
                continue
            seen.add(name_key(name))
            rest = rest_of_sentence(text, match.end())
            date = parse_written_date(rest[:160])
            credit = Credit(name, _url_for(context, block, name, rest), date, phrase.role)
            line = sentence(text, match.start(), match.end())
            facts.append(Fact("credit", credit, "text", line, phrase.weight, block.region, phrase=phrase.id))
            author = match.groupdict().get("author")
            if author and looks_like_person(author):
                # the credit names the original's writer: that outweighs whoever posted the copy
                facts.append(Fact("author", author, "text", line, WEIGHT.strong, block.region, credited=True))
            if phrase.grant:
                conditions = (f"credit {name} as the original publisher",)
                restrictions = (f"the permission was given for this copy; ask {name} before republishing elsewhere",)
                facts.append(Fact("grant", Grant(conditions, restrictions), "text", line, WEIGHT.strong, block.region))
    if not facts:
        for phrase in context.phrases.redated:
            if redated := phrase.pattern.search(text):
                date = parse_written_date(redated.group(0))
                line = sentence(text, redated.start(), redated.end())
                facts.append(Fact("redated", date, "text", line, WEIGHT.very_strong, block.region))
                break
    return facts


# "<a href='https://other.example/2023/story'>Quelle: The story's headline</a>" closing a translated copy: the
# source named only by its link, to an article on another site
_SOURCE_LABEL = re.compile(r"^\s*(?:quelle|source|fuente|fonte|fonti|źródło)\s*[:：]\s*", re.I)


def _linked_source(context: Context, block: Block) -> list[Fact]:
    label = _SOURCE_LABEL.match(block.text)
    if label is None or len(block.links) != 1 or block.region not in IN_ARTICLE:
        return []
    link, rest = block.links[0], name_key(block.text[label.end() :])
    domain, own = registered_domain(link.href), registered_domain(context.page_url) if context.page_url else None
    # the whole line, label and all, is the link ("Source: <a>Harbor Ministry</a>" cites a fact's source)
    if not rest or name_key(link.text) != name_key(block.text) or not domain or domain == own:
        return []
    words = block.text[label.end() :].strip()
    if not has_article_path(link.href) or looks_like_person(words) or parse_written_date(words):
        return []  # "Source: Harbor Ministry, October 25, 2019": a fact-check's source of a claim, dated
    known = context.registry.by_host(host_of(link.href))
    credit = Credit(known[0].name if known else domain, link.href, None, "original")
    return [Fact("credit", credit, "text", snippet(block.text, 120), WEIGHT.good, block.region, phrase="source-line")]


def _signoff(context: Context, block: Block) -> list[Fact]:
    if in_media_element(block) or is_media_credit(block):
        return []  # "File photo of the minister. (Reuters)": the picture's agency
    if "after_picture" in block.hints and len(block.text) <= CAPTION_CHARS:
        return []  # "<p><img></p><p><em>The senator speaks in Ohio. (AP)</em></p>": a caption in a plain paragraph
    match = _SIGNOFF.search(block.text[-40:])
    entry = context.registry.by_name(match["paren"] or match["name"]) if match else None
    if match is None or entry is None or not entry.is_wire:
        return []
    line = snippet(block.text[-120:], 120)
    return [Fact("credit", Credit(entry.name, None, None, "original"), "text", line, WEIGHT.firm, block.region)]


def _slashed_alike(entry: OutletEntry, name: str) -> bool:
    """'(RFE/RL)': a name with a slash that the registry writes with the slash too."""
    written = name.lower().replace(" ", "")
    return any(known.lower().replace(" ", "") == written for known in (entry.name, *entry.aliases))


def _correspondents(context: Context, block: Block) -> list[Fact]:
    match = _BRACKET_CORRESPONDENT.match(block.text)
    if match is None or context.registry.by_name(match["place"]) is not None:
        return []
    names = [name for name in match["names"].split("、") if looks_like_person(name)]
    if not names or any(context.registry.by_name(name) is not None for name in names):
        return []
    line = snippet(match.group(0), 120)
    return [Fact("author", name, "text", line, WEIGHT.plain, block.region) for name in names]


def _dateline(context: Context, block: Block) -> list[Fact]:
    match = _DATELINE.match(block.text) or _BRACKET_DATELINE.match(block.text)
    if not match:
        return []
    groups = match.groupdict()
    name = (groups.get("name") or groups.get("slashed") or "").strip()
    entry = context.registry.by_name(name)
    if entry is not None and "/" in name and not _slashed_alike(entry, name):
        entry = None  # "(B/R)" is no "BR": the slash folded away would join two letters into another's code
    if entry is None and ("/" in name or "-" in name):
        # "(dpa/lno)": the agency's regional desk; "(efe-epa)": the agency and its picture partner
        entry = context.registry.by_name(re.split(r"[/-]", name, maxsplit=1)[0].strip())
    if entry is None and "/" in name:
        entry = _agency_after_slash(context.registry, name)
    if entry is None and _CALL_SIGN.match(name):
        # "ST. LOUIS, MO (KTVI) –": a US broadcaster by its call sign, known to the registry or not
        line = snippet(match.group(0), 120)
        return [Fact("credit", Credit(name), "text", line, WEIGHT.firm, block.region, phrase="call-sign")]
    if entry is None or (groups.get("stop") and not entry.is_wire):
        return []  # a stop after the brackets ends many an opening sentence: "Harbor Council (HC). The …"
    line = snippet(match.group(0), 120)
    # "MINNEAPOLIS, March 4, 2025 /PRNewswire/ --", "Lisboa, 12 mar 2025 (Lusa) -": a dateline with its year
    day = parse_written_date(match.group(0))
    credit = Credit(entry.name, None, day, "original")
    facts = [Fact("credit", credit, "text", line, WEIGHT.firm, block.region, phrase="dateline")]
    if day:
        facts.append(Fact("published", day, "text", line, WEIGHT.weak, block.region))
    return facts


_DATE_AFTER_DASH = re.compile(r"\s+[-—–]\s+.*$")


def _agency_after_slash(registry: Registry, name: str) -> OutletEntry | None:
    """'(Harbor News / Sputnik - 29th April, 2020)': the site's own desk, then after the slash the agency it has
    the story from (and the day)."""
    for piece in re.split(r"\s*/\s*", _DATE_AFTER_DASH.sub("", name))[1:]:
        if (entry := registry.by_name(piece.strip())) is not None and entry.is_wire:
            return entry
    return None


# How far (in text nodes) the byline's outlet may stand after the byline in an element of its own
_BYLINE_OUTLET_GAP = 3


def _byline_outlet(context: Context, block: Block, previous: Block | None) -> list[Fact]:
    """The outlet a byline goes on to name in the next element: "By Jo Roe" then "Harbor Ledger"."""
    if previous is None or not ("byline" in previous.hints or "byline_markup" in previous.hints):
        return []
    entry = context.registry.by_name(block.text)
    if entry is None or block.position - previous.position > _BYLINE_OUTLET_GAP:
        return []
    line = snippet(f"{previous.text} {block.text}", 120)
    return [Fact("credit", Credit(entry.name), "text", line, WEIGHT.moderate, block.region, phrase="byline")]


# "Wochenblatt / Última Hora" closing a story: the site's own name, then the paper it translated the story from
_SITE_SLASH_SOURCE = re.compile(r"^(?P<site>[^/]{2,30}?)\s+/\s+(?P<name>[^/]{2,30})$")


def _site_and_source(context: Context, block: Block) -> list[Fact]:
    match = _SITE_SLASH_SOURCE.match(block.text)
    if match is None or in_media_element(block) or is_media_credit(block):
        return []
    site_names = {name_key(n) for n in context.doc.meta.get("og:site_name", [])}
    name = _clean_name(match["name"], context.registry)
    if name_key(match["site"]) not in site_names or not name:
        return []
    if looks_like_person(name) and context.registry.by_name(name) is None:
        return []  # "Harbor Ledger / Jo Roe": the site's photographer
    return [Fact("credit", Credit(name), "text", block.text, WEIGHT.good, block.region, phrase="site-source")]


def _partner_logo(context: Context, block: Block) -> list[Fact]:
    """A portal's partner logo ("<p class='partnerlogo'><a href='https://harbor.example/'><img alt='Harbor
    Ledger'>"): the partner's name, as its alt text gives it (counted on a portal's pages only)."""
    name = _clean_name(block.text, context.registry) if len(block.text) <= 60 else None
    if not name:
        return []
    credit = Credit(name, _url_for(context, block, name, ""))
    return [Fact("credit", credit, "text", block.text, WEIGHT.good, block.region, phrase="partner-logo")]


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    previous: Block | None = None
    for block in context.doc.blocks:
        if not readable(block):
            continue
        if "by_headline" in block.hints and block.region not in MARGINS:
            facts += agency_line(context, block) + _byline_outlet(context, block, previous)
            facts += agency_alone(context, block)
        previous = block
        if "source_markup" in block.hints and block.region in IN_ARTICLE:
            facts += agency_alone(context, block)  # the source box closing the story: "DPA"
        if "credit" in block.hints and block.region != "aside":
            facts += _credits(context, block) or _linked_source(context, block)
        at_top = near_top(block, context.doc) and block.region not in MARGINS
        if "dateline" in block.hints and at_top and any(mark in block.text[:80] for mark in "(/【"):
            facts += _dateline(context, block) + _correspondents(context, block)
        if "dateline" in block.hints and block.region in IN_ARTICLE and len(block.text) <= 64:
            facts += _site_and_source(context, block)
        if "partner_logo" in block.hints and block.region not in MARGINS:
            facts += _partner_logo(context, block)
        if "signoff" in block.hints and block.region in IN_ARTICLE:
            facts += _signoff(context, block)
    return facts
