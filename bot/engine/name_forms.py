"""How pages write the names in a byline around the names themselves: the opening word ("By", "Autor:"), marks
that point to affiliations, words the markup ran together, names in capitals and the surname-first order of library
records."""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.engine.domains import looks_like_domain
from bot.engine.vocabulary import literal_alternation, one_of, words

_SUFFIXES = frozenset(words("names", "suffixes"))
_PARTICLES = frozenset(words("names", "particles"))
# Scripts without capitals: Hangul, Han and kana names are one word of a few syllables ("구현모", "松村太郎"),
# Arabic and Hebrew ones a few words
_EAST_ASIAN = re.compile(r"^[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,5}$")
_RIGHT_TO_LEFT = re.compile(r"^[\u0590-\u05ff\u0620-\u064a\u066e-\u06d3]{2,}$")
# the Indic scripts, Devanagari to Sinhala: no capitals, words apart as in Arabic ("ऐश्ली कुटिन्हो")
_INDIC = re.compile(r"^[\u0900-\u0dff]{2,}$")
_NOT_CASELESS_NAMES = words("names", "caseless_not_names")
# what closes a name in a byline in those languages ("구현모 기자": reporter Gu Hyeon-mo), the place and the
# outlet standing before it ("순천, 광양 구현모 기자", "스포츠조선=선수민 기자")
_NAME_BEFORE_ROLE = re.compile(rf"(?<![^\s=,/·])([^\s=,/·]+?)\s*(?:{one_of('names', 'roles_after')})(?![^\W\d_])")
# the names Chinese writes after the job ("記者林宸誼／即時報導", "本报记者 李四、王五", "（记者张三报道）"): the
# outlet before the job and the desk or place after a slash are not names; "报道" (reports) closes a name
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
# ... and Korean after a job it writes first ("칼럼니스트 박생강": columnist Park Saeng-gang)
_HAN_OR_HANGUL = r"[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
_NAMES_AFTER_ROLE = re.compile(
    rf"(?:{one_of('names', 'roles_before')})\s*"
    rf"(?P<names>{_HAN_OR_HANGUL}{{2,4}}?(?:\s*[、，,]\s*{_HAN_OR_HANGUL}{{2,4}}?)*)"
    rf"(?:报道|報導|報道)?(?!{_HAN_OR_HANGUL})"
)
_NAME_LIST = re.compile(r"[、，,]")
# Like every pattern here, these start only where a word starts: tried from inside a long word or run of spaces,
# they would cost the run's length squared
_E_MAIL = re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+")
# a date and time as Japanese and Chinese bylines print them after the name ("松村太郎2019年04月13日 09時00分")
_CJK_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*[時时]\s*\d{1,2}\s*分")

# what a byline prints after the names that is no name: "Jo Roe 1 day ago", "Jo Roe vor 2 Stunden", the count of
# comments its link shows ("Jo Roe 651")
_AGO = re.compile(
    rf"(?<!\S)\d+\s*[^\W\d]+\s+(?:{one_of('dates', 'relative_after')})\b"
    rf"|\b(?:{one_of('dates', 'relative_before')})\s+\d+\s*[^\W\d]+|(?<=[^\W\d])\s+\d{{3,}}\s*$"
)

# a day as month/day/two-digit year after the name, spaced as a template pads it: "By JO ROE 10/ 5/11"
_SHORT_DATE = re.compile(r"(?<!\S)[01]?\d/\s?[0-3]?\d/\d\d(?!\d)")

# "By Jo Roe", "Autor: Jo Roe", "作者：春春", "文／松村太郎"
# (a template that prints "By" before a name that already opens with it: "By by Jo Roe")
_BY = re.compile(
    rf"^\s*(?P<lead>{one_of('bylines', 'leads')})\s*(?:[:\-]?\s+|[：︱｜／]\s*)(?:(?P=lead)\s+(?=\S))?", re.I
)
# "By<a>Jo Roe</a>": an opening word glued to the linked name it stands before (the site spaces them with CSS)
_BY_GLUED = re.compile(
    rf"^\s*(?:{'|'.join(re.escape(w.capitalize()) for w in words('bylines', 'starts') if ' ' not in w)})(?=[A-Z][a-z])"
)
# "Jo Roe with AP", "Jo Roe mit AP": a co-writer or agency after the name, as "(with …)" gives one
_WITH = re.compile(rf"(?<=[^\W\d_])\s+(?:{one_of('bylines', 'with_words')})\s+(?=[A-Z])")
# "Dr. Jo Roe", "Prof. Dr. Al Poe": an academic title before a name is no part of it
_ACADEMIC_TITLE = re.compile(r"(?<![^\s,;&|])(?:(?:Prof|Dr|PD)\.\s*)+(?=[A-ZÄÖÜ][^\W\d_]*\s)")
# "Jo Roe 1, Al Poe 2": the marks that point to their affiliations
_NOTE_MARK = re.compile(r"(?<=[^\W\d])\s*\d{1,2}\s*(?=[,;&]|$)")
# "Jo RoeCity Columnist": two elements' words the markup ran together. A capital after four small letters starts a
# new word ("McDonald", "DeShawn", "MacKenzie" stay whole), where more words follow ("IndieWire" is a brand).
_GLUED_WORDS = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z]+\s+\S)")
# "Roe, Jo", "van Roe, Jo E.": one surname (a particle before it) and one given name (initials after it); "Roe, J."
# (initials alone) and "Roe, Jo van" (the surname's particle written after the given name, as Dutch records do)
_INITIALS = r"[A-Z]\.(?: ?[A-Z]\.)*"
_SURNAME_FIRST = re.compile(
    rf"^(?P<surname>(?:[a-z]+ )?[^\W\d][\w'’-]*), (?P<given>{_INITIALS}|[^\W\d][\w'’-]*(?: [A-Z]\.)*)"
    rf"(?P<particle>(?: (?:{one_of('names', 'particles')}))*)$"
)


# "Von: Jo Roe", and after the line's other words ("18.03.2020 13:15 Uhr Autor/in: Jo Roe"); a bare "by:" only
# opens the line ("Edited by: Al Poe" names an editor)
_MID_LABELS = literal_alternation(label for label in words("bylines", "labels") if label != "by")
_LABELLED = re.compile(rf"(?:^\s*by|(?:^|(?<=\s))(?:{_MID_LABELS}))\s?[:：]\s*(?=\w)", re.I)
# the next label in the element ends the names: "Jo Roe - Categoria: Saúde - Tags: …"
_NEXT_LABEL = re.compile(r"(?<!\S)[^\W\d_]+(?:/[^\W\d_]+)?\s?:(?!\S).*$", re.S)


_DESK_WORDS = frozenset(words("names", "desk_words"))
_BARE_DESK_WORDS = _DESK_WORDS | frozenset(
    words("names", "desk_tails") + words("names", "desk_joiners") + words("names", "desk_qualifiers")
)


DESK_WORD = re.compile(rf"\b(?:{one_of('names', 'desk_words')})\b", re.I)


def is_desk_name(name: str) -> bool:
    """'RT News', 'Reuters Staff', 'Redazione ANSA': a newsroom that may stand as a piece's author."""
    return bool(DESK_WORD.search(name))


# "Redazione ANSA": a newsroom word leading a publication's name; "TC Redazione", "HNF Staff Report", "HBW News Desk":
# after its initials
_DESKS, _TAILS = one_of("names", "desk_words"), one_of("names", "desk_tails")
_NEWSROOM_OF = re.compile(rf"^(?:{_DESKS})\s+(?=\S)", re.I)
_INITIALS_NEWSROOM = re.compile(
    rf"^(?P<initials>(?-i:[A-Z][A-Z0-9]{{1,4}}))\s+(?:{_DESKS})(?:\s+(?:{_DESKS}))?(?:\s+(?:{_TAILS}))?$", re.I
)


def desk_of(name: str) -> str:
    """'Redazione ANSA' -> 'ANSA', 'TC Redazione' -> 'TC': the publication whose newsroom is named; the name
    itself when no newsroom word leads it nor follows the publication's initials."""
    if initials := _INITIALS_NEWSROOM.match(name.strip()):
        return initials["initials"]
    return _NEWSROOM_OF.sub("", name).strip() or name


# "IN-Redaktion", "MM-Redaktion": a paper's initials joined to its newsroom word in one word ("Sport-Redaktion" is
# a desk of no named paper)
_INITIALS_DESK = re.compile(rf"^(?-i:[A-Z][A-Z0-9]{{1,4}})-(?:{_DESKS})$", re.I)


def is_initials_desk(name: str) -> bool:
    return bool(_INITIALS_DESK.match(name.strip()))


def is_site_desk(name: str) -> bool:
    """'Zespół wPolityce.pl', 'Redaktion example.de': a newsroom word before the site's address, its own desk; or
    its initials before it ("IN-Redaktion")."""
    if is_initials_desk(name):
        return True
    rest = _NEWSROOM_OF.sub("", name.strip())
    return rest != name.strip() and " " not in rest and looks_like_domain(rest)


def is_bare_desk(name: str) -> bool:
    """'News Staff', 'Staff', 'News Desk', 'From staff reports', 'Redacción Central', 'Digital Desk': only a
    newsroom's words (and which of its desks), no publication's name: the page's own desk, never another outlet's, and
    no author."""
    parts = name.lower().split()
    return any(part in _DESK_WORDS for part in parts) and all(part in _BARE_DESK_WORDS for part in parts)


_BARE_LEAD = re.compile(rf"^\s*(?:{one_of('bylines', 'leads')})\s*[:：]?\s*$", re.I)


# "Wirtschaftsredakteur", "Nahost-Korrespondentin": a German job compound, a byline's role and never a name's word;
# so is a paper's desk by its initials ("MM-Redaktion")
_JOB_COMPOUND = re.compile(
    rf"^[^\W\d_]{{2,}}-?(?:{one_of('roles', 'compound_ends')})$|^[^\W_]{{2,}}-(?:{one_of('names', 'desk_words')})$",
    re.I,
)


def is_job_compound(word: str) -> bool:
    return bool(_JOB_COMPOUND.match(word))


def is_bare_lead(text: str) -> bool:
    """'By', 'Автор:': a byline's opening alone, the names in the element after it."""
    return bool(_BARE_LEAD.match(text))


def labelled_names(text: str) -> str | None:
    """'NDR Info - 18.03.2020 13:15 Uhr Autor/in: Jo Roe' -> 'Jo Roe': the names a label and a colon open in a
    byline's element, up to the element's next label; None where no such label stands."""
    found = _LABELLED.search(text)
    if found is None:
        return None
    return _NEXT_LABEL.sub("", text[found.end() :]).strip(" -–—|·•,;")


# "Par Jo Roe Jo Roe": the name twice over, as the writer's picture's caption and as the name itself
_NAME_TWICE = re.compile(r"^(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,3})\s+(?P=name)$")


def byline_names(text: str) -> str:
    """A byline's text without its opening word, e-mail addresses and marks, its run-together words apart."""
    text = _SHORT_DATE.sub(" ", _AGO.sub(" ", text)) if any(c.isdigit() for c in text) else text
    text = names_before_roles(_BY_GLUED.sub("", _BY.sub("", _E_MAIL.sub("", _CJK_DATE.sub(" ", text)))))
    text = _NAME_TWICE.sub(r"\g<name>", text.strip())
    text = _VERB_AND_REST.sub("", _PLACE_LINE.sub("", text))  # "Jo Roe skrifar frá Ósló"; "Em São Paulo (SP)"
    return _WITH.sub(", ", _ACADEMIC_TITLE.sub("", _GLUED_WORDS.sub(" ", _NOTE_MARK.sub("", text))))


# a line that opens with a name and the job after it ("이용민 기자 | 2020-03-04", "서울 박지수 기자"): a byline as
# plainly as "By Jo Roe", with no word before the name
_OPENS_WITH_ROLE_AFTER = re.compile(
    rf"^\s*(?:[^\s=,/·|]+\s+){{0,2}}[^\s=,/·|]{{2,15}}\s*(?:{one_of('names', 'roles_after')})(?![^\W\d_])"
)


# "半月谈记者 史卫燕", "（记者 张三）": a line that opens with the job (an outlet's name before it) and the names after
_OPENS_WITH_ROLE_BEFORE = re.compile(
    rf"^\s*[（(]?\s*(?:{_HAN}{{1,8}}\s*)?(?:{one_of('names', 'roles_before')})\s*{_HAN_OR_HANGUL}{{2,4}}"
    r"(?:\s*[、，,／/）)]|\s*$|\s+(?=[^\s@]+@))"  # the name, then another, the line's end or the writer's e-mail
)


_VERBS_AFTER = one_of("bylines", "verbs_after")
# "Em São Paulo (SP)" ("in São Paulo"): where the piece was written, in an element of its own under the byline
_PLACE_LINE = re.compile(rf"^\s*(?:{one_of('bylines', 'place_words')})\s+(?-i:[A-Z]).*$", re.I | re.S)
# "Jo Roe skrifar frá Ósló": two to four words of names, the verb and at most three words of place after it
_NAMES_THEN_VERB = re.compile(
    rf"^\s*[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){{1,3}}\s+(?:{_VERBS_AFTER})(?:\s+\S+){{0,3}}\s*$"
)
_VERB_AND_REST = re.compile(rf"(?<=\S)\s+(?:{_VERBS_AFTER})(?:\s.*)?$", re.S)
_OPENS_WITH_VERB = re.compile(rf"^\s*(?:{_VERBS_AFTER})(?:\s|$)")


def opens_with_role_after(text: str) -> bool:
    """Whether a line opens as a byline that names the job next to the names, after them or (Chinese) before, or
    writes the verb after them ("Jo Roe skrifar")."""
    return bool(
        _OPENS_WITH_ROLE_AFTER.match(text) or _OPENS_WITH_ROLE_BEFORE.match(text) or _NAMES_THEN_VERB.match(text)
    )


def opens_with_verb_after(text: str) -> bool:
    """'skrifar frá Ósló': the verb that follows a byline's names, in an element of its own after theirs."""
    return bool(_OPENS_WITH_VERB.match(text))


def names_before_roles(text: str) -> str:
    """'순천, 광양 구현모 기자' -> '구현모': where a byline writes the job after each name, the names alone;
    '半月谈记者 史卫燕' -> '史卫燕': where it writes the job before them."""
    after = [name.strip() for found in _NAMES_AFTER_ROLE.finditer(text) for name in _NAME_LIST.split(found["names"])]
    if after:
        return ", ".join(after)
    found = _NAME_BEFORE_ROLE.findall(text)
    return ", ".join(found) if found else text


def caseless_name(words: list[str]) -> bool | None:
    """Whether words in a script without capitals have a name's shape; None for words in a cased script."""
    if all(_EAST_ASIAN.match(word) for word in words):
        text = "".join(words)
        return len(words) <= 2 and len(text) <= 5 and not any(word in text for word in _NOT_CASELESS_NAMES)
    if all(_RIGHT_TO_LEFT.match(word) or _INDIC.match(word) for word in words):
        return 2 <= len(words) <= 4 and not any(word in words for word in _NOT_CASELESS_NAMES)
    return None


def surname_first(text: str) -> str:
    """'Roe, Jo' -> 'Jo Roe': a name as library and citation records write it; anything else as it is."""
    found = _SURNAME_FIRST.match(text.strip())
    initials = found is not None and re.fullmatch(_INITIALS, found["given"])
    if not found or (found["given"].isupper() and not initials) or found["surname"].isupper():
        return text  # "Reuters, AP": a list of agencies
    return f"{found['given']}{found['particle']} {found['surname']}"


def smart_case(name: str) -> str:
    """'MARCUS ELLERY' -> 'Marcus Ellery'; names already in mixed case stay as written."""
    if not name.isupper() or len(name) <= 3:
        return name
    words = []
    for word in name.split():
        lower = word.lower()
        if lower.rstrip(".") in _SUFFIXES:
            words.append(word.upper() if lower != "jr." and lower != "sr." else word.capitalize())
            continue
        parts = re.split(r"(['’-])", lower)
        # Mc/Mac names stay plainly capitalised: "Mack" and "Macon" make any rule wrong somewhere
        words.append("".join(p.capitalize() if p not in "'’-" else p for p in parts))
    return " ".join(words)


def capitalised(name: str) -> str:
    """'marcos lópez' -> 'Marcos López': a full name a site's metadata writes in small letters (particles, "de",
    "van", stay small); one word ("jdoe", "admin") is a login, left as it is."""
    words = name.split()
    if not name.islower() or len(words) < 2:
        return name
    return " ".join(word if word in _PARTICLES else word[:1].upper() + word[1:] for word in words)


# "January 17, 2017 at 6:08 PM ET by Jo Roe", "Posted on 17.01.2017 by Jo Roe": the day (and time) first, the names
# after "by"; the words before "by" must be the date's alone, so a sentence's "by" opens no names
_DATED_BY = re.compile(rf"^(?P<head>[^|]{{6,60}}?)\s+(?:{one_of('bylines', 'after_date')})\s+(?=\S)", re.I)
# ("Wednesday January 18, 2017 10:44 am PST by Jo Roe": the weekday before the day is the date's too)
_DATE_HEAD_WORDS = re.compile(
    rf"^(?:(?:{one_of('bylines', 'date_head_words', 'date_labels', 'before_time')})|[a-z]{{1,4}}t"
    rf"|(?:{one_of('weekdays', 'english', 'names')}),?|\W+)$",
    re.I,
)


# "Do 25.04.24 | 14:07 Uhr | Von Jo Roe": the day and time in parts of their own, the names after the last bar's lead
_BAR_LEAD = re.compile(
    rf"^(?P<head>[^|]{{1,30}}(?:\|[^|]{{1,30}}){{0,2}})\|\s*(?:{one_of('bylines', 'starts')})\s+(?=\S)", re.I
)
_DAY_OR_TIME = re.compile(r"^(?:\d{1,4}(?:[.:/]\d{1,4}){1,2}\.?|uhr|h|[^\W\d_]{2,3}\.?,?)$", re.I)


def _names_after_bar_lead(text: str) -> str | None:
    found = _BAR_LEAD.match(text)
    if found is None or not all(_DAY_OR_TIME.match(word) for word in found["head"].replace("|", " ").split()):
        return None
    return text[found.end() :] if any(c.isdigit() for c in found["head"]) else None


def names_after_dated_by(text: str, date_pattern: re.Pattern[str]) -> str | None:
    """'January 17, 2017 at 6:08 PM ET by Jo Roe' -> 'Jo Roe'; None where no date alone stands before 'by'."""
    found = _DATED_BY.match(text.strip())
    if found is None:
        return _names_after_bar_lead(text.strip())
    if not date_pattern.search(found["head"]):
        return None
    # (a WordPress theme prints the day twice, the second time the last update's: "19. Dezember 2022 19. Dezember 2022")
    rest = date_pattern.sub(" ", found["head"]).replace(":", " ")
    if any(not (word.isdigit() or _DATE_HEAD_WORDS.match(word)) for word in rest.split()):
        return None
    return text.strip()[found.end() :]


_ROLE_WORD = one_of("roles", "modifiers", "more_modifiers", "beats")
_ROLE_WORDS_AT_END = re.compile(rf"(?:(?:^|\s+)(?:{_ROLE_WORD}))+\s*$", re.I)
# a beat a reporter covers in a place: "Antrim Court Reporter" is the court reporter of Antrim, no one's name
_BEAT = re.compile(rf"\b(?:{one_of('roles', 'beats')})\s*$", re.I)


def name_before_job(head: str) -> str:
    """The name before a job title's words ('Eleanor Pickersgill Chief' of '… Chief Reporter' -> 'Eleanor
    Pickersgill'). One word left is no one's name: 'Sky News' of 'Sky News Reporter' stays whole (an outlet's desk),
    but a place before a beat ('Antrim Court' of 'Antrim Court Reporter') names no one, so it is dropped."""
    name = _ROLE_WORDS_AT_END.sub("", head)
    if len(name.split()) != 1:
        return name
    return "" if _BEAT.search(head) else head


# the capitalised words of a job title, nothing else, ending on the job's word: " Senior Washington Correspondent"
_JOB_AFTER_LINK = re.compile(rf"(?:\s+(?-i:[A-Z])[\w.'’-]*)+?\s+(?:{one_of('roles', 'titles')})s?", re.I)


def linked_name_before_job(text: str, linked: Collection[str]) -> str | None:
    """'<a>Jo Roe</a> Senior Washington Correspondent' -> 'Jo Roe': where the byline links the writer's name and
    prints her job after it, the link sets the name apart from a job whose words (a place, a beat) name no role."""
    for name in linked:
        if text.startswith(f"{name} ") and (rest := text[len(name) :]) and _JOB_AFTER_LINK.fullmatch(rest):
            return name
    return None
