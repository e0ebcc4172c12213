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
# Derivational and inflectional endings, longest first: `touristique` and `tourisme`
# both come down to `tour`, `communications` (`communic`) stays apart from
# `communautés` (`communaut`).
_SUFFIXES = sorted(
    """istique ations ation atives ative atifs atif ateurs ateur atrice ements ement ismes
    isme istes iste iques ique ites ite ances ance ences ence euses euse eux ives ive ifs
    if elles elle els el aux ales ale al ants ant ables able ions ion eurs eur ees ee
    es e""".split(),
    key=len,
    reverse=True,
)
MIN_STEM = 4


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def name_key(name: str) -> str:
    """The key two spellings of one name share: `le *Secrétariat du Ministère*` and
    `Secrétariat du ministère` both give `secretariat ministere`."""
    return " ".join(w for w in words(name.replace("*", "")) if w not in _ARTICLES)


def stem(word: str) -> str:
    """A light French stemmer: the plural mark, then the longest ending that leaves
    at least four letters."""
    if len(word) > MIN_STEM and word[-1] in "sx":
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> set[str]:
    """The stems of a text's content words (no articles, conjunctions, short words)."""
    return {stem(w) for w in words(text) if len(w) > 3 and w not in _STOPWORDS}
