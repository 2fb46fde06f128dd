"""Structures met on htmldate's test pages (eighth round); each page here is invented to reproduce one of them."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import LEDGER_HEADLINE as HEADLINE
from tests.engine_helpers import ledger_page, paragraphs

FOOTER = "<p>© 2023 Harbor Ledger</p>"  # (no company form: the holder is the paper's name)


def test_a_canonical_link_whose_host_lost_its_first_label_names_no_original() -> None:
    # a booking system's template printed its own domain with an empty subdomain: "https://.bookings.example"
    head = "<link rel='canonical' href='https://.bookings.example'>"
    body = "<p class='date'>20.06.2018</p>" + paragraphs(6)
    result = analyse_html(ledger_page(body, FOOTER, head=head), "https://www.harbor.example/blog/ferry.html")
    assert not result.republication.is_republication
    assert result.copyright.holders == ["Harbor Ledger"]


def test_a_meta_author_that_signs_the_sites_maker_names_no_writer() -> None:
    for maker in ("Pixelworks d.o.o. - www.pixelworks.example", "Created by the W-Team http://www.w-team.example/"):
        head = f"<meta name='author' content='{maker}'>"
        result = analyse_html(ledger_page(paragraphs(6), head=head), "https://www.harbor.example/news/ferry.html")
        assert result.authors == [], maker


def test_a_content_systems_default_account_in_the_author_tag_names_no_writer() -> None:
    head = "<meta name='author' content='Super User'>"
    result = analyse_html(ledger_page(paragraphs(6), head=head), "https://www.harbor.example/news/ferry.html")
    assert result.authors == []


def _organisation_as_writerledger_page() -> str:
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": ["NewsMediaOrganization", "Organization"], "@id": "https://harbor.example/#org",'
        ' "name": "Harbor Ledger"},'
        '{"@type": "NewsArticle", "headline": "Harbour board weighs a night ferry",'
        ' "author": {"@type": "Person", "name": "Harbor Ledger"}, "publisher": {"@id": "https://harbor.example/#org"},'
        ' "datePublished": "2023-10-31T08:22:26+01:00"}]}'
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Harbour board weighs a night ferry</title>"
        "<meta property='og:site_name' content='Harbor Ledger - Dein Stadt- und Regionalportal für Harbor'>"
        f"<meta name='author' content='Harbor Ledger'><script type='application/ld+json'>{graph}</script></head>"
        f"<body><main><article><h1>{HEADLINE}</h1><div class='author-name'><a href='/author/harborledger/'>"
        f"Harbor Ledger</a></div>{paragraphs(6)}</article></main></body></html>"
    )


def test_the_publishers_name_as_the_author_names_no_writer_where_its_graph_node_lists_its_types() -> None:
    # (the site's address spells its name, as a one-person site's would)
    result = analyse_html(_organisation_as_writerledger_page(), "https://harbor-ledger.example/news/ferry/")
    assert result.authors == []


def test_a_blog_posts_item_marked_as_a_property_of_no_item_gives_its_abbreviated_date() -> None:
    # a blog engine's template marks each post as the blog's property, but draws no blog item around it; the post's
    # time is shown short, the full stamp in the <abbr>'s title
    post = (
        "<div class='post hentry' itemprop='blogPost' itemscope itemtype='http://schema.org/BlogPosting'>"
        f"<h3 class='post-title' itemprop='name'>{HEADLINE}</h3><div itemprop='articleBody'>{paragraphs(6)}</div>"
        "<div class='post-footer'>Posted by <span itemprop='author' itemscope itemtype='http://schema.org/Person'>"
        "<span itemprop='name'>Mara Quill</span></span> at <a class='timestamp-link' href='/2011/03/ferry.html'>"
        "<abbr class='published' itemprop='datePublished' title='2011-03-30T21:05:00-07:00'>9:05 PM</abbr></a>"
        "</div></div>"
    )
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Harbor Notes: {HEADLINE}</title></head>"
        f"<body><div class='blog-posts hfeed'>{post}</div></body></html>"
    )
    result = analyse_html(page, "https://harbornotes.example/2011/03/ferry.html")
    assert result.published is not None
    assert result.published[:10] == "2011-03-30"
    assert result.authors == ["Mara Quill"]


def test_a_day_in_brackets_opening_the_lead_dates_a_page_that_gives_no_other() -> None:
    body = (
        "<p><strong>(18.01.2018) Hafenbetriebe warten auf die neue Nachtfähre. Seit Jahren fehlt eine Verbindung, "
        "und die Pendler weichen auf Busse aus, die den halben Abend unterwegs sind.</strong></p>" + paragraphs(5)
    )
    result = analyse_html(ledger_page(body, "<p>Impressum</p>"), "https://harbor.example/aktuell/2687.nachtfaehre.html")
    assert result.published is not None
    assert result.published[:10] == "2018-01-18"


def test_a_resorts_own_site_signing_its_notice_is_no_writers_site() -> None:
    # named and addressed after the business, no og:site_name, no byline: the notice's holder is the resort
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Kräutergarten an der Hütte</title></head><body>"
        f"<div class='logo'>Alpsee Resort</div><main><h1>{HEADLINE}</h1><p>von am 20.06.2018</p>{paragraphs(6)}"
        "</main><footer><p>© 2019 Alpsee Resort</p></footer></body></html>"
    )
    result = analyse_html(page, "https://www.alpsee-resort.example/interaktiv/blog/kraeutergarten.html")
    assert result.authors == []


def test_verbatim_copies_permitted_under_the_notice_grant_permission() -> None:
    for grant in (
        "Everyone is permitted to copy and distribute verbatim copies of this charter, but changing it is not allowed.",
        "Verbatim copying and distribution of this entire article are permitted worldwide, without royalty, in any "
        "medium, provided this notice is preserved.",
    ):
        footer = f"<p>Copyright © 2009 Harbor Charter Trust, Inc. {grant}</p>"
        result = analyse_html(ledger_page(paragraphs(6), footer), "https://harbor.example/charter/ferry.html")
        assert result.reuse.category == "permission-granted", grant
