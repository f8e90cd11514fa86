"""Graph -> NetworkX, and the network metrics computed on it, each as ``f(G, ...) -> dict``.

``to_networkx`` turns a :class:`kg.model.GraphSnapshot` into a ``MultiDiGraph`` (one node
per actor, one edge per relationship, keyed by its type).  The metrics take that graph and
return ``{actor id: value}``; every one of them returns ``{}`` for the empty graph and a
sensible value for a one-node graph.  PageRank, eigenvector, Katz and betweenness run on
numpy arrays (numpy comes with spaCy; SciPy is not needed) and give the same numbers as
NetworkX's own functions, which the tests check.

Which graph each metric sees:

- degrees and PageRank: the directed multigraph, weighted by the edges' ``count``;
- betweenness: the directed simple projection, unweighted (shortest paths in hops),
  normalised; exact up to ``exact_limit`` nodes, sampled from ``k`` seeded sources above;
- eigenvector and Katz centrality, communities: the undirected simple projection, the
  weight of a pair being the sum of ``count`` over all its edges in both directions.
"""

from __future__ import annotations

import datetime as _dt
import random

import networkx as nx

from kg.errors import ConfigError
from kg.model import ACTOR_TYPES, RELATION_TYPES

__all__ = [
    "EMPTY_GRAPH_MESSAGE",
    "betweenness",
    "betweenness_plan",
    "communities",
    "degrees",
    "directed_projection",
    "documents_in_range",
    "eigenvector",
    "evidence_document",
    "gds_centrality",
    "gds_centrality_report",
    "katz",
    "katz_alpha",
    "modularity",
    "pagerank",
    "parse_iso_date",
    "parse_relations",
    "parse_types",
    "relation_order",
    "to_networkx",
    "undirected_projection",
]

EMPTY_GRAPH_MESSAGE = "the graph is empty: load documents first with `kg load PATH`"
DEFAULT_EXACT_LIMIT = 3000
DEFAULT_SAMPLE = 500


# --- options --------------------------------------------------------------------------


def _choices(values, valid, what):
    """Accept 'A,B', ['A', 'B'] or None; match case-insensitively against ``valid``."""
    if values is None:
        return None
    if isinstance(values, str):
        values = values.split(",")
    by_fold = {v.casefold(): v for v in valid}
    chosen = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        if value.casefold() not in by_fold:
            raise ConfigError(f"unknown {what} {value!r}: choose from {', '.join(valid)}")
        chosen.append(by_fold[value.casefold()])
    return tuple(dict.fromkeys(chosen)) or None


def parse_types(types) -> tuple[str, ...] | None:
    """Actor types from 'Company,NGO' or a list; None means all.

    >>> parse_types("company,NGO")
    ('Company', 'NGO')
    """
    return _choices(types, ACTOR_TYPES, "actor type")


def parse_relations(relations) -> tuple[str, ...] | None:
    """Relationship types from 'CRITICIZED,CALLED_FOR' or a list; None means all.

    >>> parse_relations(["criticized"])
    ('CRITICIZED',)
    """
    return _choices(relations, RELATION_TYPES, "relationship type")


def parse_iso_date(value, what="date") -> str | None:
    """A ``--since``/``--until`` value, an ISO date (str or ``datetime.date``), as
    'YYYY-MM-DD'; raises ConfigError otherwise.  (Dates written in articles are read by the
    lenient :func:`kg.documents.parse_date`.)

    >>> parse_iso_date("2020-06-10")
    '2020-06-10'
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()[:10]
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ConfigError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


# --- the graph ------------------------------------------------------------------------


def evidence_document(evidence: str) -> str:
    """The document id of an evidence item ``"docId:sentenceIndex"``.

    >>> evidence_document("3f2a:12")
    '3f2a'
    """
    return str(evidence).rsplit(":", 1)[0]


def documents_in_range(snapshot, since=None, until=None) -> set | None:
    """The ids of the documents published in [since, until] (ISO dates, inclusive; an
    undated document is in no range), or None when neither bound is given."""
    if not since and not until:
        return None
    return {
        doc["id"] for doc in snapshot.documents
        if (published := (doc.get("published") or "")[:10])
        and (not since or published >= since) and (not until or published <= until)
    }


def to_networkx(snapshot, *, relations=None, types=None, since=None, until=None, min_count=1,
                isolates=None) -> nx.MultiDiGraph:
    """The snapshot as a ``MultiDiGraph``: node id = actor id with the actor row as
    attributes, edge key = relationship type with the relation row as attributes.

    ``relations`` and ``types`` keep only those relationship and actor types (an edge needs
    both ends kept); ``since``/``until`` (ISO dates, inclusive) keep the relationships with
    evidence from documents published in range, their ``count`` becoming the number of
    such evidence items; ``min_count`` drops rarer relationships.  ``isolates`` says whether
    actors left without any edge stay in the graph; by default they stay unless one of the
    edge filters (relations, since, until, min_count > 1) was given, so that a ranking on a
    subgraph lists only the actors of that subgraph.

    >>> from kg.model import GraphSnapshot
    >>> snap = GraphSnapshot(actors=[{"id": "a", "name": "A", "type": "NGO"},
    ...                              {"id": "b", "name": "B", "type": "Company"}],
    ...                      relations=[{"source": "a", "target": "b", "type": "CRITICIZED", "count": 2}])
    >>> G = to_networkx(snap)
    >>> list(G.edges(keys=True, data="count"))
    [('a', 'b', 'CRITICIZED', 2)]
    """
    relations = parse_relations(relations)
    types = parse_types(types)
    since, until = parse_iso_date(since, "--since"), parse_iso_date(until, "--until")
    if since and until and since > until:
        raise ConfigError(f"--since {since} is after --until {until}")
    filtered = bool(relations or since or until or (min_count or 1) > 1)
    if isolates is None:
        isolates = not filtered

    G = nx.MultiDiGraph()
    G.add_nodes_from(
        (row["id"], dict(row)) for row in snapshot.actors if types is None or row.get("type") in types
    )
    dated = documents_in_range(snapshot, since, until)
    wanted = set(relations) if relations else None

    def edges():
        for row in snapshot.relations:
            source, target, kind = row["source"], row["target"], row["type"]
            if wanted is not None and kind not in wanted:
                continue
            if source not in G or target not in G:
                continue
            data = dict(row)
            data["count"] = count = int(row.get("count") or 1)
            if dated is not None:
                evidence = row.get("evidence") or []
                in_range = [e for e in evidence if evidence_document(e) in dated]
                if not in_range:
                    continue
                if len(in_range) < len(evidence):
                    data["evidence"] = in_range
                    data["count"] = count = len(in_range)
            if count < min_count:
                continue
            yield source, target, kind, data

    G.add_edges_from(edges())
    if not isolates:
        G.remove_nodes_from([n for n, d in G.degree() if d == 0])
    G.graph.update(relations=relations, types=types, since=since, until=until,
                   min_count=min_count, isolates=isolates)
    return G


def directed_projection(G, weight="count") -> nx.DiGraph:
    """One edge per ordered pair, its ``weight`` the sum over the parallel edges."""
    return _projection(G, nx.DiGraph(), weight)


def undirected_projection(G, weight="count") -> nx.Graph:
    """One edge per unordered pair, its ``weight`` the sum over all edges between them."""
    return _projection(G, nx.Graph(), weight)


def _projection(G, simple, weight):
    """Fill the empty simple graph ``simple`` with G's nodes and its edges' summed ``weight``."""
    simple.add_nodes_from(G)
    for u, v, w in G.edges(data=weight, default=1):
        if simple.has_edge(u, v):
            simple[u][v][weight] += w
        else:
            simple.add_edge(u, v, **{weight: w})
    return simple


def _arrays(G, weight="count"):
    """(nodes, src, dst, w) numpy arrays over the edges of G (parallel edges kept)."""
    import numpy as np

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    m = G.number_of_edges()
    src = np.empty(m, dtype=np.int64)
    dst = np.empty(m, dtype=np.int64)
    w = np.empty(m, dtype=float)
    edges = G.edges(data=weight, default=1) if weight else ((u, v, 1) for u, v in G.edges())
    for i, (u, v, d) in enumerate(edges):
        src[i] = index[u]
        dst[i] = index[v]
        w[i] = d
    return nodes, src, dst, w


# --- metrics --------------------------------------------------------------------------


def degrees(G, weight="count") -> dict:
    """Per node: degree, in_degree, out_degree (numbers of relationships), weighted_degree
    (sum of ``weight``), and ``in_TYPE``/``out_TYPE`` for each relationship type present.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="CRITICIZED", count=3)
    'CRITICIZED'
    >>> degrees(G)["b"]["in_CRITICIZED"], degrees(G)["b"]["weighted_degree"]
    (1, 3)
    """
    kinds = sorted({k for _, _, k in G.edges(keys=True)}, key=relation_order)
    out = {}
    for node in G:
        row = {"degree": 0, "in_degree": 0, "out_degree": 0, "weighted_degree": 0}
        for kind in kinds:
            row[f"in_{kind}"] = 0
            row[f"out_{kind}"] = 0
        out[node] = row
    for u, v, kind, w in G.edges(keys=True, data=weight, default=1):
        src, dst = out[u], out[v]
        src["out_degree"] += 1
        dst["in_degree"] += 1
        src["degree"] += 1
        dst["degree"] += 1
        src["weighted_degree"] += w
        dst["weighted_degree"] += w
        src[f"out_{kind}"] += 1
        dst[f"in_{kind}"] += 1
    return out


def relation_order(kind):
    """Sort key that lists relationship types in SCHEMA.md's order, unknown ones last."""
    return (RELATION_TYPES.index(kind) if kind in RELATION_TYPES else len(RELATION_TYPES), kind)


def pagerank(G, *, alpha=0.85, weight="count", personalization=None, max_iter=100,
             tol=1.0e-6) -> dict:
    """PageRank on the directed (multi)graph, parallel edges adding their ``weight``;
    the same fixed point as ``networkx.pagerank``.  The random jump and the mass of
    dangling nodes go to each node in proportion to ``personalization`` (``{node: weight}``,
    missing nodes 0; uniform when None or all zero).  Raises
    ``networkx.PowerIterationFailedConvergence``.

    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> max(pagerank(G, weight=None).items(), key=lambda kv: kv[1])[0]
    'b'
    """
    import numpy as np

    n = len(G)
    if n == 0:
        return {}
    nodes, src, dst, w = _arrays(G, weight)
    out_weight = np.bincount(src, weights=w, minlength=n)
    dangling = out_weight == 0
    share = np.divide(w, out_weight[src], out=np.zeros_like(w), where=out_weight[src] != 0)
    jump = np.full(n, 1.0 / n)
    if personalization:
        wanted = np.array([float(personalization.get(node, 0)) for node in nodes])
        if wanted.sum() > 0:
            jump = wanted / wanted.sum()
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (np.bincount(dst, weights=last[src] * share, minlength=n)
                     + last[dangling].sum() * jump) + (1.0 - alpha) * jump
        if np.abs(x - last).sum() < n * tol:
            return dict(zip(nodes, x.tolist()))
    raise nx.PowerIterationFailedConvergence(max_iter)


def _symmetric(G, weight):
    """Arrays of the undirected projection: both directions of each edge, self-loops once."""
    import numpy as np

    nodes, src, dst, w = _arrays(G, weight)
    loop = src == dst
    return (nodes, np.concatenate([src, dst[~loop]]), np.concatenate([dst, src[~loop]]),
            np.concatenate([w, w[~loop]]))


def eigenvector(G, *, weight="count", max_iter=100, tol=1.0e-6) -> dict:
    """Eigenvector centrality of the undirected projection (pair weight = summed
    ``weight``), by the same power iteration as ``networkx.eigenvector_centrality``.
    Raises ``networkx.PowerIterationFailedConvergence``; see :func:`katz`.

    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> round(eigenvector(G)["b"], 3)
    0.707
    """
    import numpy as np

    n = len(G)
    if n == 0:
        return {}
    nodes, src, dst, w = _symmetric(G, weight)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + np.bincount(dst, weights=last[src] * w, minlength=n)
        x = x / (float(np.sqrt((x * x).sum())) or 1.0)
        if np.abs(x - last).sum() < n * tol:
            return dict(zip(nodes, x.tolist()))
    raise nx.PowerIterationFailedConvergence(max_iter)


def katz_alpha(G, weight="count") -> float:
    """An attenuation factor that always converges: 0.9 / the largest weighted degree."""
    U_degree = {}
    for u, v, w in G.edges(data=weight, default=1):
        U_degree[u] = U_degree.get(u, 0) + w
        if u != v:
            U_degree[v] = U_degree.get(v, 0) + w
    top = max(U_degree.values(), default=0)
    return 0.9 / top if top else 0.1


def katz(G, *, alpha=None, beta=1.0, weight="count", max_iter=1000, tol=1.0e-6) -> dict:
    """Katz centrality of the undirected projection, as ``networkx.katz_centrality``
    (normalised); ``alpha`` defaults to :func:`katz_alpha`, below 1/λmax, so it converges.

    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> max(katz(G).items(), key=lambda kv: kv[1])[0]
    'b'
    """
    import numpy as np

    n = len(G)
    if n == 0:
        return {}
    if alpha is None:
        alpha = katz_alpha(G, weight)
    nodes, src, dst, w = _symmetric(G, weight)
    x = np.zeros(n)
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(dst, weights=last[src] * w, minlength=n) + beta
        if np.abs(x - last).sum() < n * tol:
            x = x / (float(np.sqrt((x * x).sum())) or 1.0)
            return dict(zip(nodes, x.tolist()))
    raise nx.PowerIterationFailedConvergence(max_iter)


def betweenness_plan(G, *, exact_limit=DEFAULT_EXACT_LIMIT, k=None):
    """How :func:`betweenness` will run on G: ``None`` when exact, else the number of
    sampled sources (``k``, default 500, at most the number of nodes)."""
    n = len(G)
    if k is None:
        k = DEFAULT_SAMPLE if n > exact_limit else n
    return None if k >= n else k


def betweenness(G, *, exact_limit=DEFAULT_EXACT_LIMIT, k=None, seed=42) -> dict:
    """Normalised betweenness on the directed simple projection, shortest paths in hops.

    Exact (Brandes) up to ``exact_limit`` nodes; above, or when ``k`` is given, from ``k``
    sources drawn with ``random.Random(seed).sample(list(G), k)`` and rescaled — exactly
    what ``networkx.betweenness_centrality(D, k=k, seed=seed)`` returns on the same graph.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> betweenness(G)["b"]
    0.5
    """
    import numpy as np

    n = len(G)
    if n == 0:
        return {}
    nodes, src, dst, _ = _arrays(G, None)
    keep = src != dst
    pairs = np.unique(src[keep] * n + dst[keep])  # sorted by source, then target
    src, dst = pairs // n, pairs % n
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])

    sample = betweenness_plan(G, exact_limit=exact_limit, k=k)
    if sample is None:
        sources = range(n)
    else:
        index = {node: i for i, node in enumerate(nodes)}
        sources = [index[s] for s in random.Random(seed).sample(nodes, sample)]
    total = np.zeros(n)
    for s in sources:
        total += _dependencies(n, indptr, dst, s)

    if n > 2:
        if sample is None:
            total *= 1.0 / ((n - 1) * (n - 2))
        else:
            scale = np.full(n, 1.0 / (sample * (n - 2)))
            scale[list(sources)] = 1.0 / ((sample - 1) * (n - 2)) if sample > 1 else float("nan")
            total *= scale
    return dict(zip(nodes, total.tolist()))


def _dependencies(n, indptr, indices, s):
    """Brandes' dependency of ``s`` on every node, by level-synchronous BFS on CSR arrays."""
    import numpy as np

    dist = np.full(n, -1, dtype=np.int64)
    sigma = np.zeros(n)
    dist[s], sigma[s] = 0, 1.0
    frontier = np.array([s], dtype=np.int64)
    levels = []
    depth = 0
    while frontier.size:
        starts = indptr[frontier]
        lengths = indptr[frontier + 1] - starts
        count = int(lengths.sum())
        if count == 0:
            break
        ends = np.cumsum(lengths)
        positions = np.repeat(starts - (ends - lengths), lengths) + np.arange(count)
        u = np.repeat(frontier, lengths)
        v = indices[positions]
        fresh = v[dist[v] < 0]
        if fresh.size:
            fresh = np.unique(fresh)
            dist[fresh] = depth + 1
        on_path = dist[v] == depth + 1
        u, v = u[on_path], v[on_path]
        _add(sigma, v, sigma[u])
        levels.append((u, v))
        frontier = fresh
        depth += 1
    delta = np.zeros(n)
    for u, v in reversed(levels):
        _add(delta, u, sigma[u] / sigma[v] * (1.0 + delta[v]))
    delta[s] = 0.0
    return delta


def _add(target, index, values):
    """target[index] += values, summing repeated indices; bincount when the batch is large."""
    import numpy as np

    if index.size * 8 >= target.size:
        target += np.bincount(index, weights=values, minlength=target.size)
    elif index.size:
        np.add.at(target, index, values)


def communities(G, *, weight="count", seed=42, resolution=1.0) -> dict:
    """Louvain communities (``networkx.community.louvain_communities``, seeded) of the
    undirected weighted projection: ``{node: community number}``, communities numbered
    from 0 by decreasing size (ties: by smallest member id).

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("c", "d")])
    >>> communities(G)
    {'a': 0, 'b': 0, 'c': 1, 'd': 1}
    """
    if len(G) == 0:
        return {}
    U = undirected_projection(G, weight)
    found = nx.community.louvain_communities(U, weight=weight, seed=seed, resolution=resolution)
    ordered = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    return {node: i for i, members in enumerate(ordered) for node in sorted(members, key=str)}


def modularity(G, membership: dict, weight="count") -> float:
    """Modularity of a ``{node: community}`` partition on the undirected projection."""
    if G.number_of_edges() == 0:
        return 0.0
    groups = {}
    for node, c in membership.items():
        groups.setdefault(c, set()).add(node)
    return nx.community.modularity(undirected_projection(G, weight), groups.values(), weight=weight)


# --- Neo4j Graph Data Science ---------------------------------------------------------


def gds_centrality_report(store, **options):
    """The centrality report computed inside Neo4j by Graph Data Science
    (``--engine gds``); see :func:`kg.gds.gds_centrality_report`."""
    from kg.gds import gds_centrality_report as report  # lazy: kg.gds imports kg.report

    return report(store, **options)


gds_centrality = gds_centrality_report
