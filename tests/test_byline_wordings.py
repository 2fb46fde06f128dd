"""What a byline's words around the names say, as blogs and small sites print them (German, French, Spanish
WordPress themes, Blogger, licence widgets), rebuilt small with invented names."""

from __future__ import annotations

import pytest

from bot.engine import analyse_html
from bot.engine.document import from_html
from bot.engine.names import looks_like_person
from tests.engine_helpers import page

URL = "https://blog.example.de/2022/12/19/deichbau"
_BODY = "".join(f"<p>Absatz {n}: Der Deich am Hafen wird bis zum Frühjahr erhöht und verstärkt.</p>" for n in range(8))


def _authors(meta_line: str, head: str = "", css: str = "entry-meta") -> list[str]:
    html = page(f'<article><h1>Der Deich wird erhöht</h1><div class="{css}">{meta_line}</div>{_BODY}</article>', head)
    return analyse_html(html, URL).authors


@pytest.mark.parametrize(
    "line",
    [
        "Artikel von Jana Roth",
        "Gepostet von Jana Roth | 3 Kommentare",
        "Eingestellt von Jana Roth um 21:11",
        "Im Wortlaut von Jana Roth",
        "Alles von Jana Roth",
    ],
)
def test_a_german_label_before_the_name_is_no_part_of_it(line: str) -> None:
    assert _authors(line, css="author") == ["Jana Roth"]


@pytest.mark.parametrize(
    "line",
    [
        "Veröffentlicht am 19. Dezember 2022 von Jana Roth",
        # the theme prints the day twice, the second time the last update's
        "Veröffentlicht am 19. Dezember 2022 19. Dezember 2022 von Jana Roth",
        "Publié le 19 décembre 2022 par Jana Roth",
        "Publicado el 19 de diciembre de 2022 por Jana Roth",
        "Posted on December 19, 2022 by Jana Roth",
    ],
)
def test_the_names_after_a_dated_line_s_by_word_in_several_languages(line: str) -> None:
    assert _authors(line) == ["Jana Roth"]


def test_a_bare_desk_after_a_dated_line_names_no_one() -> None:
    assert _authors("Veröffentlicht am 19. Dezember 2022 von Redaktion") == []


def test_a_section_word_left_after_the_name_is_dropped() -> None:
    # "Von <a>Jo</a> In <a>Aktuell</a>": the section's link stands in an element of its own
    line = 'Am 13. November 2019 <span class="meta-author"> Von <a rel="author" href="/author/jana">Jana</a></span> In'
    assert _authors(line) == ["Jana"]


def test_a_name_printed_twice_is_one_writer() -> None:
    # the writer's picture's caption, then the name
    assert _authors("Par Jana Roth Jana Roth") == ["Jana Roth"]


def test_a_job_compound_before_the_name_is_dropped() -> None:
    assert _authors("Autor: Rechtsanwalt Jens Kolbe") == ["Jens Kolbe"]


def test_a_job_compound_then_a_body_is_no_second_writer() -> None:
    assert _authors("Autorin: Jana Roth, Projektleiterin der HSS in Tunesien.") == ["Jana Roth"]


@pytest.mark.parametrize(
    "text",
    [
        "Symbolgrafik:© Ole Brandt",  # a picture's credit
        "Creative Commons Lizenzvertrag",  # a licence badge's alt text, read where a byline widget holds it
        "Creative Commons License",
    ],
)
def test_a_picture_credit_or_a_licence_badge_is_no_person(text: str) -> None:
    assert not looks_like_person(text)


def test_spaces_of_every_kind_in_a_meta_name_are_folded() -> None:
    head = '<meta name="dc.creator" content=" Jana L.\xa0 Roth "><meta name="dc.creator" content="Ole\xa0Brandt">'
    html = page(f"<article><h1>Der Deich wird erhöht</h1>{_BODY}</article>", head)
    assert analyse_html(html, URL).authors == ["Jana L. Roth", "Ole Brandt"]


def _with_comments(comments_title: str) -> str:
    comment = (
        '<li class="comment even depth-1"><div class="comment-body"><div class="comment-author vcard">'
        '<span class="fn">Ole Brandt</span></div><div class="comment-meta commentmetadata">'
        '<a href="#comment-2">22. Juli 2019 at 16:25</a></div><p>Schöner Beitrag!</p></div></li>'
    )
    return page(
        '<article><h2 class="entry-title"><a href="/deichbau">Der Deich wird erhöht</a></h2>'
        f'<div class="entry-meta">Posted on 21. Juli 2019 by Jana Roth</div>{_BODY}</article>'
        f'<div id="comments"><h3 id="comments-title">{comments_title}</h3><ol class="commentlist">{comment}</ol></div>',
        '<meta property="og:title" content="Der Deich wird erhöht">'
        '<meta property="article:published_time" content="2019-07-21T18:02:15+00:00">',
    )


@pytest.mark.parametrize(
    "comments_title",
    [
        "3 Antworten auf <em>Der Deich wird erhöht</em>",  # the headline over the comments: no headline of the page
        "3 Antworten",
    ],
)
def test_a_reader_s_comment_dates_nothing(comments_title: str) -> None:
    result = analyse_html(_with_comments(comments_title), URL)
    assert (result.published or "")[:10] == "2019-07-21"
    assert result.authors == ["Jana Roth"]


def test_the_blog_engines_comment_lists_are_beside_the_article() -> None:
    # the list's own names say what it is: the "comments" heading stands beside it, not around it
    html = _with_comments("3 Antworten").replace('<div id="comments">', '<div class="comment-wrapper"><div>')
    doc = from_html(html.replace('<ol class="commentlist">', '</div><ol class="comment-list">'), URL)
    [comment_day] = [block for block in doc.blocks if block.text.startswith("22. Juli 2019")]
    assert comment_day.region == "aside"


def test_a_caption_s_name_and_day_name_no_writer() -> None:
    caption = "Harbour Bridge Topside Installation 28.04.2014 © Harbour Energy/Ole Brandt"
    html = page(
        f'<article><h1>Der Deich wird erhöht</h1><figure><img src="/a.jpg" alt=""><figcaption>{caption}</figcaption>'
        f"</figure>{_BODY}</article>"
    )
    assert analyse_html(html, URL).authors == []
