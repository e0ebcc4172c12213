"""Ranked search hits: the entity, why it matched, and the lines that say so."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from graph import search
from graph.attributes import Graph
from schema.enums import TextField
from schema.errors import bad_input
from schema.nodes import Entity, entity
from schema.provenance import Provenance

RANKING = (
    "Entities whose name holds every word come first; then those with more of the words "
    "together in one passage; then by `score`; ties by name."
)


@strawberry.type(description="A passage of an entity's texts that holds words of the query.")
class SearchMatch:
    field: TextField = strawberry.field(description="Which of the entity's texts it is.")
    snippet: str = strawberry.field(
        description="The passage around its first matched word (`…` where it is cut)."
    )
    words: list[str] = strawberry.field(description="The passage's words that matched, as written.")
    line: int = strawberry.field(description="The line of the document that holds it.")
    provenance: Provenance = strawberry.field(description="The passage's document and lines.")

    @classmethod
    def of(cls, found: search.Match) -> SearchMatch:
        return cls(
            field=found.passage.field,
            snippet=found.snippet,
            words=list(found.words),
            line=found.passage.provenance.line_start,
            provenance=Provenance.of(found.passage.provenance),
        )


@strawberry.type(description=f"An entity a search found, and where. {RANKING}")
class SearchHit:
    entity: Entity = strawberry.field(description="What was found.")
    name_match: bool = strawberry.field(description="True when its name holds every word.")
    score: Decimal = strawberry.field(
        description="Σ over the query's stems of (occurrences in its texts) × ln(1 + N / n), "
        "N the entities searched, n those holding the stem (four decimals)."
    )
    snippet: str = strawberry.field(description="The best matching passage's snippet.")
    line: int = strawberry.field(description="The line of that passage.")
    matches: list[SearchMatch] = strawberry.field(
        description="Every passage that holds words of the query, most words first."
    )

    @classmethod
    def of(cls, graph: Graph, found: search.Hit) -> SearchHit:
        matches = [SearchMatch.of(m) for m in found.matches]
        return cls(
            entity=entity(graph, found.node),
            name_match=found.name_match,
            score=found.score,
            snippet=matches[0].snippet,
            line=matches[0].line,
            matches=matches,
        )


def checked_query(text: str) -> str:
    """`text`, if it holds a word the search indexes."""
    if not search.parse_query(text).stems:
        raise bad_input(
            f'`text` "{text}" has no word to search for (common words such as « de » are '
            "not indexed): give a word or a phrase in quotes"
        )
    return text
