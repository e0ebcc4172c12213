"""What one document contributes, as the builder's later steps need to find it."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.records import Document


@dataclass
class Scope:
    """The node ids one document created, by what the document calls them."""

    document: Document
    doc: str
    portfolio: str
    portfolio_slug: str
    ministry: str
    ministry_name: str
    programs: dict[int, str] = field(default_factory=dict)
    elements: dict[tuple[int, int], str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> str:
        return self.document.year
