"""Session-wide fixtures: each corpus document is read once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.attributes import Graph
from graph.build import build_graph
from loaders import Document, read_document
from tests.documents import LABELLED, MICC, SYNTHETIC

if TYPE_CHECKING:  # the service's modules are imported by its fixtures only
    from starlette.testclient import TestClient

    from schema.context import Context
    from server.data import Loaded


@pytest.fixture(scope="session")
def micc() -> Document:
    """The real document, data/micc-2007-2008.txt."""
    return read_document(MICC)


@pytest.fixture(scope="session")
def synthetic() -> Document:
    """The synthetic sample, tests/corpus/synthetic-tourisme-2008-2009.txt."""
    return read_document(SYNTHETIC)


@pytest.fixture(scope="session")
def micc_text() -> str:
    return MICC.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def real_graph(micc: Document) -> Graph:
    """The graph of the real document (« Immigration et Communautés culturelles » 2007-2008)."""
    return build_graph([micc])


@pytest.fixture(scope="session")
def synthetic_graph(synthetic: Document) -> Graph:
    return build_graph([synthetic])


@pytest.fixture(scope="session")
def labelled() -> Document:
    """The labelled document, tests/corpus/labelled-culture-2009-2010.txt."""
    return read_document(LABELLED)


@pytest.fixture(scope="session")
def labelled_graph(labelled: Document) -> Graph:
    return build_graph([labelled])


@pytest.fixture(scope="session")
def labelled_context(labelled_graph: Graph) -> Context:
    """The GraphQL context over the labelled document."""
    from schema.context import Context

    return Context(graph=labelled_graph)


@pytest.fixture(scope="session")
def two_portfolios_graph(micc: Document, synthetic: Document) -> Graph:
    """The real and the synthetic documents in one graph: two portfolios."""
    return build_graph([micc, synthetic])


@pytest.fixture(scope="session")
def served() -> Loaded:
    """What the GraphQL service loads by default: the documents of data/."""
    from server.data import load

    return load()


@pytest.fixture(scope="session")
def api_context(served: Loaded) -> Context:
    """The GraphQL context over data/, for `schema.execute_sync`."""
    from schema.context import Context

    return Context(graph=served.graph)


@pytest.fixture(scope="session")
def api_client() -> Iterator[TestClient]:
    """The app over data/, its lifespan run once for the session."""
    from starlette.testclient import TestClient

    from server.app import create_app

    with TestClient(create_app()) as client:
        yield client


@pytest.fixture
def document(tmp_path: Path) -> Path:
    """A copy of the real document in a directory of its own, for a test to change."""
    copy = tmp_path / "docs" / MICC.name
    copy.parent.mkdir()
    copy.write_bytes(MICC.read_bytes())
    return copy
