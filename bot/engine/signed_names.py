"""A writer's name signed alone in a short paragraph of its own at the story's end ("… in the spring.</p>
<p><strong>Jo Roe</strong></p>"), or set over its first paragraph: no word says it is a byline and no class name
marks it, so only where it stands tells it from the story's text."""

from __future__ import annotations

from lxml import etree

from bot.engine.element_text import element_words, neighbour_with_words
from bot.engine.name_forms import is_initials_desk
from bot.engine.names import looks_like_person

NAME_CHARS = 40  # a name or two, no sentence
PROSE_CHARS = 80  # a paragraph of the story's text is longer than this
_INLINE_WRAPPERS = 3  # "<p><strong><em>Jo Roe</em></strong></p>": a bold or italic name has a wrapper or two
# a pull quote's speaker, a picture's credit (beside the picture in its box), a linked teaser's writer
_NOT_SIGNED = etree.XPath(
    "boolean(ancestor::blockquote or ancestor::figure or ancestor::aside or .//a or .//img or ../img or ../picture)"
)
_EMPHASIS_TAGS = frozenset(["strong", "b", "em", "i"])


def _is_story_text(element: etree._Element | None) -> bool:
    """A paragraph of the story's own text: long, and not set wholly in bold (a standfirst, an appeal for gifts)."""
    if element is None or element.tag != "p":
        return False
    words = element_words(element)
    emphasised = sum(len("".join(e.itertext())) for e in element if e.tag in _EMPHASIS_TAGS)
    return len(words) > PROSE_CHARS and emphasised < len(words) // 2


def _story_beside(paragraph: etree._Element, forward: bool) -> bool:
    """Two paragraphs of story text on that side of it (a caption, or a teaser under "Prev Post", is one)."""
    first = neighbour_with_words(paragraph, forward)
    return _is_story_text(first) and _is_story_text(neighbour_with_words(first, forward))


def _is_note(element: etree._Element | None) -> bool:
    """A paragraph set wholly in bold after the story and its signature, the last paragraph there ("Did you like
    this article? Please support us …", then only share buttons and related links): the site's appeal."""
    if element is None or element.tag != "p":
        return False
    words = element_words(element)
    if sum(len(element_words(e)) for e in element if e.tag in _EMPHASIS_TAGS) < len(words) * 0.9:
        return False
    return not any(sibling.tag == "p" and element_words(sibling) for sibling in element.itersiblings())


def _ends_story(paragraph: etree._Element) -> bool:
    """Story text just before it and nothing with words after it but the site's note (a heading over related links
    comes before some)."""
    after = neighbour_with_words(paragraph, True)
    return (after is None or _is_note(after)) and _story_beside(paragraph, False)


def _opens_story(paragraph: etree._Element) -> bool:
    """Story text just after it and nothing with words before it (a subheading comes after some text)."""
    return neighbour_with_words(paragraph, False) is None and _story_beside(paragraph, True)


def signed_names(paragraphs: list[etree._Element]) -> list[etree._Element]:
    """The paragraphs (of `paragraphs`, a page's <p> elements) that are a name signed alone after the story's last
    paragraph or over its first. A subheading stands between two paragraphs of text, a pull quote's name or a
    picture's credit in its quote or figure, a related story's name in a link: none is taken."""
    found = []
    for paragraph in paragraphs:
        if len(paragraph) > _INLINE_WRAPPERS or len(text := element_words(paragraph)) > NAME_CHARS:
            continue
        # a writer's name is two words at least; a paper's desk by its initials ("IN-Redaktion") is one
        signs = is_initials_desk(text) or (len(text.split()) >= 2 and looks_like_person(text))
        if not signs or ":" in text or _NOT_SIGNED(paragraph):
            continue
        if _ends_story(paragraph) or _opens_story(paragraph):
            found.append(paragraph)
    return found
