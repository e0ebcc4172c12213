"""The same documents build the same graph in every process: nothing the graph holds (serves
evidence, confidences, the order of lists) may depend on Python's per-process hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.documents import ROOT

CORPUS = ROOT / "tests" / "corpus"


def exported(seed: int, paths: list[Path]) -> bytes:
    """The node-link JSON export of `paths`, built by a process with hash seed `seed`."""
    argv = [sys.executable, "-m", "server.cli", "export", "--format", "json", "-o", "-"]
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [*argv, *map(str, paths)], cwd=ROOT, env=env, capture_output=True, check=True, timeout=300
    )
    return done.stdout


def test_two_hash_seeds_export_the_same_bytes() -> None:
    paths = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("unseen/*.txt")])
    first = exported(1, paths)
    assert len(first) > 100_000
    assert exported(2, paths) == first
