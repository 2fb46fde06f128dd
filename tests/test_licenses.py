"""Open licences recognised from their addresses and from the words pages print, named by SPDX id."""

from __future__ import annotations

import pytest

from bot.engine.licenses import Licenses, load_licenses


@pytest.fixture(scope="module")
def licenses() -> Licenses:
    return load_licenses()


@pytest.mark.parametrize(
    ("url", "spdx"),
    [
        ("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0"),
        ("https://creativecommons.org/licenses/by-nd/4.0/", "CC-BY-ND-4.0"),
        ("http://creativecommons.org/licenses/by-nc-nd/3.0/us/", "CC-BY-NC-ND-3.0"),
        ("https://creativecommons.org/licenses/by-sa/2.5/deed.en", "CC-BY-SA-2.5"),
        ("//creativecommons.org/licences/by-nc-sa/4.0/", "CC-BY-NC-SA-4.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", "CC-PDM-1.0"),
        ("https://www.gnu.org/licenses/fdl-1.3.html", "GFDL-1.3-or-later"),
    ],
)
def test_licence_from_its_address(licenses: Licenses, url: str, spdx: str) -> None:
    info = licenses.from_url(url)
    assert info is not None
    assert info.id == spdx


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.com/licenses/by/4.0/",
        "https://creativecommons.org/",
        "https://creativecommons.org/licenses/by-sa-nd/4.0/",  # no such licence: ShareAlike and NoDerivatives clash
        "https://www.gnu.org/licenses/gpl-3.0.html",
    ],
)
def test_addresses_that_are_not_article_licences(licenses: Licenses, url: str | None) -> None:
    assert licenses.from_url(url) is None


@pytest.mark.parametrize(
    ("text", "spdx"),
    [
        ("This work is licensed under CC BY-NC-SA 4.0.", "CC-BY-NC-SA-4.0"),
        ("Licensed CC-BY 4.0", "CC-BY-4.0"),
        ("CC BY-ND 4.0", "CC-BY-ND-4.0"),
        (
            "Licensed under a Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Unported License.",
            "CC-BY-NC-ND-3.0",
        ),
        ("Creative Commons Attribution-ShareAlike 4.0 International", "CC-BY-SA-4.0"),
        ("Creative Commons Attribution 3.0", "CC-BY-3.0"),
        # the two-word elements in lower case keep their meaning: dropping "alike" would drop the share-alike duty
        ("a Creative Commons Attribution-Noncommercial-Share alike 3.0 United States License", "CC-BY-NC-SA-3.0"),
        ("Creative Commons Attribution-Non-commercial-No derivatives 4.0", "CC-BY-NC-ND-4.0"),
        ("published under a Creative Commons license: CC BY-ND", "CC-BY-ND-4.0"),
        # the licence's name written out ("license" after it), and the "(cc)" badge text inside the name
        ("License: Creative Commons Attribution license (reuse allowed)", "CC-BY-4.0"),
        ("ใช้งานได้ตามเงื่อนไข สัญญาอนุญาต Creative Commons (cc) BY-NC กล่าวคือ", "CC-BY-NC-4.0"),
        ("This post is dedicated to the public domain under CC0.", "CC0-1.0"),
        ("Text is available under the GNU Free Documentation License.", "GFDL-1.3-or-later"),
    ],
)
def test_licence_in_words(licenses: Licenses, text: str, spdx: str) -> None:
    found = licenses.from_text(text)
    assert found is not None
    assert found[0].id == spdx


def test_licence_in_words_reports_the_words_it_read(licenses: Licenses) -> None:
    found = licenses.from_text("This work is licensed under CC BY-NC-SA 4.0.")
    assert found is not None
    assert "CC BY-NC-SA 4.0" in found[1]


@pytest.mark.parametrize(
    "text",
    [
        "The photo is cc by the author",
        "The museum's pictures follow Creative Commons attribution rules.",
        "All rights reserved.",
        "",
    ],
)
def test_words_that_name_no_particular_licence(licenses: Licenses, text: str) -> None:
    assert licenses.from_text(text) is None


def test_cc_licence_details(licenses: Licenses) -> None:
    info = licenses.by_id("CC-BY-NC-ND-4.0")
    assert info is not None
    assert info.name == "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International"
    assert info.url == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert info.is_no_derivatives and info.is_non_commercial
    assert any("credit" in c for c in info.conditions)
    assert "no commercial use" in info.restrictions


def test_share_alike_asks_for_the_same_licence(licenses: Licenses) -> None:
    info = licenses.by_id("CC-BY-SA-4.0")
    assert info is not None
    assert any("same licence" in c for c in info.conditions)
    assert not info.is_non_commercial


def test_elements_in_any_order_name_the_same_licence(licenses: Licenses) -> None:
    info = licenses.creative_commons(["ND", "NC"], "3.0")
    assert info is not None
    assert info.id == "CC-BY-NC-ND-3.0"


def test_unknown_version_falls_back_to_four(licenses: Licenses) -> None:
    info = licenses.creative_commons(["BY"], "9.9")
    assert info is not None
    assert info.id == "CC-BY-4.0"


def test_by_id(licenses: Licenses) -> None:
    assert licenses.by_id("cc0-1.0") is not None
    assert licenses.by_id("CC-BY-ND-4.0").id == "CC-BY-ND-4.0"  # type: ignore[union-attr]
    assert licenses.by_id("CC-SA-ND-4.0") is None
    assert licenses.by_id("MIT-ish") is None
    assert licenses.by_id(None) is None


def test_by_id_knows_the_licences_that_look_like_creative_commons_ids(licenses: Licenses) -> None:
    # "CC-PDM-1.0" has the shape of a CC licence id but no licence elements; it is a listed licence of its own
    assert licenses.by_id("CC-PDM-1.0").name == "Public Domain Mark 1.0"  # type: ignore[union-attr]
    assert licenses.by_id("cc-pdm-1.0") is not None
    assert licenses.by_id("CC-ZERO-1.0") is None


def test_open_government_licence_in_words_and_by_address(licenses: Licenses) -> None:
    found = licenses.from_text("All content is available under the Open Government Licence v3.0, except where stated")
    assert found is not None and found[0].id == "OGL-UK-3.0"
    by_url = licenses.from_url("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    assert by_url is not None and by_url.id == "OGL-UK-3.0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the German deeds' names, a port written as its country's name
        (
            "Texte unter einer Creative Commons Namensnennung - Keine Bearbeitung 3.0 Deutschland Lizenz.",
            "CC-BY-ND-3.0-DE",
        ),
        (
            "Lizenz: Creative Commons Namensnennung - Weitergabe unter gleichen Bedingungen 4.0 International",
            "CC-BY-SA-4.0",
        ),
        ("Creative Commons Namensnennung-Nicht kommerziell-Keine Bearbeitungen 3.0", "CC-BY-NC-ND-3.0"),
    ],
)
def test_creative_commons_in_german_words(licenses: Licenses, text: str, expected: str) -> None:
    found = licenses.from_text(text)
    assert found is not None and found[0].id == expected


@pytest.mark.parametrize(
    "text",
    [
        "This article is republished under a Creative Commons license.",
        "Portions of this content are ©1998–2015 by contributors. Content available under a Creative Commons license.",
        "This article is republished from Harbor Review under a Creative Commons license.",
    ],
)
def test_a_creative_commons_licence_that_is_not_named_is_an_open_licence_left_unnamed(
    licenses: Licenses, text: str
) -> None:
    found = licenses.from_text(text)
    assert found is not None and found[0].unstated
    assert any("which Creative Commons licence" in condition for condition in found[0].conditions)


def test_a_named_creative_commons_licence_is_that_licence_wherever_the_sentence_says_it(licenses: Licenses) -> None:
    found = licenses.from_text("Content available under a Creative Commons Attribution-ShareAlike 4.0 license.")
    assert found is not None and found[0].id == "CC-BY-SA-4.0" and not found[0].unstated
