"""French text for matching: folding, words, stems, names and sentences.

One home for every helper that compares words across case, accents, articles
and inflection; loaders, the graph and the schema all import them from here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TYPOGRAPHY = str.maketrans({"’": "'", "œ": "oe", "æ": "ae"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«(*])")

ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "du", "de", "des", "d", "au", "aux"})
"""Articles and contracted prepositions, folded (`l'` is `l`)."""

STOPWORDS = ARTICLES | {
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
"""Words that carry no topic: articles, conjunctions, prepositions, pronouns."""

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


@lru_cache(maxsize=8192)  # names and lines are folded again by each of their readers
def fold(text: str) -> str:
    """Lowercase without accents or ligatures, one apostrophe: for matching words
    whatever the case, accents and typography (`Œuvre d’art` → `oeuvre d'art`)."""
    plain = text.casefold().translate(_TYPOGRAPHY)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", plain))


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


@lru_cache(maxsize=8192)  # the build keys each name again wherever it is written
def name_key(name: str) -> str:
    """The key two spellings of one name share: `le *Secrétariat du Ministère*` and
    `Secrétariat du ministère` both give `secretariat ministere`."""
    return " ".join(w for w in words(name.replace("*", "")) if w not in ARTICLES)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light French stemmer: the plural mark (`-aux` back to `-al`), then the longest
    ending that leaves at least four letters."""
    if len(word) > MIN_STEM + 1 and word.endswith("aux"):
        word = word[:-3] + "al"  # `médicaux` is the plural of `médical`
    elif len(word) > MIN_STEM and word[-1] in "sx":
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> set[str]:
    """The stems of a text's content words (no articles, conjunctions, short words)."""
    return {stem(w) for w in words(text) if len(w) > 3 and w not in STOPWORDS}


def terms(text: str) -> list[str]:
    """The stems of a text's words in order, stopwords aside; short words count (`TIC`,
    `PME`): what a search indexes and looks for."""
    return [_known_stem(w) for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=1 << 16)
def _known_stem(word: str) -> str:
    """`stem`, remembered: an index stems the same few thousand words again and again."""
    return stem(word)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def sentence_ends(text: str) -> list[int]:
    """Where each sentence but the last ends (the offset after its separator)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


_WORD = re.compile(r"[^\W_]+")
FUNCTION_WORDS = STOPWORDS | frozenset(
    """est sont etre ete il ils elle elles lui eux nous vous on y dont ne pas plus tout tous
    toute toutes afin lors entre sous vers chez sans selon meme aussi soit ni car comme donc
    mais si tres peut peuvent fait font ont avant apres aupres des ou quant tant leur celle
    celles celui ceux cela ceci autre autres chaque divers diverses certains certaines
    plusieurs qu s c n j m t""".split()
)
"""STOPWORDS and the other words that say nothing of a topic (verbs of being, pronouns,
quantifiers): what `content_tokens` leaves out."""


class Token(NamedTuple):
    """A content word of a text: its stem, where it stands (`text[start:end]`), and the
    word folded. A named tuple: texts are cut into thousands of them, and a tuple is
    made several times faster than a frozen dataclass."""

    stem: str
    start: int
    end: int
    word: str


def content_tokens(text: str) -> list[Token]:
    """The content words of `text` in order, stemmed, with their offsets for quoting:
    `la promotion de la santé` gives `promot` (3:12) and `sant` (19:24)."""
    found = []
    for match in _WORD.finditer(text):
        known = _content_word(match.group())
        if known is not None:
            found.append(Token(known[0], match.start(), match.end(), known[1]))
    return found


def has_content(text: str) -> bool:
    """Whether `text` holds a content word (`content_tokens` finds one), read no further."""
    return any(_content_word(match.group()) is not None for match in _WORD.finditer(text))


@functools.lru_cache(maxsize=1 << 16)  # a family's vocabulary is bounded; its texts repeat it
def _content_word(written: str) -> tuple[str, str] | None:
    """A word as written → its stem and its folded form, or None if it is no content word."""
    word = fold(written)
    if len(word) <= 2 or word in FUNCTION_WORDS or word.isdigit():
        return None
    return stem(word), word


def related_stems(first: str, second: str) -> bool:
    """Two stems of one word family: equal, or one a prefix of the other of at least
    five letters (`univers` / `universitair`, `sport` / `sportiv`); `communic` and
    `communaut` share only `commun`, which neither is."""
    short, long = sorted((first, second), key=len)
    return short == long or (len(short) >= MIN_RELATED and long.startswith(short))


MIN_RELATED = 5
