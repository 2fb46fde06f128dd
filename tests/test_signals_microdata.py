"""Microdata (itemscope/itemprop): items shaped like JSON-LD objects, and the facts the reader takes from them."""

from __future__ import annotations

from bot.engine import document
from bot.engine.microdata import MAX_DEPTH
from bot.engine.signals import meta, microdata
from tests.engine_helpers import context_for_html, of, page, values

ARTICLE = page(
    '<article itemscope itemtype="https://schema.org/NewsArticle">'
    '<h1 itemprop="headline">Chapel to become a village shop</h1>'
    '<div class="byline" itemprop="author" itemscope itemtype="https://schema.org/Person">'
    'By <a href="/author/311/" itemprop="url"><span itemprop="name">Eleanor Pickersgill</span></a> '
    '<span itemprop="jobTitle">Chief Reporter</span></div>'
    '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="Tom Bell">'
    "</div>"
    '<time itemprop="datePublished" datetime="2024-10-08T09:14:00+01:00">9:14am 8th October 2024</time>'
    '<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
    '<meta itemprop="name" content="Wensleydale Echo"></div>'
    '<div itemprop="articleBody"><p>Councillors voted seven to two.</p></div>'
    '<a rel="license" itemprop="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>'
    "</article>"
)
URL = "https://www.wensleydaleecho.co.uk/news/1.chapel/"


def test_items_take_the_shape_of_json_ld_objects() -> None:
    [item] = document.from_html(ARTICLE, URL).microdata
    assert item["@type"] == ["NewsArticle"]
    assert item["headline"] == "Chapel to become a village shop"
    # nested items keep their own properties: the job title is the author's, not the article's
    assert item["author"][0] == {
        "@type": ["Person"],
        "url": "/author/311/",
        "name": "Eleanor Pickersgill",
        "jobTitle": "Chief Reporter",
    }
    assert item["author"][1]["name"] == "Tom Bell"
    assert item["datePublished"] == "2024-10-08T09:14:00+01:00"  # a <time> gives its datetime
    assert item["license"] == "https://creativecommons.org/licenses/by/4.0/"  # an <a> gives its address
    assert "jobTitle" not in item


def test_the_reader_cites_the_markup() -> None:
    facts = microdata.read(context_for_html(ARTICLE, URL))
    assert values(facts, "author") == ["Eleanor Pickersgill", "Tom Bell"]
    assert values(facts, "outlet") == ["Wensleydale Echo"]
    assert values(facts, "published") == ["2024-10-08T09:14:00+01:00"]
    assert [info.id for info in values(facts, "license")] == ["CC-BY-4.0"]
    [title] = of(facts, "title")
    assert title.signal == "meta" and title.snippet == 'itemprop="headline": Chapel to become a village shop'


def test_pages_without_microdata_have_no_items() -> None:
    assert document.from_html(page("<article><h1>Plain</h1><p>Words.</p></article>"), URL).microdata == []


def test_deep_nesting_stops() -> None:
    nested = '<div itemprop="about" itemscope itemtype="https://schema.org/Thing">' * (MAX_DEPTH + 5)
    html = page(f'<div itemscope itemtype="https://schema.org/Article">{nested}{"</div>" * (MAX_DEPTH + 6)}')
    [item] = document.from_html(html, URL).microdata
    depth = 0
    while "about" in item:
        item, depth = item["about"], depth + 1
    assert depth <= MAX_DEPTH + 1


def test_a_content_attribute_on_an_ordinary_element_is_its_value() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Harbour bridge</h1>'
        '<div itemprop="datePublished" content="2025-03-10T19:00:00Z"><span>By</span> <a href="/a/m">Maren Oakes'
        "</a> 19:00, 10 Mar 2025 Updated 07:26, 11 Mar 2025</div></article>"
    )
    assert values(microdata.read(context_for_html(page(body))), "published") == ["2025-03-10T19:00:00Z"]


def test_a_meta_tag_with_its_value_in_value_is_read() -> None:
    assert values(meta.read(context_for_html(page("", '<meta name="date" value="2025-03-10">'))), "published") == [
        "2025-03-10"
    ]


def test_article_properties_marked_up_outside_any_item_are_the_articles() -> None:
    body = (
        "<h1>Harbour bridge</h1>"
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Maren Oakes'
        '</span></div><meta itemprop="datePublished" content="2025-03-03">'
    )
    facts = microdata.read(context_for_html(page(body)))
    assert values(facts, "author") == ["Maren Oakes"]
    assert values(facts, "published") == []  # a loose date is as often a stray one: the head's meta says it


def test_a_teaser_item_linking_to_another_story_is_not_the_article() -> None:
    head = '<meta property="article:published_time" content="2025-03-05T10:00:00Z">'
    teaser = (
        '<aside><div itemscope itemtype="https://schema.org/NewsArticle"><a itemprop="url" href="/other">Other</a>'
        '<span itemprop="headline">Other</span><meta itemprop="datePublished" content="2024-11-01"></div></aside>'
    )
    context = context_for_html(page("<h1>Harbour bridge</h1>" + teaser, head), "https://news.example/bridge")
    assert values(microdata.read(context), "published") == []


def test_an_items_text_keeps_the_break_between_its_elements() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Harbour bridge</h1>'
        '<div itemprop="author"><span>Maren Oakes</span><span>City Columnist</span></div></article>'
    )
    assert values(microdata.read(context_for_html(page(body))), "author") == ["Maren Oakes City Columnist"]
