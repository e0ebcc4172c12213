"""`budget-kg`: check documents, export the graph, serve or query it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from loaders import Document, DocumentError, read_document

DATA = Path(__file__).resolve().parent.parent / "data"


def default_paths() -> list[Path]:
    return sorted(DATA.glob("*.txt"))


def summary(document: Document) -> str:
    groups = document.groups
    units = sum(len(g.units) for g in groups)
    objectives = sum(len(g.objectives) for g in groups)
    modes = sum(len(g.modes) for g in groups)
    elements = sum(len(p.elements) for p in document.programs)
    return (
        f"{document.source}: « {document.portfolio} » {document.year} "
        f"(compared with {document.previous_year}): {len(document.programs)} programs, "
        f"{elements} elements, {units} units, {objectives} objectives, "
        f"{modes} intervention modes, {len(document.relations)} relation statements"
    )


def check(paths: Sequence[Path]) -> int:
    status = 0
    for path in paths or default_paths():
        try:
            print(summary(read_document(path)))
        except DocumentError as exc:
            print(exc, file=sys.stderr)
            status = 1
    return status


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="budget-kg", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="load documents and print a summary of each")
    check_cmd.add_argument("paths", nargs="*", type=Path, help="documents (default: data/*.txt)")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check":
        return check(args.paths)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
