"""Chain benchmark: how long the comparison of two long articles takes, and how often its relation agrees with
the label of a pair built to be verbatim, edited, an excerpt, a translation or a different piece.

    .venv/bin/python bench/bench_chain.py [--words 10000] [--runs 30] [--seeds 8]

* timing      `bot.chain.compare.compare` on two 10,000-word bodies (an original and an edited copy of it: a few
              paragraphs cut and added, some sentences reworded, the headline changed), bodies built beforehand;
              median and worst of `--runs` runs, after one warm-up. For scale, trafilatura's `extract` of the same
              article as an HTML page is timed too (that is extraction, not the comparison).
* agreement   invented pairs: texts generated from a seeded vocabulary (no real article text), each transformed
              the way copies differ from originals; the transformation is the label. 15 labelled pairs per seed.

Figures go in BENCHMARKS.md ("## Chain"); every figure also in bench/results/chain.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.chain.compare import compare  # noqa: E402
from bot.chain.text import Body  # noqa: E402

ENGLISH = """
the council river town school water garden farmer report said people year week month city county state house road
bridge market price money family children worker plan rule law court judge police officer doctor hospital patient
health study research college student teacher data record number share group member leader minister government
election vote party campaign budget tax fund grant project program service system network company business industry
factory job wage union strike energy power oil gas coal wind solar climate weather storm flood drought harvest crop
seed soil forest animal bird fish coast island port ship train bus car street village valley mountain north south
east west morning evening night season spring summer autumn winter early late new old small large long short high
low strong weak good bad first last many few more less most some every other same different local national public
private open closed free full empty young older recent major minor key main began found asked told gave took made
built moved opened closed raised cut paid won lost kept left brought called expected reported showed warned agreed
planned decided announced needed wanted tried helped started ended turned because although while after before since
until when where which who that with without across between around against during under over through toward into
onto about near behind beyond within""".split()  # noqa: SIM905 - a word list reads best as words
FRENCH = """
le la les un une des du de et mais ou donc car ville rivière école eau jardin paysan rapport dit gens année semaine
mois conseil comté état maison route pont marché prix argent famille enfants travailleur plan règle loi tribunal
juge police médecin hôpital patient santé étude recherche étudiant professeur données nombre groupe membre dirigeant
ministre gouvernement élection vote parti campagne budget impôt fonds projet programme service entreprise usine
emploi salaire grève énergie climat temps tempête inondation sécheresse récolte semence sol forêt oiseau poisson
côte île port navire train village vallée montagne nord sud matin soir nuit saison printemps été automne hiver
nouveau ancien petit grand long court haut bas fort faible premier dernier beaucoup plus moins chaque autre même
local national public privé ouvert fermé libre jeune récent a commencé trouvé demandé dit donné pris fait construit
ouvert payé gagné perdu annoncé décidé parce que pendant après avant depuis quand où qui avec sans entre vers dans
sur sous près""".split()  # noqa: SIM905 - a word list reads best as words


def sentence(rng: random.Random, vocabulary: list[str]) -> str:
    words = [rng.choice(vocabulary) for _ in range(rng.randint(12, 26))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng: random.Random, words: int, vocabulary: list[str] = ENGLISH) -> Body:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng, vocabulary) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return Body(sentence(rng, vocabulary).rstrip("."), tuple(paragraphs))


def reword(paragraph: str, rng: random.Random) -> str:
    """One word of the paragraph's first sentence replaced: the sentence is the same one, reworded."""
    first, _, rest = paragraph.partition(". ")
    words = first.split()
    words[rng.randrange(1, len(words))] = rng.choice(ENGLISH)
    return " ".join(words) + (". " + rest if rest else "")


def restyle(paragraph: str) -> str:
    return paragraph.replace(" the ", "  the ").replace(", ", " , ").upper()


def labelled_pairs(seed: int) -> list[tuple[str, str, Body, Body]]:
    """(name, label, original, copy) for one invented text."""
    rng = random.Random(seed)
    o = article(rng, rng.choice((400, 800, 1500)))
    p = list(o.paragraphs)
    n = len(p)
    other = article(random.Random(seed + 1000), 800)
    french = article(random.Random(seed + 2000), 800, FRENCH)
    added = sentence(rng, ENGLISH) + " " + sentence(rng, ENGLISH)
    return [
        ("identical", "verbatim", o, Body(o.headline, o.paragraphs)),
        ("restyled", "verbatim", o, Body((o.headline or "").upper(), tuple(restyle(x) for x in p))),
        ("dateline", "verbatim", o, Body(o.headline, ("ELMSFORD, Nov. 10 (Valley Wire) — " + p[0], *p[1:]))),
        ("merged paragraphs", "verbatim", o, Body(o.headline, (p[0] + " " + p[1], *p[2:]))),
        ("headline changed", "edited", o, Body(sentence(rng, ENGLISH), o.paragraphs)),
        ("paragraphs cut", "edited", o, Body(o.headline, tuple(p[: n - max(1, n // 5)]))),
        ("paragraphs added", "edited", o, Body(o.headline, (*p, added, sentence(rng, ENGLISH)))),
        ("sentences reworded", "edited", o, Body(o.headline, tuple(reword(x, rng) if i % 3 == 0 else x
                                                                  for i, x in enumerate(p)))),
        ("first quarter", "excerpt", o, Body(o.headline, tuple(p[: max(1, n // 4)]))),
        ("one sentence cut", "edited", o, Body(o.headline, (p[0].partition(". ")[2] or p[0], *p[1:]))),
        ("every paragraph reworded", "edited", o, Body(o.headline, tuple(reword(x, rng) for x in p))),
        ("excerpt with commentary", "excerpt", o, Body(o.headline, (added, *p[: max(1, (n * 2) // 5)], added))),
        ("different piece", "different", o, other),
        ("different piece quoting one sentence", "different", o,
         Body(other.headline, (*other.paragraphs[:3], p[1].partition(". ")[0] + ".", *other.paragraphs[3:]))),
        ("translation", "translation", o, french),
    ]  # fmt: skip


def time_comparison(words: int, runs: int) -> dict[str, float]:
    rng = random.Random(7)
    original = article(rng, words)
    p = list(original.paragraphs)
    edited = [reword(x, rng) if i % 10 == 0 else x for i, x in enumerate(p)]
    copy = Body(sentence(rng, ENGLISH), (*edited[:40], sentence(rng, ENGLISH), *edited[43:]))
    compare(original, copy)  # warm-up: language model and rapidfuzz loaded
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = compare(original, copy)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    html = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in p) + "</article></body></html>"
    import trafilatura

    start = time.perf_counter()
    trafilatura.extract(html)
    extract_ms = (time.perf_counter() - start) * 1000
    return {
        "words_original": original.words,
        "words_copy": copy.words,
        "median_ms": round(statistics.median(times), 2),
        "max_ms": round(max(times), 2),
        # CPU time of this process: what the comparison costs, whatever else the shared machine is running
        "median_cpu_ms": round(statistics.median(cpu), 2),
        "max_cpu_ms": round(max(cpu), 2),
        "relation": result.relation,  # type: ignore[dict-item]
        "changes": "; ".join(result.changes),  # type: ignore[dict-item]
        "extract_one_page_ms": round(extract_ms, 1),
    }


def agreement(seeds: int) -> dict[str, object]:
    rows = []
    for seed in range(seeds):
        for name, label, original, copy in labelled_pairs(seed):
            rows.append((name, label, compare(original, copy).relation))
    agree = sum(1 for _, label, got in rows if label == got)
    misses = Counter(f"{name}: {label} -> {got}" for name, label, got in rows if label != got)
    by_label = Counter(label for _, label, _ in rows)
    hits = Counter(label for _, label, got in rows if label == got)
    return {
        "pairs": len(rows),
        "agree": agree,
        "share": round(agree / len(rows), 3),
        "by_label": {k: f"{hits[k]}/{v}" for k, v in sorted(by_label.items())},
        "misses": dict(misses),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seeds", type=int, default=8)
    args = parser.parse_args()
    results = {
        "python": platform.python_version(),
        "timing": time_comparison(args.words, args.runs),
        "agreement": agreement(args.seeds),
    }
    out = ROOT / "bench" / "results" / "chain.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
