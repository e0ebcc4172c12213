"""`budget-kg query`, `budget-kg schema` and `budget-kg export`, without a server."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from graph.attributes import Graph
from server.cli import main
from tests import seed
from tests.contract import PROGRAMS
from tests.documents import MICC, ROOT, SYNTHETIC


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_query_prints_the_json_result(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["query", PROGRAMS], capsys)
    assert (status, err) == (0, "")
    program = json.loads(out)["data"]["programs"][0]
    assert program["budget"]["expenditure"] == str(seed.PROGRAM_1.credits.expenditure)
    assert program["shareOfPortfolio"] == str(seed.PROGRAM_1.share)
    assert "Communautés" in out  # UTF-8, not \u escapes


def test_query_with_variables(capsys: pytest.CaptureFixture[str]) -> None:
    query = """query($name: String!, $year: String!) {
      portfolio(name: $name) { budget(year: $year) { credits creditsToVote } } }"""
    variables = json.dumps({"name": "immigration et communautes culturelles", "year": "2006-2007"})
    status, out, _ = run(["query", query, "--variables", variables], capsys)
    assert status == 0
    credits, to_vote = seed.CREDITS_TOTAL.credits_before, seed.CREDITS_TO_VOTE.before
    assert json.loads(out) == {
        "data": {"portfolio": {"budget": {"credits": str(credits), "creditsToVote": str(to_vote)}}}
    }


def test_query_over_the_documents_given(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["query", "{ portfolios { name } }", str(MICC), str(SYNTHETIC)], capsys)
    assert status == 0
    names = [p["name"] for p in json.loads(out)["data"]["portfolios"]]
    assert names == ["Immigration et Communautés culturelles", "Tourisme et Patrimoine"]


def test_query_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("{ documents { name } }"))
    status, out, _ = run(["query", "-"], capsys)
    assert status == 0
    assert json.loads(out) == {"data": {"documents": [{"name": "micc-2007-2008.txt"}]}}


def test_query_errors_are_printed_with_their_code(capsys: pytest.CaptureFixture[str]) -> None:
    query = '{ programs(portfolio: "Santé", year: "2007-2008") { name } }'
    status, out, _ = run(["query", query], capsys)
    assert status == 1
    (error,) = json.loads(out)["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith('unknown portfolio "Santé"')


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ("{year", "budget-kg query: --variables is not JSON: "),
        ("[1]", "budget-kg query: --variables must be a JSON object"),
    ],
)
def test_query_bad_variables(
    capsys: pytest.CaptureFixture[str], variables: str, message: str
) -> None:
    status, out, err = run(["query", "{ portfolios { name } }", "--variables", variables], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(message)


def test_query_empty(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["query", " "], capsys)
    assert (status, out) == (2, "")
    assert err.startswith("budget-kg query: the query is empty")


def test_query_broken_document_says_where(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n", encoding="utf-8")
    status, out, err = run(["query", "{ portfolios { name } }", str(path)], capsys)
    assert (status, out) == (1, "")
    assert err.startswith(f"{path}: ")


def test_schema_prints_the_committed_sdl(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["schema"], capsys)
    assert status == 0
    assert out == (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert "scalar Decimal" in out


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_export_writes_the_graph(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, real_graph: Graph
) -> None:
    out = tmp_path / f"graph.{fmt}"
    status, _, _ = run(["export", "--format", fmt, str(MICC), "-o", str(out)], capsys)
    assert status == 0
    if fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        back = nx.node_link_graph(data, edges="edges", key="id")
    else:
        back = nx.read_graphml(out, force_multigraph=True)
    assert back.number_of_nodes() == real_graph.number_of_nodes()
    assert back.number_of_edges() == real_graph.number_of_edges()


def test_export_writes_the_figures_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", "--format", "csv", str(MICC), "-o", "-"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert header[:3] == ["portfolio", "year", "compared_with"]
    assert {r[header.index("document")] for r in rows} == {MICC.name}


def test_export_needs_a_known_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--format", "xml", "-o", str(tmp_path / "x")])
    assert exited.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
