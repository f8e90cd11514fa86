"""Move a graph between stores and tools: export GraphML, JSON or a Cypher script; import JSON.

- ``json``: every node (Actor, Document, Statement) and relationship with all its
  properties; ``import_json`` reads it back into any store (MERGE, so importing twice or
  into a graph that already holds some of it adds nothing twice).
- ``cypher``: a script of ``MERGE`` statements, one per line, that rebuilds the graph
  in any Neo4j (``cypher-shell < graph.cypher``).  It is a file, not a query sent with
  parameters, so values are written as Cypher literals by ``cypher_literal``, which
  escapes every character that could end or bend a string.
- ``graphml``: the actor network (actors and their relationships) through NetworkX,
  list properties as JSON text, for Gephi, Cytoscape or yEd.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

from kg.errors import KGError
from kg.model import ACTOR_TYPES, RELATION_TYPES

__all__ = ["EXPORT_FORMATS", "cypher_literal", "export_graph", "import_json", "read_graph"]

EXPORT_FORMATS = ("graphml", "json", "cypher")
FORMAT_NAME = "kg-graph"
FORMAT_VERSION = 1
NODE_KINDS = ("Actor", "Document", "Statement")
EDGE_TYPES = (*RELATION_TYPES, "SAID", "ABOUT", "IN", "MENTIONED_IN")
# Which node kinds each relationship type joins (source kind, target kind).
EDGE_ENDS = {
    **{t: ("Actor", "Actor") for t in RELATION_TYPES},
    "SAID": ("Actor", "Statement"),
    "ABOUT": ("Statement", "Actor"),
    "IN": ("Statement", "Document"),
    "MENTIONED_IN": ("Actor", "Document"),
}
IMPORT_BATCH = 1000

_NODES = """\
MATCH (n)
WHERE n:Actor OR n:Document OR n:Statement
RETURN labels(n) AS labels, properties(n) AS properties
ORDER BY n.id"""

_EDGES = """\
MATCH (a)-[r]->(b)
WHERE (a:Actor OR a:Statement) AND (b:Actor OR b:Document OR b:Statement)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties
ORDER BY type, source, target"""


def read_graph(store) -> dict:
    """The whole graph as the JSON document ``export_graph(store, "json")`` writes."""
    nodes = []
    for labels, props in store.query(_NODES).rows:
        kind = next((k for k in NODE_KINDS if k in labels), None)
        if kind is None:
            continue
        node = {"kind": kind, "properties": dict(sorted(props.items()))}
        if kind == "Actor":
            node["type"] = next((t for t in labels if t in ACTOR_TYPES), props.get("type"))
        nodes.append(node)
    relationships = [
        {"type": t, "source": s, "target": d, "properties": dict(sorted(p.items()))}
        for t, s, d, p in store.query(_EDGES).rows
        if t in EDGE_ENDS
    ]
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "nodes": nodes,
            "relationships": relationships}


def export_graph(store, fmt: str, out: str | os.PathLike | None = None) -> str:
    """The graph in ``fmt`` (graphml | json | cypher) as text; also written to ``out``
    when given.  Raises KGError for an unknown format."""
    if fmt not in EXPORT_FORMATS:
        raise KGError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    graph = read_graph(store)
    if fmt == "json":
        text = json.dumps(graph, ensure_ascii=False, indent=1) + "\n"
    elif fmt == "cypher":
        text = to_cypher_script(graph)
    else:
        text = to_graphml(graph)
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    return text


# -- Cypher script -------------------------------------------------------------------------

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_literal(value) -> str:
    """A Python value as a Cypher literal that reads back as exactly that value.

    >>> cypher_literal("O'Brien \\\\ `x`\\n")
    "'O\\\\'Brien \\\\\\\\ `x`\\\\n'"
    >>> cypher_literal([1, 2.5, None, True])
    '[1, 2.5, null, true]'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise KGError(f"cannot write {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in _ESCAPES:
                out.append(_ESCAPES[ch])
            elif ord(ch) < 0x20 or ord(ch) == 0x7F or ch in "\u2028\u2029":
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_name(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise KGError(f"cannot write a {type(value).__name__} as a Cypher literal")


def _name(key: str) -> str:
    """A property key or label: bare when it is a plain identifier, else backtick-quoted."""
    key = str(key)
    return key if _IDENT.match(key) else "`" + key.replace("`", "``") + "`"


def to_cypher_script(graph: dict) -> str:
    """A script of MERGE statements, one per line, that rebuilds ``graph`` in Neo4j."""
    from kg.store.dialect import NEO4J

    lines = [
        "// kg graph export: run with cypher-shell (one statement per line).",
        "// Re-running it changes nothing: every node and relationship is MERGEd on its id.",
    ]
    lines += [f"{statement};" for statement in (*NEO4J.constraints, *NEO4J.indexes)]
    for node in graph["nodes"]:
        kind, props = node["kind"], dict(node["properties"])
        node_id = props.pop("id")
        label = f":{_name(node['type'])}" if kind == "Actor" and node.get("type") else ""
        sets = [f"n{label}"] if label else []
        sets += [f"n.{_name(k)} = {cypher_literal(v)}" for k, v in props.items()]
        line = f"MERGE (n:{kind} {{id: {cypher_literal(node_id)}}})"
        if sets:
            line += " SET " + ", ".join(sets)
        lines.append(line + ";")
    for rel in graph["relationships"]:
        source_kind, target_kind = EDGE_ENDS[rel["type"]]
        line = (
            f"MATCH (a:{source_kind} {{id: {cypher_literal(rel['source'])}}}) "
            f"MATCH (b:{target_kind} {{id: {cypher_literal(rel['target'])}}}) "
            f"MERGE (a)-[r:{rel['type']}]->(b)"
        )
        if rel["properties"]:
            line += " SET " + ", ".join(
                f"r.{_name(k)} = {cypher_literal(v)}" for k, v in rel["properties"].items()
            )
        lines.append(line + ";")
    return "\n".join(lines) + "\n"


# -- GraphML ---------------------------------------------------------------------------------


def to_graphml(graph: dict) -> str:
    """The actor network as GraphML (list-valued properties as JSON strings)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node in graph["nodes"]:
        if node["kind"] != "Actor":
            continue
        props = {k: _graphml_value(v) for k, v in node["properties"].items() if v is not None}
        props["type"] = node.get("type") or props.get("type", "")
        g.add_node(node["properties"]["id"], **props)
    for rel in graph["relationships"]:
        if rel["type"] in RELATION_TYPES:
            props = {k: _graphml_value(v) for k, v in rel["properties"].items() if v is not None}
            g.add_edge(rel["source"], rel["target"], key=rel["type"], type=rel["type"], **props)
    return "\n".join(nx.generate_graphml(g)) + "\n"


def _graphml_value(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


# -- import ------------------------------------------------------------------------------------

_IMPORT_ACTORS = """\
UNWIND $rows AS row
MERGE (n:Actor {{id: row.id}})
ON CREATE SET n:{label}, n.aliases = []
WITH n, row
SET n += row.props
WITH n, row
SET n.aliases = n.aliases + [x IN row.aliases WHERE NOT x IN n.aliases]"""

_IMPORT_NODES = """\
UNWIND $rows AS row
MERGE (n:{kind} {{id: row.id}})
SET n += row.props"""

# Actor-to-actor relationships unite their evidence like a load does; the others
# (SAID, ABOUT, IN, MENTIONED_IN) take the imported properties.
_IMPORT_RELATIONS = """\
UNWIND $rows AS row
MATCH (a:Actor {{id: row.source}})
MATCH (b:Actor {{id: row.target}})
MERGE (a)-[r:{type}]->(b)
ON CREATE SET r.evidence = [], r.sentences = [], r.confidence = 0.0
WITH r, row
SET r.evidence = r.evidence + [e IN row.evidence WHERE NOT e IN r.evidence],
    r.sentences = (r.sentences + [x IN row.sentences WHERE NOT x IN r.sentences])[0..{cap}],
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
WITH r
SET r.count = size(r.evidence)"""

_IMPORT_EDGES = """\
UNWIND $rows AS row
MATCH (a:{source} {{id: row.source}})
MATCH (b:{target} {{id: row.target}})
MERGE (a)-[r:{type}]->(b)
SET r += row.props"""

_RECOUNT_MENTIONS = """\
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
MATCH (a)-[m:MENTIONED_IN]->(:Document)
WITH a, toInteger(sum(m.count)) AS n
SET a.mentions = n"""


def import_json(store, path: str | os.PathLike) -> dict:
    """Merge a graph exported as JSON into ``store``; returns counts of what it held.

    Nodes merge on their id (actor aliases are united), actor relationships unite their
    evidence, so importing the same file twice changes nothing.  Raises KGError naming
    the file for anything that is not such an export.
    """
    from kg.store.queries import MAX_SENTENCES

    path = Path(path)
    graph = _read_export(path)
    store.ensure_schema()

    by_label: dict[str, list] = {}
    by_kind: dict[str, list] = {"Document": [], "Statement": []}
    for i, node in enumerate(graph["nodes"]):
        kind, props = node.get("kind"), dict(node.get("properties") or {})
        node_id = props.pop("id", None)
        if kind not in NODE_KINDS or not isinstance(node_id, str):
            raise KGError(f"{path}: node {i} has no kind in {NODE_KINDS} or no string id")
        if kind == "Actor":
            label = node.get("type") or props.get("type")
            if label not in ACTOR_TYPES:
                raise KGError(f"{path}: actor {node_id!r} has unknown type {label!r}")
            aliases = props.pop("aliases", None) or []
            props["type"] = label
            by_label.setdefault(label, []).append({"id": node_id, "props": props, "aliases": aliases})
        else:
            by_kind[kind].append({"id": node_id, "props": props})

    rels: dict[str, list] = {}
    for i, rel in enumerate(graph["relationships"]):
        rtype = rel.get("type")
        if rtype not in EDGE_ENDS:
            raise KGError(f"{path}: relationship {i} has unknown type {rtype!r}")
        if not isinstance(rel.get("source"), str) or not isinstance(rel.get("target"), str):
            raise KGError(f"{path}: relationship {i} needs string source and target ids")
        props = dict(rel.get("properties") or {})
        if rtype in RELATION_TYPES:
            row = {
                "source": rel["source"], "target": rel["target"],
                "evidence": list(props.get("evidence") or []),
                "sentences": list(props.get("sentences") or [])[:MAX_SENTENCES],
                "confidence": float(props.get("confidence") or 0.0),
            }
        else:
            row = {"source": rel["source"], "target": rel["target"], "props": props}
        rels.setdefault(rtype, []).append(row)

    for label, rows in by_label.items():
        _batches(store, _IMPORT_ACTORS.format(label=label), rows)
    for kind, rows in by_kind.items():
        _batches(store, _IMPORT_NODES.format(kind=kind), rows)
    for rtype, rows in rels.items():
        if rtype in RELATION_TYPES:
            cypher = _IMPORT_RELATIONS.format(type=rtype, cap=MAX_SENTENCES)
        else:
            source, target = EDGE_ENDS[rtype]
            cypher = _IMPORT_EDGES.format(type=rtype, source=source, target=target)
        _batches(store, cypher, rows)
    actor_ids = [row["id"] for rows in by_label.values() for row in rows]
    for start in range(0, len(actor_ids), IMPORT_BATCH):
        store.query(_RECOUNT_MENTIONS, {"ids": actor_ids[start:start + IMPORT_BATCH]}, write=True)
    return {
        "actors": len(actor_ids),
        "documents": len(by_kind["Document"]),
        "statements": len(by_kind["Statement"]),
        "relationships": sum(len(rows) for rows in rels.values()),
    }


def _batches(store, cypher: str, rows: list) -> None:
    for start in range(0, len(rows), IMPORT_BATCH):
        store.query(cypher, {"rows": rows[start:start + IMPORT_BATCH]}, write=True)


def _read_export(path: Path) -> dict:
    try:
        graph = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KGError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise KGError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(graph, dict) or graph.get("format") != FORMAT_NAME:
        raise KGError(f"{path}: not a kg graph export (expected \"format\": \"{FORMAT_NAME}\")")
    if graph.get("version") != FORMAT_VERSION:
        raise KGError(f"{path}: unsupported kg graph export version {graph.get('version')!r}")
    if not isinstance(graph.get("nodes"), list) or not isinstance(graph.get("relationships"), list):
        raise KGError(f"{path}: a kg graph export needs \"nodes\" and \"relationships\" lists")
    return graph
