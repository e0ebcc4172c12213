"""Relation statements: sentences that say which unit groups, includes, manages or
reports to which, who supervises a group, and who advises the minister."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from loaders.names import is_body_name, is_role, is_unit_name, strip_article
from loaders.records import Provenance, RelationStatement, Verb
from loaders.text import fold, name_key, sentences

_SEPARATOR = re.compile(r"(,\s+|\s+ainsi que\s+|\s+de même que\s+|\s+et\s+)")
_NAME_START = re.compile(r"^(?:(?:le|la|les|l'|l’)\s*)?[A-ZÀ-ÖØ-Þ]")
_ITALIC = re.compile(r"\*(?P<name>[^*]+)\*")
_PRONOUN = re.compile(r"^(?:il|elle|ils|elles|celui-ci|celle-ci)$", re.IGNORECASE)
# `le secteur regroupe ...`, `Cette direction comprend ...`: the owner, by a common noun.
_OWN_NOUN = re.compile(
    r"^(?:(?:le|la|l'|l’|ce|cet|cette)\s*)(?:secteur|direction(?: generale)?|service|centre|bureau"
    r"|secretariat|unite|division|module|equipe|organisme)$"
)
_LEAD_CLAUSE = re.compile(
    r"^Sous (?:la supervision|l'autorité|l’autorité)\b[^,]*,\s*", re.IGNORECASE
)
_LIST_VERBS = (
    (Verb.GROUPS, re.compile(r"\bregroupe(?:nt)?\s+(?P<objects>.+)")),
    (Verb.INCLUDES, re.compile(r"\bcompren(?:d|nent)\s+(?P<objects>.+)")),
    (Verb.MANAGES, re.compile(r"\bgère(?:nt)?\s+(?P<objects>.+)")),
    (Verb.REPORTS_TO, re.compile(r"\brelève(?:nt)?\s+(?P<objects>(?:de|du|des)\b.+)")),
    (Verb.ADVISES, re.compile(r"\ba pour mission de conseiller\s+(?P<objects>(?:le|la)\s+\S+)")),
)
_SUPERVISED = re.compile(
    r"^Sous (?:la supervision|l'autorité|l’autorité)\s+(?:de la|de l'|du|de)\s*(?P<objects>[^,]+),",
    re.IGNORECASE,
)
_HAS_PARTS = re.compile(r"\bcomporte(?:nt)?\s+(?P<count>\S+)\s+(?P<noun>\w+?)s?\b\.?")
_OBJECT_END = re.compile(r"\s*(?:[.;:(]|\s+(?:en|dans|pour|afin|qui|au sein)\b)")


def relation_statements(
    owner: str | None, paragraphs: Iterable[Provenance], known: Sequence[str]
) -> Iterator[RelationStatement]:
    """The relations stated in `paragraphs`, which belong to `owner` (a unit or group;
    None for prose of no unit, whose sentences must name their subject).

    A relation links units, bodies and roles: a sentence whose subject or objects
    are not names of those (`Ce programme regroupe les activités ...`, `Il comprend
    1 500 000 $ ...`) states none.

    `known` are the unit titles of the document, used to keep a combined name
    (`Direction X et Bureau Y`) whole when it appears in a list.
    """
    for provenance in paragraphs:
        raw = re.sub(r"^\s*[-–•]\s+", "", provenance.text).replace("\\$", "$")
        split = sentences(raw)
        for index, sentence in enumerate(split):
            yield from _statements(owner, sentence, split[index + 1 :], known, provenance)


def _statements(
    owner: str | None,
    sentence: str,
    rest: Sequence[str],
    known: Sequence[str],
    prov: Provenance,
) -> Iterator[RelationStatement]:
    plain = _plain(sentence)
    if (match := _SUPERVISED.match(plain)) and owner is not None:
        yield _statement(owner, Verb.SUPERVISED_BY, [match.group("objects")], plain, prov)
    if match := _HAS_PARTS.search(plain):
        parts = _named_parts(match.group("noun"), rest)
        subject = _subject(owner, sentence, plain[: match.start()])
        if subject and parts:
            yield _statement(subject, Verb.HAS_PARTS, parts, plain, prov)
    for verb, pattern in _LIST_VERBS:
        if match := pattern.search(plain):
            objects = [
                name
                for name in split_names(_objects_text(match.group("objects"), known), known)
                if _is_object(verb, name) and _is_named(verb, name, known)
            ]
            subjects = _subjects(owner, sentence, plain[: match.start()], known)
            for subject in (s for s in subjects if s and objects):
                yield _statement(subject, verb, objects, plain, prov)


def _is_object(verb: Verb, name: str) -> bool:
    """Units group, include and manage units; one reports to a unit or to a role."""
    if verb is Verb.ADVISES:
        return is_role(name)
    if verb is Verb.REPORTS_TO:
        return is_unit_name(name) or is_role(name) or is_body_name(name)
    return is_unit_name(name)


def _is_named(verb: Verb, name: str, known: Sequence[str]) -> bool:
    """A unit is named with a capital (`la Direction des communications`) or by a title the
    document gives it; a common noun (`les unités qui offrent …`, `les directions chargées
    du personnel`) describes units without naming one, so it makes none."""
    bare = strip_article(name.replace("*", ""))
    if verb is Verb.ADVISES or is_role(bare) or bare[:1].isupper():
        return True
    return name_key(bare) in {name_key(title) for title in known}


def _objects_text(text: str, known: Sequence[str]) -> str:
    """The objects up to where the sentence goes on (`... en matière de ...`), never
    cutting a known unit's name (`Direction des orientations en urbanisme`)."""
    protected = [(m.start(), m.end()) for name in known for m in _name_pattern(name).finditer(text)]
    for cut in _OBJECT_END.finditer(text):
        if not any(start < cut.start() < end for start, end in protected):
            return text[: cut.start()]
    return text


@lru_cache(maxsize=4096)  # each known name is looked for in every sentence
def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in name.replace("*", "").split()]
    return re.compile(r"\s+".join(words), re.IGNORECASE)


def _plain(sentence: str) -> str:
    return _ITALIC.sub(r"\g<name>", sentence.replace("**", "")).strip()


def _statement(
    subject: str, verb: Verb, objects: Sequence[str], sentence: str, provenance: Provenance
) -> RelationStatement:
    names = tuple(strip_article(x) for x in objects if x.strip())
    return RelationStatement(strip_article(subject), verb, names, sentence, provenance)


def _subject(owner: str | None, sentence: str, before: str) -> str:
    """Who the sentence is about: an italic name, a name before the verb, or the owner
    (a pronoun, `le secteur`, nothing). Prose that belongs to no unit (`owner` None)
    must name its subject."""
    if italic := _ITALIC.search(sentence):
        return italic.group("name")
    head = _LEAD_CLAUSE.sub("", before.strip(" ,")).strip(" ,")
    if owner is not None and _refers_to_owner(owner, head):
        return owner
    return head if is_unit_name(head) or is_body_name(head) else ""


def _refers_to_owner(owner: str, head: str) -> bool:
    folded = fold(head)
    return (
        not head
        or _PRONOUN.match(head) is not None
        or _OWN_NOUN.match(folded) is not None
        or fold(strip_article(owner)) in folded
    )


def _subjects(owner: str | None, sentence: str, before: str, known: Sequence[str]) -> list[str]:
    """One subject, or several when the sentence lists them (`Les modules A, B et C`)."""
    subject = _subject(owner, sentence, before)
    plural = re.match(r"^Les\s+(?P<noun>\w+?)s\s+(?P<names>.+)$", subject)
    if plural is None:
        return [subject]
    noun = plural.group("noun").capitalize()
    return [f"{noun} {strip_article(x)}" for x in split_names(plural.group("names"), known)]


def _named_parts(noun: str, rest: Sequence[str]) -> list[str]:
    """The parts a `comporte N noun` sentence announces, named in the sentences after it."""
    pattern = re.compile(
        rf"\b(?:le|la|les|l')\s+{noun}s?\s+(?P<names>.+?)\s+(?:est|sont|relève|relèvent|relevant)\b",
        re.IGNORECASE,
    )
    parts: list[str] = []
    for sentence in rest:
        for match in pattern.finditer(_plain(sentence)):
            parts += [
                f"{noun.capitalize()} {strip_article(x)}"
                for x in split_names(match.group("names"), ())
            ]
    return parts


def split_names(text: str, known: Sequence[str]) -> list[str]:
    """`la Direction A, le Centre B et la Direction C` → the three names.

    A piece that does not start like a name (`de la rémunération`) continues the
    one before it; two pieces joined by `et` stay one when that is a known name.
    """
    pieces = _SEPARATOR.split(text.strip())
    names = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if _NAME_START.match(piece):
            names.append(piece)
        else:
            names[-1] += separator + piece
    return _join_known(names, {_key(x) for x in known})


def _join_known(names: list[str], known: set[str]) -> list[str]:
    joined: list[str] = []
    for name in names:
        if joined and _key(f"{joined[-1]} et {name}") in known:
            joined[-1] = f"{joined[-1]} et {name}"
        else:
            joined.append(name)
    return joined


def _key(name: str) -> str:
    words = fold(name).replace("'", "' ").split()
    return " ".join(w for w in words if w not in {"le", "la", "les", "l'"})
