"""Matching names and words across case, accents, articles and inflection."""

from __future__ import annotations

import re

from loaders.tables import fold as fold

_ARTICLES = {"le", "la", "les", "l", "un", "une", "du", "de", "des", "d", "au", "aux"}
_STOPWORDS = _ARTICLES | {
    "et",
    "en",
    "a",
    "ou",
    "pour",
    "par",
    "sur",
    "dans",
    "avec",
    "ce",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "qui",
    "que",
    "se",
    "ainsi",
    "notamment",
}
STEM_LENGTH = 6


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text).replace("’", "'"))


def name_key(name: str) -> str:
    """The key two spellings of one name share: `le *Secrétariat du Ministère*` and
    `Secrétariat du ministère` both give `secretariat ministere`."""
    return " ".join(w for w in words(name.replace("*", "")) if w not in _ARTICLES)


def stems(text: str) -> set[str]:
    """Content words cut to a common prefix: `touristique` and `tourisme` meet at `touris`."""
    return {w[:STEM_LENGTH] for w in words(text) if len(w) > 3 and w not in _STOPWORDS}
