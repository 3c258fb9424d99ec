/* mzgraph workbench: the page at the root of `mzgraph serve`.
 *
 * Queries go to the server's own /sparql endpoint; the ready questions, entity pages, the
 * network frame and downloads come from /workbench/* (see mzgraph.remote.workbench). Every
 * string from the graph is untrusted (labels come from scraped pages), so text reaches the
 * page only through textContent and element attributes, never as HTML.
 */
(function () {
  "use strict";
  var NUMERIC = ["integer", "decimal", "float", "double", "int", "long", "short", "byte", "nonNegativeInteger",
                 "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                 "unsignedShort", "unsignedByte", "gYear"].map(function (t) { return "http://www.w3.org/2001/XMLSchema#" + t; });
  var ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";
  var SHOWN_ROWS = 1000;  // a table of more rows makes the page slow; sorting still covers them all
  var SHOWN_SENTENCES = 500;  // a hub of a big corpus is named in thousands
  var api = { ready: false, questions: [], prefixes: [], result: null };
  window.workbench = api;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function compact(iri) {
    var best = null;
    api.prefixes.forEach(function (p) {
      if (iri.indexOf(p[1]) === 0 && (!best || p[1].length > best[1].length)) best = p;
    });
    return best && /^[^\s<>"{}|^`\\#?]*$/.test(iri.slice(best[1].length)) ? best[0] + ":" + iri.slice(best[1].length) : iri;
  }
  function entityHref(iri) { return "#entity=" + encodeURIComponent(iri); }
  function entityLink(iri, text) {
    var a = el("a", text === undefined || text === null ? compact(iri) : text);
    a.href = entityHref(iri);
    a.title = iri;
    a.setAttribute("data-iri", iri);
    return a;
  }
  function typeBadge(type) { return el("span", type, "wb-type wb-type-" + String(type).replace(/[^A-Za-z]/g, "")); }
  function setStatus(node, text, isError) {
    node.textContent = text;
    node.classList.toggle("wb-error", !!isError);
  }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (resp) {
      if (!resp.ok) return resp.text().then(function (t) { throw new Error(t.trim() || resp.statusText); });
      return resp.json();
    });
  }

  // ---- views: #query and #entity=<iri> ----------------------------------------------------------
  function route() {
    var m = /^#entity=(.*)$/.exec(location.hash);
    var onEntity = !!m || location.hash === "#entity";
    $("wb-query").hidden = onEntity;
    $("wb-entity").hidden = !onEntity;
    $("wb-nav-query").classList.toggle("wb-current", !onEntity);
    $("wb-nav-entity").classList.toggle("wb-current", onEntity);
    if (m) {
      var iri;
      try { iri = decodeURIComponent(m[1]); } catch (e) { setStatus($("wb-entity-status"), "not an entity link", true); return; }
      showEntity(iri);
    }
  }
  window.addEventListener("hashchange", route);

  // ---- ready questions and prefixes ---------------------------------------------------------------
  var editor = $("wb-editor");
  var current = null;  // the ready question being filled in
  function listQuestions() {
    var list = $("wb-question-list");
    api.questions.forEach(function (q) {
      var b = el("button");
      b.type = "button";
      b.setAttribute("data-name", q.name);
      b.appendChild(el("span", q.name, "wb-qname"));
      b.appendChild(el("span", q.description, "wb-qdesc"));
      b.addEventListener("click", function () { chooseQuestion(q); });
      var li = el("li");
      li.appendChild(b);
      list.appendChild(li);
    });
  }
  function chooseQuestion(q) {
    current = q;
    document.querySelectorAll("#wb-question-list button").forEach(function (b) {
      b.classList.toggle("wb-current", b.getAttribute("data-name") === q.name);
    });
    $("wb-question-detail").hidden = false;
    $("wb-question-name").textContent = q.name;
    $("wb-question-description").textContent = q.description;
    $("wb-question-comment").textContent = q.comment.join(" ");
    var form = $("wb-param-form");
    form.replaceChildren();
    var names = Object.keys(q.parameters);
    editor.value = q.text;
    if (!names.length) { runQuery(); return; }
    names.forEach(function (name) {
      var label = el("label", name + " ");
      var input = el("input");
      input.name = name;
      input.required = true;
      input.placeholder = "e.g. " + q.parameters[name].replace(/^"|"$/g, "");
      input.setAttribute("data-param", name);
      label.appendChild(input);
      form.appendChild(label);
    });
    var go = el("button", "Load and run");
    go.type = "submit";
    form.appendChild(go);
    setStatus($("wb-status"), "give " + names.join(", ") + " and press Load and run");
    form.querySelector("input").focus();
  }
  $("wb-param-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (!current) return;
    var params = new URLSearchParams({ name: current.name });
    $("wb-param-form").querySelectorAll("input[data-param]").forEach(function (input) {
      params.append("p." + input.name, input.value);
    });
    getJSON("/workbench/bind?" + params.toString()).then(function (bound) {
      editor.value = bound.text;
      runQuery();
    }, function (err) { setStatus($("wb-status"), err.message, true); });
  });
  function listPrefixes() {
    var list = $("wb-prefix-list");
    api.prefixes.forEach(function (p) {
      var b = el("button", p[0] + ": <" + p[1] + ">");
      b.type = "button";
      b.title = "write PREFIX " + p[0] + ": at the top of the query";
      b.addEventListener("click", function () {
        var line = "PREFIX " + p[0] + ": <" + p[1] + ">\n";
        if (editor.value.indexOf(line) < 0) editor.value = line + editor.value;
        editor.focus();
      });
      var li = el("li");
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  // ---- running a query and the results table -----------------------------------------------------
  var running = 0;
  function runQuery() {
    var text = editor.value;
    if (!text.trim()) { setStatus($("wb-status"), "the query is empty", true); return Promise.resolve(); }
    var ticket = ++running, started = performance.now();
    setStatus($("wb-status"), "running…");
    api.ready = false;
    return fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: ACCEPT },
      body: new URLSearchParams({ query: text }).toString()
    }).then(function (resp) {
      var type = (resp.headers.get("Content-Type") || "").split(";")[0];
      return resp.text().then(function (body) { return { ok: resp.ok, type: type, body: body }; });
    }).then(function (answer) {
      if (ticket !== running) return;
      var ms = Math.round(performance.now() - started) + " ms";
      var out = $("wb-results");
      out.replaceChildren();
      if (!answer.ok) { api.result = null; setStatus($("wb-status"), answer.body.trim(), true); return; }
      if (answer.type === "application/sparql-results+json") {
        var doc = JSON.parse(answer.body);
        api.result = doc;
        if (typeof doc.boolean === "boolean") {
          out.appendChild(el("p", "ASK → " + doc.boolean));
          setStatus($("wb-status"), "answered in " + ms);
        } else {
          out.appendChild(resultsTable(doc));
          var n = doc.results.bindings.length;
          setStatus($("wb-status"), n + (n === 1 ? " row" : " rows") + " in " + ms +
                    (n > SHOWN_ROWS ? " (the first " + SHOWN_ROWS + " shown: sort to bring others up, download for all)" : ""));
        }
      } else {
        api.result = answer.body;
        out.appendChild(el("pre", answer.body));
        setStatus($("wb-status"), "graph (Turtle) in " + ms);
      }
    }, function (err) {
      if (ticket === running) setStatus($("wb-status"), "the server did not answer: " + err.message, true);
    }).then(function () { if (ticket === running) api.ready = true; });
  }
  api.run = runQuery;

  function isNumber(term) { return term && term.type === "literal" && NUMERIC.indexOf(term.datatype) >= 0; }
  function cellNode(term) {
    if (!term) return null;
    if (term.type === "uri") return entityLink(term.value);
    if (term.type === "bnode") return document.createTextNode("_:" + term.value);
    return document.createTextNode(term.value);
  }
  function resultsTable(doc) {
    var vars = doc.head.vars, rows = doc.results.bindings.slice();
    var numeric = vars.map(function (v) {
      var seen = rows.filter(function (r) { return r[v]; });
      return seen.length > 0 && seen.every(function (r) { return isNumber(r[v]); });
    });
    var table = el("table", null, "wb-table");
    table.id = "wb-results-table";
    var head = el("tr");
    var tbody = el("tbody");
    var order = { col: -1, dir: 1 };
    vars.forEach(function (v, i) {
      var th = el("th");
      th.setAttribute("data-var", v);
      th.setAttribute("aria-sort", "none");
      var b = el("button", v);
      b.type = "button";
      b.title = "sort by " + v;
      b.addEventListener("click", function () {
        order = { col: i, dir: order.col === i ? -order.dir : 1 };
        head.querySelectorAll("th").forEach(function (h, k) {
          h.setAttribute("aria-sort", k === i ? (order.dir > 0 ? "ascending" : "descending") : "none");
        });
        sortRows(v, numeric[i], order.dir);
        fill();
      });
      th.appendChild(b);
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    table.appendChild(tbody);
    var collator = new Intl.Collator("zh", { numeric: true });
    rows.forEach(function (r, k) { r.__index = k; });
    function sortRows(v, asNumber, dir) {
      rows.sort(function (a, b) {
        var x = a[v], y = b[v], c;
        if (!x || !y) c = (x ? 0 : 1) - (y ? 0 : 1);  // empty cells last either way
        else if (asNumber) c = (Number(x.value) - Number(y.value)) * dir;
        else c = collator.compare(x.value, y.value) * dir;
        return c || a.__index - b.__index;
      });
    }
    function fill() {
      var frag = document.createDocumentFragment();
      rows.slice(0, SHOWN_ROWS).forEach(function (r) {
        var tr = el("tr");
        vars.forEach(function (v, i) {
          var td = el("td", null, numeric[i] ? "wb-number" : null);
          var node = cellNode(r[v]);
          if (node) td.appendChild(node);
          tr.appendChild(td);
        });
        frag.appendChild(tr);
      });
      tbody.replaceChildren(frag);
    }
    fill();
    return table;
  }

  // ---- downloads: the server writes the file as `mzgraph query --format csv|json` does ---------------
  function download(format) {
    if (!editor.value.trim()) { setStatus($("wb-status"), "the query is empty", true); return; }
    var form = el("form");
    form.method = "POST";
    form.action = "/workbench/download";
    form.hidden = true;
    [["query", editor.value], ["format", format]].forEach(function (kv) {
      var input = el("input");
      input.type = "hidden";
      input.name = kv[0];
      input.value = kv[1];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
    form.remove();
  }
  $("wb-run").addEventListener("click", runQuery);
  $("wb-csv").addEventListener("click", function () { download("csv"); });
  $("wb-json").addEventListener("click", function () { download("json"); });
  editor.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runQuery(); }
  });

  // ---- entity page -----------------------------------------------------------------------------
  var shown = null;
  function showEntity(iri) {
    if (shown === iri) return;
    shown = iri;
    api.ready = false;
    setStatus($("wb-entity-status"), "loading " + iri + " …");
    $("wb-entity-body").hidden = true;
    getJSON("/workbench/entity?iri=" + encodeURIComponent(iri)).then(function (e) {
      if (shown !== iri) return;
      renderEntity(e);
      setStatus($("wb-entity-status"), "");
      $("wb-network").src = "/workbench/network?iri=" + encodeURIComponent(iri);
      $("wb-entity-body").hidden = false;
      api.entity = e;
      api.ready = true;
    }, function (err) {
      if (shown !== iri) return;
      shown = null;
      setStatus($("wb-entity-status"), err.message, true);
      api.ready = true;
    });
  }
  function headRow(table, names) {
    var tr = el("tr");
    names.forEach(function (n) { tr.appendChild(el("th", n)); });
    var thead = el("thead");
    thead.appendChild(tr);
    table.replaceChildren(thead);
    var tbody = el("tbody");
    table.appendChild(tbody);
    return tbody;
  }
  function renderEntity(e) {
    $("wb-entity-label").textContent = e.label || compact(e.iri);
    var types = $("wb-entity-types");
    types.replaceChildren();
    e.types.forEach(function (t) { types.appendChild(typeBadge(t)); });
    $("wb-entity-iri").textContent = e.iri;
    var facts = $("wb-entity-facts");
    facts.replaceChildren();
    function fact(name, value) { facts.appendChild(el("dt", name)); facts.appendChild(el("dd", value)); }
    if (e.alt_labels.length) fact("other names 别名", e.alt_labels.join(" · "));
    Object.keys(e.attributes).forEach(function (k) { fact(k, e.attributes[k]); });

    // one row per relation, with every piece of evidence for it
    var rel = headRow($("wb-relations"), ["", "relation", "entity", "type", "evidence"]);
    var byKey = {}, keys = [];
    e.relations.forEach(function (r) {
      var key = r.direction + " " + r.predicate + " " + r.other;
      if (!byKey[key]) { byKey[key] = { r: r, evidence: [] }; keys.push(key); }
      if (r.evidence && byKey[key].evidence.indexOf(r.evidence) < 0) byKey[key].evidence.push(r.evidence);
    });
    keys.forEach(function (key) {
      var r = byKey[key].r, tr = el("tr");
      tr.setAttribute("data-direction", r.direction);
      tr.appendChild(el("td", r.direction === "out" ? "→" : "←"));
      tr.appendChild(el("td", r.predicate));
      var td = el("td");
      td.appendChild(entityLink(r.other, r.label || compact(r.other)));
      tr.appendChild(td);
      var tt = el("td");
      if (r.type) tt.appendChild(typeBadge(r.type));
      tr.appendChild(tt);
      var ev = el("td");
      byKey[key].evidence.forEach(function (text) { ev.appendChild(el("div", text)); });
      tr.appendChild(ev);
      rel.appendChild(tr);
    });
    if (!keys.length) rel.appendChild(el("tr")).appendChild(el("td", "no relations")).colSpan = 5;

    // one row per sentence (kg.describe gives the forms naming the entity there as "a / b"), the names marked
    var sent = headRow($("wb-sentences"), ["document", "characters", "sentence"]);
    e.sentences.slice(0, SHOWN_SENTENCES).forEach(function (s) {
      var tr = el("tr");
      tr.appendChild(el("td", compact(s.document)));
      tr.appendChild(el("td", s.begin + "–" + s.end, "wb-number"));
      var td = el("td");
      td.setAttribute("data-document", s.document);
      marked(td, s.sentence, String(s.mentions || "").split(" / "));
      tr.appendChild(td);
      sent.appendChild(tr);
    });
    if (!e.sentences.length) sent.appendChild(el("tr")).appendChild(el("td", "no sentences")).colSpan = 3;
    if (e.sentences.length > SHOWN_SENTENCES) {
      sent.appendChild(el("tr")).appendChild(el("td", "… " + (e.sentences.length - SHOWN_SENTENCES) +
        " more sentences: the ready question entity-sentences lists them all", "wb-muted")).colSpan = 3;
    }
  }
  function marked(into, text, names) {
    // split the sentence at every occurrence of a mention; each piece goes in as text
    var parts = [{ text: text, mark: false }];
    names.filter(Boolean).sort(function (a, b) { return b.length - a.length; }).forEach(function (name) {
      var next = [];
      parts.forEach(function (p) {
        if (p.mark) { next.push(p); return; }
        var pieces = p.text.split(name);
        pieces.forEach(function (piece, k) {
          if (k) next.push({ text: name, mark: true });
          if (piece) next.push({ text: piece, mark: false });
        });
      });
      parts = next;
    });
    parts.forEach(function (p) { into.appendChild(p.mark ? el("mark", p.text) : document.createTextNode(p.text)); });
  }

  // ---- find an entity by name ----------------------------------------------------------------------
  $("wb-find-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = $("wb-find").value.trim(), list = $("wb-find-results");
    list.replaceChildren();
    if (!q) return;
    getJSON("/workbench/find?q=" + encodeURIComponent(q)).then(function (found) {
      if (!found.length) { list.appendChild(el("li", "no entity is named like “" + q + "”")); return; }
      if (found.length === 1) { location.hash = entityHref(found[0].iri); return; }  // the only one: open it
      found.forEach(function (f) {
        var li = el("li");
        li.appendChild(typeBadge(f.type));
        var a = entityLink(f.iri, f.label);
        a.addEventListener("click", function () { list.replaceChildren(); });
        li.appendChild(a);
        list.appendChild(li);
      });
    }, function (err) { list.appendChild(el("li", err.message)); });
  });

  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") $("wb-find-results").replaceChildren(); });
  document.addEventListener("click", function (ev) {
    if (!$("wb-header").contains(ev.target)) $("wb-find-results").replaceChildren();
  });

  // ---- start ----------------------------------------------------------------------------------------
  getJSON("/workbench/questions").then(function (info) {
    api.questions = info.questions;
    api.prefixes = info.prefixes;
    listQuestions();
    listPrefixes();
    if (!editor.value) editor.value = "SELECT ?entity ?label WHERE {\n  ?entity a mz:Agency ; rdfs:label ?label .\n}\nORDER BY ?label\n";
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
    route();
  }, function (err) {
    setStatus($("wb-status"), "cannot read the ready questions: " + err.message, true);
  });
})();
