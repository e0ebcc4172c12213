"""Derived figures over GraphQL: each gives the figures it was computed from, and they
add back up to it; org budgets; the audit of one entity; ranked search."""

from __future__ import annotations

import base64
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from schema.context import Context
from tests import seed
from tests.analyst import CULTURE, CULTURE_YEAR, labels, lines_with
from tests.contract import PORTFOLIO, codes, data_of, errors_of
from tests.documents import MICC

AMOUNT = "value terms { sign value line } sources { lineStart }"
CHANGE = f"amount percent exactPercent formula fromAmount {{ {AMOUNT} }} toAmount {{ {AMOUNT} }}"
SHARE = f"percent exact part {{ {AMOUNT} }} whole {{ {AMOUNT} }} formula"


def adds_up(amount: dict[str, Any]) -> bool:
    """The amount's terms, signed, sum to its value; each term has a line."""
    total = sum(Decimal(t["sign"]) * Decimal(t["value"]) for t in amount["terms"])
    lines = {t["line"] for t in amount["terms"]}
    return total == Decimal(amount["value"]) and lines <= {
        s["lineStart"] for s in amount["sources"]
    }


def checks_change(change: dict[str, Any]) -> None:
    before, after = change["fromAmount"], change["toAmount"]
    assert adds_up(before) and adds_up(after)
    difference = Decimal(after["value"]) - Decimal(before["value"])
    assert difference == Decimal(change["amount"])
    exact = difference * 100 / Decimal(before["value"])
    assert exact == Decimal(change["exactPercent"])
    assert exact.quantize(Decimal("0.1"), ROUND_HALF_UP) == Decimal(change["percent"])


def checks_share(share: dict[str, Any]) -> None:
    assert adds_up(share["part"]) and adds_up(share["whole"])
    exact = Decimal(share["part"]["value"]) * 100 / Decimal(share["whole"]["value"])
    assert exact == Decimal(share["exact"])
    assert exact.quantize(Decimal("0.1"), ROUND_HALF_UP) == Decimal(share["percent"])


def test_a_change_and_a_share_give_what_they_were_computed_from(api_context: Context) -> None:
    query = f"""{{ programs(portfolio: "{PORTFOLIO}", year: "2007-2008") {{
        change {{ {CHANGE} }} shareDetail {{ {SHARE} }}
        elements {{ change {{ {CHANGE} }} shareDetail(of: PROGRAM) {{ {SHARE} }} }} }} }}"""
    programs = data_of(api_context, query)["programs"]
    for program in programs:
        checks_change(program["change"])
        checks_share(program["shareDetail"])
        for element in program["elements"]:
            checks_change(element["change"])
            checks_share(element["shareDetail"])
    # 5 421,4 / 105 164,1: the lines of the comparison (76-79) and elements tables (65-68).
    first = programs[0]["change"]
    assert [s["lineStart"] for s in first["fromAmount"]["sources"]] == [76, 77, 78, 79]
    assert [s["lineStart"] for s in first["toAmount"]["sources"]] == [65, 66, 67, 68]


@pytest.mark.parametrize("by", ["PROGRAM", "ELEMENT", "ORGANIZATION", "SUPERCATEGORY", "ORG_GROUP"])
def test_every_breakdown_row_has_its_change_and_share_from_its_figures(
    api_context: Context, by: str
) -> None:
    query = f"""{{ breakdown(portfolio: "{PORTFOLIO}", year: "2007-2008", by: {by}) {{
        totalDetail {{ {AMOUNT} }}
        rows {{ label amount share amountDetail {{ {AMOUNT} }} shareDetail {{ {SHARE} }}
                change {{ {CHANGE} }} }} }} }}"""
    found = data_of(api_context, query)["breakdown"]
    assert adds_up(found["totalDetail"])
    for row in found["rows"]:
        assert adds_up(row["amountDetail"]) and row["amountDetail"]["value"] == row["amount"]
        checks_share(row["shareDetail"])
        assert row["shareDetail"]["percent"] == row["share"]
        assert row["shareDetail"]["whole"]["value"] == found["totalDetail"]["value"]
        if row["change"]["amount"] is not None:
            checks_change(row["change"])


def test_a_row_change_between_any_two_years_the_graph_has(api_context: Context) -> None:
    query = f"""{{ breakdown(portfolio: "{PORTFOLIO}", year: "2006-2007", by: SUPERCATEGORY) {{
        rows {{ label change(to: "2007-2008") {{ amount percent fromYear toYear }} }} }} }}"""
    rows = data_of(api_context, query)["breakdown"]["rows"]
    # Lines 50-52: 58 029,7 − 56 229,7; 29 916,5 − 29 916,5; 23 367,1 − 19 744,1.
    assert {r["label"]: r["change"]["amount"] for r in rows} == {
        "Rémunération": "1800.0",
        "Transfert": "0.0",
        "Fonctionnement": "3623.0",
    }


ORG_BREAKDOWN = """query($portfolio: String!, $year: String!) {
  breakdown(portfolio: $portfolio, year: $year, by: ORG_GROUP) {
    total overlap { value } unattributed { value } unbudgeted { name }
    rows { label amount orgBudget { derived rule value confidence amount { AMOUNT }
      parts { amount { value } confidence sharedWith { name } } } } } }
""".replace("AMOUNT", AMOUNT)
ORG_EDGES = """query($portfolio: String!) { orgGroups(portfolio: $portfolio) {
  name budget { parts { confidence edges { basis { confidence } } } } } }"""


def test_org_group_breakdown_names_its_edges_and_the_shared_elements(
    labelled_context: Context,
) -> None:
    variables = {"portfolio": CULTURE, "year": CULTURE_YEAR}
    found = data_of(labelled_context, ORG_BREAKDOWN, variables)["breakdown"]
    expected = labels()
    assert {r["label"]: r["amount"] for r in found["rows"]} == expected["org_budgets"]
    assert (found["overlap"]["value"], found["unattributed"]["value"]) == (
        expected["overlap"],
        expected["unattributed"],
    )
    for row in found["rows"]:
        budget = row["orgBudget"]
        assert budget["derived"] and "never split" in budget["rule"]
        assert adds_up(budget["amount"]) and budget["value"] == row["amount"]
        parts = budget["parts"]
        assert sum(Decimal(p["amount"]["value"]) for p in parts) == Decimal(row["amount"])
        assert budget["confidence"] == min(p["confidence"] for p in parts)
        shared = sorted({g["name"] for p in parts for g in p["sharedWith"]})
        assert shared == expected["shared"].get(row["label"], [])
    groups = data_of(labelled_context, ORG_EDGES, {"portfolio": CULTURE})["orgGroups"]
    for group in groups:
        for part in group["budget"]["parts"] if group["budget"] else ():
            assert part["edges"] and part["confidence"] == max(
                e["basis"]["confidence"] for e in part["edges"]
            )


def test_groups_and_units_have_their_derived_budget(api_context: Context) -> None:
    query = f"""{{ orgGroups(portfolio: "{PORTFOLIO}") {{ name budget {{ value }}
        change {{ amount }} units {{ budget {{ value }} }} }}
      orgUnits(name: "Direction des ressources financières") {{
        budget(year: "2006-2007") {{ value parts {{ edges {{ basis {{ method }} }} }} }}
        mandateProvenance {{ lineStart text }} provenance {{ lineStart }} }} }}"""
    found = data_of(api_context, query)
    budgets = {g["name"]: g["budget"]["value"] for g in found["orgGroups"]}
    # Elements 1.1 + 1.2; 1.3; 1.4 (the administration element) + 1.1 (through the
    # investigation units of lines 141 and 147).
    immigration, francisation, integration, administration = seed.PROGRAM_1.elements
    executive_budget = administration.budget.expenditure + immigration.budget.expenditure
    assert budgets == {
        "HAUTE DIRECTION": str(executive_budget),
        "SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION": str(
            immigration.budget.expenditure + francisation.budget.expenditure
        ),
        "SECTEUR DE L'INTÉGRATION": str(integration.budget.expenditure),
    }
    executive = found["orgGroups"][0]
    # Each unit: the administration element, and the two investigation units element 1.1.
    units = {u["budget"]["value"] for u in executive["units"]}
    assert units == {str(administration.budget.expenditure), str(executive_budget)}
    variations = (administration.compared.variation, immigration.compared.variation)
    assert executive["change"]["amount"] == str(sum(x or 0 for x in variations))
    (unit,) = found["orgUnits"]
    assert unit["budget"]["value"] == str(administration.compared.before)
    assert unit["budget"]["parts"][0]["edges"][0]["basis"]["method"] == "CENTRAL_SERVICES"
    assert [p["lineStart"] for p in unit["mandateProvenance"]] == [171]
    assert unit["mandateProvenance"][0]["text"].startswith(
        "- La *Direction des ressources financières*"
    )
    assert unit["provenance"] == [{"lineStart": 169}]


def global_id(found: dict[str, Any]) -> str:
    return base64.b64decode(found["entity"]["id"]).decode()


def test_an_entity_audit_is_the_global_audit_filtered(
    api_context: Context, labelled_context: Context
) -> None:
    finding = "identity stated computed statedAt { lineStart }"
    kinds = "[PORTFOLIO, ORGANIZATION, PROGRAM, ELEMENT]"
    for context in (api_context, labelled_context):
        everything = data_of(context, f"{{ audit {{ {finding} entity {{ id }} }} }}")["audit"]
        query = f"{{ entities(kinds: {kinds}, first: 100) {{ edges {{ node {{ id }} }} }} }}"
        for edge in data_of(context, query)["entities"]["edges"]:
            node = edge["node"]["id"]
            own = f'{{ node(id: "{node}") {{ ... on Budgeted {{ audit {{ total findings {{ '
            found = data_of(context, own + finding + " } } } } }")["node"]["audit"]
            mine = [{k: v for k, v in f.items() if k != "entity"} for f in everything]
            mine = [m for m, f in zip(mine, everything, strict=True) if f["entity"]["id"] == node]
            assert found["findings"] == mine
            assert found["total"] == len(mine)


def test_an_entity_audit_counts_every_status(labelled_context: Context) -> None:
    query = f"""{{ programs(portfolio: "{CULTURE}", year: "{CULTURE_YEAR}") {{ number
        audit(descendants: true, status: [MISMATCH]) {{ total counts {{ status count }}
          findings {{ identity statedAt {{ lineStart }} }} }} }} }}"""
    programs = {p["number"]: p["audit"] for p in data_of(labelled_context, query)["programs"]}
    mismatch = labels()["mismatch"]
    assert programs[2]["findings"] == [
        {"identity": mismatch["identity"], "statedAt": {"lineStart": mismatch["line"]}}
    ]
    counts = {c["status"]: c["count"] for c in programs[2]["counts"]}
    assert sum(counts.values()) == programs[2]["total"] and counts["MISMATCH"] == 1
    assert set(counts) == {"OK", "ROUNDING", "MISMATCH", "UNCHECKED", "RESTATED"}
    assert programs[1]["findings"] == []


SEARCH = """query($text: String!, $after: String) {
  rankedSearch(text: $text, first: 40, after: $after) {
    totalCount edges { node { entity { __typename name } nameMatch line snippet
      matches { field line words provenance { document } } } }
    pageInfo { hasNextPage endCursor } } }"""


def test_ranked_search_finds_francisation_immigration_and_sagir_lines(api_context: Context) -> None:
    found = data_of(api_context, SEARCH, {"text": "francisation immigration"})["rankedSearch"]
    hits = [e["node"] for e in found["edges"]]
    assert hits[0]["entity"] == {
        "__typename": "OrgGroup",
        "name": "SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION",
    }
    assert hits[0]["nameMatch"] and hits[0]["line"] == 175
    lines = {m["line"] for h in hits for m in h["matches"]}
    assert set(lines_with(MICC, "francisation", "immigra")) <= lines
    (sagir,) = [
        e["node"] for e in data_of(api_context, SEARCH, {"text": "sagir"})["rankedSearch"]["edges"]
    ]
    assert (sagir["entity"]["__typename"], sagir["line"]) == ("Portfolio", 15)
    assert sagir["matches"] == [
        {
            "field": "HIGHLIGHT",
            "line": 15,
            "words": ["SAGIR"],
            "provenance": {"document": "micc-2007-2008.txt"},
        }
    ]


def test_ranked_search_pages_keep_their_total(api_context: Context) -> None:
    whole = data_of(api_context, SEARCH, {"text": "immigration"})["rankedSearch"]
    two = SEARCH.replace("first: 40", "first: 2")
    first = data_of(api_context, two, {"text": "immigration"})["rankedSearch"]
    assert first["totalCount"] == whole["totalCount"] > 2
    rest = data_of(
        api_context, SEARCH, {"text": "immigration", "after": first["pageInfo"]["endCursor"]}
    )["rankedSearch"]
    assert first["edges"] + rest["edges"] == whole["edges"]


def test_ranked_search_refuses_a_query_of_common_words_only(api_context: Context) -> None:
    assert codes(errors_of(api_context, SEARCH, {"text": "de la"})) == ["BAD_USER_INPUT"]
