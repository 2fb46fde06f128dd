"""What the page says about rights: copyright notices, licences written in words, a publisher's grant and its
conditions, what needs permission, reservations ("All rights reserved") and fair-use claims. Wordings:
phrases.toml; licences: licenses.toml.
"""

from __future__ import annotations

import re

from bot.engine.document import Block
from bot.engine.domains import looks_like_domain
from bot.engine.facts import Fact, Grant, Notice, snippet
from bot.engine.markup import CAPTION_CHARS, PICTURE_CREDIT_CHARS
from bot.engine.notices import is_rights_page_label, parse_notice
from bot.engine.regions import IN_ARTICLE
from bot.engine.signals.context import Context
from bot.engine.signals.passages import in_media_element, is_media_credit, readable, rest_of_sentence, sentence
from bot.engine.vocabulary import one_of
from bot.engine.weights import WEIGHT

# "© 2024 X", "Copyright 2024 X", "Copyright X" — but not "the Copyright Act" or "US Copyright Law"; "(с)" may be
# typed with the Cyrillic letter
_NOTICE = re.compile(
    r"(?:(?:©|ⓒ|&copy;)(?!\s*(?:are|is|was|were|and|or|not|marked|symbol|sign|in|on|of|to|mark)\b)|\((?i:[cс])\)\s*(?:19|20)\d\d|"
    # "® 2020 X Inc., All rights reserved", "Copyright ® X S.A.": the registered sign typed for the mark
    r"(?<!\w)®\s*(?=(?:19|20)\d\d\b)|"
    r"\b(?i:copyright)[,:]?\s*(?:©|ⓒ|®|\((?i:[cс])\)|(?:19|20)\d\d|by\s+(?=\S)|@\s*(?=(?:19|20)\d\d)|"
    r"(?!(?:Law|Act|Office|Owner|Holder|Infringement|Notice|Policy|Claim|Agent|Compliance|Complaints?|"
    r"Information|Guidelines|Statement|Disclaimer)\b)[A-Z]))"
    rf"|{one_of('rights', 'reserved_cjk')}"  # "版权所有 半月谈杂志社": the reservation stands for the mark
)

_LICENCE_WORDS = re.compile(r"creative|\bcc|public domain|licen|gnu|subject to copyright|government work", re.I)
# a reader's comment ("comment-body", "comment_text", "commentContent"): a licence a reader names there ("no
# attribution as required by Creative Commons …") is no term of the site's or the piece's
_READER_COMMENT = re.compile(r"(?<![a-z])comment(?:[-_]?(?:body|content|text|message))?(?![a-z])", re.I)
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+\b")  # 64: the longest local part, and linear time

_CONDITION_CLAUSE = re.compile(
    r"\b(?:as long(?: as)?|provided(?: that)?|on (?:the )?condition(?: that)?|so long as|if)\s+(?P<clause>[^.]+)"
    r"|\bwith (?P<credit>(?:credit|attribution) to [^.;]+)",
    re.I,
)

_SCOPE = re.compile(
    r"\b(?:cross-?post|re-?publish|re-?print|re-?post|reproduce|share)\s+[^.]*?\s(?P<scope>on [^.]+?)\s+"
    r"(?:as long|provided|on condition|so long|if)\b",
    re.I,
)

_PASSIVE_CREDIT = re.compile(rf"^(?:the )?(?P<what>.+?) (?:is|are) (?:{one_of('rights', 'credited')})$", re.I)

_NOUN_LINK = re.compile(r"^(?:with )?(?P<what>an? (?:hyper)?link\b.*|the (?:author|source)\b.*)$", re.I)

# What a licence in prose may cover other than the article ("The images … are offered under a CC0 dedication"),
# and the words that say it covers the article after all ("this story", "our content").
_OTHER_SUBJECT = re.compile(rf"\b(?:{one_of('pictures', 'other_subjects')})\b", re.I)
_ARTICLE_SUBJECT = re.compile(
    rf"\b(?:this|our) (?:{one_of('pictures', 'article_nouns')})\b|"
    r"\b(?:articles?|stories|content|text) (?:on|of|from) this\b|\ball (?:content|articles|stories)\b|"
    r"\b(?:article|story) is\b",
    re.I,
)


def _about_something_else(text: str, words: str) -> bool:
    """A licence named in a sentence about pictures, data or code (a story about a museum's CC0 release) is not
    the article's licence."""
    start = text.find(words)
    if start < 0:
        return False
    around = sentence(text, start, start + len(words))
    before = around[: max(around.find(words), 0)]
    return bool(_OTHER_SUBJECT.search(before)) and not _ARTICLE_SUBJECT.search(around)


def _in_discussion(text: str) -> bool:
    """A licence named in passing in a long paragraph of the article's prose ("… under the chosen licence version
    (CC BY-ND 2.0), …") is a subject of the story; a licence statement is short or says what it covers."""
    return len(text) > _STATEMENT_MAX and not _ARTICLE_SUBJECT.search(text) and "licensed under" not in text.lower()


_STATEMENT_MAX = 400


def credits_a_picture(block: Block) -> bool:
    """'CC BY-SA 3.0' in a photo-credit element, or in a short line beside a picture ("Jo Roe, CC-BY-SA 4.0"),
    names the picture's licence, unless it speaks of the article."""
    beside = "after_picture" in block.hints and len(block.text) <= PICTURE_CREDIT_CHARS
    return (in_media_element(block) or beside) and not _ARTICLE_SUBJECT.search(block.text)


# "Image by Jo Roe, CC BY-SA 4.0" within a longer caption, "… | Bildquelle Banner: Sunset (cc-by-sa 3.0, …)" at the
# end of a footer line: the words just before a licence credit a picture
_PICTURE_BY = re.compile(
    rf"\b(?:{one_of('pictures', 'caption_openings')})s?"
    rf"(?:\s+(?:by|von|par|de|por|di)\s+|(?:\s+[^\W\d_]+)?\s*:\s+)[^.;:!?]{{1,60}}$",
    re.I,
)


def credits_a_picture_before(block: Block, licence_words: str) -> bool:
    """The licence named by `licence_words` in `block` follows a picture's credit ("Photo by Jo Roe, …")."""
    at = block.text.find(licence_words) if licence_words else -1
    return at > 0 and bool(_PICTURE_BY.search(block.text[max(0, at - 90) : at]))


# "Flower von Flower's Lover CC BY 2.0", "Birocratic – prismatic (CC BY)": a short line that credits a work (a
# photo, a track) to its maker and closes with the work's licence tag, with no verb that licenses anything
_WORK_BY_MAKER = re.compile(
    r"^(?P<work>[^.!?:;|]{1,80}?)\s+(?:by|von|de|par|di|da|door|af|av|[–—-])\s+[^.!?:;|]{1,60}?[\s,(\[]*$", re.I
)
_LICENSING_WORDS = re.compile(r"licen|lizen|\b(?:under|unter|bajo|sous|sotto|sob|onder)\b", re.I)
_ARTICLE_NOUN = re.compile(rf"^(?:{one_of('pictures', 'article_nouns')})\b", re.I)


def credits_a_work(text: str, licence_words: str) -> bool:
    """The licence closes a line that credits someone's work to its maker ("Title von Name CC BY 2.0"): the
    work's licence, not the article's ("Text by Jo Roe, CC BY 4.0" is the article's)."""
    at = text.rfind(licence_words) if licence_words else -1
    if at <= 0 or text[at + len(licence_words) :].strip(" )]") or _LICENSING_WORDS.search(text[:at]):
        return False
    credit = _WORK_BY_MAKER.match(text[:at])
    return credit is not None and not _ARTICLE_NOUN.match(credit["work"].strip())


def _as_instruction(condition: str) -> str:
    """'the source and copyright are acknowledged' -> 'acknowledge the source and copyright'."""
    if match := _PASSIVE_CREDIT.match(condition):
        return f"acknowledge the {match['what']}"
    if match := _NOUN_LINK.match(condition):
        return f"include {match['what']}"
    return condition


_SLASHED = re.compile(r"[^\W\d_]\s*/\s*[^\W\d_]")
# "© Jo Roe" alone in its element or closing a caption ("The pier at dawn © Jo Roe"): a name and nothing after it
# (a site's "© Copyright by X", "© X - Rechte am Artikel …" beside a logo say more)
_BARE_NAME_NOTICE = re.compile(r"(?:^|\s)©\s*(?!copyright\b)[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}$", re.I)


# "Textquelle: © Harbor.at", "Text: © Jo Roe": a notice that says it covers the text
_TEXT_SOURCE = re.compile(r"^\s*(?:textquelle|text(?:\s+source)?|texto|testo)\s*:", re.I)


def _is_picture_notice(block: Block, year: int | None, words: str) -> bool:
    """'© Reuters / David Mercado', '© Jo Roe/Press Association/dpa', a bare '© Jo Roe' in a credit element or in
    a short line of its own beside a picture: a notice with no year that names a photographer and agency, or stands
    where a picture's credit goes."""
    if block.tag == "figcaption":
        return True  # "<figcaption>© 2023 Jo Roe</figcaption>": the picture's, dated or not
    if year is not None or _TEXT_SOURCE.match(block.text):
        return False  # "Textquelle: © Harbor.at" beside a picture names the text's source
    # (a site footer's notice after its logo is the site's: "<img logo> Copyright © Harbor Media GmbH")
    if in_media_element(block) or (
        "after_picture" in block.hints
        and block.region != "footer"
        and len(block.text) <= CAPTION_CHARS
        and _BARE_NAME_NOTICE.search(block.text)
    ):
        return True
    # "© ARD-aktuell / tagesschau.de" is a holder and its site
    return bool(_SLASHED.search(words)) and not any(looks_like_domain(part.strip()) for part in words.split("/"))


# "2019 Harbor Media Ltd. All rights reserved.": a notice whose © the page drew as a picture
_YEAR_NOTICE = re.compile(
    r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,?\s+(?-i:[A-Z])[^.]{1,80}?\.?\s+all rights reserved", re.I
)


# "Tous droits réservés - Harbor Echo 2024": the reservation first, then the holder and the year; the dash may be
# missing and the holder's seat may follow it ("Todos los derechos reservados Harbor Editora S.A. - Ciudad Puerto -
# Costa Azul 2022."), so a company's stops stay in the name and dashed parts before the year are places
_RESERVED_THEN_HOLDER = re.compile(
    rf"^(?:{one_of('rights', 'reservations')})\s*[-–—|]?\s*(?P<holder>(?-i:[A-Z])[^|]{{1,60}}?)\.?"
    r"(?:\s+[-–—]\s+(?-i:[A-Z])[^-–—|.]{1,40}?)*\s+(?:19|20)\d\d\.?$",
    re.I,
)
# "2012-2013 Derechos Reservados - HARBOR EDITORES SAS": the years, the reservation, then the holder
_YEARS_RESERVED_HOLDER = re.compile(
    rf"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\.?\s+(?:{one_of('rights', 'reservations')})\.?\s*[-–—|]\s*"
    r"(?P<holder>(?-i:[A-Z])[^|.]{1,60}?)\.?$",
    re.I,
)
# "Harbor Media Inc. No reproduction without permission.": a company, then its reservation, with no mark
_COMPANY_RESERVES = re.compile(
    r"^(?P<holder>(?-i:[A-Z])[^.|]{1,60}?\b(?:inc|ltd|limited|llc|gmbh|ag|plc|corp|s\.a)\.?)\s*"
    r"(?:all rights reserved|no reproduction without (?:written )?permission)",
    re.I,
)


# "Most stock quote data provided by BATS. … Morningstar: Copyright 2018 Morningstar, Inc": the data's notice
_SUPPLIED_BEFORE = re.compile(
    rf"\b(?:{one_of('pictures', 'other_subjects')}|quotes?)\b[^.]{{0,40}}\bprovided by\b", re.I
)


# "copyright in the content of this website vests in X (Registration No 85/058)": the content's holder, in words
_VESTS_IN = re.compile(
    r"\bcopyright in (?:the |all )?(?:content|contents|material)\b[^.]{0,40}?\bvests? in (?P<holder>[^.(]{3,80})", re.I
)


# "Vlasnik autorskih prava Harbor press d.o.o Luka. ISSN …": the owner in words; "A HARBOR kiadója a Harbor Media
# Zrt. © Minden jog fenntartva": the publisher named just before the mark
_HOLDER_IN_WORDS = re.compile(
    rf"\b(?:(?:{one_of('rights', 'holder_leads')})\s*:?\s+(?P<owner>(?-i:[A-Z])[^|©]{{2,80}}?)(?:\.\s|\.?$)"
    rf"|(?:{one_of('rights', 'publisher_before_mark')})\s+(?P<publisher>(?-i:[A-Z])[^|©]{{2,80}}?)\.?\s*©)",
    re.I,
)


# The licence chooser's attribution line names the holder in place of a notice: "Harbor Notes by Jo Roe is licensed
# under a Creative Commons …", "Harbor Notes von Jo Roe ist lizenziert unter einer Creative Commons …" (or "steht
# unter")
_LICENSED_BY = re.compile(
    r"\b(?:by|von)\s+(?P<holder>(?-i:[A-Z])[^|©.:;]{2,60}?)\s+(?:is licensed under|ist lizenziert unter|steht unter)\s+"
    r"(?:a|an|einer)\s+creative commons",
    re.I,
)


def _link_label_notice(block: Block, match: re.Match[str]) -> bool:
    """'Copyright' as a link's whole words in a footer's list of links (its page about copyright), followed by
    the next link's words: no notice. The link may name its page in more words ("Copyright, Trademark and Patent
    Information", "Copyright Policy"): a label, no holder."""
    found = match.group(0)
    bare = found[:9].lower() == "copyright" and not any(mark in found for mark in "©ⓒ(@&0123456789")
    return bare and any(_copyright_link_label(block.text, match.start(), link.text) for link in block.links)


def _copyright_link_label(text: str, start: int, label: str) -> bool:
    """The link's words are the notice's start and only say what page the link opens."""
    words = " ".join(label.split())
    if words.lower() == "copyright":
        return True
    rest = words[9:]
    return (
        words[:9].lower() == "copyright"
        and " ".join(text[start : start + 2 * len(words)].split()).startswith(words)
        and not any(mark in rest for mark in "©ⓒ0123456789")
        and is_rights_page_label(words)
    )


def _notice(block: Block) -> list[Fact]:
    licensed: re.Match[str] | None = None
    match = _NOTICE.search(block.text)
    while match and _link_label_notice(block, match):
        match = _NOTICE.search(block.text, match.end())
    if is_media_credit(block) or (match and _SUPPLIED_BEFORE.search(block.text, 0, match.start())):
        return []
    if match:
        parsed = parse_notice(block.text, match.start())
    elif _YEAR_NOTICE.match(block.text):
        parsed = parse_notice(f"© {block.text}")
        parsed = (parsed[0], parsed[1], parsed[2].removeprefix("© ")) if parsed else None
    elif reserved := (
        _RESERVED_THEN_HOLDER.match(block.text)
        or _YEARS_RESERVED_HOLDER.match(block.text)
        or _COMPANY_RESERVES.match(block.text)
    ):
        parsed = parse_notice(f"© {reserved['holder']}")
        parsed = (parsed[0], parsed[1], reserved.group(0).strip()) if parsed else None
    elif found := (_VESTS_IN.search(block.text) or (licensed := _LICENSED_BY.search(block.text))):
        parsed = parse_notice(f"© {found['holder']}")
        parsed = (parsed[0], parsed[1], found.group(0).strip()) if parsed else None
    else:
        parsed = None
    if (not parsed or not parsed[0]) and (named := _HOLDER_IN_WORDS.search(block.text)):
        held = parse_notice(f"© {named['owner'] or named['publisher']}")
        parsed = (held[0], parsed[1] if parsed else None, named.group(0).strip()) if held else parsed
    if not parsed:
        return []
    holders, year, words = parsed
    # (the licence line names its work's holders, "Jo Roe/Harbor Society" no photographer and agency)
    if not licensed and _is_picture_notice(block, year, words):
        return []
    # a sidebar's notice is about its own box (a newsletter's, a widget's), weaker even than the site footer's
    weight = {
        "article": WEIGHT.firm,
        "body": WEIGHT.moderate,
        "header": WEIGHT.weak,
        "footer": WEIGHT.weak,
        "aside": WEIGHT.faint,
        "nav": WEIGHT.faint,
    }.get(block.region, WEIGHT.modest)
    return [Fact("copyright", Notice(words, tuple(holders), year), "text", snippet(block.text), weight, block.region)]


def _covers_something_else(block: Block, licence_words: str) -> bool:
    """The licence a block names covers a picture, a credited work, a subject of the story or a reader's comment."""
    text = block.text
    return bool(
        _about_something_else(text, licence_words)
        or credits_a_picture(block)
        or credits_a_picture_before(block, licence_words)
        or credits_a_work(text, licence_words)
        or (block.region in IN_ARTICLE and _in_discussion(text))
        or _READER_COMMENT.search(block.css)
    )


def _rights(context: Context, block: Block) -> list[Fact]:
    facts: list[Fact] = []
    text = block.text
    weight = WEIGHT.firm if block.region in IN_ARTICLE else WEIGHT.moderate
    worth_reading = _LICENCE_WORDS.search(text) and not is_media_credit(block)
    found = context.licenses.from_text(text) if worth_reading else None
    if found and _covers_something_else(block, found[1]):
        found = None
    if found:
        info, words = found
        facts.append(Fact("license", info, "text", snippet(words + ' in "' + text + '"', 240), weight, block.region))
    emails = _EMAIL.findall(text) + [
        link.href.removeprefix("mailto:") for link in block.links if "mailto:" in link.href
    ]
    contact = emails[0] if emails else None
    low = text.lower()
    # each group of wordings needs one of a few words; most rights blocks are a plain "© 2025 X" and skip them all
    phrases = context.phrases
    grants, needs = phrases.gated("grant", low), phrases.gated("permission_needed", low)
    reserved, fair = phrases.gated("reservations", low), phrases.gated("fair_use", low)
    for phrase in grants:
        if match := phrase.pattern.search(text):
            grant_words = rest_of_sentence(text, match.start())
            conditions = [phrase.template] if phrase.template else []  # a condition the wording itself states
            if scope := _SCOPE.search(grant_words):
                conditions.append("only " + scope.group("scope").strip())
            if (clause := _CONDITION_CLAUSE.search(grant_words)) and clause["credit"]:
                conditions.append("credit " + clause["credit"].split(" to ", 1)[1].strip())
            elif clause:
                parts = re.split(r"\s*(?:,\s*and|\band\b|;)?\s*together with\s+|\s*;\s*|,\s+and\s+", clause["clause"])
                conditions += [_as_instruction(p.strip(" ,")) for p in parts if len(p.strip()) > 3]
            line = sentence(text, match.start(), match.end())
            facts.append(
                Fact("grant", Grant(tuple(conditions), (), contact), "text", line, WEIGHT.very_strong, block.region)
            )
            break
    for phrase in needs:
        if match := phrase.pattern.search(text):
            what = " ".join((match.groupdict().get("what") or "").split())
            restriction = (phrase.template or "{what} needs permission").format(what=what)
            line = sentence(text, match.start(), match.end())
            facts.append(
                Fact("grant_restriction", Grant((), (restriction,), contact), "text", line, WEIGHT.firm, block.region)
            )
    for phrase in reserved:
        if match := phrase.pattern.search(text):
            line = sentence(text, match.start(), match.end())
            facts.append(Fact("reservation", phrase.restriction, "text", line, weight, block.region))
    for phrase in fair:
        if match := phrase.pattern.search(text):
            line = sentence(text, match.start(), match.end())
            facts.append(Fact("fair_use", True, "text", line, WEIGHT.very_strong, block.region))
            break
    return facts


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    for block in context.doc.blocks:
        if "rights" not in block.hints:
            continue
        facts += _notice(block)
        if readable(block):
            # a menu holds no licence or grant for the piece, but a site's legal line may stand in it (a footer's
            # link bar, a slide-out menu's last line: "© Harbor Verlag GmbH 2026. Alle Rechte vorbehalten.")
            facts += _rights(context, block)
    return facts
