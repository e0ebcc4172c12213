"""The organisation (section 4): organizations, groups, units, and what they serve."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import strawberry

from graph.attributes import Graph
from graph.kinds import Kind, Rel, kind_of
from graph.queries import children, parent_unit, parents, served, units_of
from schema.budget import Budgeted
from schema.enums import GroupKind, ServesMethod
from schema.items import InterventionMode, Objective, Role, by_number
from schema.nodes import Entity, entity, register, typed
from schema.program import Element, Program

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
        served_node = entity(graph, target)
        assert isinstance(served_node, Program | Element), target
        basis = ServiceBasis(
            method=data["method"],
            evidence=data.get("evidence"),
            lines=list(data.get("lines", ())),
            confidence=data["confidence"],
        )
        return cls(unit=typed(graph, [source], OrgEntity)[0], target=served_node, basis=basis)


@register(Kind.ORGANIZATION)
@strawberry.type(description="The ministry, or a body reporting to the minister.")
class Organization(Budgeted, OrgEntity):
    @strawberry.field(description="True for a body reporting to the minister (e.g. a council).")
    def is_body(self) -> bool:
        return bool(self.data["body"])

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
class OrgGroup(OrgEntity):
    @strawberry.field(description="What kind of group its heading opens.")
    def kind(self) -> GroupKind:
        return GroupKind(self.data["group_kind"])

    @strawberry.field(description="The prose lines that open it.")
    def intro(self) -> list[str]:
        return list(self.data["intro"])

    @strawberry.field(description="The units directly part of it.")
    def units(self) -> list[OrgUnit]:
        return typed(self.graph, units_of(self.graph, self.key), OrgUnit)

    @strawberry.field(description="Its general objectives (Objectifs généraux), in order.")
    def objectives(self) -> list[Objective]:
        found = children(self.graph, self.key, Rel.HAS_OBJECTIVE)
        return by_number(typed(self.graph, found, Objective))

    @strawberry.field(description="Its intervention modes (Modes d'intervention), in order.")
    def intervention_modes(self) -> list[InterventionMode]:
        found = children(self.graph, self.key, Rel.HAS_MODE)
        return by_number(typed(self.graph, found, InterventionMode))

    @strawberry.field(description="The roles that supervise it.")
    def supervised_by(self) -> list[Role]:
        return typed(self.graph, parents(self.graph, self.key, Rel.SUPERVISES), Role)


@register(Kind.ORG_UNIT)
@strawberry.type(
    description="A unit of section 4: a direction, service, centre, bureau, secretariat, module."
)
class OrgUnit(OrgEntity):
    @strawberry.field(description="The first word of its name: `Direction`, `Service`...")
    def unit_type(self) -> str:
        return str(self.data["unit_type"])

    @strawberry.field(description="Its mandate, functions and services: one line per bullet.")
    def mandate(self) -> list[str]:
        return list(self.data["mandate"])

    @strawberry.field(description="The units directly part of it.")
    def units(self) -> list[OrgUnit]:
        return typed(self.graph, units_of(self.graph, self.key), OrgUnit)

    @strawberry.field(description="The roles it reports to (relève de).")
    def reports_to(self) -> list[Role]:
        return typed(self.graph, children(self.graph, self.key, Rel.REPORTS_TO), Role)
