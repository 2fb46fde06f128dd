"""People and holders as pages print them: bylines, credit names and copyright notices cleaned into names."""

from __future__ import annotations

import re

from bot.engine.registry import Registry

_BY = re.compile(
    r"^\s*(?:by|written by|words by|story by|text by|posted by|post by|postby|from|por|par|von|di)\s*[:\-]?\s+", re.I
)
# "By Stimson Center By Priya Ramanathan": a second "By" starts another name. Like every pattern here that starts
# with a run of spaces, it starts only where the run starts (`(?<!\s)`), else a long run costs its length squared.
_SPLIT = re.compile(
    r"(?<!\s)\s*(?:,\s*and\s+|\band\b|&|;|,|\||[·•]|\s[-–—]\s|/|\by\b|\bet\b|\bund\b|\be\b|\sby\s)\s*", re.I
)
_AFFILIATION = re.compile(
    r"\b(?:professor|lecturer|fellow|researcher|scientist|director|university|college|institute|school of|"
    r"department|centre|center for|ph\.?d|candidate|chair of|dean|editor|reporter|correspondent|columnist)\b",
    re.I,
)
# The last part of an affiliation: where a person works ("…, University of Leeds and Jo Roe, …" starts a new person)
_INSTITUTION = re.compile(
    r"\b(?:university|universit[éày]|universidad|college|institute|institut|school|centre|center|hospital|academy|"
    r"laboratory|foundation|museum|observatory|council|society|agency|ministry)\b",
    re.I,
)
_PERSON_BOUNDARY = re.compile(r",\s*and\s+|(?<!\s)\s+and\s+|(?<!\s)\s*[&;]\s*", re.I)
_NOT_A_NAME = re.compile(
    r"^(?:by|staff|staff report|staff writer|editors?|the editors|editorial board|contributors?|admin|administrator|"
    r"guest|guest author|guest contributor|anonymous|unknown|news desk|web desk|newsroom|reporters?|correspondents?|"
    r"agencies|agency|wires?|agências|agencias|agences|agenturen|"
    r"redação|redacao|redacción|redaccion|rédaction|redaction|redaktion|redazione|redakcja|redactie|"
    r"updated|published|posted|follow|share|comments?|photos?|photo|video|min read|\d+ min read)$",
    re.I,
)
_ROLE = re.compile(
    r"^(?:senior |chief |special |staff |contributing |political |national |foreign |health |science |climate )*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|journalist)s?\b"
    # the same roles in the languages wire copy comes in: "Repórter da Agência Brasil", "Redakteurin"
    r"|^(?:repórter|reporter[oa]|periodista|redactor[a]?|corresponsal|journaliste|rédact(?:eur|rice)|correspondante?|"
    r"redakteur(?:in)?|korrespondent(?:in)?|giornalista|inviat[oa]|jornalista|correspondente)\b",
    re.I,
)
_STAFF_LEAD = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)?\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)\s+"
    r"(?=[A-Z])"
)
_ROLE_WORDS_AT_END = re.compile(
    r"(?:\s+(?:senior|chief|special|staff|contributing|political|national|foreign|health|science|climate|business|"
    r"investigative|education|sports|local|deputy|managing|executive|associate|assistant))+\s*$",
    re.I,
)
_ENDS_WITH_ROLE = re.compile(
    r"\b(?:staff writer|staff reporter|correspondent|columnist|contributor|reporter|editor)s?$", re.I
)
_PARTICLES = {"de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von",
              "bin", "bint", "ibn", "al", "el", "ben", "y", "e", "zu", "ter", "ten", "st.", "mc"}  # fmt: skip
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
MAX_OUTLET_WORDS = 12  # more than any outlet's name has (the registry's longest has five)


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


def is_outlet_name(text: str, registry: Registry, extra_names: set[str] | frozenset[str] = frozenset()) -> bool:
    from bot.engine.registry import name_key

    key = name_key(text)
    return bool(key) and (registry.by_name(text) is not None or key in extra_names)


def strip_outlet_suffix(name: str, registry: Registry, extra_names: set[str]) -> tuple[str, str | None]:
    """'John Smith The Associated Press' -> ('John Smith', 'The Associated Press'); 'Anadolu Agency Ankara' and
    'IANS Bengaluru' (an agency and its bureau) -> ('', outlet): no person follows an outlet's name."""
    words = name.split()
    # Only tails an outlet's name can be: trying every tail of a long "name" (a hostile author field) took time
    # growing with the square of its length.
    for cut in range(max(1, len(words) - MAX_OUTLET_WORDS), len(words)):
        tail = " ".join(words[cut:])
        if is_outlet_name(tail, registry, extra_names):
            return " ".join(words[:cut]), tail
    for cut in range(len(words) - 1, max(0, len(words) - 3), -1):  # an outlet, then at most two words
        head = " ".join(words[:cut])
        if is_outlet_name(head, registry, extra_names):
            return "", head
    return name, None


def split_byline(text: str, registry: Registry, extra_names: set[str]) -> tuple[list[str], list[str]]:
    """A byline's people, and the outlets it names ('By X and Y | ProPublica' -> [X, Y], [ProPublica])."""
    text = _BY.sub("", text.strip())
    text = _PARENTHESES.sub(" ", text)  # "(AP)" or "(photographer)"
    text = _STAFF_LEAD.sub("", text)  # "Xinhua writers Gao Shanlin, Meng Lili"
    people: list[str] = []
    outlets: list[str] = []
    if _AFFILIATION.search(text):
        text = " and ".join(_without_affiliation(entry) for entry in _affiliated_people(text))
    for part in _SPLIT.split(text):
        part = part.strip(" .:·•")
        if not part:
            continue
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
        part, outlet = strip_outlet_suffix(part, registry, extra_names)
        if outlet:
            outlets.append(outlet)
        if people and " " not in part.strip():
            continue  # "Von Katharina Wendel, Wiesbaden": a single word after a name is the dateline's place
        if looks_like_person(part):
            people.append(smart_case(part))
    return people, outlets


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


_DESK_WORD = re.compile(
    r"\b(?:news|staff|desk|newsroom|team|bureau|editors|editorial|redação|redacción|rédaction|redaktion|redazione|"
    r"redakcja|redactie)\b",
    re.I,
)


def is_desk_name(name: str) -> bool:
    """'RT News', 'Reuters Staff', 'Redazione ANSA': a newsroom that may stand as a piece's author."""
    return bool(_DESK_WORD.search(name))


def looks_like_person(text: str) -> bool:
    if not text or len(text) > 60 or _NOT_A_NAME.match(text) or _ROLE.match(text):
        return False
    if _NOT_IN_A_NAME.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    # a person's name is capitalised words, allowing particles ("de", "van", "bin"), not prose ("covers energy")
    lowercase = [w for w in words if not w[:1].isupper()]
    return len(lowercase) < len(words) and all(w.lower() in _PARTICLES for w in lowercase)


_PARENTHESES = re.compile(r"(?<!\s)\s*\([^()]*\)\s*")  # innermost: "A (A (A (…" is not read from every "("
_NOT_IN_A_NAME = re.compile(r"https?://|www\.|@|\d|[_»«<>|#*=+]")
# Each pattern that starts with a run of spaces starts only where the run starts (`(?<!\s)`): tried inside the run
# too, a page of "© © © …" costs time growing with the square of its length.
_FOOTER_LINK_BAR = re.compile(r"(?<!\s)\s+[|·•]\s+")
_NOTICE_END = re.compile(r"(?<!\bCo)\.\s+(?=[A-Z])|\.$")  # "GmbH & Co. KG" goes on
_YEARS = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d\b")
_HOLDER_SPLIT = re.compile(r"(?<!\s)\s*[,;/]\s*|(?<!\s)\s+and\s+(?=[A-Z])")
_HOLDER_LEAD = re.compile(r"^(?:by|the copyright holder is)\s+", re.I)
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_COPYRIGHT_LEAD = re.compile(r"(?:copyright|©|\(c\)|&copy;)", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_HOLDER_NOISE = re.compile(
    r"(?:[-–—]\s*)?\b(?:all rights? reserved|some rights reserved|tous droits réservés|"
    r"todos los derechos reservados|alle rechte vorbehalten|tutti i diritti (?:sono )?riservati|riproduzione riservata|"
    r"todos os direitos reservados|reproducción reservada|"
    r"copyright|inc\b\.?(?=\s*$)|unless otherwise noted|"
    r"used with permission|the contents? of this|this material|(?:or|and) its (?:affiliated companies|affiliates|"
    r"licensors|subsidiaries)|privacy policy|privacy|terms of (?:use|service)|terms and conditions|cookie policy|"
    r"cookies|contact us|about us|accessibility|legal notice|imprint|impressum|sitemap|advertise)\b.*$",
    re.I,
)


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_COMPANY_FORM_ONLY = re.compile(
    r"(?:limited|ltd|inc|incorporated|llc|l\.?l\.?c|plc|corp|corporation|gmbh|ag|s\.?a|n\.?v|b\.?v|l\.?p|llp|pty)\.?",
    re.I,
)
# "a Warner Bros. Discovery Company" describes the holder; "dpa:250310-930-398112" is an item number
_NOT_A_HOLDER = re.compile(r"(?:a|an|part of|member of)\s|.*\d{4,}|.*\d{3}-\d{3}")


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
    body = _HOLDER_NOISE.sub("", body)
    holders = []
    for part in _HOLDER_SPLIT.split(body):
        part = part.strip(" .:-–—|")
        part = _HOLDER_LEAD.sub("", part).strip()
        if not part or len(part) > 80 or not _LATIN_LETTER.search(part) or part.lower() in ("the", "by"):
            continue
        if holders and _WEB_ADDRESS.match(part):
            continue  # "Copyright: Project Syndicate, 2025. www.project-syndicate.org": its address, not a holder
        if _COMPANY_FORM_ONLY.fullmatch(part) and holders:
            holders[-1] = f"{holders[-1]}, {part}"  # "TIME USA, LLC" is one holder
        elif not _NOT_A_HOLDER.match(part):
            holders.append(part)
    if not holders and prefix and len(prefix) <= 60 and _LATIN_LETTER.search(prefix):
        holders.append(prefix.strip(" .:-–—|"))  # "A Gray Local Media Station © 2002-2025"
    if not holders and not years:
        return None
    # "A Gray Local Media Station © 2002-2025": the holder stood before the mark, so the notice starts there
    notice = f"{prefix} {sentence}" if holders and holders[0] == prefix.strip(" .:-–—|") else sentence
    return holders, (max(years) if years else None), " ".join(notice.split())
