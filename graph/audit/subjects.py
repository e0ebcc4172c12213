"""Whose amount a highlight value states: the names its sentence writes, read on the graph.

A *mention* is a span of a sentence that names a subject:
- an organization of the portfolio, by its full name (across case, accents and
  articles: `au ministère de l'Immigration et des Communautés culturelles`);
- `portefeuille`: the portfolio;
- `ministère` (alone, as in `pour le Ministère`): the portfolio's ministry, the
  one organization whose name starts with `Ministère`;
- `organisme(s)`: the bodies reporting to the minister as a whole, the one
  program whose name starts with `Organisme(s)`;
- `programme N`: program N of the document; `programme` alone: the program of
  the paragraph;
- a capitalized word right after an article (`au Conseil ...`, `la Régie ...`)
  that is no part of the names above nor of a `« quoted »` name: a name the
  graph does not hold.
A longer mention wins over a shorter one it overlaps. A mention whose node
cannot be told (no or several ministries or bodies programs, an unknown
program number or name) names no node: its value is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graph.attributes import Graph
from graph.audit.prose import Place, Token, tokens
from graph.kinds import Rel
from graph.queries import children, programs
from loaders.text import name_key

_QUOTED = re.compile(r"«[^»]*»")
_DETERMINERS = {"le", "la", "les", "l", "au", "aux", "du", "des"}


@dataclass(frozen=True, slots=True)
class Names:
    """What one document's highlights can name, and the node each name stands for."""

    portfolio: str
    organizations: dict[tuple[str, ...], str]
    words: dict[str, str | None]
    programs: dict[int, str]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence naming a subject; `node` None for one the graph does not hold."""

    start: int
    end: int
    node: str | None


def names_of(graph: Graph, portfolio: str, edition: str) -> Names:
    """The organizations, ministry, bodies program and programs of one document."""
    organizations = {
        tuple(name_key(graph.nodes[o]["name"]).split()): o
        for o in children(graph, portfolio, Rel.HAS_ORGANIZATION)
        if name_key(graph.nodes[o]["name"])
    }
    numbered = {int(graph.nodes[p]["number"]): p for p in programs(graph, portfolio, edition)}
    ministry = _only(o for key, o in organizations.items() if key[:1] == ("ministere",))
    bodies = _only(p for p in numbered.values() if _starts(graph, p, "organisme"))
    words = {"portefeuille": portfolio, "ministere": ministry}
    words |= {"organisme": bodies, "organismes": bodies}
    return Names(portfolio, organizations, words, numbered)


def _starts(graph: Graph, node: str, word: str) -> bool:
    return name_key(graph.nodes[node]["name"]).startswith(word)


def _only(nodes: Iterable[str]) -> str | None:
    found = list(nodes)
    return found[0] if len(found) == 1 else None


def subject(names: Names, place: Place, program: int | None, share: bool) -> str | None:
    """The first mention after the value in its clause, else the last one before it in its
    sentence, else the paragraph's program (None if the document has no such program),
    else the portfolio; None for a mention that names no node. A share's subject is the
    part, never the portfolio (the whole it is a share of)."""
    found = mentions(names, place.sentence, program)
    if share:
        found = [m for m in found if m.node != names.portfolio]
    after = [m for m in found if place.end <= m.start < place.closes]
    before = [m for m in found if m.start < place.start]
    if after or before:
        return (after[0] if after else before[-1]).node
    return names.programs.get(program) if program is not None else names.portfolio


def mentions(names: Names, sentence: str, program: int | None) -> list[Mention]:
    """Every mention of `sentence`, in order."""
    words = tokens(sentence)
    content = [t for t in words if name_key(t.word)]  # articles are no part of a name
    named = _longest([*_organizations(names, content), *_words(names, content, program)])
    taken = [(m.start, m.end) for m in named]
    taken += [(q.start(), q.end()) for q in _QUOTED.finditer(sentence)]
    return sorted([*named, *_unknown(words, taken)], key=lambda m: m.start)


def _organizations(names: Names, content: list[Token]) -> Iterator[Mention]:
    for key, node in names.organizations.items():
        for index in range(len(content) - len(key) + 1):
            run = content[index : index + len(key)]
            if tuple(t.word for t in run) == key:
                yield Mention(run[0].start, run[-1].end, node)


def _words(names: Names, content: list[Token], program: int | None) -> Iterator[Mention]:
    for index, token in enumerate(content):
        if token.word in names.words:
            yield Mention(token.start, token.end, names.words[token.word])
        elif token.word == "programme":
            following = content[index + 1] if index + 1 < len(content) else None
            if following is not None and following.word.isdigit():
                node = names.programs.get(int(following.word))
                yield Mention(token.start, following.end, node)
            else:
                node = names.programs.get(program) if program is not None else None
                yield Mention(token.start, token.end, node)


def _longest(found: list[Mention]) -> list[Mention]:
    """The mentions no longer mention overlaps."""
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start - m.end):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return kept


def _unknown(words: list[Token], taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Capitalized words right after an article, outside every known name."""
    for previous, token in zip(words, words[1:], strict=False):
        outside = not any(start <= token.start < end for start, end in taken)
        if token.capital and previous.word in _DETERMINERS and outside:
            yield Mention(token.start, token.end, None)
