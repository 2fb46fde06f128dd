"""The one lxml parse of a page: a parser per thread, comments and processing instructions dropped, no network."""

from __future__ import annotations

import re
import threading

from lxml import etree

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_PARSERS = threading.local()  # an lxml parser must not be shared between threads
_PARSER_OPTIONS = {"remove_comments": True, "remove_pis": True, "remove_blank_text": True, "no_network": True}


def _parser(encoding: str | None) -> etree.HTMLParser:
    parser = getattr(_PARSERS, f"parser_{encoding}", None)
    if parser is None:
        parser = etree.HTMLParser(encoding=encoding, collect_ids=False, **_PARSER_OPTIONS)
        setattr(_PARSERS, f"parser_{encoding}", parser)
    return parser


def parse_html(html: str) -> etree._Element | None:
    # lxml refuses str input that carries an XML encoding declaration; the text is already decoded
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        # libxml2 reads UTF-8 bytes about a third faster than the wide buffer lxml hands it for a str; the
        # parser's fixed encoding overrides the page's <meta charset>, as the decoded text already did
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (text read with surrogateescape): the str as it is
        return _parse_as(html, None)
    return _parse_as(data, "utf-8")


def _parse_as(html: str | bytes, encoding: str | None) -> etree._Element | None:
    try:
        return etree.fromstring(html, _parser(encoding))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
