"""How the schema executes an operation: within the request's time budget, and without
suggesting names unless the limits allow it.

The budget is checked each time the executor starts on an object's fields, which costs
one clock read per object and stops the work of a query that runs too long at the next
object: the whole operation then fails with `OutOfTime` (one error, no partial data),
instead of each remaining field failing on its own. A resolver that is running when
the budget passes finishes its own call first.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLOutputType
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

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
