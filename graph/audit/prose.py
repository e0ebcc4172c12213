"""How the highlights audit reads the words around a stated value (pure text).

A value's *clause* runs from the last clause boundary before it to the first
one after it, within its sentence and never past a neighbouring value. A
boundary is a comma, semicolon, colon or parenthesis, or a word that opens a
new clause (`dont`, `soit`, `comparativement`, `passant`, `tandis`, `alors`,
`mais`, and the pronouns `celui`, `celle(s)`, `ceux` of `et celui du Ministère
est de ...`; the clause it opens starts at that word). `graph.audit.highlights`
says what these words mean for the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from loaders.records import Measure, Paragraph, StatedValue
from loaders.text import fold, sentences, words
from loaders.years import WRITTEN_YEAR, is_fiscal_year

_BOUNDARY = re.compile(
    r"([,;:()])|\b(?:dont|soit|comparativement|passant|tandis|alors|mais|celui|celles?|ceux)\b",
    re.IGNORECASE,
)
_OPENER = re.compile(r"\s*(?P<word>[^\W\d_]+)")
_CHANGE = re.compile(r"\b(augment|hauss|bonifi|accroi|croiss|variation|diminu|baiss|redu|recul)")
_DECREASE = re.compile(r"\b(diminu|baiss|redu|recul)")
_AFTER = re.compile(r"^\W*de (plus|moins)\b")
_QUANTITY = re.compile(r"\b(investissement|credit|depense)")
_QUANTITIES = {
    "investissement": Measure.INVESTMENT,
    "credit": Measure.CREDITS,
    "depense": Measure.EXPENDITURE,
}
_BUDGET = re.compile(r"\b(budget|enveloppe|somme)")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Place:
    """A value's sentence, and where in it the value and its clause start and end;
    `at` is where the sentence starts in its paragraph."""

    sentence: str
    opens: int
    start: int
    end: int
    closes: int
    at: int = 0

    @property
    def lead(self) -> str:
        """The sentence up to the value."""
        return self.sentence[: self.start]

    @property
    def before(self) -> str:
        """The value's clause up to the value."""
        return self.sentence[self.opens : self.start]

    @property
    def after(self) -> str:
        """The value's clause after the value."""
        return self.sentence[self.end : self.closes]

    @property
    def opener(self) -> str:
        """The clause's first word, folded, if it opens the clause (`dont`, `soit`), else ''."""
        match = _OPENER.match(self.before)
        word = fold(match.group("word")) if match else ""
        return word if match and _BOUNDARY.fullmatch(match.group("word")) else ""

    @property
    def clause(self) -> str:
        return self.sentence[self.opens : self.closes]


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence, folded, with its offsets and whether it is capitalized."""

    word: str
    start: int
    end: int
    capital: bool


def places(paragraph: Paragraph) -> Iterator[tuple[StatedValue, Place]]:
    """Each value of `paragraph` with its place in its sentence."""
    text = paragraph.text
    spans = _spans(text, paragraph.values)
    for index, (value, (start, end)) in enumerate(zip(paragraph.values, spans, strict=True)):
        first, last = _sentence(text, start)
        low = max([first, *(e for _, e in spans[:index])])
        high = min([last, *(s for s, _ in spans[index + 1 :])])
        opens, closes = _clause(text, (low, high), (start, end))
        offsets = (opens - first, start - first, end - first, closes - first)
        yield value, Place(text[first:last], *offsets, at=first)


def _spans(text: str, values: Sequence[StatedValue]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for value in values:
        at = text.find(value.raw, cursor)
        cursor = at + len(value.raw)
        spans.append((at, cursor))
    return spans


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence holding offset `at` (as `loaders.prose` cuts sentences)."""
    head, tail = sentences(text[:at]), sentences(text[at:])
    first = at - len(head[-1]) if head else 0
    return first, at + len(tail[0]) if tail else len(text)


def _clause(text: str, bounds: tuple[int, int], value: tuple[int, int]) -> tuple[int, int]:
    """The value's clause: from the last boundary before it to the first one after it."""
    opens = bounds[0]
    for match in _BOUNDARY.finditer(text, bounds[0], value[0]):
        opens = match.end() if match.group(1) else match.start()
    closing = _BOUNDARY.search(text, value[1], bounds[1])
    return opens, closing.start() if closing else bounds[1]


def sense(place: Place) -> tuple[bool, int]:
    """A change (a change word in the clause before the value, or `de plus` / `de moins`
    right after it) or a level; a decrease is negative."""
    clause, tail = fold(place.before), fold(place.after)
    after = _AFTER.search(tail)
    decrease = _DECREASE.search(clause) or (after and after.group(1) == "moins")
    return bool(_CHANGE.search(clause) or after), -1 if decrease else 1


def quantity(place: Place) -> Measure | None:
    """The last quantity word before the value in its sentence, else the first after it in
    its clause; else expenditure when the sentence speaks of a budget; else None."""
    before = _QUANTITY.findall(fold(place.lead))
    if before:
        return _QUANTITIES[before[-1]]
    after = _QUANTITY.findall(fold(place.after))
    if after:
        return _QUANTITIES[after[0]]
    return Measure.EXPENDITURE if _BUDGET.search(fold(place.sentence)) else None


def written_years(place: Place) -> list[str]:
    """The fiscal years (`2008-2009`: two consecutive years) written in the value's clause."""
    found = [(a, b) for a, b in WRITTEN_YEAR.findall(place.clause) if is_fiscal_year(a, b)]
    return list(dict.fromkeys(f"{a}-{b}" for a, b in found))


def tokens(text: str) -> list[Token]:
    """The words of `text`, folded as `loaders.text.name_key` folds them."""
    found: list[Token] = []
    for match in _WORD.finditer(text):
        capital = match.group()[0].isupper()
        found += [Token(w, match.start(), match.end(), capital) for w in words(match.group())]
    return found
