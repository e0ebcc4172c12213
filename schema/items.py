"""Roles, objectives and intervention modes of the organisation (section 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from graph import attributes
from graph.kinds import Kind, Rel
from graph.queries import children, numbered_children, parents
from schema.nodes import Entity, register, typed

if TYPE_CHECKING:
    from schema.organization import OrgEntity, OrgGroup

ORGANIZATION = "schema.organization"


@strawberry.interface(
    description="A bullet of a group's list; an item ending with `:` has sub-items."
)
class Item(Entity):
    @strawberry.field(description="Its place in the list: `2`, or `2.1` for a sub-item.")
    def number(self) -> str:
        return str(attributes.number(self.graph, self.key))


@register(Kind.OBJECTIVE)
@strawberry.type(description="A general objective (Objectifs généraux) of a group.")
class Objective(Item):
    @strawberry.field(description="Its sub-items, in order.")
    def sub_items(self) -> list[Objective]:
        found = numbered_children(self.graph, self.key, Rel.HAS_SUB_ITEM)
        return typed(self.graph, found, Objective)


@register(Kind.INTERVENTION_MODE)
@strawberry.type(description="An intervention mode (Modes d'intervention) of a group.")
class InterventionMode(Item):
    @strawberry.field(description="Its sub-items, in order.")
    def sub_items(self) -> list[InterventionMode]:
        found = numbered_children(self.graph, self.key, Rel.HAS_SUB_ITEM)
        return typed(self.graph, found, InterventionMode)


@register(Kind.ROLE)
@strawberry.type(description="A role the text names: the minister, the deputy minister...")
class Role(Entity):
    @strawberry.field(description="The groups it supervises.")
    def supervises(self) -> list[Annotated[OrgGroup, strawberry.lazy(ORGANIZATION)]]:
        from schema.organization import OrgGroup

        return typed(self.graph, children(self.graph, self.key, Rel.SUPERVISES), OrgGroup)

    @strawberry.field(description="The units that report to it (relève de).")
    def reporting_units(self) -> list[Annotated[OrgEntity, strawberry.lazy(ORGANIZATION)]]:
        from schema.organization import OrgEntity

        return typed(self.graph, parents(self.graph, self.key, Rel.REPORTS_TO), OrgEntity)

    @strawberry.field(description="The organizations whose mission is to advise it.")
    def advised_by(self) -> list[Annotated[OrgEntity, strawberry.lazy(ORGANIZATION)]]:
        from schema.organization import OrgEntity

        return typed(self.graph, parents(self.graph, self.key, Rel.ADVISES), OrgEntity)
