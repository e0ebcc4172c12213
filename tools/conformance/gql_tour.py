"""The README's tour through gql, a Python GraphQL client: gql fetches the schema by
introspection, validates each query against it, then runs it over HTTP.

Usage, from the repository's root, with gql installed (as `make conformance` does):
python -m tools.conformance.gql_tour URL
Prints a JSON report; exits 1 unless every query answers and the tour's bad argument
fails with its message.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXTransport

from tools.conformance.tour import BAD_ARGUMENT, readme_queries


def run(session: Any, query: str, variables: dict[str, Any] | None) -> dict[str, Any]:
    expect_error = BAD_ARGUMENT in query
    try:
        data = session.execute(gql(query), variable_values=variables)
    except TransportQueryError as exc:
        message = str((exc.errors or [{}])[0].get("message", exc))
        ok = expect_error and message.startswith(f'no figures for year "{BAD_ARGUMENT}"')
        return {"query": query, "ok": ok, "error": message}
    return {"query": query, "ok": not expect_error, "fields": sorted(data)}


def main(url: str) -> int:
    client = Client(transport=HTTPXTransport(url=url), fetch_schema_from_transport=True)
    with client as session:
        report = [run(session, q, v) for q, v in readme_queries()]
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0 if report and all(r["ok"] for r in report) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
