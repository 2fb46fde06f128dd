"""The words of a copyright notice that are no holder's name, and the holder a notice reserves the rights to
("Todos los derechos reservados para Grupo X", "جميع الحقوق محفوظة لدار X"): shared by the notice reader."""

from __future__ import annotations

import re

from bot.engine.vocabulary import one_of

# Letters of the Indic and South-East Asian scripts, which have no capitals, and their vowel signs (combining marks, so
# "ဘီဘီစီ", BBC in Burmese, has no two letters in a row)
CASELESS_SCRIPTS = "\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
IN_ALPHABET = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{CASELESS_SCRIPTS}])")

HOLDER_NOISE = re.compile(
    rf"(?:[-–—]\s*)?\b(?:{one_of('rights', 'reservations')}|some rights reserved|"
    r"opphavsrett|ophavsret|upphovsrätt|urheberrecht|established|founded|"
    # "© 2022 Harbor Today. Developed by Quay Labs": who built the site, never a holder
    r"(?:powered|developed|designed|built|hosted|content management) by|"
    # "© X - Alle Angaben ohne Gewähr": a disclaimer
    r"(?:alle angaben )?ohne gewähr|"
    r"(?:or )?(?:by )?(?:other|third)[ -]part(?:y|ies)|where (?:otherwise )?(?:indicated|noted|stated)|"
    r"copyright|inc\b\.?(?=\s*$)|unless otherwise noted|"
    r"used with permission|the contents? of this|this material|(?:or|and) its (?:affiliated companies|affiliates|"
    r"licensors|subsidiaries)|privacy policy|privacy|terms of (?:use|service)|terms and conditions|cookie policy|"
    r"cookies|contact us|about us|accessibility|legal notice|imprint|impressum|datenschutz\w*|sitemap|advertise|"
    # "Copyright Bildmaterial": a footer link to the site's picture rights, no holder
    r"bildmaterial|bildnachweise?|bildrechte)\b.*$",
    re.I,
)


# "جميع الحقوق محفوظة لدار X": Arabic reserves the rights *to* the holder, whose name follows the preposition "لـ"
# (written on to the name, or apart with a tatweel); the mark may stand anywhere before "محفوظة"
_RESERVED_TO = re.compile(r"(?:(?:جميع\s+)?(?:حقوق النشر|الحقوق)\s+)?محفوظة\s+لـ?\s*(?=[^\sـ])")
_QUOTES = " .\"'«»“”„"
_SPACED_DASH = re.compile(r"(?<!\s)\s+[-–—]\s+")


# "Todos los derechos reservados para Grupo X, Costa Rica", "droits réservés à X": the rights reserved *for* the holder
_RESERVED_FOR = re.compile(
    r"\b(?:(?:derechos|direitos|droits) (?:reservados|réservés) (?:para|a favor de|al?|ao|à)|"
    r"rights (?:are )?reserved (?:to|for|by)) (?=[A-ZÁÉÍÓÚÑ])",
    re.I,
)
_NAME_PART_END = re.compile(r",|\.\s|\s[-–—|]\s")
# "reserved to Harbor Media S.A. de C.V. Prohibida …": the company's form ends the name, its stops and all
_NAME_THEN_FORM = re.compile(
    r"^[^,|]{1,60}?\s(?-i:[A-Z])\.?\s?(?-i:[A-Z])\.(?:\s?(?-i:[A-Z])\.)*(?:\s+de\s+C\.\s?V\b\.?)?(?=[\s,]|$)", re.I
)


def reserved_to(body: str) -> str | None:
    """The holder an Arabic (or Spanish, Portuguese, French, English) notice reserves the rights to; the phrase says
    a name follows, so a long one is a name too ('دار X للصحافة والطباعة والنشر')."""
    if reserved := _RESERVED_FOR.search(body):
        after = body[reserved.end() :]
        formed = _NAME_THEN_FORM.match(after)
        named = (formed[0] if formed else _NAME_PART_END.split(after, maxsplit=1)[0]).strip(_QUOTES)
        return named if 1 <= len(named.split()) <= 6 and named[:1].isupper() else None
    if not (reserved := _RESERVED_TO.search(body)):
        return None
    named = HOLDER_NOISE.sub("", _SPACED_DASH.split(body[reserved.end() :], maxsplit=1)[0]).strip(_QUOTES)
    return named if 1 <= len(named.split()) <= 8 and len(named) <= 80 and IN_ALPHABET.search(named) else None
