"""Query results as text: an aligned table, CSV, TSV, SPARQL 1.1 Results JSON, Markdown.

* ``table`` (for the terminal): IRIs shortened with the bound prefixes, literals by their
  lexical form; columns are aligned by display width, so Chinese characters (East Asian
  wide/fullwidth) count as two columns.
* ``csv``: the SPARQL 1.1 CSV results format (full IRIs, plain values, CRLF line ends).
* ``tsv``: the same plain values separated by tabs (tabs and line breaks inside a value
  are written ``\\t`` and ``\\n``), for spreadsheets and ``cut``; not the SPARQL TSV term
  syntax.
* ``json``: the SPARQL 1.1 Query Results JSON format (``head.vars``, ``results.bindings``
  with ``type``/``value``/``xml:lang``/``datatype``; ``boolean`` for ASK).
* ``md``: a GitHub Markdown table with the table's short IRIs.

CONSTRUCT and DESCRIBE results are printed as Turtle whatever the format.
"""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Graph, Literal, URIRef

from mzgraph.analytics.textable import render_table
from mzgraph.query.runner import QueryResult
from mzgraph.query.store import NUMERIC_TYPES, Term, compact_iri, iter_prefixes
from mzgraph.rdf.namespaces import bind_prefixes
from mzgraph.spreadsheet import neutralise_formula
from mzgraph.terminal import escape_controls

FORMATS = ("table", "csv", "tsv", "json", "md")


def plain(term: Term | None) -> str:
    """A term's value as a researcher reads it: the IRI, or the literal's lexical form."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def short(term: Term | None, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, URIRef):
        return compact_iri(str(term), prefixes)
    return plain(term)


def _is_number(term: Term | None) -> bool:
    return isinstance(term, Literal) and term.datatype is not None and str(term.datatype) in NUMERIC_TYPES


def format_table(result: QueryResult) -> str:
    prefixes = list(iter_prefixes())
    header = result.variables
    numeric = [
        all(_is_number(row[i]) or row[i] is None for row in result.rows)
        and any(row[i] is not None for row in result.rows)
        for i in range(len(header))
    ]
    rows = [[short(t, prefixes) for t in row] for row in result.rows]
    n = len(result.rows)
    return f"{render_table(header, rows, numeric=numeric, rule=True)}\n({n} row{'s' if n != 1 else ''})\n"


def format_csv(result: QueryResult, delimiter: str = ",", *, keep_formulas: bool = False) -> str:
    """CSV (or TSV); a cell a spreadsheet would run as a formula gets a leading ``'`` unless
    ``keep_formulas`` (see :mod:`mzgraph.spreadsheet`)."""
    value = plain if keep_formulas else (lambda t: neutralise_formula(plain(t)))
    buf = io.StringIO()
    if delimiter == "\t":
        esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")  # noqa: E731
        buf.write("\t".join(result.variables) + "\n")
        for row in result.rows:
            buf.write("\t".join(esc(value(t)) for t in row) + "\n")
        return buf.getvalue()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([value(t) for t in row])
    return buf.getvalue()


def json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def format_json(result: QueryResult) -> str:
    if result.kind == "ask":
        doc: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {v: json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_md(result: QueryResult) -> str:
    prefixes = list(iter_prefixes())

    def cell(text: str) -> str:
        return escape_controls(text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>"), keep="\t")

    lines = ["| " + " | ".join(result.variables) + " |", "|" + "|".join("---" for _ in result.variables) + "|"]
    for row in result.rows:
        lines.append("| " + " | ".join(cell(short(t, prefixes)) for t in row) + " |")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str = "table", *, keep_formulas: bool = False) -> str:
    """``result`` as text in ``fmt`` (one of :data:`FORMATS`); ``keep_formulas`` for csv/tsv."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if result.kind == "update":
        return "update applied\n"
    if result.kind == "construct":
        g = bind_prefixes(Graph())
        for triple in result.triples:
            g.add(triple)
        return g.serialize(format="turtle")
    if result.kind == "ask":
        if fmt == "json":
            return format_json(result)
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return format_table(result)
    if fmt == "csv":
        return format_csv(result, keep_formulas=keep_formulas)
    if fmt == "tsv":
        return format_csv(result, "\t", keep_formulas=keep_formulas)
    if fmt == "json":
        return format_json(result)
    return format_md(result)
