"""The contract queries of issue 4, run exactly as written against data/."""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

from graph.build.serves_edges import CENTRAL_CONFIDENCE
from loaders import Document
from schema.context import Context
from tests import counted, seed
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
from tests.documents import percent

SECTORS = ["SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION", "SECTEUR DE L'INTÉGRATION"]


def program_one(context: Context) -> dict[str, Any]:
    programs = data_of(context, PROGRAMS)["programs"]
    assert [p["number"] for p in programs] == [1, 2]
    found: dict[str, Any] = programs[0]
    return found


def test_programs_program_one_figures(api_context: Context) -> None:
    program = program_one(api_context)
    stated = seed.PROGRAM_1
    assert program["name"] == stated.name
    assert program["budget"] == {
        "expenditure": str(stated.credits.expenditure),
        "amortization": str(stated.credits.amortization),
        "investment": str(stated.credits.investment),
        "credits": str(stated.credits.credits),
    }
    assert program["change"]["amount"] == str(stated.compared.variation)
    assert program["shareOfPortfolio"] == str(stated.share)


def test_programs_change_percent_is_computed_not_copied(api_context: Context) -> None:
    # 5421.4 / 105164.1 = 5.155 %: half-up 5.2, where the document prints 5,1.
    stated = seed.PROGRAM_1.compared
    assert stated.variation is not None and stated.percent == Decimal("5.1")
    computed = percent(stated.variation, stated.before)
    assert program_one(api_context)["change"]["percent"] == str(computed) == "5.2"


def test_programs_elements(api_context: Context) -> None:
    elements = program_one(api_context)["elements"]
    assert [
        (e["number"], e["budget"]["expenditure"], e["budget"]["credits"]) for e in elements
    ] == [
        (e.number, str(e.budget.expenditure), str(e.budget.credits))
        for e in seed.PROGRAM_1.elements
    ]
    assert [e["name"] for e in elements] == [e.name for e in seed.PROGRAM_1.elements]


def test_programs_directorates(api_context: Context, micc: Document) -> None:
    names = [d["name"] for d in program_one(api_context)["directorates"]]
    assert names[:3] == ["HAUTE DIRECTION", *SECTORS]
    assert "Direction des ressources financières" in names
    assert "Secrétariat du ministère" in names
    # every group and every unit of section 4 (program 1 is the ministry's)
    assert len(names) == len(set(names)) == len(micc.groups) + len(counted.units(micc))


def test_programs_program_two(api_context: Context) -> None:
    program, stated = data_of(api_context, PROGRAMS)["programs"][1], seed.PROGRAM_2
    assert program["budget"]["credits"] == str(stated.credits.credits)
    assert program["change"] == {
        "amount": str(stated.compared.variation),
        "percent": str(stated.compared.percent),
    }
    assert program["shareOfPortfolio"] == str(stated.share)
    assert program["directorates"] == []


def test_portfolio_budget_change_and_breakdown(api_context: Context) -> None:
    portfolio = data_of(api_context, PORTFOLIO_QUERY)["portfolio"]
    assert portfolio["name"] == PORTFOLIO
    assert portfolio["years"] == ["2006-2007", "2007-2008"]
    total, spent = seed.CREDITS_TOTAL, seed.EXPENDITURE_TOTAL
    assert portfolio["budget"] == {
        "expenditure": str(total.expenditure),
        "credits": str(total.credits),
    }
    assert portfolio["change"] == {
        "amount": str(spent.now - spent.before),
        "percent": str(spent.percent),
    }
    largest_first = sorted(seed.SUPERCATEGORIES, key=lambda row: row.now, reverse=True)
    assert portfolio["breakdown"] == {
        "total": str(spent.now),
        "rows": [
            {"label": row.label, "amount": str(row.now), "share": str(percent(row.now, spent.now))}
            for row in largest_first
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
