"""Whose amount a highlight value states: the names its sentence writes, read on the graph.

A *mention* is a span of a sentence that names a subject:
- an organization of the portfolio, by its full name (across case, accents and
  articles: `au ministère de l'Immigration et des Communautés culturelles`);
- `portefeuille`: the portfolio;
- `ministère` (alone, as in `pour le Ministère`): the portfolio's ministry, the
  one organization whose name starts with `Ministère`; followed by a
  capitalized name (`du ministère du Conseil exécutif`), another ministry
  unless that name starts the ministry's own;
- a collective name of the bodies reporting to the minister: `organisme(s)`
  (all of them), or a plural of the word their names start with (`conseils`,
  `commissions`: the councils, the commissions), alone or listed (`aux
  conseils et commissions relevant du ministre`). It stands for the program
  whose elements are exactly the bodies it names (the bodies' program,
  `Organisme(s) relevant du ministre`), else for the one body it names;
- `programme N`: program N of the document; `programme` alone: the program of
  the paragraph;
- bodies named one after the other (`le Conseil A, la Commission B et l'Office
  C`): together, the program whose elements they are (else unchecked);
- a capitalized word right after an article (`au Conseil ...`, `la Régie ...`)
  that is no part of the names above nor of a `« quoted »` name: a name the
  graph does not hold.
A longer mention wins over a shorter one it overlaps. A mention whose node
cannot be told (no or several ministries, bodies that no one program or body
stands for, an unknown program number or name) names no node, and says why:
its value is reported unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graph.attributes import Graph, is_body, name, number
from graph.audit.prose import Place, Token, tokens
from graph.kinds import Rel
from graph.queries import children, parents, programs
from loaders.text import name_key

_QUOTED = re.compile(r"«[^»]*»")
_DETERMINERS = {"le", "la", "les", "l", "au", "aux", "du", "des"}
_LISTED = {"et", "ou"}
_ALL_BODIES = {"organisme", "organismes"}
_LIST_GAP = re.compile(r"[\s,]*(?:\b(?:et|ou)\b)?\s*(?:\b(?:le|la|les|au|aux|du|des)\b|l['’])?\s*")


@dataclass(frozen=True, slots=True)
class Names:
    """What one document's highlights can name, and the node each name stands for."""

    portfolio: str
    organizations: dict[tuple[str, ...], str]
    words: dict[str, str | None]
    programs: dict[int, str]
    bodies: dict[str, frozenset[str]]
    """Each collective word (`organismes`, `conseils`) → the bodies it names."""
    wholes: dict[frozenset[str], str]
    """A set of bodies → the program whose elements they are."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence naming a subject; `node` None (and `problem` why) for one the
    graph does not hold or cannot tell."""

    start: int
    end: int
    node: str | None
    problem: str = ""


def names_of(graph: Graph, portfolio: str, edition: str) -> Names:
    """The organizations, ministry, bodies and programs of one document."""
    organizations = {
        tuple(name_key(name(graph, o)).split()): o
        for o in children(graph, portfolio, Rel.HAS_ORGANIZATION)
        if name_key(name(graph, o))
    }
    numbered = {int(number(graph, p)): p for p in programs(graph, portfolio, edition)}
    ministry = _only(o for key, o in organizations.items() if key[:1] == ("ministere",))
    wholes = {_bodies_of(graph, p): p for p in numbered.values()}
    wholes.pop(frozenset(), None)  # the programs no body makes up
    bodies = _collectives({b for whole in wholes for b in whole}, graph)
    words = {"portefeuille": portfolio, "ministere": ministry}
    return Names(portfolio, organizations, words, numbered, bodies, wholes)


def _bodies_of(graph: Graph, program: str) -> frozenset[str]:
    elements = children(graph, program, Rel.HAS_ELEMENT)
    found = [b for e in elements for b in parents(graph, e, Rel.ADMINISTERS)]
    is_whole = len(found) == len(elements) and all(is_body(graph, b) for b in found)
    return frozenset(found) if is_whole else frozenset()


def _collectives(bodies: set[str], graph: Graph) -> dict[str, frozenset[str]]:
    """`organismes` → every body; `conseils` → the bodies whose name starts `Conseil`."""
    found: dict[str, set[str]] = {word: set(bodies) for word in _ALL_BODIES}
    for body in bodies:
        head = name_key(name(graph, body)).split()[0]
        plurals = {head} if head[-1] in "sx" else {f"{head}s", f"{head}x"}
        for word in plurals - _ALL_BODIES:
            found.setdefault(word, set()).add(body)
    return {word: frozenset(nodes) for word, nodes in found.items()}


def _only(nodes: Iterable[str]) -> str | None:
    found = list(nodes)
    return found[0] if len(found) == 1 else None


def subject(names: Names, place: Place, program: int | None, share: bool) -> Mention:
    """The first mention after the value in its clause, else the last one before it in its
    sentence, else the paragraph's program (none if the document has no such program),
    else the portfolio. A share's subject is the part, never the portfolio (the whole it
    is a share of)."""
    found = mentions(names, place.sentence, program)
    if share:
        found = [m for m in found if m.node != names.portfolio]
    after = [m for m in found if place.end <= m.start < place.closes]
    before = [m for m in found if m.start < place.start]
    if after or before:
        return after[0] if after else before[-1]
    if program is None:
        return Mention(0, 0, names.portfolio)
    return _program(names, program, f"the paragraph's program {program} is no program")


def mentions(names: Names, sentence: str, program: int | None) -> list[Mention]:
    """Every mention of `sentence`, in order."""
    words = tokens(sentence)
    content = [t for t in words if name_key(t.word)]  # articles are no part of a name
    named = [*_organizations(names, content), *_words(names, content, program)]
    named = _listed(names, sentence, _longest([*named, *_collective(names, words)]))
    taken = [(m.start, m.end) for m in named]
    taken += [(q.start(), q.end()) for q in _QUOTED.finditer(sentence)]
    return sorted([*named, *_unknown(sentence, words, taken)], key=lambda m: m.start)


def _listed(names: Names, sentence: str, found: list[Mention]) -> list[Mention]:
    """Bodies named one after the other (`le Conseil A, la Commission B et l'Office C`):
    one mention of them together, standing for the program they make up."""
    bodies = {b for whole in names.wholes for b in whole}
    merged: list[list[Mention]] = []
    for mention in sorted(found, key=lambda m: m.start):
        last = merged[-1] if merged else None
        gap = sentence[last[-1].end : mention.start] if last else ""
        joined = last is not None and {last[-1].node, mention.node} <= bodies
        if joined and last is not None and _LIST_GAP.fullmatch(gap):
            last.append(mention)
        else:
            merged.append([mention])
    return [
        run[0] if len(run) == 1 else _bodies(names, _nodes(run), (run[0].start, run[-1].end))
        for run in merged
    ]


def _nodes(run: list[Mention]) -> frozenset[str]:
    return frozenset(m.node for m in run if m.node is not None)


def _organizations(names: Names, content: list[Token]) -> Iterator[Mention]:
    for key, node in names.organizations.items():
        for index in range(len(content) - len(key) + 1):
            run = content[index : index + len(key)]
            if tuple(t.word for t in run) == key:
                yield Mention(run[0].start, run[-1].end, node)


def _words(names: Names, content: list[Token], program: int | None) -> Iterator[Mention]:
    for index, token in enumerate(content):
        following = content[index + 1] if index + 1 < len(content) else None
        if token.word == "ministere":
            yield _ministry(names, token, following)
        elif token.word in names.words:
            node = names.words[token.word]
            yield Mention(token.start, token.end, node, "" if node else "no single one")
        elif token.word == "programme":
            if following is not None and following.word.isdigit():
                number = int(following.word)
                found = _program(names, number, f"the document has no program {number}")
                yield Mention(token.start, following.end, found.node, found.problem)
            elif program is not None:
                found = _program(names, program, f"the paragraph's program {program} is none")
                yield Mention(token.start, token.end, found.node, found.problem)
            else:
                yield Mention(token.start, token.end, None, "no program is named")


def _ministry(names: Names, token: Token, following: Token | None) -> Mention:
    """`le Ministère` is the ministry; `le ministère du Conseil exécutif` another one,
    unless its name starts the ministry's own (`du ministère de l'Immigration`)."""
    ministry = names.words["ministere"]
    if ministry is None:
        return Mention(token.start, token.end, None, "the document has no single ministry")
    if following is None or not following.capital:
        return Mention(token.start, token.end, ministry)
    own = next(key for key, node in names.organizations.items() if node == ministry)
    if own[1:2] == (following.word,):
        return Mention(token.start, following.end, ministry)
    return Mention(token.start, following.end, None, "another ministry")


def _program(names: Names, number: int, problem: str) -> Mention:
    node = names.programs.get(number)
    return Mention(0, 0, node, "" if node else problem)


def _collective(names: Names, words: list[Token]) -> Iterator[Mention]:
    """Runs of collective words (`conseils et commissions`): the union of their bodies."""
    run: list[Token] = []
    for token in [*words, None]:
        if token is not None and token.word in names.bodies:
            run.append(token)
        elif token is not None and run and token.word in _LISTED | _DETERMINERS:
            continue
        elif run:
            found = frozenset().union(*(names.bodies[t.word] for t in run))
            yield _bodies(names, found, (run[0].start, run[-1].end))
            run = []


def _bodies(names: Names, found: frozenset[str], span: tuple[int, int]) -> Mention:
    """The program whose elements are exactly these bodies, else the one body."""
    if found in names.wholes:
        return Mention(*span, names.wholes[found])
    if len(found) == 1:
        return Mention(*span, next(iter(found)))
    problem = f"names {len(found)} bodies that no one program holds" if found else "no body"
    return Mention(*span, None, problem)


def _longest(found: list[Mention]) -> list[Mention]:
    """The mentions no longer mention overlaps."""
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start - m.end):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return kept


def _unknown(sentence: str, words: list[Token], taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Capitalized words right after an article, outside every known name."""
    for previous, token in zip(words, words[1:], strict=False):
        outside = not any(start <= token.start < end for start, end in taken)
        if token.capital and previous.word in _DETERMINERS and outside:
            name = sentence[token.start : token.end]
            yield Mention(token.start, token.end, None, f"« {name} … » is no name it holds")
