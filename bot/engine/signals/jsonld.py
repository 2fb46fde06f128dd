"""Schema.org JSON-LD: the article object's headline, people, dates, publisher, provider, basis and rights.

Microdata items are read by the same code (`read_objects`), shaped like JSON-LD objects by bot.engine.microdata.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bot.engine.dates import parse_machine_date
from bot.engine.domains import host_of, is_web_address
from bot.engine.facts import Credit, Fact, Notice, snippet
from bot.engine.signals.context import Context
from bot.engine.signals.publisher import is_publisher, publisher_keys

ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "scholarlyarticle", "report",
    "liveblogposting", "socialmediaposting", "techarticle", "posting", "webpage", "creativework",
}  # fmt: skip


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {str(v).lower().rsplit("/", 1)[-1] for v in values}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


class _Graph:
    def __init__(self, objects: list[dict[str, Any]]):
        self.by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in self.by_id:
            return self.by_id[value["@id"]]
        return value

    def names(self, value: Any) -> list[tuple[str, set[str]]]:
        out = []
        for item in _as_list(value):
            item = self.resolve(item)
            if isinstance(item, str) and item.strip() and not is_web_address(item):
                out.append((item.strip(), set()))
            elif isinstance(item, dict):
                name = item.get("name")
                if isinstance(name, list):
                    name = next((n for n in name if isinstance(n, str)), None)
                if isinstance(name, str) and name.strip():
                    out.append((name.strip(), _types(item)))
        return out


def _tag(key: str, value: Any) -> str:
    shown = f'"{value}"' if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return snippet(f'"{key}": {shown}', 200)


def _is_about(obj: dict[str, Any], page_url: str | None, title: str | None) -> bool:
    """Whether an article object describes the page in hand, not a related story listed on it."""
    if title and isinstance(obj.get("headline"), str) and obj["headline"].strip().lower() == title.strip().lower():
        return True
    if page_url:
        for key in ("url", "mainEntityOfPage", "@id"):
            value = obj.get(key)
            value = value.get("@id") or value.get("url") if isinstance(value, dict) else value
            if isinstance(value, str) and value.split("#")[0].rstrip("/") == page_url.split("#")[0].rstrip("/"):
                return True
    return False


def _with_main_entities(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects and the articles nested as a WebPage's mainEntity ({"@type": "WebPage", "mainEntity":
    {"@type": "NewsArticle", …}}), which describe the page as much as a top-level article does."""
    nested = [
        entity
        for obj in objects
        for entity in _as_list(obj.get("mainEntity"))
        if isinstance(entity, dict) and _types(entity) & ARTICLE_TYPES
    ]
    return objects + nested if nested else objects


def _article(objects: list[dict[str, Any]], page_url: str | None, title: str | None) -> dict[str, Any] | None:
    objects = _with_main_entities(objects)
    candidates = [o for o in objects if _types(o) & ARTICLE_TYPES or "headline" in o]
    ranked = sorted(
        candidates,
        key=lambda o: (
            0 if _is_about(o, page_url, title) else 1,
            0 if "headline" in o else 1,
            0 if _types(o) - {"webpage", "creativework"} else 1,
        ),
    )
    return ranked[0] if ranked else None


def read(context: Context) -> list[Fact]:
    return read_objects(context, context.doc.jsonld, "json-ld", _tag)


def read_objects(
    context: Context, objects: list[dict[str, Any]], signal: str, tag: Callable[[str, Any], str]
) -> list[Fact]:
    """The article object's facts, each cited as `signal` with `tag(key, value)` as its snippet."""
    if not objects:
        return []
    graph = _Graph(objects)
    page_url = context.page_url or context.doc.meta_first("og:url")
    article = _article(objects, page_url, context.doc.meta_first("og:title", "twitter:title"))
    if article is None:
        return []
    facts: list[Fact] = []

    def add(field: str, value: Any, key: str, raw: Any, weight: int, **extra: Any) -> None:
        facts.append(Fact(field, value, signal, tag(key, raw), weight, "head", extra))  # type: ignore[arg-type]

    kinds = _types(article) | (
        _types(graph.resolve(article.get("publisher")))
        if isinstance(graph.resolve(article.get("publisher")), dict)
        else set()
    )
    if kinds & {"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "newsmediaorganization"}:
        add("outlet_kind", "news", "@type", sorted(kinds), 30)
    elif "blogposting" in kinds:
        add("outlet_kind", "blog", "@type", sorted(kinds), 30)
    headline = article.get("headline") or (article.get("name") if "headline" not in article else None)
    if isinstance(headline, str) and headline.strip():
        add("title", headline.strip(), "headline", headline, 70)
    publishers = publisher_keys(context.doc)
    for key in ("author", "creator"):
        for name, types in graph.names(article.get(key)):
            is_company = types & {"organization", "newsmediaorganization"} or is_publisher(name, publishers)
            kind = "organization" if is_company else "person"
            add("author", name, key, name, 65 if key == "author" else 45, kind=kind)
        if article.get("author"):
            break
    for key, field, weight in (("datePublished", "published", 80), ("dateModified", "modified", 80)):
        parsed = parse_machine_date(str(article.get(key) or ""))
        if parsed:
            add(field, parsed, key, article.get(key), weight)
    if "datePublished" not in article and (created := parse_machine_date(str(article.get("dateCreated") or ""))):
        add("published", created, "dateCreated", article.get("dateCreated"), 60)
    publisher = graph.resolve(article.get("publisher"))
    if publisher is None:  # Yoast puts the publisher on the WebSite object only
        site = next((o for o in objects if "website" in _types(o) and o.get("publisher")), None)
        publisher = graph.resolve(site.get("publisher")) if site else None
    for name, _ in graph.names(publisher):
        url = publisher.get("url") if isinstance(publisher, dict) else None
        add("outlet", name, "publisher", name, 60, url=url if isinstance(url, str) else None)
    for key in ("provider", "sourceOrganization"):
        for item in _as_list(article.get(key)):
            item = graph.resolve(item)
            for name, _ in graph.names(item):
                url = item.get("url") if isinstance(item, dict) else None
                add("credit", Credit(name, url if isinstance(url, str) and url else None), key, name, 60)
    for key in ("isBasedOn", "isBasedOnUrl", "basedOn"):
        for item in _as_list(article.get(key)):
            item = graph.resolve(item)
            url = (
                item
                if isinstance(item, str)
                else item.get("url") or item.get("@id")
                if isinstance(item, dict)
                else None
            )
            if not isinstance(url, str) or not is_web_address(url):
                continue
            names = graph.names(item.get("publisher")) if isinstance(item, dict) else []
            date = parse_machine_date(str(item.get("datePublished") or "")) if isinstance(item, dict) else None
            name = names[0][0] if names else (host_of(url) or url).removeprefix("www.")
            add("credit", Credit(name, url, date), key, url, 85)
    holders = [n for n, _ in graph.names(article.get("copyrightHolder"))]
    year = article.get("copyrightYear")
    notice = article.get("copyrightNotice")
    if holders or isinstance(notice, str):
        year_int = int(year) if str(year or "").isdigit() else None
        text = notice if isinstance(notice, str) else f"© {year_int or ''} {', '.join(holders)}".replace("  ", " ")
        add("copyright", Notice(text, tuple(holders), year_int), "copyrightHolder", holders or notice, 35)
    for item in _as_list(article.get("license")):
        item = graph.resolve(item)
        url = item if isinstance(item, str) else item.get("url") if isinstance(item, dict) else None
        info = context.licenses.from_url(url) if isinstance(url, str) else None
        if info:
            add("license", info, "license", url, 80, url=url)
    for key in ("url", "mainEntityOfPage"):
        value = article.get(key)
        value = value.get("@id") or value.get("url") if isinstance(value, dict) else value
        if isinstance(value, str) and is_web_address(value):
            add("page_url", value, key, value, 40)
            break
    return facts
