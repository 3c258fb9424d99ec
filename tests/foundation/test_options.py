"""The command line's options: one name for one thing on every command."""

from __future__ import annotations

import importlib
import json
from collections import defaultdict

import click

from mzgraph.cli import COMMANDS
from tests.conftest import run_cli


def _options() -> dict[str, dict[str, tuple[str, ...]]]:
    """{long option: {command: its short names}} over every command."""
    table: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for name, module in COMMANDS.items():
        for param in importlib.import_module(module).command.params:
            if isinstance(param, click.Option):
                longs = [o for o in param.opts if o.startswith("--")]
                shorts = tuple(sorted(o for o in param.opts if not o.startswith("--")))
                for long in longs:
                    table[long][name] = shorts
    return table


def test_every_command_reading_a_graph_takes_dash_g():
    graph = _options()["--graph"]
    assert {"query", "stats", "validate", "export", "view", "path", "report", "push", "serve"} <= set(graph)
    assert set(graph.values()) == {("-g",)}


def test_an_option_shared_by_commands_has_the_same_short_name_everywhere():
    differing = {long: by_command for long, by_command in _options().items() if len(set(by_command.values())) > 1}
    assert differing == {}


def test_stats_and_validate_read_the_graph_given_with_dash_g(dev_graph_path):
    short = run_cli("stats", "-g", str(dev_graph_path), "--format", "json")
    assert short.returncode == 0, short.stderr
    long = run_cli("stats", "--graph", str(dev_graph_path), "--format", "json")
    assert short.stdout == long.stdout and sum(json.loads(short.stdout)["types"].values()) > 50
    validate = run_cli("validate", "-g", str(dev_graph_path))
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout.startswith(f"{dev_graph_path}: conforms")
    missing = run_cli("stats", "-g", str(dev_graph_path.with_name("nothing.ttl")))
    assert missing.returncode != 0 and missing.stderr.startswith("error: ") and "nothing.ttl" in missing.stderr
