"""The audit: every identity of FORMAT.md checked against what the document states.

The real document's findings were checked by hand, figure by figure, against
data/micc-2007-2008.txt (see `REAL_PROBLEMS`); so were the synthetic sample's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bench.generate import shift_years
from graph import attributes
from graph.attributes import Graph
from graph.audit import Finding, Identity, Status, audit, problems
from graph.audit.findings import judge_exact, judge_rounded, prose_step
from graph.build import build_graph
from loaders import Document
from loaders.records import Measure
from tests.documents import MICC, SYNTHETIC, parse_text
from tests.samples import (
    COUNCIL,
    MINISTRY,
    PORTFOLIO,
    PREVIOUS,
    TOURISME,
    TOURISME_PORTFOLIO,
    TOURISME_YEAR,
    YEAR,
    element,
    program,
    tourisme,
)

COMMISSION = f"organization:{TOURISME}/commission-des-lieux-historiques"
TOURISME_MINISTRY = f"organization:{TOURISME}/ministere-du-tourisme-et-du-patrimoine"
# Every identity one document can break on its own: `edition.restated` needs the
# previous year's document too (tests/test_editions.py).
ONE_EDITION = set(Identity) - {Identity.EDITION_RESTATED}
Opt = Decimal | None
Pinned = tuple[Identity, str, Measure, tuple[str, ...], Opt, Opt, Opt, Status]
CHANGE = (PREVIOUS, YEAR)

# The one identity data/micc-2007-2008.txt breaks, checked by hand (line 80,
# `Total programme 1	110 585,5	105 164,1	5 421,4	5,1`): the elements' previous
# year sums to 3 794,8 + 45 800,0 + 35 244,7 + 20 324,6 = 105 164,1 and the
# variation to 5 421,4, both as stated; 5 421,4 / 105 164,1 × 100 = 5,1552 %,
# which rounds half-up to 5,2, not 5,1. The stated 5,1 is its truncation (and
# the portfolio's own 5,1 %: 5 423,0 / 105 890,3 = 5,1213 %), 0,055 from the
# exact value: a `rounding` finding.
#
# Every other stated value holds, also checked by hand: the four element rows'
# credits (1.4: 20 446,0 − 2 551,7 + 6 712,0 = 24 606,3); both programs' rows
# in both tables; the portfolio total row (111 313,3; 2 559,7; 6 715,0;
# 115 468,6; 109 045,6 = 108 324,4 + 721,2); crédits à voter 115 468,6 − 9,6 =
# 115 459,0 and 109 045,6 − 9,6 = 109 036,0; supercategories 58 029,7 +
# 23 367,1 + 29 916,5 = 111 313,3 and 56 229,7 + 19 744,1 + 29 916,5 =
# 105 890,3 (= the programs' 105 164,1 + 726,2); their % 3,2012 / 18,3498 / 0 /
# 5,1213; headcount −15 / 984 = −1,524 %; investments 6 531,0 + 184,0 = 6 715,0
# (= 6 712,0 + 3,0), 5 531,0 + 184,0 = 5 715,0, % 18,0799 / 0 / 17,4978; the
# comparison rows (5 300,0 / 45 800,0 = 11,572 %; 121,4 / 20 324,6 = 0,597 %;
# 1,6 / 726,2 = 0,220 %); the shares 110 585,5 / 111 313,3 = 99,346 % and
# 727,8 / 111 313,3 = 0,654 %. The highlights: 111 313 300 $ → 111 300 000 $;
# the ministry's 110 585 500 $ → 110 600 000 $; the council's 727 800 $ →
# 700 000 $; the increase 5 423 000 $ → 5 400 000 $ and 5,1213 % → 5,1 %; the
# investments' increase 6 715 000 − 5 715 000 = 1 000 000 $ and 6 715 000 $ →
# 6 700 000 $.
REAL_PROBLEMS: list[Pinned] = [
    (
        Identity.COMPARISON_PERCENT,
        program(1),
        Measure.PERCENT_CHANGE,
        CHANGE,
        Decimal("5.1"),
        Decimal("5.2"),
        Decimal("5.1552"),
        Status.ROUNDING,
    ),
]

# What altering element 1.2's expenditure from 51 100,0 to 51 200,0 in its
# elements-table row (line 66) breaks, beyond what the document already breaks:
# every stated value that depends on that leaf figure, and nothing else (the
# shares still round to 99,3 % and 0,7 %; the supercategory rows still sum to
# their own Total, whose % is computed from them).
ALTERED = "2. Francisation\t51 200,0\t0,0\t0,0\t51 100,0"
ALTERED_BREAKS: set[tuple[Identity, str, Measure, tuple[str, ...]]] = {
    (Identity.ELEMENT_CREDITS, element("1.2"), Measure.CREDITS, (YEAR,)),
    (Identity.COMPARISON_AMOUNT, element("1.2"), Measure.EXPENDITURE, (YEAR,)),
    (Identity.COMPARISON_VARIATION, element("1.2"), Measure.VARIATION, CHANGE),
    (Identity.COMPARISON_PERCENT, element("1.2"), Measure.PERCENT_CHANGE, CHANGE),
    (Identity.PROGRAM_TOTAL, program(1), Measure.EXPENDITURE, (YEAR,)),
    (Identity.PROGRAM_TOTAL, program(1), Measure.CREDITS, (YEAR,)),
    (Identity.PROGRAM_ROW, program(1), Measure.EXPENDITURE, (YEAR,)),
    (Identity.PROGRAM_ROW, program(1), Measure.CREDITS, (YEAR,)),
    (Identity.COMPARISON_AMOUNT, program(1), Measure.EXPENDITURE, (YEAR,)),
    (Identity.COMPARISON_VARIATION, program(1), Measure.VARIATION, CHANGE),
    (Identity.PORTFOLIO_TOTAL, PORTFOLIO, Measure.EXPENDITURE, (YEAR,)),
    (Identity.PORTFOLIO_TOTAL, PORTFOLIO, Measure.CREDITS, (YEAR,)),
    (Identity.CREDITS_TO_VOTE, PORTFOLIO, Measure.CREDITS_TO_VOTE, (YEAR,)),
    (Identity.SUPERCATEGORY_PROGRAMS, PORTFOLIO, Measure.EXPENDITURE, (YEAR,)),
    # 111 413 300 $ → 111 400 000 $; 110 685 500 $ → 110 700 000 $;
    # 5 523 000 $ → 5 500 000 $; 5 523,0 / 105 890,3 = 5,2158 % → 5,2 %.
    (Identity.HIGHLIGHT_AMOUNT, PORTFOLIO, Measure.EXPENDITURE, (YEAR,)),
    (Identity.HIGHLIGHT_AMOUNT, MINISTRY, Measure.EXPENDITURE, (YEAR,)),
    (Identity.HIGHLIGHT_AMOUNT, PORTFOLIO, Measure.VARIATION, CHANGE),
    (Identity.HIGHLIGHT_PERCENT, PORTFOLIO, Measure.PERCENT_CHANGE, CHANGE),
}


def pinned(found: list[Finding]) -> list[Pinned]:
    return [
        (
            f.identity,
            f.node,
            f.measure,
            f.years,
            f.stated,
            f.expected,
            None if f.computed is None else round(f.computed, 4),
            f.status,
        )
        for f in found
    ]


def keyed(found: list[Finding]) -> set[tuple[Identity, str, Measure, tuple[str, ...]]]:
    return {(f.identity, f.node, f.measure, f.years) for f in found}


def test_audit_real_document_reports_exactly_its_real_breaks(real_graph: Graph) -> None:
    assert pinned(problems(audit(real_graph))) == REAL_PROBLEMS


def test_audit_real_break_keeps_both_sides_provenance(real_graph: Graph) -> None:
    (found,) = problems(audit(real_graph))
    assert found.stated_at.source == str(MICC)
    assert (found.stated_at.line_start, found.cell, found.stated_raw) == (80, 5, "5,1")
    assert found.stated_at.text.startswith("Total programme 1\t")
    assert found.stated is not None and found.computed is not None
    assert found.difference == found.stated - found.computed
    assert {s.line_start for s in found.sources} == {65, 66, 67, 68, 76, 77, 78, 79}
    assert "× 100" in found.derivation


# A document the loader reads whole has no unread prose token to report.
ONE_EDITION_CHECKS = ONE_EDITION - {Identity.HIGHLIGHT_UNREAD}


def test_audit_real_document_checks_every_identity(real_graph: Graph) -> None:
    assert {f.identity for f in audit(real_graph)} == ONE_EDITION_CHECKS


def test_audit_real_document_checks_every_stated_figure(real_graph: Graph, micc: Document) -> None:
    found = audit(real_graph)
    checked = {(f.stated_at.line_start, f.cell) for f in found}
    held = [s for node in real_graph for s in attributes.stated(real_graph, node)]
    # Portfolio 14 (credits total 5, to vote 2, supercategory and investment totals
    # 3 + 3, headcount %), programs 13 each (credits row 4, elements total 4,
    # comparison total 4, share), elements 4 each, categories 1 each (their %).
    assert len(held) == 14 + 2 * 13 + 5 * 4 + 3 + 2
    assert {(s.figure.provenance.line_start, s.figure.cell) for s in held} <= checked
    prose = [v for p in micc.highlights for v in p.values]
    assert len([f for f in found if f.cell == 0 and f.measure is not Measure.SHARE]) == len(prose)


def test_audit_real_highlights_are_read_as_their_words_say(real_graph: Graph) -> None:
    found = [f for f in audit(real_graph) if f.cell == 0 and f.measure is not Measure.SHARE]
    assert [(f.stated_raw, f.node, f.measure, f.years, f.status) for f in found] == [
        ("111 300 000 $", PORTFOLIO, Measure.EXPENDITURE, (YEAR,), Status.OK),
        ("110 600 000 $", MINISTRY, Measure.EXPENDITURE, (YEAR,), Status.OK),
        ("700 000 $", COUNCIL, Measure.EXPENDITURE, (YEAR,), Status.OK),
        ("5 400 000 $", PORTFOLIO, Measure.VARIATION, CHANGE, Status.OK),
        ("5,1 %", PORTFOLIO, Measure.PERCENT_CHANGE, CHANGE, Status.OK),
        ("1 000 000 $", PORTFOLIO, Measure.VARIATION, CHANGE, Status.OK),
        ("6 700 000 $", PORTFOLIO, Measure.INVESTMENT, (YEAR,), Status.OK),
    ]
    assert [f.computed for f in found[:3]] == [Decimal(111_313_300), 110_585_500, 727_800]
    assert "investment" in found[5].derivation


def test_audit_altered_element_reports_exactly_what_it_breaks(
    real_graph: Graph, micc_text: str
) -> None:
    original = "2. Francisation\t51 100,0\t0,0\t0,0\t51 100,0"
    assert micc_text.count(original) == 1
    altered = build_graph([parse_text(micc_text.replace(original, ALTERED), str(MICC))])
    before, after = problems(audit(real_graph)), problems(audit(altered))
    assert keyed(after) - keyed(before) == ALTERED_BREAKS
    assert keyed(before) <= keyed(after)
    (total_percent,) = [
        f for f in after if f.identity is Identity.COMPARISON_PERCENT and f.node == program(1)
    ]
    assert (total_percent.expected, total_percent.status) == (Decimal("5.3"), Status.MISMATCH)
    assert all(f.status is Status.MISMATCH for f in after)


def test_audit_two_portfolios_filters_by_portfolio(two_portfolios_graph: Graph) -> None:
    everything = audit(two_portfolios_graph)
    real = audit(two_portfolios_graph, portfolio=PORTFOLIO)
    fictional = audit(two_portfolios_graph, portfolio=TOURISME_PORTFOLIO)
    assert len(real) + len(fictional) == len(everything)
    assert all(TOURISME not in f.node for f in real)
    assert all(TOURISME in f.node for f in fictional)
    assert audit(two_portfolios_graph, portfolio="Tourisme et Patrimoine") == fictional
    assert audit(two_portfolios_graph, portfolio="portfolio:nowhere") == []


def test_audit_two_portfolios_filters_by_year(two_portfolios_graph: Graph) -> None:
    assert audit(two_portfolios_graph, year=YEAR) == audit(two_portfolios_graph, PORTFOLIO)
    fictional = audit(two_portfolios_graph, TOURISME_PORTFOLIO, TOURISME_YEAR)
    assert fictional == audit(two_portfolios_graph, portfolio=TOURISME_PORTFOLIO)
    assert audit(two_portfolios_graph, PORTFOLIO, TOURISME_YEAR) == []
    assert audit(two_portfolios_graph, year=PREVIOUS) == []


def test_audit_two_portfolios_keeps_the_real_breaks(
    two_portfolios_graph: Graph, real_graph: Graph
) -> None:
    real = audit(two_portfolios_graph, portfolio=PORTFOLIO)
    assert pinned(problems(real)) == REAL_PROBLEMS
    assert pinned(real) == pinned(audit(real_graph))


def test_audit_synthetic_document_holds_every_identity(two_portfolios_graph: Graph) -> None:
    # Checked by hand: every total, credit, variation, percentage (program 1's
    # 819,8 / 60 722,8 = 1,35007 % → 1,4), share (97,915 %, 2,085 %) and highlight
    # (62 853 000 $ → 62 900 000 $, 61 542 600 $, 1 310 400 $, 842 200 $, 1,358 %,
    # 600 000 $, 3 755 000 $) of the fictional document holds.
    found = audit(two_portfolios_graph, portfolio=TOURISME_PORTFOLIO)
    assert problems(found) == []
    assert {f.identity for f in found} == ONE_EDITION_CHECKS
    shares = [f for f in found if f.identity is Identity.PROGRAM_SHARE]
    assert [(f.node, f.stated) for f in shares] == [
        (tourisme("program", "1"), Decimal("97.9")),
        (tourisme("program", "2"), Decimal("2.1")),
    ]


@pytest.mark.parametrize(
    ("stated", "computed", "expected", "status"),
    [
        ("3.2", "3.2012", "3.2", Status.OK),
        ("3.3", "3.27", "3.3", Status.OK),
        ("3.2", "3.27", "3.3", Status.MISMATCH),
        ("5.1", "5.155181", "5.2", Status.ROUNDING),
        ("5.1", "5.15", "5.2", Status.ROUNDING),
        ("5.2", "5.15", "5.2", Status.OK),
        ("-1.5", "-1.524", "-1.5", Status.OK),
        ("-1.6", "-1.55", "-1.6", Status.OK),
        ("-1.5", "-1.55", "-1.6", Status.ROUNDING),
        ("0.0", "0", "0.0", Status.OK),
    ],
)
def test_judge_rounded_rounds_percentages_half_up(
    stated: str, computed: str, expected: str, status: Status
) -> None:
    found = judge_rounded(Decimal(stated), Decimal(computed), Decimal("0.1"))
    assert found == (Decimal(expected), status)


@pytest.mark.parametrize(
    ("stated", "computed", "status"),
    [
        ("110585.5", "110585.5", Status.OK),
        ("110585.5", "110585.6", Status.ROUNDING),
        ("110585.5", "110585.3", Status.MISMATCH),
        ("969", "970", Status.ROUNDING),
        ("969", "971", Status.MISMATCH),
    ],
)
def test_judge_exact_allows_one_unit_of_the_last_decimal(
    stated: str, computed: str, status: Status
) -> None:
    assert judge_exact(Decimal(stated), Decimal(computed)) == (Decimal(computed), status)


@pytest.mark.parametrize(
    ("stated", "computed", "status"),
    [
        (111_300_000, "111313300", Status.OK),
        (111_300_000, "111349999", Status.OK),
        (111_300_000, "111350000", Status.ROUNDING),
        (111_300_000, "111359000", Status.ROUNDING),
        (111_300_000, "111361000", Status.MISMATCH),
        (111_300_000, "111413300", Status.MISMATCH),
        (1_250_000, "1250400", Status.OK),
    ],
)
def test_judge_rounded_rounds_prose_to_100_000_dollars(
    stated: int, computed: str, status: Status
) -> None:
    step = prose_step(Decimal(stated))
    assert judge_rounded(Decimal(stated), Decimal(computed), step)[1] is status


def test_prose_step_follows_a_finer_stated_amount() -> None:
    assert [prose_step(Decimal(v)) for v in (700_000, 1_250_000, 22_400, 0)] == [
        Decimal(100_000),
        Decimal(10_000),
        Decimal(100),
        Decimal(100_000),
    ]


def test_audit_highlights_read_decreases_shares_and_programs(synthetic: Document) -> None:
    first = synthetic.highlights[0].provenance.text
    added = (
        "Le programme 1 représente 97,9 % du budget de dépenses du portefeuille. "
        "Les dépenses de la Commission des lieux historiques augmentent de 22 400 \\$. "
        "Le budget de dépenses du ministère du Tourisme et du Patrimoine diminue de 800 000 \\$."
    )
    text = SYNTHETIC.read_text(encoding="utf-8").replace(first, f"{first}\n\n{added}", 1)
    graph = build_graph([parse_text(text, synthetic.source)])
    found = [f for f in audit(graph) if f.stated_at.text == added]
    assert [(f.node, f.measure, f.stated, f.expected, f.status) for f in found] == [
        (tourisme("program", "1"), Measure.SHARE, Decimal("97.9"), Decimal("97.9"), Status.OK),
        (COMMISSION, Measure.VARIATION, Decimal(22_400), Decimal(22_400), Status.OK),
        (
            TOURISME_MINISTRY,
            Measure.VARIATION,
            Decimal(-800_000),
            Decimal(800_000),
            Status.MISMATCH,
        ),
    ]


def test_audit_two_editions_of_one_portfolio_each_against_itself(
    micc: Document, micc_text: str, real_graph: Graph
) -> None:
    # The next year's document, the same figures a year later: its previous-year
    # column (2007-2008) holds the real document's 2006-2007 figures, which is no
    # break of either document (each has the same one break) but a restatement of
    # every leaf whose two years differ in the real document (tests/test_editions.py
    # restates one figure at a time).
    later = parse_text(shift_years(micc_text, 1), "micc-2008-2009.txt")
    graph = build_graph([micc, later])
    found = audit(graph)
    breaks = [f for f in problems(found) if f.status is not Status.RESTATED]
    assert [(f.edition, f.identity, f.status) for f in breaks] == [
        (YEAR, Identity.COMPARISON_PERCENT, Status.ROUNDING),
        ("2008-2009", Identity.COMPARISON_PERCENT, Status.ROUNDING),
    ]
    assert pinned(audit(graph, year=YEAR)) == pinned(audit(real_graph))
    later_findings = audit(graph, year="2008-2009")
    own = [f for f in later_findings if f.identity is not Identity.EDITION_RESTATED]
    assert len(own) == len(audit(real_graph))
    # The leaves of the real document whose 2006-2007 and 2007-2008 figures differ:
    # elements 1.2, 1.4 and 2.1 (lines 77, 79, 96), both programs' credits (39, 40),
    # Rémunération, Fonctionnement and Immobilisations (50, 51, 56), the headcount
    # (54). Elements 1.1 and 1.3, Transfert, Prêts and the crédits permanents do not.
    restated = [f for f in later_findings if f.status is Status.RESTATED]
    assert [f.stated_at.line_start for f in restated] == [39, 40, 50, 51, 54, 56, 77, 79, 96]
    checked = [f for f in later_findings if f.identity is Identity.EDITION_RESTATED]
    assert len(checked) - len(restated) == 5
