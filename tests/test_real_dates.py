"""Publication dates as real pages show them; each page here is invented to reproduce one structure met on them."""

from __future__ import annotations

import pytest

from bot.engine import analyse_html
from bot.engine.dates import parse_machine_date, parse_written_date, shown_month_day
from tests.engine_helpers import page

HEADLINE = "Gulls return to the harbour after a long winter"
BODY = "<p>Gulls came back to the harbour this spring, counters said on Monday, and the ferries slowed for them.</p>"


def published(head: str, article: str, url: str | None = "https://www.harbor-ledger.example/news/gulls") -> str | None:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE} | Harbor Ledger</title>"
        f'<meta property="og:title" content="{HEADLINE}">{head}</head>'
        f"<body><header><p>Harbor Ledger</p></header>{article}</body></html>"
    )
    return analyse_html(html, url).published


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20180619T055000+0900", "2018-06-19T05:50:00+09:00"),  # ISO 8601's basic format
        ("20180619T0550Z", "2018-06-19T05:50:00Z"),
        ("18.03.2020 13:15", "2020-03-18"),  # a dotted machine field is day first
    ],
)
def test_machine_dates_in_basic_and_dotted_forms(raw: str, expected: str) -> None:
    assert parse_machine_date(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新华社 2016年10月14日07:17", "2016-10-14"),  # written together with the clock, no space
        ("입력 2013년 10월 24일 오전", "2013-10-24"),
        ("입력 2013.10.24 03:00", "2013-10-24"),
        ("2013/10/24", "2013-10-24"),
    ],
)
def test_year_first_written_dates(text: str, expected: str) -> None:
    assert parse_written_date(text) == expected


@pytest.mark.parametrize("text", ["version 2013.10.244", "2013.1.24", "tel. 2013.13.01"])
def test_year_first_lookalikes_are_no_dates(text: str) -> None:
    assert parse_written_date(text) is None


def test_first_published_in_a_meta_column_beats_the_update_stamp() -> None:
    # the article's meta column is an <aside> by the headline: its "First published on" is the piece's own day
    article = (
        f"<article><h1>{HEADLINE}</h1><aside><details><summary>Fri 22 Mar 2024 18.08 CET</summary>"
        "First published on Thu 21 Mar 2024 22.12 CET</details></aside>"
        f"{BODY}</article>"
    )
    head = '<meta property="article:published_time" content="2024-03-22T17:08:49Z">'
    assert published(head, article) == "2024-03-21"


def test_a_date_in_a_teaser_aside_far_from_the_headline_is_not_the_article_date() -> None:
    rail = "".join(f"<p>Other story number {n} about the harbour</p>" for n in range(40))
    article = f"<article><h1>{HEADLINE}</h1>{BODY}</article><aside>{rail}<p>12.05.2021</p></aside>"
    assert published("", article) is None


def test_posted_after_the_writer_and_outlet_on_one_line() -> None:
    article = (
        f"<article><h1>{HEADLINE}</h1><p>Dana Pike · Harbor Ledger · Posted: Oct 14, 2022 9:27 AM ET "
        f"| Last Updated: 24 minutes ago</p>{BODY}</article>"
    )
    assert published("", article, url=None) == "2022-10-14"


@pytest.mark.parametrize(
    "line",
    [
        "기사입력 :[ 2018-08-25 15:24 ]",
        "Submitted on Sat, 2018-08-25 13:49",
        "发布时间：2018年08月25日 15:24",
        "Data: 25-08-2018, 15:24",  # "date" in Polish, Italian and Portuguese
    ],
)
def test_publication_labels_in_other_words_and_scripts(line: str) -> None:
    article = f"<article><h1>{HEADLINE}</h1><div>{line}</div>{BODY}</article>"
    assert published("", article, url=None) == "2018-08-25"


def test_stand_dates_the_last_update_not_the_publication() -> None:
    article = f"<article><h1>{HEADLINE}</h1>{BODY}<p>Stand: 27.01.2022</p></article>"
    head = '<meta name="date" content="2022-01-29T11:52:23">'
    assert published(head, article, url=None) == "2022-01-29T11:52:23"
    # with no other date, the page was published that day or before: the closest day it gives
    assert published("", article, url=None) == "2022-01-27"


def test_the_date_in_the_byline_element_beside_an_agency_name() -> None:
    article = (
        f'<article><h1>{HEADLINE}</h1><div class="article-author">Harbor Wire November 19, 2019, 9:02 AM</div>'
        f"{BODY}</article>"
    )
    assert published("", article, url=None) == "2019-11-19"


_BAR_LINE = '<div class="lineinfo">Do 25.04.24 | 14:07 Uhr | Von <span class="authorname">Dana Pike</span></div>'
_AUDIO = "<figure><img src='/g.jpg'><figcaption>Audio: Harbor Radio | 24.04.2024 | Dana Pike</figcaption></figure>"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.harbor-ledger.example/kultur/2024/04/gulls.html", "2024-04-25"),
        # no year in the address to agree with: "25.04.24" could be 2025-04-24 written year first
        ("https://www.harbor-ledger.example/kultur/gulls.html", "2024-04-24"),
        ("https://www.harbor-ledger.example/kultur/2025/04/gulls.html", "2024-04-24"),
    ],
)
def test_a_two_digit_year_in_the_byline_element_counts_where_the_address_agrees(url: str, expected: str) -> None:
    # the byline's own line dates the piece; the audio's caption gives the day the radio aired it
    article = f"<article><h1>{HEADLINE}</h1>{_BAR_LINE}{_AUDIO}{BODY}</article>"
    assert published("", article, url=url) == expected


def test_a_relative_time_by_the_headline_dates_the_piece_by_its_markup() -> None:
    article = (
        f'<article><h1>{HEADLINE}</h1><div class="timeinfo"><time datetime="2019-11-19T11:45:00Z">1 day ago</time>'
        f"</div>{BODY}</article>"
    )
    assert published("", article, url=None) == "2019-11-19"


def test_a_relative_time_in_a_list_of_other_stories_dates_nothing() -> None:
    stories = "".join(
        f'<li><a href="/s/{n}">Story {n} about ferries</a> <time datetime="2019-11-1{n}T10:00:00Z">{n}d ago</time></li>'
        for n in range(1, 9)
    )
    filler = "".join(f"<p>Paragraph {n} on the harbour and its birds, at some length.</p>" for n in range(30))
    article = f"<article><h1>{HEADLINE}</h1>{BODY}{filler}</article><ul>{stories}</ul>"
    assert published("", article, url=None) is None


def test_the_day_shown_as_updated_west_of_greenwich_is_the_publication_day() -> None:
    # stamped 05:57 UTC on the 20th, shown as updated at 10:01 pm PST on the 19th: published on the 19th
    head = (
        '<meta property="article:published_time" content="2019-11-20T05:57:50Z">'
        '<meta property="article:modified_time" content="2019-11-20T06:01:20Z">'
    )
    article = f"<article><h1>{HEADLINE}</h1><div>Updated 10:01 pm PST, Tuesday, November 19, 2019</div>{BODY}</article>"
    assert published(head, article) == "2019-11-19"


def test_an_update_day_before_a_stamp_without_utc_offset_moves_nothing() -> None:
    head = '<meta name="date" content="2020-04-29T11:52:23">'
    article = f"<article><h1>{HEADLINE}</h1><div>Stand: 28.04.2020 18:00 Uhr</div>{BODY}</article>"
    assert published(head, article) == "2020-04-29T11:52:23"


def test_a_source_line_with_the_day_by_the_headline_dates_an_undated_page() -> None:
    article = f"<article><h1>{HEADLINE}</h1><div>Harbor Wire 2016年10月14日07:17</div>{BODY}</article>"
    assert published("", article, url=None) == "2016-10-14"


def test_a_place_and_date_line_just_over_the_headline_dates_an_undated_release() -> None:
    article = f"<div><p>Harbourtown, 3 July 2018 — Press release</p></div><article><h1>{HEADLINE}</h1>{BODY}</article>"
    assert published("", article, url=None) == "2018-07-03"


def test_a_time_element_shows_the_local_day_of_its_utc_stamp() -> None:
    head = '<meta property="article:published_time" content="2019-11-19T01:19:34Z">'
    article = (
        f'<article><h1>{HEADLINE}</h1><div class="dateline"><time datetime="2019-11-19T14:41:32Z">Updated Nov 19, '
        '9:41 AM;</time> <time datetime="2019-11-19T01:19:34Z">Posted Nov 18, 8:19 PM</time></div>'
        f"{BODY}</article>"
    )
    assert published(head, article) == "2019-11-18"


def test_a_time_element_across_new_year() -> None:
    assert shown_month_day("2020-01-01", "Posted Dec 31, 9:30 PM") == "2019-12-31"
    assert shown_month_day("2020-01-01", "Posted Dec 28") == "2020-01-01"  # days apart: the stamp's own day
    assert shown_month_day("2020-01-01", "2 hours ago") == "2020-01-01"


def test_the_day_in_a_byline_element_among_its_section_tags_and_comment_count() -> None:
    article = (
        f'<article><h1>{HEADLINE}</h1><div class="entry-meta"><span class="author">Dana Pike</span> '
        "<span>Politique portuaire et maritime de la ville</span> <span>20 janvier 2020</span> "
        "<span>évaluation, ferries, mouettes, saison</span> <span>0 Comment</span></div>"
        f"{BODY}</article>"
    )
    assert published("", article, url=None) == "2020-01-20"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("السبت، 7 آب/اغسطس 2021", "2021-08-07"),  # the Levant's name and Egypt's at once
        ("12 تشرين الثاني 2019", "2019-11-12"),
        ("3 مايو 2020", "2020-05-03"),
    ],
)
def test_arabic_month_names(text: str, expected: str) -> None:
    assert parse_written_date(text) == expected


def test_an_arabic_date_line_after_its_weekday_dates_the_piece() -> None:
    # "Saturday, 7 August 2021, last update 14:00" in the line under the headline
    article = f"<article><h1>{HEADLINE}</h1><div>السبت، 7 آب/اغسطس 2021، آخر تحديث 14:00</div>{BODY}</article>"
    assert published("", article, url=None) == "2021-08-07"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.portal.example/en-gb/news/uk/gulls/ar-AB12", "2020-10-02"),  # a British edition: day first
        ("https://www.portal.example/en-us/news/us/gulls/ar-AB12", "2020-02-10"),
        ("https://www.portal.example/news/gulls", None),  # nothing says which order
    ],
)
def test_a_portals_locale_in_the_address_orders_a_numeric_date(url: str, expected: str | None) -> None:
    # the page declares no language; the portal files it under a locale in its address
    byline = '<div class="byline">Harbor Ledger 02/10/2020 Dana Pike</div>'
    article = f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"
    assert published("", article, url=url) == expected


@pytest.mark.parametrize(
    ("updated", "published_word"),
    [
        ("Aggiornato il", "Pubblicato il"),  # Italian
        ("Bijgewerkt op", "Gepubliceerd op"),  # Dutch
        ("Обновлено", "Опубликовано"),  # Russian
        ("Zaktualizowano", "Opublikowano"),  # Polish
        ("Uppdaterad", "Publicerad"),  # Swedish
        ("Opdateret", "Publiceret"),  # Danish
        ("Oppdatert", "Publisert"),  # Norwegian
        ("Päivitetty", "Julkaistu"),  # Finnish
        ("Güncelleme", "Yayınlanma"),  # Turkish
        ("Aktualizováno", "Publikováno"),  # Czech
        ("آخر تحديث", "تاريخ النشر"),  # Arabic
    ],
)
def test_updated_and_published_in_other_languages(updated: str, published_word: str) -> None:
    # the day after the publication word is the piece's; the one after the update word is the update's
    line = f"<div>{published_word} 12.03.2025 08:05 | {updated} 14.03.2025 10:20</div>"
    assert published("", f"<article><h1>{HEADLINE}</h1>{line}{BODY}</article>", url=None) == "2025-03-12"


def test_a_month_and_day_left_unpadded_in_a_machine_date() -> None:
    assert parse_machine_date("2022-5-3T23:57:00") == "2022-05-03T23:57:00"
    assert parse_machine_date("2022-12-1") == "2022-12-01"


def test_the_top_bars_date_over_a_headline_in_its_own_header_is_todays_not_the_articles() -> None:
    # a masthead prints today's date a few lines over the headline; the story's <header> around the headline
    # holds its own day; the UTC stamp is the evening of the story's day
    html = (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{HEADLINE}</title>'
        f'<meta property="og:title" content="{HEADLINE}">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-05-03T20:51:06Z"}'
        "</script></head><body>"
        '<div class="masthead"><a href="/">Harbor Ledger</a><div class="mast-date">Wednesday, May 4, 2022</div>'
        '<a href="/latest">Latest</a></div>'
        f'<section><header class="story-head"><a href="/harbour">Harbour</a><h1>{HEADLINE}</h1>'
        '<div class="story-date">May 3, 2022</div></header>' + BODY * 5 + "</section></body></html>"
    )
    assert (analyse_html(html, "https://www.harbor-ledger.example/news/gulls").published or "")[:10] == "2022-05-03"


def test_written_and_updated_stamps_under_the_headline_beat_the_teasers_dates() -> None:
    # a broadcaster's story: "Written: … / Updated: …" under the headline, then related stories with their days
    teasers = "".join(f"<div><p>Other story {n}</p><p>2023-11-0{n}</p></div>" for n in (3, 6, 3))
    article = (
        f"<article><h1>{HEADLINE}</h1><p>Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46</p>"
        f"{BODY * 3}{teasers}</article>"
    )
    assert published("", article, url=None) == "2023-11-07"


def test_a_headline_written_with_soft_hyphens_is_found_as_the_title_says_it() -> None:
    # German sites break long words with &shy;: the <h1> must still be the headline the title names, so the date
    # line under it, after a long run of menu links, is the article's own
    split = HEADLINE.replace("harbour", "har&shy;bour").replace("winter", "win&shy;ter")
    menu = "".join(f"<p><a href='/topic/{n}'>Topic number {n}</a></p>" for n in range(150))
    article = f"<h1 class='aural'>Harbor Ledger</h1><div>{menu}</div><h1>{split}</h1><p>Datum: 26.01.2022</p>{BODY * 3}"
    assert published("", article, url=None) == "2022-01-26"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Wed, 04 May 2022 00:25:56 GMT", "2022-05-04T00:25:56Z"),  # RSS's form, in a JSON-LD field
        ("Tue, 3 May 2022 23:10:00 -0300", "2022-05-03T23:10:00-03:00"),
        ("Wed, 31 Feb 2022 00:25:56 GMT", None),
    ],
)
def test_rss_style_machine_dates_keep_their_clock_and_zone(raw: str, expected: str | None) -> None:
    assert parse_machine_date(raw) == expected


def test_an_rss_style_stamp_past_midnight_in_utc_is_the_day_the_page_shows() -> None:
    # JSON-LD gives "Wed, 04 May 2022 00:25:56 GMT"; by the headline the page prints its own evening of the 3rd
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "Wed, 04 May 2022 00:25:56 GMT"}</script>'
    )
    article = f"<article><h1>{HEADLINE}</h1><div>3 de mayo de 2022 21:25</div>{BODY}</article>"
    assert (published(head, article) or "")[:10] == "2022-05-03"


def test_a_place_before_a_letters_date_line_is_no_writer() -> None:
    # a German press release dates itself like a letter: "Hamburg, den 02. Dezember 2022"
    html = page(
        "<header><a href='/'>Harbor Ledger</a></header><article><h1>Ferry fares rise for the second time this year"
        "</h1><p class='date'>Hamburg, den 02. Dezember 2022</p>"
        + "".join(f"<p>Absatz {n} über die Fähre und ihre Preise.</p>" for n in range(12))
        + "</article>"
    )
    result = analyse_html(html, "https://harborledger.example/2022/12/ferry")
    assert result.authors == []
    assert (result.published or "")[:10] == "2022-12-02"


def test_a_bare_meta_date_a_day_after_the_byline_and_the_address_is_the_utc_day() -> None:
    # a mailing tool's date tag holds the UTC day of a story filed in the evening, west of Greenwich
    head = '<meta name="sailthru.date" content="2014-06-30">'
    byline = "<p class='byline'>By Dana Pike on June 29, 2014 08:08 pm</p>"
    article = f"<article><h1>{HEADLINE}</h1>{byline}{BODY}</article>"
    url = "https://www.harbor-ledger.example/2014/6/29/5855710/gulls"
    assert published(head, article, url) == "2014-06-29"
    # without the address's day to back the byline, the tag still decides
    assert published(head, article, "https://www.harbor-ledger.example/news/gulls") == "2014-06-30"


@pytest.mark.parametrize("name", ["pub_date", "pdate"])
def test_a_compact_day_in_an_older_cms_date_tag(name: str) -> None:
    # the page's own date line sits in a strap the text readers cannot tell from a section label
    head = f'<meta name="{name}" content="20110920"><meta name="time" content="18:37:20">'
    article = f"<div><span>text size: T T</span> Your Company September 20, 2011</div><h1>{HEADLINE}</h1>{BODY}"
    assert published(head, article) == "2011-09-20"
    assert published('<meta name="pub_date" content="20111350">', f"<h1>{HEADLINE}</h1>{BODY}") is None


def test_a_top_bars_date_of_today_gives_way_to_the_articles_date_line() -> None:
    # an aggregator's page: today's date in the top bar, then the menu, then the copied piece's own date line
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(20))
    top = f"<div class='top'><div>Mon, 25 Dec 2023</div><ul>{menu}</ul></div>"
    meta_bar = "<div class='m-bar'><div>Dana Pike</div><div>Thu, 14 May 2020 17:55 UTC</div></div>"
    assert published("", f"{top}<article><h1>{HEADLINE}</h1>{meta_bar}{BODY}</article>") == "2020-05-14"


def test_an_icelandic_update_stamp_on_the_dated_line_is_not_the_publication_day() -> None:
    # a late-evening story updated the next morning, both on one line under the headline
    line = "Innlent | Hafnarblaðið | 11.2.2025 | 23:55 | Uppfært 12.2.2025 7:25"
    article = f"<article><h1>{HEADLINE}</h1><div>{line}</div>{BODY}</article>"
    ld = '{"@type": "NewsArticle", "datePublished": "2025-02-11T23:55:00+0000"}'
    head = f'<script type="application/ld+json">{ld}</script>'
    assert published(head, article)[:10] == "2025-02-11"


# (a ministry's headlines run long: the title's words alone are more than a date line holds)
_LONG_TITLE = f"Minister: {HEADLINE}, and the ferries slow down for them in the spring and in the autumn"


@pytest.mark.parametrize(
    "heading",
    [
        # a ministry's headline with its date line under the title, inside the same <h1>
        f"<h1><span>{_LONG_TITLE}</span><small><span>Datum:</span> <time datetime='2022-01-26'>26.01.2022</time>"
        "</small></h1>",
        # ... and over it
        f"<h1><span><time datetime='2022-01-26'>26. Januar 2022</time></span><span>{_LONG_TITLE}</span></h1>",
    ],
)
def test_a_date_set_inside_the_headline_dates_the_piece(heading: str) -> None:
    article = f"<article>{heading}{BODY * 4}</article>"
    assert published("", article, "https://www.ministry.example/press/gulls.html") == "2022-01-26"


def test_a_byline_showing_the_last_updates_day_does_not_move_a_stamp_without_offset() -> None:
    # microdata stamps without an offset; the byline prints the update's time and day, as dateModified gives it
    head = (
        '<meta itemprop="datePublished" content="2014-10-02T14:52:39.477">'
        '<meta itemprop="dateModified" content="2014-10-03T08:42:27.403">'
    )
    article = f"<article><h1>{HEADLINE}</h1><div>Jo Roe 8:42 a.m. EDT October 3, 2014</div>{BODY}</article>"
    assert (published(head, article) or "")[:10] == "2014-10-02"


def test_teasers_dated_the_next_day_do_not_redate_an_evening_stamp_the_countrys_clock_keeps() -> None:
    # 19:35 UTC is 21:35 in Budapest, still the 18th; the next day's dates are a list of other stories' in the article
    head = '<meta property="article:published_time" content="2020-08-18T19:35:33+00:00">'
    teasers = "".join(f"<li><a href='/x{n}'>2020.08.19.0{n}.00.Harbourtown</a></li>" for n in range(3))
    article = f"<article><h1>{HEADLINE}</h1>{BODY}<ul>{teasers}</ul></article>"
    assert (published(head, article, url="https://www.harbor-ledger.hu/news/gulls") or "")[:10] == "2020-08-18"


def test_the_day_the_page_prints_for_a_stamp_is_kept_over_its_countrys_clock() -> None:
    # a template writes the local time with a 'Z'; the page prints that day and time, so the day is the printed one
    head = '<meta property="article:published_time" content="2019-04-19T20:00:00.000Z">'
    article = f"<article><h1>{HEADLINE}</h1><div>2019.04.19 20:00</div>{BODY}</article>"
    assert (published(head, article, url="https://www.harbor-ledger.jp/2019/04/gulls") or "")[:10] == "2019-04-19"


@pytest.mark.parametrize(
    ("shown", "machine", "expected"),
    [
        ("10/04/2016 05:07 AM EDT", "2016-10-04 05:07:09", "2016-10-04"),  # month first, as its datetime says
        ("04/10/2016 05:07", "2016-10-04T05:07:09", "2016-10-04"),  # day first, as its datetime says
        ("10/04/2016 05:07 AM EDT", "2016-11-20 05:07:09", None),  # a datetime matching neither order settles none
    ],
)
def test_a_times_datetime_settles_the_order_of_the_numeric_date_it_shows(
    shown: str, machine: str, expected: str | None
) -> None:
    # the page's order is unknown (no language, no country) and nothing else dates it: the <time>'s value decides
    stamp = f'<p class="story-meta"><time datetime="{machine}">{shown}</time></p>'
    article = f"<article><h1>{HEADLINE}</h1>{stamp}{BODY}</article>"
    assert (published("", article) or "")[:10] == (expected or "")


_LEAD = "Gulls came back to the harbour this spring after a long winter away, counters said, and the ferries slowed."


@pytest.mark.parametrize(
    ("opening", "head", "expected"),
    [
        ("Mar. 14, 2019 -- ", "", "2019-03-14"),  # the story's first paragraph opens with its day
        ("14 March 2019 — ", "", "2019-03-14"),
        ("Mar. 14, 2019 -- ", '<meta property="article:published_time" content="2019-03-20T08:00:00Z">', "2019-03-20"),
        ("In March 2019 ", "", None),  # a date in the prose, not set off by a dash, is what the story is about
        # a release's day written with dots, day first, its place before it ("Bern, 17.08.2007 - …")
        ("Harbourton, 14.03.2019 - ", "", "2019-03-14"),
        ("14.3.2019 – ", "", "2019-03-14"),
        ("14.3.2019 ", "", None),
        # a church's release: its place, then the day in brackets and a full stop ("Harbourton, (14.03.2019). …")
        ("Harbourton, (14.03.2019). ", "", "2019-03-14"),
    ],
)
def test_a_date_opening_the_first_paragraph_dates_an_otherwise_undated_page(
    opening: str, head: str, expected: str | None
) -> None:
    byline = "<div class='author'>By Dana Pike</div><div>Harbor Ledger Health News</div>"
    article = f"<article><h2>{HEADLINE}</h2>{byline}<p></p><p>{opening}{_LEAD}</p>{BODY}</article>"
    assert (published(head, article, url=None) or "")[:10] == (expected or "")


def test_a_dated_paragraph_further_down_the_story_does_not_date_the_page() -> None:
    article = f"<article><h1>{HEADLINE}</h1><p>{_LEAD}</p><p>Mar. 14, 2019 -- {_LEAD}</p>{BODY}</article>"
    assert published("", article, url=None) is None


def test_a_next_day_shown_beside_a_morning_utc_stamp_is_the_update_not_the_publication() -> None:
    # "November 28, 2013 -- Updated 0203 GMT" under a datePublished of 08:36 UTC the day before: no clock is 16 hours
    # ahead, so the line prints the update's day (its dateModified), not the day the stamp fell on somewhere
    head = (
        '<meta itemprop="datePublished" content="2013-11-27T08:36:32Z">'
        '<meta itemprop="dateModified" content="2013-11-28T02:03:23Z">'
    )
    article = (
        f"<article><h1>{HEADLINE}</h1><p>By Dana Pike, Harbor Ledger</p>"
        f"<p>November 28, 2013 -- Updated 0203 GMT (1003 HKT)</p>{BODY}</article>"
    )
    assert (published(head, article) or "")[:10] == "2013-11-27"


def test_date_labels_alone_in_their_own_elements_and_a_meta_date_of_the_update() -> None:
    # each label in an element of its own, its date in the next; the meta date is the last update's day
    article = (
        f"<article><h1>{HEADLINE}</h1><div><span>Published:</span><h2>04.03.2021</h2></div>{BODY}"
        "<div><h4>Last updated:</h4><ul><li>09.03.2021</li></ul></div></article>"
    )
    head = '<meta name="date" content="2021-03-09">'
    assert published(head, article, url=None) == "2021-03-04"
    # the update's day alone says nothing against a meta date of another day
    assert published('<meta name="date" content="2021-03-10">', article, url=None) == "2021-03-10"


def test_an_ordinal_suffix_in_an_element_of_its_own() -> None:
    # a blog theme sets the day's ordinal in its own <span>: the words read "Dec 21 st, 2018"
    line = (
        "<p class='meta'><time><span class='date'><span class='month'>Dec</span> <span class='day'>21</span>"
        "<span class='suffix'>st</span>, <span class='year'>2018</span></span></time></p>"
    )
    article = f"<article><header><h1>{HEADLINE}</h1>{line}</header>{BODY}</article>"
    assert published("", article, url=None) == "2018-12-21"
    assert parse_written_date("May 3 rd, 2019") == "2019-05-03"


@pytest.mark.parametrize(
    ("label", "day"),
    [("Datum", "31.01.2022"), ("Mise en ligne", "31 janvier 2022"), ("Published:", "January 31, 2022")],
)
def test_a_publication_label_and_its_date_in_a_meta_box_beside_the_story(label: str, day: str) -> None:
    # the story's facts in a box marked as beside it, far under the headline: each label in an element of its own
    filler = "".join(f"<p>Paragraph {n} on the harbour and its birds, at some length.</p>" for n in range(30))
    box = f'<aside class="sidebar"><ul><li><div>{label}</div><div>{day}</div></li></ul></aside>'
    article = f"<article><h1>{HEADLINE}</h1>{BODY}{filler}</article>{box}"
    assert published("", article, url=None) == "2022-01-31"
    # a date alone in a teaser rail, with no label, dates nothing
    rail = f'<aside class="sidebar"><ul><li><div>Ferries</div><div>{day}</div></li></ul></aside>'
    assert published("", f"<article><h1>{HEADLINE}</h1>{BODY}{filler}</article>{rail}", url=None) is None


def test_machine_dates_that_disagree_yield_to_the_one_the_date_line_shows() -> None:
    # JSON-LD says the 3rd, article:published_time and the byline the 6th
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Gulls return",'
        ' "datePublished": "2023-11-03T10:25:56+00:00"}</script>'
        '<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">'
    )
    article = f"<article><h1>{HEADLINE}</h1><p>By Dana Pike, 6 November 2023, 15:25</p>{BODY}</article>"
    assert (published(head, article) or "")[:10] == "2023-11-06"
    # with no second stamp to agree with it, the date line moves nothing (it may be a later edit's day)
    head = head.split("<meta")[0]
    assert (published(head, article) or "")[:10] == "2023-11-03"
    # nor where the one agreeing is a bare <meta name="date">, as often the last update's
    assert (published(f'{head}<meta name="date" content="2023-11-06">', article) or "")[:10] == "2023-11-03"


def test_a_submitted_line_under_the_story_in_drupals_german() -> None:
    # "Gespeichert von jroe am …" (Drupal's "Submitted by jroe on …") after the story's text, far from its headline
    filler = "".join(f"<p>Paragraph {n} on the harbour and its birds, at some length.</p>" for n in range(30))
    article = f"<article><h1>{HEADLINE}</h1>{BODY}{filler}<div>Gespeichert von jroe am 25. August 2018 - 18:55</div>"
    assert published("", f"{article}</article>", url=None) == "2018-08-25"


def test_a_time_element_whose_datetime_is_no_calendar_day() -> None:
    # a template that printed minutes where the month goes ("2014-00-29"): the page is read, the date line dates it
    article = (
        f"<article><h1>{HEADLINE}</h1><div class='dateline'>Published Monday, Dec. 29 2014, 6:00 AM EST"
        '<time datetime="2014-00-29T11:12:28Z"></time> Last updated <time class="updated"'
        ' datetime="2014-57-30T01:12:25Z">Monday, Dec. 29 2014, 8:57 PM EST</time></div>'
        f"{BODY}</article>"
    )
    assert (published("", article) or "")[:10] == "2014-12-29"
