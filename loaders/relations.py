"""Relation statements: sentences that say which unit groups, includes, manages or
reports to which, who supervises a group, and who advises the minister."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from loaders.records import Provenance, RelationStatement, Verb
from loaders.text import fold, sentences

_ARTICLE = re.compile(
    r"^(?:(?:les|le|la|du|des|de la|de|aux|au)\s+|(?:de l'|de l’|l'|l’)\s*)", re.IGNORECASE
)
_SEPARATOR = re.compile(r"(,\s+|\s+ainsi que\s+|\s+de même que\s+|\s+et\s+)")
_NAME_START = re.compile(r"^(?:(?:le|la|les|l'|l’)\s*)?[A-ZÀ-ÖØ-Þ]")
_ITALIC = re.compile(r"\*(?P<name>[^*]+)\*")
_PRONOUN = re.compile(r"^(?:il|elle|ils|elles)$", re.IGNORECASE)
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
_OBJECT_END = re.compile(r"\s*(?:[.;:(]|\s+(?:en|dans|pour|afin|qui|au sein)\b).*$")


def relation_statements(
    owner: str, paragraphs: Iterable[Provenance], known: Sequence[str]
) -> Iterator[RelationStatement]:
    """The relations stated in `paragraphs`, which belong to `owner` (a unit or group).

    `known` are the unit titles of the document, used to keep a combined name
    (`Direction X et Bureau Y`) whole when it appears in a list.
    """
    for provenance in paragraphs:
        raw = re.sub(r"^\s*[-–•]\s+", "", provenance.text).replace("\\$", "$")
        split = sentences(raw)
        for index, sentence in enumerate(split):
            yield from _statements(owner, sentence, split[index + 1 :], known, provenance)


def _statements(
    owner: str, sentence: str, rest: Sequence[str], known: Sequence[str], prov: Provenance
) -> Iterator[RelationStatement]:
    plain = _plain(sentence)
    if match := _SUPERVISED.match(plain):
        yield _statement(owner, Verb.SUPERVISED_BY, [match.group("objects")], plain, prov)
    if match := _HAS_PARTS.search(plain):
        parts = _named_parts(match.group("noun"), rest)
        subject = _subject(owner, sentence, plain[: match.start()])
        yield _statement(subject, Verb.HAS_PARTS, parts, plain, prov)
    for verb, pattern in _LIST_VERBS:
        if match := pattern.search(plain):
            objects = split_names(_OBJECT_END.sub("", match.group("objects")), known)
            for subject in _subjects(owner, sentence, plain[: match.start()], known):
                yield _statement(subject, verb, objects, plain, prov)


def _plain(sentence: str) -> str:
    return _ITALIC.sub(r"\g<name>", sentence.replace("**", "")).strip()


def _statement(
    subject: str, verb: Verb, objects: Sequence[str], sentence: str, provenance: Provenance
) -> RelationStatement:
    names = tuple(strip_article(x) for x in objects if x.strip())
    return RelationStatement(strip_article(subject), verb, names, sentence, provenance)


def _subject(owner: str, sentence: str, before: str) -> str:
    if italic := _ITALIC.search(sentence):
        return italic.group("name")
    head = before.strip(" ,")
    if not head or _PRONOUN.match(head) or fold(strip_article(owner)) in fold(head):
        return owner
    return head


def _subjects(owner: str, sentence: str, before: str, known: Sequence[str]) -> list[str]:
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


def strip_article(name: str) -> str:
    return _ARTICLE.sub("", name.strip(" .,;"), count=1).strip()


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
