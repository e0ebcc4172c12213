"""Settings: defaults, the environment, `serve` flags (which win), and back to the
environment for the workers."""

from __future__ import annotations

import argparse

import pytest

from server.settings import (
    KNOBS,
    SettingError,
    Settings,
    add_flags,
    from_env,
    to_env,
    with_flags,
)


def flags(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_flags(parser)
    return parser.parse_args(list(argv))


def test_one_knob_per_setting() -> None:
    assert [k.field for k in KNOBS] == list(Settings.__dataclass_fields__)
    assert len({k.flag for k in KNOBS}) == len({k.env for k in KNOBS}) == len(KNOBS)


def test_no_flag_and_no_environment_give_the_defaults() -> None:
    assert with_flags(from_env({}), flags()) == Settings()


def test_environment_then_flags() -> None:
    environ = {"BUDGET_KG_MAX_DEPTH": "8", "BUDGET_KG_MAX_COST": "9000"}
    given = with_flags(from_env(environ), flags("--max-depth", "4", "--field-suggestions"))
    assert (given.max_depth, given.max_cost, given.field_suggestions) == (4, 9000, True)
    assert given.limits.depth == 4 and given.limits.suggestions


def test_lists_repeat_as_flags_and_split_on_commas() -> None:
    environ = {"BUDGET_KG_CORS_ORIGINS": " https://a.example , ,https://b.example,"}
    assert from_env(environ).cors_origins == ("https://a.example", "https://b.example")
    given = with_flags(Settings(), flags("--cors-header", "X-A", "--cors-header", "X-B,X-C"))
    assert given.cors_headers == ("X-A", "X-B", "X-C")


def test_the_environment_carries_every_setting_to_the_workers() -> None:
    settings = Settings(
        max_depth=3,
        time_budget=0.5,
        field_suggestions=True,
        cache_control="public, max-age=60",
        cors_origins=("https://a.example",),
    )
    assert from_env(to_env(settings)) == settings
    assert from_env(to_env(Settings())) == Settings()


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        (
            {"BUDGET_KG_MAX_DEPTH": "0"},
            "BUDGET_KG_MAX_DEPTH '0': expected a whole number of 1 or more",
        ),  # noqa: E501
        (
            {"BUDGET_KG_MAX_BATCH": "ten"},
            "BUDGET_KG_MAX_BATCH 'ten': expected a whole number of 0 or more",
        ),  # noqa: E501
        ({"BUDGET_KG_MAX_COST": "9" * 5000}, "expected a whole number of 1 or more"),
        (
            {"BUDGET_KG_TIME_BUDGET": "-1"},
            "BUDGET_KG_TIME_BUDGET '-1': expected seconds, more than 0",
        ),  # noqa: E501
        ({"BUDGET_KG_FIELD_SUGGESTIONS": "maybe"}, "expected 1 or 0 (true or false)"),
        ({"BUDGET_KG_CACHE_CONTROL": "no-cache\r\nX: y"}, "expected printable ASCII"),
    ],
)
def test_bad_values_name_their_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingError) as raised:
        from_env(environ)
    assert message in str(raised.value)


def test_bad_flags_name_their_flag() -> None:
    with pytest.raises(SettingError, match="--time-budget 'soon': expected seconds"):
        with_flags(Settings(), flags("--time-budget", "soon"))


def test_fingerprint_changes_with_the_settings() -> None:
    assert Settings().fingerprint() == Settings().fingerprint()
    assert Settings().fingerprint() != Settings(max_cost=100).fingerprint()
