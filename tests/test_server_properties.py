"""Property: no input gets a 500. Whatever the body, parameters, query text or headers,
the answer is GraphQL's JSON shape with a status below 500 (or the time budget's 503).

Hypothesis sends damaged tour queries, JSON of any shape where each parameter goes,
arbitrary bytes and headers; bounded in count (a few hundred requests), not timed.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tools.conformance.tour import readme_queries

TOUR = [query for query, _ in readme_queries()]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),  # noqa: E501
    max_leaves=12,
)
ACCEPTS = st.one_of(
    st.sampled_from(
        ["application/json", "application/graphql-response+json", "*/*", "text/html", ""]
    ),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30),
)


@st.composite
def damaged_queries(draw: st.DrawFn) -> str:
    """A tour query with a few characters deleted, doubled or replaced."""
    query = draw(st.sampled_from(TOUR))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=max(len(query) - 1, 0)))
        edit = draw(st.sampled_from(["delete", "double", "replace"]))
        character = draw(st.sampled_from(list('{}()[]:!$@."\\ 9\n…')))
        keep = query[at + 1 :] if edit != "double" else query[at:]
        query = query[:at] + ("" if edit == "delete" else character) + keep
    return query


PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "query": st.one_of(damaged_queries(), JSON_VALUES),
        "variables": JSON_VALUES,
        "operationName": st.one_of(st.text(max_size=10), JSON_VALUES),
        "extensions": st.one_of(
            JSON_VALUES,
            st.fixed_dictionaries({"persistedQuery": JSON_VALUES}),
            st.just({"persistedQuery": {"version": 1, "sha256Hash": "a" * 64}}),
        ),
    },
)


def assert_shaped(response: Any) -> None:
    assert response.status_code < 500 or response.status_code == 503, response.text
    if response.headers.get("content-type", "").startswith("text/html"):
        return
    if response.status_code == 304:
        return
    body = json.loads(response.content)
    answers = body if isinstance(body, list) else [body]
    assert all("data" in a or a.get("errors") for a in answers)


@settings(max_examples=150, deadline=None, database=None)
@given(parameters=PARAMETERS, accept=ACCEPTS)
def test_any_post_parameters(api_client: TestClient, parameters: Any, accept: str) -> None:
    headers = {"accept": accept, "content-type": "application/json"}
    assert_shaped(api_client.post("/graphql", json=parameters, headers=headers))


@settings(max_examples=100, deadline=None, database=None)
@given(body=st.one_of(st.binary(max_size=200), JSON_VALUES.map(lambda v: json.dumps(v).encode())))
def test_any_post_body(api_client: TestClient, body: bytes) -> None:
    headers = {"content-type": "application/json"}
    assert_shaped(api_client.post("/graphql", content=body, headers=headers))


@settings(max_examples=100, deadline=None, database=None)
@given(
    parameters=st.dictionaries(
        st.sampled_from(["query", "variables", "operationName", "extensions", "x"]),
        st.one_of(damaged_queries(), st.text(max_size=40)),
    ),
    accept=ACCEPTS,
)
def test_any_get_parameters(api_client: TestClient, parameters: Any, accept: str) -> None:
    assert_shaped(api_client.get("/graphql", params=parameters, headers={"accept": accept}))
