"""Outputs: no command writes over one of its inputs, one build at a time per output, and a
build's graph and view land together or not at all.

The table runs the CLI's ``main`` in this process (``tests/hostile/test_exit_codes.py``
does the same); every refusal is one line on stderr, a non-zero exit, and the input and
the previous outputs byte for byte as they were.
"""

from __future__ import annotations

import fcntl
import os
import shutil

import pytest

from mzgraph.cli import main
from mzgraph.errors import OutputError
from mzgraph.pipeline import build_to_file
from tests.conftest import DEV_REPORT, run_cli


@pytest.fixture
def work(tmp_path, dev_graph_path):
    shutil.copy(DEV_REPORT, tmp_path / "r.txt")
    (tmp_path / "docs").mkdir()
    shutil.copy(DEV_REPORT, tmp_path / "docs" / "a.txt")
    shutil.copy(dev_graph_path, tmp_path / "g.ttl")
    (tmp_path / "q.rq").write_text("SELECT ?s WHERE { ?s a ?t } LIMIT 1\n", encoding="utf-8")
    os.symlink(tmp_path / "r.txt", tmp_path / "link.txt")
    return tmp_path


OVERWRITES = [
    # (argv, the file that must survive)
    (["build", "r.txt", "-o", "r.txt"], "r.txt"),
    (["build", "r.txt", "-o", "g2.ttl", "--html", "r.txt"], "r.txt"),
    (["build", "r.txt", "-o", "link.txt", "--no-html"], "r.txt"),  # the same file by a link
    (["build", "docs", "-o", "docs/a.txt", "--no-html"], "docs/a.txt"),  # a document found in a folder
    (["build", "r.txt", "-o", "same.ttl", "--html", "same.ttl"], "r.txt"),  # two outputs, one file
    (["export", "--format", "nt", "-g", "g.ttl", "-o", "g.ttl"], "g.ttl"),
    (["export", "--format", "turtle", "-g", "g.ttl", "-o", "./g.ttl"], "g.ttl"),
    (["view", "-g", "g.ttl", "-o", "g.ttl"], "g.ttl"),
    (["report", "-g", "g.ttl", "-o", "g.ttl"], "g.ttl"),
    (["query", "-g", "g.ttl", "-f", "q.rq", "-o", "g.ttl"], "g.ttl"),
    (["query", "-g", "g.ttl", "-f", "q.rq", "-o", "q.rq"], "q.rq"),
]


@pytest.mark.parametrize(("argv", "kept"), OVERWRITES, ids=[" ".join(a) for a, _ in OVERWRITES])
def test_no_command_writes_over_its_input(work, capsys, monkeypatch, argv, kept):
    monkeypatch.chdir(work)
    before = (work / kept).read_bytes()
    code = main(argv)
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and "Traceback" not in err
    assert (work / kept).read_bytes() == before
    assert not (work / "same.ttl").exists()


def test_an_output_another_build_is_writing_is_refused_in_one_line(work):
    before = (work / "g.ttl").read_bytes()
    with open(work / ".g.ttl.lock", "a+b") as held:  # what a running build holds
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        res = run_cli("build", str(work / "r.txt"), "-o", str(work / "g.ttl"), "--no-html")
    assert res.returncode != 0
    assert len(res.stderr.strip().splitlines()) == 1 and "another mzgraph process is writing" in res.stderr
    assert (work / "g.ttl").read_bytes() == before
    # once the other build is done, the output is free
    res = run_cli("build", str(work / "r.txt"), "-o", str(work / "g.ttl"), "--no-html")
    assert res.returncode == 0, res.stderr


def test_the_lock_is_exclusive_within_one_process_too(work):
    from mzgraph.rdf.io import output_lock

    with output_lock([work / "x.ttl"]):
        with pytest.raises(OutputError, match="another mzgraph process"):
            with output_lock([work / "x.ttl"]):
                pass
    with output_lock([work / "x.ttl"]):  # released
        pass


class Boom(Exception):
    pass


@pytest.mark.parametrize("stage", ["check", "view"])
def test_graph_and_view_land_together_or_not_at_all(work, monkeypatch, stage):
    """A failure after the graph is written but before the view is (or while checking)
    leaves the previous pair as it was: nothing is renamed until both are complete."""
    out, html = work / "pair.ttl", work / "pair.html"
    out.write_bytes(b"old graph")
    html.write_bytes(b"old view")

    def fail(*_args, **_kw):
        raise Boom

    check = None
    if stage == "check":
        check = fail
    else:
        import mzgraph.view

        monkeypatch.setattr(mzgraph.view, "write_html", fail)
    with pytest.raises(Boom):
        build_to_file([work / "r.txt"], out, html=html, check=check)
    assert out.read_bytes() == b"old graph" and html.read_bytes() == b"old view"
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".pair")) == [".pair.html.lock", ".pair.ttl.lock"]


def test_a_complete_build_replaces_both(work):
    out, html = work / "pair.ttl", work / "pair.html"
    out.write_bytes(b"old graph")
    html.write_bytes(b"old view")
    result = build_to_file([work / "r.txt"], out, html=html)
    assert out.read_bytes().startswith(b"@prefix") and b"<html" in html.read_bytes()[:500].lower()
    assert result.view is not None and result.view.nodes > 0


def test_a_graph_over_the_view_limit_is_written_without_its_view(work):
    """The default view stops keeping the documents' parts of the entity network once the
    graph is over the limit, writes the graph alone and says why; the previous view stays as
    it was."""
    out, html = work / "big.ttl", work / "big.html"
    html.write_bytes(b"old view")
    result = build_to_file([work / "r.txt"], out, html=html, view_limit=10)
    assert out.read_bytes().startswith(b"@prefix") and html.read_bytes() == b"old view"
    assert result.view is None and "over 10 triples" in result.view_skipped and "previous" in result.view_skipped
    result = build_to_file([work / "r.txt"], out, html=html, view_limit=10**6)
    assert result.view is not None and result.view_skipped is None and b"<html" in html.read_bytes()[:500].lower()
