/* mzgraph view: draws the graph embedded as JSON in #mz-data with vis-network.
 *
 * Every string in the data came from scraped documents, so none of it is ever parsed as
 * HTML: text reaches the page only through textContent and vis-network's canvas labels.
 * Rows are arrays to keep big pages small:
 *   types:     [name, display name, colour, vis shape]
 *   nodes:     [label, type, size, x, y, degree, community, other names, value, unit,
 *               indicator, sentence indices, iri]
 *   edges:     [from, to, relation index, sentence indices(, 1 when implied by the division codes)]
 *   sentences: shared table, so a sentence naming ten entities is stored once.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mz-data").textContent);
  var TYPES = data.types, RELS = data.relations, SENTS = data.sentences, ROWS = data.nodes, EROWS = data.edges;
  var N = { label: 0, type: 1, size: 2, x: 3, y: 4, degree: 5, community: 6, alt: 7, value: 8, unit: 9,
            indicator: 10, sents: 11, iri: 12 };
  var UNLINKED_GAP = 130;  // canvas units between the drawing and the row of unlinked entities
  var LABEL_MAX = 40;  // longer names are cut on the canvas; tooltip and details show them whole
  var BIG_HIGHLIGHT = 3000;  // above this many nodes a click selects the neighbourhood instead of dimming the rest
  var NODE_FONT = "#222", EDGE_COLOUR = "#9aa0a6", EDGE_FONT = "#666";
  var DIM = "rgba(190,190,190,0.35)", DIM_FONT = "rgba(150,150,150,0.5)";
  var FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function typeColour(k) {
    var c = TYPES[k][2];
    return { background: c, border: c, highlight: { background: c, border: "#222" }, hover: { background: c, border: "#222" } };
  }
  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function fmtValue(r) {
    if (r[N.value] === null) return null;
    var v = Number(r[N.value]).toLocaleString("zh-CN", { maximumFractionDigits: 6 });
    return r[N.unit] ? v + " " + r[N.unit] : v;
  }

  // ---- vis data ------------------------------------------------------------------------
  var nodeItems = new Array(ROWS.length);
  for (var i = 0; i < ROWS.length; i++) {
    var r = ROWS[i];
    // style comes from the type's group: per-item style objects make vis deep-copy options per node
    nodeItems[i] = { id: i, label: clip(r[N.label], LABEL_MAX), group: "t" + r[N.type], size: r[N.size], x: r[N.x], y: r[N.y] };
  }
  var linkCount = ROWS.map(function () { return 0; });
  EROWS.forEach(function (e) { linkCount[e[0]]++; linkCount[e[1]]++; });
  // entities with no relation stay in the row the layout put them in, below the drawing
  for (var u = 0; u < ROWS.length; u++) if (!linkCount[u]) nodeItems[u].physics = false;
  // a hub's edges are as long as its ring of neighbours needs to keep their labels apart
  function springLength(a, b) { return Math.max(100, 14 * Math.max(linkCount[a], linkCount[b])); }
  // the simulation may have grown the drawing past the row of unlinked entities: shift the row
  // down, as laid out, to stay clear of it
  function keepUnlinkedBelow() {
    var pos = network.getPositions(), lowest = -Infinity, top = Infinity, row = [];
    for (var k = 0; k < ROWS.length; k++) {
      if (linkCount[k]) lowest = Math.max(lowest, pos[k].y);
      else { row.push(k); top = Math.min(top, pos[k].y); }
    }
    var shift = lowest + UNLINKED_GAP - top;
    if (row.length && lowest > -Infinity && shift > 0) {
      row.forEach(function (k) { network.moveNode(k, pos[k].x, pos[k].y + shift); });
      network.fit({ animation: false });  // the row stays in sight
    }
  }
  var edgeItems = new Array(EROWS.length);
  for (var j = 0; j < EROWS.length; j++) {
    var er = EROWS[j];
    edgeItems[j] = { id: j, from: er[0], to: er[1], label: RELS[er[2]], length: springLength(er[0], er[1]) };
    if (er[4] === 1) edgeItems[j].dashes = true;
  }
  var groups = {};
  TYPES.forEach(function (t, k) { groups["t" + k] = { shape: t[3], color: typeColour(k) }; });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var hiddenTypes = {};
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenTypes[ROWS[n.id][N.type]]; } });

  var big = !data.physics;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false },
    groups: groups,
    nodes: { borderWidth: 1, font: { face: FONT, size: 14, color: NODE_FONT, strokeWidth: 3, strokeColor: "#fbfbfa" } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, width: 1, selectionWidth: 2, color: EDGE_COLOUR,
             font: { face: FONT, size: 10, color: EDGE_FONT, align: "middle", strokeWidth: 2, strokeColor: "#fbfbfa" },
             smooth: big ? false : { type: "continuous", roundness: 0.3 } },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: ROWS.length > 5000 },
    physics: data.physics ? {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -3000, centralGravity: 0.9, springLength: 100, springConstant: 0.04, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: data.stabilization, updateInterval: 50, fit: true }
    } : { enabled: false }
  };
  var container = document.getElementById("mz-graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edges }, options);
  var api = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, data: data, ready: false };
  window.mzgraph = api;

  function markReady() { if (!api.ready) { api.ready = true; document.body.setAttribute("data-ready", "1"); } }
  if (!ROWS.length) {
    markReady();  // nothing to draw: vis emits no drawing or stabilisation events
  } else if (data.physics) {
    // stop as soon as the capped stabilisation is done: the page stays still and responsive
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      keepUnlinkedBelow();
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  // ---- header, legend and type filter ------------------------------------------------------
  document.getElementById("mz-title").textContent = data.title;
  document.getElementById("mz-counts").textContent =
    ROWS.length.toLocaleString() + " nodes · " + EROWS.length.toLocaleString() + " edges";
  document.getElementById("mz-layout-note").textContent = data.note;
  var perType = TYPES.map(function () { return 0; });
  ROWS.forEach(function (r) { perType[r[N.type]]++; });

  var SVG = "http://www.w3.org/2000/svg";
  function swatch(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
    var pts = { triangle: "7,1 13,12 1,12", triangleDown: "1,2 13,2 7,13", diamond: "7,0 14,7 7,14 0,7",
                hexagon: "7,1 12.2,4 12.2,10 7,13 1.8,10 1.8,4", star: "7,0 9,5 14,5 10,8.5 11.5,14 7,10.5 2.5,14 4,8.5 0,5 5,5" };
    var shp;
    if (pts[shape]) { shp = document.createElementNS(SVG, "polygon"); shp.setAttribute("points", pts[shape]); }
    else if (shape === "square" || shape === "box") {
      shp = document.createElementNS(SVG, "rect");
      shp.setAttribute("x", "2"); shp.setAttribute("y", "2"); shp.setAttribute("width", "10"); shp.setAttribute("height", "10");
    } else {
      shp = document.createElementNS(SVG, "circle");
      shp.setAttribute("cx", "7"); shp.setAttribute("cy", "7"); shp.setAttribute("r", "6");
    }
    shp.setAttribute("fill", colour);
    svg.appendChild(shp);
    return svg;
  }
  var legend = document.getElementById("mz-legend"), boxes = {};
  TYPES.forEach(function (t, k) {
    if (!perType[k]) return;
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = t[0]; box.setAttribute("data-type", t[0]);
    boxes[k] = box;
    box.addEventListener("change", function () { setTypeVisible(k, box.checked); });
    label.appendChild(box);
    label.appendChild(swatch(t[3], t[2]));
    label.appendChild(el("span", t[1]));
    label.appendChild(el("span", perType[k], "mz-count"));
    legend.appendChild(label);
  });
  function setTypeVisible(k, visible) {
    if (!visible) hiddenTypes[k] = true; else delete hiddenTypes[k];
    if (boxes[k]) boxes[k].checked = visible;
    nodeView.refresh();
  }

  // ---- tooltip -------------------------------------------------------------------------
  var tip = document.getElementById("mz-tooltip");
  function typeBadge(k) {
    var b = el("span", TYPES[k][1], "mz-type");
    b.style.background = TYPES[k][2];
    return b;
  }
  function sentenceList(idx, limit, into, cls) {
    idx.slice(0, limit).forEach(function (s) { into.appendChild(el("div", clip(SENTS[s], 160), cls)); });
    if (idx.length > limit) into.appendChild(el("div", "… +" + (idx.length - limit) + " more", "mz-muted"));
  }
  function nodeTip(id) {
    var r = ROWS[id];
    tip.replaceChildren();
    var head = el("div");
    head.appendChild(el("span", r[N.label] + " ", "mz-name"));
    head.appendChild(typeBadge(r[N.type]));
    tip.appendChild(head);
    if (r[N.alt].length) tip.appendChild(el("div", "also: " + r[N.alt].join(" · ")));
    var v = fmtValue(r);
    if (v !== null) tip.appendChild(el("div", "value: " + v));
    if (r[N.indicator]) tip.appendChild(el("div", "indicator: " + r[N.indicator]));
    sentenceList(r[N.sents], 3, tip, "mz-sentence");
  }
  function edgeTip(id) {
    var e = EROWS[id];
    tip.replaceChildren();
    tip.appendChild(el("div", ROWS[e[0]][N.label] + " —" + RELS[e[2]] + "→ " + ROWS[e[1]][N.label], "mz-name"));
    if (e[4] === 1) tip.appendChild(el("div", "implied by the administrative division codes", "mz-muted"));
    sentenceList(e[3], 3, tip, "mz-sentence");
  }
  function placeTip(pointer) {
    tip.hidden = false;
    var x = pointer.DOM.x + 14, y = pointer.DOM.y + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > container.clientWidth) x = Math.max(0, pointer.DOM.x - w - 14);
    if (y + h > container.clientHeight) y = Math.max(0, pointer.DOM.y - h - 14);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  network.on("hoverNode", function (ev) { nodeTip(ev.node); placeTip(ev.pointer); });
  network.on("hoverEdge", function (ev) { edgeTip(ev.edge); placeTip(ev.pointer); });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  // ---- details panel and neighbourhood highlight -----------------------------------------
  var details = document.getElementById("mz-details");
  function showDetails(id) {
    var r = ROWS[id];
    details.replaceChildren();
    var close = el("button", "×", "mz-close");
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { details.hidden = true; clearHighlight(); });
    details.appendChild(close);
    details.appendChild(el("h2", r[N.label]));
    details.appendChild(typeBadge(r[N.type]));
    function section(title, items) {
      if (!items.length) return;
      details.appendChild(el("h3", title));
      var ul = el("ul");
      items.forEach(function (it) { ul.appendChild(it instanceof Node ? wrapLi(it) : el("li", it)); });
      details.appendChild(ul);
    }
    function wrapLi(node) { var li = el("li"); li.appendChild(node); return li; }
    section("Other names", r[N.alt]);
    var v = fmtValue(r);
    section("Value", v === null ? [] : [v]);
    section("Indicator", r[N.indicator] ? [r[N.indicator]] : []);
    var links = [];
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = EROWS[eid], other = e[0] === id ? e[1] : e[0];
      var line = el("span");
      line.appendChild(el("span", (e[0] === id ? RELS[e[2]] + " → " : "← " + RELS[e[2]] + " "), "mz-muted"));
      var link = el("button", ROWS[other][N.label], "mz-link");
      link.addEventListener("click", function () { focusNode(other); });
      line.appendChild(link);
      links.push(line);
    });
    section("Relations", links);
    section("Sentences", r[N.sents].map(function (s) { return SENTS[s]; }));
    section("IRI", [r[N.iri]]);
    details.hidden = false;
  }
  var highlighted = null;
  function highlight(id) {
    clearHighlight();
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var around = network.getConnectedEdges(id);
    if (ROWS.length > BIG_HIGHLIGHT) {
      // restyling tens of thousands of items takes seconds: use vis's selection instead
      network.setSelection({ nodes: Object.keys(keep).map(Number), edges: around }, { unselectAll: true });
      highlighted = { id: id, nodes: Object.keys(keep).map(Number), selection: true };
      api.highlighted = highlighted;
      return;
    }
    var nodeUpd = [], edgeUpd = [];
    for (var k = 0; k < ROWS.length; k++) {
      if (!keep[k]) nodeUpd.push({ id: k, color: { background: DIM, border: DIM }, font: { color: DIM_FONT } });
    }
    for (var m = 0; m < EROWS.length; m++) {
      if (EROWS[m][0] !== id && EROWS[m][1] !== id) edgeUpd.push({ id: m, color: { color: DIM }, font: { color: DIM_FONT } });
    }
    nodes.update(nodeUpd);
    edges.update(edgeUpd);
    highlighted = { id: id, nodes: Object.keys(keep).map(Number) };
    api.highlighted = highlighted;
  }
  function clearHighlight() {
    if (!highlighted) return;
    if (highlighted.selection) { network.unselectAll(); highlighted = null; api.highlighted = null; return; }
    nodes.update(nodeItems.map(function (n) {
      return { id: n.id, color: typeColour(ROWS[n.id][N.type]), font: { color: NODE_FONT } };
    }));
    edges.update(edgeItems.map(function (e) { return { id: e.id, color: { color: EDGE_COLOUR }, font: { color: EDGE_FONT } }; }));
    highlighted = null;
    api.highlighted = null;
  }
  network.on("click", function (ev) {
    if (ev.nodes.length) { highlight(ev.nodes[0]); showDetails(ev.nodes[0]); }
    else if (!ev.edges.length) { clearHighlight(); details.hidden = true; }
  });

  // ---- search ----------------------------------------------------------------------------
  function norm(s) { return String(s).normalize("NFKC").trim().toLowerCase(); }
  var keys = ROWS.map(function (r) { return [norm(r[N.label]), r[N.alt].map(norm)]; });
  function matches(q, limit) {
    q = norm(q);
    if (!q) return [];
    var scored = [];
    for (var k = 0; k < ROWS.length; k++) {
      var lab = keys[k][0], alts = keys[k][1], score = -1;
      if (lab === q) score = 0;
      else if (alts.indexOf(q) >= 0) score = 1;
      else if (lab.indexOf(q) === 0) score = 2;
      else if (lab.indexOf(q) > 0) score = 3;
      else if (alts.some(function (a) { return a.indexOf(q) >= 0; })) score = 4;
      if (score >= 0) scored.push([score, -ROWS[k][N.degree], k]);
    }
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return scored.slice(0, limit).map(function (s) { return s[2]; });
  }
  function focusNode(id) {
    var k = ROWS[id][N.type];
    if (hiddenTypes[k]) setTypeVisible(k, true);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2),
                        animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    highlight(id);
    if (!highlighted || !highlighted.selection) network.selectNodes([id]);
    showDetails(id);
  }
  var input = document.getElementById("mz-search"), status = document.getElementById("mz-search-status");
  var suggestions = document.getElementById("mz-suggestions");
  function search(q) {
    var found = matches(q, 1);
    if (!found.length) { status.textContent = "no match for “" + q + "”"; return null; }
    status.textContent = "";
    focusNode(found[0]);
    return found[0];
  }
  document.getElementById("mz-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    suggestions.replaceChildren();
    search(input.value);
  });
  input.addEventListener("input", function () {
    suggestions.replaceChildren();
    matches(input.value, 8).forEach(function (k) {
      var li = el("li"), b = el("button", ROWS[k][N.label]);
      b.type = "button";
      b.addEventListener("click", function () { suggestions.replaceChildren(); input.value = ROWS[k][N.label]; focusNode(k); });
      li.appendChild(b);
      suggestions.appendChild(li);
    });
  });
  api.search = search;
  api.focusNode = focusNode;
  // other pages (the summary report) link here as graph.html#search=<label>
  function searchFromHash() {
    var m = /^#search=(.*)$/.exec(location.hash);
    if (!m) return;
    var q;
    try { q = decodeURIComponent(m[1]); } catch (e) { return; }
    input.value = q;
    search(q);
  }
  window.addEventListener("hashchange", searchFromHash);
  searchFromHash();
  api.setTypeVisible = function (name, visible) {
    for (var k = 0; k < TYPES.length; k++) if (TYPES[k][0] === name) setTypeVisible(k, visible);
  };
})();
