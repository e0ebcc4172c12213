"""French numbers: grouping characters, decimal comma, the four ways to write a negative."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders.numbers import decimal_places, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,0", Decimal("0.0")),
        ("8,0", Decimal("8.0")),
        ("727,8", Decimal("727.8")),
        ("3 794,8", Decimal("3794.8")),
        ("110 585,5", Decimal("110585.5")),
        ("1 234 567,8", Decimal("1234567.8")),
        ("3794,8", Decimal("3794.8")),
        ("969", Decimal("969")),
        ("111 300 000", Decimal("111300000")),
        ("3\u00a0794,8", Decimal("3794.8")),
        ("3\u202f794,8", Decimal("3794.8")),
        ("1\u00a0234\u202f567,8", Decimal("1234567.8")),
        ("  5,1  ", Decimal("5.1")),
        ("12,34", Decimal("12.34")),
    ],
)
def test_parse_number_positive(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("(1,5)", Decimal("-1.5")),
        ("(1 234,5)", Decimal("-1234.5")),
        ("-1 234,5", Decimal("-1234.5")),
        ("–1 234,5", Decimal("-1234.5")),
        ("−1 234,5", Decimal("-1234.5")),
        ("-2,7", Decimal("-2.7")),
        ("–0,3", Decimal("-0.3")),
        ("(577,6)", Decimal("-577.6")),
        ("(1\u00a0500,0)", Decimal("-1500.0")),
    ],
)
def test_parse_number_negative(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "%",
        "(000 $)",
        "2007-2008",
        "3 79A,8",
        "37 94,8",
        "3 7948,0",
        "1 23,4",
        "1  234,5",
        "1 234 56,7",
        "1.234,5",
        "1,234.5",
        ",5",
        "5,",
        "(1,5",
        "1,5)",
        "-(1,5)",
        "(-1,5)",
        "--1,5",
        "- 1,5",
        "+1,5",
        "1,5 %",
        "1 234,5 $",
        "12e3",
        "NaN",
        "Infinity",
        "٣",
        "1\t234,5",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_is_exact_decimal() -> None:
    values = [parse_number(x) for x in ("0,1", "0,2", "0,3")]
    assert all(isinstance(x, Decimal) for x in values)
    assert values[0] is not None and values[1] is not None
    assert values[0] + values[1] == values[2]


def test_parse_number_keeps_the_written_decimals() -> None:
    value = parse_number("3 794,8")
    assert value is not None and str(value) == "3794.8"
    zero = parse_number("0,0")
    assert zero is not None and str(zero) == "0.0"


@pytest.mark.parametrize(
    ("text", "places"), [("969", 0), ("3 794,8", 1), ("(1,5)", 1), ("0,00", 2), ("-0,0", 1)]
)
def test_decimal_places(text: str, places: int) -> None:
    value = parse_number(text)
    assert value is not None and decimal_places(value) == places


def test_parse_number_negative_zero_equals_zero() -> None:
    value = parse_number("(0,0)")
    assert value is not None and value == 0
