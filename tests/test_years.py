"""Fiscal years (loaders/years.py) as the documents write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import read_document
from loaders.years import WRITTEN_YEAR, YEAR, is_fiscal_year, next_year, previous_year
from tests.documents import MICC, SYNTHETIC

DOCUMENTS = sorted([MICC, *SYNTHETIC.parent.glob("*.txt")])


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_a_documents_two_years_follow_each_other(path: Path) -> None:
    document = read_document(path)
    assert previous_year(document.year) == document.previous_year
    assert next_year(document.previous_year) == document.year
    assert is_fiscal_year(*document.year.split("-"))


def test_every_year_a_table_header_writes_is_a_fiscal_year(micc_text: str) -> None:
    headers = [
        line
        for line in micc_text.splitlines()
        if line.startswith(("Programmes\t", "Budget de dépenses\t"))
    ]
    found = {m.group(0) for line in headers for m in YEAR.finditer(line)}
    assert found == {"2007-2008", "2006-2007"}
    assert all(is_fiscal_year(*year.split("-")) for year in found)


def test_a_plan_over_three_years_is_not_a_fiscal_year(micc_text: str) -> None:
    """Line 13: `Plan stratégique 2005-2008` spans three years; the loader must not read it
    as the year before or after."""
    written = [m.groups() for m in WRITTEN_YEAR.finditer(micc_text)]
    assert ("2005", "2008") in written
    assert {f"{a}-{b}" for a, b in written if is_fiscal_year(a, b)} == {"2006-2007", "2007-2008"}


@pytest.mark.parametrize("written", ["2007-2008", "2007 - 2008", "2007–2008", "2007 – 2008"])
def test_prose_may_write_a_year_with_spaces_or_an_en_dash(written: str) -> None:
    match = WRITTEN_YEAR.search(f"le budget de dépenses {written} du portefeuille")
    assert match is not None and match.groups() == ("2007", "2008")
    assert (YEAR.fullmatch(written) is not None) == (written == "2007-2008")


def test_year_arithmetic_crosses_a_century() -> None:
    assert next_year("1999-2000") == "2000-2001"
    assert previous_year("2000-2001") == "1999-2000"
    assert not is_fiscal_year("2007", "2007")
