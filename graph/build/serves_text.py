"""The texts serves are inferred from, as passages: what each group, unit and target says.

A source (group or unit) is described by its name, its opening prose, each
objective and intervention mode (sub-items apart) and each mandate bullet; a
target by its name as written in each place and, for a program, its definition
and highlight paragraphs cut into clauses. Each passage keeps its line, so an
edge can quote what it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from graph.build.scope import Scope
from loaders.records import Item, OrgGroup, Program, Provenance, Text
from loaders.text import Token, content_tokens, fold, name_key, stem


class Field(StrEnum):
    """Where a passage was written."""

    NAME = "name"
    INTRO = "intro"
    OBJECTIVE = "objective"
    MODE = "mode"
    MANDATE = "mandate"
    ELEMENT_NAME = "element name"
    PROGRAM_NAME = "program name"
    DEFINITION = "definition"
    HIGHLIGHT = "highlight"


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of text as written, where it was written, and its content words."""

    text: str
    line: int
    field: Field
    tokens: tuple[Token, ...]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(t.stem for t in self.tokens)


# Clauses: a definition or highlight enumerates activities between commas, semicolons,
# colons and parentheses, or with `ainsi que` / `de même que`.
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:ainsi que|de meme que|incluant|y compris)\s")
# The words a name is titled with (FORMAT.md's unit and group headings): they say what
# kind of unit it is, not what it serves.
_TITLE_WORDS = frozenset(
    stem(w)
    for w in "direction directions generale secteur service services centre bureau "
    "secretariat unite module division haute".split()
)
_MINISTRY_WORDS = frozenset(stem(w) for w in ("ministere", "ministre", "portefeuille"))


def passage(text: str, provenance: Provenance, field: Field, drop: tuple[str, ...]) -> Passage:
    return Passage(text, provenance.line_start, field, tuple(_without(content_tokens(text), drop)))


def _without(tokens: list[Token], drop: tuple[str, ...]) -> Iterator[Token]:
    """The tokens, less each run that spells the portfolio's name after `ministère`,
    `ministre` or `portefeuille`: the whole portfolio is no evidence for one of its parts."""
    index = 0
    while index < len(tokens):
        run = tuple(t.stem for t in tokens[index + 1 : index + 1 + len(drop)])
        if drop and tokens[index].stem in _MINISTRY_WORDS and run == drop:
            index += 1 + len(drop)
            continue
        yield tokens[index]
        index += 1


def name_passage(text: str, provenance: Provenance, drop: tuple[str, ...]) -> Passage:
    """A source's own name, less the words that title it (`Direction`, `SECTEUR`...)."""
    found = passage(text, provenance, Field.NAME, drop)
    kept = tuple(t for t in found.tokens if t.stem not in _TITLE_WORDS)
    return Passage(found.text, found.line, Field.NAME, kept)


def portfolio_stems(scope: Scope) -> tuple[str, ...]:
    return tuple(t.stem for t in content_tokens(scope.document.portfolio))


def group_passages(group: OrgGroup, drop: tuple[str, ...]) -> list[Passage]:
    found = [name_passage(group.name, group.provenance, drop)]
    found += [passage(t.text, t.provenance, Field.INTRO, drop) for t in group.intro]
    found += _items(group.objectives, Field.OBJECTIVE, drop)
    found += _items(group.modes, Field.MODE, drop)
    return found


def unit_passages(name: str, provenance: Provenance, items: Iterable[Item], drop: tuple[str, ...]) -> list[Passage]:
    return [name_passage(name, provenance, drop), *_items(items, Field.MANDATE, drop)]


def _items(items: Iterable[Item], field: Field, drop: tuple[str, ...]) -> list[Passage]:
    found = []
    for item in items:
        found.append(passage(item.text, item.provenance, field, drop))
        found += _items(item.sub_items, field, drop)
    return found


def program_name_passages(program: Program, drop: tuple[str, ...]) -> list[Passage]:
    """Each distinct spelling of the program's name, where it is first written."""
    seen: dict[str, Text] = {}
    for text in program.names:
        seen.setdefault(name_key(text.text), text)
    return [passage(t.text, t.provenance, Field.PROGRAM_NAME, drop) for t in seen.values()]


def program_clauses(program: Program, drop: tuple[str, ...]) -> list[Passage]:
    """The definition's and highlights' clauses, each a passage of its paragraph's line."""
    paragraphs = [(t.text, t.provenance, Field.DEFINITION) for t in program.definition]
    paragraphs += [(p.text, p.provenance, Field.HIGHLIGHT) for p in program.highlights]
    return [
        passage(clause, provenance, field, drop)
        for text, provenance, field in paragraphs
        for clause in clauses(text)
    ]


def clauses(text: str) -> list[str]:
    """`les soins hospitaliers, les services médicaux ainsi que la santé mentale` → three."""
    folded = fold(text)  # same length as `text` but for rare ligatures; cut both alike
    if len(folded) != len(text):
        return [text]
    cuts = [0]
    for match in _CLAUSE_END.finditer(folded):
        cuts += [match.start(), match.end()]
    cuts.append(len(text))
    pieces = (text[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    return [p for p in pieces if content_tokens(p)]
