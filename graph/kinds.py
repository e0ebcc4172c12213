"""The graph's vocabulary: node kinds, relation names and stable node ids.

No other module spells these strings: build, queries, aggregates, audit and the
schema all go through the names defined here.
"""

from __future__ import annotations

import re
from enum import StrEnum

from loaders.tables import fold


class Kind(StrEnum):
    """What a node is."""

    PORTFOLIO = "portfolio"
    ORGANIZATION = "organization"
    FISCAL_YEAR = "fiscal_year"
    PROGRAM = "program"
    ELEMENT = "element"
    SUPERCATEGORY = "supercategory"
    INVESTMENT_CATEGORY = "investment_category"
    ORG_GROUP = "org_group"
    ORG_UNIT = "org_unit"
    ROLE = "role"
    OBJECTIVE = "objective"
    INTERVENTION_MODE = "intervention_mode"
    DOCUMENT = "document"


class Rel(StrEnum):
    """What an edge says, read from its source to its target."""

    HAS_PROGRAM = "has_program"  # portfolio → program
    HAS_ELEMENT = "has_element"  # program → element
    IN_YEAR = "in_year"  # program, element, ... → fiscal year
    HAS_ORGANIZATION = "has_organization"  # portfolio → organization
    ADMINISTERS = "administers"  # organization → program or element
    HAS_SUPERCATEGORY = "has_supercategory"  # portfolio → supercategory
    HAS_INVESTMENT_CATEGORY = "has_investment_category"  # portfolio → investment category
    PART_OF = "part_of"  # unit → unit or group, group → organization
    SUPERVISES = "supervises"  # role → group
    REPORTS_TO = "reports_to"  # unit → role
    ADVISES = "advises"  # organization → role
    HAS_ROLE = "has_role"  # organization → role
    HAS_OBJECTIVE = "has_objective"  # group → objective
    HAS_MODE = "has_mode"  # group → intervention mode
    HAS_SUB_ITEM = "has_sub_item"  # objective or mode → its sub-item
    SERVES = "serves"  # group, unit or organization → element or program
    CONTINUED_BY = "continued_by"  # program or element → the same one the next year
    SOURCE = "source"  # any node → the document it was read from


class ServesMethod(StrEnum):
    """How a serves edge was found."""

    STATED = "stated"  # the unit's own text names the element or program
    NAME_MATCH = "name_match"  # the group's name and the element's share words
    CENTRAL_SERVICES = "central_services"  # central services serve the administration element
    BODY_PROGRAM = "body_program"  # a body reporting to the minister serves its program
    INHERITED = "inherited"  # a unit serves what its group serves


def slug(text: str) -> str:
    """`Immigration et Communautés culturelles` → `immigration-et-communautes-culturelles`."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def node_id(kind: Kind, *parts: str | int) -> str:
    """`program:immigration-et-communautes-culturelles/2007-2008/1`: kind, then scope."""
    return f"{kind.value}:" + "/".join(str(p) if isinstance(p, int) else p for p in parts)


def kind_of(node: str) -> Kind:
    return Kind(node.split(":", 1)[0])
