"""Companies as notices name them: the legal form that ends a registered name ("Harbor Media Ltd.", "Harbor Verein
e.V."), and the town and state a company's name is followed by, which are where it sits, not other holders."""

from __future__ import annotations

import re

from bot.engine.vocabulary import literal_alternation, words

COMPANY_FORMS = (
    r"(?:limited|ltd|inc|incorporated|llc|l\.?l\.?c|plc|corp|corporation|g?gmbh|ag|s\.?a|n\.?v|b\.?v|l\.?p|llp|pty|"
    r"a\.?s|s\.?r\.?o|s\.?p\.?a|s\.?r\.?l|s\.?l\.?u|s\.?a\.?u|s\.?l|lda|oy|ab|asa|kft|zrt|e\.\s?v)\.?"
)
COMPANY_FORM_ONLY = re.compile(COMPANY_FORMS, re.I)
COMPANY_FORM_THEN_MORE = re.compile(rf"(?P<form>{COMPANY_FORMS})(?:\s+|(?<=\.)(?=[A-Z]))\S", re.I)


ENDS_WITH_FORM = re.compile(rf"\s{COMPANY_FORMS}$", re.I)
# a German limited partnership ("Harbor Verlag GmbH & Co. KG", "Harbor Media Ltd. & Co. KG")
_ENDS_AS_PARTNERSHIP = re.compile(r"\s&\s+Co\.?\s+KG$", re.I)


def is_company_name(name: str) -> bool:
    """'Harbor Media Ltd.', 'Harbor Verlag GmbH & Co. KG': a company's registered name, ending with its legal form."""
    return bool(ENDS_WITH_FORM.search(name) or _ENDS_AS_PARTNERSHIP.search(name))


# "Brighton"; a German town named by its river or region ("Freiburg im Breisgau", "Frankfurt am Main", "Halle an der
# Saale")
_ONE_WORD_PLACE = re.compile(r"[A-Z][^\W\d_]+(?:\s(?:am|im|an der|ob der|in der)\s[A-Z][^\W\d_]+)?")


_STATE_CODES = literal_alternation(code.upper() for code in words("rights", "us_state_codes"))
# "CA", "NY USA", "CA 95060": a US state's postal code (and ZIP code), which follows the town a US company sits in
US_STATE = re.compile(rf"(?:{_STATE_CODES})(?:\s+\d{{5}}(?:-\d{{4}})?)?(?:\s+(?:USA|U\.S\.A\.?|US))?")
_TOWN = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+")
# "Harbor Broadcast Company Palm Springs": no comma between a company's name and its town
_COMPANY_THEN_TOWN = re.compile(rf"(?P<company>.*\s(?i:company|co\.|{COMPANY_FORMS}))\s+{_TOWN.pattern}")


def drop_us_town(holders: list[str]) -> None:
    """The town before a US state's code is where the last holder sits: a part of its own after the company, or
    words the company's name runs into."""
    if len(holders) > 1 and _TOWN.fullmatch(holders[-1]) and not COMPANY_FORM_ONLY.fullmatch(holders[-1]):
        holders.pop()
    elif glued := _COMPANY_THEN_TOWN.fullmatch(holders[-1]):
        holders[-1] = glued["company"]


def seat_after_company(part: str, holders: list[str], follows_holder: bool) -> bool:
    """'Brighton' in 'Harbor Media Ltd, Brighton, UK': one capitalised word right after a company's name (its legal
    form last) is where it sits; a second holder is a name of more words or a company of its own, and a form alone
    ("GmbH/Srl") is the same company's second one."""
    return (
        follows_holder
        and bool(holders)
        and is_company_name(holders[-1])
        and _ONE_WORD_PLACE.fullmatch(part) is not None
        and not COMPANY_FORM_ONLY.fullmatch(part)
    )
