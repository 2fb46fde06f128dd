"""The bot's own counters and histograms, served at `GET /metrics` in the Prometheus text exposition format
(version 0.0.4). A few process-wide instruments and a renderer, which is all the bot needs: no dependency.

Instruments live here so the catalogue is in one place (docs: README "Operations"); the code that does the work
increments them (`bot.fetch.fetcher`, `bot.slack.checker`, `bot.slack.web`, the HTTP middleware).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
Labels = tuple[tuple[str, str], ...]


def _labels(labels: Labels, extra: Labels = ()) -> str:
    pairs = (*labels, *extra)
    if not pairs:
        return ""
    escaped = (v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") for _, v in pairs)
    return "{" + ",".join(f'{k}="{v}"' for (k, _), v in zip(pairs, escaped, strict=True)) + "}"


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return repr(int(value)) if float(value).is_integer() else repr(value)


class Counter:
    def __init__(self, name: str, help_text: str) -> None:
        self.name, self.help = name, help_text
        self._values: dict[Labels, float] = {}
        self._lock = threading.Lock()  # analysis of long pastes runs in worker threads

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(tuple(sorted(labels.items())), 0.0)

    def lines(self) -> list[str]:
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        out += [f"{self.name}{_labels(k)} {_number(v)}" for k, v in sorted(self._values.items())]
        return out


class Histogram:
    def __init__(self, name: str, help_text: str, buckets: Iterable[float]) -> None:
        self.name, self.help = name, help_text
        self.buckets = tuple(sorted(buckets))
        self._series: dict[Labels, tuple[list[int], list[float]]] = {}  # per labels: bucket counts, [sum, count]
        self._lock = threading.Lock()

    def observe(self, value: float, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            counts, totals = self._series.setdefault(key, ([0] * len(self.buckets), [0.0, 0.0]))
            for i, bound in enumerate(self.buckets):
                if value <= bound:
                    counts[i] += 1
            totals[0] += value
            totals[1] += 1

    def count(self, **labels: str) -> int:
        series = self._series.get(tuple(sorted(labels.items())))
        return int(series[1][1]) if series else 0

    def lines(self) -> list[str]:
        out = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        for key, (counts, (total, count)) in sorted(self._series.items()):
            for bound, cumulative in zip(self.buckets, counts, strict=True):
                out.append(f"{self.name}_bucket{_labels(key, (('le', _number(bound)),))} {cumulative}")
            out.append(f"{self.name}_bucket{_labels(key, (('le', '+Inf'),))} {_number(count)}")
            out.append(f"{self.name}_sum{_labels(key)} {_number(total)}")
            out.append(f"{self.name}_count{_labels(key)} {_number(count)}")
        return out


def gauge_lines(name: str, help_text: str, label: str, values: Mapping[str, float]) -> list[str]:
    """A gauge read at scrape time (e.g. jobs by state, counted in the database)."""
    out = [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
    return out + [f"{name}{_labels(((label, k),))} {_number(v)}" for k, v in sorted(values.items())]


SLACK_REQUESTS = Counter(
    "provbot_slack_requests_total", "Requests received at POST /slack/events (events, commands, buttons)."
)
SLACK_ACKS = Counter(
    "provbot_slack_acks_total", "Responses sent to Slack's requests, by HTTP status (2xx acknowledges)."
)
ACK_SECONDS = Histogram(
    "provbot_slack_ack_seconds",
    "Time from receiving a Slack request to answering it (Slack retries after 3 s).",
    (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
SLACK_POSTS = Counter("provbot_slack_posts_total", "Messages the bot posted or updated, by Web API method.")
FETCHES = Counter(
    "provbot_fetches_total", "Page fetches by outcome: cache (fresh copy), network, refused (guard), failed."
)
CHECK_SECONDS = Histogram(
    "provbot_check_seconds",
    "Time to check one link or pasted text (fetch and analysis), by kind and result.",
    (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
INSTRUMENTS: tuple[Counter | Histogram, ...] = (
    SLACK_REQUESTS, SLACK_ACKS, ACK_SECONDS, SLACK_POSTS, FETCHES, CHECK_SECONDS,
)  # fmt: skip


def exposition(jobs_by_state: Mapping[str, int]) -> str:
    """Every instrument, and the job queue read now, as one Prometheus text page."""
    lines: list[str] = []
    for instrument in INSTRUMENTS:
        lines += instrument.lines()
    states = {state: 0 for state in ("pending", "running", "done", "failed")} | dict(jobs_by_state)
    lines += gauge_lines("provbot_jobs", "Jobs in the durable queue, by state.", "state", states)
    return "\n".join(lines) + "\n"
