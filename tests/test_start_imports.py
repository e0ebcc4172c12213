"""A start from a snapshot imports what serving needs, not the builder, the document
reader, the `check` report or the exports; each is imported when first used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph.attributes import Graph
from graph.snapshot import Snapshot, write_snapshot
from tests.documents import ROOT

UNUSED = ("graph.build", "loaders.document", "server.check", "graph.export")
START = """
import json, sys
from pathlib import Path
import server.cli, server.serve
from server.app import create_app
from server.data import load_snapshot
from server.live import Live
create_app(live=Live(load_snapshot(Path(sys.argv[1]))))
print(json.dumps(sorted(m for m in sys.argv[2:] if m in sys.modules)))
"""


def test_a_snapshot_start_imports_no_builder_reader_report_or_export(
    real_graph: Graph, tmp_path: Path
) -> None:
    path = tmp_path / "graph.snapshot"
    write_snapshot(Snapshot(real_graph, "v", ("micc-2007-2008.txt",)), path)
    argv = [sys.executable, "-c", START, str(path), *UNUSED]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_the_reader_is_there_when_asked_for() -> None:
    import loaders

    assert loaders.read_document.__module__ == "loaders.document"
    assert "read_document" in loaders.__all__
