"""The head metadata reader: OpenGraph, article:*, name=author, syndication/original source, rel=canonical/license."""

from __future__ import annotations

import pytest

from bot.engine import analyse_html
from bot.engine.facts import Credit
from bot.engine.signals import meta
from tests.engine_helpers import context_for_html, of, page, values


def read(head: str, url: str | None = None) -> list:
    return meta.read(context_for_html(page("<p>Body.</p>", head), url))


def test_og_site_name_is_the_outlet() -> None:
    facts = read('<meta property="og:site_name" content="Harbor Ledger">')
    assert values(facts, "outlet") == ["Harbor Ledger"]
    assert of(facts, "outlet")[0].signal == "meta"
    assert "og:site_name" in of(facts, "outlet")[0].snippet


def test_og_site_name_outweighs_application_name() -> None:
    facts = read(
        '<meta name="application-name" content="HL App"><meta property="og:site_name" content="Harbor Ledger">'
    )
    best = max(of(facts, "outlet"), key=lambda f: f.weight)
    assert best.value == "Harbor Ledger"


def test_og_title_is_preferred_over_twitter_title() -> None:
    facts = read('<meta name="twitter:title" content="Short"><meta property="og:title" content="Tides rise">')
    titles = sorted((f for f in facts if f.field == "title"), key=lambda f: -f.weight)
    assert titles[0].value == "Tides rise"
    assert "Short" not in [f.value for f in titles]
    assert [f.value for f in titles[1:]] == ["A page"]  # the <title> element, a weaker signal


def test_published_and_modified_times() -> None:
    facts = read(
        '<meta property="article:published_time" content="2024-03-05T08:30:00+00:00">'
        '<meta property="article:modified_time" content="2024-03-06T10:00:00Z">'
    )
    assert values(facts, "published") == ["2024-03-05T08:30:00+00:00"]
    assert values(facts, "modified") == ["2024-03-06T10:00:00Z"]


def test_unparseable_published_time_is_skipped_for_the_next_tag() -> None:
    facts = read('<meta property="article:published_time" content="soon"><meta name="pubdate" content="2023-11-18">')
    assert values(facts, "published") == ["2023-11-18"]


@pytest.mark.parametrize("name", ["publishdate", "publish_date", "pubdate"])
def test_publish_date_spelled_together_or_apart(name: str) -> None:
    # a Chinese portal's CMS writes <meta name="publishdate" content="2023-11-17">
    assert values(read(f'<meta name="{name}" content="2023-11-17">'), "published") == ["2023-11-17"]


def test_author_meta_names_people_not_addresses() -> None:
    facts = read(
        '<meta name="author" content="Dana Whitfield">'
        '<meta property="article:author" content="https://www.facebook.com/dana">'
    )
    assert values(facts, "author") == ["Dana Whitfield"]


def test_several_author_tags_each_count() -> None:
    facts = read('<meta name="author" content="Ann Lee"><meta name="author" content="Bo Chen">')
    assert values(facts, "author") == ["Ann Lee", "Bo Chen"]


def test_syndication_source_names_the_original() -> None:
    facts = read('<meta name="syndication-source" content="https://www.propublica.org/article/tides">')
    credits = of(facts, "credit")
    assert [f.value for f in credits] == [Credit("propublica.org", "https://www.propublica.org/article/tides")]
    assert credits[0].weight >= 80


def test_original_source_names_the_original() -> None:
    facts = read('<meta name="original-source" content="https://theconversation.com/tides-123">')
    assert values(facts, "credit") == [Credit("theconversation.com", "https://theconversation.com/tides-123")]


def test_syndication_source_as_a_head_link_names_the_original() -> None:
    # a portal's copy may state its source as <link rel="syndication-source"> instead of the meta tag
    facts = read('<link rel="syndication-source" href="https://news.example.net/story/tides?id=7">')
    credits = of(facts, "credit")
    assert [f.value for f in credits] == [Credit("news.example.net", "https://news.example.net/story/tides?id=7")]
    assert credits[0].signal == "link" and credits[0].weight >= 80


def test_original_source_that_is_not_an_address_is_ignored() -> None:
    assert values(read('<meta name="original-source" content="The Conversation">'), "credit") == []


def test_canonical_link() -> None:
    facts = read('<link rel="canonical" href="https://www.propublica.org/article/tides">')
    canonical = of(facts, "canonical")
    assert [f.value for f in canonical] == ["https://www.propublica.org/article/tides"]
    assert canonical[0].signal == "link"


def test_relative_canonical_is_made_absolute_against_the_page_address() -> None:
    facts = read('<link rel="canonical" href="/2024/03/05/tides">', url="https://harborledger.example/x?y=1")
    assert values(facts, "canonical") == ["https://harborledger.example/2024/03/05/tides"]


def test_relative_canonical_without_a_page_address_is_dropped() -> None:
    assert values(read('<link rel="canonical" href="/2024/03/05/tides">'), "canonical") == []


def test_rel_license_link_in_the_head() -> None:
    facts = read('<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">')
    licences = of(facts, "license")
    assert [f.value.id for f in licences] == ["CC-BY-4.0"]
    assert licences[0].region == "head"


def test_rel_license_to_site_terms_is_not_a_licence() -> None:
    assert values(read('<link rel="license" href="https://harborledger.example/terms">'), "license") == []


def test_dublin_core_rights_text() -> None:
    facts = read('<meta name="dc.rights" content="© 2024 Harbor Ledger">')
    assert values(facts, "rights_text") == ["© 2024 Harbor Ledger"]


def test_og_url_is_the_page_address() -> None:
    assert values(read('<meta property="og:url" content="https://harborledger.example/a">'), "page_url") == [
        "https://harborledger.example/a"
    ]


def test_meta_names_are_case_insensitive() -> None:
    facts = read('<meta NAME="Author" CONTENT="Dana Whitfield"><meta Property="OG:Site_Name" content="Harbor Ledger">')
    assert values(facts, "author") == ["Dana Whitfield"]
    assert values(facts, "outlet") == ["Harbor Ledger"]


def test_empty_head_gives_nothing_but_its_title_element() -> None:
    assert [(f.field, f.value, f.weight) for f in read("")] == [("title", "A page", 45)]


def test_a_blog_platforms_generator_marks_a_blog() -> None:
    blogger = read('<meta name="generator" content="Blogger">')
    assert values(blogger, "outlet_kind") == ["blog"]
    wordpress = read('<meta name="generator" content="WordPress 6.8.2">')  # newsrooms use it too
    assert values(wordpress, "outlet_kind") == []


@pytest.mark.parametrize(
    ("title", "url", "site"),
    [
        # the end part of the title matches the address
        (
            "Neue Radbrücke soll 2027 fertig werden - Freiburg - Badische Zeitung",
            "https://www.badische-zeitung.de/a",
            "Badische Zeitung",
        ),
        # "Site: Headline", where the rest is the page's headline
        (
            "Millbrook Birding Notes: First phoebe of spring",
            "https://mbn.blogspot.com/2025/03/a.html",
            "Millbrook Birding Notes",
        ),
        # neither: a headline with a colon names no site
        ("Wohngeld in Hessen: Anträge stauen sich", "https://www.example.de/a", None),
        ("Just a headline", "https://www.example.com/a", None),
    ],
)
def test_the_site_name_in_the_title(title: str, url: str, site: str | None) -> None:
    head = '<meta property="og:title" content="First phoebe of spring">' if "phoebe" in title else ""
    facts = meta.read(context_for_html(page("<p>Body.</p>", head, title=title), url))
    assert values(facts, "outlet") == ([site] if site else [])


def test_meta_value_attribute_stands_for_content() -> None:
    facts = read('<meta value="Harbor Ledger" name="og:site_name"><meta value="2024-03-05" name="pubdate">')
    assert values(facts, "outlet") == ["Harbor Ledger"]
    assert values(facts, "published") == ["2024-03-05"]


@pytest.mark.parametrize(
    ("title", "h1", "site"),
    [
        ("Ferries return to the bay » Local » News » Harbor Hour Islands", "Ferries return to the bay", "Harbor Hour"),
        ("港口的新渡轮 _本地 _港湾网", "港口的新渡轮", "港湾网"),
        (
            "港の新しいフェリー 写真1枚 国際ニュース：Harbor News",
            "港の新しいフェリー 写真1枚 国際ニュース",
            "Harbor News",
        ),
        ("Gulls: The secret of the bay - Harbor der Wissenschaft", "Gulls: The secret of the bay", "Harbor der"),
    ],
)
def test_site_name_in_title_forms(title: str, h1: str, site: str) -> None:
    html = page(
        f"<h1>{h1}</h1><p>Body.</p>", '<link rel="canonical" href="https://www.harborhour.de/a/1">', title=title
    )
    names = [f.value for f in meta.read(context_for_html(html)) if f.field == "outlet"]
    assert any(name.startswith(site) for name in names), names


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tides rise along the harbour - 07.12.2017 - Harbor Ledger", "2017-12-07"),  # a part of its own, day first
        ("Tides rise along the harbour | December 7, 2017", "2017-12-07"),
        ("Storm of 7 December 2017 remembered | Harbor Ledger", None),  # the day the headline is about
        ("Tides rise along the harbour - 03/04/2017", None),  # either order, nothing says which
    ],
)
def test_a_date_standing_as_a_part_of_the_title(title: str, expected: str | None) -> None:
    facts = meta.read(context_for_html(f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"))
    assert values(facts, "published") == ([expected] if expected else [])
    if expected:
        assert of(facts, "published")[0].weight < 35  # weaker than any date the page's own text gives


@pytest.mark.parametrize(
    ("title", "h1", "url", "site"),
    [
        # a Chinese title's headline, section and site, joined by underscores, on a saved page without its address
        ("港口的新渡轮今天开始运营_本地_港湾网", "", None, "港湾网"),
        # the site's logo as the first <h1>, far shorter than the title's other end
        ("港口的新渡轮今天开始运营，乘客很多_本地_港湾日报", "<h1>港湾日报</h1>", None, "港湾日报"),
        # (a short <h1> equal to the first part is as often a short headline: "About ferries | Harbor Ferry Company")
        (
            "About ferries - Harbor Ferry Company Limited",
            "<h1>About ferries</h1>",
            None,
            "Harbor Ferry Company Limited",
        ),
        # site first, its name spelling the address, then the headline
        (
            "Harbor Tech Blog | Managing ferries",
            "<h1>Managing ferries</h1>",
            "https://www.harbor.de/b/1",
            "Harbor Tech Blog",
        ),
        # the title is the <h1> and the site's name, with a separator missing its space, or none at all
        ("Ferry fares rise on the quay- Harbor+Ledger", "<h1>Ferry fares rise on the quay</h1>", None, "Harbor+Ledger"),
        ("Ferry fares rise on the quay  Harbor Weekly", "<h1>Ferry fares rise on the quay</h1>", None, "Harbor Weekly"),
        ("Ferry fares rise on the quay, Harbourton", "<h1>Ferry fares rise on the quay</h1>", None, None),
        ("Harbor Notebook: Ferry strike ends", "<h1>Harbor Notebook</h1>", None, None),  # not the post's title
        # the address first names the site no better than the address does
        ("harbor.de - Managing ferries", "<h1>Managing ferries</h1>", "https://www.harbor.de/b/1", None),
        # a section first is no site
        ("Sport | Managing ferries", "<h1>Managing ferries</h1>", "https://www.harbor.de/b/1", None),
    ],
)
def test_site_name_by_the_title_form(title: str, h1: str, url: str | None, site: str | None) -> None:
    names = [
        f.value for f in meta.read(context_for_html(page(f"{h1}<p>Body.</p>", title=title), url)) if f.field == "outlet"
    ]
    assert names == ([site] if site else [])


def _parsely(fields: str) -> str:
    # Parse.ly's one JSON tag, in single quotes as CMSs print it
    return f'<meta name=\'parsely-page\' content=\'{{"title": "Gulls return", {fields}, "section": "Harbour"}}\'>'


def test_parselys_json_tag_names_the_writer_and_the_day() -> None:
    facts = read(_parsely('"author": "Dana Pike", "pub_date": "2014-12-16T18:27:00Z"'))
    assert values(facts, "author") == ["Dana Pike"]
    assert values(facts, "published") == ["2014-12-16T18:27:00Z"]
    assert values(read(_parsely('"authors": ["Dana Pike", "Lou Marsh"]')), "author") == ["Dana Pike", "Lou Marsh"]
    assert values(read("<meta name='parsely-page' content='{not json'>"), "author") == []


def test_parselys_utc_day_gives_way_to_the_day_the_page_prints() -> None:
    # pub_date is UTC: a story printed "Dec 29 10:00 PM" on the US east coast carries December 30th
    stamp = _parsely('"author": "Dana Pike", "pub_date": "2014-12-30T03:00:14Z"')
    body = (
        "<article><header><h1>Gulls return</h1><div class='blog-date'>Dec 29, 2014 10:00 PM</div></header>"
        "<p>By Dana Pike</p><p>Gulls came back to the harbour this spring, counters said.</p></article>"
    )
    assert (analyse_html(page(body, stamp), "https://harbor-ledger.example/gulls").published or "")[:10] == "2014-12-29"
    # another tag's date goes before it
    facts = read(f'{stamp}<meta property="article:published_time" content="2014-12-29T22:00:14-05:00">')
    assert values(facts, "published") == ["2014-12-29T22:00:14-05:00"]
