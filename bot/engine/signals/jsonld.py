"""Schema.org JSON-LD: the article object's headline, people, dates, publisher, provider, basis and rights.

Microdata items are read by the same code (`read_objects`), shaped like JSON-LD objects by bot.engine.microdata.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

from bot.engine.dates import parse_machine_date
from bot.engine.domains import host_of, is_web_address
from bot.engine.facts import Credit, Fact, FactField, Notice, snippet
from bot.engine.jsonld_scripts import is_person_node, jsonld_types
from bot.engine.names import unescape_name
from bot.engine.registry import name_key
from bot.engine.signals.context import Context
from bot.engine.signals.publisher import is_own_site_writer, is_publisher, publisher_keys
from bot.engine.weights import WEIGHT
from bot.model import Signal

ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "scholarlyarticle", "report",
    "liveblogposting", "socialmediaposting", "techarticle", "posting", "webpage", "creativework",
}  # fmt: skip


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
        out: list[tuple[str, set[str]]] = []
        for item in _as_list(value):
            item = self.resolve(_embedded_object(item))
            if isinstance(item, str) and item.strip() and not is_web_address(item):
                out.append((_plain_name(item), set()))
            elif isinstance(item, dict):
                name = item.get("name") or _given_and_family(item)
                if isinstance(name, dict):  # a Person as a Person's name: {"name": {"@type": "Person", "name": …}}
                    name = name.get("name")
                # "name": ["Jo Roe", "Kit Poe"]: a byline's people, each named
                for one in _as_list(name):
                    if isinstance(one, str) and one.strip() and not is_web_address(one):
                        out.append((_plain_name(one), jsonld_types(item)))
        return out


# "By <a href=\"/profiles/jo-roe\">Jo Roe</a> and Kit Poe": a byline copied into the JSON with its links
_MARKUP = re.compile(r"<[^<>]*>")


def _plain_name(name: str) -> str:
    """The name as printed: its markup dropped, and the entities of a CMS that escapes it twice ("Harbor&#039;s
    Web") read."""
    if "<" in name:
        name = _MARKUP.sub("", name)
    return unescape_name(name.strip())


def _given_and_family(item: dict[str, Any]) -> str | None:
    """A Person the CMS writes by her parts alone ("givenName": "Jo", "familyName": "Roe"), with no "name"."""
    parts = [item.get("givenName"), item.get("familyName")]
    if not all(isinstance(part, str) and part.strip() for part in parts):
        return None
    return " ".join(part.strip() for part in parts)  # type: ignore[union-attr]


def _embedded_object(item: Any) -> Any:
    """A person written as JSON inside a string ("author": "{ \"@type\":\"Person\", \"name\":\"…\" }"), as some
    templates print it, is that person."""
    if isinstance(item, str) and item.lstrip().startswith("{"):
        try:
            parsed = json.loads(item)
        except ValueError:
            return None  # cut short or garbled: no name either way
        return parsed if isinstance(parsed, dict) else None
    return item


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


def _links_elsewhere(obj: dict[str, Any], page_url: str, title: str | None) -> bool:
    """An item whose own link goes to another page than this one: another story's teaser."""
    url = obj.get("url")
    if not isinstance(url, str) or not url.strip() or _is_about(obj, page_url, title):
        return False
    return urlsplit(urljoin(page_url, url.strip())).path.rstrip("/") != urlsplit(page_url).path.rstrip("/")


def _with_main_entities(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects and the articles nested as a WebPage's mainEntity ({"@type": "WebPage", "mainEntity":
    {"@type": "NewsArticle", …}}), which describe the page as much as a top-level article does."""
    nested = [
        entity
        for obj in objects
        for entity in _as_list(obj.get("mainEntity"))
        if isinstance(entity, dict) and jsonld_types(entity) & ARTICLE_TYPES
    ]
    return objects + nested if nested else objects


def _article(objects: list[dict[str, Any]], page_url: str | None, title: str | None) -> dict[str, Any] | None:
    objects = _with_main_entities(objects)
    candidates = [o for o in objects if jsonld_types(o) & (ARTICLE_TYPES | _PIECE_TYPES) or "headline" in o]
    ranked = sorted(
        candidates,
        key=lambda o: (0 if _is_about(o, page_url, title) else 1, 0 if "headline" in o else 1, _kind_rank(o)),
    )
    return ranked[0] if ranked else None


def _kind_rank(obj: dict[str, Any]) -> int:
    """An article type first; then another kind with a headline (the story's own video, uploaded the day before
    the article under the same headline); a page or a bare creative work last."""
    types = jsonld_types(obj)
    if types & (ARTICLE_TYPES - _GENERIC_TYPES):
        return 0
    return 1 if types - _GENERIC_TYPES else 2


_GENERIC_TYPES = frozenset({"webpage", "creativework"})
# a recipe site's page is the recipe: where no article describes it, the Recipe's day is the piece's
_PIECE_TYPES = frozenset({"recipe"})


def read(context: Context) -> list[Fact]:
    return read_objects(context, context.doc.jsonld, "json-ld", _tag)


def read_objects(
    context: Context, objects: list[dict[str, Any]], signal: Signal, tag: Callable[[str, Any], str]
) -> list[Fact]:
    """The article object's facts, each cited as `signal` with `tag(key, value)` as its snippet."""
    if not objects:
        return []
    graph = _Graph(objects)
    page_url = context.page_url or context.doc.meta_first("og:url")
    title = context.doc.meta_first("og:title", "twitter:title")
    if signal == "meta" and page_url:
        # microdata items are often the teasers of other stories (a sidebar's "Most read"), each with its own link
        objects = [obj for obj in objects if not _links_elsewhere(obj, page_url, title)]
    article = _article(objects, page_url, title)
    if article is None:
        return []
    reader = _ArticleReader(context, graph, objects, article, signal, tag)
    reader.read_kind()
    reader.read_headline_and_people()
    reader.read_dates()
    reader.read_publisher_and_providers()
    reader.read_basis()
    reader.read_rights()
    reader.read_page_url()
    return reader.facts


class _ArticleReader:
    """Reads one article object, in the order its facts are reported."""

    def __init__(
        self,
        context: Context,
        graph: _Graph,
        objects: list[dict[str, Any]],
        article: dict[str, Any],
        signal: Signal,
        tag: Callable[[str, Any], str],
    ) -> None:
        self.context, self.graph, self.objects, self.article = context, graph, objects, article
        self.signal, self.tag = signal, tag
        self.facts: list[Fact] = []

    def add(self, field: FactField, value: Any, key: str, raw: Any, weight: int, **attributes: Any) -> None:
        self.facts.append(Fact(field, value, self.signal, self.tag(key, raw), weight, "head", **attributes))

    def read_kind(self) -> None:
        article, graph = self.article, self.graph
        kinds = jsonld_types(article) | (
            jsonld_types(graph.resolve(article.get("publisher")))
            if isinstance(graph.resolve(article.get("publisher")), dict)
            else set()
        )
        if kinds & {"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "newsmediaorganization"}:
            self.add("outlet_kind", "news", "@type", sorted(kinds), WEIGHT.faint)
        elif "blogposting" in kinds:
            self.add("outlet_kind", "blog", "@type", sorted(kinds), WEIGHT.faint)

    def read_headline_and_people(self) -> None:
        article = self.article
        headline = article.get("headline") or (article.get("name") if "headline" not in article else None)
        if isinstance(headline, str) and headline.strip():
            self.add("title", headline.strip(), "headline", headline, WEIGHT.firm)
        if jsonld_types(article) & _PIECE_TYPES and not jsonld_types(article) & ARTICLE_TYPES:
            return  # a Recipe's "author" is as often the brand whose site it is as the cook who wrote it
        publishers = publisher_keys(self.context.doc)
        own = {name_key(name) for name, _ in self.graph.names(self.graph.resolve(article.get("publisher")))}
        for key in ("author", "creator"):
            named = False
            for name, types in self.graph.names(article.get(key)):
                if is_publisher(name, publishers) and not (
                    name_key(name) in own and is_own_site_writer(name, types, self.context.doc)
                ):
                    continue  # the publisher's own name where the writer's goes names no writer (unless her own site)
                kind = "organization" if types & {"organization", "newsmediaorganization"} else "person"
                weight = WEIGHT.good if key == "author" else WEIGHT.modest
                self.add("author", name, key, name, weight, author_kind=kind)
                named = True
            if named:
                break  # "creator" counts where "author" only repeats the publisher's name

    def read_dates(self) -> None:
        article = self.article
        dates: tuple[tuple[str, FactField, int], ...] = (
            ("datePublished", "published", WEIGHT.very_strong),
            ("dateModified", "modified", WEIGHT.very_strong),
        )
        for key, field, weight in dates:
            parsed = parse_machine_date(str(article.get(key) or ""))
            if parsed:
                self.add(field, parsed, key, article.get(key), weight)
        if "datePublished" not in article and (created := parse_machine_date(str(article.get("dateCreated") or ""))):
            self.add("published", created, "dateCreated", article.get("dateCreated"), WEIGHT.fair)

    def read_publisher_and_providers(self) -> None:
        article, graph = self.article, self.graph
        publisher = graph.resolve(article.get("publisher"))
        if publisher is None:  # Yoast puts the publisher on the WebSite object only
            site = next((o for o in self.objects if "website" in jsonld_types(o) and o.get("publisher")), None)
            publisher = graph.resolve(site.get("publisher")) if site else None
        # a Person as the publisher (some CMSs write "type" without its "@") is the piece's writer or the account
        # that posted it, the site's name only where nothing else names the site (a one-person blog)
        weight = WEIGHT.last_resort if is_person_node(publisher) else WEIGHT.fair
        for name, _ in graph.names(publisher):
            url = publisher.get("url") if isinstance(publisher, dict) else None
            self.add("outlet", name, "publisher", name, weight, url=url if isinstance(url, str) else None)
        for key in ("provider", "sourceOrganization"):
            for item in _as_list(article.get(key)):
                item = graph.resolve(item)
                for name, _ in graph.names(item):
                    url = item.get("url") if isinstance(item, dict) else None
                    credit = Credit(name, url if isinstance(url, str) and url else None)
                    self.add("credit", credit, key, name, WEIGHT.fair)

    def read_basis(self) -> None:
        graph = self.graph
        for key in ("isBasedOn", "isBasedOnUrl", "basedOn"):
            for item in _as_list(self.article.get(key)):
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
                self.add("credit", Credit(name, url, date), key, url, WEIGHT.explicit)

    def read_rights(self) -> None:
        article, graph = self.article, self.graph
        holders = [n for n, _ in graph.names(article.get("copyrightHolder"))]
        year = article.get("copyrightYear")
        notice = article.get("copyrightNotice")
        if holders or isinstance(notice, str):
            year_int = int(str(year)) if str(year or "").isdigit() else None
            text = notice if isinstance(notice, str) else f"© {year_int or ''} {', '.join(holders)}".replace("  ", " ")
            notice_fact = Notice(text, tuple(holders), year_int)
            self.add("copyright", notice_fact, "copyrightHolder", holders or notice, WEIGHT.slight)
        for item in _as_list(article.get("license")):
            item = graph.resolve(item)
            url = item if isinstance(item, str) else item.get("url") if isinstance(item, dict) else None
            info = self.context.licenses.from_url(url) if isinstance(url, str) else None
            if info:
                self.add("license", info, "license", url, WEIGHT.very_strong, url=url)

    def read_page_url(self) -> None:
        for key in ("url", "mainEntityOfPage"):
            value = self.article.get(key)
            value = value.get("@id") or value.get("url") if isinstance(value, dict) else value
            if isinstance(value, str) and is_web_address(value):
                self.add("page_url", value, key, value, WEIGHT.weak)
                break
