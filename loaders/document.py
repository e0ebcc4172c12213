"""Reading a whole document: sections in order, then one complete `Document`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from loaders.credits import CreditsSection, parse_credits_section
from loaders.definitions import Definition, parse_definitions
from loaders.errors import DocumentError, StructureError
from loaders.highlights import Highlights, parse_highlights
from loaders.lines import Line, content_lines, decode, span, split_lines
from loaders.organization import parse_organization
from loaders.programs import assemble_programs
from loaders.prose import portfolio_mention
from loaders.records import Document, Item, OrgGroup, Provenance, RelationStatement, Text
from loaders.relations import relation_statements
from loaders.years import YEAR, previous_year

_SECTION = re.compile(r"(?P<number>[1-4])\.\s+(?P<title>[^\t]+)")
_TITLES = {
    1: re.compile(r"FAITS SAILLANTS"),
    2: re.compile(r"CRÉDITS\s+(?P<year>\d{4}-\d{4})"),
    3: re.compile(r"DÉFINITIONS DES PROGRAMMES"),
    4: re.compile(r"MANDATS\b.*"),
}
_NAMES = {
    1: "1. FAITS SAILLANTS",
    2: "2. CRÉDITS YYYY-YYYY",
    3: "3. DÉFINITIONS DES PROGRAMMES",
    4: "4. MANDATS, FONCTIONS ET ...",
}


def read_document(path: str | Path) -> Document:
    """Read one document completely, or raise `DocumentError`."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError(source, None, f"cannot be read ({exc.strerror})") from None
    return parse_document(source, split_lines(source, decode(source, data)))


def parse_document(source: str, lines: Sequence[Line]) -> Document:
    """Parse a document's numbered lines."""
    content = content_lines(lines)
    if not content:
        raise StructureError(source, None, "is empty (no line of text)")
    sections = _sections(source, content)
    (h1, s1), (h2, s2), (h3, s3), (h4, s4) = (sections[n] for n in (1, 2, 3, 4))
    year = _year(h2)
    highlights = parse_highlights(s1)
    credits = parse_credits_section(h2, s2, year)
    definitions = parse_definitions(h3, s3, year)
    groups = parse_organization(h4, s4)
    programs = assemble_programs(credits, definitions, highlights)
    return Document(
        source=source,
        portfolio=_portfolio_name(highlights, definitions, credits),
        portfolio_names=tuple(_portfolio_mentions(highlights, credits)),
        year=year,
        previous_year=_previous_year(credits, year),
        highlights=highlights.paragraphs,
        credits=credits.credits,
        supercategories=credits.supercategories,
        programs=programs,
        groups=groups,
        relations=tuple(_relations(groups, highlights, definitions)),
        provenance=span(lines),
    )


def _sections(source: str, content: Sequence[Line]) -> dict[int, tuple[Line, list[Line]]]:
    found: dict[int, tuple[Line, list[Line]]] = {}
    current: list[Line] | None = None
    for line in content:
        number = _section_number(line)
        if number is not None:
            _check_order(line, number, found)
            current = []
            found[number] = (line, current)
        elif current is None:
            raise line.error(StructureError, "text before section 1. FAITS SAILLANTS")
        else:
            current.append(line)
    missing = [n for n in (1, 2, 3, 4) if n not in found]
    if missing:
        raise StructureError(
            source, content[-1].number, f"section {_NAMES[missing[0]]} is missing (reached the end)"
        )
    return found


def _section_number(line: Line) -> int | None:
    match = _SECTION.fullmatch(line.clean)
    if match is None:
        return None
    number = int(match.group("number"))
    return number if _TITLES[number].fullmatch(match.group("title")) else None


def _check_order(line: Line, number: int, found: dict[int, tuple[Line, list[Line]]]) -> None:
    if number in found:
        raise line.error(StructureError, f"section {number} appears a second time")
    expected = len(found) + 1
    if number != expected:
        raise line.error(
            StructureError, f"found section {number} where section {_NAMES[expected]} was expected"
        )


def _year(heading: Line) -> str:
    match = YEAR.search(heading.clean)
    assert match is not None  # the section title pattern requires it
    start, end = int(match.group(1)), int(match.group(2))
    if end != start + 1:
        raise heading.error(StructureError, f'"{match.group(0)}" is not a fiscal year')
    return match.group(0)


def _previous_year(credits: CreditsSection, year: str) -> str:
    """The year the tables compare with: the fiscal year before, in every table."""
    previous = previous_year(year)
    _check_years(credits, {year, previous})
    return previous


def _check_years(credits: CreditsSection, years: set[str]) -> None:
    portfolio, supers = credits.credits, credits.supercategories
    rows = [*portfolio.programs, portfolio.total, portfolio.permanent, portfolio.to_vote]
    rows += [*supers.categories, supers.total, supers.headcount, *supers.investments]
    rows += [row for p in credits.programs for row in (*p.elements, *p.comparison)]
    for row in rows:
        for figure in row.figures:
            if figure.year is not None and figure.year not in years:
                raise DocumentError(
                    row.provenance.source,
                    row.provenance.line_start,
                    f"year {figure.year} is neither {' nor '.join(sorted(years))}",
                    cell=figure.cell,
                )


def _portfolio_mentions(highlights: Highlights, credits: CreditsSection) -> Iterator[Text]:
    for paragraph in highlights.paragraphs:
        if (name := portfolio_mention(paragraph.text)) is not None:
            yield Text(name, paragraph.provenance)
    yield credits.portfolio


def _portfolio_name(
    highlights: Highlights, definitions: dict[int, Definition], credits: CreditsSection
) -> str:
    """The name as the prose writes it (proper case), else the heading's."""
    prose = [p.text for p in highlights.paragraphs]
    prose += [d.share.provenance.text for d in definitions.values()]
    for text in prose:
        if (name := portfolio_mention(text)) is not None:
            return name
    return credits.portfolio.text


def _relations(
    groups: Sequence[OrgGroup], highlights: Highlights, definitions: dict[int, Definition]
) -> Iterator[RelationStatement]:
    known = [unit.name for group in groups for unit in group.units]
    for group in groups:
        yield from relation_statements(group.name, (t.provenance for t in group.intro), known)
        for unit in group.units:
            provenances = [p for item in unit.paragraphs for p in _item_provenances(item)]
            yield from relation_statements(unit.name, provenances, known)
    # Sections 1 and 3 speak of programs, not units: their sentences must name who.
    for paragraph in highlights.paragraphs:
        yield from relation_statements(None, [paragraph.provenance], known)
    for definition in definitions.values():
        texts = (t.provenance for t in definition.paragraphs)
        yield from relation_statements(None, texts, known)


def _item_provenances(item: Item) -> Iterator[Provenance]:
    yield item.provenance
    for sub in item.sub_items:
        yield sub.provenance
