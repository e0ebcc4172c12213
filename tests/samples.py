"""The two sample documents and the node ids the graph tests pin.

Ids are written out literally: they are part of the graph's contract (stable,
readable, the same in every build).
"""

from __future__ import annotations

from functools import partial

from tests.documents import MICC as REAL
from tests.documents import SYNTHETIC

__all__ = ["REAL", "SYNTHETIC"]

YEAR = "2007-2008"
PREVIOUS = "2006-2007"

MICC = "immigration-et-communautes-culturelles"
PORTFOLIO = f"portfolio:{MICC}"
MINISTRY = f"organization:{MICC}/ministere-de-l-immigration-et-des-communautes-culturelles"
COUNCIL = f"organization:{MICC}/conseil-des-relations-interculturelles"

TOURISME = "tourisme-et-patrimoine"
TOURISME_PORTFOLIO = f"portfolio:{TOURISME}"
TOURISME_YEAR = "2008-2009"


def real_id(kind: str, rest: str | int) -> str:
    """An id of the real document's edition: `real_id("element", "1.2")`."""
    return f"{kind}:{MICC}/{YEAR}/{rest}"


program = partial(real_id, "program")  # program(1)
element = partial(real_id, "element")  # element("1.2")
unit = partial(real_id, "org_unit")
group = partial(real_id, "org_group")
role = partial(real_id, "role")
supercategory = partial(real_id, "supercategory")
investment_category = partial(real_id, "investment_category")


def tourisme(kind: str, rest: str) -> str:
    """An id of the synthetic document: `tourisme("element", "1.2")`."""
    return f"{kind}:{TOURISME}/{TOURISME_YEAR}/{rest}"


HAUTE_DIRECTION = group("haute-direction")
IMMIGRATION_SECTOR = group("secteur-de-l-immigration-et-de-la-francisation")
INTEGRATION_SECTOR = group("secteur-de-l-integration")
