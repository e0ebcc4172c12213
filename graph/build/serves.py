"""Which groups, units and bodies serve which elements and programs.

The documents rarely say it outright; every edge is found from their text and
says which text (`basis`: method, evidence quoting the matched phrases with their
lines, the lines, and a confidence):
- central_services: a group whose heading or opening prose says it offers central
  services (`services centralisés`, `services à la gestion`...), or most of whose
  units are named for the ministry's own support, or (not a sector) whose name is made
  of the administration elements' words, serves the administration elements
  (`serves_targets`), and so does each of its units: the one whose own words its name
  holds, else the most plainly administrative one; a group named after a topical
  element is not central services;
- name_match / text_match: a sector's (or other group's) passages are matched
  against each element's name and clauses (`serves_match`), and a logistic model
  (`serves_model`) turns the match into a confidence; an edge needs
  `serves_model.MODEL.threshold`. A group given every element of a program serves
  the program. A unit gets its own edges the same way, and they are its group's
  too (through_unit); a unit of central services also serves what its mandate
  points to, and only that when its name names it;
- stated: a unit that a program's definition or highlights name serves that
  program's element its own text matches best; a group or unit whose own text names
  a program by number (`l'organisme du programme 2`) serves that program;
- body_program: a body reporting to the minister serves its element (its program
  when it is the program's only element);
- inherited: a unit with no edge of its own serves, of what its group serves, the
  elements its own text matches nearly as well as its best (all when it matches none).
A unit or group whose text puts its money outside the portfolio's budget serves
nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from graph.attributes import Graph
from graph.build.scope import Scope
from graph.build.serves_edges import NAME_SHARE, Edges
from graph.build.serves_match import Vocabulary, coverage, match
from graph.build.serves_model import (
    MODEL,
    Candidate,
    Matches,
    Model,
    Names,
    Table,
    Weights,
    candidates,
)
from graph.build.serves_sources import Source, read_sources
from graph.build.serves_targets import (
    Target,
    Targets,
    complete,
    own_words,
    read_targets,
    target_texts,
)
from graph.build.serves_text import portfolio_stems
from graph.kinds import Kind
from loaders.text import fold, name_key

_PROGRAM_MENTION = re.compile(r"\bprogramme\s+(\d+)\b")
FULL_NAME = 0.9
"""The share of an element's name that makes a group named after it."""
MIN_STATED_WORDS = 2
"""A name must have this many words for a program's text holding it to be naming the unit."""
INHERIT_SHARE = 0.75
"""A unit inherits the elements its text matches at least this share of its best match."""
Observer = Callable[[str, Candidate], None]
"""Told of every candidate scored, with the weights' name (`group`, `unit` or `extra`)."""


def add_serves(
    graph: Graph, scope: Scope, model: Model = MODEL, observe: Observer | None = None
) -> None:
    edges = Edges(graph, scope)
    bodies = edges.serve_bodies()
    drop = portfolio_stems(scope)
    sources = read_sources(graph, scope, drop)
    targets = read_targets(scope, drop, bodies)
    vocabulary = Vocabulary([s.passages for s in sources.values()] + target_texts(targets))
    complete(targets, vocabulary)
    Inference(edges, vocabulary, sources, targets, model, observe).run()


class Inference:
    """One document's serves: groups first, then their units."""

    def __init__(
        self,
        edges: Edges,
        vocabulary: Vocabulary,
        sources: dict[str, Source],
        targets: Targets,
        model: Model,
        observe: Observer | None,
    ) -> None:
        self.edges, self.vocabulary, self.sources = edges, vocabulary, sources
        self.targets, self.model, self.observe = targets, model, observe
        self.programs = {p.program: p for p in targets.programs}
        self.table = Table(vocabulary, self._matches(), self._names(), self.programs)
        self.matches, self.names = self.table.matches, self.table.names
        support = {e.number for e in targets.support()}
        self.topical = [e for e in targets.elements if e.number not in support]
        groups = [s for s in sources.values() if s.kind is Kind.ORG_GROUP and not s.outside]
        self.central = [g for g in groups if g.says_central and not self._named_for_topic(g)]
        self.sectors = [g.node for g in groups if g not in self.central]

    def _named_for_topic(self, group: Source) -> bool:
        """A group named after one of the ministry's topical elements (`DIRECTION GÉNÉRALE
        DES AFFAIRES JURIDIQUES ET LÉGISLATIVES` for `Affaires législatives et juridiques`)
        serves that element, whatever its name shares with a support unit's."""
        return any(self.names[group.node][e.number] >= FULL_NAME for e in self.topical)

    def _matches(self) -> Matches:
        return {
            (s.node, t.number): match(self.vocabulary, s.passages, t.profile, t.names)
            for s in self.sources.values()
            for t in self.targets.elements
        }

    def _names(self) -> Names:
        return {
            s.node: {
                t.number: coverage(self.vocabulary, [s.name], t.names)
                for t in self.targets.elements
            }
            for s in self.sources.values()
        }

    def run(self) -> None:
        for group in self.central:
            self._serve_central(group)
        for sector in self.sectors:
            self._serve_sector(self.sources[sector])
        for source in self.sources.values():
            self._serve_named_programs(source)

    def _serve_named_programs(self, source: Source) -> None:
        """A group or unit whose own text names a program by number serves it (stated)."""
        if source.outside:
            return
        for said in source.passages[1:]:
            for number in _PROGRAM_MENTION.findall(fold(said.text)):
                if int(number) in self.edges.scope.programs:
                    self.edges.named_program(source, said, int(number))

    def _units(self) -> list[Source]:
        return [s for s in self.sources.values() if s.kind is Kind.ORG_UNIT and not s.outside]

    def _serve_central(self, group: Source) -> None:
        support = self.targets.support()
        if not support:
            return
        members = [u for u in self._units() if u.group == group.node]
        served = {self._support_of(group, support).number}
        for unit in members:
            if self._serve_stated(unit) or self._serve_beyond(unit):
                continue  # named by or after what it serves: not the administration's
            element = self._support_of(unit, support)
            served.add(element.number)
            self.edges.central(unit, group, element)
        self.edges.central_group(group, [e for e in support if e.number in served], self.targets)

    def _serve_stated(self, unit: Source) -> bool:
        """A unit that a program's definition or highlights name (`il comprend le
        fonctionnement du Centre de conservation du Québec`) serves that program's element
        its own text matches best."""
        key = f" {name_key(unit.name.text)} "
        if len(key.split()) < MIN_STATED_WORDS:
            return False
        for program in self.targets.programs:
            said = next((c for c in program.profile if key in f" {name_key(c.text)} "), None)
            elements = [e for e in self.topical if e.program == program.program]
            if said is None or not elements:
                continue
            best = max(elements, key=lambda e: (self.matches[unit.node, e.number].score, e.number))
            self.edges.stated(unit, said, best)
            return True
        return False

    def _support_of(self, source: Source, support: list[Target]) -> Target:
        """The administration element whose own words (its name less the family's generic
        support words) the source's name holds the most of, else the most plainly
        administrative one: `Direction des technologies de l'information` is `Ressources
        informationnelles`'s, `Direction des ressources humaines` is not."""
        held = self.vocabulary.held(source.name)
        scored = [
            (math.fsum(self.vocabulary.idf(s) for s in own_words(e) & held), -index, e)
            for index, e in enumerate(support)
        ]
        best = max(scored, key=lambda item: item[:2])
        return best[2] if best[0] > 0 else support[0]

    def _serve_beyond(self, unit: Source) -> bool:
        """A unit of central services also serves what its own mandate clearly points to;
        True when its name names it (`Centre de conservation` for `Conservation et
        restauration`): such a unit is that element's, not the administration's."""
        rivals = [u.node for u in self._units() if u.group == unit.group and u is not unit]
        kept = self._kept("extra", self._candidates(unit, self.topical, rivals, set()))
        self.edges.matched(unit.node, kept, self.targets)
        return any(c.feature("name") >= NAME_SHARE for c, _ in kept)

    def _serve_sector(self, group: Source) -> None:
        """The group's own edges; then each unit's, among which those the group's texts do
        not give are the group's too (through that unit); a unit with none inherits."""
        rivals = [s for s in self.sectors if s != group.node]
        pool = [e for e in self.topical if not self._named_by_another(group, e, rivals)]
        own = self._kept("group", self._candidates(group, pool, rivals, set()))
        self.edges.matched(group.node, own, self.targets)
        given = {c.target.number for c, _ in own}
        members = [u for u in self._units() if u.group == group.node]
        found = {u.node: self._unit_edges(u, members, given) for u in members}
        for unit in members:
            self.edges.matched(unit.node, found[unit.node], self.targets)
        self.edges.through_units(group, found, given)
        for unit in members:
            if not found[unit.node] and not self.edges.served(unit.node):
                self._inherit(unit, group.node)

    def _inherit(self, unit: Source, group: str) -> None:
        """Of its group's elements, a unit with no edge of its own inherits those its own
        text matches nearly as well as its best (`INHERIT_SHARE`); all of them when it
        matches none: a unit is rarely the whole of a sector that serves several elements."""
        served = set(self.edges.served(group))
        elements = [
            e
            for e in self.targets.elements
            if e.node in served or self.programs[e.program].node in served
        ]
        scores = {e.number: self.matches[unit.node, e.number].score for e in elements}
        best = max(scores.values(), default=0.0)
        kept = [e for e in elements if scores[e.number] >= INHERIT_SHARE * best]
        self.edges.inherit(unit, group, kept, self.targets)

    def _named_by_another(self, group: Source, element: Target, rivals: list[str]) -> bool:
        """Another group is named after the element (`SECTEUR DE L'IMMIGRATION` for
        `Immigration`) and this one is not: the element is the other's."""
        if self.names[group.node][element.number] >= NAME_SHARE:
            return False
        return any(self.names[r][element.number] >= FULL_NAME for r in rivals)

    def _unit_edges(
        self, unit: Source, members: list[Source], given: set[str]
    ) -> list[tuple[Candidate, float]]:
        if self._serve_stated(unit):
            return []
        rivals = [u.node for u in members if u is not unit]
        return self._kept("unit", self._candidates(unit, self.topical, rivals, given))

    def _candidates(
        self, source: Source, pool: list[Target], rivals: list[str], within: set[str]
    ) -> list[Candidate]:
        return candidates(self.table, source.node, source.passages, pool, rivals, within)

    def _kept(self, which: str, found: list[Candidate]) -> list[tuple[Candidate, float]]:
        weights: Weights = getattr(self.model, which)
        kept = []
        for candidate in found:
            if self.observe is not None:
                self.observe(which, candidate)
            confidence = weights.confidence(candidate.features)
            if confidence >= self.model.threshold:
                kept.append((candidate, confidence))
        return kept
