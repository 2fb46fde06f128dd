"""A date line that names a magazine's print issue ("December 5, 2016 Issue", "Published in the print edition of the
December 5, 2016, issue"): the cover date, which runs days or weeks after the piece went up on the web."""

from __future__ import annotations

import re

from bot.engine.vocabulary import one_of

_PRINT_ISSUE = re.compile(rf"(?<!\w)(?:{one_of('dates', 'print_issue')})(?!\w)", re.I)


def names_print_issue(text: str) -> bool:
    """Whether a date line dates a print issue rather than the web page."""
    return _PRINT_ISSUE.search(text) is not None
