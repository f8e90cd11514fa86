/* kg network page: builds the vis-network from the JSON in #kg-data, the legend with
   its filters, the search box, hover tooltips and the details panel.  Every string from
   the data is put into the page with textContent, never as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function byId(id) { return document.getElementById(id); }

  var nodeColour = {};
  data.nodeTypes.forEach(function (t) { nodeColour[t.type] = t.colour; });
  var edgeColour = {};
  data.relationTypes.forEach(function (t) { edgeColour[t.type] = t.colour; });

  /* ---------------------------------------------------------------- cards */

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function actorCard(node, long) {
    var info = node.kgInfo, card = el("div", "kg-card");
    card.appendChild(el("h3", null, info.name));
    var sub = el("div", "kg-sub");
    var badge = el("span", "kg-badge");
    badge.style.background = nodeColour[info.type] || "#999";
    sub.appendChild(badge);
    var parts = [info.type + (info.role ? " · " + info.role : "")];
    if (info.mentions) parts.push(plural(info.mentions, "mention"));
    if (info.documents) parts.push(plural(info.documents, "document"));
    sub.appendChild(document.createTextNode(parts.join(" · ")));
    card.appendChild(sub);
    if (info.aliases.length) {
      card.appendChild(el("h4", null, "Also called"));
      card.appendChild(el("div", null, info.aliases.slice(0, long ? 10 : 4).join(" · ")));
    }
    if (info.relations.length) {
      card.appendChild(el("h4", null, "Top relationships"));
      var list = el("ul");
      info.relations.slice(0, long ? 8 : 4).forEach(function (r) {
        var item = el("li");
        var type = el("span", "kg-rel-type", r.arrow + " " + r.type);
        type.style.color = edgeColour[r.type] || "#555";
        item.appendChild(type);
        item.appendChild(document.createTextNode(" " + r.other + (r.count > 1 ? " ×" + r.count : "")));
        list.appendChild(item);
      });
      card.appendChild(list);
      if (info.relationCount > info.relations.length && long) {
        card.appendChild(el("div", "kg-more", "and " + (info.relationCount - info.relations.length) + " more"));
      }
    }
    if (info.statements.length) {
      card.appendChild(el("h4", null, "Statements"));
      info.statements.slice(0, long ? 4 : 2).forEach(function (s) {
        var quote = el("blockquote");
        quote.appendChild(el("div", null, s.kind === "quote" ? "“" + s.text + "”" : s.text));
        quote.appendChild(el("cite", null, s.document));
        card.appendChild(quote);
      });
      if (info.statementCount > info.statements.length && long) {
        card.appendChild(el("div", "kg-more", "and " + (info.statementCount - info.statements.length) + " more"));
      }
    }
    return card;
  }

  function statementCard(node) {
    var info = node.kgInfo, card = el("div", "kg-card");
    card.appendChild(el("h3", null, info.speaker + (info.kind === "quote" ? " said" : " (reported)")));
    var quote = el("blockquote");
    quote.appendChild(el("div", null, info.kind === "quote" ? "“" + info.text + "”" : info.text));
    quote.appendChild(el("cite", null, info.document));
    card.appendChild(quote);
    if (info.about.length) card.appendChild(el("div", "kg-sub", "About: " + info.about.join(", ")));
    return card;
  }

  function edgeCard(edge, long) {
    var info = edge.kgInfo, card = el("div", "kg-card");
    if (!info.source) {
      card.appendChild(el("h3", null, info.type));
      return card;
    }
    var head = el("h3");
    head.appendChild(document.createTextNode(info.source + " "));
    var type = el("span", "kg-rel-type", info.type);
    type.style.color = edgeColour[info.type] || "#555";
    head.appendChild(type);
    head.appendChild(document.createTextNode(" " + info.target));
    card.appendChild(head);
    card.appendChild(el("div", "kg-sub", "seen " + plural(info.count, "time") + " · confidence " + info.confidence));
    if (info.evidence.length) {
      card.appendChild(el("h4", null, "Evidence"));
      info.evidence.slice(0, long ? 4 : 2).forEach(function (e) {
        var quote = el("blockquote");
        quote.appendChild(el("div", null, e.text));
        quote.appendChild(el("cite", null, e.document));
        card.appendChild(quote);
      });
    }
    return card;
  }

  function nodeCard(node, long) {
    return node.kgType === "Statement" ? statementCard(node) : actorCard(node, long);
  }

  /* ---------------------------------------------------------------- network */

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = byId("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgTimings = { built: performance.now() };
  window.network = network;
  window.kgNetwork = network;
  window.kgReady = false;

  function ready() {
    if (window.kgReady) return;
    network.setOptions({ physics: false });
    byId("kg-loading").hidden = true;
    byId("kg-loading").style.display = "none";
    window.kgTimings.ready = performance.now();
    window.kgReady = true;
    document.documentElement.setAttribute("data-kg-ready", "1");
  }

  network.on("stabilizationProgress", function (p) {
    byId("kg-loading-fill").style.width = Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", ready);
  if (data.nodes.length === 0) {
    var empty = el("div", null, "No actors match this view.");
    empty.id = "kg-empty";
    container.appendChild(empty);
    ready();
  }

  /* ---------------------------------------------------------------- legend */

  byId("kg-title").textContent = data.title;
  document.title = data.title;
  var actorCount = data.nodes.filter(function (n) { return n.kgType !== "Statement"; }).length;
  var relationCount = data.edges.filter(function (e) { return e.kgInfo && e.kgInfo.source; }).length;
  byId("kg-summary").textContent = plural(actorCount, "actor") + " · " + plural(relationCount, "relationship");
  byId("kg-size-note").textContent = "· size = " + data.size;
  if (data.filters) byId("kg-filters").textContent = data.filters;
  data.notes.forEach(function (note) { byId("kg-notes").appendChild(el("p", "kg-note", note)); });

  var SVG = "http://www.w3.org/2000/svg";  // the SVG namespace name, not a request
  function glyph(shape, colour, dashed) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var pts = {
      square: "2,2 14,2 14,14 2,14",
      diamond: "8,1 15,8 8,15 1,8",
      hexagon: "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8",
      triangle: "8,1.5 15,14 1,14",
      triangleDown: "1,2 15,2 8,14.5",
      star: "8,1 9.9,6 15,6 10.9,9.2 12.5,14.5 8,11.3 3.5,14.5 5.1,9.2 1,6 6.1,6",
      box: "1.5,4 14.5,4 14.5,12 1.5,12",
    }[shape];
    var mark = pts ? document.createElementNS(SVG, "polygon") : document.createElementNS(SVG, "circle");
    if (pts) mark.setAttribute("points", pts);
    else { mark.setAttribute("cx", "8"); mark.setAttribute("cy", "8"); mark.setAttribute("r", "6.5"); }
    mark.setAttribute("fill", colour);
    mark.setAttribute("stroke", shape === "box" ? "#BDB6A8" : "rgba(0,0,0,0.35)");
    mark.setAttribute("stroke-width", dashed ? "1.6" : "1");
    if (dashed) mark.setAttribute("stroke-dasharray", "2.5 1.5");
    svg.appendChild(mark);
    return svg;
  }

  function line(colour, dashed) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "10");
    svg.setAttribute("viewBox", "0 0 22 10");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", "M1 5 H15 M13 1.5 L20 5 L13 8.5 Z");
    path.setAttribute("stroke", colour);
    path.setAttribute("stroke-width", "2.4");
    path.setAttribute("fill", colour);
    if (dashed) path.setAttribute("stroke-dasharray", "3 2");
    svg.appendChild(path);
    return svg;
  }

  var hiddenTypes = new Set();
  var hiddenRelations = new Set();

  function applyFilters() {
    var nodeUpdates = data.nodes.map(function (n) { return { id: n.id, hidden: hiddenTypes.has(n.kgType) }; });
    var edgeUpdates = data.edges.map(function (e) { return { id: e.id, hidden: hiddenRelations.has(e.kgType) }; });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
  }

  function legendItem(list, kind, entry, swatch, hiddenSet) {
    var item = el("li");
    item.setAttribute("data-kg-" + kind, entry.type);
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kg-filter", kind);
    box.value = entry.type;
    box.addEventListener("change", function () {
      if (box.checked) hiddenSet.delete(entry.type); else hiddenSet.add(entry.type);
      item.classList.toggle("kg-off", !box.checked);
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "kg-name", entry.type));
    label.appendChild(el("span", "kg-count", entry.count));
    item.appendChild(label);
    list.appendChild(item);
  }

  data.nodeTypes.forEach(function (t) {
    legendItem(byId("kg-legend-nodes"), "type", t, glyph(t.shape, t.colour, t.dashed), hiddenTypes);
  });
  data.relationTypes.forEach(function (t) {
    legendItem(byId("kg-legend-edges"), "relation", t, line(t.colour, t.type === "SAID" || t.type === "ABOUT"), hiddenRelations);
  });

  /* ---------------------------------------------------------------- tooltip and details */

  var tooltip = byId("kg-tooltip");
  function showTooltip(card, pointer) {
    tooltip.replaceChildren(card);
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var px = box.left + pointer.x, py = box.top + pointer.y;
    var x = px + 16, y = py + 16;
    var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, px - w - 16);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  network.on("hoverNode", function (p) { showTooltip(nodeCard(nodes.get(p.node), false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(edgeCard(edges.get(p.edge), false), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  var details = byId("kg-details");
  function showDetails(card) {
    byId("kg-details-body").replaceChildren(card);
    details.hidden = false;
  }
  byId("kg-details-close").addEventListener("click", function () {
    details.hidden = true;
    network.unselectAll();
    clearHighlight();
  });

  /* dim everything but the selected node and its neighbours */
  var dimmed = false;
  var baseFont = {}, baseEdgeColour = {};
  data.nodes.forEach(function (n) { baseFont[n.id] = JSON.parse(JSON.stringify(n.font)); });
  data.edges.forEach(function (e) { baseEdgeColour[e.id] = JSON.parse(JSON.stringify(e.color)); });
  var canDim = data.nodes.length + data.edges.length <= 4000;  // big pages: selection only
  function highlight(nodeId) {
    if (!canDim) return;
    var keep = new Set(network.getConnectedNodes(nodeId));
    keep.add(nodeId);
    nodes.update(data.nodes.map(function (n) {
      var on = keep.has(n.id);
      var font = Object.assign({}, baseFont[n.id]);
      if (!on) font.color = "rgba(31,35,40,0.18)";
      return { id: n.id, opacity: on ? 1 : 0.15, font: font };
    }));
    edges.update(data.edges.map(function (e) {
      var on = e.from === nodeId || e.to === nodeId;
      return { id: e.id, color: Object.assign({}, baseEdgeColour[e.id], { opacity: on ? 1 : 0.06 }) };
    }));
    dimmed = true;
  }
  function clearHighlight() {
    if (!dimmed) return;
    nodes.update(data.nodes.map(function (n) { return { id: n.id, opacity: 1, font: baseFont[n.id] }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: baseEdgeColour[e.id] }; }));
    dimmed = false;
  }

  network.on("click", function (p) {
    hideTooltip();
    clearHighlight();
    if (p.nodes.length) {
      highlight(p.nodes[0]);
      showDetails(nodeCard(nodes.get(p.nodes[0]), true));
    } else if (p.edges.length) showDetails(edgeCard(edges.get(p.edges[0]), true));
    else details.hidden = true;
  });

  /* ---------------------------------------------------------------- search */

  var names = byId("kg-names");
  var actors = data.nodes.filter(function (n) { return n.kgType !== "Statement"; });
  actors.forEach(function (n) {
    var option = el("option");
    option.value = n.kgInfo.name;
    names.appendChild(option);
  });

  function fold(s) { return String(s).toLocaleLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim(); }

  function findActor(query) {
    var q = fold(query);
    if (!q) return null;
    var tests = [
      function (n) { return fold(n.kgInfo.name) === q; },
      function (n) { return n.kgInfo.aliases.some(function (a) { return fold(a) === q; }); },
      function (n) { return fold(n.kgInfo.name).indexOf(q) === 0; },
      function (n) { return fold(n.kgInfo.name).indexOf(q) >= 0; },
      function (n) { return n.kgInfo.aliases.some(function (a) { return fold(a).indexOf(q) >= 0; }); },
    ];
    for (var i = 0; i < tests.length; i++) {
      var hit = actors.find(tests[i]);
      if (hit) return hit;
    }
    return null;
  }

  function focusActor(query) {
    var status = byId("kg-search-status");
    var hit = findActor(query);
    if (!hit) {
      status.textContent = "No actor matches “" + query + "”.";
      return null;
    }
    if (hiddenTypes.has(hit.kgType)) {
      var box = document.querySelector('input[data-kg-filter="type"][value="' + hit.kgType + '"]');
      if (box) { box.checked = true; box.dispatchEvent(new Event("change")); }
    }
    status.textContent = "";
    clearHighlight();
    highlight(hit.id);
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    showDetails(nodeCard(nodes.get(hit.id), true));
    return hit.id;
  }
  window.kgFocus = focusActor;

  byId("kg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    focusActor(byId("kg-search-input").value);
  });
})();
