"""One article, parsed once: its blocks of visible text (with their links and page region), head metadata and
JSON-LD. Every signal reader works from this, so the page is parsed a single time however many readers there are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from bot.domains import is_web_address

# Blocks of text: their text is one "line" for the text readers.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figcaption",
        "blockquote",
        "td",
        "th",
        "dd",
        "dt",
        "address",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "main",
        "nav",
        "ul",
        "ol",
        "table",
        "tr",
        "pre",
        "form",
        "center",
    ]
)
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "iframe", "button", "select", "option", "textarea", "head"]
)
# Page regions from class and id tokens (whole tokens: "newsletter-post" is an article, "newsletter-signup" is not).
_FOOTER_TOKENS = frozenset(
    [
        "footer",
        "site-footer",
        "page-footer",
        "global-footer",
        "colophon",
        "site-info",
        "copyright",
        "legal",
        "footer-legal",
    ]
)
_NAV_TOKENS = frozenset(["nav", "navigation", "menu", "main-menu", "navbar", "breadcrumb", "breadcrumbs", "skip-link"])
_ASIDE_TOKENS = frozenset(
    [
        "sidebar",
        "related",
        "related-stories",
        "related-articles",
        "newsletter-signup",
        "share",
        "sharing",
        "social-share",
        "recommended",
        "most-popular",
        "widget",
        "promo",
        "advertisement",
        "comments",
    ]
)
_ARTICLE_TOKENS = frozenset(
    [
        "article",
        "entry",
        "entry-content",
        "post-content",
        "post-body",
        "story-body",
        "article-body",
        "caas-body",
        "field--name-body",
        "article-content",
        "story-content",
        "body-content",
    ]
)
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# Cap on the text the readers see: pages this long are not articles, and the regexes must stay fast.
MAX_TEXT_CHARS = 400_000


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    rel: str = ""


@dataclass
class Block:
    text: str
    region: str = "body"  # article | footer | nav | aside | header | body
    links: list[Link] = field(default_factory=list)
    tag: str = "p"
    css: str = ""


@dataclass
class Document:
    kind: str  # "html" or "text"
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents
    head_links: list[Link] = field(default_factory=list)  # <link rel=… href=…>
    jsonld: list[dict[str, Any]] = field(default_factory=list)  # every object, @graph flattened
    html_title: str | None = None
    headings: list[str] = field(default_factory=list)  # h1 texts, in order
    times: list[tuple[str, str]] = field(default_factory=list)  # (<time datetime>, region)
    anchors: list[Link] = field(default_factory=list)  # every <a href>, for rel=license and licence hrefs
    warnings: list[str] = field(default_factory=list)

    def meta_first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
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
        if self.url and not is_web_address(href):
            href = urljoin(self.url, href)
        return href if is_web_address(href) else None


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _region(element: lxml.html.HtmlElement) -> str:
    """Where a block sits: the nearest ancestor that says so decides (an <article>'s own footer stays article)."""
    for node in (element, *element.iterancestors()):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("article", "main"):
            return "article"
        tokens = set(f"{node.get('class', '')} {node.get('id', '')}".lower().split())
        role = node.get("role", "")
        is_footer = tag == "footer" or role == "contentinfo" or tokens & _FOOTER_TOKENS
        if is_footer and not any(a.tag == "article" for a in node.iterancestors()):
            return "footer"
        if tag == "nav" or role == "navigation" or tokens & _NAV_TOKENS:
            return "nav"
        if tag == "aside" or tokens & _ASIDE_TOKENS:
            return "aside"
        if tokens & _ARTICLE_TOKENS:
            return "article"
        if tag == "header":
            return "header"
    return "body"


def _flatten_jsonld(value: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(value, list):
        for item in value:
            _flatten_jsonld(item, out)
    elif isinstance(value, dict):
        if "@graph" in value:
            _flatten_jsonld(value["@graph"], out)
        if "@type" in value or "headline" in value:
            out.append(value)


def _parse_jsonld(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(raw)
    except ValueError:
        # Some CMSs leave raw newlines or a trailing comma inside the script; one lenient retry.
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")), strict=False)
        except ValueError:
            return None


def _block_text(element: lxml.html.HtmlElement) -> tuple[str, list[Link]]:
    parts: list[str] = []
    links: list[Link] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag and tag not in SKIP_TAGS:
                if tag == "br":
                    parts.append(" ")
                else:
                    walk(child)
                    if tag == "a" and child.get("href"):
                        links.append(Link(_clean(child.text_content()), child.get("href", ""), child.get("rel", "")))
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _clean("".join(parts)), links


def from_html(html: str, url: str | None = None) -> Document:
    doc = Document(kind="html", url=url)
    if len(html) > MAX_TEXT_CHARS * 5:
        html = html[: MAX_TEXT_CHARS * 5]
        doc.warnings.append("the page is very large; only its first part was analysed")
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        doc.warnings.append("the page has no readable HTML content")
        return doc
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = element.get("content")
        if key and content is not None:
            doc.meta.setdefault(key, []).append(_clean(content))
    for element in root.iter("link"):
        if element.get("href") and element.get("rel"):
            doc.head_links.append(Link("", element.get("href", "").strip(), element.get("rel", "").lower()))
    for element in root.iter("script"):
        if (element.get("type") or "").lower() == "application/ld+json" and element.text:
            _flatten_jsonld(_parse_jsonld(element.text), doc.jsonld)
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        doc.html_title = _clean(title.text_content())
    body = root.find("body")
    if body is None:
        body = root
    total = 0
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "time" and element.get("datetime"):
            doc.times.append((element.get("datetime", ""), _region(element)))
        elif tag == "a" and element.get("href"):
            doc.anchors.append(Link(_clean(element.text_content()), element.get("href", ""), element.get("rel", "")))
        if tag not in BLOCK_TAGS or any(a.tag in SKIP_TAGS for a in element.iterancestors()):
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in element.iterdescendants()):
            # A container: only its own loose text (text and tails outside child blocks) is a block of its own.
            loose = _clean(" ".join(t for t in [element.text, *(c.tail for c in element)] if t))
            if loose:
                doc.blocks.append(Block(loose, _region(element), [], tag, element.get("class", "")))
            continue
        text, links = _block_text(element)
        if not text:
            continue
        if tag == "h1":
            doc.headings.append(text)
        total += len(text)
        if total > MAX_TEXT_CHARS:
            doc.warnings.append("the page text is very long; only its first part was analysed")
            break
        doc.blocks.append(Block(text, _region(element), links, tag, element.get("class", "")))
    return doc


def from_text(text: str) -> Document:
    """Pasted text: each non-empty line is a block; Markdown links keep their address."""
    doc = Document(kind="text")
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        doc.warnings.append("the text is very long; only its first part was analysed")
    for raw in text.splitlines():
        links = [Link(_clean(m.group(1)), m.group(2)) for m in _MD_LINK.finditer(raw) if is_web_address(m.group(2))]
        line = _MD_LINK.sub(lambda m: m.group(1), raw)
        heading = line.lstrip().startswith("#")
        line = re.sub(r"^\s*#{1,6}\s*", "", line)
        line = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", line)  # Markdown emphasis
        line = _clean(re.sub(r"^\s*[-—–]{3,}\s*$", "", line))
        if not line:
            continue
        for url in re.findall(r"https?://[^\s<>()\"']+", line):
            links.append(Link(url, url.rstrip(".,;")))
        doc.blocks.append(Block(line, "article", links, "h1" if heading else "p"))
        if heading:
            doc.headings.append(line)
    return doc
