"""Page structures met on a batch of labelled postlight parser fixtures (US magazines, Japanese tech blogs); each
page here is invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.engine.dates import parse_machine_date
from tests.engine_helpers import page

ARTICLE_URL = "https://www.harbor-courier.example/blog/2025/02/ferry-scan"


def test_a_japanese_blogs_poster_label_opens_the_byline() -> None:
    # the entry's footer: a screen-reader label "投稿者" ("poster") before the author link
    def entry(label: str) -> str:
        return page(
            "<article><header><h1>港のフェリー調査の違い</h1></header>"
            "<div class='entry-content'><p>" + "フェリーの調査について説明する。" * 40 + "</p></div>"
            "<footer class='entry-footer'><p class='post-date'><span class='screen-reader-text'>公開日</span>"
            "<time datetime='2019-02-13T12:00:00+09:00'>2019年2月13日</time></p>"
            f"<p class='post-author'><span class='screen-reader-text'>{label}</span> "
            "<a href='/blog/author/jroe/' rel='author'>Jo Roe</a></p></footer></article>"
        )

    assert analyse_html(entry("投稿者"), ARTICLE_URL).authors == ["Jo Roe"]
    assert analyse_html(entry("執筆者："), ARTICLE_URL).authors == ["Jo Roe"]


def test_a_weekday_before_the_day_of_a_dated_by_line_opens_the_names() -> None:
    # "<time>Wednesday January 18, 2017 10:44 am PST</time> by <a rel=author>Jo Roe</a>" under the headline
    def header(day: str) -> str:
        return page(
            "<article><h1>Harbor ferry rumored for March</h1><div class='byline--3Eec5bcq'>"
            f"<time datetime='2017-01-18T11:44:11-08:00'>{day}</time> by "
            "<a href='/author/jo-roe/' rel='author'>Jo Roe</a></div>"
            "<p>" + "The harbor's new ferry is said to arrive in March. " * 30 + "</p></article>"
        )

    assert analyse_html(header("Wednesday January 18, 2017 10:44 am PST"), ARTICLE_URL).authors == ["Jo Roe"]
    assert analyse_html(header("Wednesday, January 18, 2017"), ARTICLE_URL).authors == ["Jo Roe"]


def test_a_tag_that_writes_the_writer_surname_first_adds_no_second_writer() -> None:
    # parsely-author "Roe, Jo" beside the byline "by Jo Roe": the tag split at its comma leaves "Roe" over
    head = "<meta name='parsely-author' content='Roe, Jo'><meta name='author' content='Jo Roe'>"
    body = (
        "<article><h1>Seven places to find lost coins</h1><div class='single-post-author'>by "
        "<a href='/author/jroe/'>Jo Roe</a> Contributor</div>"
        "<p>" + "Old coats hide more coins than you think. " * 30 + "</p></article>"
    )
    assert analyse_html(page(body, head), ARTICLE_URL).authors == ["Jo Roe"]


def test_a_japanese_titles_spaced_full_width_dash_sets_off_the_site_name() -> None:
    # "<title>見出し － Harborkey</title>" on harborkey1.example: the site names itself in its title alone
    title = "港の新しいフェリーを発売。大容量を実現 － Harborkey"
    body = "<h1>港の新しいフェリーを発売。大容量を実現</h1><p>" + "フェリーの説明。" * 40 + "</p>"
    result = analyse_html(page(body, title=title), "https://www.harborkey1.example/blog/19/ferry.html")
    assert result.outlet is not None and result.outlet.name == "Harborkey"


def test_a_month_first_machine_date_is_read_where_the_day_cannot_be_a_month() -> None:
    # article:published_time "12-15-2016" (a US system's tag); "05-04-2021" could be either order and stays unread
    assert parse_machine_date("12-15-2016") == "2016-12-15"
    assert parse_machine_date("15-12-2016") == "2016-12-15"
    assert parse_machine_date("05-04-2021") is None
    head = "<meta property='article:published_time' content='12-15-2016'>"
    body = "<h1>Toys and the girls who play</h1><p>" + "Toy shops split their aisles. " * 30 + "</p>"
    assert analyse_html(page(body, head), ARTICLE_URL).to_dict()["published"] == "2016-12-15"


def test_a_unix_date_stamp_in_a_tag_is_read_as_the_day_it_writes() -> None:
    # article:published_time "Mon Aug 03 12:45:00 EDT 2015": the Unix `date` / Java Date.toString() stamp
    assert parse_machine_date("Mon Aug 03 12:45:00 EDT 2015") == "2015-08-03"
    assert parse_machine_date("Fri Mar 13 21:30:09 2015") == "2015-03-13"
    head = "<meta property='article:published_time' content='Mon Aug 03 12:45:00 EDT 2015'>"
    body = "<h1>Office heating and the bias in the thermostat</h1><p>" + "Offices are set too cold. " * 30 + "</p>"
    assert analyse_html(page(body, head), ARTICLE_URL).to_dict()["published"] == "2015-08-03"


def test_a_magazines_issue_date_is_not_the_day_its_page_shows() -> None:
    # the rubric "December 5, 2016 Issue" above the byline's "November 27, 2016", the UTC stamp at midnight after it:
    # the piece went up on the 27th where it was published; the issue's cover date is the 5th
    head = "<meta property='article:published_time' content='2016-11-28T00:00:00.000Z'>"
    body = (
        "<article><div class='rubric'>December 5, 2016 Issue</div><h1>Lessons from the harbor</h1>"
        "<div class='byline'>By Jo Roe</div><div class='publish-date'>November 27, 2016</div>"
        "<p>" + "The harbor taught us to read the tides. " * 30 + "</p>"
        "<footer><p>Published in the print edition of the December 5, 2016, issue.</p></footer></article>"
    )
    url = "https://www.harbor-courier.example/magazine/2016/12/05/lessons-from-the-harbor"
    assert analyse_html(page(body, head), url).to_dict()["published"] == "2016-11-27"


def test_a_breadcrumb_trail_styled_as_a_byline_names_no_writer() -> None:
    # '<div class="byline breadcrumbs">Stories • Style • Style Tips</div>' over the byline "written by Jo Roe"
    body = (
        "<article><div class='byline breadcrumbs'><a href='/stories'>Stories</a> • <a href='/style'>Style</a> • "
        "<a href='/style-tips'>Style Tips</a></div><h1>Get behind the statement tee</h1>"
        "<div class='byline featured-contributors'>written by <a href='/author/jo-roe'>Jo Roe</a></div>"
        "<p>" + "A printed shirt starts a conversation at any party. " * 30 + "</p></article>"
    )
    assert analyse_html(page(body), ARTICLE_URL).authors == ["Jo Roe"]


def test_a_records_first_posted_and_last_update_posted_labels_name_no_writer() -> None:
    # a registry record's status box under its title: "First Posted : <day>", "Last Update Posted : <day>"
    def record(first: str, last: str) -> str:
        return page(
            "<h1>Ferry noise and harbor seals: an observational study</h1><div class='status'>"
            f"<div><span class='term'>{first}</span> : March 3, 2021</div>"
            f"<div><span class='term'>{last}</span> : March 9, 2021</div></div>"
            "<p>" + "The study counts seals near the ferry lanes over one year. " * 30 + "</p>"
        )

    result = analyse_html(record("First Posted", "Last Update Posted"), "https://registry.harbor.example/show/HS0421")
    assert result.authors == []
    assert result.published == "2021-03-03"
