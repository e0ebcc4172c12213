"""The fields no other test queried: roles, a program's texts, shares, changes and audit in
detail, units' mandates, the counts. Expected values are read from data/micc-2007-2008.txt
(tests/seed.py for its figures)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from loaders import Document
from schema.context import Context
from tests import counted, seed
from tests.contract import PORTFOLIO, data_of
from tests.documents import MICC, percent
from tests.stated import group_headings, organisation

ROLES = f"""{{ portfolio(name: "{PORTFOLIO}") {{ organizations {{
  name parent {{ name }} groups {{ name }} advises {{ name graphId }}
  roles {{ name graphId provenance {{ document lineStart lineEnd }}
          supervises {{ name }} reportingUnits {{ name }} advisedBy {{ name }} }}
}} }} }}"""

PROGRAM_FIELDS = f"""{{ programs(portfolio: "{PORTFOLIO}", year: "2007-2008") {{
  number graphId year portfolio {{ name }} organizations {{ name }}
  names definition highlights
  shareDetail {{ percent exact part {{ value sources {{ lineStart }} }} whole {{ value }}
                of {{ name }} formula }}
  change {{ measure fromYear toYear fromAmount {{ value }} toAmount {{ value }} }}
  elementsPage(first: 2) {{ totalCount edges {{ node {{ number }} }} }}
  elements {{ number year organizations {{ name }}
              shareDetail(of: PROGRAM) {{ percent of {{ name }} }} }}
}} }}"""


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def sentence_with(text: str, words: str) -> tuple[int, str]:
    """The first line holding `words`: its number (1-based) and its text."""
    return next((n, line) for n, line in enumerate(lines_of(text), 1) if words in line)


@pytest.fixture(scope="module")
def organizations(api_context: Context) -> dict[str, dict[str, Any]]:
    found = data_of(api_context, ROLES)["portfolio"]["organizations"]
    return {o["name"]: o for o in found}


@pytest.fixture(scope="module")
def programs(api_context: Context) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = data_of(api_context, PROGRAM_FIELDS)["programs"]
    return found


def ministry_of(organizations: dict[str, dict[str, Any]]) -> dict[str, Any]:
    (ministry,) = [o for name, o in organizations.items() if name.startswith("Ministère")]
    return ministry


def test_role_supervising_a_group_is_the_one_its_intro_names(
    organizations: dict[str, dict[str, Any]], micc_text: str
) -> None:
    line, intro = sentence_with(micc_text, "Sous la supervision de la ")
    name = intro.split("Sous la supervision de la ")[1].split(",")[0]
    roles = {r["name"]: r for r in ministry_of(organizations)["roles"]}
    assert roles[name]["supervises"] == [{"name": group_headings(micc_text)[0]}]
    assert roles[name]["provenance"] == [
        {"document": MICC.name, "lineStart": line, "lineEnd": line}
    ]


def test_role_has_the_units_that_report_to_it(
    organizations: dict[str, dict[str, Any]], micc_text: str
) -> None:
    line, sentence = sentence_with(micc_text, " relèvent de la ")
    listed, role = sentence.split("Les modules ")[1].removesuffix(".").split(" relèvent de la ")
    modules = re.split(r", | de même que les ", listed)
    roles = {r["name"]: r for r in ministry_of(organizations)["roles"]}
    assert roles[role]["reportingUnits"] == [{"name": f"Module {m}"} for m in sorted(modules)]
    assert (roles[role]["supervises"], roles[role]["advisedBy"]) == ([], [])
    assert roles[role]["provenance"][0]["lineStart"] == line


def test_role_advised_by_the_body_whose_mission_is_to_advise_it(
    organizations: dict[str, dict[str, Any]], micc_text: str
) -> None:
    line, sentence = sentence_with(micc_text, " a pour mission de conseiller la ")
    body = sentence.split(" a pour mission de conseiller la ")[0].removeprefix("Le ")
    role = sentence.split(" a pour mission de conseiller la ")[1].split(" ")[0]
    ministry = ministry_of(organizations)
    (advised,) = [r for r in ministry["roles"] if r["name"] == role]
    assert advised["advisedBy"] == [{"name": body}]
    assert advised["provenance"][0]["lineStart"] == line
    assert organizations[body]["advises"] == [{"name": role, "graphId": advised["graphId"]}]


def test_roles_are_the_ministrys_and_groups_are_its_sections(
    organizations: dict[str, dict[str, Any]], micc_text: str, micc: Document
) -> None:
    ministry = ministry_of(organizations)
    assert len(ministry["roles"]) == len(counted.roles(micc))
    assert [g["name"] for g in ministry["groups"]] == group_headings(micc_text)
    assert {o["name"]: o["parent"] for o in organizations.values()} == dict.fromkeys(organizations)
    body = seed.PROGRAM_2.elements[0].name
    assert (organizations[body]["groups"], organizations[body]["roles"]) == ([], [])


def test_program_names_are_every_spelling_the_document_uses(
    programs: list[dict[str, Any]], micc_text: str
) -> None:
    lines = lines_of(micc_text)
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        n = stated.number
        spellings = [
            stated.credits.label.removeprefix(f"{n}. "),  # section 2's credits table
            next(x for x in lines if x.startswith(f"PROGRAMME {n} : ")).split(" : ")[1],
            next(x for x in lines if x.startswith(f"Programme {n} : ")).split(" : ")[1],
            stated.name,  # the definition's heading
        ]
        assert found["names"] == list(dict.fromkeys(spellings))


def test_program_definition_and_highlights_are_its_paragraphs(
    programs: list[dict[str, Any]], micc_text: str
) -> None:
    lines = lines_of(micc_text)
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        # Section 3: the paragraph after its heading, before its share (lines 103, 109).
        assert found["definition"] == lines[stated.share_line - 3]
        heading = lines.index(
            next(x for x in lines if x.startswith(f"Programme {stated.number} : "))
        )
        paragraphs = []
        for line in lines[heading + 1 :]:
            if line.startswith(("Programme ", "Fiches explicatives")):
                break
            paragraphs += [line] if line else []
        assert found["highlights"] == paragraphs


def test_program_year_portfolio_and_organization(
    programs: list[dict[str, Any]], micc: Document
) -> None:
    assert [p["year"] for p in programs] == [micc.year] * len(seed.PROGRAMS)
    assert {p["portfolio"]["name"] for p in programs} == {PORTFOLIO}
    assert [p["graphId"].rsplit("/", 1)[1] for p in programs] == ["1", "2"]
    ministry = "Ministère de l'Immigration et des Communautés culturelles"
    assert programs[0]["organizations"] == [{"name": ministry}]
    body = seed.PROGRAM_2.elements[0].name
    assert [e["organizations"] for e in programs[1]["elements"]] == [[{"name": body}]]
    assert {e["year"] for p in programs for e in p["elements"]} == {micc.year}


def test_program_share_detail_gives_its_two_figures(programs: list[dict[str, Any]]) -> None:
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        detail, whole = found["shareDetail"], seed.CREDITS_TOTAL.expenditure
        assert detail["percent"] == str(stated.share)
        assert Decimal(detail["exact"]) == stated.credits.expenditure * 100 / whole
        assert detail["part"]["value"] == str(stated.credits.expenditure)
        lines = [{"lineStart": e.budget.line} for e in stated.elements]
        assert detail["part"]["sources"] == lines  # summed from its elements' rows
        assert (detail["whole"]["value"], detail["of"]) == (str(whole), {"name": PORTFOLIO})
        assert detail["formula"].startswith("percent = part ÷ whole × 100")


def test_element_share_of_its_program(programs: list[dict[str, Any]]) -> None:
    found = programs[0]["elements"]
    stated = seed.PROGRAM_1
    assert [e["shareDetail"]["percent"] for e in found] == [
        str(percent(e.budget.expenditure, stated.total.expenditure)) for e in stated.elements
    ]
    assert {e["shareDetail"]["of"]["name"] for e in found} == {stated.name}


def test_program_change_names_its_measure_years_and_figures(
    programs: list[dict[str, Any]], micc: Document
) -> None:
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        assert found["change"] == {
            "measure": "EXPENDITURE",
            "fromYear": micc.previous_year,
            "toYear": micc.year,
            "fromAmount": {"value": str(stated.compared.before)},
            "toAmount": {"value": str(stated.compared.now)},
        }


def test_program_elements_page(programs: list[dict[str, Any]]) -> None:
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        page = found["elementsPage"]
        assert page["totalCount"] == len(stated.elements)
        assert [e["node"]["number"] for e in page["edges"]] == [
            e.number for e in stated.elements[:2]
        ]


def test_program_audit_finds_the_documents_own_rounding(api_context: Context) -> None:
    query = f"""{{ programs(portfolio: "{PORTFOLIO}", year: "2007-2008") {{ audit {{
      total counts {{ status count }}
      findings {{ status stated expected computed difference derivation edition years
                  sources {{ lineStart }} statedAt {{ lineStart }} cell }} }} }} }}"""
    audit = data_of(api_context, query)["programs"][0]["audit"]
    assert audit["total"] == sum(c["count"] for c in audit["counts"]) == len(audit["findings"])
    (rounding,) = [f for f in audit["findings"] if f["status"] != "OK"]
    row = seed.PROGRAM_1.compared
    exact = (row.now - row.before) * 100 / row.before
    assert rounding["status"] == "ROUNDING"
    assert (rounding["statedAt"], rounding["cell"]) == ({"lineStart": row.line}, 5)
    assert Decimal(rounding["stated"]) == row.percent
    assert Decimal(rounding["expected"]) == percent(row.now - row.before, row.before)
    assert Decimal(rounding["computed"]) == exact
    assert Decimal(rounding["difference"]) == row.percent - exact
    assert (rounding["edition"], rounding["years"]) == ("2007-2008", ["2006-2007", "2007-2008"])
    elements = seed.PROGRAM_1.elements
    lines = sorted(line for e in elements for line in (e.budget.line, e.compared.line))
    assert [s["lineStart"] for s in rounding["sources"]] == lines
    assert "sum of the expenditure 2006-2007 of 4 element(s)" in rounding["derivation"]


def test_group_parent_and_intro(api_context: Context, micc_text: str) -> None:
    query = f"""{{ orgGroups(portfolio: "{PORTFOLIO}") {{ name parent {{ name }} intro }} }}"""
    groups = data_of(api_context, query)["orgGroups"]
    ministry = "Ministère de l'Immigration et des Communautés culturelles"
    assert {g["parent"]["name"] for g in groups} == {ministry}
    _, intro = sentence_with(micc_text, "Sous la supervision de la ")
    assert [g["intro"] for g in groups] == [[intro], [], []]


def mandate_lines(text: str, unit: str) -> list[str]:
    """The bullets under `unit`'s heading, as a reader reads them (no `- ` nor `*`)."""
    lines = organisation(text)
    start = lines.index(unit) + 1
    bullets = []
    for line in lines[start:]:
        if line and not line.startswith("- "):
            break
        bullets += [line.removeprefix("- ").replace("*", "")] if line else []
    return bullets


def test_unit_type_mandate_and_reports_to(api_context: Context, micc_text: str) -> None:
    query = """{ hr: orgUnits(name: "Direction des ressources humaines") {
        unitType mandate reportsTo { name } }
      web: orgUnits(name: "Module Web") { unitType mandate reportsTo { name }
        parent { name } change { amount } } }"""
    found = data_of(api_context, query)
    (hr,) = found["hr"]
    assert hr["unitType"] == "Direction"
    assert hr["mandate"] == mandate_lines(micc_text, "Direction des ressources humaines")
    assert hr["reportsTo"] == []
    (web,) = found["web"]
    _, sentence = sentence_with(micc_text, " relèvent de la ")
    assert web["unitType"] == "Module"
    assert web["mandate"] == []  # named only in a sentence: no mandate of its own
    assert web["reportsTo"] == [{"name": sentence.split(" relèvent de la ")[1].removesuffix(".")}]
    assert web["parent"] == {"name": "Direction des affaires publiques et des communications"}
    # a central-services unit: the support element's change (line 79)
    assert web["change"] == {"amount": str(seed.ELEMENTS[3].compared.variation)}


def test_counts_and_the_portfolios_documents(api_context: Context, micc_text: str) -> None:
    query = f"""{{ portfoliosCount orgUnitsCount(name: "Direction des ressources humaines")
      portfolio(name: "{PORTFOLIO}") {{ graphId documents {{ name }}
        provenance {{ document lineStart }} elements {{ number }}
        unservedElements {{ number }} }} }}"""
    found = data_of(api_context, query)
    served = sorted(MICC.parent.glob("*.txt"))  # data/: one document, one portfolio
    assert found["portfoliosCount"] == len(served) == 1
    assert found["orgUnitsCount"] == 1  # the one unit of that name
    portfolio = found["portfolio"]
    assert portfolio["graphId"] == "portfolio:immigration-et-communautes-culturelles"
    assert portfolio["documents"] == [{"name": MICC.name}]
    first, _ = sentence_with(micc_text, f"« {PORTFOLIO} »")  # the highlights' first sentence
    assert portfolio["provenance"] == [{"document": MICC.name, "lineStart": first}]
    assert [e["number"] for e in portfolio["elements"]] == [e.number for e in seed.ELEMENTS]
    assert portfolio["unservedElements"] == []  # every element has a unit serving it
