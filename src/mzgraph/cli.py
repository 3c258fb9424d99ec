"""The ``mzgraph`` command line: a thin click group over the package's API.

Each command lives in ``mzgraph/commands/<name>.py`` and is imported only when it runs:
``mzgraph --help`` lists the commands from their docstrings, read from the source with
``ast`` (build and push would otherwise pull in the whole build stack just to be listed).
Errors a user can cause are printed as one line with the exit status of their class (see
``mzgraph.errors``); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import signal
import sys
from pathlib import Path

import click

from mzgraph.errors import MzgraphError, one_line

COMMANDS = {
    "build": "mzgraph.commands.build",
    "view": "mzgraph.commands.view",
    "query": "mzgraph.commands.query",
    "export": "mzgraph.commands.export",
    "validate": "mzgraph.commands.validate",
    "push": "mzgraph.commands.push",
    "serve": "mzgraph.commands.serve",
    "path": "mzgraph.commands.path",
    "report": "mzgraph.commands.report",
    "stats": "mzgraph.commands.stats",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        return importlib.import_module(module).command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = [(name, command_docstring(COMMANDS[name]) or "") for name in names]
        with formatter.section("Commands"):
            formatter.write_dl([(name, click.Command(name, help=doc).get_short_help_str(limit)) for name, doc in rows])


def command_docstring(module: str) -> str | None:
    """The docstring of ``command`` in ``module``, read from its source without importing it."""
    import ast  # here: only the help listing parses sources, not a command's run

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "command":
            return ast.get_docstring(node)
    return None


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import mzgraph

    click.echo(f"mzgraph, version {mzgraph.__version__}")
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Build knowledge graphs from Chinese government policy reports and ask them questions.

    \b
    Example:
      mzgraph build                      # data/ → output/graph.ttl
      mzgraph build reports/ -o out.ttl  # every report under reports/
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that the stack unwinds as for Ctrl-C: every
    temporary output file is removed on the way out (by default Python dies on the spot)."""


def _terminate(signum, frame) -> None:
    raise Terminated


_XSD = "http://www.w3.org/2001/XMLSchema#"  # spelled out: importing rdflib would slow --help


class _IllFormedLiterals(logging.Handler):
    """rdflib logs a traceback for every literal whose text does not fit its datatype
    (``"2019-13-45"^^xsd:date`` in a graph someone sent); such a literal stays text, so a
    warning line says so, for the first few."""

    SHOWN = 3

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.seen += 1
        if self.seen > self.SHOWN:
            if self.seen == self.SHOWN + 1:
                click.echo("warning: more literals not valid for their datatype (not shown)", err=True)
            return
        datatype = str(record.msg).partition("Datatype=")[2].partition(",")[0].replace(_XSD, "xsd:")
        reason = record.exc_info[1] if record.exc_info else None
        click.echo(f"warning: a literal not valid as {datatype} kept as text ({one_line(str(reason))})", err=True)


def _quiet_library_tracebacks(debug: bool) -> None:
    if debug:
        return
    log = logging.getLogger("rdflib.term")
    if not any(isinstance(h, _IllFormedLiterals) for h in log.handlers):
        log.addHandler(_IllFormedLiterals())
    log.propagate = False


def main(argv: list[str] | None = None) -> int:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    _quiet_library_tracebacks(debug)
    try:
        cli.main(args=argv, prog_name="mzgraph", standalone_mode=False)
    except MzgraphError as exc:
        if debug:
            raise
        click.echo(f"error: {one_line(str(exc))}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:  # bad options: one line, like every other error
        if debug:
            raise
        where = exc.ctx.command_path if exc.ctx is not None else "mzgraph"
        click.echo(f"error: {one_line(exc.format_message())} (see '{where} --help')", err=True)
        return exc.exit_code
    except click.ClickException as exc:
        if debug:
            raise
        click.echo(f"error: {one_line(exc.format_message())}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except Terminated:
        click.echo("terminated", err=True)
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        return 0
    return 0


def run() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminate)
    code = main()
    sys.exit(code)
