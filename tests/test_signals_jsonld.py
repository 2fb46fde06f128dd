"""The JSON-LD reader: the article object's headline, people, dates, publisher, provider, basis and rights."""

from __future__ import annotations

import json
from typing import Any

from bot.engine.facts import Credit, Notice
from bot.engine.signals import jsonld
from tests.engine_helpers import context_for_html, of, page, values


def read(*objects: Any, url: str | None = None) -> list:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(obj)}</script>' for obj in objects)
    return jsonld.read(context_for_html(page("<p>Body text.</p>", scripts), url))


GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "Organization", "@id": "https://harborledger.example/#org", "name": "Harbor Ledger",
         "url": "https://harborledger.example/"},
        {"@type": "Person", "@id": "https://harborledger.example/#dana", "name": "Dana Whitfield"},
        {"@type": "WebSite", "@id": "https://harborledger.example/#site", "name": "Harbor Ledger"},
        {
            "@type": "NewsArticle",
            "headline": "Tides rise along the harbor",
            "author": {"@id": "https://harborledger.example/#dana"},
            "publisher": {"@id": "https://harborledger.example/#org"},
            "datePublished": "2024-03-05T08:30:00-0500",
            "dateModified": "2024-03-06",
            "mainEntityOfPage": {"@id": "https://harborledger.example/2024/03/05/tides"},
        },
    ],
}  # fmt: skip


def test_graph_references_are_resolved_by_id() -> None:
    facts = read(GRAPH)
    assert values(facts, "title") == ["Tides rise along the harbor"]
    assert values(facts, "author") == ["Dana Whitfield"]
    assert of(facts, "author")[0].author_kind == "person"
    assert values(facts, "outlet") == ["Harbor Ledger"]
    assert of(facts, "outlet")[0].url == "https://harborledger.example/"


def test_dates_keep_time_and_offset() -> None:
    facts = read(GRAPH)
    assert values(facts, "published") == ["2024-03-05T08:30:00-05:00"]
    assert values(facts, "modified") == ["2024-03-06"]


def test_main_entity_of_page_is_the_page_address() -> None:
    assert values(read(GRAPH), "page_url") == ["https://harborledger.example/2024/03/05/tides"]


def test_news_article_type_hints_a_news_outlet() -> None:
    assert values(read(GRAPH), "outlet_kind") == ["news"]
    blog = {"@type": "BlogPosting", "headline": "My week", "author": {"@type": "Person", "name": "Kim Park"}}
    assert values(read(blog), "outlet_kind") == ["blog"]


def test_every_fact_is_from_json_ld_with_the_key_as_snippet() -> None:
    facts = read(GRAPH)
    assert facts
    assert {f.signal for f in facts} == {"json-ld"}
    assert '"headline": "Tides rise along the harbor"' in of(facts, "title")[0].snippet


def test_author_person_and_organization_are_told_apart() -> None:
    article = {
        "@type": "NewsArticle",
        "headline": "H",
        "author": [
            {"@type": "Person", "name": "Dana Whitfield"},
            {"@type": "Organization", "name": "Harbor Ledger Staff"},
            {"@type": "NewsMediaOrganization", "name": "AFP"},
            "Ben Ruiz",
        ],
    }
    kinds = {f.value: f.author_kind for f in of(read(article), "author")}
    assert kinds == {
        "Dana Whitfield": "person",
        "Harbor Ledger Staff": "organization",
        "AFP": "organization",
        "Ben Ruiz": "person",
    }


def test_author_given_as_an_address_is_not_a_name() -> None:
    article = {"@type": "NewsArticle", "headline": "H", "author": "https://harborledger.example/author/dana"}
    assert values(read(article), "author") == []


def test_a_person_whose_name_field_holds_an_address_is_no_name() -> None:
    # a video template fills the Person's "name" with the clip's own address: no writer is named
    person = {"@type": "Person", "name": "https://harborledger.example/video/id-4411/tides-rise-along-the-harbor"}
    article = {"@type": "NewsArticle", "headline": "H", "author": person}
    assert values(read(article), "author") == []
    publisher = {"@type": "Organization", "name": "https://harborledger.example", "url": "https://harborledger.example"}
    assert values(read({**article, "publisher": publisher}), "outlet") == []


def test_an_author_printed_as_json_inside_a_string_is_that_person() -> None:
    article = {"@type": "NewsArticle", "headline": "Tides", "author": '{ "@type":"Person", "name":"Dana Whitfield" }'}
    assert values(read(article), "author") == ["Dana Whitfield"]
    broken = {"@type": "NewsArticle", "headline": "Tides", "author": '{ "@type":"Person", "name": '}
    assert values(read(broken), "author") == []


def test_creator_counts_only_without_an_author() -> None:
    with_both = {"@type": "Article", "headline": "H", "author": "Ann Lee", "creator": "Bo Chen"}
    assert values(read(with_both), "author") == ["Ann Lee"]
    creator_only = {"@type": "Article", "headline": "H", "creator": "Bo Chen"}
    facts = of(read(creator_only), "author")
    assert [f.value for f in facts] == ["Bo Chen"]
    assert facts[0].weight < of(read(with_both), "author")[0].weight


def test_publisher_on_the_website_object_only() -> None:
    site = {"@type": "WebSite", "name": "Harbor Ledger", "publisher": {"@type": "Organization", "name": "Ledger Co"}}
    article = {"@type": "BlogPosting", "headline": "H"}
    assert values(read(site, article), "outlet") == ["Ledger Co"]


def test_provider_is_a_credit() -> None:
    article = {
        "@type": "NewsArticle",
        "headline": "H",
        "provider": {"@type": "Organization", "name": "Reuters", "url": "https://www.reuters.com"},
    }
    credits = values(read(article), "credit")
    assert credits == [Credit("Reuters", "https://www.reuters.com")]


def test_source_organization_is_a_credit() -> None:
    article = {"@type": "NewsArticle", "headline": "H", "sourceOrganization": {"@type": "Organization", "name": "AFP"}}
    assert values(read(article), "credit") == [Credit("AFP", None)]


def test_is_based_on_names_the_original_piece() -> None:
    article = {
        "@type": "NewsArticle",
        "headline": "H",
        "isBasedOn": {
            "@type": "NewsArticle",
            "url": "https://www.propublica.org/article/tides",
            "datePublished": "2024-03-01",
            "publisher": {"@type": "Organization", "name": "ProPublica"},
        },
    }
    facts = of(read(article), "credit")
    assert [f.value for f in facts] == [Credit("ProPublica", "https://www.propublica.org/article/tides", "2024-03-01")]
    assert facts[0].weight > 80  # a machine-readable basis is strong evidence


def test_is_based_on_a_bare_address_is_named_by_its_domain() -> None:
    article = {"@type": "NewsArticle", "headline": "H", "isBasedOn": "https://www.grist.org/climate/tides"}
    assert values(read(article), "credit") == [Credit("grist.org", "https://www.grist.org/climate/tides")]


def test_is_based_on_without_an_address_is_ignored() -> None:
    article = {"@type": "NewsArticle", "headline": "H", "isBasedOn": "an earlier report"}
    assert values(read(article), "credit") == []


def test_copyright_holder_and_year() -> None:
    article = {
        "@type": "NewsArticle",
        "headline": "H",
        "copyrightHolder": {"@type": "Organization", "name": "ProPublica"},
        "copyrightYear": 2024,
    }
    assert values(read(article), "copyright") == [Notice("© 2024 ProPublica", ("ProPublica",), 2024)]


def test_copyright_holder_by_reference_and_notice_text() -> None:
    graph = {
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Harbor Ledger"},
            {"@type": "NewsArticle", "headline": "H", "copyrightHolder": {"@id": "#org"},
             "copyrightNotice": "© Harbor Ledger 2023", "copyrightYear": "2023"},
        ]
    }  # fmt: skip
    assert values(read(graph), "copyright") == [Notice("© Harbor Ledger 2023", ("Harbor Ledger",), 2023)]


def test_license_address_becomes_a_licence() -> None:
    article = {"@type": "NewsArticle", "headline": "H", "license": "https://creativecommons.org/licenses/by-nd/4.0/"}
    facts = of(read(article), "license")
    assert [f.value.id for f in facts] == ["CC-BY-ND-4.0"]
    assert facts[0].url == "https://creativecommons.org/licenses/by-nd/4.0/"


def test_license_as_an_object_or_unknown_address() -> None:
    as_object = {
        "@type": "Article",
        "headline": "H",
        "license": {"@type": "CreativeWork", "url": "https://creativecommons.org/licenses/by-sa/3.0/"},
    }
    assert [i.id for i in values(read(as_object), "license")] == ["CC-BY-SA-3.0"]
    unknown = {"@type": "Article", "headline": "H", "license": "https://harborledger.example/terms"}
    assert values(read(unknown), "license") == []


def test_the_article_object_is_chosen_over_other_objects() -> None:
    crumbs = {"@type": "BreadcrumbList", "name": "Breadcrumbs"}
    webpage = {"@type": "WebPage", "name": "Tides | Harbor Ledger"}
    article = {"@type": "ReportageNewsArticle", "headline": "Tides rise", "author": "Ann Lee"}
    facts = read(crumbs, webpage, article)
    assert values(facts, "title") == ["Tides rise"]
    assert values(facts, "author") == ["Ann Lee"]


def test_date_created_stands_in_for_a_missing_date_published() -> None:
    article = {"@type": "Article", "headline": "H", "dateCreated": "2020-01-02"}
    assert values(read(article), "published") == ["2020-01-02"]


def test_broken_json_ld_is_ignored_and_trailing_commas_are_forgiven() -> None:
    html = page(
        "<p>x</p>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Kept",}</script>'
        '<script type="application/ld+json">{not json at all</script>',
    )
    assert values(jsonld.read(context_for_html(html)), "title") == ["Kept"]


def test_page_without_json_ld_gives_nothing() -> None:
    assert jsonld.read(context_for_html(page("<p>Just words.</p>"))) == []


def test_the_article_object_about_this_page_wins_over_related_stories() -> None:
    from tests.engine_helpers import context_for_html

    html = (
        '<html><head><meta property="og:title" content="Main story here today">'
        '<script type="application/ld+json">[{"@type":"NewsArticle","headline":"A related story",'
        '"datePublished":"2020-01-01"},{"@type":"NewsArticle","headline":"Main story here today",'
        '"datePublished":"2025-02-02"}]</script></head><body><p>x</p></body></html>'
    )
    facts = jsonld.read(context_for_html(html, "https://news.example.com/main"))
    assert [f.value for f in facts if f.field == "published"] == ["2025-02-02"]


def test_an_article_nested_as_the_webpages_main_entity_is_read() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "WebPage", "name": "Harbour bridge repairs", "mainEntity": '
        '{"@type": "NewsArticle", "headline": "Harbour bridge repairs", "datePublished": "2025-03-10T09:00:00Z", '
        '"author": {"@type": "Person", "name": "Maren Oakes"}}}</script>'
    )
    facts = jsonld.read(context_for_html(page("<h1>Harbour bridge repairs</h1>", head)))
    assert values(facts, "author") == ["Maren Oakes"]
    assert values(facts, "published") == ["2025-03-10T09:00:00Z"]


def test_the_article_wins_over_its_own_video_under_the_same_headline() -> None:
    # the story's video, uploaded the day before under the story's headline, comes first on the page
    html = (
        '<html><head><meta property="og:title" content="Ferry strike ends">'
        '<script type="application/ld+json">{"@type": "VideoObject", "headline": "Ferry strike ends", '
        '"name": "Ferry strike ends", "uploadDate": "2025-05-06T07:56:00-05:00", '
        '"datePublished": "2025-05-06T07:56:00-05:00"}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry strike ends", '
        '"datePublished": "2025-05-07T07:30:00-05:00"}</script></head><body><p>x</p></body></html>'
    )
    facts = jsonld.read(context_for_html(html, "https://harborledger.example/news/ferry"))
    assert values(facts, "published") == ["2025-05-07T07:30:00-05:00"]


def test_a_script_with_quotation_marks_left_unescaped_in_a_value_is_still_read() -> None:
    # a CMS prints the headline as it is, quotation marks and all, one key to a line, with a trailing comma
    script = (
        "{\n"
        '  "@type": "NewsArticle",\n'
        '  "headline": "Harbour master calls the new fares "unfair"",\n'
        '  "author": {"@type": "Person", "name": "Maren Oakes"},\n'
        "}"
    )
    html = page(head=f'<script type="application/ld+json">{script}</script>')
    facts = jsonld.read(context_for_html(html, "https://harborledger.example/a"))
    assert values(facts, "author") == ["Maren Oakes"]
    assert values(facts, "title") == ['Harbour master calls the new fares "unfair"']


def test_a_script_that_closes_its_object_once_too_often_is_still_read() -> None:
    # a template nests the page object under mainEntityOfPage and prints one closing brace more than it opened;
    # the story's own date is in the script, a teaser's other day only in the sidebar
    script = (
        '{"@context": "https://schema.org", "@type": "NewsArticle",\n'
        ' "mainEntityOfPage": {"@type": "WebPage", "@id": "https://harborledger.example/a",\n'
        '   "datePublished": "2025-10-26T18:10:00+01:00"},\n'
        ' "datePublished": "2025-10-26T18:10:00+01:00", "headline": "Ferry strike ends"\n'
        "}\n}"
    )
    html = page(head=f'<script type="application/ld+json">{script}</script>')
    facts = jsonld.read(context_for_html(html, "https://harborledger.example/a"))
    assert values(facts, "published") == ["2025-10-26T18:10:00+01:00"]


def test_two_objects_printed_one_after_the_other_in_one_script_are_both_read() -> None:
    script = '{"@type": "Organization", "name": "Harbor Ledger"}\n{"@type": "NewsArticle", "headline": "Ferry strike"}'
    html = page(head=f'<script type="application/ld+json">{script}</script>')
    facts = jsonld.read(context_for_html(html, "https://harborledger.example/a"))
    assert values(facts, "title") == ["Ferry strike"]


def test_a_script_wrapped_in_a_cdata_section_is_read() -> None:
    # a page saved as XHTML wraps the script in CDATA; a CMS writing for old parsers hides the wrapper from JavaScript
    obj = '{"@type": "NewsArticle", "headline": "Ferry strike", "publisher": {"@type": "Organization", "name": "Bay"}}'
    for script in (f"\n<![CDATA[\n{obj}\n]]>\n", f"//<![CDATA[\n{obj}\n//]]>", f"/*<![CDATA[*/ {obj} /*]]>*/"):
        html = page(head=f'<script type="application/ld+json">{script}</script>')
        facts = jsonld.read(context_for_html(html, "https://harborledger.example/a"))
        assert values(facts, "title") == ["Ferry strike"], script
