"""Byline lines that credit the outlet's own newsroom or say where the piece was written, not who wrote it, and
sign-offs that name the writer with her job; each page here is invented to reproduce a structure met on labelled
real pages."""

from __future__ import annotations

import json

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://noticias.portonovo.com.br/esporte/2020/05/21/greve-das-balsas-termina.htm"
HEAD = '<meta property="og:site_name" content="PNV">' + (
    "<script type='application/ld+json'>"
    + json.dumps({"@type": "NewsArticle", "headline": "Greve das balsas termina", "publisher": {"name": "PNV"}})
    + "</script>"
)


def _authors(byline: str) -> list[str]:
    body = f"<article><h1>Greve das balsas termina</h1>{byline}<p>A greve terminou na terça-feira.</p></article>"
    authors: list[str] = analyse_html(page(body, HEAD), URL).to_dict()["authors"]
    return authors


def test_from_the_outlet_in_portuguese_is_its_newsroom_not_a_writer() -> None:
    # "Do PNV, em Porto Novo": "from PNV, in Porto Novo"
    assert _authors("<div class='author'><span>Do PNV, em Porto Novo</span></div>") == []


def test_the_place_line_under_a_newsroom_byline_is_no_writer() -> None:
    byline = "<div class='author'><p class='author-name'>Do PNV</p><p class='author-place'>Em Porto Novo (RJ)</p></div>"
    assert _authors(byline) == []


def test_a_writer_with_a_place_after_her_name_keeps_it_off_her_name() -> None:
    assert _authors("<div class='author'><span>Por Jo Quayside, em Porto Novo</span></div>") == ["Jo Quayside"]


def test_a_korean_columns_sign_off_names_its_columnist_with_the_job_after_or_before_the_name() -> None:
    url = "http://www.harbormedia.co.kr/news/articleView.html?idxno=1234"
    lead = (
        "<h1>페리 파업 끝나</h1><p>[하버미디어=한가람의 문화읽기] 페리 파업이 화요일에 끝났다.</p><p>파업은 길었다.</p>"
    )
    for sign_off in ("한가람 칼럼니스트 ", "칼럼니스트 한가람 "):
        mail = "<a href='mailto:garam@harbormedia.co.kr'>garam@harbormedia.co.kr</a>"
        body = f"<article>{lead}<p>{sign_off}{mail}</p></article>"
        assert analyse_html(page(body), url).to_dict()["authors"] == ["한가람"]


def test_a_publication_word_before_the_outlets_own_name_is_the_outlet_not_a_writer() -> None:
    # "Por Jornal O Farol" on O Farol's site: the paper's word ("Jornal", "Diario"), then its name; no writer is left
    head = '<meta property="og:site_name" content="O Farol">'
    body = (
        "<article><h1>Greve das balsas</h1><div class='author'><span>{}</span></div><p>A greve terminou.</p></article>"
    )
    url = "https://ofarol.example/2020/11/01/greve"
    assert analyse_html(page(body.format("Por Jornal O Farol"), head), url).to_dict()["authors"] == []
    # a writer before the outlet's name keeps hers
    assert analyse_html(page(body.format("Por Jo Quayside, O Farol"), head), url).to_dict()["authors"] == [
        "Jo Quayside"
    ]


def test_a_newsroom_word_with_which_of_its_desks_is_the_outlets_own_desk_not_a_writer() -> None:
    # "Redacción Central 22/04/2022", "Redação Digital": the site's main or online newsroom, no one's name
    assert _authors("<div class='entry-meta'><span class='author'>Redação Central</span> 22/04/2022</div>") == []
    assert _authors("<div class='author'><span>Redação Digital</span></div>") == []
    assert _authors("<div class='author'><span>Ana Central</span></div>") == ["Ana Central"]


def _authors_from_metadata(author: str) -> list[str]:
    head = (
        "<script type='application/ld+json'>"
        + json.dumps({"@type": "NewsArticle", "headline": "Man jailed", "author": {"@type": "Person", "name": author}})
        + "</script>"
    )
    body = "<article><h1>Man jailed</h1><p>A man was jailed on Friday.</p></article>"
    authors: list[str] = analyse_html(page(body, head), URL).to_dict()["authors"]
    return authors


def test_a_beat_and_a_job_in_the_author_field_name_no_writer() -> None:
    # a regional paper's court desk in the person's place, with or without the town it covers
    assert _authors_from_metadata("Court Reporter") == []
    assert _authors_from_metadata("Harbourton Court Reporter") == []
    assert _authors_from_metadata("Crime Correspondent") == []
    assert _authors_from_metadata("Jo Quayside, Court Reporter") == ["Jo Quayside"]


def test_a_comment_count_after_the_date_in_a_german_byline_is_no_writer() -> None:
    byline = "<div class='author'><span>Von Jo Quayside / 6. November 2023 / Keine Kommentare</span></div>"
    assert _authors(byline) == ["Jo Quayside"]


def test_a_place_and_a_beat_before_reporter_name_no_one() -> None:
    # "By Harbourtown Court Reporter": the court reporter of a place, not a person called "Harbourtown Court"
    ld = '<script type="application/ld+json">{{"@type": "NewsArticle", "author": {{"@type": "Person", "name": "{}"}}}}'
    body = "<article><h1>Fine for stolen bread</h1><p>The court fined the man on Monday.</p></article>"
    url = "https://www.harbour-world.example/news/crime/fine-for-stolen-bread-123"
    for desk in ("Harbourtown Court Reporter", "Quayside Crime Reporter"):
        assert analyse_html(page(body, ld.format(desk) + "</script>"), url).to_dict()["authors"] == []
    # a writer's beat after her name leaves her name
    writer = ld.format("Jo Quayside Court Reporter") + "</script>"
    assert analyse_html(page(body, writer), url).to_dict()["authors"] == ["Jo Quayside"]


def test_a_metadata_desk_gives_way_to_an_agency_byline() -> None:
    # JSON-LD "Ledger staff reporter" (the template's default), but the byline credits only the agency: the
    # piece is the agency's copy, and no desk of the site wrote it
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tree falls in market square", '
        '"author": [{"@type": "Person", "name": "Ledger staff reporter"}]}</script>'
    )
    url = "https://www.harbour-ledger.example/world/2023/dec/22/tree-falls-in-market-square"
    for byline in ("<div class='byline'><span>By Reuters</span></div>", ""):
        meta = "" if byline else '<meta property="article:author" content="Reuters">'
        body = f"<article><h1>Tree falls in market square</h1>{byline}<p>A tree fell on Friday in the square.</p>"
        assert analyse_html(page(body + "</article>", ld + meta), url).to_dict()["authors"] == []
    # without the agency the site's named desk stands
    body = "<article><h1>Tree falls in market square</h1><p>A tree fell on Friday in the square.</p></article>"
    assert analyse_html(page(body, ld), url).to_dict()["authors"] == ["Ledger staff reporter"]


def test_newsdesk_written_as_one_word_is_a_bare_desk_not_a_writer() -> None:
    # WordPress byline "von Newsdesk" on a magazine's site: the desk names no publication, so no author
    byline = "<p class='entry-meta'><span class='entry-author author'>von <a class='author'>Newsdesk</a></span></p>"
    assert _authors(byline) == []
    assert _authors("<p class='entry-meta'><span class='entry-author author'>von Newsdesk PNV</span></p>") == [
        "Newsdesk PNV"
    ]


def test_a_desk_named_by_the_sites_initials_and_two_desk_words_is_its_own() -> None:
    # "by HBW News Desk" on HarborBayWorld.com: the site's initials, then "News Desk"; no other outlet wrote it
    head = '<meta property="og:site_name" content="HarborBayWorld.com">'
    body = (
        "<article><h1>Ferry scholarships announced</h1><p class='byline'>by HBW News Desk</p>"
        "<p>The ferry company announced ten scholarships on Tuesday.</p></article>"
    )
    result = analyse_html(page(body, head), "https://www.harborbayworld.com/news/ferry-scholarships-2016")
    assert not result.republication.is_republication
    assert result.authors == ["HBW News Desk"]


def test_a_newsroom_word_before_the_sites_address_is_its_named_desk() -> None:
    # "Zespół pnv.com.br" ("the pnv.com.br team") in the author box, as the site signs the pieces no one wrote alone
    byline = "<div class='author'><h3 class='author-name'><a href='/autores/1-zespol'>Zespół pnv.com.br</a></h3></div>"
    assert _authors(byline) == ["Zespół pnv.com.br"]
    assert _authors("<div class='author'><span>Redaktion pnv.com.br</span></div>") == ["Redaktion pnv.com.br"]


def test_a_papers_initials_joined_to_its_newsroom_word_are_its_named_desk() -> None:
    # "PN-Redaktion" in the author box names the paper's own desk; "Sport-Redaktion" names no paper
    assert _authors("<div class='author'><span>PN-Redaktion</span></div>") == ["PN-Redaktion"]
    assert _authors("<div class='author'><span>Sport-Redaktion</span></div>") == []


def test_a_desk_signed_under_the_story_before_the_sites_bold_appeal_is_the_author() -> None:
    # the story, the desk signed alone in italics, the site's appeal for gifts in bold, then share buttons
    text = "<p>" + "Die Fähre fährt ab Montag wieder nach dem alten Fahrplan, teilte die Gemeinde mit. " * 2 + "</p>"
    body = (
        f"<article><h1>Fähre fährt wieder</h1>{text}{text}<p><em>PN-Redaktion</em></p>"
        "<p><b>Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer <a href='/spende'>Spende</a>."
        "</b></p><div class='share'>Facebook 0 Twitter 0</div></article>"
    )
    assert analyse_html(page(body, HEAD), URL).to_dict()["authors"] == ["PN-Redaktion"]


def test_a_desk_named_after_the_site_in_the_author_tag_is_no_writer() -> None:
    # "Harbor Loft Submissions" in the author tag and the byline of harborloft.example: the site's desk for readers'
    # submissions, whose first words are the site's name; the site is not named after a writer of that name
    html = page(
        "<article><h1>A light loft by the quay</h1><p class='byline'>Harbor Loft Submissions</p>"
        "<p>Readers sent us their loft by the quay, with its tall windows and its old cranes.</p></article>",
        '<meta property="og:site_name" content="Harbor Loft">'
        '<meta name="parsely-author" content="Harbor Loft Submissions">',
        title="A light loft by the quay | Harbor Loft",
    )
    assert analyse_html(html, "https://www.harborloft.example/a-light-loft-23").authors == []
