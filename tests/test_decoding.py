"""Bytes to text: the HTTP header's charset, then the page's own declaration, then detection; binary refused."""

from __future__ import annotations

import codecs
import re

import pytest

from bot.fetch.decoding import NotText, decode, looks_binary, sniff_binary_kind

NAMES = "Zoë Núñez and François Müller"


def html_bytes(text: str, encoding: str, declared: str | None = None) -> bytes:
    meta = f'<meta charset="{declared}">' if declared else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>By {text}</p></body></html>".encode(encoding)


def test_plain_utf8_without_declaration() -> None:
    decoded = decode(html_bytes(NAMES, "utf-8"))
    assert NAMES in decoded.text
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == []


def test_meta_charset_is_used_when_there_is_no_header() -> None:
    decoded = decode(html_bytes(NAMES, "cp1252", declared="windows-1252"))
    assert NAMES in decoded.text
    assert decoded.encoding == "cp1252"


def test_xml_declaration_names_the_charset() -> None:
    data = f'<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>{NAMES}</p></body></html>'.encode("latin-1")
    assert NAMES in decode(data).text


def test_header_charset_wins_over_the_page() -> None:
    data = html_bytes("Страница новостей", "koi8_r", declared="utf-8")
    decoded = decode(data, "koi8-r")
    assert "Страница новостей" in decoded.text
    assert decoded.encoding == "koi8-r"


def test_unknown_header_charset_is_ignored() -> None:
    decoded = decode(html_bytes(NAMES, "cp1252", declared="windows-1252"), "x-no-such-charset")
    assert NAMES in decoded.text


@pytest.mark.parametrize("declared", ["iso-8859-1", "iso-8859-15"])
def test_latin1_declared_but_utf8_served_decodes_as_utf8_with_a_warning(declared: str) -> None:
    data = html_bytes(NAMES, "utf-8", declared=declared)
    decoded = decode(data)
    assert NAMES in decoded.text
    assert "Ã" not in decoded.text
    assert decoded.encoding == "utf-8"
    assert len(decoded.warnings) == 1 and "UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize(
    ("declared", "text"),
    [("ISO-8859-2", "Zofia Żółkiewska-Łęcka"), ("windows-1251", "Пётр Иванович Смирнов"), ("koi8-r", "Ольга Жукова")],
)
def test_other_one_byte_charset_declared_but_utf8_served_decodes_as_utf8(declared: str, text: str) -> None:
    decoded = decode(html_bytes(text, "utf-8", declared=declared))
    assert text in decoded.text
    assert decoded.encoding == "utf-8"
    assert len(decoded.warnings) == 1


def test_one_byte_charset_that_is_really_used_still_wins() -> None:
    decoded = decode(html_bytes("Zofia Żółkiewska-Łęcka", "iso-8859-2", declared="ISO-8859-2"))
    assert "Zofia Żółkiewska-Łęcka" in decoded.text
    assert decoded.encoding == "iso8859-2"


def test_multibyte_declaration_is_not_second_guessed() -> None:
    decoded = decode(html_bytes("東京の記者", "shift_jis", declared="Shift_JIS"))
    assert "東京の記者" in decoded.text


def test_latin1_header_but_utf8_body_decodes_as_utf8() -> None:
    decoded = decode(html_bytes(NAMES, "utf-8"), "ISO-8859-1")
    assert NAMES in decoded.text
    assert decoded.encoding == "utf-8"


def test_undeclared_windows_1252_is_detected() -> None:
    text = (
        "Le président François Müller a déclaré à l'Assemblée que la réforme des retraites serait adoptée "
        "après un débat très animé. Zoë Núñez, députée, a répondu que les élèves et les ouvriers méritaient mieux."
    )
    decoded = decode(text.encode("cp1252"), html=False)
    assert decoded.text == text
    assert decoded.warnings  # the guess is said out loud


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    data = bom + f"By {NAMES}\nThe story.".encode(encoding)
    decoded = decode(data, html=False)
    assert decoded.text.startswith(f"By {NAMES}")  # the mark itself is not text
    assert "\ufeff" not in decoded.text


def test_bom_wins_over_a_wrong_declaration() -> None:
    data = codecs.BOM_UTF8 + html_bytes(NAMES, "utf-8", declared="windows-1252")
    assert NAMES in decode(data).text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (or an Office document)"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
    ],
)
def test_binary_formats_are_refused_by_name(data: bytes, kind: str) -> None:
    assert sniff_binary_kind(data) == kind
    with pytest.raises(NotText, match=re.escape(kind)):
        decode(data)


def test_nul_bytes_mean_binary() -> None:
    data = b"Some words\x00\x00\x00 and more words"
    assert looks_binary(data)
    with pytest.raises(NotText, match="binary"):
        decode(data, html=False)


def test_many_control_bytes_mean_binary() -> None:
    data = bytes(range(1, 9)) * 20 + b"text"
    assert looks_binary(data)


def test_ordinary_text_is_not_binary() -> None:
    assert not looks_binary(b"Line one\r\nLine two\tindented\x0cnext page\n")
    assert not looks_binary(b"")
    assert not looks_binary(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le"))  # its zero bytes are text


def test_undeclared_windows_1252_page_with_spanish_and_french_names() -> None:
    """The HTML standard's default for an undeclared legacy page is windows-1252; ñ must not become ń (cp1250)."""
    html = (
        "<html><head><title>Réforme</title></head><body><h1>La réforme des retraites</h1>"
        "<p>By Zoë Núñez and François Müller</p><p>Le président a parlé – « c’est fini ».</p></body></html>"
    )
    decoded = decode(html.encode("cp1252"))
    assert "Zoë Núñez and François Müller" in decoded.text
    assert "« c’est fini »" in decoded.text
