"""The audit's vocabulary: identities, statuses, findings, and how two values are judged.

See `graph.audit` for what each identity checks and why the rounding rules are
what they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from graph.aggregates import Amount
from loaders.records import Figure, Measure, Provenance, StatedValue, Unit

PROSE_STEP = Decimal(100_000)
"""Prose amounts are whole dollars rounded to the nearest 100 000 $."""
SLACK = Decimal("0.6")
"""A rounded value within 0.6 of its step of the exact one is a `rounding` finding."""


class Status(StrEnum):
    """How a stated value compares with what the graph computes (or why it was not)."""

    OK = "ok"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"
    UNCHECKED = "unchecked"
    RESTATED = "restated"


STATUS_MEANINGS: dict[Status, str] = {
    Status.OK: "the stated value equals the computed one (rounded as the document rounds)",
    Status.ROUNDING: "off by what rounding row by row or another rounding rule explains",
    Status.MISMATCH: "the stated value disagrees with the computed one",
    Status.UNCHECKED: "a value the audit found but could not check: `note` says why",
    Status.RESTATED: "two editions state different figures for the same year and line",
}
"""What each status means."""


class Identity(StrEnum):
    """Which identity of FORMAT.md a finding checks (stable names: tests pin them)."""

    ELEMENT_CREDITS = "element.credits"
    PROGRAM_TOTAL = "program.total"
    PROGRAM_ROW = "program.row"
    PROGRAM_CREDITS = "program.credits"
    PROGRAM_SHARE = "program.share"
    COMPARISON_AMOUNT = "comparison.amount"
    COMPARISON_VARIATION = "comparison.variation"
    COMPARISON_PERCENT = "comparison.percent"
    PORTFOLIO_TOTAL = "portfolio.total"
    PORTFOLIO_CREDITS = "portfolio.credits"
    CREDITS_TO_VOTE = "portfolio.credits_to_vote"
    SUPERCATEGORY_TOTAL = "supercategory.total"
    SUPERCATEGORY_PROGRAMS = "supercategory.programs"
    SUPERCATEGORY_PERCENT = "supercategory.percent"
    HEADCOUNT_PERCENT = "headcount.percent"
    INVESTMENT_TOTAL = "investment.total"
    INVESTMENT_PROGRAMS = "investment.programs"
    INVESTMENT_PERCENT = "investment.percent"
    HIGHLIGHT_AMOUNT = "highlight.amount"
    HIGHLIGHT_PERCENT = "highlight.percent"
    EDITION_RESTATED = "edition.restated"
    HIGHLIGHT_UNREAD = "highlight.unread"


@dataclass(frozen=True, slots=True)
class Claim:
    """The stated side: a value the document writes, what it measures, and where."""

    measure: Measure
    value: Decimal
    unit: Unit
    raw: str
    cell: int
    provenance: Provenance

    @classmethod
    def of_figure(cls, figure: Figure) -> Claim:
        return cls(
            figure.measure, figure.value, figure.unit, figure.raw, figure.cell, figure.provenance
        )

    @classmethod
    def of_prose(cls, value: StatedValue, measure: Measure, sign: int = 1) -> Claim:
        return cls(measure, value.value * sign, value.unit, value.raw, 0, value.provenance)


@dataclass(frozen=True, slots=True)
class Finding:
    """One check of one stated value against the value the leaf figures give.

    `edition` is the fiscal year of the document that states the value; `years`
    the fiscal years the value describes (`(previous, year)` for a change).
    `expected` is the computed value written the way the document writes it
    (rounded for percentages and prose amounts, else equal to `computed`, which
    is exact); `difference` is `stated − computed`. `stated_at` and `cell` (0
    for prose) locate the stated side; `derivation` and `sources` the computed.
    An `unchecked` finding may lack the numbers it could not read or compute
    (None); `note` then says why, and may explain any other finding.
    """

    identity: Identity
    node: str
    measure: Measure
    edition: str
    years: tuple[str, ...]
    stated: Decimal | None
    expected: Decimal | None
    computed: Decimal | None
    difference: Decimal | None
    status: Status
    unit: Unit
    stated_raw: str
    stated_at: Provenance
    cell: int
    derivation: str
    sources: tuple[Provenance, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Check:
    """What a finding is about, before its two sides are judged."""

    identity: Identity
    node: str
    edition: str
    years: tuple[str, ...]


def last_unit(value: Decimal) -> Decimal:
    """One unit of the last decimal `value` is written with: 0.1 for `3,2`, 1 for `969`."""
    return Decimal(1).scaleb(min(0, int(value.as_tuple().exponent)))


def round_to(value: Decimal, step: Decimal) -> Decimal:
    """`value` rounded half-up (ties away from zero) to a multiple of `step`."""
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def prose_step(stated: Decimal) -> Decimal:
    """100 000 $, or the stated amount's own precision if it is written more finely."""
    step = PROSE_STEP
    while step > 1 and stated % step:
        step /= 10
    return step


def judge_exact(stated: Decimal, computed: Decimal) -> tuple[Decimal, Status]:
    """Amounts: equal is ok; off by one unit of the stated last decimal is rounding."""
    if stated == computed:
        return computed, Status.OK
    near = abs(stated - computed) <= last_unit(stated)
    return computed, Status.ROUNDING if near else Status.MISMATCH


def judge_rounded(stated: Decimal, computed: Decimal, step: Decimal) -> tuple[Decimal, Status]:
    """Rounded values: half-up equal is ok; within 0.6 step of the exact one is rounding."""
    expected = round_to(computed, step)
    if stated == expected:
        return expected, Status.OK
    near = abs(stated - computed) < SLACK * step
    return expected, Status.ROUNDING if near else Status.MISMATCH


def judge(claim: Claim, computed: Decimal, rounded: bool) -> tuple[Decimal, Status]:
    """Rounded (percentages at their stated precision, prose dollars) or exact (amounts)."""
    if not rounded:
        return judge_exact(claim.value, computed)
    step = prose_step(claim.value) if claim.unit is Unit.DOLLARS else last_unit(claim.value)
    return judge_rounded(claim.value, computed, step)


def finding(check: Check, claim: Claim, computed: Amount, rounded: bool) -> Finding:
    """`claim` judged against `computed`, with both sides' provenance."""
    expected, status = judge(claim, computed.value, rounded)
    difference = claim.value - computed.value
    return Finding(
        check.identity,
        check.node,
        claim.measure,
        check.edition,
        check.years,
        claim.value,
        expected,
        computed.value,
        difference,
        status,
        claim.unit,
        claim.raw,
        claim.provenance,
        claim.cell,
        computed.derivation,
        computed.sources,
    )


def unchecked(check: Check, claim: Claim, note: str) -> Finding:
    """A value the audit found but could not check; `note` says why."""
    return Finding(
        check.identity,
        check.node,
        claim.measure,
        check.edition,
        check.years,
        claim.value,
        None,
        None,
        None,
        Status.UNCHECKED,
        claim.unit,
        claim.raw,
        claim.provenance,
        claim.cell,
        "",
        (),
        note,
    )
