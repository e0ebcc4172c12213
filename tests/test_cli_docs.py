"""The README tells the same story as the command line: every command and option is
there, every setting with its default, flag and environment variable, every error code."""

from __future__ import annotations

import argparse
import re

import pytest

from schema import errors
from server.cli import parser
from server.data import PATHS_ENV
from server.settings import KNOBS, Knob, Settings
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


def shown(value: object) -> str:
    """A default as the README's table writes it."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@pytest.mark.parametrize("knob", KNOBS, ids=[k.flag for k in KNOBS])
def test_readme_table_gives_each_setting_its_default_flag_and_variable(knob: Knob) -> None:
    rows = [r for r in README.splitlines() if r.startswith("|") and f"`{knob.flag}`" in r]
    assert len(rows) == 1, knob.flag
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    default = shown(getattr(Settings(), knob.field))
    assert cells[1:] == [default, f"`{knob.flag}`", f"`{knob.env}`"]


def test_readme_lists_every_error_code() -> None:
    codes = [v for k, v in vars(errors).items() if k.isupper() and isinstance(v, str)]
    codes = [c for c in codes if re.fullmatch(r"[A-Z_]+", c)]
    assert len(codes) >= 9
    table = {r.split("|")[1].strip() for r in README.splitlines() if r.startswith("| `")}
    assert {f"`{c}`" for c in codes} <= table
