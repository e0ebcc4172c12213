"""How many nodes and edges a document's graph should hold, counted from the records the
loader returned (not from the graph), so that a count pinned by a test follows the
document: one node per program, element, category, titled or named unit, role...
"""

from __future__ import annotations

import re
from collections import Counter

from graph.kinds import Kind, Rel
from loaders import Document
from loaders.records import GroupKind, Item, OrgGroup, Verb
from loaders.text import fold, name_key

UNIT_VERBS = {Verb.GROUPS, Verb.INCLUDES, Verb.HAS_PARTS, Verb.MANAGES}
"""Verbs whose objects are units (`regroupe`, `comprend`, `comporte`, `gère`)."""
ROLE_VERBS = {Verb.REPORTS_TO, Verb.SUPERVISED_BY, Verb.ADVISES}
"""Verbs whose objects are roles (`relève de`, `sous la supervision de`, `conseiller`)."""
CENTRAL = "services centralises"
"""What a central-services group's intro says (folded): `offrent des services centralisés`."""
BODIES = re.compile(r"organismes? relevant", re.IGNORECASE)
"""FORMAT.md: the bodies' program is `Organisme(s) relevant du ministre`."""


def units(document: Document) -> set[str]:
    """Every unit: titled in section 4, or named by a sentence (`regroupe A et B`)."""
    titled = {name_key(u.name) for g in document.groups for u in g.units}
    return titled | {name_key(o) for o in _objects(document, UNIT_VERBS)}


def roles(document: Document) -> set[str]:
    """What a unit reports to, is supervised by or advises, when it is not a unit."""
    return {name_key(o) for o in _objects(document, ROLE_VERBS)} - units(document)


def bodies(document: Document) -> list[str]:
    """The elements of the bodies' program: one organization each."""
    programs = [p for p in document.programs if BODIES.search(p.credits.label)]
    return [e.name or e.label for p in programs for e in p.elements]


def ministry_programs(document: Document) -> list[int]:
    return [p.number for p in document.programs if not BODIES.search(p.credits.label)]


def elements(document: Document) -> int:
    return sum(len(p.elements) for p in document.programs)


def _objects(document: Document, verbs: set[Verb]) -> list[str]:
    return [o for r in document.relations if r.verb in verbs for o in r.objects]


def _statements(document: Document, verb: Verb) -> int:
    return sum(len(r.objects) for r in document.relations if r.verb is verb)


def _items(groups: tuple[OrgGroup, ...], field: str) -> tuple[int, int]:
    """The items of every group's `objectives` or `modes`, and their sub-items."""
    items: list[Item] = [i for g in groups for i in getattr(g, field)]
    return len(items), sum(len(i.sub_items) for i in items)


def sector_edges(document: Document) -> int:
    """Each sector serves the elements its heading names (`SECTEUR DE L'INTÉGRATION` →
    `Intégration, Régionalisation...`): an element's first word in the heading."""
    sectors = [fold(g.name) for g in document.groups if g.kind is GroupKind.SECTOR]
    names = [e.name or "" for p in document.programs for e in p.elements]
    firsts = [fold(re.split(r"[ ,]", name)[0]) for name in names]
    return sum(1 for s in sectors for first in firsts if re.search(rf"\b{first}\b", s))


def central_services(document: Document) -> int:
    """The groups whose intro says they offer centralised services (`services
    centralisés`), and every unit under them, titled or named by a unit's sentence: each
    serves the support element."""
    groups = [g for g in document.groups if any(CENTRAL in fold(t.text) for t in g.intro)]
    under = {name_key(u.name) for g in groups for u in g.units}
    for statement in document.relations:  # in document order: a parent before its parts
        if statement.verb in UNIT_VERBS and name_key(statement.subject) in under:
            under |= {name_key(o) for o in statement.objects}
    return len(groups) + len(under)


def kinds(document: Document) -> Counter[Kind]:
    objectives, sub_objectives = _items(document.groups, "objectives")
    modes, sub_modes = _items(document.groups, "modes")
    return Counter(
        {
            Kind.PORTFOLIO: 1,
            Kind.ORGANIZATION: 1 + len(bodies(document)),  # the ministry and its bodies
            Kind.FISCAL_YEAR: len({document.year, document.previous_year}),
            Kind.PROGRAM: len(document.programs),
            Kind.ELEMENT: elements(document),
            Kind.SUPERCATEGORY: len(document.supercategories.categories),
            Kind.INVESTMENT_CATEGORY: len(document.supercategories.investments),
            Kind.ORG_GROUP: len(document.groups),
            Kind.ORG_UNIT: len(units(document)),
            Kind.ROLE: len(roles(document)),
            Kind.OBJECTIVE: objectives + sub_objectives,
            Kind.INTERVENTION_MODE: modes + sub_modes,
            Kind.DOCUMENT: 1,
        }
    )


def relations(document: Document, serves: int) -> Counter[Rel]:
    """`serves`: the edges inferred from the units' mandates beyond the rules counted
    here (a sector its named elements, a central-services unit the support element, a body
    its program)."""
    nodes = kinds(document)
    objectives, sub_objectives = _items(document.groups, "objectives")
    modes, sub_modes = _items(document.groups, "modes")
    central = central_services(document)
    return Counter(
        {
            Rel.HAS_PROGRAM: nodes[Kind.PROGRAM],
            Rel.HAS_ELEMENT: nodes[Kind.ELEMENT],
            Rel.IN_YEAR: nodes[Kind.PROGRAM] + nodes[Kind.ELEMENT],
            Rel.HAS_ORGANIZATION: nodes[Kind.ORGANIZATION],
            # the ministry its programs, each body its element of the bodies' program
            Rel.ADMINISTERS: len(ministry_programs(document)) + len(bodies(document)),
            Rel.HAS_SUPERCATEGORY: nodes[Kind.SUPERCATEGORY],
            Rel.HAS_INVESTMENT_CATEGORY: nodes[Kind.INVESTMENT_CATEGORY],
            Rel.PART_OF: nodes[Kind.ORG_GROUP] + nodes[Kind.ORG_UNIT],
            Rel.SUPERVISES: _statements(document, Verb.SUPERVISED_BY),
            Rel.REPORTS_TO: _statements(document, Verb.REPORTS_TO),
            Rel.ADVISES: _statements(document, Verb.ADVISES),
            Rel.HAS_ROLE: nodes[Kind.ROLE],
            Rel.HAS_OBJECTIVE: objectives,
            Rel.HAS_MODE: modes,
            Rel.HAS_SUB_ITEM: sub_objectives + sub_modes,
            Rel.SERVES: sector_edges(document) + central + len(bodies(document)) + serves,
            # every node cites its source but the document and the fiscal years
            Rel.SOURCE: nodes.total() - nodes[Kind.DOCUMENT] - nodes[Kind.FISCAL_YEAR],
        }
    )
