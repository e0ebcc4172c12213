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
from functools import lru_cache

from graph.build.scope import Scope
from loaders.records import Item, OrgGroup, Program, Provenance, Text
from loaders.text import (
    Token,
    content_tokens,
    fold,
    has_content,
    name_key,
    sentence_ends,
    stem,
)


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


SOURCE_FIELDS = frozenset({Field.NAME, Field.INTRO, Field.OBJECTIVE, Field.MODE, Field.MANDATE})


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of text as written, where it was written, and its content words."""

    text: str
    line: int
    field: Field
    tokens: tuple[Token, ...]
    stems: frozenset[str]

    @classmethod
    def of(cls, text: str, line: int, field: Field, tokens: Iterable[Token]) -> Passage:
        kept = tuple(tokens)
        return cls(text, line, field, kept, frozenset(t.stem for t in kept))


# Clauses: a definition or highlight enumerates activities between commas, semicolons,
# colons and parentheses, with `ainsi que` / `de même que`, or as coordinated `et à ...`,
# `par ...` phrases.
_CLAUSE_END = re.compile(
    r"[,;:()]|\s(?:ainsi que|de meme que|incluant|y compris|alors que)\s"
    r"|\set\s(?=(?:a|au|aux|de|des|du|la|le|les)\s|l'|d')"
)
# The words a name is titled with (FORMAT.md's unit and group headings) say what kind of
# unit it is; the ministry's own words name the whole; the verbs that open objectives,
# modes and mandates (`Favoriser ...`, `assure ...`) say how, not what: none of them is
# evidence of what a unit serves.
_TITLE_WORDS = frozenset(
    stem(w)
    for w in "direction directions generale secteur service services centre bureau "
    "secretariat unite module division haute".split()
)
_MINISTRY_WORDS = frozenset(
    stem(w) for w in "ministere ministre ministeriel ministerielle portefeuille".split()
)
_FAMILY_VERBS = frozenset(
    """assurer assure assurent assurant favoriser favorise favorisent favorisant soutenir
    soutient soutiennent soutenant permettre permet permettent viser vise visent visant
    contribuer contribue offrir offre offrent coordonner coordonne coordonnent elaborer
    elabore elaborent conseiller conseille assister assiste appuyer appuie appuient veiller
    veille realiser realise mettre met oeuvre ensemble activites activite programme
    programmes mandat mandats responsable responsabilites relatives relatifs relative
    matiere egard cadre regroupe regroupent comprend comporte relevent releve gere""".split()
)


def passage(text: str, provenance: Provenance, field: Field, drop: tuple[str, ...]) -> Passage:
    tokens = _without(content_tokens(text), drop)
    if field in SOURCE_FIELDS:
        tokens = (t for t in tokens if not _generic(text, t))
    return Passage.of(text, provenance.line_start, field, tokens)


def _generic(text: str, token: Token) -> bool:
    if token.stem in _MINISTRY_WORDS or token.word in _FAMILY_VERBS:
        return True
    return token.stem in _TITLE_WORDS and text[token.start].isupper()


def _without(tokens: list[Token], drop: tuple[str, ...]) -> Iterator[Token]:
    """The tokens, less each run that spells the portfolio's name after `ministère`,
    `ministre` or `portefeuille`: the whole portfolio is no evidence for one of its parts."""
    index = 0
    while index < len(tokens):
        if drop and tokens[index].stem in _MINISTRY_WORDS:
            after = tokens[index + 1 : index + 1 + len(drop)]
            if tuple(t.stem for t in after) == drop:
                index += 1 + len(drop)
                continue
        yield tokens[index]
        index += 1


def without_mentions(found: Passage, names: Iterable[tuple[str, ...]]) -> Passage:
    """The passage less each sentence that names another unit or group: such a sentence
    says what that other one does (`... sont établies par les unités du secteur de ...`)."""
    names = [name for name in names if found.stems.issuperset(name)]
    if not names:  # no sentence can hold a name whose words the passage lacks
        return found
    ends = [*sentence_ends(found.text), len(found.text)]
    kept: list[Token] = []
    start = 0
    for end in ends:
        tokens = [t for t in found.tokens if start <= t.start < end]
        stems = tuple(t.stem for t in tokens)
        if not any(_holds(stems, name) for name in names):
            kept += tokens
        start = end
    return Passage.of(found.text, found.line, found.field, kept)


def _holds(stems: tuple[str, ...], name: tuple[str, ...]) -> bool:
    width = len(name)
    return any(stems[i : i + width] == name for i in range(len(stems) - width + 1))


def name_passage(text: str, provenance: Provenance, drop: tuple[str, ...]) -> Passage:
    """A source's own name, less the words that title it (`Direction`, `SECTEUR`...)."""
    found = passage(text, provenance, Field.NAME, drop)
    kept = tuple(t for t in found.tokens if t.stem not in _TITLE_WORDS)
    return Passage.of(found.text, found.line, Field.NAME, kept)


def portfolio_stems(scope: Scope) -> tuple[str, ...]:
    return tuple(t.stem for t in content_tokens(scope.document.portfolio))


def group_passages(group: OrgGroup, drop: tuple[str, ...]) -> list[Passage]:
    found = [name_passage(group.name, group.provenance, drop)]
    found += [passage(t.text, t.provenance, Field.INTRO, drop) for t in group.intro]
    found += _items(group.objectives, Field.OBJECTIVE, drop)
    found += _items(group.modes, Field.MODE, drop)
    return found


def unit_passages(
    name: str, provenance: Provenance, items: Iterable[Item], drop: tuple[str, ...]
) -> list[Passage]:
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
    folded = "".join(map(_one_letter, text))  # one letter for each, to cut both alike
    cuts = [0]
    for match in _CLAUSE_END.finditer(folded):
        cuts += [match.start(), match.end()]
    cuts.append(len(text))
    pieces = (text[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    return [p for p in pieces if has_content(p)]


@lru_cache(maxsize=4096)  # a document family writes a few hundred characters
def _one_letter(char: str) -> str:
    """A character folded, in one letter (`é` → `e`, `œ` → `o`; `-` stays `-`)."""
    return fold(char)[:1] or char
