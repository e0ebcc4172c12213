"""The `Decimal` scalar: exact decimal numbers written as plain decimal strings."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import strawberry
from strawberry.types.scalar import ScalarDefinition

DESCRIPTION = (
    "An exact decimal number, written as a plain decimal string: "
    '"110585.5", never "1.1E+5" and never a binary float. Finite values only.'
)


def serialize_decimal(value: object) -> str:
    """`Decimal("1.1E+5")` → `"110000"`: fixed-point, every digit kept."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueError(f"Decimal cannot represent {value!r}: expected a finite Decimal")
    return format(value, "f")


def parse_decimal(value: object) -> Decimal:
    """A string such as `"110585.5"` (numbers are accepted too, by their text)."""
    if not isinstance(value, str | int | float):
        raise ValueError(f'Decimal cannot represent {value!r}: expected a string such as "12.5"')
    try:
        parsed = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f'Decimal cannot represent "{value}": expected e.g. "12.5"') from None
    if not parsed.is_finite():
        raise ValueError(f'Decimal cannot represent "{value}": it is not finite')
    return parsed


DECIMAL: ScalarDefinition = strawberry.scalar(
    name="Decimal",
    description=DESCRIPTION,
    serialize=serialize_decimal,
    parse_value=parse_decimal,
)

SCALARS: dict[object, ScalarDefinition] = {Decimal: DECIMAL}
"""For `StrawberryConfig(scalar_map=SCALARS)`: every `Decimal` field uses this scalar."""
