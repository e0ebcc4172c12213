"""The lookups that replaced passes over every node give what such a pass gives."""

from __future__ import annotations

from itertools import pairwise

import networkx as nx
import pytest

from graph import attributes, queries
from graph.attributes import Graph
from graph.kinds import Kind, Rel
from graph.substrings import plain, texts_of


def scanned(graph: Graph, text: str, kinds: set[Kind] | None = None) -> list[str]:
    """Substring search the slow way: every node, its name then its texts."""
    wanted = plain(text)
    by_name, by_text = [], []
    for node in graph:
        if kinds and attributes.kind(graph, node) not in kinds:
            continue
        if wanted in plain(attributes.name(graph, node)):
            by_name.append(node)
        elif any(wanted in plain(t) for t in texts_of(graph, node)):
            by_text.append(node)
    return sorted(by_name) + sorted(by_text)


def samples(graph: Graph) -> list[str]:
    """Pieces of the graph's own names and texts: words, halves of words, word pairs."""
    found: set[str] = set()
    for node in sorted(graph)[::3]:
        words = " ".join([attributes.name(graph, node), *texts_of(graph, node)]).split()
        found.update(words[:3])
        found.update(w[1 : len(w) // 2 + 2] for w in words[:3] if len(w) > 3)
        found.update(" ".join(words[i : i + 2]) for i in range(0, min(len(words), 6), 3))
    return sorted(w for w in found if w.strip())


def test_substring_search_finds_what_a_scan_finds(two_portfolios_graph: Graph) -> None:
    texts = samples(two_portfolios_graph)
    assert len(texts) > 50
    for text in texts:
        assert queries.search(two_portfolios_graph, text) == scanned(two_portfolios_graph, text)


@pytest.mark.parametrize("kinds", [{Kind.PROGRAM}, {Kind.ORG_UNIT, Kind.ELEMENT}])
def test_substring_search_keeps_to_its_kinds(two_portfolios_graph: Graph, kinds: set[Kind]) -> None:
    for text in samples(two_portfolios_graph)[::5]:
        found = queries.search(two_portfolios_graph, text, kinds)
        assert found == scanned(two_portfolios_graph, text, kinds)


def test_a_match_never_spans_two_names(real_graph: Graph) -> None:
    names = sorted(plain(attributes.name(real_graph, n)) for n in real_graph)
    spanning = names[0][-2:] + names[1][:2]
    assert queries.search(real_graph, spanning) == scanned(real_graph, spanning)


def walked(graph: Graph, node: str, depth: int, allowed: set[Rel]) -> dict[str, int]:
    """Distances the slow way: networkx over a filtered, undirected view of the graph."""
    view = nx.subgraph_view(graph, filter_edge=lambda s, t, k: str(k) in allowed)
    found: dict[str, int] = nx.single_source_shortest_path_length(
        view.to_undirected(as_view=True), node, depth
    )
    return found


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_neighborhood_reaches_what_networkx_reaches(real_graph: Graph, depth: int) -> None:
    every: set[Rel] = {r for r in Rel if r is not Rel.SOURCE}
    for start in sorted(real_graph)[::7]:
        reached = walked(real_graph, start, depth, every)
        found = queries.neighborhood(real_graph, start, depth)
        assert found.nodes == sorted(reached, key=lambda n: (reached[n], n))
        inside = set(found.nodes)
        expected = sorted(
            (s, t, Rel(str(k)))
            for s, t, k in real_graph.edges(keys=True)
            if s in inside and t in inside and k in every
        )
        assert found.edges == expected


def test_neighborhood_follows_only_the_relations_given(real_graph: Graph) -> None:
    portfolio = queries.portfolios(real_graph)[0]
    found = queries.neighborhood(real_graph, portfolio, 2, [Rel.HAS_PROGRAM])
    reached = walked(real_graph, portfolio, 2, {Rel.HAS_PROGRAM})
    assert set(found.nodes) == set(reached) and len(found.nodes) > 1
    assert {rel for _, _, rel in found.edges} == {Rel.HAS_PROGRAM}


def test_shortest_path_is_as_short_as_networkx_finds(real_graph: Graph) -> None:
    every: set[Rel] = {r for r in Rel if r is not Rel.SOURCE}
    view = nx.subgraph_view(real_graph, filter_edge=lambda s, t, k: str(k) in every)
    undirected = view.to_undirected(as_view=True)
    nodes = sorted(real_graph)
    linked = 0
    for source, target in zip(nodes[::5], nodes[3::5], strict=False):
        found = queries.shortest_path(real_graph, source, target)
        if not nx.has_path(undirected, source, target):
            assert found is None
            continue
        linked += 1
        assert found is not None and found.nodes[0] == source and found.nodes[-1] == target
        assert len(found.nodes) == nx.shortest_path_length(undirected, source, target) + 1
        for (a, b), (s, t, rel) in zip(pairwise(found.nodes), found.edges, strict=True):
            assert {a, b} == {s, t} and real_graph.has_edge(s, t, rel)
    assert linked > 5
