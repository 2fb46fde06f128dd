"""Imported by the analysis pool's fork server when its workers read and compare chains (the bot's pool).

The main-text extractor and the language identifier's model take about a second of CPU to load; loaded here, every
worker forked from the server has them, and a comparison never waits for them (a background worker used to load
the model at its first comparison, on a busy machine sometimes past the analysis deadline, and its replacement
then loaded it again).
"""

from bot.chain.compare import load_language_model
from bot.chain.text import load_extractor

load_extractor()
load_language_model()
