"""Reports on the graph — centrality, communities, one actor's profile, bipartite views —
built as :class:`Report` values and rendered as table, csv, json or markdown.

A report carries a header saying how it was computed (which subgraph, directed or not,
which weights, exact or sampled betweenness), so that two runs can be compared; then one
or more sections of rows.  The metrics themselves live in :mod:`kg.analytics`; this module
chooses the graph, joins the numbers with the snapshot's rows and lays them out.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import re
import time
from dataclasses import dataclass, field

import networkx as nx

from kg import analytics
from kg.errors import ConfigError, KGError

__all__ = [
    "FORMATS",
    "METRICS",
    "Report",
    "Section",
    "actor_report",
    "bipartite_report",
    "centrality_metrics",
    "centrality_report",
    "communities_report",
    "render",
]

FORMATS = ("table", "csv", "json", "markdown")
METRICS = ("degree", "in_degree", "out_degree", "weighted_degree", "pagerank", "betweenness",
           "eigenvector", "documents", "statements")
EIGENVECTOR_ITERATIONS = 500
BIPARTITE_KINDS = ("actor-document", "speaker-target")
_LABELS = {"weighted_degree": "w.degree", "documents": "docs", "statements": "stmts",
           "in_degree": "in", "out_degree": "out", "betweenness": "betweenness"}


@dataclass(frozen=True)
class Section:
    """One table of a report: ``columns`` are what csv and json carry; ``table_columns``
    (default: the same) what the table and markdown show."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[dict, ...]
    table_columns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Report:
    """A titled report: ``header`` lines (key, value) saying how it was computed, then
    its sections.  ``columns`` and ``rows`` are the first section's."""

    title: str
    header: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...] = field(default=())

    @property
    def columns(self) -> tuple[str, ...]:
        """The first section's columns (empty when there is no section)."""
        return self.sections[0].columns if self.sections else ()

    @property
    def rows(self) -> tuple[dict, ...]:
        """The first section's rows (empty when there is no section)."""
        return self.sections[0].rows if self.sections else ()

    def header_dict(self) -> dict:
        """The header lines as ``{key: value}``, as the JSON rendering carries them."""
        return dict(self.header)


# --- shared pieces --------------------------------------------------------------------


def _require_data(snapshot):
    if snapshot is None or snapshot.is_empty():
        raise KGError(analytics.EMPTY_GRAPH_MESSAGE)


def _names(snapshot) -> dict:
    return {a["id"]: a.get("name") or a["id"] for a in snapshot.actors}


def _activity(snapshot, documents_in_range):
    """Per actor id: (number of documents it is mentioned in, number of statements it made),
    from the mentions and statements rows (the actor rows' own numbers when those are absent)."""
    docs, said = {}, {}
    if snapshot.mentions:
        for m in snapshot.mentions:
            if documents_in_range is None or m.get("document") in documents_in_range:
                docs.setdefault(m["actor"], set()).add(m.get("document"))
    if snapshot.statements:
        for s in snapshot.statements:
            if documents_in_range is None or s.get("document") in documents_in_range:
                said[s.get("speaker")] = said.get(s.get("speaker"), 0) + 1
    out = {}
    for a in snapshot.actors:
        n_docs = len(docs.get(a["id"], ())) if snapshot.mentions or documents_in_range is not None \
            else int(a.get("documents") or 0)
        n_said = said.get(a["id"], 0) if snapshot.statements or documents_in_range is not None \
            else int(a.get("statements") or 0)
        out[a["id"]] = (n_docs, n_said)
    return out


def _timed(timings, name, fn, *args, **kwargs):
    start = time.perf_counter()
    try:
        return fn(*args, **kwargs)
    finally:
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


def centrality_metrics(G, *, salience=None, exact_limit=analytics.DEFAULT_EXACT_LIMIT, k=None,
                       seed=42, timings=None):
    """Every per-actor metric of the centrality report on G.

    ``salience`` (``{actor id: number of documents mentioning it}``) is where PageRank's
    random jumps land: an actor the coverage is about is a likelier place to start reading
    than a passing mention; None gives the uniform jump of textbook PageRank.  Returns ``(metrics, notes)``: ``metrics`` maps actor id to a dict of degree columns
    (see :func:`kg.analytics.degrees`), pagerank, betweenness and eigenvector (None when
    neither eigenvector nor Katz centrality could be computed); ``notes`` are header lines
    saying how each was computed.  ``timings``, when a dict, receives seconds per metric.
    """
    table = _timed(timings, "degrees", analytics.degrees, G)
    pagerank = _timed(timings, "pagerank", analytics.pagerank, G, personalization=salience)
    sample = analytics.betweenness_plan(G, exact_limit=exact_limit, k=k)
    between = _timed(timings, "betweenness", analytics.betweenness, G,
                     exact_limit=exact_limit, k=k, seed=seed)
    if sample is None:
        between_note = "exact (Brandes), directed, shortest paths in hops, normalised"
    else:
        between_note = (f"SAMPLED from k={sample} of {len(G)} source actors, seed {seed} "
                        f"(exact only up to {exact_limit} actors), directed, hops, normalised")
    try:
        eigen = _timed(timings, "eigenvector", analytics.eigenvector, G, max_iter=EIGENVECTOR_ITERATIONS)
        eigen_note = "eigenvector centrality of the undirected projection, weighted by count"
    except nx.PowerIterationFailedConvergence:
        try:
            alpha = analytics.katz_alpha(G)
            eigen = _timed(timings, "katz", analytics.katz, G, alpha=alpha)
            eigen_note = (f"KATZ centrality (alpha={alpha:.4g}) of the undirected projection, "
                          "weighted by count: eigenvector power iteration did not converge "
                          f"in {EIGENVECTOR_ITERATIONS} iterations")
        except nx.PowerIterationFailedConvergence:
            eigen = {}
            eigen_note = "n/a: neither eigenvector nor Katz power iteration converged"
    for node, row in table.items():
        row["pagerank"] = pagerank.get(node, 0.0)
        row["betweenness"] = between.get(node, 0.0)
        row["eigenvector"] = eigen.get(node)
    notes = [
        ("directed", "yes for degrees, PageRank and betweenness; eigenvector on the "
                     "undirected projection"),
        ("weights", "count (times a relationship was seen) for weighted degree, PageRank "
                    "and eigenvector; betweenness counts hops; degree counts relationships"),
        ("pagerank", "alpha 0.85, weighted by count; random jumps (and dangling mass) "
                     + ("in proportion to the documents mentioning each actor"
                        if salience and any(salience.values()) else "uniform")),
        ("betweenness", between_note),
        ("eigenvector", eigen_note),
    ]
    return table, notes


def _subgraph_notes(G, snapshot, relations, types, since, until, min_count=1):
    weight = sum(c for _, _, c in G.edges(data="count", default=1))
    notes = [
        ("graph", f"{G.number_of_nodes()} actors, {G.number_of_edges()} relationships "
                  f"({weight} sightings) of {len(snapshot.actors)} actors, "
                  f"{len(snapshot.relations)} relationships in the store"),
        ("subgraph", ", ".join(relations) if relations else "all relationship types"),
        ("actor types", ", ".join(types) if types else "all"),
    ]
    if since or until:
        notes.append(("dates", f"{since or 'any'} to {until or 'any'} by document date: a "
                               "relationship is kept with its evidence from documents in range; "
                               "documents and statements counted in range"))
    if min_count > 1:
        notes.append(("min count", str(min_count)))
    if not G.graph.get("isolates", True):
        notes.append(("isolates", "actors without a relationship in the subgraph are left out"))
    return notes


def relation_summary(row, kinds):
    parts = []
    for kind in kinds:
        out_n, in_n = row.get(f"out_{kind}", 0), row.get(f"in_{kind}", 0)
        if out_n or in_n:
            arrows = " ".join(p for p in (f"{out_n}→" if out_n else "", f"{in_n}←" if in_n else "") if p)
            parts.append(f"{kind} {arrows}")
    return ", ".join(parts)


def sort_key(sort):
    def key(row):
        value = row.get(sort)
        if sort == "name":
            return (0, str(value).casefold())
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        return (1 if missing else 0, 0 if missing else -value, -row["weighted_degree"],
                -row["degree"], -row["documents"], str(row["name"]).casefold())
    return key


# --- centrality -----------------------------------------------------------------------


def centrality_report(snapshot, *, top=20, types=None, relations=None, sort="pagerank",
                      since=None, until=None, exact_limit=analytics.DEFAULT_EXACT_LIMIT,
                      k=None, seed=42, timings=None) -> Report:
    """Rank the actors: degree, in/out degree per relationship type, weighted degree,
    PageRank, betweenness, eigenvector (or Katz) centrality, documents and statements.

    ``relations``/``types`` choose the subgraph to rank on, ``since``/``until`` filter by
    document date, ``sort`` is any metric column (or ``name``), ``top`` the rows kept
    (None or 0: all).  Betweenness is exact up to ``exact_limit`` actors, else sampled from
    ``k`` sources (default 500) with ``seed``.  Raises KGError on an empty graph, an unknown
    type, relation or sort column, or when no actor is left after filtering.

    >>> from kg.model import GraphSnapshot
    >>> snap = GraphSnapshot(actors=[{"id": "a", "name": "A", "type": "NGO"},
    ...                              {"id": "b", "name": "B", "type": "Company"}],
    ...                      relations=[{"source": "a", "target": "b", "type": "CRITICIZED", "count": 2}])
    >>> [row["name"] for row in centrality_report(snap).rows]
    ['B', 'A']
    """
    _require_data(snapshot)
    relations = analytics.parse_relations(relations)
    types = analytics.parse_types(types)
    since, until = analytics.parse_iso_date(since, "--since"), analytics.parse_iso_date(until, "--until")
    G = _timed(timings, "graph", analytics.to_networkx, snapshot, relations=relations,
               types=types, since=since, until=until)
    if len(G) == 0:
        raise KGError(f"no actors left after filtering (types: {', '.join(types or ['all'])}; "
                      f"relations: {', '.join(relations or ['all'])}; "
                      f"dates: {since or 'any'} to {until or 'any'})")
    activity = _timed(timings, "activity", _activity, snapshot, analytics.documents_in_range(snapshot, since, until))
    salience = {node: activity.get(node, (0, 0))[0] for node in G}
    metrics, notes = centrality_metrics(G, salience=salience, exact_limit=exact_limit, k=k,
                                        seed=seed, timings=timings)
    kinds = sorted({k_ for _, _, k_ in G.edges(keys=True)}, key=analytics.relation_order)
    per_type = [f"{d}_{kind}" for kind in kinds for d in ("in", "out")]
    sortable = METRICS + tuple(per_type) + ("name",)
    if sort == "katz":
        sort = "eigenvector"
    if sort not in sortable:
        raise ConfigError(f"unknown sort metric {sort!r}: choose from {', '.join(sortable)}")

    start = time.perf_counter()
    rows = []
    for node, values in metrics.items():
        attrs = G.nodes[node]
        n_docs, n_said = activity.get(node, (0, 0))
        row = {"id": node, "name": attrs.get("name") or node, "type": attrs.get("type")}
        row.update(values)
        row["documents"], row["statements"] = n_docs, n_said
        rows.append(row)
    rows.sort(key=sort_key(sort))
    if top:
        rows = rows[:top]
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
        row["relations"] = relation_summary(row, kinds)
    if timings is not None:
        timings["rows"] = time.perf_counter() - start

    columns = ("rank", "id", "name", "type", "degree", "in_degree", "out_degree",
               "weighted_degree", *per_type, "pagerank", "betweenness", "eigenvector",
               "documents", "statements")
    table_columns = ("rank", "name", "type", "degree", "weighted_degree", "pagerank",
                     "betweenness", "eigenvector", "documents", "statements", "relations")
    header = _subgraph_notes(G, snapshot, relations, types, since, until) + notes + [
        ("documents", "documents the actor is mentioned in; statements: statements it made"),
        ("sorted by", f"{sort}, descending; top {len(rows)} of {len(G)} actors"),
    ]
    return Report("Centrality report", tuple(header),
                  (Section("actors", columns, tuple(rows), table_columns),))


# --- communities ----------------------------------------------------------------------


def communities_report(snapshot, *, relations=None, types=None, seed=42, resolution=1.0,
                       label_size=3, members=10) -> Report:
    """Louvain communities of the undirected weighted projection, each labelled by its
    ``label_size`` members with the highest PageRank; actors without relationships are left
    out.  Raises KGError on an empty graph or when no relationship is left after filtering.

    >>> from kg.model import GraphSnapshot
    >>> snap = GraphSnapshot(actors=[{"id": i, "name": i.upper(), "type": "NGO"} for i in "abcd"],
    ...     relations=[{"source": "a", "target": "b", "type": "CRITICIZED", "count": 1},
    ...                {"source": "c", "target": "d", "type": "USED", "count": 1}])
    >>> [row["label"] for row in communities_report(snap).rows]
    ['B, A', 'D, C']
    """
    _require_data(snapshot)
    relations = analytics.parse_relations(relations)
    types = analytics.parse_types(types)
    G = analytics.to_networkx(snapshot, relations=relations, types=types, isolates=False)
    if G.number_of_edges() == 0:
        raise KGError("no relationships to find communities in (relations: "
                      f"{', '.join(relations or ['all'])}; types: {', '.join(types or ['all'])})")
    membership = analytics.communities(G, seed=seed, resolution=resolution)
    activity = _activity(snapshot, None)
    pagerank = analytics.pagerank(G, personalization={n: activity.get(n, (0, 0))[0] for n in G})
    groups = {}
    for node, c in membership.items():
        groups.setdefault(c, []).append(node)
    inner = {}
    for u, v, w in G.edges(data="count", default=1):
        if membership[u] == membership[v]:
            edges, weight = inner.get(membership[u], (0, 0))
            inner[membership[u]] = (edges + 1, weight + w)
    rows = []
    for c in sorted(groups):
        nodes = sorted(groups[c], key=lambda n: (-pagerank[n], str(n)))
        names = [G.nodes[n].get("name") or n for n in nodes]
        types_here = {}
        for n in nodes:
            t = G.nodes[n].get("type") or "?"
            types_here[t] = types_here.get(t, 0) + 1
        shown = names[:members]
        rows.append({
            "community": c + 1,
            "size": len(nodes),
            "label": ", ".join(names[:label_size]),
            "members": "; ".join(shown) + (f"; … +{len(names) - members} more" if len(names) > members else ""),
            "types": ", ".join(f"{t} {n}" for t, n in sorted(types_here.items(), key=lambda kv: (-kv[1], kv[0]))),
            "relationships": inner.get(c, (0, 0))[0],
            "weight": inner.get(c, (0, 0))[1],
            "pagerank": sum(pagerank[n] for n in nodes),
        })
    header = _subgraph_notes(G, snapshot, relations, types, None, None) + [
        ("algorithm", f"Louvain (networkx.community.louvain_communities), seed {seed}, "
                      f"resolution {resolution}"),
        ("directed", "no: undirected projection, a pair's weight the sum of count over its edges"),
        ("weights", "count (times a relationship was seen)"),
        ("modularity", f"{analytics.modularity(G, membership):.4f}"),
        ("communities", str(len(groups))),
        ("labels", f"the {label_size} members with the highest PageRank (directed, weighted by "
                   "count, random jumps in proportion to documents mentioning the actor)"),
    ]
    columns = ("community", "size", "label", "types", "relationships", "weight", "pagerank", "members")
    return Report("Communities", tuple(header), (Section("communities", columns, tuple(rows)),))


# --- one actor ------------------------------------------------------------------------


def find_actor(snapshot, name) -> dict:
    """The actor row named ``name``: exact match on id, name or an alias (case-insensitive),
    else the one actor whose name or alias contains it as words; raises KGError with
    "did you mean: X, Y?" suggestions (difflib) otherwise."""
    _require_data(snapshot)
    query = " ".join(str(name).split()).casefold()
    if not query:
        raise ConfigError("an actor name is needed")
    forms = {}
    for actor in snapshot.actors:
        for form in (actor["id"], actor.get("name") or "", *(actor.get("aliases") or ())):
            form = " ".join(str(form).split()).casefold()
            if form:
                forms.setdefault(form, []).append(actor)
    exact = {a["id"]: a for a in forms.get(query, [])}
    if len(exact) == 1:
        return next(iter(exact.values()))
    pattern = re.compile(r"(?<!\w)" + re.escape(query) + r"(?!\w)")
    contains = exact or {a["id"]: a for form, actors in forms.items() if pattern.search(form)
                         for a in actors}
    if len(contains) == 1:
        return next(iter(contains.values()))
    suggestions = [a.get("name") or a["id"] for a in contains.values()]
    for form in difflib.get_close_matches(query, list(forms), n=8, cutoff=0.6):
        suggestions.extend(a.get("name") or a["id"] for a in forms[form])
    suggestions = list(dict.fromkeys(suggestions))[:5]
    if suggestions:
        what = "is ambiguous" if len(contains) > 1 else "not found"
        raise KGError(f"actor {name!r} {what}; did you mean: {', '.join(suggestions)}?")
    raise KGError(f"actor {name!r} not found; `kg report --top 50` lists the actors in the graph")


def actor_report(snapshot, name, *, examples=2) -> Report:
    """One actor's profile: type, role, aliases; its rank on each metric (on the whole
    graph); its relationships grouped by type and direction with counts and ``examples``
    evidence sentences; the statements it made and the ones about it.

    Raises KGError on an empty graph, or with "did you mean" when ``name`` is not found.
    """
    actor = find_actor(snapshot, name)
    me = actor["id"]
    names = _names(snapshot)
    types = {a["id"]: a.get("type") for a in snapshot.actors}
    documents = {d["id"]: d for d in snapshot.documents}

    G = analytics.to_networkx(snapshot)
    activity = _activity(snapshot, None)
    metrics, notes = centrality_metrics(G, salience={n: activity.get(n, (0, 0))[0] for n in G})
    for node, row in metrics.items():
        row["documents"], row["statements"] = activity.get(node, (0, 0))
    ranks = []
    for metric in METRICS:
        value = metrics[me].get(metric)
        if value is None:
            ranks.append({"metric": metric, "value": None, "rank": None, "of": len(G)})
            continue
        better = sum(1 for row in metrics.values() if (row.get(metric) or 0) > value)
        ranks.append({"metric": metric, "value": value, "rank": better + 1, "of": len(G)})

    edges = []
    for row in snapshot.relations:
        if me not in (row["source"], row["target"]):
            continue
        outgoing = row["source"] == me
        other = row["target"] if outgoing else row["source"]
        sentences = [s for s in (row.get("sentences") or []) if s][:examples]
        evidence_docs = {analytics.evidence_document(e) for e in row.get("evidence") or []}
        edges.append({
            "direction": "out" if outgoing else "in",
            "type": row["type"],
            "actor": names.get(other, other),
            "actor_type": types.get(other),
            "count": int(row.get("count") or 1),
            "documents": len(evidence_docs),
            "evidence": " | ".join(sentences),
        })
    edges.sort(key=lambda e: (analytics.relation_order(e["type"]), e["direction"] != "out",
                              -e["count"], str(e["actor"]).casefold()))
    groups = {}
    for e in edges:
        key = (e["type"], e["direction"])
        groups[key] = groups.get(key, 0) + e["count"]

    statements = []
    for s in snapshot.statements:
        about = s.get("about") or []
        if s.get("speaker") != me and me not in about:
            continue
        doc = documents.get(s.get("document"), {})
        statements.append({
            "role": "said" if s.get("speaker") == me else "about",
            "speaker": names.get(s.get("speaker"), s.get("speaker")),
            "kind": s.get("kind"),
            "text": s.get("text"),
            "about": ", ".join(names.get(a, a) for a in about),
            "document": doc.get("title") or doc.get("path") or s.get("document"),
            "date": s.get("published") or doc.get("published"),
        })
    statements.sort(key=lambda s: (s["role"] != "said", s["date"] or "", s["document"] or ""))

    n_docs, n_said = activity.get(me, (0, 0))
    header = [
        ("name", actor.get("name") or me),
        ("id", me),
        ("type", actor.get("type") or "?"),
    ]
    if actor.get("role"):
        header.append(("role", actor["role"]))
    header += [
        ("aliases", ", ".join(actor.get("aliases") or []) or "none"),
        ("mentions", str(actor.get("mentions") or 0)),
        ("documents", str(n_docs)),
        ("statements", f"{n_said} made, {sum(1 for s in statements if s['role'] == 'about')} about it"),
        ("relationships", "; ".join(f"{t} {'→' if d == 'out' else '←'} {c}" for (t, d), c in groups.items())
         or "none"),
        ("ranks computed on", f"the whole graph: {len(G)} actors, {G.number_of_edges()} relationships"),
    ] + notes
    sections = (
        Section("ranks", ("metric", "value", "rank", "of"), tuple(ranks)),
        Section("relationships", ("direction", "type", "actor", "actor_type", "count", "documents",
                                  "evidence"), tuple(edges)),
        Section("statements", ("role", "speaker", "kind", "text", "about", "document", "date"),
                tuple(statements)),
    )
    return Report(f"Actor: {actor.get('name') or me}", tuple(header), sections)


# --- bipartite views ------------------------------------------------------------------


def bipartite_report(snapshot, kind="actor-document", *, top=None) -> Report:
    """Two-mode views: ``actor-document`` (who appears in how many documents, and with how
    many other actors) or ``speaker-target`` (who makes statements about whom).

    Raises KGError on an empty graph or an unknown ``kind``.
    """
    _require_data(snapshot)
    if kind not in BIPARTITE_KINDS:
        raise ConfigError(f"unknown bipartite view {kind!r}: choose from {', '.join(BIPARTITE_KINDS)}")
    if kind == "actor-document":
        return _actor_document(snapshot, top)
    return _speaker_target(snapshot, top)


def _actor_document(snapshot, top):
    actors = {a["id"]: a for a in snapshot.actors}
    dates = {d["id"]: (d.get("published") or "")[:10] for d in snapshot.documents}
    by_actor, by_document, mentions = {}, {}, {}
    for m in snapshot.mentions:
        a, d = m["actor"], m["document"]
        by_actor.setdefault(a, set()).add(d)
        by_document.setdefault(d, set()).add(a)
        mentions[a] = mentions.get(a, 0) + int(m.get("count") or 1)
    n_documents = len(set(dates) | set(by_document)) or 1
    rows = []
    for a, docs in by_actor.items():
        partners = set().union(*(by_document[d] for d in docs)) - {a}
        seen = sorted(dates[d] for d in docs if dates.get(d))
        row = actors.get(a, {})
        rows.append({
            "name": row.get("name") or a,
            "type": row.get("type"),
            "documents": len(docs),
            "document_share": len(docs) / n_documents,
            "mentions": mentions[a],
            "co_actors": len(partners),
            "first_seen": seen[0] if seen else None,
            "last_seen": seen[-1] if seen else None,
        })
    rows.sort(key=lambda r: (-r["documents"], -r["mentions"], str(r["name"]).casefold()))
    rows = rows[:top] if top else rows
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    header = (
        ("graph", f"bipartite actor–document from MENTIONED_IN: {len(by_actor)} actors, "
                  f"{len(by_document)} documents, {sum(map(len, by_actor.values()))} links"),
        ("document_share", "documents / all documents (bipartite degree centrality)"),
        ("co_actors", "other actors mentioned in at least one of the same documents "
                      "(degree in the actor projection)"),
        ("weights", "mentions = sum of MENTIONED_IN count"),
        ("sorted by", "documents, then mentions"),
    )
    columns = ("rank", "name", "type", "documents", "document_share", "mentions", "co_actors",
               "first_seen", "last_seen")
    return Report("Actors by documents", header, (Section("actors", columns, tuple(rows)),))


def _speaker_target(snapshot, top):
    names = _names(snapshot)
    types = {a["id"]: a.get("type") for a in snapshot.actors}
    pairs = {}
    unaddressed = 0
    for s in snapshot.statements:
        about = [a for a in dict.fromkeys(s.get("about") or []) if a != s.get("speaker")]
        if not about:
            unaddressed += 1
        for target in about:
            row = pairs.setdefault((s.get("speaker"), target),
                                   {"statements": 0, "quote": 0, "reported": 0, "docs": set()})
            row["statements"] += 1
            if s.get("kind") in ("quote", "reported"):
                row[s["kind"]] += 1
            row["docs"].add(s.get("document"))
    rows = [{
        "speaker": names.get(sp, sp), "speaker_type": types.get(sp),
        "target": names.get(t, t), "target_type": types.get(t),
        "statements": v["statements"], "quotes": v["quote"], "reported": v["reported"],
        "documents": len(v["docs"]),
    } for (sp, t), v in pairs.items()]
    rows.sort(key=lambda r: (-r["statements"], str(r["speaker"]).casefold(), str(r["target"]).casefold()))
    rows = rows[:top] if top else rows
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    header = (
        ("graph", f"bipartite speaker → target from statements (SAID, ABOUT): "
                  f"{len({sp for sp, _ in pairs})} speakers, {len({t for _, t in pairs})} targets, "
                  f"{len(pairs)} pairs"),
        ("statements", f"{len(snapshot.statements)} in all, {unaddressed} about no other actor (not shown)"),
        ("directed", "yes: speaker → the actor the statement is about"),
        ("weights", "number of statements"),
    )
    columns = ("rank", "speaker", "speaker_type", "target", "target_type", "statements", "quotes",
               "reported", "documents")
    return Report("Who speaks about whom", header, (Section("pairs", columns, tuple(rows)),))


# --- rendering ------------------------------------------------------------------------


def render(report: Report, fmt="table") -> str:
    """The report as text: ``table`` (aligned, for a terminal), ``csv`` (the rows; several
    sections become one table with a leading ``section`` column), ``json`` (title, header,
    columns and rows — or sections) or ``markdown``.  Raises ConfigError for another format.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    return {"table": _table, "csv": _csv, "json": _json, "markdown": _markdown}[fmt](report)


def _number(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, float):
        return "0" if abs(value) < 1e-12 else f"{value:.4g}"  # power-iteration residue
    return str(value)


def _plain(value):
    """A JSON/CSV-safe value: NaN -> None, sets and tuples -> lists."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (set, tuple)):
        return list(value)
    return value


def _clip(text, width):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cells(section, width):
    columns = section.table_columns or section.columns
    labels = [_LABELS.get(c, c) for c in columns]
    body = [[_clip(_number(row.get(c)) if not isinstance(row.get(c), str) else row.get(c), width)
             for c in columns] for row in section.rows]
    numeric = [all(isinstance(row.get(c), (int, float)) or row.get(c) is None for row in section.rows)
               for c in columns]
    return labels, body, numeric


def _table(report):
    lines = [report.title, "=" * len(report.title)]
    key_width = max((len(k) for k, _ in report.header), default=0)
    lines += [f"{k + ':':<{key_width + 1}} {v}" for k, v in report.header]
    for section in report.sections:
        lines.append("")
        if len(report.sections) > 1:
            lines += [section.title, "-" * len(section.title)]
        if not section.rows:
            lines.append("(none)")
            continue
        labels, body, numeric = _cells(section, 60)
        widths = [max(len(x) for x in col) for col in zip(labels, *body)]
        fmt = lambda cells: "  ".join(  # noqa: E731
            c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()
        lines.append(fmt(labels))
        lines.append("  ".join("-" * w for w in widths))
        lines += [fmt(cells) for cells in body]
    return "\n".join(lines) + "\n"


def _markdown(report):
    esc = lambda text: str(text).replace("|", "\\|")  # noqa: E731
    lines = [f"# {report.title}", ""]
    lines += [f"- **{k}**: {esc(v)}" for k, v in report.header]
    for section in report.sections:
        lines += ["", f"## {section.title}", ""]
        if not section.rows:
            lines.append("(none)")
            continue
        labels, body, numeric = _cells(section, 200)
        lines.append("| " + " | ".join(esc(x) for x in labels) + " |")
        lines.append("|" + "|".join("---:" if num else "---" for num in numeric) + "|")
        lines += ["| " + " | ".join(esc(c) for c in cells) + " |" for cells in body]
    return "\n".join(lines) + "\n"


def _csv_value(value):
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


def _csv(report):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if len(report.sections) == 1:
        section = report.sections[0]
        writer.writerow(section.columns)
        writer.writerows([_csv_value(row.get(c)) for c in section.columns] for row in section.rows)
    else:
        columns = list(dict.fromkeys(c for s in report.sections for c in s.columns))
        writer.writerow(["section", *columns])
        for section in report.sections:
            writer.writerows([section.title, *(_csv_value(row.get(c)) for c in columns)]
                             for row in section.rows)
    return buffer.getvalue()


def _json_section(section):
    return {"title": section.title, "columns": list(section.columns),
            "rows": [{c: _plain(row.get(c)) for c in section.columns} for row in section.rows]}


def _json(report):
    out = {"title": report.title, "header": dict(report.header)}
    if len(report.sections) == 1:
        section = _json_section(report.sections[0])
        out["columns"], out["rows"] = section["columns"], section["rows"]
    else:
        out["sections"] = [_json_section(s) for s in report.sections]
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
