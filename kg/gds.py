"""Centrality computed inside Neo4j with Graph Data Science (``kg report --engine gds``).

The Actor subgraph is projected into GDS's in-memory catalog under a unique temporary name
(one relationship per ordered pair of actors, ``count`` summed as its weight, ``edges`` the
number of relationships), the metrics are streamed back per node, and the projection is
dropped in a ``finally`` block.  Only one row per actor leaves the database.  All values go
into Cypher as parameters; procedure names come from the fixed table ``STREAMS``.
The report has the columns of :func:`kg.report.centrality_report`, so every format renders.
"""

from __future__ import annotations

import inspect
import uuid

from kg import analytics
from kg.errors import ConfigError, KGError, QueryError
from kg.model import RELATION_TYPES
from kg.report import METRICS, Report, Section, relation_summary, sort_key

__all__ = ["NEEDS", "betweenness_config", "connect", "gds_centrality_report", "node_query",
           "projection_query", "rows_report"]

NEEDS = "--engine gds needs a Neo4j store (NEO4J_URI) with Graph Data Science"
STREAMS = {  # metric -> (procedure, relationship type of the projection, config)
    "out_degree": ("gds.degree", "DIRECTED", {"orientation": "NATURAL", "relationshipWeightProperty": "edges"}),
    "in_degree": ("gds.degree", "DIRECTED", {"orientation": "REVERSE", "relationshipWeightProperty": "edges"}),
    "weighted_out": ("gds.degree", "DIRECTED", {"orientation": "NATURAL", "relationshipWeightProperty": "count"}),
    "weighted_in": ("gds.degree", "DIRECTED", {"orientation": "REVERSE", "relationshipWeightProperty": "count"}),
    "pagerank": ("gds.pageRank", "DIRECTED", {"dampingFactor": 0.85, "maxIterations": 100, "tolerance": 1e-6,
                                              "relationshipWeightProperty": "count"}),
    "betweenness": ("gds.betweenness", "DIRECTED", {}),
    "eigenvector": ("gds.eigenvector", "UNDIRECTED", {"maxIterations": 500, "relationshipWeightProperty": "count"}),
}
_ENDS = "($types IS NULL OR any(l IN labels({0}) WHERE l IN $types))"


def projection_query(graph, *, types=None, relations=None) -> tuple[str, dict]:
    """The Cypher projection of the Actor subgraph and its parameters: each ordered pair
    once as DIRECTED and once as UNDIRECTED, with ``edges`` and summed ``count``."""
    query = (
        "MATCH (a:Actor)-[r]->(b:Actor) WHERE type(r) IN $relations AND "
        + _ENDS.format("a") + " AND " + _ENDS.format("b") + "\n"
        "WITH a, b, count(r) AS edges, sum(coalesce(r.count, 1)) AS weight\n"
        "UNWIND ['DIRECTED', 'UNDIRECTED'] AS kind\n"
        "WITH gds.graph.project($graph, a, b, {relationshipType: kind, relationshipProperties: "
        "{edges: toFloat(edges), count: toFloat(weight)}}, {undirectedRelationshipTypes: ['UNDIRECTED']}) AS g\n"
        "RETURN coalesce(g.nodeCount, 0) AS nodes, coalesce(g.relationshipCount, 0) AS relationships")
    return query, {"graph": graph, "types": list(types) if types else None,
                   "relations": list(relations or RELATION_TYPES)}


def node_query(ids, *, types=None, relations=None) -> tuple[str, dict]:
    """Per projected node: actor id, name, type, documents, statements, and the types of
    its outgoing and incoming relationships in the subgraph (for the per-type columns)."""
    edge = "WHERE type(r) IN $relations AND " + _ENDS.format("b") + " | type(r)]"
    query = (
        "UNWIND $ids AS nodeId WITH nodeId, gds.util.asNode(nodeId) AS a\n"
        "RETURN nodeId, a.id AS id, a.name AS name, [l IN labels(a) WHERE l <> 'Actor'][0] AS type, "
        "size([(a)-[:MENTIONED_IN]->(:Document) | 1]) AS documents, "
        "size([(a)-[:SAID]->(:Statement) | 1]) AS statements, "
        "[(a)-[r]->(b:Actor) " + edge + " AS out_types, [(a)<-[r]-(b:Actor) " + edge + " AS in_types")
    return query, {"ids": list(ids), "types": list(types) if types else None,
                   "relations": list(relations or RELATION_TYPES)}


def betweenness_config(n, *, exact_limit=analytics.DEFAULT_EXACT_LIMIT, k=None, seed=42):
    """(config, header note) for gds.betweenness: exact up to ``exact_limit`` actors, else
    sampled from ``k`` (default 500) sources with a fixed ``samplingSeed``."""
    if k is None:
        k = analytics.DEFAULT_SAMPLE if n > exact_limit else n
    if k >= n:
        return {}, "exact (GDS Brandes), directed, hops, divided by (n-1)(n-2)"
    return ({"samplingSize": k, "samplingSeed": seed},
            f"SAMPLED by GDS from samplingSize={k} of {n} source actors, samplingSeed {seed} (exact "
            f"only up to {exact_limit} actors), directed, hops, divided by (n-1)(n-2), not "
            "extrapolated: compare ranks, not values, with the NetworkX engine")


def rows_report(nodes, scores, *, top=20, sort="pagerank", header=()) -> Report:
    """The centrality Report from node rows (see :func:`node_query`) and ``scores``
    ({metric of STREAMS: {nodeId: score}}); columns as :func:`kg.report.centrality_report`."""
    n = len(nodes)
    kinds = sorted({t for row in nodes for t in (*row["out_types"], *row["in_types"])}, key=analytics.relation_order)
    per_type = [f"{d}_{kind}" for kind in kinds for d in ("in", "out")]
    sortable = METRICS + tuple(per_type) + ("name",)
    sort = "eigenvector" if sort == "katz" else sort
    if sort not in sortable:
        raise ConfigError(f"unknown sort metric {sort!r}: choose from {', '.join(sortable)}")
    total_rank = sum(scores["pagerank"].values()) or 1.0
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    rows = []
    for node in nodes:
        i = int(node["nodeId"])
        row = {"id": node["id"], "name": node.get("name") or node["id"], "type": node.get("type")}
        row["out_degree"], row["in_degree"] = (int(scores[m].get(i, 0)) for m in ("out_degree", "in_degree"))
        row["degree"] = row["in_degree"] + row["out_degree"]
        row["weighted_degree"] = int(scores["weighted_out"].get(i, 0) + scores["weighted_in"].get(i, 0))
        for kind in kinds:
            row[f"in_{kind}"], row[f"out_{kind}"] = node["in_types"].count(kind), node["out_types"].count(kind)
        row["pagerank"] = scores["pagerank"].get(i, 0.0) / total_rank
        row["betweenness"] = scores["betweenness"].get(i, 0.0) * scale
        row["eigenvector"] = scores["eigenvector"].get(i)
        row["documents"], row["statements"] = int(node.get("documents") or 0), int(node.get("statements") or 0)
        rows.append(row)
    rows.sort(key=sort_key(sort))
    rows = rows[:top] if top else rows
    for rank, row in enumerate(rows, 1):
        row["rank"], row["relations"] = rank, relation_summary(row, kinds)
    columns = ("rank", "id", "name", "type", "degree", "in_degree", "out_degree", "weighted_degree",
               *per_type, "pagerank", "betweenness", "eigenvector", "documents", "statements")
    table_columns = ("rank", "name", "type", "degree", "weighted_degree", "pagerank", "betweenness",
                     "eigenvector", "documents", "statements", "relations")
    header = (*header, ("sorted by", f"{sort}, descending; top {len(rows)} of {n} actors"))
    return Report("Centrality report (GDS)", tuple(header), (Section("actors", columns, tuple(rows), table_columns),))


def connect(store):
    """(GraphDataScience client on the store's own driver, GDS version).  Raises a one-line
    KGError when the store is not Neo4j, the client is missing, or GDS does not answer."""
    if getattr(store, "dialect", None) != "neo4j":
        raise KGError(f"{NEEDS}; this store is {getattr(store, 'dialect', 'unknown')}: "
                      "use --engine networkx (the default)")
    try:
        from graphdatascience import GraphDataScience
    except ImportError:
        raise KGError(f"{NEEDS}: the graphdatascience client is not installed: pip install 'kg[gds]'") from None
    try:
        version = store.query("RETURN gds.version() AS version").rows[0][0]
    except QueryError as exc:  # "Unknown function 'gds.version'"; unreachable stays a StoreError
        raise KGError(f"{NEEDS}: the Graph Data Science plugin does not answer at {store.where} ({exc})") from None
    options = {"database": store.database, "arrow": False}
    if "show_progress" in inspect.signature(GraphDataScience).parameters:
        options["show_progress"] = False  # a library does not draw progress bars
    try:
        return GraphDataScience(store.driver, **options), version
    except Exception as exc:  # GdsNotFound, UnableToConnectError, driver errors: one line each
        raise store.error(exc) from None


def gds_centrality_report(store, *, top=20, types=None, relations=None, sort="pagerank",
                          exact_limit=analytics.DEFAULT_EXACT_LIMIT, k=None, seed=42) -> Report:
    """:func:`kg.report.centrality_report` computed by GDS inside Neo4j (see the module)."""
    types, relations = analytics.parse_types(types), analytics.parse_relations(relations)
    gds, version = connect(store)
    graph = f"kg-centrality-{uuid.uuid4().hex}"

    def run(query, params):
        try:
            return gds.run_cypher(query, params).to_dict("records")
        except Exception as exc:  # Neo4jError and driver errors -> QueryError/StoreError, one line
            raise store.error(exc) from None

    try:
        projected = run(*projection_query(graph, types=types, relations=relations))
        n = int((projected[0]["nodes"] if projected else 0) or 0)
        if n == 0:
            raise KGError(f"no relationships to rank (types: {', '.join(types or ['all'])}; "
                          f"relations: {', '.join(relations or ['all'])})")
        between, between_note = betweenness_config(n, exact_limit=exact_limit, k=k, seed=seed)
        scores = {}
        for metric, (procedure, kind, config) in STREAMS.items():
            config = {**config, **(between if metric == "betweenness" else {}), "relationshipTypes": [kind]}
            found = run(f"CALL {procedure}.stream($graph, $config) YIELD nodeId, score RETURN nodeId, score",
                        {"graph": graph, "config": config})
            scores[metric] = {int(row["nodeId"]): float(row["score"]) for row in found}
        nodes = run(*node_query(list(scores["pagerank"]), types=types, relations=relations))
    finally:
        run("CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName", {"graph": graph})
        gds.close()
    header = (
        ("engine", f"Neo4j Graph Data Science {version} at {store.where}, through the graphdatascience client"),
        ("graph", f"{n} actors with a relationship in the subgraph (isolates left out); a temporary "
                  f"in-memory projection of {projected[0]['relationships']} relationships (each ordered "
                  "actor pair as DIRECTED and as UNDIRECTED), dropped after the run"),
        ("subgraph", ", ".join(relations) if relations else "all relationship types"),
        ("actor types", ", ".join(types) if types else "all"),
        ("directed", "yes for degrees, PageRank and betweenness; eigenvector on the undirected projection"),
        ("weights", "count (summed per pair) for weighted degree, PageRank and eigenvector; "
                    "betweenness counts hops; degree counts relationships"),
        ("pagerank", "GDS pageRank, damping 0.85, weighted by count, uniform random jumps (the "
                     "NetworkX engine weights them by documents), scaled to sum to 1"),
        ("betweenness", between_note),
        ("eigenvector", "GDS eigenvector of the undirected projection, weighted by count, L2-normalised"),
        ("documents", "documents the actor is mentioned in; statements: statements it made"),
    )
    return rows_report(nodes, scores, top=top, sort=sort, header=header)
