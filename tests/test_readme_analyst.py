"""The README's analyst questions run as written and answer exactly what it shows."""

from __future__ import annotations

import json
import re

import pytest

from schema.context import Context
from tests.contract import data_of
from tests.documents import ROOT

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## Analyst questions")[1]
PAIRS = re.findall(r"```graphql\n(.*?)```\n```json\n(.*?)```", SECTION, re.DOTALL)


def test_the_section_asks_the_three_questions_and_a_search() -> None:
    assert len(PAIRS) == 4


@pytest.mark.parametrize(("query", "answer"), PAIRS)
def test_each_question_answers_what_the_readme_shows(
    api_context: Context, query: str, answer: str
) -> None:
    assert {"data": data_of(api_context, query)} == json.loads(answer)
