"""The graph's vocabulary: node kinds, relation names and stable node ids.

No other module spells these strings: build, queries, aggregates, audit and the
schema all go through the names defined here.
"""

from __future__ import annotations

import re
from enum import StrEnum

from loaders.text import fold


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

    HAS_PROGRAM = "has_program"
    HAS_ELEMENT = "has_element"
    IN_YEAR = "in_year"
    HAS_ORGANIZATION = "has_organization"
    ADMINISTERS = "administers"
    HAS_SUPERCATEGORY = "has_supercategory"
    HAS_INVESTMENT_CATEGORY = "has_investment_category"
    PART_OF = "part_of"
    SUPERVISES = "supervises"
    REPORTS_TO = "reports_to"
    ADVISES = "advises"
    HAS_ROLE = "has_role"
    HAS_OBJECTIVE = "has_objective"
    HAS_MODE = "has_mode"
    HAS_SUB_ITEM = "has_sub_item"
    SERVES = "serves"
    CONTINUED_BY = "continued_by"
    SOURCE = "source"


class ServesMethod(StrEnum):
    """How a serves edge was found."""

    STATED = "stated"
    NAME_MATCH = "name_match"
    TEXT_MATCH = "text_match"
    CENTRAL_SERVICES = "central_services"
    BODY_PROGRAM = "body_program"
    INHERITED = "inherited"
    THROUGH_UNIT = "through_unit"


class TextField(StrEnum):
    """Which of a node's texts a passage is: its name, or a piece of the prose about it."""

    NAME = "name"
    DEFINITION = "definition"
    HIGHLIGHT = "highlight"
    INTRO = "intro"
    MANDATE = "mandate"
    OBJECTIVE = "objective"
    INTERVENTION_MODE = "intervention_mode"


KIND_MEANINGS: dict[Kind, str] = {
    Kind.PORTFOLIO: "a minister's budget (portefeuille), across years",
    Kind.ORGANIZATION: "the ministry, or a body reporting to the minister",
    Kind.FISCAL_YEAR: "a fiscal year, e.g. 2007-2008",
    Kind.PROGRAM: "a program of a portfolio, in one document's year",
    Kind.ELEMENT: "an element of a program",
    Kind.SUPERCATEGORY: "an expenditure supercategory (Rémunération, Fonctionnement, Transfert)",
    Kind.INVESTMENT_CATEGORY: "an investment category (Immobilisations, Prêts...)",
    Kind.ORG_GROUP: "an uppercase heading of section 4 (HAUTE DIRECTION, a sector...)",
    Kind.ORG_UNIT: "a directorate, service, centre, bureau, secretariat or module",
    Kind.ROLE: "a role the text names (sous-ministre, ministre...)",
    Kind.OBJECTIVE: "a sector's general objective, or one of its sub-items",
    Kind.INTERVENTION_MODE: "a sector's mode of intervention, or one of its sub-items",
    Kind.DOCUMENT: "a source document",
}
"""What each kind of node stands for."""

REL_MEANINGS: dict[Rel, str] = {
    Rel.HAS_PROGRAM: "portfolio → program",
    Rel.HAS_ELEMENT: "program → element",
    Rel.IN_YEAR: "program, element, ... → fiscal year",
    Rel.HAS_ORGANIZATION: "portfolio → organization",
    Rel.ADMINISTERS: "organization → program or element",
    Rel.HAS_SUPERCATEGORY: "portfolio → supercategory",
    Rel.HAS_INVESTMENT_CATEGORY: "portfolio → investment category",
    Rel.PART_OF: "unit → unit or group, group → organization",
    Rel.SUPERVISES: "role → group",
    Rel.REPORTS_TO: "unit → role",
    Rel.ADVISES: "organization → role",
    Rel.HAS_ROLE: "organization → role",
    Rel.HAS_OBJECTIVE: "group → objective",
    Rel.HAS_MODE: "group → intervention mode",
    Rel.HAS_SUB_ITEM: "objective or mode → its sub-item",
    Rel.SERVES: "group, unit or organization → element or program",
    Rel.CONTINUED_BY: "program or element → the same one the next year",
    Rel.SOURCE: "any node → the document it was read from",
}
"""What each relation links, from its source to its target."""

METHOD_MEANINGS: dict[ServesMethod, str] = {
    ServesMethod.STATED: "a program's definition or highlights name the unit: it serves the "
    "program's element its own text matches best",
    ServesMethod.NAME_MATCH: "the source's name holds most of the target's name (the lexical "
    "model's confidence)",
    ServesMethod.TEXT_MATCH: "the source's objectives, modes or mandate match the target's name, "
    "definition or highlights (the lexical model's confidence)",
    ServesMethod.CENTRAL_SERVICES: "a group that says it offers central services, and its "
    "units, serve the administration element(s)",
    ServesMethod.BODY_PROGRAM: "a body reporting to the minister serves its element (its "
    "program when it is the only element)",
    ServesMethod.INHERITED: "a unit with no edge of its own serves what its group serves",
    ServesMethod.THROUGH_UNIT: "a group serves what one of its units' own texts ground",
}
"""How each serves method finds its edges."""


FIELD_MEANINGS: dict[TextField, str] = {
    TextField.NAME: "the entity's name, as the document writes it",
    TextField.DEFINITION: "a paragraph of a program's definition (section 3)",
    TextField.HIGHLIGHT: "a paragraph of the highlights (section 1, faits saillants)",
    TextField.INTRO: "a prose line opening a group of section 4",
    TextField.MANDATE: "a bullet of a unit's mandate, functions and services",
    TextField.OBJECTIVE: "a sector's general objective, or one of its sub-items",
    TextField.INTERVENTION_MODE: "a sector's intervention mode, or one of its sub-items",
}
"""What each field of a passage is."""


def slug(text: str) -> str:
    """`Immigration et Communautés culturelles` → `immigration-et-communautes-culturelles`."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def node_id(kind: Kind, *parts: str | int) -> str:
    """`program:immigration-et-communautes-culturelles/2007-2008/1`: kind, then scope."""
    return f"{kind.value}:" + "/".join(str(p) if isinstance(p, int) else p for p in parts)


def kind_of(node: str) -> Kind:
    return Kind(node.split(":", 1)[0])
