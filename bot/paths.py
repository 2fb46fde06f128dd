"""Where the shipped data files live (outlets, licences, phrasings, vocabularies)."""

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
