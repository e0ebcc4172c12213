"""French amounts and percentages as exact `Decimal` values."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

# Thousands are grouped by a space, a no-break space or a narrow no-break space.
_GROUP = "[ \u00a0\u202f]"
_MAGNITUDE = rf"(?:[0-9]{{1,3}}(?:{_GROUP}[0-9]{{3}})+|[0-9]+)(?:,[0-9]+)?"
_SIGNED = re.compile(rf"(?P<sign>[-\u2013\u2212]?)(?P<magnitude>{_MAGNITUDE})")
_PARENTHESIZED = re.compile(rf"\((?P<magnitude>{_MAGNITUDE})\)")
_GROUPING = re.compile(_GROUP)
# `n.d.` (non disponible), `s.o.` (sans objet), `n/a`, in any case, with or without
# dots or a slash; or a lone dash (the export writes — as – or - too).
_NOT_COMPUTABLE = re.compile(r"(?:n\.?\s*/?\s*[da]|s\.?\s*/?\s*o)\.?|[—–-]", re.IGNORECASE)

AMOUNT_EXAMPLE = "3 794,8"


@lru_cache(maxsize=4096)  # a document writes its amounts in several tables and its prose
def parse_number(text: str) -> Decimal | None:
    """Parse a French number (`1 234,5`, `(1,5)`, `-2,7`, `–0,3`), or None.

    Negative values are written `(x)`, `-x`, `–x` (en dash) or `−x` (minus sign).
    """
    cleaned = text.strip()
    match = _PARENTHESIZED.fullmatch(cleaned)
    negative = match is not None
    if match is None:
        match = _SIGNED.fullmatch(cleaned)
        negative = match is not None and match.group("sign") != ""
    if match is None:
        return None
    digits = _GROUPING.sub("", match.group("magnitude")).replace(",", ".")
    value = Decimal(digits)
    return -value if negative else value


def is_not_computable(text: str) -> bool:
    """Whether a percentage cell says the change cannot be computed: a marker, or empty."""
    cleaned = text.strip()
    return not cleaned or _NOT_COMPUTABLE.fullmatch(cleaned) is not None


def decimal_places(value: Decimal) -> int:
    """How many decimals a parsed number was written with (`3 794,8` → 1, `969` → 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def french_number(value: Decimal, places: int) -> str:
    """`value` written as the documents write it, rounded half-up to `places` decimals:
    `Decimal("51200")`, 1 → `51 200,0`; `Decimal("-1.524")`, 1 → `-1,5`."""
    step = Decimal(1).scaleb(-places)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    grouped = f"{abs(rounded):,.{places}f}".replace(",", " ").replace(".", ",")
    return f"-{grouped}" if rounded < 0 else grouped
