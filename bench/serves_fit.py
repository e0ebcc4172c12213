"""Fit the serves model's weights on the labelled documents, and check them.

    python -m bench.serves_fit [--rounds 2] [--write]

Every candidate pair the inference scores (a group's or a unit's, with its
features) is collected from each labelled document and marked true when the
labels have it; an L2-regularised logistic regression is fitted to them, the
group weights first, then (with those in place, since a unit's candidates depend on
its group's targets) the unit weights. It prints the weights (`--write` puts them in
`graph/build/serves_model.py`), the leave-one-document-out precision and recall
(each document measured with weights fitted on the others), and the precision of
the rule-based methods, whose confidences `serves_edges` states.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from bench.serves_quality import (
    ROOT,
    Labels,
    Score,
    compare,
    expected_pairs,
    labelled_documents,
    total,
)
from graph import attributes
from graph.attributes import Graph
from graph.build.budget import add_budget
from graph.build.documents import add_document_node
from graph.build.org import add_organization
from graph.build.serves import add_serves
from graph.build.serves_model import FEATURES, MODEL, Candidate, Model, Weights
from loaders import read_document
from loaders.text import name_key

L2 = 0.3
"""The penalty on each weight's square: with a few hundred pairs, it keeps the weights
from chasing single cases."""
STEPS = 1500
RATE = 1.0


@dataclass(frozen=True, slots=True)
class Row:
    document: str
    which: str
    features: tuple[float, ...]
    true: bool


def build(labels: Labels, model: Model, observe: Callable[[str, Candidate], None]) -> Graph:
    """The document's graph, built step by step so the serves inference can be watched."""
    graph = attributes.new_graph([])
    document = read_document(labels.document)
    doc = add_document_node(graph, document)
    scope = add_budget(graph, document, doc)
    add_organization(graph, scope)
    add_serves(graph, scope, model, observe)
    return graph


def rows(labels: Labels, model: Model) -> tuple[list[Row], Graph]:
    seen: list[tuple[str, Candidate]] = []
    graph = build(labels, model, lambda which, c: seen.append((which, c)))
    true = expected_pairs(graph, labels)
    found = [
        Row(
            labels.document.name,
            which,
            c.features,
            (name_key(attributes.name(graph, c.source)), c.target.number) in true,
        )
        for which, c in seen
    ]
    return found, graph


def fit(data: Sequence[Row]) -> Weights:
    """Projected gradient descent on the mean log-loss plus L2 / n times the squared
    weights, each weight kept at 0 or above."""
    width = len(FEATURES)
    bias, weights = 0.0, [0.0] * width
    n = max(len(data), 1)
    for _ in range(STEPS):
        grad_b, grad = 0.0, [0.0] * width
        for row in data:
            z = bias + sum(w * f for w, f in zip(weights, row.features, strict=True))
            error = 1 / (1 + math.exp(-z)) - float(row.true)
            grad_b += error
            for i, f in enumerate(row.features):
                grad[i] += error * f
        bias -= RATE * grad_b / n
        # Every feature measures more evidence: its weight may not be negative.
        weights = [
            max(0.0, w - RATE * (g / n + 2 * L2 * w / n))
            for w, g in zip(weights, grad, strict=True)
        ]
    return Weights(round(bias, 2), tuple(round(w, 2) for w in weights))


def fit_model(documents: Sequence[Labels], rounds: int) -> Model:
    model = MODEL
    for _ in range(rounds):
        data = [r for labels in documents for r in rows(labels, model)[0]]
        model = replace(model, group=fit([r for r in data if r.which == "group"]))
        data = [r for labels in documents for r in rows(labels, model)[0]]
        model = replace(model, unit=fit([r for r in data if r.which == "unit"]))
        model = replace(model, extra=fit([r for r in data if r.which == "extra"]))
    return model


THRESHOLDS = tuple(t / 100 for t in range(40, 75, 5))


def best_threshold(documents: Sequence[Labels], model: Model) -> float:
    """The threshold of `THRESHOLDS` with the best F1 over all labelled pairs (the higher
    one on a tie: fewer edges for the same measure)."""
    found = []
    for threshold in THRESHOLDS:
        count = total(measure(documents, replace(model, threshold=threshold)))
        f1 = 2 * count.precision * count.recall / (count.precision + count.recall or 1)
        found.append((round(f1, 6), threshold))
    return max(found)[1]


def measure(documents: Sequence[Labels], model: Model) -> list[Score]:
    return [compare(rows(labels, model)[1], labels) for labels in documents]


def held_out(documents: Sequence[Labels], rounds: int) -> list[Score]:
    """Each document measured with weights fitted on the other documents only."""
    found = []
    for labels in documents:
        others = [d for d in documents if d is not labels]
        model = fit_model(others, rounds)
        model = replace(model, threshold=best_threshold(others, model))
        found += measure([labels], model)
    return found


def report(title: str, scores: Sequence[Score]) -> None:
    print(title)
    for score in scores:
        c = score.count
        print(f"  {score.name}: precision {c.precision:.3f}, recall {c.recall:.3f}")
    c = total(scores)
    print(f"  all: precision {c.precision:.3f}, recall {c.recall:.3f}")


MODEL_FILE = ROOT / "graph" / "build" / "serves_model.py"


def source(model: Model) -> str:
    """The model as `serves_model.py` writes it."""
    lines = ["MODEL = Model("]
    for name in ("group", "unit", "extra"):
        weights: Weights = getattr(model, name)
        lines.append(f"    {name}=Weights({weights.bias}, {weights.weights}),")
    return "\n".join([*lines, f"    threshold={model.threshold},", ")"])


def write(model: Model) -> None:
    text = MODEL_FILE.read_text(encoding="utf-8")
    start = text.index("MODEL = Model(")
    end = text.index("\n)\n", start) + 3
    MODEL_FILE.write_text(text[:start] + source(model) + "\n" + text[end:], encoding="utf-8")


RULES = {
    "central_services": "CENTRAL_CONFIDENCE",
    "body_program": "BODY_CONFIDENCE",
    "stated": "STATED_CONFIDENCE",
    "inherited": "INHERITED_CONFIDENCE",
}
EDGES_FILE = ROOT / "graph" / "build" / "serves_edges.py"


def rule_rates(scores: Sequence[Score]) -> dict[str, Decimal]:
    """Each rule's share of right pairs, Laplace-smoothed ((right + 1) / (found + 2)) so
    that a rule seen right on few pairs is not given certainty."""
    rates = {}
    for method in RULES:
        counts = [s.by_method[method] for s in scores if method in s.by_method]
        right, found = sum(c.right for c in counts), sum(c.right + c.wrong for c in counts)
        rates[method] = (Decimal(right + 1) / Decimal(found + 2)).quantize(Decimal("0.01"))
    return rates


def write_rates(rates: dict[str, Decimal]) -> None:
    text = EDGES_FILE.read_text(encoding="utf-8")
    for method, constant in RULES.items():
        text = re.sub(
            rf'{constant} = Decimal\("[0-9.]+"\)', f'{constant} = Decimal("{rates[method]}")', text
        )
    EDGES_FILE.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    root = argparse.ArgumentParser(prog="python -m bench.serves_fit", description=__doc__)
    root.add_argument("--rounds", type=int, default=2)
    root.add_argument("--write", action="store_true", help="write the weights into the model")
    args = root.parse_args(argv)
    documents = labelled_documents()
    model = fit_model(documents, args.rounds)
    model = replace(model, threshold=best_threshold(documents, model))
    print(source(model))
    if args.write:
        write(model)
    scores = measure(documents, model)
    report("fitted on all the labelled documents:", scores)
    rates = rule_rates(scores)
    for method, rate in rates.items():
        print(f"  {method}: confidence {rate}")
    if args.write:
        write_rates(rates)
    report("each document held out of the fit:", held_out(documents, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
