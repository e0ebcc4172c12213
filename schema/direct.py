"""Resolving the commonest fields without Strawberry's per-field wrapper.

Strawberry resolves a field through an `Info` object, argument conversion and a chain of
partials, which is most of the cost of a wide answer. Three kinds of field need none of
it: a field without a resolver reads one attribute, a method that takes only `self` (and
`info`) is called with its object (and an `Info`), and a relay node's `id` is the base64
of its type's name and its node id. `direct_resolvers` gives those fields a resolver that
does just that, once, when the schema is built. What they return and the errors they
raise are the same (a test compares every README query with Strawberry's own resolvers);
every other field keeps Strawberry's resolver.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLField, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema
from strawberry import relay
from strawberry.relay.utils import to_base64
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
RELAY_OWN = ("resolve_id", "resolve_typename")


def plain_reader(name: str) -> Callable[..., Any]:
    def read(source: Any, _info: Any, **_arguments: Any) -> Any:
        return getattr(source, name)

    return read


def method_caller(method: Callable[[Any], Any]) -> Callable[..., Any]:
    def call(source: Any, _info: Any, **_arguments: Any) -> Any:
        return method(source)

    return call


def info_method_caller(
    method: Callable[..., Any], info_name: str, field: StrawberryField
) -> Callable[..., Any]:
    def call(source: Any, info: GraphQLResolveInfo[Any], **_arguments: Any) -> Any:
        return method(source, **{info_name: Info(_raw_info=info, _field=field)})

    return call


def own_method(field: StrawberryField) -> tuple[Callable[..., Any], str | None] | None:
    """The field's resolver, and the name of its `info` parameter if it has one, if it is
    a sync method of its object with no argument and no extension: Strawberry would
    convert nothing and pass only the object (and its `Info`)."""
    resolver = field.base_resolver
    if resolver is None or field.extensions or field.arguments or resolver.is_async:
        return None
    method = resolver.wrapped_func
    if resolver.self_parameter is None or resolver.root_parameter or resolver.parent_parameter:
        return None
    if isinstance(method, staticmethod | classmethod):
        return None
    info = resolver.info_parameter
    return method, None if info is None else info.name


def global_id(type_name: str, id_attribute: str) -> Callable[..., Any]:
    def read(source: Any, _info: Any, **_arguments: Any) -> Any:
        return to_base64(type_name, getattr(source, id_attribute))

    return read


def relay_id(named: GraphQLObjectType, field: StrawberryField) -> Callable[..., Any] | None:
    """The `id` of a relay node type that keeps relay's own id and type name: what relay's
    resolver returns (a `GlobalID`) serialises to this same base64 text."""
    definition = named.extensions.get(BACKREF)
    if field.python_name != "_id" or field.extensions:
        return None
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin = definition.origin
    if not (isinstance(origin, type) and issubclass(origin, relay.Node)):
        return None
    if any(defined_by(origin, name) is not relay.Node for name in RELAY_OWN):
        return None
    return global_id(named.name, origin.resolve_id_attr())


def defined_by(cls: type, name: str) -> type | None:
    """The class of `cls`'s method resolution order that defines `name`."""
    return next((base for base in cls.__mro__ if name in vars(base)), None)


def direct_resolver(named: GraphQLObjectType, field: GraphQLField) -> Callable[..., Any] | None:
    definition = field.extensions.get(BACKREF)
    if not isinstance(definition, StrawberryField):
        return None
    if definition.is_basic_field:
        return plain_reader(definition.python_name)
    if (found := own_method(definition)) is not None:
        method, info_name = found
        if info_name is None:
            return method_caller(method)
        return info_method_caller(method, info_name, definition)
    return relay_id(named, definition)


def direct_resolvers(core: GraphQLSchema) -> None:
    """Give each field of `core` that needs no wrapper its direct resolver."""
    for named in core.type_map.values():
        if isinstance(named, GraphQLObjectType):
            for field in named.fields.values():
                if (direct := direct_resolver(named, field)) is not None:
                    field.resolve = direct
