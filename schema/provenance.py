"""Where a statement comes from: a span of lines of a source document."""

from __future__ import annotations

import os.path
from collections.abc import Iterable

import strawberry

from graph.queries import shown_path
from loaders import records
from schema.context import Info, graph_of


@strawberry.type(description="A span of lines of a source document, with its exact text.")
class Provenance:
    document: str = strawberry.field(
        description="The source document's file name, e.g. `micc-2007-2008.txt`."
    )
    source: strawberry.Private[str]
    line_start: int = strawberry.field(description="The first line of the span (1-based).")
    line_end: int = strawberry.field(description="The last line of the span (1-based).")
    text: str = strawberry.field(description="The text of the span, exactly as written.")

    @strawberry.field(
        description="The document's path relative to the data root (the directory of the "
        "loaded documents): its file name when they share one directory."
    )
    def path(self, info: Info) -> str:
        return shown_path(graph_of(info), self.source)

    @classmethod
    def of(cls, record: records.Provenance) -> Provenance:
        return cls(
            document=os.path.basename(record.source),
            source=record.source,
            line_start=record.line_start,
            line_end=record.line_end,
            text=record.text,
        )


def provenances(found: Iterable[records.Provenance]) -> list[Provenance]:
    """One `Provenance` per distinct span, in the order given."""
    return [Provenance.of(p) for p in dict.fromkeys(found)]
