"""Copyright notices as real pages print them; each line here is invented to reproduce one structure met on them."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.engine.notices import parse_notice
from tests.engine_helpers import page


def holders(text: str) -> list[str] | None:
    parsed = parse_notice(text)
    return parsed[0] if parsed else None


def test_a_date_line_before_a_reservation_mark_is_no_holder() -> None:
    assert holders("Ultimo aggiornamento: 22:07 © RIPRODUZIONE RISERVATA") is None
    assert holders("Harbor Ledger © 2002-2025") == ["Harbor Ledger"]


def test_a_sentence_in_chinese_after_the_mark_is_no_holder() -> None:
    assert holders("Harbor Wire © 2013 非本网站内容Harbor概不负责") == ["Harbor Wire"]
    assert holders("© 2013 Harbor中文网") == ["Harbor中文网"]


def test_a_street_with_its_house_number_then_a_postcode_ends_the_holders() -> None:
    notice = "© Harbour Church Office, Gull-Pier-Gasse 1+3, 1180 Harbourtown, Telefon +43 1 234 56"
    assert holders(notice) == ["Harbour Church Office"]
    assert holders("© 2021 Harbor 24, Ferry Radio") == ["Harbor 24", "Ferry Radio"]


def test_a_building_before_the_street_number_is_the_addresss_first_line() -> None:
    notice = "© 2023 Harbor Media Limited, Quay House, 28 The Strand, Harbourtown, HT9 1DN, United Kingdom."
    assert holders(notice) == ["Harbor Media Limited"]
    assert holders("© 2023 Harbor Media, Quay House") == ["Harbor Media", "Quay House"]  # no address: a holder
    # no street number: a company (its legal form) then a building and the address's further lines
    notice = "Copyright © Harbor Media Group Ltd, Media Centre, Gull Way, Harbourtown. HT9 1DN UK"
    assert holders(notice) == ["Harbor Media Group Ltd"]
    assert holders("© Harbor Media Ltd, Quay House") == ["Harbor Media Ltd", "Quay House"]  # nothing follows it


def test_a_postcode_after_the_holders_full_stop_opens_the_address() -> None:
    notice = "© АО «Гавань». 654321, Приморск, Набережная ул. д. 7, этаж 3, тел. +7 (000) 123-45-67."
    assert holders(notice) == ["АО «Гавань»"]
    assert holders("© Harbor Verlag GmbH. 12345 Harbourtown, Kaistr. 5") == ["Harbor Verlag GmbH"]


def test_a_spanish_one_member_companys_form_stays_with_its_name() -> None:
    # Sociedad Limitada / Anónima Unipersonal: "SLU", "S.A.U." are the company's form, not a second holder
    assert holders("© Harbor Ediciones, SLU Todos los derechos reservados.") == ["Harbor Ediciones, SLU"]
    assert holders("© Harbor Ediciones, S.A.U.") == ["Harbor Ediciones, S.A.U"]


def test_a_company_in_the_footer_lines_next_part_holds_a_notice_of_years_alone() -> None:
    assert holders("© 2024, All Rights Reserved | Harbor Standard Newspapers Limited") == [
        "Harbor Standard Newspapers Limited"
    ]
    assert holders("© 2024, All Rights Reserved | Privacy Policy | Contact") == []  # no company form: a link


def test_the_sites_address_in_the_footer_lines_next_part_holds_a_notice_of_years_alone() -> None:
    # "Copyright © 2013 - 2023 | harborticker.ch": the years, then the site's address as the holder
    assert holders("Copyright © 2013 - 2023 | harborticker.ch") == ["harborticker.ch"]
    assert holders("© 2023 | Impressum | Datenschutz") == []  # link words are no address
    assert holders("© Harbor Ticker | harborticker.ch") == ["Harbor Ticker"]  # a holder named before the bar stands


def test_the_companys_tax_numbers_after_its_name_are_no_holder() -> None:
    assert holders("© 2020 Harbor Ledger - C.F. 01234567890 - P. IVA 09876543210") == ["Harbor Ledger"]
    assert holders("© 2020 Harbor Ledger Srl - Partita IVA 09876543210") == ["Harbor Ledger Srl"]


def test_a_holder_in_another_alphabet_is_a_holder() -> None:
    assert holders("© 2015-2020 Гаваньинформ. Все права соблюдены.") == ["Гаваньинформ"]
    assert holders("© 2020 Λιμάνι Ειδήσεις. Με επιφύλαξη") == ["Λιμάνι Ειδήσεις"]
    assert holders("© 2020 حقوق النشر محفوظة لـ") == []
    assert holders("© 2013 非本网站内容概不负责") == []


def test_a_holder_in_a_script_without_capitals_ends_at_its_full_stop() -> None:
    # Burmese and Hindi letters carry their vowels as combining signs, and the sentence after the holder's stop starts
    # with no capital; a slash in that sentence parts no holders
    assert holders("Copyright © 2019 ဟာဘာ. ပြင်ပ စာမျက်နှာ များ/ လင့် မူဝါဒ.") == ["ဟာဘာ"]
    assert holders("© 2020 हार्बर लेजर. सर्वाधिकार सुरक्षित") == ["हार्बर लेजर"]


def test_a_chinese_holder_before_or_after_the_reservation_that_stands_for_the_mark() -> None:
    assert holders("Copyright (C) 河谷周刊社 2010-2018, All Rights Reserved") == ["河谷周刊社"]
    assert holders("版权所有 河谷周刊社") == ["河谷周刊社"]
    assert holders("版权所有：河谷周刊社") == ["河谷周刊社"]
    assert holders("Copyright © 2024 河谷日报 版权所有") == ["河谷日报"]
    # the holder before "著作權所有", the site's address after the mark
    assert holders("河谷線上公司 著作權所有 © harbor.example All Rights Reserved.") == ["河谷線上公司"]
    assert holders("版权所有 未经许可不得转载") is None  # a reservation's sentence, no name


def test_a_chinese_footer_reservation_names_the_pages_holder() -> None:
    body = "".join(f"<p>河谷大桥的维修工程第{n}段进入冬季施工阶段，工人们日夜赶工。</p>" for n in range(30))
    html = page(f"<h1>河谷大桥维修进入第二个冬天</h1>{body}<footer><p>版权所有 河谷周刊社</p></footer>")
    result = analyse_html(html, "https://harbor.example/2024/bridge.html")
    assert result.copyright.holders == ["河谷周刊社"]
    assert result.reuse.category == "all-rights-reserved"


def test_arabic_rights_reserved_to_a_holder_name_it() -> None:
    assert holders("© جميع الحقوق محفوظة لدار المرفأ للصحافة والطباعة والنشر") == ["دار المرفأ للصحافة والطباعة والنشر"]
    assert holders("www.harbor.example © جميع الحقوق محفوظة لدار المرفأ Powered By X") == ["دار المرفأ"]
    assert holders("© الحقوق محفوظة لمؤسسة أخبار المرفأ 1950 - 2018") == ["مؤسسة أخبار المرفأ"]
    notice = 'جميع الحقوق © محفوظة لـ "دار المرفأ" - و يحظر نشر أي مادة دون إذن مسبق'
    assert holders(notice) == ["دار المرفأ"]


def test_a_sentence_after_a_dash_behind_the_holder_is_not_part_of_it() -> None:
    notice = "© Harbor Ledger - Les contenus, marques, ou logos du site harborledger.example sont soumis à la loi"
    assert holders(notice) == ["Harbor Ledger"]
    assert holders("© 2020 Harbor Wire - Gull Coast Press Agency") == ["Harbor Wire - Gull Coast Press Agency"]


def test_copyright_as_a_link_in_the_footers_list_of_links_is_no_notice() -> None:
    links = "".join(f"<a href='/{n}'>{label}</a> " for n, label in enumerate(["Contact", "Copyright", "Our archive"]))
    html = page(
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
        f"<footer><div class='links'>{links}</div><p>© Harbor Ledger - Les contenus du site sont soumis à la "
        "protection de la propriété intellectuelle.</p></footer>"
    )
    assert analyse_html(html, "https://www.harbor-ledger.example/gulls").copyright.holders == ["Harbor Ledger"]


def test_a_footer_link_to_the_copyright_page_in_more_words_is_no_notice() -> None:
    labels = ["Privacy Policy", "Copyright, Trademark and Patent Information", "Terms of Use"]
    links = "".join(f"<a href='/legal/{n}'>{label}</a> " for n, label in enumerate(labels))
    html = page(
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
        f"<footer><div class='links'>{links}© 1995 - 2015 The Harbor Ledger. All rights reserved.</div></footer>"
    )
    assert analyse_html(html, "https://www.harbor-ledger.example/gulls").copyright.holders == ["The Harbor Ledger"]


def test_a_company_form_after_the_parent_a_notice_describes_is_the_parents() -> None:
    notice = "© Copyright 2018 Harbor Ledger, LLC, a subsidiary of Gull Media Holdings, LLC."
    assert holders(notice) == ["Harbor Ledger, LLC"]
    assert holders("© 2020 Harbor Ledger USA, LLC. All rights reserved") == ["Harbor Ledger USA, LLC"]


def test_the_legal_line_of_the_sites_mega_menu_is_not_the_pages_notice() -> None:
    html = page(
        "<div class='l-mega'><ul class='l-mega__menu'><li><a href='/news'>News</a></li></ul>"
        "<div class='l-mega__block--legal'><p class='l-mega__copyright'>© 2019 Gull Media Holdings</p></div></div>"
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
        "<footer><p>© Copyright 2018 Harbor Ledger, LLC.</p></footer>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.example/gulls")
    assert result.copyright.holders == ["Harbor Ledger, LLC"]


def test_a_copyright_c_typed_in_cyrillic() -> None:
    # the "с" in "(с)" is the Cyrillic letter, typed on a Russian keyboard
    assert holders("Copyright (с) ООО «Гавань Паблишинг», 2019.") == ["ООО «Гавань Паблишинг»"]
    html = page(
        "<article><h1>Чайки вернулись в гавань</h1><p>Чайки вернулись весной, говорят наблюдатели.</p></article>"
        "<footer><p>Главный редактор: Иван Петров</p><p>Copyright (с) ООО «Гавань Паблишинг», 2019.</p></footer>"
    )
    assert analyse_html(html, "https://www.gavan.example/chaiki").copyright.holders == ["ООО «Гавань Паблишинг»"]


def test_a_russian_company_form_and_quotes_bound_a_long_name() -> None:
    # five words in capitals, and a paper's name quoted inside the company's with one closing quote printed; the
    # registration text that follows is no part of the name
    assert holders('© 2006-2019 ООО "ИЗДАТЕЛЬСТВО ГАВАНСКИЙ МЕДИА ДОМ". Все права защищены.') == [
        'ООО "ИЗДАТЕЛЬСТВО ГАВАНСКИЙ МЕДИА ДОМ"'
    ]
    notice = '© ЗАО "Редакция газеты "Вечерняя Гавань" Электронное периодическое издание «Гавань.ру» Зарегистрировано'
    assert holders(notice) == ['ЗАО "Редакция газеты "Вечерняя Гавань"']
    html = page(
        "<article><h1>Чайки вернулись в гавань</h1><p>Чайки вернулись весной, говорят наблюдатели.</p></article>"
        f"<footer><p>{notice} Федеральной службой по надзору в сфере связи.</p></footer>"
    )
    result = analyse_html(html, "https://www.gavan.example/chaiki")
    assert result.copyright.holders == ['ЗАО "Редакция газеты "Вечерняя Гавань"']


def test_a_russian_name_linked_by_its_and() -> None:
    assert holders("© 2014-2019 Гавань ПРЧ и причалов") == ["Гавань ПРЧ и причалов"]


def test_a_description_after_the_holder_is_no_holder_whatever_its_case() -> None:
    notice = "© 2023 Harbor Broadcasting Network, Inc., A nonprofit 501 (c)(3) Charitable Organization."
    assert holders(notice) == ["Harbor Broadcasting Network, Inc"]
    assert holders("© 2023 Harbor Ledger, A Quayside Company. All rights reserved.") == ["Harbor Ledger"]


def test_two_notices_joined_by_the_pages_and_are_two_holders() -> None:
    # a German site's line for itself and the brand it licenses, each with its own mark
    notice = "Copyright © 2019 Hafen Verlag GmbH und © 2019 Gull Media, Inc. Alle Rechte vorbehalten."
    assert holders(notice) == ["Hafen Verlag GmbH", "Gull Media"]
    # a company's own "und" without a second mark stays one name
    assert holders("© 2019 Hafen und Möwe Verlag GmbH") == ["Hafen und Möwe Verlag GmbH"]


def test_a_reservation_without_its_all_after_a_slash_is_no_second_holder() -> None:
    # "Derechos reservados" (no "Todos los") after a slash the footer sets between the holder and the reservation
    assert holders("© Harbor Interactive Inc. / Derechos reservados.") == ["Harbor Interactive Inc"]
    assert holders("© 2020 Porto Harbor / Direitos reservados") == ["Porto Harbor"]


def test_a_site_footers_notice_after_its_logo_is_the_sites_not_a_pictures() -> None:
    body = "".join(
        f"<p>Paragraph {n} of the story about the harbour bridge and its long repair.</p>" for n in range(30)
    )
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><p class='byline'>By Maren Oakes</p>"
        + body
        + '<footer><div class="footer__logo"><img src="/logo.png" alt=""></div>'
        '<div class="footer__copyright">Copyright &copy; Hafen Kluwer Verlag GmbH<br><img src="/group.png"></div>'
        "</footer>"
    )
    assert analyse_html(html, "https://www.hafen.example/story").copyright.holders == ["Hafen Kluwer Verlag GmbH"]


def test_a_swahili_reservation_is_no_holder() -> None:
    # the reservation is no holder; the name closing the line after it is
    assert holders("© 2024, Haki Zote Zimehifadhiwa | Kampuni ya Bandari") == ["Kampuni ya Bandari"]
    assert holders("© 2024, Haki Zote Zimehifadhiwa") == []


def test_a_german_footers_privacy_link_after_the_holder_is_no_part_of_it() -> None:
    assert holders("© 2023 Hafen Welle Datenschutz Impressum Erklärung zur Barrierefreiheit") == ["Hafen Welle"]


def test_a_latin_american_tax_number_or_press_registration_ends_the_holder() -> None:
    assert holders("© 2022 Harbor Ledger RIF J-01234567-8") == ["Harbor Ledger"]
    assert holders("© 2021 Harbor Ledger S.A.C. RUC: 20123456789") == ["Harbor Ledger S.A.C"]
    assert holders("Copyright © 2019 Harbor.com - RNPI En trámite - Issn 1234 5678 Todos los derechos reservados") == [
        "Harbor.com"
    ]
    assert holders("© 2022 Nita Rucker") == ["Nita Rucker"]  # the letters alone, in a name, are no tax number


def test_the_publishers_verb_before_the_holder_is_no_part_of_its_name() -> None:
    # "Edito da" (published by) glued to the linked company's name by the footer's markup
    assert holders("Harbor.it è una testata registrata | © Copyright 2020 | Edito daHarbor Media Srl") == [
        "Harbor Media Srl"
    ]
    # within the notice, the publisher is named beside the holder and holds nothing
    assert holders("© Harbor Holdings Limited 2011, Published by Harbor Publishing Limited") == [
        "Harbor Holdings Limited"
    ]


def test_a_building_on_the_line_after_the_companys_form_opens_its_address() -> None:
    # the footer broke the line after the company, so no comma parts it from the building the address opens with
    notice = "© Harbor Publishing Limited Gull House, The Quayside, Harbourtown HT1 1UA. All rights reserved."
    assert holders(notice) == ["Harbor Publishing Limited"]
    assert holders("© 2024 Harbor Publishing Limited, Gull House") == ["Harbor Publishing Limited", "Gull House"]


def test_a_footer_link_to_the_copyright_compliance_page_is_no_notice() -> None:
    links = "".join(f"<li><a href='/{n}'>{label}</a></li>" for n, label in enumerate(["Terms", "Copyright Compliance"]))
    html = page(
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
        f"<footer><ul>{links}</ul><p>© 2023 Harbor Ledger Interactive, LLC. All rights reserved.</p></footer>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.example/gulls")
    assert result.copyright.holders == ["Harbor Ledger Interactive, LLC"]


def test_a_reservation_written_with_right_in_the_singular_reserves_the_rights() -> None:
    html = page(
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
        "<footer><div class='copyright'>Copyright All Right Reserved</div></footer>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.example/gulls")
    assert result.to_dict()["reuse"]["category"] == "all-rights-reserved"


def test_the_group_two_holders_belong_to_after_them_is_no_third_holder() -> None:
    notice = "™ & © 2024 Gull Studios Inc. and Gull Interactive Inc., Harbor Media companies. All Rights Reserved."
    assert holders(notice) == ["Gull Studios Inc", "Gull Interactive Inc"]
    assert holders("© 2024 Harbor Companies") == ["Harbor Companies"]  # a name, written with its capital
    assert holders("© 2024 Harbor Online and affiliated companies") == ["Harbor Online and affiliated companies"]


def test_the_town_after_the_holder_is_its_seat_not_a_second_holder() -> None:
    assert holders("Copyright 2019 Hafen Verlag, Köln") == ["Hafen Verlag"]
    assert holders("© 2020 HARBOR NEW MEDIA, Düsseldorf") == ["HARBOR NEW MEDIA"]
    assert holders("© 2016 Harbor News, Harbor Op Edge") == ["Harbor News", "Harbor Op Edge"]
    html = page(
        "<article><h1>Möwen kehren zurück</h1><p>Die Möwen sind zurück im Hafen, sagen Zähler.</p></article>"
        "<footer><p>Copyright 2019 Hafen Verlag, Köln</p></footer>"
    )
    assert analyse_html(html, "https://www.hafen.example/moewen").copyright.holders == ["Hafen Verlag"]


def test_a_german_town_named_by_its_river_or_region_after_a_partnership_is_its_seat() -> None:
    # "GmbH & Co. KG, Freiburg im Breisgau": the limited partnership's seat, three words with the small "im"
    assert holders("© 1999-2023, Hafen Verlag GmbH & Co. KG, Freiburg im Breisgau") == ["Hafen Verlag GmbH & Co. KG"]
    assert holders("© Hafen Verlag GmbH, Frankfurt am Main") == ["Hafen Verlag GmbH"]
    assert holders("© Hafen Verlag GmbH, Hafen Medien im Norden") == ["Hafen Verlag GmbH", "Hafen Medien im Norden"]


def test_a_us_town_and_state_after_the_holder_are_its_seat() -> None:
    # no comma between the company and its town; the state's code (and the country) after it
    assert holders("© 2020, Harbor-Bay Broadcast Company Gull Springs, CA USA") == ["Harbor-Bay Broadcast Company"]
    assert holders("© 2020 Harbor Tides LLC Santa Gull, CA 95060") == ["Harbor Tides LLC"]
    # the town as a part of its own
    assert holders("© 2020 Harbor Media Inc., Gull Bay, NY") == ["Harbor Media Inc"]
    assert holders("© 2021 Harbor 24, Ferry Radio") == ["Harbor 24", "Ferry Radio"]


def test_a_unit_or_directions_after_the_holder_are_no_second_holder() -> None:
    # the holder's own department, as a city's notice prints it
    assert holders("© Hafenstadt City, Abteilung Kommunikation") == ["Hafenstadt City"]
    assert holders("© 2020 Harbor University, Department of Tides") == ["Harbor University"]
    # a town, then directions in words: both are where the holder is
    notice = "© 2017 Harbor Friends, Villa Mar de Playa, contiguo al Mercado Central. Todos los derechos reservados"
    assert holders(notice) == ["Harbor Friends"]
    # two holders named side by side stay two; a brand written small after a holder is no directions
    assert holders("© 2021 Harbor 24, Ferry Radio") == ["Harbor 24", "Ferry Radio"]
    assert holders("© 2021 Harbor Media, harbor.example") == ["Harbor Media"]
    # "a division of" names the parent company, no directions
    assert holders("© 2026 Harbor Daily, a division of Harbor Network Inc. All rights reserved") == ["Harbor Network"]


def test_reserved_between_dashes_then_the_holder_then_who_runs_the_site() -> None:
    notice = "Copyright © 2020 - All Rights Reserved - Harbor Observer - Managed by Quaysites.example"
    assert holders(notice) == ["Harbor Observer"]


def test_the_holder_named_in_words_or_as_publisher_before_the_mark() -> None:
    def footer_holders(line: str) -> list[str]:
        html = page(f"<article><h1>Ferry fares</h1><p>The ferry.</p></article><footer>{line}</footer>")
        return list(analyse_html(html, "https://harbor.example/news/ferry").copyright.holders)

    # Bosnian "copyright owner", no mark; a press registration after it
    assert footer_holders("Vlasnik autorskih prava Harbor-roto press d.o.o Luka. ISSN 1234-5678.") == [
        "Harbor-roto press d.o.o Luka"
    ]
    # Hungarian "the publisher of HARBOR is …", just before the mark and its reservation
    assert footer_holders("A HARBOR kiadója a Harbor Media Zrt. © Minden jog fenntartva") == ["Harbor Media Zrt"]
    # a publisher named in a sentence with no mark after it holds nothing
    assert footer_holders("A könyv kiadója a Harbor Kiadó, amely tavaly alakult.") == []


def test_a_reservation_in_any_listed_language_after_the_holder_is_no_part_of_its_name() -> None:
    # the wordings are vocabulary.toml [rights] reservations, one list for the notice reader and the phrase catalogue
    assert holders("© 2024 Harbor Média Kft minden jog fenntartva") == ["Harbor Média Kft"]
    assert holders("© 2024 Harbor Media, всички права запазени") == ["Harbor Media"]
    assert holders("© 2023 Harbor Media tutti i diritti sono riservati") == ["Harbor Media"]


def test_who_built_the_site_after_the_mark_holds_nothing_and_the_name_before_the_mark_does() -> None:
    # "Harbor Today Copyright © 2022 Developed by Quay Labs": the web studio's credit, not a holder
    assert holders("Harbor Today Copyright © 2022 Developed by Quay Labs") == ["Harbor Today"]
    assert holders("© 2022 Harbor Today. Designed by Quay Labs") == ["Harbor Today"]
    assert holders("© 2022 Harbor Today - Built by Quay Labs") == ["Harbor Today"]


def test_rights_reserved_without_all_and_without_a_holder_reserves_them() -> None:
    # Latin American footers: "© Derechos Reservados - Coordinador de Redacción: …", no holder named, still reserved
    for footer in ("© Derechos Reservados - Coordinador de Redacción: Jo Roe", "© Direitos reservados"):
        html = page(f"<article><h1>Ferry fares</h1><p>The ferry.</p></article><footer><p>{footer}</p></footer>")
        assert analyse_html(html, "https://harbor.example/news/ferry").reuse.category == "all-rights-reserved"


def test_rights_reserved_for_a_company_name_it_as_the_holder() -> None:
    notice = "© 2017 Todos los derechos reservados para Grupo Harbor, Costa Azul.Diseño web por Quay Internet"
    assert holders(notice) == ["Grupo Harbor"]
    assert holders("© 2020 Tous droits réservés à Harbor Médias - Mentions légales") == ["Harbor Médias"]


def test_a_footer_link_to_the_picture_rights_is_no_holder() -> None:
    # "Impressum Datenschutz Copyright Bildmaterial Cookie Einstellungen" above the footer's own notice
    assert holders("Copyright Bildmaterial Cookie Einstellungen") is None
    html = page(
        "<article><h1>Ferry fares</h1><p>The ferry.</p></article><footer><ul><li>Impressum</li>"
        "<li>Copyright Bildmaterial</li></ul><p>© 2022 Harbor Verband</p></footer>"
    )
    assert list(analyse_html(html, "https://harbor.example/news/ferry").copyright.holders) == ["Harbor Verband"]


def test_and_contributors_after_the_named_holders_ends_them_without_taking_one() -> None:
    # a documentation generator's footer: "© Copyright YEARS, A, B, and contributors."
    assert holders("© Copyright 2011-2015, Maren Oakes, Tobias Venn, and contributors.") == [
        "Maren Oakes",
        "Tobias Venn",
    ]
    assert holders("© Copyright 2015, Maren Oakes and contributors.") == ["Maren Oakes"]
    assert holders("© 2015 Maren Oakes and others") == ["Maren Oakes"]


def test_a_notice_in_a_menu_is_the_sites_when_the_page_has_no_other() -> None:
    # a slide-out menu's last line, or a link bar the site's class names call a menu, holds the legal line
    for menu in (
        '<div role="dialog"><ul><li>Kontakt</li></ul><div>© Harbor Verlag GmbH 2026. Alle Rechte vorbehalten.</div>',
        '<div class="bottomLinks menuLinks"><ul><li>Sitemap</li></ul><p>Copyright ©2020 Harbor Media Limited.</p>',
    ):
        html = page(f"<article><h1>Ferry fares</h1><p>The ferry.</p></article>{menu}</div>")
        result = analyse_html(html, "https://harbor.example/news/ferry")
        assert list(result.copyright.holders) in (["Harbor Verlag GmbH"], ["Harbor Media Limited"])
        assert result.reuse.category == "all-rights-reserved"
    # the footer's own notice still outweighs the menu's
    html = page(
        "<article><h1>Ferry fares</h1><p>The ferry.</p></article><nav><p>© Quay Menus Ltd</p></nav>"
        "<footer><p>© 2024 Harbor Media Limited</p></footer>"
    )
    assert list(analyse_html(html, "https://harbor.example/news/ferry").copyright.holders) == ["Harbor Media Limited"]


def test_a_country_after_the_holder_is_its_seat_not_a_second_holder() -> None:
    # "Copyright © 2019 Harbor Promotion Agency, Japan（HPA）": the country, then the body's initials in brackets
    assert holders("Copyright © 2019 Harbor Promotion Agency, Japan（HPA） All Rights Reserved.") == [
        "Harbor Promotion Agency"
    ]
    assert holders("© 2020 Harbor Institut, Deutschland") == ["Harbor Institut"]
    assert holders("© 2021 Harbor 24, Ferry Radio (FR)") == ["Harbor 24", "Ferry Radio (FR)"]  # a name, no country


def test_a_copyright_notice_in_the_creator_tag_is_the_rights_not_a_writer() -> None:
    # a CMS fills its Dublin Core creator tag with the site's rights line; split at its "&", "Co. KG" was a writer
    head = '<meta name="dcterms.creator" content="Copyright Harbor-Verlag GmbH & Co. KG - all rights reserved">'
    html = page("<article><h1>Ferry fares</h1><p>The ferry runs again.</p></article>", head)
    result = analyse_html(html, "https://harbor.example/news/ferry")
    assert result.authors == []
    assert list(result.copyright.holders) == ["Harbor-Verlag GmbH & Co. KG"]
    assert result.reuse.category == "all-rights-reserved"
    # a writer's name in the same tag is still the writer
    html = page("<article><h1>Ferry fares</h1><p>The ferry.</p></article>", '<meta name="author" content="Jo Roe">')
    assert analyse_html(html, "https://harbor.example/news/ferry").authors == ["Jo Roe"]


def test_the_rights_reserved_to_a_company_keep_its_forms_stops() -> None:
    assert holders("© 2020 All rights reserved to Harbor Media S.A.") == ["Harbor Media S.A"]
    assert holders("Copyright © 2020 - All rights reserved to Harbor Media S.A. - Av. Central 1") == [
        "Harbor Media S.A"
    ]
    assert holders("© 2019 Todos los derechos reservados a Harbor Editora S.A. de C.V.") == [
        "Harbor Editora S.A. de C.V"
    ]
    notice = "© 2020 Todos los derechos reservados para Grupo Harbor S.A. Prohibida la reproducción"
    assert holders(notice) == ["Grupo Harbor S.A"]
    # the reservation in the sentence after the years
    assert holders("Copyright © 2020. All rights reserved to Harbor Media S.A. Terms of use") == ["Harbor Media S.A"]
    assert holders("© Harbor News, all rights reserved to their respective owners") == ["Harbor News"]


def test_the_registered_sign_typed_for_the_copyright_mark() -> None:
    assert holders("® 2020 Harbor Weekly Publications Inc., All rights reserved.") == ["Harbor Weekly Publications Inc"]
    assert holders("Quay Street 1287, Harbourtown. Copyright ® HARBOR LEDGER S.A. 1918 - 2022") == [
        "HARBOR LEDGER S.A."
    ]
    assert holders("Harbor® is a trademark of Gull Ltd. © 2020 Harbor Media") == ["Harbor Media"]  # a brand's sign
    for notice in ("® 2020 Harbor Weekly Publications Inc., All rights reserved.", "Copyright ® HARBOR LEDGER S.A."):
        html = page(
            "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
            f"<footer><p>{notice}</p></footer>"
        )
        result = analyse_html(html, "https://www.harbor-ledger.example/gulls")
        assert result.copyright.holders[0].startswith(("Harbor Weekly", "HARBOR LEDGER"))


def test_a_name_closing_a_footer_line_after_the_years_and_the_reservation() -> None:
    notice = "© 2024, Haki Zote Zimehifadhiwa | Kampuni ya Bandari ya Pwani"
    assert holders(notice) == ["Kampuni ya Bandari ya Pwani"]
    assert holders("© 2024, All rights reserved | Harbor Printing Company") == ["Harbor Printing Company"]
    # a footer link's label is no holder
    assert holders("© 2024, All rights reserved | Do Not Sell My Personal Information") == []
    assert holders("© 2024, All rights reserved | Terms & Conditions") == []


def test_the_years_and_the_reservation_before_the_holder_with_no_mark() -> None:
    html = page(
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p></article>"
        "<footer><p>2012-2013 Derechos Reservados - EDITORES DEL PUERTO SAS</p></footer>"
    )
    assert analyse_html(html, "https://www.harbor-ledger.example/gulls").copyright.holders == [
        "EDITORES DEL PUERTO SAS"
    ]


def test_the_holder_then_the_reservation_then_the_mark_with_its_years() -> None:
    assert holders("Harbor News Agency. All rights reserved. © 2007 — 2020. Privacy Policy.") == ["Harbor News Agency"]
    notice = "Информационное агентство «Гавань».  Все права защищены. © 2007 — 2020."
    assert holders(notice) == ["Информационное агентство «Гавань»"]
    assert holders("Privacy Policy. All rights reserved. © 2020") == []  # a link's label
    assert holders("We love gulls. All rights reserved. © 2020") == []  # a phrase


def test_a_links_hidden_label_glued_to_the_holders_name_is_no_part_of_it() -> None:
    notice = "© Copyright 2020 Harbor Corporationthis link opens in a new tab. All Rights Reserved."
    assert holders(notice) == ["Harbor Corporation"]
    assert holders("© 2020 Harbor Media (opens in a new window)") == ["Harbor Media"]


def test_a_notice_labelled_as_the_texts_source_beside_a_picture_is_the_pieces() -> None:
    html = page(
        "<article><h1>Gulls return to the harbour</h1><p>Gulls came back this spring, counters said.</p>"
        "<img src='/gulls.jpg' alt=''><div class='news-container'>Textquelle: © Harbor-Ledger.at</div></article>"
        "<footer><p>© 2022 Gull Media Services GmbH</p></footer>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.at/gulls")
    assert result.copyright.holders == ["Harbor-Ledger.at"]


def test_a_registered_associations_description_after_a_dash_is_no_part_of_its_name() -> None:
    # "e.V.", a German registered association's form, ends the holder's name; the description after the dash and
    # the years after it are no part of it
    notice = "© Harbor Riders e.V. - Bundesverband für Pferdesport und Hafenfahrten 1996 - 2022 |"
    assert holders(notice) == ["Harbor Riders e.V."]
    assert holders("© 2020 Harbor Verein e. V. - Alle Rechte vorbehalten") == ["Harbor Verein e. V."]
    # two companies on either side of the dash are two holders' names, kept as the parts give them
    assert holders("© Harbor Media GmbH - Harbor Radio GmbH") != ["Harbor Media GmbH"]


def test_the_name_closing_a_notice_after_a_middle_dot_is_the_holder() -> None:
    # a viral-news site's footer sets its name after the year with a dot; a row of links after one is no holder
    assert holders("Copyright © 2015 · Harbor Buzz") == ["Harbor Buzz"]
    assert holders("© 2015 · Privacy Policy · Terms of Use") == []
    assert holders("© 2019 • WordPress") == []  # the blog's platform, not its holder


def test_a_footer_link_to_the_rights_page_is_no_notice() -> None:
    # "Copyright Notices" between "Terms of Use" and "Privacy Policy": the label of a link, naming no holder
    assert holders("Jobs at Harbor | Contact | Terms of Use | Copyright Notices | Privacy Policy") is None
    assert holders("Copyright & Trademark") is None
    assert holders("Copyright Policy | © 2015 Harbor Ledger LLC") == ["Harbor Ledger LLC"]
    assert holders("Copyright 2015 Harbor Notices Ltd") == ["Harbor Notices Ltd"]
    # the site's holder is then its <meta name="copyright">
    html = page(
        "<article><h1>Gulls return</h1><p>By Dana Pike</p><p>Gulls came back to the harbour this spring.</p>"
        "</article><footer><a href='/terms'>Terms of Use</a> | <a href='/notices'>Copyright Notices</a></footer>",
        '<meta name="Copyright" content="2015 Harbor Ledger Media">',
    )
    assert analyse_html(html, "https://harbor-ledger.example/gulls").copyright.holders == ["Harbor Ledger Media"]


def test_a_holder_whose_company_form_ends_with_a_stop_before_the_mark() -> None:
    # "Harbor Ledger | harborledger.example, inc. © 2012. All rights reserved.": the form's stop ends no sentence,
    # and the footer line's last part before the mark is the holder
    assert holders("Harbor Ledger | harborledger.example, inc. © 2012. All rights reserved.") == [
        "harborledger.example, inc"
    ]
    assert holders("Harbor Media Ltd. © 2015. All rights reserved.") == ["Harbor Media Ltd"]
    assert holders("Read more. © 2015 Harbor Ledger") == ["Harbor Ledger"]
    # a reservation between the name and the mark is skipped, not taken for the holder
    assert holders("Harbor Ledger | All Rights Reserved | Copyright 2023") == ["Harbor Ledger"]
