"""The head of an article: its headline (for pasted text), byline, reporting line ("(Reporting by …; Editing
by …)"), the author line under a The Conversation headline, and date lines ("Published: Feb. 18, 2025").
"""

from __future__ import annotations

import re

from bot.engine.dates import (
    MONTH_NAMES,
    NUMERIC_DATE,
    WORD_DATE,
    short_year_dates,
)
from bot.engine.document import Block
from bot.engine.domains import looks_like_domain
from bot.engine.facts import Credit, Fact, snippet
from bot.engine.handles import handle_facts
from bot.engine.handles import marked_as_handle_only as only_handle
from bot.engine.markup import is_author_href
from bot.engine.name_forms import caseless_name, labelled_names, names_after_dated_by, opens_with_role_after
from bot.engine.names import (
    BylineSplits,
    affiliated_names,
    as_linked,
    linked_people,
    looks_like_person,
    smart_case,
    split_byline,
)
from bot.engine.other_credits import NAME_SLASH_OUTLET
from bot.engine.regions import MARGINS, name_fragments
from bot.engine.registry import name_key
from bot.engine.signals.bylines import article_bylines, is_own_newsroom_with, reporting_line
from bot.engine.signals.context import Context
from bot.engine.signals.date_line import placed_date_line
from bot.engine.signals.passages import is_media_credit, near_top, readable
from bot.engine.vocabulary import one_of
from bot.engine.weights import WEIGHT

# Weekday names and abbreviations in the languages dates come in ("Do, 12. März 2026", "jeudi 12 mars 2026")
_WEEKDAY_WORDS = one_of("weekdays", "english", "names")
_WEEKDAY_SHORT = one_of("weekdays", "short")
_WEEKDAY = re.compile(
    rf"\b(?:{_WEEKDAY_WORDS})\b|\b(?:{_WEEKDAY_SHORT})\.?(?=,|\s+\d|\s+(?:{MONTH_NAMES})\b)",
    re.I,
)
# The Conversation's author line under the headline: "Jane Doe, University of Somewhere"
_AUTHOR_AFFILIATION = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}), (?P<org>[A-Z][^.!?]{3,90})$")

_READING_TIME = re.compile(
    rf"\b\d+\s*(?:-\s*)?(?:{one_of('bylines', 'reading_time_units')})\s+(?:{one_of('bylines', 'reading_time')})\b", re.I
)
# a machine date as a <time> element prints it in a byline ("2019-11-18T22:05:36Z")
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?")
_DATE_WORD_AND_REST = re.compile(rf"\b(?:{one_of('bylines', 'date_labels')})\b(?!\s+by\b).*$", re.I)
# "Posted on 28. Juli 2019 (Author) Jo Roe": the byline's element opens with its day (already replaced by "|"), the
# writer after it, perhaps after a label that a WordPress theme prints for screen readers only
_OPENING_DATE_LINE = re.compile(
    rf"^\s*(?:{one_of('bylines', 'date_labels')})(?:\s+\w{{1,3}})?\s*(?:\|\s*)+"
    rf"(?:(?:{one_of('bylines', 'labels')})\s*:?\s+)?",
    re.I,
)
# "… Jo Roe 4 Kommentare": the comment count the theme prints after the writer's name
_COMMENT_COUNT = re.compile(rf"\s+\d+\s+(?:{one_of('names', 'labels')})$", re.I)
_TIME_AND_REST = re.compile(r"\b\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?.*$", re.I)
_TRAILING_AT = re.compile(rf"\s+(?:{one_of('bylines', 'before_time')})\s*$")
_BYLINE_CSS = re.compile(name_fragments("byline"), re.I)
_BIOGRAPHY_CSS = re.compile(name_fragments("biography"), re.I)
# the writer's social handle after her name, glued or spaced ("Jo Roe@joroe"); an e-mail address goes on, stays
_HANDLE = re.compile(r"(?<![\w.+-])@[A-Za-z0-9_]{2,15}\b(?![.@])|(?<=[a-z])@[A-Za-z0-9_]{2,15}\b(?![.@])")
# "By Jo Roe", "作者：春春", and with a colon typed after the word ("Por: Jo Roe", "Von: Jo Roe")
_BYLINE_START = re.compile(
    rf"^(?:{one_of('bylines', 'starts')})(?!\s*:?\s+(?:{one_of('bylines', 'not_names_next')})\b)"
    r"(?::?\s+|\s*[：︱｜]\s*)\S",
    re.I,
)
# "erstellt von Jo", "Posted by: jroe": any byline's opening word, before a pen name in the byline's own element
_LEAD_START = re.compile(rf"^(?:{one_of('bylines', 'leads')})(?::?\s+|\s*[：︱｜]\s*)\S", re.I)
# "Interview mit Jo Roe", "Interview with Jo Roe": the line names whom the piece interviews
_INTERVIEW_WITH = re.compile(rf"^\s*interview\s+(?:{one_of('bylines', 'with_words')})\s", re.I)
# "by 23 people" under a recipe's stars: a tally of who rated it, whose counted word is no pen name
_TALLY = re.compile(rf"^\s*(?:{one_of('bylines', 'starts')})\s+\d[\d,.]*\s+(?:{one_of('bylines', 'counted')})\b", re.I)
# "von Künstlern, Bands, DJs, die …": a line of prose listing things, each one word, after the opening word
_WORD_LIST = re.compile(r"^\S+(?:\s+\S+)*?\s+[^\W\d_]+(?:,\s*[^\W\d_]+){2,}(?:\s*,|\s+\w+\s+\w)")
# "Disko Von" with the names in the next element: the words before a closing "Von" are the section's, no name
_ENDS_WITH_LEAD = re.compile(rf"\s(?:{one_of('bylines', 'starts')})\s*[:：]?$", re.I)

# Pasted text's head: a site's name and tagline, section trails, and lines that are never the headline
_TAGLINE = re.compile(r"\s+[—–|-]\s+.*$")  # "Eurasia Wire Digest — your daily round-up …"
_MASTHEAD_WORDS = re.compile(r"[^\W\d_][\w&.'’ -]*")
# "Home › Politics", "News / Economy", "NATIONAL / SOCIAL ISSUES", "Opinion | Guest Essay": a section trail
_BREADCRUMB = re.compile(r"\S\s*[›»]\s*\S|\S \> \S|^[^/]{1,30}(?: / [^/]{1,30})+$|^[^|]{1,20}(?: \| [^|]{1,20})+$")
# pasted along, never the headline: e-mail headers, forward markers, chat lines "Name, [12.02.2025 21:47]", "[Forwarded"
_NOT_HEADLINE = re.compile(
    rf"^(?:{one_of('pasted', 'header_labels')})\s*:|{one_of('pasted', 'forwarded')}|"
    rf"^\[(?:{one_of('pasted', 'forwarded_from')})\b"
    r"|\[\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d\d(?::\d\d)?\]$",
    re.I,
)


def _is_kicker(text: str) -> bool:
    return len(text) <= 30 and len(text.split()) <= 3 and not text.endswith((".", "!", "?"))


def _is_masthead_words(text: str) -> bool:
    return _is_kicker(text) and bool(_MASTHEAD_WORDS.fullmatch(text))


def _is_masthead(text: str, context: Context) -> bool:
    """A pasted page's first lines may be its site's name ('U.S. News & World Report', 'GOV.UK')."""
    return context.registry.by_name(text) is not None or (" " not in text and looks_like_domain(text))


def _is_title_like(text: str) -> bool:
    return len(text.split()) >= 3 and len(text) < 200 and not text.endswith((".", ":", ",", ";"))


def _headline(blocks: list[Block], context: Context) -> Block | None:
    """Pasted text opens with its headline (perhaps after a chat line, the site's name, a breadcrumb, a byline or a
    date line): a heading (Markdown "#" or a bold line), the title-like line just above the byline, or the first
    short line that isn't prose."""
    top = blocks[:15]
    if heading := next((b for b in top[:6] if b.tag == "h1"), None):
        return heading
    for index, block in enumerate(top[1:], start=1):
        if _BYLINE_START.match(block.text):
            above = [b for b in top[max(0, index - 3) : index] if not (len(b.text) <= 40 and WORD_DATE.search(b.text))]
            candidate = above[-1].text if above else ""
            not_a_title = _NOT_HEADLINE.search(candidate) or _BREADCRUMB.search(candidate)
            if _is_title_like(candidate) and not not_a_title and not _is_masthead(candidate, context):
                return above[-1]
            break
    for index, block in enumerate(blocks[:6]):
        text = block.text
        if _BYLINE_START.match(text) or (len(text) <= 40 and WORD_DATE.search(text)):
            continue
        if _BREADCRUMB.search(text) or _NOT_HEADLINE.search(text) or (index <= 1 and _is_masthead(text, context)):
            continue
        tagline = _TAGLINE.search(text) if index == 0 else None
        if tagline and _is_masthead_words(text[: tagline.start()]) and tagline.group(0).lstrip(" —–|-")[:1].islower():
            continue  # "Eurasia Wire Digest — your daily round-up …": the site's name and tagline
        following = blocks[index + 1 : index + 4]
        longer_next = bool(following) and len(following[0].text.split()) >= 4
        if _is_kicker(text) and (
            longer_next or any(len(b.text.split()) >= 4 and _is_title_like(b.text) for b in following)
        ):
            continue  # "Sociedad", "Mint", a site's or newsletter's name: the label above the headline
        if block.tag == "h1":
            return block
        if len(text) >= 200 or index + 1 >= len(blocks):
            return None
        if not text.endswith((".", "!", "?", ":")):
            return block
        words = [w for w in text.split() if w[:1].isalpha()]
        capitalised = sum(1 for w in words if w[0].isupper())
        next_text = blocks[index + 1].text
        is_title = capitalised >= 0.6 * len(words) or bool(_BYLINE_START.match(next_text))
        return block if is_title else None
    return None


# what copying a page drags along after an author's name: "Lena Marchand  |  Share  Save"
_SHARE_DEBRIS = re.compile(rf"(?:\s*[|·•]?\s*\b(?:{one_of('bylines', 'buttons')})\b)+\s*$", re.I)
_FULL_NAME = r"(?-i:[A-Z])[\w.'’-]+(?: (?-i:[A-Z])[\w.'’-]+){1,3}"
_NAMES_LINE = re.compile(rf"^{_FULL_NAME}(?:(?:,| and| &) {_FULL_NAME})+$")
_NAME_LINE = re.compile(rf"^{_FULL_NAME}$")


def _name_line(block: Block, context: Context) -> list[Fact]:
    """A byline without 'By': the authors' names alone on the line under a pasted headline or above its date
    ("Sarah Jones", "Dana Whitfield and Marcus Oyelaran")."""
    text = _SHARE_DEBRIS.sub("", block.text).strip()
    if _NAMES_LINE.match(text):
        people, outlets = split_byline(text, context.registry, set())
        if not outlets and len(people) >= 2 and all(len(p.split()) >= 2 for p in people):
            return [Fact("author", p, "text", snippet(text, 160), WEIGHT.slight, block.region) for p in people]
    if not _NAME_LINE.match(text) or _BYLINE_START.match(text) or context.registry.by_name(text):
        return []
    if not looks_like_person(text):
        return []
    return [Fact("author", text, "text", snippet(text, 160), WEIGHT.slight, block.region)]


def _affiliation_line(block: Block, context: Context, extra_names: set[str]) -> list[Fact]:
    match = _AUTHOR_AFFILIATION.match(block.text)
    if not match or _BYLINE_START.match(block.text) or WORD_DATE.search(block.text):
        return []
    if context.registry.by_name(match["name"]) or not looks_like_person(match["name"]):
        return []
    names = affiliated_names(block.text)
    if match["name"] not in names[:1]:
        names = [match["name"]]
    return [Fact("author", name, "text", snippet(block.text, 160), WEIGHT.weak, block.region) for name in names]


def _links_a_writer(block: Block) -> bool:
    return block.tag != "figcaption" and any(is_author_href(link.href, link.rel) for link in block.links)


def _byline(context: Context, block: Block, splits: BylineSplits) -> list[Fact]:
    labelled = ("byline" in block.hints and labelled_names(block.text)) or names_after_dated_by(block.text, WORD_DATE)
    text = labelled or block.text
    is_by = labelled or _BYLINE_START.match(text.lstrip()) or opens_with_role_after(text)
    marked = "byline_markup" in block.hints or _BYLINE_CSS.search(block.css)
    if len(text) > 160 or not (is_by or marked) or (not is_by and _BIOGRAPHY_CSS.search(block.css)):
        return []
    if _ENDS_WITH_LEAD.search(text) or (not is_by and len(text) <= 3 and "avatar" in block.css.lower()):
        return []  # "Disko Von"; a writer's avatar drawn as their initials ("PA"), not an agency
    if _TALLY.match(text):
        return []
    if _INTERVIEW_WITH.match(text) or (is_by and not marked and _WORD_LIST.match(text)):
        return []  # "Interview mit Jo Roe": the person the piece talks to, not its writer
    if not marked and [(ln.text, ln.href[:1] in "#") for ln in block.links] == [(block.text, False)]:
        return []  # "<li><a href="/shows/any-means">By Any Means Necessary</a></li>": a link's title, no byline
    if not is_by and is_media_credit(block) and not _links_a_writer(block):
        # a picture's caption ("… in Madrid. EFE/ J.J. Guillén") names its photographer and agency; a block whose
        # class names a picture ("author-image-row") around a link to the writer's page is the byline
        return []
    # a date between two names parts them: "Valley Daily 9/21/2016 Jo Roe" (the outlet's, then the writer's)
    text = NUMERIC_DATE.sub(" | ", WORD_DATE.sub(" | ", _ISO_DATE.sub(" ", text) if "-" in text else text))
    text = _READING_TIME.sub(" ", _HANDLE.sub(" ", text))
    text = _WEEKDAY.sub(" ", text)
    text = _TIME_AND_REST.sub("", _DATE_WORD_AND_REST.sub("", _OPENING_DATE_LINE.sub("", text))).rstrip(" ,;|")
    text = _COMMENT_COUNT.sub("", text)
    for _ in range(2):  # "Posted by Jo Roe at 7:42", "on Monday, …"
        text = _TRAILING_AT.sub("", text).rstrip(" ,;|")
    people, outlets = splits(text, [link.text for link in block.links])
    if not people and marked and (slashed := NAME_SLASH_OUTLET.match(text)) and slashed["outlet"] in outlets:
        # "Jo Roe/SP-X" in the byline's own element: German bylines glue the wire to its writer's name with a
        # slash; in a picture's caption (kept out above) "Jo Roe/The Canadian Press" names the photographer
        writer = text[: slashed.start("outlet")].rstrip(" /")
        people = [writer] if looks_like_person(writer) else []
    # a name is a first name and a surname at least: one word alone in a byline-classed element is a label
    # ("Close", "Twitter"); after "By" it is a pen name ("by MrPixelfox")
    # ("<h2>Von Risiken und Nebenwirkungen</h2>": a section heading's one words are nouns, no pen names)
    pen_names = (is_by or (marked and _LEAD_START.match(block.text.lstrip()))) and block.tag not in _SUBHEADINGS
    people = [p for p in people if pen_names or len(p.split()) >= 2 or caseless_name(p.split())]
    if block.links:  # "Jo Roe Madrid" where only "Jo Roe" is linked; "Jo Roe Science 0 Comments" linking her page
        writers = [link.text for link in block.links if is_author_href(link.href, link.rel)]
        labels = [link.text for link in block.links]
        # (the line may open with the post's date, linked to the post: "26. September 2019 Jo Roe Leave a comment")
        undated = text.lstrip(" |,;")
        people = [part for p in people for part in as_linked(p, labels)] or linked_people(writers, block.text)
        people = people or linked_people(writers, undated)
    facts = [Fact("author", p, "text", snippet(block.text, 160), WEIGHT.plain, block.region) for p in people]
    if not people and not outlets:
        facts += handle_facts(block)
    own_piece = bool(outlets) and is_own_newsroom_with(text, context.registry, context.page_url, splits.extra_names)
    for outlet in outlets:
        entry, line = context.registry.by_name(outlet), snippet(block.text, 160)
        facts.append(Fact("author", outlet, "text", line, WEIGHT.last_resort, block.region, author_kind="outlet"))
        if (entry is None and not is_by) or own_piece:
            continue  # an unknown name without "By": a menu or label; "Le Monde with AFP": the site's own piece
        credit = Credit(entry.name if entry else outlet)
        facts.append(
            Fact("credit", credit, "text", snippet(block.text, 160), WEIGHT.moderate, block.region, phrase="byline")
        )
    return facts


# Text nodes between the headline and its byline, in a layout that marks the column under the headline as an aside
BYLINE_BELOW_HEADLINE = 16


_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+|:\s+")


def _site_names(html_title: str | None) -> set[str]:
    """The short parts of '<title>Headline - Site</title>': a heading that only says these is the site's name."""
    parts = _TITLE_PARTS.split(html_title or "")
    if len(parts) < 2:
        return set()
    longest = max(parts, key=len)
    return {name_key(part) for part in parts if part is not longest}


_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def read(context: Context) -> list[Fact]:
    doc = context.doc
    is_text = doc.kind == "text"
    facts: list[Fact] = []
    bylines: list[tuple[Block, list[Fact]]] = []
    extra_names = {name_key(v) for v in doc.meta.get("og:site_name", [])}
    splits = BylineSplits(context.registry, extra_names)
    headline = _headline(doc.blocks, context) if is_text else None
    if headline is not None:
        facts.append(Fact("title", headline.text, "text", snippet(headline.text, 200), WEIGHT.fair, "article"))
    elif headings := [h for h in doc.headings if name_key(h) not in _site_names(doc.html_title)]:
        facts.append(Fact("title", headings[0], "text", snippet(f"<h1>{headings[0]}</h1>", 200), WEIGHT.plain))
    for index, block in enumerate(doc.blocks):
        if not readable(block):
            continue
        if is_text and index <= 1 and _is_masthead(block.text, context):
            found = context.registry.by_host(block.text.lower()) if looks_like_domain(block.text) else None
            entry = context.registry.by_name(block.text) or (found[0] if found else None)
            masthead = entry.name if entry else block.text
            facts.append(
                Fact("outlet_self_name", masthead, "text", snippet(block.text, 120), WEIGHT.fair, block.region)
            )
        elif is_text and index == 0 and _is_masthead_words(masthead := _TAGLINE.sub("", block.text)):
            # "TIDEWATER BRIEF" over a newsletter: a site's name if the text also gives its address or describes
            # itself ("… aggregates headlines"), decided later; a tagline after a dash is not part of it
            facts.append(
                Fact("masthead", smart_case(masthead), "text", snippet(block.text, 120), WEIGHT.weak, block.region)
            )
        top = near_top(block, doc)
        # byline-classed elements among comments and sidebars name commenters and other stories' writers
        # ... but one right under the headline is the article's own, whatever column the layout marks it as
        by_headline = 0 < doc.headline_position <= block.position <= doc.headline_position + BYLINE_BELOW_HEADLINE
        in_article = block.region not in MARGINS or by_headline
        marked = (block.css or {"byline_markup", "handle_markup"} & block.hints) and top and "comment" not in block.css
        is_byline = len(block.text) <= 160 and in_article and ("byline" in block.hints or marked)
        following = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
        # "<div class=authorRow>Jo Roe <div class=divider></div> Getty Images</div>": the lead picture's credit
        if following and following.position == block.position and is_media_credit(following):
            is_byline = is_byline and bool(_BYLINE_START.match(block.text))  # ("By Jo Roe <div>Getty …" is hers)
        if is_byline:
            # a byline element that names no one ("Maren Oakes Writer" is read as a role) still marks where the
            # article's byline is, so it is kept, empty, for _other_stories
            bylines.append((block, handle_facts(block) if only_handle(block) else _byline(context, block, splits)))
        if "reporting" in block.hints:
            facts += reporting_line(block)
        short_year = "byline_markup" in block.hints and short_year_dates(block.text, context.page_url)  # "25.04.24"
        if top and ("date" in block.hints or "short_date" in block.hints or short_year):
            facts += placed_date_line(block, doc, is_text, context.page_url)
        # a line of several full names may stand a little lower, under "Author of the article:" and the like
        if is_text and index > 0 and (index <= 3 or (index <= 8 and _NAMES_LINE.match(block.text))):
            facts += _affiliation_line(block, context, extra_names)
            after_headline = headline is not None and headline.position < block.position
            before_date = index + 1 < len(doc.blocks) and "date" in doc.blocks[index + 1].hints
            if after_headline or before_date:
                facts += _name_line(block, context)
    if is_text:
        facts += [fact for _, found in bylines for fact in found]
    else:
        facts += article_bylines(bylines, doc, _BYLINE_START)
    return facts
