"""People as pages print them: bylines and credit names cleaned into names (notices: `bot.engine.notices`)."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from functools import lru_cache

from bot.engine.domains import looks_like_domain
from bot.engine.name_forms import (
    DESK_WORD,
    byline_names,
    caseless_name,
    is_job_compound,
    is_site_desk,
    linked_name_before_job,
    name_before_job,
    smart_case,
)
from bot.engine.other_credits import NAME_SLASH_OUTLET, OTHER_CREDIT, OTHER_WORK_NAME, PICTURE_CREDIT
from bot.engine.registry import Registry, name_key
from bot.engine.vocabulary import one_of, words

# "By Stimson Center By Priya Ramanathan": a second "By" starts another name. Like every pattern here that starts
# with a run of spaces, it starts only where the run starts (`(?<!\s)`), else a long run costs its length squared.
# "y", "et", "e" join names in Spanish, French, Portuguese and Italian; "E." is a middle initial ("Chris E. Hayner")
_SPLIT = re.compile(
    rf"((?<!\s)\s*(?:,\s*and\s+|\b(?:{one_of('bylines', 'joiners')})\b(?!\.)|[&;,|·•/／]|\s[-–—]\s|\sby\s|=)\s*)",
    re.I,
)
_JOINER = re.compile(rf"\b(?:{one_of('bylines', 'joiners')})\b|&", re.I)
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
# "FOCUS-Online-Experte Jo Roe": the job as a compound's last part before the name
_COMPOUND_ROLE_LEAD = re.compile(rf"^\S+-(?:{one_of('roles', 'compound_ends')})\s+(?=(?-i:[A-ZÄÖÜ]))", re.I)
_ENDS_WITH_ROLE = re.compile(rf"\b(?:{one_of('roles', 'closing')})s?$", re.I)
_PARTICLES = frozenset(words("names", "particles"))
_GLUED_PARTICLE = re.compile(rf"^(?:{one_of('names', 'glued_particles')})(?-i:[A-Z])\w+$")
# "Daniela Roe E.": a given name and surname, then the second surname's initial (Latin American bylines), dot and all
_SECOND_SURNAME_INITIAL = re.compile(r"^\s*\S+\s+\S+.*\s(?-i:[A-Z])\.\s*$")
_FOR_PAPER = re.compile(r"^for\s+", re.I)  # "Jo Roe For Valley Daily Mail": whom she writes for, not the name
_ACRONYM_MAX = 5  # letters of a one-word name in capitals that are initials ("PMJS"), not a pen name


def is_outlet_name(text: str, registry: Registry, extra_names: set[str] | frozenset[str] = frozenset()) -> bool:
    key = name_key(text)
    return bool(key) and (registry.by_name(text) is not None or key in extra_names)


MAX_OUTLET_WORDS = 12  # more than any outlet's name has (the registry's longest has five)


def strip_outlet_suffix(name: str, registry: Registry, extra: set[str], person: bool = False) -> tuple[str, str | None]:
    """'John Smith The Associated Press' -> ('John Smith', 'The Associated Press'); 'Anadolu Agency Ankara' and
    'IANS Bengaluru' (an agency and its bureau) -> ('', outlet): no person follows an outlet's name."""
    words = name.split()
    # Only the tails an outlet's name can be: every tail of a long, hostile author field took quadratic time
    for cut in range(max(1, len(words) - MAX_OUTLET_WORDS), len(words)):
        tail = " ".join(words[cut:])
        if cut == 1 and len(words) == 2 and words[0][:1].isupper() and words[0].isalpha():
            continue  # "Sam Hill", "Jane Reuters": a first name and a surname that happens to be an outlet's name
        if is_outlet_name(tail, registry, extra):
            lead = re.sub(r"\s+for$", "", " ".join(words[:cut]), flags=re.I)  # "Jo Roe For X": not her name
            # "Jornal O Papel": a publication's word, then its name, is all the outlet's name
            return ("", name) if _PUBLICATION_WORDS.issuperset(lead.lower().split()) else (lead, tail)
    for cut in range(len(words) - 1, max(0, len(words) - 3), -1):  # an outlet, then at most two words
        head = " ".join(words[:cut])
        # "Dr. Jo Roe": an abbreviated title, though spelt like an outlet's initials (DR); "AFP." stays in capitals;
        # "Ann Coulter": a first name, though spelt like initials; "Ap Auto Writer": the agency's writer
        first_name = person and registry.initials_as_a_name(head) and not has_label_words(" ".join(words[cut:]))
        if is_outlet_name(head, registry, extra) and not (head.endswith(".") and head.istitle()) and not first_name:
            return "", head
    return name, None


def split_byline(
    text: str, registry: Registry, extra_names: set[str], linked: Collection[str] = ()
) -> tuple[list[str], list[str]]:
    """A byline's people, and the outlets it names ('By X and Y | ProPublica' -> [X, Y], [ProPublica]). `linked`:
    the words of the byline's links, which set writers apart where bars part them ('<a>X</a> | <a>Y</a>')."""
    text = byline_names(unescape_name(text).strip())
    text = OTHER_CREDIT.sub("", text)  # "…, photographs by Jo Roe": not the writer
    if "(" in text:
        text = OTHER_WORK_NAME.sub("", text)  # "Jo Roe (reporting) and Al Poe (photography)": Al Poe took pictures
        text = _PARENTHESES.sub(" ", _CO_WRITERS.sub(r", \g<names>", text))  # "(AP)" or "(photographer)"
    text = _COMPOUND_ROLE_LEAD.sub("", _STAFF_LEAD.sub("", text))  # "Xinhua writers Gao Shanlin, Meng Lili"
    people: list[str] = []
    outlets: list[str] = []
    if (lead := linked_name_before_job(text, linked)) and looks_like_person(lead):
        return [smart_case(lead)], []
    if _AFFILIATION.search(text):
        text = " and ".join(_without_affiliation(entry) for entry in _affiliated_people(text))
    if PICTURE_CREDIT.search(text):
        return [], []  # "Jo Roe/Getty Images": a picture credit
    if (slashed := NAME_SLASH_OUTLET.match(text)) and is_outlet_name(slashed["outlet"], registry, extra_names):
        return [], [slashed["outlet"]]  # "Jo Roe/The Canadian Press": the agency's photographer
    if paper := _name_then_publication(text):
        return [smart_case(paper[0])], [paper[1]]
    named = False  # a name (a person's, an outlet's or a company's) came before
    pieces = _joined_surnames(_SPLIT.split(text))  # the parts, each separator between them kept
    for index in range(0, len(pieces), 2):
        part = pieces[index].strip(" .:·•-–—|")
        part += "." if _SECOND_SURNAME_INITIAL.search(pieces[index]) else ""
        if not part:
            continue
        after_name, named = named, True
        if index == len(pieces) - 1 and _after_other_than_person(pieces, index, people, registry, extra_names):
            continue  # "By Jo Roe, Valley News, New York", "Jo Roe, V1 RO — Porto": the place the piece comes from
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
        part = _DESK_AFTER_NAME.sub(r"\g<name>", _PLACE_AFTER_NAME.sub("", part))  # "Jo Roe Globe Staff", "in Paris"
        part, outlet = strip_outlet_suffix(without_label_words(part), registry, extra_names, person=True)
        if outlet:
            outlets.append(outlet)
            part = part.rstrip(" .,;:")  # "Jo Roe. Valley Press"
        elif glued := _CAPITALS_AFTER_NAME.match(part):
            part = glued["name"]
        else:
            part = _name_in_capitals(part)
        if after_name and " " not in part.strip() and caseless_name([part]) is None:
            continue  # "Von Katharina Wendel, Wiesbaden", "Example GmbH, Munich": a single word after a name is a place
        if looks_like_person(part):
            if not (people and "|" in pieces[index - 1]) or part in linked:  # "Jo Roe | Palma de Mallorca": her place
                people.append(smart_case(part))
        elif is_publication_name(part) or is_site_desk(part):
            outlets.append(part)  # "News Staff", "Bleacher Report": an outlet or its desk where a name goes
    return people, outlets


class BylineSplits:
    """`split_byline` for one page, each text (with its links' words) split once: a page repeats its byline (over
    the story and under it, in a desktop and a mobile header). The lists it returns are shared: not to be changed."""

    def __init__(self, registry: Registry, extra_names: set[str]) -> None:
        self.registry, self.extra_names = registry, extra_names
        self.found: dict[tuple[str, tuple[str, ...]], tuple[list[str], list[str]]] = {}

    def __call__(self, text: str, linked: Collection[str] = ()) -> tuple[list[str], list[str]]:
        key = (text, tuple(linked))
        if (found := self.found.get(key)) is None:
            found = self.found[key] = split_byline(text, self.registry, self.extra_names, linked)
        return found


_SURNAME_JOINERS = _PARTICLES & frozenset(words("bylines", "joiners"))  # "José Volta e Pinto", "Ortega y Gasset"


def _joined_surnames(pieces: list[str]) -> list[str]:
    """'José Volta', ' e ', 'Pinto' -> 'José Volta e Pinto': a single word after "e" or "y" that follows a full name
    is the name's second surname, not a second person."""
    joined = pieces[:1]
    for index in range(1, len(pieces) - 1, 2):
        separator, part = pieces[index], pieces[index + 1]
        one_surname = len(part.split()) == 1 and part[:1].isupper() and len(joined[-1].split()) >= 2
        if one_surname and separator.strip().lower() in _SURNAME_JOINERS:
            joined[-1] += separator + part
            continue
        joined += [separator, part]
    return joined


def _name_in_capitals(part: str) -> str:
    """'LAURE BRETTON Envoyés spéciaux à Toulouse' -> 'LAURE BRETTON': a byline that sets its names in capitals
    goes on in small letters with what the writers are and where."""
    words = part.split()
    count = 0
    while count < len(words) and words[count].isupper() and len(words[count].strip(".'’-")) >= 2:
        count += 1
    return " ".join(words[:count]) if 2 <= count < len(words) and words[count][:1].isupper() else part


def _after_other_than_person(
    pieces: list[str], index: int, people: list[str], registry: Registry, extra_names: set[str]
) -> bool:
    """Whether the part at `index` follows a part that named no person (an outlet, a desk's code) without a joiner.
    A single word in capitals and small letters that names no outlet is the writer's place, and the names after it
    go on with the next writer ("Jo Roe, London, Al Poe")."""
    if index < 2 or not people or _JOINER.search(pieces[index - 1]):
        return False
    before = pieces[index - 2].strip(" .:·•-–—|")
    is_place = _PLACE_WORD.match(before) and not _ENDS_WITH_ROLE.search(before) and not DESK_WORD.search(before)
    if is_place and before.lower() not in _LABEL_WORDS and not is_outlet_name(before, registry, extra_names):
        return False
    return bool(before) and smart_case(before) != people[-1]


_PLACE_WORD = re.compile(r"^[^\W\d_][^\W\d_A-Z]{2,}$")


_NOT_IN_A_PAPERS_NAME = re.compile(r"[,;|/·•]|\s(?:and|y|et|und)\s", re.I)


def as_linked(name: str, labels: list[str]) -> list[str]:
    """'Jo Roe Madrid' -> ['Jo Roe'] where a byline links the name alone (`labels`: its links' words): the words
    after the link are the next element's (the place the piece was written, the day it was posted). Two linked
    names run together are both people; a linked outlet's name before a name is not one."""
    for label in labels:
        if len(label) < len(name) and name.startswith(f"{label} ") and len(label.split()) >= 2:
            rest = name[len(label) :].strip()
            if any(rest.startswith(other) and _two_word_name(other) for other in labels):
                return [label, *as_linked(rest, labels)]
            if looks_like_person(label):
                return [label]
            return [rest] if looks_like_person(rest) else [name]
    return [name]


def linked_people(labels: list[str], line: str) -> list[str]:
    """The name a byline's `line` opens with, linked to the writer's page (`labels`: those links' words), where the
    line's other words (the section, the date, a comment count) run on after it: 'Jo Roe' of 'Jo Roe Science policy
    20 January 2020 0 Comments'. A link further on is another credit's ("Photographs by Al Poe"); a job after it
    ("Jo Roe Assistant Features Editor") says the line is the editor's, read as a byline already."""
    return [
        smart_case(label)
        for label in labels[:1]
        if line.startswith(label) and _two_word_name(label) and not _AFFILIATION.search(line[len(label) :])
    ]


def _two_word_name(text: str) -> bool:
    """A linked name in full ("Jo Roe"), not a linked tag or button ("Cybersecurity", "Comment Now!")."""
    return len(text.split()) >= 2 and text[-1:].isalpha() and looks_like_person(text)


def _name_then_publication(text: str) -> tuple[str, str] | None:
    """'Jo Roe Valley Telegram & Gazette': a writer's name, then the paper's she writes for, as the local papers of
    a chain print their bylines (the paper's name has a publication's word: "Telegram", "Gazette", "Times")."""
    if _NOT_IN_A_PAPERS_NAME.search(text):
        return None  # "Jo Roe and Al Poe, Valley News": the byline's other separators split it
    words = text.split()
    # a first name and a surname, or with a middle initial or particle between ("Jo E. Roe", "Jo van Roe")
    cut = 3 if len(words) > 4 and (words[1].endswith(".") or words[1] in _PARTICLES) else 2
    head, tail = " ".join(words[:cut]), _FOR_PAPER.sub("", " ".join(words[cut:]))
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
        elif "," not in before + part and _name_and_job(before) and _name_and_job(part):
            entries.append(part)  # "Jo Roe Health Reporter and Al Poe Political Editor": no commas, a job each
        else:
            entries[-1] = f"{before} and {part}"
    return entries


def _name_and_job(entry: str) -> bool:
    job = _AFFILIATION.search(entry)
    return (
        job is not None
        and len(name := name_before_job(entry[: job.start()].strip()).split()) >= 2
        and (looks_like_person(" ".join(name)))
    )


def affiliated_names(text: str) -> list[str]:
    """The people of an author line that names where each works ('A, University X and B, University Y')."""
    names = [entry.split(",", 1)[0].strip() for entry in _affiliated_people(text)]
    return [name for name in names if looks_like_person(name)]


def _without_affiliation(entry: str) -> str:
    """'Jane Doe, Associate Professor of Fish and Wildlife, Virginia Tech' -> 'Jane Doe,'; 'Eleanor Pickersgill
    Chief Reporter' -> 'Eleanor Pickersgill'; 'Sky News Reporter' -> 'Sky News' (one word left is no one's name)."""
    if (affiliation := _AFFILIATION.search(entry)) is None:
        return entry
    comma = entry.rfind(",", 0, affiliation.start())
    return entry[: comma + 1] if comma >= 0 else name_before_job(entry[: affiliation.start()])


def unescape_name(text: str) -> str:
    """'James O&#039;Neil' -> "James O'Neil": metadata is sometimes escaped twice, so entities reach the text."""
    return html.unescape(text) if "&" in text else text


# "Adam Sennott Globe Staff"; not "Valley Rider Editorial Staff", where a newsroom word follows the publication
_DESK_AFTER_NAME = re.compile(
    rf"^(?P<name>[A-Z][\w.'’-]+ [A-Z][\w.'’-]+) (?!(?i:{DESK_WORD.pattern}))[A-Z][\w-]* [Ss]taff$"
)
# "Jo Roe in New York", "Jo Roe à Paris": where the writer was; "Jo Roe d'Enquête": her programme's team; "Von Jo
# Roe In" with the section's link ("In <a>Politik</a>") in an element of its own
_PLACE_AFTER_NAME = re.compile(
    rf"(?<=[^\W\d])\s+(?:(?:(?:{one_of('bylines', 'place_words')})\s+|d['’])(?-i:[A-Z])[^,;]*"
    rf"|(?i:{one_of('bylines', 'place_words')}))$"
)
_LABEL_WORDS = frozenset(words("names", "labels"))
_LABEL_WORDS_ALONE = frozenset(words("names", "labels_alone"))
# how the names of companies and public bodies end, as a word or the end of one ("Bundespolizei", "GmbH")
_BODY_ENDINGS = re.compile(
    rf"^(?:{one_of('names', 'body_words', 'licence_words')})$|(?:{one_of('names', 'body_endings')})$", re.I
)
_PUBLICATION_WORDS = frozenset(words("names", "publication_words"))
# "Craig Meyer USA TODAY NETWORK": an outlet in capitals glued after a name in mixed case
_CAPITALS_AFTER_NAME = re.compile(
    r"^(?P<name>(?:[A-Z][a-z][\w.'’-]*\s+){1,3}[A-Z][a-z][\w.'’-]*)\s+(?P<outlet>[A-Z]{2,}(?:\s+[A-Z]{2,})*)$"
)
_WORD_EDGES = ".,:;()'’\"“”"


def without_label_words(text: str) -> str:
    """'Author: Maren Oakes' -> 'Maren Oakes', 'Rechtsanwalt Jo Roe' -> 'Jo Roe': the label or job a byline area
    prints before the name."""
    words = text.split()
    start = 0
    while start < len(words) - 1 and (
        (word := words[start].strip(_WORD_EDGES).lower()) in _LABEL_WORDS
        or (is_job_compound(word) and words[start + 1][:1].isupper())  # ("Projektleiterin der HSS": her job alone)
    ):
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
    if any(_BODY_ENDINGS.search(word) or is_job_compound(word) for word in words):
        return True  # "Example GmbH", "Landespolizei Nord": a company or public body; "Leitender Chefredakteur"
    return any(word in _LABEL_WORDS for word in words) or (len(words) == 1 and words[0] in _LABEL_WORDS_ALONE)


@lru_cache(maxsize=256)  # the readers and the decision ask about the same names: the last few hundred are kept
def looks_like_person(text: str) -> bool:
    if not text or len(text) > 60 or _NOT_A_NAME.match(text) or _ROLE.match(text):
        return False
    if _NOT_IN_A_NAME.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 5 or has_label_words(text):
        return False
    if len(words) == 1 and text.isupper() and len(text) <= _ACRONYM_MAX:
        return False  # "PMJS", "NDR": a body's or desk's initials where the byline's name goes
    if "." in text and looks_like_domain(text):
        return False  # "INFORM.KZ": the site's address
    if (shaped := caseless_name(words)) is not None:
        return shaped
    # capitalised words, particles ("de", "van") inside but not last ("Kommentar von"); not prose ("covers energy")
    # (a particle written on to the surname's capital, "Lena deCasparis", is the surname's start)
    lowercase = [w for w in words if not w.lstrip("\"“‘'")[:1].isupper() and not _GLUED_PARTICLE.match(w)]
    return words[-1] not in lowercase and all(w.lower() in _PARTICLES for w in lowercase)


_CO_WRITERS = re.compile(rf"\(\s*(?:{one_of('bylines', 'with_words')})\s+(?P<names>[^()]*)\)", re.I)
_PARENTHESES = re.compile(r"(?<!\s)\s*\([^()]*\)\s*")  # innermost: "A (A (A (…" is not read from every "("
# a web address ("NJ Advance Media for NJ.com") is a company's, not a person's; a copyright sign marks a picture's
# credit ("Symbolbild:© Jo Roe")
_NOT_IN_A_NAME = re.compile(r"https?://|www\.|@|\d|[_»«<>|#*=+!?©]|\w:\s|\w\.(?:com|org|net|gov|edu|info|io)\b", re.I)


def starts_as_name(words: str) -> bool:
    """The words start as a name does: with a capital, or with a letter of a script without capitals ("港湾日报")."""
    first = words[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())
