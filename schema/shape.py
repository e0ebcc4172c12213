"""The shape of an operation once its fragments are expanded: how deep it nests, what it
would cost, how many aliases and directives it holds.

Measured in one pass over the document: each fragment is measured once and its shape
reused at every spread (a fragment spread ten times in ten nested fragments weighs
10⁶ fields, and is measured in 20 steps). The weights are GraphQL Armor's (objects 2,
scalars 1, ×1.5 a level), and a list asks for as many items as its page: `first` (or
`last`, or the length of `ids`), else the field's default page. Fragments are not a
level: they count as the fields they bring. `__schema` and `__type` weigh nothing
and have no depth (graphql-core's `MaxIntrospectionDepthRule` bounds them instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
)

OBJECT_COST = 2
SCALAR_COST = 1
LEVEL_FACTOR = 1.5
INTROSPECTION = frozenset({"__schema", "__type"})
PAGE_ARGUMENTS = ("first", "last", "ids")
"""Arguments that say how many items a list field returns."""


@dataclass(frozen=True, slots=True)
class Shape:
    """What a selection weighs: `depth` counts fields (leaves too: `{ a { b } }` is 2)."""

    depth: int = 0
    cost: float = 0.0
    aliases: int = 0
    directives: int = 0

    def beside(self, other: Shape) -> Shape:
        """The shape of two selections side by side."""
        return Shape(
            max(self.depth, other.depth),
            self.cost + other.cost,
            self.aliases + other.aliases,
            self.directives + other.directives,
        )

    def with_directives(self, count: int) -> Shape:
        return Shape(self.depth, self.cost, self.aliases, self.directives + count)


Parent = GraphQLNamedType | None
"""The type whose fields a selection set selects (None where the document is invalid)."""
Fragment = InlineFragmentNode | FragmentDefinitionNode


class Measure:
    """Measures the operations of one document against `schema`; `largest` is the page
    assumed for a list whose size is a variable."""

    def __init__(self, document: DocumentNode, schema: GraphQLSchema, largest: int) -> None:
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.schema = schema
        self.largest = largest
        self.measured: dict[str, Shape] = {}
        self.open: set[str] = set()

    def operation(self, node: OperationDefinitionNode) -> Shape:
        root = self.schema.get_root_type(node.operation)
        inner = self.selections(node.selection_set, root)
        return inner.with_directives(len(node.directives or ()))

    def selections(self, selection_set: SelectionSetNode, parent: Parent) -> Shape:
        total = Shape()
        for selection in selection_set.selections:
            total = total.beside(self.selection(selection, parent))
        return total

    def selection(self, node: SelectionNode, parent: Parent) -> Shape:
        if isinstance(node, FieldNode):
            return self.field(node, parent)
        own = len(node.directives or ())
        if isinstance(node, FragmentSpreadNode):
            return self.spread(node.name.value).with_directives(own)
        assert isinstance(node, InlineFragmentNode)
        inner = self.selections(node.selection_set, self.condition(node, parent))
        return inner.with_directives(own)

    def condition(
        self, node: InlineFragmentNode | FragmentDefinitionNode, parent: Parent
    ) -> Parent:
        if node.type_condition is None:
            return parent
        return self.schema.get_type(node.type_condition.name.value)

    def spread(self, name: str) -> Shape:
        """A fragment's shape, measured at its first spread; an unknown fragment or a
        cycle weighs nothing here (validation reports both)."""
        if name in self.measured:
            return self.measured[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.open:
            return Shape()
        self.open.add(name)
        shape = self.selections(fragment.selection_set, self.condition(fragment, None))
        self.open.discard(name)
        self.measured[name] = shape.with_directives(len(fragment.directives or ()))
        return self.measured[name]

    def field(self, node: FieldNode, parent: Parent) -> Shape:
        aliases = 1 if node.alias is not None and node.name.value != "__typename" else 0
        directives = len(node.directives or ())
        if node.selection_set is None:
            return Shape(1, SCALAR_COST, aliases, directives)
        definition = _field(parent, node.name.value)
        child = None if definition is None else get_named_type(definition.type)
        inner = self.selections(node.selection_set, child)
        aliases, directives = aliases + inner.aliases, directives + inner.directives
        if node.name.value in INTROSPECTION:
            return Shape(0, 0.0, aliases, directives)
        cost = OBJECT_COST + LEVEL_FACTOR * self.page(node, definition) * inner.cost
        return Shape(1 + inner.depth, cost, aliases, directives)

    def page(self, node: FieldNode, definition: GraphQLField | None) -> int:
        """How many items the field asks for: its `first` (or `last`, or the length of
        `ids`), else its default `first` (none: the largest page); 1 if it takes none."""
        given = {a.name.value: a.value for a in node.arguments or ()}
        for name in PAGE_ARGUMENTS:
            value = given.get(name)
            if isinstance(value, IntValueNode):
                return max(int(value.value), 0) if len(value.value) <= 9 else self.largest
            if isinstance(value, ListValueNode):
                return len(value.values)
            if value is not None:  # a variable: its value is not known yet
                return self.largest
        if definition is None or "first" not in definition.args:
            return 1
        default = definition.args["first"].default_value
        return default if isinstance(default, int) else self.largest


def _field(parent: Parent, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        found: GraphQLField | None = parent.fields.get(name)
        return found
    return None
