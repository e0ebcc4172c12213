"""What names look like (loaders/names.py): units' titles, bodies, roles, on the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders import read_document
from loaders.names import is_body_name, is_role, is_unit_name, strip_article
from tests import counted
from tests.documents import MICC, SYNTHETIC
from tests.stated import group_headings, organisation

DOCUMENTS = sorted([MICC, *SYNTHETIC.parent.glob("*.txt")])


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_every_titled_unit_is_a_unit_name(path: Path) -> None:
    document = read_document(path)
    titled = [u.name for g in document.groups for u in g.units]
    assert titled
    assert [name for name in titled if not is_unit_name(name)] == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_every_body_is_a_body_name(path: Path) -> None:
    found = counted.bodies(read_document(path))
    assert found
    assert [b for b in found if not is_body_name(b)] == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_what_a_unit_reports_to_is_a_role_or_a_unit_never_both(path: Path) -> None:
    document = read_document(path)
    named = [o for r in document.relations if r.verb in counted.ROLE_VERBS for o in r.objects]
    assert named
    assert [o for o in named if is_role(o) == is_unit_name(o)] == []


def test_the_seeds_sectors_are_not_units(micc_text: str) -> None:
    headings = group_headings(micc_text)
    assert headings and not any(is_unit_name(h) for h in headings)


def test_a_mandates_italic_subject_is_the_units_name(micc_text: str) -> None:
    """Section 4's bullets open with the unit in italics after an article:
    `- La *Direction des ressources humaines* assure...`."""
    subjects = [
        m.group(1)
        for line in organisation(micc_text)
        if (m := re.match(r"- ((?:La|Le|L') ?\*[^*]+\*)", line))
    ]
    assert len(subjects) > 10
    for subject in subjects:
        assert is_unit_name(subject), subject
        assert strip_article(subject.replace("*", "")) == subject.split("*")[1]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("la Direction des ressources financières", "Direction des ressources financières"),
        ("l’Office des personnes handicapées.", "Office des personnes handicapées"),
        ("de la Direction des communications", "Direction des communications"),
        ("aux modules", "modules"),
    ],
)
def test_strip_article(written: str, name: str) -> None:
    assert strip_article(written) == name


def test_a_role_is_not_a_unit_nor_a_body() -> None:
    for role in ("sous-ministre", "la chef de service à l'information", "sous-ministre associé"):
        assert (is_role(role), is_unit_name(role), is_body_name(role)) == (True, False, False)
    assert not is_role("Direction des ressources humaines")
