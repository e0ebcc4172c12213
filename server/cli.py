"""`budget-kg`: check documents, export the graph, serve or query it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from loaders import BudgetKgError, DocumentError
from server.data import document_paths, load, save_snapshot
from server.reload import Source
from server.settings import (
    SettingError,
    Settings,
    add_flags,
    from_env,
    seconds,
    with_flags,
)

PATHS_HELP = "documents or directories of them (default: data/)"


class UsageError(Exception):
    """A command line that cannot run as given: the message says how to fix it."""


def check(args: argparse.Namespace) -> int:
    """Load documents, print a summary and audit of each (`server.check`)."""
    # Imported here, like the other commands' modules: `serve --snapshot` needs neither
    # the builder nor the document reader that `server.check` imports.
    from server.check import check as run

    return run(args)


def serve(args: argparse.Namespace) -> int:
    """Serve GraphQL on http://HOST:PORT/graphql with uvicorn."""
    from server.serve import serve_one, serve_workers

    settings = settings_of(args)
    source = source_of(args)
    loaded = source.load()  # a broken document stops here with its file:line message
    run = serve_one if args.workers == 1 else serve_workers
    return run(args, source, loaded, settings)


def source_of(args: argparse.Namespace) -> Source:
    """The documents, or the snapshot, that `serve` starts from (and reloads)."""
    if args.snapshot is None:
        paths = document_paths(args.paths)
        if missing := [str(p) for p in paths if not p.is_file()]:
            raise DocumentError(", ".join(missing), None, "no such document")
        return Source(tuple(args.paths))
    if args.paths:
        raise UsageError("give documents or --snapshot, not both")
    return Source(snapshot=args.snapshot)


def build(args: argparse.Namespace) -> int:
    """Read the documents, build the graph and write it as a snapshot for `serve`."""
    loaded = load(args.paths)
    save_snapshot(loaded, args.output)
    graph = loaded.graph
    print(
        f"{args.output}: {_count(len(loaded.paths), 'document')}, {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges, data version {loaded.version}",
        file=sys.stderr,
    )
    return 0


def settings_of(args: argparse.Namespace) -> Settings:
    """The environment's settings, and the flags given over them."""
    try:
        return with_flags(from_env(os.environ), args)
    except SettingError as exc:
        raise UsageError(str(exc)) from None


def query(args: argparse.Namespace) -> int:
    """Run one query against the documents and print the JSON response."""
    from strawberry.http import process_result

    from schema.context import Context
    from schema.schema import schema

    text = sys.stdin.read() if args.query == "-" else args.query
    if not text.strip():
        raise UsageError("the query is empty: give one, e.g. '{ portfolios { name } }'")
    variables = parse_variables(args.variables)
    context = Context(graph=load(args.paths).graph)
    result = schema.execute_sync(text, variable_values=variables, context_value=context)
    print(json.dumps(process_result(result), ensure_ascii=False, indent=2))
    return 1 if result.errors else 0


def parse_variables(text: str | None) -> dict[str, object] | None:
    if text is None:
        return None
    try:
        variables = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"--variables is not JSON: {exc}") from None
    if not isinstance(variables, dict):
        raise UsageError('--variables must be a JSON object, e.g. {"year": "2007-2008"}')
    return variables


def print_schema(args: argparse.Namespace) -> int:
    """Print the GraphQL schema (SDL), as committed in schema.graphql."""
    from schema.schema import schema

    print(schema.as_str())
    return 0


def export(args: argparse.Namespace) -> int:
    """Write the graph of the documents as GraphML, node-link JSON or a CSV of figures."""
    from graph.export import export_graph, render

    graph = load(args.paths).graph
    if str(args.output) == "-":
        sys.stdout.buffer.write(render(graph, args.format))
    else:
        export_graph(graph, args.format, args.output)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="budget-kg", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    _check_parser(commands)
    _build_parser(commands)
    _serve_parser(commands)
    _query_parser(commands)
    schema_cmd = commands.add_parser("schema", help="print the GraphQL schema (SDL)")
    schema_cmd.set_defaults(run=print_schema)
    _export_parser(commands)
    return root


def _check_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("check", help="load documents, print a summary and audit of each")
    cmd.add_argument("paths", nargs="*", type=Path, help=PATHS_HELP)
    cmd.add_argument(
        "--strict", action="store_true", help="exit 2 when the audit finds a broken identity"
    )
    cmd.set_defaults(run=check)


def _serve_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("serve", help="serve GraphQL (and GraphiQL) over HTTP")
    cmd.add_argument("paths", nargs="*", type=Path, help=PATHS_HELP)
    cmd.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    cmd.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    cmd.add_argument("--workers", type=_positive, default=1, help="processes (default: 1)")
    _operations_flags(cmd)
    add_flags(cmd)
    cmd.set_defaults(run=serve)


def _operations_flags(cmd: argparse.ArgumentParser) -> None:
    """Where the graph comes from, when it reloads, how long a shutdown may drain."""
    cmd.add_argument(
        "--snapshot", type=Path, metavar="FILE", help="start from a snapshot (budget-kg build)"
    )
    cmd.add_argument(
        "--watch", action="store_true", help="reload when a document (or the snapshot) changes"
    )
    cmd.add_argument(
        "--watch-interval",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="seconds between two looks at the files (default: 1)",
    )
    cmd.add_argument(
        "--drain",
        type=_seconds,
        default=10.0,
        metavar="SECONDS",
        help="on SIGTERM, seconds the open requests may take to finish (default: 10)",
    )


def _build_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("build", help="build the graph once and write it as a snapshot")
    cmd.add_argument("paths", nargs="*", type=Path, help=PATHS_HELP)
    cmd.add_argument(
        "-o", "--output", type=Path, required=True, help="the snapshot to write (graph.snapshot)"
    )
    cmd.set_defaults(run=build)


def _query_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("query", help="run a GraphQL query and print the JSON result")
    cmd.add_argument("query", help="the query text, or - to read it from standard input")
    cmd.add_argument("paths", nargs="*", type=Path, help=PATHS_HELP)
    cmd.add_argument("--variables", metavar="JSON", help="variables, as a JSON object")
    cmd.set_defaults(run=query)


def _export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "export", help="write the graph (GraphML, node-link JSON) or its figures (CSV)"
    )
    cmd.add_argument("paths", nargs="*", type=Path, help=PATHS_HELP)
    cmd.add_argument(
        "--format",
        choices=("graphml", "json", "csv"),
        required=True,
        help="graphml or json: the graph; csv: one row per figure",
    )
    cmd.add_argument(
        "-o", "--output", type=Path, required=True, help="the file to write (- for stdout)"
    )
    cmd.set_defaults(run=export)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _seconds(text: str) -> float:
    try:
        return seconds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except BudgetKgError as exc:
        print(exc, file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"budget-kg {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
