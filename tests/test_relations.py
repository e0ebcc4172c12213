"""Relation statements read from prose: regroupe, comprend, relève de, supervision, advice."""

from __future__ import annotations

import re

import pytest

from loaders import Document
from loaders.names import strip_article
from loaders.records import Provenance, RelationStatement, Verb
from loaders.relations import relation_statements, split_names
from loaders.text import fold

COMBINED = "Direction de la coordination ministérielle et Bureau de l'amélioration de la qualité"


def stated(document: Document, subject: str, verb: Verb) -> list[RelationStatement]:
    return [r for r in document.relations if r.subject == subject and r.verb is verb]


def one(document: Document, subject: str, verb: Verb) -> RelationStatement:
    found = stated(document, subject, verb)
    assert len(found) == 1, found
    return found[0]


def same_unit(a: str, b: str) -> bool:
    """Names that differ only by case and articles (`le *Bureau*` / `Bureau`)."""
    words = [
        [w for w in fold(x).replace("'", "' ").split() if w not in {"le", "la", "l'"}]
        for x in (a, b)
    ]
    return words[0] == words[1]


def test_relations_direction_generale_regroupe_five_units(micc: Document) -> None:
    statement = one(micc, "Direction générale de l'administration", Verb.GROUPS)
    assert statement.objects == (
        "Direction des ressources humaines",
        "Centre de support aux technologies",
        "Direction des systèmes d'information",
        "Direction des ressources matérielles",
        "Direction des ressources financières",
    )
    assert statement.provenance.line_start == 151
    units = {u.name for g in micc.groups for u in g.units}
    assert set(statement.objects) <= units


def test_relations_secretariat_regroupe_two_units(micc: Document) -> None:
    statement = one(micc, "Secrétariat du ministère", Verb.GROUPS)
    assert len(statement.objects) == 2
    combined, research = statement.objects
    assert re.fullmatch(
        r"Direction de la coordination ministérielle et (le )?Bureau de l'amélioration "
        r"de la qualité",
        combined,
    )
    assert same_unit(combined, COMBINED)
    assert research == "Direction de la recherche et de l'analyse prospective"
    assert statement.provenance.line_start == 124
    assert statement.sentence.startswith("Il regroupe la Direction de la coordination")


def test_relations_public_affairs_has_five_modules(micc: Document) -> None:
    statement = one(micc, "Direction des affaires publiques et des communications", Verb.HAS_PARTS)
    assert statement.objects == (
        "Module Stratégie et affaires publiques",
        "Module Production et événements",
        "Module Web",
        "Module Documentation et administration",
        "Module Services à la clientèle",
    )
    assert statement.provenance.line_start == 137


def test_relations_modules_report_to_the_information_chief(micc: Document) -> None:
    subjects = [r.subject for r in micc.relations if r.verb is Verb.REPORTS_TO]
    assert subjects == [
        "Module Production et événements",
        "Module Web",
        "Module Documentation et administration",
        "Module Services à la clientèle",
    ]
    objects = {r.objects for r in micc.relations if r.verb is Verb.REPORTS_TO}
    assert objects == {("chef de service à l'information",)}


def test_relations_public_affairs_manages_three_centres(micc: Document) -> None:
    statement = one(micc, "Direction des affaires publiques et des communications", Verb.MANAGES)
    assert statement.objects == (
        "Centre de documentation",
        "Centre de gestion documentaire",
        "Centre d'appels",
    )


def test_relations_human_resources_comprend_a_service(micc: Document) -> None:
    statement = one(micc, "Direction des ressources humaines", Verb.INCLUDES)
    assert statement.objects == (
        "Service de la dotation, de la rémunération et des relations professionnelles",
    )
    assert statement.provenance.line_start == 155


def test_relations_haute_direction_under_the_deputy_minister(micc: Document) -> None:
    statement = one(micc, "HAUTE DIRECTION", Verb.SUPERVISED_BY)
    assert statement.objects == ("sous-ministre",)
    assert statement.provenance.line_start == 119


def test_relations_conseil_advises_the_minister(micc: Document) -> None:
    statement = one(micc, "Conseil des relations interculturelles", Verb.ADVISES)
    assert statement.objects == ("ministre",)
    assert statement.provenance.line_start == 25


def test_relations_micc_states_eleven_relations(micc: Document) -> None:
    counts = {verb: len([r for r in micc.relations if r.verb is verb]) for verb in Verb}
    assert counts == {
        Verb.GROUPS: 2,
        Verb.INCLUDES: 1,
        Verb.REPORTS_TO: 4,
        Verb.SUPERVISED_BY: 1,
        Verb.HAS_PARTS: 1,
        Verb.MANAGES: 1,
        Verb.ADVISES: 1,
    }


def test_relations_synthetic(synthetic: Document) -> None:
    found = [(r.subject, r.verb, r.objects) for r in synthetic.relations]
    assert found == [
        ("HAUTE DIRECTION", Verb.SUPERVISED_BY, ("sous-ministre",)),
        (
            "Direction des communications",
            Verb.MANAGES,
            ("Centre de renseignements touristiques",),
        ),
        (
            "Direction des communications",
            Verb.INCLUDES,
            ("Service des publications", "Service du Web"),
        ),
        (
            "Direction générale des services à la gestion",
            Verb.GROUPS,
            (
                "Direction des ressources humaines",
                "Direction des ressources financières et matérielles",
                "Direction des technologies de l'information",
            ),
        ),
        ("Service des publications", Verb.REPORTS_TO, ("Direction des communications",)),
        ("Commission des lieux historiques", Verb.ADVISES, ("ministre",)),
    ]


def statements(owner: str, text: str, known: tuple[str, ...] = ()) -> list[RelationStatement]:
    provenance = Provenance("x.txt", 1, 1, text)
    return list(relation_statements(owner, [provenance], known))


@pytest.mark.parametrize(
    ("text", "verb", "objects"),
    [
        (
            "- Elle regroupe la Direction A, le Centre B et la Direction C.",
            Verb.GROUPS,
            ("Direction A", "Centre B", "Direction C"),
        ),
        (
            "- Il regroupe la Direction A ainsi que le Service B.",
            Verb.GROUPS,
            ("Direction A", "Service B"),
        ),
        (
            "- Elle comprend le Service de la paie, de la dotation et des relations.",
            Verb.INCLUDES,
            ("Service de la paie, de la dotation et des relations",),
        ),
        ("- Le *Service X* relève de la Direction Y.", Verb.REPORTS_TO, ("Direction Y",)),
        (
            "Sous l'autorité du sous-ministre, les directions offrent des services.",
            Verb.SUPERVISED_BY,
            ("sous-ministre",),
        ),
        (
            "Sous la supervision de la sous-ministre, diverses directions offrent des services.",
            Verb.SUPERVISED_BY,
            ("sous-ministre",),
        ),
    ],
)
def test_relation_statements_verbs(text: str, verb: Verb, objects: tuple[str, ...]) -> None:
    found = statements("Direction Z", text)
    assert [(r.verb, r.objects) for r in found] == [(verb, objects)]


def test_relation_statements_subject_from_italic_name() -> None:
    found = statements("Direction Z", "- Le *Service X* relève de la Direction Y.")
    assert found[0].subject == "Service X"


def test_relation_statements_pronoun_subject_is_the_owner() -> None:
    found = statements("Direction Z", "- Elle comprend le Service W.")
    assert found[0].subject == "Direction Z"


def test_relation_statements_keep_a_known_combined_name_whole() -> None:
    text = "- Il regroupe la Direction A et le Bureau B ainsi que la Direction C."
    found = statements("Secrétariat", text, ("Direction A et Bureau B", "Direction C"))
    assert found[0].objects == ("Direction A et le Bureau B", "Direction C")
    unknown = statements("Secrétariat", text)
    assert unknown[0].objects == ("Direction A", "Bureau B", "Direction C")


def test_relation_statements_ignore_other_words() -> None:
    text = (
        "- Les activités sont regroupées dans ce programme. Elle suggère des stratégies "
        "et conseille les autorités. Les directions qui en relèvent offrent des services."
    )
    assert statements("Direction Z", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "- Elle regroupe les directions chargées du personnel, du budget et des biens.",
        "- Il regroupe les unités qui offrent des services centralisés au Ministère.",
        "- Elle comprend le bureau du sous-ministre et les directions qui le soutiennent.",
    ],
)
def test_relation_statements_a_common_noun_names_no_unit(text: str) -> None:
    """Units described, not named (lowercase nouns, as the family never titles a unit)."""
    assert statements("Direction générale Z", text) == []


def test_relation_statements_a_known_title_in_lowercase_is_still_a_unit() -> None:
    text = "- Elle regroupe la direction des communications et la Direction des finances."
    found = statements("Direction générale Z", text, ("Direction des communications",))
    assert found[0].objects == ("direction des communications", "Direction des finances")
    unknown = statements("Direction générale Z", text)
    assert unknown[0].objects == ("Direction des finances",)


def test_relation_statements_advice() -> None:
    found = statements(
        "Organisme", "Le Conseil X a pour mission de conseiller la ministre de l'Immigration."
    )
    assert [(r.subject, r.verb, r.objects) for r in found] == [
        ("Conseil X", Verb.ADVISES, ("ministre",))
    ]


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("la Direction A", "Direction A"),
        ("le Centre B", "Centre B"),
        ("l'Équipe C", "Équipe C"),
        ("les Services D.", "Services D"),
        ("Direction E", "Direction E"),
    ],
)
def test_strip_article(name: str, bare: str) -> None:
    assert strip_article(name) == bare


def test_split_names_keeps_lowercase_continuations() -> None:
    names = split_names("le Service de la dotation, de la rémunération et des relations", ())
    assert names == ["le Service de la dotation, de la rémunération et des relations"]


@pytest.mark.parametrize(
    ("owner", "text"),
    [
        ("Programme 1", "Ce programme regroupe les activités de promotion et de recherche."),
        (None, "Il comprend pour la première fois 1 500 000 $ pour les aînés."),
        ("Direction Z", "- Elle gère les programmes d'aide financière aux municipalités."),
        ("Direction Z", "- Elle comprend trois volets : la prévention, le soutien et l'accueil."),
        (None, "Le secteur regroupe la Direction A et la Direction B."),
    ],
)
def test_relation_statements_link_only_named_units(owner: str | None, text: str) -> None:
    """A relation links units, bodies and roles; other objects or subjects state none."""
    provenance = Provenance("x.txt", 1, 1, text)
    assert list(relation_statements(owner, [provenance], ())) == []


def test_relation_statements_the_sector_is_its_owner() -> None:
    text = (
        "Sous l'autorité du sous-ministre adjoint, le secteur regroupe la Direction A "
        "et le Centre B."
    )
    found = statements("SECTEUR DES RÉGIONS", text)
    assert [(s.subject, s.verb, s.objects) for s in found] == [
        ("SECTEUR DES RÉGIONS", Verb.SUPERVISED_BY, ("sous-ministre adjoint",)),
        ("SECTEUR DES RÉGIONS", Verb.GROUPS, ("Direction A", "Centre B")),
    ]


def test_relation_statements_do_not_cut_a_known_name() -> None:
    known = ("Direction des orientations en urbanisme", "Direction C")
    text = "- Il regroupe la Direction des orientations en urbanisme et la Direction C."
    (found,) = statements("Secteur", text, known)
    assert found.objects == known
    (cut,) = statements("Secteur", "- Il regroupe la Direction D en région.", known)
    assert cut.objects == ("Direction D",)


def test_relation_statements_in_prose_of_no_unit_name_their_subject() -> None:
    text = "Le Conseil X a pour mission de conseiller la ministre. Il regroupe la Direction Y."
    found = list(relation_statements(None, [Provenance("x.txt", 1, 1, text)], ()))
    assert [(s.subject, s.verb, s.objects) for s in found] == [
        ("Conseil X", Verb.ADVISES, ("ministre",))
    ]
