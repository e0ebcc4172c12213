"""What an organisation's name looks like: a unit's title, a body's name, a role."""

from __future__ import annotations

import re

from loaders.text import fold

# What a unit's title starts with (FORMAT.md lists the first five; the others are
# the usual names of a ministry's units). A combined name starts with one of them too.
UNIT_TITLE = re.compile(
    r"(?:direction|service|centre|bureau|secretariat|module|unite|cabinet|division"
    r"|delegation|commissaire|vice-presidence|equipe|direction generale)s?\b"
)
_BODY = re.compile(
    r"(?:conseil|commission|office|regie|societe|agence|institut|fondation|tribunal"
    r"|comite|commissaire|protecteur|curateur|corporation|fonds|musee|bibliotheque)s?\b"
)
_ROLE = re.compile(
    r"(?:sous-ministres?(?: adjointe?s?| associee?s?)?|ministres?|directeure?s?|directrices?"
    r"|chefs?|secretaires? generale?s?|presidente?s?|vice-presidente?s?|coordonnat(?:eur|rice)s?"
    r"|responsables?)\b"
)
_ARTICLE = re.compile(
    r"^(?:(?:les|le|la|du|des|de la|de|aux|au)\s+|(?:de l'|de l’|l'|l’)\s*)", re.IGNORECASE
)


def strip_article(name: str) -> str:
    """`la Direction A` → `Direction A`; `l’Office B` → `Office B`."""
    return _ARTICLE.sub("", name.strip(" .,;"), count=1).strip()


def is_unit_name(name: str) -> bool:
    """`Direction des ressources humaines`, `le *Service du Web*`: a unit's title."""
    return UNIT_TITLE.match(fold(strip_article(name.replace("*", "")))) is not None


def is_body_name(name: str) -> bool:
    """`Conseil des relations interculturelles`: a body reporting to the minister."""
    return _BODY.match(fold(strip_article(name.replace("*", "")))) is not None


def is_role(name: str) -> bool:
    """`sous-ministre`, `la chef de service à l'information`: a person's role."""
    return _ROLE.match(fold(strip_article(name))) is not None
