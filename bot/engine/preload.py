"""Imported by the analysis pool's fork server, to read the shipped data files there once.

Every worker is forked from that server, so it starts with the outlets, phrasings and licences already loaded: a
worker replaced after a deadline is ready in milliseconds, and a bot starting its pool does not read them per worker.
"""

from bot.engine.licenses import load_licenses
from bot.engine.phrases import load_phrases
from bot.engine.pipeline import warm_up
from bot.engine.registry import load_registry

load_phrases()
load_licenses()
load_registry()
warm_up()  # and what the engine builds at its first use
