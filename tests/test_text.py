"""French text for matching (loaders/text.py), on the seed's own spellings."""

from __future__ import annotations

import pytest

from loaders.text import (
    ARTICLES,
    FUNCTION_WORDS,
    content_tokens,
    fold,
    name_key,
    related_stems,
    sentence_ends,
    sentences,
    stem,
    stems,
    terms,
    words,
)
from tests import seed


def line(text: str, number: int) -> str:
    return text.splitlines()[number - 1]


def test_fold_ignores_case_accents_and_typography() -> None:
    assert fold("SECTEUR DE L'INTÉGRATION") == fold("Secteur de l’intégration")
    assert fold("Œuvre d’art") == "oeuvre d'art"
    assert fold("main-d'œuvre") == "main-d'oeuvre"


def test_words_of_an_element_row_label() -> None:
    label = seed.ELEMENTS[2].name  # Intégration, Régionalisation et Relations interculturelles
    assert words(label) == ["integration", "regionalisation", "et", "relations", "interculturelles"]


@pytest.mark.parametrize(
    ("heading", "mandate"),
    [(121, 123), (126, 128), (153, 155), (169, 171)],
)
def test_a_units_heading_and_its_italic_name_share_a_key(
    micc_text: str, heading: int, mandate: int
) -> None:
    """Section 4 titles a unit, then names it in italics after an article (`Le
    *Secrétariat du Ministère*` under `Secrétariat du ministère`; `et le Bureau` under
    `et Bureau`)."""
    italic = line(micc_text, mandate).split("*")[1]
    assert name_key(line(micc_text, heading)) == name_key(italic)
    assert not set(name_key(italic).split()) & ARTICLES


def test_stem_brings_a_word_family_together(micc_text: str) -> None:
    """Element 1.1 `Immigration` and the definition's `immigrants` (line 103)."""
    assert stem("immigration") == stem("immigrants")
    assert stem("touristique") == stem("tourisme") == "tour"
    assert stem("communications") != stem("communautes")  # stem takes folded words
    assert stem("medicaux") == stem("medical")
    assert stem("immigration") in stems(line(micc_text, 103))


def test_stems_leave_out_short_and_empty_words() -> None:
    heading = "SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION"
    assert stems(heading) == {stem("secteur"), stem("immigration"), stem("francisation")}
    assert terms("les TIC et la PME") == ["tic", "pme"]  # short words count in a search


def test_sentences_split_a_highlight_and_join_back(micc_text: str) -> None:
    """Line 15 is three sentences; the first ends with a bold amount (`**6 700 000 \\$**.`)."""
    text = line(micc_text, 15)
    found = sentences(text)
    assert len(found) == 3
    assert found[0].endswith("**6 700 000 \\$**.")
    assert " ".join(found) == text
    assert [text[:end].rstrip() for end in sentence_ends(text)] == [
        " ".join(found[: i + 1]) for i in range(len(found) - 1)
    ]


def test_a_sentence_does_not_end_inside_a_decimal(micc_text: str) -> None:
    assert sentences(line(micc_text, 9)) == [line(micc_text, 9)]  # `5,1 %` and `5 400 000 $`


def test_content_tokens_quote_their_words(micc_text: str) -> None:
    text = line(micc_text, 119)  # Sous la supervision de la sous-ministre, diverses ...
    found = content_tokens(text)
    assert [t.word for t in found] == [fold(text[t.start : t.end]) for t in found]
    assert not {t.word for t in found} & FUNCTION_WORDS
    assert [t.word for t in found][:2] == ["supervision", "ministre"]
    assert {t.stem for t in found} >= {stem("services"), stem("centralises")}  # folded words


def test_related_stems_are_one_word_family() -> None:
    assert related_stems(stem("universite"), stem("universitaire"))
    assert related_stems(stem("sport"), stem("sportive"))
    assert not related_stems(stem("communications"), stem("communautes"))
    assert not related_stems("tour", "tourn")  # a prefix shorter than five letters
