"""Gather the labelled real pages into a folder outside the repository.

    .venv/bin/python bench/real/gather.py [--out /work/realpages] [--mirror-root /work/.mirror]

Every line of every `bench/real/labels/*.jsonl` names a page by the public repository that keeps it, its path there
and the sha256 of its bytes. The repositories are bare git copies under the mirror root (the `fetch` tool brings
`owner/name` to `<mirror-root>/owner+name/...`); each page is read from the copy's HEAD, checked against its sha256
and written as `<out>/<id>.html`. Pages are other people's writing: they never go into this repository.

Prints one line per page that cannot be had (repository not fetched, path missing, checksum differs) and a one-line
summary. Exit status 0 when every page was written, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "labels"
DEFAULT_OUT = Path("/work/realpages")
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")


@dataclass(frozen=True)
class PageSource:
    page_id: str
    repo: str
    path: str
    sha256: str
    label_file: str
    gzip: bool = False  # stored gzipped in its repository; the sha256 is of the stored bytes


def read_sources(labels_dir: Path = LABELS) -> list[PageSource]:
    """Every labelled page's source, in label-file order."""
    sources: list[PageSource] = []
    for label_file in sorted(labels_dir.glob("*.jsonl")):
        for line in label_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            source = entry["source"]
            sources.append(
                PageSource(
                    entry["id"],
                    source["repo"],
                    source["path"],
                    source["sha256"],
                    label_file.name,
                    source.get("gzip", False),
                )
            )
    return sources


def find_git_dir(mirror_root: Path, repo: str) -> Path | None:
    """The bare git directory the fetch tool made for `owner/name`, or None when it was never fetched."""
    base = mirror_root / repo.replace("/", "+")
    if not base.is_dir():
        return None
    candidates = [base, *sorted(p for p in base.iterdir() if p.is_dir())]
    return next((c for c in candidates if (c / "HEAD").is_file() and (c / "objects").is_dir()), None)


def read_page(git_dir: Path, path: str) -> bytes | None:
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"], capture_output=True, check=False)
    return done.stdout if done.returncode == 0 else None


def gather(sources: list[PageSource], out: Path, mirror_root: Path) -> list[str]:
    """Write every page it can; return one line per page it could not."""
    out.mkdir(parents=True, exist_ok=True)
    git_dirs: dict[str, Path | None] = {}
    problems: list[str] = []
    for source in sources:
        if source.repo not in git_dirs:
            git_dirs[source.repo] = find_git_dir(mirror_root, source.repo)
        git_dir = git_dirs[source.repo]
        if git_dir is None:
            problems.append(f"missing {source.page_id}: {source.repo} is not fetched under {mirror_root}")
            continue
        page = read_page(git_dir, source.path)
        if page is None:
            problems.append(f"missing {source.page_id}: no {source.path} at HEAD of {source.repo}")
            continue
        digest = hashlib.sha256(page).hexdigest()
        if digest != source.sha256:
            problems.append(f"changed {source.page_id}: {source.repo}:{source.path} has sha256 {digest[:12]}…")
            continue
        (out / f"{source.page_id}.html").write_bytes(gzip.decompress(page) if source.gzip else page)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gather the labelled real pages out of fetched public repositories.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for the pages (default {DEFAULT_OUT})")
    parser.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT, help="where fetched repositories are")
    args = parser.parse_args(argv)
    sources = read_sources()
    problems = gather(sources, args.out, args.mirror_root)
    for line in problems:
        print(line)
    repos = len({s.repo for s in sources})
    written = len(sources) - len(problems)
    print(f"gathered {written}/{len(sources)} pages from {repos} repositories into {args.out}", end="")
    print(f"; {len(problems)} missing" if problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
