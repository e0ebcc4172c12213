"""How the schema executes an operation: within the request's time budget, and without
suggesting names unless the limits allow it.

The budget is checked each time the executor starts on an object's fields, which costs
one clock read per object and stops the work of a query that runs too long at the next
object: the whole operation then fails with `OutOfTime` (one error, no partial data),
instead of each remaining field failing on its own. A resolver that is running when
the budget passes finishes its own call first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType, GraphQLOutputType, GraphQLSchema
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from schema.context import Context
from schema.limits import OutOfTime


class BudgetedExecution(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor, stopped by the context's `Deadline` and quiet about names."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        """Variables are coerced here: their errors must not suggest names either."""
        # graphql-core's `execute` passes the context fourth, by position
        context = kwargs.get("context_value", args[3] if len(args) > 3 else None)
        if isinstance(context, Context) and not context.limits.suggestions:
            kwargs["hide_suggestions"] = True
        return super().build(*args, **kwargs)

    def execute_fields(
        self,
        parent_type: Any,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        context = self.context_value
        if isinstance(context, Context) and context.deadline is not None:
            context.deadline.check()
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    def handle_field_error(
        self,
        raw_error: Exception,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> None:
        """Out of time ends the operation rather than nulling one field."""
        if isinstance(raw_error, OutOfTime):
            raise raw_error
        super().handle_field_error(raw_error, return_type, field_details_list, path)


def plain_reader(name: str) -> Callable[..., Any]:
    def read(source: Any, _info: Any, **_arguments: Any) -> Any:
        return getattr(source, name)

    return read


def method_caller(method: Callable[[Any], Any]) -> Callable[..., Any]:
    def call(source: Any, _info: Any, **_arguments: Any) -> Any:
        return method(source)

    return call


def own_method(field: StrawberryField) -> Callable[[Any], Any] | None:
    """The field's resolver if it is a sync method of its object with no argument, no
    `info`, no extension: Strawberry would convert nothing and pass only the object."""
    resolver = field.base_resolver
    if resolver is None or field.extensions or field.arguments or resolver.is_async:
        return None
    other = (resolver.info_parameter, resolver.root_parameter, resolver.parent_parameter)
    method = resolver.wrapped_func
    if resolver.self_parameter is None or any(p is not None for p in other):
        return None
    return None if isinstance(method, staticmethod | classmethod) else method


def direct_resolvers(core: GraphQLSchema) -> None:
    """Resolve the two commonest kinds of field without Strawberry's per-field wrapper
    (an `Info` object, argument conversion, a chain of partials: most of a wide answer's
    cost): a field without a resolver reads its attribute with one `getattr`, and a method
    that takes only `self` is called with the object. What they return, and the errors
    they raise, are the same; every other field keeps Strawberry's resolver."""
    for named in core.type_map.values():
        if not isinstance(named, GraphQLObjectType):
            continue
        for field in named.fields.values():
            definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            if not isinstance(definition, StrawberryField):
                continue
            if definition.is_basic_field:
                field.resolve = plain_reader(definition.python_name)
            elif (method := own_method(definition)) is not None:
                field.resolve = method_caller(method)
