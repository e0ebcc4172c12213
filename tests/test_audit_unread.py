"""Amount-like prose tokens that do not parse: `unchecked` findings that quote them.

A typo in a highlight amount (`11o 600 000 $`) must not make the value vanish
from the audit: the loader keeps the token, the audit reports it, and nothing
else the audit or the API says changes.
"""

from __future__ import annotations

from graph.attributes import Graph
from graph.audit import Finding, Identity, Status, audit
from graph.audit.unread import EXPECTED
from graph.build import build_graph
from loaders.records import Measure, Unit
from schema.context import Context
from tests.contract import data_of
from tests.documents import parse_text, with_line
from tests.samples import MINISTRY, PORTFOLIO, program


def graph_of(text: str) -> Graph:
    return build_graph([parse_text(text, "micc.txt")])


def unread(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.identity is Identity.HIGHLIGHT_UNREAD]


def test_a_typo_in_a_prose_amount_is_an_unchecked_finding(micc_text: str) -> None:
    line = micc_text.split("\n")[6]
    assert "dont 110 600 000 \\$ sont" in line  # line 7: the ministry's share
    text = with_line(micc_text, 7, line.replace("110 600 000", "11o 600 000"))
    (finding,) = unread(audit(graph_of(text)))
    assert (finding.status, finding.node, finding.measure, finding.unit) == (
        Status.UNCHECKED,
        PORTFOLIO,
        Measure.UNKNOWN,
        Unit.DOLLARS,
    )
    assert (finding.stated_raw, finding.stated_at.line_start, finding.cell) == (
        "11o 600 000 $",
        7,
        0,
    )
    assert (finding.stated, finding.expected, finding.computed) == (None, None, None)
    assert (
        finding.note
        == f'"11o 600 000 $" looks like an amount but does not parse (expected {EXPECTED})'
    )


def test_a_typo_changes_nothing_else_the_audit_says(micc_text: str) -> None:
    """The ministry's 110 600 000 $ is no longer checked; every other finding stays."""
    line = micc_text.split("\n")[6]
    text = with_line(micc_text, 7, line.replace("110 600 000", "11o 600 000"))
    before, after = audit(graph_of(micc_text)), audit(graph_of(text))

    def kept(findings: list[Finding]) -> list[tuple[object, ...]]:
        return [
            (f.identity, f.node, f.measure, f.years, f.stated, f.computed, f.status, f.cell)
            for f in findings
            if f.identity is not Identity.HIGHLIGHT_UNREAD
            and not (f.node == MINISTRY and f.stated_raw == "110 600 000 $")
        ]

    assert kept(after) == kept(before)
    assert len(after) == len(before)


def test_a_typo_in_a_program_paragraph_is_the_programs(micc_text: str) -> None:
    line = micc_text.split("\n")[20]  # line 21, in program 1's block of section 1
    text = with_line(micc_text, 21, f"{line} Il reçoit 5 3OO 000 \\$ de plus et 2,l % de plus.")
    found = unread(audit(graph_of(text)))
    assert [(f.node, f.stated_raw, f.unit) for f in found] == [
        (program(1), "5 3OO 000 $", Unit.DOLLARS),
        (program(1), "2,l %", Unit.PERCENT),
    ]


def test_a_document_read_whole_has_no_unread_finding(real_graph: Graph) -> None:
    assert unread(audit(real_graph)) == []


def test_unread_finding_through_the_api(micc_text: str) -> None:
    line = micc_text.split("\n")[14]  # line 15: the investments paragraph
    assert "**6 700 000 \\$**" in line
    text = with_line(micc_text, 15, line.replace("6 700 000", "6 7OO 000"))
    query = """{ audit(status: [UNCHECKED]) {
      identity status measure statedRaw stated cell note statedAt { document lineStart } } }"""
    data = data_of(Context(graph=graph_of(text)), query)
    assert data["audit"] == [
        {
            "identity": "highlight.unread",
            "status": "UNCHECKED",
            "measure": "UNKNOWN",
            "statedRaw": "6 7OO 000 $",
            "stated": None,
            "cell": 0,
            "note": f'"6 7OO 000 $" looks like an amount but does not parse (expected {EXPECTED})',
            "statedAt": {"document": "micc.txt", "lineStart": 15},
        }
    ]
