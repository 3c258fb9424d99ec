"""Ready questions: the ``.rq`` files shipped in ``mzgraph/query/ready/``.

Each file starts with a ``# …`` line saying what it answers (shown by ``mzgraph query
--list``); further leading comment lines explain it. A question with a parameter has a
single-variable ``VALUES ?name { default }`` block, which ``--param name=value`` (or
``kg.ready(name, name=value)``) rebinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from mzgraph.errors import UsageError
from mzgraph.query.runner import values_parameters


@dataclass(frozen=True)
class ReadyQuestion:
    name: str
    description: str  # the first comment line
    text: str

    @property
    def parameters(self) -> dict[str, str]:
        """Parameter name → its default, as written in the query."""
        return values_parameters(self.text)

    def missing(self, params: dict[str, str]) -> dict[str, str]:
        """Parameters without a value in ``params`` (name → the file's example value).

        Callers refuse to run then: the default in the file is an example, and answering for
        it silently answers a question nobody asked.
        """
        return {k: v.strip('"') for k, v in self.parameters.items() if k not in params}


def ready_questions() -> dict[str, ReadyQuestion]:
    """All shipped questions by name (the file name without ``.rq``), sorted."""
    folder = resources.files("mzgraph.query") / "ready"
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        description = first.lstrip("#").strip() if first.startswith("#") else ""
        name = entry.name[: -len(".rq")]
        out[name] = ReadyQuestion(name, description, text)
    return out


def ready_question(name: str) -> ReadyQuestion:
    questions = ready_questions()
    if name not in questions:
        raise UsageError(f"no ready question named {name!r} (see `mzgraph query --list`)")
    return questions[name]
