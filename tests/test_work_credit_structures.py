"""Licence tags that close a line crediting someone's work (a track, a photo) to its maker: the work's licence, not
the article's. Each page here is invented to reproduce a structure met on real pages."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.engine.signals.rights import credits_a_work
from tests.engine_helpers import ledger_page, paragraphs

BY = "https://creativecommons.org/licenses/by/3.0/"
FOOTER = "<p>© 2016 - 2020 Harbor Audio GmbH</p>"


def test_a_podcasts_music_credits_license_the_tracks_not_the_episode() -> None:
    # "Credits: Maker – Title (CC BY)", one line a track, the licence a link
    credits = "".join(
        f"<p>Birch Fields – {title} (<a href='{BY}'>CC BY</a>)</p>" for title in ("prismatic", "round 1", "ergo")
    )
    result = analyse_html(ledger_page(paragraphs(4) + credits, FOOTER), "https://harbor.example/episode-48/")
    assert result.reuse.license is None
    assert result.reuse.category == "all-rights-reserved"


def test_photo_titles_credited_to_their_makers_in_plain_text_license_the_photos() -> None:
    credits = "<p>Harbour Lights von Kim Park CC BY 2.0</p><p>Pier at Dawn von Ola Nord CC BY 2.0</p>"
    result = analyse_html(ledger_page(paragraphs(4) + credits, FOOTER), "https://harbor.example/news/lights/")
    assert result.reuse.license is None


def test_the_articles_own_text_credit_keeps_its_licence() -> None:
    credit = "<p>Text by Jo Roe, CC BY 4.0</p>"
    result = analyse_html(ledger_page(paragraphs(4) + credit, FOOTER), "https://harbor.example/news/lights/")
    assert result.reuse.license is not None
    assert result.reuse.license.id == "CC-BY-4.0"


def test_a_line_that_licenses_something_in_words_is_no_bare_credit() -> None:
    assert credits_a_work("Harbour Lights von Kim Park CC BY 2.0", "CC BY 2.0")
    assert credits_a_work("Birch Fields – prismatic (CC BY)", "CC BY")
    assert not credits_a_work("Harbor Ledger by Jo Roe is licensed under CC BY 4.0", "CC BY 4.0")
    assert not credits_a_work("Dieser Beitrag von Jo Roe steht unter CC BY 4.0", "CC BY 4.0")
    assert not credits_a_work("Story by Jo Roe CC BY 4.0", "CC BY 4.0")
    assert not credits_a_work("Kim Park CC BY 2.0 for the rest of the day", "CC BY 2.0")
