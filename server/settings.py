"""What an operator may configure: every limit and header of the HTTP service, each with
its default, its `serve` flag and its environment variable.

One table (`KNOBS`) gives all three, so `serve`, `app_factory` (several workers read the
environment) and the README's table cannot drift apart. A flag given to `serve` wins
over the environment, which wins over the default.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from schema.limits import QueryLimits

DEFAULT_CORS_HEADERS = (
    "Content-Type",
    "Authorization",
    "Apollo-Require-Preflight",
    "X-Apollo-Operation-Name",
    "Apollographql-Client-Name",
    "Apollographql-Client-Version",
    "If-None-Match",
)


class SettingError(ValueError):
    """A setting's value cannot be used: the message names the flag or variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The service's limits and headers (defaults: GraphQL Armor's for the limits)."""

    max_depth: int = 6
    max_cost: int = 5000
    max_aliases: int = 15
    max_directives: int = 50
    max_tokens: int = 1000
    max_characters: int = 15_000
    max_list_items: int = 100
    max_body_bytes: int = 1_048_576
    max_batch: int = 10
    time_budget: float = 5.0
    apq_entries: int = 1000
    result_cache_bytes: int = 64 * 1024 * 1024
    field_suggestions: bool = False
    cache_control: str = "no-cache"
    cors_origins: tuple[str, ...] = ()
    cors_headers: tuple[str, ...] = DEFAULT_CORS_HEADERS

    @property
    def limits(self) -> QueryLimits:
        return QueryLimits(
            depth=self.max_depth,
            cost=self.max_cost,
            aliases=self.max_aliases,
            directives=self.max_directives,
            tokens=self.max_tokens,
            suggestions=self.field_suggestions,
        )

    def fingerprint(self) -> str:
        """Changes with any setting that can change an answer (part of every ETag)."""
        return hashlib.sha256(repr(asdict(self)).encode()).hexdigest()[:12]


def positive(text: str) -> int:
    return _whole(text, 1)


def natural(text: str) -> int:
    return _whole(text, 0)


def _whole(text: str, low: int) -> int:
    expected = f"expected a whole number of {low} or more"
    try:
        value = int(text.strip()) if len(text) <= 18 else low - 1
    except ValueError:
        raise ValueError(expected) from None
    if value < low:
        raise ValueError(expected)
    return value


def seconds(text: str) -> float:
    expected = "expected seconds, more than 0 and less than a day (e.g. 5 or 0.5)"
    try:
        value = float(text) if len(text) <= 18 else 0.0
    except ValueError:
        raise ValueError(expected) from None
    if not 0 < value < 86_400:
        raise ValueError(expected)
    return value


def switch(text: str) -> bool:
    if text.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if text.strip().lower() in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("expected 1 or 0 (true or false)")


def header_value(text: str) -> str:
    if not text.strip() or not text.isprintable() or not text.isascii():
        raise ValueError("expected printable ASCII, e.g. `no-cache` or `public, max-age=60`")
    return text.strip()


def names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


@dataclass(frozen=True, slots=True)
class Knob:
    """One setting: its `Settings` field, `serve` flag, environment variable and help."""

    field: str
    flag: str
    env: str
    parse: Callable[[str], Any]
    help: str
    repeated: bool = False
    """A list: the flag may be repeated, the variable is comma-separated."""


KNOBS = (
    Knob(
        "max_depth",
        "--max-depth",
        "BUDGET_KG_MAX_DEPTH",
        positive,
        "levels of fields a query may nest",
    ),
    Knob("max_cost", "--max-cost", "BUDGET_KG_MAX_COST", positive, "the most a query may cost"),
    Knob(
        "max_aliases", "--max-aliases", "BUDGET_KG_MAX_ALIASES", natural, "aliases a query may hold"
    ),
    Knob(
        "max_directives",
        "--max-directives",
        "BUDGET_KG_MAX_DIRECTIVES",
        natural,
        "directives a query may hold",
    ),
    Knob("max_tokens", "--max-tokens", "BUDGET_KG_MAX_TOKENS", positive, "tokens a query may hold"),
    Knob(
        "max_characters",
        "--max-characters",
        "BUDGET_KG_MAX_CHARACTERS",
        positive,
        "characters a query may hold",
    ),
    Knob(
        "max_list_items",
        "--max-list-items",
        "BUDGET_KG_MAX_LIST_ITEMS",
        positive,
        "items a list in the variables may hold",
    ),
    Knob(
        "max_body_bytes",
        "--max-body-bytes",
        "BUDGET_KG_MAX_BODY_BYTES",
        positive,
        "bytes a request body may hold",
    ),
    Knob(
        "max_batch",
        "--max-batch",
        "BUDGET_KG_MAX_BATCH",
        natural,
        "operations a batch may hold (0: no batches)",
    ),
    Knob(
        "time_budget",
        "--time-budget",
        "BUDGET_KG_TIME_BUDGET",
        seconds,
        "seconds a request may run before it is stopped",
    ),
    Knob(
        "apq_entries",
        "--apq-entries",
        "BUDGET_KG_APQ_ENTRIES",
        natural,
        "persisted queries kept (0: no persisted queries)",
    ),
    Knob(
        "result_cache_bytes",
        "--result-cache-bytes",
        "BUDGET_KG_RESULT_CACHE_BYTES",
        natural,
        "bytes of encoded answers kept for repeated queries (0: none)",
    ),
    Knob(
        "field_suggestions",
        "--field-suggestions",
        "BUDGET_KG_FIELD_SUGGESTIONS",
        switch,
        "let errors suggest names (they tell of the schema)",
    ),
    Knob(
        "cache_control",
        "--cache-control",
        "BUDGET_KG_CACHE_CONTROL",
        header_value,
        "the Cache-Control header of GraphQL, /health and other GET answers",
    ),
    Knob(
        "cors_origins",
        "--cors-origin",
        "BUDGET_KG_CORS_ORIGINS",
        names,
        "a browser origin allowed to call the API (`*` for any)",
        repeated=True,
    ),
    Knob(
        "cors_headers",
        "--cors-header",
        "BUDGET_KG_CORS_HEADERS",
        names,
        "a request header browsers may send (replaces the default list)",
        repeated=True,
    ),
)


def from_env(environ: Mapping[str, str]) -> Settings:
    """The settings the environment gives (the rest: defaults)."""
    given = {k.field: _parsed(k, k.env, environ[k.env]) for k in KNOBS if k.env in environ}
    return Settings(**given)


def _parsed(knob: Knob, where: str, text: str) -> Any:
    try:
        return knob.parse(text)
    except ValueError as exc:
        raise SettingError(f"{where} {text!r}: {exc}") from None


def add_flags(parser: argparse.ArgumentParser) -> None:
    """One flag a knob, its default shown (the flag's own default None means: not given)."""
    defaults = Settings()
    for knob in KNOBS:
        default = getattr(defaults, knob.field)
        shown = ", ".join(default) if isinstance(default, tuple) else default
        text = f"{knob.help} (default: {shown or 'none'}; env {knob.env})"
        if knob.parse is switch:
            parser.add_argument(
                knob.flag, dest=knob.field, action="store_true", default=None, help=text
            )
        elif knob.repeated:
            parser.add_argument(knob.flag, dest=knob.field, action="append", help=text)
        else:
            parser.add_argument(knob.flag, dest=knob.field, help=text)


def with_flags(settings: Settings, args: argparse.Namespace) -> Settings:
    """`settings` with the flags given on the command line (checked like the environment)."""
    changes: dict[str, Any] = {}
    for knob in KNOBS:
        value = getattr(args, knob.field, None)
        if value is None:
            continue
        if knob.repeated:
            changes[knob.field] = tuple(n for v in value for n in names(v))
        elif knob.parse is switch:
            changes[knob.field] = bool(value)
        else:
            changes[knob.field] = _parsed(knob, knob.flag, value)
    return replace(settings, **changes)


def to_env(settings: Settings) -> dict[str, str]:
    """The environment that gives `settings` to `app_factory` (each worker)."""
    found: dict[str, str] = {}
    for knob in KNOBS:
        value = getattr(settings, knob.field)
        found[knob.env] = ",".join(value) if isinstance(value, tuple) else _text(value)
    return found


def _text(value: object) -> str:
    return ("1" if value else "0") if isinstance(value, bool) else str(value)
