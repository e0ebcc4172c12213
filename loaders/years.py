"""Fiscal years: `2007-2008`, the year before and the year after."""

from __future__ import annotations

import re

YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")
"""A fiscal year as tables and headings write it."""

WRITTEN_YEAR = re.compile(r"\b([0-9]{4})\s*[-\u2013]\s*([0-9]{4})\b")
"""A fiscal year as prose may write it (spaces, an en dash)."""


def is_fiscal_year(start: str, end: str) -> bool:
    return int(end) == int(start) + 1


def next_year(year: str) -> str:
    """The fiscal year after `year` (`2006-2007` → `2007-2008`)."""
    start = int(year[:4])
    return f"{start + 1}-{start + 2}"


def previous_year(year: str) -> str:
    """The fiscal year before `year` (`2007-2008` → `2006-2007`)."""
    start = int(year[:4])
    return f"{start - 1}-{start}"
