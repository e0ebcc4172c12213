"""Auditing a document against itself: every identity of FORMAT.md, every stated value.

The graph keeps only leaf figures as inputs (element rows, supercategory and
investment category rows, headcount, crédits permanents, the previous year's
credits of each program, the comparison tables' previous-year expenditure);
every total, change, share and prose amount the document states is kept as a
*stated* value. `audit` compares each stated value with the value the leaf
figures give through `graph.aggregates` and returns one `Finding` per check,
with both sides' provenance. It never corrects a figure.

Each document (edition) is audited against itself: when several fiscal years
of one portfolio are loaded, a document's previous-year column is checked
against its own figures, not against the previous year's document (which may
restate them); see `graph.editions.edition_graph`. `audit(graph, portfolio, year)` restricts
the audit to one portfolio and to the documents of one fiscal year.

Identities (`Identity`; a finding's `measure` says which column it checks):

- `element.credits`: an elements-table row's credits = its expenditure −
  amortization + investment.
- `program.total`: the `Total Programme N` row = the sum of the element rows
  (expenditure, amortization, investment, credits).
- `program.row`: the program's row of the portfolio credits table = the same
  sums (credits of the year; the previous year's credits are a leaf).
- `program.credits`: credits = expenditure − amortization + investment within
  each of those two stated program rows.
- `program.share`: section 3's `Ce programme représente X %` = program
  expenditure / portfolio expenditure × 100.
- `comparison.amount`: a comparison row's amounts = the element's expenditure
  (elements table), or for the total row the sums of the elements, both years.
- `comparison.variation`: variation = year − previous year.
- `comparison.percent`: % = variation / previous year × 100.
- `portfolio.total`: the credits table's total row = the sums over programs
  (all four columns, and the previous year's credits).
- `portfolio.credits`: credits = expenditure − amortization + investment within
  that stated total row.
- `portfolio.credits_to_vote`: `Crédits à voter` = credits − `Crédits
  permanents`, both years (credits summed from the elements).
- `supercategory.total`: the supercategories' `Total` = the sum of
  `Rémunération`, `Fonctionnement`, `Transfert`, both years.
- `supercategory.programs`: that `Total` = the programs' total expenditure,
  both years.
- `supercategory.percent`: each supercategory row's % and the `Total` row's %
  (computed from the sum of the rows) = change / previous × 100.
- `headcount.percent`: `Effectif total`'s % likewise.
- `investment.total`: the investment `Total` = the sum of its categories.
- `investment.programs`: that `Total` = the programs' investments (only for the
  document's year: no table splits the previous year's investments).
- `investment.percent`: each investment row's %, and the `Total` row's %.
- `highlight.amount`, `highlight.percent`: section 1's rounded dollar amounts
  and percentages = the quantity their words name (see
  `graph.audit.highlights`) for the subject they name, computed from the leaves.
  A value whose words do not say what it is about, or that the graph cannot
  compute, is `unchecked`, with a `note` saying why and quoting its sentence.
- `edition.restated`: when the previous year's document is loaded too, each
  leaf figure a document states for its previous year = the figure that
  document states for its own year (see `graph.audit.restated`); a difference
  is `restated`, with both lines.
- `highlight.unread`: an amount-like token of section 1 that does not parse
  (`11o 600 000 $`): always `unchecked`, quoting the token (`graph.audit.unread`).

A percentage cell marked not computable (`n.d.`, `s.o.`, `—`, empty) is checked
by its table's percent identity: `ok` when the previous year (as the identity
computes it) is 0, `mismatch` when it is not; a percentage stated over a base
of 0 is `unchecked`.

A table check whose computed side the graph cannot give (a missing year, a
change over a zero base) is not reported: the audit reports what it checked.

Statuses and rounding rules (`graph.audit.findings`):

- Amounts (table sums and differences, in 000 $ with one decimal; headcount):
  exact comparison. Equal is `ok`. A difference of exactly one unit of the
  stated value's last decimal (0,1 thousand dollars; one person) is `rounding`:
  rows rounded one by one to the published decimal can sum to one unit off
  their rounded total. Anything else is `mismatch`.
- Percentages (one decimal in the tables, or as many as the document writes):
  the exact computed value is rounded half-up (ties away from zero) to the
  stated precision. Equal is `ok` (stated `3,2` against 3.2012). Otherwise,
  when the stated value lies less than 0.6 of a step (0.06 point at one
  decimal) from the exact value, it is the other rounding of that exact value
  near a half-way point (truncation, half-down or half-even, or a value first
  rounded to two decimals), which is `rounding`: exact 5.1552 stated `5,1`
  (5.2 half-up; 0.055 away). Farther is `mismatch`: exact 3.27 stated `3,2`
  (0.07 away: no rounding of 3.27 to one decimal gives 3.2 unless it drops
  more than one digit).
- Prose amounts (whole dollars): the computed amount in dollars is rounded
  half-up to the nearest 100 000 $ (or to the stated amount's own precision
  when it is written more finely). Equal is `ok`; within 0.6 of a step
  (60 000 $) of the exact amount is `rounding`; farther is `mismatch`.
"""

from graph.audit.findings import Finding, Identity, Status
from graph.audit.report import audit, problems

__all__ = ["Finding", "Identity", "Status", "audit", "problems"]
