"""README output blocks stay true: scripts/readme_outputs.py reruns their commands."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "readme_outputs.py"
_spec = importlib.util.spec_from_file_location("readme_outputs", SCRIPT)
readme_outputs = sys.modules["readme_outputs"] = importlib.util.module_from_spec(_spec)  # dataclasses need it
_spec.loader.exec_module(readme_outputs)

STALE = """# Demo

<!-- output -->
```
$ printf 'one\\ntwo\\n'
old
$ false   # a comment after the command
$ echo $?
7
$ echo 'a
b'
```

Unmarked blocks stay as they are:

```
$ echo untouched
whatever
```

<!-- output: first 2 lines -->
```
$ seq 5
1
```
"""


def test_marked_blocks_are_rerun_in_one_session_and_rewritten():
    new, compared = readme_outputs.update(STALE)
    assert new.split("\n")[3:12] == ["```", "$ printf 'one\\ntwo\\n'", "one", "two",
                                     "$ false   # a comment after the command", "$ echo $?", "1",
                                     "$ echo 'a", "b'"]  # fmt: skip
    assert "$ echo untouched\nwhatever" in new
    assert new.endswith("$ seq 5\n1\n2\n…\n```\n")
    assert len(readme_outputs.differences(compared)) == 2
    again, compared = readme_outputs.update(new)
    assert again == new and readme_outputs.differences(compared) == []


def test_check_ignores_timings_only():
    block = ["```", "$ mzgraph build", "built in 0.42 s (120 ms reading)", "```"]
    now = ["```", "$ mzgraph build", "built in 1.3 s (98 ms reading)", "```"]
    assert readme_outputs.normalise(block) == readme_outputs.normalise(now)
    assert readme_outputs.normalise(["2299 triples"]) != readme_outputs.normalise(["2298 triples"])


def test_a_marker_without_a_block_is_an_error():
    res = subprocess.run([sys.executable, str(SCRIPT), "--check", "--readme", "/dev/stdin"],
                         input="<!-- output -->\ntext\n", capture_output=True, text=True)  # fmt: skip
    assert res.returncode == 2 and res.stderr.startswith("error: README.md:1: <!-- output --> must come right before")


def test_readme_outputs_match_what_the_commands_print():
    res = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "marked blocks match" in res.stdout


def test_a_block_needing_the_shared_scorer_is_left_as_written_without_it(monkeypatch):
    # the scorer lives outside the repository: a checkout without shared/ beside it (CI
    # elsewhere) keeps the block as written instead of printing "can't open file"
    text = "<!-- output -->\n```\n$ python ../shared/eval/score.py --graph g.ttl\nentity_f1=1.000\n```\n"
    monkeypatch.setattr(readme_outputs, "_shared_folder", lambda: None)
    new, compared = readme_outputs.update(text)
    assert new == text and compared == []
    monkeypatch.setattr(readme_outputs, "_shared_folder", lambda: Path("/somewhere/shared"))
    assert readme_outputs.needs_missing_shared(readme_outputs.parse(text)[0]) is False
