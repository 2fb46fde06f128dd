"""Page structures met on a fresh batch of labelled pages in more languages (Polish, Portuguese, Arabic, Chinese,
Dutch, Italian); each page here is invented to reproduce one."""

from __future__ import annotations

import json

from bot.engine import analyse_html
from bot.engine.dates import parse_machine_date, parse_written_date
from tests.engine_helpers import page

ARTICLE_URL = "https://www.harbor-courier.example/news/2025/ferry-strike"


def _ld(data: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_name_escaped_twice_in_the_json_ld_reads_as_the_name() -> None:
    org = {"@type": "Organization", "@id": "https://www.harbor-courier.example/#org", "name": "Harbor&#039;s Web"}
    article = {"@type": "NewsArticle", "headline": "Ferry strike", "copyrightHolder": {"@id": org["@id"]}}
    head = _ld({"@context": "https://schema.org", "@graph": [org, article]})
    result = analyse_html(page("<article><h1>Ferry strike</h1><p>Text.</p></article>", head), ARTICLE_URL).to_dict()
    assert result["copyright"]["holders"] == ["Harbor's Web"]


def _republication(body: str, url: str = ARTICLE_URL) -> dict[str, object]:
    result = analyse_html(page(body), url).to_dict()
    return result["republication"] or {}


def _original(body: str) -> str | None:
    original = _republication(body).get("original")
    return original["name"] if isinstance(original, dict) else None


def test_a_script_hook_class_does_not_make_the_article_a_sidebar() -> None:
    # the article's body sits in a section whose only "related" is in a hook a script uses ("js-…")
    body = (
        "<h1>Ferry strike ends</h1><section class='article__content js-truncate-related-to-size'>"
        "<div class='article-text'><p>The strike at the harbour ended on Tuesday after talks.</p>"
        "<p>Both sides said the deal would hold.</p><p>aja/PAP</p></div></section>"
    )
    assert _original(body) == "PAP"


def test_an_editors_initials_before_the_agency_sign_off_the_agencys_story() -> None:
    body = "<h1>Ferry strike ends</h1><article><p>The strike ended on Tuesday.</p><p>kk/PAP</p></article>"
    assert _original(body) == "PAP"
    body = "<h1>Ferry strike ends</h1><article><p>The strike ended on Tuesday.</p><p>kk/Harbor</p></article>"
    assert _original(body) is None  # no agency the registry knows


def test_an_arabic_agency_signs_off_in_brackets() -> None:
    body = "<h1>إضراب العبارات</h1><article><p>انتهى الإضراب في الميناء يوم الثلاثاء بعد محادثات.--(بترا)</p></article>"
    assert _original(body) == "Petra News Agency"


def test_a_source_field_of_a_date_line_credits_the_agency() -> None:
    line = "22/11/2020 - 04:30 - Fonte: Agência Brasil - Foto: Jo Roe/Harbor FC"
    body = f"<h1>Harbor FC wins late</h1><article><p>{line}</p><p>The goal came in added time.</p></article>"
    assert _original(body) == "Agência Brasil"


def test_a_polish_source_line_names_the_agency() -> None:
    body = "<h1>Bezrobocie</h1><article><p>Stopa bezrobocia wyniosła 3,1 proc.</p><p>Źródło: ISBnews</p></article>"
    assert _original(body) == "ISBnews"


def test_a_programme_named_as_the_source_of_a_clip_is_no_credit() -> None:
    line = "Source: <a href='https://www.harbor-courier.example/am'>AM</a> | Duration: 3min 13sec"
    body = f"<h1>Ferry strike ends</h1><article><p>The strike ended.</p><p class='source'>{line}</p></article>"
    assert _original(body) is None


def _authors(body: str, head: str = "") -> list[str]:
    return list(analyse_html(page(body, head), ARTICLE_URL).to_dict()["authors"] or [])


def test_byline_openings_in_german_and_dutch() -> None:
    lead = "<h1>Ferry strike ends</h1><article><p class='byline'>{}</p><p>The strike ended on Tuesday.</p></article>"
    assert _authors(lead.format("Ein Artikel von Greta Lindqvist")) == ["Greta Lindqvist"]
    assert _authors(lead.format("Erstellt von Greta Lindqvist")) == ["Greta Lindqvist"]
    assert _authors(lead.format("Door: Greta Lindqvist")) == ["Greta Lindqvist"]


def test_a_picture_label_with_a_colon_ends_the_byline() -> None:
    lead = "<h1>Ferry strike ends</h1><article><p class='byline'>{}</p><p>The strike ended on Tuesday.</p></article>"
    assert _authors(lead.format("Door: Greta Lindqvist Beeld: Harbor Pictures")) == ["Greta Lindqvist"]
    assert _authors(lead.format("Von Greta Lindqvist, Foto: Ola Berg")) == ["Greta Lindqvist"]


def test_an_agency_named_where_the_byline_goes_is_no_person() -> None:
    lead = "<h1>Ferry strike ends</h1><article><p class='byline'>{}</p><p>The strike ended on Tuesday.</p></article>"
    assert _authors(lead.format("Por Agência O Globo")) == []


def test_who_built_the_site_in_an_author_tag_is_no_writer() -> None:
    head = "<meta name='DC.Creator' content='Developed By Ola Berg'>"
    body = "<h1>Ferry strike ends</h1><article><p>The strike ended on Tuesday.</p></article>"
    assert _authors(body, head) == []


def test_dates_written_with_polish_dutch_and_maghrebi_months() -> None:
    assert parse_written_date("16 marca 2021") == "2021-03-16"
    assert parse_written_date("Dodano: 30 kwietnia 2021, 11:55") == "2021-04-30"
    assert parse_written_date("26 mei 2020 12:07") == "2020-05-26"
    assert parse_written_date("الجمعة 8 فيفري 2019") == "2019-02-08"
    assert parse_written_date("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً") == "2020-04-24"


def test_the_unix_clocks_zero_is_no_date() -> None:
    assert parse_machine_date("1970-01-01T01:00:00+01:00") is None
    assert parse_machine_date("1969-12-31T19:00:00-05:00") is None
    assert parse_machine_date("1971-01-01") == "1971-01-01"


def test_a_teasers_date_the_day_before_does_not_move_a_story_its_page_dates_itself() -> None:
    head = "<meta property='article:published_time' content='2021-04-28T09:45:09+00:00'>"
    body = (
        "<h1>Ferry strike ends</h1><div><span class='light'>28 April 2021</span></div>"
        "<article><p>The strike ended on Tuesday.</p>"
        "<h3><a href='/other'>Another story</a></h3><p class='entry-meta'>27 April 2021</p></article>"
    )
    assert analyse_html(page(body, head), ARTICLE_URL).to_dict()["published"][:10] == "2021-04-28"


def test_an_arabic_published_on_line_names_no_writer() -> None:
    body = (
        "<h1>إضراب العبارات</h1><article><p class='date'>تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً</p>"
        "<p>انتهى الإضراب في الميناء يوم الثلاثاء بعد محادثات طويلة بين الطرفين.</p></article>"
    )
    assert _authors(body) == []


def test_a_german_lead_picture_credit_licenses_only_the_picture() -> None:
    body = (
        "<h1>Auf das erste Elektron kommt es an</h1><article><p>Mikroben atmen auch ohne Sauerstoff.</p>"
        "<p>Titelbild: Flickr, CC BY 2.0</p></article><footer><p>© Hafeninstitut, 2022</p></footer>"
    )
    reuse = analyse_html(page(body), ARTICLE_URL).to_dict()["reuse"]
    assert reuse["license"] is None


def test_a_site_name_that_is_its_address_in_capitals_gives_way_to_the_name_spelled_apart() -> None:
    # og:site_name prints the address in capitals; the JSON-LD publisher names the paper with its words apart
    head = '<meta property="og:site_name" content="HARBORCOURIER.COM">' + _ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Ferry strike",
            "publisher": {"@type": "Organization", "name": "Harbor Courier"},
        }
    )
    result = analyse_html(page("<article><h1>Ferry strike</h1><p>Text.</p></article>", head), ARTICLE_URL).to_dict()
    assert result["outlet"]["name"] == "Harbor Courier"


def test_a_site_name_in_capitals_with_no_other_name_stays_the_sites_name() -> None:
    head = '<meta property="og:site_name" content="HarborCourier.com">'
    result = analyse_html(page("<article><h1>Ferry strike</h1><p>Text.</p></article>", head), ARTICLE_URL).to_dict()
    assert result["outlet"]["name"] == "HarborCourier.com"


def test_a_writer_named_in_devanagari_is_a_person_and_a_bureau_is_not() -> None:
    def authors(name: str) -> list[str]:
        head = _ld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Ferry strike",
                "author": {"@type": "Person", "name": name},
            }
        )
        body = "<article><h1>नौका हड़ताल</h1><p>हड़ताल मंगलवार को समाप्त हुई।</p></article>"
        return list(analyse_html(page(body, head), ARTICLE_URL).to_dict()["authors"])

    assert authors("राधा वर्मा") == ["राधा वर्मा"]
    assert authors("कानपुर ब्यूरो") == []  # the Kanpur bureau: a desk, no person


def test_the_readers_account_menu_is_no_writer() -> None:
    from bot.engine.names import looks_like_person

    assert not looks_like_person("My Account")
    assert looks_like_person("Jo Roe")


def test_a_date_line_led_by_a_slash_after_the_section_dates_the_piece() -> None:
    # the section's link stands in its own element; the date's element keeps the slash that parted them
    body = (
        "<div class='breadcrumb'><a href='/region/'>Región</a></div>"
        "<p class='published-date'>&nbsp; / jueves 2 de abril de 2020</p>"
        "<h1>Huelga de transbordadores</h1><p>La huelga terminó el martes tras las negociaciones.</p>"
    )
    assert analyse_html(page(body), ARTICLE_URL).to_dict()["published"] == "2020-04-02"


def test_a_newsroom_named_by_the_initials_of_the_outlets_first_words_is_the_sites_own_desk() -> None:
    # "Redacción HC" on "Harbor Courier Perú": the desk's initials leave out the country the name ends with
    head = '<meta property="og:site_name" content="Harbor Courier Perú">' + _ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Huelga",
            "author": {"@type": "Person", "name": "Redacción HC"},
        }
    )
    body = "<article><h1>Huelga</h1><p>La huelga terminó el martes.</p></article>"
    result = analyse_html(page(body, head), ARTICLE_URL).to_dict()
    assert result["authors"] == ["Redacción HC"] and not result["republication"]["is_republication"]


def test_a_labelled_line_in_the_byline_area_is_no_writer() -> None:
    from bot.engine.names import looks_like_person

    assert not looks_like_person("Организации: Правительство Гавани")  # "Organisations: …", the page's tags
    assert not looks_like_person("Topics: Harbor Council")
    assert looks_like_person("Валерия Гаванская")


def test_a_dates_label_is_no_writer() -> None:
    from bot.engine.names import looks_like_person

    assert not looks_like_person("Publish Date")


def test_a_central_european_all_rights_reserved_footer_reserves_the_rights() -> None:
    for footer in ("A Harbor Hírlap kiadója a Harbor Media Zrt. © Minden jog fenntartva", "© Всички права запазени"):
        body = f"<article><h1>Ferry strike</h1><p>Ferries ran again.</p></article><footer><p>{footer}</p></footer>"
        result = analyse_html(page(body), ARTICLE_URL).to_dict()
        assert result["reuse"]["category"] == "all-rights-reserved", footer


def test_a_bosnian_writes_label_opens_the_byline() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1>"
        '<div class="author-text">Piše: J. Rojević prije 26 minuta</div>'
        "<p>Ferries ran again on Monday, the operator said.</p></article>"
    )
    assert analyse_html(page(body), ARTICLE_URL).authors == ["J. Rojević"]


def test_a_greek_editorial_team_byline_names_no_author() -> None:
    body = (
        '<article><h1>Ferry strike ends</h1><a class="author url fn" href="/author/team">ΣΥΝΤΑΚΤΙΚΗ ΟΜΑΔΑ</a>'
        "<p>Ferries ran again on Monday, the operator said.</p></article>"
    )
    assert analyse_html(page(body), ARTICLE_URL).authors == []


def test_a_company_or_a_parliamentary_group_in_the_author_tag_is_no_author() -> None:
    body = "<article><h1>Ferry strike ends</h1><p>Ferries ran again on Monday, the operator said.</p></article>"
    for name in ("Harbor Group", "Harbor-Partei Bundestagsfraktion"):
        assert analyse_html(page(body, f'<meta name="author" content="{name}">'), ARTICLE_URL).authors == [], name


def test_a_solar_hijri_date_line_dates_the_piece_by_the_gregorian_day() -> None:
    # an Iranian page: the site's top bar and its date line under the headline in the solar calendar, month names
    # with the Arabic yeh, Persian digits in the bar and Latin ones in the line; no machine date anywhere
    body = (
        "<div class='headerdate'>سه‌شنبه ۱۰ دي ۱۴۰۲</div>" + "<p>فهرست</p>" * 20 + "<h1>بندر تازه افتتاح شد</h1>"
        "<div class='info'><span class='date-created'>9 دي 1402 - 10:15:00 ق.ظ</span></div>"
        "<p>" + "متن خبر درباره بندر. " * 30 + "</p>"
    )
    assert analyse_html(page(body), ARTICLE_URL).to_dict()["published"] == "2023-12-30"


def test_dates_written_with_russian_and_ukrainian_months() -> None:
    assert parse_written_date("12 марта 2021, 09:15") == "2021-03-12"
    assert parse_written_date("12 березня 2021") == "2021-03-12"
    # the date line over the headline is the story's, the teasers' days below it are not
    body = (
        "<p class='date'>4 сентября 2019, 18:05</p><h1>Паром вернулся в гавань</h1>"
        + "<p>Паром вернулся в гавань после долгой зимы, сообщили в порту.</p>" * 5
        + "<ul><li><a href='/a'>Другая новость</a><p class='date'>2 июля 2019, 10:00</p></li></ul>"
    )
    assert analyse_html(page(body), ARTICLE_URL).to_dict()["published"] == "2019-09-04"


def test_a_japanese_author_label_with_a_full_width_colon_after_the_date_opens_the_byline() -> None:
    # the date and the author link share one header row: "2019/02/22 17:23 著者：佐藤花子"
    def header(label: str) -> str:
        return page(
            "<article><h1>人気の圧縮ソフトに脆弱性、更新を</h1><div class='articleHeader_info'>"
            "<div class='articleHeader_date'><time datetime='2019-02-22T17:23:44+09:00'>2019/02/22 17:23</time></div>"
            f"<a class='articleHeader_name' href='/author/180/'>{label}佐藤花子</a></div>"
            "<p>" + "圧縮ソフトの更新版が公開された。" * 40 + "</p></article>"
        )

    assert analyse_html(header("著者："), ARTICLE_URL).authors == ["佐藤花子"]
    assert analyse_html(header("作者："), ARTICLE_URL).authors == ["佐藤花子"]


def test_an_english_clocks_am_does_not_make_a_us_date_day_first() -> None:
    # "am" before a date is German ("am 10.04.2016"); after a clock it is English, and en-US writes the month first
    html = page(
        "<article><h1>Council approves the harbour budget</h1><div class='story-meta'>"
        "<p class='story-meta__authors'>By <a href='/staff/jo-roe'>Jo Roe</a></p>"
        "<p class='story-meta__timestamp'>10/04/2016 05:07 AM EDT</p></div>"
        "<p>" + "The council met on Tuesday to discuss the budget. " * 30 + "</p></article>"
    ).replace("<html>", "<html lang='en-US'>")
    assert analyse_html(html, ARTICLE_URL).published == "2016-10-04"


def test_a_persian_footer_allowing_use_with_the_source_named_grants_it() -> None:
    # "All rights of this site belong to Bandar News, and using its material with the source named is unobjectionable"
    # (invented wording of the Iranian news sites' footer), and "quoting the material ... is free"
    for footer in (
        "کلیه حقوق این سایت متعلق به خبر بندر بوده و استفاده از مطالب آن با ذکر منبع بلا مانع است.",
        "نقل مطالب با ذکر منبع آزاد است.",
    ):
        html = page(f"<article><h1>Ferry strike</h1><p>Text.</p></article><footer><div>{footer}</div></footer>")
        reuse = analyse_html(html, "https://www.bandar-news.example/fa/news/1").reuse
        assert reuse.category == "permission-granted"
        assert reuse.conditions == ["credit the source"]
