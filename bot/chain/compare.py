"""Compare a copy's main text with its original's: which relation, how similar, and what changed where.

Sentences are matched by their style-free key (`text.style_key`) first, exactly, in one pass; only the sentences
left over are compared fuzzily (rapidfuzz), each against the few leftovers that share most word trigrams with it,
so two 10,000-word articles compare in milliseconds. Paragraph changes are read off the sentence matches, so a copy
that merges or splits paragraphs is not "edited" for that alone.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.chain.text import Body, Sentence, sentences, style_key

# A sentence counts as the same one reworded from this rapidfuzz ratio up; below, it was cut and another added.
REWORDED_FROM = 75.0
# A copy keeping less of the original than this is an excerpt (when most of the copy is the original's) ...
EXCERPT_BELOW = 0.6
# ... and a page sharing less than this in both directions is a different piece.
DIFFERENT_BELOW = 0.3
# Language identification needs some text; below this many characters neither body is judged for language.
LANGUAGE_SAMPLE_MIN = 200


@dataclass
class Comparison:
    relation: str  # verbatim | edited | excerpt | translation | different
    similarity: float | None
    changes: list[str] = field(default_factory=list)
    kept_share: float = 0.0  # of the original's text, how much the copy keeps
    copy_share: float = 0.0  # of the copy's text, how much comes from the original
    languages: tuple[str | None, str | None] = (None, None)  # (original, copy), when identified
    content_edited: bool = False  # sentences cut, added or reworded (not the headline alone)


def language_of(body: Body) -> str | None:
    sample = body.sample()
    if len(sample) < LANGUAGE_SAMPLE_MIN:
        return None
    import py3langid  # its model loads on first use (or in `load_language_model`)

    language, _ = py3langid.classify(sample)
    return str(language)


def load_language_model() -> None:
    """Load the language identifier's model now (0.6 s of CPU): the bot's fork server does, once, so no worker
    loads it in the middle of traffic, nor again after a replacement."""
    import py3langid

    py3langid.classify("a few words to load the model")


def _trigrams(key: str) -> set[str]:
    words = key.split()
    return {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def _match(original: list[Sentence], copy: list[Sentence]) -> tuple[dict[int, tuple[int, float]], set[int]]:
    """original index -> (copy index, ratio) for every original sentence found in the copy; and the copy indices
    used."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(copy):
        by_key[sentence.key].append(j)
    matched: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for i, sentence in enumerate(original):
        free = by_key.get(sentence.key)
        if free:
            j = free.pop(0)
            matched[i] = (j, 100.0)
            used.add(j)
    leftovers = [j for j in range(len(copy)) if j not in used]
    index: dict[str, list[int]] = defaultdict(list)
    for j in leftovers:
        for gram in _trigrams(copy[j].key):
            index[gram].append(j)
    for i, sentence in enumerate(original):
        if i in matched:
            continue
        votes = Counter(j for gram in _trigrams(sentence.key) for j in index.get(gram, ()) if j not in used)
        best: tuple[float, int] | None = None
        for j, _ in votes.most_common(3):
            ratio = fuzz.ratio(sentence.key, copy[j].key)
            if ratio >= REWORDED_FROM and (best is None or ratio > best[0]):
                best = (ratio, j)
        if best is not None:
            matched[i] = (best[1], best[0])
            used.add(best[1])
    return matched, used


def _where(numbers: list[int], total: int) -> str:
    """Where paragraphs went: at the start or end, after a given paragraph (one run), or in how many places."""
    if not numbers or total <= 0:
        return ""
    ordered = sorted(numbers)
    if ordered[-1] == total - 1 and ordered == list(range(ordered[0], total)):
        return " at the end"
    if ordered == list(range(len(ordered))):
        return " at the start"
    if ordered == list(range(ordered[0], ordered[0] + len(ordered))):
        return f" after paragraph {ordered[0]}"
    runs = 1 + sum(1 for a, b in itertools.pairwise(ordered) if b != a + 1)
    return f" in {runs} places"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _paragraph_changes(sents: list[Sentence], hit: set[int], paragraphs: int, verb: str) -> tuple[list[str], int]:
    """Whole paragraphs with no sentence matched, and the loose sentences beside them; e.g. '3 paragraphs cut at
    the end', '2 sentences cut'."""
    total_in: Counter[int] = Counter(s.paragraph for s in sents)
    hit_in: Counter[int] = Counter(sents[i].paragraph for i in hit)
    whole = [p for p in total_in if hit_in[p] == 0]
    loose = sum(1 for i, s in enumerate(sents) if i not in hit and hit_in[s.paragraph] > 0)
    out = []
    if whole:
        out.append(f"{_count(len(whole), 'paragraph')} {verb}{_where(whole, paragraphs)}")
    if loose:
        out.append(f"{_count(loose, 'sentence')} {verb}")
    return out, len(whole) + loose


def headline_changed(original: str | None, copy: str | None) -> bool:
    if not original or not copy:
        return False
    a, b = style_key(original), style_key(copy)
    # "Headline | The Conversation" against "Headline": the site's name is not a change of headline
    return a != b and fuzz.partial_ratio(a, b) < 95 if min(len(a), len(b)) >= 12 else a != b


def compare(original: Body, copy: Body) -> Comparison:
    o_sents, c_sents = sentences(original), sentences(copy)
    matched, used = _match(o_sents, c_sents)
    o_total = sum(len(s.key) for s in o_sents) or 1
    c_total = sum(len(s.key) for s in c_sents) or 1
    kept = sum(len(o_sents[i].key) * ratio / 100 for i, (_, ratio) in matched.items())
    from_original = sum(len(c_sents[j].key) * ratio / 100 for j, ratio in matched.values())
    kept_share, copy_share = min(1.0, kept / o_total), min(1.0, from_original / c_total)
    similarity = round((kept + from_original) / (o_total + c_total), 3)
    base = Comparison("edited", similarity, [], round(kept_share, 3), round(copy_share, 3))
    if kept_share < DIFFERENT_BELOW and copy_share < DIFFERENT_BELOW:
        # texts that share so little may be one story in two languages; texts that share more cannot be
        base.languages = languages = (language_of(original), language_of(copy))
        if languages[0] and languages[1] and languages[0] != languages[1]:
            base.relation, base.similarity = "translation", None
            base.changes = [f"in {languages[1]}, the original in {languages[0]}"]
        else:
            base.relation = "different"
        return base
    changes: list[str] = []
    if headline_changed(original.headline, copy.headline):
        changes.append("headline changed")
    if kept_share < EXCERPT_BELOW:
        kept_paragraphs = {o_sents[i].paragraph for i in matched}
        changes.append(
            f"{round(kept_share * 100)}% of the original kept "
            f"({len(kept_paragraphs)} of {len(original.paragraphs)} paragraphs)"
        )
        added, _ = _paragraph_changes(c_sents, set(used), len(copy.paragraphs), "added")
        base.relation, base.changes = "excerpt", changes + added
        return base
    cut, n_cut = _paragraph_changes(o_sents, set(matched), len(original.paragraphs), "cut")
    added, n_added = _paragraph_changes(c_sents, set(used), len(copy.paragraphs), "added")
    reworded = sum(1 for _, ratio in matched.values() if ratio < 100)
    changes += cut + added
    if reworded:
        changes.append(f"{_count(reworded, 'sentence')} reworded")
    base.content_edited = bool(n_cut or n_added or reworded)
    base.changes = changes
    base.relation = "edited" if changes else "verbatim"
    return base
