"""Synthetic documents for the benchmarks, derived from the synthetic sample.

Document `i` is the sample with:
- its own portfolio, « Tourisme et Patrimoine 0042 » (so every document is a
  distinct portfolio, and its own file name);
- its fiscal years shifted by `i % YEAR_SPAN` years;
- every table amount (and headcount) and every dollar amount of the highlights
  multiplied by the integer `1 + i % MAX_SCALE`; percentages are left as they are.

An integer factor keeps every identity of the tables exact (totals, credits,
variations, and so percentages and shares). The highlights' rounded amounts are
scaled too, so they may drift from the scaled tables rounded to 100 000 $: the
audit may report those as it would in a published document.

    python -m bench.generate 1000 /tmp/docs
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

from loaders.numbers import parse_number

SAMPLE = Path(__file__).resolve().parent.parent / "tests/corpus/synthetic-tourisme-2008-2009.txt"
PORTFOLIO = "Tourisme et Patrimoine"
YEAR_SPAN = 10
MAX_SCALE = 5
GROUP = "\u00a0"
_YEARS = re.compile(r"\b(\d{4})-(\d{4})\b")
_PROSE_DOLLARS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?= \\\$)")


def portfolio_name(index: int) -> str:
    return f"{PORTFOLIO} {index:04d}"


def file_name(index: int) -> str:
    first = 2008 + index % YEAR_SPAN
    return f"bench-{index:04d}-tourisme-{first}-{first + 1}.txt"


def variant(text: str, index: int) -> str:
    """The sample `text` turned into benchmark document `index`."""
    text = rename_portfolio(text, PORTFOLIO, portfolio_name(index))
    text = shift_years(text, index % YEAR_SPAN)
    return scale_amounts(text, 1 + index % MAX_SCALE)


def rename_portfolio(text: str, old: str, new: str) -> str:
    """The portfolio's name between « », as written and in capitals."""
    for before, after in ((old, new), (old.upper(), new.upper())):
        text = text.replace(f"« {before} »", f"« {after} »")
    return text


def shift_years(text: str, years: int) -> str:
    """Every fiscal year `YYYY-YYYY` moved `years` later."""
    return _YEARS.sub(lambda m: f"{int(m[1]) + years}-{int(m[2]) + years}", text)


def scale_amounts(text: str, factor: int) -> str:
    """Table amounts and highlight dollars multiplied by `factor`; % columns untouched."""
    percent_columns: set[int] = set()
    lines = []
    for line in text.split("\n"):
        if "\t" not in line:
            lines.append(_PROSE_DOLLARS.sub(lambda m: _scaled(m[0], factor), line))
            continue
        cells = line.split("\t")
        if not any(parse_number(c) is not None for c in cells[1:]):
            percent_columns = _percent_columns(cells, percent_columns)
            lines.append(line)
            continue
        lines.append("\t".join(_scale_row(cells, factor, percent_columns)))
    return "\n".join(lines)


def _percent_columns(header: list[str], current: set[int]) -> set[int]:
    """A titled header row opens a table; a units row (no title) may add its % column;
    a label alone (`Budget d'investissements`, `PROGRAMME 1`) changes nothing."""
    found = {i for i, cell in enumerate(header) if cell.strip() == "%"}
    titled = header[0].strip() != "" and any(cell.strip() for cell in header[1:])
    return found if found or titled else current


def _scale_row(cells: list[str], factor: int, percent_columns: set[int]) -> list[str]:
    return [
        cell if i == 0 or i in percent_columns or not cell.strip() else _scaled(cell, factor)
        for i, cell in enumerate(cells)
    ]


def _scaled(cell: str, factor: int) -> str:
    value = parse_number(cell)
    if value is None:
        return cell
    return format_number(value * factor, parenthesized=cell.strip().startswith("("))


def format_number(value: Decimal, parenthesized: bool = False) -> str:
    """`Decimal("-1234.5")` → `-1 234,5` (no-break space), or `(1 234,5)`."""
    magnitude = f"{abs(value):,}".replace(",", GROUP).replace(".", ",")
    if value >= 0:
        return magnitude
    return f"({magnitude})" if parenthesized else f"-{magnitude}"


def write_documents(count: int, directory: Path, sample: Path = SAMPLE) -> list[Path]:
    """Write `count` benchmark documents into `directory`; their paths, in order."""
    text = sample.read_text(encoding="utf-8")
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / file_name(index)
        path.write_text(variant(text, index), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    count, directory = int(argv[0]), Path(argv[1])
    print(f"{len(write_documents(count, directory))} documents written to {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
