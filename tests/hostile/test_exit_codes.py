"""Exit codes and messages: every error a user can cause is one line on stderr that says
what is wrong and what to do, with the exit status README's ``errors`` section documents;
never a traceback (``--debug`` shows it).

The table runs the CLI's ``main`` in this process (as the console script does, minus
process start-up); a few cases run it as a separate process, as a user would.
"""

from __future__ import annotations

import shutil

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from mzgraph.cli import main
from mzgraph.rdf import load_graph, write_graph
from mzgraph.rdf.namespaces import MZ, MZR
from tests.conftest import DEV_REPORT, run_cli


@pytest.fixture(scope="module")
def work(tmp_path_factory, dev_graph_path):
    """A folder with a good graph, broken files and a file standing where a folder should be."""
    d = tmp_path_factory.mktemp("errors")
    shutil.copy(dev_graph_path, d / "graph.ttl")
    shutil.copy(DEV_REPORT, d / "dev.txt")
    (d / "bad.ttl").write_text("not turtle {{\n", encoding="utf-8")
    (d / "binary.ttl").write_bytes(b"\xff\xfe\x00\x01garbage")
    (d / "bad.rq").write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    (d / "empty").mkdir()
    (d / "junk").mkdir()
    (d / "junk" / "empty.txt").write_bytes(b"")
    (d / "junk" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (d / "afile").write_text("x", encoding="utf-8")
    g = load_graph(d / "graph.ttl")  # a Target without its value breaks the contract
    target = URIRef(MZR["target/broken/1"])
    g.add((target, RDF.type, MZ.Target))
    g.add((target, RDFS.label, Literal("坏指标", lang="zh")))
    write_graph(g, d / "invalid.ttl")
    return d


G = ("--graph", "graph.ttl")
# (arguments, exit status, words the one line must hold)
CASES = [
    # build
    (("build", "missing.txt", "-o", "o/g.ttl"), 1, "missing.txt: no such file"),
    (("build", "empty", "-o", "o/g.ttl"), 1, "no supported documents found in empty"),
    (("build", "junk", "-o", "o/g.ttl"), 1, "the file is empty"),
    (
        ("build", "dev.txt", "-o", "o/g.ttl", "--max-bytes", "100"),
        1,
        "over the limit of 100 (raise it with --max-bytes)",
    ),
    (("build", "dev.txt", "-o", "afile/g.ttl"), 1, "(afile is a file, not a folder); choose another path"),
    (("build", "dev.txt", "-o", "o/g.ttl", "--html", "afile/g.html"), 1, "afile is a file, not a folder"),
    (("build", "dev.txt", "-o", "empty"), 2, "'empty' is a directory"),
    (("build", "dev.txt", "--bogus"), 2, "No such option '--bogus'"),
    (("build", "dev.txt", "--format", "xls"), 2, "Invalid value for '--format'"),
    (("build", "dev.txt", "-j", "0"), 2, "Invalid value for '-j' / '--jobs'"),
    (("build", "dev.txt", "--max-bytes", "lots"), 2, "Invalid value for '--max-bytes'"),
    (("build", "dev.txt", "--html", "x.html", "--no-html"), 2, "--html and --no-html contradict each other"),
    (("build", "dev.txt", "-o", "dev.txt"), 2, "is an input of this command"),
    # query
    (("query", "SELECT ?s WHERE { ?s ?p }", *G), 2, "malformed query at line 1, column 19"),
    (("query", "-f", "bad.rq", *G), 2, "malformed query at line"),
    (("query", "-f", "nothere.rq", *G), 2, "nothere.rq: no such query file"),
    (("query", "DELETE WHERE { ?s ?p ?o }", *G), 2, "read-only (use --allow-update)"),
    (("query", "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", *G), 2, "--allow-service"),
    (("query", "", *G), 2, "empty query"),
    (("query", *G), 2, "give exactly one of a QUERY, -f FILE or --name NAME"),
    (("query", "--name", "nope", *G), 2, "no ready question named 'nope' (see `mzgraph query --list`)"),
    (("query", "--name", "entity-sentences", "--param", "label", *G), 2, "--param takes NAME=VALUE"),
    (("query", "SELECT * {?s ?p ?o}", *G, "--format", "xml"), 2, "Invalid value for '--format'"),
    (
        ("query", "SELECT * {?s ?p ?o}", "--graph", "nothere.ttl"),
        2,
        "nothere.ttl: no such graph file (run `mzgraph build`",
    ),
    (("query", "SELECT * {?s ?p ?o}", "--graph", "bad.ttl"), 2, "bad.ttl: not a readable RDF graph"),
    (("query", "SELECT * {?s ?p ?o}", "--graph", "binary.ttl"), 2, "binary.ttl: not a readable RDF graph"),
    (("query", "SELECT * {?s ?p ?o}", "--graph", "empty"), 2, "'empty' is a directory"),
    (("query", "SELECT * {?s ?p ?o} LIMIT 1", *G, "-o", "afile/r.csv"), 1, "afile is a file, not a folder"),
    # view
    (("view", *G, "--focus", "不存在的机构"), 2, "no entity is labelled '不存在的机构'"),
    (("view", *G, "--focus", ""), 2, "--focus needs a non-empty label"),
    (("view", *G, "--type", "Nope"), 2, "unknown type 'Nope'; choose from Agency"),
    (("view", *G, "--query", "nothere.rq"), 2, "nothere.rq: no such query file"),
    (("view", *G, "--query", "bad.rq"), 2, "malformed query at line"),
    (("view", *G, "--depth", "-1"), 2, "Invalid value for '--depth'"),
    (("view", "--graph", "bad.ttl"), 2, "not a readable RDF graph"),
    (("view", *G, "-o", "afile/v.html"), 1, "afile is a file, not a folder"),
    # export, validate
    (("export", "--format", "xls", *G), 2, "Invalid value for '--format'"),
    (("export", "--format", "csv", *G, "-o", "afile"), 2, "csv export writes nodes.csv and edges.csv into a folder"),
    (
        ("export", "--format", "turtle", *G, "-o", "graph.ttl", "--with-ontology"),
        2,
        "is an input of this command",
    ),
    (("export", "--format", "turtle", *G, "-o", "afile/x.ttl"), 1, "afile is a file, not a folder"),
    (("export", "--format", "turtle", "--graph", "nothere.ttl"), 2, "no such graph file"),
    (("validate", "--graph", "invalid.ttl"), 1, "violation(s) of the ontology contract"),
    (("validate", "--graph", "bad.ttl"), 2, "not a readable RDF graph"),
    # stats, path, report
    (("stats", "--graph", "nothere.ttl"), 2, "no such graph file"),
    (("stats", *G, "--top", "0"), 2, "Invalid value for '--top'"),
    (("path", "不存在", "新余市", *G), 2, "no entity is labelled '不存在'"),
    (("path", "民政部", "民政部", *G), 2, "name the same entity"),
    (("path", "民政部", *G), 2, "Missing argument 'TARGET'"),
    (("report", "--graph", "bad.ttl"), 2, "not a readable RDF graph"),
    (("report", *G, "-o", "afile/r.html"), 1, "afile is a file, not a folder"),
    # remote stores (nothing listens on port 9)
    (("push", *G), 2, "Missing option '--store-url'"),
    (("push", *G, "--store-url", "http://127.0.0.1:9/"), 2, "pass --query-url"),
    (("push", *G, "--store-url", "http://127.0.0.1:9/store", "--timeout", "5"), 3, "cannot reach the store"),
    (("serve", "--graph", "nothere.ttl"), 2, "no such graph file"),
    (("nosuchcommand",), 2, "No such command 'nosuchcommand'"),
]


@pytest.mark.parametrize("args, status, words", CASES, ids=[" ".join(c[0])[:60] for c in CASES])
def test_error_is_one_line(work, monkeypatch, capsys, args, status, words):
    monkeypatch.chdir(work)
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == status, (code, err)
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert words in err, err
    if "Invalid value" in words or "No such" in words or "Missing" in words:
        assert "--help'" in err  # bad options point to the help


def test_batch_with_failures(work, monkeypatch, capsys):
    """Some documents failed: one line per bad file, then one error line; exit 1, graph written."""
    monkeypatch.chdir(work)
    shutil.copy(DEV_REPORT, work / "junk" / "good.txt")
    try:
        code = main(["build", "junk", "-o", "batch/g.ttl", "--no-html"])
    finally:
        (work / "junk" / "good.txt").unlink()
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 3 and lines[0].startswith("failed: ") and lines[1].startswith("failed: ")
    assert lines[2] == "error: 2 of 3 document(s) failed; the graph holds the others"
    assert (work / "batch" / "g.ttl").exists() and out.startswith("built 1 document(s)")


def test_file_name_with_line_break_is_one_line(tmp_path):
    name = tmp_path / "two\nlines.txt"
    name.write_bytes(b"")
    r = run_cli("build", str(name), "-o", str(tmp_path / "g.ttl"))
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "two\\nlines.txt: the file is empty" in r.stderr


@pytest.mark.parametrize(
    "args, status",
    [(("query", "SELECT ?s WHERE { ?s ?p }", "--graph", "g.ttl"), 2), (("build", "--bogus"), 2)],
)
def test_as_a_process_and_with_debug(tmp_path, dev_graph_path, args, status):
    shutil.copy(dev_graph_path, tmp_path / "g.ttl")
    r = run_cli(*args, cwd=tmp_path)
    assert r.returncode == status and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    r = run_cli("--debug", *args, cwd=tmp_path)
    assert "Traceback (most recent call last)" in r.stderr
