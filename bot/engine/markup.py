"""What an element's own markup says, whatever its words: a licence link, a link to a writer's page, a logo
named by its alt text, the day a <time> element means; and the one walk over a page's body that finds them."""

from __future__ import annotations

import re
from bisect import bisect_right
from copy import deepcopy
from functools import lru_cache
from itertools import accumulate

from ahocorasick_rs import AhoCorasick
from lxml import etree

from bot.engine.dates import NUMERIC_DATE, calendar_day, numeric_to_iso, shown_month_day
from bot.engine.hints import YEAR
from bot.engine.other_credits import labels_other_work
from bot.engine.regions import fragment_list, name_fragments

_MACHINE_DAY = re.compile(r"^\s*((?:19|20)\d\d-[01]\d-[0-3]\d)")


def machine_day(element: etree._Element) -> str | None:
    """The day a <time> means: its datetime's, or the day its words show a time zone from it (a UTC stamp of
    the 19th shown as 'Nov 18, 8:19 PM' where the piece was published)."""
    match = _MACHINE_DAY.match(element.get("datetime") or "")
    if not match or calendar_day(*map(int, match.group(1).split("-"))) is None:
        return None  # a template that printed minutes for the month ("2014-00-29") means no day
    return shown_month_day(match.group(1), "".join(element.itertext()))


def time_words(element: etree._Element, day: str) -> str | None:
    """The words to read for a <time> element whose datetime gives `day`: "" where its words show no year ("2 hours
    ago": the day is read after them); its words with the day in place of a numeric date that reads both ways
    ("10/04/2016" on a page whose order is unknown: its datetime settles which); None where its words say the day."""
    shown = "".join(element.itertext())
    if not YEAR.search(shown):
        return ""
    match = NUMERIC_DATE.search(shown)
    if not match or match["year"] or numeric_to_iso(match, None):
        return None
    readings = {numeric_to_iso(match, True), numeric_to_iso(match, False)}
    return f"{shown[: match.start()]}{day}{shown[match.end() :]}" if day in readings else None


def is_logo(image: etree._Element) -> bool:
    """An image that is a logo with its name as alt text (a writer's headshot is not read: its alt repeats the
    name beside it)."""
    where = f"{image.get('src') or ''} {image.get('class') or ''}".lower()
    return "logo" in where and bool((image.get("alt") or "").strip())


# "KTRK logo", "Logo: Harbor News", "Harbor-Logo": the word says what the picture is, and is no part of the name
_LOGO_WORD = re.compile(r"(?:^|[\s-])logo\b[\s:]*|^logo[\s:-]+", re.I)


def logo_name(image: etree._Element) -> str:
    """The name a logo's alt text gives, without the word "logo"."""
    return _LOGO_WORD.sub(" ", image.get("alt") or "").strip()


def is_license_link(element: etree._Element) -> bool:
    return is_license_href(element.get("href") or "", element.get("rel") or "")


def is_license_href(href: str, rel: str = "") -> bool:
    """A link's address and rel say it leads to a licence."""
    return "creativecommons.org" in href or "gnu.org/licenses" in href or "license" in rel


# A link to a writer's page: "/author/jane-doe", "/writer/123_jane-doe", "/staff/jane-doe/"
# ("/people/…" is as often a celebrity's topic page as a writer's)
_AUTHOR_PAGE = re.compile(r"/(?:authors?|writers?|staff|profiles?|contributors?|journalists?)/[^/?#]+/?$", re.I)
# The same words, for an address in ASCII: most of a page's links hold none of them, and this test is cheaper than
# the pattern's. (An address with other letters goes to the pattern: under re.I "ſ" is an "s".)
_AUTHOR_PAGE_WORDS = re.compile(r"/(?:author|writer|staff|profile|contributor|journalist)", re.I)


def is_author_link(element: etree._Element) -> bool:
    return is_author_href(element.get("href") or "", element.get("rel") or "")


def is_author_href(href: str, rel: str = "") -> bool:
    """A link's address and rel say it leads to a writer's page."""
    if "author" in rel.lower():
        return True
    if href.isascii() and not _AUTHOR_PAGE_WORDS.search(href):
        return False
    return bool(_AUTHOR_PAGE.search(href))


_WRITER_CLASS = re.compile(r"(?<![a-z])writer")  # "writer", "article-writer"; not "typewriter"
_BYLINE_WORD_CLASS = re.compile(rf"(?<![a-z])(?:{name_fragments('byline_words')})(?![a-z])")  # not "autorefresh"
# the words' first three letters: a class name holding none of them ("container", "row") skips the pattern
_BYLINE_WORD_STEMS = tuple(sorted({word[:3] for word in fragment_list("byline_words")}))


def is_byline_class(css: str) -> bool:
    """An element's class names mark a byline: an author's, a contributor's or a writer's box."""
    css = css.lower()
    if "author" in css or "byline" in css or "contributor" in css:
        return True
    # (the writer pattern only where its word stands: most class names hold none of these words)
    if "writer" in css and _WRITER_CLASS.search(css):
        return True
    for stem in _BYLINE_WORD_STEMS:
        if stem in css:
            return bool(_BYLINE_WORD_CLASS.search(css))
    return False


_PARTNER_LOGO_CLASS = re.compile(rf"(?:{name_fragments('partner_logo')})", re.I)
# a source box's class, its word standing alone between the name's separators ("m-source", not "sourcepoint")
_SOURCE_CLASS = re.compile(rf"(?<![a-z])(?:{name_fragments('source')})(?![a-z])", re.I)
# Every word the tests below look for in a lower-cased class name: an ASCII name holding none of them (most names)
# is none of the kinds. One automaton finds them in all of a page's names at once, far faster than a pattern that
# tries each word at each letter. (Under re.I "ſ" is an "s": a name with other letters than ASCII takes every test.)
_CLASS_WORD_LIST = (
    "author", "byline", "contributor", "writer", "username", "logo", *_BYLINE_WORD_STEMS, *fragment_list("source")
)  # fmt: skip
_CLASS_WORD_SEARCH = AhoCorasick(list(_CLASS_WORD_LIST))
_PICTURE_SOURCE = re.compile(rf"(?<![a-z])(?:{name_fragments('picture')})(?![a-z])", re.I)


def enclosing_block(node: etree._Element, body: etree._Element, block_tags: frozenset[str]) -> etree._Element:
    """The block element a node stands in (the body itself when none is)."""
    while node is not body and node.tag not in block_tags:
        parent = node.getparent()
        if parent is None:
            return body
        node = parent
    return node


def only_block_inside(element: etree._Element, block_tags: frozenset[str]) -> etree._Element:
    """The innermost element that holds all of `element`'s words as its own, down through wrappers with no words
    of their own and a single block inside ("<div class=m-source><div>DPA</div></div>" -> the inner <div>)."""
    while not (element.text or "").strip():
        children = [child for child in element if isinstance(child.tag, str)]
        if len(children) != 1 or children[0].tag not in block_tags or (children[0].tail or "").strip():
            break
        element = children[0]
    return element


def _words_in(element: etree._Element) -> bool:
    return any(text.strip() for text in element.itertext())


def worded_block_inside(element: etree._Element, block_tags: frozenset[str]) -> etree._Element:
    """The one block inside a wrapper with no words of its own that holds all the wrapper's words as its own, past
    wordless siblings ("<div class=x-Byline><div class=x-Avatar></div><div><span>Jo Roe</span></div></div>" -> the
    second <div>); the wrapper itself where its words stand in several blocks (a writer's card of name and tags)."""
    inner = element
    for _ in range(8):  # (a wrapper or two in practice: the bound keeps a hostile nesting cheap)
        if (inner.text or "").strip() or any((child.tail or "").strip() for child in inner):
            break
        worded = [child for child in inner if isinstance(child.tag, str) and _words_in(child)]
        if len(worded) != 1 or worded[0].tag not in block_tags:
            break
        inner = worded[0]
    if inner is element or any(e.tag in block_tags and _words_in(e) for e in inner.iterdescendants()):
        return element
    return inner


# Sites share their templates' class names ("container", "row"): each name is judged once, not once a page.
@lru_cache(maxsize=16384)
def class_kind(css: str) -> str | None:
    """What an element's class names say it holds whatever its words: a byline ("byline_markup"), the logo of
    the partner that provided a portal's piece ("partner_logo", its name given only as the image's alt text) or
    the box naming the story's source ("source_markup"). class_kinds asks only about the names that may be one."""
    if is_byline_class(css):
        return "byline_markup"
    if "username" in css.lower():
        return "handle_markup"  # a community site's poster, by her handle (or the reader's own, in the site's menu)
    # every partner-logo name holds "logo": the substring test rules out nearly every class before the regex
    if "logo" in css.lower() and _PARTNER_LOGO_CLASS.search(css):
        return "partner_logo"
    # ("image-source", "photo-quelle": a picture's source, not the story's)
    return "source_markup" if _SOURCE_CLASS.search(css) and not _PICTURE_SOURCE.search(css) else None


def class_kinds(names: set[str]) -> dict[str, str]:
    """The class names (each an element's whole class attribute) that say a kind (class_kind), with their kind."""
    plain = [css for css in names if css.isascii()]
    candidates = [css for css in names if not css.isascii()]
    if plain:
        # one scan of every ASCII name: a name holding none of the words is none of the kinds
        text = "\n".join(plain).lower()
        starts = list(accumulate((len(css) + 1 for css in plain), initial=0))
        found = _CLASS_WORD_SEARCH.find_matches_as_indexes(text)
        candidates += [plain[bisect_right(starts, start) - 1] for _, start, _ in found]
    return {css: kind for css in set(candidates) if (kind := class_kind(css))}


def marked_elements(
    elements: list[etree._Element], headings: list[str], block_tags: frozenset[str]
) -> list[tuple[etree._Element, str | None]]:
    """The elements (a page body's, in document order) worth reading whatever their words (licence links, bylines
    and author links marked up as such, with the hint kind that says so); the page's <h1>s are taken into
    `headings` on the same pass."""
    marked: list[tuple[etree._Element, str | None]] = []
    names = [element.get("class") for element in elements]
    kinds = class_kinds(set(filter(None, names)))
    for element, css in zip(elements, names, strict=True):
        tag = element.tag
        if tag == "a":  # (each test once: most elements are none of these three)
            href, rel = element.get("href") or "", element.get("rel") or ""
            if is_license_href(href, rel):
                marked.append((element, "licence_link"))
                continue
            if is_author_href(href, rel):
                marked.append((element, "byline_markup"))
                continue
        elif tag == "h1":
            if text := " ".join("".join(element.itertext()).split()):
                headings.append(text)
            continue
        elif tag == "time":
            if machine_day(element) and not YEAR.search("".join(element.itertext())):
                marked.append((element, "date"))  # "<time datetime=…>2 hours ago</time>": its day is in markup
            continue
        if css and (kind := kinds.get(css)):
            # a source box's or a byline's words stand in the one block it wraps ("<div class=m-source><div>DPA",
            # "<div class=autor><h6>Jo Roe</h6>"): that block is the one read (a nested block is not read with it)
            if kind == "source_markup":
                element = only_block_inside(element, block_tags)
            elif kind == "byline_markup" and _after_other_work_label(element):
                continue  # "Foto:" in the element before: the picture's credit, marked up in the writer's class
            elif kind == "byline_markup":
                inner = worded_block_inside(element, block_tags)
                if inner is element:  # a writer's card of several blocks: the one it calls her name is read too
                    marked += [(named, kind) for named in _card_name(element, block_tags)]
                element = inner
            marked.append((element, kind))
    return marked


# "<div class=author-box><div class=data><div class=name id=name>Jo Roe</div><div class=title>Columnist</div>…"
_NAME_CLASS = re.compile(r"(?:^|[\s_-])name(?:$|[\s_-])")


def _card_name(card: etree._Element, block_tags: frozenset[str]) -> list[etree._Element]:
    """The blocks inside a writer's card that its class or id calls a name (none of the card's own words do): one
    card may hold two writers, each with her name."""
    return [
        inner
        for inner in card.iterdescendants()
        if inner.tag in block_tags
        and _NAME_CLASS.search(f"{inner.get('class') or ''} {inner.get('id') or ''}".lower())
        and _words_in(inner)
    ]


def _after_other_work_label(element: etree._Element) -> bool:
    before = element.getprevious()
    return before is not None and labels_other_work("".join(before.itertext()))


# A line this short right after a picture (and perhaps its caption) is the picture's: "Quelle: AFP"
PICTURE_CREDIT_CHARS = 80
# ... and a caption (one written as a plain paragraph too, right after its picture) is no longer than this
CAPTION_CHARS = 300
_PICTURE_TAGS = ("picture", "figure", "video")


def _is_picture(image: etree._Element) -> bool:
    """An image that is a picture: not a logo, nor a licence's badge (an image inside a link to the licence)."""
    link = next(image.iterancestors("a"), None)
    return not is_logo(image) and not (link is not None and is_license_link(link))


def _holds_picture(element: etree._Element) -> bool:
    if element.tag in _PICTURE_TAGS or (element.tag == "img" and _is_picture(element)):
        return True
    return any(True for _ in element.iter(*_PICTURE_TAGS)) or any(_is_picture(i) for i in element.iter("img"))


_IN_CAPTION = etree.XPath("boolean(ancestor::figcaption or parent::figure)")


def in_caption(element: etree._Element) -> bool:
    """'<figcaption><div>© 2023 Jo Roe</div></figcaption>': an element within a picture's caption, read as the
    caption itself; so is a block of text set straight in the picture's <figure> ("<figure><img …><footer>… (© Jo
    Roe)</footer></figure>"), a caption in another element."""
    return bool(_IN_CAPTION(element))


def follows_picture(element: etree._Element) -> bool:
    """The element (or the wrapper it opens) comes right after a picture, or after a picture and its caption, or
    holds one before its words ("<div><img …><span>Jo Roe, CC BY-SA 4.0</span></div>"): a short credit or licence
    line there ("Quelle: AFP" under the lead picture, in class names that say nothing) is the picture's, not the
    story's."""
    if _holds_picture(element):
        return True
    previous = element.getprevious()
    parent = element.getparent()
    if previous is None and parent is not None and not (parent.text or "").strip():
        # "<div class='m'><img …></div><div class='summary'><p>REUTERS</p></div>": the line opens a wrapper that
        # comes right after the picture's own (a wrapper of the picture alone, not a block of links with a logo)
        wrapper = parent.getprevious()
        return (
            wrapper is not None
            and isinstance(wrapper.tag, str)
            and _holds_picture(wrapper)
            and len("".join(wrapper.itertext()).strip()) <= CAPTION_CHARS
        )
    for _ in range(2):
        if previous is None or not isinstance(previous.tag, str):
            return False
        if _holds_picture(previous):
            return True
        if len("".join(previous.itertext()).strip()) > CAPTION_CHARS:
            return False
        previous = previous.getprevious()
    return False


# ... and a menu item that names the site's licence ("Rechtliches › CC-BY-SA 3.0", linking to the site's own page on it)
_IN_MENU = "contains(., '©') or contains(., 'CC-BY') or contains(., 'CC BY')"
_MENU_NOTICE_TEXT = etree.XPath(f"descendant::nav/descendant::text()[{_IN_MENU}]")
# (one test of each menu's whole text: most pages have no © in a menu, and then no text node is tested one by one)
_MENU_NOTICE = etree.XPath(f"boolean(descendant::nav[{_IN_MENU}])")
_MENU_NOTICES = 3  # a site prints its legal line once or twice; more © in menus are items of lists, not notices


def lift_notices_out_of_menus(body: etree._Element, block_tags: frozenset[str]) -> None:
    """Menus are dropped unread, but some sites print their legal line inside one ("<nav><address>© Harbor Media
    S.L.</address></nav>", a terms bar built as a <nav>): that line is copied out into a footer at the page's end,
    where it counts after the site's own footer (a menu's copy of the legal line is worded more loosely)."""
    if not _MENU_NOTICE(body):
        return
    lifted: set[etree._Element] = set()
    footer = etree.Element("footer")
    for node in _MENU_NOTICE_TEXT(body)[:_MENU_NOTICES]:
        element = node.getparent()
        if element is None:
            continue
        if node.is_tail:
            element = element.getparent()
        chain = [element, *element.iterancestors()]
        navs = [e for e in chain if e.tag == "nav"]
        if not navs:
            continue
        below = chain[: chain.index(navs[0])]
        block = next((e for e in below if e.tag in block_tags), element)
        if block in lifted or block.tag == "nav":
            continue
        lifted.add(block)
        copy = deepcopy(block)
        copy.tail = None
        footer.append(copy)
    if lifted:
        body.append(footer)


# "<b>Quelle und Kontaktadresse:</b><br>Verein X e.V.": a short label whose value a break sets on the next line
_LABEL_ALONE = re.compile(r"^\s*[^\W\d_][\w .'’-]{1,38}:\s*$")


def label_alone(parts: list[str]) -> bool:
    """The run so far is only a label ending in a colon, so the line after the <br> is its value, not a new line."""
    return len(parts) <= 4 and bool(_LABEL_ALONE.match("".join(parts)))
