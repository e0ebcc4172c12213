"""The seed's table of figures (tests/seed.py) says what the document says, line by line."""

from __future__ import annotations

import re

import pytest

from tests import seed
from tests.stated import amount


def cells(text: str, line: int) -> list[str]:
    return text.splitlines()[line - 1].split("\t")


@pytest.mark.parametrize("row", seed.ROWS, ids=lambda row: f"line {row.line}")
def test_seed_row_is_its_documents_line(micc_text: str, row: seed.Budget | seed.Compared) -> None:
    label, *figures = cells(micc_text, row.line)
    assert label == row.label
    assert [amount(cell) for cell in figures if cell.strip()] == row.figures()


@pytest.mark.parametrize("program", seed.PROGRAMS, ids=lambda p: f"program {p.number}")
def test_seed_program_share_is_its_definitions(micc_text: str, program: seed.Program) -> None:
    definition = micc_text.splitlines()[program.share_line - 1]
    stated = re.fullmatch(r"\(Ce programme représente ([\d,]+) % du budget .*", definition)
    assert stated is not None
    assert amount(stated.group(1)) == program.share
    heading = f"Programme {program.number} **{program.name}**"
    assert micc_text.splitlines()[program.share_line - 5] == heading


@pytest.mark.parametrize("prose", seed.HIGHLIGHTS, ids=lambda p: p.raw)
def test_seed_highlight_is_in_its_sentence(micc_text: str, prose: seed.Prose) -> None:
    assert prose.raw in micc_text.splitlines()[prose.line - 1]
    written = prose.raw.removesuffix(" \\$").removesuffix(" %")
    assert amount(written) == prose.value


def test_seed_table_has_every_row_of_the_documents_tables(micc_text: str) -> None:
    """No row with figures is missing from the table: every line of sections 2's tables and
    the programs' tables whose cells after the first hold a number is one of its rows."""
    lines = micc_text.splitlines()
    end = next(n for n, line in enumerate(lines, 1) if line.startswith("3. DÉFINITIONS"))
    with_figures = {
        number
        for number, line in enumerate(lines[:end], 1)
        if any(re.fullmatch(r"\(?[\d  ]+,\d\)?|\d+", c) for c in line.split("\t")[1:])
    }
    assert with_figures == {row.line for row in seed.ROWS}
