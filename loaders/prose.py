"""Prose: the portfolio's name, and the amounts and percentages stated in them."""

from __future__ import annotations

import re
from decimal import Decimal

from loaders.numbers import parse_number
from loaders.records import Provenance, StatedValue, Unit, UnreadValue
from loaders.text import sentence_ends

_SPACE = "[ \u00a0\u202f]"
# A word of an amount: letters, digits and inner commas or dots holding at least one
# digit (`11o`, `5,1`, `5.1`, `S,1`), or one to three look-alike letters (`OOO`, `l`).
_WORD = r"(?:(?=[0-9A-Za-z.,]*[0-9])[0-9A-Za-z]+(?:[.,][0-9A-Za-z]+)*|[oOlI]{1,3})"
# An amount-like token: words separated by spaces, then `$` or `%` (maybe `M$`, `k$`).
# It starts at a word boundary, and not inside a year range: `2007-2008 5 %` is `5 %`.
_TOKEN = re.compile(
    rf"(?<![\w.,])(?<![0-9][-–/])(?P<number>{_WORD}(?:{_SPACE}+{_WORD})*)"
    rf"(?P<scale>{_SPACE}*[MGk](?=\s*\$))?\s*(?P<unit>\$|%)"
)
_PORTFOLIO = re.compile(r"portefeuille\s*«\s*(?P<name>[^»]+?)\s*»", re.IGNORECASE)


def portfolio_mention(text: str) -> str | None:
    match = _PORTFOLIO.search(text)
    return match.group("name") if match else None


def stated_values(
    text: str, provenance: Provenance
) -> tuple[tuple[StatedValue, ...], tuple[UnreadValue, ...]]:
    """Every `N $` and `N %` of a paragraph, with the phrase around it; and every
    amount-like token that does not parse as one (`11o 600 000 $`), kept unread.

    The phrase runs from the end of the previous token (or the sentence start)
    to the start of the next token (or the sentence end).
    """
    matches = list(_TOKEN.finditer(text))
    bounds = _sentence_bounds(text)
    values: list[StatedValue] = []
    unread: list[UnreadValue] = []
    for index, match in enumerate(matches):
        number = _number(match)
        if number is None:
            unread.append(UnreadValue(match.group(0), _unit(match), provenance))
            continue
        start, end = next((s, e) for s, e in bounds if s <= match.start() < e)
        if index > 0:
            start = max(start, matches[index - 1].end())
        if index + 1 < len(matches):
            end = min(end, matches[index + 1].start())
        phrase = text[start:end].strip(" ,;.:")
        values.append(StatedValue(number, _unit(match), match.group(0), phrase, provenance))
    return tuple(values), tuple(unread)


def _number(match: re.Match[str]) -> Decimal | None:
    """The token's number: whole, French-grouped, with no scale word (`M$` is not read)."""
    if match.group("scale"):
        return None
    return parse_number(match.group("number"))


def _unit(match: re.Match[str]) -> Unit:
    return Unit.DOLLARS if match.group("unit") == "$" else Unit.PERCENT


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    cuts = sentence_ends(text)
    starts = [0, *cuts]
    ends = [*cuts, len(text) + 1]
    return list(zip(starts, ends, strict=True))
