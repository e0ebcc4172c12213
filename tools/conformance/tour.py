"""The queries of the README's GraphQL tour, with the variables the README gives them.

Plain Python (no dependency): the tests check the tour against the schema, and
`make conformance` runs it through gql, a client nobody here wrote.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parents[2] / "README.md"
BAD_ARGUMENT = "1999-2000"
"""The year of the tour's example of a bad argument: its query must fail, saying so."""


def readme_queries(readme: Path = README) -> list[tuple[str, dict[str, Any] | None]]:
    """Each query of the README, with its variables (a `with {...}` line, or the
    `--variables` of a `budget-kg query` command)."""
    text = readme.read_text(encoding="utf-8")
    blocks = re.findall(r"```graphql\n(.*?)```\n(?:with `(\{.*?\})`)?", text, re.S)
    found = [(q, json.loads(v) if v else None) for q, v in blocks]
    commands = re.findall(r"budget-kg query '([{q].*?)' \\\n\s*--variables '(.*?)'", text, re.S)
    return found + [(q, json.loads(v)) for q, v in commands]
