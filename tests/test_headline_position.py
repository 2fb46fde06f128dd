"""Finding the headline among a page's text nodes (the date and byline rules start from it), on structures seen on
real pages, rebuilt small with invented words."""

from __future__ import annotations

from lxml import etree

from bot.engine.headline_position import headline_position

MENU = "<ul><li>Start</li><li>Hafen</li><li>Kultur</li></ul>"


def _position(body: str, social: str | None, title: str | None) -> str | None:
    root = etree.fromstring(f"<html><body>{body}</body></html>", etree.HTMLParser())
    body_element = root.find("body")
    nodes = body_element.xpath("descendant::text()")
    texts = [str(node).strip() for node in nodes]
    headings = [" ".join("".join(h.itertext()).split()) for h in body_element.iter("h1")]
    at = headline_position(texts, nodes, social, title, headings)
    return None if at is None else texts[at]


def test_a_title_set_whole_in_a_second_level_heading_under_a_logo_heading() -> None:
    body = f"<h1>Hafenblatt</h1>{MENU}<h2>Kolumne: Lange Nächte im alten Hafen</h2><p>Von Jola Brandt</p>"
    assert _position(body, None, "Kolumne: Lange Nächte im alten Hafen") == "Kolumne: Lange Nächte im alten Hafen"


def test_a_title_typed_with_a_dash_other_than_the_headings() -> None:
    body = f"{MENU}<h2>Kolumne: Ein Wort - zwei Welten am Hafen</h2><p>Von Jola Brandt</p>"
    assert (
        _position(body, None, "Kolumne: Ein Wort – zwei Welten am Hafen") == "Kolumne: Ein Wort - zwei Welten am Hafen"
    )


def test_a_heading_whose_words_stand_in_several_elements() -> None:
    body = f"{MENU}<h1><span>Strombremse – Abgabe</span>: Regierung drosselt Windkraft, Branche klagt</h1><p>Text</p>"
    social = "Strombremse, Abgabe: Regierung drosselt Windkraft"
    assert _position(body, social, None) == "Strombremse – Abgabe"


def test_a_logo_heading_with_a_badge_is_not_the_headline_of_a_chapter_page() -> None:
    body = (
        "<h1>Archiv der Geschichten <sup>beta</sup></h1>"
        + MENU
        + "<h2>Eine lange Geschichte vom Meer</h2><h3>Kapitel 1</h3><p>Es war einmal.</p>"
    )
    title = "Eine lange Geschichte vom Meer - Kapitel 1 - Seewolf | Archiv der Geschichten"
    assert _position(body, None, title) == "Eine lange Geschichte vom Meer"


def test_a_page_with_no_text_of_its_title_has_no_headline() -> None:
    assert _position(f"{MENU}<p>Nur ein Absatz ohne Titel.</p>", "Ein ganz anderer Titel hier", None) is None
