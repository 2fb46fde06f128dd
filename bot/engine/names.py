"""People and holders as pages print them: bylines, credit names and copyright notices cleaned into names."""

from __future__ import annotations

import html
import re

from bot.engine.name_forms import byline_names, caseless_name, smart_case
from bot.engine.registry import Registry, name_key
from bot.engine.vocabulary import one_of, words

# "By Stimson Center By Priya Ramanathan": a second "By" starts another name. Like every pattern here that starts
# with a run of spaces, it starts only where the run starts (`(?<!\s)`), else a long run costs its length squared.
# "y", "et", "e" join names in Spanish, French, Portuguese and Italian; "E." is a middle initial ("Chris E. Hayner")
_SPLIT = re.compile(
    rf"(?<!\s)\s*(?:,\s*and\s+|\b(?:{one_of('bylines', 'joiners')})\b(?!\.)|&|;|,|\||[·•]|\s[-–—]\s|/|\sby\s|=)\s*",
    re.I,
)
_AFFILIATION = re.compile(rf"\b(?:{one_of('affiliations', 'words')})\b", re.I)
# The last part of an affiliation: where a person works ("…, University of Leeds and Jo Roe, …" starts a new person)
_INSTITUTION = re.compile(rf"\b(?:{one_of('affiliations', 'institutions')})\b", re.I)
_PERSON_BOUNDARY = re.compile(r",\s*and\s+|(?<!\s)\s+and\s+|(?<!\s)\s*[&;]\s*", re.I)
_NOT_A_NAME = re.compile(rf"^(?:{one_of('names', 'not_names')}|\d+ min read)$", re.I)
_ROLE = re.compile(
    rf"^(?:(?:{one_of('roles', 'modifiers')}) )*(?:{one_of('roles', 'titles')})s?\b"
    rf"|^(?:{one_of('roles', 'other_languages')})\b",
    re.I,
)
_STAFF_LEAD = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)?\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)\s+"
    r"(?=[A-Z])"
)
_ROLE_WORDS_AT_END = re.compile(rf"(?:(?:^|\s+)(?:{one_of('roles', 'modifiers', 'more_modifiers')}))+\s*$", re.I)
_ENDS_WITH_ROLE = re.compile(rf"\b(?:{one_of('roles', 'closing')})s?$", re.I)
_PARTICLES = frozenset(words("names", "particles"))


def is_outlet_name(text: str, registry: Registry, extra_names: set[str] | frozenset[str] = frozenset()) -> bool:
    key = name_key(text)
    return bool(key) and (registry.by_name(text) is not None or key in extra_names)


MAX_OUTLET_WORDS = 12  # more than any outlet's name has (the registry's longest has five)


def strip_outlet_suffix(name: str, registry: Registry, extra_names: set[str]) -> tuple[str, str | None]:
    """'John Smith The Associated Press' -> ('John Smith', 'The Associated Press'); 'Anadolu Agency Ankara' and
    'IANS Bengaluru' (an agency and its bureau) -> ('', outlet): no person follows an outlet's name."""
    words = name.split()
    # Only tails an outlet's name can be: trying every tail of a long "name" (a hostile author field) took time
    # growing with the square of its length.
    for cut in range(max(1, len(words) - MAX_OUTLET_WORDS), len(words)):
        tail = " ".join(words[cut:])
        if cut == 1 and len(words) == 2 and words[0][:1].isupper() and words[0].isalpha():
            continue  # "Sam Hill", "Jane Reuters": a first name and a surname that happens to be an outlet's name
        if is_outlet_name(tail, registry, extra_names):
            return " ".join(words[:cut]), tail
    for cut in range(len(words) - 1, max(0, len(words) - 3), -1):  # an outlet, then at most two words
        head = " ".join(words[:cut])
        if is_outlet_name(head, registry, extra_names):
            return "", head
    return name, None


def split_byline(text: str, registry: Registry, extra_names: set[str]) -> tuple[list[str], list[str]]:
    """A byline's people, and the outlets it names ('By X and Y | ProPublica' -> [X, Y], [ProPublica])."""
    text = byline_names(unescape_name(text).strip())
    text = _OTHER_CREDIT.sub("", text)  # "…, photographs by Jo Roe": not the writer
    text = _PARENTHESES.sub(" ", text)  # "(AP)" or "(photographer)"
    text = _STAFF_LEAD.sub("", text)  # "Xinhua writers Gao Shanlin, Meng Lili"
    people: list[str] = []
    outlets: list[str] = []
    if _AFFILIATION.search(text):
        text = " and ".join(_without_affiliation(entry) for entry in _affiliated_people(text))
    if _PICTURE_CREDIT.search(text):
        return [], []  # "Jo Roe/Getty Images": a picture credit
    if (slashed := _NAME_SLASH_OUTLET.match(text)) and is_outlet_name(slashed["outlet"], registry, extra_names):
        return [], [slashed["outlet"]]  # "Jo Roe/The Canadian Press": the agency's photographer
    if paper := _name_then_publication(text):
        return [smart_case(paper[0])], [paper[1]]
    named = False  # a name (a person's, an outlet's or a company's) came before
    for part in _SPLIT.split(text):
        part = part.strip(" .:·•-–—|")
        if not part:
            continue
        after_name, named = named, True
        if _ENDS_WITH_ROLE.search(part):
            # "Times Staff Writer" says what the person is, not who; "PA Transport Correspondent" names the wire
            head, outlet = strip_outlet_suffix(part, registry, extra_names)
            entry = registry.by_name(outlet) if outlet and not head else None
            if entry is not None and entry.is_wire:
                outlets.append(outlet)  # type: ignore[arg-type]
            continue
        if is_outlet_name(part, registry, extra_names):
            outlets.append(part)
            continue
        part = _DESK_AFTER_NAME.sub(r"\g<name>", part)  # "Adam Sennott Globe Staff"
        part, outlet = strip_outlet_suffix(without_label_words(part), registry, extra_names)
        if outlet:
            outlets.append(outlet)
            part = part.rstrip(" .,;:")  # "Jo Roe. Valley Press"
        elif glued := _CAPITALS_AFTER_NAME.match(part):
            part = glued["name"]
        if after_name and " " not in part.strip() and caseless_name([part]) is None:
            continue  # "Von Katharina Wendel, Wiesbaden", "Example GmbH, Munich": a single word after a name is a place
        if looks_like_person(part):
            people.append(smart_case(part))
        elif is_publication_name(part):
            outlets.append(part)  # "News Staff", "Bleacher Report": an outlet or its desk where a name goes
    return people, outlets


_NOT_IN_A_PAPERS_NAME = re.compile(r"[,;|/·•]|\s(?:and|y|et|und)\s", re.I)


def _name_then_publication(text: str) -> tuple[str, str] | None:
    """'Jo Roe Valley Telegram & Gazette': a writer's name, then the paper's she writes for, as the local papers of
    a chain print their bylines (the paper's name has a publication's word: "Telegram", "Gazette", "Times")."""
    if _NOT_IN_A_PAPERS_NAME.search(text):
        return None  # "Jo Roe and Al Poe, Valley News": the byline's other separators split it
    words = text.split()
    # a first name and a surname, or with a middle initial or particle between ("Jo E. Roe", "Jo van Roe")
    cut = 3 if len(words) > 4 and (words[1].endswith(".") or words[1] in _PARTICLES) else 2
    head, tail = " ".join(words[:cut]), " ".join(words[cut:])
    # (a tail in capitals, "Jo Roe VALLEY NEWS NETWORK", is a label the site prints after every name)
    if len(words) - cut >= 2 and not tail.isupper() and looks_like_person(head) and is_publication_name(tail):
        return head.rstrip(" .,;:"), tail
    return None


def _affiliated_people(text: str) -> list[str]:
    """'A, Professor, University X and B, Lecturer, MIT' -> ['A, Professor, University X', 'B, Lecturer, MIT'].

    A new person starts only after an affiliation that ended on an institution, so the "and" inside "Professor of
    Law and Public Policy" stays where it is."""
    parts = _PERSON_BOUNDARY.split(text)
    entries = [parts[0]]
    for part in parts[1:]:
        before = entries[-1]
        institution = before.rsplit(",", 1)[-1].strip()
        name = part.split(",", 1)[0].strip()
        ends_affiliation = "," in before and (_INSTITUTION.search(institution) or institution.isupper())
        if ends_affiliation and "," in part and len(name.split()) >= 2 and looks_like_person(name):
            entries.append(part)
        else:
            entries[-1] = f"{before} and {part}"
    return entries


def affiliated_names(text: str) -> list[str]:
    """The people of an author line that names where each works ('A, University X and B, University Y')."""
    names = [entry.split(",", 1)[0].strip() for entry in _affiliated_people(text)]
    return [name for name in names if looks_like_person(name)]


def _without_affiliation(entry: str) -> str:
    """'Jane Doe, Associate Professor of Fish and Wildlife, Virginia Tech' -> 'Jane Doe,'; 'Eleanor Pickersgill
    Chief Reporter' -> 'Eleanor Pickersgill'."""
    affiliation = _AFFILIATION.search(entry)
    if affiliation is None:
        return entry
    comma = entry.rfind(",", 0, affiliation.start())
    if comma >= 0:
        return entry[: comma + 1]
    return _ROLE_WORDS_AT_END.sub("", entry[: affiliation.start()])


_DESK_WORD = re.compile(rf"\b(?:{one_of('names', 'desk_words')})\b", re.I)


def is_desk_name(name: str) -> bool:
    """'RT News', 'Reuters Staff', 'Redazione ANSA': a newsroom that may stand as a piece's author."""
    return bool(_DESK_WORD.search(name))


def unescape_name(text: str) -> str:
    """'James O&#039;Neil' -> "James O'Neil": metadata is sometimes escaped twice, so entities reach the text."""
    return html.unescape(text) if "&" in text else text


# "…, Illustrations by Jo Roe" to the end of the byline: the credit for other work than the writing
_OTHER_ROLES = one_of("names", "other_credit_roles").replace("\\ ", "\\s+")
_OTHER_CREDIT = re.compile(rf"(?:^|[,;|•·]?\s*)\b(?:{_OTHER_ROLES})\s+by\b.*$", re.I | re.S)
# "Jo Roe/Getty Images": a picture credit
_PICTURE_CREDIT = re.compile(rf"/\s*[\w .&-]*\b(?:{one_of('names', 'picture_words')})\b", re.I)
# "Jo Roe/The Canadian Press", written without spaces: a photographer and the agency that distributes the picture
_NAME_SLASH_OUTLET = re.compile(r"^[^/]*[a-z.]/ ?(?P<outlet>(?:The )?[A-Z][^/]{1,40}?)\.?$")
# "Adam Sennott Globe Staff": a desk's word and "Staff" after a first name and a surname
_DESK_AFTER_NAME = re.compile(r"^(?P<name>[A-Z][\w.'’-]+ [A-Z][\w.'’-]+) [A-Z][\w-]* [Ss]taff$")
_LABEL_WORDS = frozenset(words("names", "labels"))
_LABEL_WORDS_ALONE = frozenset(words("names", "labels_alone"))
# how the names of companies and public bodies end, as a word or the end of one ("Bundespolizei", "GmbH")
_BODY_ENDINGS = re.compile(rf"^(?:{one_of('names', 'body_words')})$|(?:{one_of('names', 'body_endings')})$", re.I)
_PUBLICATION_WORDS = frozenset(words("names", "publication_words"))
# "Craig Meyer USA TODAY NETWORK": an outlet in capitals glued after a name in mixed case
_CAPITALS_AFTER_NAME = re.compile(
    r"^(?P<name>(?:[A-Z][a-z][\w.'’-]*\s+){1,3}[A-Z][a-z][\w.'’-]*)\s+(?P<outlet>[A-Z]{2,}(?:\s+[A-Z]{2,})*)$"
)
_WORD_EDGES = ".,:;()'’\"“”"


def without_label_words(text: str) -> str:
    """'Author: Maren Oakes' -> 'Maren Oakes': the label a byline area prints before the name."""
    words = text.split()
    start = 0
    while start < len(words) - 1 and words[start].strip(_WORD_EDGES).lower() in _LABEL_WORDS:
        start += 1
    return " ".join(words[start:]) if start else text


def is_publication_name(text: str) -> bool:
    """'The Jersey Journal', 'Bleacher Report', 'News Staff': a publication or its desk, by its words."""
    words = [word.strip(_WORD_EDGES).lower() for word in text.split()]
    if not 2 <= len(words) <= 6 or _NOT_IN_A_NAME.search(text) or _NOT_A_NAME.match(text):
        return False  # "Staff Report" stands for no one
    if any(not word[:1].isupper() and word not in ("of", "and", "&", "for") for word in text.split()):
        return False  # a name's words are capitalised: "Okafor is a media analyst" is a sentence
    return words[0] == "the" or any(word in _PUBLICATION_WORDS for word in words)


def has_label_words(text: str) -> bool:
    """'Author', 'Full Bio', 'Senior Editor', 'Privacy Policy': the labels and roles of a byline area."""
    if is_publication_name(text):
        return True  # an outlet's name: "The Jersey Journal", "Bleacher Report"
    words = [word.strip(_WORD_EDGES).lower() for word in text.split()]
    if any(_BODY_ENDINGS.search(word) for word in words):
        return True  # "Valley Foundation", "Example GmbH", "Landespolizei Nord": a company or public body
    return any(word in _LABEL_WORDS for word in words) or (len(words) == 1 and words[0] in _LABEL_WORDS_ALONE)


def looks_like_person(text: str) -> bool:
    if not text or len(text) > 60 or _NOT_A_NAME.match(text) or _ROLE.match(text):
        return False
    if _NOT_IN_A_NAME.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 5 or has_label_words(text):
        return False
    if (shaped := caseless_name(words)) is not None:
        return shaped
    # a person's name is capitalised words, allowing particles ("de", "van", "bin"), not prose ("covers energy")
    lowercase = [w for w in words if not w[:1].isupper()]
    return len(lowercase) < len(words) and all(w.lower() in _PARTICLES for w in lowercase)


_PARENTHESES = re.compile(r"(?<!\s)\s*\([^()]*\)\s*")  # innermost: "A (A (A (…" is not read from every "("
# a web address ("NJ Advance Media for NJ.com") is a company's, not a person's
_NOT_IN_A_NAME = re.compile(r"https?://|www\.|@|\d|[_»«<>|#*=+]|\w\.(?:com|org|net|gov|edu|info|io)\b", re.I)
# Each pattern that starts with a run of spaces starts only where the run starts (`(?<!\s)`): tried inside the run
# too, a page of "© © © …" costs time growing with the square of its length.
_FOOTER_LINK_BAR = re.compile(r"(?<!\s)\s+[|·•]\s+")
_NOTICE_END = re.compile(r"(?<!\bCo)\.\s+(?=[A-Z\"“‘])|\.$")  # "GmbH & Co. KG" goes on
_YEARS = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d\b")
# a slash between digits is part of an item number ("dpa:240516-99-53606/3"), not a list of holders
_HOLDER_SPLIT = re.compile(r"(?<!\s)\s*(?:[,;]|(?<!\d)/|/(?!\d))\s*|(?<!\s)\s+and\s+(?=[A-Z])")
# "© 0 Reuters": a template that printed a number where the year goes
_TEMPLATE_NUMBER = re.compile(r"^\d{1,3}\s+(?=[^\W\d])")
_HOLDER_LEAD = re.compile(r"^(?:by|the copyright holder is)\s+", re.I)
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_COPYRIGHT_LEAD = re.compile(r"(?:copyright|©|ⓒ|\(c\)|&copy;)", re.I)  # ⓒ: the circled letter Korean sites use
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_HOLDER_NOISE = re.compile(
    r"(?:[-–—]\s*)?\b(?:all rights? reserved|some rights reserved|tous droits réservés|"
    r"todos los derechos reservados|alle rechte vorbehalten|tutti i diritti (?:sono )?riservati|riproduzione riservata|"
    r"todos os direitos reservados|reproducción reservada|"
    r"wszystkie prawa zastrzeżone|powered by|opphavsrett|ophavsret|upphovsrätt|urheberrecht|established|founded|"
    r"(?:or )?(?:by )?(?:other|third)[ -]part(?:y|ies)|where (?:otherwise )?(?:indicated|noted|stated)|"
    r"copyright|inc\b\.?(?=\s*$)|unless otherwise noted|"
    r"used with permission|the contents? of this|this material|(?:or|and) its (?:affiliated companies|affiliates|"
    r"licensors|subsidiaries)|privacy policy|privacy|terms of (?:use|service)|terms and conditions|cookie policy|"
    r"cookies|contact us|about us|accessibility|legal notice|imprint|impressum|sitemap|advertise)\b.*$",
    re.I,
)


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_COMPANY_FORMS = (
    r"(?:limited|ltd|inc|incorporated|llc|l\.?l\.?c|plc|corp|corporation|gmbh|ag|s\.?a|n\.?v|b\.?v|l\.?p|llp|pty|"
    r"a\.?s|s\.?r\.?o|s\.?p\.?a|s\.?r\.?l|s\.?l|lda|oy|ab|asa|kft|zrt)\.?"
)
_COMPANY_FORM_ONLY = re.compile(_COMPANY_FORMS, re.I)
_COMPANY_FORM_THEN_MORE = re.compile(rf"(?P<form>{_COMPANY_FORMS})(?:\s+|(?<=\.)(?=[A-Z]))\S", re.I)
# "… Ansvarlig redaktør: Vibeke Haugen": a labelled line (the editor in charge) follows the holder
_LABELLED_TAIL = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}[^\W\d_]+:\s")
# "News Group Newspapers Limited in England No. 679215 Registered office: …": its registration follows the form
_FORM_THEN_DETAILS = re.compile(rf"(?<=\w\s){_COMPANY_FORMS}(?=\s+(?:(?:in|registered|no\.?|company)\b|\d))", re.I)
# a division is no company of its own: its parent holds the rights (a subsidiary is a company and holds its own)
_PARENT_COMPANY = re.compile(r"(?:a|an)\s+(?:division|unit)\s+of\s+(?P<parent>.+)$", re.I)
_NAME_LINKS = _PARTICLES | {"of", "and", "the", "for", "und", "et", "für", "des", "&"}


def _trimmed_holder(part: str) -> tuple[str, bool]:
    """A notice's part cut to the holder's name, and whether the holders end there (a company's registration
    or a labelled line follows it)."""
    if _LABELLED_TAIL.match(" " + part):
        return "", False  # "Ansvarlig redaktør: …" is the labelled line itself
    cut = _LABELLED_TAIL.split(part, maxsplit=1)
    if form := _FORM_THEN_DETAILS.search(cut[0]):
        return cut[0][: form.end()], True
    return cut[0], len(cut) > 1


_RESERVED_FIRST = re.compile(r"^\s*all rights reserved\b[.,:]?", re.I)


def _holder_after(rest: str) -> list[str]:
    """The name standing alone after a notice that gave only its years: 'Copyright © 2000—2019. PAN Media'."""
    name = _FOOTER_LINK_BAR.split(rest, maxsplit=1)[0].split(". ", 1)[0].strip(" .")
    if not 2 <= len(name) <= 60 or len(name.split()) > 5 or not name[:1].isupper() or _is_prose(name):
        return []
    if _HOLDER_NOISE.match(name):
        return []
    return [name]


def _is_prose(part: str) -> bool:
    """Mostly lower-case words that are not a name's linking words: a phrase, not a holder's name."""
    words = part.split()
    lower = [w for w in words if w[:1].islower() and w.lower() not in _NAME_LINKS and w.isalpha()]
    return len(words) >= 3 and 2 * len(lower) >= len(words)  # "pv magazine" is a brand written small


_NOTICE_TAIL = re.compile(
    r"(?:published|operated|registered|owned|managed|powered|designed|hosted) (?:by|in|as)\b", re.I
)
_STREET_NUMBER = re.compile(r"\d{1,5}(?:-\d{1,5})?[a-z]?\s+[A-Z]")  # "11 West 42nd Street", "28-29 Haymarket"
# "Severin-Schreiber-Gasse 1+3, 1180 Wien": a street with its house number, then a postcode and a town
_HOUSE_NUMBER, _POSTCODE = re.compile(r"\s\d{1,4}[a-z]?(?:[-+/]\d{1,4}[a-z]?)?$"), re.compile(r"\d{4,5}\s+\w")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # a sentence in these scripts is no Latin name
_LABEL_BEFORE_MARK = re.compile(r"\d:\d\d|\w:\s")  # "Ultimo aggiornamento: 22:07 © …" is a date line, no holder
# "a Warner Bros. Discovery Company" describes the holder; "dpa:250310-930-398112" is an item number
_NOT_A_HOLDER = re.compile(r"(?:a|an|part of|member of)\s|.*\d{4,}|.*\d{3}-\d{3}")


def _holders_in(parts: list[str]) -> list[str]:
    """The holders a notice's parts name, in order, up to where its address or who runs the site begins."""
    holders: list[str] = []
    for index, part in enumerate(parts):
        part = part.strip(" .:-–—|@")  # "Copyright @ 2019 X": an at sign typed for the mark
        if not holders:
            part = _TEMPLATE_NUMBER.sub("", part)  # after a holder, a number starts its street address instead
        part = _HOLDER_LEAD.sub("", part).strip()
        address = _HOUSE_NUMBER.search(part) and _POSTCODE.match(
            parts[index + 1].strip() if index + 1 < len(parts) else ""
        )
        if holders and (_STREET_NUMBER.match(part) or _NOTICE_TAIL.match(part) or address):
            # "Future US, Inc., 11 West 42nd Street, New York", "…, Published by X Ltd": the holder's address, or
            # who runs the site, follows
            break
        part, last = _trimmed_holder(part)
        latin = len(_LATIN_LETTER.findall(part))
        if not part or len(part) > 80 or not latin or len(_CJK.findall(part)) > latin or part.lower() in ("the", "by"):
            continue
        if holders and (parent := _PARENT_COMPANY.match(part)):
            holders[-1] = parent["parent"].strip(" .")  # "X, a division of Postmedia Network Inc": the company
            continue
        if _is_prose(part):
            continue  # "© Licencja na publikację": words of a label, not a name
        if holders and _WEB_ADDRESS.match(part):
            continue  # "Copyright: Project Syndicate, 2025. www.project-syndicate.org": its address, not a holder
        if _COMPANY_FORM_ONLY.fullmatch(part) and holders:
            holders[-1] = f"{holders[-1]}, {part}"  # "TIME USA, LLC" is one holder
        elif holders and (form := _COMPANY_FORM_THEN_MORE.match(part)):
            # "Seznam Zprávy, a.s. Seznam.cz", "Future US, Inc. 11 West 42nd Street": the holder ends with its form
            holders[-1] = f"{holders[-1]}, {form['form']}"
            break
        elif not _NOT_A_HOLDER.match(part):
            holders.append(part)
        if last:
            break
    return holders


def parse_notice(text: str, start: int = 0) -> tuple[list[str], int | None, str] | None:
    """Holders and year of the copyright notice at or after `start` ('Copyright © RT News, RT Op Edge, 2016'),
    and its words."""
    match = _COPYRIGHT_LEAD.search(text, start)
    if not match:
        return None
    # The notice is the sentence the mark stands in.
    start = text.rfind(". ", 0, match.start()) + 1 if match.start() > 0 else 0
    prefix = text[start : match.start()].strip()
    sentence = _FOOTER_LINK_BAR.split(text[match.start() :], maxsplit=1)[0]  # footer links follow a "|"
    end = _NOTICE_END.search(sentence)
    sentence = sentence[: end.start()] if end else sentence
    years = [int(y) for y in _YEAR.findall(sentence)]
    body = _COPYRIGHT_LEAD.sub(" ", sentence)
    body = _YEARS.sub(" ", body)
    body = _RESERVED_FIRST.sub("", body)  # "©All Rights Reserved Poynter Institute 2019": the holder follows
    body = _HOLDER_NOISE.sub("", body)
    holders = _holders_in(_HOLDER_SPLIT.split(body))
    if not holders and end and not prefix.strip(" .:-–—|"):
        holders = _holder_after(text[match.start() + end.end() :])  # "Copyright © 2000—2019. PAN Media"
    prefix = _HOLDER_NOISE.sub("", prefix).strip()  # "All Rights Reserved © 2020" names no holder
    prefix = "" if _LABEL_BEFORE_MARK.search(prefix) else prefix
    if not holders and prefix and len(prefix) <= 60 and _LATIN_LETTER.search(prefix):
        holders.append(prefix.strip(" .:-–—|"))  # "A Gray Local Media Station © 2002-2025"
    if not holders and not years:
        return None
    # "A Gray Local Media Station © 2002-2025": the holder stood before the mark, so the notice starts there
    notice = f"{prefix} {sentence}" if holders and holders[0] == prefix.strip(" .:-–—|") else sentence
    return holders, (max(years) if years else None), " ".join(notice.split())
