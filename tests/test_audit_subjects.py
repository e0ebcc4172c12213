"""Collective subjects, parts of a value, and directions in words, in the highlights audit.

Each case rewrites the first highlight (line 7) of the real document, or of a
variant whose program 2 (`Organismes relevant du ministre`) is three bodies
(`tests.variants.with_bodies`): the Conseil des relations interculturelles
(427,8 in 2007-2008, 426,2 in 2006-2007), the Conseil des aînés (200,0) and the
Commission de la jeunesse (100,0), which sum to the real council's 727,8 and
726,2, so every other figure is the real document's.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from graph.audit import Finding, Status, audit
from graph.build import build_graph
from loaders.numbers import french_number
from loaders.records import Measure
from tests.documents import MICC, Layout, build, elements_of, parse_text, percent
from tests.samples import MICC as SLUG
from tests.samples import MINISTRY, PORTFOLIO, PREVIOUS, YEAR, program
from tests.variants import with_bodies

LINE = 7
HEAD = "Le budget de dépenses 2007-2008 du portefeuille est de 111 300 000 \\$"
BODIES = (
    ("Conseil des relations interculturelles", Decimal("427.8"), Decimal("426.2")),
    ("Conseil des aînés", Decimal("200.0"), Decimal("200.0")),
    ("Commission de la jeunesse", Decimal("100.0"), Decimal("100.0")),
)
COUNCILS = f"organization:{SLUG}/conseil-des-aines"
COMMISSION = f"organization:{SLUG}/commission-de-la-jeunesse"
LEVEL = (YEAR,)
Read = tuple[str, Measure, tuple[str, ...], Status]


def line_findings(text: str, sentence: str) -> list[Finding]:
    lines = text.split("\n")
    assert lines[LINE - 1].startswith("Le budget de dépenses 2007-2008 du portefeuille")
    lines[LINE - 1] = sentence
    graph = build_graph([parse_text("\n".join(lines), str(MICC))])
    return [f for f in audit(graph) if f.cell == 0 and f.stated_at.line_start == LINE]


def read(found: list[Finding]) -> list[Read]:
    return [(f.node, f.measure, f.years, f.status) for f in found]


OK = Status.OK
EXPENDITURE = Measure.EXPENDITURE
ONE_BODY: dict[str, tuple[str, list[Read]]] = {
    "the bodies, collectively": (
        ", dont 110 600 000 \\$ au Ministère et 700 000 \\$ aux organismes relevant du ministre.",
        [(MINISTRY, EXPENDITURE, LEVEL, OK), (program(2), EXPENDITURE, LEVEL, OK)],
    ),
    # The false mismatch: `aux conseils` was read as the portfolio's.
    "the councils, collectively": (
        ", dont 700 000 \\$ aux conseils relevant de la ministre et 110 600 000 \\$ au Ministère.",
        [(program(2), EXPENDITURE, LEVEL, OK), (MINISTRY, EXPENDITURE, LEVEL, OK)],
    ),
    # `celui du Ministère` opens the second value's clause: no subject for the first.
    "the bodies' then the ministry's, each its own clause": (
        ". Le budget de dépenses des organismes relevant de la ministre est de 700 000 \\$ "
        "et celui du Ministère est de 110 600 000 \\$.",
        [(program(2), EXPENDITURE, LEVEL, OK), (MINISTRY, EXPENDITURE, LEVEL, OK)],
    ),
    # A `dont` part of a change is a change: the bodies' 726,2 → 727,8, 1 600 $.
    "a part of an increase": (
        ", soit une hausse de 5 400 000 \\$ par rapport à 2006-2007, dont 1 600 \\$ aux "
        "organismes relevant du ministre.",
        [
            (PORTFOLIO, Measure.VARIATION, (PREVIOUS, YEAR), OK),
            (program(2), Measure.VARIATION, (PREVIOUS, YEAR), OK),
        ],
    ),
    # `soit` restates the change in percent (5 423,0 / 105 890,3 = 5,12 %).
    "an increase restated in percent": (
        ", en hausse de 5 400 000 \\$, soit 5,1 %.",
        [
            (PORTFOLIO, Measure.VARIATION, (PREVIOUS, YEAR), OK),
            (PORTFOLIO, Measure.PERCENT_CHANGE, (PREVIOUS, YEAR), OK),
        ],
    ),
    # Words say the direction: the real increase stated as a decrease is a mismatch.
    "an increase stated as a decrease": (
        ", en baisse de 5 400 000 \\$, soit 5,1 %.",
        [
            (PORTFOLIO, Measure.VARIATION, (PREVIOUS, YEAR), Status.MISMATCH),
            (PORTFOLIO, Measure.PERCENT_CHANGE, (PREVIOUS, YEAR), Status.MISMATCH),
        ],
    ),
}


@pytest.mark.parametrize("case", ONE_BODY.values(), ids=ONE_BODY.keys())
def test_highlight_subject_of_the_real_document(
    micc_text: str, case: tuple[str, list[Read]]
) -> None:
    rest, expected = case
    found = line_findings(micc_text, HEAD + rest)
    assert read(found)[-len(expected) :] == expected


def test_highlight_decrease_restated_as_a_percentage_is_negative() -> None:
    # The built document's portfolio decreases (tests/documents.py: odd elements
    # lose 1 500,0, even ones gain 1 200,0).
    rows = [e for program_rows in elements_of(Layout()).values() for e in program_rows]
    change = sum((e.variation for e in rows), Decimal(0))
    before = sum((e.previous for e in rows), Decimal(0))
    assert change < 0
    dollars = (abs(change) * 1000).quantize(Decimal("1E5"), rounding=ROUND_HALF_UP)
    rate = str(abs(percent(change, before))).replace(".", ",")
    text = build().text
    (old,) = [x for x in text.split("\n") if x.startswith("Il s'agit d'une diminution")]
    amount = french_number(dollars, 0)
    new = f"Le budget de dépenses est en baisse de {amount} \\$, soit {rate} %."
    graph = build_graph([parse_text(text.replace(old, new))])
    found = [f for f in audit(graph) if f.stated_at.text == new]
    assert [(f.measure, f.stated, f.status) for f in found] == [
        (Measure.VARIATION, -dollars, OK),
        (Measure.PERCENT_CHANGE, -abs(percent(change, before)), OK),
    ]


SEVERAL: dict[str, tuple[str, Read]] = {
    "every body": (
        ", dont 700 000 \\$ aux organismes relevant du ministre.",
        (program(2), EXPENDITURE, LEVEL, OK),
    ),
    "every body, listed by kind": (
        ", dont 700 000 \\$ aux conseils et commissions relevant du ministre.",
        (program(2), EXPENDITURE, LEVEL, OK),
    ),
    "the one commission": (
        ", dont 100 000 \\$ aux commissions relevant du ministre.",
        (COMMISSION, EXPENDITURE, LEVEL, OK),
    ),
    "a body by its name": (
        ", dont 200 000 \\$ au Conseil des aînés.",
        (COUNCILS, EXPENDITURE, LEVEL, OK),
    ),
    "a wrong amount for every body": (
        ", dont 600 000 \\$ aux organismes relevant du ministre.",
        (program(2), EXPENDITURE, LEVEL, Status.MISMATCH),
    ),
}


@pytest.mark.parametrize("case", SEVERAL.values(), ids=SEVERAL.keys())
def test_highlight_collective_subject_among_several_bodies(
    micc_text: str, case: tuple[str, Read]
) -> None:
    rest, expected = case
    found = line_findings(with_bodies(micc_text, BODIES), HEAD + rest)
    assert read(found) == [(PORTFOLIO, EXPENDITURE, LEVEL, OK), expected]


def test_highlight_some_of_the_bodies_together_is_unchecked(micc_text: str) -> None:
    # The two councils (427,8 + 200,0) are no program and no one body.
    rest = ", dont 600 000 \\$ aux conseils relevant du ministre."
    found = line_findings(with_bodies(micc_text, BODIES), HEAD + rest)
    assert [f.status for f in found] == [OK, Status.UNCHECKED]
    assert found[1].note.startswith(
        "its subject is not read (names 2 bodies that no one program holds): « "
    )


def test_highlight_bodies_listed_by_name_stand_for_their_program(micc_text: str) -> None:
    # The three bodies (427,8 + 200,0 + 100,0 = 727,8) named one after the other.
    names = [name for name, _, _ in BODIES]
    listed = f"{names[0]}, la {names[1]} et la {names[2]}"
    rest = f". Le {listed} disposent ensemble d'une enveloppe de 700 000 \\$."
    found = line_findings(with_bodies(micc_text, BODIES), HEAD + rest)
    assert read(found) == [
        (PORTFOLIO, EXPENDITURE, LEVEL, OK),
        (program(2), EXPENDITURE, LEVEL, OK),
    ]
    two = f". Le {names[0]} et la {names[2]} disposent d'une enveloppe de 500 000 \\$."
    found = line_findings(with_bodies(micc_text, BODIES), HEAD + two)
    assert [f.status for f in found] == [OK, Status.UNCHECKED]
    assert "names 2 bodies that no one program holds" in found[1].note
