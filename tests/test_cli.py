"""`budget-kg check`: a summary and the audit of each document, `file:line: problem` on
stderr for a broken one, warnings of what the graph cannot link; `--strict` exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.audit import audit
from graph.build import build_graph
from loaders import read_document
from server.cli import main
from tests.documents import MICC, ROOT, SYNTHETIC, with_line

MICC_SUMMARY = (
    "« Immigration et Communautés culturelles » 2007-2008 (compared with 2006-2007): "
    "2 programs, 5 elements, 12 units, 10 objectives, 15 intervention modes, "
    "11 relation statements"
)
# The real document's one break (tests/test_audit.py, REAL_PROBLEMS): line 80.
CHECKS = len(audit(build_graph([read_document(MICC)])))
MICC_AUDIT = f"audit: {CHECKS} checks: {CHECKS - 1} OK, 1 ROUNDING"
MICC_ROUNDING = ":80: stated 5,1, computed 5,2 (comparison.percent, ROUNDING)"


def checked(path: Path | str) -> str:
    """What `check` prints for the real document (or a copy of it) at `path`."""
    return f"{path}: {MICC_SUMMARY}\n{path}: {MICC_AUDIT}\n{path}{MICC_ROUNDING}\n"


def broken_copy(tmp_path: Path) -> Path:
    path = tmp_path / "micc.txt"
    text = MICC.read_text(encoding="utf-8")
    path.write_text(with_line(text, 65, "1. Immigration\t3 79A,8\t0,0\t0,0\t3 794,8"), "utf-8")
    return path


def test_check_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MICC)]) == 0
    out, err = capsys.readouterr()
    assert out == checked(MICC)
    assert err == ""


def test_check_several_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MICC), str(SYNTHETIC)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(checked(MICC))
    lines = out.removeprefix(checked(MICC)).splitlines()
    assert len(lines) == 2  # the synthetic document holds every identity
    assert lines[0].startswith(f"{SYNTHETIC}: « Tourisme et Patrimoine » 2008-2009")
    assert lines[1].startswith(f"{SYNTHETIC}: audit: ") and lines[1].endswith(" OK")


def test_check_defaults_to_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out.endswith(f"micc-2007-2008.txt{MICC_ROUNDING}\n")


def test_check_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = broken_copy(tmp_path)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f'{path}:65: cell 2 "3 79A,8" is not an amount (expected e.g. 3 794,8)\n'


def test_check_goes_on_after_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_copy(tmp_path)
    assert main(["check", str(path), str(MICC)]) == 1
    out, err = capsys.readouterr()
    assert out == checked(MICC)
    assert err.startswith(f"{path}:65: ")


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "absent.txt"
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"{path}: cannot be read (")


def test_check_not_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"1. FAITS SAILLANTS\n\xff\xfe\n")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().err == f"{path}:2: is not UTF-8 text (invalid start byte)\n"


def test_check_needs_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    assert "budget-kg" in capsys.readouterr().err


def test_check_as_a_process(tmp_path: Path) -> None:
    path = broken_copy(tmp_path)
    command = [sys.executable, "-m", "server.cli", "check", str(MICC), str(path)]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, encoding="utf-8", check=False
    )
    assert done.returncode == 1
    assert done.stdout == checked(MICC)
    assert done.stderr == f'{path}:65: cell 2 "3 79A,8" is not an amount (expected e.g. 3 794,8)\n'


def test_check_reads_a_directory_like_the_other_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(ROOT / "data")]) == 0
    assert capsys.readouterr().out == checked(MICC)


def test_check_warns_of_a_group_that_serves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sector whose name and texts ground no element is named, and so is the element
    left with no server."""
    path = tmp_path / "loisirs.txt"
    text = SYNTHETIC.read_text(encoding="utf-8")
    start = text.index("SECTEUR DU PATRIMOINE")
    sector = (
        "SECTEUR DES AFFAIRES AUTOCHTONES\n\nObjectifs généraux\n\n"
        "- Négocier des ententes avec les nations autochtones.\n\n"
        "Modes d'intervention\n\n- Les tables de concertation avec les communautés.\n"
    )
    text = text[:start] + sector
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    line = lines.index("SECTEUR DES AFFAIRES AUTOCHTONES") + 1
    element = next(n for n, t in enumerate(lines, 1) if t.startswith("2. Patrimoine"))
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().err == (
        f"{path}:{line}: warning: SECTEUR DES AFFAIRES AUTOCHTONES serves no element (its "
        "text names none, its name matches none, it offers no central services)\n"
        f"{path}:{element}: warning: element 1.2 « Patrimoine et Lieux historiques » is served "
        "by no group or unit (no text of section 4 grounds it)\n"
    )


def test_check_refuses_two_documents_of_one_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(MICC.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(MICC), str(copy)]) == 1
    assert capsys.readouterr().err == (
        f"{copy}: « Immigration et Communautés culturelles » 2007-2008 is already loaded "
        f"from {MICC}: give one document per portfolio and fiscal year\n"
    )


@pytest.mark.parametrize(
    "command",
    [["check"], ["query", "{ portfolios { name } }"], ["export", "--format", "json"], ["serve"]],
    ids=lambda c: c[0],
)
def test_every_command_refuses_a_directory_without_documents(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("serve started uvicorn"))
    empty = tmp_path / "empty"
    empty.mkdir()
    options = ["-o", str(tmp_path / "graph.json")] if command[0] == "export" else []
    assert main([*command, str(empty), *options]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"{empty}: no *.txt document\n")
    assert not (tmp_path / "graph.json").exists()
