"""What each target says of itself: elements and programs, their names and clauses.

An element's profile is its name (as each table writes it) and the clauses of its
program's definition and highlights that are about it: a clause goes to the
element whose name it holds the most of (at least 30 % of the name's weight,
and more than any other element's). A program's profile is its names and all its
clauses. The administration elements are those whose names are made of the
words the family uses for the ministry's own support (`Administration`,
`Direction et soutien administratif`, `Soutien à la gestion`...): the targets of
central services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.build.scope import Scope
from graph.build.serves_match import Vocabulary, coverage
from graph.build.serves_text import Field, Passage, passage, program_clauses, program_name_passages
from loaders.records import Program
from loaders.text import content_tokens, stem

MIN_CLAUSE_COVERAGE = 0.3
"""A clause is about an element when it holds at least this share of the element's name
(idf-weighted: a name's own rare words, written nowhere else, weigh the most). 0.3 rather
than a third: chosen on the fitted documents (one pair more right, one wrong less)."""
_SUPPORT_WORDS = frozenset(stem(w) for w in "direction soutien gestion ressources services".split())
_ADMINISTRATIVE = frozenset(
    stem(w)
    for w in """administration administratif administrative administratifs centralises
    informationnelles interne support corporatifs""".split()
)
MIN_SUPPORT_SHARE = 0.5
"""An element is an administration element when at least half its name's words are the
family's words for the ministry's own support, and either one of them says administration
outright (`administratif`, `centralisés`, `informationnelles`) or they all are support
words (`Soutien à la gestion`, `Direction et services de soutien`): `Gestion de la faune`,
`Soutien aux entreprises` or `Services aux entreprises` is not."""


@dataclass
class Target:
    """An element (or a program): its node, number, name passages and profile."""

    node: str
    number: str  # `1.2` for an element, `1` for a program
    program: int
    names: list[Passage]
    profile: list[Passage] = field(default_factory=list)
    support: float = 0.0  # the share of its name made of support words

    @property
    def is_element(self) -> bool:
        return "." in self.number


@dataclass
class Targets:
    """One document's ministry elements and programs (the bodies' program apart)."""

    elements: list[Target]
    programs: list[Target]
    clauses: list[Passage]

    def of_program(self, number: int) -> list[Target]:
        return [e for e in self.elements if e.program == number]

    def support(self) -> list[Target]:
        """The administration elements, most plainly administrative first."""
        found = [e for e in self.elements if e.support >= MIN_SUPPORT_SHARE]
        return sorted(found, key=lambda e: (-e.support, e.number))


def read_targets(scope: Scope, drop: tuple[str, ...], bodies: set[int]) -> Targets:
    elements, programs, clauses = [], [], []
    for program in scope.document.programs:
        if program.number in bodies:
            continue
        names = program_name_passages(program, drop)
        own = program_clauses(program, drop)
        node = scope.programs[program.number]
        programs.append(Target(node, str(program.number), program.number, names, names + own))
        elements += _elements(scope, program, drop)
        clauses += own
    return Targets(elements, programs, clauses)


def _elements(scope: Scope, program: Program, drop: tuple[str, ...]) -> list[Target]:
    found = []
    for row, compared in zip(program.elements, program.comparison, strict=True):
        assert row.number is not None and row.name is not None
        names = [passage(row.name, row.provenance, Field.ELEMENT_NAME, drop)]
        if compared.name and compared.name != row.name:
            names.append(passage(compared.name, compared.provenance, Field.ELEMENT_NAME, drop))
        node = scope.elements[(program.number, row.number)]
        found.append(Target(node, f"{program.number}.{row.number}", program.number, names))
    return found


def complete(targets: Targets, vocabulary: Vocabulary) -> None:
    """Give each element its clauses and its support share, once idf is known."""
    for element in targets.elements:
        element.profile = list(element.names)
        element.support = support_share(element.names[0].text)
    for clause in targets.clauses:
        owner = _owner(vocabulary, clause, targets.of_program(_program_of(targets, clause)))
        if owner is not None:
            owner.profile.append(clause)


def _program_of(targets: Targets, clause: Passage) -> int:
    return next(p.program for p in targets.programs if clause in p.profile)


def _owner(vocabulary: Vocabulary, clause: Passage, elements: Sequence[Target]) -> Target | None:
    shares = sorted(
        ((coverage(vocabulary, [clause], e.names), e.number, e) for e in elements),
        key=lambda item: (-item[0], item[1]),
    )
    if not shares or shares[0][0] < MIN_CLAUSE_COVERAGE:
        return None
    if len(shares) > 1 and shares[1][0] == shares[0][0]:
        return None
    return shares[0][2]


def support_share(name: str) -> float:
    """How much an element's name is about the ministry's own support (see
    `MIN_SUPPORT_SHARE`): 1.0 for `Soutien à la gestion`, 0.0 for `Soutien aux entreprises`."""
    return stems_support({t.stem for t in content_tokens(name)})


def stems_support(words: set[str]) -> float:
    """`support_share` of a name's stems."""
    support = words & (_SUPPORT_WORDS | _ADMINISTRATIVE)
    if not words or not (words & _ADMINISTRATIVE or support == words):
        return 0.0
    return len(support) / len(words)


def own_words(element: Target) -> frozenset[str]:
    """An element's name stems less the family's generic support words: what tells one
    administration element from another (`informationnel` in `Ressources
    informationnelles`)."""
    return frozenset(s for p in element.names for s in p.stems) - _SUPPORT_WORDS


def target_texts(targets: Targets) -> list[list[Passage]]:
    """The texts idf counts on the targets' side: each program's, each element's name."""
    return [p.profile for p in targets.programs] + [e.names for e in targets.elements]
