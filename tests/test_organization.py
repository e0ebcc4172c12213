"""Section 4: groups, titled units, objectives and intervention modes with sub-items."""

from __future__ import annotations

import pytest

from loaders import Document, DocumentError
from loaders.lines import split_lines
from loaders.organization import group_kind, parse_organization
from loaders.records import GroupKind, OrgGroup
from tests.documents import Layout, build, parse_text, with_line
from tests.stated import titled_units

HAUTE_DIRECTION_UNITS = [
    (121, "Secrétariat du ministère"),
    (126, "Direction de la coordination ministérielle et Bureau de l'amélioration de la qualité"),
    (130, "Direction de la recherche et de l'analyse prospective"),
    (134, "Direction des affaires publiques et des communications"),
    (139, "Direction de l'évaluation, de la vérification interne et de la sécurité"),
    (145, "Service de sécurité et des enquêtes"),
    (149, "Direction générale de l'administration"),
    (153, "Direction des ressources humaines"),
    (157, "Centre de support aux technologies"),
    (161, "Direction des systèmes d'information"),
    (165, "Direction des ressources matérielles"),
    (169, "Direction des ressources financières"),
]


def group(document: Document, name: str) -> OrgGroup:
    return next(g for g in document.groups if g.name == name)


def test_organization_groups(micc: Document) -> None:
    assert [(g.name, g.kind, g.provenance.line_start) for g in micc.groups] == [
        ("HAUTE DIRECTION", GroupKind.EXECUTIVE, 117),
        ("SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION", GroupKind.SECTOR, 175),
        ("SECTEUR DE L'INTÉGRATION", GroupKind.SECTOR, 201),
    ]


def test_organization_haute_direction_has_its_titled_units(micc: Document, micc_text: str) -> None:
    units = group(micc, "HAUTE DIRECTION").units
    assert HAUTE_DIRECTION_UNITS == titled_units(micc_text, "HAUTE DIRECTION")
    assert [(u.provenance.line_start, u.name) for u in units] == HAUTE_DIRECTION_UNITS


def test_organization_haute_direction_intro(micc: Document) -> None:
    intro = group(micc, "HAUTE DIRECTION").intro
    assert [(t.text, t.provenance.line_start) for t in intro] == [
        (
            "Sous la supervision de la sous-ministre, diverses directions offrent des "
            "services centralisés.",
            119,
        )
    ]


def test_organization_unit_paragraphs(micc: Document) -> None:
    units = group(micc, "HAUTE DIRECTION").units
    lines = {u.name: [p.provenance.line_start for p in u.paragraphs] for u in units}
    assert lines["Secrétariat du ministère"] == [123, 124]
    assert lines["Direction des affaires publiques et des communications"] == [136, 137]
    assert lines["Service de sécurité et des enquêtes"] == [147]
    assert all(len(paragraphs) >= 1 for paragraphs in lines.values())


def test_organization_unit_paragraph_text_without_markup(micc: Document) -> None:
    unit = group(micc, "HAUTE DIRECTION").units[0]
    assert unit.paragraphs[0].text.startswith("Le Secrétariat du Ministère coordonne")
    assert unit.paragraphs[0].provenance.text.startswith("- Le *Secrétariat du Ministère*")


@pytest.mark.parametrize(
    ("name", "objectives", "objective_subs", "modes", "mode_subs"),
    [
        ("SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION", 6, [0, 2, 0, 0, 0, 0], 8, [0] * 8),
        ("SECTEUR DE L'INTÉGRATION", 4, [0] * 4, 7, [0, 0, 3, 0, 0, 0, 0]),
    ],
)
def test_organization_sector_objectives_and_modes(
    micc: Document,
    name: str,
    objectives: int,
    objective_subs: list[int],
    modes: int,
    mode_subs: list[int],
) -> None:
    sector = group(micc, name)
    assert sector.units == ()
    assert len(sector.objectives) == objectives
    assert [len(item.sub_items) for item in sector.objectives] == objective_subs
    assert len(sector.modes) == modes
    assert [len(item.sub_items) for item in sector.modes] == mode_subs


def test_organization_sub_items_provenance(micc: Document) -> None:
    immigration = group(micc, "SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION")
    item = immigration.objectives[1]
    assert item.text.endswith("au développement économique du Québec :")
    assert [s.provenance.line_start for s in item.sub_items] == [181, 182]
    assert item.sub_items[0].text.startswith("en encourageant")
    integration = group(micc, "SECTEUR DE L'INTÉGRATION")
    assert [s.provenance.line_start for s in integration.modes[2].sub_items] == [215, 216, 217]


def test_organization_list_continues_across_a_page_header(micc: Document) -> None:
    modes = group(micc, "SECTEUR DE L'INTÉGRATION").modes
    assert [m.provenance.line_start for m in modes] == [212, 213, 214, 218, 219, 223, 224]


def test_organization_modes_heading_with_suffix(micc: Document) -> None:
    modes = group(micc, "SECTEUR DE L'INTÉGRATION").modes
    assert modes[0].text.startswith("L'information sur les services")


def test_organization_synthetic(synthetic: Document) -> None:
    counts = [(len(g.units), len(g.objectives), len(g.modes)) for g in synthetic.groups]
    assert counts == [(8, 0, 0), (0, 3, 3), (0, 2, 3)]
    patrimoine = synthetic.groups[2]
    assert [len(m.sub_items) for m in patrimoine.modes] == [0, 2, 0]
    assert patrimoine.modes[2].provenance.line_start == 184


@pytest.mark.parametrize("page_header_in_list", [False, True])
def test_organization_page_header_inside_a_bulleted_list(page_header_in_list: bool) -> None:
    built = build(Layout(page_header_in_list=page_header_in_list))
    document = parse_text(built.text)
    sector = document.groups[1]
    assert [len(item.sub_items) for item in sector.objectives] == [2, 0]
    assert [s.text for s in sector.objectives[0].sub_items] == [
        "en finançant des projets;",
        "en accompagnant les régions.",
    ]
    assert len(sector.modes) == 2
    assert [u.name for u in document.groups[0].units] == [
        "Direction générale de l'administration",
        "Direction des ressources humaines",
        "Direction des ressources financières",
    ]


def test_organization_page_header_between_items_of_a_unit(micc_text: str) -> None:
    text = with_line(micc_text, 124, "\nFiches explicatives\n\n" + micc_text.split("\n")[123])
    unit = group(parse_text(text), "HAUTE DIRECTION").units[0]
    assert [p.provenance.line_start for p in unit.paragraphs] == [123, 127]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("HAUTE DIRECTION", GroupKind.EXECUTIVE),
        ("SECTEUR DE L'INTÉGRATION", GroupKind.SECTOR),
        ("SECRÉTARIAT GÉNÉRAL", GroupKind.SECRETARIAT),
        ("DIRECTION GÉNÉRALE DES SERVICES", GroupKind.GENERAL_DIRECTORATE),
        ("BUREAU DU SOUS-MINISTRE", GroupKind.OTHER),
    ],
)
def test_group_kind(name: str, kind: GroupKind) -> None:
    assert group_kind(name) is kind


def parse_section_4(text: str) -> tuple[OrgGroup, ...]:
    lines = [x for x in split_lines("x.txt", text) if x.text.strip()]
    heading = lines[0]
    return parse_organization(heading, lines[1:])


def test_parse_organization_combined_unit_title() -> None:
    groups = parse_section_4(
        "4. MANDATS\n"
        "SECRÉTARIAT GÉNÉRAL\n"
        "Direction X et Bureau Y\n"
        "- La *Direction X et le Bureau Y* assure la cohérence.\n"
        "Centre Z\n"
        "- Le *Centre Z* répond.\n"
    )
    assert [u.name for u in groups[0].units] == ["Direction X et Bureau Y", "Centre Z"]
    assert groups[0].kind is GroupKind.SECRETARIAT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4. MANDATS\nDirection X\n- Elle fait.\n", r"^x\.txt:2: expected a group heading"),
        ("4. MANDATS\nHAUTE DIRECTION\n- Elle fait.\n", r"^x\.txt:3: bullet outside any unit"),
        (
            "4. MANDATS\nSECTEUR X\nObjectifs généraux\n - en faisant.\n",
            r"^x\.txt:4: sub-item \( - \) with no item above it$",
        ),
        (
            "4. MANDATS\nSECTEUR X\nMoyens d'action\n- La promotion.\n",
            r"""^x\.txt:3: "Moyens d'action" opens a list but is not a unit title""",
        ),
        (
            "4. MANDATS\nSECTEUR X\nNos objectifs\n- Favoriser.\n",
            r'^x\.txt:3: "Nos objectifs" opens a list but is not a unit title \(expected',
        ),
    ],
)
def test_parse_organization_errors(text: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        parse_section_4(text)


def test_parse_organization_empty_section(micc_text: str) -> None:
    text = "\n".join(micc_text.split("\n")[:115])
    with pytest.raises(DocumentError, match=r"^micc\.txt:115: section 4 has no group$"):
        parse_text(text, "micc.txt")


@pytest.mark.parametrize(
    ("objectives", "modes"),
    [
        ("Objectifs généraux", "Modes d'intervention"),
        ("Objectif général", "Mode d’intervention (les programmes)"),
        ("OBJECTIFS GÉNÉRAUX", "Modes d’intervention"),
    ],
)
def test_parse_organization_list_headings_as_exports_write_them(
    objectives: str, modes: str
) -> None:
    """Singular, typographic apostrophe, capitals: still the sector's lists, not units."""
    groups = parse_section_4(
        f"4. MANDATS\nSECTEUR X\n{objectives}\n- Favoriser.\n{modes}\n- La promotion.\n"
    )
    assert groups[0].units == ()
    assert [i.text for i in groups[0].objectives] == ["Favoriser."]
    assert [i.text for i in groups[0].modes] == ["La promotion."]


def cut_after(text: str, line: int) -> str:
    """The document cut short after its line `line` (1-based)."""
    return "\n".join(text.split("\n")[:line]) + "\n"


SECTOR_RULE = (
    "(a sector, or a group with either list, has both Objectifs généraux and Modes d'intervention)"
)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            169,
            'micc.txt:169: unit "Direction des ressources financières" has no bullet '
            "(expected - paragraphs under its title: its mandate, functions and services)",
        ),
        (
            175,
            'micc.txt:175: group "SECTEUR DE L\'IMMIGRATION ET DE LA FRANCISATION" has '
            "nothing under it (expected a prose line, unit titles with - bullets, or "
            "Objectifs généraux and Modes d'intervention)",
        ),
        (
            177,
            "micc.txt:177: the Objectifs généraux list of \"SECTEUR DE L'IMMIGRATION ET DE "
            'LA FRANCISATION" has no item (expected - items under its heading)',
        ),
        (
            180,
            'micc.txt:180: item "Assurer la contribution de l\'immigration au développement…" '
            'ends with ":" but nothing follows it (expected its sub-items, indented " - ")',
        ),
        (
            186,
            'micc.txt:175: "SECTEUR DE L\'IMMIGRATION ET DE LA FRANCISATION" has no Modes '
            f"d'intervention list {SECTOR_RULE}",
        ),
        (
            188,
            "micc.txt:188: the Modes d'intervention list of \"SECTEUR DE L'IMMIGRATION ET DE "
            'LA FRANCISATION" has no item (expected - items under its heading)',
        ),
        (
            210,
            "micc.txt:210: the Modes d'intervention list of \"SECTEUR DE L'INTÉGRATION\" has "
            "no item (expected - items under its heading)",
        ),
        (
            221,  # the page header after the heading's list carries nothing
            "micc.txt:201: \"SECTEUR DE L'INTÉGRATION\" has no Modes d'intervention list "
            f"{SECTOR_RULE}",
        ),
    ],
)
def test_section_4_cut_inside_a_structure_is_an_error(
    micc_text: str, line: int, message: str
) -> None:
    text = cut_after(micc_text, line)
    if line == 221:  # the modes list lost, its page header kept
        lines = micc_text.split("\n")
        text = "\n".join(lines[:208] + lines[219:221]) + "\n"
    with pytest.raises(DocumentError) as caught:
        parse_text(text, "micc.txt")
    assert str(caught.value) == message


@pytest.mark.parametrize("line", [171, 197, 213, 217, 224])
def test_section_4_cut_after_a_complete_item_reads_what_is_left(micc_text: str, line: int) -> None:
    """A cut right after a whole item of a complete group leaves a document FORMAT.md
    allows (each unit has its bullets, a sector its two lists): nothing tells it from
    a shorter one, so it loads, up to that line."""
    document = parse_text(cut_after(micc_text, line), "micc.txt")
    last = document.groups[-1]
    items = [*last.objectives, *last.modes, *(p for u in last.units for p in u.paragraphs)]
    last_line = max(
        [i.provenance.line_start for i in items]
        + [s.provenance.line_start for i in items for s in i.sub_items]
    )
    assert last_line == line


@pytest.mark.parametrize(
    "text",
    [
        # a sector with units after its lists; list headings singular, in capitals, with
        # a suffix in parentheses; a group that is only a prose line
        "4. MANDATS\nSECTEUR X\nObjectif général\n- Favoriser.\n"
        "MODES D'INTERVENTION (les programmes)\n- La promotion.\n"
        "Direction Y\n- La *Direction Y* fait.\n"
        "SECRÉTARIAT Z\nLe Secrétariat Z relève du ministère du Conseil exécutif.\n",
        # an item ending with `:` whose sub-items the export did not indent
        "4. MANDATS\nHAUTE DIRECTION\nDirection Y\n- Elle comprend :\n- la Direction A;\n"
        "- la Direction B.\n",
    ],
)
def test_section_4_variations_format_allows_are_complete(text: str) -> None:
    groups = parse_section_4(text)
    assert all(g.units or g.objectives or g.intro for g in groups)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "4. MANDATS\nSECTEUR X\nDirection Y\n- Elle fait.\n",
            r'^x\.txt:2: "SECTEUR X" has no Objectifs généraux list \(a sector',
        ),
        (
            "4. MANDATS\nDIRECTION GÉNÉRALE X\nModes d'intervention\n- La promotion.\n",
            r'^x\.txt:2: "DIRECTION GÉNÉRALE X" has no Objectifs généraux list',
        ),
        (
            "4. MANDATS\nHAUTE DIRECTION\nSECTEUR X\nObjectifs\n- A.\nModes d'intervention\n- B.\n",
            r'^x\.txt:2: group "HAUTE DIRECTION" has nothing under it',
        ),
        (
            "4. MANDATS\nHAUTE DIRECTION\nDirection Y\n- Elle fait.\nService Z\n",
            r'^x\.txt:5: unit "Service Z" has no bullet',
        ),
        (
            "4. MANDATS\nHAUTE DIRECTION\nDirection Y\n- Elle comprend :\nService Z\n- Il fait.\n",
            r'^x\.txt:4: item "Elle comprend :" ends with ":" but nothing follows it',
        ),
    ],
)
def test_section_4_incomplete_structures_are_errors(text: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        parse_section_4(text)
