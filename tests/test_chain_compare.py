"""The comparison of a copy's main text with its original's: relations, similarity and the changes named."""

from __future__ import annotations

from bot.chain.compare import compare, headline_changed
from bot.chain.text import Body, body_from_html, body_from_text, style_key, without
from tests.chain_pages import HEADLINE, PARAGRAPHS, PARAGRAPHS_FR, original_page

ORIGINAL = Body(HEADLINE, PARAGRAPHS)


def restyled(text: str) -> str:
    """What a copy desk's house style does: straight quotes, spaced hyphens for dashes, doubled spaces."""
    return text.replace("“", '"').replace("”", '"').replace("’", "'").replace(",", ", ").replace(" — ", " - ")


def test_an_identical_copy_is_verbatim() -> None:
    result = compare(ORIGINAL, Body(HEADLINE, PARAGRAPHS))
    assert (result.relation, result.similarity, result.changes) == ("verbatim", 1.0, [])


def test_quotes_dashes_spacing_and_a_dateline_are_style_not_edits() -> None:
    copy = Body(HEADLINE.upper(), ("ELMSFORD, Nov. 10 (Valley Wire) — " + restyled(PARAGRAPHS[0]),
                                   *map(restyled, PARAGRAPHS[1:])))  # fmt: skip
    assert compare(ORIGINAL, copy).relation == "verbatim"


def test_merged_paragraphs_are_not_an_edit() -> None:
    merged = (PARAGRAPHS[0] + " " + PARAGRAPHS[1], *PARAGRAPHS[2:])
    assert compare(ORIGINAL, Body(HEADLINE, merged)).relation == "verbatim"


def test_cut_paragraphs_are_counted_and_placed() -> None:
    result = compare(ORIGINAL, Body(HEADLINE, PARAGRAPHS[:7]))
    assert result.relation == "edited"
    assert result.changes == ["3 paragraphs cut at the end"]
    assert result.content_edited
    assert 0.6 < result.kept_share < 0.9 and result.copy_share == 1.0


def test_a_paragraph_cut_in_the_middle() -> None:
    result = compare(ORIGINAL, Body(HEADLINE, PARAGRAPHS[:4] + PARAGRAPHS[5:]))
    assert result.changes == ["1 paragraph cut after paragraph 4"]


def test_a_changed_headline_alone_is_an_edit_of_the_headline() -> None:
    result = compare(ORIGINAL, Body("Valley gardeners take to the water", PARAGRAPHS))
    assert (result.relation, result.changes, result.content_edited) == ("edited", ["headline changed"], False)


def test_the_sites_name_after_the_headline_is_not_a_change() -> None:
    assert not headline_changed(HEADLINE, f"{HEADLINE} | The Conversation")
    assert headline_changed(HEADLINE, "Valley gardeners take to the water")


def test_added_paragraphs_and_sentences_and_rewording() -> None:
    added = (
        "The Valley Ledger asked the county for comment on the anchoring rules but had not heard back by press time."
    )
    reworded = PARAGRAPHS[3].replace("a strong current cannot carry them away", "strong currents cannot carry them off")
    extra_sentence = PARAGRAPHS[5] + " Similar rafts have been tried on the lakes to the north."
    copy = Body(HEADLINE, (*PARAGRAPHS[:3], reworded, PARAGRAPHS[4], extra_sentence, *PARAGRAPHS[6:], added))
    result = compare(ORIGINAL, copy)
    assert result.relation == "edited"
    assert result.changes == ["1 paragraph added at the end", "1 sentence added", "1 sentence reworded"]


def test_an_excerpt_says_how_much_of_the_original_it_keeps() -> None:
    result = compare(ORIGINAL, Body(HEADLINE, PARAGRAPHS[:3]))
    assert result.relation == "excerpt"
    assert result.changes == ["32% of the original kept (3 of 10 paragraphs)"]


def test_another_piece_is_different() -> None:
    other = Body("Council approves bus lanes", (
        "The city council approved two new bus lanes on Tuesday after a long debate about parking and deliveries.",
        "Shop owners on the high street had asked for a delay until the end of the holiday season.",
        "The lanes will open in March, and the council will review their effect on traffic after six months.",
    ))  # fmt: skip
    result = compare(ORIGINAL, other)
    assert result.relation == "different" and result.similarity is not None and result.similarity < 0.1


def test_a_translation_is_named_not_scored() -> None:
    result = compare(ORIGINAL, Body("Des jardins flottants", PARAGRAPHS_FR))
    assert result.relation == "translation"
    assert result.similarity is None
    assert result.changes == ["in fr, the original in en"]


def test_style_key_sets_punctuation_and_case_aside() -> None:
    assert style_key("“We lost two harvests,” she said — twice.") == style_key(
        '"we lost two harvests", she said - twice'
    )


def test_the_body_of_a_page_leaves_out_the_headline_and_navigation() -> None:
    body = body_from_html(original_page(), "https://example.org/a/1", HEADLINE)
    assert body.paragraphs[0] == PARAGRAPHS[0]
    assert "Home" not in body.paragraphs
    assert all(style_key(HEADLINE) != style_key(p) for p in body.paragraphs)


def test_pasted_text_and_the_copys_own_credit_line() -> None:
    credit = "This article is republished from The Conversation under a Creative Commons license."
    pasted = "\n\n".join([f"*{HEADLINE}*", *PARAGRAPHS, f"[{credit}](https://example.org/a/1)"])
    body = without(body_from_text(pasted, HEADLINE), [credit])
    assert body.paragraphs == PARAGRAPHS


def test_page_furniture_is_not_an_edit() -> None:
    with_furniture = (*PARAGRAPHS[:3], "Read more: Why river towns flood more often now", *PARAGRAPHS[3:])
    original = without(Body(HEADLINE, with_furniture), [])
    copy = without(Body(HEADLINE, (*PARAGRAPHS[:5], "Advertisement", *PARAGRAPHS[5:])), [])
    assert compare(original, copy).relation == "verbatim"
    long_line = "Read more about the county's plans in the council minutes, which run to " + "many pages " * 12
    assert without(Body(HEADLINE, (long_line,)), []).paragraphs == (long_line,)  # a long paragraph is the story's
