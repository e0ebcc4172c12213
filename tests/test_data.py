"""What the service loads: paths, directories, the default data/, and the data version."""

from __future__ import annotations

import os
import weakref
from pathlib import Path

import pytest

from loaders import DocumentError
from server.data import (
    DATA,
    PATHS_ENV,
    NoDocumentError,
    data_version,
    document_paths,
    load,
    paths_from_env,
)
from tests.documents import MICC, SYNTHETIC


def test_document_paths_default_to_data() -> None:
    assert document_paths([]) == [DATA / "micc-2007-2008.txt"]


def test_document_paths_expand_directories(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "notes.md").write_text("-", encoding="utf-8")
    assert document_paths([tmp_path, MICC]) == [tmp_path / "a.txt", tmp_path / "b.txt", MICC]


def test_document_paths_refuse_a_directory_without_documents(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("-", encoding="utf-8")
    with pytest.raises(NoDocumentError, match=f"^{tmp_path}: no \\*.txt document$"):
        document_paths([MICC, tmp_path])


def test_load_refuses_a_directory_without_documents(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no \\*.txt document"):
        load([tmp_path])


def test_paths_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PATHS_ENV, f"{MICC}{os.pathsep}{SYNTHETIC}")
    assert paths_from_env() == [MICC, SYNTHETIC]


def test_data_version_follows_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("one", encoding="utf-8")
    before = data_version([path])
    path.write_text("two", encoding="utf-8")
    assert data_version([path]) != before
    assert len(before) == 16


def test_load_two_documents() -> None:
    loaded = load([MICC, SYNTHETIC])
    assert loaded.paths == (MICC, SYNTHETIC)
    assert loaded.version == data_version([MICC, SYNTHETIC])


def test_load_broken_document_says_where(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DocumentError, match="empty.txt"):
        load([path])


def test_a_reloaded_graph_frees_the_one_before() -> None:
    """`settled` freezes the heap for the service's life; the next load unfreezes it first,
    so a graph replaced by a reload (it holds reference cycles) is collected, not kept."""
    first = load()
    gone = weakref.ref(first.graph)
    del first
    second = load()
    assert gone() is None
    assert second.graph.number_of_nodes() > 0
