"""Imported by the analysis pool's fork server, to read the shipped data files there once.

Every worker is forked from that server, so it starts with the outlets, phrasings and licences already loaded: a
worker replaced after a deadline is ready in milliseconds, and a bot starting its pool does not read them per worker.
"""

from bot.engine.licenses import load_licenses
from bot.engine.phrases import load_phrases
from bot.engine.pipeline import analyse_html, analyse_text
from bot.engine.registry import load_registry

load_phrases()
load_licenses()
load_registry()

# What the engine builds at its first use is built here too, by reading one small page and one paste: tldextract's
# suffix trie alone takes ~0.1 s of CPU, which every new worker would otherwise spend on its first page.
analyse_html(
    "<html><head><title>Tides rise</title></head><body><article><h1>Tides rise</h1><p>By Ava Stone</p>"
    "<p>© 2025 Harbor Ledger</p></article></body></html>",
    "https://www.example.com/2025/03/05/tides-rise",
)
analyse_text("Tides rise\nBy Ava Stone\nMarch 5, 2025\nThe water came in at dawn.")
