"""Decoding a document into numbered lines, and the markup its export leaves."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from loaders.errors import DocumentError, NotTextError
from loaders.records import Provenance

PAGE_HEADER = "Fiches explicatives"
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")
T = TypeVar("T")


class _once(Generic[T]):  # lowercase: a decorator, like the property it stands for
    """`functools.cached_property` without the lock Python 3.11 takes on every first use:
    a line's properties are worked out once each, by one thread."""

    def __init__(self, work: Callable[[Any], T]) -> None:
        self.work, self.name = work, work.__name__
        self.__doc__ = work.__doc__

    def __get__(self, instance: object, owner: type | None = None) -> T:
        value = self.work(instance)
        instance.__dict__[self.name] = value  # found there from now on, before this
        return value


@dataclass(frozen=True)
class Line:
    """One source line: its 1-based number and its text without the line ending.

    `clean`, `cells` and `provenance` are worked out once, on first use: every section
    parser reads them again, and every fact of the line shares its one provenance.
    """

    source: str
    number: int
    text: str

    @_once
    def clean(self) -> str:
        """The text without export markup and surrounding spaces."""
        return strip_markup(self.text).strip()

    @_once
    def cells(self) -> tuple[str, ...]:
        return tuple(cell.strip() for cell in strip_markup(self.text).split("\t"))

    @_once
    def provenance(self) -> Provenance:
        return Provenance(self.source, self.number, self.number, self.text)

    def error(
        self, cls: type[DocumentError], problem: str, cell: int | None = None
    ) -> DocumentError:
        return cls(self.source, self.number, problem, cell=cell, text=self.text)


@lru_cache(maxsize=8192)  # a line's text is stripped for each of its readers
def strip_markup(text: str) -> str:
    """Remove `**bold**`, `*italic*` and the `\\$` escape."""
    if "*" not in text and "\\" not in text:  # most lines: no markup, no regex work
        return text
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text.replace("\\$", "$")))


def span(lines: Sequence[Line]) -> Provenance:
    """The provenance of consecutive lines: first to last, with their text."""
    first, last = lines[0], lines[-1]
    return Provenance(first.source, first.number, last.number, "\n".join(x.text for x in lines))


def decode(source: str, data: bytes) -> str:
    """UTF-8 with or without a byte-order mark; anything else is not text."""
    if b"\x00" in data:
        raise NotTextError(source, _line_of(data, data.index(b"\x00")), "is not text (NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        raise NotTextError(source, line, f"is not UTF-8 text ({exc.reason})") from None
    return text.removeprefix("\ufeff")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def split_lines(source: str, text: str) -> list[Line]:
    """Numbered lines; LF or CRLF endings (only `\\n` ends a line, as editors count)."""
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    return [Line(source, n, t.removesuffix("\r")) for n, t in enumerate(raw, start=1)]


def content_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines that carry content: no blank lines, no repeated page headers."""
    return [x for x in lines if x.text.strip() and x.clean != PAGE_HEADER]
