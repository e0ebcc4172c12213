"""The README tells the same story as the command line: every command and option is there."""

from __future__ import annotations

import argparse

import pytest

from server.app import CORS_ENV
from server.cli import parser
from server.data import PATHS_ENV
from tests.documents import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    found: dict[str, argparse.ArgumentParser] = action.choices
    return found


@pytest.mark.parametrize("name", sorted(commands()))
def test_readme_shows_every_command_and_option(name: str) -> None:
    assert f"budget-kg {name}" in README
    options = [o for a in commands()[name]._actions for o in a.option_strings if o.startswith("--")]
    missing = [o for o in options if o != "--help" and o not in README]
    assert missing == []


def test_readme_names_the_environment_variables() -> None:
    assert PATHS_ENV in README
    assert CORS_ENV in README
