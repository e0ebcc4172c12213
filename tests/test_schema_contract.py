"""The contract queries of issue 4, run exactly as written against data/."""

from __future__ import annotations

import base64
from typing import Any

from graph.build.serves_edges import CENTRAL_CONFIDENCE
from schema.context import Context
from tests.contract import (
    AUDIT,
    ORG_GROUPS,
    ORG_UNITS,
    PORTFOLIO,
    PORTFOLIO_QUERY,
    PORTFOLIOS,
    PROGRAMS,
    SEARCH,
    data_of,
)

SECTORS = ["SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION", "SECTEUR DE L'INTÉGRATION"]


def program_one(context: Context) -> dict[str, Any]:
    programs = data_of(context, PROGRAMS)["programs"]
    assert [p["number"] for p in programs] == [1, 2]
    found: dict[str, Any] = programs[0]
    return found


def test_programs_program_one_figures(api_context: Context) -> None:
    program = program_one(api_context)
    assert program["name"] == "Immigration, Intégration et Communautés culturelles"
    assert program["budget"] == {
        "expenditure": "110585.5",
        "amortization": "2551.7",
        "investment": "6712.0",
        "credits": "114745.8",
    }
    assert program["change"]["amount"] == "5421.4"
    assert program["shareOfPortfolio"] == "99.3"


def test_programs_change_percent_is_computed_not_copied(api_context: Context) -> None:
    # 5421.4 / 105164.1 = 5.155 %: half-up 5.2, where the document prints 5,1.
    assert program_one(api_context)["change"]["percent"] == "5.2"


def test_programs_elements(api_context: Context) -> None:
    elements = program_one(api_context)["elements"]
    assert [
        (e["number"], e["budget"]["expenditure"], e["budget"]["credits"]) for e in elements
    ] == [
        (1, "3794.8", "3794.8"),
        (2, "51100.0", "51100.0"),
        (3, "35244.7", "35244.7"),
        (4, "20446.0", "24606.3"),
    ]
    assert elements[1]["name"] == "Francisation"


def test_programs_directorates(api_context: Context) -> None:
    names = [d["name"] for d in program_one(api_context)["directorates"]]
    assert names[:3] == ["HAUTE DIRECTION", *SECTORS]
    assert "Direction des ressources financières" in names
    assert "Secrétariat du ministère" in names
    assert len(names) == len(set(names)) == 24


def test_programs_program_two(api_context: Context) -> None:
    program = data_of(api_context, PROGRAMS)["programs"][1]
    assert program["budget"]["credits"] == "722.8"
    assert program["change"] == {"amount": "1.6", "percent": "0.2"}
    assert program["shareOfPortfolio"] == "0.7"
    assert program["directorates"] == []


def test_portfolio_budget_change_and_breakdown(api_context: Context) -> None:
    portfolio = data_of(api_context, PORTFOLIO_QUERY)["portfolio"]
    assert portfolio["name"] == PORTFOLIO
    assert portfolio["years"] == ["2006-2007", "2007-2008"]
    assert portfolio["budget"] == {"expenditure": "111313.3", "credits": "115468.6"}
    assert portfolio["change"] == {"amount": "5423.0", "percent": "5.1"}
    assert portfolio["breakdown"] == {
        "total": "111313.3",
        "rows": [
            {"label": "Rémunération", "amount": "58029.7", "share": "52.1"},
            {"label": "Transfert", "amount": "29916.5", "share": "26.9"},
            {"label": "Fonctionnement", "amount": "23367.1", "share": "21.0"},
        ],
    }


def test_org_units_financial_resources(api_context: Context) -> None:
    (unit,) = data_of(api_context, ORG_UNITS)["orgUnits"]
    assert unit["name"] == "Direction des ressources financières"
    assert unit["parent"] == {"name": "Direction générale de l'administration"}
    (service,) = unit["serves"]
    assert service["target"] == {
        "__typename": "Element",
        "number": 4,
        "name": "Direction, Information et Services de soutien centralisés",
    }
    assert service["basis"]["method"] == "CENTRAL_SERVICES"
    assert service["basis"]["confidence"] == str(CENTRAL_CONFIDENCE)
    assert "HAUTE DIRECTION" in service["basis"]["evidence"]
    assert 119 in service["basis"]["lines"]  # « ... offrent des services centralisés. »
    assert unit["provenance"] == [
        {
            "document": "micc-2007-2008.txt",
            "lineStart": 169,
            "text": "Direction des ressources financières",
        }
    ]


def test_org_groups_serve_their_elements(api_context: Context) -> None:
    groups = data_of(api_context, ORG_GROUPS)["orgGroups"]
    served = {
        g["name"]: [(s["target"]["program"]["number"], s["target"]["number"]) for s in g["serves"]]
        for g in groups
    }
    assert served == {
        "HAUTE DIRECTION": [(1, 4)],
        SECTORS[0]: [(1, 1), (1, 2)],
        SECTORS[1]: [(1, 3)],
    }
    assert [g["kind"] for g in groups] == ["EXECUTIVE", "SECTOR", "SECTOR"]
    assert len(groups[0]["units"]) == 5
    methods = {s["basis"]["method"] for g in groups for s in g["serves"]}
    assert methods == {"CENTRAL_SERVICES", "NAME_MATCH", "TEXT_MATCH"}


def test_portfolios(api_context: Context) -> None:
    assert data_of(api_context, PORTFOLIOS) == {
        "portfolios": [{"name": PORTFOLIO, "years": ["2006-2007", "2007-2008"]}]
    }


def test_audit_reports_the_one_rounding_of_the_real_document(api_context: Context) -> None:
    findings = data_of(api_context, AUDIT)["audit"]
    assert {f["status"] for f in findings} == {"OK", "ROUNDING"}
    problems = [f for f in findings if f["status"] != "OK"]
    assert problems == [
        {
            "status": "ROUNDING",
            "identity": "comparison.percent",
            "stated": "5.1",
            "computed": "5.155181283346693405829555904",
        }
    ]


def test_search_francisation(api_context: Context) -> None:
    found = data_of(api_context, SEARCH)["search"]
    assert [f["__typename"] for f in found] == ["Element", "InterventionMode", "OrgGroup"]
    decoded = [base64.b64decode(f["id"]).decode() for f in found]
    assert decoded[0] == "Element:element:immigration-et-communautes-culturelles/2007-2008/1.2"
