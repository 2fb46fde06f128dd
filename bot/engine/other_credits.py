"""Credits in a byline for other work than the writing: photographs, illustrations, fact checks, recipes tested
("Jo Roe; photographs by Al Poe", "Al Poe (photography)", "Jo Roe/Getty Images")."""

from __future__ import annotations

import re

from bot.engine.vocabulary import one_of

# "…, Illustrations by Jo Roe" to the end of the byline: the credit for other work than the writing
_OTHER_ROLES = one_of("names", "other_credit_roles").replace("\\ ", "\\s+")
OTHER_CREDIT = re.compile(rf"(?:^|[,;|•·]?\s*)\b(?:{_OTHER_ROLES})(?:\s+by\b|\s*:).*$", re.I | re.S)  # "Foto: …" too
_OTHER_WORK_LABEL = re.compile(rf"^\W*(?:[^\W\d]+\s+)?(?:{_OTHER_ROLES})\s+by\s*:?\s*$", re.I)


# "<strong>Foto:</strong><p class=autor>Jo Roe</p>": a label of other work standing alone before the name's element
_OTHER_WORK_COLON = re.compile(rf"^\W*(?:{_OTHER_ROLES})\s*:\s*$", re.I)


def labels_other_work(text: str) -> bool:
    """'Foto:', 'Photo:', 'Illustration:' alone: the name in the element after it made the picture, not the text."""
    return _OTHER_WORK_COLON.match(text) is not None


def credits_other_work(text: str) -> bool:
    """'Recipe tested by', 'Fact checked by' alone: the name in the element after it did other work than writing."""
    return _OTHER_WORK_LABEL.match(text) is not None


# a name followed by the other work it credits in parentheses: "Al Poe (photography)"
OTHER_WORK_NAME = re.compile(rf"(?:^|(?<=[,;&])|(?<=\band ))[^,;&()]*\(\s*(?:{_OTHER_ROLES})\s*\)", re.I)
PICTURE_CREDIT = re.compile(rf"/\s*[\w .&-]*\b(?:{one_of('names', 'picture_words')})\b", re.I)  # "Jo Roe/Getty Images"
# "Jo Roe/The Canadian Press", written without spaces: a photographer and the agency that distributes the picture
NAME_SLASH_OUTLET = re.compile(r"^[^/]*[a-z.]/ ?(?P<outlet>(?:The )?[A-Z][^/]{1,40}?)\.?$")
