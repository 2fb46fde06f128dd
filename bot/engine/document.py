"""One article, parsed once: its blocks of visible text (with their links and page region), head metadata and
JSON-LD. Every signal reader works from this, so the page is parsed a single time however many readers there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from bot.engine import hints, markup
from bot.engine.closing_lines import closes_text
from bot.engine.domains import is_web_address
from bot.engine.hcards import hcard_authors
from bot.engine.headline_place import headline_position
from bot.engine.html_parse import parse_html
from bot.engine.jsonld_scripts import flatten_jsonld, parse_jsonld
from bot.engine.markup import follows_picture, is_license_link, is_logo, logo_name, machine_day, time_words
from bot.engine.microdata import read_items
from bot.engine.regions import Region, lead_path, path_to, region_of
from bot.engine.signed_names import signed_names
from bot.engine.web_archive import TOOLBAR_MARK, drop_toolbar, is_archive_copy, unwrap_links

# Blocks of text: their text is one "line" for the text readers.
BLOCK_TAGS = frozenset(
    ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "td", "th", "dd", "dt",
     "address", "section", "article", "header", "footer", "aside", "main", "nav", "ul", "ol", "table", "tr", "pre",
     "form", "center"]
)  # fmt: skip
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "iframe", "button", "select", "option", "textarea", "head"]
)
# No part of a link pattern scans past the next "[" (or "<") that could start another link: a paste of "[[[[…" or
# "<http://a|<http://a|…" would otherwise be read in time growing with the square of its length.
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\[\]\s]*)\)")
_SLACK_LINK = re.compile(r"<(?P<url>https?://[^\s|<>]+)(?:\|(?P<label>[^<>]*))?>")
_QUOTE_MARK = re.compile(r"^\s*(?:>|&gt;)+\s?")
_BOLD_LINE = re.compile(r"^\s*(\*{1,2})[^*\s][^*]*[^*\s]\1\s*$")
# Cap on the text the readers see: pages this long are not articles, and the regexes must stay fast.
MAX_TEXT_CHARS = 400_000


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    rel: str = ""
    hreflang: str = ""  # head links: the language of the page it names (this page in another language)


@dataclass
class Block:
    text: str
    region: Region = "body"
    links: list[Link] = field(default_factory=list)
    tag: str = "p"
    css: str = ""
    position: int = 0  # where it starts: the line (pasted text) or text node (page) number
    hints: frozenset[str] = frozenset()  # the kinds of provenance words it holds (bot.engine.hints)


@dataclass
class Document:
    kind: str  # "html" or "text"
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents
    head_links: list[Link] = field(default_factory=list)  # <link rel=… href=…>
    jsonld: list[dict[str, Any]] = field(default_factory=list)  # every object, @graph flattened
    microdata: list[dict[str, Any]] = field(default_factory=list)  # itemscope items, shaped like JSON-LD objects
    html_title: str | None = None
    base_url: str | None = None  # <base href>, against which the page's relative links resolve
    headline_position: int = 0  # where the headline stands (text node / line number): the article starts there
    headings: list[str] = field(default_factory=list)  # h1 texts, in order
    hcard_authors: list[str] = field(default_factory=list)  # the names an "author vcard" marks (bot.engine.hcards)
    language: str | None = None  # as the page declares it (<html lang>, og:locale): "en-GB", "fr_FR"
    page_years: frozenset[int] = frozenset()  # the four-digit years its text prints (bot.engine.hints.page_years)
    warnings: list[str] = field(default_factory=list)

    def meta_first(self, *names: str) -> str | None:
        meta = self.meta
        for name in names:
            for value in meta.get(name, ()):
                if value:  # already whitespace-folded when read
                    return value
        return None

    def head_link(self, rel: str) -> str | None:
        for link in self.head_links:
            if rel in link.rel.split():
                return link.href
        return None

    def absolute(self, href: str | None) -> str | None:
        if not href:
            return None
        href = href.strip()
        base = self.base_url or self.url or ("https:" if href.startswith("//") else "")  # a saved page's "//www.…"
        if base and not is_web_address(href):
            href = urljoin(base, href)
        return href if is_web_address(href) else None


def _clean(text: str) -> str:
    return " ".join(text.split())  # str.split() folds every Unicode space, non-breaking ones included


class _BlockReader:
    """Reads one block element: its own text runs and links, leaving nested blocks to be read on their own."""

    MAX_DEPTH = 200  # deeper nesting is flattened, so a hostile page cannot exhaust the stack

    def __init__(self, doc: Document, region: Region, tag: str, css: str, position: int, kinds: frozenset[str]):
        self.doc = doc
        self.region, self.tag, self.css, self.position, self.kinds = region, tag, css, position, kinds
        self.reads_logos = "partner_logo" in kinds and "byline_markup" not in kinds
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.boundary = False  # an inline element of more than one letter just ended

    def emit(self) -> None:
        text = _clean("".join(self.parts))
        self.parts = []
        if text:  # a run with no words (a badge link before a <br>) hands its links on to the next run
            block = Block(text, self.region, self.links, self.tag, self.css, self.position, self.kinds)
            self.doc.blocks.append(block)
            self.links = []
            self.kinds -= {"after_picture"}  # a <br> line after the element's first is no longer beside the picture

    def add(self, text: str) -> None:
        # "<span>Caroline Voss</span><span>Associated Press</span>" reads as two words, as a browser shows it;
        # a one-letter element (a drop cap: "<span>W</span>ord") joins its word
        if self.boundary and self.parts and text[:1].isalnum() and self.parts[-1][-1:].isalnum():
            self.parts.append(" ")
        self.boundary = False
        self.parts.append(text)

    def read(self, node: etree._Element, depth: int = 0) -> None:
        if text := node.text:  # (lxml builds a new string at each reading of .text and .tail)
            self.add(text)
        for child in node:
            tag = child.tag
            if isinstance(tag, str):
                if depth > self.MAX_DEPTH:
                    self.add(" ".join(child.itertext()))
                elif tag in BLOCK_TAGS:
                    self.emit()  # a nested block ends this run; it is read on its own if it matters
                elif tag == "a" and "byline_markup" in self.kinds and "tag" in (child.get("rel") or "").split():
                    pass  # "Jo Roe in News, Kit Reviews": a byline's category links (rel="category tag") name no one
                elif tag == "a":
                    start = len(self.parts)
                    self.read(child, depth + 1)
                    label = _clean("".join(self.parts[start:]))
                    if not label and (is_license_link(child) or self.reads_logos):
                        # a licence badge or a partner's logo (alone: not in a byline) is an image: its alt text is
                        # the link's words, as a screen reader says
                        label = _clean(" ".join(logo_name(img) for img in child.iter("img")))
                        self.add(label or ("licence" if is_license_link(child) else ""))
                    if href := child.get("href"):
                        self.links.append(Link(label, href.strip(), child.get("rel", "")))
                    if label:  # (a wordless icon link leaves the boundary before it standing)
                        self.boundary = len(label) > 1
                elif tag == "time" and (day := machine_day(child)) and (shown := time_words(child, day)) is not None:
                    # its day, where its words do not say it ("2 hours ago") or not in one order ("10/04/2016")
                    if not shown:
                        self.read(child, depth + 1)
                    self.add(shown or f" {day}")
                    self.boundary = True
                elif tag == "time" and self.tag == "h1" and machine_day(child):
                    # a date set inside the headline ("<h1><time>1. Februar 2022</time> Title</h1>", a date line
                    # under the title in the same <h1>) is a line of its own, not words of the title
                    self.emit()
                    self.read(child, depth + 1)
                    self.emit()
                elif tag == "br" and not markup.label_alone(self.parts):  # ("<b>Quelle:</b><br>X": one line)
                    self.emit()  # forum posts, Blogger and older CMSs write their lines with <br>, not <p>
                elif tag == "img" and "byline_markup" in self.kinds and is_logo(child):
                    # a byline's agency given as its logo: "By Jane Doe [AP logo]" reads "By Jane Doe Associated Press"
                    self.add(f" {_clean(logo_name(child))}")
                    self.boundary = True
                else:
                    start = len(self.parts)
                    self.read(child, depth + 1)
                    # an empty icon ("<i class=fa-clock>") between two inline elements is no letter of a word:
                    # "<span>by Jo Roe</span><span><i></i><time>May 2</time></span>" still reads as two runs
                    if words := "".join(self.parts[start:]).strip():
                        self.boundary = len(words) > 1
            if tail := child.tail:
                self.add(tail)


# (the same nodes as ".//text()", which libxml2 evaluates as every node's children: this one step is faster)
_TEXT_NODES = etree.XPath("descendant::text()")
_TEXT_BEFORE = etree.XPath("count(preceding::text())")


def _headline_at(texts: list[str], nodes: list[Any], doc: Document) -> int:
    return headline_position(texts, nodes, doc.meta_first("og:title", "twitter:title"), doc.html_title, doc.headings)


def _keep_readable(body: etree._Element) -> None:
    """Navigation menus never carry provenance; dropping them up front keeps every later pass shorter. A <nav> in
    the site's <footer> is its legal line too ("<footer><nav>© 1997-2021 Radio X · Imprint</nav>"): kept. So is a
    <noscript> that holds paragraphs: the article itself, for readers without scripts (a script template shows it),
    and a <nav> that holds the page's <main>."""
    for footer in body.iter("footer"):  # (from the few footers down: not up from each of a page's many menus)
        for nav in footer.iter("nav"):
            nav.tag = "div"
    markup.lift_notices_out_of_menus(body, BLOCK_TAGS)
    for fallback in [element for element in body.iter("noscript") if element.find(".//p") is not None]:
        fallback.tag = "div"
    for unclosed in [nav for nav in body.iter("nav") if nav.find(".//main") is not None]:
        unclosed.tag = "div"  # a menu the parser never closed holds the page's <main> and all after it: kept
    etree.strip_elements(body, *SKIP_TAGS, "nav", with_tail=False)


def _read_body(body: etree._Element, doc: Document) -> None:
    _keep_readable(body)
    # (held to the end: lxml then builds each element's Python object once, not again for every later walk, text
    # node parent and ancestor look-up)
    elements = list(body.iter())
    marked = markup.marked_elements(elements, doc.headings, BLOCK_TAGS)
    marked += [(paragraph, "byline_markup") for paragraph in signed_names([e for e in elements if e.tag == "p"])]
    nodes: list[Any] = _TEXT_NODES(body)
    texts = list(map(str.strip, nodes))  # (plain strings: the text nodes' own are lxml's "smart" ones)
    if sum(map(len, texts)) > MAX_TEXT_CHARS:
        total, cut = 0, 0
        for cut, text in enumerate(texts):  # noqa: B007 - cut is used after the loop
            total += len(text)
            if total > MAX_TEXT_CHARS:
                break
        nodes, texts = nodes[:cut], texts[:cut]
        doc.warnings.append("the page text is very long; only its first part was analysed")
    doc.headline_position = _headline_at(texts, nodes, doc)
    at = doc.headline_position  # 0 both when the headline is the first text and when it was not found
    found = at > 0 or (texts and texts[0] in (doc.meta_first("og:title", "twitter:title"), *doc.headings[:1]))
    headline_path = path_to(nodes[at], body) if found else frozenset()
    lead = lead_path(texts, nodes, at, doc.meta_first("og:description", "description"), body)
    # Only blocks that might say something about provenance are read: on a long page, a few dozen.
    kinds_at = hints.scan(texts)
    hints.mark_by_headline(kinds_at, texts, at)
    doc.page_years = hints.mark_short_dates(kinds_at, texts, at)
    hints.mark_after_bare_leads(kinds_at, texts)
    hints.mark_after_date_labels(kinds_at, texts)
    chosen: dict[etree._Element, tuple[int, set[str]]] = {}
    for index in sorted(kinds_at):
        node = nodes[index]
        owner = node.getparent()
        if owner is None:
            continue
        if node.is_tail and owner.getparent() is not None:
            owner = owner.getparent()
        block = markup.enclosing_block(owner, body, BLOCK_TAGS)
        if block in chosen:
            chosen[block][1].update(kinds_at[index])
        else:
            chosen[block] = (index, set(kinds_at[index]))
    head_texts = int(_TEXT_BEFORE(body))  # positions count the body's text nodes, as the headline's does
    for element, kind in marked:
        block = markup.enclosing_block(element, body, BLOCK_TAGS)
        if block not in chosen:
            chosen[block] = (int(_TEXT_BEFORE(element)) - head_texts, set())
        if kind:
            chosen[block][1].add(kind)
    regions: dict[etree._Element, Region] = {}
    for element, (position, kinds) in sorted(chosen.items(), key=lambda item: item[1][0]):
        tag = "body" if element is body else "figcaption" if markup.in_caption(element) else element.tag
        region = region_of(element, body, regions, headline_path, BLOCK_TAGS, lead)
        if kinds & _PICTURE_CREDIT_KINDS and follows_picture(element):
            kinds.add("after_picture")  # a credit or licence line under or beside a picture may be the picture's
        if "credit" in kinds and tag != "figcaption" and closes_text(element):
            kinds.add("closes_text")
        reader = _BlockReader(doc, region, tag, element.get("class", ""), position, frozenset(kinds))
        reader.read(element)
        reader.emit()


# a picture's, after one (a caption in a plain paragraph may close with its agency: "… in Ohio. (AP)")
_PICTURE_CREDIT_KINDS = frozenset({"credit", "rights", "by_headline", "source_markup", "signoff", "licence_link"})


def _read_head(root: etree._Element, doc: Document) -> None:
    meta, head_links = doc.meta, doc.head_links
    for element in root.iter("meta", "link", "script", "title", "base"):
        tag, get = element.tag, element.get
        if tag == "meta":
            key = get("property") or get("name") or get("itemprop")
            # some saved pages (and a few CMSs) carry the value in `value=` where `content=` belongs
            content = get("content")
            if content is None:
                content = get("value")
            if key and content is not None and (key := key.strip().lower()):
                meta.setdefault(key, []).append(_clean(content))  # (" Jo\xa0 Roe ": spaces of every kind, folded)
        elif tag == "link":
            if (href := get("href")) and (rel := get("rel")):
                head_links.append(Link("", href.strip(), rel.lower(), get("hreflang", "")))
        elif tag == "script":
            if (kind := get("type")) and kind.lower() == "application/ld+json" and element.text:
                flatten_jsonld(parse_jsonld(element.text), doc.jsonld)
        elif tag == "base":
            if doc.base_url is None and (href := get("href")):
                doc.base_url = urljoin(doc.url, href.strip()) if doc.url else href.strip()
        elif doc.html_title is None:
            title = _clean("".join(element.itertext()))
            doc.html_title = title or None


def from_html(html: str, url: str | None = None) -> Document:
    doc = Document(kind="html", url=url)
    if len(html) > MAX_TEXT_CHARS * 5:
        html = html[: MAX_TEXT_CHARS * 5]
        doc.warnings.append("the page is very large; only its first part was analysed")
    if "&shy;" in html or "\xad" in html:
        # soft hyphens ("Mes&shy;sen&shy;ger", common on German government sites) are invisible: a headline or a
        # name written with them must read as the title and the vocabulary write it
        html = html.replace("&shy;", "").replace("\xad", "")
    root = parse_html(html)
    if root is None:
        doc.warnings.append("the page has no readable HTML content")
        return doc
    if TOOLBAR_MARK in html:
        drop_toolbar(root)
    _read_head(root, doc)
    if "itemscope" in html:  # a substring test costs nothing; the XPath walk only runs on pages that use it
        doc.microdata = read_items(root)
    doc.hcard_authors = hcard_authors(root) if "vcard" in html else []
    doc.language = (root.get("lang") or "").strip() or doc.meta_first("og:locale", "language")
    body = root.find("body")
    _read_body(root if body is None else body, doc)
    if is_archive_copy(doc):
        unwrap_links(doc)
    return doc


def from_text(text: str) -> Document:
    """Pasted text: each non-empty line is a block; Markdown links keep their address."""
    doc = Document(kind="text")
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        doc.warnings.append("the text is very long; only its first part was analysed")
    for number, raw in enumerate(text.splitlines()):
        raw = _QUOTE_MARK.sub("", raw)  # Slack's and e-mail's "> " before quoted lines
        links = [Link(_clean(m.group(1)), m.group(2)) for m in _MD_LINK.finditer(raw) if is_web_address(m.group(2))]
        links += [Link(_clean(m["label"] or m["url"]), m["url"]) for m in _SLACK_LINK.finditer(raw)]
        line = _SLACK_LINK.sub(lambda m: m["label"] or m["url"], _MD_LINK.sub(lambda m: m.group(1), raw))
        # a Markdown heading, or a line set wholly in bold ("*Headline*" in Slack, "**Headline**" in Markdown)
        heading = line.lstrip().startswith("#") or bool(_BOLD_LINE.match(line))
        line = re.sub(r"^\s*#{1,6}\s*", "", line)
        line = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", line)  # Markdown emphasis
        line = _clean(re.sub(r"^\s*[-—–]{3,}\s*$", "", line))
        if not line:
            continue
        for url in re.findall(r"https?://[^\s<>()\"']+", line):
            links.append(Link(url, url.rstrip(".,;")))
        doc.blocks.append(Block(line, "article", links, "h1" if heading else "p", "", number))
        if heading:
            doc.headings.append(line)
    for index, kinds in hints.scan([block.text for block in doc.blocks]).items():
        doc.blocks[index].hints = frozenset(kinds)
    return doc
