"""NAEB: authors and publication dates on real news pages, ours against trafilatura in the same run.

    .venv/bin/python bench/naeb.py [--mirror-root /work/.mirror] [--failures] [--field author|date] [--no-anchor]

NAEB is AndyTheFactory/article-extraction-dataset (424 news pages from about 200 sites, saved in 2023, each with
labelled authors and publication date). Bring it with the `fetch` tool (github:AndyTheFactory/article-extraction-
dataset); it lands as a bare git directory under the mirror root. Pages and labels are read from that git directory
(`git cat-file`), nothing is copied into this repository: the pages are other people's writing.

Contestants, each handed the decoded HTML string and the page's address:

* ours     `bot.engine.analyse_html(html, url)`: `authors`, `published`;
* anchor   `trafilatura.extract_metadata(html, default_url=url)`: `author` (names joined by "; "), `date`.

Scoring rules, the same for both contestants:

* author: the label string is split into names at ",", ";", "|" and " and "; academic suffixes ("Ph.D.") are not
  names. Names are compared after folding case, diacritics and punctuation; a name with a middle initial matches
  the same name without it ("Chris E. Hayner" = "Chris Hayner"). A page counts when every labelled name matches one
  of ours AND every one of ours matches a labelled name (no extra person); a page labelled with no author counts
  when we name none. The anchor's string is split the same way as a label.
* date: the contestant's publication date has the labelled day (YYYY-MM-DD, the first 10 characters). Pages
  without a labelled date are left out of the date score.

The pages/s column is one pass each without a warm-up, a rough figure; `bench/bench_real.py` times both properly
(one core, alternating rounds, median). Another bench (`bench/bench_real.py`) imports `load_pages` and `score`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPOSITORY = "AndyTheFactory/article-extraction-dataset"
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
LABELS = "news_articles.json"


@dataclass(frozen=True)
class Page:
    id: str  # the page's file name in the dataset's html/ folder, without ".html"
    url: str
    html: str
    authors: tuple[str, ...]  # labelled names, split from the label string
    date: str | None  # labelled publication day, YYYY-MM-DD


@dataclass(frozen=True)
class Guess:
    """What one contestant said about one page."""

    authors: tuple[str, ...]
    date: str | None


@dataclass
class Miss:
    page: Page
    field: str
    said: str
    label: str


@dataclass
class Score:
    author_hits: int = 0
    author_total: int = 0
    date_hits: int = 0
    date_total: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def author_rate(self) -> float:
        return self.author_hits / self.author_total if self.author_total else 0.0

    @property
    def date_rate(self) -> float:
        return self.date_hits / self.date_total if self.date_total else 0.0


# --- the dataset ----------------------------------------------------------------------------------------------------


def git_dir(mirror_root: Path) -> Path:
    """The bare git directory `fetch` made for NAEB under `mirror_root`."""
    folder = mirror_root / REPOSITORY.replace("/", "+")
    for candidate in (folder / "repo", folder):
        if (candidate / "HEAD").exists():
            return candidate
    raise SystemExit(f"NAEB is not under {mirror_root}: fetch github:{REPOSITORY} first")


def _read_blobs(repo: Path, paths: Sequence[str]) -> dict[str, bytes]:
    """Several files of HEAD in one `git cat-file --batch` call (one process, not one per page)."""
    request = "".join(f"HEAD:{path}\n" for path in paths).encode()
    out = subprocess.run(
        ["git", "--git-dir", str(repo), "cat-file", "--batch"], input=request, capture_output=True, check=True
    ).stdout
    blobs: dict[str, bytes] = {}
    position = 0
    for path in paths:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue  # "missing": the label names a file the dataset does not hold
        size = int(header[2])
        blobs[path] = out[position : position + size]
        position += size + 1
    return blobs


_NAME_SPLIT = re.compile(r"\s*(?:[,;|]|\band\b)\s*", re.I)
_NOT_A_NAME = re.compile(r"^(?:ph\.?\s?d\.?|m\.?d\.?|jr\.?|sr\.?|esq\.?)$", re.I)


def split_names(text: str | None) -> tuple[str, ...]:
    """A label (or the anchor's author string) as a list of names."""
    if not text:
        return ()
    names = (part.strip(" .") for part in _NAME_SPLIT.split(text))
    return tuple(name for name in names if name and not _NOT_A_NAME.match(name))


def load_pages(mirror_root: Path = DEFAULT_MIRROR_ROOT) -> list[Page]:
    """Every NAEB page whose HTML file the dataset holds, decoded as the command line decodes a saved page."""
    from bot.fetch.decoding import NotText, decode

    repo = git_dir(mirror_root)
    labels = json.loads(_read_blobs(repo, [LABELS])[LABELS])
    paths = [f"html/{entry['html_file']}.html" for entry in labels]
    blobs = _read_blobs(repo, paths)
    pages = []
    for entry, path in zip(labels, paths, strict=True):
        if path not in blobs:
            continue
        try:
            html = decode(blobs[path]).text
        except NotText:
            continue
        date = (entry.get("date") or "")[:10] or None
        pages.append(Page(entry["html_file"], entry["link"], html, split_names(entry.get("authors")), date))
    return pages


# --- scoring --------------------------------------------------------------------------------------------------------


def fold_name(name: str) -> tuple[str, ...]:
    """A name as lower-case ASCII words, punctuation and diacritics gone ("O'Neil" and "ONeil" alike)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`]", "", text)
    return tuple(re.sub(r"[^\w\s]", " ", text).split())


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or a[-1] != b[-1]:
        return False
    # The same first and last word; what differs may only be middle initials.
    middle = [*a[1:-1], *b[1:-1]]
    return all(len(word) == 1 for word in middle)


def authors_match(labelled: Iterable[str], ours: Iterable[str]) -> bool:
    label_names = [fold_name(name) for name in labelled]
    our_names = [fold_name(name) for name in ours]
    label_names = [name for name in label_names if name]
    our_names = [name for name in our_names if name]
    return all(any(_same_name(a, b) for b in our_names) for a in label_names) and all(
        any(_same_name(b, a) for a in label_names) for b in our_names
    )


def score(pages: Sequence[Page], guesses: Sequence[Guess]) -> Score:
    """Author and date score of one contestant's guesses (one per page, in the same order)."""
    result = Score()
    for page, guess in zip(pages, guesses, strict=True):
        result.author_total += 1
        if authors_match(page.authors, guess.authors):
            result.author_hits += 1
        else:
            result.misses.append(Miss(page, "author", "; ".join(guess.authors) or "-", "; ".join(page.authors) or "-"))
        if page.date is None:
            continue
        result.date_total += 1
        said = (guess.date or "")[:10]
        if said == page.date:
            result.date_hits += 1
        else:
            result.misses.append(Miss(page, "date", guess.date or "-", page.date))
    return result


# --- contestants ----------------------------------------------------------------------------------------------------


def ours(page: Page) -> Guess:
    from bot.engine import analyse_html

    result = analyse_html(page.html, page.url)
    return Guess(tuple(result.authors), result.published)


def anchor(page: Page) -> Guess:
    from trafilatura import extract_metadata

    meta = extract_metadata(page.html, default_url=page.url)
    if meta is None:
        return Guess((), None)
    return Guess(split_names(meta.author), meta.date)


def run(pages: Sequence[Page], contestant: Callable[[Page], Guess]) -> list[Guess]:
    return [contestant(page) for page in pages]


def _print_failures(result: Score, only: str | None) -> None:
    for miss in result.misses:
        if only and miss.field != only:
            continue
        print(f"{miss.field:6} {miss.page.id}  ours: {miss.said!r}  label: {miss.label!r}  {miss.page.url}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    parser.add_argument("--failures", action="store_true", help="list our misses: what we said against the label")
    parser.add_argument("--field", choices=("author", "date"), help="with --failures: one field's misses only")
    parser.add_argument("--no-anchor", action="store_true", help="score ours only (quicker while working)")
    args = parser.parse_args(argv)

    pages = load_pages(args.mirror_root)
    started = time.perf_counter()
    mine = score(pages, run(pages, ours))
    rows = [("ours, analyse_html", mine, time.perf_counter() - started)]
    if not args.no_anchor:
        started = time.perf_counter()
        rows.append(("trafilatura.extract_metadata", score(pages, run(pages, anchor)), time.perf_counter() - started))
    print(f"NAEB: {len(pages)} pages, {mine.date_total} with a labelled date")
    print(f"{'contestant':32} {'author':>16} {'date (exact day)':>18} {'pages/s (1 pass)':>17}")
    for name, result, seconds in rows:
        author = f"{result.author_hits}/{result.author_total} {100 * result.author_rate:.1f} %"
        date = f"{result.date_hits}/{result.date_total} {100 * result.date_rate:.1f} %"
        print(f"{name:32} {author:>16} {date:>18} {len(pages) / seconds:>17.0f}")
    if args.failures:
        _print_failures(mine, args.field)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
