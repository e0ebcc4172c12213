"""The `Decimal` scalar: exact, plain decimal strings, finite values only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema.scalars import parse_decimal, serialize_decimal


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("110585.5"), "110585.5"),
        (Decimal("1.1E+5"), "110000"),
        (Decimal("5E-7"), "0.0000005"),
        (Decimal("-1.5"), "-1.5"),
        (Decimal("0.0"), "0.0"),
        (Decimal("99.30"), "99.30"),
    ],
)
def test_serialize_decimal_writes_plain_digits(value: Decimal, text: str) -> None:
    assert serialize_decimal(value) == text


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), 1.5, "1.5"])
def test_serialize_decimal_rejects_what_is_not_a_finite_decimal(value: object) -> None:
    with pytest.raises(ValueError, match="expected a finite Decimal"):
        serialize_decimal(value)


@pytest.mark.parametrize(("value", "parsed"), [("12.5", Decimal("12.5")), (3, Decimal(3))])
def test_parse_decimal(value: object, parsed: Decimal) -> None:
    assert parse_decimal(value) == parsed


@pytest.mark.parametrize("value", ["twelve", "NaN", "-Infinity", None, [1]])
def test_parse_decimal_rejects_what_is_not_a_finite_number(value: object) -> None:
    with pytest.raises(ValueError, match="Decimal cannot represent"):
        parse_decimal(value)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_serialize_decimal_round_trips_exactly(value: Decimal) -> None:
    text = serialize_decimal(value)
    assert "E" not in text.upper()
    assert parse_decimal(text) == value
