"""`budget-kg check` publishes the audit: its lines, `--strict`, cycles, paths as given.

Each document is a variant of the real one written to a temporary folder; the
expected lines are derived from the audit of the same text, so the test pins
what the command prints, not the audit's numbers (tests/test_audit.py does).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph.audit import Status, audit, problems
from graph.build import build_graph
from server.check import finding_line
from server.cli import main
from tests.documents import MICC, parse_text
from tests.variants import CYCLE_SENTENCE, next_edition, with_cycle

ORIGINAL = "2. Francisation\t51 100,0\t0,0\t0,0\t51 100,0"
ALTERED = "2. Francisation\t51 200,0\t0,0\t0,0\t51 100,0"


@pytest.fixture()
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder, made the current one: documents are named relatively."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_check_strict_on_the_real_document_prints_its_one_rounding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, lines, err = run(["check", "--strict", str(MICC)], capsys)
    assert (status, err) == (0, "")
    assert lines[1].endswith(", 1 ROUNDING")
    assert lines[2:] == [f"{MICC}:80: stated 5,1, computed 5,2 (comparison.percent, ROUNDING)"]


def test_check_strict_on_an_altered_figure_exits_2_with_each_broken_identity(
    in_tmp: Path, micc_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert micc_text.count(ORIGINAL) == 1
    text = micc_text.replace(ORIGINAL, ALTERED)
    name = write(in_tmp, "altered.txt", text)
    expected = problems(audit(build_graph([parse_text(text, name)])))
    # The 18 identities that depend on the altered leaf (tests/test_audit.py,
    # ALTERED_BREAKS), and the real document's own rounding, now off by more.
    assert [f.status for f in expected] == [Status.MISMATCH] * 19
    status, lines, _ = run(["check", "--strict", name], capsys)
    assert status == 2
    total = len(audit(build_graph([parse_text(text, name)])))
    assert lines[1] == f"altered.txt: audit: {total} checks: {total - 19} OK, 19 MISMATCH"
    assert lines[2:] == [finding_line(f) for f in expected]
    assert "altered.txt:66: stated 51 100,0, computed 51 200,0 (element.credits, MISMATCH)" in lines
    assert "altered.txt:77: stated 11,6, computed 11,8 (comparison.percent, MISMATCH)" in lines
    assert run(["check", name], capsys)[0] == 0  # without --strict, breaks are reported only


def test_check_strict_exits_1_when_a_document_cannot_be_read(
    in_tmp: Path, micc_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write(in_tmp, "broken.txt", micc_text.replace(ORIGINAL, "2. Francisation\t5X"))
    altered = write(in_tmp, "altered.txt", micc_text.replace(ORIGINAL, ALTERED))
    status, lines, err = run(["check", "--strict", broken, altered], capsys)
    assert status == 1
    assert err.startswith("broken.txt:66: ")
    assert lines[0].startswith("altered.txt: ")


def test_check_prints_paths_as_given(
    in_tmp: Path, micc_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "docs").mkdir()
    write(in_tmp / "docs", "micc.txt", micc_text)
    status, lines, _ = run(["check", "docs"], capsys)
    assert status == 0
    assert [line.split(":")[0] for line in lines] == ["docs/micc.txt"] * 3
    assert str(in_tmp) not in "\n".join(lines)


def test_check_prints_an_unchecked_highlight_with_its_reason(
    in_tmp: Path, micc_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    added = "Le budget de dépenses de la Régie des arts est de 700 000 \\$."
    text = micc_text.replace("\n\nProgramme 1 : ", f"\n\n{added}\n\nProgramme 1 : ", 1)
    name = write(in_tmp, "regie.txt", text)
    line = text.split("\n").index(added) + 1
    status, lines, _ = run(["check", "--strict", name], capsys)
    assert status == 0
    assert lines[1].endswith(", 1 ROUNDING, 1 UNCHECKED")
    assert lines[2] == (
        f"regie.txt:{line}: stated 700 000 $, not checked: its subject is not read "
        "(« Régie … » is no name it holds): « Le budget de dépenses de la Régie des arts est "
        "de 700 000 $. » (highlight.amount, UNCHECKED)"
    )


def test_check_prints_a_restatement_with_both_lines(
    in_tmp: Path, micc_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = write(in_tmp, "micc-2007-2008.txt", micc_text)
    restated = {"Élément 2 : Francisation": Decimal("51150.0")}
    later_text = next_edition(micc_text, restated)
    later = write(in_tmp, "micc-2008-2009.txt", later_text)
    line = next(n for n, x in enumerate(later_text.split("\n"), 1) if x.startswith("Élément 2"))
    status, lines, _ = run(["check", "--strict", earlier, later], capsys)
    assert status == 2  # the later sheet's supercategories no longer add up to its programs
    assert (
        f"micc-2008-2009.txt:{line}: stated 51 150,0, the 2007-2008 edition states 51 100,0 "
        "at micc-2007-2008.txt:66 (edition.restated, RESTATED)"
    ) in lines
    assert len([x for x in lines if x.endswith("RESTATED)")]) == 1


def test_check_warns_of_two_units_part_of_each_other(
    in_tmp: Path, micc_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = with_cycle(micc_text)
    name = write(in_tmp, "cycle.txt", text)
    numbered = text.split("\n")
    regroupe = next(n for n, x in enumerate(numbered, 1) if x.startswith("- Il regroupe la "))
    cycle = numbered.index(CYCLE_SENTENCE) + 1
    status, lines, err = run(["check", name], capsys)
    assert status == 0
    assert lines[1].endswith(", 1 ROUNDING")
    assert err == (
        f"cycle.txt:{regroupe}: warning: Direction de la recherche et de l'analyse prospective "
        "and Secrétariat du ministère are part of each other: « Il regroupe la Direction de la "
        "coordination ministérielle et le Bureau de l'amélioration de la qualité ainsi que la "
        f"Direction de la recherche et de l'analyse prospective. » (cycle.txt:{regroupe}); "
        f"« Elle regroupe le Secrétariat du ministère. » (cycle.txt:{cycle})\n"
    )
