"""Generated SPARQL for fuzzing the gate, and the oracles that judge what the gate let through.

The strategy writes queries and updates the way an attacker hides things: escaped
characters in prefixed names (``ex:a\\#``), strings and IRIs that hold ``#``, quotes and
keywords, comments between every token, nested groups (OPTIONAL, UNION, MINUS, EXISTS,
subqueries, GRAPH), keywords in odd case or as ``\\u`` escapes, and SERVICE, LOAD, updates
and remote FROM clauses hidden among them. Every endpoint or document they name is
``{url}``, replaced by a local listener's address.

The oracles are independent of the gate's own tree walk:

* rdflib's algebra (``translateQuery``/``translateUpdate``): no ``ServiceGraphPattern``,
  ``Load``, update operation or dataset clause may be in an accepted text's algebra;
* Oxigraph (another parser, in Rust): evaluating an accepted text as a query must make no
  connection, and the text must not be an update Oxigraph would run.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter, OrderedDict

import pyoxigraph as ox
from hypothesis import strategies as st
from pyparsing import ParseResults
from rdflib.plugins.sparql.parserutils import CompValue

from mzgraph.errors import QueryError
from mzgraph.query.gate import Policy, admit
from mzgraph.rdf.namespaces import PREFIXES

PROLOGUE = "PREFIX ex: <http://example.org/a#> PREFIX : <http://example.org/> PREFIX r: <{url}#> "

# what hides a token from a reader that scans text
LOCAL_NAMES = [r"a\#", r"a\'", r"a\"", r"a\-b", r"\#x", r"a\.b", r"a\~", r"a\&", r"a\?b", "a%20b", "a", "b.c", "x_1"]
STRINGS = [
    '"#"', "'\\''", '"\\""', '"""a"b#"""', "'''SERVICE <{url}> { }'''", '"LOAD <{url}>"', '"\\u0023"',
    "'a\\'#'", '"}"', "'{'", '"# SERVICE"@en', '"1"^^xsd:integer', '""',
    "'x\\u0027 . } # '", '"x\\u0022 }#"', "'\\u005Cu0027'", "'\\u00410041'", "'\\uD800'", "'\\U0001F600'",
]  # fmt: skip
IRIS = ["<http://e/#x>", "<urn:a#SERVICE>", "<http://e/'>", '<http://e/">', "<urn:x>", "<http://e/#LOAD>"]
COMMENTS = [" ", "\n", " # SERVICE <{url}> { }\n", " #'\n", ' #"\n', " #\\\n", "\t#{\n"]
VARIABLES = ["?s", "?p", "?o", "$x", "?g", "?SERVICE"]


def keyword(word: str):
    """A keyword as written: any case, or (whole) as ``\\u`` escapes of its first letter."""
    return st.sampled_from(
        [word, word.lower(), word.title(), word[0].lower() + word[1:], f"\\u{ord(word[0]):04X}{word[1:]}"]
    )


gap = st.sampled_from([c for c in COMMENTS if c])
pname = st.builds(
    lambda p, local: f"{p}:{local}", st.sampled_from(["ex", "", "r", "mz", "rdfs"]), st.sampled_from(LOCAL_NAMES)
)
term = st.one_of(st.sampled_from(VARIABLES), pname, st.sampled_from(IRIS), st.sampled_from(STRINGS))
subject = st.one_of(st.sampled_from(VARIABLES), pname, st.sampled_from(IRIS))
predicate = st.one_of(st.sampled_from(VARIABLES), pname, st.just("a"))
triple = st.builds(lambda s, g1, p, g2, o: f"{s}{g1}{p}{g2}{o} .", subject, gap, predicate, gap, term)
endpoint = st.sampled_from(["<{url}>", "r:x", "?e", "r:a\\#b"])


def _service(kw, silent, where, g, inner):
    values = "VALUES ?e { <{url}> } " if where == "?e" else ""
    return f"{values}{kw}{g}{silent}{where}{g}{{ {inner} }}"


def _wrap(kind: str, a: str, b: str, g: str) -> str:
    return {
        "group": f"{{{g}{a}{g}}}",
        "optional": f"OPTIONAL {{ {a} }}",
        "union": f"{{ {a} }}{g}UNION{g}{{ {b} }}",
        "minus": f"{a} MINUS {{ {b} }}",
        "exists": f"{a} FILTER EXISTS {{ {b} }}",
        "not-exists": f"FILTER NOT EXISTS {{ {a} }} {b}",
        "graph": f"GRAPH ?g {{ {a} }}",
        "subquery": f"{{ SELECT * WHERE {{ {a} }} }} {b}",
        "bind": f'{a} BIND("x" AS ?bound{len(a) % 7})',
        "values": f"VALUES ?v {{ 'x' }} {a}",
        "seq": f"{a}{g}{b}",
    }[kind]


patterns = st.recursive(
    triple,
    lambda inner: st.one_of(
        st.builds(
            _wrap,
            st.sampled_from(
                [
                    "group",
                    "optional",
                    "union",
                    "minus",
                    "exists",
                    "not-exists",
                    "graph",
                    "subquery",
                    "bind",
                    "values",
                    "seq",
                ]
            ),
            inner,
            inner,
            gap,
        ),  # fmt: skip
        st.builds(_service, keyword("SERVICE"), st.sampled_from(["", " SILENT "]), endpoint, gap, inner),
    ),
    max_leaves=12,
)

dataset = st.lists(
    st.sampled_from([" FROM <{url}> ", " FROM NAMED <{url}> ", " FROM r:g ", " FROM <urn:local> "]), max_size=2
).map("".join)

queries = st.one_of(
    st.builds(lambda kw, d, g, p: f"{kw} *{d}WHERE{g}{{ {p} }}", keyword("SELECT"), dataset, gap, patterns),
    st.builds(lambda kw, d, p: f"{kw}{d} {{ {p} }}", keyword("ASK"), dataset, patterns),
    st.builds(lambda t, d, p: f"CONSTRUCT {{ {t} }}{d}WHERE {{ {p} }}", triple, dataset, patterns),
    st.builds(lambda d, p: f"DESCRIBE ?s{d}WHERE {{ {p} }}", dataset, patterns),
)

update_operations = st.one_of(
    st.builds(lambda t: f"INSERT DATA {{ {t} }}", triple.filter(lambda t: "?" not in t and "$" not in t)),
    st.builds(lambda kw, s: f"{kw} {s}<{{url}}>", keyword("LOAD"), st.sampled_from(["", "SILENT "])),
    st.just("LOAD <{url}> INTO GRAPH <urn:g>"),
    st.builds(lambda p: f"DELETE WHERE {{ {p} }}", triple),
    st.sampled_from(["CLEAR ALL", "DROP SILENT GRAPH <urn:g>", "CREATE GRAPH <urn:g>", "COPY DEFAULT TO <urn:g>"]),
    st.builds(lambda t, p: f"INSERT {{ {t} }} WHERE {{ {p} }}", triple, patterns),
    st.builds(lambda p: f"DELETE {{ ?s ?p ?o }} USING <{{url}}> WHERE {{ {p} }}", patterns),
)
updates = st.lists(update_operations, min_size=1, max_size=3).map(" ;\n".join)

NOISE = [
    "",
    "",
    "",
    "",
    "",
    "",
    "}",
    "'",
    '"',
    "#",
    "\\",
    ";",
    "SERVICE <{url}> { }",
    "LOAD <{url}>",
    "\\u0027",
    "\\u0022",
]


def _splice(text: str, noise: str, at: float) -> str:
    i = int(len(text) * at)
    return text[:i] + noise + text[i:]


texts = st.builds(
    lambda lead, body, noise, at: _splice(lead + PROLOGUE + body, noise, at),
    gap,
    st.one_of(queries, queries, updates),
    st.sampled_from(NOISE),
    st.floats(0, 1),
)


# --- oracles ------------------------------------------------------------------------------

REACHING = {"ServiceGraphPattern", "Load"}
UPDATE_NAMES = {
    "Load", "Clear", "Drop", "Create", "Add", "Move", "Copy", "InsertData", "DeleteData", "DeleteWhere", "Modify",
}  # fmt: skip


def _names(root) -> set[str]:
    found, stack, seen = set(), [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            found.add(node.name)
            stack.extend(OrderedDict.values(node))
        elif isinstance(node, (ParseResults, list, tuple, set)):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    return found


def algebra_findings(text: str) -> set[str]:
    """What rdflib's algebra of ``text`` holds that the gate must refuse (empty: nothing).

    ``"unparsed"`` when rdflib's algebra translation fails (not a violation by itself)."""
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    ns = {p: str(n) for p, n in PREFIXES.items()}
    try:
        query = translateQuery(parseQuery(text), initNs=ns)
    except Exception:  # noqa: BLE001 (any failure: try the update reading)
        try:
            update = translateUpdate(parseUpdate(text), initNs=ns)
        except Exception:  # noqa: BLE001
            return {"unparsed"}
        names = _names(update.algebra)
        return (names & (REACHING | UPDATE_NAMES)) | ({"update"} if update.algebra else set())
    names = _names(query.algebra)
    out = names & REACHING
    if query.algebra.get("datasetClause"):
        out.add("dataset")
    return out


class Listener:
    """A local TCP port that counts the connections made to it and closes each at once."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.hits = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()

    def settled(self, wait: float = 0.01) -> int:
        """The count once a connection in flight has been counted."""
        time.sleep(wait)
        return self.hits

    def settled_hits(self) -> int:
        return self.settled(0.2)  # an engine's connection may take a moment to start


def oxigraph_findings(text: str, listener: Listener) -> set[str]:
    """What Oxigraph does with an accepted ``text``: ``connected`` (a violation), ``update`` (it
    would run it as an update: a violation), ``rejected`` (its parser disagrees: noted only)."""
    found: set[str] = set()
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a#a"), ox.NamedNode("urn:p"), ox.Literal("x")))
    prefixes = {p: str(n) for p, n in PREFIXES.items()}
    before = listener.hits
    try:
        result = store.query(text, prefixes=prefixes)
        if isinstance(result, ox.QuerySolutions | ox.QueryTriples):
            for _ in zip(range(50), result, strict=False):
                pass
    except SyntaxError:
        found.add("rejected")
    except (OSError, ValueError, RuntimeError):
        pass  # an evaluation error: fine, as long as nothing connected
    try:
        ox.Store().update(text, prefixes=prefixes)
        found.add("update")
    except (SyntaxError, OSError, ValueError, RuntimeError):
        pass
    if listener.settled() != before:
        found.add("connected")
    return found


POLICY = Policy(local_graphs=frozenset())  # the store holds no named graph: every FROM is remote


def judge(text: str, listener: Listener, counts: Counter, violations: list[str]) -> None:
    """Put ``text`` through the gate; count the verdict; an accepted text meets both oracles."""
    counts["tried"] += 1
    try:
        parsed = admit(text, POLICY)
    except QueryError as exc:
        message = str(exc)
        if message.startswith("refused: "):
            reason = message.split()[1].rstrip(":")
            counts["refused " + ("update" if "SPARQL Update" in message else reason)] += 1
        else:
            counts["malformed"] += 1
        return
    counts["accepted"] += 1
    # the engines run the text the gate judged (codepoint escapes expanded): so do the oracles
    found = algebra_findings(parsed.text) - {"unparsed"}
    found |= oxigraph_findings(parsed.text, listener) - {"rejected"}
    if found:
        counts["violations"] += 1
        violations.append(f"{sorted(found)}: {text!r}")
