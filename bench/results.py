"""`bench/RESULTS.md` holds one section per benchmark: each rewrites only its own."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(out: Path, title: str, body: Sequence[str]) -> None:
    """Replace the `# title` section of `out` (up to the next `# ` heading, or the next
    `<!-- ` marker that opens a block another benchmark writes) with `body`, or add it at
    the end; the other sections stay as they are."""
    old = out.read_text(encoding="utf-8").splitlines() if out.is_file() else []
    heading = f"# {title}"
    start = old.index(heading) if heading in old else len(old)
    opens = ("# ", "<!-- ")
    end = next((i for i in range(start + 1, len(old)) if old[i].startswith(opens)), len(old))
    before = old[:start]
    if before and before[-1] != "":
        before.append("")
    section = [heading, "", *body]
    if section[-1] != "":
        section.append("")
    out.write_text("\n".join([*before, *section, *old[end:]]).rstrip("\n") + "\n", encoding="utf-8")
