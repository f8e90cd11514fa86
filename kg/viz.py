"""Interactive network pages: a GraphSnapshot -> one self-contained HTML file.

The graph is built with NetworkX (kg.analytics), the nodes and edges collected in a pyvis
Network, and the page rendered from kg's own template (``kg/data/viz_page.*``) with the
vis-network that pyvis ships inlined (pyvis's template pulls bootstrap from a CDN), so
it opens from the file system with no network at all: no <script src>, no <link href>,
and a Content-Security-Policy that allows only the page's own scripts (by hash) and
no request to any host.  Text from articles travels as JSON data and is put into the
page with ``textContent`` only, so no HTML or script from a document can run.

``write_page`` writes only the path it is given and returns it; ``write_gallery``
writes an index page and the pages it links into one folder.  Neither prints, copies
pyvis's ``lib/`` anywhere, or opens a browser.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from kg.errors import ConfigError, KGError
from kg.model import ACTOR_TYPES, RELATION_TYPES, GraphSnapshot, slugify

__all__ = [
    "EDGE_COLOURS",
    "NODE_STYLES",
    "SIZE_MEASURES",
    "page_html",
    "resolve_actor",
    "write_gallery",
    "write_page",
]

SIZE_MEASURES = ("pagerank", "degree", "betweenness")

# type -> (fill colour, vis-network shape, dashed border); shapes that draw their label
# below the node, so that size can carry the centrality.
NODE_STYLES = {
    "Company": ("#4E79A7", "square", False),
    "NGO": ("#59A14F", "diamond", False),
    "GovernmentBody": ("#B07AA1", "hexagon", False),
    "Person": ("#F28E2B", "dot", False),
    "Bill": ("#9C755F", "triangle", False),
    "Incident": ("#E15759", "star", False),
    "Product": ("#76B7B2", "dot", True),
    "Policy": ("#EDC948", "triangleDown", False),
    "MediaOutlet": ("#9D9D9D", "square", True),
    "Statement": ("#F4F1EA", "box", False),
}
UNKNOWN_STYLE = ("#BAB0AC", "dot", False)

EDGE_COLOURS = {
    "CRITICIZED": "#D62728",
    "CALLED_FOR": "#FF7F0E",
    "EXEMPTED": "#BCBD22",
    "RESTRICTED": "#8C1C13",
    "ANNOUNCED": "#1F77B4",
    "SUPPORTED": "#2CA02C",
    "SUPPLIED": "#9467BD",
    "USED": "#17BECF",
    "INTRODUCED": "#8C564B",
    "DEVELOPED": "#E377C2",
    "AFFILIATED_WITH": "#7F7F7F",
    "INVOLVED_IN": "#393B79",
    "SAID": "#A7A29A",
    "ABOUT": "#C9C4BB",
}
UNKNOWN_EDGE_COLOUR = "#999999"

_DATA = Path(__file__).parent / "data"
_LABEL_CHARS = 32
_TOOLTIP_RELATIONS = 8
_TOOLTIP_STATEMENTS = 4
_EDGE_SENTENCES = 4
_EXACT_BETWEENNESS_NODES = 400
_BETWEENNESS_SAMPLE = 200


# --------------------------------------------------------------------------- public API


def write_page(snapshot: GraphSnapshot, out, **options) -> Path:
    """Write the page of ``snapshot`` that :func:`page_html` builds (same keyword options:
    size, focus, depth, relations, types, min_count, top, statements, title, max_nodes)
    to ``out``, creating its folder if needed, and return its path.
    """
    text = page_html(snapshot, **options)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out


def write_gallery(snapshot: GraphSnapshot, out_dir, *, top: int = 5) -> Path:
    """Write ``out_dir/index.html`` linking an overview page, one ego page (depth 1) per
    top actor by PageRank and one page per relationship type present; returns the index.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    graph = _actor_graph(snapshot)
    scores = _centrality(graph, "pagerank")
    names = {a["id"]: a.get("name") or a["id"] for a in snapshot.actors}
    entries: list[tuple[str, str, str, str]] = []  # (section, file, label, detail)

    write_page(snapshot, out_dir / "overview.html", title="Overview")
    entries.append(("Overview", "overview.html", "The whole graph",
                    f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relationships"))

    for actor_id in _ranked(scores)[:top]:
        name = names.get(actor_id, actor_id)
        file = f"actor-{slugify(actor_id)}.html"
        write_page(snapshot, out_dir / file, focus=actor_id, depth=1, title=f"Around {name}")
        entries.append(("Most central actors", file, name, f"PageRank {scores[actor_id]:.3f}"))

    present = Counter(kind for _, _, kind in graph.edges(keys=True))
    for relation in [r for r in RELATION_TYPES if r in present] + sorted(set(present) - set(RELATION_TYPES)):
        file = f"relation-{slugify(relation)}.html"
        write_page(snapshot, out_dir / file, relations=[relation], title=relation)
        entries.append(("Relationship types", file, relation, f"{present[relation]} edges"))

    index = out_dir / "index.html"
    index.write_text(_gallery_html(entries), encoding="utf-8")
    return index


def page_html(
    snapshot: GraphSnapshot,
    *,
    size: str = "pagerank",
    focus: str | None = None,
    depth: int = 2,
    relations=None,
    types=None,
    min_count: int = 1,
    top: int | None = None,
    statements: bool = False,
    title: str | None = None,
    max_nodes: int = 500,
) -> str:
    """The HTML of an interactive network page of ``snapshot`` (``write_page`` writes it).

    Views: the whole graph; ``focus`` (an actor name, alias or id, case-insensitive,
    close spellings accepted) with ``depth`` hops around it; only some ``relations``
    or actor ``types``; edges seen at least ``min_count`` times; the ``top`` N actors
    by the ``size`` centrality (pagerank|degree|betweenness) and the edges among them;
    statements as nodes (``statements=True``).  Above ``max_nodes`` actors the page
    keeps the most central ones and says so.

    Raises KGError when ``focus`` names no actor (with suggestions) and ConfigError for
    an unknown size, relation or type.
    """
    if size not in SIZE_MEASURES:
        raise ConfigError(f"size {size!r}: choose one of {', '.join(SIZE_MEASURES)}")
    if max_nodes < 1:
        raise ConfigError(f"max_nodes {max_nodes!r}: must be at least 1")
    if depth < 0:
        raise ConfigError(f"depth {depth!r}: must be 0 or more")
    from kg.analytics import parse_relations, parse_types

    relations = parse_relations(relations)
    types = parse_types(types)

    graph = _actor_graph(snapshot, relations=relations, types=types, min_count=min_count)
    notes: list[str] = []
    heading = title
    if focus is not None:
        center = resolve_actor(snapshot, focus)
        if center not in graph:
            raise KGError(f"{focus}: not in the graph with these filters (relations, types, min-count)")
        graph = _ego(graph, center, depth)
        heading = heading or f"Around {graph.nodes[center].get('name', center)}"
    scores = _centrality(graph, size)
    total = graph.number_of_nodes()
    if top is not None and top < total:
        graph = graph.subgraph(_ranked(scores)[:top]).copy()
        notes.append(f"The {top} most central of {total} actors (by {size}) and the edges among them.")
    elif total > max_nodes:
        graph = graph.subgraph(_ranked(scores)[:max_nodes]).copy()
        notes.append(f"Large graph: showing the {max_nodes} most central of {total} actors (by {size}). "
                     "Use a focus, filters or --top to see the rest.")
    data = _page_data(snapshot, graph, scores, size=size, statements=statements, max_nodes=max_nodes, notes=notes)
    data["title"] = heading or "Actors and relationships"
    data["filters"] = _describe_view(focus=focus, depth=depth, relations=relations, types=types, min_count=min_count)
    return _render(data)


def _describe_view(*, focus, depth, relations, types, min_count) -> str:
    parts = []
    if focus is not None:
        parts.append(f"{depth} hop{'' if depth == 1 else 's'} around the focus")
    if relations:
        parts.append("relationships: " + ", ".join(relations))
    if types:
        parts.append("actor types: " + ", ".join(types))
    if min_count > 1:
        parts.append(f"relationships seen at least {min_count} times")
    return "; ".join(parts)


def resolve_actor(snapshot: GraphSnapshot, name: str) -> str:
    """The id of the actor called ``name`` (its name, an alias or its id; case-insensitive;
    else the single best close spelling).  Raises KGError with suggestions if none fits.

    >>> snap = GraphSnapshot(actors=[{"id": "aclu", "name": "American Civil Liberties Union",
    ...                               "type": "NGO", "aliases": ["ACLU"]}])
    >>> resolve_actor(snap, "aclu"), resolve_actor(snap, "american civil liberties")
    ('aclu', 'aclu')
    """
    query = " ".join(str(name).split()).casefold()
    if not query:
        raise KGError("focus: empty actor name")
    actors = snapshot.actors
    by_mentions = sorted(actors, key=lambda a: -(a.get("mentions") or 0))
    for actor in by_mentions:
        if query in (str(actor.get("name", "")).casefold(), str(actor["id"]).casefold()):
            return actor["id"]
    if slugify(query) in {a["id"] for a in actors}:
        return slugify(query)
    for actor in by_mentions:
        if query in {str(alias).casefold() for alias in actor.get("aliases") or ()}:
            return actor["id"]
    starting = [a for a in by_mentions if str(a.get("name", "")).casefold().startswith(query)]
    containing = [a for a in by_mentions if query in str(a.get("name", "")).casefold()]
    if starting or containing:
        return (starting or containing)[0]["id"]
    forms: dict[str, str] = {}
    for actor in by_mentions:
        for form in [actor.get("name") or actor["id"], *(actor.get("aliases") or ())]:
            forms.setdefault(str(form).casefold(), actor["id"])
    close = difflib.get_close_matches(query, list(forms), n=5, cutoff=0.6)
    if close and difflib.SequenceMatcher(None, query, close[0]).ratio() >= 0.85:
        return forms[close[0]]
    names = {a["id"]: a.get("name") or a["id"] for a in actors}
    suggestions = list(dict.fromkeys(names[forms[c]] for c in close))
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise KGError(f"{name}: no such actor in the graph{hint}")


# --------------------------------------------------------------------------- the graph


def _actor_graph(snapshot, *, relations=None, types=None, min_count=1):
    """The actors and their relationships as kg.analytics's MultiDiGraph."""
    from kg.analytics import to_networkx

    return to_networkx(snapshot, relations=relations, types=types, min_count=min_count)


def _ego(graph, center, depth):
    import networkx as nx

    return nx.ego_graph(graph, center, radius=depth, undirected=True).copy()


def _centrality(graph, measure) -> dict:
    """{node: score} by kg.analytics: PageRank weighted by count, degree (number of
    relationships) or betweenness (sampled above a few hundred nodes)."""
    from kg import analytics

    if measure == "degree":
        return {node: row["degree"] for node, row in analytics.degrees(graph).items()}
    if measure == "betweenness":
        k = None if len(graph) <= _EXACT_BETWEENNESS_NODES else _BETWEENNESS_SAMPLE
        return analytics.betweenness(graph, exact_limit=_EXACT_BETWEENNESS_NODES, k=k)
    return analytics.pagerank(graph)


def _ranked(scores) -> list:
    return sorted(scores, key=lambda node: (-scores[node], str(node)))


# --------------------------------------------------------------------------- page data


def _short(text, limit) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _document_label(documents, doc_id) -> str:
    doc = documents.get(doc_id)
    if not doc:
        return str(doc_id or "")[:12]
    label = _short(doc.get("title") or Path(str(doc.get("path") or "")).name or str(doc_id)[:12], 90)
    if doc.get("source"):
        label = f"{label} ({_short(doc['source'], 40)})"
    if doc.get("published"):
        label = f"{label}, {_short(doc['published'], 10)}"
    return label


def _evidence(rel, documents) -> list[dict]:
    """The edge's sentences with where they come from.

    The store keeps a relation's sentences (de-duplicated, capped) apart from its evidence
    ids, so a sentence is tied to one document only when all the evidence comes from one;
    otherwise each sentence cites the documents the relation was seen in.
    """
    from kg.analytics import evidence_document

    doc_ids = list(dict.fromkeys(evidence_document(e) for e in rel.get("evidence") or ()))
    labels = [_document_label(documents, doc_id) for doc_id in doc_ids[:3]]
    if len(doc_ids) > 3:
        labels.append(f"{len(doc_ids) - 3} more")
    cite = labels[0] if len(labels) == 1 else ("seen in: " + "; ".join(labels) if labels else "")
    return [{"text": _short(sentence, 400), "document": cite}
            for sentence in list(rel.get("sentences") or ())[:_EDGE_SENTENCES]]


def _node_style(kind, share):
    colour, shape, dashed = NODE_STYLES.get(kind, UNKNOWN_STYLE)
    style = {
        "shape": shape,
        "color": {
            "background": colour,
            "border": _darker(colour),
            "highlight": {"background": colour, "border": "#111111"},
            "hover": {"background": colour, "border": "#111111"},
        },
        "size": round(9 + 29 * math.sqrt(share), 1),
        "font": {"size": round(14 + 10 * math.sqrt(share), 1)},
        "borderWidth": 1.5,
    }
    if dashed:
        style["shapeProperties"] = {"borderDashes": [4, 3]}
        style["borderWidth"] = 2.5
    return style


def _darker(colour, factor=0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(int(r * factor), int(g * factor), int(b * factor))


def _page_data(snapshot, graph, scores, *, size, statements, max_nodes, notes) -> dict:
    documents = {d["id"]: d for d in snapshot.documents}
    names = {a["id"]: a.get("name") or a["id"] for a in snapshot.actors}
    shown = set(graph)
    top_score = max((scores.get(n, 0.0) for n in shown), default=0.0) or 1.0

    said: dict = defaultdict(list)
    for st in snapshot.statements:
        said[st.get("speaker")].append(st)

    # every relationship of a shown actor (not only those on the page), strongest first
    touching: dict = defaultdict(list)
    for rel in snapshot.relations:
        for end, other, arrow in ((rel["source"], rel["target"], "→"), (rel["target"], rel["source"], "←")):
            if end in shown:
                touching[end].append((rel.get("count") or 1, rel["type"], arrow, names.get(other, other)))

    nodes = []
    for node_id in _ranked({n: scores.get(n, 0.0) for n in shown}):
        attrs = graph.nodes[node_id]
        kind = attrs.get("type") or "Actor"
        name = str(attrs.get("name") or node_id)
        rels = sorted(touching[node_id], key=lambda r: (-r[0], r[1], r[3]))[:_TOOLTIP_RELATIONS]
        spoken = said.get(node_id, [])
        info = {
            "name": name,
            "type": kind,
            "role": attrs.get("role") or "",
            "aliases": [_short(a, 80) for a in (attrs.get("aliases") or [])][:10],
            "mentions": attrs.get("mentions") or 0,
            "documents": attrs.get("documents") or 0,
            "score": round(scores.get(node_id, 0.0), 4),
            "relations": [{"type": t, "arrow": arrow, "other": other, "count": c} for c, t, arrow, other in rels],
            "relationCount": len(touching[node_id]),
            "statements": [
                {"text": _short(st.get("text"), 300), "kind": st.get("kind") or "",
                 "document": _document_label(documents, st.get("document"))}
                for st in spoken[:_TOOLTIP_STATEMENTS]
            ],
            "statementCount": len(spoken),
        }
        node = {"id": node_id, "label": _short(name, _LABEL_CHARS), "kgType": kind, "kgInfo": info,
                # hubs push harder, so that their neighbours' labels get room
                "mass": round(1 + 0.5 * math.sqrt(graph.degree(node_id)), 2)}
        node.update(_node_style(kind, scores.get(node_id, 0.0) / top_score))
        nodes.append(node)

    edges = []
    pair_seen: Counter = Counter()
    pair_total = Counter(frozenset((u, v)) for u, v in graph.edges())
    for u, v, kind, attrs in graph.edges(keys=True, data=True):
        count = attrs.get("count") or 1
        pair = frozenset((u, v))
        edge = {
            "id": f"{u}|{kind}|{v}",
            "from": u,
            "to": v,
            "kgType": kind,
            "color": _edge_colour(EDGE_COLOURS.get(kind, UNKNOWN_EDGE_COLOUR), 0.85),
            "width": round(min(1.2 + 1.6 * math.log2(count), 9), 2),
            "kgInfo": {
                "type": kind, "source": names.get(u, u), "target": names.get(v, v), "count": count,
                "confidence": round(float(attrs.get("confidence") or 0), 2),
                "evidence": _evidence(attrs, documents),
                "evidenceCount": len(attrs.get("evidence") or ()),
            },
        }
        if pair_total[pair] > 1:  # fan parallel edges out so that each colour shows
            rank = pair_seen[pair]
            pair_seen[pair] += 1
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if u < v else "curvedCCW",
                              "roundness": 0.12 + 0.14 * rank}
        edges.append(edge)

    if statements:
        unique = {st["id"]: st for st in snapshot.statements if st.get("speaker") in shown}
        chosen = list(unique.values())
        if len(chosen) > max_nodes:
            notes.append(f"Showing {max_nodes} of {len(chosen)} statements.")
            chosen = chosen[:max_nodes]
        for st in chosen:
            sid = f"statement:{st['id']}"
            info = {"text": _short(st.get("text"), 600), "kind": st.get("kind") or "",
                    "speaker": names.get(st["speaker"], st["speaker"]),
                    "about": [names.get(a, a) for a in st.get("about") or ()],
                    "document": _document_label(documents, st.get("document")),
                    "published": st.get("published") or ""}
            label = _short(st.get("text"), 60)
            node = {"id": sid, "label": f"“{label}”" if st.get("kind") == "quote" else label, "kgType": "Statement",
                    "kgInfo": info, "widthConstraint": {"maximum": 180}, "margin": 6}
            node.update(_node_style("Statement", 0.0))
            node["font"] = {"size": 11, "color": "#3B3B3B"}
            node["color"]["border"] = "#BDB6A8"
            nodes.append(node)
            edges.append(_statement_edge(st["speaker"], sid, "SAID"))
            for about in dict.fromkeys(st.get("about") or ()):
                if about in shown:
                    edges.append(_statement_edge(sid, about, "ABOUT"))

    type_counts = Counter(n["kgType"] for n in nodes)
    edge_counts = Counter(e["kgType"] for e in edges)
    node_legend = [
        {"type": t, "colour": NODE_STYLES.get(t, UNKNOWN_STYLE)[0], "shape": NODE_STYLES.get(t, UNKNOWN_STYLE)[1],
         "dashed": NODE_STYLES.get(t, UNKNOWN_STYLE)[2], "count": type_counts[t]}
        for t in [*ACTOR_TYPES, "Statement", *sorted(set(type_counts) - set(ACTOR_TYPES) - {"Statement"})]
        if type_counts[t]
    ]
    edge_legend = [
        {"type": t, "colour": EDGE_COLOURS.get(t, UNKNOWN_EDGE_COLOUR), "count": edge_counts[t]}
        for t in [*RELATION_TYPES, "SAID", "ABOUT", *sorted(set(edge_counts) - set(RELATION_TYPES) - {"SAID", "ABOUT"})]
        if edge_counts[t]
    ]
    net = _pyvis_network(nodes, edges, _options(len(nodes), len(edges)))
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "nodeTypes": node_legend,
        "relationTypes": edge_legend,
        "size": size,
        "notes": notes,
        "options": net.options,
    }


def _pyvis_network(nodes, edges, options):
    """The nodes and edges in a pyvis Network (directed), with vis-network ``options``.

    Only its data is used: pyvis's own template loads bootstrap from a CDN and
    ``write_html`` copies ``lib/`` into the working directory, so kg renders the page
    from its own template (see ``_render``)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node in nodes:
        attrs = dict(node)
        net.add_node(attrs.pop("id"), **attrs)
    # pyvis's add_edge looks each end up in a list (quadratic on big graphs); every
    # edge here joins two nodes just added, so the Edge rows are appended directly.
    from pyvis.edge import Edge

    for edge in edges:
        attrs = dict(edge)
        net.edges.append(Edge(attrs.pop("from"), attrs.pop("to"), directed=True, **attrs).options)
    net.options = options  # a dict: pyvis's set_options() would strip the spaces in font names
    return net


def _statement_edge(source, target, kind):
    return {
        "id": f"{source}|{kind}|{target}",
        "from": source,
        "to": target,
        "kgType": kind,
        "color": _edge_colour(EDGE_COLOURS[kind], 0.9),
        "width": 1,
        "dashes": [5, 4],
        "kgInfo": {"type": kind},
    }


def _edge_colour(colour, opacity) -> dict:
    return {"color": colour, "highlight": colour, "hover": colour, "opacity": opacity}


def _options(n_nodes, n_edges) -> dict:
    """vis-network options: physics that settles in a bounded number of iterations (the
    page switches physics off once it has), lighter settings for big graphs."""
    big = n_nodes + n_edges > 1500
    iterations = 400 if n_nodes <= 150 else 250 if n_nodes <= 600 else 120
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 11},
        "nodes": {
            "font": {"face": "Inter, 'Segoe UI', Helvetica, Arial, sans-serif", "color": "#1F2328",
                     "strokeWidth": 4, "strokeColor": "rgba(255,255,255,0.92)"},
            "scaling": {"label": {"enabled": False}},
            "shadow": False,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "smooth": False,
            "selectionWidth": 1.5,
            "hoverWidth": 1.0,
            "color": {"inherit": False},
        },
        "interaction": {
            "hover": True,
            "hoverConnectedEdges": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -110, "centralGravity": 0.015, "springLength": 130,
                                 "springConstant": 0.05, "damping": 0.5, "avoidOverlap": 0.6},
            "maxVelocity": 60,
            "minVelocity": 1.5,
            "timestep": 0.45,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
        },
    }


# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _assets() -> dict:
    """vis-network (from the installed pyvis, its source-map comment dropped) and kg's
    page template, script and stylesheet."""
    import pyvis

    vis_dir = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    vis_js = (vis_dir / "vis-network.min.js").read_text(encoding="utf-8")
    # split on "\n" only: the library holds other line-separator characters inside strings
    vis_js = "\n".join(line for line in vis_js.split("\n") if not line.startswith("//# sourceMappingURL"))
    return {
        "vis_js": vis_js,
        "vis_css": (vis_dir / "vis-network.css").read_text(encoding="utf-8"),
        "page": (_DATA / "viz_page.html").read_text(encoding="utf-8"),
        "js": (_DATA / "viz_page.js").read_text(encoding="utf-8"),
        "css": (_DATA / "viz_page.css").read_text(encoding="utf-8"),
    }


def _script_json(value) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' left to close it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _render(data) -> str:
    assets = _assets()
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(assets['vis_js'])} {_csp_hash(assets['js'])}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    values = {
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(data["title"]),
        "VIS_CSS": assets["vis_css"],
        "KG_CSS": assets["css"],
        "VIS_JS": assets["vis_js"],
        "KG_JS": assets["js"],
        "DATA": _script_json(data),
    }
    # one pass over the template: nothing inserted is ever read again as a marker
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], assets["page"])


def _gallery_html(entries) -> str:
    sections: dict = defaultdict(list)
    for section, file, label, detail in entries:
        sections[section].append(
            f'<li><a href="{html.escape(file, quote=True)}">{html.escape(label)}</a>'
            f' <span class="detail">{html.escape(detail)}</span></li>'
        )
    body = "\n".join(f"<h2>{html.escape(s)}</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>" for s, items in sections.items())
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kg gallery</title>
<style>
body {{ font: 15px/1.5 Inter, 'Segoe UI', Helvetica, Arial, sans-serif; color: #1F2328; max-width: 760px; margin: 40px auto; padding: 0 20px; }}
h1 {{ font-size: 24px; margin-bottom: 4px; }} h2 {{ font-size: 16px; margin-top: 28px; color: #57606A; text-transform: uppercase; letter-spacing: .04em; }}
ul {{ list-style: none; padding: 0; }} li {{ padding: 6px 0; border-bottom: 1px solid #EAEEF2; }}
a {{ color: #0969DA; text-decoration: none; font-weight: 600; }} a:hover {{ text-decoration: underline; }}
.detail {{ color: #6E7781; font-size: 13px; margin-left: 8px; }}
</style>
</head>
<body>
<h1>kg network gallery</h1>
<p class="detail">Interactive pages; each opens offline.</p>
{body}
</body>
</html>
"""
