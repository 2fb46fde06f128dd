"""The provenance engine: parse once, read signals, decide, and state the reuse terms (see `pipeline`)."""

from bot.engine.pipeline import analyse_html, analyse_page, analyse_text, analyse_url

__all__ = ["analyse_html", "analyse_page", "analyse_text", "analyse_url"]
