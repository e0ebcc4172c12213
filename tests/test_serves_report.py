"""The serves report rewrites only its own section of `bench/RESULTS.md`."""

from __future__ import annotations

from pathlib import Path

from bench.results import write_section
from bench.serves_report import TITLE

SPEED = [
    "<!-- speed: written by python -m bench.speed_bench -->",
    "## Speed",
    "",
    "| Query | ratio |",
    "<!-- end of speed -->",
]


def test_serves_section_keeps_the_block_another_benchmark_wrote_after_it(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    out.write_text(
        "\n".join(["# Build benchmark", "", "x", "", f"# {TITLE}", "", "old", "", *SPEED])
    )
    write_section(out, TITLE, ["new"])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "old" not in lines and "new" in lines
    assert lines[-len(SPEED) :] == SPEED
    assert lines[:3] == ["# Build benchmark", "", "x"]
