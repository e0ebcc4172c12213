"""Prose: the portfolio's name, and the amounts and percentages stated in them."""

from __future__ import annotations

import re
from decimal import Decimal

from loaders.numbers import parse_number
from loaders.records import Provenance, StatedValue, Unit
from loaders.text import sentence_ends

_NUMBER = r"(?:[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
_VALUE = re.compile(rf"(?<![0-9,])(?P<number>{_NUMBER})\s*(?P<unit>\$|%)")
_PORTFOLIO = re.compile(r"portefeuille\s*«\s*(?P<name>[^»]+?)\s*»", re.IGNORECASE)


def portfolio_mention(text: str) -> str | None:
    match = _PORTFOLIO.search(text)
    return match.group("name") if match else None


def stated_values(text: str, provenance: Provenance) -> tuple[StatedValue, ...]:
    """Every `N $` and `N %` of a paragraph, with the phrase around it.

    The phrase runs from the end of the previous value (or the sentence start)
    to the start of the next value (or the sentence end).
    """
    matches = list(_VALUE.finditer(text))
    bounds = _sentence_bounds(text)
    values: list[StatedValue] = []
    for index, match in enumerate(matches):
        start, end = next((s, e) for s, e in bounds if s <= match.start() < e)
        if index > 0:
            start = max(start, matches[index - 1].end())
        if index + 1 < len(matches):
            end = min(end, matches[index + 1].start())
        values.append(_stated(match, text[start:end].strip(" ,;.:"), provenance))
    return tuple(values)


def _stated(match: re.Match[str], phrase: str, provenance: Provenance) -> StatedValue:
    number = parse_number(match.group("number"))
    assert number is not None  # the pattern only matches numbers
    unit = Unit.DOLLARS if match.group("unit") == "$" else Unit.PERCENT
    return StatedValue(Decimal(number), unit, match.group(0), phrase, provenance)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    cuts = sentence_ends(text)
    starts = [0, *cuts]
    ends = [*cuts, len(text) + 1]
    return list(zip(starts, ends, strict=True))
