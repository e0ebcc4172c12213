"""Audit findings: each stated figure against the figure the leaf figures give."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from graph.attributes import Graph
from graph.audit import Finding
from graph.audit.nodes import node_findings, status_counts
from schema.enums import FigureMeasure, Status
from schema.figures import THOUSANDS
from schema.nodes import Entity, entity
from schema.provenance import Provenance, provenances


@strawberry.type(
    description="One check of a value a document states against the value computed from "
    f"the leaf figures. Amounts are {THOUSANDS} (dollars for prose, as `unit` says)."
)
class AuditFinding:
    identity: str = strawberry.field(
        description="Which identity of the format it checks, e.g. `program.total`, "
        "`comparison.percent`, `highlight.amount`."
    )
    status: Status = strawberry.field(description="How the two sides compare.")
    entity: Entity = strawberry.field(description="What the stated value is about.")
    measure: FigureMeasure = strawberry.field(description="What the stated value measures.")
    edition: str = strawberry.field(description="The fiscal year of the stating document.")
    years: list[str] = strawberry.field(description="The fiscal years the value describes.")
    stated: Decimal | None = strawberry.field(
        description="The value as the document states it (null when it could not be read: "
        "`stated_raw` holds the text)."
    )
    expected: Decimal | None = strawberry.field(
        description="The computed value written as the document writes it (rounded half-up "
        "for percentages and prose amounts)."
    )
    computed: Decimal | None = strawberry.field(
        description="The computed value before rounding: sums are exact, quotients (percentages) "
        "carry 28 significant digits. Null when it cannot be computed (`note` says why)."
    )
    difference: Decimal | None = strawberry.field(
        description="`stated` minus `computed`, when both are known."
    )
    unit: str = strawberry.field(description="`000 $`, `$`, `%` or `persons`.")
    stated_raw: str = strawberry.field(description="The stated value as written.")
    stated_at: Provenance = strawberry.field(description="The line that states it.")
    cell: int = strawberry.field(description="Its 1-based table cell (0 for prose).")
    derivation: str = strawberry.field(description="How the computed value was obtained.")
    sources: list[Provenance] = strawberry.field(description="The lines it was computed from.")
    note: str = strawberry.field(
        description="Why a value is unchecked, or what else explains the finding (may be empty)."
    )

    @classmethod
    def of(cls, graph: Graph, found: Finding) -> AuditFinding:
        return cls(
            identity=found.identity.value,
            status=found.status,
            entity=entity(graph, found.node),
            measure=found.measure,
            edition=found.edition,
            years=list(found.years),
            stated=found.stated,
            expected=found.expected,
            computed=found.computed,
            difference=found.difference,
            unit=found.unit.value,
            stated_raw=found.stated_raw,
            stated_at=Provenance.of(found.stated_at),
            cell=found.cell,
            derivation=found.derivation,
            sources=provenances(found.sources),
            note=found.note,
        )


@strawberry.type(description="How many findings have a status.")
class StatusCount:
    status: Status = strawberry.field(description="The status.")
    count: int = strawberry.field(description="How many findings have it.")


@strawberry.type(description="The audit of one entity: the global audit's findings about it.")
class EntityAudit:
    total: int = strawberry.field(description="How many findings (every status).")
    counts: list[StatusCount] = strawberry.field(
        description="How many findings have each status, every status listed (zeros too)."
    )
    findings: list[AuditFinding] = strawberry.field(
        description="The findings (of the statuses asked, if any), in the global audit's order."
    )

    @classmethod
    def of(
        cls, graph: Graph, node: str, descendants: bool, statuses: list[Status] | None
    ) -> EntityAudit:
        found = node_findings(graph, node, descendants)
        counts = [StatusCount(status=s, count=n) for s, n in status_counts(found).items()]
        chosen = [AuditFinding.of(graph, f) for f in found if not statuses or f.status in statuses]
        return cls(total=len(found), counts=counts, findings=chosen)
