"""The organisation (section 4): organizations, groups, units, and what they serve."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import strawberry

from graph import attributes, org_budgets
from graph.attributes import Graph
from graph.kinds import Kind, Rel, TextField, kind_of
from graph.org_budgets import RULE
from graph.queries import (
    children,
    numbered_children,
    parent_unit,
    parents,
    portfolio_of,
    served,
    units_of,
)
from schema.arguments import year_or
from schema.budget import Budgeted, Change, ComparedMeasure, FromYear, YearArgument, change_of
from schema.enums import GroupKind, Measure, ServesMethod
from schema.figures import THOUSANDS, Amount
from schema.items import InterventionMode, Objective, Role
from schema.listing import First, OrderBy, Where, arranged, top
from schema.nodes import Entity, entity, register, typed
from schema.program import Element, Program
from schema.provenance import Provenance, provenances

ServiceTarget = Annotated[
    Program | Element,
    strawberry.union("ServiceTarget", description="What a service serves: a program or element."),
]


@strawberry.type(description="Why the graph says a unit serves a target.")
class ServiceBasis:
    method: ServesMethod = strawberry.field(description="How the relation was found.")
    evidence: str | None = strawberry.field(
        description="The text it rests on: the matched phrases, quoted, with their lines."
    )
    lines: list[int] = strawberry.field(
        description="The document lines the evidence quotes (the source's and the target's)."
    )
    confidence: Decimal = strawberry.field(
        description="From 0 to 1, two decimals: the share of such edges found right on the "
        "labelled documents (of edges at 0.90, about nine in ten are right)."
    )


@strawberry.interface(description="A part of the organisation: an organization, group or unit.")
class OrgEntity(Entity):
    @strawberry.field(description="What it serves (elements or programs), each with its basis.")
    def serves(self) -> list[Service]:
        return [Service.of(self.graph, self.key, t, d) for t, d in served(self.graph, self.key)]

    @strawberry.field(
        description="What it is part of: a unit's unit or group, a group's organization."
    )
    def parent(self) -> OrgEntity | None:
        found = parent_unit(self.graph, self.key)
        return None if found is None else typed(self.graph, [found], OrgEntity)[0]


@strawberry.type(description="A serves relation: a group, unit or organization serves a target.")
class Service:
    unit: OrgEntity = strawberry.field(description="Who serves.")
    target: ServiceTarget = strawberry.field(description="The element or program served.")
    basis: ServiceBasis = strawberry.field(description="Why the graph says so.")

    @classmethod
    def of(cls, graph: Graph, source: str, target: str, data: dict[str, Any]) -> Service:
        return cls.of_edge(graph, org_budgets.serves_edge(source, target, data))

    @classmethod
    def of_edge(cls, graph: Graph, edge: org_budgets.ServesEdge) -> Service:
        basis = ServiceBasis(
            method=edge.method,
            evidence=edge.evidence,
            lines=list(edge.lines),
            confidence=edge.confidence,
        )
        unit = typed(graph, [edge.source], OrgEntity)[0]
        return cls(unit=unit, target=target_of(graph, edge.target), basis=basis)


def target_of(graph: Graph, node: str) -> Program | Element:
    found = entity(graph, node)
    assert isinstance(found, Program | Element), node
    return found


@strawberry.type(description="An element or program a group or unit serves, counted in full.")
class ServedPart:
    target: ServiceTarget = strawberry.field(description="The element or program.")
    amount: Amount = strawberry.field(description="Its figure, with its lines.")
    confidence: Decimal = strawberry.field(description="The highest of its edges' confidence.")
    edges: list[Service] = strawberry.field(description="The serves edges it rests on.")
    shared_with: list[OrgGroup] = strawberry.field(
        description="The other groups that serve it (or part of it): it counts in full in "
        "each of their budgets too."
    )


@strawberry.type(description=f"A budget derived from the serves edges (label: derived). {RULE}")
class OrgBudget:
    derived: bool = strawberry.field(
        description="Always true: no document states it; it is computed from inferred edges."
    )
    rule: str = strawberry.field(description="How it is computed.")
    measure: Measure = strawberry.field(description="What it measures.")
    year: str = strawberry.field(description="The fiscal year.")
    value: Decimal = strawberry.field(description=f"The sum of the parts, {THOUSANDS}.")
    amount: Amount = strawberry.field(description="The same, with its derivation and lines.")
    confidence: Decimal = strawberry.field(description="The lowest of its parts' confidence.")
    parts: list[ServedPart] = strawberry.field(description="What it serves, by id.")

    @classmethod
    def of(cls, graph: Graph, found: org_budgets.OrgBudget) -> OrgBudget:
        parts = [
            ServedPart(
                target=target_of(graph, p.target),
                amount=Amount.of(p.amount),
                confidence=p.confidence,
                edges=[Service.of_edge(graph, e) for e in p.edges],
                shared_with=typed(graph, p.shared_with, OrgGroup),
            )
            for p in found.parts
        ]
        return cls(
            derived=True,
            rule=RULE,
            measure=Measure.of(found.measure),
            year=found.year,
            value=found.amount.value,
            amount=Amount.of(found.amount),
            confidence=found.confidence,
            parts=parts,
        )


BUDGET = f"Its budget for a year, derived from the serves edges (null if it serves nothing). {RULE}"


@strawberry.interface(
    description="A group or unit of section 4: what it serves gives it a derived budget."
)
class ServingEntity(OrgEntity):
    @strawberry.field(description=BUDGET)
    def budget(
        self,
        year: YearArgument = None,
        measure: Annotated[
            Measure, strawberry.argument(description="What to measure.")
        ] = Measure.EXPENDITURE,
    ) -> OrgBudget | None:
        found = org_budgets.org_budget(self.graph, self.key, measure.record, self._year(year))
        return None if found is None else OrgBudget.of(self.graph, found)

    @strawberry.field(description="How its derived budget changed from one year to another.")
    def change(
        self,
        from_: FromYear = None,
        to: YearArgument = None,
        measure: ComparedMeasure = Measure.EXPENDITURE,
    ) -> Change:
        return change_of(self.graph, self.key, measure, from_, self._year(to))

    def _year(self, year: str | None) -> str:
        portfolio = portfolio_of(self.graph, self.key)
        return year_or(self.graph, portfolio, year, attributes.own_year(self.graph, self.key))

    def _units(self, order_by: OrderBy, where: Where) -> list[OrgUnit]:
        portfolio, year = portfolio_of(self.graph, self.key), self._year(None)
        found = arranged(
            self.graph, units_of(self.graph, self.key), portfolio, year, order_by, where
        )
        return typed(self.graph, found, OrgUnit)


@register(Kind.ORGANIZATION)
@strawberry.type(description="The ministry, or a body reporting to the minister.")
class Organization(Budgeted, OrgEntity):
    @strawberry.field(description="True for a body reporting to the minister (e.g. a council).")
    def is_body(self) -> bool:
        return attributes.is_body(self.graph, self.key)

    @strawberry.field(description="The groups of section 4 that are part of it.")
    def groups(self) -> list[OrgGroup]:
        return typed(self.graph, self._parts(Kind.ORG_GROUP), OrgGroup)

    @strawberry.field(description="The roles (minister, deputy minister...) its text names.")
    def roles(self) -> list[Role]:
        return typed(self.graph, children(self.graph, self.key, Rel.HAS_ROLE), Role)

    @strawberry.field(description="The roles it advises.")
    def advises(self) -> list[Role]:
        return typed(self.graph, children(self.graph, self.key, Rel.ADVISES), Role)

    def _parts(self, kind: Kind) -> list[str]:
        return [n for n in parents(self.graph, self.key, Rel.PART_OF) if kind_of(n) is kind]


@register(Kind.ORG_GROUP)
@strawberry.type(description="A group of section 4: the executive, a sector, a secretariat.")
class OrgGroup(ServingEntity):
    @strawberry.field(description="What kind of group its heading opens.")
    def kind(self) -> GroupKind:
        return attributes.group_kind(self.graph, self.key)

    @strawberry.field(description="The prose lines that open it.")
    def intro(self) -> list[str]:
        return list(attributes.intro(self.graph, self.key))

    @strawberry.field(description="The units directly part of it (by id, or as `orderBy` says).")
    def units(
        self, order_by: OrderBy = None, where: Where = None, first: First = None
    ) -> list[OrgUnit]:
        return top(self._units(order_by, where), first)

    @strawberry.field(description="Its general objectives (Objectifs généraux), in order.")
    def objectives(self) -> list[Objective]:
        found = numbered_children(self.graph, self.key, Rel.HAS_OBJECTIVE)
        return typed(self.graph, found, Objective)

    @strawberry.field(description="Its intervention modes (Modes d'intervention), in order.")
    def intervention_modes(self) -> list[InterventionMode]:
        found = numbered_children(self.graph, self.key, Rel.HAS_MODE)
        return typed(self.graph, found, InterventionMode)

    @strawberry.field(description="The roles that supervise it.")
    def supervised_by(self) -> list[Role]:
        return typed(self.graph, parents(self.graph, self.key, Rel.SUPERVISES), Role)


@register(Kind.ORG_UNIT)
@strawberry.type(
    description="A unit of section 4: a direction, service, centre, bureau, secretariat, module."
)
class OrgUnit(ServingEntity):
    @strawberry.field(description="The first word of its name: `Direction`, `Service`...")
    def unit_type(self) -> str:
        return attributes.unit_type(self.graph, self.key)

    @strawberry.field(description="Its mandate, functions and services: one line per bullet.")
    def mandate(self) -> list[str]:
        return list(attributes.mandate(self.graph, self.key))

    @strawberry.field(
        description="The lines of its mandate, one per bullet (`provenance` is its title's)."
    )
    def mandate_provenance(self) -> list[Provenance]:
        found = attributes.passages(self.graph, self.key)
        return provenances(p.provenance for p in found if p.field is TextField.MANDATE)

    @strawberry.field(description="The units directly part of it (by id, or as `orderBy` says).")
    def units(
        self, order_by: OrderBy = None, where: Where = None, first: First = None
    ) -> list[OrgUnit]:
        return top(self._units(order_by, where), first)

    @strawberry.field(description="The roles it reports to (relève de).")
    def reports_to(self) -> list[Role]:
        return typed(self.graph, children(self.graph, self.key, Rel.REPORTS_TO), Role)
