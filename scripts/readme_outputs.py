"""Keep the README's output blocks true: run the commands they show and rewrite what they print.

A fenced block preceded by an ``<!-- output -->`` comment is regenerated. Its ``$ command``
lines (a command may continue over several lines while a quote is open or a line ends with
``\\``) run one after another in one bash session, so ``echo $?`` and files written by an
earlier command work as in a terminal; the lines after each command become what it printed
(standard output and error, in order). ``<!-- output: first N lines -->`` keeps the first N
lines of every command's output and ends them with ``…``.

The commands run in a scratch folder that mirrors the repository (its top-level entries
linked, except outputs and caches) with ``shared/`` beside it, as in a checkout, and with
this interpreter's ``bin/`` first on PATH, so ``mzgraph`` and ``python`` are the ones of the
environment running the script. Blocks run in README order, in the same scratch folder:
a later block sees the ``output/graph.ttl`` an earlier ``mzgraph build`` wrote.

    python scripts/readme_outputs.py            # rewrite README.md in place
    python scripts/readme_outputs.py --check    # exit 1, naming each block that differs

``--check`` ignores timings (``0.4 s``, ``120 ms``), which no two runs share. Mark only
blocks whose output is stable: build summaries, stats, query results; not benchmark tables.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"^<!-- output(?:: first (\d+) lines)? -->$")
FENCE = "```"
PROMPT = "$ "
SKIPPED_ENTRIES = {"output", "out", ".mzgraph-cache", ".mzgraph-store", ".git"}
TIMING = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ms|s|min)\b")
_END = "@@readme-output-end@@"


@dataclass
class Command:
    text: str  # as shown after the prompt, continuation lines included
    output: list[str]


@dataclass
class Block:
    marker_line: int  # index of the <!-- output --> line
    start: int  # index of the opening fence
    end: int  # index of the closing fence
    first: int | None  # keep this many lines of each output
    commands: list[Command]

    @property
    def title(self) -> str:
        return f"README.md:{self.start + 1} ($ {self.commands[0].text.splitlines()[0]})"


def _complete(command: str) -> bool:
    """Whether ``command`` is a whole shell command (no open quote, no trailing backslash)."""
    if command.endswith("\\"):
        return False
    try:
        shlex.split(command)
    except ValueError:
        return False
    return True


def parse(text: str) -> list[Block]:
    """The marked blocks of a README, with their commands and the outputs they show now."""
    lines = text.split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        marker = MARKER.match(lines[i].strip())
        if not marker:
            i += 1
            continue
        start = i + 1
        if start >= len(lines) or not lines[start].startswith(FENCE):
            raise ValueError(f"README.md:{i + 1}: <!-- output --> must come right before a ``` block")
        end = next((j for j in range(start + 1, len(lines)) if lines[j].startswith(FENCE)), None)
        if end is None:
            raise ValueError(f"README.md:{start + 1}: the block is never closed")
        commands: list[Command] = []
        j = start + 1
        while j < end:
            line = lines[j]
            if line.startswith(PROMPT):
                command = line[len(PROMPT) :]
                while not _complete(command) and j + 1 < end:
                    j += 1
                    command += "\n" + lines[j]
                commands.append(Command(command, []))
            elif commands:
                commands[-1].output.append(line)
            else:
                raise ValueError(f"README.md:{j + 1}: a marked block starts with '$ command'")
            j += 1
        if not commands:
            raise ValueError(f"README.md:{start + 1}: a marked block holds no '$ command'")
        blocks.append(Block(i, start, end, int(marker.group(1)) if marker.group(1) else None, commands))
        i = end + 1
    return blocks


def _shared_folder() -> Path | None:
    if os.environ.get("MZGRAPH_EVAL"):
        return Path(os.environ["MZGRAPH_EVAL"]).parent
    return next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), None)


def _scratch(folder: Path) -> Path:
    """A folder laid out like the repository's checkout, without its outputs."""
    repo = folder / ROOT.name
    repo.mkdir()
    for entry in sorted(ROOT.iterdir()):
        if entry.name not in SKIPPED_ENTRIES and not entry.name.startswith(".venv"):
            (repo / entry.name).symlink_to(entry)
    shared = _shared_folder()
    if shared is not None:
        (folder / "shared").symlink_to(shared)
    return repo


def run(blocks: list[Block]) -> list[list[list[str]]]:
    """What each command of each block prints now: blocks → commands → lines."""
    with tempfile.TemporaryDirectory(prefix="readme-outputs-") as tmp:
        repo = _scratch(Path(tmp))
        script = []
        for b, block in enumerate(blocks):
            for c, command in enumerate(block.commands):
                # braces: a trailing comment in the command cannot swallow the redirection
                script.append(
                    f"{{\n{command.text}\n}} 2>&1\n__status=$?\nprintf '\\n{_END} {b} {c}\\n'\n(exit $__status)"
                )
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "COLUMNS": "200",
            "PYTHONHASHSEED": "0",
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc"],
            input="\n".join(script) + "\n",
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        printed = done.stdout.replace(str(repo) + os.sep, "").replace(str(repo), ".")
    outputs: list[list[list[str]]] = [[[] for _ in block.commands] for block in blocks]
    text = printed
    for b, block in enumerate(blocks):
        for c, _ in enumerate(block.commands):
            mark = f"\n{_END} {b} {c}\n"
            before, found, text = text.partition(mark)
            if not found:
                raise RuntimeError(f"{block.title}: the commands stopped before this one ({done.stderr.strip()})")
            before = before[:-1] if before.endswith("\n") else before  # the command's own last newline
            outputs[b][c] = before.split("\n") if before else []
    return outputs


def render(block: Block, outputs: list[list[str]]) -> list[str]:
    """The block's lines, from its opening fence to its closing one, with ``outputs``."""
    lines = [FENCE]
    for command, output in zip(block.commands, outputs, strict=True):
        lines.extend(f"{PROMPT}{command.text}".split("\n"))
        if block.first is not None and len(output) > block.first:
            output = [*output[: block.first], "…"]
        lines.extend(output)
    lines.append(FENCE)
    return lines


def normalise(lines: list[str]) -> list[str]:
    """Lines as compared by ``--check``: timings masked, trailing spaces dropped."""
    return [TIMING.sub("<time>", line).rstrip() for line in lines]


def needs_missing_shared(block: Block) -> bool:
    """A block that runs the shared scorer (``../shared/…``, outside the repository) cannot run
    in a checkout without ``shared/`` beside it: it is left as written, and said so."""
    return _shared_folder() is None and any("../shared/" in command.text for command in block.commands)


def update(text: str) -> tuple[str, list[tuple[Block, list[str], list[str]]]]:
    """The README with every marked block regenerated, and (block, shown, now) for each block."""
    lines = text.split("\n")
    blocks = [block for block in parse(text) if not needs_missing_shared(block)]
    outputs = run(blocks)
    compared = []
    for block, out in reversed(list(zip(blocks, outputs, strict=True))):
        shown = lines[block.start : block.end + 1]
        now = render(block, out)
        compared.append((block, shown, now))
        lines[block.start : block.end + 1] = now
    return "\n".join(lines), list(reversed(compared))


def differences(compared) -> list[str]:
    """A unified diff for each block whose output changed (timings aside)."""
    out = []
    for block, shown, now in compared:
        if normalise(shown) != normalise(now):
            diff = difflib.unified_diff(shown, now, "README.md", "now", lineterm="", n=1)
            out.append(f"{block.title} differs from what the commands print:\n" + "\n".join(diff))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when a block differs")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    try:
        new, compared = update(text)
    except (ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    changed = differences(compared)
    left = [block.title for block in parse(text) if needs_missing_shared(block)]
    if left:
        print(f"left as written, no shared/ beside the checkout: {', '.join(left)}")
    if args.check:
        print("\n\n".join(changed) if changed else f"{len(compared)} marked blocks match what their commands print")
        return 1 if changed else 0
    if new != text:
        tmp = args.readme.with_name(f".{args.readme.name}.tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(args.readme)
    print(f"{len(compared)} marked blocks, {len(changed)} rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
