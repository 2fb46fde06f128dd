"""Structures seen on real article pages, rebuilt small with invented words: where a block sits decides what it
says about the article (its own header and byline against lists of other stories, labels around a name)."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://news.example/2025/bridge"
_BODY = "".join(f"<p>Paragraph {n} of the story about the harbour bridge and its long repair.</p>" for n in range(60))


def _cards(*bylines: str) -> str:
    return "".join(
        f'<div class="story-card"><h3><a href="/other-{n}">Another story number {n} worth reading</a></h3>'
        f'<div class="card-byline">By {who}</div><p>A teaser for that story.</p></div>'
        for n, who in enumerate(bylines)
    )


def test_bylines_of_story_cards_below_the_article_are_not_its_authors() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="byline">By Maren Oakes</div>'
        + _BODY
        + "<h2>More stories</h2>"
        + _cards("Tobias Venn", "Ilse Marrow", "Quentin Hale and Rosa Pell")
    )
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_story_cards_far_below_the_headline_do_not_add_to_the_authors_structured_data_names() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs", '
    head += '"author": {"@type": "Person", "name": "Maren Oakes"}}</script>'
    menu = "<p>Home</p><p>News</p><p>Sport</p>"
    html = page(menu + "<h1>Harbour bridge repairs</h1>" + _BODY * 3 + _cards("Tobias Venn", "Ilse Marrow"), head)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_two_authors_each_with_a_bio_card_in_the_header_are_both_kept() -> None:
    author = (
        '<div class="author"><a href="/by/{slug}">{name}</a></div><div class="author-overlay">Close</div>'
        '<div class="author-role">Staff Writer</div><div class="author-meta">Follow on X</div>'
    )
    header = author.format(slug="a", name="Maren Oakes") + author.format(slug="b", name="Tobias Venn")
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes", "Tobias Venn"]


def test_labels_in_the_byline_area_are_not_authors() -> None:
    header = (
        '<div class="single-post__author"><span>Author</span><a href="/by/m">Maren Oakes</a></div>'
        '<p class="byline-job-title">Senior Editor</p><div class="author-bio">Full Bio</div>'
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_a_byline_given_only_as_a_link_to_the_writers_page_names_the_author() -> None:
    header = '<div class="hero"><a href="/writer/1234_maren-oakes" class="name">Maren Oakes</a></div>'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_writers_linked_from_the_site_menu_above_the_headline_are_not_authors() -> None:
    menu = "".join(f'<li class="columnist"><a href="/author/{n}">{n.title()} Vance</a></li>' for n in ("ada", "bo"))
    html = page(f"<header><ul>{menu}</ul></header>" + "<p>Today</p>" * 50 + "<h1>Harbour bridge repairs</h1>" + _BODY)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == []


def test_a_byline_dated_another_day_than_the_article_is_another_storys() -> None:
    head = '<meta property="article:published_time" content="2025-03-10T09:00:00Z">'
    cards = "".join(
        f'<div class="promo"><a href="/s{n}">Story {n}</a>'
        f'<div class="author-line">{who} | Jan {n + 3}, 2025</div></div>'
        for n, who in enumerate(("Tobias Venn", "Ilse Marrow"))
    )
    html = page(
        '<h1>Harbour bridge repairs run into a second winter</h1><div class="author-line">Maren Oakes | Mar 10, 2025'
        "</div>" + "<p>A short story.</p>" + cards,
        head,
    )
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_the_publishers_name_in_meta_author_is_not_a_writer() -> None:
    head = (
        '<meta name="author" content="Brightwater Media"><meta name="copyright" content="Copyright (c) Brightwater'
        ' Media 2025"><meta property="article:author" content="Maren Oakes">'
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY, head)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_a_jsonld_person_named_as_the_publisher_is_the_company() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs", '
        '"author": [{"@type": "Person", "name": ", The Valley Courier"}], '
        '"publisher": {"@type": "NewsMediaOrganization", "name": "The Valley Courier"}}</script>'
    )
    html = page("<h1>Harbour bridge repairs</h1>" + _BODY, head)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == []


def test_a_jsonld_person_on_her_own_site_named_as_its_publisher_is_the_writer() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Harbour bridge repairs", '
        '"author": {"@type": "Person", "name": "Maren Oakes"}, '
        '"publisher": {"@type": "Organization", "name": "Maren Oakes"}}</script>'
    )
    html = page("<h1>Harbour bridge repairs</h1>" + _BODY, ld + '<meta name="copyright" content="Maren Oakes">')
    assert analyse_html(html, "https://marenoakes.example/bridge").authors == ["Maren Oakes"]
    # a publication named like a person, which names itself as a site, is still the company
    site = '<meta property="og:site_name" content="Maren Oakes">'
    html = page("<h1>Harbour bridge repairs</h1>" + _BODY, ld + site)
    assert analyse_html(html, "https://marenoakes.example/bridge").authors == []


def test_a_name_with_a_web_address_is_a_company() -> None:
    head = '<meta name="author" content="Maren Oakes | Valley Media for ValleyNews.com">'
    html = page("<h1>Harbour bridge repairs</h1>" + _BODY, head)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_a_late_evening_story_is_dated_the_day_its_page_prints() -> None:
    head = '<meta property="article:published_time" content="2025-03-11T02:30:00Z">'
    html = page(
        '<div class="topbar">Tuesday, March 11, 2025</div>'
        + "<p>Menu</p>" * 30
        + "<h1>Harbour bridge repairs run into a"
        ' second winter</h1><div class="dateline">March 10, 2025, 10:30 PM EDT</div>' + _BODY,
        head,
    )
    assert analyse_html(html, "https://news.example/2025/bridge").published == "2025-03-10"


def test_the_sites_top_bar_date_does_not_redate_the_story() -> None:
    head = '<meta property="article:published_time" content="2025-03-11T02:30:00Z">'
    html = page(
        '<div class="topbar">Wednesday, March 12, 2025</div>' + "<p>Menu</p>" * 30 + "<h1>Harbour bridge repairs run"
        " into a second winter</h1>" + _BODY,
        head,
    )
    assert analyse_html(html, "https://news.example/2025/bridge").published == "2025-03-11T02:30:00Z"


def test_an_agency_given_only_as_its_logo_in_the_byline_is_credited() -> None:
    byline = '<div class="byline"><span>By Maren Oakes</span><img src="/img/logos/reuters.svg" alt="Reuters"></div>'
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + byline + _BODY), URL)
    assert result.authors == ["Maren Oakes"]
    assert result.republication.original is not None and result.republication.original.name == "Reuters"


def test_a_writers_headshot_in_the_byline_adds_nothing() -> None:
    byline = '<div class="byline"><img src="/img/people/oakes.jpg" alt="Maren Oakes"><a href="/by/m">Maren Oakes</a>'
    result = analyse_html(
        page("<h1>Harbour bridge repairs run into a second winter</h1>" + byline + "</div>" + _BODY), URL
    )
    assert result.authors == ["Maren Oakes"]


def test_the_licence_a_republish_this_story_dialog_offers_is_the_articles() -> None:
    dialog = (
        '<div class="modal" role="dialog"><h2>Republish this story</h2><p>You may republish this article under a '
        '<a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons BY-ND licence</a>.</p></div>'
    )
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY + dialog), URL)
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0"


def test_a_number_a_template_printed_for_the_year_is_not_part_of_the_holder() -> None:
    footer = '<p class="copyright">© 0 Harbor Ledger. All rights reserved.</p>'
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY + footer), URL)
    assert result.copyright is not None and result.copyright.holders == ["Harbor Ledger"]


def test_a_desk_named_like_the_site_is_the_publisher_not_an_author() -> None:
    head = '<meta property="og:site_name" content="Valley News"><meta name="author" content="Valley News">'
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY, head), URL)
    assert result.authors == []


def test_a_list_of_stories_dated_other_days_names_no_author_even_alone() -> None:
    head = '<meta property="article:published_time" content="2025-03-10T09:00:00Z">'
    cards = "".join(
        f'<div class="latest-by">By {who} • March {day}, 2025 6:40 pm</div>'
        for who, day in (("Tobias Venn", 20), ("Ilse Marrow", 21), ("Rosa Pell", 22))
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY * 3 + cards, head)
    assert analyse_html(html, URL).authors == []


def test_a_byline_in_mixed_case_class_names_is_read() -> None:
    header = '<div class="AuthorLink-x1 abc"><a href="/news/maren-oakes">Maren Oakes</a></div>'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_name_before_a_dash_and_the_date_is_the_author() -> None:
    header = '<p class="e-date"><a href="/author/marenoakes/">Maren Oakes</a> - March 10, 2025</p>'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_syndicated_columnist_named_in_the_notice_is_still_the_author() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ask Ada", '
        '"author": [{"@type": "Person", "name": "Ada Vance"}]}</script>'
    )
    notice = "<p>©2025 Ada Vance. Distributed by Tribune Content Agency, LLC.</p>"
    result = analyse_html(page("<h1>Ask Ada</h1>" + _BODY + notice, head), URL)
    assert result.authors == ["Ada Vance"]


def test_where_the_headline_is_not_found_the_first_byline_is_the_articles() -> None:
    site_header = "".join(f"<li>Section {n}</li>" for n in range(150))
    html = page(f"<ul>{site_header}</ul>" + '<div class="byline">By Maren Oakes</div>' + _BODY, title="Bridge")
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_layout_that_has_a_rail_is_not_the_rail() -> None:
    html = page(
        '<div class="layout-with-rail__content-wrapper"><h1>Harbour bridge repairs run into a second winter</h1>'
        '<div class="byline">By Maren Oakes and Tobias Venn, Valley News</div>' + _BODY + "</div>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_byline_ending_with_its_date_and_time_keeps_the_last_name() -> None:
    header = '<p class="news-byline">By Maren Oakes and Tobias Venn on March 10, 2025 at 3:53PM PST</p>'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_name_and_a_day_under_the_headline_are_the_writer_and_the_date() -> None:
    meta_line = '<div class="x1"><span>Maren Oakes</span><span>Mar 10, 2025</span><span>2 Shares</span></div>'
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + meta_line + _BODY), URL)
    assert result.authors == ["Maren Oakes"]
    assert result.published == "2025-03-10"


def test_a_section_name_before_the_day_is_not_a_writer() -> None:
    meta_line = "<div><span>Harbour Specials</span> <span>March 10th 2025</span></div>"
    url = "https://news.example/harbour-specials/2025/03/10/bridge"
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + meta_line + _BODY), url)
    assert result.authors == []


def test_a_licence_in_a_pictures_credit_does_not_beat_the_footers() -> None:
    picture = (
        '<div class="article-image"><img src="/a.jpg"><span>Jo Roe / Wikimedia Commons, '
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></span></div>'
    )
    footer = (
        '<footer><p>Text available under <a rel="license" href="https://creativecommons.org/licenses/by-nd/4.0/">'
        "CC BY-ND 4.0</a>.</p></footer>"
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + picture + _BODY + footer)
    result = analyse_html(html, URL)
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0"


def test_the_pages_first_published_line_beats_a_machine_date_that_is_the_update() -> None:
    head = '<meta property="article:published_time" content="2025-03-05T10:00:00Z">'
    line = '<div class="meta">First published on March 3, 2025 · Updated March 5, 2025</div>'
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + line + _BODY, head), URL)
    assert result.published == "2025-03-03"
    assert result.modified is not None


def test_a_copys_first_published_credit_does_not_redate_the_copy() -> None:
    head = '<meta property="article:published_time" content="2025-03-05T10:00:00Z">'
    line = "<p><em>This report by Valley Press was first published March 3, 2025.</em></p>"
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + line + _BODY, head), URL)
    assert result.published == "2025-03-05T10:00:00Z"


def test_a_time_element_gives_its_day_where_its_words_do_not() -> None:
    line = '<div class="meta">Published <time datetime="2025-03-03T09:00:00-05:00">2 hours ago</time></div>'
    result = analyse_html(page("<h1>Harbour bridge repairs run into a second winter</h1>" + line + _BODY), URL)
    assert result.published == "2025-03-03"


def test_a_site_named_by_its_address_takes_the_name_whose_initials_it_is() -> None:
    # og:site_name is the address with a slash ("lcdj.ch/"), og:url has no scheme, and the publisher's name is
    # "Le Courrier du Jura": every word's initial, particles too
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p>The story.</p>",
        '<meta property="og:site_name" content="lcdj.ch/">'
        '<meta property="og:url" content="//www.lcdj.ch/region/story/1834">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs",'
        ' "publisher": {"@type": "Organization", "name": "Le Courrier du Jura", "url": "https://lcdj.ch/"}}</script>',
    )
    outlet = analyse_html(html).outlet
    assert outlet is not None and (outlet.name, outlet.domain) == ("Le Courrier du Jura", "lcdj.ch")


def test_a_site_named_by_its_address_takes_the_footer_holder_whose_hyphened_parts_it_abbreviates() -> None:
    # og:site_name "www.hks.de" and the footer "© Harbour-Kessel-Stiftung e.V. 2021": the address holds the
    # initials of the compound's capitalised parts
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p>The story.</p>"
        "<footer><p>© Harbour-Kessel-Stiftung e.V. 2021</p></footer>",
        '<meta property="og:site_name" content="www.hks.de">',
    )
    outlet = analyse_html(html, "https://www.hks.de/de/berichte/detail/harbour-bridge").outlet
    assert outlet is not None and outlet.name.startswith("Harbour-Kessel-Stiftung")


def test_a_site_name_with_its_tagline_after_a_dash_is_the_name_its_address_spells() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p>The story.</p>",
        '<meta property="og:site_name" content="Hafenblick – Alle News, Termine und Ergebnisse aus dem Hafen">',
    )
    outlet = analyse_html(html, "https://www.hafenblick.de/news/harbour-bridge").outlet
    assert outlet is not None and outlet.name == "Hafenblick"


def test_a_breadcrumb_trail_ending_in_the_headline_is_not_the_headline() -> None:
    # "You are here: News › Press releases › <headline>" with the last step as plain text, the site's service
    # links, then the release's date alone over its <h1>
    headline = "State paid out 1.4 million for the harbour bridge repairs"
    trail = (
        f'<div class="bb-breadcrumbs"><span>You are here:</span> <a href="/news/">News</a> '
        f'<a href="/news/press/">Press releases</a> <span>{headline}</span></div>'
    )
    tools = "".join(f"<p>Service link {n}</p>" for n in range(40))  # the page's search box and service links
    html = page(
        f"{trail}{tools}<div class='columns'><h3 class='bb-teaser-meta'>02.01.2022</h3><h1>{headline}</h1>"
        "<p>Potsdam – The state paid out about 1.4 million euros for the repairs, the ministry said.</p></div>",
        f'<meta property="og:title" content="{headline}">',
    )
    published = analyse_html(html, "https://ministry.example.de/press/bridge").published
    assert published is not None and published.startswith("2022-01-02")


def _story_list_card(n: int, excerpt: str) -> str:
    return (
        f'<li><article class="more-posts-view"><header><h5 class="entry-title"><a href="/2025/other-{n}">'
        f"Another story number {n}</a></h5><time>March 3, 2025 at 9:10 p.m.</time></header>"
        f'<div class="excerpt">{excerpt}</div></article></li>'
    )


def test_a_wire_dateline_in_a_more_stories_card_is_not_the_article_s_credit() -> None:
    # the list of other stories sits after the piece, each an <article> whose heading links to that story
    story = '<main><h1>Harbour bridge repairs run into a second winter</h1><div class="byline">By Maren Oakes</div>'
    story += _BODY + "</main>"
    cards = _story_list_card(1, "HARBOURTON (AP) — Ferry crews on the west bank worked through the night.")
    cards += _story_list_card(2, "The council met on Tuesday to discuss the tolls.")
    result = analyse_html(page(story + "<ul>" + cards + "</ul>"), URL)
    assert not result.republication.is_republication
    assert result.authors == ["Maren Oakes"]


def test_a_short_article_whose_headings_link_to_their_own_sections_keeps_its_wire_dateline() -> None:
    post = '<article><h1>Harbour bridge repairs</h1><h2><a href="#tolls">Tolls</a></h2>'
    post += "<p>HARBOURTON (AP) — The harbour bridge will stay shut for a second winter, officials said.</p></article>"
    result = analyse_html(page(post), URL)
    assert result.republication.is_republication


def test_a_meta_line_styled_as_a_nav_list_under_the_headline_gives_the_date() -> None:
    # a CSS framework's "nav" class styles the list of the date and view count; its "meta" name says what it holds
    story = '<div class="post--info"><h1>Harbour bridge repairs run into a second winter</h1>'
    story += '<ul class="nav meta"><li><a href="/time/2025-03-04">4 Mar 2025 18:29</a></li><li>1479</li></ul></div>'
    result = analyse_html(page(story + _BODY), URL)
    assert (result.published or "")[:10] == "2025-03-04"


def test_a_nav_list_of_sections_stays_a_menu() -> None:
    menu = '<ul class="nav"><li><a href="/time/2025-01-09">9 Jan 2025 08:00</a></li><li>Sport</li></ul>'
    story = "<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY
    result = analyse_html(page(menu + story), URL)
    assert (result.published or "")[:10] != "2025-01-09"


def test_a_licence_a_reader_names_in_a_comment_is_no_term_of_the_site() -> None:
    # a reader's comment under a blog post: "… no attribution as required by Creative Commons
    # Attribution-NonCommercial-ShareAlike"; the page itself only claims its copyright
    comment = (
        "Was #3 taken from another guide? I see no attribution as required by creative commons"
        " Attribution-NonCommercial-ShareAlike."
    )
    html = page(
        "<article><h1>Ten common mistakes</h1><p>The first mistake is the commonest one.</p></article>"
        f"<div class='comments_section'><div class='comment'><div class='comment-author'>Kit</div>"
        f"<div class='comment-body'>{comment}</div></div></div>"
        "<footer><p>Copyright 2010 - 2020 Harbor Labs, LLC</p></footer>"
    )
    reuse = analyse_html(html, "https://harbor.example/blog/mistakes").reuse
    assert reuse.license is None
    assert reuse.category == "all-rights-reserved"
    # ... while the same words in the site's sidebar still state its terms
    html = html.replace("comments_section", "sidebar").replace("comment-body", "widget-text")
    assert analyse_html(html, "https://harbor.example/blog/mistakes").reuse.category == "open-license"


_STORY = "Harbour bridge repairs run into a second winter"


def _outlet_name(head: str, url: str, title: str, h1s: str = f"<h1>{_STORY}</h1>") -> str | None:
    outlet = analyse_html(page(f"{h1s}<p>The story.</p>", head, title=title), url).outlet
    return outlet.name if outlet else None


def test_a_section_or_tagline_as_og_site_name_yields_to_the_name_the_address_spells() -> None:
    # og:site_name is the section; the JSON-LD publisher and the title's end name the site
    publisher = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs",'
        ' "publisher": {"@type": "Organization", "name": "harbor online"}}</script>'
    )
    head = f'<meta property="og:site_name" content="Security">{publisher}'
    assert _outlet_name(head, "https://www.harbor.example/news/1", f"{_STORY} | harbor online") == "harbor online"
    # a tagline as og:site_name; the title's end is the address's very letters
    head = '<meta property="og:site_name" content="First on the quay, always">'
    assert _outlet_name(head, "https://hbnews.example/2020/1/", f"{_STORY} | HBNEWS") == "HBNEWS"
    # an app's name sharing a word with the title's end, which is the address's letters ("Quay Cup" on quaycup.de)
    head = '<meta name="application-name" content="Quay Rowing Committee">'
    assert _outlet_name(head, "https://www.quaycup.de/a", f"{_STORY} - Quay Cup") == "Quay Cup"
    # ... but not where its other word is the strongest name's initials ("Quay DRG", "Deutsche Ruder-Gesellschaft")
    head = '<meta property="og:site_name" content="Deutsche Quay Ruder-Gesellschaft e.V.">'
    assert _outlet_name(head, "https://www.quay-drg.de/a", f"{_STORY} - Quay DRG") == (
        "Deutsche Quay Ruder-Gesellschaft e.V."
    )
    # the title's end alone, not the address's letters, outweighs no og:site_name
    head = '<meta property="og:site_name" content="First on the quay, always">'
    assert _outlet_name(head, "https://hbnews.example/2020/1/", f"{_STORY} | HB") == "First on the quay, always"


def test_a_site_named_in_older_title_forms() -> None:
    # "Headline « Blog" (an older WordPress theme's separator), the address spelling the name
    assert _outlet_name("", "https://www.harbor-notes-blog.example/a", f"{_STORY} « Harbor Notes") == "Harbor Notes"
    # the first <h1> is the section's, the headline the second: the title's end still frames the headline
    h1s = f"<h1>Press releases</h1><h1>{_STORY}</h1>"
    assert _outlet_name("", "https://www.quay-ev.example/a", f"{_STORY} - Quay Rowing Club e.V.", h1s) == (
        "Quay Rowing Club e.V."
    )


def test_a_site_on_a_host_of_its_own_under_its_group_named_by_both() -> None:
    # og:site_name is the host; the title's end names group and section ("WP Wiadomości"-like)
    head = '<meta property="og:site_name" content="sport.harborgroup.pl">'
    url = "https://sport.harborgroup.pl/a/1"
    assert _outlet_name(head, url, f"{_STORY} - Harborgroup Sport") == "Harborgroup Sport"
    many = f"{_STORY} - 3 : 1 - Live - 28.09.2020 - Harborgroup Sport"
    assert _outlet_name(head, url, many) == "Harborgroup Sport"
    # og:site_name is the address, og:title names the site after the headline: the address is its last word
    head = (
        '<meta property="og:site_name" content="kesselwarte.ch">'
        f'<meta property="og:title" content="{_STORY} | Nordische Kesselwarte">'
    )
    assert _outlet_name(head, "https://www.kesselwarte.ch/a", f"kesselwarte.ch - {_STORY}") == ("Nordische Kesselwarte")
