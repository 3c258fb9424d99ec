"""The one-page summary report: a self-contained offline HTML page with plotly charts.

The page embeds plotly.js inline (no CDN, no request leaves the file) and shows: entities by
type; the figures each place reports, and indicators compared across places where indicator
and unit match; policies by issuer; a
timeline of the years the graph knows (``mz:year`` on policies and targets, ``dcterms:date``
on documents); the most central entities; and links into the network view (``graph.html``).

Every number is a SPARQL count (``mzgraph.analytics.stats``) or a networkx metric
(``mzgraph.analytics.frames``). Output is deterministic: chart div ids are fixed, rows are
sorted, nothing depends on time or on the absolute path of the graph.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from urllib.parse import quote

from rdflib import Graph

from mzgraph.analytics.frames import centrality
from mzgraph.analytics.stats import (
    count_by_relation,
    count_by_type,
    documents,
    on_oxigraph,
    places_by_activity,
    policies_by_issuer,
    sparql,
)
from mzgraph.rdf.io import atomic_write_text

DEFAULT_REPORT = Path("output/report.html")
DEFAULT_VIEW = Path("output/graph.html")
FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
TYPE_NAMES = {
    "Agency": "机构 Agency",
    "Policy": "政策 Policy",
    "AdministrativeArea": "地区 Place",
    "Program": "项目 Program",
    "Target": "指标 Target",
}
MAX_COMPARISONS = 8  # indicator groups drawn; more would make the page a wall of charts
CHART_IDS = ("chart-types", "chart-places", "chart-targets", "chart-issuers", "chart-timeline")


@dataclass(frozen=True)
class TargetPoint:
    target: str  # IRI
    indicator: str
    unit: str
    place: str
    value: float
    year: int | None


def target_comparisons(graph: Graph) -> dict[tuple[str, str], list[TargetPoint]]:
    """(indicator, unit) → the targets measuring it, for those reported in two or more places.

    A target's place is its ``mz:locatedIn`` (the rule is the resolver's); of places nested in
    one another (新余市 partOf 江西省) only the innermost is kept, so a city's figure is not
    compared with itself as the province's. A group needs two distinct targets in two places.
    """
    rows = sparql(
        graph,
        """SELECT DISTINCT ?t ?indicator ?unit ?value ?year ?place ?placeLabel WHERE {
              ?t a mz:Target ; mz:indicator ?indicator ; mz:unit ?unit ; mz:value ?value .
              OPTIONAL { ?t mz:year ?year }
              ?t mz:locatedIn ?place .
              ?place a mz:AdministrativeArea ; rdfs:label ?placeLabel .
            }""",
    )
    ancestors: dict[str, set[str]] = defaultdict(set)
    for r in sparql(graph, "SELECT DISTINCT ?a ?b WHERE { ?a mz:partOf+ ?b }"):
        ancestors[str(r["a"])].add(str(r["b"]))
    places_of: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        places_of[str(r["t"])].add(str(r["place"]))
    groups: dict[tuple[str, str], set[TargetPoint]] = defaultdict(set)
    for r in rows:
        target, place = str(r["t"]), str(r["place"])
        if any(place in ancestors[other] for other in places_of[target]):
            continue  # a place inside this one also holds the target
        year = r["year"]
        point = TargetPoint(
            target=target,
            indicator=str(r["indicator"]),
            unit=str(r["unit"]),
            place=str(r["placeLabel"]),
            value=float(r["value"]),
            year=int(str(year)[:4]) if year is not None else None,
        )
        groups[(point.indicator, point.unit)].add(point)
    compared = {
        key: pts
        for key, pts in groups.items()
        if len({p.place for p in pts}) >= 2 and len({p.target for p in pts}) >= 2
    }
    ordered = sorted(compared.items(), key=lambda kv: (-len({p.place for p in kv[1]}), kv[0]))
    return {
        key: sorted(pts, key=lambda p: (p.place, p.year or 0, p.value, p.target))
        for key, pts in ordered[:MAX_COMPARISONS]
    }


def timeline(graph: Graph) -> dict[str, dict[int, int]]:
    """kind (Policy, Target, Document) → year → how many of them carry that year."""
    rows = sparql(
        graph,
        """SELECT ?kind ?year (COUNT(DISTINCT ?x) AS ?n) WHERE {
              { ?x a mz:Policy ; mz:year ?y . BIND("Policy" AS ?kind) }
              UNION
              { ?x a mz:Target ; mz:year ?y . BIND("Target" AS ?kind) }
              UNION
              { ?x a mz:Document ; dcterms:date ?y . BIND("Document" AS ?kind) }
              BIND(SUBSTR(STR(?y), 1, 4) AS ?year)
            } GROUP BY ?kind ?year""",
    )
    out: dict[str, dict[int, int]] = {"Policy": {}, "Target": {}, "Document": {}}
    for r in rows:
        if str(r["year"]).isdigit():
            out[str(r["kind"])][int(r["year"])] = int(r["n"])
    return out


# ------------------------------------------------------------------------------------ charts


def _layout(**extra) -> dict:
    return {
        "template": "plotly_white",
        "font": {"family": FONT, "size": 13},
        "margin": {"l": 60, "r": 20, "t": 30, "b": 60},
        **extra,
    }


def _count_axis(largest: int) -> dict:
    """An axis of counts: whole-number ticks, at most about eight (plotly would draw 0.5 steps
    for counts up to 4), starting at zero."""
    step = 1
    while largest / step > 8:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return {"dtick": step, "tick0": 0, "rangemode": "tozero", "tickformat": "d"}


def _figure_html(fig, div_id: str) -> str:
    return fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=div_id,
        default_height="100%",
        config={"displaylogo": False, "responsive": True},
    )


def _types_chart(types: dict[str, int]) -> str:
    import plotly.graph_objects as go

    names = list(types)
    fig = go.Figure(
        go.Bar(
            x=[TYPE_NAMES.get(n, n) for n in names],
            y=[types[n] for n in names],
            customdata=names,
            text=[types[n] for n in names],
            textposition="outside",
            name="entities",
            marker_color="#1f5fa0",
        ),
        layout=_layout(yaxis={"title": "实体数 entities", **_count_axis(max(types.values(), default=0))}),
    )
    return _figure_html(fig, "chart-types")


def _ranked_bars(rows: list[dict], count: str, *, name: str, color: str, axis_title: str, div_id: str, **layout) -> str:
    """Horizontal bars of ``row[count]`` by ``row["label"]``, the first row at the top (the
    rows come ranked; at most 15 are drawn)."""
    import plotly.graph_objects as go

    shown = list(reversed(rows[:15]))  # horizontal bars draw bottom-up
    fig = go.Figure(
        go.Bar(
            x=[r[count] for r in shown],
            y=[r["label"] for r in shown],
            customdata=[r["iri"] for r in shown],
            orientation="h",
            name=name,
            marker_color=color,
        ),
        layout=_layout(xaxis={"title": axis_title, **_count_axis(max(r[count] for r in shown))}, **layout),
    )
    return _figure_html(fig, div_id)


def _places_chart(places: list[dict]) -> str | None:
    """How many figures each place reports: the panel's first chart, drawn even when no
    indicator can be compared between places (a single report is usually like that)."""
    shown = sorted((p for p in places if p["targets"]), key=lambda p: (-p["targets"], p["label"], p["iri"]))
    if not shown:
        return None
    return _ranked_bars(
        shown,
        "targets",
        name="targets",
        color="#2a9d8f",
        axis_title="指标数 figures reported",
        div_id="chart-places",
        height=max(220, 60 + 32 * min(len(shown), 15)),
        margin={"l": 120, "r": 20, "t": 30, "b": 50},
    )


def _targets_chart(groups: dict[tuple[str, str], list[TargetPoint]]) -> str | None:
    if not groups:
        return None
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    keys = list(groups)
    cols = 2 if len(keys) > 1 else 1
    rows = (len(keys) + cols - 1) // cols
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[f"{ind}({unit})" for ind, unit in keys])
    for i, key in enumerate(keys):
        points = groups[key]
        used: dict[str, int] = defaultdict(int)
        labels = []
        for p in points:
            # a place may report the indicator more than once (years, programs): keep bars apart
            several = sum(q.place == p.place for q in points) > 1
            label = f"{p.place} {p.year}" if several and p.year else p.place
            used[label] += 1
            labels.append(label if used[label] == 1 else f"{label} #{used[label]}")
        fig.add_trace(
            go.Bar(
                x=labels,
                y=[p.value for p in points],
                name=f"{key[0]}({key[1]})",
                meta={"indicator": key[0], "unit": key[1], "places": [p.place for p in points]},
                customdata=[p.target for p in points],
                hovertemplate="%{x}: %{y} " + key[1].replace("%", "%%") + "<extra></extra>",
                showlegend=False,
            ),
            row=i // cols + 1,
            col=i % cols + 1,
        )
    fig.update_layout(_layout(height=max(360, 300 * rows)))
    return _figure_html(fig, "chart-targets")


def _issuers_chart(issuers: list[dict]) -> str | None:
    if not issuers:
        return None
    return _ranked_bars(
        issuers,
        "policies",
        name="policies",
        color="#c8553d",
        axis_title="政策数 policies issued",
        div_id="chart-issuers",
        margin={"l": 160, "r": 20, "t": 30, "b": 50},
    )


def _timeline_chart(years: dict[str, dict[int, int]]) -> str | None:
    all_years = sorted({y for by_year in years.values() for y in by_year})
    if not all_years:
        return None
    import plotly.graph_objects as go

    names = {"Policy": "政策 Policy", "Target": "指标 Target", "Document": "文档 Document"}
    colors = {"Policy": "#c8553d", "Target": "#2a9d8f", "Document": "#6c757d"}
    most = max(sum(by_year.get(y, 0) for by_year in years.values()) for y in all_years)
    fig = go.Figure(
        layout=_layout(barmode="stack", xaxis_type="category", yaxis={"title": "数量 count", **_count_axis(most)})
    )
    for kind, by_year in years.items():
        if by_year:
            fig.add_trace(
                go.Bar(
                    x=[str(y) for y in all_years],
                    y=[by_year.get(y, 0) for y in all_years],
                    name=names[kind],
                    meta={"kind": kind},
                    marker_color=colors[kind],
                )
            )
    return _figure_html(fig, "chart-timeline")


# ------------------------------------------------------------------------------------ page


def _section(title: str, body: str, *, wide: bool = False, note: str = "") -> str:
    cls = ' class="wide"' if wide else ""
    note_html = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return f"<section{cls}>\n<h2>{html.escape(title)}</h2>\n{note_html}{body}\n</section>"


def _chart_or_note(chart: str | None, note: str) -> str:
    return f'<div class="chart">{chart}</div>' if chart else f'<p class="note">{html.escape(note)}</p>'


def view_link(view_href: str, label: str) -> str:
    """A link into the network view, focused on ``label`` through the ``#search=`` fragment."""
    return f"{view_href}#search={quote(label, safe='')}"


def _top_table(graph: Graph, view_href: str, top: int) -> str:
    table = centrality(graph).head(top)
    rows = []
    for r in table.itertuples():
        link = html.escape(view_link(view_href, r.label), quote=True)
        rows.append(
            f'<tr><td><a href="{link}">{html.escape(r.label)}</a></td><td>{html.escape(TYPE_NAMES.get(r.type, r.type))}'
            f'</td><td class="num">{r.degree}</td><td class="num">{r.betweenness:.4f}</td>'
            f'<td class="num">{r.community}</td></tr>'
        )
    head = (
        '<tr><th>实体 entity</th><th>类型 type</th><th class="num">degree</th>'
        '<th class="num">betweenness</th><th class="num">community</th></tr>'
    )
    return f'<table id="top-entities">\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def _documents_table(docs: list[dict]) -> str:
    rows = [
        f"<tr><td>{html.escape(d['title'] or '-')}</td><td>{html.escape(d['date'] or '-')}</td>"
        f'<td>{html.escape(d["path"] or d["iri"])}</td><td class="num">{d["mentions"]}</td>'
        f'<td class="num">{d["entities"]}</td></tr>'
        for d in docs
    ]
    head = (
        '<tr><th>标题 title</th><th>日期 date</th><th>file</th><th class="num">mentions</th>'
        '<th class="num">entities</th></tr>'
    )
    return f'<table id="documents">\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def render_report(graph: Graph, *, view_href: str = "graph.html", top: int = 15, title: str | None = None) -> str:
    """The report page for ``graph`` as one HTML string (plotly.js included)."""
    from plotly.offline import get_plotlyjs

    graph = on_oxigraph(graph)
    types = count_by_type(graph)
    relations = count_by_relation(graph)
    docs = documents(graph)
    issuers = policies_by_issuer(graph)
    places = places_by_activity(graph)
    comparisons = target_comparisons(graph)
    years = timeline(graph)

    doc_titles = sorted({d["title"] for d in docs if d["title"]})
    title = title or "mzgraph 知识图谱概览 · knowledge graph summary"
    subtitle = (
        f"{len(docs)} document{'s' if len(docs) != 1 else ''}"
        + (f" ({'; '.join(doc_titles[:3])}{' …' if len(doc_titles) > 3 else ''})" if doc_titles else "")
        + f" · {sum(types.values())} entities · {sum(r['count'] for r in relations.values())} relations"
    )
    figures = "".join(
        f'<li data-type="{t}"><b>{n}</b>{html.escape(TYPE_NAMES.get(t, t))}</li>' for t, n in types.items()
    ) + "".join(f'<li data-relation="{r}"><b>{v["count"]}</b>{r}</li>' for r, v in relations.items())
    sections = [
        _section("实体类型 Entities by type", _chart_or_note(_types_chart(types), "")),
        _section(
            "发文机构 Policies by issuer",
            _chart_or_note(_issuers_chart(issuers), "No policy in the graph names its issuer."),
        ),
        _section(
            "地区指标 Targets across places",
            _chart_or_note(_places_chart(places), "No figure in the graph is located in a place.")
            + _chart_or_note(
                _targets_chart(comparisons), "No indicator with the same unit is reported for two or more places."
            ),
            wide=True,
            note="Figures by the place they are located in (mz:locatedIn); below, indicators with the same unit "
            "compared between places.",
        ),
        _section(
            "时间线 Timeline",
            _chart_or_note(_timeline_chart(years), "No policy, target or document in the graph carries a year."),
            note="Policies and targets by mz:year, documents by dcterms:date.",
        ),
        _section(
            "核心实体 Most central entities",
            _top_table(graph, view_href, top),
            note="Degree = distinct neighbours; betweenness normalised to 0–1; communities by Louvain (seeded). "
            "Each name opens the network view at that entity.",
        ),
        _section("文档 Documents", _documents_table(docs), wide=True),
    ]
    template = Template(resources.files("mzgraph.analytics").joinpath("templates/report.html").read_text("utf-8"))
    return template.substitute(
        title=html.escape(title),
        subtitle=html.escape(subtitle),
        view_href=html.escape(view_href, quote=True),
        figures=figures,
        sections="\n".join(sections),
        plotlyjs=get_plotlyjs(),
    )


def write_report(
    graph: Graph,
    path: Path | str = DEFAULT_REPORT,
    *,
    view: Path | str = DEFAULT_VIEW,
    top: int = 15,
) -> Path:
    """Write the report page for ``graph`` to ``path`` (atomically), linking to the view at ``view``."""
    path = Path(path)
    href = Path(os.path.relpath(Path(view).resolve(), path.resolve().parent)).as_posix()
    atomic_write_text(path, render_report(graph, view_href=href, top=top))
    return path
