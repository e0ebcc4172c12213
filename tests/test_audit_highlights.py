"""The highlights audit pins each prose value on the subject, quantity and year its words name.

Each case rewrites the real document's first highlight (line 7) in memory. The
figures it states were checked by hand against data/micc-2007-2008.txt: the
portfolio's expenditure 111 313 300 $ (2007-2008) and 105 890 300 $
(2006-2007); the ministry's (program 1) 110 585 500 $; the bodies' (program 2,
`Organisme relevant de la ministre`, the council's) 727 800 $; the portfolio's
increase 5 423 000 $.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.audit import Finding, Status, audit
from graph.build import build_graph
from loaders.records import Measure
from tests.documents import MICC, parse_text
from tests.samples import COUNCIL, MINISTRY, PORTFOLIO, PREVIOUS, YEAR, program

LINE = 7
HEAD = (
    "Le budget de dépenses 2007-2008 du portefeuille « Immigration et Communautés "
    "culturelles » est de **{} \\$**"
)
Read = tuple[str, Measure, tuple[str, ...]]
LEVEL = (YEAR,)

# (the sentence after the portfolio's amount, with a `{}` for each further value;
#  each value's right amount, and a wrong one; what each value is read as)
CASES: dict[str, tuple[str, list[tuple[str, str]], list[Read]]] = {
    # The ministry is named in a later clause: the amount is the portfolio's.
    "total then the ministry's share in words": (
        "dont la totalité est allouée au ministère de l'Immigration et des Communautés "
        "culturelles.",
        [("111 300 000", "110 600 000")],
        [(PORTFOLIO, Measure.EXPENDITURE, LEVEL)],
    ),
    # The second amount is the year its clause writes.
    "compared with the previous year": (
        "comparativement à {} \\$ en 2006-2007.",
        [("111 300 000", "110 600 000"), ("105 900 000", "111 300 000")],
        [
            (PORTFOLIO, Measure.EXPENDITURE, LEVEL),
            (PORTFOLIO, Measure.EXPENDITURE, (PREVIOUS,)),
        ],
    ),
    # `le Ministère` is the ministry; `les organismes` the bodies' program.
    "split between the ministry and the bodies": (
        "soit {} \\$ pour le Ministère et {} \\$ pour les organismes.",
        [("111 300 000", "110 600 000"), ("110 600 000", "111 300 000"), ("700 000", "800 000")],
        [
            (PORTFOLIO, Measure.EXPENDITURE, LEVEL),
            (MINISTRY, Measure.EXPENDITURE, LEVEL),
            (program(2), Measure.EXPENDITURE, LEVEL),
        ],
    ),
    # The real document's wording: the names follow the amounts in their clauses.
    "split between named organizations": (
        "dont {} \\$ sont alloués au ministère de l'Immigration et des Communautés culturelles "
        "et {} \\$ au Conseil des relations interculturelles.",
        [("111 300 000", "110 600 000"), ("110 600 000", "700 000"), ("700 000", "110 600 000")],
        [
            (PORTFOLIO, Measure.EXPENDITURE, LEVEL),
            (MINISTRY, Measure.EXPENDITURE, LEVEL),
            (COUNCIL, Measure.EXPENDITURE, LEVEL),
        ],
    ),
    # A change whose clause writes the year it starts from.
    "an increase from a written year": (
        "en hausse de {} \\$ par rapport à 2006-2007.",
        [("111 300 000", "5 400 000"), ("5 400 000", "111 300 000")],
        [
            (PORTFOLIO, Measure.EXPENDITURE, LEVEL),
            (PORTFOLIO, Measure.VARIATION, (PREVIOUS, YEAR)),
        ],
    ),
}
SEPARATORS = {"comma": ", ", "no comma": " "}


def highlight(micc_text: str, sentence: str) -> list[Finding]:
    """The findings of line 7 once it reads `sentence`."""
    lines = micc_text.split("\n")
    assert lines[LINE - 1].startswith(HEAD.format("111 300 000"))
    lines[LINE - 1] = sentence
    graph = build_graph([parse_text("\n".join(lines), str(MICC))])
    return [f for f in audit(graph) if f.cell == 0 and f.stated_at.line_start == LINE]


def written(case: str, separator: str, amounts: list[str]) -> str:
    rest, _, _ = CASES[case]
    return HEAD.format(amounts[0]) + separator + rest.format(*amounts[1:])


def read(found: list[Finding]) -> list[tuple[str, Measure, tuple[str, ...]]]:
    return [(f.node, f.measure, f.years) for f in found]


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("case", CASES)
def test_highlight_that_adds_up_is_ok(micc_text: str, case: str, separator: str) -> None:
    _, amounts, expected = CASES[case]
    found = highlight(micc_text, written(case, separator, [right for right, _ in amounts]))
    assert read(found) == expected
    assert [f.status for f in found] == [Status.OK] * len(expected)


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize(
    ("case", "position"),
    [(c, p) for c, (_, amounts, _) in CASES.items() for p in range(len(amounts))],
)
def test_highlight_wrong_amount_is_a_mismatch_of_its_own_subject_and_year(
    micc_text: str, case: str, position: int, separator: str
) -> None:
    _, amounts, expected = CASES[case]
    stated = [wrong if p == position else right for p, (right, wrong) in enumerate(amounts)]
    found = highlight(micc_text, written(case, separator, stated))
    assert read(found) == expected
    assert [f.status for f in found] == [
        Status.MISMATCH if p == position else Status.OK for p in range(len(expected))
    ]
    assert found[position].stated_raw == f"{stated[position]} $"


UNDETERMINED = {
    "a name the graph does not hold": (
        ", soit 700 000 \\$ pour la Régie des arts.",
        "its subject is not read (« Régie … » is no name it holds)",
    ),
    "a program the document does not have": (
        ", soit 700 000 \\$ au programme 7.",
        "its subject is not read (the document has no program 7)",
    ),
    "another ministry": (
        ", soit 700 000 \\$ au ministère du Conseil exécutif.",
        "its subject is not read (another ministry)",
    ),
    "several years": (
        ", soit 700 000 \\$ en 2005-2006 ou en 2006-2007.",
        "its clause writes several years",
    ),
    "a name cut short": (
        ". Le budget du Conseil est de 700 000 \\$.",
        "its subject is not read (« Conseil … » is no name it holds)",
    ),
    "no quantity": (". Il reçoit 700 000 \\$.", "its words name no quantity"),
    "a year no document gives": (
        ". Le budget de dépenses était de 700 000 \\$ en 2003-2004.",
        "the documents give no expenditure for 2003-2004",
    ),
}


@pytest.mark.parametrize("case", UNDETERMINED.values(), ids=UNDETERMINED.keys())
def test_highlight_value_with_undetermined_reading_is_unchecked_with_its_text(
    micc_text: str, case: tuple[str, str]
) -> None:
    rest, why = case
    sentence = HEAD.format("111 300 000") + rest
    found = highlight(micc_text, sentence)
    assert [f.status for f in found] == [Status.OK, Status.UNCHECKED]
    assert read(found)[0] == (PORTFOLIO, Measure.EXPENDITURE, LEVEL)
    value = found[1]
    assert (value.stated, value.stated_raw) == (Decimal(700_000), "700 000 $")
    assert (value.expected, value.computed, value.difference) == (None, None, None)
    assert value.note.startswith(f"{why}") and value.note.endswith(" »")
    quoted = value.note.split(": « ", 1)[1].removesuffix(" »")
    assert quoted in sentence.replace("**", "").replace("\\$", "$")
    assert "700 000 $" in quoted
