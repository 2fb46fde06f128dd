"""What small sites' footers and credit lines print around a holder's or a source's name (licence names, build
credits, disclaimers, a language), rebuilt small with invented names."""

from __future__ import annotations

import pytest

from bot.engine import analyse_html
from bot.engine.notices import parse_notice
from tests.engine_helpers import page

URL = "https://www.harbor-notes.example/2021/05/deich"
_BODY = "".join(f"<p>Paragraph {n}: the dyke by the harbour is raised before the spring tides.</p>" for n in range(8))


@pytest.mark.parametrize(
    ("notice", "holders"),
    [
        ("© 2008-2020 Creative Commons BY", []),  # the licence, printed where the holder goes
        ("Copyleft © 2002-2016 The Harbor Notes CC-BY-SA.", ["The Harbor Notes"]),
        ("Copyright © CC BY-NC-ND 3.0 DE", []),
        ("© 2007–16 CC BY-NC-SA 2.0 harbornotes | Impressum", ["harbornotes"]),  # the holder after the licence
        ("© 2021 Creative Commons Corporation", ["Creative Commons Corporation"]),  # the body itself
        # a body's name that lists its fields is one holder; a list of holders is still three
        (
            "© 2022 Bundesministerium für Familie, Senioren, Frauen und Jugend",
            ["Bundesministerium für Familie, Senioren, Frauen und Jugend"],
        ),
        ("© 2021 Ministry of Culture, Sports and Tourism", ["Ministry of Culture, Sports and Tourism"]),
        ("© 2020 Harbor Media, Quay Press and Dock News", ["Harbor Media", "Quay Press", "Dock News"]),
        # a sentence after the dash, its commas between small words
        ("© HarborNotes - Neben dem, dem, dem und dem ein weiterer Dienst der HarborSeiten.", ["HarborNotes"]),
        ("© Harbor Digital GmbH 2020 Content Management by Quayware", ["Harbor Digital GmbH"]),
        ("© Harbor Notes - Alle Angaben ohne Gewähr!", ["Harbor Notes"]),
        ("© 2019 HARBOR NOTES TOUS DROITS RESERVES", ["HARBOR NOTES"]),  # capitals without their accents
    ],
)
def test_what_a_footer_prints_after_the_holder_is_no_part_of_it(notice: str, holders: list[str]) -> None:
    parsed = parse_notice(notice)
    assert (parsed[0] if parsed else []) == holders


def test_a_language_where_a_credit_s_name_goes_names_no_original() -> None:
    # a machine translation's note: the original is the site's own article, in another language
    note = "This article has been translated automatically. If in doubt, please read the original version in German."
    html = page(f"<article><h1>The dyke is raised</h1>{_BODY}<p>{note}</p></article>")
    result = analyse_html(html, URL)
    assert not result.republication.is_republication
    assert result.republication.original is None


def test_a_source_line_s_press_release_names_its_sender() -> None:
    line = 'Quelle: <a href="https://www.harbor-stiftung.example/tag-des-deiches/">Pressemitteilung Harbor Stiftung</a>'
    html = page(f"<article><h1>Der Deich wird erhöht</h1>{_BODY}<p>{line}</p></article>")
    original = analyse_html(html, URL).republication.original
    assert original is not None and original.name == "Harbor Stiftung"


def test_a_german_more_button_names_no_agency() -> None:
    # "Mehr" (more) under a writer's box: no credit of Iran's Mehr News Agency
    box = '<div class="author-info__more"><a href="/profile/jo">Mehr</a></div>'
    html = page(f'<article><h1>Der Deich wird erhöht</h1><div class="byline">{box}</div>{_BODY}</article>')
    assert not analyse_html(html, URL).republication.is_republication
