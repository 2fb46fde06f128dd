"""Copyright notices as pages print them: "© 2016 RT News, all rights reserved" read into holders and a year."""

from __future__ import annotations

import re

from bot.engine.company_names import (
    COMPANY_FORM_ONLY,
    COMPANY_FORM_THEN_MORE,
    COMPANY_FORMS,
    ENDS_WITH_FORM,
    US_STATE,
    drop_us_town,
    is_company_name,
    seat_after_company,
)
from bot.engine.holder_lists import holder_parts
from bot.engine.notice_words import CASELESS_SCRIPTS, HOLDER_NOISE, IN_ALPHABET, reserved_to
from bot.engine.vocabulary import one_of, words

# Each pattern that starts with a run of spaces starts only where the run starts (`(?<!\s)`): tried inside the run
# too, a page of "© © © …" costs time growing with the square of its length.
_FOOTER_LINK_BAR = re.compile(r"(?<!\s)\s+[|·•]\s+")
# "GmbH & Co. KG", "St. Louis Post-Dispatch", "Dr. Jane Q. Public" (a title, a spaced initial; not "L.P.") go on;
# "© АО «Коммерсантъ». 123112, Москва, …": a postcode after the stop opens the address; "© 2018 ဘီဘီစီ. ပြင်ပ…": a
# sentence in a script without capitals follows
_NOTICE_END = re.compile(
    r"(?<!\b(?:Co|St|Mt|Ft|Dr|Mr|Ms))(?<!\bMrs)(?<!\bProf)(?<!\s[A-Z])(?<!\se)"
    rf"\.\s+(?=[A-ZА-ЯЁΑ-Ω\"“‘{CASELESS_SCRIPTS}]|\d{{5,6}}(?!\d))|\.$"
)
_YEARS = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d\b")
# "© 2019 X GmbH und © 2019 Y, Inc.": two notices joined in one sentence, in the page's language; the second mark
# parts the holders where a company's own "und"/"and" ("Gruner und Jahr") does not
_JOINED_MARK = re.compile(r"(?<!\s)\s+(?:and|und|et|y|e|en|og|och|i)\s+(?=copyright|©|ⓒ)", re.I)
# "© 0 Reuters": a template that printed a number where the year goes
_TEMPLATE_NUMBER = re.compile(r"^\d{1,3}\s+(?=[^\W\d])")
_HOLDER_LEAD = re.compile(r"^(?:by|the copyright holder is)\s+", re.I)
# "© 2020 | Edito da<a>Harbor Media Srl</a>": the publisher's verb before the company in the footer's next part,
# which a link may glue to its name (within a notice, "Published by X" names the publisher, not a holder)
_PUBLISHER_LEAD = re.compile(rf"^\s*(?:{one_of('rights', 'publisher_leads')})\s*", re.I)
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# ⓒ: the circled letter Korean sites use; "(с)": the c typed on a Russian keyboard, a Cyrillic letter
_CJK_RESERVED = one_of("rights", "reserved_cjk")
# "® 2020 X Inc.", "Copyright ® X S.A.": the registered sign typed for the mark (before a year or after the word)
_COPYRIGHT_LEAD = re.compile(
    rf"(?:copyright(?:\s*®)?|©|ⓒ|\([cс]\)|&copy;|®(?=\s*(?:19|20)\d\d\b)|{_CJK_RESERVED})", re.I
)
# "聯合線上公司 著作權所有 © udn.com": the holder before the reservation, the site's address after the mark
_HOLDER_RESERVES = re.compile(rf"^(?P<holder>[^\s©]{{2,40}})\s*(?:{_CJK_RESERVED})\W*$")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

# "© 2008-2020 Creative Commons BY", "© 2007–16 CC BY-NC-SA 2.0 Jo Roe": the licence, printed beside or where the
# holder goes
_LICENCE_NAME = re.compile(
    r"\b(?:creative\s+commons(?=\s+(?:by|attribution|licen|lizenz|namensnennung)|\s*$)"
    r"(?:\s+(?:by|attribution|licen[cs]e|lizenz\w*))*|cc[- ]?(?:by|0|zero)\b)"
    r"(?:[- ](?:by|nc|nd|sa)\b)*(?:\s+\d\.\d)?(?-i:\s+[A-Z]{2}\b)?",
    re.I,
)


# the company's tax numbers a footer prints after its name: "Il Mattino - C.F. 01136950639 - P. IVA 05317851003";
# Latin American papers print their tax number ("C.A. Últimas Noticias RIF J-00037398-1", RUC, NIT, CUIT, CNPJ, RFC)
# or their press registration ("Ámbito.com - RNPI En trámite - Issn 1852 9232") the same way
_TAX_ID = re.compile(
    r"(?<!\S)(?:[-–—|]\s*)?(?:c\.\s?f\.|p\.\s?iva\b|partita iva\b|codice fiscale\b|vat (?:no|number|reg)|ust-?id|"
    r"(?:rif|ruc|nit|cuit|cnpj|rfc)\b\.?:?\s*(?=[a-z]?-?\d)|rnpi\b|issn\b)",
    re.I,
)


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
# "… Ansvarlig redaktør: Vibeke Haugen": a labelled line (the editor in charge) follows the holder
_LABELLED_TAIL = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}[^\W\d_]+:\s")
# "News Group Newspapers Limited in England No. 679215 Registered office: …": its registration follows the form;
# "X Publishing Limited Quay House, The Ambury": a line break, no comma, before the building the address opens with
_FORM_THEN_DETAILS = re.compile(
    rf"(?<=\w\s){COMPANY_FORMS}(?=\s+(?:(?:in|registered|no\.?|company)\b|\d|"
    r"(?-i:(?:[A-Z][\w'-]*\s+){1,3}(?:House|Building|Tower|Centre|Center|Court|Chambers|Plaza)\b)))",
    re.I,
)
# a division is no company of its own: its parent holds the rights (a subsidiary is a company and holds its own)
_PARENT_COMPANY = re.compile(r"(?:a|an)\s+(?:division|unit)\s+of\s+(?P<parent>.+)$", re.I)
_NAME_LINKS = frozenset(words("names", "particles")) | {"of", "and", "the", "for", "und", "et", "für", "des", "и", "&"}


# 'ООО "Медиа Дом"', 'ЗАО "Редакция газеты "Вечерний Город"': a Russian or Ukrainian company form, then the name in
# quotes, which may quote a paper's name inside it (the inner opening quote follows a space, and only one closing quote
# is printed); the quotes, not the number of words, say where the name ends
_FORM_AND_QUOTED_NAME = re.compile(
    r"^(?:ООО|ЗАО|ОАО|ПАО|АО|НАО|ТОВ|ПрАТ|ПАТ|ФГУП|ФГБУ|АНО)\s+(?:\"(?:[^\"]*\s\"[^\"]+|[^\"]+)\"|«[^«»]+(?:«[^«»]*»[^«»]*)?»)"
)


def _trimmed_holder(part: str) -> tuple[str, bool]:
    """A notice's part cut to the holder's name, and whether the holders end there (a company's registration
    or a labelled line follows it)."""
    if quoted := _FORM_AND_QUOTED_NAME.match(part):
        return quoted[0], quoted.end() < len(part.rstrip(" ."))  # "… Электронное периодическое издание …" follows
    if _LABELLED_TAIL.match(" " + part):
        return "", False  # "Ansvarlig redaktør: …" is the labelled line itself
    cut = _LABELLED_TAIL.split(part, maxsplit=1)
    if form := _FORM_THEN_DETAILS.search(cut[0]):
        return cut[0][: form.end()], True
    return cut[0], len(cut) > 1


_YEAR_BEFORE_MARK = re.compile(r"\s*((?:19|20)\d\d)\W{0,4}")
# a spaced dash after the holder's name, where a sentence about the site's contents may follow
_DASH_CLAUSE = re.compile(r"(?<=[\w.])\s+[-–—]\s+(?=\S)")
# ... also between dashes: "© 2020 - All Rights Reserved - Harbor Observer - Managed by …"
_RESERVED_FIRST = re.compile(r"^[\s\-–—|]*all rights reserved\b[.,:]?", re.I)


def _holder_after(rest: str) -> list[str]:
    """The name standing alone after a notice that gave only its years: 'Copyright © 2000—2019. PAN Media', or
    the one its next sentence reserves the rights to ('… © 2020. All rights reserved to Harbor Media S.A.')."""
    if reserved := reserved_to(rest):
        return [reserved]
    name = _FOOTER_LINK_BAR.split(rest, maxsplit=1)[0].split(". ", 1)[0].strip(" .")
    if not 2 <= len(name) <= 60 or len(name.split()) > 5 or not name[:1].isupper() or _is_prose(name):
        return []
    if HOLDER_NOISE.match(name) or _NOT_A_HOLDER.match(name):
        return []  # "… - P. IVA 05317851003": a tax number, cut off at its abbreviation's stop
    return [name]


def _is_prose(part: str) -> bool:
    """Mostly lower-case words that are not a name's linking words: a phrase, not a holder's name."""
    words = part.split()
    if ENDS_WITH_FORM.search(part):
        return False  # "harbor media GmbH": a company whose brand is written small
    bare = (w.strip(",.;:") for w in words)  # ("Neben dem, dem und dem ein weiterer Service": its commas too)
    lower = [w for w in bare if w[:1].islower() and w.lower() not in _NAME_LINKS and w.isalpha()]
    return len(words) >= 3 and 2 * len(lower) >= len(words)  # "pv magazine" is a brand written small


_NOTICE_TAIL = re.compile(
    r"(?:published|operated|registered|owned|managed|powered|designed|hosted) (?:by|in|as)\b", re.I
)
_BUILDING = re.compile(r"\s(?:House|Building|Tower|Centre|Center|Court|Chambers|Plaza)$")
_STREET_NUMBER = re.compile(r"\d{1,5}(?:-\d{1,5})?[a-z]?\s+[A-Z]")  # "11 West 42nd Street", "28-29 Haymarket"
# "Severin-Schreiber-Gasse 1+3, 1180 Wien": a street with its house number, then a postcode and a town
_HOUSE_NUMBER, _POSTCODE = re.compile(r"\s\d{1,4}[a-z]?(?:[-+/]\d{1,4}[a-z]?)?$"), re.compile(r"\d{4,5}\s+\w")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # a sentence in these scripts is no Latin name
_LABEL_BEFORE_MARK = re.compile(r"\d:\d\d|\w:\s")  # "Ultimo aggiornamento: 22:07 © …" is a date line, no holder
# "a Warner Bros. Discovery Company" and "X Inc. and Y Inc., Harbor companies" describe the holders (not "X and
# affiliated companies", a name);
# "dpa:250310-930-398112" is an item number
_NOT_A_HOLDER = re.compile(r"(?i:a|an|part of|member of)\s|.*\d{4,}|.*\d{3}-\d{3}|(?:[A-Z][\w&'.-]*\s+){1,3}companies$")


def _short_or_quoted(part: str) -> bool:
    """A name in another alphabet is a few words, unless a company form and quotes mark where it ends."""
    return len(part.split()) <= 4 or _FORM_AND_QUOTED_NAME.fullmatch(part) is not None


_NOTICE_PLACES = frozenset(words("rights", "notice_places"))
_NOTICE_UNITS = frozenset(words("rights", "notice_units"))


def _directions(part: str) -> bool:
    """Directions in words after a holder and a place: "contiguo al Mercado Central", "next to the Harbor Inn"."""
    words = part.split()
    if _WEB_ADDRESS.match(part) or _NOT_A_HOLDER.match(part):
        return False  # "harbor.example"; "a division of X", which names the parent company
    return len(words) >= 2 and words[0].isalpha() and words[0].islower()


def _describes_the_holder(part: str) -> bool:
    """A part after a holder that says where it is or which of its units speaks: its seat ("Köln"), a department
    ("Abteilung Kommunikation"), or directions in words ("contiguo al Mercado Central"), whose lower-case first word
    no name opens with (a web address aside)."""
    words = part.split()
    if not words:
        return False
    place = _ABBREVIATION_AFTER.sub("", part).lower()  # "Japan (HPA)": the holder's initials after its seat
    return place in _NOTICE_PLACES or words[0].lower() in _NOTICE_UNITS or _directions(part)


_ABBREVIATION_AFTER = re.compile(r"\s*[（(][A-Z]{2,8}[）)]$")


_NOT_CJK_HOLDER = re.compile(one_of("rights", "not_holder_cjk"))


def _cjk_name(part: str) -> bool:
    """'半月谈杂志社', '한국일보': a company's name in a script without capitals, one word of a few characters."""
    return 2 <= len(_CJK.findall(part)) == len(part) <= 24 and not _NOT_CJK_HOLDER.search(part)


_DOTTED_END = re.compile(r"(?<!\S)(?:\w\.\s?)+\w$")


def _bare_part(part: str) -> str:
    """A notice's part without the marks around it ("Copyright @ 2019 X": an at sign typed for the mark); a dotted
    abbreviation at its end keeps its last stop ("Harbor Verein e.V.", "Harbor S.A.")."""
    bare = part.strip(" .:：-–—|@")
    return bare + "." if _DOTTED_END.search(bare) and part.rstrip().endswith(".") else bare


def _holders_in(parts: list[str]) -> list[str]:
    """The holders a notice's parts name, in order, up to where its address or who runs the site begins."""
    holders: list[str] = []
    taken = -1  # the part that gave the last holder
    for index, part in enumerate(parts):
        part = _bare_part(part)
        if not holders:
            part = _TEMPLATE_NUMBER.sub("", part)  # after a holder, a number starts its street address instead
        part = _HOLDER_LEAD.sub("", part).strip()
        address = _HOUSE_NUMBER.search(part) and _POSTCODE.match(
            parts[index + 1].strip() if index + 1 < len(parts) else ""
        )
        # "X Ltd, Media Centre, Morton Way, Town": a company, then a building the address goes on from
        building = bool(
            holders and index + 1 < len(parts) and _BUILDING.search(" " + part) and ENDS_WITH_FORM.search(holders[-1])
        )
        # "Harbor Verlag, Köln", "Harbor Media Ltd, Brighton, UK": the company's town, no second holder; a department
        seat = _describes_the_holder(part) or seat_after_company(part, holders, taken == index - 1)
        if holders and taken == index - 1 and US_STATE.fullmatch(part):
            drop_us_town(holders)  # "X Company, Palm Springs, CA USA", "X Company Palm Springs, CA": its seat
            break
        if holders and (_STREET_NUMBER.match(part) or _NOTICE_TAIL.match(part) or address or building or seat):
            # "Future US, Inc., 11 West 42nd Street, New York", "…, Published by X Ltd": the holder's address, or
            # who runs the site, follows
            if len(holders) > 1 and taken == index - 1 and (_BUILDING.search(holders[-1]) or _directions(part)):
                # "X Limited, Quay House, 28 The Strand": the building the address starts with; "X, Villa Mar,
                # contiguo al Mercado": the town the directions are given in
                holders.pop()
            break
        part, last = _trimmed_holder(part)
        # a name in Latin letters, in another alphabet ("Укринформ"), or in a script without spaces written as one word
        # ("半月谈杂志社"); a sentence in Chinese is no name
        latin, cjk = len(_LATIN_LETTER.findall(part)), len(_CJK.findall(part))
        named = latin > 0 or (cjk == 0 and _short_or_quoted(part) and IN_ALPHABET.search(part) is not None)
        if cjk > latin and _cjk_name(part):
            named, cjk = True, 0
        if not part or len(part) > 80 or not named or cjk > latin or part.lower() in ("the", "by"):
            continue
        if holders and (parent := _PARENT_COMPANY.match(part)):
            holders[-1] = parent["parent"].strip(" .")  # "X, a division of Postmedia Network Inc": the company
            continue
        if _is_prose(part):
            continue  # "© Licencja na publikację": words of a label, not a name
        if holders and _WEB_ADDRESS.match(part):
            continue  # "Copyright: Project Syndicate, 2025. www.project-syndicate.org": its address, not a holder
        if COMPANY_FORM_ONLY.fullmatch(part) and holders:
            if taken == index - 1:  # "TIME USA, LLC" is one holder; "…, a subsidiary of Y, LLC": Y's form
                holders[-1] = f"{holders[-1]}, {part}"
                taken = index
        elif holders and (form := COMPANY_FORM_THEN_MORE.match(part)):
            # "Seznam Zprávy, a.s. Seznam.cz", "Future US, Inc. 11 West 42nd Street": the holder ends with its form
            holders[-1] = f"{holders[-1]}, {form['form']}"
            break
        elif not _NOT_A_HOLDER.match(part):
            holders.append(part)
            taken = index
        if last:
            break
    return holders


def _company_after_address(notice: str, years_only: bool = False) -> list[str]:
    """'© 2025, harborledger.at | Harbor Ledger GmbH | All rights reserved': the site's address (or only the years
    and the reservation), then in the next part of the footer line the company that holds the rights; after the
    years alone ('Copyright © 2013 - 2023 | harborledger.ch'), the site's address there is the holder."""
    parts = _FOOTER_LINK_BAR.split(notice, maxsplit=2)
    company = _PUBLISHER_LEAD.sub("", parts[1]).strip(" .") if len(parts) > 1 else ""
    if len(company) <= 80 and ENDS_WITH_FORM.search(company):
        return [company]
    if years_only and len(parts) == 2 and _closing_name(company):
        return [company]  # "© 2024, All rights reserved | Harbor Printing Company of the State": the line's last part
    address = HOLDER_NOISE.sub("", company).strip(" .")  # the next footer link's words, glued to it with no bar
    return [address] if years_only and " " not in address and _WEB_ADDRESS.fullmatch(address) else []


# the words of a footer link's label: "Do Not Sell My Personal Information", "Terms & Conditions", "Cookie Settings"
_LINK_LABEL = re.compile(
    r"\b(?:sell|terms|conditions|polic(?:y|ies)|notice|settings|preferences|contact|about|help|faq|feedback|"
    r"subscribe|newsletters?|careers|jobs|advertis\w*|information|rss|login|sign)\b",
    re.I,
)


_RIGHTS_PAGE_WORDS = frozenset(words("rights", "link_labels"))
_LABEL_WORD = re.compile(r"[^\W\d_]+")


def is_rights_page_label(text: str) -> bool:
    """'Copyright Notices', 'Copyright & Trademark', 'Copyright, Trademark and Patent Information': the label of a
    footer link to the site's rights page, which is no notice and names no holder."""
    if text[:9].lower() != "copyright":
        return False
    label_words = _LABEL_WORD.findall(text[9:].lower())
    return bool(label_words) and _RIGHTS_PAGE_WORDS.issuperset(label_words)


# the words a link hides for screen readers, glued on to its visible words by the page's text
_LINK_HINT = re.compile(r"(?<!\s)\s*\(?(?:this link )?opens in a new (?:tab|window)\)?", re.I)
# "Harbor News Agency. All rights reserved. © 2007 — 2020.": the holder, then the reservation, then the mark
_NAME_THEN_RESERVATION = re.compile(
    rf"(?:^|[.|]\s+)(?P<name>[^.|©]{{2,80}}?)\.\s+(?:{one_of('rights', 'reservations')})\.?\s*$", re.I
)


def _closing_name(part: str) -> bool:
    """A name of a few words, capitalised, that is no link's label ("Privacy Policy") nor a phrase."""
    words = part.split()
    return (
        2 <= len(words) <= 6
        and part[:1].isupper()
        and not any(char.isdigit() for char in part)
        and not HOLDER_NOISE.search(part)
        and not _LINK_LABEL.search(part)
        and not _NOT_A_HOLDER.match(part)
        and not _is_prose(part)
    )


_SUBJECT = re.compile(rf"\b(?:{one_of('rights', 'copulas')})\W*$", re.I)  # the words before the mark end on "are"


_SITE_BUILDERS = frozenset(words("rights", "site_builders"))
_COMPANY_WORDS = 4  # a company's name before its form, at most


def _company_before(before: str) -> str:
    """'Harbor Ledger | harborledger.example, inc. © 2012': the stop before the mark is a company form's, and the
    footer line's last part, a name of a few words, is the holder (not a sentence naming a publisher)."""
    if not ENDS_WITH_FORM.search(before.rstrip()):
        return ""
    name = _FOOTER_LINK_BAR.split(before)[-1].strip()
    return name if len(name.split()) <= _COMPANY_WORDS else ""


def parse_notice(text: str, start: int = 0) -> tuple[list[str], int | None, str] | None:
    """Holders and year of the copyright notice at or after `start` ('Copyright © RT News, RT Op Edge, 2016'),
    and its words."""
    match = _COPYRIGHT_LEAD.search(text, start)
    while match and is_rights_page_label(_FOOTER_LINK_BAR.split(text[match.start() :], maxsplit=1)[0].strip()):
        match = _COPYRIGHT_LEAD.search(text, match.end())
    if not match:
        return None
    # The notice is the sentence the mark stands in.
    start = text.rfind(". ", 0, match.start()) + 1 if match.start() > 0 else 0
    prefix = text[start : match.start()].strip() or _company_before(text[: match.start()])
    sentence = _FOOTER_LINK_BAR.split(text[match.start() :], maxsplit=1)[0]  # footer links follow a "|"
    end = _NOTICE_END.search(sentence)
    sentence = sentence[: end.start()] if end else sentence
    sentence = _LINK_HINT.sub("", sentence)  # "Harbor Corporationthis link opens in a new tab": a link's hidden label
    years = [int(y) for y in _YEAR.findall(sentence)]
    if not years and (year_first := _YEAR_BEFORE_MARK.fullmatch(text[start : match.start()])):
        years = [int(year_first[1])]  # "2025 ® © Harbor Courier GmbH/Srl": the year stood before the mark
    body = _COPYRIGHT_LEAD.sub(" ", _JOINED_MARK.sub(", ", sentence))
    body = _YEARS.sub(" ", body)
    reserved = reserved_to(body)
    body = _RESERVED_FIRST.sub("", body)  # "©All Rights Reserved Poynter Institute 2019": the holder follows
    body = HOLDER_NOISE.sub("", _LICENCE_NAME.sub(" ", _TAX_ID.split(body, maxsplit=1)[0]))
    if (clause := _DASH_CLAUSE.search(body)) and (
        _is_prose(rest := body[clause.end() :])
        or _NOTICE_TAIL.match(rest)
        or (is_company_name(body[: clause.start()]) and not is_company_name(rest.strip(" .|")))
    ):
        # "© Sciences et Avenir - Les contenus du site sont soumis à …": a sentence; "X - Managed by Y": who runs it;
        # "© Harbor Riders e.V. - Bundesverband für …": what the company is
        body = body[: clause.start()]
    holders = [reserved] if reserved else _holders_in(holder_parts(body))
    stated = f"{prefix} {match.group(0)}" if _CJK.match(match.group(0)) else prefix  # the lead was "著作權所有"
    if (not holders or _WEB_ADDRESS.match(holders[0])) and (before := _HOLDER_RESERVES.match(stated)):
        holders = [before["holder"]] if _cjk_name(before["holder"]) else holders
    if len(holders) == 1 and _WEB_ADDRESS.match(holders[0]):
        holders = _company_after_address(text[match.start() :]) or holders
    if not holders and end and not prefix.strip(" .:-–—|"):
        holders = _holder_after(text[match.start() + end.end() :])  # "Copyright © 2000—2019. PAN Media"
    if not holders:
        # "© 2024, All Rights Reserved | X Newspapers Ltd"
        holders = _company_after_address(text[match.start() :], years_only=not body.strip(" .,:;-–—|"))
    years_only = not _YEARS.sub(" ", _COPYRIGHT_LEAD.sub(" ", sentence)).strip(" .,:;-–—|")
    if not holders and years_only and (bar := _FOOTER_LINK_BAR.search(text, match.end())):
        # "Copyright © 2015 · Harbor Buzz": the name closing the line after a dot; not the first of a row of links
        last = text[bar.end() :]
        closing = [] if _FOOTER_LINK_BAR.search(last) else _holder_after(last)
        holders = [name for name in closing if name.lower() not in _SITE_BUILDERS]
    prefix = HOLDER_NOISE.sub("", prefix).strip()  # "All Rights Reserved © 2020" names no holder
    prefix = "" if _LABEL_BEFORE_MARK.search(prefix) else prefix
    if not holders and prefix and len(prefix) <= 60 and _LATIN_LETTER.search(prefix) and not _SUBJECT.search(prefix):
        # "A Gray Local Media Station © 2002-2025"; not "Portions of this content are ©1998-2015 by …"
        holders.append(prefix.strip(" .:-–—|"))
    elif not holders and not prefix and (named := _NAME_THEN_RESERVATION.search(text, 0, match.start())):
        holders = [named["name"]] if _closing_name(named["name"]) else []  # "X. All rights reserved. © 2007–2020"
    if not holders and not years:
        return None
    # "A Gray Local Media Station © 2002-2025": the holder stood before the mark, so the notice starts there
    notice = f"{prefix} {sentence}" if holders and holders[0] == prefix.strip(" .:-–—|") else sentence
    return holders, (max(years) if years else None), " ".join(notice.split())
