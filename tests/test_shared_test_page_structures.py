"""Page structures met on real pages that htmldate's and trafilatura's test sets both keep (a fresh batch of labelled
pages); each page here is invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.engine.platforms import archived_address
from tests.engine_helpers import page

ARCHIVED = "https://web.archive.org/web/20140317091522/http://www.lakeside-herald.example/2014/03/10/dam-opens/"


def test_a_web_archives_copy_keeps_the_archived_address() -> None:
    assert archived_address(ARCHIVED) == "http://www.lakeside-herald.example/2014/03/10/dam-opens/"
    # the archive folds "//" to "/" and drops the scheme at times; a replay flag may follow the capture time
    assert archived_address("https://web.archive.org/web/2014id_/https:/lakeside-herald.example/a") == (
        "https://lakeside-herald.example/a"
    )
    assert archived_address("https://web.archive.org/web/20140317091522/lakeside-herald.example/a") == (
        "http://lakeside-herald.example/a"
    )
    assert archived_address("https://www.lakeside-herald.example/web/20140317091522/http://other.example/a") is None
    assert archived_address("https://web.archive.org/web/*/lakeside-herald.example*") is None


def test_a_page_in_a_web_archive_is_the_archived_sites_not_the_archives() -> None:
    html = page(
        "<article><h1>Dam opens after ten years</h1><p>The new dam opened on Monday, the county said.</p></article>",
        "<meta name='author' content='Lakeside Herald'>",
        title="Dam opens after ten years - Lakeside Herald",
    )
    result = analyse_html(html, ARCHIVED).to_dict()
    assert result["outlet"]["name"] != "Wayback Machine"
    assert result["outlet"]["domain"] == "lakeside-herald.example"
    # the capture time in the archive's address is not the page's date; the archived address's own date is
    assert (result["published"] or "")[:10] == "2014-03-10"


def test_the_word_for_before_the_paper_a_writer_writes_for_is_no_part_of_her_name() -> None:
    from bot.engine.names import split_byline
    from bot.engine.registry import load_registry

    registry = load_registry()
    # the tabloid's bylines capitalise every word; a lower-case "for" lost the second writer altogether
    for byline in ("Jo Roe And Al Poe For The Mail On Sunday", "Jo Roe and Al Poe for The Mail On Sunday"):
        people, outlets = split_byline(byline, registry, set())
        assert people == ["Jo Roe", "Al Poe"]
        assert outlets == ["The Mail On Sunday"]


def test_a_company_written_small_and_its_town_after_it_in_a_copyright_notice() -> None:
    from bot.engine.notices import parse_notice

    assert parse_notice("© harbor media GmbH 2005 - 2023")[0] == ["harbor media GmbH"]  # type: ignore[index]
    found = parse_notice("© 2004-2020 Harbor Health Media UK Ltd, Lakeside, UK, a Harbor Company. All rights reserved.")
    assert found is not None and found[0] == ["Harbor Health Media UK Ltd"]
    # a lower-case phrase is still no holder, and two companies stay two
    assert parse_notice("© 2020 all our readers and friends")[0] == []  # type: ignore[index]
    assert parse_notice("© 2020 Harbor Zprávy, a.s., Harbor.cz, a.s.")[0][0] == "Harbor Zprávy, a.s."  # type: ignore[index]


def test_a_stations_logo_after_the_writers_name_reads_as_its_name_without_the_word_logo() -> None:
    html = page(
        "<h1>Salon bans men after lewd act</h1>"
        "<div class='byline'><span>By</span><span><a href='/about/newsteam/jo-roe'>Jo Roe</a></span>"
        "<span><img alt='KXYZ logo' src='/assets/kxyz/logos/origin.png'></span>"
        "<div>Thursday, November 9, 2023 4:41AM</div></div>"
        "<p>The salon chain said on Tuesday that men may no longer go past its waiting areas.</p>",
        title="Salon bans men after lewd act",
    )
    assert analyse_html(html, "https://kxyz.example/salon-bans-men/1403/").to_dict()["authors"] == ["Jo Roe"]


def test_the_word_for_on_before_the_date_after_a_writers_name_in_other_languages() -> None:
    body = "<h1>A headline of several words</h1><div class='author'>{}</div><p>The article's first paragraph.</p>"
    for line in (
        "VON <a href='/autoren/roe-jo'>JO ROE</a> am 21. April 2020",
        "Par <span>Jo Roe</span> <span>le 07 Mai 2020</span>",
        "Por Jo Roe el 5 de mayo de 2020",
    ):
        result = analyse_html(page(body.format(line)), "https://harbor-courier.example/a/story").to_dict()
        assert result["authors"] == ["Jo Roe"], line
    # a surname spelt like the word stays the writer's
    surname = analyse_html(page(body.format("By Thanh Le | 5 May 2020")), "https://harbor-courier.example/a/b")
    assert surname.to_dict()["authors"] == ["Thanh Le"]


def test_written_by_with_a_colon_in_an_element_of_its_own_names_the_writer() -> None:
    for line in (
        "<p><em>Written by: <a href='https://forests.example/635/story'>Jo Roe</a> </em></p>",
        "<p>Posted by: Jo Roe</p>",
    ):
        html = page(
            f"<h1>Forest tenure matters for the climate</h1>{line}"
            "<p>Indigenous peoples have managed these landscapes for millennia, the study finds.</p>"
        )
        assert analyse_html(html, "https://harbor-planet.example/2020/01/forests/").to_dict()["authors"] == ["Jo Roe"]


def test_a_release_run_from_a_press_release_wire_signs_off_with_the_desks_initials_and_ots() -> None:
    html = page(
        "<h1>Dog chases burglars away</h1><p>1. November 2023</p>"
        "<p>Two people tried to break into a house on Tuesday night; the owner's dog drove them off.</p>"
        "<p>The police ask witnesses to call them.</p><p>abc/ots</p>"
    )
    result = analyse_html(html, "https://harbor-presse.example/2023/11/01/dog-chases-burglars/").to_dict()
    assert result["republication"]["is_republication"] is True


def test_an_article_kept_in_a_noscript_fallback_is_read() -> None:
    post = (
        "<span class='byline-author'>Posted by Jo Roe and Al Poe - Harbor Safety team</span>"
        "<p>Over the past few years we have seen threats grow more sophisticated.</p>"
    )
    html = page(
        f"<h2 class='title'>Safer browsing for everyone</h2><div class='post-body'>"
        f"<script type='text/template'>{post}</script><noscript>{post}</noscript></div>"
        "<noscript><img src='/pixel.gif' alt=''></noscript>",
        title="Harbor Security Blog: Safer browsing for everyone",
    )
    result = analyse_html(html, "https://security.harbor-blog.example/2020/05/safer-browsing.html").to_dict()
    assert result["authors"] == ["Jo Roe", "Al Poe"]


def test_a_section_name_before_a_closing_von_is_no_writer() -> None:
    html = page(
        "<h1>Das Phantom des Imperialismus</h1><div class='autor-wrapper'><span>Disko</span> <span>Von</span>"
        "<span title='Mehr'><div><a href='/autorin/jo-roe'>Jo Roe</a></div></span></div>"
        "<p>Begriffe wie Kolonialismus und Imperialismus bestimmen immer mehr die Debatten.</p>"
    )
    assert analyse_html(html, "https://harbor-welt.example/artikel/2023/43/phantom").to_dict()["authors"] == ["Jo Roe"]


def test_a_press_release_label_over_the_date_is_no_writer() -> None:
    html = page(
        "<h1>Autonome Waffen dürfen nicht entscheiden</h1>"
        "<div class='headline-info'>Pressemitteilung Aktuell 02. November 2021</div>"
        "<p>Einige Staaten bewegen die Welt auf ein Albtraumszenario zu.</p>"
    )
    assert analyse_html(html, "https://harbor-rights.example/presse/autonome-waffen").to_dict()["authors"] == []


def test_a_sports_agencys_sign_off_alone_under_the_story() -> None:
    html = page(
        "<h1>Zweiter Coronafall im Team</h1><p>Von Harbor Sport</p>"
        "<div>Eigentlich sollte der Sport in den Vordergrund rücken, sagte der Präsident.</div>"
        "<div><b>Auch interessant: </b><a href='/x'>Fackellauf gestartet</a></div><div>(SID)</div>"
    )
    result = analyse_html(html, "https://harbor-sport.example/olympia/2022/coronafall").to_dict()
    assert result["republication"]["is_republication"] is True
    assert result["republication"]["original"]["name"] == "SID"
