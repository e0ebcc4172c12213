"""Ranked search: words in any order, stems, phrases, names first, every passage's line."""

from __future__ import annotations

from graph import attributes
from graph.attributes import Graph
from graph.kinds import Kind, TextField
from graph.search import Hit, parse_query, search, search_index, snippet
from tests.analyst import labels, lines_with
from tests.documents import LABELLED, MICC
from tests.samples import PORTFOLIO, element, group, program


def lines_of(hits: list[Hit]) -> set[int]:
    return {m.passage.provenance.line_start for h in hits for m in h.matches}


def test_words_in_any_order_find_every_line_that_holds_both(real_graph: Graph) -> None:
    hits = search(real_graph, "francisation immigration")
    assert set(lines_with(MICC, "francisation", "immigra")) <= lines_of(hits)
    reversed_hits = search(real_graph, "immigration francisation")
    assert [(h.node, h.score) for h in reversed_hits] == [(h.node, h.score) for h in hits]


def test_names_that_hold_every_word_come_first(real_graph: Graph) -> None:
    hits = search(real_graph, "francisation immigration")
    assert hits[0].node == group("secteur-de-l-immigration-et-de-la-francisation")
    assert hits[0].name_match and not any(h.name_match for h in hits[1:])
    assert [h.node for h in hits[1:3]] == [PORTFOLIO, program(1)]  # the most occurrences next


def test_highlights_are_searched_with_their_line(real_graph: Graph) -> None:
    (hit,) = search(real_graph, "SAGIR")
    assert hit.node == PORTFOLIO
    (match,) = hit.matches
    assert match.passage.field is TextField.HIGHLIGHT
    assert match.passage.provenance.line_start == lines_with(MICC, "SAGIR")[0] == 15
    assert match.words == ("SAGIR",)
    assert match.snippet.endswith("gouvernemental SAGIR.")


def test_stems_meet_across_inflections_accents_and_case(real_graph: Graph) -> None:
    found = {h.node for h in search(real_graph, "IMMIGRANTS Francisés")}
    assert found >= {h.node for h in search(real_graph, "immigration francisation")}


def test_a_phrase_must_be_written_as_it_is_in_one_passage(real_graph: Graph) -> None:
    (hit,) = search(real_graph, '"services de francisation"')
    assert attributes.kind(real_graph, hit.node) is Kind.INTERVENTION_MODE
    assert hit.matches[0].passage.provenance.line_start == 196
    assert search(real_graph, '"francisation de services"') == []


def test_mandates_and_definitions_are_searched(real_graph: Graph) -> None:
    mandate = search(real_graph, "cycle budgétaire")
    assert [m.passage.field for m in mandate[0].matches] == [TextField.MANDATE]
    assert mandate[0].matches[0].passage.provenance.line_start == 171
    definition = search(real_graph, "pluralisme recrutement")
    assert [h.node for h in definition] == [program(1)]
    assert definition[0].matches[0].passage.field is TextField.DEFINITION


def test_kinds_and_portfolio_narrow_the_hits(two_portfolios_graph: Graph) -> None:
    graph = two_portfolios_graph
    assert [h.node for h in search(graph, "francisation", [Kind.ELEMENT])] == [element("1.2")]
    assert search(graph, "francisation", portfolio="portfolio:tourisme-et-patrimoine") == []


def test_common_words_alone_ask_nothing() -> None:
    assert parse_query("de la et").stems == ()
    assert parse_query('"services de francisation" immigration').phrases == (
        ("services", "de", "francisation"),
    )


def test_labelled_searches_find_their_lines(labelled_graph: Graph) -> None:
    for text, lines in labels()["search"].items():
        hits = search(labelled_graph, text)
        assert sorted(h.matches[0].passage.provenance.line_start for h in hits) == lines, text
    assert lines_with(LABELLED, "BAnQ") == labels()["search"]["BAnQ"]


def test_snippet_cuts_at_spaces_around_the_match() -> None:
    text = " ".join(f"mot{i}" for i in range(100))
    found = snippet(text, text.index("mot50"), size=40)
    assert found.startswith("…") and found.endswith("…") and "mot50" in found
    assert snippet("court", 0) == "court"


def test_index_is_built_once_per_built_graph(real_graph: Graph) -> None:
    assert search_index(real_graph) is search_index(real_graph)
