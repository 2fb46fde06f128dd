"""People and rights holders as pages print them."""

from __future__ import annotations

import pytest

from bot.engine.name_forms import capitalised, labelled_names, surname_first
from bot.engine.names import (
    BylineSplits,
    linked_people,
    looks_like_person,
    smart_case,
    split_byline,
    strip_outlet_suffix,
)
from bot.engine.notices import parse_notice
from bot.engine.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MARCUS ELLERY", "Marcus Ellery"),
        ("MARY O'BRIEN-SMITH", "Mary O'Brien-Smith"),
        ("JOHN DOE JR.", "John Doe Jr."),
        ("JOHN DOE III", "John Doe III"),
        ("Dana deWitt", "Dana deWitt"),
        ("AP", "AP"),
    ],
)
def test_smart_case(raw: str, expected: str) -> None:
    assert smart_case(raw) == expected


@pytest.mark.parametrize(
    "name",
    # a nickname in quotes between the first name and the surname
    ["Jane Doe", "Ludwig van Beethoven", "Maria de la Cruz", "Marcus Ellery", 'Jo "Gull" Oakes', "Jo “Gull” Oakes"],
)
def test_names_that_look_like_people(name: str) -> None:
    assert looks_like_person(name)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Staff",
        '"quoted" words of a sentence',
        "Staff Report",
        "the editors",
        "Senior Reporter",
        "Kommentar von",  # a byline's label: no name ends on a particle
        "Leitender Wirtschaftsredakteur",  # a German job compound
        "Nahost-Korrespondentin",
        "HL-Redaktion",  # a paper's desk by its initials
        "5 min read",
        "https://example.com",
        "jane@example.com",
        "this is a long sentence of lower case words",
        "A" * 70,
    ],
)
def test_things_that_are_not_people(text: str) -> None:
    assert not looks_like_person(text)


def test_byline_with_two_people_and_an_outlet(registry: Registry) -> None:
    people, outlets = split_byline("By Ava Stone and Ben Ruiz | ProPublica", registry, set())
    assert people == ["Ava Stone", "Ben Ruiz"]
    assert outlets == ["ProPublica"]


def test_byline_in_capitals_with_the_wire(registry: Registry) -> None:
    people, outlets = split_byline("By MARCUS ELLERY, Associated Press", registry, set())
    assert people == ["Marcus Ellery"]
    assert outlets == ["Associated Press"]


def test_byline_with_the_outlet_glued_to_the_name(registry: Registry) -> None:
    people, outlets = split_byline("John Smith The Associated Press", registry, set())
    assert people == ["John Smith"]
    assert outlets == ["The Associated Press"]


def test_a_doctors_title_before_the_name_is_no_outlets_initials(registry: Registry) -> None:
    # "Dr." is spelt like the initials of a registered broadcaster (DR); an author box heads its name with it
    people, outlets = split_byline("Dr. Maren Oakes", registry, set())
    assert people == ["Maren Oakes"]  # the title is no part of the name either
    assert outlets == []


def test_byline_outlet_known_only_from_the_page_site_name(registry: Registry) -> None:
    people, outlets = split_byline("By Kim Park, Harbor Ledger", registry, {"harborledger"})
    assert people == ["Kim Park"]
    assert outlets == ["Harbor Ledger"]


def test_byline_drops_parenthesised_roles(registry: Registry) -> None:
    people, _ = split_byline("By Lee Chan (photographer) and Sam Ortiz", registry, set())
    assert people == ["Lee Chan", "Sam Ortiz"]


def test_strip_outlet_suffix(registry: Registry) -> None:
    assert strip_outlet_suffix("John Smith The Associated Press", registry, set()) == (
        "John Smith",
        "The Associated Press",
    )
    assert strip_outlet_suffix("John Smith", registry, set()) == ("John Smith", None)


@pytest.mark.parametrize(
    ("text", "holders", "year"),
    [
        ("Copyright © RT News, RT Op Edge, 2016", ["RT News", "RT Op Edge"], 2016),
        ("© 2024 The Associated Press. All rights reserved.", ["The Associated Press"], 2024),
        ("Copyright 2025 The Associated Press. All rights reserved.", ["The Associated Press"], 2025),
        ("© 2010-2025 Harbor Ledger Inc. All rights reserved", ["Harbor Ledger"], 2025),
        ("(c) 2019 Jane Doe and Ben Ruiz", ["Jane Doe", "Ben Ruiz"], 2019),
        ("A Gray Local Media Station © 2002-2025", ["A Gray Local Media Station"], 2025),
    ],
)
def test_copyright_notice_holders_and_year(text: str, holders: list[str], year: int) -> None:
    parsed = parse_notice(text)
    assert parsed is not None
    assert parsed[0] == holders
    assert parsed[1] == year


def test_notice_is_the_sentence_the_mark_stands_in() -> None:
    parsed = parse_notice("Thanks for reading. © 2024 Harbor Ledger. Subscribe today.")
    assert parsed is not None
    assert parsed[2] == "© 2024 Harbor Ledger"


def test_no_mark_no_notice() -> None:
    assert parse_notice("The weather was fine all week.") is None


def test_author_strings_are_split_like_bylines_and_affiliations_end_the_names() -> None:
    from bot.engine.registry import load_registry

    registry = load_registry()
    assert split_byline("Jane Doe and John Roe, Staff Writers", registry, set())[0] == ["Jane Doe", "John Roe"]
    affiliated = "Elena Marsh, Associate Professor of Fish and Wildlife Conservation, Virginia Tech"
    assert split_byline(affiliated, registry, set())[0] == ["Elena Marsh"]
    # a desk's job after the name ("News Reporter"); before a name, the desk's outlet is no one's first name
    assert split_byline("Jane Doe Travel News Reporter", registry, set())[0] == ["Jane Doe"]
    assert split_byline("Harbourview News Reporter Jane Doe", registry, set())[0] == []


def test_each_person_of_an_affiliation_byline_is_read() -> None:
    from bot.engine.registry import load_registry

    registry = load_registry()
    pairs = "Hannah Lindqvist, University of Edinburgh and Mark Oduya, University of Leeds"
    assert split_byline(pairs, registry, set())[0] == ["Hannah Lindqvist", "Mark Oduya"]
    three = (
        "Ana Ruiz, Professor of Law and Public Policy, Yale University; Tom Bell, Research Fellow, LSE "
        "and Li Wei, PhD Candidate, Tsinghua University"
    )
    assert split_byline(three, registry, set())[0] == ["Ana Ruiz", "Tom Bell", "Li Wei"]
    shared = "Jane Doe and John Roe, Department of Geography, University of Otago"
    assert split_byline(shared, registry, set())[0] == ["Jane Doe", "John Roe"]
    # the "and" inside a field of study is not a second person
    one = "Elena Marsh, Professor of Fish and Wildlife Conservation, Virginia Tech"
    assert split_byline(one, registry, set())[0] == ["Elena Marsh"]
    # a writer's card: the name, then the job title with its beat and the publication, without a comma between
    card = "Noor Haddad Senior Politics Editor, The Harbour Post"
    assert split_byline(card, registry, set())[0] == ["Noor Haddad"]
    # an advocacy group's staff titles, and a project's name with its own commas and "and"
    staff = "By Noor Haddad, Senior Staff Technologist, Rights Speech, Privacy, and Technology Project"
    assert split_byline(staff, registry, set())[0] == ["Noor Haddad"]
    assert split_byline("Ivo Marin, Chief Technologist, Open Roads Coalition", registry, set())[0] == ["Ivo Marin"]


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        # a middle initial is not the Portuguese/Italian "e" or the Spanish "y"
        ("By Corin E. Vallance and Tomas Brill", ["Corin E. Vallance", "Tomas Brill"]),
        ("Odile Y. Marchetti", ["Odile Y. Marchetti"]),
        ("Pietro Sala e Giulia Monti", ["Pietro Sala", "Giulia Monti"]),
        ("Harlan P. Quist, Ph.D.", ["Harlan P. Quist"]),
        # entities escaped twice in the page's metadata
        ("Liam O&#039;Connell", ["Liam O'Connell"]),
        # a surname that is also an outlet's name stays: a person is a first name and a surname
        ("Jane Reuters", ["Jane Reuters"]),
        ("Jane Doe Reuters", ["Jane Doe"]),
    ],
)
def test_bylines_keep_whole_names(byline: str, people: list[str], registry: Registry) -> None:
    assert split_byline(byline, registry, set())[0] == people


@pytest.mark.parametrize(
    "label", ["Author", "Full Bio", "Following", "Senior Editor", "Privacy Policy", "Close", "Chief Technology Officer"]
)
def test_byline_area_labels_are_not_people(label: str) -> None:
    assert not looks_like_person(label)


def test_a_surname_that_is_also_a_label_word_alone_is_still_a_name() -> None:
    assert looks_like_person("Glenda Close")


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By Corin Vallance, Illustrations by Tomas Brill", ["Corin Vallance"]),
        ("Fact checked by Odile Marchetti", []),
        ("By Harlan Quist | Photographs by Ada Vance", ["Harlan Quist"]),
        ("By Ada Vance/Pixel Images", []),
    ],
)
def test_credits_for_pictures_and_checking_are_not_authors(byline: str, people: list[str], registry: Registry) -> None:
    assert split_byline(byline, registry, set())[0] == people


@pytest.mark.parametrize(
    ("byline", "people", "outlets"),
    [
        ("Tomas Brill, Harbor Report", ["Tomas Brill"], ["Harbor Report"]),
        ("Ada Vance | The Valley Journal", ["Ada Vance"], ["The Valley Journal"]),
        ("Corin Vallance VALLEY NEWS NETWORK", ["Corin Vallance"], []),
        ("News Staff", [], ["News Staff"]),
        ("By Tomas Brill and Ada Vance Globe Staff", ["Tomas Brill", "Ada Vance"], []),
        # a newsroom word before "Staff": the two words before it are the magazine, not a first name and surname
        ("By Valley Rider Editorial Staff", [], []),
    ],
)
def test_a_publication_where_a_name_goes_is_an_outlet(
    byline: str, people: list[str], outlets: list[str], registry: Registry
) -> None:
    assert split_byline(byline, registry, set()) == (people, outlets)


def test_a_photographer_and_agency_written_with_a_slash_name_no_writer(registry: Registry) -> None:
    assert split_byline("Odile Marchetti/The Associated Press", registry, set()) == ([], ["The Associated Press"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("ByAva Stone", ["Ava Stone"]), ("PorLuis Gil", ["Luis Gil"]), ("Byron Hale", ["Byron Hale"])],
)
def test_a_byline_opening_word_glued_to_the_name(registry: Registry, raw: str, expected: list[str]) -> None:
    assert split_byline(raw, registry, set())[0] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Autor: Ava Stone", ["Ava Stone"]),
        ("Veröffentlicht von Ava Stone", ["Ava Stone"]),
        ("Kolumne von Ava Stone", ["Ava Stone"]),
        ("MORE FROM Ava Stone", ["Ava Stone"]),
        ("Автор: Ада Стоун", ["Ада Стоун"]),
        ("Ava Dean", ["Ava Dean"]),  # a surname, not a dean's affiliation
    ],
)
def test_labels_before_a_name_in_other_languages(registry: Registry, raw: str, expected: list[str]) -> None:
    assert split_byline(raw, registry, set())[0] == expected


@pytest.mark.parametrize(
    ("raw", "people", "outlets"),
    [
        ("Ava Stone Valley Telegram & Gazette", ["Ava Stone"], ["Valley Telegram & Gazette"]),
        ("Ava E. Stone Harbour Daily Herald", ["Ava E. Stone"], ["Harbour Daily Herald"]),
        ("Ava Stone and Ben Ruiz, Valley News", ["Ava Stone", "Ben Ruiz"], ["Valley News"]),
        # the British form: "for" before the paper (or its edition) is no part of the paper's name
        ("Ava Stone For Harbour Daily Herald Australia", ["Ava Stone"], ["Harbour Daily Herald Australia"]),
    ],
)
def test_a_name_then_the_paper_it_writes_for(
    registry: Registry, raw: str, people: list[str], outlets: list[str]
) -> None:
    assert split_byline(raw, registry, set()) == (people, outlets)


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("Ava Stone 1, Ben Ruiz 2 & Cy Lima", ["Ava Stone", "Ben Ruiz", "Cy Lima"]),  # marks to affiliations
        ("By Ava StoneCity Columnist", ["Ava Stone"]),  # two elements' words run together
        ("Ava MacKenzie and Leo DiCaprio", ["Ava MacKenzie", "Leo DiCaprio"]),
    ],
)
def test_marks_and_glued_words_in_a_byline(registry: Registry, raw: str, people: list[str]) -> None:
    assert split_byline(raw, registry, set())[0] == people


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Stone, Ava", "Ava Stone"),
        ("van Roe, Jo E.", "Jo E. van Roe"),
        ("Ava Stone, Ben Ruiz", "Ava Stone, Ben Ruiz"),
        ("Roe, J.", "J. Roe"),  # initials alone
        ("Berg, Jo van der", "Jo van der Berg"),  # the particle written after the given name
        ("Reuters, AP", "Reuters, AP"),
    ],
)
def test_a_library_records_surname_first(raw: str, expected: str) -> None:
    assert surname_first(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Harbour Valley Foundation",
        "Example Media GmbH, Munich",
        "Landespolizei Nord",
        "Staff Attorney",
        "Valley Program",
    ],
)
def test_companies_public_bodies_and_their_places_are_no_people(registry: Registry, raw: str) -> None:
    assert split_byline(raw, registry, set())[0] == []


def test_a_name_before_its_outlet_keeps_no_full_stop(registry: Registry) -> None:
    assert split_byline("Ava Stone. Valley Press", registry, {"valleypress"}) == (["Ava Stone"], ["Valley Press"])


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("서울 박지수 기자 jisu@example.kr", ["박지수"]),  # place, name, "reporter", e-mail
        ("한빛일보=이도윤 기자, 최서연 기자", ["이도윤", "최서연"]),  # the paper, then each reporter
        ("作者：李小明", ["李小明"]),
        ("责任编辑：王芳", []),  # the editor in charge: a job, no byline
        ("山田花子 2024年03月05日 10時30分", ["山田花子"]),
        ("كتب محمد علي", ["محمد علي"]),
        ("今天天气很好我们去公园", []),  # prose, not a name
        # Chinese writes the job before the name: the outlet before it and the desk after a slash are no names
        ("河谷日报 記者王小明／即時報導", ["王小明"]),
        ("河谷周刊记者 李小红", ["李小红"]),
        ("（记者 张大伟、刘芳芳）", ["张大伟", "刘芳芳"]),
        ("本报记者陈小兰报道", ["陈小兰"]),
        ("河谷快訊／欧阳明珠", ["欧阳明珠"]),  # the desk's flash, a slash, the name
    ],
)
def test_names_in_scripts_without_capitals(registry: Registry, raw: str, people: list[str]) -> None:
    assert split_byline(raw, registry, set())[0] == people


def test_the_verb_after_the_names_is_no_part_of_them(registry: Registry) -> None:
    # Icelandic "skrifa" / "skrifar" (write / writes), the place after it
    assert split_byline("Maren Oakes og Ilse Marrow skrifa", registry, set())[0] == ["Maren Oakes", "Ilse Marrow"]
    assert split_byline("Maren Oakes skrifar frá Ósló", registry, set())[0] == ["Maren Oakes"]


@pytest.mark.parametrize(
    "byline",
    ["By Maren Oakes, Valley News, New Harbour", "Por Maren Oakes, VN2 RB — Porto Claro"],
)
def test_the_place_after_a_bylines_outlet_is_no_writer(registry: Registry, byline: str) -> None:
    assert split_byline(byline, registry, set())[0] == ["Maren Oakes"]


def test_a_name_after_a_joiner_and_an_outlet_is_still_a_writer(registry: Registry) -> None:
    people, _ = split_byline("By Maren Oakes, Valley News and Tobias Venn", registry, set())
    assert people == ["Maren Oakes", "Tobias Venn"]


@pytest.mark.parametrize(
    "byline", ["Maren Oakes (with Tobias Venn and Ilse Marrow)", "Maren Oakes (avec Tobias Venn et Ilse Marrow)"]
)
def test_co_writers_in_parentheses_are_writers(registry: Registry, byline: str) -> None:
    assert split_byline(byline, registry, set())[0] == ["Maren Oakes", "Tobias Venn", "Ilse Marrow"]


@pytest.mark.parametrize(
    "byline",
    ["by Maren Oakes 651", "Maren Oakes 1 day ago", "Maren Oakes vor 2 Stunden", "Maren Oakes 3 hours ago"],
)
def test_a_comment_count_or_a_time_ago_after_the_name_is_no_part_of_it(registry: Registry, byline: str) -> None:
    assert split_byline(byline, registry, set())[0] == ["Maren Oakes"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von: Jo ROE, Al POE", "Jo ROE, Al POE"),
        ("Radio Nord - 12.03.2025 13:15 Uhr Autor/in: Jo Roe", "Jo Roe"),
        ("12/03/2025 - Publicado por: Jo Roe - Categoria: Saúde - Tags: obras", "Jo Roe"),
        ("Auteur : Jo Roe", "Jo Roe"),
        ("By: Jo E. Roe", "Jo E. Roe"),
        ("Edited by: Al Poe", None),  # an editor, not a writer
        ("By Jo Roe", None),  # no label and colon: the opening word's reading (`byline_names`)
        ("Автор:", None),  # the name is in the next element
    ],
)
def test_the_names_a_label_and_colon_open(line: str, names: str | None) -> None:
    assert labelled_names(line) == names


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By by JO ROE, AL POE and ED RAY", ["Jo Roe", "Al Poe", "Ed Ray"]),  # the template's "By" and the name's
        ("By Di Wang", ["Di Wang"]),  # a lead word ("di") that opens the name stays
        ("by Jo Roe (reporting) and Al Poe (photography)", ["Jo Roe"]),
        ("Jo Roe (photos), Al Poe", ["Al Poe"]),
        ("Joana Vale e Pinto", ["Joana Vale e Pinto"]),  # two surnames joined by "e"
        ("Ana Ruiz y Luis Gil", ["Ana Ruiz", "Luis Gil"]),
        ("Trine Holm Ravn og Aka Lund-Berg ", ["Trine Holm Ravn", "Aka Lund-Berg"]),  # Danish and Norwegian "og"
        ("Eva Sjö och Per Lind", ["Eva Sjö", "Per Lind"]),  # Swedish "och"
        ("VRTC - Coordenadoria de TI", []),  # a body's initials and its name
        ("NEWS.EXAMPLE.KZ", []),  # the site's address
        ("From staff reports", []),
    ],
)
def test_bylines_with_a_doubled_lead_other_work_joined_surnames_initials_and_addresses(
    byline: str, people: list[str], registry: Registry
) -> None:
    assert split_byline(byline, registry, set())[0] == people


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("maren oakes", "Maren Oakes"), ("ana de la cruz", "Ana de la Cruz"), ("jdoe", "jdoe"), ("Jo Roe", "Jo Roe")],
)
def test_a_full_name_in_small_letters_is_capitalised(raw: str, expected: str) -> None:
    assert capitalised(raw) == expected


@pytest.mark.parametrize(
    ("labels", "line", "people"),
    [
        (["Jo Roe"], "Jo Roe Harbour policy today 0 Comment", ["Jo Roe"]),
        (["Al Poe"], "Words and photographs by Al Poe", []),  # a link further on is another credit's
        (["Jo Roe"], "Jo Roe Assistant Features Editor", []),  # the editor's line, read as a byline
    ],
)
def test_the_linked_writer_a_byline_line_opens_with(labels: list[str], line: str, people: list[str]) -> None:
    assert linked_people(labels, line) == people


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Jo Roe and Al Poe in New York", ["Jo Roe", "Al Poe"]),  # where they wrote
        ("Jo Roe aus Berlin", ["Jo Roe"]),
        ("Jo Roe | Comment Now!", ["Jo Roe"]),  # a button's words
        ("Valley Daily | Jo Roe", ["Jo Roe"]),  # the partner paper's name
        ("Jo Roe | Palma de Mallorca", ["Jo Roe"]),  # a bar parts the writer from her place
        ("Jo Roe, Al Poe", ["Jo Roe", "Al Poe"]),
        ("Par JO ROE, AL POE Envoyés spéciaux à Toulouse", ["Jo Roe", "Al Poe"]),  # names in capitals, then the rest
    ],
)
def test_places_buttons_and_papers_beside_the_name(byline: str, people: list[str], registry: Registry) -> None:
    assert split_byline(byline, registry, set())[0] == people


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        # the first writer's place between two writers: the second is a writer too
        ("Mara Quell, London, Ilse Marrow", ["Mara Quell", "Ilse Marrow"]),
        # a role, a desk or an outlet there leaves the last part the place the piece comes from
        ("Mara Quell, Correspondent, New York", ["Mara Quell"]),
        ("Mara Quell, Staff, New York", ["Mara Quell"]),
        ("Mara Quell, Reuters, New York", ["Mara Quell"]),
    ],
)
def test_a_place_between_two_writers(registry: Registry, byline: str, people: list[str]) -> None:
    assert split_byline(byline, registry, set())[0] == people


def test_a_page_s_byline_splits_are_split_byline_s_each_text_split_once(registry: Registry) -> None:
    splits = BylineSplits(registry, {"harborledger"})
    first = splits("By Ava Stone and Jo Roe | Harbor Ledger", ["Ava Stone"])
    assert first == split_byline("By Ava Stone and Jo Roe | Harbor Ledger", registry, {"harborledger"}, ["Ava Stone"])
    assert splits("By Ava Stone and Jo Roe | Harbor Ledger", ["Ava Stone"]) is first  # the repeat is not split again
    assert splits("By Ava Stone and Jo Roe | Harbor Ledger", []) == split_byline(
        "By Ava Stone and Jo Roe | Harbor Ledger", registry, {"harborledger"}
    )  # other links' words are another split


def test_an_academic_title_before_a_name_is_no_part_of_it(registry: Registry) -> None:
    people, _ = split_byline("von Dr. Maren Oakes und Prof. Dr. Tobias Venn", registry, set())
    assert people == ["Maren Oakes", "Tobias Venn"]
    assert split_byline("Dr. Oz", registry, set())[0] != ["Oz"]  # a one-word name keeps its title


def test_a_writer_with_an_agency_after_her_name_is_still_the_writer(registry: Registry) -> None:
    # "Von … mit AP": the site's writer, the agency's material worked in; before, the whole byline named no one
    assert split_byline("Von Maren Oakes mit AP", registry, set()) == (["Maren Oakes"], ["AP"])
    assert split_byline("By Maren Oakes with Tobias Venn", registry, set())[0] == ["Maren Oakes", "Tobias Venn"]


def test_a_surname_whose_particle_is_written_on_to_its_capital_is_a_name() -> None:
    # "Dana deQuay", "Lou vanHarbor": the particle glued to the surname's capital, not a lower-case word of prose
    assert looks_like_person("Dana deQuay")
    assert looks_like_person("Lou vanHarbor Pike")
    assert not looks_like_person("eHarbor News")  # a brand's lower-case letter is no particle
    assert not looks_like_person("Dana deals")
