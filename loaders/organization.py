"""Section 4: groups, units and their bullets, sectors' objectives and modes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from loaders.errors import StructureError
from loaders.lines import Line, strip_markup
from loaders.names import UNIT_TITLE
from loaders.records import GroupKind, Item, OrgGroup, OrgUnit, Text
from loaders.text import fold

_BULLET = re.compile(r"(?P<indent>\s*)[-–•]\s+(?P<text>.+)")
_OBJECTIVES = re.compile(r"objectifs?\b")
_MODES = re.compile(r"modes? d'intervention")
_KINDS = (
    ("haute direction", GroupKind.EXECUTIVE),
    ("secteur", GroupKind.SECTOR),
    ("secretariat", GroupKind.SECRETARIAT),
    ("direction generale", GroupKind.GENERAL_DIRECTORATE),
)


@dataclass
class _ItemDraft:
    line: Line
    text: str
    subs: list[Item] = field(default_factory=list)

    def freeze(self) -> Item:
        return Item(self.text, tuple(self.subs), self.line.provenance)


@dataclass
class _GroupDraft:
    line: Line
    intro: list[Text] = field(default_factory=list)
    units: list[tuple[Line, list[_ItemDraft]]] = field(default_factory=list)
    # Each list heading (objectives or modes) with the items written under it.
    lists: list[tuple[str, Line, list[_ItemDraft]]] = field(default_factory=list)
    current: list[_ItemDraft] | None = None

    def items(self, kind: str) -> list[_ItemDraft]:
        return [item for found, _, items in self.lists if found == kind for item in items]

    def freeze(self) -> OrgGroup:
        name = self.line.clean
        units = tuple(
            OrgUnit(title.clean, _frozen(items), title.provenance) for title, items in self.units
        )
        return OrgGroup(
            name,
            group_kind(name),
            tuple(self.intro),
            units,
            _frozen(self.items("objectives")),
            _frozen(self.items("modes")),
            self.line.provenance,
        )


def _frozen(items: Sequence[_ItemDraft]) -> tuple[Item, ...]:
    return tuple(item.freeze() for item in items)


def group_kind(name: str) -> GroupKind:
    folded = fold(name)
    return next((kind for prefix, kind in _KINDS if folded.startswith(prefix)), GroupKind.OTHER)


def is_group_heading(line: Line) -> bool:
    """An uppercase line, unless it is a sector's list heading written in capitals."""
    text = line.clean
    capitals = text == text.upper() and any(c.isalpha() for c in text)
    return capitals and not _BULLET.fullmatch(text) and _list_heading(text) is None


def _list_heading(text: str) -> str | None:
    folded = fold(text)
    if _OBJECTIVES.match(folded):
        return "objectives"
    return "modes" if _MODES.match(folded) else None


def parse_organization(heading: Line, lines: Sequence[Line]) -> tuple[OrgGroup, ...]:
    groups: list[_GroupDraft] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_group_heading(line):
            groups.append(_GroupDraft(line))
        elif not groups:
            raise line.error(StructureError, "expected a group heading (e.g. HAUTE DIRECTION)")
        else:
            _add_line(groups[-1], line, following)
    if not groups:
        raise heading.error(StructureError, "section 4 has no group")
    for group in groups:
        _check_complete(group)
    return tuple(group.freeze() for group in groups)


def _add_line(group: _GroupDraft, line: Line, following: Line | None) -> None:
    bullet = _BULLET.fullmatch(line.text.replace("\t", " ").rstrip())
    heading = _list_heading(line.clean)
    if bullet:
        _add_bullet(group, line, bullet)
    elif heading is not None:
        group.current = []
        group.lists.append((heading, line, group.current))
    elif _is_unit_title(line, following):
        _check_unit_title(line)
        items: list[_ItemDraft] = []
        group.units.append((line, items))
        group.current = items
    elif _is_title_like(line.clean):
        raise line.error(
            StructureError,
            f'unit "{line.clean}" has no bullet (expected - paragraphs under its title: '
            "its mandate, functions and services)",
        )
    else:
        group.intro.append(Text(line.clean, line.provenance))
        group.current = None


def _is_unit_title(line: Line, following: Line | None) -> bool:
    text = line.clean
    opens_list = following is not None and _BULLET.fullmatch(following.text) is not None
    return opens_list and _is_title_shaped(text)


def _is_title_shaped(text: str) -> bool:
    return not text.endswith((".", ":")) and len(text) < 200


def _is_title_like(text: str) -> bool:
    """A line written as a unit's title (`Direction ...`, no final period), bullets or not."""
    return _is_title_shaped(text) and UNIT_TITLE.match(fold(text)) is not None


def _check_unit_title(line: Line) -> None:
    if not UNIT_TITLE.match(fold(line.clean)):
        raise line.error(
            StructureError,
            f'"{line.clean}" opens a list but is not a unit title (expected Direction ..., '
            "Service ..., Centre ..., Bureau ..., Secrétariat ...), nor Objectifs généraux "
            "or Modes d'intervention",
        )


def _add_bullet(group: _GroupDraft, line: Line, bullet: re.Match[str]) -> None:
    if group.current is None:
        raise line.error(StructureError, "bullet outside any unit, objectives or modes list")
    text = strip_markup(bullet.group("text")).strip()
    if not bullet.group("indent"):
        group.current.append(_ItemDraft(line, text))
    elif not group.current:
        raise line.error(StructureError, "sub-item ( - ) with no item above it")
    else:
        group.current[-1].subs.append(Item(text, (), line.provenance))


# Section 4 is complete by FORMAT.md's rules, so that a document cut short inside it
# is an error rather than a smaller organisation: a list has items, the last item of a
# list or unit does not announce sub-items it lacks, a sector (or any group with one
# of the two lists) has both, and a group heading has something under it.
_LIST_NAMES = {"objectives": "Objectifs généraux", "modes": "Modes d'intervention"}


def _check_complete(group: _GroupDraft) -> None:
    if not (group.intro or group.units or group.lists):
        raise group.line.error(
            StructureError,
            f'group "{group.line.clean}" has nothing under it (expected a prose line, unit '
            "titles with - bullets, or Objectifs généraux and Modes d'intervention)",
        )
    for kind, heading, items in group.lists:
        if not items:
            raise heading.error(
                StructureError,
                f'the {_LIST_NAMES[kind]} list of "{group.line.clean}" has no item '
                "(expected - items under its heading)",
            )
    for items in [items for _, _, items in group.lists] + [items for _, items in group.units]:
        if items:
            _check_last_item(items[-1])
    _check_lists(group)


def _check_last_item(item: _ItemDraft) -> None:
    if item.text.endswith(":") and not item.subs:
        raise item.line.error(
            StructureError,
            f'item "{_shortened(item.text)}" ends with ":" but nothing follows it '
            '(expected its sub-items, indented " - ")',
        )


def _check_lists(group: _GroupDraft) -> None:
    kinds = {kind for kind, _, _ in group.lists}
    if not kinds and group_kind(group.line.clean) is not GroupKind.SECTOR:
        return
    for kind, name in _LIST_NAMES.items():
        if kind not in kinds:
            raise group.line.error(
                StructureError,
                f'"{group.line.clean}" has no {name} list (a sector, or a group with '
                "either list, has both Objectifs généraux and Modes d'intervention)",
            )


def _shortened(text: str, limit: int = 60) -> str:
    """At most `limit` characters, cut at a word: `Assurer la contribution de…`."""
    return text if len(text) <= limit else f"{text[:limit].rsplit(' ', 1)[0]}…"
