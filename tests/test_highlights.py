"""Section 1, FAITS SAILLANTS: the values stated in prose, with their phrases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders import Document
from loaders.highlights import parse_highlights
from loaders.lines import split_lines
from loaders.records import Paragraph, Unit
from tests import seed


def test_highlights_paragraphs_and_their_programs(micc: Document) -> None:
    paragraphs = [(p.provenance.line_start, p.program) for p in micc.highlights]
    assert paragraphs == [
        (7, None),
        (9, None),
        (11, None),
        (13, None),
        (15, None),
        (19, 1),
        (21, 1),
        (25, 2),
        (27, 2),
    ]


# Each value's phrase, as a reader cuts it, in the order of seed.HIGHLIGHTS.
PHRASES = [
    "Le budget de dépenses 2007-2008 du portefeuille « Immigration et Communautés "
    "culturelles » est de 111 300 000 $, dont",
    "dont 110 600 000 $ sont alloués au ministère de l'Immigration et des Communautés "
    "culturelles et",
    "sont alloués au ministère de l'Immigration et des Communautés culturelles et "
    "700 000 $ au Conseil des relations interculturelles",
    "Comparativement au budget de dépenses de 2006-2007, il s'agit d'une augmentation "
    "de 5 400 000 $, soit une bonification de",
    "soit une bonification de 5,1 % de l'enveloppe budgétaire octroyée au portefeuille "
    "« Immigration et Communautés culturelles »",
    "Le budget d'investissements 2007-2008 est augmenté de 1 000 000 $, passant à",
    "passant à 6 700 000 $",
]


@pytest.mark.parametrize(
    ("stated", "phrase"),
    list(zip(seed.HIGHLIGHTS, PHRASES, strict=True)),
    ids=lambda x: x.raw if isinstance(x, seed.Prose) else "",
)
def test_highlights_stated_values(micc: Document, stated: seed.Prose, phrase: str) -> None:
    raw = stated.raw.replace("\\$", "$")
    found = [v for p in micc.highlights for v in p.values if v.raw == raw]
    assert len(found) == 1
    unit = Unit.PERCENT if raw.endswith("%") else Unit.DOLLARS
    assert (found[0].value, found[0].unit, found[0].phrase) == (stated.value, unit, phrase)
    assert found[0].provenance.line_start == stated.line


def test_highlights_state_every_value_in_order(micc: Document) -> None:
    values = [v.value for p in micc.highlights for v in p.values]
    assert values == [p.value for p in seed.HIGHLIGHTS]


def test_highlights_keep_markup_in_provenance_not_in_text(micc: Document) -> None:
    first = micc.highlights[0]
    assert "**111 300 000 \\$**" in first.provenance.text
    assert "111 300 000 $," in first.text and "*" not in first.text


def test_highlights_per_program(micc: Document) -> None:
    lines = [[p.provenance.line_start for p in program.highlights] for program in micc.programs]
    assert lines == [[19, 21], [25, 27]]


def test_highlights_years_and_plan_names_are_not_values(micc: Document) -> None:
    texts = [v.raw for p in micc.highlights for v in p.values]
    assert not any("2007" in raw or "2005" in raw for raw in texts)


def test_parse_highlights_program_headings() -> None:
    lines = split_lines(
        "x.txt",
        "Le budget est de 1 200 000 \\$.\n"
        "Programme 1 : Accueil\n"
        "Une hausse de 2,5 % et de 300 000 \\$.\n"
        "Programme 2 : Organisme relevant de la ministre\n"
        "Aucune variation.\n",
    )
    highlights = parse_highlights(lines)
    assert [(p.program, len(p.values)) for p in highlights.paragraphs] == [
        (None, 1),
        (1, 2),
        (2, 0),
    ]
    assert {n: t.text for n, t in highlights.program_names.items()} == {
        1: "Accueil",
        2: "Organisme relevant de la ministre",
    }
    assert [v.value for v in highlights.paragraphs[1].values] == [
        Decimal("2.5"),
        Decimal("300000"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("de 1\u00a0000\u00a0000 \\$.", "1\u00a0000\u00a0000 $", Decimal("1000000")),
        ("de 1\u202f000\u202f000\u00a0\\$.", "1\u202f000\u202f000\u00a0$", Decimal("1000000")),
        ("soit 12,5\u00a0%.", "12,5\u00a0%", Decimal("12.5")),
    ],
)
def test_parse_highlights_grouping_characters(text: str, raw: str, value: Decimal) -> None:
    paragraph = parse_highlights(split_lines("x.txt", text + "\n")).paragraphs[0]
    assert [(v.raw, v.value) for v in paragraph.values] == [(raw, value)]


def parse_one(text: str) -> Paragraph:
    return parse_highlights(split_lines("x.txt", text + "\n")).paragraphs[0]


@pytest.mark.parametrize(
    ("text", "unread", "unit"),
    [
        ("dont 11o 600 000 \\$ sont alloués", "11o 600 000 $", Unit.DOLLARS),
        ("dont 110 6OO 000 \\$ sont alloués", "110 6OO 000 $", Unit.DOLLARS),
        ("dont 110 OOO 000 \\$ sont alloués", "110 OOO 000 $", Unit.DOLLARS),
        ("dont l10 600 000 \\$ sont alloués", "l10 600 000 $", Unit.DOLLARS),
        ("dont l 400 000 \\$ sont alloués", "l 400 000 $", Unit.DOLLARS),
        ("dont 110 600 00 \\$ sont alloués", "110 600 00 $", Unit.DOLLARS),
        ("dont 110  600 000 \\$ sont alloués", "110  600 000 $", Unit.DOLLARS),
        ("une hausse de 5.1 % en un an", "5.1 %", Unit.PERCENT),
        ("une hausse de 5,l % en un an", "5,l %", Unit.PERCENT),
        ("une hausse de S,1 % en un an", "S,1 %", Unit.PERCENT),
        ("un budget de 111,3 M\\$ cette année", "111,3 M$", Unit.DOLLARS),
    ],
)
def test_parse_highlights_keeps_amounts_that_do_not_parse(
    text: str, unread: str, unit: Unit
) -> None:
    """An amount-like token that is no amount is kept unread, never read as a smaller one
    (`11o 600 000 $` is not 600 000 $; `110 600 00 $` is not 0 $)."""
    paragraph = parse_one(text)
    assert paragraph.values == ()
    assert [(u.raw, u.unit, u.provenance.line_start) for u in paragraph.unread] == [
        (unread, unit, 1)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le Plan stratégique 2005-2008 et le Plan d'immigration pour l'année 2007.",
        "Le Ministère entretient 3 sites web et 12 bureaux à l'étranger.",
        "Comparativement au budget de dépenses de 2006-2007, 5,1 % de plus.",
        "En 2007-2008 5 % du budget va aux régions, passant à 6 700 000 \\$.",
    ],
)
def test_parse_highlights_ordinary_numbers_are_not_unread(text: str) -> None:
    paragraph = parse_one(text)
    assert paragraph.unread == ()
    assert all(v.raw[0].isdigit() for v in paragraph.values)


def test_parse_highlights_typo_leaves_the_other_values_as_they_were() -> None:
    text = "Le budget est de 111 300 000 \\$, dont {} \\$ au Ministère et 700 000 \\$ au Conseil."
    right, wrong = parse_one(text.format("110 600 000")), parse_one(text.format("11o 600 000"))
    assert [u.raw for u in wrong.unread] == ["11o 600 000 $"]
    kept = [(v.raw, v.phrase) for v in right.values if v.raw != "110 600 000 $"]
    assert [(v.raw, v.phrase) for v in wrong.values] == kept
