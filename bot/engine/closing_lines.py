"""A source line closing a story's text: "Quelle: Harbor Rowing Club" as the last paragraph after the story's own
paragraphs (perhaps with the picture's credit, "Foto: Jo Roe", after it) names who issued the text the site relays,
a club's, a university's or an association's release, whether or not the registry knows the sender. The same words
under a chart or a table, or between two of the story's paragraphs, name where figures came from."""

from __future__ import annotations

import re

from lxml import etree

from bot.engine.element_text import element_words, neighbour_with_words

# the story's own paragraph before the source line: prose, not a heading, a caption or a chart's label
PROSE_CHARS = 120
# "Foto: Jo Roe", "Bild: Harbor Rowing Club": the picture's credit may follow the source line
_PICTURE_LINE = re.compile(r"^\s*(?:fotos?|bilder?|photos?|picture|image)\s*[:：]", re.I)
_PICTURE_LINE_CHARS = 80
_SOURCE = re.compile(r"^\W*(?:quelle|source|fuente|fonte|fonti|źródło)\s*[:：]", re.I)
# what a closing source line names: one sender, perhaps with its short form, date and place
_SENDER_CHARS = 80


def closes_text(element: etree._Element) -> bool:
    """The paragraph follows one of the story's paragraphs of prose and ends its text: nothing after it but empty
    elements, lists of other stories and the picture's credit."""
    if element.tag != "p" or element.find(".//a") is not None:
        return False
    previous = neighbour_with_words(element, forward=False)
    if previous is None or previous.tag != "p" or len(element_words(previous)) < PROSE_CHARS:
        return False
    for following in element.itersiblings():
        if not isinstance(following.tag, str) or following.tag != "p":
            continue  # a comment, a list of related stories, a spacer
        text = element_words(following)
        if text and not (_PICTURE_LINE.match(text) and len(text) <= _PICTURE_LINE_CHARS):
            return False
    return True


def is_closing_source(name: str, line: str, hints: frozenset[str], linked: bool) -> bool:
    """A sender named in a source line ("Quelle: …", not "Courtesy of …", a picture's word) that closes the story's
    text (document.py marks it "closes_text"). A club's or a university's name reads like a person's ("TSV Bayer
    Dormagen"), so none is told apart."""
    return "closes_text" in hints and not linked and 2 <= len(name) <= _SENDER_CHARS and bool(_SOURCE.match(line))
