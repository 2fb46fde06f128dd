"""How pages write the names in a byline around the names themselves: the opening word ("By", "Autor:"), marks
that point to affiliations, words the markup ran together, names in capitals and the surname-first order of library
records."""

from __future__ import annotations

import re

from bot.engine.vocabulary import one_of, words

_SUFFIXES = frozenset(words("names", "suffixes"))

_BY = re.compile(rf"^\s*(?:{one_of('bylines', 'leads')})\s*[:\-]?\s+", re.I)
# "By<a>Jo Roe</a>": an opening word glued to the linked name it stands before (the site spaces them with CSS)
_BY_GLUED = re.compile(
    rf"^\s*(?:{'|'.join(re.escape(w.capitalize()) for w in words('bylines', 'starts') if ' ' not in w)})(?=[A-Z][a-z])"
)
# "Jo Roe 1, Al Poe 2": the marks that point to their affiliations
_NOTE_MARK = re.compile(r"(?<=[^\W\d])\s*\d{1,2}\s*(?=[,;&]|$)")
# "Jo RoeCity Columnist": two elements' words the markup ran together. A capital after four small letters starts a
# new word ("McDonald", "DeShawn", "MacKenzie" stay whole), where more words follow ("IndieWire" is a brand).
_GLUED_WORDS = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z]+\s+\S)")
# "Roe, Jo", "van Roe, Jo E.": one surname (a particle before it) and one given name (initials after it)
_SURNAME_FIRST = re.compile(r"^(?P<surname>(?:[a-z]+ )?[^\W\d][\w'’-]*), (?P<given>[^\W\d][\w'’-]*(?: [A-Z]\.)*)$")


def byline_names(text: str) -> str:
    """A byline's text without its opening word and marks, its run-together words apart."""
    text = _BY_GLUED.sub("", _BY.sub("", text))
    return _GLUED_WORDS.sub(" ", _NOTE_MARK.sub("", text))


def surname_first(text: str) -> str:
    """'Roe, Jo' -> 'Jo Roe': a name as library and citation records write it; anything else as it is."""
    found = _SURNAME_FIRST.match(text.strip())
    if not found or found["given"].isupper() or found["surname"].isupper():
        return text  # "Reuters, AP": a list of agencies
    return f"{found['given']} {found['surname']}"


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
