"""The committed SDL (schema.graphql) is the printed schema; everything is described."""

from __future__ import annotations

from schema.context import Context
from schema.schema import schema
from tests.contract import data_of
from tests.documents import ROOT

INTROSPECTION = """{ __schema { types { name kind description
  fields { name description args { name description } } } } }"""


def test_schema_matches_the_committed_sdl() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert schema.as_str() + "\n" == committed, "run `budget-kg schema > schema.graphql`"


def test_schema_every_type_field_and_argument_is_described(api_context: Context) -> None:
    types = data_of(api_context, INTROSPECTION)["__schema"]["types"]
    ours = [t for t in types if not t["name"].startswith("__")]
    bare = [t["name"] for t in ours if not t["description"] and t["kind"] != "SCALAR"]
    for kind in ours:
        for field in kind["fields"] or []:
            where = f"{kind['name']}.{field['name']}"
            bare += [] if field["description"] else [where]
            bare += [f"{where}({a['name']})" for a in field["args"] if not a["description"]]
    assert bare == []


def test_schema_amounts_say_they_are_in_thousands_of_dollars(api_context: Context) -> None:
    types = data_of(api_context, INTROSPECTION)["__schema"]["types"]
    budget = next(t for t in types if t["name"] == "Budget")
    money = [f for f in budget["fields"] if f["name"] not in ("year", "headcount", "amount")]
    assert len(money) == 6
    assert all("in thousands of dollars" in f["description"] for f in money)


def test_schema_graph_enum_values_say_what_they_mean(api_context: Context) -> None:
    """Graph views draw edges from source to target: each relation says which is which."""
    query = """{ __type(name: "Relation") { enumValues { name description } } }"""
    values = data_of(api_context, query)["__type"]["enumValues"]
    meanings = {v["name"]: v["description"] for v in values}
    assert meanings["PART_OF"] == "Unit → unit or group, group → organization."
    assert all(meanings.values())
