"""Bylines as real pages lay them out, rebuilt small with invented names: which of a page's bylines are the
article's own, and what a byline's words name."""

from __future__ import annotations

import json

import pytest

from bot.engine import analyse_html
from bot.engine.markup import class_kind, class_kinds
from tests.engine_helpers import page

URL = "https://news.example/2025/bridge"
_BODY = "".join(f"<p>Paragraph {n} of the story about the harbour bridge and its long repair.</p>" for n in range(60))
_OG_TITLE = '<meta property="og:title" content="Bridge crews race the winter on the harbour span">'


def _feed_card(n: int, title: str, who: str) -> str:
    return (
        f'<div class="feed-item"><div class="feed-item-title"><a href="/story/{n}">{title}</a></div>'
        f'<div class="feed-item-meta"><span class="author">{n + 1}h {who}</span></div></div>'
    )


def test_a_sidebar_feed_card_linking_this_story_is_not_its_headline() -> None:
    # the site's feed lists this story under its social title; the page's own headline (the <h1>) says it otherwise
    feed = _feed_card(0, "Bridge crews race the winter on the harbour span", "Maren Oakes and Tobias Venn")
    feed += _feed_card(1, "Ferry timetable changes for the holidays", "Maren Oakes and Ilse Marrow")
    html = page(
        f'<div class="layout"><section class="col-c"><div class="sidebar">{feed}</div></section>'
        '<section class="col-b"><article><h1>Harbour bridge repairs run into a second winter</h1>'
        f'<div class="byline">Maren Oakes, Valley News</div>{_BODY}</article></section></div>',
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_headline_that_is_only_ever_a_link_is_still_found() -> None:
    # a blog's <h1> links to the post itself: with no other match, the linked title is the headline
    html = page(
        '<h1><a href="/2025/bridge">Bridge crews race the winter on the harbour span</a></h1>'
        '<div class="byline">By Maren Oakes</div>' + _BODY,
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_cards_just_above_the_headline_in_the_lists_markup_are_not_its_byline() -> None:
    def card(n: int, who: str) -> str:
        return (
            f'<div class="module-card"><h3><a href="/other-{n}">Another story number {n} worth reading</a></h3>'
            f'<div class="module-card-author">{who} -</div></div>'
        )

    html = page(
        card(1, "Tobias Venn")
        + card(2, "Ilse Marrow")
        + "<h1>Harbour bridge repairs run into a second winter</h1>"
        + '<div class="post-author-name">Maren Oakes</div>'
        + card(3, "Quentin Hale")  # the same list goes on in the rail beside the story
        + card(4, "Rosa Pell")
        + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_opening_word_glued_to_the_linked_name() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="article-author">By<a href="/reporters/maren-oakes"><span>Maren Oakes</span></a></div>' + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_row_whose_class_names_a_picture_around_the_writers_link() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="not-author-image-row"><a class="author-name" href="/author/moakes/" rel="author">Maren Oakes</a>'
        "<time>Published: March 10, 2025</time></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_picture_caption_naming_its_photographer_is_still_no_byline() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="image-credit">Tobias Venn</div><div class="byline">By Maren Oakes</div>' + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_the_sites_own_name_in_the_byline_is_no_desk() -> None:
    html = page("<h1>Harbour bridge repairs run into a second winter</h1><div class='byline'>Harbour Daily News</div>")
    assert analyse_html(html + _BODY, "https://www.harbourdailynews.example/2025/bridge").authors == []
    # another desk of the same kind, on a site of another name, stands as the author
    assert analyse_html(html + _BODY, "https://www.valley.example/2025/bridge").authors == ["Harbour Daily News"]


def test_the_sites_own_newsroom_in_the_byline_is_its_named_desk_not_an_original() -> None:
    # "Por Redacción <the site's own name>": the publisher's newsroom signs: a named desk, and no other outlet
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": "Diario Valle Sur"}</script>'
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        "<div class='byline'>Por Redacción Diario Valle Sur</div>" + _BODY,
        head,
    )
    result = analyse_html(html, "https://www.vallesur.example/2025/bridge")
    assert result.authors == ["Redacción Diario Valle Sur"]
    assert not result.republication.is_republication


def test_a_byline_in_a_sidebar_column_a_few_lines_under_the_headline_is_the_articles() -> None:
    # a university news page: the headline in a hero block, then an "Article Sidebar" column whose label and name
    # sit in elements of their own, laid out with the line breaks between tags a template leaves
    gap = "\n  "
    sidebar = gap.join(
        [
            "<section class='article-sidebar' aria-label='Article Sidebar'>",
            "<div class='share'>",
            "<a href='/share'>Share</a>",
            "</div>",
            "<div class='wrapper'>",
            "<div class='field'>",
            "<p class='label'><strong>By</strong></p>",
            "</div>",
            "<div class='field'>",
            "<p class='full-name'>Maren Oakes</p>",
            "</div></div>",
            "<div class='date-wrapper'><p class='label'><strong>Date</strong></p><p>May 5, 2025</p></div>",
            "</section>",
        ]
    )
    html = page(
        "<p>Home</p><section class='hero'>"
        + gap
        + "<div class='category'><a href='/news/research'>Research</a></div>"
        + gap
        + "<div class='title'>"
        + gap
        + "<h1>Harbour bridge repairs run into a second winter</h1>"
        + gap
        + "</div>"
        + gap
        + "</section>"
        + gap
        + sidebar
        + _BODY,
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": "Maren"}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_social_handle_glued_to_the_writers_name_and_a_row_of_story_cards_below() -> None:
    # "Maren Oakes@moakes" in the article's byline; a "More in Harbour" row of cards, each with its writer
    cards = "".join(
        f"<div class='Card'><a href='/2025/story-{n}'>Story number {n} about the ferries</a>"
        f"<div class='Card-footer'><a href='/people/{who.lower().replace(' ', '-')}'>{who}</a></div></div>"
        for n, who in enumerate(["Maren Oakes", "Tobias Venn", "Ilse Marrow"])
    )
    html = page(
        "<p>Home</p><article><h1>Harbour bridge repairs run into a second winter</h1>"
        "<div class='Author-nameAndSocial'><a href='/people/maren-oakes'>Maren Oakes</a>"
        "<a href='https://social.example/moakes'>@moakes</a></div>"
        f"<p>Lead paragraph.</p><h2>More in Harbour</h2>{cards}{_BODY}</article>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_view_all_link_in_the_writers_card_is_no_writer() -> None:
    html = page(
        "<p>Home</p><article><h1>Harbour bridge repairs run into a second winter</h1>"
        "<div class='c-byline'>By <a class='c-byline__link' href='/people/maren-oakes'>Maren Oakes</a>"
        "<div class='c-author'><p>Maren Oakes</p><p>Reporter</p>"
        "<a class='c-author__link' href='/people/maren-oakes'>View All</a></div></div>" + _BODY + "</article>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def _with_jsonld_authors(*names: str) -> str:
    people = ", ".join(f'{{"@type": "Person", "name": "{name}"}}' for name in names)
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": [{people}]}}</script>'


def test_metadata_names_the_byline_never_prints_are_the_writers_crew() -> None:
    # the byline and the structured data agree on the writer; the photographer it also lists is not printed
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>By Maren Oakes</p>" + _BODY,
        _with_jsonld_authors("Maren Oakes", "Tobias Venn"),
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_metadata_name_the_page_never_prints_beside_a_printed_byline_is_not_the_writer() -> None:
    # a blog template's owner, or the editor in charge, where the post's byline names its writer
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>Posted by Ilse Marrow</p>" + _BODY,
        '<meta name="author" content="Maren Oakes">',
    )
    assert analyse_html(html, URL).authors == ["Ilse Marrow"]


def test_metadata_names_stand_where_the_byline_prints_no_one() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>By Staff</p>" + _BODY,
        _with_jsonld_authors("Maren Oakes", "Tobias Venn"),
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_an_agency_byline_leaves_the_writers_of_the_story_cards_out() -> None:
    cards = "".join(
        f'<div class="card"><a href="/o/{n}">Another story {n}</a><div class="card__author">Par {who}</div></div>'
        for n, who in enumerate(["Tobias Venn", "Ilse Marrow", "Quentin Hale"])
    )
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='author__name'>Par AFP</div>"
        + _BODY[:2000]
        + cards
        + _BODY[2000:]
    )
    assert analyse_html(html, URL).authors == []


def test_a_dublin_core_creator_is_written_surname_first() -> None:
    head = '<meta name="dc.creator" content="Oakes, Maren"><meta name="dc.creator" content="Venn, Tobias">'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY, head)
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_byline_in_a_writer_classed_element_names_a_reporter_without_capitals() -> None:
    html = page(
        "<h1>항구 다리 보수 공사가 두 번째 겨울로 넘어간다</h1>"
        '<div class="article-writer"><span class="name">서울 박지수 기자 jisu@example.kr</span></div>' + _BODY
    )
    assert analyse_html(html, URL).authors == ["박지수"]


@pytest.mark.parametrize(
    "line",
    [
        "<div>박지수 기자</div>",
        "<div><span>박지수 기자 | </span> 2020-03-04 16:52:59 <img src='/img/sns/share.jpg'></div>",
    ],
)
def test_a_korean_byline_in_a_plain_element_names_the_writer_before_the_job(line: str) -> None:
    # no class and no "By": the job after the name ("기자", reporter) makes the line a byline
    html = page("<h1>항구 다리 보수 공사가 두 번째 겨울로 넘어간다</h1>" + line + _BODY)
    assert analyse_html(html, URL).authors == ["박지수"]


def test_a_chinese_byline_in_a_plain_paragraph_names_the_writer_after_the_job() -> None:
    # no class and no "作者": the outlet and "记者" (reporter) before the name make the story's first line a byline;
    # the page's meta author is the editor in charge, named as such under the story
    body = "".join(f"<p>河谷大桥的维修工程第{n}段进入冬季施工阶段，工人们日夜赶工。</p>" for n in range(40))
    html = page(
        "<h1>河谷大桥维修进入第二个冬天</h1><div class='detail_content'><p><strong>河谷周刊记者 李小红</strong></p>"
        f"{body}</div><div class='detail_author'><span>责任编辑：王芳</span></div>",
        '<meta name="author" content="王芳">',
    )
    assert analyse_html(html, URL).authors == ["李小红"]


@pytest.mark.parametrize(
    "line",
    [
        "<p>Maren Oakes skrifar frá Ósló</p>",  # Icelandic: "writes from Oslo", the verb after the name
        "<div><p>Maren Oakes</p><p>skrifar frá Ósló</p></div>",  # the verb in an element of its own
    ],
)
def test_a_byline_that_writes_the_verb_after_the_name(line: str) -> None:
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + line + _BODY)
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_fact_list_under_the_story_gives_the_writer_after_a_bold_label() -> None:
    # a broadcaster's fact list after the text: "<li><strong>Author</strong> Jo Roe</li>", no colon
    facts = (
        "<ul class='smallList'><li><strong>Date</strong> 19.01.2020</li><li><strong>Author</strong> Maren Oakes</li>"
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY + facts + "</ul>")
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


@pytest.mark.parametrize("writer", ["Hafenblatt-Experte Maren Oakes", "Von ARD-Korrespondentin Maren Oakes"])
def test_a_german_job_compound_before_the_name_is_no_part_of_it(writer: str) -> None:
    # the job is the last part of a compound ("FOCUS-Online-Experte", "ARD-Korrespondentin"), in JSON-LD as printed
    data = '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "' + writer + '"}}'
    head = f'<script type="application/ld+json">{data}</script>'
    html = page("<h1>Hafenbrücke: die Reparatur dauert einen zweiten Winter</h1>" + _BODY, head)
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_caption_in_a_typewriter_styled_paragraph_is_no_byline() -> None:
    caption = '<p class="typewriter">A Harbour App shows the repair crews (Photo: Valley Pictures)</p>'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + caption + _BODY)
    assert analyse_html(html, URL).authors == []


def test_an_arabic_byline_opens_with_wrote() -> None:
    html = page("<h1>Harbour bridge repairs run into a second winter</h1><div>كتبت سارة أحمد</div>" + _BODY)
    assert analyse_html(html, URL).authors == ["سارة أحمد"]


def test_the_place_in_the_next_element_after_a_linked_name_is_no_part_of_it() -> None:
    # the byline links each writer's page; the place the piece comes from sits in the next element, run together
    html = page(
        '<h1>Harbour bridge repairs run into a second winter</h1><div class="byline"><span class="names">'
        '<a href="/writers/maren-oakes" rel="author">Maren Oakes</a> / '
        '<a href="/writers/ilse-de-marrow" rel="author">Ilse de Marrow</a></span> <span class="place">Tromsø</span>'
        "</div>" + _BODY,
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Ilse de Marrow"]


def test_two_linked_names_the_markup_ran_together_are_two_writers() -> None:
    html = page(
        '<h1>Harbour bridge repairs run into a second winter</h1><div class="article-authors">'
        '<a href="/writers/maren-oakes"><span>Maren Oakes</span></a>'
        '<a href="/writers/tobias-venn"><span>Tobias Venn</span></a></div>' + _BODY,
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_machine_date_after_the_last_linked_name_leaves_the_name_whole() -> None:
    # a <time> element prints its timestamp as it is, and a category link follows, in the byline's paragraph
    html = page(
        '<h1>Harbour bridge repairs run into a second winter</h1><p class="byline">By '
        '<a href="/author/maren-oakes" rel="author">Maren Oakes</a>, '
        '<a href="/author/tobias-venn" rel="author">Tobias Venn</a> '
        '<time datetime="2025-01-18T22:05:36+00:00">2025-01-18T22:05:36Z</time> <a href="/harbours">Harbours</a></p>'
        + _BODY,
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_german_publication_date_after_the_name_in_the_byline_is_cut() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<p class="about">Von Maren Oakes publiziert am 25. September 2025</p>' + _BODY,
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_that_runs_on_into_its_weekday_and_time_keeps_the_name() -> None:
    html = page(
        '<h1>Harbour bridge repairs run into a second winter</h1><p class="article__meta">By '
        '<a href="/staff/maren-oakes/">Maren Oakes</a> on Monday, November 17th, 2025 at 11:04 a.m.</p>' + _BODY,
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


_LONG_BODY = "".join(f"<p>Paragraph {n} of the story about the harbour bridge.</p>" for n in range(150))


def test_a_label_and_colon_in_an_element_of_its_own_open_the_byline_far_down_the_page() -> None:
    # the headline is not found; the byline sits lower than a byline-marked element is looked for
    html = page(
        _LONG_BODY + '<h4><span>By:</span> <a href="/people/moakes/">Maren Oakes</a></h4>'
        '<h4>Topics: <a href="/tag/bridges/">Bridges</a></h4>'
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_labelled_name_after_the_lines_other_words() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="subline"><span>Radio Nord</span> - <span>The Harbour Podcast</span> - '
        "<span>12.03.2025 13:15 Uhr</span> <span>Autor/in: Maren Oakes </span></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_labelled_author_and_the_next_labelled_editor() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>" + _LONG_BODY + '<div class="longText">'
        "<p>Auteur : Maren Oakes </p><p>Edition : T. Venn</p></div>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_link_whose_class_marks_the_writer() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div><p><a href="/search?author=Interview%3A%20Maren%20Oakes" class="author-link">'
        "Interview: Maren Oakes</a></p></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_writers_name_the_pages_microdata_writes_in_small_letters() -> None:
    html = page(
        '<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Harbour bridge repairs run'
        ' into a second winter</h1><span class="autor_sup" itemprop="author">maren oakes</span>' + _BODY + "</div>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_the_writers_link_opening_a_meta_line_that_runs_on_into_section_date_and_comments() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='entry-meta'><span class='byline'>"
        "<span class='author vcard'><a class='url fn n' href='/author/moakes'>Maren Oakes</a></span></span> "
        "<span class='cat-links'><a href='/category/policy' rel='category tag'>Harbour policy today</a></span> "
        "<span class='posted-on'>20 janvier 2025</span> <a href='#comments'>0 Comment</a></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_the_category_links_after_the_writer_in_a_meta_line_name_no_one() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='entry-meta'><span class='meta-date'>"
        "<time datetime='2025-01-20T12:43:38+01:00'>20/01/2025</time></span><span class='meta-author'> <span"
        " class='author vcard'><a class='url fn n' href='/author/maren-oakes/' rel='author'>Maren Oakes</a></span>"
        "</span><span class='meta-category'> <a href='/category/all/' rel='category tag'>All</a>, <a"
        " href='/category/kit/' rel='category tag'>Kit Reviews</a></span></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_right_under_the_headline_in_a_column_marked_as_an_aside() -> None:
    html = page(
        "<div class='masthead'>Valley Post</div><h1>Harbour bridge repairs run into a second winter</h1>"
        "<aside class='column-left'><p>By MAREN OAKES 10/ 5/11 09:19 PM ET</p></aside>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_partners_byline_with_its_outlet_then_the_day_then_the_writer() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        "<div><div class='partner-author'><span>Valley Daily</span> <span>9/21/2016</span> <span>Maren Oakes</span>"
        "</div></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_signature_line_classed_in_spanish_with_the_place_and_day_after_bars() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        "<p class='autor pull-left'><strong>Maren Oakes</strong> | Palma de Mallorca | 08/01/2014</p>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_firma_classed_byline_far_below_the_sites_header() -> None:
    html = page(
        "".join(f"<p>Menu entry {n}</p>" for n in range(130))
        + "<h1>Harbour bridge repairs run into a second winter</h1>"
        + "<p class='firma'><em>Maren Oakes</em> | <span class='localizacion'>Madrid</span></p>"
        + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_class_that_only_begins_like_a_byline_word_is_no_byline() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        "<div class='autorefresh'>Tobias Venn</div><p class='byline'>By Maren Oakes</p>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_writers_linked_each_to_their_page_between_bars() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='author-details'>"
        "<a href='/en/maren-oakes/person-1'>Maren Oakes</a> | <a href='/en/tobias-venn/person-2'>Tobias Venn</a></div>"
        + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_menu_entry_whose_title_opens_with_by_is_no_byline() -> None:
    html = page(
        "<div class='mainnav'><ul><li><a href='/shows/brave'>Brave New Harbour</a></li>"
        "<li><a href='/shows/any-means'>By Any Means Necessary</a></li></ul></div>"
        "<h1>Harbour bridge repairs run into a second winter</h1><p>by Maren Oakes</p>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_set_as_a_link_that_leads_nowhere() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p id='flame'><a href='#'>by Maren Oakes</a></p>"
        "<p><a href='/author/profile/17/maren-oakes'>More from this author</a></p>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_quebec_byline_a_text_by_the_writer_of_a_programmes_team() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p>A summary of the story in one line.</p>"
        "<section><p class='e-p'>Un texte de <strong>Maren Oakes</strong> d'<em>Enquête</em></p></section>" + _BODY,
        '<meta name="dc.creator" content="Zone Société - ICI.Valley-Radio.ca">',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def _contributors_byline(writer: str) -> str:
    by = f'<div class="author-byline__authors">By <a href="/author/w" rel="author">{writer}</a></div>' if writer else ""
    return (
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='author-byline'>"
        f"{by}<span class='author-byline__contributors'>Contributions from "
        "<div class='author-byline__contributors-list'>Tobias Venn</div></span></div>" + _BODY
    )


def test_the_contributors_listed_beside_the_writer_helped_and_are_no_writers() -> None:
    html = page(_contributors_byline("Maren Oakes"), _with_jsonld_authors("Maren Oakes", "Tobias Venn"))
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_contributors_list_that_is_the_only_byline_still_names_them() -> None:
    assert analyse_html(page(_contributors_byline("")), URL).authors == ["Tobias Venn"]


def test_a_closing_line_of_who_contributed_names_helpers_not_writers() -> None:
    # the writer's byline and bio, then a line of its own (in the byline's box) that says who helped; the JSON-LD
    # lists all three as authors
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='expanded-byline'>By Maren Oakes"
        "<p class='bio'>Maren Oakes covers the harbour.</p><div class='expanded-contributors'>Tobias Venn and "
        "Ilse Brandt contributed.</div></div>" + _BODY,
        _with_jsonld_authors("Maren Oakes", "Tobias Venn", "Ilse Brandt"),
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_lead_pictures_credit_in_the_author_row_after_the_byline_is_no_writer() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p>By Maren Oakes</p><img src='/lead.jpg'>"
        "<div class='metaAuthor'><div class='authorRow'> Tobias Venn <div class='verticalLineDivider'></div>"
        " Getty Images </div></div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_label_in_an_element_of_its_own_and_the_name_in_the_next() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>" + _LONG_BODY + "<div class='author_article_block'>"
        "<p class='author_p'> Автор: </p>\n \n<p class='name_p'> <a href='/ru/maren-oakes_1318'> Maren Oakes </a></p>"
        "</div>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_an_empty_author_label_before_the_editors_label_names_no_writer() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div><span>2017-03-10 09:58</span>"
        "<span>作者：</span><span>责任编辑：肖春芳</span></div>" + _BODY + "<p><strong>作者︱春春</strong></p>",
        '<meta name="author" content="肖春芳">',
    )
    assert analyse_html(html, URL).authors == ["春春"]


def test_a_related_story_card_named_in_camel_case_is_not_the_articles_byline() -> None:
    # a wire story with no byline of its own; the box of related stories under it has class names written
    # "relatedArticle", and one of its cards carries two writers' names
    cards = "".join(
        f'<div class="relatedArticle standard"><h5><a href="/story/{n}">Another story {n}</a></h5>'
        f'<p class="storyInfo"><span class="author">Par {who}</span><time class="time">19.11.2019</time></p></div>'
        for n, who in enumerate(["Anne Lavoie, Marc Tissot", "Paul Rérat"])
    )
    html = page(
        f"<h1>Harbour bridge repairs run into a second winter</h1><div id='mainContent'>{_BODY}</div>"
        f'<div class="contextBox"><h4>Articles en relation</h4>{cards}</div>'
    )
    assert analyse_html(html, URL).authors == []


def test_a_teaser_named_article_in_a_related_stories_box_keeps_the_boxs_place() -> None:
    # the story's writer is only in its meta author; the "more on this" box below lists teasers whose class
    # says "article", one of them a column with its writer
    teaser = (
        '<li class="first odd column article"><a href="/column/!5654384/"><h4>Column</h4><h3>What the river knows'
        '</h3><span class="author"><p>von <b>Tobias Venn</b></p></span></a></li>'
    )
    html = page(
        f"<h1>Harbour bridge repairs run into a second winter</h1>{_BODY}"
        f'<div role="region" class="last even sect sect_related"><h2>Mehr zum Thema</h2><ul>{teaser}</ul></div>',
        '<meta name="author" content="Maren Oakes">',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_an_article_wrapper_inside_a_layout_named_rail_keeps_its_byline() -> None:
    # the page's whole layout is named after its right rail; the story's own header says "article"
    html = page(
        '<section class="article-right-rail | container"><main class="left col"><div class="rail margin_top">'
        '<div class="article | header"><h1>Harbour bridge repairs run into a second winter</h1>'
        '<div class="byline"><span class="author">Maren Oakes</span><span class="separator"> and</span>'
        f'<span class="author">Tobias Venn</span></div></div></div>{_BODY}</main></section>'
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_french_interviews_recueilli_par_names_the_reporter() -> None:
    # an interview's signature: "Recueilli par Maren OAKES." in the byline and the JSON-LD author alike
    html = page(
        f"<h1>Harbour bridge repairs run into a second winter</h1><p class='signature'>Recueilli par Maren OAKES.</p>"
        f"{_BODY}",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs run into a '
        'second winter", "author": [{"@type": "Person", "name": "Recueilli par Maren OAKES."}]}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren OAKES"]


def test_a_german_analysis_opens_its_writers_name() -> None:
    html = page(
        f"<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>Eine Analyse von Maren Oakes</p>"
        f"{_BODY}"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_in_a_promo_card_linked_inside_the_story_is_the_other_storys() -> None:
    # a magazine sets a card for another story in the middle of the body: the whole card is one link, its title
    # and byline inside it, marked up exactly as the article's own byline is
    card = (
        '<a href="/story/ferry-timetable"><div class="PromoEmbedText"><h4>Ferry timetable changes for the holidays'
        '</h4><div class="bylines"><p class="byline bylines__byline">By Ilse Marrow and Tobias Venn</p></div></div>'
        "</a>"
    )
    html = page(
        '<article><h1>Harbour bridge repairs run into a second winter</h1><p class="byline bylines__byline">'
        f"By Maren Oakes</p>{_BODY[:400]}{card}{_BODY[400:]}</article>",
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_name_under_a_label_of_other_work_is_not_a_writer() -> None:
    # a recipe site sets each credit as a label element and a name element: "By" / "Maren Oakes", then
    # "Recipe tested by" / "Ilse Marrow"
    credits = (
        '<div class="bylines"><div class="bylines__item"><span>By</span></div><div class="byline-name">'
        '<a href="/author/maren-oakes">Maren Oakes</a></div><div class="bylines__item"><span>Recipe tested by</span>'
        '</div><div class="byline-name"><a href="/author/ilse-marrow">Ilse Marrow</a></div></div>'
    )
    html = page(
        f"<article><h1>Harbour bridge repairs run into a second winter</h1>{credits}{_BODY}</article>", _OG_TITLE
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_the_writers_of_a_list_of_story_cards_are_no_author_of_an_unsigned_page() -> None:
    # the page's own byline names no one; the "More stories" list under it names five other writers
    cards = "".join(
        f'<li><a href="/story/{n}">Story {n} about the harbour</a><p class="byline">By {who}</p></li>'
        for n, who in enumerate(["Maren Oakes", "Ilse Marrow", "Tobias Venn", "Ada Kerr", "Lior Stam"])
    )
    html = page(
        f'<header class="site-header"><a href="/">Harbour Ledger</a></header><article><h1>Bridge crews race the winter'
        f" on the harbour span</h1>{_BODY * 3}</article>"
        f'<section><h2>More stories</h2><ul class="story-list">{cards}</ul></section>',
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == []


def test_a_newsroom_after_the_outlets_initials_is_a_named_desk_not_a_person() -> None:
    # an Italian site signs its pieces with its desk: "HL Redazione" in the byline and as the JSON-LD author
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "HL Redazione"}}</script>'
    )
    html = page(f'<div class="byline">HL Redazione</div>{_BODY}', _OG_TITLE + ld)
    own = analyse_html(html, "https://hlnotizie.example/2025/ponte")
    assert own.authors == ["HL Redazione"] and not own.republication.is_republication
    # on another site the same desk stands as the piece's author too
    assert analyse_html(html, URL).authors == ["HL Redazione"]


def test_a_russian_byline_labelled_text() -> None:
    # a magazine credits the writing apart from the pictures: "Текст: …" before her name
    html = page(f'<div class="article-info__authors">Текст: Мария Гаванская</div>{_BODY}', _OG_TITLE)
    assert analyse_html(html, URL).authors == ["Мария Гаванская"]


def test_a_label_without_a_colon_in_its_own_element_opens_the_name_after_it() -> None:
    # an article's facts list: "<li><strong>Autorin/Autor</strong> Jo Roe</li>", the label bold and no colon
    for label in ("Autorin/Autor", "Autor"):
        html = page(
            f"<article><h1>Brückenbau geht in den zweiten Winter</h1>{_BODY}"
            f'<ul class="facts"><li><strong>Datum</strong> 28.04.2023</li>'
            f"<li><strong>{label}</strong> Maren Oakes</li></ul></article>"
        )
        assert analyse_html(html, URL).authors == ["Maren Oakes"], label


def test_a_date_then_by_opens_the_names_after_it() -> None:
    # a blog's line under the headline: the day and time first, the writer's linked name after "by"
    for line in (
        'January 17, 2017 at 6:08 PM ET by <a href="/blog/author/maren-oakes">Maren Oakes</a>',
        'Posted on January 17, 2017 by <a href="/author/maren">Maren Oakes</a>',
    ):
        html = page(f'<h1>Harbour bridge repairs run into a second winter</h1><div class="meta">{line}</div>{_BODY}')
        assert analyse_html(html, URL).authors == ["Maren Oakes"], line
    # a dated line whose "by" is a sentence's names no one
    html = page(f"<h1>Harbour bridge repairs</h1><div>January 17, 2017: crews hit by storms</div>{_BODY}")
    assert analyse_html(html, URL).authors == []


def test_a_writers_biography_beside_the_byline_names_no_source() -> None:
    # the bio under the byline says where the writer works on the paper ("the Breaking News desk"); a desk named like
    # another outlet is still no credit
    html = page(
        '<h1>Harbour bridge repairs run into a second winter</h1><div class="byline">By Maren Oakes</div>'
        '<div class="author_card"><p class="author_bio">Redactora en el equipo de Última hora, y también '
        f"cronista de conciertos.</p></div>{_BODY}"
    )
    result = analyse_html(html, URL)
    assert result.authors == ["Maren Oakes"]
    assert result.republication.is_republication is False


def test_a_pages_class_names_read_at_once_say_what_each_says_alone() -> None:
    # the one scan of all a page's class names (markup.class_kinds) must agree with each name's own reading
    names = {
        "container row", "article-byline author-box", "m-source", "image-source", "partner-logo small", "site-logo",
        "ArticleAuthor", "story__contributor", "autor_sup", "firmado", "ſource-box", "Quelle\nbox", "auth", "x",
        "photo-quelle", "footer-agency", "typewriter", "col-author col-source",
    }  # fmt: skip
    assert class_kinds(names) == {name: kind for name in names if (kind := class_kind(name))}


def test_a_headline_in_a_link_to_nowhere_under_a_social_title_with_the_sites_name_is_the_story() -> None:
    # the story's headline sits in <a href="">; a sidebar story further down has the page's only <h1>
    head = "<meta property='og:title' content='Harbour bridge repairs run into a second winter - Valley Digest'>"
    html = page(
        "<article><header><h2><a href=''>Harbour bridge repairs run into a second winter</a></h2></header>"
        "<div class='meta'><div class='author'><a class='handle' href='https://social.example/' rel='author'>"
        "Maren Oakes</a></div></div>" + _BODY + "</article><aside><h1>Ferry timetable changes again</h1>"
        "<div class='author'>Tomas Brill</div><p>The ferry runs later on Sundays.</p></aside>",
        head,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_byline_label_in_its_own_element_and_the_writers_job_under_her_name_are_no_names() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="article-header__author-info"><div class="article-header__author-prefix">Kommentar von</div>'
        '<div class="article-header__authorlist"><a href="/autor/maren-oakes" class="author__name">Maren Oakes</a>'
        '</div></div><div class="author__position"><span>Leitende Wirtschaftsredakteurin</span></div>' + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_two_writers_in_author_spans_parted_by_a_bar_both_count_when_the_metadata_names_them() -> None:
    people = '{"@type": "Person", "name": "Maren Oakes"}, {"@type": "Person", "name": "Tobias Venn"}'
    ld = f'{{"@type": "NewsArticle", "author": [{people}]}}'
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="author-details"><span><span class="author no-link">Maren Oakes</span></span>'
        '<span><span class="separator"> | </span><span class="author no-link">Tobias Venn</span></span></div>' + _BODY,
        head=f'<script type="application/ld+json">{ld}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_the_writer_after_the_day_and_time_in_parts_of_their_own_on_a_technical_line() -> None:
    html = page(
        "<h3>Harbour bridge repairs run into a second winter</h3>"
        '<div class="technicalline"><div class="lineinfo"> Do 25.04.24 | 14:07 Uhr | Von '
        '<span class="authorname">Maren Oakes </span></div></div>' + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_an_empty_icon_before_the_date_keeps_the_byline_and_the_date_apart() -> None:
    # "by <span>Maren Oakes</span></span><span><i class=fa-clock></i><time>…" reads as a browser shows it: the
    # icon has no letters, so the name and the date stay two words ("Maren OakesNovember" was read)
    html = page(
        "<article><h1>Harbour bridge repairs run into a second winter</h1><div class='entry-meta'>"
        "<span class='entry-meta-item post-byline'>by <span class='author vcard'><a class='url fn n' "
        "href='/author/maren-oakes/'>Maren Oakes</a></span></span><span class='entry-meta-item posted-on'>"
        "<i class='fa fa-clock-o'></i><time datetime='2025-11-21T15:34:26+02:00'>November 21, 2025</time></span>"
        f"<span class='entry-meta-item'><a href='#respond'><i class='la la-comments'></i>0</a></span></div>{_BODY}"
        "</article>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_desk_job_title_after_each_linked_name_is_not_part_of_the_name() -> None:
    # "By <a>Maren Oakes</a><span>News Reporter</span><a>Tobias Venn</a><span>Travel News Reporter</span>": the
    # JSON-LD lists both; the byline prints each name before its job ("News" is the desk's word, not a surname)
    people = [("Maren Oakes", "News Reporter"), ("Tobias Venn", "Travel News Reporter"), ("Ilse Marrow", "")]
    authors = "".join(
        f"<div class='author'><a href='/authors/{name.lower().replace(' ', '-')}/'>{name}</a>"
        f"<span class='job-title'>{job}</span></div>"
        for name, job in people
    )
    ld = ", ".join(f'{{"@type": "Person", "name": "{name}"}}' for name, _ in people)
    html = page(
        f"<article><h1>Harbour bridge repairs run into a second winter</h1><div class='byline'>"
        f"<div class='author-information-container'><span class='author-label'>By</span>{authors}</div></div>"
        f"{_BODY}</article>",
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": [{ld}]}}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn", "Ilse Marrow"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Por: Ana Ruiz, Luis Gil", ["Ana Ruiz", "Luis Gil"]),  # the colon typed after the opening word
        ("Par: Marie Noël", ["Marie Noël"]),
        ("Escrito por Ana Ruiz", ["Ana Ruiz"]),  # Joomla's line under the title
        ("Ciclismo | Por: Luis Gil | Actualizado el: 19 abril 2022", ["Luis Gil"]),  # a label after a section
        ("Por: favor, lea esto", []),
        ("Por: , ,", []),  # the names were tag links the page drops: the opening word is no name
    ],
)
def test_spanish_and_french_bylines_with_a_colon_or_written_by(line: str, names: list[str]) -> None:
    body = f"<article><h1>Harbor council meets</h1><p>{line}</p><p>The council met on Monday.</p></article>"
    assert analyse_html(page(body), URL).authors == names


def test_a_writers_e_mail_address_between_her_name_and_the_day_keeps_both() -> None:
    body = (
        "<article><h1>Harbor council meets</h1><p>Ana Ruiz ana.ruiz@harbor-diario.example | Viernes 22 abril, 2022</p>"
        "<p>The council met on Friday.</p><div class='related'><p>Another story</p><p>Jueves 21 abril, 2022</p></div>"
        "</article>"
    )
    result = analyse_html(page(body), URL)
    assert result.authors == ["Ana Ruiz"]
    assert (result.published or "")[:10] == "2022-04-22"


def test_the_photographers_name_in_a_cutline_under_the_lead_picture_is_no_writer() -> None:
    # "cutline": the caption, in American newsrooms' word; its "byline-image" names the photographer
    figure = (
        "<figure><img src='/coach.jpg' alt=''><div class='cutline-byline-container'>"
        "<span class='cutline-text'><p>The coach spoke about facing his old club.</p></span>"
        "<span class='byline-image'>Tobias Venn</span></div></figure>"
    )
    html = page(
        f"<h1>Harbour bridge repairs run into a second winter</h1>{figure}<p class='byline'>Maren Oakes</p>" + _BODY,
        _with_jsonld_authors("Maren Oakes"),
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_general_assignment_reporters_job_glued_to_his_name_is_no_second_writer() -> None:
    # the name and the job are two elements the markup runs together: "By Jo HarbisonGeneral Assignment Reporter, …"
    byline = '<div class="byline">By Jo HarbisonGeneral Assignment Reporter, Harbour Post</div>'
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + byline + "<p>The story.</p>")
    assert analyse_html(html, URL).authors == ["Jo Harbison"]


def test_a_headline_opening_with_a_bylines_word_is_no_byline() -> None:
    # German "Von … zu …" headlines start like "Von Jo Roe"; the writer is named in a label block under the text
    title = "Von Fähren, Fahrplänen und «ganz normalem Hafenleben»"
    html = page(
        f"<article><h1 class='title'>{title}</h1>"
        "<p>Die Fähren fahren ab Montag nach neuem Fahrplan, teilte der Betreiber mit.</p>"
        "<div class='articleAuthorDateBlock'><span class='label'>Datum:</span> 19.11.2021 <br>"
        "<span class='label'>Autor:</span> Jo Quayside<br><span class='label'>Quelle:</span> Hafenblatt<br></div>"
        "</article>",
        f'<meta property="og:title" content="{title}">',
        title=f"Hafenleben im Gespräch - {title}",
    )
    assert analyse_html(html, "https://www.hafenblatt.example/themen/398805-faehren.html").to_dict()["authors"] == [
        "Jo Quayside"
    ]


def test_a_portraits_credit_under_the_writers_photo_names_no_writer() -> None:
    # an about page: the writer's photo, then "Portrait by <a>Al Poe</a>" in italics under it
    html = page(
        "<div class='article'><h1>About This Site</h1><p>Harbor Notes is written and produced by Maren Oakes.</p>"
        "<p><a href='/graphics/author/oakes.jpg'><img src='/graphics/author/oakes-425.jpg' alt='Photograph of the "
        "author.'></a><br><em>Portrait by <a href='https://studio.example/inquiries/'>Tobias Venn</a></em></p>"
        + _BODY
        + "</div>"
    )
    assert "Tobias Venn" not in analyse_html(html, "https://harbornotes.example/colophon").authors


def test_a_jsonld_person_given_by_her_given_and_family_names_alone_is_the_writer() -> None:
    # the CMS writes each Person by her parts, with no "name"; the byline's element names them in spans
    people = ", ".join(
        f'{{"@type": "Person", "givenName": "{given}", "familyName": "{family}"}}'
        for given, family in (("Maren", "Oakes"), ("Tobias Jan", "Venn"))
    )
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY,
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": [{people}]}}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Jan Venn"]


@pytest.mark.parametrize("lead", ["erstellt von", "Veröffentlicht von", "Kolumne von"])
def test_a_pen_name_after_any_bylines_opening_in_the_bylines_element_is_the_writer(lead: str) -> None:
    # a CMS's byline element: its opening words, a one-word pen name linking the writer's page, then the day
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        f'<div class="documentByLine">{lead} <a href="/author/marenoak">Marenoak</a> — veröffentlicht 28.01.2025'
        "</div>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Marenoak"]


@pytest.mark.parametrize("job", ["Senior Harbour Correspondent", "Staff Writer", "Northern Bureau Reporter"])
def test_a_linked_name_before_its_job_title_in_the_byline_is_the_writer(job: str) -> None:
    # an hCard byline: the writer's name linked to her team page, her job in a span after it
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<p class="author vcard"><a href="/team/maren-oakes/"><b class="fn">Maren Oakes</b></a> '
        f'<span class="blogtitle">{job}</span></p>' + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_second_surnames_initial_after_the_name_stays_with_it() -> None:
    # a Latin American byline writes the second surname by its initial ("Por Marisa Oaxaca E."), the JSON-LD alike
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>Por Marisa Oaxaca E.</p>" + _BODY,
        _with_jsonld_authors("Marisa Oaxaca E."),
    )
    assert analyse_html(html, URL).authors == ["Marisa Oaxaca E."]


@pytest.mark.parametrize("line", ["Interview mit Ilse Marrow und Tobias Venn", "Interview with Ilse Marrow"])
def test_an_interview_line_names_whom_the_piece_talks_to_not_its_writer(line: str) -> None:
    # a kicker over the headline names the interviewees; the day and the writer's byline are the article
    # element's own text under the picture
    html = page(
        f"<article class='kn-article'><span class='place'>{line}</span>"
        "<h2>Harbour bridge repairs run into a second winter</h2><figcaption>The span at dawn</figcaption>"
        "<br/> Mittwoch, 01.11.2023 <br/> von <strong>MAREN OAKES</strong><br/>" + _BODY + "</article>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


@pytest.mark.parametrize(
    ("line", "names"),
    [("By Maren Oakes and 1 other", ("Maren Oakes", "Tobias Venn")), ("한가람 기자 외 1명", ("한가람", "김바다"))],
)
def test_a_byline_that_counts_its_other_writers_keeps_the_metadatas_names(line: str, names: tuple[str, str]) -> None:
    # the byline prints the first writer and counts the rest; the JSON-LD names them all
    html = page(
        f"<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>{line}</p>" + _BODY,
        _with_jsonld_authors(*names),
    )
    assert analyse_html(html, URL).authors == list(names)


@pytest.mark.parametrize("job", ["Projektleiterin der HBS", "Pressesprecher der HBS", "Fachreferentin der HBS"])
def test_a_german_job_after_the_writers_name_in_an_author_line_is_no_second_writer(job: str) -> None:
    # a foundation's report signed at its end: "Autorin: Jo Roe, <her job> in Harbourton."
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        + _BODY
        + f"<p><strong>Autorin: Maren Oakes, {job} in Harbourton.</strong></p>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


@pytest.mark.parametrize(
    "byline",
    [
        # the class on a wrapper around the avatar and the name's own element (generated CSS-in-JS class names)
        '<div class="css-9q2x-Byline"><div class="css-3k1-Avatar"></div><div class="css-7zt"><span>Maren Oakes</span>'
        "</div></div>",
        # the class on a box whose only block is a heading holding the names and the time
        '<div class="autor"> <h6>Maren Oakes | Publicado hace 3 horas </h6> </div>',
    ],
)
def test_a_byline_class_on_a_wrapper_around_the_names_own_block(byline: str) -> None:
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + byline + _BODY)
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_writers_card_whose_name_stands_in_a_heading_beside_its_tags_gives_no_tag_as_a_writer() -> None:
    card = (
        '<div class="entry-autor"><div class="columns"><h5><a href="/author/moakes/">Maren Oakes</a></h5>'
        '<span>28 April 2025</span> <span>Politics</span> <a href="/tag/harbour-fund/">Harbour Fund</a></div></div>'
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + card + _BODY)
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


_STORY = "".join(
    f"<p>Crews on the harbour bridge worked through night {n} of the repair, the lanes closed until the spring.</p>"
    for n in range(6)
)
_HEADLINE = "<h1>Harbour bridge repairs run into a second winter</h1>"


@pytest.mark.parametrize(
    "article",
    [
        # signed at the end, in bold, an empty paragraph after it
        f"<article>{_STORY}<p><strong>Maren Oakes</strong></p><p>&nbsp;</p></article>",
        # signed over the first paragraph, an empty paragraph and the lead picture before it
        '<article><div><img src="/p.jpg" alt=""></div><p>&nbsp;</p><p><strong>Maren Oakes</strong></p>'
        f"{_STORY}</article>",
        # plain, at the end
        f"<article>{_STORY}<p>Maren Oakes</p></article>",
    ],
)
def test_a_writers_name_signed_alone_at_the_storys_end_or_start(article: str) -> None:
    assert analyse_html(page(_HEADLINE + article), URL).authors == ["Maren Oakes"]


@pytest.mark.parametrize(
    "inside",
    [
        "<p><strong>Tolls Return</strong></p>",  # a subheading between two paragraphs of the story
        "<blockquote><p>We will finish before the ice comes, whatever the weather does.</p>"
        "<p><strong>Tobias Venn</strong></p></blockquote>",  # a pull quote's speaker
        '<figure><img src="/p.jpg" alt=""><p>Tobias Venn</p></figure>',  # a picture's credit
        # a picture's credit under its caption, in the picture's box
        '<div class="box"><img src="/p.jpg" alt=""><p>Crews lift the first new span into place over the harbour'
        " on a cold morning, the tug holding it steady.</p><p>TOBIAS VENN</p></div>",
    ],
)
def test_a_short_name_paragraph_inside_the_story_is_no_signature(inside: str) -> None:
    article = f"<article>{_STORY}{inside}{_STORY}<ul><li><p><a href='/s/2'>Rosa Pell</a></p></li></ul></article>"
    assert analyse_html(page(_HEADLINE + article), URL).authors == []


@pytest.mark.parametrize(
    "person",
    [
        # the byline copied into the JSON with its profile links
        '{"@type": "Person", "name": "By <a href=\\"/profiles/maren-oakes\\">Maren Oakes</a> and Tobias Venn"}',
        # one Person naming the byline's people as a list
        '{"@type": "Person", "name": ["Maren Oakes", "Tobias Venn"]}',
    ],
)
def test_a_jsonld_person_naming_the_whole_byline_gives_each_writer(person: str) -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY,
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {person}}}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_jsonld_person_whose_name_is_a_person_is_that_person() -> None:
    person = '{"@type": "Person", "name": {"@type": "Person", "name": "Maren Oakes"}}'
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>" + _BODY,
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {person}}}</script>',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_two_writers_each_with_a_job_after_the_name_are_both_writers() -> None:
    # "By <a>Jo Roe Health Reporter</a> and <a>Al Poe Political Editor For Harbornews</a>": no commas, a job each
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        "<p class='author-section'>By <a href='/profile-1/maren-oakes.html' class='author'>Maren Oakes Health"
        " Reporter</a> and <a href='/search.html?s=Tobias+Venn' class='author'>Tobias Venn Political Editor For"
        " Harbornews</a></p>" + _BODY
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def _posted_by(byline: str, head: str = "") -> list[str]:
    body = f"<article><h1>Harbour bridge repairs run into a second winter</h1>{byline}{_BODY}</article>"
    authors: list[str] = analyse_html(page(body, head), URL).to_dict()["authors"]
    return authors


def test_a_members_handle_linked_to_its_own_account_page_is_who_posted() -> None:
    # a community site's post: "u/harbourwatcher" linked to /user/harbourwatcher/; a blog's "Autor jdoe"
    assert _posted_by('<div class="post-author"><a href="/user/harbourwatcher/">u/harbourwatcher</a></div>') == [
        "harbourwatcher"
    ]
    byline = '<span class="byline">Autor <a class="url fn n" href="https://news.example/author/mquay/">mquay</a></span>'
    assert _posted_by(byline) == ["mquay"]


def test_a_handle_gives_way_to_a_named_writer_and_a_link_to_another_name_is_no_handle() -> None:
    byline = '<span class="byline"><a href="https://news.example/author/mquay/">mquay</a></span>'
    assert _posted_by(byline, '<meta name="author" content="Maren Quay">') == ["Maren Quay"]
    assert _posted_by('<span class="byline"><a href="/author/mquay/">Close</a></span>') == []


def test_a_staff_account_or_the_sites_own_account_is_no_handle_of_a_writer() -> None:
    # "admin" and "Redaktion" are the accounts a site's staff post under; "news" is the site's own (news.example)
    for handle in ("admin", "Redaktion", "news"):
        assert _posted_by(f'<span class="byline"><a href="/author/{handle}/">{handle}</a></span>') == []


def test_a_bloggers_first_name_byline_takes_her_whole_name_from_the_blogs_notice() -> None:
    # "Posted by Maren" over the post, "© Maren Quayle. All Rights Reserved." in the footer
    body = (
        "<div class='post'><h2>Harbour bridge repairs run into a second winter</h2>"
        "<small class='meta'>Posted by Maren 21.10.2019</small>" + _BODY + "</div>"
        "<div id='footer'><p>© Maren Quayle. All Rights Reserved.</p></div>"
    )
    assert analyse_html(page(body), URL).to_dict()["authors"] == ["Maren Quayle"]
    # a notice of someone else leaves the first name as it is
    other = body.replace("Maren Quayle", "Tobias Venn")
    assert analyse_html(page(other), URL).to_dict()["authors"] == ["Maren"]


def test_a_line_of_prose_listing_nouns_after_von_names_no_writer() -> None:
    # German nouns are capitalised: "von Künstlern, Bands, DJs," is a list of things in a sentence, no byline
    lines = [
        "Neuer Kanal, rund um die Uhr Musik<br>von Künstlern, Bands, DJs,<br>die bei uns spielen möchten",
        "Von Seglern, Fischern, Anglern und Gästen kamen viele Fragen zur Sperrung.",
    ]
    for line in lines:
        html = page(
            f"<article><h1>Hafenbrücke bleibt gesperrt</h1><p>Die Brücke bleibt bis Mai gesperrt.</p><p>{line}</p>"
            "</article>",
            title="Hafenbrücke bleibt gesperrt",
        )
        assert analyse_html(html, URL).authors == []
    html = page("<article><h1>Hafenbrücke bleibt gesperrt</h1><p>Von Jo Roe, Al Poe und Ida Moe</p></article>")
    assert analyse_html(html, URL).authors == ["Jo Roe", "Al Poe", "Ida Moe"]


def test_a_writer_glued_to_a_wire_by_a_slash_in_the_byline_is_the_writer_not_in_a_caption() -> None:
    # German bylines print "Name/SP-X", "Name/dpa" for the wire's writer; a caption's "Name/The Canadian Press"
    # credits the agency's photographer
    headline = "<h1>Harbour bridge repairs run into a second winter</h1>"
    caption = "<figure><img src='/bridge.jpg'><figcaption>Tobias Venn/The Canadian Press</figcaption></figure>"
    byline = "<div class='article-author'><h5>Autor:</h5>Maren Oakes/SP-X</div>"
    assert analyse_html(page(headline + caption + byline + _BODY), URL).authors == ["Maren Oakes"]
    assert analyse_html(page(headline + caption + _BODY), URL).authors == []


def _tagged_page(byline: str, after: str, writers: list[str], site: str = "news.example") -> str:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Harbour bridge repairs", "author": writers})
    return page(
        f"<article><h1>Harbour bridge repairs run into a second winter</h1>{byline}{after}{_BODY}</article>",
        f'<script type="application/ld+json">{ld}</script>',
    )


def test_a_name_alone_in_a_caption_beside_a_tagged_byline_is_no_writer() -> None:
    # the metadata names both writers and the byline prints them; a place and a politician follow in lines of
    # their own, in the same element kind as the byline
    html = _tagged_page(
        '<div class="author">Maren Oakes, Tobias Venn (Special correspondent)</div>',
        '<div class="author">Porto Novo, Vila Serra</div><div class="author">Quentin Hale</div>',
        ["Maren Oakes", "Tobias Venn"],
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_co_writer_the_metadata_leaves_out_on_the_writers_own_line_stays() -> None:
    html = _tagged_page('<div class="author">By Maren Oakes and Tobias Venn</div>', "", ["Maren Oakes"])
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_co_writer_the_metadata_leaves_out_heading_the_headers_bylines_stays() -> None:
    # each writer in an element of her own, the metadata naming only the second
    html = _tagged_page(
        '<div class="author">Tobias Venn</div>', '<div class="author">Maren Oakes</div>', ["Maren Oakes"]
    )
    assert sorted(analyse_html(html, URL).authors) == ["Maren Oakes", "Tobias Venn"]


def test_a_desk_account_named_by_the_site_and_a_letter_is_no_writer() -> None:
    # "by Ilanga D": the site's name and a letter in the byline and the metadata, the writer's name in capitals below
    ld = json.dumps({"@type": "NewsArticle", "headline": "Harbour bridge repairs", "author": "Harbor D"})
    html = page(
        "<article><h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="byline">by Harbor D | 5 November 2024</div><p><strong>MAREN OAKES</strong></p>'
        f'<div class="author-name">MAREN OAKES</div>{_BODY}</article>',
        f'<script type="application/ld+json">{ld}</script><meta property="og:site_name" content="Harbor News">',
    )
    assert analyse_html(html, "https://harbornews.example/2024/11/bridge").authors == ["Maren Oakes"]


def test_a_meta_line_opening_with_the_posts_date_then_the_linked_writer() -> None:
    # a blog's entry line: the date linked to the post, the writer linked to her page, then "leave a comment"
    html = page(
        "<article><h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="entry-meta"><a href="/2025/bridge">26. September 2025</a> '
        '<span class="author vcard"><a class="url fn n" href="/author/moakes" rel="author">Maren Oakes</a></span> '
        f'<a href="/2025/bridge#respond">Schreibe einen Kommentar</a></div>{_BODY}</article>',
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_posters_username_linked_to_her_account_is_the_pieces_handle() -> None:
    # a paste or forum thread: the poster's handle under the title, in an element classed "username"
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="username"><a href="/u/HarborFan42">HarborFan42</a></div>'
        '<ul><li>Thread starter <a href="/members/quay-walker.1482317/" class="username">Quay-Walker</a></li></ul>'
        f"{_BODY}",
        _OG_TITLE,
    )
    assert analyse_html(html, "https://paste.example/Af0yDAW4").authors == ["HarborFan42"]


def test_the_readers_own_account_menu_classed_username_names_no_writer() -> None:
    html = page(
        '<div class="user-menu"><span class="username"><a href="/account?p=logout">Log Out</a></span></div>'
        "<article><h1>Harbour bridge repairs run into a second winter</h1>"
        f'<div class="byline">By Maren Oakes</div>{_BODY}</article>',
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_one_word_handle_linked_to_the_accounts_numbered_page_is_the_poster() -> None:
    # a serial fiction site: "by" then the writer's handle, linked to her profile by the account's number
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<span>by</span><h3 class="byline inline-block"><a href="/profile/338123">Quaywriter</a></h3>'
        f"{_BODY}",
        _OG_TITLE,
    )
    assert analyse_html(html, "https://fiction.example/chapter/102").authors == ["Quaywriter"]


def test_a_works_heading_named_by_a_part_of_the_title_under_the_sites_h1_is_the_headline() -> None:
    # an archive of fan works: the <h1> is the site's name, the work's title an <h2> and the title tag's first part;
    # the writer's pseud under it, far down a long page of menus
    menus = "".join(f'<li><a href="/menu/{n}">Menu entry number {n}</a></li>' for n in range(200))
    html = page(
        f'<h1>Harbour Archive <sup>beta</sup></h1><ul class="menu">{menus}</ul>'
        '<div class="preface"><h2 class="title heading">Bridge Over Grey Water</h2>'
        '<h3 class="byline heading"><a rel="author" href="/users/QuayWalker/pseuds/QuayWalker">QuayWalker</a></h3>'
        f"</div>{_BODY}",
        title="Bridge Over Grey Water - Chapter 1 - QuayWalker - Harbour Fandom [Harbour Archive]",
    )
    assert analyse_html(html, "https://archive.example/works/118").authors == ["QuayWalker"]


def test_a_byline_box_named_with_its_comment_count_is_the_bylines() -> None:
    # '<div class="bylineComments">': the writers' names beside the count of readers' comments, not the comments
    body = (
        "<div class='story'><h1>Gulls return to the harbour</h1><div class='bylineComments'><p class='bylineBody'>"
        "By <a rel='author' href='/journalists/dana-pike/'>Dana Pike</a>, <span>Lou Marsh and Al Quay</span></p>"
        "<p class='comments'>12 comments</p></div>"
        "<p>Gulls came back to the harbour this spring, counters said on Monday, and the ferries slowed.</p></div>"
    )
    result = analyse_html(page(body), "https://www.harbor-ledger.example/news/gulls")
    assert result.authors == ["Dana Pike", "Lou Marsh", "Al Quay"]
