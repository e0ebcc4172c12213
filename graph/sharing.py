"""How a snapshot pickles a graph: each frozen record as a call of its class, and a
record (or a string in a record) equal to one already written as that one.

Pickle's default for a frozen slotted dataclass restores each object through
`dataclasses`' Python `__setstate__`, which looks the fields up again for every one:
at 1,000 documents, 2.2 s of the 2.8 s a snapshot took to read. Called with its
field values, a record costs its `__init__` alone. And the builder makes equal records
over and over (of a document's 172 provenances, 80 differ): written once, each is
read back once, and the graph read holds one object where the built graph held several
equal ones (records are frozen, and compared by value, never by identity).

Equal means the same type and the same fields, strictly: `Decimal("1.0")` and
`Decimal("1.00")` are equal numbers but not the same text, `True` is not `1`.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Hashable
from decimal import Decimal
from typing import IO, Any

_BY_VALUE = (str, int, bool, type(None))
"""The field types compared by value; any other field is compared by identity, once its
own equal copies are one object (records, tuples of them) or as it is (enums)."""


def same(record: object) -> object:
    """What a record equal to one written before is read back as: that one."""
    return record


def fields_of(kind: type) -> tuple[str, ...] | None:
    """The fields of a frozen dataclass compared by value whose `__init__` takes all of
    them in order; None for any other type (pickled as pickle does)."""
    params = getattr(kind, "__dataclass_params__", None)
    if not dataclasses.is_dataclass(kind) or not (params.frozen and params.eq):  # type: ignore[union-attr]
        return None
    found = dataclasses.fields(kind)
    if any(not f.init or f.kw_only for f in found):
        return None
    return tuple(f.name for f in found)


def _key(value: object) -> Hashable:
    kind = type(value)
    if kind in _BY_VALUE:
        return (kind, value)
    if kind is Decimal:
        return (kind, str(value))
    return id(value)


class SharingPickler(pickle.Pickler):
    """A pickler (protocol 5) writing records by their class and equal ones once."""

    def __init__(self, file: IO[bytes]) -> None:
        super().__init__(file, protocol=5)
        self.canonical: dict[Hashable, Any] = {}
        """Each string, record or tuple of records written, under its strict key: kept
        alive while pickling, so the ids in the keys stay valid."""
        self.seen: dict[int, tuple[object, object]] = {}
        """id of an object met -> (the object, kept alive; the one written for it)."""
        self.fields: dict[type, tuple[str, ...] | None] = {}

    def fields_of(self, kind: type) -> tuple[str, ...] | None:
        if kind not in self.fields:
            self.fields[kind] = fields_of(kind)
        return self.fields[kind]

    def reducer_override(self, obj: Any) -> Any:
        names = self.fields_of(type(obj))
        if names is None:
            return NotImplemented
        canonical = self.shared(obj)
        if canonical is not obj:
            return same, (canonical,)
        return type(obj), tuple(getattr(obj, name) for name in names)

    def shared(self, value: Any) -> Any:
        """The one object written for `value` and the values equal to it."""
        kind = type(value)
        if kind is str:
            return self.canonical.setdefault(value, value)
        names = () if kind is tuple else self.fields_of(kind)
        if names is None:
            return value
        if (met := self.seen.get(id(value))) is not None:
            return met[1]
        parts = tuple(value) if kind is tuple else tuple(getattr(value, n) for n in names)
        shared = tuple(self.shared(part) for part in parts)
        unchanged = all(a is b for a, b in zip(shared, parts, strict=True))
        built = value if unchanged else shared if kind is tuple else kind(*shared)
        canonical = self.canonical.setdefault((kind, *map(_key, shared)), built)
        self.seen[id(value)] = (value, canonical)
        return canonical
